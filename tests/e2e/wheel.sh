#!/usr/bin/env bash
# The `pip install docsynth` path, for real: builds the wheel (maturin, release, stripped),
# installs it into a fresh virtual environment (which pulls onnxruntime from the index), and runs
# the installed `docsynth` from an unrelated folder with nothing of the repository in reach
# (no ORT_DYLIB_PATH, no DOCSYNTH_MODEL_DIR, no `.venv` above it, PATH = the new environment and
# /usr/bin:/bin). `doctor` must find the environment's own ONNX Runtime and both shipped models,
# loaded; `synth --engine neural` must run the neural writer for a strings and a lists function
# (never "unavailable"), and `synth --write` must apply a verified body and keep a backup.
# The environment stays (outside the repository, one per checkout: DOCSYNTH_WHEEL_VENV) for the Neovim test, which loads the plugin the wheel
# installs (share/docsynth/nvim) as the README's lazy.nvim spec does.
# DOCSYNTH_WHEEL=path skips the build and tests that wheel.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
start=$(date +%s)
py="$repo/.venv/bin/python"
[ -x "$py" ] || py=python3
if [ -z "${DOCSYNTH_WHEEL:-}" ]; then
    "$py" -m maturin --version >/dev/null 2>&1 || "$py" -m pip install -q 'maturin>=1.5,<2'
    rm -f target/wheels/docsynth-*.whl
    "$py" -m maturin build --release --out target/wheels 2>&1 | grep -E '^(📦|🔗|error|warning: unused)' || true
    DOCSYNTH_WHEEL=$(ls target/wheels/docsynth-*.whl)
fi
wheel="$DOCSYNTH_WHEEL"
built=$(date +%s)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# What the wheel holds: the binary, both shipped models (no baselines, no training logs), the
# Neovim plugin.
"$py" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
data = [n for n in names if ".data/data/share/docsynth/" in n]
need = ["scripts/docsynth", "models/strings/model.json", "models/lists/model.json",
        "models/strings/program_step_kv.onnx", "models/lists/encoder.onnx",
        "nvim/lua/docsynth/init.lua", "nvim/lua/docsynth/health.lua"]
missing = [n for n in need if not any(x.endswith(n) for x in names)]
bad = [n for n in names if "baseline" in n or "train_logs" in n or n.endswith(".png")]
assert not missing and not bad, (missing, bad)
print(f"tests/e2e/wheel: {sys.argv[1]}: {len(names)} files, {len(data)} under share/docsynth")
PY
venv="${DOCSYNTH_WHEEL_VENV:-${TMPDIR:-/tmp}/docsynth-wheel-venv-$(printf %s "$repo" | cksum | cut -d' ' -f1)}"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
work="$tmp/project"
mkdir -p "$work"
cat > "$work/stubs.py" <<'PY'
def first_word(s: str) -> str:
    """The first word.

    >>> first_word("hello world")
    'hello'
    >>> first_word("Ada Lovelace")
    'Ada'
    """
    ...


def largest(xs: list[int]) -> int:
    """The largest element.

    >>> largest([3, 1, 2])
    3
    >>> largest([5, 9, -1, 0])
    9
    >>> largest([7])
    7
    """
    ...
PY
cp "$work/stubs.py" "$work/original.py"
run() { (cd "$work" && env -i HOME="$tmp" PATH="$venv/bin:/usr/bin:/bin" "$@"); }
[ "$(run sh -c 'command -v docsynth')" = "$venv/bin/docsynth" ]
run docsynth doctor --json > "$tmp/doctor.json" || true
"$py" - "$tmp/doctor.json" "$venv" <<'PY'
import json, sys
report, venv = json.load(open(sys.argv[1])), sys.argv[2]
rt = report["onnx_runtime"].get("Ok")
assert rt and rt["path"].startswith(venv + "/lib") and rt["version"].startswith("1.31."), report["onnx_runtime"]
for m in report["models"]:
    found = m["model"].get("Ok")
    assert found, m
    assert found["path"] == f"{venv}/share/docsynth/models/{m['domain']}", found
    assert found["card"].startswith("Model card:"), found
    assert found["device"].get("Ok") in ("cpu", "cuda"), found
assert sorted(m["domain"] for m in report["models"]) == ["lists", "strings"], report["models"]
print(f"tests/e2e/wheel: doctor: ONNX Runtime {rt['version']} and both models from the environment, on "
      + ", ".join(f"{m['domain']} {m['model']['Ok']['device']['Ok']}" for m in report["models"]))
PY
run docsynth synth stubs.py --engine neural --beam 100 --latent-beams 10 --budget-ms 20000 --json > "$tmp/neural.json" || true
"$py" - "$tmp/neural.json" <<'PY'
import json, sys
results = {r["function"]: r for r in json.load(open(sys.argv[1]))}
for name, domain in [("first_word", "strings"), ("largest", "lists")]:
    r = results[name]
    assert domain in (r["domain"] or ""), r
    # The writer ran (it may find nothing; it must never be unavailable).
    assert r["status"] != "writer_unavailable", r
    assert r["status"] == "solved" and r["candidates"][0]["source"] == "neural", r
print("tests/e2e/wheel: synth --engine neural: verified neural candidates for first_word (strings) and largest (lists)")
PY
run docsynth synth stubs.py --write > /dev/null
cmp -s "$work/stubs.py.bak" "$work/original.py"
! cmp -s "$work/stubs.py" "$work/original.py"
run docsynth check stubs.py > /dev/null
echo "tests/e2e/wheel: synth --write applied verified bodies (check passes) and kept stubs.py.bak"
echo "tests/e2e/wheel: ok ($(du -h "$wheel" | cut -f1) wheel; build $((built - start)) s, install and run $(( $(date +%s) - built )) s)"
