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
    /// The writers finished before the budget without a program consistent with the examples
    /// (a beam search ran to its end, an enumeration reached its size limit).
    Exhausted,
    /// None of the chosen writers can run on the fitting program spaces (e.g. `--engine neural`
    /// without ONNX Runtime or a model); `error` says why.
    WriterUnavailable,
    /// No program space fits the signature and examples.
    NoDomain,
    /// The function has no usable examples.
    NoExamples,
    /// Something failed (interpreter missing, …); see `error`.
    Error,
    /// Cancelled before finishing.
    Cancelled,
    /// Verified candidates exist, but the examples do not single one out (see
    /// `rank::Evidence`): none is offered; `question` asks for the example that settles it.
    Underdetermined,
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
    /// How strongly the examples single out the top candidate, when there are candidates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<crate::rank::Evidence>,
}

use crate::cancel::CancelToken;
use crate::domain::{all_domains, Domain, IoExample, Solution, Task};
use crate::runner::{CheckSuite, RunContext, Runner, RunnerConfig};
use crate::spec::{ExampleKind, ModuleContext, Spec};
use crate::value::Value;
use std::time::Instant;

impl FunctionSynthesis {
    /// The result for `spec` when synthesis could not run or finish: `status` and why.
    pub fn failed(spec: &Spec, status: SynthStatus, why: String) -> Self {
        Self {
            function: spec.name.clone(),
            line: spec.def_range.start.line as usize + 1,
            domain: None,
            status,
            error: Some(why),
            candidates: Vec::new(),
            question: None,
            evidence: None,
        }
    }
}

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
    /// Why this writer cannot write for `domain` at all (no model, no runtime), if so; checked
    /// before synthesis so an unusable writer is not mistaken for a spent budget.
    fn unavailable(&self, _domain: &dyn Domain) -> Option<String> {
        None
    }
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
            if let Some(e) = compared_example(ex, spec) {
                return Some(e);
            }
            if ex.expected_exception.is_some() {
                return None;
            }
            let inputs = literal_args(ex.call.as_ref()?, &spec.params)?;
            let expected = ex.expected.trim();
            // A doctest call that prints nothing returned `None` (`find(users, 'cy')` with no
            // match); the examples must say so or the search fits the others only.
            let output = if expected.is_empty() && ex.kind == ExampleKind::Doctest {
                Value::None
            } else {
                Value::parse_literal(expected).ok()?
            };
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

/// A doctest that compares a call with its result and expects `True` (`>>> f(x) is None` /
/// `True`, `>>> f(x) == 3` / `True`: doctest never prints a `None`, and some write every
/// example so): the call returns that result.
fn compared_example(ex: &crate::spec::Example, spec: &Spec) -> Option<IoExample> {
    if ex.kind != ExampleKind::Doctest || ex.expected.trim() != "True" || ex.call.is_some() {
        return None;
    }
    let source = ex.source.trim();
    let (call, result) = if let Some(call) = source.strip_suffix(" is None") {
        (call, "None")
    } else {
        source.rsplit_once(" == ")?
    };
    let call = crate::spec::calls::example_call_in_snippet(call.trim(), &spec.name, false)?;
    let inputs = literal_args(&call, &spec.params)?;
    let output = Value::parse_literal(result.trim()).ok()?;
    Some(IoExample { inputs, output })
}

/// A call's positional arguments as values; `None` with keyword arguments or a non-literal.
/// The values a call passes, one per parameter: positional arguments, then keyword arguments
/// by name, then the defaults of the parameters it leaves out (`safe_int('42')` for
/// `def safe_int(value, default=0)`). `None` when an argument is not a literal or the call
/// does not fit the signature; a call that leaves out a parameter without a default keeps
/// only its own arguments, so that the domains say how many it passes.
fn literal_args(
    call: &crate::spec::ExampleCall,
    params: &[crate::spec::Param],
) -> Option<Vec<Value>> {
    use crate::spec::ParamKind;
    let positional: Vec<Value> = call
        .args
        .iter()
        .map(|a| Value::parse_literal(a).ok())
        .collect::<Option<_>>()?;
    let variadic = params
        .iter()
        .any(|p| matches!(p.kind, ParamKind::VarPositional | ParamKind::VarKeyword));
    if variadic || positional.len() > params.len() {
        return call.kwargs.is_empty().then_some(positional);
    }
    let mut slots: Vec<Option<Value>> = vec![None; params.len()];
    for (i, v) in positional.into_iter().enumerate() {
        if params[i].kind == ParamKind::KeywordOnly {
            return None;
        }
        slots[i] = Some(v);
    }
    for (name, source) in &call.kwargs {
        let i = params
            .iter()
            .position(|p| p.name == *name && p.kind != ParamKind::PositionalOnly)?;
        if slots[i].is_some() {
            return None;
        }
        slots[i] = Some(Value::parse_literal(source).ok()?);
    }
    let mut out = Vec::with_capacity(params.len());
    for (slot, p) in slots.iter().zip(params) {
        match (slot, &p.default) {
            (Some(v), _) => out.push(v.clone()),
            (None, Some(d)) => out.push(Value::parse_literal(d).ok()?),
            (None, None) if call.kwargs.is_empty() => {
                return Some(slots.iter().map_while(Clone::clone).collect())
            }
            (None, None) => return None,
        }
    }
    Some(out)
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
        Value::Set(_) => "set",
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

/// Every domain that fits the spec and its examples, with its task (the docstring's prose and
/// the function's name as its description); otherwise one line saying why none does.
pub fn select_domains<'d>(
    domains: &'d [Box<dyn Domain>],
    spec: &Spec,
    examples: &[IoExample],
) -> Result<Vec<(&'d dyn Domain, Task)>, String> {
    let mut reasons = Vec::new();
    let mut out = Vec::new();
    let description = format!(
        "{}\n{}",
        spec.docstring
            .as_ref()
            .map(|d| d.prose.as_str())
            .unwrap_or(""),
        // As written: readers split it at `_` (`Intents`, `description_words`, the cost table's
        // word starts), and digits inside it (`weight_9`, `log2`) are no stated numbers.
        spec.name
    );
    for d in domains {
        match d.task_for(&spec.params, spec.return_annotation.as_deref(), examples) {
            Ok(mut task) => {
                task.description = description.clone();
                out.push((d.as_ref(), task));
            }
            Err(e) => reasons.push(e.0),
        }
    }
    if out.is_empty() {
        return Err(format!(
            "no program space for {} yet ({})",
            shape_of(spec, examples),
            reasons.join("; ")
        ));
    }
    Ok(out)
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
    /// Index into the fitting domains.
    domain: usize,
    /// Cross-domain ranking cost and rendered tokens (lower first).
    rank: (f64, usize),
    /// Intents of the description ([`crate::intent`]) its behaviour leaves out: those its
    /// cluster's cheapest program leaves out, so that `list(accumulate(xs, max))[0]` does not
    /// cover "largest" for the behaviour of `xs[0]`.
    uncovered: f64,
    /// As `uncovered`, a sort key left out not counted: what a costlier program of the same
    /// behaviour may cover to represent it (`WORDED_SLACK`). A key the examples cannot tell
    /// from the elements' own order (`key=lambda item: item[0]` beside `sorted(items)`) does
    /// not make "by price".
    uncovered_but_key: f64,
    /// Share of the extra inputs (drawn like the user's) on which it raises.
    raise_share: f64,
}

