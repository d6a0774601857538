//! The neural writer: the Latent Programmer (or the RobustFill baseline) exported to ONNX and run
//! through ONNX Runtime (`ort`, loaded dynamically), decoded by two-level beam search.
//!
//! [`NeuralWriter::load`] fails with a clear [`NeuralError`] when the runtime or the model is
//! missing; callers then fall back to search-only synthesis.

pub mod beam;
pub mod grammar;
pub mod kv;
pub mod model;
pub mod runtime;
pub mod vocab;
pub mod writer;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use crate::cancel::CancelToken;
use crate::domain::lists::dsl::Type;
use crate::domain::Task;
use crate::value::Value;

use grammar::lists::ListsGrammar;
use grammar::Grammar;
use model::ModelDomain;

pub use beam::SearchStats;

/// Why the neural writer cannot run.
#[derive(Debug, thiserror::Error)]
pub enum NeuralError {
    /// No ONNX Runtime library was found; the message lists what was tried.
    #[error("ONNX Runtime library not found (tried: {0}). Fix: `pip install onnxruntime==1.31.*` into the Python environment docsynth is installed in (`pip install docsynth` brings it), or set ORT_DYLIB_PATH to libonnxruntime.so")]
    RuntimeNotFound(String),
    /// The library was found but could not be loaded.
    #[error("could not load ONNX Runtime from {path}: {message}")]
    Runtime {
        /// The library path.
        path: PathBuf,
        /// The loader's message.
        message: String,
    },
    /// The model directory or a graph is missing or broken.
    #[error("neural model {path}: {message}")]
    Model {
        /// The offending file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The task cannot be given to the model (values outside its vocabulary, no examples).
    #[error("task not supported by the neural model: {0}")]
    Unsupported(String),
    /// A graph failed at run time.
    #[error("neural inference failed: {0}")]
    Inference(String),
    /// The requested device is unknown.
    #[error("unknown device `{0}` (expected auto, cpu or cuda)")]
    UnknownDevice(String),
}

/// Where the graphs run (one type for the CLI, the LSP settings and the writer).
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Device {
    /// CUDA when available, else the CPU (silently: `docsynth doctor` says which).
    #[default]
    Auto,
    /// The CPU.
    Cpu,
    /// CUDA (needs the `cuda` cargo feature and a CUDA-enabled ONNX Runtime).
    Cuda,
}

impl Device {
    /// The settings spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Cpu => "cpu",
            Self::Cuda => "cuda",
        }
    }
}

impl FromStr for Device {
    type Err = NeuralError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Self::Auto),
            "cpu" => Ok(Self::Cpu),
            "cuda" => Ok(Self::Cuda),
            other => Err(NeuralError::UnknownDevice(other.to_string())),
        }
    }
}

/// A loaded model, cheap to clone and shareable across threads.
#[derive(Clone)]
pub struct NeuralWriter {
    model: Arc<model::Model>,
    cached_decoding: bool,
}

impl NeuralWriter {
    /// Loads the model in `model_dir` (`model.json` + ONNX graphs), finding ONNX Runtime by the
    /// default discovery (`ORT_DYLIB_PATH`, then the `onnxruntime` Python package).
    pub fn load(model_dir: &Path, device: Device) -> Result<Self, NeuralError> {
        Self::load_with_runtime(model_dir, device, None)
    }

    /// Like [`NeuralWriter::load`] with an explicit ONNX Runtime library path from configuration.
    pub fn load_with_runtime(
        model_dir: &Path,
        device: Device,
        library: Option<&Path>,
    ) -> Result<Self, NeuralError> {
        let rt = runtime::runtime(library)?;
        let model = model::Model::load(rt, model_dir, device)?;
        Ok(Self {
            model: Arc::new(model),
            cached_decoding: true,
        })
    }

    /// The device the sessions ended up on.
    pub fn device(&self) -> Device {
        self.model.device
    }

    /// The same model decoding with (`true`, the default when the model ships the cached graphs)
    /// or without the key/value cache; both give the same programs, the cache is faster.
    pub fn with_cached_decoding(&self, cached: bool) -> Self {
        Self {
            model: Arc::clone(&self.model),
            cached_decoding: cached,
        }
    }

    /// True when decoding uses the key/value-cached graphs.
    pub fn uses_cached_decoding(&self) -> bool {
        self.cached_decoding && self.model.has_kv()
    }

