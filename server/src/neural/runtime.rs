//! Finding and loading the ONNX Runtime shared library (ort `load-dynamic`), once per process.
//!
//! Search order: an explicit path (configuration), `ORT_DYLIB_PATH`, the library installed with
//! the executable (`<prefix>/lib/libonnxruntime.so*` beside `<prefix>/bin/docsynth`, as the VS
//! Code extension bundles it), the `onnxruntime` package of docsynth's own Python environment
//! (as `pip`, `pipx` and `uv tool` lay it out: `<prefix>/lib/python3.*/site-packages`, then the
//! `python` beside the executable), then the `capi/` folder of the `onnxruntime` Python package as seen
//! by `.venv/bin/python` (in the working directory or an ancestor) or `python3`. A missing
//! library is an error with a clear message, never a panic.

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

/// The version the ONNX Runtime library at `library` reports (`OrtGetApiBase()->GetVersionString`),
/// e.g. `1.31.1`; `None` when it cannot be opened or does not export the API.
pub fn library_version(library: &Path) -> Option<String> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(library.as_os_str().as_bytes()).ok()?;
    // SAFETY: dlopen with a valid C string; loading ONNX Runtime runs no code beyond its
    // static initializers, which the neural writer runs anyway.
    let handle = unsafe { libc::dlopen(path.as_ptr(), libc::RTLD_LAZY | libc::RTLD_LOCAL) };
    if handle.is_null() {
        return None;
    }
    // SAFETY: `handle` is a live handle; the symbol name is a valid C string.
    let symbol = unsafe { libc::dlsym(handle, c"OrtGetApiBase".as_ptr()) };
    let version = (!symbol.is_null()).then(|| {
        type GetApiBase = unsafe extern "C" fn() -> *const ort::sys::OrtApiBase;
        // SAFETY: `OrtGetApiBase` has this signature in every ONNX Runtime release.
        let get_api_base: GetApiBase = unsafe { std::mem::transmute(symbol) };
        // SAFETY: the API base is a static table; the version string is static and
        // NUL-terminated.
        unsafe {
            let base = get_api_base();
            if base.is_null() {
                return None;
            }
            let text = ((*base).GetVersionString)();
            (!text.is_null()).then(|| {
                std::ffi::CStr::from_ptr(text)
                    .to_string_lossy()
                    .into_owned()
            })
        }
    });
    // SAFETY: `handle` came from the successful dlopen above; ort keeps its own reference.
    unsafe { libc::dlclose(handle) };
    version.flatten()
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
    if let Some(prefix) = install_prefix() {
        // A bundled copy (the VS Code extension's `lib/`), then a `pip`/`pipx`/`uv` environment.
        if let Some(lib) =
            library_in(&prefix.join("lib")).or_else(|| site_packages_library(&prefix))
        {
            return Ok(lib);
        }
        tried.push(format!(
            "{}: no lib/libonnxruntime.so* and no onnxruntime package in lib/python3.*/site-packages",
            prefix.display()
        ));
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

/// The installation prefix of the running executable: `<prefix>/bin/docsynth` (a virtual
/// environment, `~/.local`, `/usr/local`). Symbolic links are resolved first, so a `pipx` or
/// `uv tool` link on `PATH` leads to the tool's own environment.
pub(crate) fn install_prefix() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let exe = exe.canonicalize().unwrap_or(exe);
    Some(exe.parent()?.parent()?.to_path_buf())
}

/// The ONNX Runtime library of an `onnxruntime` package installed under `prefix`
/// (`lib/python3.*/site-packages/onnxruntime/capi/`), newest Python first.
fn site_packages_library(prefix: &Path) -> Option<PathBuf> {
    // `lib` before `lib64` (a venv's `lib64` is a link to `lib`), newest Python first in each.
    ["lib", "lib64"].iter().find_map(|lib| {
        let mut pythons: Vec<PathBuf> = std::fs::read_dir(prefix.join(lib))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("python3"))
            })
            .collect();
        pythons.sort();
        pythons
            .iter()
            .rev()
            .find_map(|dir| library_in(&dir.join("site-packages/onnxruntime/capi")))
    })
}

fn python_candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    // The interpreter of docsynth's own environment (layouts the folder scan does not cover).
    if let Some(python) = install_prefix().map(|p| p.join("bin/python")) {
        if python.exists() {
            out.push(python);
        }
    }
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
    fn site_packages_library_finds_an_installed_package() {
        let prefix = tempfile::tempdir().expect("tempdir");
        assert_eq!(site_packages_library(prefix.path()), None);
        let capi = prefix
            .path()
            .join("lib/python3.12/site-packages/onnxruntime/capi");
        std::fs::create_dir_all(&capi).expect("mkdir");
        std::fs::write(capi.join("libonnxruntime.so.1.31.1"), b"").expect("write");
        assert_eq!(
            site_packages_library(prefix.path()),
            Some(capi.join("libonnxruntime.so.1.31.1"))
        );
    }

    #[test]
    fn library_version_reads_the_runtime_or_says_none() {
        assert_eq!(
            library_version(Path::new("/nonexistent/libonnxruntime.so")),
            None
        );
        // Where a runtime is installed, it reports a dotted version (1.x.y).
        if let Ok(lib) = find_library(None) {
            let v = library_version(&lib).expect("an installed runtime reports its version");
            assert!(v.starts_with("1."), "{v}");
        }
    }

    #[test]
    fn configured_path_that_is_missing_is_reported() {
        let missing = Path::new("/nonexistent/libonnxruntime.so");
        if let Err(NeuralError::RuntimeNotFound(msg)) = find_library(Some(missing)) {
            assert!(msg.contains("/nonexistent/libonnxruntime.so"));
        }
    }
}
