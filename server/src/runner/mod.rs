//! The checker: runs candidate bodies against examples in a sandboxed Python worker process.
//!
//! - [`config`]: settings, limits and interpreter discovery.
//! - [`protocol`]: suites, jobs, reports, and the JSON-lines wire format.
//! - [`sandbox`]: scratch directory, cleared environment, rlimits, network namespace.
//! - [`worker`]: one worker process (`worker.py`, embedded) and its kill handle.
//! - [`batch`]: [`Runner`], the batch API with crash and timeout recovery.
//! - [`pool`]: [`RunnerPool`], thread-safe reuse of warm runners.
//!
//! Code never runs inside docsynth: every candidate runs in the worker, under `python -I -B`
//! with a cleared environment and a fresh scratch directory as cwd (removed afterwards), with
//! an audit hook refusing processes (`os.system`, `subprocess`, `os.exec*`, `os.fork`,
//! `posix_spawn`, `os.kill`), sockets, threads, `ctypes` symbol lookups and foreign calls,
//! `resource.setrlimit`, and writes/removes/renames outside the scratch directory; with
//! `RLIMIT_AS`, `RLIMIT_FSIZE`, `RLIMIT_CORE=0` (set before exec), `RLIMIT_NPROC=0` and a
//! refreshed `RLIMIT_CPU` (set by the worker); per-example `setitimer` timeouts and a Rust-side
//! deadline that kills and restarts the worker; output captured per example and capped; and a
//! network namespace of its own where `unshare -rn` works (detected once).
//!
//! Limits of this design: the audit hook lives in the same interpreter as the untrusted code,
//! so it stops accidents and ordinary code, not a determined attacker (who could, for example,
//! write forged replies to the worker's private pipe with `os.write`); reads are not
//! restricted; `RLIMIT_NPROC` is not enforced for root. The hard boundaries are the process,
//! its rlimits, the cleared environment, and the network namespace.

pub mod batch;
pub mod config;
pub mod pool;
pub mod protocol;
pub mod sandbox;
pub mod worker;

pub use batch::Runner;
pub use config::{resolve_interpreter, Interpreter, Limits, RunnerConfig};
pub use pool::{PooledRunner, RunnerPool};
pub use protocol::{
    CandidateReport, CheckJob, CheckOptions, CheckSuite, ExampleReport, ExampleStatus, RunContext,
};
pub use worker::KillHandle;

use std::path::PathBuf;

/// Why the runner could not check anything.
#[derive(Debug, thiserror::Error)]
pub enum RunnerError {
    /// No usable Python interpreter.
    #[error("no usable Python interpreter `{}`: {reason}", path.display())]
    Interpreter {
        /// The interpreter tried.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The scratch directory could not be created.
    #[error("cannot create the checker's scratch directory: {0}")]
    Scratch(#[source] std::io::Error),
    /// The worker said something unexpected.
    #[error("checker protocol error: {0}")]
    Protocol(String),
    /// Cancelled (token or kill handle) before the batch finished.
    #[error("checking was cancelled")]
    Cancelled,
}
