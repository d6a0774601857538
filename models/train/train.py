"""Trains the Latent Programmer or the RobustFill baseline; resumable exactly, logs JSON lines.

python -m models.train.train --kind lp --shards runs/data/shards --eval heldout.jsonl --out runs/lp
(or --data train.jsonl, or --datagen target/release/docsynth to stream JSONL from datagen)
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from . import checkpoint
from .config import ModelConfig
from .data import Batch, ListBatches, batches_from_stream, collate, datagen_stream, load_encoded
from .evaluate import exact_match, greedy_programs
from .shards import Prefetcher, ShardBatches, shard_paths
from .trainer import Schedule, Trainer
from .vocab import DomainVocab


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--kind", choices=["lp", "baseline"], default="lp")
    p.add_argument("--shards", help="shards from `docsynth datagen --format shard` (a directory or a glob)")
    p.add_argument("--data", help="training JSONL file (from docsynth datagen)")
    p.add_argument("--datagen", help="docsynth binary: stream endless JSONL from `datagen` (not exactly resumable)")
    p.add_argument("--domain", choices=["strings", "lists"], default="strings")
    p.add_argument("--profile", default="exedec")
    p.add_argument("--max-program-len", type=int, default=130)
    p.add_argument("--max-io-len", type=int, default=160)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--eval", help="held-out JSONL (a different datagen seed)")
    p.add_argument("--eval-n", type=int, default=512)
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=10**9, help="stop at this many optimizer steps")
    p.add_argument("--pretrain-steps", type=int, default=2000, help="in --ref-batch steps")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--ref-batch", type=int, default=128, help="batch the schedule's steps are counted in")
    p.add_argument("--lr", type=float, default=1e-3, help="peak rate at --ref-batch (x sqrt(batch/ref))")
    p.add_argument("--warmup", type=int, default=2000, help="in --ref-batch steps")
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--dim", type=int, default=128)
    p.add_argument("--hidden", type=int, default=512)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--latent-vocab", type=int, default=40)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--compile", action="store_true", help="torch.compile the model")
    p.add_argument("--threads", type=int, default=0, help="CPU threads for torch (0: its default)")
    p.add_argument("--block-batches", type=int, default=64, help="shards: batches per length-sorted block")
    p.add_argument("--time-limit", type=float, default=0.0, help="stop (with a checkpoint) after s seconds")
    p.add_argument("--log-every", type=int, default=100)
    p.add_argument("--eval-every", type=int, default=1000)
    p.add_argument("--ckpt-every-s", type=float, default=120.0, help="checkpoint at most this often")
    p.add_argument("--export-to", help="also write a weights-only checkpoint here at the end")
    return p.parse_args(argv)


@torch.no_grad()
def evaluate(model: torch.nn.Module, eval_batches: list[Batch], device: torch.device, max_len: int) -> dict[str, float]:
    model.eval()
    losses, matches, n = 0.0, 0.0, 0
    for b in eval_batches:
        b = b.to(device)
        out = model(b.inputs, b.outputs, b.program, pretrain=False)
        key = "e2e" if "e2e" in out else "ce"
        losses += float(out[key]) * len(b.program)
        pred = greedy_programs(model, b, max_len=min(max_len, b.program.shape[1] + 5))
        matches += exact_match(pred, b.program) * len(b.program)
        n += len(b.program)
    model.train()
    return {"eval_loss": losses / n, "eval_greedy_exact": matches / n}


def model_config(args: argparse.Namespace, vocab: DomainVocab) -> ModelConfig:
    return ModelConfig(
        kind=args.kind,
        domain=args.domain,
        io_vocab=vocab.io_size,
        program_vocab=vocab.program_size,
        max_program_len=args.max_program_len,
        max_io_len=args.max_io_len,
        dim=args.dim,
        hidden=args.hidden,
        layers=args.layers,
        heads=args.heads,
        latent_vocab=args.latent_vocab,
    )


def data_source(
    args: argparse.Namespace, cfg: ModelConfig, vocab: DomainVocab, trainer: Trainer
) -> tuple[Callable[[], Batch], Callable[[], dict[str, Any]], Callable[[], None]]:
    """The next-batch function, the position to checkpoint, and a close function."""
    device = trainer.device
    # A resumed run with another batch size continues at the same number of examples.
    start = trainer.examples // args.batch
    consumed = [start]

    def position(kind: str) -> Callable[[], dict[str, Any]]:
        return lambda: {"kind": kind, "batch_index": consumed[0], "batch": args.batch, "seed": args.seed}

    if args.shards:
        source = ShardBatches(shard_paths(args.shards), args.batch, args.seed, args.block_batches)
        if source.header.program_len > cfg.max_program_len:
            raise ValueError(f"shards hold programs up to {source.header.program_len} ids > {cfg.max_program_len}")
        pre = Prefetcher(source, start, device)

        def next_shard() -> Batch:
            consumed[0] += 1
            return pre.next()

        return next_shard, position("shards"), pre.close
    if args.datagen:
        stream = batches_from_stream(
            datagen_stream(args.datagen, cfg.domain, args.profile, args.seed * 1000 + trainer.step),
            vocab,
            args.batch,
            cfg.max_io_len,
            cfg.max_program_len,
        )

        def next_stream() -> Batch:
            consumed[0] += 1
            return next(stream).to(device)

        return next_stream, position("datagen"), lambda: None
    tasks = load_encoded(Path(args.data), vocab, cfg.max_io_len, cfg.max_program_len)
    if args.eval:
        held = {tuple(t.program) for t in load_encoded(Path(args.eval), vocab, 10**6, 10**6)}
        before = len(tasks)
        tasks = [t for t in tasks if tuple(t.program) not in held]
        print(f"dropped {before - len(tasks)} training tasks whose program is in the held-out set", flush=True)
    print(f"loaded {len(tasks)} training tasks", flush=True)
    listed = ListBatches(tasks, args.batch, args.seed)

    def next_listed() -> Batch:
        b = listed.at(consumed[0])
        consumed[0] += 1
        return b.to(device)

    return next_listed, position("jsonl"), lambda: None


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if sum(bool(x) for x in (args.shards, args.data, args.datagen)) != 1:
        raise SystemExit("give exactly one of --shards, --data, --datagen")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ckpt = out / "checkpoint.pt"
    device = torch.device(args.device)
    if args.threads:
        torch.set_num_threads(args.threads)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    vocab = DomainVocab(args.domain)
    cfg = model_config(args, vocab)
    state = checkpoint.load(ckpt) if checkpoint.exists(ckpt) else None
    if state is not None:
        cfg = ModelConfig.from_dict(state["config"])
        vocab = DomainVocab(cfg.domain)
    schedule = Schedule(args.lr, args.warmup, args.pretrain_steps, args.ref_batch, args.batch)
    trainer = Trainer(cfg, schedule, device, args.seed, args.weight_decay, compile_model=args.compile)
    if state is not None:
        trainer.load_state_dict(state)
        print(f"resumed from {ckpt} at step {trainer.step} ({trainer.examples} examples)", flush=True)
    next_batch, position, close = data_source(args, cfg, vocab, trainer)
    eval_batches: list[Batch] = []
    if args.eval:
        ev = load_encoded(Path(args.eval), vocab, cfg.max_io_len, cfg.max_program_len, limit=args.eval_n)
        eval_batches = [collate(ev[i : i + 128]) for i in range(0, len(ev), 128)]

    pending: list[threading.Thread] = []

    def save(final: bool) -> None:
        for t in pending:
            t.join()
        pending.clear()
        if not final:  # compressed on a thread while training goes on
            pending.append(checkpoint.save_in_background(ckpt, trainer.state_dict(position())))
            print(f"checkpoint at step {trainer.step} (writing in the background)", flush=True)
            return
        parts = checkpoint.save(ckpt, trainer.state_dict(position()))
        mib = sum(p.stat().st_size for p in parts) / 2**20
        print(f"checkpoint at step {trainer.step}: {len(parts)} part(s), {mib:.1f} MiB (final)", flush=True)

    log = (out / "log.jsonl").open("a")
    t0 = time.time()
    last_ckpt = t0
    run_steps, run_examples = 0, 0
    try:
        while trainer.step < args.steps:
            if args.time_limit and time.time() - t0 > args.time_limit:
                break
            b = next_batch()
            losses = trainer.train_step(b)
            run_steps += 1
            run_examples += int(b.program.shape[0])
            if trainer.step % args.log_every == 0:
                rec: dict[str, float | int | bool] = {
                    "step": trainer.step,
                    "examples": trainer.examples,
                    "wall_s": round(trainer.elapsed(), 1),
                    "examples_per_s": round(run_examples / max(time.time() - t0, 1e-9), 1),
                    "pretrain": bool(losses.pop("pretrain")),
                    "lr": losses.pop("lr"),
                }
                rec.update({k: round(v, 4) for k, v in losses.items()})
                vq = getattr(trainer.model, "vq", None)
                if vq is not None:
                    rec["codes_used"] = int((vq.usage() > 0.5 / vq.usage().numel()).sum())
                if eval_batches and trainer.step % args.eval_every == 0:
                    rec.update(evaluate(trainer.model, eval_batches, device, cfg.max_program_len))
                line = json.dumps(rec)
                print(line, flush=True)
                log.write(line + "\n")
                log.flush()
            if time.time() - last_ckpt > args.ckpt_every_s:
                save(final=False)
                last_ckpt = time.time()
    finally:
        close()
    if eval_batches:
        rec2: dict[str, Any] = {"step": trainer.step, "examples": trainer.examples, "final": True}
        rec2["wall_s"] = round(trainer.elapsed(), 1)
        rec2.update(evaluate(trainer.model, eval_batches, device, cfg.max_program_len))
        trainer.last_eval = rec2["eval_loss"]  # these weights' held-out loss (keep.py compares it)
        print(json.dumps(rec2), flush=True)
        log.write(json.dumps(rec2) + "\n")
    log.close()
    save(final=True)
    if args.export_to:
        half = {k: v.half() if v.is_floating_point() else v for k, v in trainer.model.state_dict().items()}
        torch.save(
            {"model": half, "step": trainer.step, "config": cfg.to_dict(), "wall_s": trainer.elapsed()}, args.export_to
        )
    secs = time.time() - t0
    print(
        f"stopped at step {trainer.step}: {run_steps} steps, {run_examples} examples in {secs:.0f} s "
        f"({run_examples / max(secs, 1e-9):.0f} examples/s), {trainer.elapsed():.0f} s of training in all",
        flush=True,
    )


if __name__ == "__main__":
    main()