impl Found {
    /// The ranking cost with the charge for left-out intents.
    fn cost(&self) -> f64 {
        self.rank.0 + UNCOVERED_INTENT_COST * self.uncovered
    }

    /// Order of the ranking: cost; at equal cost, raising on fewer of the extra inputs
    /// (`int(re.findall(r'\d+', version)[0])` before `int(version[-1]) * 2 + 2`), then fewer
    /// rendered tokens.
    fn order(&self, other: &Found) -> std::cmp::Ordering {
        let excess = |f: &Found| (f.raise_share - FREE_RAISE_SHARE).max(0.0);
        self.cost()
            .total_cmp(&other.cost())
            .then(excess(self).total_cmp(&excess(other)))
            .then(self.rank.1.cmp(&other.rank.1))
    }
}

/// Raising on a few extra inputs is no sign (a zero divisor, an empty list).
const FREE_RAISE_SHARE: f64 = 0.125;

/// A text's format: digit runs read as `9`, letter runs as `a`, other characters kept
/// (`'09:15'` → `9:9`).
fn text_format(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let k = if c.is_ascii_digit() {
            '9'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if !(matches!(k, '9' | 'a') && out.ends_with(k)) {
            out.push(k);
        }
    }
    out
}

/// Which extra inputs are in the examples' format: for each text parameter whose examples all
/// share one format with digits and a separator (a time, a date, a version), the extra input's
/// text has that format. Where no parameter has such a format, every input is.
fn formatted_inputs(examples: &[IoExample], extra: &[Vec<Value>]) -> Vec<bool> {
    let arity = examples.first().map_or(0, |e| e.inputs.len());
    let formats: Vec<(usize, String)> = (0..arity)
        .filter_map(|j| {
            let mut shared: Option<String> = None;
            for e in examples {
                let Some(Value::Str(s)) = e.inputs.get(j) else {
                    return None;
                };
                let f = text_format(s);
                match &shared {
                    Some(g) if *g != f => return None,
                    _ => shared = Some(f),
                }
            }
            let f = shared?;
            let separated = f
                .chars()
                .any(|c| !c.is_alphanumeric() && !c.is_whitespace());
            (f.contains('9') && separated).then_some((j, f))
        })
        .collect();
    extra
        .iter()
        .map(|inp| {
            formats.iter().all(|(j, f)| match inp.get(*j) {
                Some(Value::Str(s)) => text_format(s) == *f,
                _ => false,
            })
        })
        .collect()
}

/// Lowercase words of a description (identifiers split at `_`).
fn description_words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.len() >= 3)
        .map(str::to_lowercase)
        .collect();
    w.sort();
    w.dedup();
    w
}

/// What the ranking knows about the function: its description's words and the constants the
/// description explains (quoted strings, numbers, "vowels" → `'aeiou'`, ...).
pub struct RankContext {
    words: Vec<String>,
    explained: Vec<String>,
    intents: crate::intent::Intents,
    /// Cases the description states that read as examples ("or -1 for an empty list"): a
    /// program meets such a stated result by its behaviour there, not by its literals.
    stated: Vec<crate::domain::python::StatedCase>,
    /// Examples the description's invariances imply ("ignoring case": an example with its
    /// text's case swapped): a program that breaks one leaves the rule out.
    invariant: Vec<IoExample>,
    /// The integers the description states ("more than two", "at least 8").
    numbers: Vec<i64>,
}

impl RankContext {
    /// From a task description (docstring prose and function name).
    pub fn new(description: &str) -> RankContext {
        RankContext {
            words: description_words(description),
            explained: crate::domain::python::explained_constants(description),
            intents: crate::intent::Intents::from_description(description),
            stated: Vec::new(),
            invariant: Vec::new(),
            numbers: crate::domain::python::stated_numbers(description),
        }
    }

    /// From a task: its description, and the regular expressions the examples' inputs
    /// generalize to (a pattern learned from them is no constant copied from the outputs).
    pub(crate) fn for_task(task: &Task) -> RankContext {
        let mut ctx = RankContext::new(&task.description);
        ctx.intents = std::mem::take(&mut ctx.intents).reading_fields(&task.examples);
        // A field the description names is an explained literal (`user['active']`).
        let fields: Vec<String> = ctx
            .intents
            .fields()
            .iter()
            .map(|k| format!("'{k}'"))
            .collect();
        ctx.explained.extend(fields);
        ctx.explained
            .extend(crate::domain::python::explained_patterns(task));
        ctx.explained
            .extend(crate::domain::python::explained_op_patterns(
                &task.description,
            ));
        ctx.stated = crate::domain::python::stated_cases(
            &task.description,
            &task.param_names,
            &task.examples,
        );
        ctx.invariant =
            crate::domain::python::invariance_examples(&task.description, &task.examples);
        ctx
    }