    /// The model kind from the manifest (`lp` or `baseline`).
    pub fn kind(&self) -> &str {
        &self.model.manifest.kind
    }

    /// The program space the model writes (`strings` or `lists`), from its manifest.
    pub fn domain(&self) -> &str {
        self.model.domain.name()
    }

    /// The model's manifest (`model.json`).
    pub fn manifest(&self) -> &model::Manifest {
        &self.model.manifest
    }

    /// Proposes programs for `task` by two-level beam search with total beam `beam` and
    /// `latent_beams` latent sequences (clamped to `1..=beam`; the baseline uses one plain beam).
    /// Decoding is masked by the grammar of the model's domain: strings programs are
    /// syntactically valid; lists programs are also type-correct for the task's input and output
    /// types. Values the model cannot encode give [`NeuralError::Unsupported`].
    ///
    /// Each finished program is passed to `on_candidate(tokens, score)` as soon as it is found
    /// (tokens without BOS/EOS, score = length-normalized log-probability); return `false` to stop.
    pub fn propose(
        &self,
        task: &Task,
        beam: usize,
        latent_beams: usize,
        cancel: &CancelToken,
        on_candidate: impl FnMut(Vec<u32>, f64) -> bool,
    ) -> Result<SearchStats, NeuralError> {
        match self.model.domain {
            ModelDomain::Strings => {
                let start = grammar::strings::GrammarState::new();
                self.decode(task, beam, latent_beams, start, cancel, on_candidate)
            }
            ModelDomain::Lists => {
                let (inputs, output) = list_signature(task)?;
                let start = ListsGrammar::new(&inputs, Some(output));
                self.decode(task, beam, latent_beams, start, cancel, on_candidate)
            }
        }
    }

    fn decode<G: Grammar>(
        &self,
        task: &Task,
        beam: usize,
        latent_beams: usize,
        start: G,
        cancel: &CancelToken,
        mut on_candidate: impl FnMut(Vec<u32>, f64) -> bool,
    ) -> Result<SearchStats, NeuralError> {
        let examples: Vec<(Vec<&Value>, &Value)> = task
            .examples
            .iter()
            .map(|e| (e.inputs.iter().collect(), &e.output))
            .collect();
        let beam = beam.max(1);
        let m = &self.model;
        let mem = m.encode(&examples)?;
        let max_len = m.manifest.config.max_program_len;
        let mut stats = SearchStats::default();
        let (latents, width) = if m.has_latents() {
            let l = latent_beams.clamp(1, beam);
            let stride = 1usize << m.manifest.config.levels;
            let max_latent = max_len.div_ceil(stride);
            match beam::latent_beam(m, &mem, l, max_latent, cancel)? {
                Some(found) => {
                    stats.latent_sequences = found.len();
                    (found.into_iter().map(|(c, _)| c).collect(), beam / l)
                }
                None => {
                    stats.cancelled = true;
                    return Ok(stats);
                }
            }
        } else {
            (vec![Vec::new()], beam)
        };
        beam::program_beam(
            m,
            &mem,
            latents,
            beam::ProgramLimits {
                width,
                max_len,
                cached: self.cached_decoding,
            },
            start,
            cancel,
            &mut stats,
            &mut on_candidate,
        )?;
        Ok(stats)
    }
}

/// The input and output types of a lists task: every example must agree, and every value must
/// be an int or a list of ints.
pub fn list_signature(task: &Task) -> Result<(Vec<Type>, Type), NeuralError> {
    let unsupported = |why: &str| NeuralError::Unsupported(why.to_string());
    let ty = |v: &Value| {
        crate::domain::lists::to_dsl(v)
            .map(|d| d.ty())
            .ok_or_else(|| unsupported("inputs and outputs must be ints or lists of ints"))
    };
    let first = task
        .examples
        .first()
        .ok_or_else(|| unsupported("the task has no examples"))?;
    let inputs = first.inputs.iter().map(ty).collect::<Result<Vec<_>, _>>()?;
    let output = ty(&first.output)?;
    for e in &task.examples {
        let ins = e.inputs.iter().map(ty).collect::<Result<Vec<_>, _>>()?;
        if ins != inputs || ty(&e.output)? != output {
            return Err(unsupported(
                "examples disagree on the argument or result types",
            ));
        }
    }
    Ok((inputs, output))
}
