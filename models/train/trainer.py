"""One training run's state: model, optimizer, learning-rate schedule, counters and RNG, with an
exact checkpoint (resuming gives the same next steps as continuing)."""

from __future__ import annotations

import math
import random
import time
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import torch

from .baseline import build
from .config import ModelConfig
from .data import Batch


@dataclass
class Schedule:
    """Learning rate and pre-training as functions of examples seen, so the batch can change
    between runs: `ref_batch`-sized steps count progress; the peak rate scales with
    sqrt(batch / ref_batch) (Adam's usual rule for larger batches)."""

    lr: float = 1e-3
    warmup: int = 2000  # in ref_batch steps
    pretrain_steps: int = 2000  # in ref_batch steps
    ref_batch: int = 128
    batch: int = 128

    def ref_steps(self, examples: int) -> float:
        return examples / self.ref_batch

    def lr_at(self, examples: int) -> float:
        """Linear warmup, then rsqrt decay (as in the LP release), scaled for the batch."""
        s = max(self.ref_steps(examples), 1.0)
        peak = self.lr * math.sqrt(self.batch / self.ref_batch)
        return peak * min(1.0, s / self.warmup) * math.sqrt(self.warmup / max(s, self.warmup))

    def pretraining(self, examples: int) -> bool:
        return self.ref_steps(examples) < self.pretrain_steps


def rng_state(device: torch.device) -> dict[str, Any]:
    state: dict[str, Any] = {
        "torch": torch.get_rng_state(),
        "python": random.getstate(),
        "numpy": np.random.get_state(),
    }
    if device.type == "cuda":
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any], device: torch.device) -> None:
    torch.set_rng_state(state["torch"])
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    if device.type == "cuda" and "cuda" in state:
        torch.cuda.set_rng_state_all(state["cuda"])


class Trainer:
    """Steps the model; `state_dict` / `load_state_dict` cover everything a step depends on."""

    def __init__(
        self,
        cfg: ModelConfig,
        schedule: Schedule,
        device: torch.device,
        seed: int,
        weight_decay: float = 0.01,
        compile_model: bool = False,
    ) -> None:
        torch.manual_seed(seed)
        self.cfg = cfg
        self.schedule = schedule
        self.device = device
        self.model = build(cfg).to(device)
        cuda = device.type == "cuda"
        self.opt = torch.optim.AdamW(
            self.model.parameters(),
            lr=schedule.lr,
            betas=(0.9, 0.98),
            eps=1e-9,
            weight_decay=weight_decay,
            fused=cuda,
        )
        self.forward = torch.compile(self.model) if compile_model else self.model
        self.use_bf16 = cuda
        self.step = 0
        self.examples = 0
        self.wall_s = 0.0
        self.last_eval: float | None = None
        self._t0 = time.time()
        self.model.train()

    def train_step(self, b: Batch) -> dict[str, float]:
        """One optimizer step on `b` (already on the device); returns its losses."""
        pretrain = self.schedule.pretraining(self.examples)
        lr = self.schedule.lr_at(self.examples)
        for g in self.opt.param_groups:
            g["lr"] = lr
        with torch.autocast(device_type=self.device.type, dtype=torch.bfloat16, enabled=self.use_bf16):
            losses = self.forward(b.inputs, b.outputs, b.program, pretrain=pretrain)
        self.opt.zero_grad(set_to_none=True)
        losses["loss"].backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        self.step += 1
        self.examples += int(b.program.shape[0])
        out = {k: float(v.detach()) for k, v in losses.items()}
        out["lr"] = lr
        out["pretrain"] = float(pretrain)
        return out

    def elapsed(self) -> float:
        return self.wall_s + time.time() - self._t0

    def state_dict(self, data: dict[str, Any]) -> dict[str, Any]:
        """Everything to resume exactly; `data` is the data source's position."""
        return {
            "format": "docsynth-train/2",
            "model": self.model.state_dict(),
            "opt": self.opt.state_dict(),
            "schedule": asdict(self.schedule),
            "config": self.cfg.to_dict(),
            "step": self.step,
            "examples": self.examples,
            "wall_s": self.elapsed(),
            "last_eval": self.last_eval,
            "rng": rng_state(self.device),
            "data": data,
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.model.load_state_dict(state["model"])
        self.opt.load_state_dict(state["opt"])
        self.step = int(state["step"])
        self.examples = int(state.get("examples", self.step * self.schedule.batch))
        self.wall_s = float(state["wall_s"])
        self._t0 = time.time()
        self.last_eval = state.get("last_eval")
        if "rng" in state:
            set_rng_state(state["rng"], self.device)