    /// The intents a program leaves out ([`crate::intent::Intents::missing`]); `meets` tells
    /// whether it gives a stated case's result (evaluated, not read from its literals), and a
    /// stated case it does not meet is one more left out.
    fn missing(&self, body: &str, meets: impl Fn(&IoExample) -> bool) -> Vec<&'static str> {
        let settled: Vec<crate::intent::StatedResult> =
            self.stated.iter().map(|c| c.result.clone()).collect();
        let mut missing = self.intents.missing_settled(body, &settled);
        for case in &self.stated {
            if !meets(&case.example) {
                missing.push("stated-case");
            }
        }
        if self.invariant.iter().any(|e| !meets(e)) {
            missing.push("invariance");
        }
        missing
    }
}

/// Tokens of a Python expression, string literals and constants picked out (rough lexer:
/// identifiers, numbers, strings, operator runs, brackets).
fn lex(body: &str) -> (usize, Vec<String>, Vec<String>) {
    let mut tokens = 0usize;
    let mut idents = Vec::new();
    let mut literals = Vec::new();
    let cs: Vec<char> = body.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < cs.len()
                && (cs[i].is_alphanumeric()
                    || cs[i] == '_'
                    || cs[i] == '.' && cs[start].is_ascii_digit())
            {
                i += 1;
            }
            let word: String = cs[start..i].iter().collect();
            if word.starts_with(|d: char| d.is_ascii_digit()) {
                literals.push(word);
            } else {
                idents.push(word);
            }
            tokens += 1;
        } else if c == '\'' || c == '"' {
            let start = i + 1;
            i += 1;
            while i < cs.len() && cs[i] != c {
                if cs[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            literals.push(format!(
                "'{}'",
                cs[start..i.min(cs.len())].iter().collect::<String>()
            ));
            i += 1;
            tokens += 1;
        } else if "=<>!*/%&|^~".contains(c) {
            while i < cs.len() && "=<>!*/%&|^~".contains(cs[i]) {
                i += 1;
            }
            tokens += 1;
        } else {
            i += 1;
            tokens += 1;
        }
    }
    (tokens, idents, literals)
}

/// How many of `params` a body never mentions.
fn unused_params(body: &str, params: &[String]) -> usize {
    params
        .iter()
        .filter(|p| {
            !body
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| w == p.as_str())
        })
        .count()
}

/// The ranking cost of a candidate, lower is better, in the python space's cost units: the
/// search cost of a python-space program (its grammar prior with the docstring's hints), the
/// rendered size for the other spaces; plus penalties for unused parameters, unexplained
/// constants and statement bodies. Ties go to the shorter rendering. (Each intent of the
/// description a behaviour leaves out is charged per cluster: see [`Found::cost`].)
pub fn rank_cost(
    s: &Solution,
    from_python_space: bool,
    param_names: &[String],
    ctx: &RankContext,
) -> (f64, usize) {
    let lines = s
        .body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
        .max(1);
    let body = s.body.trim().trim_start_matches("return ");
    let (tokens, idents, literals) = lex(body);
    let unused = unused_params(&s.body, param_names);
    let unexplained = literals
        .iter()
        .filter(|l| {
            let plain = l.trim_matches('\'');
            !matches!(plain, "0" | "1" | "2" | "" | " ")
                && !ctx.explained.iter().any(|e| e == *l || e == plain)
        })
        .count()
        + unstated_thresholds(body, &ctx.numbers);
    // Keywords and constants ("Return True if ...") share words with every docstring.
    const KEYWORDS: &[&str] = &[
        "True", "False", "None", "and", "or", "not", "in", "is", "if",
    ];
    // Operators the description names in words ("rotate the bits": `<<`).
    const OPERATOR_WORDS: &[(&str, &[&str])] = &[
        ("<<", &["bit", "shift"]),
        (">>", &["bit", "shift"]),
        ("**", &["power", "square", "cube", "exponent"]),
        ("//", &["floor", "quotient"]),
        (" % ", &["remainder", "modulo", "modulus"]),
        (" ^ ", &["xor"]),
    ];
    let named_operators = OPERATOR_WORDS
        .iter()
        .filter(|(op, stems)| {
            body.contains(op)
                && stems
                    .iter()
                    .any(|s| ctx.words.iter().any(|w| w.starts_with(s)))
        })
        .count();
    let shared = (idents
        .iter()
        .filter(|i| !KEYWORDS.contains(&i.as_str()))
        .filter(|i| ctx.words.iter().any(|w| *w == i.to_lowercase()))
        .count()
        + named_operators)
        .min(3);
    let base = if from_python_space {
        -s.score
    } else {
        tokens as f64 / 1.3 + 2.0 * (lines - 1) as f64 + s.imports.len() as f64
    };
    (
        base + 3.0 * unused as f64 + 2.0 * unexplained as f64 - 0.3 * shared as f64,
        tokens,
    )
}

