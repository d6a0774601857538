//! The neural writer as a pipeline [`Writer`]: proposals become rendered [`Solution`]s.
//!
//! Each domain has its own model. [`NeuralPipelineWriter`] asks, per task, for the model of the
//! task's domain: an explicit model directory (the `model_dir` setting, else
//! `DOCSYNTH_MODEL_DIR`) serves the domain its manifest names, and every other domain uses its
//! default `models/<domain>` directory. Models are loaded once per process and shared
//! ([`shared_writer`]); a model that cannot be loaded is reported once on stderr and leaves the
//! other domains and the search untouched.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::cancel::CancelToken;
use crate::domain::{Domain, Solution, Task, WriterKind};
use crate::pipeline::Writer;

use super::{Device, NeuralWriter};

/// Where the models come from.
#[derive(Clone)]
enum Models {
    /// These loaded models only (one per domain; tests and benchmarks).
    Loaded(Vec<NeuralWriter>),
    /// The process-wide cache, by explicit directory (if any) and device.
    Shared {
        model_dir: Option<PathBuf>,
        device: Device,
    },
}

/// Two-level beam search settings plus where to find each domain's model.
#[derive(Clone)]
pub struct NeuralPipelineWriter {
    models: Models,
    /// Total beam size B.
    pub beam: usize,
    /// Latent beams L.
    pub latent_beams: usize,
}

impl NeuralPipelineWriter {
    /// A writer over already loaded models (at most one per domain is used: the first).
    pub fn with_models(models: Vec<NeuralWriter>, beam: usize, latent_beams: usize) -> Self {
        Self {
            models: Models::Loaded(models),
            beam: beam.max(1),
            latent_beams: latent_beams.max(1),
        }
    }

    /// A writer that loads each domain's model on first use through [`shared_writer`].
    pub fn shared(
        model_dir: Option<PathBuf>,
        device: Device,
        beam: usize,
        latent_beams: usize,
    ) -> Self {
        Self {
            models: Models::Shared { model_dir, device },
            beam: beam.max(1),
            latent_beams: latent_beams.max(1),
        }
    }

    /// The model for `domain`, or why there is none.
    pub fn writer_for(&self, domain: &str) -> Result<NeuralWriter, String> {
        match &self.models {
            Models::Loaded(ws) => ws
                .iter()
                .find(|w| w.domain() == domain)
                .cloned()
                .ok_or_else(|| format!("no {domain} model loaded")),
            Models::Shared { model_dir, device } => {
                shared_writer(model_dir.as_deref(), domain, *device)
            }
        }
    }
}

/// Whether [`report_once`] prints (the command line); the language server turns it off, since
/// its start-up check already showed the user one message saying the same.
static REPORT_ON_STDERR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Leaves a missing model or runtime to the caller's own report (the language server's
/// start-up message) instead of a line on stderr.
pub fn quiet_unavailable_reports() {
    REPORT_ON_STDERR.store(false, std::sync::atomic::Ordering::Relaxed);
}

/// Prints `message` on stderr the first time it is seen in this process.
fn report_once(message: String) {
    if !REPORT_ON_STDERR.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    static SEEN: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(|| Mutex::new(Vec::new()))
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if !seen.contains(&message) {
        eprintln!("{message}");
        seen.push(message);
    }
}

impl Writer for NeuralPipelineWriter {
    fn kind(&self) -> WriterKind {
        WriterKind::Neural
    }

    fn unavailable(&self, domain: &dyn Domain) -> Option<String> {
        if domain.token_names().is_empty() {
            return Some("no neural model for this program space".to_string());
        }
        self.writer_for(domain.name())
            .err()
            .map(|e| format!("neural writer unavailable ({e})"))
    }

