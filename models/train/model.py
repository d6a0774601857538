"""The Latent Programmer: I/O encoders, program VQ-VAE, latent predictor, latent program decoder."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from .config import ModelConfig
from .io_encoder import IoEncoder
from .modules import TokenDecoder, add_positions, max_pool_examples
from .vocab import BOS, EOS, PAD
from .vqvae import ProgramEncoder, VectorQuantizerEMA


def expand_examples(x: Tensor, examples: int) -> Tensor:
    """(N, ...) -> (N*E, ...), each row repeated for each example."""
    return x.unsqueeze(1).expand(x.shape[0], examples, *x.shape[1:]).reshape(-1, *x.shape[1:])


def masked_ce(logits: Tensor, target: Tensor) -> Tensor:
    """Mean token cross-entropy ignoring PAD targets."""
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target.reshape(-1), ignore_index=PAD)


class LatentProgrammer(nn.Module):
    """LP (Hong et al. 2021) with per-example decoding and late max-pooling of logits."""

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        a = (cfg.dim, cfg.heads, cfg.hidden, cfg.layers, cfg.dropout)
        self.io_encoder = IoEncoder(cfg.io_vocab, *a)
        self.decoder = TokenDecoder(cfg.program_vocab, *a)
        self.program_encoder = ProgramEncoder(
            cfg.program_vocab, cfg.dim, cfg.heads, cfg.hidden, cfg.layers, cfg.levels, cfg.dropout
        )
        self.vq = VectorQuantizerEMA(cfg.latent_vocab, cfg.dim, cfg.vq_decay, cfg.beta)
        self.pred_io_encoder = IoEncoder(cfg.io_vocab, *a)
        self.latent_predictor = TokenDecoder(cfg.latent_vocab, *a)

    # ---- pieces shared by training and the exported step graphs ----

    def decoder_memory(
        self, io_mem: Tensor, io_valid: Tensor, latents: Tensor, latent_valid: Tensor, examples: int
    ) -> tuple[Tensor, Tensor]:
        """Per-example memory [I/O encoding ; latent vectors + positions]; latents given per task."""
        lat = expand_examples(add_positions(latents), examples)
        lv = expand_examples(latent_valid, examples)
        return torch.cat([io_mem, lat], dim=1), torch.cat([io_valid, lv], dim=1)

    def forward(self, inputs: Tensor, outputs: Tensor, program: Tensor, pretrain: bool) -> dict[str, Tensor]:
        """inputs/outputs (N, E, L) ids, program (N, T) tokens ending in EOS. Returns losses."""
        n, e, _ = inputs.shape
        flat_in = inputs.reshape(n * e, -1)
        flat_out = outputs.reshape(n * e, -1)
        dec_in = F.pad(program, (1, 0), value=BOS)[:, :-1]
        dec_in_e = expand_examples(dec_in, e)

        io_mem, io_valid = self.io_encoder(flat_in, flat_out)
        z, lvalid = self.program_encoder(program)
        q, codes, commit = self.vq(z, lvalid, update=not pretrain)

        # (a) autoencoder: reconstruct Y from qc(ec(Y)) (and X, unless pretraining)
        ae_io_valid = torch.zeros_like(io_valid) if pretrain else io_valid
        mem, mem_valid = self.decoder_memory(io_mem, ae_io_valid, q, lvalid, e)
        ae_logits = max_pool_examples(self.decoder(dec_in_e, mem, mem_valid), e)
        ae_loss = masked_ce(ae_logits, program)

        # (b) latent prediction: teacher-forced CE on the codes, EOS appended
        lengths = lvalid.sum(1)
        tgt = F.pad(codes, (0, 1), value=PAD)
        tgt = tgt.scatter(1, lengths.unsqueeze(1), EOS)
        lp_in = F.pad(codes, (1, 0), value=BOS)
        p_mem, p_valid = self.pred_io_encoder(flat_in, flat_out)
        lp_logits = max_pool_examples(self.latent_predictor(expand_examples(lp_in, e), p_mem, p_valid), e)
        lp_loss = masked_ce(lp_logits, tgt)

        out = {"ae": ae_loss, "commit": commit, "latent": lp_loss}
        total = ae_loss + commit + lp_loss
        if not pretrain:
            # (c) end-to-end: soft latents softmax(lp(X)) . codebook; gradient to the main model only
            soft = torch.softmax(lp_logits[:, :-1].detach(), dim=-1) @ self.vq.codebook
            soft = soft * lvalid.unsqueeze(-1)
            mem, mem_valid = self.decoder_memory(io_mem, io_valid, soft, lvalid, e)
            e2e_logits = max_pool_examples(self.decoder(dec_in_e, mem, mem_valid), e)
            e2e = masked_ce(e2e_logits, program)
            out["e2e"] = e2e
            total = total + e2e
        out["loss"] = total
        return out


class SpecEncoder(nn.Module):
    """Exported: one task's examples -> decoder memory, predictor memory, validity (float)."""

    def __init__(self, model: LatentProgrammer) -> None:
        super().__init__()
        self.m = model

    def forward(self, inputs: Tensor, outputs: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        io_mem, valid = self.m.io_encoder(inputs, outputs)
        p_mem, _ = self.m.pred_io_encoder(inputs, outputs)
        return io_mem, p_mem, valid.float()


class LatentStep(nn.Module):
    """Exported: predictor memory (E, M, d) + latent prefixes (N, t) -> next-code log-probs (N, K)."""

    def __init__(self, model: LatentProgrammer) -> None:
        super().__init__()
        self.m = model

    def forward(self, p_mem: Tensor, mem_valid: Tensor, prefix: Tensor) -> Tensor:
        e = p_mem.shape[0]
        n = prefix.shape[0]
        mem = p_mem.unsqueeze(0).expand(n, -1, -1, -1).reshape(n * e, p_mem.shape[1], p_mem.shape[2])
        valid = (mem_valid > 0.5).unsqueeze(0).expand(n, -1, -1).reshape(n * e, -1)
        logits = self.m.latent_predictor.last_logits(expand_examples(prefix, e), mem, valid)
        return torch.log_softmax(max_pool_examples(logits, e), dim=-1)


class ProgramStep(nn.Module):
    """Exported: decoder memory + latent codes (N, S) + program prefixes (N, t) -> log-probs (N, V)."""

    def __init__(self, model: LatentProgrammer) -> None:
        super().__init__()
        self.m = model

    def forward(
        self, io_mem: Tensor, mem_valid: Tensor, latents: Tensor, latent_valid: Tensor, prefix: Tensor
    ) -> Tensor:
        e = io_mem.shape[0]
        n = prefix.shape[0]
        mem = io_mem.unsqueeze(0).expand(n, -1, -1, -1).reshape(n * e, io_mem.shape[1], io_mem.shape[2])
        valid = (mem_valid > 0.5).unsqueeze(0).expand(n, -1, -1).reshape(n * e, -1)
        lv = latent_valid > 0.5
        lat = self.m.vq.lookup(latents) * lv.unsqueeze(-1)
        full_mem, full_valid = self.m.decoder_memory(mem, valid, lat, lv, e)
        logits = self.m.decoder.last_logits(expand_examples(prefix, e), full_mem, full_valid)
        return torch.log_softmax(max_pool_examples(logits, e), dim=-1)
