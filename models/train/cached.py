"""Key/value-cached program decoding, exported for beam search.

Two graphs replace the uncached `program_step` (which recomputes the whole prefix every step):

* `program_cross`: the decoder's cross-attention keys and values for each latent group, computed
  once per search: (layers, G, E, heads, M', dh).
* `program_step_kv`: one new token for each of W rows of each of G groups, given the cached
  self-attention keys/values of the prefix; returns next-token log-probabilities and the cache
  grown by one position. Rows of one group share that group's cross-attention memory, so nothing
  per-row is copied for it; the caller reorders the self-attention cache between steps.

Both give the same log-probabilities as `ProgramStep` / `BaselineProgramStep` (a test checks it).
"""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn

from .modules import NEG, Attention, DecoderLayer, TokenDecoder, add_positions


def _split_heads(x: Tensor, heads: int) -> Tensor:
    """(..., T, d) -> (..., heads, T, dh)."""
    *lead, t, d = x.shape
    return x.reshape(*lead, t, heads, d // heads).transpose(-2, -3)


def _position(t: Tensor, dim: int) -> Tensor:
    """The sinusoidal embedding of position `t` (a 0-d tensor), shape (dim,); matches `sinusoidal`."""
    half = dim // 2
    freq = torch.exp(torch.arange(half, dtype=torch.float32) * (-math.log(10000.0) / max(half - 1, 1)))
    ang = t.to(torch.float32) * freq
    return torch.cat([torch.sin(ang), torch.cos(ang)])


def cross_kv(decoder: TokenDecoder, mem: Tensor, heads: int) -> tuple[Tensor, Tensor]:
    """Cross-attention keys/values of every decoder layer for memory (G, E, M, d)."""
    ks = [_split_heads(layer.cross_att.k(mem), heads) for layer in decoder.layers]  # type: ignore[union-attr]
    vs = [_split_heads(layer.cross_att.v(mem), heads) for layer in decoder.layers]  # type: ignore[union-attr]
    return torch.stack(ks), torch.stack(vs)


class ProgramCross(nn.Module):
    """Exported: I/O memory (E, M, d) [+ latents (G, S)] -> cross keys/values and validity."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.m = model
        self.latents = hasattr(model, "vq")

    def forward(self, io_mem: Tensor, mem_valid: Tensor, *latent_args: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        heads = self.m.cfg.heads
        if self.latents:
            latents, latent_valid = latent_args
            g = latents.shape[0]
            e = io_mem.shape[0]
            lv = latent_valid > 0.5
            lat = add_positions(self.m.vq.lookup(latents) * lv.unsqueeze(-1))  # (G, S, d)
            io = io_mem.unsqueeze(0).expand(g, -1, -1, -1)
            lat_e = lat.unsqueeze(1).expand(-1, e, -1, -1)
            mem = torch.cat([io, lat_e], dim=2)
            valid = torch.cat([(mem_valid > 0.5).unsqueeze(0).expand(g, -1, -1), lv.unsqueeze(1).expand(-1, e, -1)], 2)
        else:
            mem = io_mem.unsqueeze(0)
            valid = (mem_valid > 0.5).unsqueeze(0)
        k, v = cross_kv(self.m.decoder, mem, heads)
        return k, v, valid.float()


def _self_attention(att: Attention, y: Tensor, past_k: Tensor, past_v: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """y (G, W, E, 1, d) attends to the cached prefix plus itself; returns output, new K, new V."""
    h = att.heads
    q = _split_heads(att.q(y), h)
    k = torch.cat([past_k, _split_heads(att.k(y), h)], dim=-2)
    v = torch.cat([past_v, _split_heads(att.v(y), h)], dim=-2)
    dh = q.shape[-1]
    scores = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(dh))
    out = torch.matmul(torch.softmax(scores, dim=-1), v)  # (G, W, E, h, 1, dh)
    out = out.transpose(-2, -3).reshape(y.shape)
    return att.o(out), k, v


def _cross_attention(att: Attention, y: Tensor, k: Tensor, v: Tensor, valid: Tensor) -> Tensor:
    """y (G, W, E, d); k, v (G, E, h, M, dh); valid (G, E, M) bool -> (G, W, E, d)."""
    g, w, e, d = y.shape
    h = att.heads
    q = att.q(y).reshape(g, w, e, h, d // h).permute(0, 2, 3, 1, 4)  # (G, E, h, W, dh)
    scores = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(d // h))  # (G, E, h, W, M)
    scores = scores.masked_fill(~valid[:, :, None, None, :], NEG)
    out = torch.matmul(torch.softmax(scores, dim=-1), v)  # (G, E, h, W, dh)
    out = out.permute(0, 3, 1, 2, 4).reshape(g, w, e, d)
    return att.o(out)


class ProgramStepKv(nn.Module):
    """Exported: one decoding step for (G, W) rows with a self-attention cache."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.m = model

    def forward(
        self, cross_k: Tensor, cross_v: Tensor, cross_valid: Tensor, token: Tensor, past_k: Tensor, past_v: Tensor
    ) -> tuple[Tensor, Tensor, Tensor]:
        dec: TokenDecoder = self.m.decoder
        e = cross_k.shape[2]
        dim = dec.embed.embedding_dim
        t = torch._shape_as_tensor(past_k)[-2]  # a graph value under ONNX tracing, not a constant
        x = dec.embed(token) * math.sqrt(dim) + _position(t, dim)  # (G, W, d)
        x = x.unsqueeze(2).expand(-1, -1, e, -1)  # (G, W, E, d)
        valid = cross_valid > 0.5
        new_k: list[Tensor] = []
        new_v: list[Tensor] = []
        for i, layer in enumerate(dec.layers):
            assert isinstance(layer, DecoderLayer)
            a, k, v = _self_attention(layer.self_att, layer.ln1(x).unsqueeze(-2), past_k[i], past_v[i])
            x = x + a.squeeze(-2)
            new_k.append(k)
            new_v.append(v)
            x = x + _cross_attention(layer.cross_att, layer.ln2(x), cross_k[i], cross_v[i], valid)
            x = x + layer.ff(layer.ln3(x))
        logits = dec.out(dec.ln(x))  # (G, W, E, V)
        return torch.log_softmax(logits.max(dim=2).values, dim=-1), torch.stack(new_k), torch.stack(new_v)


def empty_cache(model: nn.Module, groups: int, width: int, examples: int) -> Tensor:
    """The self-attention cache before the first token: (layers, G, W, E, heads, 0, dh)."""
    cfg = model.cfg  # type: ignore[union-attr]
    return torch.zeros(cfg.layers, groups, width, examples, cfg.heads, 0, cfg.dim // cfg.heads)
