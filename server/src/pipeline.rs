//! The pipeline shared by the CLI and the language server: spec → domain → writers → checker →
//! ranker. `docsynth synth` and the LSP code action are two faces over these functions, so they
//! always agree.

use crate::domain::WriterKind;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// Which writers to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, clap::ValueEnum)]
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
    /// Settings of the neural writer (used unless `engine` is `Search`).
    pub neural: NeuralSettings,
}

/// Settings of the neural (Latent Programmer) writer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeuralSettings {
    /// Model directory, serving the domain its manifest names (`None`: `DOCSYNTH_MODEL_DIR`);
    /// other domains use the shipped `models/<domain>`.
    pub model_dir: Option<PathBuf>,
    /// `auto`, `cpu` or `cuda`.
    pub device: crate::neural::Device,
    /// Total beam size B.
    pub beam: usize,
    /// Latent beams L.
    pub latent_beams: usize,
}

impl Default for NeuralSettings {
    fn default() -> Self {
        Self {
            model_dir: None,
            device: crate::neural::Device::Auto,
            beam: 10,
            latent_beams: 3,
        }
    }
}

impl Default for SynthConfig {
    fn default() -> Self {
        Self {
            budget: Duration::from_secs(2),
            top_k: 5,
            engine: Engine::All,
            python: None,
            workspace: None,
            neural: NeuralSettings::default(),
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
    /// 1-based position in the writers' own order (before the learned ranker).
    pub writer_order: usize,
    /// What the ranker saw (see `rank.rs`).
    pub features: crate::rank::Features,
    /// The learned ranker's log-odds that it generalizes, when a ranker is shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generalization_logit: Option<f64>,
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
    /// When the candidates disagree on an input like the user's: that input and their answers
    /// (add the right answer as an example to settle it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<crate::ask::Question>,
}

use crate::cancel::CancelToken;
use crate::domain::{all_domains, Domain, IoExample, Solution, Task};
use crate::runner::{CheckSuite, RunContext, Runner, RunnerConfig};
use crate::spec::{ExampleKind, ModuleContext, Spec};
use crate::value::Value;
use std::time::Instant;

/// A writer of candidate programs for a task (the enumerative search, the neural model).
pub trait Writer: Send + Sync {
    /// Which writer this is.
    fn kind(&self) -> WriterKind;
    /// Candidate solutions for `task` in `domain`, best first, at most `max`, stopping when
    /// `cancel` fires. Candidates need not be consistent; the pipeline checks them.
    fn write(
        &self,
        domain: &dyn Domain,
        task: &Task,
        cancel: &CancelToken,
        max: usize,
    ) -> Vec<Solution>;
}

/// The enumerative search of each domain as a [`Writer`].
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchWriter;

impl Writer for SearchWriter {
    fn kind(&self) -> WriterKind {
        WriterKind::Search
    }
    fn write(
        &self,
        domain: &dyn Domain,
        task: &Task,
        cancel: &CancelToken,
        max: usize,
    ) -> Vec<Solution> {
        domain.search(task, cancel, max)
    }
}

/// The spec's examples as values: direct calls with literal arguments and a literal expected
/// value (doctests expecting an exception or output that is not a literal are left out; the
/// Python check still runs every example). Returns the examples and how many were left out.
pub fn io_examples(spec: &Spec) -> (Vec<IoExample>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    for ex in &spec.examples {
        let parsed = (|| {
            let call = ex.call.as_ref()?;
            if !call.kwargs.is_empty() || ex.expected_exception.is_some() {
                return None;
            }
            let inputs = call
                .args
                .iter()
                .map(|a| Value::parse_literal(a).ok())
                .collect::<Option<Vec<_>>>()?;
            let expected = ex.expected.trim();
            if expected.is_empty() && ex.kind == ExampleKind::Doctest {
                return None;
            }
            let output = Value::parse_literal(expected).ok()?;
            Some(IoExample { inputs, output })
        })();
        match parsed {
            Some(e) if !out.contains(&e) => out.push(e),
            Some(_) => {}
            None => skipped += 1,
        }
    }
    (out, skipped)
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::None => "None",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Dict(_) => "dict",
    }
}

/// `(str, int) -> list` from the first example (annotations where there is no example).
pub fn shape_of(spec: &Spec, examples: &[IoExample]) -> String {
    match examples.first() {
        Some(e) => format!(
            "({}) -> {}",
            e.inputs
                .iter()
                .map(type_name)
                .collect::<Vec<_>>()
                .join(", "),
            type_name(&e.output)
        ),
        None => format!(
            "({}) -> {}",
            spec.params
                .iter()
                .map(|p| p.annotation.as_deref().unwrap_or("?"))
                .collect::<Vec<_>>()
                .join(", "),
            spec.return_annotation.as_deref().unwrap_or("?")
        ),
    }
}

/// The first domain that fits the spec and its examples, with its task; otherwise one line
/// saying why none does.
pub fn select_domain<'d>(
    domains: &'d [Box<dyn Domain>],
    spec: &Spec,
    examples: &[IoExample],
) -> Result<(&'d dyn Domain, Task), String> {
    let mut reasons = Vec::new();
    for d in domains {
        match d.task_for(&spec.params, spec.return_annotation.as_deref(), examples) {
            Ok(task) => return Ok((d.as_ref(), task)),
            Err(e) => reasons.push(e.0),
        }
    }
    Err(format!(
        "no program space for {} yet ({})",
        shape_of(spec, examples),
        reasons.join("; ")
    ))
}

