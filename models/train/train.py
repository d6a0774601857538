"""Trains the Latent Programmer or the RobustFill baseline; resumable, logs JSON lines.

python -m models.train.train --kind lp --data train.jsonl --eval heldout.jsonl --out runs/lp
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import torch

from .baseline import build
from .config import ModelConfig
from .data import Batch, batches_from_list, batches_from_stream, collate, datagen_stream, load_encoded
from .evaluate import exact_match, greedy_programs
from .vocab import DomainVocab


def lr_at(step: int, base: float, warmup: int) -> float:
    """Linear warmup, then rsqrt decay (as in the LP release)."""
    s = max(step, 1)
    return base * min(1.0, s / warmup) * math.sqrt(warmup / max(s, warmup))


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--kind", choices=["lp", "baseline"], default="lp")
    p.add_argument("--data", help="training JSONL file (from docsynth datagen)")
    p.add_argument("--datagen", help="docsynth binary: stream endless data from `datagen` instead")
    p.add_argument("--domain", choices=["strings", "lists"], default="strings")
    p.add_argument("--profile", default="exedec")
    p.add_argument("--max-program-len", type=int, default=130)
    p.add_argument("--max-io-len", type=int, default=160)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--eval", help="held-out JSONL (a different datagen seed)")
    p.add_argument("--eval-n", type=int, default=512)
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=20000)
    p.add_argument("--pretrain-steps", type=int, default=2000)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--warmup", type=int, default=2000)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--dim", type=int, default=128)
    p.add_argument("--hidden", type=int, default=512)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--latent-vocab", type=int, default=40)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--time-limit", type=float, default=0.0, help="stop (with a checkpoint) after s seconds")
    p.add_argument("--log-every", type=int, default=100)
    p.add_argument("--eval-every", type=int, default=1000)
    p.add_argument("--ckpt-every", type=int, default=2000)
    p.add_argument("--export-to", help="also write a weights-only checkpoint here at the end")
    return p.parse_args()


def save(
    path: Path, model: torch.nn.Module, opt: torch.optim.Optimizer, step: int, cfg: ModelConfig, wall: float
) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(
        {"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "config": cfg.to_dict(), "wall_s": wall},
        tmp,
    )
    tmp.replace(path)


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


def main() -> None:
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ckpt = out / "checkpoint.pt"
    device = torch.device(args.device)
    vocab = DomainVocab(args.domain)
    cfg = ModelConfig(
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
    step, wall0 = 0, 0.0
    state = torch.load(ckpt, map_location="cpu") if ckpt.exists() else None
    if state is not None:
        cfg = ModelConfig.from_dict(state["config"])
        vocab = DomainVocab(cfg.domain)
    torch.manual_seed(args.seed)
    model = build(cfg).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.98), eps=1e-9, weight_decay=args.weight_decay)
    if state is not None:
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, wall0 = int(state["step"]), float(state["wall_s"])
        print(f"resumed from {ckpt} at step {step}", flush=True)

    if args.datagen:
        batches = batches_from_stream(
            datagen_stream(args.datagen, cfg.domain, args.profile, args.seed * 1000 + step),
            vocab,
            args.batch,
            cfg.max_io_len,
            cfg.max_program_len,
        )
    else:
        tasks = load_encoded(Path(args.data), vocab, cfg.max_io_len, cfg.max_program_len)
        if args.eval:
            held = {tuple(t.program) for t in load_encoded(Path(args.eval), vocab, 10**6, 10**6)}
            before = len(tasks)
            tasks = [t for t in tasks if tuple(t.program) not in held]
            print(f"dropped {before - len(tasks)} training tasks whose program is in the held-out set", flush=True)
        print(f"loaded {len(tasks)} training tasks", flush=True)
        batches = batches_from_list(tasks, args.batch, args.seed + step)
    eval_batches: list[Batch] = []
    if args.eval:
        ev = load_encoded(Path(args.eval), vocab, cfg.max_io_len, cfg.max_program_len, limit=args.eval_n)
        eval_batches = [collate(ev[i : i + 128]) for i in range(0, len(ev), 128)]

    log = (out / "log.jsonl").open("a")
    use_amp = device.type == "cuda"
    t0 = time.time()
    model.train()
    while step < args.steps:
        if args.time_limit and time.time() - t0 > args.time_limit:
            break
        b = next(batches).to(device)
        pretrain = step < args.pretrain_steps
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.lr, args.warmup)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=use_amp):
            losses = model(b.inputs, b.outputs, b.program, pretrain=pretrain)
        opt.zero_grad(set_to_none=True)
        losses["loss"].backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        wall = wall0 + time.time() - t0
        if step % args.log_every == 0:
            rec: dict[str, float | int | bool] = {
                "step": step,
                "wall_s": round(wall, 1),
                "pretrain": pretrain,
                "lr": lr_at(step, args.lr, args.warmup),
            }
            rec.update({k: round(float(v), 4) for k, v in losses.items()})
            vq = getattr(model, "vq", None)
            if vq is not None:
                rec["codes_used"] = int((vq.usage() > 0.5 / vq.usage().numel()).sum())
            if eval_batches and step % args.eval_every == 0:
                rec.update(evaluate(model, eval_batches, device, cfg.max_program_len))
            line = json.dumps(rec)
            print(line, flush=True)
            log.write(line + "\n")
            log.flush()
        if step % args.ckpt_every == 0:
            save(ckpt, model, opt, step, cfg, wall)
    wall = wall0 + time.time() - t0
    save(ckpt, model, opt, step, cfg, wall)
    if eval_batches:
        rec2 = {"step": step, "wall_s": round(wall, 1), "final": True}
        rec2.update(evaluate(model, eval_batches, device, cfg.max_program_len))
        print(json.dumps(rec2), flush=True)
        log.write(json.dumps(rec2) + "\n")
    log.close()
    if args.export_to:
        half = {k: v.half() if v.is_floating_point() else v for k, v in model.state_dict().items()}
        torch.save({"model": half, "step": step, "config": cfg.to_dict(), "wall_s": wall}, args.export_to)
    print(f"stopped at step {step}, {wall:.0f} s of training", flush=True)


if __name__ == "__main__":
    main()
