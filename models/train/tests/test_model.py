"""Model smoke tests on tiny random tensors, and ONNX Runtime vs PyTorch agreement."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch
from models.train.baseline import BaselineProgramStep, BaselineSpecEncoder, build
from models.train.cached import ProgramCross, ProgramStepKv, empty_cache
from models.train.config import ModelConfig
from models.train.data import Encoded, collate
from models.train.evaluate import greedy_programs
from models.train.export import export, write_manifest
from models.train.model import LatentStep, ProgramStep, SpecEncoder
from models.train.recover import recover
from models.train.vocab import EOS, DomainVocab
from models.train.vqvae import VectorQuantizerEMA

TINY = {"dim": 32, "hidden": 64, "heads": 4, "layers": 1}


def random_batch(n: int = 5, seed: int = 0) -> list[Encoded]:
    g = torch.Generator().manual_seed(seed)
    tasks = []
    for _ in range(n):
        e = int(torch.randint(2, 5, (1,), generator=g))
        t = int(torch.randint(2, 20, (1,), generator=g))
        ins = [
            torch.randint(3, 98, (int(torch.randint(1, 12, (1,), generator=g)),), generator=g).tolist()
            for _ in range(e)
        ]
        outs = [
            torch.randint(3, 98, (int(torch.randint(1, 12, (1,), generator=g)),), generator=g).tolist()
            for _ in range(e)
        ]
        prog = [*torch.randint(3, 316, (t,), generator=g).tolist(), EOS]
        tasks.append(Encoded(ins, outs, prog))
    return tasks


@pytest.mark.parametrize("kind", ["lp", "baseline"])
def test_losses_are_finite_and_training_reduces_them(kind: str) -> None:
    torch.manual_seed(0)
    model = build(ModelConfig(kind=kind, **TINY))
    b = collate(random_batch())
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    first = None
    for step in range(60):
        out = model(b.inputs, b.outputs, b.program, pretrain=step < 20)
        assert torch.isfinite(out["loss"])
        opt.zero_grad()
        out["loss"].backward()
        opt.step()
        if step == 20:
            first = float(out["loss"])
    assert first is not None and float(out["loss"]) < first


def test_latent_length_is_ceil_t_over_4() -> None:
    model = build(ModelConfig(kind="lp", **TINY))
    prog = torch.tensor([[5, 6, 7, 8, 9, EOS, 0, 0, 0], [5, 6, 7, 8, 9, 10, 11, 12, EOS]])
    z, valid = model.program_encoder(prog)  # type: ignore[operator]
    assert z.shape[1] == 3
    assert valid.sum(1).tolist() == [2, 3]


def test_greedy_decoding_runs() -> None:
    model = build(ModelConfig(kind="lp", **TINY)).eval()
    b = collate(random_batch(3))
    pred = greedy_programs(model, b, max_len=10)
    assert pred.shape[0] == 3


def run(sess: ort.InferenceSession, feeds: dict[str, torch.Tensor]) -> list[np.ndarray]:
    return sess.run(None, {k: v.numpy() for k, v in feeds.items()})


@pytest.mark.parametrize("kind", ["lp", "baseline"])
def test_onnx_matches_pytorch(kind: str, tmp_path: Path) -> None:
    torch.manual_seed(1)
    model = build(ModelConfig(kind=kind, **TINY)).eval()
    files = export(model, model.cfg, tmp_path)  # type: ignore[arg-type]
    sess = {k: ort.InferenceSession(str(tmp_path / f), providers=["CPUExecutionProvider"]) for k, f in files.items()}
    g = torch.Generator().manual_seed(7)
    # shapes different from the ones used for tracing: dynamic axes must hold
    e, n = 3, 6
    inputs = torch.randint(3, 98, (e, 11), generator=g)
    inputs[1, 8:] = 0
    outputs = torch.randint(3, 98, (e, 13), generator=g)
    outputs[2, 5:] = 0
    prefix = torch.randint(3, 316, (n, 9), generator=g)
    with torch.no_grad():
        if kind == "lp":
            io_mem, p_mem, valid = SpecEncoder(model)(inputs, outputs)  # type: ignore[arg-type]
            o = run(sess["encoder"], {"inputs": inputs, "outputs": outputs})
            for a, b in zip(o, (io_mem, p_mem, valid), strict=True):
                assert np.abs(a - b.numpy()).max() <= 1e-4
            lp = torch.randint(3, 40, (n, 4), generator=g)
            ref = LatentStep(model)(p_mem, valid, lp)  # type: ignore[arg-type]
            got = run(sess["latent_step"], {"latent_memory": p_mem, "memory_valid": valid, "prefix": lp})[0]
            assert got.shape == (n, 40)
            assert np.abs(got - ref.numpy()).max() <= 1e-4
            lat = torch.randint(3, 40, (n, 5), generator=g)
            lv = torch.ones(n, 5)
            lv[0, 3:] = 0
            ref = ProgramStep(model)(io_mem, valid, lat, lv, prefix)  # type: ignore[arg-type]
            got = run(
                sess["program_step"],
                {"io_memory": io_mem, "memory_valid": valid, "latents": lat, "latent_valid": lv, "prefix": prefix},
            )[0]
        else:
            io_mem, valid = BaselineSpecEncoder(model)(inputs, outputs)  # type: ignore[arg-type]
            o = run(sess["encoder"], {"inputs": inputs, "outputs": outputs})
            assert np.abs(o[0] - io_mem.numpy()).max() <= 1e-4
            ref = BaselineProgramStep(model)(io_mem, valid, prefix)  # type: ignore[arg-type]
            got = run(sess["program_step"], {"io_memory": io_mem, "memory_valid": valid, "prefix": prefix})[0]
        assert got.shape == (n, 316)
        assert np.abs(got - ref.numpy()).max() <= 1e-4


def test_lists_io_encoding_matches_the_documented_ids() -> None:
    v = DomainVocab("lists")
    # [3, -1] and 60 (out of range): `[` 3+50+5 -1+50+5 `]` SEP UNK
    assert v.encode_inputs([[3, -1], 60]) == [3, 58, 54, 4, 1, 2]
    assert v.encode_output(-50) == [5]
    assert v.encode_output([]) == [3, 4]
    assert v.io_size == 106 and v.program_size == 153


def test_lists_model_exports_with_its_vocabularies(tmp_path: Path) -> None:
    v = DomainVocab("lists")
    cfg = ModelConfig(kind="lp", domain="lists", io_vocab=v.io_size, program_vocab=v.program_size, **TINY)
    model = build(cfg).eval()
    files = export(model, cfg, tmp_path)
    write_manifest(cfg, files, tmp_path, {})
    manifest = json.loads((tmp_path / "model.json").read_text())
    assert manifest["domain"] == "lists"
    assert json.loads((tmp_path / "io_vocab.json").read_text())["kind"] == "ints"
    sess = ort.InferenceSession(str(tmp_path / files["program_step"]), providers=["CPUExecutionProvider"])
    io_mem, _, valid = SpecEncoder(model)(torch.tensor([[3, 58, 4]]), torch.tensor([[3, 4]]))  # type: ignore[arg-type]
    got = sess.run(
        None,
        {
            "io_memory": io_mem.detach().numpy(),
            "memory_valid": valid.detach().numpy(),
            "latents": np.full((2, 3), 5, dtype=np.int64),
            "latent_valid": np.ones((2, 3), dtype=np.float32),
            "prefix": np.ones((2, 1), dtype=np.int64),
        },
    )[0]
    assert got.shape == (2, 153)


def test_dead_codes_are_restarted() -> None:
    vq = VectorQuantizerEMA(8, 4)
    vq.train()
    z = torch.zeros(2, 5, 4) + 3.0  # every vector lands on one code
    valid = torch.ones(2, 5, dtype=torch.bool)
    for _ in range(600):
        vq(z + 0.01 * torch.randn_like(z), valid, update=True)
    # the dead codes were moved onto encoder outputs instead of staying at their random init
    assert (vq.codebook[3:] - 3.0).abs().max() < 0.5


@pytest.mark.parametrize("kind", ["lp", "baseline"])
def test_cached_decoding_matches_full_recomputation(kind: str) -> None:
    torch.manual_seed(3)
    model = build(ModelConfig(kind=kind, **TINY)).eval()
    g = torch.Generator().manual_seed(5)
    e, groups, width, steps = 3, 2 if kind == "lp" else 1, 4, 6
    inputs = torch.randint(3, 98, (e, 10), generator=g)
    outputs = torch.randint(3, 98, (e, 8), generator=g)
    outputs[1, 5:] = 0
    tokens = torch.randint(3, 316, (groups, width, steps), generator=g)
    tokens[:, :, 0] = 1  # BOS
    with torch.no_grad():
        if kind == "lp":
            io_mem, _, valid = SpecEncoder(model)(inputs, outputs)  # type: ignore[arg-type]
            lat = torch.randint(3, 40, (groups, 3), generator=g)
            lv = torch.ones(groups, 3)
            lv[1, 2] = 0
            ck, cv, cvalid = ProgramCross(model)(io_mem, valid, lat, lv)
        else:
            io_mem, valid = BaselineSpecEncoder(model)(inputs, outputs)  # type: ignore[arg-type]
            ck, cv, cvalid = ProgramCross(model)(io_mem, valid)
        pk = pv = empty_cache(model, groups, width, e)
        for t in range(steps):
            got, pk, pv = ProgramStepKv(model)(ck, cv, cvalid, tokens[:, :, t], pk, pv)
            for gi in range(groups):
                prefix = tokens[gi, :, : t + 1]
                if kind == "lp":
                    ref = ProgramStep(model)(
                        io_mem, valid, lat[gi : gi + 1].expand(width, -1), lv[gi : gi + 1].expand(width, -1), prefix
                    )  # type: ignore[arg-type]
                else:
                    ref = BaselineProgramStep(model)(io_mem, valid, prefix)  # type: ignore[arg-type]
                assert np.abs(got[gi].numpy() - ref.numpy()).max() <= 1e-4


@pytest.mark.parametrize("kind", ["lp", "baseline"])
def test_onnx_cached_decoding_matches_pytorch(kind: str, tmp_path: Path) -> None:
    torch.manual_seed(4)
    model = build(ModelConfig(kind=kind, **TINY)).eval()
    files = export(model, model.cfg, tmp_path)  # type: ignore[arg-type]
    cross = ort.InferenceSession(str(tmp_path / files["program_cross"]), providers=["CPUExecutionProvider"])
    step = ort.InferenceSession(str(tmp_path / files["program_step_kv"]), providers=["CPUExecutionProvider"])
    g = torch.Generator().manual_seed(9)
    e, groups, width, steps = 2, 3 if kind == "lp" else 1, 5, 4
    inputs = torch.randint(3, 98, (e, 12), generator=g)
    outputs = torch.randint(3, 98, (e, 6), generator=g)
    tokens = torch.randint(3, 316, (groups, width, steps), generator=g)
    tokens[:, :, 0] = 1
    with torch.no_grad():
        if kind == "lp":
            io_mem, _, valid = SpecEncoder(model)(inputs, outputs)  # type: ignore[arg-type]
            lat = torch.randint(3, 40, (groups, 2), generator=g)
            lv = torch.ones(groups, 2)
            feeds = {"io_memory": io_mem, "memory_valid": valid, "latents": lat, "latent_valid": lv}
        else:
            io_mem, valid = BaselineSpecEncoder(model)(inputs, outputs)  # type: ignore[arg-type]
            feeds = {"io_memory": io_mem, "memory_valid": valid}
        ck, cv, cvalid = run(cross, feeds)
        pk = pv = empty_cache(model, groups, width, e).numpy()
        for t in range(steps):
            lp_, pk, pv = step.run(
                None,
                {
                    "cross_k": ck,
                    "cross_v": cv,
                    "cross_valid": cvalid,
                    "token": tokens[:, :, t].numpy(),
                    "past_k": pk,
                    "past_v": pv,
                },
            )
            assert pk.shape[5] == t + 1
            for gi in range(groups):
                prefix = tokens[gi, :, : t + 1]
                if kind == "lp":
                    ref = ProgramStep(model)(
                        io_mem, valid, lat[gi : gi + 1].expand(width, -1), lv[gi : gi + 1].expand(width, -1), prefix
                    )  # type: ignore[arg-type]
                else:
                    ref = BaselineProgramStep(model)(io_mem, valid, prefix)  # type: ignore[arg-type]
                assert np.abs(lp_[gi] - ref.numpy()).max() <= 1e-4


@pytest.mark.parametrize("kind", ["lp", "baseline"])
def test_weights_are_recovered_from_the_graphs(kind: str, tmp_path: Path) -> None:
    torch.manual_seed(6)
    model = build(ModelConfig(kind=kind, **TINY)).eval()
    with torch.no_grad():  # distinct values everywhere (the exporter merges equal constants)
        for prm in model.parameters():
            prm.add_(0.1 * torch.randn_like(prm))
    files = export(model, model.cfg, tmp_path)  # type: ignore[arg-type]
    write_manifest(model.cfg, files, tmp_path, {})  # type: ignore[arg-type]
    back, _, missing = recover(tmp_path)
    original = model.state_dict()
    for key, value in back.state_dict().items():
        if key not in missing:
            assert torch.equal(value, original[key]), key
    assert all(k.startswith(("program_encoder.", "vq.cluster", "vq.embed_sum")) for k in missing)
