//! The checker: runs candidate bodies against examples in a sandboxed Python worker process.
//!
//! - [`config`]: settings, limits and interpreter discovery.
//! - [`protocol`]: suites, jobs, reports, and the JSON-lines wire format.
//! - [`sandbox`]: scratch directory, cleared environment, rlimits, network namespace.
//! - [`worker`]: one worker process (`worker.py`, embedded) and its kill handle.
//! - [`batch`]: [`Runner`], the batch API with crash and timeout recovery.
//! - [`pool`]: [`RunnerPool`], thread-safe reuse of warm runners.
//!
//! Code never runs inside docsynth. The first line of defence is the kernel ([`sandbox`]): the
//! worker starts in user, mount, network, IPC and UTS namespaces of its own with a read-only view
//! of every mount but its scratch directory, Landlock rules (reads only from system, interpreter
//! and example directories; writes only to scratch; no signals or abstract sockets across the
//! sandbox), seccomp filters, hard rlimits and a session of its own that is killed as a whole.
//! The worker is a clean zygote that never runs untrusted code: each function's examples and
//! candidates run in a child forked from it, which first installs the strict per-function
//! seccomp set (no processes, threads, `exec`, signals or sockets), so no function sees state
//! that another function's examples left behind. The audit hook inside Python stays as a
//! second line that turns refused operations into clear `refused` results.

pub mod batch;
pub mod config;
pub mod pool;
pub mod protocol;
pub mod sandbox;
mod seccomp;
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
