#!/usr/bin/env bash
# Headless Neovim end-to-end test of extensions/nvim against the real `docsynth lsp`.
# The plugin and server are the ones `pip install docsynth` installs (the environment
# tests/e2e/wheel.sh leaves), loaded as README.md's lazy.nvim spec says.
# Usage: tests/nvim/run.sh   (env: DOCSYNTH_WHEEL_VENV for another installed environment; DOCSYNTH_NVIM to use
# another nvim than the one on PATH; DOCSYNTH_STAGES to
# run a subset of startup,health,diagnostics,action,command,settings,ask,replace; DOCSYNTH_E2E_OPTIONAL=1 to skip, with a
# reason, when nvim is missing instead of failing).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
nvim="${DOCSYNTH_NVIM:-nvim}"
if ! command -v "$nvim" >/dev/null; then
    if [ "${DOCSYNTH_E2E_OPTIONAL:-0}" = 1 ]; then
        echo "tests/nvim: SKIPPED: nvim not installed (apt-get install -y neovim)"
        exit 0
    fi
    echo "tests/nvim: nvim not installed (apt-get install -y neovim; .ci/run installs it)" >&2
    exit 1
fi
venv="${DOCSYNTH_WHEEL_VENV:-${TMPDIR:-/tmp}/docsynth-wheel-venv-$(printf %s "$repo" | cksum | cut -d' ' -f1)}"
if [ ! -x "$venv/bin/docsynth" ]; then
    if [ "${DOCSYNTH_E2E_OPTIONAL:-0}" = 1 ]; then
        echo "tests/nvim: SKIPPED: no installed docsynth in $venv (tests/e2e/wheel.sh installs it)"
        exit 0
    fi
    echo "tests/nvim: no installed docsynth in $venv: run tests/e2e/wheel.sh" >&2
    exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project"
cp "$repo/tests/fixtures/demo.py" "$work/project/demo.py"
cp "$repo/tests/fixtures/demo.py" "$work/project/command.py" # a second copy for :DocsynthSynthesize
cp "$repo/tests/fixtures/ask.py" "$work/project/ask.py"
: >"$work/project/pyproject.toml"
nvim="$(command -v "$nvim")"
echo "tests/nvim: $("$nvim" --version | head -1), server $venv/bin/docsynth (on PATH)"
start=$(date +%s)
status=0
# XDG dirs in the scratch folder: no user config, and the LSP log lands there. No ORT_DYLIB_PATH or
# DOCSYNTH_MODEL_DIR (CI exports the former): the installed docsynth finds its own.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
XDG_CACHE_HOME="$work/cache" \
PATH="$venv/bin:$PATH" DOCSYNTH_REPO="$repo" DOCSYNTH_FILE="$work/project/demo.py" \
DOCSYNTH_CMD_FILE="$work/project/command.py" DOCSYNTH_ASK_FILE="$work/project/ask.py" \
    env -u ORT_DYLIB_PATH -u DOCSYNTH_MODEL_DIR timeout "${DOCSYNTH_NVIM_TIMEOUT_S:-300}" \
    "$nvim" --headless -u NONE -i NONE -n -c "luafile $repo/tests/nvim/e2e.lua" </dev/null || status=$?
echo "tests/nvim: finished in $(( $(date +%s) - start )) s, exit $status"
if [ "$status" != 0 ]; then
    for log in "$work"/state/nvim/lsp.log "$work"/cache/nvim/lsp.log; do
        [ -s "$log" ] && { echo "--- $log (tail)"; tail -n 40 "$log"; }
    done
fi
exit "$status"
