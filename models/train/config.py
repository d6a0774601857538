"""Model hyperparameters, saved with checkpoints and shipped in the model manifest."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class ModelConfig:
    """Sizes of the Latent Programmer (paper defaults: 128/512/4 heads/3 layers, K=40, l=2)."""

    kind: str = "lp"  # "lp" or "baseline"
    domain: str = "strings"  # "strings" (RobustFill) or "lists" (DeepCoder)
    io_vocab: int = 98
    program_vocab: int = 316
    latent_vocab: int = 40
    dim: int = 128
    hidden: int = 512
    heads: int = 4
    layers: int = 3
    levels: int = 2
    dropout: float = 0.1
    vq_decay: float = 0.99
    beta: float = 0.25
    max_program_len: int = 130
    max_io_len: int = 160

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @staticmethod
    def from_dict(d: dict[str, object]) -> ModelConfig:
        known = {k: v for k, v in d.items() if k in ModelConfig.__dataclass_fields__}
        return ModelConfig(**known)  # type: ignore[arg-type]
