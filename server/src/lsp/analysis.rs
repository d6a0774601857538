//! The seam between the language server and the rest of docsynth: spec extraction, checking
//! implemented functions against their examples, and synthesis. The server only talks to
//! [`Analysis`]; [`PipelineAnalysis`] is the real implementation over `spec`, `runner` and
//! `pipeline`. Nothing here knows LSP types.

use crate::cancel::CancelToken;
use crate::pipeline::{FunctionSynthesis, SynthConfig, SynthStatus};
use crate::spec::{FileSpecs, ModuleContext, Spec};
use std::path::Path;

/// How one example of an implemented function fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleStatus {
    /// The result equals the expected value.
    Pass,
    /// The result differs.
    Fail,
    /// The call raised (and no exception was expected).
    Error,
    /// The call ran past its time limit.
    Timeout,
    /// The sandbox refused to run it (e.g. a forbidden operation).
    Refused,
}

/// The check of one example.
#[derive(Clone, Debug, PartialEq)]
pub struct ExampleCheck {
    /// Index into the function's `Spec::examples`.
    pub index: usize,
    /// The outcome.
    pub status: ExampleStatus,
    /// The expected value as text.
    pub expected: String,
    /// The actual value as text, when there is one.
    pub actual: Option<String>,
    /// The exception or refusal text, when there is one.
    pub message: Option<String>,
}

/// The checks of one implemented function.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionCheck {
    /// `Spec::qualified_name` of the function.
    pub qualified_name: String,
    /// One entry per example checked.
    pub examples: Vec<ExampleCheck>,
}

/// What checking a file needs.
#[derive(Clone, Copy, Debug)]
pub struct CheckRequest<'a> {
    /// The file's text.
    pub source: &'a str,
    /// The file's path, when it has one on disk.
    pub path: Option<&'a Path>,
    /// The specs extracted from `source`.
    pub specs: &'a FileSpecs,
    /// The synthesis settings (interpreter, workspace).
    pub config: &'a SynthConfig,
}

/// What synthesizing one function needs.
#[derive(Clone, Copy, Debug)]
pub struct SynthRequest<'a> {
    /// The file's text.
    pub source: &'a str,
    /// The function.
    pub spec: &'a Spec,
    /// The module context the examples may need.
    pub context: &'a ModuleContext,
    /// The synthesis settings.
    pub config: &'a SynthConfig,
}

/// What the server needs from the rest of docsynth. Implementations must be safe to call from
/// blocking worker threads and must honour `cancel` between steps.
pub trait Analysis: Send + Sync {
    /// Extracts every function and its examples from Python source.
    fn extract(&self, source: &str) -> Result<FileSpecs, String>;

    /// Runs the examples of every implemented function that has some.
    fn check(
        &self,
        request: &CheckRequest<'_>,
        cancel: &CancelToken,
    ) -> Result<Vec<FunctionCheck>, String>;

    /// Synthesizes verified implementations of one function.
    fn synthesize(&self, request: &SynthRequest<'_>, cancel: &CancelToken) -> FunctionSynthesis;
}

/// The real implementation over the crate's `spec`, `runner` and `pipeline` modules.
#[derive(Clone, Copy, Debug, Default)]
pub struct PipelineAnalysis;

/// Why a stage cannot run in this build (its module has not landed in the crate yet).
const NO_CHECK: &str = "the example checker is not part of this build yet";
const NO_SYNTH: &str = "the synthesis pipeline is not part of this build yet";

impl Analysis for PipelineAnalysis {
    fn extract(&self, source: &str) -> Result<FileSpecs, String> {
        Ok(crate::spec::extract(source))
    }

    fn check(
        &self,
        _request: &CheckRequest<'_>,
        _cancel: &CancelToken,
    ) -> Result<Vec<FunctionCheck>, String> {
        Err(NO_CHECK.to_string())
    }

    fn synthesize(&self, request: &SynthRequest<'_>, _cancel: &CancelToken) -> FunctionSynthesis {
        FunctionSynthesis {
            function: request.spec.name.clone(),
            line: request.spec.def_range.start.line as usize + 1,
            domain: None,
            status: SynthStatus::Error,
            error: Some(NO_SYNTH.to_string()),
            candidates: Vec::new(),
        }
    }
}
