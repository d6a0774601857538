#!/usr/bin/env bash
# Superseded by models/train/gpu_slot.sh (shards beside training, exact resume, results in $OUT);
# kept as the recipe of the shipped strings models (MODEL_CARD.md).
# Trains LP and the baseline side by side on one GPU machine (same data, same time budget).
# Usage: models/train/remote_train.sh DOCSYNTH_BIN N_TASKS TIME_LIMIT_S [extra train args]
# Data and checkpoints live in models/train/runs/ (ignored); a rerun resumes both runs.
set -euo pipefail
bin=$1; n=$2; limit=$3; shift 3
runs=${RUNS:-models/train/runs}
mkdir -p "$runs/data"
if [ ! -s "$runs/data/train.jsonl" ]; then
  jobs=$(nproc)
  for i in $(seq 0 $((jobs - 1))); do
    "$bin" datagen --domain strings --profile exedec --n $((n / jobs)) --seed $((100 + i)) \
      --out "$runs/data/part$i.jsonl" &
  done
  "$bin" datagen --domain strings --profile exedec --n 1000 --seed 999001 --out "$runs/data/heldout.jsonl" &
  wait
  cat "$runs"/data/part*.jsonl > "$runs/data/train.jsonl"
  rm "$runs"/data/part*.jsonl
  wc -l "$runs/data/train.jsonl"
fi
py=${PYTHON:-python3}
for kind in lp baseline; do
  "$py" -m models.train.train --kind "$kind" --data "$runs/data/train.jsonl" --eval "$runs/data/heldout.jsonl" \
    --out "$runs/$kind" --time-limit "$limit" --export-to "$runs/$kind/weights.pt" "$@" \
    > "$runs/$kind.out" 2>&1 &
done
wait
tail -3 "$runs/lp.out" "$runs/baseline.out"
