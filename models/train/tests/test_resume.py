"""Resuming from a checkpoint gives the same next steps as continuing (bitwise on CPU)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from models.train import checkpoint
from models.train.config import ModelConfig
from models.train.data import Encoded
from models.train.shards import RowLayout, ShardBatches, encoded_row, iterate, write_shard
from models.train.trainer import Schedule, Trainer
from models.train.vocab import EOS

TINY = {"dim": 32, "hidden": 64, "heads": 4, "layers": 1}
LAYOUT = RowLayout(examples=4, io_len=12, program_len=24)


def random_tasks(n: int, seed: int) -> list[Encoded]:
    g = torch.Generator().manual_seed(seed)

    def ids(lo: int, hi: int, n_max: int) -> list[int]:
        k = int(torch.randint(1, n_max, (1,), generator=g))
        return torch.randint(lo, hi, (k,), generator=g).tolist()

    tasks = []
    for _ in range(n):
        e = int(torch.randint(2, 5, (1,), generator=g))
        ins = [ids(3, 98, 12) for _ in range(e)]
        outs = [ids(3, 98, 12) for _ in range(e)]
        tasks.append(Encoded(ins, outs, [*ids(3, 316, 20), EOS]))
    return tasks


@pytest.fixture
def shard(tmp_path: Path) -> Path:
    path = tmp_path / "train.dshard"
    rows = [encoded_row(t.inputs, t.outputs, t.program, LAYOUT) for t in random_tasks(96, seed=3)]
    write_shard(path, rows, LAYOUT, io_vocab=98, program_vocab=316)
    return path


def make_trainer(kind: str, seed: int) -> Trainer:
    # Pre-training ends after 3 steps, so the steps compared run the full loss (EMA, restarts).
    sched = Schedule(lr=3e-3, warmup=2, pretrain_steps=3, ref_batch=8, batch=8)
    return Trainer(ModelConfig(kind=kind, **TINY), sched, torch.device("cpu"), seed)


@pytest.mark.parametrize("kind", ["lp", "baseline"])
def test_resuming_gives_the_same_next_steps_as_continuing(kind: str, shard: Path, tmp_path: Path) -> None:
    source = ShardBatches([shard], batch=8, seed=5, block_batches=4)
    a = make_trainer(kind, seed=0)
    batches = iterate(source, 0, a.device)
    for _ in range(6):
        a.train_step(next(batches))
    ckpt = tmp_path / "checkpoint.pt"
    checkpoint.save(ckpt, a.state_dict({"kind": "shards", "batch_index": a.step}))
    continued = [a.train_step(next(batches))["loss"] for _ in range(3)]

    # A fresh process's view: another init seed, another global RNG state, a new reader.
    torch.manual_seed(1234)
    b = make_trainer(kind, seed=99)
    state = checkpoint.load(ckpt)
    b.load_state_dict(state)
    assert b.step == 6 and state["data"]["batch_index"] == 6
    fresh = ShardBatches([shard], batch=8, seed=5, block_batches=4)
    resumed_batches = iterate(fresh, state["data"]["batch_index"], b.device)
    resumed = [b.train_step(next(resumed_batches))["loss"] for _ in range(3)]
    assert resumed == continued, (resumed, continued)
    for (name, p), q in zip(a.model.state_dict().items(), b.model.state_dict().values(), strict=True):
        assert torch.equal(p, q), name


def test_a_different_init_gives_a_different_next_loss(shard: Path) -> None:
    """The resume test above can fail: without the checkpoint the losses differ."""
    source = ShardBatches([shard], batch=8, seed=5, block_batches=4)
    a = make_trainer("lp", seed=0)
    b = make_trainer("lp", seed=99)
    batch = next(iterate(source, 0, a.device))
    assert a.train_step(batch)["loss"] != b.train_step(batch)["loss"]


def test_checkpoints_split_into_parts_and_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checkpoint, "PART_BYTES", 4096)
    state = {"w": torch.randn(5000), "step": 7}
    path = tmp_path / "c.pt"
    parts = checkpoint.save(path, state)
    assert len(parts) > 1 and all(p.stat().st_size <= 4096 for p in parts)
    back = checkpoint.load(path)
    assert back["step"] == 7 and torch.equal(back["w"], state["w"])
    # A smaller checkpoint replaces every part of the larger one.
    checkpoint.save(path, {"step": 8})
    assert len(checkpoint.parts_of(path)) == 1
    assert checkpoint.load(path)["step"] == 8
    # In the background: a snapshot of the state when asked, whatever training does next.
    w = torch.zeros(3000)
    thread = checkpoint.save_in_background(path, {"w": w, "step": 9})
    w += 1.0
    thread.join()
    back = checkpoint.load(path)
    assert back["step"] == 9 and float(back["w"].abs().sum()) == 0.0


def test_keep_replaces_the_kept_checkpoint_only_when_better(tmp_path: Path) -> None:
    from models.train import keep

    run, dest = tmp_path / "run", tmp_path / "kept"

    def finish(loss: float | None, tag: int) -> None:
        checkpoint.save(run / "checkpoint.pt", {"step": tag, "wall_s": 1.0, "config": {}, "last_eval": loss})
        (run / "log.jsonl").write_text(f'{{"step": {tag}}}\n')

    finish(2.0, 1)
    assert keep.main(["--run", str(run), "--to", str(dest)]) == 0
    finish(2.5, 2)  # worse: refused
    assert keep.main(["--run", str(run), "--to", str(dest)]) == 1
    finish(None, 3)  # no held-out loss: refused
    assert keep.main(["--run", str(run), "--to", str(dest)]) == 1
    assert checkpoint.load(dest / "checkpoint.pt")["step"] == 1
    finish(1.5, 4)
    assert keep.main(["--run", str(run), "--to", str(dest), "--max-mib", "0.000001"]) == 1  # too large
    assert keep.main(["--run", str(run), "--to", str(dest)]) == 0
    assert checkpoint.load(dest / "checkpoint.pt")["step"] == 4
    assert (dest / "log.jsonl").read_text() == '{"step": 4}\n'
