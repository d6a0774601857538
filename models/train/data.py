"""Training data from `docsynth datagen` JSONL (a file, or an endless child process)."""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import Tensor

from .vocab import EOS, DomainVocab, IoVocab


@dataclass
class Encoded:
    """One task as id lists: per-example inputs and outputs, program tokens ending in EOS."""

    inputs: list[list[int]]
    outputs: list[list[int]]
    program: list[int]


@dataclass
class Batch:
    inputs: Tensor  # (N, E, Li)
    outputs: Tensor  # (N, E, Lo)
    program: Tensor  # (N, T)

    def to(self, device: torch.device) -> Batch:
        return Batch(self.inputs.to(device), self.outputs.to(device), self.program.to(device))


def encode_task(obj: dict[str, object], vocab: DomainVocab, max_io: int, max_prog: int) -> Encoded | None:
    """Encodes one datagen record; None when the program is too long or there are no examples."""
    tokens = [int(t) for t in obj.get("tokens", [])]  # type: ignore[union-attr]
    examples = obj.get("examples", [])
    if not tokens or not examples or len(tokens) + 1 > max_prog:
        return None
    ins: list[list[int]] = []
    outs: list[list[int]] = []
    for ex in examples:  # type: ignore[union-attr]
        ins.append(vocab.encode_inputs(list(ex["inputs"]))[:max_io] or [0])
        outs.append(vocab.encode_output(ex["output"])[:max_io] or [0])
    return Encoded(ins, outs, [*tokens, EOS])


def encode_spec(inputs: list[list[str]], outputs: list[str], vocab: IoVocab, max_io: int) -> tuple[Tensor, Tensor]:
    """One task's examples as (E, Li), (E, Lo) int64 tensors (what the exported encoder takes)."""
    ins = [vocab.encode_inputs(x)[:max_io] for x in inputs]
    outs = [vocab.encode(y)[:max_io] for y in outputs]
    return pad2(ins), pad2(outs)


def pad2(rows: list[list[int]]) -> Tensor:
    width = max(1, max(len(r) for r in rows))
    out = torch.zeros(len(rows), width, dtype=torch.long)
    for i, r in enumerate(rows):
        out[i, : len(r)] = torch.tensor(r, dtype=torch.long)
    return out


def _fill(rows: list[list[int]], width: int) -> Tensor:
    """Rows of ids -> (len(rows), width) int64, zero-padded, built in one tensor call."""
    flat = [r + [0] * (width - len(r)) for r in rows]
    return torch.tensor(flat, dtype=torch.long)


def collate(tasks: list[Encoded]) -> Batch:
    """Pads a list of tasks; tasks with fewer examples repeat their first (max-pool is unchanged)."""
    e = max(len(t.inputs) for t in tasks)
    li = max(len(x) for t in tasks for x in t.inputs)
    lo = max(len(x) for t in tasks for x in t.outputs)
    lt = max(len(t.program) for t in tasks)
    ins: list[list[int]] = []
    outs: list[list[int]] = []
    for t in tasks:
        for j in range(e):
            k = j if j < len(t.inputs) else 0
            ins.append(t.inputs[k])
            outs.append(t.outputs[k])
    n = len(tasks)
    return Batch(
        _fill(ins, li).reshape(n, e, li),
        _fill(outs, lo).reshape(n, e, lo),
        _fill([t.program for t in tasks], lt),
    )


def read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    with path.open() as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def load_encoded(path: Path, vocab: DomainVocab, max_io: int, max_prog: int, limit: int | None = None) -> list[Encoded]:
    out: list[Encoded] = []
    for obj in read_jsonl(path):
        enc = encode_task(obj, vocab, max_io, max_prog)
        if enc is not None:
            out.append(enc)
            if limit is not None and len(out) >= limit:
                break
    return out


def datagen_stream(
    binary: str, domain: str, profile: str, seed: int, chunk: int = 100_000
) -> Iterator[dict[str, object]]:
    """Endless records from child `docsynth datagen` processes (a new seed per chunk)."""
    while True:
        cmd = [
            binary,
            "datagen",
            "--domain",
            domain,
            "--n",
            str(chunk),
            "--seed",
            str(seed),
            "--out",
            "-",
            "--profile",
            profile,
            "--held-out",
            "0",
        ]
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.strip():
                    yield json.loads(line)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
        seed += 1


class ListBatches:
    """Shuffled epochs over an in-memory list; batch `i` is a function of (tasks, batch, seed, i)
    alone, so a run resumes at a batch index."""

    def __init__(self, tasks: list[Encoded], batch: int, seed: int) -> None:
        if len(tasks) < batch:
            raise ValueError(f"{len(tasks)} tasks are fewer than one batch of {batch}")
        self.tasks = tasks
        self.batch = batch
        self.seed = seed
        self.per_epoch = len(tasks) // batch
        self._epoch: tuple[int, list[int]] | None = None

    def at(self, i: int) -> Batch:
        epoch, j = divmod(i, self.per_epoch)
        if self._epoch is None or self._epoch[0] != epoch:
            order = list(range(len(self.tasks)))
            random.Random(self.seed * 1_000_003 + epoch).shuffle(order)
            self._epoch = (epoch, order)
        order = self._epoch[1]
        return collate([self.tasks[k] for k in order[j * self.batch : (j + 1) * self.batch]])


def batches_from_list(tasks: list[Encoded], batch: int, seed: int, start: int = 0) -> Iterator[Batch]:
    """Endless shuffled epochs over an in-memory list, from batch `start` on."""
    source = ListBatches(tasks, batch, seed)
    i = start
    while True:
        yield source.at(i)
        i += 1


def batches_from_stream(
    records: Iterator[dict[str, object]], vocab: DomainVocab, batch: int, max_io: int, max_prog: int
) -> Iterator[Batch]:
    buf: list[Encoded] = []
    for obj in records:
        enc = encode_task(obj, vocab, max_io, max_prog)
        if enc is None:
            continue
        buf.append(enc)
        if len(buf) == batch:
            yield collate(buf)
            buf = []