/// The function's text with its body replaced by `body` (unindented lines).
pub fn function_with_body(source: &str, spec: &Spec, body: &str) -> (String, String) {
    let indent = &spec.body_indent;
    let indented = body
        .lines()
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}"));
    let (b0, b1) = (spec.body_range.start_byte, spec.body_range.end_byte);
    let replacement = if b0 == b1 {
        format!("\n{indent}{indented}")
    } else {
        indented
    };
    let d0 = spec.def_range.start_byte.min(b0);
    let d1 = spec.def_range.end_byte.max(b1);
    let code = match (source.get(d0..b0), source.get(b1..d1)) {
        (Some(head), Some(tail)) => format!("{head}{replacement}{tail}"),
        _ => replacement.clone(),
    };
    let body_text: String = body
        .lines()
        .map(|l| format!("{indent}{l}\n"))
        .collect::<String>();
    (code, body_text)
}

struct Found {
    solution: Solution,
    elapsed_ms: u64,
}

/// Synthesizes one function: examples → domain → writers → consistency check → clusters by
/// behaviour on extra inputs → Python check of the cluster representatives in `runner`.
#[allow(clippy::too_many_arguments)]
pub fn synthesize_with(
    source: &str,
    spec: &Spec,
    context: &ModuleContext,
    config: &SynthConfig,
    domains: &[Box<dyn Domain>],
    writers: &[&dyn Writer],
    runner: &mut Runner,
    cancel: &CancelToken,
) -> FunctionSynthesis {
    let start = Instant::now();
    let line = spec.def_range.start.line as usize + 1;
    let mut result = FunctionSynthesis {
        function: spec.name.clone(),
        line,
        domain: None,
        status: SynthStatus::NoExamples,
        error: None,
        candidates: Vec::new(),
        question: None,
    };
    let (examples, skipped) = io_examples(spec);
    if examples.is_empty() {
        result.error = Some(if spec.examples.is_empty() {
            "no examples".to_string()
        } else {
            format!("none of the {skipped} examples is a call with literal arguments and result")
        });
        return result;
    }
    if !spec.is_top_level {
        result.status = SynthStatus::NoDomain;
        result.error = Some("only module-level functions can be synthesized yet".into());
        return result;
    }
    let (domain, task) = match select_domain(domains, spec, &examples) {
        Ok(x) => x,
        Err(why) => {
            result.status = SynthStatus::NoDomain;
            result.error = Some(why);
            return result;
        }
    };
    result.domain = Some(domain.name().to_string());
    let budget = cancel.child_with_budget(config.budget);
    let want = config.top_k.max(1) * 4;
    let active: Vec<&dyn Writer> = writers
        .iter()
        .copied()
        .filter(|w| match config.engine {
            Engine::All => true,
            Engine::Neural => w.kind() == WriterKind::Neural,
            Engine::Search => w.kind() == WriterKind::Search,
        })
        .collect();
    let mut found: Vec<Found> = Vec::new();
    for (i, w) in active.iter().enumerate() {
        if budget.is_cancelled() {
            break;
        }
        // Earlier writers get half of what is left; the last one gets the rest.
        let share = if i + 1 < active.len() {
            budget.remaining().map(|r| r / 2)
        } else {
            budget.remaining()
        };
        let token = match share {
            Some(s) => budget.child_with_budget(s),
            None => budget.clone(),
        };
        for s in w.write(domain, &task, &token, want) {
            let consistent = task
                .examples
                .iter()
                .all(|e| domain.eval_tokens(&s.tokens, &e.inputs).as_ref() == Some(&e.output));
            if consistent && !found.iter().any(|f| f.solution.program == s.program) {
                found.push(Found {
                    solution: s,
                    elapsed_ms: start.elapsed().as_millis() as u64,
                });
            }
        }
    }
    if found.is_empty() {
        result.status = if cancel.is_cancelled() && !budget.remaining().is_some_and(|r| r.is_zero())
        {
            SynthStatus::Cancelled
        } else {
            SynthStatus::BudgetSpent
        };
        result.error = Some(format!(
            "no {} program found for the examples within {} ms",
            domain.name(),
            config.budget.as_millis()
        ));
        return result;
    }
    // Cluster by behaviour on extra inputs; keep the best candidate of each cluster.
    let extra = domain.extra_inputs(&task, 0, 32);
    let mut signatures: Vec<Vec<Option<Value>>> = Vec::new();
    let mut cluster_sizes: Vec<usize> = Vec::new();
    let mut reps: Vec<(usize, usize)> = Vec::new(); // (found index, cluster)
    for (i, f) in found.iter().enumerate() {
        let sig: Vec<Option<Value>> = extra
            .iter()
            .map(|inp| domain.eval_tokens(&f.solution.tokens, inp))
            .collect();
        match signatures.iter().position(|s| *s == sig) {
            Some(c) => cluster_sizes[c] += 1,
            None => {
                signatures.push(sig);
                cluster_sizes.push(1);
                reps.push((i, signatures.len() - 1));
            }
        }
    }
    // The pragmatic listener over every consistent program's behaviour, per cluster.
    let all_outputs: Vec<Vec<Option<Value>>> = found
        .iter()
        .map(|f| {
            extra
                .iter()
                .map(|inp| domain.eval_tokens(&f.solution.tokens, inp))
                .collect()
        })
        .collect();
    let rsa = crate::rank::rsa_scores(&all_outputs);
    reps.truncate(config.top_k.max(1) * 3);
    let suite = CheckSuite {
        function: spec.name.clone(),
        context: RunContext::from_module(context, &spec.name),
        examples: spec.examples.clone(),
    };
    let built: Vec<(String, String, String)> = reps
        .iter()
        .map(|&(i, _)| {
            let s = &found[i].solution;
            let (code, body) = function_with_body(source, spec, &s.body);
            let mut full = s.imports.join("\n");
            if !full.is_empty() {
                full.push_str("\n\n");
            }
            full.push_str(&dedent(&code));
            (code, body, full)
        })
        .collect();
    let sources: Vec<String> = built.iter().map(|b| b.2.clone()).collect();
    let reports = match runner.check_candidates(&suite, &sources) {
        Ok(r) => r,
        Err(e) => {
            result.status = SynthStatus::Error;
            result.error = Some(format!("could not check candidates in Python: {e}"));
            return result;
        }
    };
    let params: Vec<String> = spec.params.iter().map(|p| p.name.clone()).collect();
    let docstring = spec.docstring.as_ref().map_or("", |d| d.cleaned.as_str());
    let inputs: Vec<Vec<Value>> = task.examples.iter().map(|e| e.inputs.clone()).collect();
    let text_context = crate::rank::TextContext {
        params: &params,
        docstring,
        inputs: &inputs,
    };
    let best_score = reps
        .iter()
        .map(|&(i, _)| found[i].solution.score)
        .fold(f64::NEG_INFINITY, f64::max);
    let best_rsa = rsa.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ranker = crate::rank::shipped_ranker();
    let mut verified: Vec<CheckedCandidate> = Vec::new();
    for ((&(i, cluster), (code, body, _)), report) in reps.iter().zip(built).zip(reports) {
        if !report.passed() {
            continue;
        }
        let f = &found[i];
        let mut features = crate::rank::text_features(&body, &f.solution.imports, &text_context);
        features.dsl_size = f.solution.size as f64;
        features.relative_score = f.solution.score - best_score;
        features.neural = f64::from(u8::from(f.solution.writer == WriterKind::Neural));
        features.cluster_size = (1.0 + cluster_sizes[cluster] as f64).ln();
        features.rsa = rsa[i] - best_rsa;
        let generalization_logit = ranker.map(|r| r.logit(&features));
        verified.push(CheckedCandidate {
            rank: 0,
            writer_order: verified.len() + 1,
            code,
            body,
            imports: f.solution.imports.clone(),
            program: f.solution.program.clone(),
            passed: report.passed_count(),
            total: report.examples.len(),
            score: f.solution.score,
            source: f.solution.writer,
            elapsed_ms: f.elapsed_ms,
            cluster,
            features,
            generalization_logit,
        });
    }
    // The learned ranker orders the verified candidates when shipped; else the writers' order.
    if ranker.is_some() {
        verified.sort_by(|a, b| {
            b.generalization_logit
                .unwrap_or(0.0)
                .total_cmp(&a.generalization_logit.unwrap_or(0.0))
        });
    }
    verified.truncate(config.top_k.max(1));
    for (k, c) in verified.iter_mut().enumerate() {
        c.rank = k + 1;
    }
    result.candidates = verified;
    result.question = question_for(
        domain,
        &task,
        &spec.name,
        &result.candidates,
        &found,
        &reps,
        &extra,
    );
    if result.candidates.is_empty() {
        result.status = SynthStatus::BudgetSpent;
        result.error = Some(format!(
            "{} consistent program(s) found, but none passed the examples in Python",
            reps.len()
        ));
    } else {
        result.status = SynthStatus::Solved;
    }
    result
}

