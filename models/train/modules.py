"""Transformer building blocks (pre-LayerNorm), written with plain ops so they export to ONNX."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn

NEG = -1e9


def sinusoidal(length: int | Tensor, dim: int, device: torch.device) -> Tensor:
    """Sinusoidal position table of shape (length, dim)."""
    pos = torch.arange(length, device=device, dtype=torch.float32).unsqueeze(1)
    half = dim // 2
    freq = torch.exp(torch.arange(half, device=device, dtype=torch.float32) * (-math.log(10000.0) / max(half - 1, 1)))
    ang = pos * freq.unsqueeze(0)
    return torch.cat([torch.sin(ang), torch.cos(ang)], dim=1)


def add_positions(x: Tensor) -> Tensor:
    """Adds sinusoidal positions to (N, T, d)."""
    return x + sinusoidal(x.shape[1], x.shape[2], x.device).unsqueeze(0)


class Attention(nn.Module):
    """Multi-head attention with an optional key mask and causal mask."""

    def __init__(self, dim: int, heads: int, dropout: float) -> None:
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(dim, dim)
        self.k = nn.Linear(dim, dim)
        self.v = nn.Linear(dim, dim)
        self.o = nn.Linear(dim, dim)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: Tensor, mem: Tensor, key_valid: Tensor | None, causal: bool) -> Tensor:
        n, t, d = x.shape
        h = self.heads
        dh = d // h
        q = self.q(x).reshape(n, t, h, dh).transpose(1, 2)
        k = self.k(mem).reshape(n, -1, h, dh).transpose(1, 2)
        v = self.v(mem).reshape(n, -1, h, dh).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(dh))
        if key_valid is not None:
            scores = scores.masked_fill(~key_valid[:, None, None, :], NEG)
        if causal:
            m = scores.shape[-1]
            ones = torch.ones(t, m, dtype=torch.bool, device=x.device)
            scores = scores.masked_fill(torch.triu(ones, diagonal=1), NEG)
        attn = self.drop(torch.softmax(scores, dim=-1))
        out = torch.matmul(attn, v).transpose(1, 2).reshape(n, t, d)
        return self.o(out)


class FeedForward(nn.Module):
    def __init__(self, dim: int, hidden: int, dropout: float) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, dim))

    def forward(self, x: Tensor) -> Tensor:
        return self.net(x)


class EncoderLayer(nn.Module):
    """Self-attention + MLP."""

    def __init__(self, dim: int, heads: int, hidden: int, dropout: float) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(dim)
        self.att = Attention(dim, heads, dropout)
        self.ln2 = nn.LayerNorm(dim)
        self.ff = FeedForward(dim, hidden, dropout)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: Tensor, valid: Tensor) -> Tensor:
        y = self.ln1(x)
        x = x + self.drop(self.att(y, y, valid, causal=False))
        return x + self.drop(self.ff(self.ln2(x)))


class DecoderLayer(nn.Module):
    """Self-attention (optionally causal), cross-attention to a memory, MLP."""

    def __init__(self, dim: int, heads: int, hidden: int, dropout: float, causal: bool) -> None:
        super().__init__()
        self.causal = causal
        self.ln1 = nn.LayerNorm(dim)
        self.self_att = Attention(dim, heads, dropout)
        self.ln2 = nn.LayerNorm(dim)
        self.cross_att = Attention(dim, heads, dropout)
        self.ln3 = nn.LayerNorm(dim)
        self.ff = FeedForward(dim, hidden, dropout)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: Tensor, valid: Tensor | None, mem: Tensor, mem_valid: Tensor) -> Tensor:
        y = self.ln1(x)
        x = x + self.drop(self.self_att(y, y, valid, causal=self.causal))
        x = x + self.drop(self.cross_att(self.ln2(x), mem, mem_valid, causal=False))
        return x + self.drop(self.ff(self.ln3(x)))


class TokenDecoder(nn.Module):
    """Autoregressive decoder over a token vocabulary, attending to a memory."""

    def __init__(self, vocab: int, dim: int, heads: int, hidden: int, layers: int, dropout: float) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(DecoderLayer(dim, heads, hidden, dropout, causal=True) for _ in range(layers))
        self.ln = nn.LayerNorm(dim)
        self.out = nn.Linear(dim, vocab)
        self.drop = nn.Dropout(dropout)

    def hidden(self, tokens: Tensor, mem: Tensor, mem_valid: Tensor) -> Tensor:
        x = self.drop(add_positions(self.embed(tokens) * math.sqrt(self.embed.embedding_dim)))
        for layer in self.layers:
            x = layer(x, None, mem, mem_valid)
        return self.ln(x)

    def forward(self, tokens: Tensor, mem: Tensor, mem_valid: Tensor) -> Tensor:
        return self.out(self.hidden(tokens, mem, mem_valid))

    def last_logits(self, tokens: Tensor, mem: Tensor, mem_valid: Tensor) -> Tensor:
        return self.out(self.hidden(tokens, mem, mem_valid)[:, -1])


def max_pool_examples(logits: Tensor, examples: int) -> Tensor:
    """Late max-pool: (N*E, ..., V) -> (N, ..., V), maximum over the E examples."""
    shape = logits.shape
    return logits.reshape(-1, examples, *shape[1:]).max(dim=1).values