/// Order comparisons with 2 where the description states no 2 (`len(set(items)) > 2` for
/// "appears more than once"): the examples' threshold, not the description's (`month == 2`
/// names a value, and is not counted). Numbers other
/// than 0, 1 and 2 count as unexplained literals anyway.
fn unstated_thresholds(body: &str, stated: &[i64]) -> usize {
    if stated.contains(&2) {
        return 0;
    }
    // Tokens: numbers, names, and runs of operator characters.
    let mut tokens: Vec<&str> = Vec::new();
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        } else if c.is_alphanumeric() || c == '_' || c == '.' {
            rest.find(|d: char| !(d.is_alphanumeric() || d == '_' || d == '.'))
                .unwrap_or(rest.len())
        } else if "<>=!+-*/%".contains(c) {
            rest.find(|d: char| !"<>=!+-*/%".contains(d))
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        tokens.push(&rest[..len]);
        rest = &rest[len..];
    }
    let comparison = |t: Option<&&str>| t.is_some_and(|t| matches!(*t, "<" | ">" | "<=" | ">="));
    let arithmetic = |t: Option<&&str>| {
        t.is_some_and(|t| matches!(*t, "+" | "-" | "*" | "/" | "//" | "%" | "**"))
    };
    (0..tokens.len())
        .filter(|&i| tokens[i] == "2")
        .filter(|&i| {
            let before = i.checked_sub(1).and_then(|j| tokens.get(j));
            let after = tokens.get(i + 1);
            (comparison(before) && !arithmetic(after)) || (comparison(after) && !arithmetic(before))
        })
        .count()
}

/// Ranking cost of leaving out one intent the description names: about one operation and its
/// argument, so "the second largest" prefers `sorted(nums)[-2]` to `nums[0]`.
const UNCOVERED_INTENT_COST: f64 = 4.0;

/// How much costlier than its cluster's cheapest program one that covers more of the
/// description may be and still represent the behaviour: one operation (the `sorted(...)`
/// variant of a selection), less than the no-op wrappers that only borrow words
/// (`f'{n:b}'.split()[0]`, `list(accumulate(nums, max))[0]`).
const WORDED_SLACK: f64 = 1.0;

/// Called with a verified result while other writers (the neural model, a slower domain's
/// search) still run; the final result, with every writer's candidates, is returned as usual.
pub type EarlyResult<'a> = &'a mut dyn FnMut(&FunctionSynthesis);

/// How the writers of one synthesis run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WriterSchedule {
    /// One after another in each domain (earlier writers get half of what is left).
    Sequential,
    /// The neural model on its own thread beside the search, each with the whole budget.
    Concurrent,
}

/// What synthesizing one function needs (the CLI, the benches and the language server).
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

/// What one writer (or, sequentially, all writers) produced for one domain.
struct WriterBatch {
    domain: usize,
    solutions: Vec<(Solution, u64)>,
}

/// Synthesizes one function: examples → domain → writers → consistency check → clusters by
/// behaviour on extra inputs → Python check of the cluster representatives in `runner`.
pub fn synthesize_with(
    request: &SynthRequest<'_>,
    domains: &[Box<dyn Domain>],
    writers: &[&dyn Writer],
    runner: &mut Runner,
    cancel: &CancelToken,
) -> FunctionSynthesis {
    synthesize_staged(request, domains, writers, runner, cancel, None)
}