/// The input that best splits the verified candidates (user-like inputs first, then the
/// clustering inputs), with each candidate weighted by its ranking score.
fn question_for(
    domain: &dyn Domain,
    task: &Task,
    function: &str,
    candidates: &[CheckedCandidate],
    found: &[Found],
    reps: &[(usize, usize)],
    extra: &[Vec<Value>],
) -> Option<crate::ask::Question> {
    if candidates.len() < 2 {
        return None;
    }
    let mut inputs = crate::ask::user_like_inputs(&task.examples, 48);
    inputs.extend(extra.iter().cloned());
    let best_score = candidates
        .iter()
        .map(|c| c.score)
        .fold(f64::NEG_INFINITY, f64::max);
    let behaviours: Vec<crate::ask::Behaviour> = candidates
        .iter()
        .filter_map(|c| {
            let &(i, _) = reps.iter().find(|&&(_, cluster)| cluster == c.cluster)?;
            let tokens = &found[i].solution.tokens;
            Some(crate::ask::Behaviour {
                rank: c.rank,
                weight: (c.score - best_score).exp(),
                outputs: inputs
                    .iter()
                    .map(|inp| domain.eval_tokens(tokens, inp))
                    .collect(),
            })
        })
        .collect();
    crate::ask::best_question(function, &inputs, &behaviours)
}

