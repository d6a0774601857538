"""Exports a checkpoint to self-contained ONNX step graphs plus `model.json` and the I/O vocab.

python -m models.train.export --checkpoint runs/lp/checkpoint.pt --out models/strings
(`runs/lp/checkpoint.pt` names the parts `checkpoint.pt.xz.000`, … that training writes)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch
from torch import nn

from . import checkpoint
from .baseline import BaselineProgramStep, BaselineSpecEncoder, RobustFillBaseline, build
from .cached import ProgramCross, ProgramStepKv, empty_cache
from .config import ModelConfig
from .model import LatentProgrammer, LatentStep, ProgramStep, SpecEncoder
from .vocab import DomainVocab

OPSET = 17


def load_checkpoint(path: Path) -> tuple[nn.Module, ModelConfig, dict[str, object]]:
    # A training checkpoint's compressed parts (`checkpoint.pt.xz.000`, …) or one torch.save file.
    state = checkpoint.load(path) if checkpoint.exists(path) else torch.load(path, map_location="cpu")
    cfg = ModelConfig.from_dict(state["config"])
    model = build(cfg)
    model.load_state_dict(state["model"])
    model.eval()
    return model, cfg, state


def example_inputs(cfg: ModelConfig) -> dict[str, torch.Tensor]:
    """Small tracing inputs; every axis except the model width is dynamic."""
    g = torch.Generator().manual_seed(0)
    e, li, lo, n, t, s = 4, 7, 9, 3, 5, 4
    return {
        "inputs": torch.randint(3, cfg.io_vocab, (e, li), generator=g),
        "outputs": torch.randint(3, cfg.io_vocab, (e, lo), generator=g),
        "prefix": torch.randint(3, cfg.program_vocab, (n, t), generator=g),
        "latent_prefix": torch.randint(3, cfg.latent_vocab, (n, t), generator=g),
        "latents": torch.randint(3, cfg.latent_vocab, (n, s), generator=g),
        "latent_valid": torch.ones(n, s),
    }


def _export(
    module: nn.Module,
    args: tuple[torch.Tensor, ...],
    path: Path,
    names: list[str],
    outs: list[str],
    axes: dict[str, dict[int, str]],
) -> None:
    torch.onnx.export(
        module,
        args,
        str(path),
        input_names=names,
        output_names=outs,
        dynamic_axes=axes,
        opset_version=OPSET,
        dynamo=False,
        do_constant_folding=True,
    )
    import onnx

    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    onnx.save(model, str(path))  # one file, no external data


KV_AXES = {0: "layers", 1: "G", 2: "W", 3: "E", 4: "heads", 5: "T", 6: "dh"}
CROSS_AXES = {1: "G", 2: "E", 4: "M"}


def export_cached(
    model: nn.Module, cfg: ModelConfig, out: Path, io_mem: torch.Tensor, valid: torch.Tensor
) -> dict[str, str]:
    """Writes `program_cross.onnx` and `program_step_kv.onnx` (key/value-cached decoding)."""
    x = example_inputs(cfg)
    lp = isinstance(model, LatentProgrammer)
    g = 2 if lp else 1
    latent_args = (x["latents"][:g], x["latent_valid"][:g]) if lp else ()
    cross = ProgramCross(model).eval()
    ck, cv, cvalid = cross(io_mem, valid, *latent_args)
    names = ["io_memory", "memory_valid"] + (["latents", "latent_valid"] if lp else [])
    axes: dict[str, dict[int, str]] = {"io_memory": {0: "E", 1: "M0"}, "memory_valid": {0: "E", 1: "M0"}}
    if lp:
        axes.update({"latents": {0: "G", 1: "S"}, "latent_valid": {0: "G", 1: "S"}})
    axes.update({"cross_k": CROSS_AXES, "cross_v": CROSS_AXES, "cross_valid": {0: "G", 1: "E", 2: "M"}})
    _export(
        cross,
        (io_mem, valid, *latent_args),
        out / "program_cross.onnx",
        names,
        ["cross_k", "cross_v", "cross_valid"],
        axes,
    )
    w, e = 3, io_mem.shape[0]
    step = ProgramStepKv(model).eval()
    token = x["prefix"][:w, 0].unsqueeze(0).expand(g, -1).contiguous()
    past = empty_cache(model, g, w, e)
    _, pk, pv = step(ck, cv, cvalid, token, past, past)  # trace with a non-empty cache
    _export(
        step,
        (ck, cv, cvalid, token, pk, pv),
        out / "program_step_kv.onnx",
        ["cross_k", "cross_v", "cross_valid", "token", "past_k", "past_v"],
        ["logprobs", "present_k", "present_v"],
        {
            "cross_k": CROSS_AXES,
            "cross_v": CROSS_AXES,
            "cross_valid": {0: "G", 1: "E", 2: "M"},
            "token": {0: "G", 1: "W"},
            "past_k": KV_AXES,
            "past_v": KV_AXES,
            "logprobs": {0: "G", 1: "W"},
            "present_k": KV_AXES,
            "present_v": KV_AXES,
        },
    )
    return {"program_cross": "program_cross.onnx", "program_step_kv": "program_step_kv.onnx"}


def export(model: nn.Module, cfg: ModelConfig, out: Path) -> dict[str, str]:
    """Writes the graphs for `model` into `out`; returns {role: file name}."""
    files = _export_steps(model, cfg, out)
    x = example_inputs(cfg)
    with torch.no_grad():
        if isinstance(model, LatentProgrammer):
            io_mem, _, valid = SpecEncoder(model).eval()(x["inputs"], x["outputs"])
        else:
            io_mem, valid = BaselineSpecEncoder(model).eval()(x["inputs"], x["outputs"])  # type: ignore[arg-type]
        files.update(export_cached(model, cfg, out, io_mem, valid))
    return files


def _export_steps(model: nn.Module, cfg: ModelConfig, out: Path) -> dict[str, str]:
    """The encoder and the uncached step graphs."""
    out.mkdir(parents=True, exist_ok=True)
    x = example_inputs(cfg)
    with torch.no_grad():
        if isinstance(model, LatentProgrammer):
            enc = SpecEncoder(model).eval()
            io_mem, p_mem, valid = enc(x["inputs"], x["outputs"])
            _export(
                enc,
                (x["inputs"], x["outputs"]),
                out / "encoder.onnx",
                ["inputs", "outputs"],
                ["io_memory", "latent_memory", "memory_valid"],
                {
                    "inputs": {0: "E", 1: "Li"},
                    "outputs": {0: "E", 1: "Lo"},
                    "io_memory": {0: "E", 1: "M"},
                    "latent_memory": {0: "E", 1: "M"},
                    "memory_valid": {0: "E", 1: "M"},
                },
            )
            _export(
                LatentStep(model).eval(),
                (p_mem, valid, x["latent_prefix"]),
                out / "latent_step.onnx",
                ["latent_memory", "memory_valid", "prefix"],
                ["logprobs"],
                {
                    "latent_memory": {0: "E", 1: "M"},
                    "memory_valid": {0: "E", 1: "M"},
                    "prefix": {0: "N", 1: "T"},
                    "logprobs": {0: "N"},
                },
            )
            _export(
                ProgramStep(model).eval(),
                (io_mem, valid, x["latents"], x["latent_valid"], x["prefix"]),
                out / "program_step.onnx",
                ["io_memory", "memory_valid", "latents", "latent_valid", "prefix"],
                ["logprobs"],
                {
                    "io_memory": {0: "E", 1: "M"},
                    "memory_valid": {0: "E", 1: "M"},
                    "latents": {0: "N", 1: "S"},
                    "latent_valid": {0: "N", 1: "S"},
                    "prefix": {0: "N", 1: "T"},
                    "logprobs": {0: "N"},
                },
            )
            return {"encoder": "encoder.onnx", "latent_step": "latent_step.onnx", "program_step": "program_step.onnx"}
        assert isinstance(model, RobustFillBaseline)
        enc2 = BaselineSpecEncoder(model).eval()
        io_mem, valid = enc2(x["inputs"], x["outputs"])
        _export(
            enc2,
            (x["inputs"], x["outputs"]),
            out / "encoder.onnx",
            ["inputs", "outputs"],
            ["io_memory", "memory_valid"],
            {
                "inputs": {0: "E", 1: "Li"},
                "outputs": {0: "E", 1: "Lo"},
                "io_memory": {0: "E", 1: "M"},
                "memory_valid": {0: "E", 1: "M"},
            },
        )
        _export(
            BaselineProgramStep(model).eval(),
            (io_mem, valid, x["prefix"]),
            out / "program_step.onnx",
            ["io_memory", "memory_valid", "prefix"],
            ["logprobs"],
            {
                "io_memory": {0: "E", 1: "M"},
                "memory_valid": {0: "E", 1: "M"},
                "prefix": {0: "N", 1: "T"},
                "logprobs": {0: "N"},
            },
        )
        return {"encoder": "encoder.onnx", "program_step": "program_step.onnx"}


def write_manifest(cfg: ModelConfig, files: dict[str, str], out: Path, extra: dict[str, object]) -> None:
    """`model.json`: what the Rust side needs to drive the graphs."""
    DomainVocab(cfg.domain).save(out / "io_vocab.json")
    manifest = {
        "format": "docsynth-lp-onnx/1",
        "kind": cfg.kind,
        "domain": cfg.domain,
        "files": files,
        "io_vocab": "io_vocab.json",
        "config": cfg.to_dict(),
        "latent_stride": 2**cfg.levels,
        "special_tokens": {"pad": 0, "bos": 1, "eos": 2},
        **extra,
    }
    (out / "model.json").write_text(json.dumps(manifest, indent=1) + "\n")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    model, cfg, state = load_checkpoint(Path(args.checkpoint))
    out = Path(args.out)
    files = export(model, cfg, out)
    write_manifest(cfg, files, out, {"trained_steps": state["step"], "train_wall_s": state["wall_s"]})
    for f in files.values():
        print(f"{out / f}: {(out / f).stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