/// [`synthesize_with`], and with `early` the neural model decodes beside the search (each with
/// the whole budget): whenever a domain's search or the model delivers new candidates while
/// other writers still run, the candidates so far are checked and, when some verify and differ
/// from the last offer, `early` gets that result (what an editor can offer at once). The
/// returned result checks and ranks every writer's candidates.
pub fn synthesize_staged(
    request: &SynthRequest<'_>,
    domains: &[Box<dyn Domain>],
    writers: &[&dyn Writer],
    runner: &mut Runner,
    cancel: &CancelToken,
    mut early: Option<EarlyResult<'_>>,
) -> FunctionSynthesis {
    let &SynthRequest {
        source,
        spec,
        context,
        config,
    } = request;
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
        evidence: None,
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
    let fitting = match select_domains(domains, spec, &examples) {
        Ok(x) => x,
        Err(why) => {
            result.status = SynthStatus::NoDomain;
            result.error = Some(why);
            return result;
        }
    };
    result.domain = Some(
        fitting
            .iter()
            .map(|(d, _)| d.name())
            .collect::<Vec<_>>()
            .join("+"),
    );
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
    let unusable: Vec<String> = fitting
        .iter()
        .flat_map(|(domain, _)| {
            let reasons: Vec<String> = active
                .iter()
                .filter_map(|w| w.unavailable(*domain))
                .map(|why| format!("{}: {why}", domain.name()))
                .collect();
            // Only spaces where every active writer is unusable count.
            if reasons.len() == active.len() {
                reasons
            } else {
                Vec::new()
            }
        })
        .collect();
    if active.is_empty() || unusable.len() >= fitting.len() * active.len() {
        result.status = SynthStatus::WriterUnavailable;
        result.error = Some(if active.is_empty() {
            format!("no {:?} writer is available", config.engine).to_lowercase()
        } else {
            format!("no writer can run: {}", unusable.join("; "))
        });
        return result;
    }
    let rank_ctx = RankContext::for_task(&fitting[0].1);
    // A program that ignores a parameter (other than one redundant with another, like a
    // length) is almost never the intended one: it is not offered.
    let optional = crate::domain::python::optional_params(&fitting[0].1);
    let required: Vec<String> = fitting[0]
        .1
        .param_names
        .iter()
        .filter(|p| !optional.contains(p))
        .cloned()
        .collect();
    let has_neural = active.iter().any(|w| w.kind() == WriterKind::Neural);
    let has_fast = active.iter().any(|w| w.kind() != WriterKind::Neural);
    let schedule = if early.is_some() && has_neural && has_fast {
        WriterSchedule::Concurrent
    } else {
        WriterSchedule::Sequential
    };
    let verifier = Verifier {
        source,
        spec,
        context,
        config,
        fitting: &fitting,
        required: &required,
        rank_ctx: &rank_ctx,
        examples: &examples,
        cancel,
        budget: &budget,
        start,
    };
    // The research DSLs (fast on their tasks) go first; the python space, which fits every
    // function, takes what is left. Every fitting space searches at once, each with the whole
    // budget (the research DSLs stay as fast as alone on their tasks; the python space is not
    // starved by a DSL that cannot express the function). The python space leaves the CPU to
    // the research DSLs' fast writers until they finish or half the budget has passed.
    let dsl_running = std::sync::atomic::AtomicUsize::new(
        fitting.iter().filter(|(d, _)| d.name() != "python").count(),
    );
    let half = config.budget / 2;
    let (tx, rx) = std::sync::mpsc::channel::<WriterBatch>();
    let expected_batches = match schedule {
        WriterSchedule::Sequential => fitting.len(),
        // Each neural writer's batch, and one of the fast writers together, per domain.
        WriterSchedule::Concurrent => {
            let neural = active
                .iter()
                .filter(|w| w.kind() == WriterKind::Neural)
                .count();
            fitting.len() * (neural + 1)
        }
    };
    std::thread::scope(|scope| {
        for (di, (domain, task)) in fitting.iter().enumerate() {
            let budget = &budget;
            let active = &active;
            let dsl_running = &dsl_running;
            let tx = tx.clone();
            scope.spawn(move || {
                let is_python = domain.name() == "python";
                let dsl_done = || {
                    if !is_python {
                        dsl_running.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
                    }
                };
                let wait_for_dsls = || {
                    while is_python
                        && dsl_running.load(std::sync::atomic::Ordering::Acquire) > 0
                        && start.elapsed() < half
                        && !budget.is_cancelled()
                    {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                };
                let stamp = |sols: Vec<Solution>| -> Vec<(Solution, u64)> {
                    let ms = start.elapsed().as_millis() as u64;
                    sols.into_iter().map(|s| (s, ms)).collect()
                };
                match schedule {
                    WriterSchedule::Sequential => {
                        wait_for_dsls();
                        let mut out: Vec<(Solution, u64)> = Vec::new();
                        for (i, w) in active.iter().enumerate() {
                            if budget.is_cancelled() {
                                break;
                            }
                            // Earlier writers get half of what is left; the last one the rest.
                            let share = if i + 1 < active.len() {
                                budget.remaining().map(|r| r / 2)
                            } else {
                                budget.remaining()
                            };
                            let token = match share {
                                Some(s) => budget.child_with_budget(s),
                                None => budget.clone(),
                            };
                            out.extend(stamp(w.write(*domain, task, &token, want)));
                        }
                        dsl_done();
                        let _ = tx.send(WriterBatch {
                            domain: di,
                            solutions: out,
                        });
                    }
                    WriterSchedule::Concurrent => {
                        // The neural model decodes beside the search; the fast writers run
                        // one after another on this thread.
                        let fast: Vec<&dyn Writer> = active
                            .iter()
                            .copied()
                            .filter(|w| w.kind() != WriterKind::Neural)
                            .collect();
                        std::thread::scope(|inner| {
                            for w in active.iter().filter(|w| w.kind() == WriterKind::Neural) {
                                let tx = tx.clone();
                                inner.spawn(move || {
                                    lower_thread_priority();
                                    let sols = if budget.is_cancelled() {
                                        Vec::new()
                                    } else {
                                        w.write(*domain, task, budget, want)
                                    };
                                    let _ = tx.send(WriterBatch {
                                        domain: di,
                                        solutions: stamp(sols),
                                    });
                                });
                            }
                            wait_for_dsls();
                            let mut out: Vec<(Solution, u64)> = Vec::new();
                            for w in &fast {
                                if budget.is_cancelled() {
                                    break;
                                }
                                out.extend(stamp(w.write(*domain, task, budget, want)));
                            }
                            dsl_done();
                            let _ = tx.send(WriterBatch {
                                domain: di,
                                solutions: out,
                            });
                        });
                    }
                }
            });
        }
        drop(tx);
        let mut per_domain: Vec<Vec<(Solution, u64)>> = vec![Vec::new(); fitting.len()];
        let mut received = 0usize;
        // The programs of the last result offered early (offered again only when they change).
        let mut offered: Option<Vec<String>> = None;
        while received < expected_batches {
            let Ok(batch) = rx.recv() else {
                break; // a writer thread panicked; verify what came in
            };
            received += 1;
            let new = !batch.solutions.is_empty();
            per_domain[batch.domain].extend(batch.solutions);
            // A domain's search (or the model) is in while others still run: check and offer.
            let Some(offer) = early.as_mut() else {
                continue;
            };
            if new && received < expected_batches {
                let partial = verifier.verify(&per_domain, runner, result.clone());
                let programs: Vec<String> = partial
                    .candidates
                    .iter()
                    .map(|c| c.program.clone())
                    .collect();
                if partial.status == SynthStatus::Solved && offered.as_ref() != Some(&programs) {
                    offer(&partial);
                    offered = Some(programs);
                }
            }
        }
        verifier.verify(&per_domain, runner, result)
    })
}

/// Lowers the calling thread's CPU priority (nice +10) so that on a busy machine the search and
/// the Python check beside it get the cores first; threads it starts afterwards (ONNX Runtime's
/// pool, created when a model first loads) inherit it.
fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: `gettid` and `setpriority` on the calling thread only change its scheduling.
    unsafe {
        // Best effort: a refusal only leaves the priority as it was.
        let tid = libc::gettid();
        let _ = libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// Everything checking and ranking the writers' candidates needs (run at the end, and for each
/// early offer).
struct Verifier<'a, 'd> {
    source: &'a str,
    spec: &'a Spec,
    context: &'a ModuleContext,
    config: &'a SynthConfig,
    fitting: &'a [(&'d dyn Domain, Task)],
    required: &'a [String],
    rank_ctx: &'a RankContext,
    examples: &'a [IoExample],
    cancel: &'a CancelToken,
    budget: &'a CancelToken,
    start: Instant,
}

