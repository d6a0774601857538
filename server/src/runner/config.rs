//! Runner settings and Python interpreter discovery.

use super::sandbox::SandboxPolicy;
use super::RunnerError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Resource limits applied to every worker and every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock limit for one example (enforced in the worker with `setitimer`).
    pub example_timeout: Duration,
    /// Wall-clock limit for one candidate's examples together; past it the worker is killed
    /// from Rust and restarted.
    pub candidate_timeout: Duration,
    /// Address-space limit of the worker process (`RLIMIT_AS`), bytes.
    pub memory_bytes: u64,
    /// Largest file the worker may write (`RLIMIT_FSIZE`), bytes.
    pub file_size_bytes: u64,
    /// Captured output kept per example (characters); the rest is cut with a marker.
    pub output_chars: usize,
    /// How long the worker may take to start and to load one function's context.
    pub startup_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            example_timeout: Duration::from_secs(2),
            candidate_timeout: Duration::from_secs(10),
            memory_bytes: 2 << 30,
            file_size_bytes: 16 << 20,
            output_chars: 64 * 1024,
            startup_timeout: Duration::from_secs(20),
        }
    }
}

/// How the runner is set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunnerConfig {
    /// Explicit interpreter; `None` picks the workspace's `.venv/bin/python`, else `python3`.
    pub python: Option<PathBuf>,
    /// Directory whose `.venv` is preferred.
    pub workspace: Option<PathBuf>,
    /// Limits for the worker and each check.
    pub limits: Limits,
    /// Sandbox layers left out on purpose (tests of the fallbacks); reported as missing.
    pub sandbox: SandboxPolicy,
    /// Restart the worker after this many candidates (0: never), so state that candidates leak
    /// into the interpreter (patched builtins, imported modules) does not pile up.
    pub recycle_after: usize,
}

impl Default for RunnerConfig {
    fn default() -> Self {
        Self {
            python: None,
            workspace: None,
            limits: Limits::default(),
            sandbox: SandboxPolicy::default(),
            recycle_after: 10_000,
        }
    }
}

/// A Python interpreter that has been run once and found usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interpreter {
    /// What was asked for (as configured or found).
    pub requested: PathBuf,
    /// The real executable (`sys.executable`), so shims and `PATH` are not needed later.
    pub executable: PathBuf,
    /// `(major, minor)`.
    pub version: (u32, u32),
    /// Directories the interpreter reads at startup and import time (prefixes, `sys.path`,
    /// the executable's directories); the sandbox lets the worker read these.
    pub read_roots: Vec<PathBuf>,
}

/// Picks the interpreter per the config (explicit, workspace `.venv`, `python3`) without
/// running it.
pub fn choose_interpreter(python: Option<&Path>, workspace: Option<&Path>) -> PathBuf {
    if let Some(p) = python {
        return p.to_path_buf();
    }
    if let Some(ws) = workspace {
        let venv = ws.join(".venv").join("bin").join("python");
        if venv.exists() {
            return venv;
        }
    }
    PathBuf::from("python3")
}

/// Chooses and runs the interpreter once; it must be CPython-compatible and at least 3.8.
pub fn resolve_interpreter(
    python: Option<&Path>,
    workspace: Option<&Path>,
) -> Result<Interpreter, RunnerError> {
    let requested = choose_interpreter(python, workspace);
    probe_interpreter(&requested)
}

/// Runs `python -I -c …` once to learn its real executable and version.
pub fn probe_interpreter(requested: &Path) -> Result<Interpreter, RunnerError> {
    let fail = |reason: String| RunnerError::Interpreter {
        path: requested.to_path_buf(),
        reason,
    };
    let output = Command::new(requested)
        .args([
            "-I",
            "-c",
            "import os, sys; print(sys.executable); print('%d %d' % sys.version_info[:2]); \
             [print(p) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, \
             os.path.dirname(sys.executable), os.path.dirname(os.path.realpath(sys.executable)), *sys.path} if p]",
        ])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| fail(format!("cannot run it: {e}")))?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        let last = err.lines().last().unwrap_or("").trim().to_string();
        return Err(fail(format!("it exited with {}: {last}", output.status)));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    let executable = lines.next().unwrap_or("").trim().to_string();
    let version: Vec<u32> = lines
        .next()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    let (major, minor) = match version[..] {
        [major, minor] => (major, minor),
        _ => return Err(fail(format!("unexpected version output {text:?}"))),
    };
    if (major, minor) < (3, 8) {
        return Err(fail(format!(
            "Python {major}.{minor} is too old (3.8 or newer needed)"
        )));
    }
    let read_roots: Vec<PathBuf> = lines
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    let executable = if executable.is_empty() {
        requested.to_path_buf()
    } else {
        PathBuf::from(executable)
    };
    Ok(Interpreter {
        requested: requested.to_path_buf(),
        executable,
        version: (major, minor),
        read_roots,
    })
}
