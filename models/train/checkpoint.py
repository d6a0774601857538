"""Training checkpoints as xz-compressed parts of at most `PART_BYTES` (what a GPU slot returns).

A checkpoint is one `torch.save` dict (weights, optimizer, schedule, RNG states, data position);
`save` writes `NAME.xz.000`, `NAME.xz.001`, …: every part under a temporary name first, then
the renames, then stale parts of a longer earlier checkpoint are removed.
"""

from __future__ import annotations

import io
import lzma
import threading
from pathlib import Path
from typing import Any

import torch

PART_BYTES = 15 * 1024 * 1024  # under the 16 MiB a returned file may have


def parts_of(path: Path) -> list[Path]:
    """The parts of checkpoint `path` (`path.xz.000`, …), in order; empty when none."""
    return sorted(path.parent.glob(path.name + ".xz.[0-9][0-9][0-9]"))


def exists(path: Path) -> bool:
    return bool(parts_of(path))


def serialize(state: dict[str, Any]) -> bytes:
    """The `torch.save` bytes of `state` (a snapshot: later training steps do not change it)."""
    buf = io.BytesIO()
    torch.save(state, buf)
    return buf.getvalue()


def save(path: Path, state: dict[str, Any], preset: int = 1) -> list[Path]:
    """Writes `state` as compressed parts; returns them."""
    return write_parts(path, serialize(state), preset)


def save_in_background(path: Path, state: dict[str, Any], preset: int = 1) -> threading.Thread:
    """Snapshots `state` now and compresses and writes it on a thread (lzma releases the GIL,
    so training goes on); join the thread before the next save."""
    raw = serialize(state)
    thread = threading.Thread(target=write_parts, args=(path, raw, preset), daemon=False)
    thread.start()
    return thread


def write_parts(path: Path, raw: bytes, preset: int = 1) -> list[Path]:
    packed = lzma.compress(raw, preset=preset)
    chunks = [packed[i : i + PART_BYTES] for i in range(0, len(packed), PART_BYTES)] or [b""]
    path.parent.mkdir(parents=True, exist_ok=True)
    old = parts_of(path)
    written: list[Path] = []
    temps: list[Path] = []
    for k, chunk in enumerate(chunks):
        final = path.parent / f"{path.name}.xz.{k:03d}"
        tmp = final.with_name(final.name + ".tmp")
        tmp.write_bytes(chunk)
        written.append(final)
        temps.append(tmp)
    for tmp, final in zip(temps, written, strict=True):
        tmp.replace(final)
    for p in old:
        if p not in written:
            p.unlink()
    return written


def load(path: Path) -> dict[str, Any]:
    parts = parts_of(path)
    if not parts:
        raise FileNotFoundError(f"no checkpoint parts {path}.xz.000…")
    raw = lzma.decompress(b"".join(p.read_bytes() for p in parts))
    state: dict[str, Any] = torch.load(io.BytesIO(raw), map_location="cpu", weights_only=False)
    return state


def size_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in parts_of(path))
