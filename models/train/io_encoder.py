"""Per-example I/O encoder: inputs by self-attention, outputs attending to their input."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn

from .modules import DecoderLayer, EncoderLayer, add_positions


class IoEncoder(nn.Module):
    """Encodes each (input, output) pair into one memory of length Li + Lo."""

    def __init__(self, vocab: int, dim: int, heads: int, hidden: int, layers: int, dropout: float) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)  # shared by inputs and outputs
        self.in_layers = nn.ModuleList(EncoderLayer(dim, heads, hidden, dropout) for _ in range(layers))
        self.out_layers = nn.ModuleList(DecoderLayer(dim, heads, hidden, dropout, causal=False) for _ in range(layers))
        self.ln_in = nn.LayerNorm(dim)
        self.ln_out = nn.LayerNorm(dim)
        self.drop = nn.Dropout(dropout)
        self.scale = math.sqrt(dim)

    def forward(self, inputs: Tensor, outputs: Tensor) -> tuple[Tensor, Tensor]:
        """(N, Li), (N, Lo) character ids -> memory (N, Li+Lo, d) and validity (N, Li+Lo)."""
        in_valid = inputs != 0
        out_valid = outputs != 0
        x = self.drop(add_positions(self.embed(inputs) * self.scale))
        for layer in self.in_layers:
            x = layer(x, in_valid)
        x = self.ln_in(x)
        y = self.drop(add_positions(self.embed(outputs) * self.scale))
        for layer in self.out_layers:
            y = layer(y, out_valid, x, in_valid)
        y = self.ln_out(y)
        return torch.cat([x, y], dim=1), torch.cat([in_valid, out_valid], dim=1)
