"""Held-out metrics during training: teacher-forced loss and greedy exact program match."""

from __future__ import annotations

import torch
from torch import Tensor, nn

from .data import Batch
from .model import LatentProgrammer, expand_examples
from .modules import max_pool_examples
from .vocab import BOS, EOS, PAD


@torch.no_grad()
def greedy_programs(model: nn.Module, batch: Batch, max_len: int) -> Tensor:
    """Greedy decoding (L = 1, B = 1) of a batch; returns (N, max_len) tokens, PAD after EOS."""
    n, e, _ = batch.inputs.shape
    flat_in = batch.inputs.reshape(n * e, -1)
    flat_out = batch.outputs.reshape(n * e, -1)
    io_mem, io_valid = model.io_encoder(flat_in, flat_out)  # type: ignore[operator]
    dev = flat_in.device
    if isinstance(model, LatentProgrammer):
        p_mem, p_valid = model.pred_io_encoder(flat_in, flat_out)
        max_lat = (max_len + 2**model.cfg.levels - 1) // 2**model.cfg.levels
        lat = torch.full((n, 1), BOS, dtype=torch.long, device=dev)
        done = torch.zeros(n, dtype=torch.bool, device=dev)
        for _ in range(max_lat + 1):
            logits = max_pool_examples(model.latent_predictor.last_logits(expand_examples(lat, e), p_mem, p_valid), e)
            logits[:, PAD] = -1e9
            logits[:, BOS] = -1e9
            nxt = torch.where(done, torch.full_like(logits[:, 0], PAD, dtype=torch.long), logits.argmax(-1))
            lat = torch.cat([lat, nxt.unsqueeze(1)], 1)
            done |= nxt == EOS
            if bool(done.all()):
                break
        codes = lat[:, 1:]
        lvalid = (codes != PAD) & (codes != EOS)
        q = model.vq.lookup(codes) * lvalid.unsqueeze(-1)
        mem, mem_valid = model.decoder_memory(io_mem, io_valid, q, lvalid, e)
    else:
        mem, mem_valid = io_mem, io_valid
    prog = torch.full((n, 1), BOS, dtype=torch.long, device=dev)
    done = torch.zeros(n, dtype=torch.bool, device=dev)
    for _ in range(max_len):
        logits = max_pool_examples(model.decoder.last_logits(expand_examples(prog, e), mem, mem_valid), e)  # type: ignore[union-attr]
        nxt = torch.where(done, torch.full_like(logits[:, 0], PAD, dtype=torch.long), logits.argmax(-1))
        prog = torch.cat([prog, nxt.unsqueeze(1)], 1)
        done |= nxt == EOS
        if bool(done.all()):
            break
    return prog[:, 1:]


def exact_match(pred: Tensor, target: Tensor) -> float:
    """Fraction of rows whose tokens up to and including EOS equal the target."""
    t = target.shape[1]
    if pred.shape[1] < t:
        pred = torch.nn.functional.pad(pred, (0, t - pred.shape[1]))
    pred = pred[:, :t]
    same = ((pred == target) | (target == PAD)).all(1)
    return float(same.float().mean())
