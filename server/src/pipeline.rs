//! The pipeline shared by the CLI and the language server: spec → domain → writers → checker →
//! ranker. `docsynth synth` and the LSP code action are two faces over these functions, so they
//! always agree.

use crate::domain::WriterKind;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// Which writers to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Engine {
    /// The neural model only.
    Neural,
    /// The enumerative search only.
    Search,
    /// Neural first, then search in the remaining budget.
    #[default]
    All,
}

/// Settings for synthesizing one function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SynthConfig {
    /// Total time budget per function.
    pub budget: Duration,
    /// How many ranked candidates to return at most.
    pub top_k: usize,
    /// Which writers to use.
    pub engine: Engine,
    /// Python interpreter for the checker (`None`: workspace `.venv/bin/python`, else `python3`).
    pub python: Option<PathBuf>,
    /// Directory whose `.venv` is preferred (the file's workspace).
    pub workspace: Option<PathBuf>,
}

impl Default for SynthConfig {
    fn default() -> Self {
        Self {
            budget: Duration::from_secs(2),
            top_k: 5,
            engine: Engine::All,
            python: None,
            workspace: None,
        }
    }
}

/// Outcome of synthesizing one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SynthStatus {
    /// At least one verified candidate.
    Solved,
    /// The budget ran out without a verified candidate.
    BudgetSpent,
    /// No program space fits the signature and examples.
    NoDomain,
    /// The function has no usable examples.
    NoExamples,
    /// Something failed (interpreter missing, …); see `error`.
    Error,
    /// Cancelled before finishing.
    Cancelled,
}

/// A verified candidate, ready to offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckedCandidate {
    /// 1-based rank.
    pub rank: usize,
    /// The whole function (signature and docstring kept), ready to paste.
    pub code: String,
    /// The new body, indented as the function's body.
    pub body: String,
    /// Import lines the body needs.
    pub imports: Vec<String>,
    /// The program in DSL text.
    pub program: String,
    /// Examples passed in the Python runner.
    pub passed: usize,
    /// Examples checked.
    pub total: usize,
    /// Ranking score (higher is better).
    pub score: f64,
    /// Which writer found it.
    pub source: WriterKind,
    /// Milliseconds from the start of synthesis to finding it.
    pub elapsed_ms: u64,
    /// Behaviour cluster id (candidates with equal outputs on extra inputs share one).
    pub cluster: usize,
}

/// Result of synthesizing one function (the `docsynth synth --json` object).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunctionSynthesis {
    /// Function name.
    pub function: String,
    /// 1-based line of the `def`.
    pub line: usize,
    /// The program space used, if any.
    pub domain: Option<String>,
    /// How it went.
    pub status: SynthStatus,
    /// Why there is no candidate, in one line, when there is none.
    pub error: Option<String>,
    /// Ranked verified candidates.
    pub candidates: Vec<CheckedCandidate>,
}
