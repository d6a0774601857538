//! Start-up checks of what synthesis needs outside the server: the sandbox layers the kernel
//! grants, the Python interpreter (checker),
//! the ONNX Runtime library and the model files (neural writer). Each problem becomes one line of
//! a single `window/showMessage`; the server keeps serving whatever still works.

use super::config::Settings;
use crate::pipeline::Engine;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The interpreter the checker will use: the setting, else the workspace `.venv`, else `python3`.
pub fn interpreter(settings: &Settings, workspace: Option<&Path>) -> PathBuf {
    if let Some(p) = &settings.python_path {
        return p.clone();
    }
    if let Some(ws) = workspace {
        let venv = ws.join(".venv").join("bin").join("python");
        if venv.exists() {
            return venv;
        }
    }
    PathBuf::from("python3")
}

/// Problems found, each a full sentence saying what is affected.
pub fn check(settings: &Settings, workspace: Option<&Path>) -> Vec<String> {
    let mut problems = Vec::new();
    // A sandbox layer this kernel refuses is said once, clearly; the others stay on.
    problems.extend(crate::runner::sandbox::probe().warnings());
    let py = interpreter(settings, workspace);
    if let Err(why) = probe_python(&py) {
        problems.push(format!(
            "Python interpreter `{}` is unusable ({why}); examples cannot be run, so no code actions or example diagnostics until `docsynth.pythonPath` points at Python 3.8+.",
            py.display()
        ));
    }
    if settings.engine != Engine::Search {
        // The same lookups the neural writer makes, so what is said is what will happen.
        if let Err(why) = crate::neural::runtime::find_library(None) {
            problems.push(format!(
                "the neural writer is off, only the enumerative search runs: {why}."
            ));
        }
        let missing: Vec<String> = crate::domain::all_domains()
            .iter()
            .filter(|d| !d.token_names().is_empty())
            .filter_map(|d| model_problem(settings.model_dir.as_deref(), d.name()))
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "no neural model for {}; those functions use the enumerative search only. Fix: set docsynth.modelDir to a model folder or a folder of them (`models/` with `strings/`, `lists/`), or reinstall docsynth (`pip install docsynth` ships them).",
                missing.join("; ")
            ));
        }
    }
    problems
}

/// Why `domain` has no usable model (the directory the writer would load, without loading it).
fn model_problem(model_dir: Option<&Path>, domain: &str) -> Option<String> {
    match crate::neural::writer::model_dir_for(model_dir, domain) {
        Err(why) => Some(format!("{domain} ({why})")),
        Ok(dir) => probe_model_dir(&dir)
            .err()
            .map(|why| format!("{domain} (model directory `{}`: {why})", dir.display())),
    }
}

fn probe_python(py: &Path) -> Result<(), String> {
    let mut child = Command::new(py)
        .args([
            "-c",
            "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 3)",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start it: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) if status.code() == Some(3) => {
                return Err("older than 3.8".to_string())
            }
            Ok(Some(status)) => return Err(format!("it exited with {status}")),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("it did not answer within 10 s".to_string());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

fn probe_model_dir(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| e.to_string())?;
    let has_model = entries
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "onnx"));
    if has_model {
        Ok(())
    } else {
        Err("no .onnx files in it".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_interpreter_is_reported() {
        let settings = Settings {
            python_path: Some(PathBuf::from("/nonexistent/python")),
            engine: Engine::Search,
            ..Settings::default()
        };
        let problems = check(&settings, None);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("/nonexistent/python"), "{problems:?}");
    }

    #[test]
    fn an_empty_model_dir_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(probe_model_dir(dir.path()).is_err());
        std::fs::write(dir.path().join("m.onnx"), b"x").expect("write");
        assert!(probe_model_dir(dir.path()).is_ok());
    }
}
