"""Program encoder (Transformer + stride-2 convolutions) and the EMA vector quantizer."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from .modules import EncoderLayer, add_positions
from .vocab import LATENT_RESERVED


class ProgramEncoder(nn.Module):
    """ec(Y): program tokens -> ceil(T / 2^levels) continuous latent vectors."""

    def __init__(self, vocab: int, dim: int, heads: int, hidden: int, layers: int, levels: int, dropout: float) -> None:
        super().__init__()
        self.levels = levels
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(EncoderLayer(dim, heads, hidden, dropout) for _ in range(layers))
        self.ln = nn.LayerNorm(dim)
        self.convs = nn.ModuleList(nn.Conv1d(dim, dim, kernel_size=2, stride=2) for _ in range(levels))

    def forward(self, program: Tensor) -> tuple[Tensor, Tensor]:
        """(N, T) tokens incl. EOS, 0 = PAD -> latents (N, S, d) and validity (N, S)."""
        valid = program != 0
        x = add_positions(self.embed(program) * math.sqrt(self.embed.embedding_dim))
        for layer in self.layers:
            x = layer(x, valid)
        x = self.ln(x) * valid.unsqueeze(-1)
        stride = 2**self.levels
        t = x.shape[1]
        pad = (-t) % stride
        x = F.pad(x, (0, 0, 0, pad)).transpose(1, 2)
        v = F.pad(valid.float(), (0, pad))
        for i, conv in enumerate(self.convs):
            x = conv(x)
            if i + 1 < len(self.convs):
                x = F.relu(x)
        latent_valid = F.max_pool1d(v.unsqueeze(1), stride, stride).squeeze(1) > 0
        return x.transpose(1, 2), latent_valid


class VectorQuantizerEMA(nn.Module):
    """Nearest-code quantization with an EMA codebook; codes 0..2 are reserved (never chosen)."""

    def __init__(self, codes: int, dim: int, decay: float = 0.99, beta: float = 0.25) -> None:
        super().__init__()
        self.decay = decay
        self.beta = beta
        self.dead_usage = 0.03  # EMA count per step below which a code is restarted
        init = torch.randn(codes, dim)
        self.register_buffer("codebook", init.clone())
        self.register_buffer("cluster_size", torch.ones(codes))
        self.register_buffer("embed_sum", init.clone())

    def _restart_dead_codes(self, vectors: Tensor) -> None:
        """Codebook restarts: a code whose EMA usage fell below `dead_usage` moves onto a random
        encoder output of this batch (counters reset), so the codebook does not collapse."""
        if vectors.shape[0] == 0:
            return
        dead = self.cluster_size < self.dead_usage
        dead[:LATENT_RESERVED] = False
        k = int(dead.sum())
        if k == 0:
            return
        pick = torch.randint(0, vectors.shape[0], (k,), device=vectors.device)
        self.codebook[dead] = vectors[pick]
        self.embed_sum[dead] = vectors[pick]
        self.cluster_size[dead] = 1.0

    def usage(self) -> Tensor:
        """Fraction of EMA assignments per code (diagnostics)."""
        return self.cluster_size / self.cluster_size.sum().clamp(min=1e-9)

    def lookup(self, codes: Tensor) -> Tensor:
        return F.embedding(codes, self.codebook)

    def forward(self, z: Tensor, valid: Tensor, update: bool) -> tuple[Tensor, Tensor, Tensor]:
        """Returns straight-through quantized vectors, codes (PAD where invalid), commitment loss."""
        with torch.autocast(device_type=z.device.type, enabled=False):
            return self._quantize(z.float(), valid, update)

    def _quantize(self, z: Tensor, valid: Tensor, update: bool) -> tuple[Tensor, Tensor, Tensor]:
        cb = self.codebook
        dist = z.pow(2).sum(-1, keepdim=True) - 2 * z @ cb.t() + cb.pow(2).sum(-1)
        dist[..., :LATENT_RESERVED] = float("inf")
        codes = dist.argmin(-1)
        codes = torch.where(valid, codes, torch.zeros_like(codes))
        q = self.lookup(codes)
        if self.training and update:
            with torch.no_grad():
                onehot = F.one_hot(codes, cb.shape[0]).float() * valid.unsqueeze(-1)
                counts = onehot.sum((0, 1))
                sums = torch.einsum("nsk,nsd->kd", onehot, z.detach())
                self.cluster_size.mul_(self.decay).add_(counts, alpha=1 - self.decay)
                self.embed_sum.mul_(self.decay).add_(sums, alpha=1 - self.decay)
                n = self.cluster_size.sum()
                size = (self.cluster_size + 1e-5) / (n + cb.shape[0] * 1e-5) * n
                self.codebook.copy_(self.embed_sum / size.unsqueeze(-1))
                self._restart_dead_codes(z.detach()[valid])
        vmask = valid.unsqueeze(-1).float()
        commit = ((z - q.detach()).pow(2) * vmask).sum() / (vmask.sum() * z.shape[-1]).clamp(min=1)
        q_st = z + (q - z).detach()
        return q_st * vmask, codes, self.beta * commit
