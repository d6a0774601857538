//! Server settings: read from `initializationOptions` and `workspace/didChangeConfiguration`,
//! both under a `docsynth` key (a bare settings object is accepted too).

use crate::pipeline::{Engine, SynthConfig};
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

pub use crate::neural::Device;

/// When docsynth may run a workspace's examples and candidates (`runExamples`; also
/// `docsynth lsp --run-examples`). Running them is running the workspace's code.
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
pub enum RunExamples {
    /// Always, trusted workspace or not.
    Always,
    /// Only in a trusted workspace (`workspaceTrusted`; clients that do not say are trusted).
    #[default]
    Trusted,
    /// Never: no checks, no synthesis (nothing that executes code).
    Never,
}

impl RunExamples {
    /// The settings spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::Trusted => "trusted",
            Self::Never => "never",
        }
    }
}

/// Whether code from the workspace may run now, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Execution {
    /// Examples, checks and synthesis run.
    Allowed,
    /// `runExamples` is `trusted` and the client says the workspace is not trusted.
    UntrustedWorkspace,
    /// `runExamples` is `never`.
    Disabled,
}

impl Execution {
    /// What the user is told when nothing runs (`None` when code may run).
    pub fn refusal(self) -> Option<&'static str> {
        match self {
            Self::Allowed => None,
            Self::UntrustedWorkspace => Some(
                "docsynth does not run this workspace's examples until you trust it (no checks, no synthesis)",
            ),
            Self::Disabled => Some(
                "docsynth does not run examples: the setting docsynth.runExamples is \"never\" (no checks, no synthesis)",
            ),
        }
    }
}

/// Every setting the server understands.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// `pythonPath`: interpreter for the checker (`None`: workspace `.venv`, else `python3`).
    pub python_path: Option<PathBuf>,
    /// `modelDir`: a model directory, serving the domain its manifest names (`None`: the
    /// default `models/<domain>` locations).
    pub model_dir: Option<PathBuf>,
    /// `device`: `auto`, `cpu` or `cuda`.
    pub device: Device,
    /// `beamSize`: total program beam of the neural writer.
    pub beam_size: usize,
    /// `latentBeams`: latent beams of the two-level beam search.
    pub latent_beams: usize,
    /// `budgetMs`: synthesis time budget per function.
    pub budget_ms: u64,
    /// `maxActions`: most code actions offered per function.
    pub max_actions: usize,
    /// `diagnostics`: publish diagnostics at all.
    pub diagnostics: bool,
    /// `engine`: `all`, `neural` or `search`.
    pub engine: Engine,
    /// `runExamples`: `always`, `trusted` or `never`.
    pub run_examples: RunExamples,
    /// `workspaceTrusted`: whether the client trusts the workspace (true when it does not say).
    pub workspace_trusted: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            python_path: None,
            model_dir: None,
            device: Device::Auto,
            beam_size: 10,
            latent_beams: 3,
            budget_ms: 2000,
            max_actions: 5,
            diagnostics: true,
            engine: Engine::All,
            run_examples: RunExamples::Trusted,
            workspace_trusted: true,
        }
    }
}

impl Settings {
    /// Applies the keys present in `value` (a `{"docsynth": {...}}` object or the inner object);
    /// returns one warning per key that was ignored because its value is unusable.
    pub fn apply_json(&mut self, value: &Value) -> Vec<String> {
        let obj = match value.get("docsynth") {
            Some(inner) => inner,
            None => value,
        };
        let Some(map) = obj.as_object() else {
            return if obj.is_null() {
                Vec::new()
            } else {
                vec!["docsynth settings must be an object; ignored".to_string()]
            };
        };
        let mut warnings = Vec::new();
        for (key, v) in map {
            if let Err(why) = self.apply_key(key, v) {
                warnings.push(format!("setting docsynth.{key} ignored: {why}"));
            }
        }
        warnings
    }

    fn apply_key(&mut self, key: &str, v: &Value) -> Result<(), String> {
        match key {
            "pythonPath" => self.python_path = opt_path(v)?,
            "modelDir" => self.model_dir = opt_path(v)?,
            "device" => {
                self.device = match v.as_str() {
                    Some("auto") => Device::Auto,
                    Some("cpu") => Device::Cpu,
                    Some("cuda") => Device::Cuda,
                    _ => return Err(format!("expected \"auto\", \"cpu\" or \"cuda\", got {v}")),
                }
            }
            "beamSize" => self.beam_size = count(v, 1, 1000)?,
            "latentBeams" => self.latent_beams = count(v, 1, 100)?,
            "budgetMs" => self.budget_ms = count(v, 10, 600_000)? as u64,
            "maxActions" => self.max_actions = count(v, 1, 50)?,
            "diagnostics" => {
                self.diagnostics = v
                    .as_bool()
                    .ok_or_else(|| format!("expected a boolean, got {v}"))?
            }
            "engine" => {
                self.engine = match v.as_str() {
                    Some("all") => Engine::All,
                    Some("neural") => Engine::Neural,
                    Some("search") => Engine::Search,
                    _ => {
                        return Err(format!(
                            "expected \"all\", \"neural\" or \"search\", got {v}"
                        ))
                    }
                }
            }
            "runExamples" => {
                self.run_examples = serde_json::from_value(v.clone()).map_err(|_| {
                    format!("expected \"always\", \"trusted\" or \"never\", got {v}")
                })?
            }
            "workspaceTrusted" => {
                self.workspace_trusted = v
                    .as_bool()
                    .ok_or_else(|| format!("expected a boolean, got {v}"))?
            }
            _ => return Err("unknown key".to_string()),
        }
        Ok(())
    }

