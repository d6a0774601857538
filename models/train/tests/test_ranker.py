"""The learned ranker's trainer: reads `bench rank --out` lines (older lines without the newer
features too), keeps tasks of different files apart, and learns an obvious signal."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from models.train.ranker import FEATURES, fit, load, scores


def write_rows(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def row(task: str, order: int, label: bool, **features: float) -> dict:
    return {"task": task, "writer_order": order, "features": features, "label": label}


def test_load_fills_missing_features_and_names_tasks_by_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_rows(a, [row("python-1", 1, True, rsa=-0.5)])
    write_rows(b, [row("python-1", 1, False, true_share=0.9)])
    cands = load(a) + load(b)
    assert len({c.task for c in cands}) == 2
    assert cands[0].x[FEATURES.index("rsa")] == -0.5
    assert cands[0].x[FEATURES.index("true_share")] == 0.0
    assert cands[1].x[FEATURES.index("true_share")] == 0.9


def test_fit_learns_to_prefer_the_signal_over_the_writers_order(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    rows = []
    for t in range(40):
        good = int(rng.integers(2))
        for order in (1, 2):
            is_good = order - 1 == good
            rows.append(row(f"t{t}", order, is_good, true_share=0.2 if is_good else 0.95))
    path = tmp_path / "d.jsonl"
    write_rows(path, rows)
    cands = load(path)
    s = scores(cands, fit(cands, l2=1e-2, steps=500, lr=0.5))
    assert s["learned"] == s["oracle"] == s["tasks"] == 40
    assert s["writers' order"] < 40
