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
        if let Err(why) = probe_onnx_runtime(&py) {
            problems.push(format!(
                "ONNX Runtime is not available ({why}); the neural writer is off and only the enumerative search runs. Set ORT_DYLIB_PATH to libonnxruntime.so or `pip install onnxruntime` to enable it."
            ));
        }
        if let Some(dir) = &settings.model_dir {
            if let Err(why) = probe_model_dir(dir) {
                problems.push(format!(
                    "model directory `{}` is unusable ({why}); the neural writer is off and only the enumerative search runs.",
                    dir.display()
                ));
            }
        }
    }
    problems
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

/// Finds ONNX Runtime the way the neural writer does: `ORT_DYLIB_PATH`, the `onnxruntime`
/// Python package of the interpreter, or a system library.
fn probe_onnx_runtime(py: &Path) -> Result<(), String> {
    if let Some(p) = std::env::var_os("ORT_DYLIB_PATH").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(())
        } else {
            Err(format!("ORT_DYLIB_PATH={} is not a file", p.display()))
        };
    }
    if onnxruntime_package_has_library(py) {
        return Ok(());
    }
    let c_name = std::ffi::CString::new("libonnxruntime.so").map_err(|e| e.to_string())?;
    // SAFETY: dlopen with a valid C string; the handle is closed right away.
    let handle = unsafe { libc::dlopen(c_name.as_ptr(), libc::RTLD_LAZY | libc::RTLD_LOCAL) };
    if handle.is_null() {
        return Err(format!(
            "ORT_DYLIB_PATH is unset, `{}` has no onnxruntime package, and no system libonnxruntime.so",
            py.display()
        ));
    }
    // SAFETY: `handle` came from a successful dlopen above.
    unsafe { libc::dlclose(handle) };
    Ok(())
}

fn onnxruntime_package_has_library(py: &Path) -> bool {
    let Ok(out) = Command::new(py)
        .args([
            "-c",
            "import onnxruntime,os;print(os.path.dirname(onnxruntime.__file__))",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
    else {
        return false;
    };
    if !out.status.success() {
        return false;
    }
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("capi");
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with("libonnxruntime.so"))
        })
    })
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
