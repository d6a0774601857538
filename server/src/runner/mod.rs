//! The checker: runs candidate bodies against examples in a sandboxed Python worker process.
//!
//! - [`config`]: settings, limits and interpreter discovery.
//! - [`protocol`]: suites, jobs, reports, and the JSON-lines wire format.
//! - [`sandbox`]: scratch directory, cleared environment, rlimits, network namespace.
//! - [`worker`]: one worker process (`worker.py`, embedded) and its kill handle.
//! - [`batch`]: [`Runner`], the batch API with crash and timeout recovery.
//! - [`pool`]: [`RunnerPool`], thread-safe reuse of warm runners.
//!
//! Code never runs inside docsynth: every candidate runs in the worker, under `python -I`,
//! with an audit hook refusing processes, sockets, threads and writes outside the scratch
//! directory, `RLIMIT_AS`/`RLIMIT_FSIZE`/`RLIMIT_CPU`/`RLIMIT_NPROC`, and its own network
//! namespace where `unshare -rn` works.

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
