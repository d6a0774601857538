"""Binary shards: the same batches as the JSONL path, a resumable length-sorted order, shards
read while datagen writes them, and datagen's Rust encoding equal to the Python one."""

from __future__ import annotations

import os
import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch
from models.train.data import Encoded, collate, encode_task, read_jsonl
from models.train.shards import (
    HEADER_BYTES,
    RowLayout,
    Shard,
    ShardBatches,
    collate_rows,
    encoded_row,
    read_header,
    write_shard,
)
from models.train.vocab import EOS, DomainVocab

ROOT = Path(__file__).resolve().parents[3]
LAYOUT = RowLayout(examples=4, io_len=10, program_len=16)


def tasks(n: int, seed: int, examples: int | None = None) -> list[Encoded]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        e = examples or int(rng.integers(1, 5))
        ins = [rng.integers(3, 98, int(rng.integers(1, 9))).tolist() for _ in range(e)]
        outs = [rng.integers(3, 98, int(rng.integers(1, 9))).tolist() for _ in range(e)]
        prog = [*rng.integers(3, 316, int(rng.integers(1, 14))).tolist(), EOS]
        out.append(Encoded(ins, outs, prog))
    return out


def shard_of(path: Path, ts: list[Encoded]) -> Path:
    write_shard(path, [encoded_row(t.inputs, t.outputs, t.program, LAYOUT) for t in ts], LAYOUT, 98, 316)
    return path


def test_rows_collate_to_the_jsonl_paths_batch(tmp_path: Path) -> None:
    ts = tasks(6, seed=1, examples=4)
    shard = Shard(shard_of(tmp_path / "a.dshard", ts))
    got = collate_rows(np.array(shard.rows()), LAYOUT)
    want = collate(ts)
    for g, w in ((got.inputs, want.inputs), (got.outputs, want.outputs), (got.program, want.program)):
        assert torch.equal(g.long(), w)


def test_missing_examples_repeat_the_first(tmp_path: Path) -> None:
    ts = tasks(3, seed=2, examples=1)
    b = collate_rows(np.array(Shard(shard_of(tmp_path / "b.dshard", ts)).rows()), LAYOUT)
    assert b.inputs.shape[1] == 4
    for j in range(1, 4):
        assert torch.equal(b.inputs[:, j], b.inputs[:, 0])


def test_the_order_is_fixed_complete_and_length_sorted(tmp_path: Path) -> None:
    ts = tasks(64, seed=3)
    path = shard_of(tmp_path / "c.dshard", ts)
    a = ShardBatches([path], batch=8, seed=7, block_batches=4)
    b = ShardBatches([path], batch=8, seed=7, block_batches=4)
    seen: list[tuple[int, ...]] = []
    widths = []
    for i in range(8):  # two blocks = the whole shard
        x, y = a.at(i), b.at(i)
        assert torch.equal(x.program, y.program)
        seen += [tuple(r[r != 0].tolist()) for r in x.program.long()]
        widths.append(x.program.shape[1])
    assert sorted(seen) == sorted(tuple(t.program) for t in ts)
    # Length-sorted blocks pad less than the longest program in the shard on most batches.
    longest = max(len(t.program) for t in ts)
    assert sum(w < longest for w in widths) >= 4
    # Another seed gives another order; batches 8..11 wrap to the first block's rows, reshuffled.
    c = ShardBatches([path], batch=8, seed=8, block_batches=4)
    assert any(not torch.equal(a.at(i).program, c.at(i).program) for i in range(4))

    def rows(lo: int) -> list[tuple[int, ...]]:
        return sorted(tuple(r[r != 0].tolist()) for i in range(lo, lo + 4) for r in a.at(i).program.long())

    assert rows(8) == rows(0)


def test_a_shard_being_written_is_read_as_far_as_whole_rows_go(tmp_path: Path) -> None:
    ts = tasks(10, seed=4)
    path = shard_of(tmp_path / "d.dshard", ts)
    data = bytearray(path.read_bytes())
    data[12:16] = struct.pack("<I", 0)  # still being written
    w = read_header(path).row_u16s * 2
    path.write_bytes(bytes(data[: HEADER_BYTES + 7 * w + w // 2]))
    s = Shard(path)
    assert not s.complete and s.available() == 7
    assert s.rows().shape == (7, read_header(path).row_u16s)


def docsynth_bin() -> Path | None:
    env = os.environ.get("DOCSYNTH_BIN")
    for p in [Path(env)] if env else [ROOT / "target/debug/docsynth", ROOT / "target/release/docsynth"]:
        if p.is_file():
            return p
    return None


@pytest.mark.skipif(docsynth_bin() is None, reason="no docsynth binary built")
@pytest.mark.parametrize("domain", ["strings", "lists"])
def test_datagen_shards_encode_like_the_python_path(tmp_path: Path, domain: str) -> None:
    binary = docsynth_bin()
    assert binary is not None
    common = ["datagen", "--domain", domain, "--n", "300", "--seed", "11"]
    jsonl, shard = tmp_path / "t.jsonl", tmp_path / "t.dshard"
    subprocess.run([binary, *common, "--out", str(jsonl)], check=True, cwd=ROOT)
    subprocess.run(
        [binary, *common, "--out", str(shard), "--format", "shard", "--max-io-len", "48", "--max-program-len", "40"],
        check=True,
        cwd=ROOT,
    )
    vocab = DomainVocab(domain)
    header = read_header(shard)
    # The header names the DSL's whole token table (strings: docsynth's extension ids 316..);
    # these profiles only sample the model's ids.
    assert header.tasks > 0 and header.program_vocab >= vocab.program_size and header.io_vocab == vocab.io_size
    lay = RowLayout.of(header)
    assert int(np.array(Shard(shard).rows())[:, lay.prog_at :].max()) < vocab.program_size
    # datagen samples the same tasks in the same order; the shard skips programs too long for it.
    py = [e for e in (encode_task(o, vocab, 48, 40) for o in read_jsonl(jsonl)) if e is not None]
    rows = np.array(Shard(shard).rows())
    n = min(len(py), rows.shape[0])
    assert n >= 100
    for t, r in zip(py[:n], rows[:n], strict=True):
        want = encoded_row([x or [0] for x in t.inputs], [x or [0] for x in t.outputs], t.program, lay)
        assert r.tolist() == want
