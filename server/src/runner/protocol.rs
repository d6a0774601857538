//! What is checked (suites, jobs), what comes back (reports), and the JSON-lines wire format
//! spoken with the Python worker.

use crate::spec::{Example, ExampleKind, ModuleContext};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value as Json};
use std::path::PathBuf;
use std::sync::Arc;

/// What a function needs around it to run: imports, the top-level definitions it uses, and
/// directories to put on `sys.path` (so imports of the user's sibling modules work).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunContext {
    /// Import statements, run one by one (failures are reported, not fatal).
    pub imports: Vec<String>,
    /// `(name, source)` of top-level definitions, run in order after the imports.
    pub definitions: Vec<(String, String)>,
    /// Directories prepended to `sys.path`.
    pub search_paths: Vec<PathBuf>,
}

impl RunContext {
    /// The module's imports and definitions, without the definition of `function` itself
    /// (each candidate supplies its own).
    pub fn from_module(context: &ModuleContext, function: &str) -> Self {
        Self {
            imports: context.imports.clone(),
            definitions: context
                .definitions
                .iter()
                .filter(|(name, _)| name != function)
                .cloned()
                .collect(),
            search_paths: Vec::new(),
        }
    }

    /// The module's imports plus only the definitions `code` (the function's source, its
    /// examples) needs, transitively, without `function`'s own definition.
    pub fn needed_by(context: &ModuleContext, function: &str, code: &str) -> Self {
        let names = crate::spec::referenced_names(code);
        let exclude: Vec<&str> = if function.is_empty() {
            Vec::new()
        } else {
            vec![function]
        };
        Self {
            imports: context.imports.clone(),
            definitions: context
                .required_definitions(&names, &exclude)
                .into_iter()
                .filter_map(|i| context.definitions.get(i).cloned())
                .collect(),
            search_paths: Vec::new(),
        }
    }
}

/// One function's context and examples: the part shared by all its candidates. The worker
/// loads it once and then checks any number of candidate sources against it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckSuite {
    /// The function's name; each candidate source must define it.
    pub function: String,
    /// Imports and definitions it runs with.
    pub context: RunContext,
    /// The examples, in file order (doctest examples share one namespace, as in `doctest`).
    pub examples: Vec<Example>,
}

/// One candidate to check: a complete `def` (signature and body) plus its suite.
#[derive(Clone, Debug)]
pub struct CheckJob {
    /// Shared context and examples; jobs sharing one `Arc` are sent to the worker once.
    pub suite: Arc<CheckSuite>,
    /// Python source defining the function (e.g. `def f(s):\n    return s.upper()\n`).
    pub source: String,
}

/// Per-batch options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Stop a candidate at its first non-passing example (the rest are reported `Skipped`);
    /// for search, where only full passes matter.
    pub fail_fast: bool,
    /// Have the worker reply after every example rather than once per candidate: slower, but
    /// when an example crashes or hangs the worker, the report says which one (for `check`).
    pub per_example_replies: bool,
}

/// Outcome of one example.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleStatus {
    /// The output or value matched.
    Pass,
    /// It ran but the output or value differed.
    Fail,
    /// It raised (unexpectedly), failed to compile, or the worker crashed.
    Error,
    /// It ran past its time limit.
    Timeout,
    /// The sandbox refused something it tried (a process, socket, or write outside scratch).
    Refused,
    /// Not run: a `+SKIP` directive, or `fail_fast` after an earlier failure.
    Skipped,
}

impl ExampleStatus {
    /// The lowercase name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Error => "error",
            Self::Timeout => "timeout",
            Self::Refused => "refused",
            Self::Skipped => "skipped",
        }
    }

    fn parse(text: &str) -> Self {
        match text {
            "pass" => Self::Pass,
            "fail" => Self::Fail,
            "timeout" => Self::Timeout,
            "refused" => Self::Refused,
            "skipped" => Self::Skipped,
            _ => Self::Error,
        }
    }
}

/// One example's result for one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleReport {
    /// What happened.
    pub status: ExampleStatus,
    /// What was expected: the doctest's expected output (or exception line), or the expected
    /// expression's source for comment and assert examples.
    pub expected: String,
    /// What happened instead or as well: printed output, the value's `repr`, the exception
    /// (`Type: message`), the refused operation, or why the worker died.
    pub actual: String,
}

/// All example results of one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateReport {
    /// One report per example of the suite, in order.
    pub examples: Vec<ExampleReport>,
    /// Set when the candidate source itself did not compile or define the function; then every
    /// example is `Error`.
    pub compile_error: Option<String>,
    /// Imports or definitions of the context that failed to load (shared by the suite).
    pub context_errors: Vec<String>,
}

impl CandidateReport {
    /// True when every example passed (skipped ones by `+SKIP` count as passed).
    pub fn passed(&self) -> bool {
        self.compile_error.is_none()
            && self
                .examples
                .iter()
                .all(|e| matches!(e.status, ExampleStatus::Pass | ExampleStatus::Skipped))
            && self
                .examples
                .iter()
                .any(|e| e.status == ExampleStatus::Pass)
    }

    /// How many examples passed.
    pub fn passed_count(&self) -> usize {
        self.examples
            .iter()
            .filter(|e| e.status == ExampleStatus::Pass)
            .count()
    }

