"""Keeps a run's checkpoint in the repository when it is better than the one kept there.

python -m models.train.keep --run runs/lp --to models/train/checkpoints/strings-lp

"Better" is a lower held-out loss of the checkpoint's weights (`last_eval`, from train.py's final
evaluation on the same held-out set); a checkpoint without one never replaces a kept one that has it. The parts
(≤ 15 MiB each), the training log and `kept.json` (step, examples, wall time, loss, sizes) are
copied; `--max-mib` refuses checkpoints that would make the working tree too large to send to a
GPU slot (the tree travels whole, 64 MiB at most).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from . import checkpoint


def kept_loss(dest: Path) -> float | None:
    meta = dest / "kept.json"
    if not meta.exists():
        return None
    loss = json.loads(meta.read_text()).get("last_eval")
    return float(loss) if loss is not None else None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--run", required=True, help="training output folder (checkpoint.pt.xz.*, log.jsonl)")
    p.add_argument("--to", required=True, help="folder in the repository")
    p.add_argument("--max-mib", type=float, default=16.0, help="largest checkpoint kept (all parts)")
    p.add_argument("--force", action="store_true", help="replace even when not better")
    args = p.parse_args(argv)
    run, dest = Path(args.run), Path(args.to)
    src = run / "checkpoint.pt"
    state = checkpoint.load(src)
    loss = state.get("last_eval")
    size = checkpoint.size_bytes(src)
    old = kept_loss(dest)
    print(f"run: step {state['step']}, held-out loss {loss}, {size / 2**20:.1f} MiB; kept: loss {old}")
    if size > args.max_mib * 2**20:
        print(f"not kept: {size / 2**20:.1f} MiB > --max-mib {args.max_mib}")
        return 1
    better = old is None or (loss is not None and float(loss) < old)
    if not (better or args.force):
        print("not kept: not better than the kept checkpoint")
        return 1
    dest.mkdir(parents=True, exist_ok=True)
    for part in checkpoint.parts_of(dest / "checkpoint.pt"):
        part.unlink()
    for part in checkpoint.parts_of(src):
        shutil.copy2(part, dest / part.name)
    if (run / "log.jsonl").exists():
        shutil.copy2(run / "log.jsonl", dest / "log.jsonl")
    meta = {
        "step": state["step"],
        "examples": state.get("examples"),
        "wall_s": round(float(state["wall_s"]), 1),
        "last_eval": loss,
        "config": state["config"],
        "schedule": state.get("schedule"),
        "data": state.get("data"),
        "parts": [q.name for q in checkpoint.parts_of(dest / "checkpoint.pt")],
        "bytes": checkpoint.size_bytes(dest / "checkpoint.pt"),
    }
    (dest / "kept.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"kept in {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
