//! The seam between the language server and the rest of docsynth: checking implemented
//! functions against their examples, and synthesis (spec extraction is called directly, see
//! `incremental`). The server only talks to
//! [`Analysis`]; [`PipelineAnalysis`] is the real implementation over `spec`, `runner` and
//! `pipeline`. Nothing here knows LSP types.

use crate::cancel::CancelToken;
use crate::check;
use crate::domain::all_domains;
use crate::pipeline::{
    self, EarlyResult, Engine, FunctionSynthesis, SearchWriter, SynthConfig, SynthRequest,
    SynthStatus, Writer,
};
use crate::runner::{CheckOptions, ExampleStatus, PooledRunner, RunnerConfig, RunnerPool};
use crate::spec::BodyState;
use crate::spec::{FileSpecs, Spec};
use std::path::Path;
use std::sync::Mutex;

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
    /// One entry per example checked (skipped ones left out).
    pub examples: Vec<ExampleCheck>,
}

impl FunctionCheck {
    /// Whether some example fails, raises or times out (what a verified body would fix; a
    /// refusal is the sandbox's verdict on the example, not on the body).
    pub fn fails(&self) -> bool {
        self.examples.iter().any(|e| {
            matches!(
                e.status,
                ExampleStatus::Fail | ExampleStatus::Error | ExampleStatus::Timeout
            )
        })
    }
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

/// What the server needs from the rest of docsynth. Implementations must be safe to call from
/// blocking worker threads and must honour `cancel` between steps.
pub trait Analysis: Send + Sync {
    /// Runs the examples of every implemented function that has some.
    fn check(
        &self,
        request: &CheckRequest<'_>,
        cancel: &CancelToken,
    ) -> Result<Vec<FunctionCheck>, String>;

    /// Synthesizes verified implementations of one function.
    fn synthesize(&self, request: &SynthRequest<'_>, cancel: &CancelToken) -> FunctionSynthesis;

    /// [`Analysis::synthesize`], offering a first verified result to `early` while slower
    /// writers still run (the default offers none).
    fn synthesize_staged(
        &self,
        request: &SynthRequest<'_>,
        cancel: &CancelToken,
        early: EarlyResult<'_>,
    ) -> FunctionSynthesis {
        let _ = early;
        self.synthesize(request, cancel)
    }
}

/// The real implementation over the crate's `check`, `runner` and `pipeline` modules. Keeps a
/// pool of warm Python workers per (interpreter, workspace) setting.
#[derive(Default)]
pub struct PipelineAnalysis {
    pool: Mutex<Option<(RunnerConfig, RunnerPool)>>,
}

impl std::fmt::Debug for PipelineAnalysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PipelineAnalysis").finish_non_exhaustive()
    }
}

impl PipelineAnalysis {
    /// A runner from the pool for `config`'s interpreter and workspace.
    fn runner(&self, config: &SynthConfig) -> Result<PooledRunner, String> {
        let wanted = RunnerConfig {
            python: config.python.clone(),
            workspace: config.workspace.clone(),
            ..RunnerConfig::default()
        };
        let mut slot = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        let pool = match slot.as_ref() {
            Some((cfg, pool)) if *cfg == wanted => pool.clone(),
            _ => {
                let pool = RunnerPool::new(wanted.clone(), 2).map_err(|e| e.to_string())?;
                *slot = Some((wanted, pool.clone()));
                pool
            }
        };
        drop(slot);
        pool.get().map_err(|e| e.to_string())
    }
}

impl Analysis for PipelineAnalysis {
    fn check(
        &self,
        request: &CheckRequest<'_>,
        cancel: &CancelToken,
    ) -> Result<Vec<FunctionCheck>, String> {
        let functions: Vec<&Spec> = request
            .specs
            .functions
            .iter()
            .filter(|f| f.body_state == BodyState::Implemented && !f.examples.is_empty())
            .collect();
        if functions.is_empty() {
            return Ok(Vec::new());
        }
        let mut runner = self.runner(request.config)?;
        let dir = request.path.and_then(|p| p.parent());
        let mut out = Vec::with_capacity(functions.len());
        for f in functions {
            let (suite, candidate) = check::suite_for(request.source, request.specs, f, dir);
            let report = runner
                .check_candidates_with(
                    &suite,
                    &[candidate.as_str()],
                    CheckOptions::default(),
                    cancel,
                )
                .map_err(|e| e.to_string())?
                .pop()
                .ok_or_else(|| format!("no report for {}", f.qualified_name))?;
            let examples = report
                .examples
                .into_iter()
                .enumerate()
                .filter(|(_, r)| r.status != ExampleStatus::Skipped)
                .map(|(index, r)| {
                    let status = r.status;
                    let is_message = matches!(
                        status,
                        ExampleStatus::Error | ExampleStatus::Refused | ExampleStatus::Timeout
                    );
                    ExampleCheck {
                        index,
                        status,
                        expected: r.expected,
                        actual: (!is_message).then(|| r.actual.clone()),
                        message: is_message.then_some(r.actual),
                    }
                })
                .collect();
            out.push(FunctionCheck {
                qualified_name: f.qualified_name.clone(),
                examples,
            });
        }
        Ok(out)
    }

    fn synthesize(&self, request: &SynthRequest<'_>, cancel: &CancelToken) -> FunctionSynthesis {
        self.run_synthesis(request, cancel, None)
    }

    fn synthesize_staged(
        &self,
        request: &SynthRequest<'_>,
        cancel: &CancelToken,
        early: EarlyResult<'_>,
    ) -> FunctionSynthesis {
        self.run_synthesis(request, cancel, Some(early))
    }
}

impl PipelineAnalysis {
    /// The pipeline over the search and (unless the engine is `search`) each domain's model.
    fn run_synthesis(
        &self,
        request: &SynthRequest<'_>,
        cancel: &CancelToken,
        early: Option<EarlyResult<'_>>,
    ) -> FunctionSynthesis {
        let mut runner = match self.runner(request.config) {
            Ok(r) => r,
            Err(why) => return FunctionSynthesis::failed(request.spec, SynthStatus::Error, why),
        };
        let domains = all_domains();
        let search = SearchWriter;
        // Each domain's model loads once per process on first use (shared across requests); a
        // missing runtime or model is reported once (health at startup, stderr per domain) and
        // that domain's search goes on alone.
        let neural = (request.config.engine != Engine::Search)
            .then(|| crate::neural::writer::pipeline_writer(&request.config.neural).ok())
            .flatten();
        let mut writers: Vec<&dyn Writer> = Vec::new();
        if let Some(n) = neural.as_ref() {
            writers.push(n);
        }
        if request.config.engine != Engine::Neural {
            writers.push(&search);
        }
        pipeline::synthesize_staged(request, &domains, &writers, &mut runner, cancel, early)
    }
}