    fn write(
        &self,
        domain: &dyn Domain,
        task: &Task,
        cancel: &CancelToken,
        max: usize,
    ) -> Vec<Solution> {
        // A space without a model vocabulary (the everyday-Python space) has no neural model
        // by design: nothing to report.
        if domain.token_names().is_empty() {
            return Vec::new();
        }
        let writer = match self.writer_for(domain.name()) {
            Ok(w) => w,
            Err(e) => {
                if matches!(self.models, Models::Shared { .. }) {
                    report_once(format!(
                        "docsynth: neural writer unavailable for {} ({e}); using the search only",
                        domain.name()
                    ));
                }
                return Vec::new();
            }
        };
        let mut out: Vec<Solution> = Vec::new();
        let mut consistent = 0usize;
        let res = writer.propose(
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

/// The shipped model directory for `domain`: `<prefix>/share/docsynth/models/<domain>` of the
/// executable's installation prefix (where the wheel installs the models), else the first
/// `models/<domain>/model.json` found above the working directory or the executable.
pub fn default_model_dir(domain: &str) -> Option<PathBuf> {
    shipped_model_dir(domain, "model.json")
}

/// The shipped folder `models/<name>` that holds `marker`: under the installation prefix's
/// `share/docsynth/`, else the first found above the working directory or the executable.
pub fn shipped_model_dir(name: &str, marker: &str) -> Option<PathBuf> {
    let installed = super::runtime::install_prefix()
        .map(|p| p.join("share/docsynth/models").join(name))
        .filter(|d| d.join(marker).is_file());
    installed.or_else(|| {
        let mut roots: Vec<PathBuf> = Vec::new();
        if let Ok(cwd) = std::env::current_dir() {
            roots.push(cwd);
        }
        if let Ok(exe) = std::env::current_exe() {
            roots.push(exe);
        }
        roots.iter().find_map(|r| {
            r.ancestors()
                .map(|a| a.join("models").join(name))
                .find(|d| d.join(marker).is_file())
        })
    })
}

/// The explicit model directory: the setting, else `DOCSYNTH_MODEL_DIR` (non-empty).
pub fn explicit_model_dir(setting: Option<&Path>) -> Option<PathBuf> {
    setting.map(PathBuf::from).or_else(|| {
        std::env::var_os("DOCSYNTH_MODEL_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// Whether `dir` is a folder of domains (`dir/<domain>/model.json`, as the repository's
/// `models/` and the installed `share/docsynth/models`) rather than one model's folder.
fn is_folder_of_domains(dir: &Path) -> bool {
    !dir.join("model.json").exists()
        && std::fs::read_dir(dir).is_ok_and(|entries| {
            entries
                .filter_map(|e| e.ok())
                .any(|e| e.path().join("model.json").is_file())
        })
}

/// The directory `domain`'s model is loaded from, or why there is none.
///
/// The explicit directory (`setting`, else `DOCSYNTH_MODEL_DIR`) is either one model's folder,
/// which serves the domain its manifest names, or a folder of domains, which serves each
/// domain it holds; every other domain uses [`default_model_dir`]. An explicit folder without a
/// readable manifest and without domain folders is an error for every domain (a configuration
/// mistake whose domain is unknown).
pub fn model_dir_for(setting: Option<&Path>, domain: &str) -> Result<PathBuf, String> {
    if let Some(dir) = explicit_model_dir(setting) {
        if is_folder_of_domains(&dir) {
            let sub = dir.join(domain);
            if sub.join("model.json").is_file() {
                return Ok(sub);
            }
        } else {
            match manifest_domain(&dir) {
                Some(d) if d == domain => return Ok(dir),
                // Another domain's model leaves this one to its default.
                Some(_) => {}
                None => {
                    return Err(format!(
                        "{}: no readable model.json with a `domain`, and no <domain>/model.json folders",
                        dir.display()
                    ))
                }
            }
        }
    }
    default_model_dir(domain).ok_or_else(|| {
        format!(
            "no {domain} model found (share/docsynth/models/{domain} of the installation, or models/{domain} above the working directory; set modelDir or DOCSYNTH_MODEL_DIR)"
        )
    })
}

type CacheKey = (PathBuf, Device);
type CacheEntry = Result<NeuralWriter, String>;

/// Loads the model in `dir` once per process (failures included) and shares it.
fn cached_load(dir: &Path, device: Device) -> CacheEntry {
    static CACHE: OnceLock<Mutex<Vec<(CacheKey, CacheEntry)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let mut entries = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, entry)) = entries.iter().find(|(k, _)| k.0 == dir && k.1 == device) {
        return entry.clone();
    }
    let entry = NeuralWriter::load(dir, device).map_err(|e| e.to_string());
    entries.push(((dir.to_path_buf(), device), entry.clone()));
    entry
}

/// The `domain` named by `dir/model.json`, when it can be read.
pub(crate) fn manifest_domain(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("model.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("domain")?.as_str().map(str::to_string)
}

/// The model for `domain` from [`model_dir_for`], loaded once per (directory, device) and
/// shared across the process.
pub fn shared_writer(
    model_dir: Option<&Path>,
    domain: &str,
    device: Device,
) -> Result<NeuralWriter, String> {
    let dir = model_dir_for(model_dir, domain)?;
    let w = cached_load(&dir, device)?;
    if w.domain() != domain {
        return Err(format!(
            "{} holds a {} model, not a {domain} one",
            dir.display(),
            w.domain()
        ));
    }
    Ok(w)
}

/// The pipeline's neural writer for `settings`; each domain's model is loaded on first use and
/// shared. Fails only for an unknown device.
pub fn pipeline_writer(
    settings: &crate::pipeline::NeuralSettings,
) -> Result<NeuralPipelineWriter, String> {
    let device: Device = settings.device;
    Ok(NeuralPipelineWriter::shared(
        settings.model_dir.clone(),
        device,
        settings.beam,
        settings.latent_beams,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_explicit_model_only_affects_its_own_domain() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("model.json"), r#"{"domain": "lists"}"#).expect("write");
        let shown = dir.path().display().to_string();
        let lists = shared_writer(Some(dir.path()), "lists", Device::Cpu);
        assert!(lists.is_err());
        // Strings falls back to its default model (or fails for reasons unrelated to `dir`).
        if let Err(e) = shared_writer(Some(dir.path()), "strings", Device::Cpu) {
            assert!(!e.contains(&shown), "{e}");
        }
        // An explicit directory without a readable manifest is an error for every domain.
        let none = Path::new("/nonexistent/model");
        for d in ["strings", "lists"] {
            assert!(shared_writer(Some(none), d, Device::Cpu).is_err());
        }
    }

    #[test]
    fn a_folder_of_domains_serves_each_domain_it_holds() {
        let dir = tempfile::tempdir().expect("tempdir");
        let lists = dir.path().join("lists");
        std::fs::create_dir(&lists).expect("mkdir");
        std::fs::write(lists.join("model.json"), r#"{"domain": "lists"}"#).expect("write");
        assert_eq!(model_dir_for(Some(dir.path()), "lists"), Ok(lists.clone()));
        // A domain the folder lacks keeps its default (whatever it is), never the folder.
        if let Ok(d) = model_dir_for(Some(dir.path()), "strings") {
            assert!(!d.starts_with(dir.path()), "{}", d.display());
        }
        // One model's folder serves its manifest's domain.
        assert_eq!(model_dir_for(Some(&lists), "lists"), Ok(lists.clone()));
    }

    #[test]
    fn the_repository_models_folder_serves_both_domains() {
        let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models");
        for domain in ["strings", "lists"] {
            assert_eq!(
                model_dir_for(Some(&models), domain),
                Ok(models.join(domain)),
                "{domain}"
            );
        }
    }

    #[test]
    fn the_explicit_setting_wins_over_the_environment() {
        let p = Path::new("/some/where");
        assert_eq!(explicit_model_dir(Some(p)), Some(p.to_path_buf()));
    }
}