impl Verifier<'_, '_> {
    /// Consistency check, clustering by behaviour on extra inputs, Python check of the cluster
    /// representatives, ranking; `result` holds what is known so far (function, line, domain).
    fn verify(
        &self,
        per_domain: &[Vec<(Solution, u64)>],
        runner: &mut Runner,
        mut result: FunctionSynthesis,
    ) -> FunctionSynthesis {
        let Verifier {
            source,
            spec,
            context,
            config,
            fitting,
            required,
            rank_ctx,
            examples,
            cancel,
            budget,
            start,
        } = *self;
        let mut found: Vec<Found> = Vec::new();
        for (di, ((domain, task), sols)) in fitting.iter().zip(per_domain).enumerate() {
            for (s, elapsed_ms) in sols.iter().cloned() {
                let consistent = task
                    .examples
                    .iter()
                    .all(|e| domain.eval_tokens(&s.tokens, &e.inputs).as_ref() == Some(&e.output));
                if consistent && unused_params(&s.body, required) == 0 {
                    let rank =
                        rank_cost(&s, domain.name() == "python", &task.param_names, rank_ctx);
                    // A program found twice (under a guard and without, or as a variant)
                    // ranks at its cheaper cost.
                    if let Some(f) = found
                        .iter_mut()
                        .find(|f| f.domain == di && f.solution.program == s.program)
                    {
                        if rank.0 < f.rank.0 {
                            f.rank = rank;
                            f.solution = s;
                            f.elapsed_ms = elapsed_ms;
                        }
                        continue;
                    }
                    let missing = rank_ctx.missing(&s.body, |e| {
                        domain.eval_tokens(&s.tokens, &e.inputs).as_ref() == Some(&e.output)
                    });
                    let weigh = |key: bool| -> f64 {
                        missing
                            .iter()
                            .filter(|m| key || **m != "sort-key")
                            .map(|m| crate::intent::weight(m))
                            .sum()
                    };
                    let (uncovered, uncovered_but_key) = (weigh(true), weigh(false));
                    found.push(Found {
                        solution: s,
                        elapsed_ms,
                        domain: di,
                        rank,
                        uncovered,
                        uncovered_but_key,
                        raise_share: 0.0,
                    });
                }
            }
        }
        if found.is_empty() {
            // No deadline counts as time left.
            let budget_left = !budget.remaining().is_some_and(|r| r.is_zero());
            result.status = if cancel.is_cancelled() && budget_left {
                SynthStatus::Cancelled
            } else if budget_left && !budget.is_cancelled() {
                SynthStatus::Exhausted
            } else {
                SynthStatus::BudgetSpent
            };
            let space = result.domain.as_deref().unwrap_or("?");
            result.error = Some(if result.status == SynthStatus::Exhausted {
                format!(
                    "the writers finished in {} ms without a {space} program consistent with the examples",
                    start.elapsed().as_millis()
                )
            } else {
                format!(
                    "no {space} program found for the examples within {} ms",
                    config.budget.as_millis()
                )
            });
            return result;
        }
        // One ranking across domains: the program a reviewer would write first.
        found.sort_by(|a, b| a.rank.0.total_cmp(&b.rank.0).then(a.rank.1.cmp(&b.rank.1)));
        // Cluster by behaviour on extra inputs (drawn once, in the task's input shape, by the
        // space that fits every function when it fits); keep the best candidate of each cluster.
        let (gen_domain, gen_task) = fitting
            .iter()
            .find(|(d, _)| d.name() == "python")
            .unwrap_or(&fitting[0]);
        let extra = gen_domain.extra_inputs(gen_task, 0, 32);
        // Every consistent program's outputs on the extra inputs: its behaviour.
        let behaviours: Vec<Vec<Option<Value>>> = found
            .iter()
            .map(|f| {
                let domain = fitting[f.domain].0;
                extra
                    .iter()
                    .map(|inp| domain.eval_tokens(&f.solution.tokens, inp))
                    .collect()
            })
            .collect();
        // Where every example gives one result, a program that gives it for every input is
        // that constant in disguise (`len((a, b))` for a count that is 2 in both examples).
        let (mut found, behaviours) = drop_disguised_constants(examples, found, behaviours);
        if found.is_empty() {
            result.status = SynthStatus::Underdetermined;
            result.error = Some(format!(
                "every example returns {}, and every program found returns it for any input: add an example with a different result",
                examples.first().map_or(String::new(), |e| e.output.to_python_repr())
            ));
            return result;
        }
        let mut signatures: Vec<&Vec<Option<Value>>> = Vec::new();
        let mut cluster_sizes: Vec<usize> = Vec::new();
        let mut reps: Vec<(usize, usize)> = Vec::new(); // (found index, cluster)
        let mut cluster_of: Vec<usize> = Vec::with_capacity(behaviours.len());
        for (i, sig) in behaviours.iter().enumerate() {
            match signatures.iter().position(|s| *s == sig) {
                Some(c) => {
                    cluster_sizes[c] += 1;
                    cluster_of.push(c);
                }
                None => {
                    signatures.push(sig);
                    cluster_sizes.push(1);
                    cluster_of.push(signatures.len() - 1);
                    reps.push((i, signatures.len() - 1));
                }
            }
        }
        // The pragmatic listener over every consistent program's behaviour.
        let rsa = crate::rank::rsa_scores(&behaviours);
        // Raising counts only on extra inputs in the examples' format, where the examples
        // fix one ('09:15': `int(t.split(':')[0])` may raise on `'9x'`).
        let in_format = formatted_inputs(examples, &extra);
        let formatted = |b: &[Option<Value>]| -> Vec<Option<Value>> {
            b.iter()
                .zip(&in_format)
                .filter(|(_, keep)| **keep)
                .map(|(o, _)| o.clone())
                .collect()
        };
        for (f, b) in found.iter_mut().zip(&behaviours) {
            f.raise_share = crate::rank::behaviour_shares(&formatted(b)).1;
        }
        // A behaviour is represented by the program that leaves out the fewest intents of the
        // description among those within `WORDED_SLACK` of its cheapest (`target.lower() ==
        // word.lower()` for "ignoring case", not `word == target.title()`, which behaves alike
        // on the extra inputs; `sorted(k for k in a if k in b)` for "sorted" when every
        // example has one common key), then by cost. A much costlier program does not lend its
        // words to a behaviour (`f'{n:b}'.split()[0]` is no "without prefix", `sorted(items,
        // key=lambda item: item[0])` no "by price"). The behaviour covers the intents its
        // representative covers.
        let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); signatures.len()];
        for (i, &c) in cluster_of.iter().enumerate() {
            members_of[c].push(i);
        }
        for rep in reps.iter_mut() {
            let members = std::mem::take(&mut members_of[rep.1]);
            let cheapest = members
                .iter()
                .map(|&i| found[i].rank.0)
                .fold(f64::INFINITY, f64::min);
            let best = members
                .into_iter()
                .filter(|&i| found[i].rank.0 <= cheapest + WORDED_SLACK)
                .min_by(|&a, &b| {
                    found[a]
                        .uncovered_but_key
                        .total_cmp(&found[b].uncovered_but_key)
                        .then(found[a].rank.0.total_cmp(&found[b].rank.0))
                        .then(found[a].uncovered.total_cmp(&found[b].uncovered))
                        .then(a.cmp(&b))
                });
            if let Some(best) = best {
                rep.0 = best;
            }
        }
        let rep_uncovered: Vec<f64> = cluster_of
            .iter()
            .map(|&c| {
                reps.iter()
                    .find(|&&(_, k)| k == c)
                    .map_or(0.0, |&(r, _)| found[r].uncovered)
            })
            .collect();
        for (f, u) in found.iter_mut().zip(rep_uncovered) {
            f.uncovered = u;
        }
        reps.sort_by(|a, b| found[a.0].order(&found[b.0]));
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
        // Quoted instances of data ("as in 'Inbox (3)'") explain no literal.
        let docstring = crate::domain::python::without_instances(
            spec.docstring.as_ref().map_or("", |d| d.cleaned.as_str()),
        );
        let docstring = docstring.as_str();
        let inputs: Vec<Vec<Value>> = examples.iter().map(|e| e.inputs.clone()).collect();
        let text_context = crate::rank::TextContext {
            params: &params,
            docstring,
            inputs: &inputs,
            explained: &rank_ctx.explained,
        };
        let best_cost = reps
            .iter()
            .map(|&(i, _)| found[i].cost())
            .fold(f64::INFINITY, f64::min);
        let best_rsa = rsa.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let ranker = crate::rank::shipped_ranker();
        let mut verified: Vec<(CheckedCandidate, usize)> = Vec::new();
        for ((&(i, cluster), (code, body, _)), report) in reps.iter().zip(built).zip(reports) {
            if !report.passed() {
                continue;
            }
            let f = &found[i];
            let mut features =
                crate::rank::text_features(&body, &f.solution.imports, &text_context);
            features.dsl_size = f.solution.size as f64;
            // The cross-domain ranking cost, as a score relative to the best (≤ 0).
            features.relative_score = best_cost - f.cost();
            features.neural = f64::from(u8::from(f.solution.writer == WriterKind::Neural));
            features.cluster_size = (1.0 + cluster_sizes[cluster] as f64).ln();
            features.rsa = rsa[i] - best_rsa;
            features.true_share = crate::rank::behaviour_shares(&behaviours[i]).0;
            features.raise_share = f.raise_share;
            let generalization_logit = ranker.map(|r| r.logit(&features));
            verified.push((
                CheckedCandidate {
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
                },
                i,
            ));
        }
        // The learned ranker orders the verified candidates when shipped; else the cross-domain
        // ranking stands.
        if ranker.is_some() {
            verified.sort_by(|a, b| {
                b.0.generalization_logit
                    .unwrap_or(0.0)
                    .total_cmp(&a.0.generalization_logit.unwrap_or(0.0))
            });
        }
        verified.truncate(config.top_k.max(1));
        for (k, (c, _)) in verified.iter_mut().enumerate() {
            c.rank = k + 1;
        }
        result.question = question_for(&spec.name, examples, &extra, &verified, &found, fitting);
        result.evidence = verified.first().map(|(c, i)| {
            // Belief in each consistent program, e^-cost relative to the best.
            let weight = |f: &Found| (best_cost - f.cost()).min(0.0).exp();
            let total: f64 = found.iter().map(weight).sum();
            let mine: f64 = found
                .iter()
                .zip(&cluster_of)
                .filter(|(_, &k)| k == c.cluster)
                .map(|(f, _)| weight(f))
                .sum();
            // What the behaviour's cheapest program (this candidate: each verified candidate is
            // its cluster's representative) leaves out of the description.
            let (domain, _) = fitting[found[*i].domain];
            let missing = rank_ctx.missing(&found[*i].solution.body, |e| {
                domain
                    .eval_tokens(&found[*i].solution.tokens, &e.inputs)
                    .as_ref()
                    == Some(&e.output)
            });
            let pairs: Vec<(Vec<Value>, Value)> = examples
                .iter()
                .map(|e| (e.inputs.clone(), e.output.clone()))
                .collect();
            crate::rank::Evidence {
                examples: examples.len(),
                example_bits: crate::rank::example_bits(&pairs),
                program_cost: found[*i].cost(),
                top_share: if total > 0.0 { mine / total } else { 1.0 },
                magic_offsets: c.features.magic_offsets,
                unexplained_constants: c.features.unexplained_constants,
                intents: rank_ctx.intents.len(),
                missing_intents: missing.iter().map(|m| m.to_string()).collect(),
            }
        });
        // The evidence test is calibrated on the python space's costs and literals (a research
        // DSL's cost is its rendered size, and its regular expressions are literals by nature).
        let top_from_python = verified
            .first()
            .is_some_and(|(_, i)| fitting[found[*i].domain].0.name() == "python");
        result.candidates = verified.into_iter().map(|(c, _)| c).collect();
        let weak = result.evidence.as_ref().is_some_and(|e| {
            if top_from_python {
                e.is_weak()
            } else {
                e.is_offset_fit()
            }
        });
        if weak {
            result.status = SynthStatus::Underdetermined;
            result.error = Some(
                "the examples do not single out one program; add an example (see the question)"
                    .to_string(),
            );
            return result;
        }
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
}

