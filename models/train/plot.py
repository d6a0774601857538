"""Plots training and held-out loss (and greedy exact match) from one or more `log.jsonl` files.

python -m models.train.plot --out curve.png lp=runs/lp/log.jsonl baseline=runs/baseline/log.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", required=True)
    p.add_argument("--x", choices=["step", "wall_s"], default="step", help="horizontal axis")
    p.add_argument("runs", nargs="+", help="label=path/to/log.jsonl")
    args = p.parse_args()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    for run in args.runs:
        label, path = run.split("=", 1)
        recs = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
        loss = [(r[args.x], r.get("e2e", r.get("ce"))) for r in recs if not r.get("final")]
        train = [(s, v) for s, v in loss if v is not None]
        ev = [(r[args.x], r["eval_loss"], r["eval_greedy_exact"]) for r in recs if "eval_loss" in r]
        ax1.plot([s for s, _ in train], [v for _, v in train], label=f"{label} train")
        ax1.plot([s for s, _, _ in ev], [v for _, v, _ in ev], "o--", label=f"{label} held-out")
        ax2.plot([s for s, _, _ in ev], [100 * g for _, _, g in ev], "o-", label=label)
    xlabel = "training step" if args.x == "step" else "training wall time (s)"
    ax1.set_xlabel(xlabel)
    ax1.set_ylabel("program-token cross-entropy (end-to-end)")
    ax1.legend()
    ax2.set_xlabel(xlabel)
    ax2.set_ylabel("held-out greedy exact program match (%)")
    ax2.legend()
    fig.tight_layout()
    fig.savefig(args.out, dpi=90)


if __name__ == "__main__":
    main()