    /// A report where every example has `status` and `actual`.
    pub(crate) fn uniform(suite: &CheckSuite, status: ExampleStatus, actual: &str) -> Self {
        Self {
            examples: suite
                .examples
                .iter()
                .map(|e| ExampleReport {
                    status,
                    expected: expected_text(e),
                    actual: actual.to_string(),
                })
                .collect(),
            compile_error: None,
            context_errors: Vec::new(),
        }
    }
}

/// The expected text shown for an example.
pub fn expected_text(example: &Example) -> String {
    match (&example.kind, &example.expected_exception) {
        (ExampleKind::Doctest, Some(exc)) => exc.trim_end().to_string(),
        (ExampleKind::Doctest, None) => example
            .expected
            .strip_suffix('\n')
            .unwrap_or(&example.expected)
            .to_string(),
        _ => example.expected.trim().to_string(),
    }
}

/// Encodes the `suite` request (without the id, which the runner adds).
pub(crate) fn suite_request(suite: &CheckSuite) -> Json {
    let examples: Vec<Json> = suite
        .examples
        .iter()
        .map(|e| {
            json!({
                "kind": match e.kind {
                    ExampleKind::Doctest => "doctest",
                    ExampleKind::Comment | ExampleKind::Prose | ExampleKind::InputOutput => {
                        "comment"
                    }
                    ExampleKind::Assert => "assert",
                },
                "source": e.source,
                "expected": e.expected,
                "exc": e.expected_exception,
                "flags": e.directives,
            })
        })
        .collect();
    json!({
        "op": "suite",
        "function": suite.function,
        "imports": suite.context.imports,
        "definitions": suite.context.definitions,
        "paths": suite
            .context
            .search_paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect::<Vec<_>>(),
        "examples": examples,
    })
}

/// A reply line from the worker.
#[derive(Debug, PartialEq)]
pub(crate) enum Reply {
    /// A suite was loaded: context errors and per-example compile errors.
    Suite {
        id: u64,
        context_errors: Vec<String>,
        example_errors: Vec<Option<String>>,
    },
    /// One example's result.
    Example {
        candidate: usize,
        example: usize,
        status: ExampleStatus,
        actual: String,
    },
    /// A candidate is finished (with its compile error, if any, and its example results
    /// unless they were streamed).
    Candidate {
        candidate: usize,
        compile_error: Option<String>,
        results: Option<Vec<(ExampleStatus, String)>>,
    },
    /// The worker rejected a request.
    Rejected(String),
}

/// Parses one reply line.
pub(crate) fn parse_reply(line: &str) -> Result<Reply, String> {
    let value: Json = serde_json::from_str(line).map_err(|e| format!("bad reply {e}: {line}"))?;
    let items = value
        .as_array()
        .ok_or_else(|| format!("bad reply: {line}"))?;
    let tag = items.first().and_then(Json::as_str).unwrap_or("");
    let num = |i: usize| items.get(i).and_then(Json::as_u64);
    let text = |i: usize| items.get(i).and_then(Json::as_str).map(str::to_string);
    let bad = || format!("bad reply: {line}");
    match tag {
        "S" => Ok(Reply::Suite {
            id: num(1).ok_or_else(bad)?,
            context_errors: items
                .get(2)
                .and_then(Json::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            example_errors: items
                .get(3)
                .and_then(Json::as_array)
                .map(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default(),
        }),
        "E" => Ok(Reply::Example {
            candidate: num(1).ok_or_else(bad)? as usize,
            example: num(2).ok_or_else(bad)? as usize,
            status: ExampleStatus::parse(&text(3).ok_or_else(bad)?),
            actual: text(4).unwrap_or_default(),
        }),
        "C" => Ok(Reply::Candidate {
            candidate: num(1).ok_or_else(bad)? as usize,
            compile_error: text(2),
            results: match items.get(3).and_then(Json::as_array) {
                Some(list) => Some(
                    list.iter()
                        .map(|pair| {
                            let status = pair.get(0).and_then(Json::as_str).ok_or_else(bad)?;
                            let actual = pair.get(1).and_then(Json::as_str).unwrap_or("");
                            Ok((ExampleStatus::parse(status), actual.to_string()))
                        })
                        .collect::<Result<Vec<_>, String>>()?,
                ),
                None => None,
            },
        }),
        "X" => Ok(Reply::Rejected(text(1).unwrap_or_default())),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_reply_kind() {
        assert_eq!(
            parse_reply(r#"["E", 3, 1, "fail", "'x'"]"#),
            Ok(Reply::Example {
                candidate: 3,
                example: 1,
                status: ExampleStatus::Fail,
                actual: "'x'".into()
            })
        );
        assert_eq!(
            parse_reply(r#"["C", 2, null]"#),
            Ok(Reply::Candidate {
                candidate: 2,
                compile_error: None,
                results: None
            })
        );
        assert_eq!(
            parse_reply(r#"["C", 4, null, [["pass", "'A'"], ["timeout", "timed out"]]]"#),
            Ok(Reply::Candidate {
                candidate: 4,
                compile_error: None,
                results: Some(vec![
                    (ExampleStatus::Pass, "'A'".into()),
                    (ExampleStatus::Timeout, "timed out".into())
                ])
            })
        );
        assert_eq!(
            parse_reply(r#"["S", 7, ["import x failed"], [null, "bad"]]"#),
            Ok(Reply::Suite {
                id: 7,
                context_errors: vec!["import x failed".into()],
                example_errors: vec![None, Some("bad".into())]
            })
        );
        assert!(parse_reply("garbage").is_err());
        assert!(parse_reply(r#"["E", "x"]"#).is_err());
    }
}
