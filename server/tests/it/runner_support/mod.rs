//! Shared helpers for the runner tests: hand-built suites and a runner on the real `python3`.

#![allow(dead_code)]

use docsynth::runner::{
    CandidateReport, CheckSuite, ExampleStatus, Limits, RunContext, Runner, RunnerConfig,
};
use docsynth::spec::{Example, ExampleKind};
use docsynth::text::{Position, TextRange};
use std::time::Duration;

fn zero_range() -> TextRange {
    let p = Position {
        line: 0,
        byte_col: 0,
        utf16_col: 0,
    };
    TextRange {
        start_byte: 0,
        end_byte: 0,
        start: p,
        end: p,
    }
}

/// A `# f(x) -> y` style example.
pub fn comment(source: &str, expected: &str) -> Example {
    Example {
        kind: ExampleKind::Comment,
        range: zero_range(),
        source: source.into(),
        expected: expected.into(),
        expected_exception: None,
        directives: Vec::new(),
        call: None,
    }
}

/// A `>>>` example.
pub fn doctest(source: &str, expected: &str) -> Example {
    Example {
        kind: ExampleKind::Doctest,
        ..comment(source, expected)
    }
}

/// A `>>>` example expecting an exception line.
pub fn doctest_raises(source: &str, exception: &str) -> Example {
    Example {
        expected: format!("Traceback (most recent call last):\n    ...\n{exception}\n"),
        expected_exception: Some(exception.into()),
        ..doctest(source, "")
    }
}

/// A `>>>` example with directives.
pub fn doctest_with(source: &str, expected: &str, directives: &[&str]) -> Example {
    Example {
        directives: directives.iter().map(|d| d.to_string()).collect(),
        ..doctest(source, expected)
    }
}

/// A suite for `function` with no context.
pub fn suite(function: &str, examples: Vec<Example>) -> CheckSuite {
    CheckSuite {
        function: function.into(),
        context: RunContext::default(),
        examples,
    }
}

/// A runner on `python3` (or `$DOCSYNTH_TEST_PYTHON`) with short timeouts.
pub fn runner() -> Runner {
    let config = RunnerConfig {
        python: std::env::var_os("DOCSYNTH_TEST_PYTHON").map(Into::into),
        limits: Limits {
            example_timeout: Duration::from_millis(1500),
            candidate_timeout: Duration::from_secs(6),
            ..Limits::default()
        },
        ..RunnerConfig::default()
    };
    Runner::new(config).expect("python3 must be installed for the runner tests")
}

/// Statuses of a report's examples.
pub fn statuses(report: &CandidateReport) -> Vec<ExampleStatus> {
    report.examples.iter().map(|e| e.status).collect()
}

/// Checks candidates that are given as bodies of `def f(s):`.
pub fn check_bodies(
    runner: &mut Runner,
    suite: &CheckSuite,
    bodies: &[&str],
) -> Vec<CandidateReport> {
    let sources: Vec<String> = bodies
        .iter()
        .map(|body| {
            let indented: String = body.lines().map(|l| format!("    {l}\n")).collect();
            format!("def {}(s):\n{indented}", suite.function)
        })
        .collect();
    runner
        .check_candidates(suite, &sources)
        .expect("batch runs")
}
