"""RobustFill-Transformer baseline: the same I/O encoder and decoder, no latents."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from .config import ModelConfig
from .io_encoder import IoEncoder
from .model import expand_examples, masked_ce
from .modules import TokenDecoder, max_pool_examples
from .vocab import BOS


class RobustFillBaseline(nn.Module):
    """Per-example decoder over the I/O encoding with late max-pooling."""

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        a = (cfg.dim, cfg.heads, cfg.hidden, cfg.layers, cfg.dropout)
        self.io_encoder = IoEncoder(cfg.io_vocab, *a)
        self.decoder = TokenDecoder(cfg.program_vocab, *a)

    def forward(self, inputs: Tensor, outputs: Tensor, program: Tensor, pretrain: bool) -> dict[str, Tensor]:
        del pretrain
        n, e, _ = inputs.shape
        io_mem, io_valid = self.io_encoder(inputs.reshape(n * e, -1), outputs.reshape(n * e, -1))
        dec_in = F.pad(program, (1, 0), value=BOS)[:, :-1]
        logits = max_pool_examples(self.decoder(expand_examples(dec_in, e), io_mem, io_valid), e)
        loss = masked_ce(logits, program)
        return {"ce": loss, "loss": loss}


class BaselineSpecEncoder(nn.Module):
    """Exported: one task's examples -> memory (E, M, d), validity (E, M) float."""

    def __init__(self, model: RobustFillBaseline) -> None:
        super().__init__()
        self.m = model

    def forward(self, inputs: Tensor, outputs: Tensor) -> tuple[Tensor, Tensor]:
        mem, valid = self.m.io_encoder(inputs, outputs)
        return mem, valid.float()


class BaselineProgramStep(nn.Module):
    """Exported: memory + program prefixes (N, t) -> next-token log-probs (N, V)."""

    def __init__(self, model: RobustFillBaseline) -> None:
        super().__init__()
        self.m = model

    def forward(self, io_mem: Tensor, mem_valid: Tensor, prefix: Tensor) -> Tensor:
        e = io_mem.shape[0]
        n = prefix.shape[0]
        mem = io_mem.unsqueeze(0).expand(n, -1, -1, -1).reshape(n * e, io_mem.shape[1], io_mem.shape[2])
        valid = (mem_valid > 0.5).unsqueeze(0).expand(n, -1, -1).reshape(n * e, -1)
        logits = self.m.decoder.last_logits(expand_examples(prefix, e), mem, valid)
        return torch.log_softmax(max_pool_examples(logits, e), dim=-1)


def build(cfg: ModelConfig) -> nn.Module:
    """The model for `cfg.kind`."""
    if cfg.kind == "baseline":
        return RobustFillBaseline(cfg)
    from .model import LatentProgrammer

    return LatentProgrammer(cfg)
