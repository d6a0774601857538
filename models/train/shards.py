"""Memory-mapped shards of token ids from `docsynth datagen --format shard` (layout: shard.rs).

Batches come in a fixed order that depends only on (shards, batch size, seed, block size), so
a run resumes at a batch index: block `g` takes `batch * block_batches` consecutive rows of
shard `g % S`; inside a block the rows are sorted by length (programs, then I/O) so each batch
pads little, and the batches of the block are shuffled. Shards still being written (datagen
running beside training) are read as far as whole rows go; a block waits for its rows.
"""

from __future__ import annotations

import glob
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

import numpy as np
import torch

from .data import Batch

MAGIC = b"DSSHARD1"
HEADER_BYTES = 64


@dataclass(frozen=True)
class ShardHeader:
    tasks: int  # 0 while datagen is still writing
    examples: int
    io_len: int
    program_len: int
    row_u16s: int
    io_vocab: int
    program_vocab: int


def read_header(path: Path) -> ShardHeader:
    with path.open("rb") as f:
        raw = f.read(HEADER_BYTES)
    if len(raw) < HEADER_BYTES or raw[:8] != MAGIC:
        raise ValueError(f"{path}: not a docsynth shard (magic {raw[:8]!r})")
    size, tasks, e, li, t, w, iv, pv = struct.unpack_from("<8I", raw, 8)
    if size != HEADER_BYTES or w != 2 + 2 * e + 2 * e * li + t:
        raise ValueError(f"{path}: inconsistent shard header")
    return ShardHeader(tasks, e, li, t, w, iv, pv)


