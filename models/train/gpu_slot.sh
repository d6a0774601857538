#!/usr/bin/env bash
# One GPU slot (≤ 10 minutes, ≤ 8 returned files of ≤ 16 MiB): datagen writes token-id shards in
# parallel processes beside training, training runs TRAIN_S seconds (bf16, fused AdamW, large
# batch, exact resume from the checkpoint kept in the repository), then export, and into $OUT:
# slot.log (everything printed), train_log.jsonl, checkpoint.pt.xz.000… (≤ 15 MiB each) and the
# exported model as model-KIND.tar.xz when it fits beside them (else export it again from the
# checkpoint on a CPU).
#
# Here, first (the release binary has debug info, 67 MiB; stripped and xz'd it is 2.9 MiB, and
# the working tree that travels may hold 64 MiB in all, 41.6 of them tracked files):
#   cargo build --release && mkdir -p target/slot && strip -o target/slot/docsynth target/release/docsynth \
#     && xz -1 -f target/slot/docsynth
# then: device run, carry ["target/slot"], timeout_s 600:
#   KIND=lp models/train/gpu_slot.sh
#
# Dry run on a CPU (tiny limits):
#   OUT=/tmp/slot DEVICE=cpu TRAIN_S=20 JOBS=2 N_PER_SHARD=3000 BATCH=16 BLOCK_BATCHES=8 \
#     EVAL_N=32 DIM=32 HIDDEN=64 LAYERS=1 models/train/gpu_slot.sh
#
# Env: KIND (lp|baseline), BIN, PY, OUT, DEVICE, TRAIN_S, JOBS (datagen processes), N_PER_SHARD,
# BATCH, LR, BLOCK_BATCHES, COMPILE (1: torch.compile), KEEP (checkpoint folder to resume from;
# default models/train/checkpoints/strings-$KIND), EVAL_N, DIM/HIDDEN/LAYERS (dry runs only).
set -euo pipefail
t_start=$(date +%s)
kind=${KIND:-lp}
bin=${BIN:-target/slot/docsynth}
py=${PY:-python3}
out=${OUT:?set OUT to the folder whose files come back}
device=${DEVICE:-cuda}
train_s=${TRAIN_S:-450}
jobs=${JOBS:-$(($(nproc) - 2))}
# Rows are 2.8 KiB (4 examples × 160 I/O ids, 130 program ids): 12 × 700k ≈ 24 GiB of disk.
n_per_shard=${N_PER_SHARD:-700000}
batch=${BATCH:-1024}
block_batches=${BLOCK_BATCHES:-32}
keep=${KEEP:-models/train/checkpoints/strings-$kind}
runs=${RUNS:-/tmp/docsynth-slot}
eval_n=${EVAL_N:-512}
size_args=()
[ -n "${DIM:-}" ] && size_args+=(--dim "$DIM")
[ -n "${HIDDEN:-}" ] && size_args+=(--hidden "$HIDDEN")
[ -n "${LAYERS:-}" ] && size_args+=(--layers "$LAYERS")
compile_args=()
[ "${COMPILE:-0}" = 1 ] && compile_args+=(--compile)

mkdir -p "$out" "$runs/shards" "$runs/$kind"
export PYTHONUNBUFFERED=1
log() { echo "[$(($(date +%s) - t_start)) s] $*" | tee -a "$out/slot.log"; }
log "kind $kind device $device train ${train_s}s batch $batch datagen ${jobs}x${n_per_shard}"
if [ ! -x "$bin" ] && [ -f "$bin.xz" ]; then
  xz -dc "$bin.xz" >/tmp/docsynth && chmod +x /tmp/docsynth && bin=/tmp/docsynth
fi
[ -x "$bin" ] || { log "no docsynth binary at $bin (carry target/slot, see the top of this script)"; exit 2; }
"$py" -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())' | tee -a "$out/slot.log"
[ "$device" = cuda ] && { nvidia-smi --query-gpu=name,memory.total --format=csv,noheader | tee -a "$out/slot.log" || true; }

# Resume: the checkpoint kept in the repository (its parts), unless this run folder has a newer one.
if ls "$keep"/checkpoint.pt.xz.* >/dev/null 2>&1 && ! ls "$runs/$kind"/checkpoint.pt.xz.* >/dev/null 2>&1; then
  cp "$keep"/checkpoint.pt.xz.* "$runs/$kind/"
  log "resuming from $keep"
fi

# Held-out set (never trained on) and the shards, written beside training. Fixed seeds: a
# resumed run regenerates the same rows and continues at its batch index.
"$bin" datagen --domain strings --profile exedec --n 1000 --seed 999001 --out "$runs/heldout.jsonl"
pids=()
for i in $(seq 0 $((jobs - 1))); do
  "$bin" datagen --domain strings --profile exedec --format shard --n "$n_per_shard" --seed $((100 + i)) \
    --out "$runs/shards/part$(printf %02d "$i").dshard" 2>>"$out/slot.log" &
  pids+=($!)
done
stop_datagen() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap stop_datagen EXIT
sleep 2
log "datagen started (${#pids[@]} processes)"

set +e
"$py" -m models.train.train --kind "$kind" --shards "$runs/shards" --eval "$runs/heldout.jsonl" --eval-n "$eval_n" \
  --out "$runs/$kind" --device "$device" --time-limit "$train_s" --batch "$batch" --block-batches "$block_batches" \
  ${LR:+--lr "$LR"} --log-every 50 --eval-every 500 --ckpt-every-s 240 "${size_args[@]}" "${compile_args[@]}" \
  2>&1 | tee -a "$out/slot.log"
status=${PIPESTATUS[0]}
set -e
stop_datagen
rows=$("$py" - "$runs/shards" <<'EOF'
import sys
from models.train.shards import Shard, shard_paths
print(sum(Shard(p).available() for p in shard_paths(sys.argv[1])))
EOF
)
log "training exited with $status; datagen wrote $rows rows"
[ "$status" = 0 ] || exit "$status"

# Export (ONNX graphs + manifest), then pack what comes back.
if "$py" -m models.train.export --checkpoint "$runs/$kind/checkpoint.pt" --out "$runs/model-$kind" >>"$out/slot.log" 2>&1; then
  log "exported to $runs/model-$kind"
else
  log "export failed (above)"
fi
cp "$runs/$kind"/checkpoint.pt.xz.* "$out/"
cp "$runs/$kind/log.jsonl" "$out/train_log.jsonl"
ckpt_bytes=$(cat "$out"/checkpoint.pt.xz.* | wc -c)
# The model comes back only if it fits beside the checkpoint (it can be exported again from it).
if [ -d "$runs/model-$kind" ]; then
  tar -C "$runs" -cf - "model-$kind" | xz -1 -T0 >"$runs/model.tar.xz"
  model_bytes=$(wc -c <"$runs/model.tar.xz")
  n_files=$(find "$out" -type f | wc -l)
  if [ $((ckpt_bytes + model_bytes)) -lt $((60 * 1024 * 1024)) ] && [ "$model_bytes" -lt $((16 * 1024 * 1024)) ] \
    && [ "$n_files" -lt 8 ]; then
    cp "$runs/model.tar.xz" "$out/model-$kind.tar.xz"
  else
    log "model.tar.xz ($model_bytes bytes) left out: export it again from the checkpoint"
  fi
fi
log "done: $(find "$out" -type f | wc -l) files, $(du -sb "$out" | cut -f1) bytes"
ls -l "$out" | tee -a "$out/slot.log"