/// Removes the common leading indentation (a nested `def` copied out of its block).
fn dedent(code: &str) -> String {
    let first_indent = code
        .lines()
        .find(|l| !l.trim().is_empty())
        .map_or(0, |l| l.len() - l.trim_start().len());
    if first_indent == 0 {
        return code.to_string();
    }
    code.lines()
        .map(|l| l.get(first_indent..).unwrap_or(l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Synthesizes every unimplemented function with examples in `source` (or only `function`),
/// with the enumerative search and any extra `writers`, checking in a fresh runner.
pub fn synthesize_source(
    source: &str,
    function: Option<&str>,
    config: &SynthConfig,
    writers: &[&dyn Writer],
    cancel: &CancelToken,
) -> anyhow::Result<Vec<FunctionSynthesis>> {
    let specs = crate::spec::extract(source);
    let targets: Vec<&Spec> = specs
        .functions
        .iter()
        .filter(|s| match function {
            Some(name) => s.name == name || s.qualified_name == name,
            None => s.body_state == crate::spec::BodyState::Unimplemented && !s.examples.is_empty(),
        })
        .collect();
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let mut runner = Runner::new(RunnerConfig {
        python: config.python.clone(),
        workspace: config.workspace.clone(),
        ..RunnerConfig::default()
    })?;
    let domains = all_domains();
    let search = SearchWriter;
    let mut all: Vec<&dyn Writer> = writers.to_vec();
    all.push(&search);
    Ok(targets
        .into_iter()
        .map(|spec| {
            synthesize_with(
                source,
                spec,
                &specs.context,
                config,
                &domains,
                &all,
                &mut runner,
                cancel,
            )
        })
        .collect())
}