class Shard:
    """One shard file: its complete rows as a (n, row_u16s) uint16 memory map."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.header = read_header(path)
        self._rows: np.ndarray | None = None

    @property
    def complete(self) -> bool:
        return self.header.tasks > 0

    def refresh(self) -> None:
        """Re-reads the header and the size (more rows or the final count may have arrived)."""
        self.header = read_header(self.path)
        self._rows = None

    def available(self) -> int:
        if self.complete:
            return self.header.tasks
        size = self.path.stat().st_size
        return max(0, (size - HEADER_BYTES) // (2 * self.header.row_u16s))

    def rows(self) -> np.ndarray:
        n = self.available()
        if self._rows is None or self._rows.shape[0] != n:
            if n == 0:
                return np.zeros((0, self.header.row_u16s), dtype=np.uint16)
            self._rows = np.memmap(
                self.path, dtype="<u2", mode="r", offset=HEADER_BYTES, shape=(n, self.header.row_u16s)
            )
        return self._rows


def shard_paths(spec: str) -> list[Path]:
    """A directory (its `*.dshard`), a glob, or one file."""
    p = Path(spec)
    if p.is_dir():
        found = sorted(p.glob("*.dshard"))
    elif any(c in spec for c in "*?["):
        found = sorted(Path(x) for x in glob.glob(spec))
    else:
        found = [p]
    if not found:
        raise FileNotFoundError(f"no shards at {spec}")
    return found


@dataclass(frozen=True)
class RowLayout:
    examples: int
    io_len: int
    program_len: int

    @staticmethod
    def of(h: ShardHeader) -> RowLayout:
        return RowLayout(h.examples, h.io_len, h.program_len)

    @property
    def ins_at(self) -> int:
        return 2 + 2 * self.examples

    @property
    def outs_at(self) -> int:
        return self.ins_at + self.examples * self.io_len

    @property
    def prog_at(self) -> int:
        return self.outs_at + self.examples * self.io_len


def collate_rows(rows: np.ndarray, lay: RowLayout) -> Batch:
    """(N, row_u16s) rows -> a Batch cropped to the longest input, output and program."""
    e, li = lay.examples, lay.io_len
    in_len = rows[:, 2 : 2 + e]
    out_len = rows[:, 2 + e : 2 + 2 * e]
    wi = max(1, int(in_len.max()))
    wo = max(1, int(out_len.max()))
    wt = max(1, int(rows[:, 1].max()))
    n = rows.shape[0]
    ins = rows[:, lay.ins_at : lay.outs_at].reshape(n, e, li)[:, :, :wi]
    outs = rows[:, lay.outs_at : lay.prog_at].reshape(n, e, li)[:, :, :wo]
    prog = rows[:, lay.prog_at : lay.prog_at + wt]
    # Ids are < 2^15: int16 halves the bytes moved to the device; widened there.
    return Batch(
        torch.from_numpy(np.ascontiguousarray(ins).view(np.int16)),
        torch.from_numpy(np.ascontiguousarray(outs).view(np.int16)),
        torch.from_numpy(np.ascontiguousarray(prog).view(np.int16)),
    )


def widen(b: Batch, device: torch.device, non_blocking: bool) -> Batch:
    """Moves a (possibly pinned) int16 batch to `device` and widens it to int64 there (on the
    CPU in numpy: torch's parallel cast of small tensors costs milliseconds on a busy machine)."""
    if device.type == "cpu":
        return Batch(*(torch.from_numpy(t.numpy().astype(np.int64)) for t in (b.inputs, b.outputs, b.program)))
    return Batch(
        b.inputs.to(device, non_blocking=non_blocking).long(),
        b.outputs.to(device, non_blocking=non_blocking).long(),
        b.program.to(device, non_blocking=non_blocking).long(),
    )


class ShardBatches:
    """Batch `i` of the fixed order over shards (see the module doc); `at(i)` is deterministic."""

    def __init__(self, paths: list[Path], batch: int, seed: int, block_batches: int = 64, poll_s: float = 0.2) -> None:
        self.shards = [Shard(p) for p in paths]
        first = self.shards[0].header
        for s in self.shards[1:]:
            if RowLayout.of(s.header) != RowLayout.of(first):
                raise ValueError(f"{s.path}: a different row layout than {self.shards[0].path}")
        self.layout = RowLayout.of(first)
        self.header = first
        self.batch = batch
        self.seed = seed
        self.block_batches = block_batches
        self.poll_s = poll_s
        self._block: tuple[int, np.ndarray, list[np.ndarray]] | None = None

    @property
    def block_rows(self) -> int:
        return self.batch * self.block_batches

    def _locate(self, g: int) -> tuple[int, int]:
        """Block g -> (shard, first row), waiting for rows of shards still being written."""
        s_count = len(self.shards)
        while True:
            for s in self.shards:
                if not s.complete:
                    s.refresh()
            if all(s.complete for s in self.shards):
                per = min(s.available() // self.block_rows for s in self.shards)
                if per == 0:
                    raise ValueError(
                        f"shards too small: each needs at least {self.block_rows} rows "
                        f"(batch {self.batch} x {self.block_batches} batches per block)"
                    )
                g %= per * s_count
            shard, local = g % s_count, g // s_count
            start = local * self.block_rows
            if self.shards[shard].available() >= start + self.block_rows:
                return shard, start
            if self.shards[shard].complete:
                continue  # wraps above
            time.sleep(self.poll_s)

    def _load_block(self, g: int) -> tuple[np.ndarray, list[np.ndarray]]:
        shard, start = self._locate(g)
        rows = np.array(self.shards[shard].rows()[start : start + self.block_rows])
        lay = self.layout
        rng = np.random.default_rng([self.seed, g])
        io = np.maximum(rows[:, 2 : 2 + 2 * lay.examples].max(axis=1), 1).astype(np.int64)
        key = rows[:, 1].astype(np.int64) * 4096 + io
        order = np.lexsort((rng.random(len(rows)), key))
        chunks = [order[i * self.batch : (i + 1) * self.batch] for i in range(self.block_batches)]
        perm = rng.permutation(self.block_batches)
        return rows, [chunks[k] for k in perm]

    def at(self, i: int) -> Batch:
        g, j = divmod(i, self.block_batches)
        if self._block is None or self._block[0] != g:
            rows, chunks = self._load_block(g)
            self._block = (g, rows, chunks)
        _, rows, chunks = self._block
        return collate_rows(rows[chunks[j]], self.layout)


class Prefetcher:
    """Builds batches start, start+1, … on a thread (pinned when the device is CUDA)."""

    def __init__(self, source: ShardBatches, start: int, device: torch.device, depth: int = 8) -> None:
        self.device = device
        self.pin = device.type == "cuda"
        self.queue: Queue[Batch | BaseException] = Queue(maxsize=depth)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(source, start), daemon=True)
        self.thread.start()

    def _run(self, source: ShardBatches, start: int) -> None:
        i = start
        try:
            while not self.stop.is_set():
                b = source.at(i)
                if self.pin:
                    b = Batch(b.inputs.pin_memory(), b.outputs.pin_memory(), b.program.pin_memory())
                self.queue.put(b)
                i += 1
        except BaseException as e:  # handed to the consumer
            self.queue.put(e)

    def next(self) -> Batch:
        item = self.queue.get()
        if isinstance(item, BaseException):
            raise RuntimeError("shard reader failed") from item
        return widen(item, self.device, non_blocking=self.pin)

    def close(self) -> None:
        self.stop.set()
        while not self.queue.empty():
            self.queue.get_nowait()


def iterate(source: ShardBatches, start: int, device: torch.device) -> Iterator[Batch]:
    """Batches from `start` on, without a thread (tests, benchmarks)."""
    i = start
    while True:
        yield widen(source.at(i), device, non_blocking=False)
        i += 1


def write_shard(path: Path, rows: list[list[int]], layout: RowLayout, io_vocab: int, program_vocab: int) -> None:
    """Writes complete rows (tests; datagen writes real shards)."""
    w = 2 + 2 * layout.examples + 2 * layout.examples * layout.io_len + layout.program_len
    header = MAGIC + struct.pack(
        "<8I", HEADER_BYTES, len(rows), layout.examples, layout.io_len, layout.program_len, w, io_vocab, program_vocab
    )
    data = np.zeros((len(rows), w), dtype="<u2")
    for i, r in enumerate(rows):
        data[i, : len(r)] = r
    path.write_bytes(header.ljust(HEADER_BYTES, b"\0") + data.tobytes())


def encoded_row(inputs: list[list[int]], outputs: list[list[int]], program: list[int], layout: RowLayout) -> list[int]:
    """One task (program with EOS) as a shard row, as datagen writes it (tests)."""
    e, li = layout.examples, layout.io_len
    ins = [inputs[j] if j < len(inputs) else inputs[0] for j in range(e)]
    outs = [outputs[j] if j < len(outputs) else outputs[0] for j in range(e)]
    row = [min(len(inputs), e), len(program)]
    row += [max(1, min(len(x), li)) for x in ins] + [max(1, min(len(x), li)) for x in outs]
    for block in (ins, outs):
        for x in block:
            row += (x[:li] + [0] * li)[:li]
    row += program + [0] * (layout.program_len - len(program))
    return row
