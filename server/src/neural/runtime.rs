//! Finding and loading the ONNX Runtime shared library (ort `load-dynamic`), once per process.
//!
//! Search order: an explicit path (configuration), `ORT_DYLIB_PATH`, then the `capi/` folder of
//! the `onnxruntime` Python package as seen by `.venv/bin/python` (in the working directory or an
//! ancestor) or `python3`. A missing library is an error with a clear message, never a panic.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use super::NeuralError;

/// Where the ONNX Runtime library was found and the environment built on it.
pub struct Runtime {
    /// The shared library that was loaded.
    pub library: PathBuf,
    /// The ort environment sessions are built on.
    pub environment: ort::environment::Environment,
}

static RUNTIME: OnceLock<Runtime> = OnceLock::new();
static INIT_LOCK: Mutex<()> = Mutex::new(());

/// The process-wide runtime, loading the library on first use.
///
/// `configured` is the library path from configuration, if any. Once loaded, later calls return
/// the same runtime whatever they pass (the library can be loaded only once per process).
pub fn runtime(configured: Option<&Path>) -> Result<&'static Runtime, NeuralError> {
    if let Some(rt) = RUNTIME.get() {
        return Ok(rt);
    }
    let _guard = INIT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(rt) = RUNTIME.get() {
        return Ok(rt);
    }
    let library = find_library(configured)?;
    let builder = ort::init_from(&library).map_err(|e| NeuralError::Runtime {
        path: library.clone(),
        message: e.to_string(),
    })?;
    let environment = builder
        .with_name("docsynth")
        .build()
        .map_err(|e| NeuralError::Runtime {
            path: library.clone(),
            message: e.to_string(),
        })?;
    Ok(RUNTIME.get_or_init(|| Runtime {
        library,
        environment,
    }))
}

/// Locates the ONNX Runtime shared library without loading it.
pub fn find_library(configured: Option<&Path>) -> Result<PathBuf, NeuralError> {
    let mut tried: Vec<String> = Vec::new();
    if let Some(p) = configured {
        if p.is_file() {
            return Ok(p.to_path_buf());
        }
        tried.push(format!("configured path {} (not a file)", p.display()));
    }
    match std::env::var_os("ORT_DYLIB_PATH") {
        Some(p) if !p.is_empty() => {
            let p = PathBuf::from(p);
            if p.is_file() {
                return Ok(p);
            }
            tried.push(format!("ORT_DYLIB_PATH={} (not a file)", p.display()));
        }
        _ => tried.push("ORT_DYLIB_PATH (unset)".to_string()),
    }
    for python in python_candidates() {
        match onnxruntime_package_dir(&python) {
            Some(dir) => {
                if let Some(lib) = library_in(&dir.join("capi")) {
                    return Ok(lib);
                }
                tried.push(format!(
                    "{}: no library in {}/capi",
                    python.display(),
                    dir.display()
                ));
            }
            None => tried.push(format!(
                "{}: `import onnxruntime` failed or no such interpreter",
                python.display()
            )),
        }
    }
    Err(NeuralError::RuntimeNotFound(tried.join("; ")))
}

fn python_candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        for dir in cwd.ancestors() {
            let p = dir.join(".venv/bin/python");
            if p.exists() {
                out.push(p);
                break;
            }
        }
    }
    out.push(PathBuf::from("python3"));
    out
}

fn onnxruntime_package_dir(python: &Path) -> Option<PathBuf> {
    let out = Command::new(python)
        .args([
            "-c",
            "import onnxruntime,os;print(os.path.dirname(onnxruntime.__file__))",
        ])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let dir = PathBuf::from(text.trim());
    dir.is_dir().then_some(dir)
}

/// The main ONNX Runtime library in a folder (`libonnxruntime.so*`, `.dylib` or `onnxruntime.dll`).
fn library_in(dir: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("libonnxruntime.so")
                || (name.starts_with("libonnxruntime.") && name.ends_with(".dylib"))
                || name == "onnxruntime.dll"
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_in_ignores_provider_libraries() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("libonnxruntime_providers_shared.so"), b"").expect("write");
        assert_eq!(library_in(dir.path()), None);
        std::fs::write(dir.path().join("libonnxruntime.so.1.31.1"), b"").expect("write");
        assert_eq!(
            library_in(dir.path()),
            Some(dir.path().join("libonnxruntime.so.1.31.1"))
        );
    }

    #[test]
    fn configured_path_that_is_missing_is_reported() {
        let missing = Path::new("/nonexistent/libonnxruntime.so");
        if let Err(NeuralError::RuntimeNotFound(msg)) = find_library(Some(missing)) {
            assert!(msg.contains("/nonexistent/libonnxruntime.so"));
        }
    }
}
