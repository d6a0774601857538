//! The shipped ONNX graphs and their manifest; sessions are built once and shared.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ort::session::Session;
use ort::value::Tensor;
use serde::Deserialize;

use super::runtime::Runtime;
use super::vocab::IoVocab;
use super::{Device, NeuralError};
use crate::value::Value;

/// `model.json`, written by `models/train/export.py`.
#[derive(Clone, Debug, Deserialize)]
pub struct Manifest {
    /// `lp` (Latent Programmer) or `baseline` (RobustFill, no latents).
    pub kind: String,
    /// Program space the model writes (`strings` or `lists`).
    pub domain: String,
    /// Graph files by role: `encoder`, `latent_step` (LP only), `program_step`.
    pub files: Files,
    /// The I/O vocabulary file (`io_vocab.json`, see [`IoVocab`]).
    pub io_vocab: String,
    /// Model sizes.
    pub config: ManifestConfig,
}

/// Graph file names.
#[derive(Clone, Debug, Deserialize)]
pub struct Files {
    /// Spec encoder.
    pub encoder: String,
    /// One latent-predictor step (LP only).
    pub latent_step: Option<String>,
    /// One program-decoder step.
    pub program_step: String,
    /// Cross-attention keys/values per latent group (key/value-cached decoding; optional).
    pub program_cross: Option<String>,
    /// One cached program-decoder step (optional; used with `program_cross`).
    pub program_step_kv: Option<String>,
}

/// The sizes the decoder needs.
#[derive(Clone, Debug, Deserialize)]
pub struct ManifestConfig {
    /// Latent vocabulary size K (codes 0..=2 are PAD/BOS/EOS).
    pub latent_vocab: usize,
    /// Program vocabulary size (316 for strings, 153 for lists).
    pub program_vocab: usize,
    /// I/O vocabulary size (the encoder's embedding rows), when the manifest states it.
    #[serde(default)]
    pub io_vocab: Option<usize>,
    /// Longest program, in tokens including EOS.
    pub max_program_len: usize,
    /// Encoded I/O sequences are truncated to this many ids.
    pub max_io_len: usize,
    /// Number of stride-2 convolutions (latent length = ceil(T / 2^levels)).
    pub levels: u32,
}

/// The program space a model writes, with the token table its grammar relies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelDomain {
    /// RobustFill strings (`domain::strings`), character I/O vocabulary.
    Strings,
    /// DeepCoder lists (`domain::lists`), ints I/O vocabulary.
    Lists,
}

impl ModelDomain {
    /// The domain named in a manifest.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "strings" => Some(Self::Strings),
            "lists" => Some(Self::Lists),
            _ => None,
        }
    }

    /// The domain's name (as in [`crate::domain::Domain::name`]).
    pub fn name(self) -> &'static str {
        match self {
            Self::Strings => "strings",
            Self::Lists => "lists",
        }
    }

    /// The I/O vocabulary kind the domain's examples need.
    fn vocab_kind(self) -> &'static str {
        match self {
            Self::Strings => "chars",
            Self::Lists => "ints",
        }
    }

    /// The program vocabulary size the domain's grammar is written for.
    fn program_vocab(self) -> usize {
        match self {
            Self::Strings => 316,
            Self::Lists => crate::domain::lists::tokens::VOCAB_SIZE as usize,
        }
    }
}

/// Checks that the manifest, the vocabulary and the grammar agree; returns the domain.
fn check_manifest(manifest: &Manifest, vocab: &IoVocab) -> Result<ModelDomain, String> {
    let domain = ModelDomain::parse(&manifest.domain).ok_or_else(|| {
        format!(
            "unknown domain `{}` (expected strings or lists)",
            manifest.domain
        )
    })?;
    if vocab.kind() != domain.vocab_kind() {
        return Err(format!(
            "a {} model needs a `{}` I/O vocabulary, found `{}`",
            domain.name(),
            domain.vocab_kind(),
            vocab.kind()
        ));
    }
    if manifest.config.program_vocab != domain.program_vocab() {
        return Err(format!(
            "program_vocab is {}, but the {} token table has {} tokens",
            manifest.config.program_vocab,
            domain.name(),
            domain.program_vocab()
        ));
    }
    if let Some(n) = manifest.config.io_vocab {
        if vocab.max_id() >= n as i64 {
            return Err(format!(
                "the I/O vocabulary produces id {} but the encoder has {n} rows",
                vocab.max_id()
            ));
        }
    }
    Ok(domain)
}