    /// Whether workspace code may run under these settings.
    pub fn execution(&self) -> Execution {
        match (self.run_examples, self.workspace_trusted) {
            (RunExamples::Always, _) | (RunExamples::Trusted, true) => Execution::Allowed,
            (RunExamples::Trusted, false) => Execution::UntrustedWorkspace,
            (RunExamples::Never, _) => Execution::Disabled,
        }
    }

    /// The pipeline settings these imply for one file.
    pub fn synth_config(&self, workspace: Option<PathBuf>) -> SynthConfig {
        SynthConfig {
            budget: Duration::from_millis(self.budget_ms),
            top_k: self.max_actions.max(1) * 4,
            engine: self.engine,
            python: self.python_path.clone(),
            workspace,
            neural: crate::pipeline::NeuralSettings {
                model_dir: self.model_dir.clone(),
                device: self.device,
                beam: self.beam_size.max(1),
                latent_beams: self.latent_beams.max(1),
            },
        }
    }

    /// A stable text of every setting that changes synthesis results (part of the cache key).
    pub fn synthesis_fingerprint(&self) -> String {
        format!(
            "py={:?};model={:?};dev={};beam={};latent={};budget={};max={};engine={:?}",
            self.python_path,
            self.model_dir,
            self.device.as_str(),
            self.beam_size,
            self.latent_beams,
            self.budget_ms,
            self.max_actions,
            self.engine
        )
    }
}

fn opt_path(v: &Value) -> Result<Option<PathBuf>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => Ok(Some(PathBuf::from(s))),
        _ => Err(format!("expected a path string, got {v}")),
    }
}

fn count(v: &Value, min: u64, max: u64) -> Result<usize, String> {
    let n = v
        .as_u64()
        .ok_or_else(|| format!("expected a whole number, got {v}"))?;
    if n < min || n > max {
        return Err(format!("{n} is outside {min}..={max}"));
    }
    usize::try_from(n).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_and_bare_settings_apply() {
        let mut s = Settings::default();
        let w = s.apply_json(
            &json!({"docsynth": {"budgetMs": 500, "device": "cpu", "diagnostics": false}}),
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.budget_ms, 500);
        assert_eq!(s.device, Device::Cpu);
        assert!(!s.diagnostics);
        s.apply_json(&json!({"pythonPath": "/usr/bin/python3", "maxActions": 2}));
        assert_eq!(s.python_path, Some(PathBuf::from("/usr/bin/python3")));
        assert_eq!(s.max_actions, 2);
    }

    #[test]
    fn run_examples_and_workspace_trust_decide_execution() {
        let mut s = Settings::default();
        assert_eq!(
            s.execution(),
            Execution::Allowed,
            "clients that do not say are trusted"
        );
        s.apply_json(&json!({"docsynth": {"workspaceTrusted": false}}));
        assert_eq!(s.execution(), Execution::UntrustedWorkspace);
        s.apply_json(&json!({"docsynth": {"runExamples": "always"}}));
        assert_eq!(s.execution(), Execution::Allowed);
        s.apply_json(&json!({"docsynth": {"runExamples": "never", "workspaceTrusted": true}}));
        assert_eq!(s.execution(), Execution::Disabled);
        assert!(s.execution().refusal().is_some());
        assert_eq!(s.run_examples.as_str(), "never");
    }

    #[test]
    fn bad_values_are_reported_and_ignored() {
        let mut s = Settings::default();
        let w = s.apply_json(
            &json!({"docsynth": {"beamSize": -3, "device": "tpu", "nope": 1, "budgetMs": 700}}),
        );
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(s.beam_size, 10);
        assert_eq!(s.device, Device::Auto);
        assert_eq!(s.budget_ms, 700);
        assert_eq!(s.apply_json(&json!(null)).len(), 0);
        assert_eq!(
            s.apply_json(&json!({"runExamples": "sometimes", "workspaceTrusted": "yes"}))
                .len(),
            2
        );
        assert_eq!(s.execution(), Execution::Allowed);
        assert_eq!(s.apply_json(&json!([1])).len(), 1);
    }
}
