"""Measures the training data path and training steps on this machine, side by side.

python -m models.train.bench_data --bin target/release/docsynth --n 20000 --batch 128

Prints examples/s for: datagen writing JSONL vs shards; the old JSONL path (parse + encode +
collate, and collate alone from memory) vs the memory-mapped shards; and paper-size training
steps on this CPU. The GPU figure at the end is a projection from counted FLOPs and an assumed
utilization, labelled as such: it is not a measurement.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import torch
from torch.utils.flop_counter import FlopCounterMode

from .config import ModelConfig
from .data import Batch, ListBatches, collate, encode_task, load_encoded, read_jsonl
from .shards import ShardBatches, widen
from .trainer import Schedule, Trainer
from .vocab import DomainVocab

H200_BF16_DENSE_FLOPS = 790e12  # measured matmul rate on this project's lent H200 (device KINDS.md)


def rate(n_examples: int, seconds: float) -> float:
    return n_examples / max(seconds, 1e-9)


def timed_batches(make: Callable[[int], Batch], batches: int) -> float:
    """Seconds to build `batches` batches (after one warm-up)."""
    make(0)
    t = time.perf_counter()
    for i in range(1, batches + 1):
        make(i)
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--bin", default="target/release/docsynth")
    p.add_argument("--domain", default="strings")
    p.add_argument("--profile", default="exedec")
    p.add_argument("--n", type=int, default=20000)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--train-steps", type=int, default=4)
    p.add_argument("--mfu", type=float, nargs=2, default=[0.1, 0.3], help="assumed GPU utilization range")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: its default)")
    p.add_argument("--json", help="also write the numbers here")
    args = p.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    vocab = DomainVocab(args.domain)
    out: dict[str, object] = {"n_tasks": args.n, "batch": args.batch, "torch_threads": torch.get_num_threads()}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl, shard = Path(tmp) / "t.jsonl", Path(tmp) / "t.dshard"
        common = [args.bin, "datagen", "--domain", args.domain, "--profile", args.profile, "--n", str(args.n)]
        t = time.perf_counter()
        subprocess.run([*common, "--seed", "1", "--out", str(jsonl)], check=True)
        out["datagen_jsonl_tasks_per_s"] = rate(args.n, time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([*common, "--seed", "1", "--out", str(shard), "--format", "shard"], check=True)
        out["datagen_shard_tasks_per_s"] = rate(args.n, time.perf_counter() - t)
        out["jsonl_bytes_per_task"] = jsonl.stat().st_size / args.n
        out["shard_bytes_per_task"] = shard.stat().st_size / args.n

        nb = args.n // args.batch - 2
        # Old path, streaming: parse JSON, encode characters in Python, collate.
        t = time.perf_counter()
        buf, made = [], 0
        for obj in read_jsonl(jsonl):
            enc = encode_task(obj, vocab, 160, 130)
            if enc is not None:
                buf.append(enc)
                if len(buf) == args.batch:
                    collate(buf)
                    buf, made = [], made + 1
        out["old_jsonl_stream_examples_per_s"] = rate(made * args.batch, time.perf_counter() - t)
        # Old path, in memory (what `--data` pays per step after loading): collate only.
        listed = ListBatches(load_encoded(jsonl, vocab, 160, 130), args.batch, 1)
        out["old_jsonl_in_memory_examples_per_s"] = rate(nb * args.batch, timed_batches(listed.at, nb))
        # New path: memory-mapped rows, length-sorted blocks, crop, int16 tensors, widened.
        shards = ShardBatches([shard], args.batch, 1, block_batches=min(64, nb // 2))
        cpu = torch.device("cpu")
        out["new_shards_examples_per_s"] = rate(
            nb * args.batch, timed_batches(lambda i: widen(shards.at(i), cpu, False), nb)
        )
        pad_old = [listed.at(i).program.shape[1] for i in range(20)]
        pad_new = [shards.at(i).program.shape[1] for i in range(20)]
        out["program_width_mean_old"] = sum(pad_old) / len(pad_old)
        out["program_width_mean_new"] = sum(pad_new) / len(pad_new)
        batch = widen(shards.at(0), cpu, False)

    # Training steps on this CPU, paper-size LP.
    cfg = ModelConfig(kind="lp", domain=args.domain, io_vocab=vocab.io_size, program_vocab=vocab.program_size)
    trainer = Trainer(cfg, Schedule(batch=args.batch, pretrain_steps=0), cpu, seed=0)
    trainer.train_step(batch)
    with FlopCounterMode(display=False) as fc:
        trainer.train_step(batch)
    flops_per_example = fc.get_total_flops() / args.batch
    t = time.perf_counter()
    for _ in range(args.train_steps):
        trainer.train_step(batch)
    out["cpu_train_examples_per_s"] = rate(args.train_steps * args.batch, time.perf_counter() - t)
    out["train_flops_per_example"] = flops_per_example
    lo, hi = (m * H200_BF16_DENSE_FLOPS / flops_per_example for m in args.mfu)
    out["projected_h200_compute_examples_per_s"] = [lo, hi]
    out["projected_h200_assumed_mfu"] = args.mfu

    old, new = out["old_jsonl_in_memory_examples_per_s"], out["new_shards_examples_per_s"]
    stream = out["old_jsonl_stream_examples_per_s"]
    assert isinstance(old, float) and isinstance(new, float) and isinstance(stream, float)
    print(f"data path, {args.n} {args.domain} tasks, batch {args.batch}, 1 thread (examples/s):")
    gen_j, gen_s = out["datagen_jsonl_tasks_per_s"], out["datagen_shard_tasks_per_s"]
    print(f"  datagen JSONL {gen_j:.0f} tasks/s, shards {gen_s:.0f} tasks/s (one process)")
    print(f"  old JSONL stream (parse+encode+collate) {stream:10.0f}")
    print(f"  old JSONL in memory (collate)           {old:10.0f}")
    print(f"  new shards (mmap+sort+crop+tensor)      {new:10.0f}")
    print(f"  ratio new/old: {new / old:.1f}x vs in-memory, {new / stream:.1f}x vs stream")
    print(
        f"  mean program width per batch: old {out['program_width_mean_old']:.1f}, "
        f"new {out['program_width_mean_new']:.1f} (length-sorted)"
    )
    print(f"training, paper-size LP on this CPU ({torch.get_num_threads()} threads):")
    print(f"  {out['cpu_train_examples_per_s']:.1f} examples/s; {flops_per_example / 1e9:.2f} GFLOP per example")
    print(
        f"PROJECTION (not measured): H200 at {args.mfu[0]:.0%}-{args.mfu[1]:.0%} of {H200_BF16_DENSE_FLOPS / 1e12:.0f} "
        f"TFLOP/s bf16 -> {lo:,.0f}-{hi:,.0f} examples/s of compute; the one-thread shard reader gives "
        f"{new:,.0f}/s here and datagen ~{out['datagen_shard_tasks_per_s']:,.0f} tasks/s per process"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