/// One task's encoded specification, reused by every decoding step.
pub struct SpecMemory {
    examples: usize,
    width: usize,
    length: usize,
    io_memory: Vec<f32>,
    latent_memory: Option<Vec<f32>>,
    valid: Vec<f32>,
}

/// The loaded graphs.
pub struct Model {
    /// The manifest.
    pub manifest: Manifest,
    /// The program space, from the manifest.
    pub domain: ModelDomain,
    /// The I/O vocabulary.
    pub vocab: IoVocab,
    /// The device the sessions run on.
    pub device: Device,
    encoder: Mutex<Session>,
    latent_step: Option<Mutex<Session>>,
    program_step: Mutex<Session>,
    pub(super) cached: Option<super::kv::CachedSessions>,
}

pub(super) fn ort_err(what: &str) -> impl Fn(ort::Error) -> NeuralError + '_ {
    move |e| NeuralError::Inference(format!("{what}: {e}"))
}

fn build_session(
    rt: &Runtime,
    path: &Path,
    device: Device,
) -> Result<(Session, Device), NeuralError> {
    let load = |cuda: bool| -> Result<Session, NeuralError> {
        let err = |e: String| NeuralError::Model {
            path: path.to_path_buf(),
            message: e,
        };
        // The pool's threads sleep instead of spinning between steps: the model shares the
        // cores with the search and the Python checks it runs beside.
        let mut builder = Session::builder(&rt.environment)
            .map_err(|e| err(e.to_string()))?
            .with_intra_op_spinning(false)
            .map_err(|e| err(e.to_string()))?;
        if cuda {
            builder = with_cuda(builder).map_err(err)?;
        }
        builder
            .commit_from_file(path)
            .map_err(|e| err(e.to_string()))
    };
    match device {
        Device::Cpu => Ok((load(false)?, Device::Cpu)),
        Device::Cuda => Ok((load(true)?, Device::Cuda)),
        Device::Auto => match load(true) {
            Ok(s) => Ok((s, Device::Cuda)),
            // `auto` falls back quietly: most machines have no GPU, and `docsynth doctor`
            // reports the device in use. Asking for `cuda` explicitly fails loudly instead.
            Err(_) => Ok((load(false)?, Device::Cpu)),
        },
    }
}

#[cfg(feature = "cuda")]
fn with_cuda(
    builder: ort::session::builder::SessionBuilder,
) -> Result<ort::session::builder::SessionBuilder, String> {
    builder
        .with_execution_providers([ort::ep::CUDA::default().build().error_on_failure()])
        .map_err(|e| e.to_string())
}

