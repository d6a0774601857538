//! Program spaces (DSLs): typed programs that can be interpreted exactly, enumerated, tokenized
//! for the neural model and rendered as readable Python.
//!
//! Every domain implements [`Domain`]; adding a program space means adding a module here and
//! listing it in [`all_domains`], nothing else.

use crate::cancel::CancelToken;
use crate::spec::Param;
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// One input/output example in domain-neutral values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IoExample {
    /// Argument values, one per parameter.
    pub inputs: Vec<Value>,
    /// Expected return value.
    pub output: Value,
}

/// A synthesis task: the examples a program must reproduce.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Parameter names, used when rendering Python.
    pub param_names: Vec<String>,
    /// The examples the program must satisfy.
    pub examples: Vec<IoExample>,
    /// Held-out examples used only to measure generalization (benchmarks, datagen).
    pub held_out: Vec<IoExample>,
    /// The function's docstring (constants and operation priors for the search); empty when
    /// unknown.
    #[serde(default)]
    pub description: String,
    /// Parameter types as Python annotations, when the domain resolved them (else empty).
    #[serde(default)]
    pub param_types: Vec<String>,
}

/// Which writer produced a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WriterKind {
    /// The enumerative search.
    Search,
    /// The neural (Latent Programmer) model.
    Neural,
}

/// A program found for a task, rendered as Python.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// The program in the DSL's text form.
    pub program: String,
    /// The program's token ids (the domain's vocabulary).
    pub tokens: Vec<u32>,
    /// Program size (number of DSL nodes) used by the size prior.
    pub size: usize,
    /// Python body, unindented, one statement per line, ending in a `return`.
    pub body: String,
    /// Import lines the body needs (e.g. `import re`).
    pub imports: Vec<String>,
    /// Ranking score, higher is better (log-probability or log-prior).
    pub score: f64,
    /// The writer that produced it.
    pub writer: WriterKind,
}

/// The checks every space makes before reading a function's types: no `*args`/`**kwargs`, at
/// least one example, and each example passing one argument per parameter. `space` prefixes
/// the message.
pub(crate) fn check_call_shape(
    space: &str,
    params: &[Param],
    examples: &[IoExample],
) -> Result<(), NoFit> {
    if let Some(p) = params.iter().find(|p| {
        matches!(
            p.kind,
            crate::spec::ParamKind::VarPositional | crate::spec::ParamKind::VarKeyword
        )
    }) {
        return Err(NoFit(format!(
            "{space}: parameter `{}` is variadic",
            p.name
        )));
    }
    if examples.is_empty() {
        return Err(NoFit(format!("{space}: no examples")));
    }
    if let Some(e) = examples.iter().find(|e| e.inputs.len() != params.len()) {
        return Err(NoFit(format!(
            "{space}: an example passes {} arguments to {} parameters",
            e.inputs.len(),
            params.len()
        )));
    }
    Ok(())
}

/// Why a domain does not fit a function.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NoFit(pub String);

/// A program space with its interpreter, enumerator, tokenizer and Python renderer.
pub trait Domain: Send + Sync {
    /// Short name (`strings`, `lists`).
    fn name(&self) -> &'static str;

    /// Builds a task when the signature and example values fit this domain.
    fn task_for(
        &self,
        params: &[Param],
        return_annotation: Option<&str>,
        examples: &[IoExample],
    ) -> Result<Task, NoFit>;

    /// Enumerative search: consistent programs found before `cancel` fires, best first, at most
    /// `max_solutions`.
    fn search(&self, task: &Task, cancel: &CancelToken, max_solutions: usize) -> Vec<Solution>;

    /// Parses a token sequence (without BOS/EOS) into a rendered solution, if it is a program.
    fn solution_from_tokens(&self, task: &Task, tokens: &[u32]) -> Option<Solution>;

    /// Runs a tokenized program on one input; `None` when it does not parse or fails.
    fn eval_tokens(&self, tokens: &[u32], inputs: &[Value]) -> Option<Value>;

    /// Extra inputs for clustering candidates by behaviour, in the task's input shape.
    fn extra_inputs(&self, task: &Task, seed: u64, n: usize) -> Vec<Vec<Value>>;

    /// Program-token names in id order (`PAD`=0, `BOS`=1, `EOS`=2 first): the neural model's
    /// output vocabulary. Added for the neural writer; empty for a domain without tokens.
    fn token_names(&self) -> Vec<String> {
        Vec::new()
    }

    /// Names of the training-data profiles [`Domain::sample`] accepts, the default first
    /// (strings: `lp`, `exedec`). Empty when the domain has no sampler.
    fn datagen_profiles(&self) -> &'static [&'static str] {
        &[]
    }

    /// Samples one training task from the prior of `profile` (one of
    /// [`Domain::datagen_profiles`]) with `held_out` extra examples in `task.held_out`.
    /// Deterministic given `rng`'s state. `None` when this draw was rejected (the caller draws
    /// again) or the profile is unknown.
    fn sample(
        &self,
        profile: &str,
        rng: &mut rand_chacha::ChaCha8Rng,
        held_out: usize,
    ) -> Option<GeneratedTask> {
        let _ = (profile, rng, held_out);
        None
    }
}

/// Every available domain, in the order they are tried.
pub fn all_domains() -> Vec<Box<dyn Domain>> {
    vec![
        Box::new(strings::StringsDomain),
        Box::new(lists::ListsDomain),
        Box::new(python::PythonDomain),
    ]
}

/// The domain with this name, if any.
pub fn domain_by_name(name: &str) -> Option<Box<dyn Domain>> {
    all_domains().into_iter().find(|d| d.name() == name)
}

/// A task sampled from a domain's prior, with the program that produced it (training data).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeneratedTask {
    /// The program in DSL text.
    pub program: String,
    /// The program's token ids.
    pub tokens: Vec<u32>,
    /// Visible examples and held-out examples.
    pub task: Task,
}

pub mod lists;
pub mod python;
pub mod strings;
