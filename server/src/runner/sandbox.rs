//! OS-level isolation for the worker: a scratch directory, a cleared environment, resource
//! limits set between `fork` and `exec`, and a network namespace where the kernel allows one.

use super::config::Limits;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

/// A private temporary directory, removed on drop.
#[derive(Debug)]
pub struct ScratchDir {
    root: PathBuf,
}

impl ScratchDir {
    /// Creates a fresh directory under the system temporary directory, with a `work/`
    /// subdirectory (the only place the worker may write).
    pub fn create() -> std::io::Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let base = std::env::temp_dir();
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut last_err = None;
        for _ in 0..16 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let root = base.join(format!(
                "docsynth-runner-{}-{n}-{nanos}",
                std::process::id()
            ));
            match std::fs::create_dir(&root) {
                Ok(()) => {
                    std::fs::create_dir(root.join("work"))?;
                    return Ok(Self { root });
                }
                Err(e) => last_err = Some(e),
            }
        }
        Err(last_err.unwrap_or_else(|| std::io::Error::other("cannot create scratch dir")))
    }

    /// The directory itself (holds the worker script).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The writable working directory of the worker.
    pub fn work(&self) -> PathBuf {
        self.root.join("work")
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Absolute path of `unshare` when `unshare -rn true` works here (checked once per process).
pub fn network_namespace_tool() -> Option<&'static Path> {
    static TOOL: OnceLock<Option<PathBuf>> = OnceLock::new();
    TOOL.get_or_init(|| {
        let tool = find_in_path("unshare")?;
        let ok = Command::new(&tool)
            .args(["-rn", "true"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if ok {
            Some(tool)
        } else {
            eprintln!("docsynth: note: `unshare -rn` does not work here; the checker runs without a private network namespace (the audit hook still refuses sockets)");
            None
        }
    })
    .as_deref()
}

/// Searches `PATH` for an executable file.
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Builds the worker command: `[unshare -rn] python -I -B worker.py WORK OUTPUT_CAP`, with a
/// cleared environment, the scratch `work/` directory as cwd, and rlimits applied before exec.
pub fn worker_command(
    python: &Path,
    script: &Path,
    scratch: &ScratchDir,
    limits: &Limits,
    network_namespace: bool,
) -> Command {
    let work = scratch.work();
    let mut cmd = match network_namespace.then(network_namespace_tool).flatten() {
        Some(unshare) => {
            let mut c = Command::new(unshare);
            c.arg("-rn").arg(python);
            c
        }
        None => Command::new(python),
    };
    cmd.arg("-I")
        .arg("-B")
        .arg(script)
        .arg(&work)
        .arg(limits.output_chars.to_string())
        .current_dir(&work)
        .env_clear()
        .env("TMPDIR", &work)
        .env("HOME", &work)
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("OMP_NUM_THREADS", "1")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let memory = limits.memory_bytes;
    let fsize = limits.file_size_bytes;
    // SAFETY: the closure runs in the forked child before exec and only calls setrlimit and
    // setpgid, which are async-signal-safe; it allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            set_limit(libc::RLIMIT_AS, memory)?;
            set_limit(libc::RLIMIT_FSIZE, fsize)?;
            set_limit(libc::RLIMIT_CORE, 0)?;
            if libc::setpgid(0, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd
}

fn set_limit(resource: libc::__rlimit_resource_t, value: u64) -> std::io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: value as libc::rlim_t,
        rlim_max: value as libc::rlim_t,
    };
    // SAFETY: plain syscall with a valid pointer to a stack value.
    if unsafe { libc::setrlimit(resource, &limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
