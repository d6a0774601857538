"""Rebuilds PyTorch weights from a shipped model's ONNX graphs, then adds the cached-decoding graphs.

Used when a model was trained on a lent machine whose checkpoint did not come back: the graphs hold
every weight the decoding path needs. Named initializers map straight to `state_dict` keys; each
Linear weight was folded into an anonymous transposed MatMul constant, found through the Add node
that adds its (named) bias. Parameters no graph uses (the program encoder of the VQ-VAE) keep their
initial values and are reported; they play no part in decoding.

python -m models.train.recover --model models/strings
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from .baseline import build
from .config import ModelConfig
from .export import export_cached
from .model import LatentProgrammer, SpecEncoder


def graph_weights(path: Path) -> dict[str, np.ndarray]:
    """State-dict entries found in one exported graph (keys without the wrapper's `m.` prefix)."""
    g = onnx.load(str(path)).graph
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    out = {name.removeprefix("m."): arr for name, arr in inits.items() if name.startswith("m.")}
    producer = {o: n for n in g.node for o in n.output}
    for node in g.node:
        if node.op_type != "Add":
            continue
        bias = next((i for i in node.input if i.startswith("m.") and i.endswith(".bias")), None)
        other = next((i for i in node.input if i != bias), None)
        if bias is None or other is None or other not in producer:
            continue
        mm = producer[other]
        if mm.op_type != "MatMul":
            continue
        weight = next((i for i in mm.input if i in inits and not i.startswith("m.")), None)
        if weight is not None:
            out[bias.removeprefix("m.").removesuffix(".bias") + ".weight"] = inits[weight].T
    return out


def recover(model_dir: Path) -> tuple[torch.nn.Module, ModelConfig, list[str]]:
    """The model of `model_dir` with every decoding weight restored; returns it and what is missing."""
    manifest = json.loads((model_dir / "model.json").read_text())
    cfg = ModelConfig.from_dict(manifest["config"])
    model = build(cfg).eval()
    weights: dict[str, np.ndarray] = {}
    for role in ("encoder", "latent_step", "program_step"):
        name = manifest["files"].get(role)
        if name:
            weights.update(graph_weights(model_dir / name))
    state = model.state_dict()
    for key, arr in weights.items():
        if key not in state:
            raise KeyError(f"{key} from the graphs is not a parameter of the model")
        if tuple(state[key].shape) != arr.shape:
            raise ValueError(f"{key}: graph shape {arr.shape} != model shape {tuple(state[key].shape)}")
        state[key] = torch.from_numpy(arr.copy())
    model.load_state_dict(state)
    missing = [k for k in state if k not in weights]
    return model, cfg, missing


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", required=True, help="shipped model directory (model.json + graphs)")
    args = p.parse_args()
    out = Path(args.model)
    model, cfg, missing = recover(out)
    decoding_missing = [k for k in missing if not k.startswith(("program_encoder.", "vq.cluster", "vq.embed_sum"))]
    if decoding_missing:
        raise SystemExit(f"weights used by decoding are missing from the graphs: {decoding_missing}")
    print(f"recovered; not in any graph (unused by decoding): {len(missing)} tensors", flush=True)
    with torch.no_grad():
        x = torch.randint(3, cfg.io_vocab, (4, 9))
        y = torch.randint(3, cfg.io_vocab, (4, 7))
        if isinstance(model, LatentProgrammer):
            io_mem, _, valid = SpecEncoder(model)(x, y)
        else:
            io_mem, valid = model.io_encoder(x, y)  # type: ignore[operator]
            valid = valid.float()
        files = export_cached(model, cfg, out, io_mem, valid)
    manifest = json.loads((out / "model.json").read_text())
    manifest["files"].update(files)
    (out / "model.json").write_text(json.dumps(manifest, indent=1) + "\n")
    for f in files.values():
        print(f"{out / f}: {(out / f).stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
