#!/usr/bin/env bash
# docsynth's main job on the demo file, on a fresh machine: makes sure ONNX Runtime is available
# (the `onnxruntime` wheel in ./.venv, which docsynth finds by itself), builds docsynth, then
# synthesizes verified implementations for the stubs in tests/fixtures/demo.py and checks the file.
# Without network or pip, docsynth still runs: the neural writer is off and says why.
set -uo pipefail
cd "$(dirname "$0")"
file="${1:-tests/fixtures/demo.py}"
if ! { [ -x .venv/bin/python ] && .venv/bin/python -c 'import onnxruntime' 2>/dev/null; }; then
    echo "demo: installing ONNX Runtime (onnxruntime==1.31.1) into ./.venv for the neural writer" >&2
    { [ -x .venv/bin/python ] || python3 -m venv .venv; } &&
        .venv/bin/python -m pip install -q onnxruntime==1.31.1 ||
        echo "demo: could not install onnxruntime; continuing with the enumerative search only" >&2
fi
cargo build --release --quiet --bin docsynth || { echo "demo: cargo build failed" >&2; exit 2; }
echo "== docsynth synth $file"
./target/release/docsynth synth "$file"
echo
echo "== docsynth check $file (the stubs are still stubs: synth only proposes; shout has a bug)"
./target/release/docsynth check "$file"
exit 0
