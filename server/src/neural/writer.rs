//! The neural writer as a pipeline [`Writer`]: proposals become rendered [`Solution`]s.

use std::path::PathBuf;

use crate::cancel::CancelToken;
use crate::domain::{Domain, Solution, Task, WriterKind};
use crate::pipeline::Writer;

use super::NeuralWriter;

/// Two-level beam search settings plus the loaded model.
#[derive(Clone)]
pub struct NeuralPipelineWriter {
    /// The loaded model.
    pub writer: NeuralWriter,
    /// Total beam size B.
    pub beam: usize,
    /// Latent beams L.
    pub latent_beams: usize,
}

impl Writer for NeuralPipelineWriter {
    fn kind(&self) -> WriterKind {
        WriterKind::Neural
    }

    fn write(
        &self,
        domain: &dyn Domain,
        task: &Task,
        cancel: &CancelToken,
        max: usize,
    ) -> Vec<Solution> {
        if domain.name() != self.writer.domain() {
            return Vec::new();
        }
        let mut out: Vec<Solution> = Vec::new();
        let mut consistent = 0usize;
        let res = self.writer.propose(
            task,
            self.beam,
            self.latent_beams,
            cancel,
            |tokens, score| {
                if let Some(mut s) = domain.solution_from_tokens(task, &tokens) {
                    let ok = task.examples.iter().all(|e| {
                        domain.eval_tokens(&s.tokens, &e.inputs).as_ref() == Some(&e.output)
                    });
                    consistent += usize::from(ok);
                    s.score = score;
                    s.writer = WriterKind::Neural;
                    out.push(s);
                }
                consistent < max.max(1)
            },
        );
        if let Err(e) = res {
            eprintln!("docsynth: neural writer: {e}");
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }
}

/// The shipped model directory for `domain`: `DOCSYNTH_MODEL_DIR` if set, else the first
/// `models/<domain>/model.json` found above the working directory or the executable.
pub fn default_model_dir(domain: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DOCSYNTH_MODEL_DIR") {
        return Some(PathBuf::from(p));
    }
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        roots.push(cwd);
    }
    if let Ok(exe) = std::env::current_exe() {
        roots.push(exe);
    }
    roots.iter().find_map(|r| {
        r.ancestors()
            .map(|a| a.join("models").join(domain))
            .find(|d| d.join("model.json").is_file())
    })
}

type CacheKey = (PathBuf, super::Device);
type CacheEntry = Result<NeuralWriter, String>;

/// A process-wide cache of loaded models keyed by (directory, device), failures included, so a
/// long-running server loads each model once and reports a missing runtime once per key.
pub fn shared_writer(
    model_dir: Option<&std::path::Path>,
    device: super::Device,
) -> Result<NeuralWriter, String> {
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<Vec<(CacheKey, CacheEntry)>>> = OnceLock::new();
    let dir = match model_dir
        .map(PathBuf::from)
        .or_else(|| default_model_dir("strings"))
    {
        Some(d) => d,
        None => return Err("no neural model found (set modelDir or DOCSYNTH_MODEL_DIR)".into()),
    };
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let mut entries = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, entry)) = entries.iter().find(|(k, _)| k.0 == dir && k.1 == device) {
        return entry.clone();
    }
    let entry = NeuralWriter::load(&dir, device).map_err(|e| e.to_string());
    entries.push(((dir, device), entry.clone()));
    entry
}

/// The pipeline's neural writer for `settings`, loaded once per (directory, device) and shared.
pub fn pipeline_writer(
    settings: &crate::pipeline::NeuralSettings,
) -> Result<NeuralPipelineWriter, String> {
    let device: super::Device = settings.device.parse().map_err(|e| format!("{e}"))?;
    let writer = shared_writer(settings.model_dir.as_deref(), device)?;
    Ok(NeuralPipelineWriter {
        writer,
        beam: settings.beam.max(1),
        latent_beams: settings.latent_beams.max(1),
    })
}
