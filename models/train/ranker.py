"""Trains docsynth's learned ranker: logistic regression on `docsynth bench rank --out` data.

Each line is one verified candidate of a self-generated task: its features (`server/src/rank.rs`)
and whether it passes the task's held-out examples. The model is fitted on standardized
features with L2 regularization (plain gradient descent, numpy only) on the training tasks and
judged on the others by top-1 generalization per task against the writers' order and the
pragmatic (RSA) listener. Writes `ranker.json` in the layout `LearnedRanker` reads.

    python -m models.train.ranker data.jsonl --out models/ranker/ranker.json
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FEATURES = [
    "code_tokens",
    "lines",
    "dsl_size",
    "constants",
    "unexplained_constants",
    "docstring_constants",
    "magic_offsets",
    "unused_params",
    "docstring_words",
    "relative_score",
    "neural",
    "cluster_size",
    "rsa",
    "true_share",
    "raise_share",
]


@dataclass
class Candidate:
    task: str
    writer_order: int
    x: np.ndarray
    label: bool


def load(path: Path) -> list[Candidate]:
    out = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        x = np.array([float(row["features"].get(name, 0.0)) for name in FEATURES])
        # Tasks are numbered per file: the file's name keeps them apart.
        task = f"{path.name}:{row['task']}"
        out.append(Candidate(task, int(row["writer_order"]), x, bool(row["label"])))
    return out


@dataclass
class Model:
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    std: np.ndarray

    def logit(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.std) @ self.weights + self.bias


def fit(cands: list[Candidate], l2: float, steps: int, lr: float) -> Model:
    x = np.stack([c.x for c in cands])
    y = np.array([1.0 if c.label else 0.0 for c in cands])
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        grad_w = z.T @ (p - y) / len(y) + l2 * w
        grad_b = float(np.mean(p - y))
        w -= lr * grad_w
        b -= lr * grad_b
    return Model(w, b, mean, std)


def sigmoid(s: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * s))


def fit_pairwise(cands: list[Candidate], l2: float, steps: int, lr: float, offset: float | None = None) -> Model:
    """Logistic regression on within-task differences (a generalizing candidate against a
    failing one of the same task): the ranking question the model is asked.

    With `offset`, the writers' cost (`relative_score`, in cost units) enters with that fixed
    weight and the other features learn a correction to it: the model keeps the writers' order
    where the features say nothing."""
    x_all = np.stack([c.x for c in cands])
    mean = x_all.mean(axis=0)
    std = x_all.std(axis=0)
    std[std == 0] = 1.0
    by_task: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_task[c.task].append(c)
    diffs = []
    for members in by_task.values():
        for good in (c for c in members if c.label):
            for bad in (c for c in members if not c.label):
                diffs.append((good.x - bad.x) / std)
    if not diffs:
        return Model(np.zeros(len(FEATURES)), 0.0, mean, std)
    z = np.concatenate([np.stack(diffs), -np.stack(diffs)])
    y = np.concatenate([np.ones(len(diffs)), np.zeros(len(diffs))])
    fixed = np.zeros(len(y))
    learned = np.ones(z.shape[1])
    if offset is not None:
        cost = FEATURES.index("relative_score")
        fixed = offset * std[cost] * z[:, cost]
        learned[cost] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = sigmoid(z @ w + fixed)
        w -= lr * learned * (z.T @ (p - y) / len(y) + l2 * w)
    if offset is not None:
        w[FEATURES.index("relative_score")] = offset * std[FEATURES.index("relative_score")]
    return Model(w, 0.0, mean, std)


def top1(cands: list[Candidate], key: dict[int, float]) -> tuple[int, int]:
    """(tasks whose best-keyed candidate generalizes, tasks) over the given candidates."""
    by_task: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        by_task[c.task].append(i)
    good = 0
    for members in by_task.values():
        best = max(members, key=lambda i: (key[i], -cands[i].writer_order))
        good += cands[best].label
    return good, len(by_task)


def scores(cands: list[Candidate], model: Model) -> dict[str, int]:
    """Top-1 generalizing tasks under each ordering, with the oracle and the task count."""
    rsa = FEATURES.index("rsa")
    keys = {
        "writers' order": {i: -float(c.writer_order) for i, c in enumerate(cands)},
        "rsa": {i: float(c.x[rsa]) for i, c in enumerate(cands)},
        "learned": {i: float(v) for i, v in enumerate(model.logit(np.stack([c.x for c in cands])))},
    }
    out = {k: top1(cands, v)[0] for k, v in keys.items()}
    out["oracle"] = len({c.task for c in cands if c.label})
    out["tasks"] = len({c.task for c in cands})
    return out


def report(name: str, s: dict[str, int]) -> None:
    tasks = s["tasks"]
    parts = [f"{k} {v}/{tasks}" for k, v in s.items() if k != "tasks"]
    print(f"{name}: " + ", ".join(parts))


def evaluate(name: str, cands: list[Candidate], model: Model) -> None:
    report(name, scores(cands, model))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path, nargs="+", help="`bench rank --out` files")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--l2", type=float, default=1e-2)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--lr", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pairwise", action="store_true", help="fit on within-task pairs")
    parser.add_argument(
        "--offset",
        type=float,
        help="with --pairwise: the writers' cost's fixed weight; the rest learns a correction to it",
    )
    parser.add_argument(
        "--folds", type=int, default=4, help="cross-validation folds by task (every task held out once)"
    )
    args = parser.parse_args()
    cands = [c for path in args.data for c in load(path)]
    tasks = sorted({c.task for c in cands})
    random.Random(args.seed).shuffle(tasks)
    test_tasks = set(tasks[: len(tasks) // 4])
    train = [c for c in cands if c.task not in test_tasks]
    test = [c for c in cands if c.task in test_tasks]

    def fitter(c: list[Candidate], l2: float, steps: int, lr: float) -> Model:
        if args.pairwise:
            return fit_pairwise(c, l2, steps, lr, args.offset)
        return fit(c, l2, steps, lr)

    model = fitter(train, args.l2, args.steps, args.lr)
    evaluate("train", train, model)
    evaluate("held-out tasks", test, model)
    if args.folds > 1:
        total: dict[str, int] = defaultdict(int)
        for k in range(args.folds):
            held = set(tasks[k :: args.folds])
            fold = fitter([c for c in cands if c.task not in held], args.l2, args.steps, args.lr)
            for key, v in scores([c for c in cands if c.task in held], fold).items():
                total[key] += v
        report(f"{args.folds}-fold held-out tasks", dict(total))
    final = fitter(cands, args.l2, args.steps, args.lr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "features": FEATURES,
                "weights": final.weights.tolist(),
                "bias": final.bias,
                "mean": final.mean.tolist(),
                "std": final.std.tolist(),
            },
            indent=1,
        )
        + "\n"
    )
    for name, w in sorted(zip(FEATURES, final.weights, strict=True), key=lambda p: -abs(p[1])):
        print(f"  {name:>22} {w:+.3f}")


if __name__ == "__main__":
    main()