#[cfg(not(feature = "cuda"))]
fn with_cuda(
    _builder: ort::session::builder::SessionBuilder,
) -> Result<ort::session::builder::SessionBuilder, String> {
    Err("docsynth was built without the `cuda` feature".to_string())
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, NeuralError> {
    let text = std::fs::read_to_string(path).map_err(|e| NeuralError::Model {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| NeuralError::Model {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

impl Model {
    /// Loads `model.json` and the graphs it names from `dir`.
    pub fn load(rt: &Runtime, dir: &Path, device: Device) -> Result<Self, NeuralError> {
        let manifest_path = dir.join("model.json");
        let manifest: Manifest = read_json(&manifest_path)?;
        let vocab_path = dir.join(&manifest.io_vocab);
        let vocab_text = std::fs::read_to_string(&vocab_path).map_err(|e| NeuralError::Model {
            path: vocab_path.clone(),
            message: e.to_string(),
        })?;
        let vocab = IoVocab::parse(&vocab_text).map_err(|message| NeuralError::Model {
            path: vocab_path.clone(),
            message,
        })?;
        let domain = check_manifest(&manifest, &vocab).map_err(|message| NeuralError::Model {
            path: manifest_path,
            message,
        })?;
        let file = |name: &str| -> PathBuf { dir.join(name) };
        let (encoder, device) = build_session(rt, &file(&manifest.files.encoder), device)?;
        let latent_step = match (&manifest.files.latent_step, manifest.kind.as_str()) {
            (Some(f), _) => Some(Mutex::new(build_session(rt, &file(f), device)?.0)),
            (None, "baseline") => None,
            (None, kind) => {
                return Err(NeuralError::Model {
                    path: dir.join("model.json"),
                    message: format!("model kind `{kind}` needs a latent_step graph"),
                })
            }
        };
        let program_step = build_session(rt, &file(&manifest.files.program_step), device)?.0;
        let cached = match (
            &manifest.files.program_cross,
            &manifest.files.program_step_kv,
        ) {
            (Some(c), Some(s)) => Some(super::kv::CachedSessions {
                cross: Mutex::new(build_session(rt, &file(c), device)?.0),
                step: Mutex::new(build_session(rt, &file(s), device)?.0),
            }),
            _ => None,
        };
        Ok(Self {
            manifest,
            domain,
            vocab,
            device,
            encoder: Mutex::new(encoder),
            latent_step,
            program_step: Mutex::new(program_step),
            cached,
        })
    }

    /// True for a Latent Programmer (two-level search); false for the baseline.
    pub fn has_latents(&self) -> bool {
        self.latent_step.is_some()
    }

    /// Encodes examples given as (inputs, output) values with the model's I/O vocabulary
    /// (strings for a strings model, ints or lists of ints for a lists model; anything else is
    /// [`NeuralError::Unsupported`]), truncated to `max_io_len`.
    pub fn encode(&self, examples: &[(Vec<&Value>, &Value)]) -> Result<SpecMemory, NeuralError> {
        if examples.is_empty() {
            return Err(NeuralError::Unsupported("the task has no examples".into()));
        }
        let cap = self.manifest.config.max_io_len;
        let mut ins: Vec<Vec<i64>> = Vec::with_capacity(examples.len());
        let mut outs: Vec<Vec<i64>> = Vec::with_capacity(examples.len());
        for (i, o) in examples {
            let (a, b) = self.vocab.encode_example(i, o)?;
            ins.push(truncate(a, cap));
            outs.push(truncate(b, cap));
        }
        let (li, in_flat) = pad_rows(&ins);
        let (lo, out_flat) = pad_rows(&outs);
        let e = examples.len();
        let t_in =
            Tensor::from_array((vec![e as i64, li as i64], in_flat)).map_err(ort_err("inputs"))?;
        let t_out = Tensor::from_array((vec![e as i64, lo as i64], out_flat))
            .map_err(ort_err("outputs"))?;
        let mut session = self.encoder.lock().unwrap_or_else(|p| p.into_inner());
        let outputs = session
            .run(ort::inputs!["inputs" => t_in, "outputs" => t_out])
            .map_err(ort_err("encoder"))?;
        let (shape, io_memory) = outputs["io_memory"]
            .try_extract_tensor::<f32>()
            .map_err(ort_err("io_memory"))?;
        let (length, width) = (shape[1] as usize, shape[2] as usize);
        let io_memory = io_memory.to_vec();
        let latent_memory = match outputs.get("latent_memory") {
            Some(v) => Some(
                v.try_extract_tensor::<f32>()
                    .map_err(ort_err("latent_memory"))?
                    .1
                    .to_vec(),
            ),
            None => None,
        };
        let valid = outputs["memory_valid"]
            .try_extract_tensor::<f32>()
            .map_err(ort_err("memory_valid"))?
            .1
            .to_vec();
        Ok(SpecMemory {
            examples: e,
            width,
            length,
            io_memory,
            latent_memory,
            valid,
        })
    }

    pub(super) fn memory_tensors(
        &self,
        mem: &SpecMemory,
        latent: bool,
    ) -> Result<(Tensor<f32>, Tensor<f32>), NeuralError> {
        let data = if latent {
            mem.latent_memory
                .clone()
                .ok_or_else(|| NeuralError::Inference("no latent memory".into()))?
        } else {
            mem.io_memory.clone()
        };
        let shape = vec![mem.examples as i64, mem.length as i64, mem.width as i64];
        let m = Tensor::from_array((shape, data)).map_err(ort_err("memory"))?;
        let v = Tensor::from_array((
            vec![mem.examples as i64, mem.length as i64],
            mem.valid.clone(),
        ))
        .map_err(ort_err("memory_valid"))?;
        Ok((m, v))
    }

    /// Next-code log-probabilities for each latent prefix (each starts with BOS = 1).
    pub fn latent_logprobs(
        &self,
        mem: &SpecMemory,
        prefixes: &[Vec<u32>],
    ) -> Result<Vec<Vec<f32>>, NeuralError> {
        let session = self
            .latent_step
            .as_ref()
            .ok_or_else(|| NeuralError::Inference("the baseline has no latent predictor".into()))?;
        let (m, v) = self.memory_tensors(mem, true)?;
        let p = prefix_tensor(prefixes)?;
        let mut session = session.lock().unwrap_or_else(|p| p.into_inner());
        let outputs = session
            .run(ort::inputs!["latent_memory" => m, "memory_valid" => v, "prefix" => p])
            .map_err(ort_err("latent_step"))?;
        rows(&outputs["logprobs"], prefixes.len())
    }

    /// Next-token log-probabilities for each program prefix (each starts with BOS = 1), given
    /// each row's latent codes (ignored by the baseline).
    pub fn program_logprobs(
        &self,
        mem: &SpecMemory,
        latents: &[&[u32]],
        prefixes: &[Vec<u32>],
    ) -> Result<Vec<Vec<f32>>, NeuralError> {
        let (m, v) = self.memory_tensors(mem, false)?;
        let p = prefix_tensor(prefixes)?;
        let mut session = self.program_step.lock().unwrap_or_else(|p| p.into_inner());
        let outputs = if self.has_latents() {
            let (c, lv) = latent_tensors(latents)?;
            session
                .run(ort::inputs![
                    "io_memory" => m, "memory_valid" => v, "latents" => c, "latent_valid" => lv, "prefix" => p
                ])
                .map_err(ort_err("program_step"))?
        } else {
            session
                .run(ort::inputs!["io_memory" => m, "memory_valid" => v, "prefix" => p])
                .map_err(ort_err("program_step"))?
        };
        rows(&outputs["logprobs"], prefixes.len())
    }
}

/// Latent code rows padded to one width: codes (N, S) and validity (N, S) as graph inputs.
pub(super) fn latent_tensors<L: AsRef<[u32]>>(
    latents: &[L],
) -> Result<(Tensor<i64>, Tensor<f32>), NeuralError> {
    let s = latents
        .iter()
        .map(|l| l.as_ref().len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut codes = vec![0i64; latents.len() * s];
    let mut valid = vec![0f32; latents.len() * s];
    for (i, l) in latents.iter().enumerate() {
        for (j, &c) in l.as_ref().iter().enumerate() {
            codes[i * s + j] = i64::from(c);
            valid[i * s + j] = 1.0;
        }
    }
    let shape = vec![latents.len() as i64, s as i64];
    let c = Tensor::from_array((shape.clone(), codes)).map_err(ort_err("latents"))?;
    let lv = Tensor::from_array((shape, valid)).map_err(ort_err("latent_valid"))?;
    Ok((c, lv))
}

fn truncate(mut v: Vec<i64>, cap: usize) -> Vec<i64> {
    v.truncate(cap);
    v
}

fn pad_rows(rows: &[Vec<i64>]) -> (usize, Vec<i64>) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut flat = vec![0i64; rows.len() * width];
    for (i, r) in rows.iter().enumerate() {
        flat[i * width..i * width + r.len()].copy_from_slice(r);
    }
    (width, flat)
}

fn prefix_tensor(prefixes: &[Vec<u32>]) -> Result<Tensor<i64>, NeuralError> {
    let t = prefixes.first().map_or(0, Vec::len);
    if t == 0 || prefixes.iter().any(|p| p.len() != t) {
        return Err(NeuralError::Inference(
            "prefixes must be non-empty and of equal length".into(),
        ));
    }
    let flat: Vec<i64> = prefixes.iter().flatten().map(|&x| i64::from(x)).collect();
    Tensor::from_array((vec![prefixes.len() as i64, t as i64], flat)).map_err(ort_err("prefix"))
}

fn rows(value: &ort::value::DynValue, n: usize) -> Result<Vec<Vec<f32>>, NeuralError> {
    let (shape, data) = value
        .try_extract_tensor::<f32>()
        .map_err(ort_err("logprobs"))?;
    let width = shape.get(1).copied().unwrap_or(0) as usize;
    if shape.first().copied() != Some(n as i64) || data.len() != n * width {
        return Err(NeuralError::Inference(format!(
            "unexpected logprobs shape {shape:?}"
        )));
    }
    Ok(data.chunks(width).map(<[f32]>::to_vec).collect())
}