/// Where the examples all give one result, the programs (each with its behaviour) less those
/// whose outputs on the extra inputs are one value wherever they do not raise: constants in
/// disguise. The python search drops its own (`SearchInput::probes`); this covers every
/// program space. Otherwise every program.
fn drop_disguised_constants(
    examples: &[IoExample],
    found: Vec<Found>,
    behaviours: Vec<Vec<Option<Value>>>,
) -> (Vec<Found>, Vec<Vec<Option<Value>>>) {
    let one_result = examples.len() >= 2 && examples.iter().all(|e| e.output == examples[0].output);
    if !one_result {
        return (found, behaviours);
    }
    let constant = |b: &[Option<Value>]| {
        let mut outs = b.iter().flatten();
        let first = outs.next();
        outs.all(|o| Some(o) == first)
    };
    found
        .into_iter()
        .zip(behaviours)
        .filter(|(_, b)| !constant(b))
        .unzip()
}

/// The input that best splits the verified candidates (user-like inputs first, then the
/// clustering inputs), each candidate weighted by its standing in the ranking.
fn question_for(
    function: &str,
    examples: &[IoExample],
    extra: &[Vec<Value>],
    verified: &[(CheckedCandidate, usize)],
    found: &[Found],
    fitting: &[(&dyn Domain, Task)],
) -> Option<crate::ask::Question> {
    if verified.len() < 2 {
        return None;
    }
    let mut inputs = crate::ask::user_like_inputs(examples, 48);
    inputs.extend(extra.iter().cloned());
    let behaviours: Vec<crate::ask::Behaviour> = verified
        .iter()
        .map(|(c, i)| {
            let f = &found[*i];
            let domain = fitting[f.domain].0;
            crate::ask::Behaviour {
                rank: c.rank,
                // Earlier ranks are believed more (the ranking's scores differ in scale
                // between spaces and the learned model).
                weight: 0.5f64.powi(c.rank as i32 - 1),
                outputs: inputs
                    .iter()
                    .map(|inp| domain.eval_tokens(&f.solution.tokens, inp))
                    .collect(),
            }
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
            let request = SynthRequest {
                source,
                spec,
                context: &specs.context,
                config,
            };
            synthesize_with(&request, &domains, &all, &mut runner, cancel)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{io_examples, unstated_thresholds};
    use crate::value::Value;

    #[test]
    fn a_call_that_leaves_out_a_default_passes_the_default() {
        let specs = crate::spec::extract(
            "def safe_int(value, default=0, *, base=10):\n    \"\"\"\n    >>> safe_int('42')\n    42\n    >>> safe_int('x', -1)\n    -1\n    >>> safe_int('ff', base=16)\n    255\n    >>> safe_int('x', default=3)\n    3\n    >>> safe_int('1', 2, 16)\n    1\n    \"\"\"\n\n\ndef needs(a, b):\n    \"\"\"\n    >>> needs(1)\n    1\n    >>> needs(b=2, a=1)\n    3\n    \"\"\"\n",
        );
        let (examples, skipped) = io_examples(&specs.functions[0]);
        let inputs: Vec<Vec<Value>> = examples.iter().map(|e| e.inputs.clone()).collect();
        let (s, i) = (|t: &str| Value::Str(t.into()), Value::Int);
        assert_eq!(
            inputs,
            vec![
                vec![s("42"), i(0), i(10)],
                vec![s("x"), i(-1), i(10)],
                vec![s("ff"), i(0), i(16)],
                vec![s("x"), i(3), i(10)],
            ]
        );
        // Three positional arguments where the third is keyword-only: not a valid call.
        assert_eq!(skipped, 1);
        // A required parameter left out keeps the call's own arguments (the domains say how
        // many it passes); keywords fill their parameters by name.
        let (examples, _) = io_examples(&specs.functions[1]);
        let inputs: Vec<Vec<Value>> = examples.iter().map(|e| e.inputs.clone()).collect();
        assert_eq!(inputs, vec![vec![i(1)], vec![i(1), i(2)]]);
    }

    #[test]
    fn raising_counts_on_inputs_in_the_examples_format() {
        use super::{formatted_inputs, text_format, IoExample, Value};
        assert_eq!(text_format("09:15"), "9:9");
        assert_eq!(text_format("2024-02-29"), "9-9-9");
        let ex = |a: &str, b: i64| IoExample {
            inputs: vec![Value::Str(a.into())],
            output: Value::Int(b),
        };
        let examples = [ex("09:15", 555), ex("12:00", 720)];
        let extra = vec![
            vec![Value::Str("7:45".into())],
            vec![Value::Str("9x".into())],
            vec![Value::Str(String::new())],
        ];
        assert_eq!(formatted_inputs(&examples, &extra), [true, false, false]);
        // Free text fixes no format: every input counts.
        let examples = [ex("ada lovelace", 2), ex("Tim Berners-Lee", 2)];
        assert_eq!(formatted_inputs(&examples, &extra), [true, true, true]);
    }

    #[test]
    fn a_comparison_with_an_unstated_two_is_counted() {
        assert_eq!(unstated_thresholds("return len(set(items)) > 2", &[]), 1);
        assert_eq!(unstated_thresholds("return 2 <= len(xs)", &[]), 1);
        // Stated ("more than two"), an operand, or a parity test: no threshold.
        assert_eq!(unstated_thresholds("return len(set(items)) > 2", &[2]), 0);
        assert_eq!(unstated_thresholds("return n % 2 == 0", &[]), 0);
        assert_eq!(unstated_thresholds("return x > 2 * y", &[]), 0);
        assert_eq!(unstated_thresholds("return x == 2.5", &[]), 0);
        assert_eq!(unstated_thresholds("return xs[2] > y", &[]), 0);
        assert_eq!(unstated_thresholds("return month == 2", &[]), 0);
    }
}
