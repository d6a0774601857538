//! Checking a file's functions against their own examples (`docsynth check`, LSP diagnostics).
//!
//! Every function with examples is run as written. Unimplemented functions (stubs) are run too:
//! their examples usually fail because the stub returns `None`; the result says
//! `implemented: false` so a reader can tell "not written yet" from "wrong".
//!
//! Top-level functions are checked by defining the function's own source (decorators
//! included) on top of the module's imports and the top-level definitions it needs. Methods
//! and nested functions cannot be defined alone: their examples run against the module's
//! definitions as they are (a method's `>>> Class().m()` example works that way).

use crate::cancel::CancelToken;
use crate::runner::CheckOptions;
use crate::runner::{CandidateReport, CheckSuite, ExampleStatus, RunContext, Runner, RunnerError};
use crate::spec::{self, ExampleKind, FileSpecs, Spec};
use crate::text::TextRange;
use serde::Serialize;
use std::path::Path;

/// Per-example replies, so a crash or hang is pinned on the example that caused it.
const CHECK_OPTIONS: CheckOptions = CheckOptions {
    fail_fast: false,
    per_example_replies: true,
};

/// One example's result, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckedExample {
    /// 1-based line where the example starts.
    pub line: usize,
    /// The example's range in the file (for diagnostics; not part of the JSON output).
    #[serde(skip)]
    pub range: TextRange,
    /// `doctest`, `comment` or `assert`.
    pub kind: ExampleKind,
    /// The example's source.
    pub source: String,
    /// What happened.
    pub status: ExampleStatus,
    /// What was expected.
    pub expected: String,
    /// What happened instead (or as well).
    pub actual: String,
}

/// One function's results (the `docsynth check --json` object).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckedFunction {
    /// Function name (qualified for methods: `Class.method`).
    pub function: String,
    /// 1-based line of the `def`.
    pub line: usize,
    /// False for stubs (`...`, `pass`, docstring only, `raise NotImplementedError`).
    pub implemented: bool,
    /// Each example's result, in file order (`+SKIP` examples are left out).
    pub examples: Vec<CheckedExample>,
    /// Imports or definitions that failed to load (e.g. a module that is not installed).
    pub context_errors: Vec<String>,
}

impl CheckedFunction {
    /// True when every example passed.
    pub fn all_passed(&self) -> bool {
        self.examples
            .iter()
            .all(|e| e.status == ExampleStatus::Pass)
    }
}

/// Results for a whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileCheck {
    /// Functions with at least one example, in file order.
    pub functions: Vec<CheckedFunction>,
    /// True when the file did not parse cleanly (only intact functions were checked).
    pub has_syntax_errors: bool,
}

impl FileCheck {
    /// True when every example of every function passed.
    pub fn all_passed(&self) -> bool {
        self.functions.iter().all(CheckedFunction::all_passed)
    }
}

/// Extracts `source` and checks every function that has examples. `dir` (the file's
/// directory) is put on `sys.path` so imports of sibling modules work.
pub fn check_source(
    source: &str,
    dir: Option<&Path>,
    runner: &mut Runner,
) -> Result<FileCheck, RunnerError> {
    let specs = spec::extract(source);
    check_specs(source, &specs, dir, runner, &CancelToken::new())
}

/// Checks already extracted specs of `source`; stops with [`RunnerError::Cancelled`] when
/// `cancel` fires (e.g. the document changed).
pub fn check_specs(
    source: &str,
    specs: &FileSpecs,
    dir: Option<&Path>,
    runner: &mut Runner,
    cancel: &CancelToken,
) -> Result<FileCheck, RunnerError> {
    let mut functions = Vec::new();
    for function in specs.functions.iter().filter(|f| !f.examples.is_empty()) {
        let (suite, candidate) = suite_for(source, specs, function, dir);
        let report = runner
            .check_candidates_with(&suite, &[&candidate], CHECK_OPTIONS, cancel)?
            .pop()
            .ok_or_else(|| RunnerError::Protocol("no report for the function".into()))?;
        functions.push(checked_function(source, function, report));
    }
    Ok(FileCheck {
        functions,
        has_syntax_errors: specs.has_syntax_errors,
    })
}

/// The suite and the "candidate" (the function's own source) that check `function` as written.
pub fn suite_for(
    source: &str,
    specs: &FileSpecs,
    function: &Spec,
    dir: Option<&Path>,
) -> (CheckSuite, String) {
    let own = source
        .get(function.def_range.start_byte..function.def_range.end_byte)
        .unwrap_or("")
        .to_string();
    let mut used = own.clone();
    for e in &function.examples {
        used.push('\n');
        used.push_str(&e.source);
        used.push('\n');
        used.push_str(&e.expected);
    }
    let (name, candidate) = if function.is_top_level {
        (function.name.clone(), own)
    } else {
        (String::new(), String::new())
    };
    let mut context = RunContext::needed_by(&specs.context, &name, &used);
    context.search_paths = dir.map(|d| vec![d.to_path_buf()]).unwrap_or_default();
    let suite = CheckSuite {
        function: name,
        context,
        examples: function.examples.clone(),
    };
    (suite, candidate)
}

fn checked_function(source: &str, function: &Spec, report: CandidateReport) -> CheckedFunction {
    let examples = function
        .examples
        .iter()
        .zip(report.examples)
        .filter(|(_, r)| r.status != ExampleStatus::Skipped)
        .map(|(e, r)| CheckedExample {
            line: e.range.start.line as usize + 1,
            range: e.range,
            kind: e.kind,
            source: e.source.clone(),
            status: r.status,
            expected: r.expected,
            actual: r.actual,
        })
        .collect();
    CheckedFunction {
        function: function.qualified_name.clone(),
        line: def_line(source, function),
        implemented: function.body_state == spec::BodyState::Implemented,
        examples,
        context_errors: report.context_errors,
    }
}

/// 1-based line of the `def` keyword (after any decorators).
fn def_line(source: &str, function: &Spec) -> usize {
    let start = function.def_range.start.line as usize;
    let end = function.def_range.end.line as usize;
    source
        .lines()
        .enumerate()
        .skip(start)
        .take(end.saturating_sub(start) + 1)
        .find(|(_, l)| {
            let t = l.trim_start();
            t.starts_with("def ") || t.starts_with("async def ")
        })
        .map_or(start + 1, |(i, _)| i + 1)
}
