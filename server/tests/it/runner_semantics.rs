//! Comparison semantics of the runner: doctest output matching and `==` for comment/assert
//! examples, on the real `python3`.

use crate::runner_support;

use docsynth::runner::{CheckSuite, ExampleStatus, RunContext};
use runner_support::*;
use ExampleStatus::*;

#[test]
fn comment_examples_compare_values_with_eq() {
    let mut r = runner();
    let s = suite(
        "f",
        vec![comment("f('ab')", "'AB'"), comment("f('x')", "'X'")],
    );
    let reports = check_bodies(
        &mut r,
        &s,
        &["return s.upper()", "return s", "return s.upper() + 1"],
    );
    assert_eq!(statuses(&reports[0]), vec![Pass, Pass]);
    assert!(reports[0].passed());
    assert_eq!(statuses(&reports[1]), vec![Fail, Fail]);
    assert_eq!(reports[1].examples[0].actual, "'ab'");
    assert_eq!(reports[1].examples[0].expected, "'AB'");
    assert_eq!(statuses(&reports[2]), vec![Error, Error]);
    assert!(
        reports[2].examples[0].actual.starts_with("TypeError: "),
        "{:?}",
        reports[2]
    );
}

#[test]
fn doctest_compares_printed_output_like_doctest() {
    let mut r = runner();
    let s = suite(
        "f",
        vec![
            doctest("f('ab')", "'AB'\n"),
            doctest("print(f('a'))", "A\n"),
            doctest("for c in 'xy':\n    print(f(c))", "X\nY\n"),
            doctest("x = f('q')", ""),
            doctest("x", "'Q'\n"),
        ],
    );
    let reports = check_bodies(&mut r, &s, &["return s.upper()", "return s"]);
    assert_eq!(statuses(&reports[0]), vec![Pass; 5], "{:?}", reports[0]);
    assert_eq!(statuses(&reports[1]), vec![Fail, Fail, Fail, Pass, Fail]);
    assert_eq!(reports[1].examples[2].actual, "x\ny");
    assert_eq!(reports[1].examples[2].expected, "X\nY");
}

#[test]
fn doctest_multiline_repr_and_directives() {
    let mut r = runner();
    let s = suite(
        "f",
        vec![
            doctest_with("f(20)", "[0, 1, ..., 19]\n", &["+ELLIPSIS"]),
            doctest_with("f(3)", "[0,   1,\n 2]\n", &["+NORMALIZE_WHITESPACE"]),
            doctest_with("f(3)", "[0, 1, ..., 2]\n", &["ELLIPSIS", "-ELLIPSIS"]),
            doctest_with("f(3)", "whatever\n", &["+SKIP"]),
            doctest_with("f(3)", "[0, 1, 2]\n", &["+FROBNICATE"]),
        ],
    );
    let reports = check_bodies(&mut r, &s, &["return list(range(s))"]);
    assert_eq!(
        statuses(&reports[0]),
        vec![Pass, Pass, Fail, Skipped, Error],
        "{:?}",
        reports[0]
    );
    assert!(reports[0].examples[4]
        .actual
        .contains("unsupported doctest directive"));
}

#[test]
fn doctest_exceptions_match_on_the_exception_line() {
    let mut r = runner();
    let s = suite(
        "f",
        vec![
            doctest_raises("f(-1)", "ValueError: negative"),
            doctest_with("f(-1)", "", &[]),
        ],
    );
    let mut ignore_detail = doctest_raises("f(-1)", "ValueError: something else");
    ignore_detail.directives = vec!["+IGNORE_EXCEPTION_DETAIL".into()];
    let mut s2 = s.clone();
    s2.examples.push(ignore_detail);
    let reports = check_bodies(
        &mut r,
        &s2,
        &[
            "if s < 0:\n    raise ValueError('negative')\nreturn s",
            "if s < 0:\n    raise TypeError('negative')\nreturn s",
            "return s",
        ],
    );
    assert_eq!(
        statuses(&reports[0]),
        vec![Pass, Error, Pass],
        "{:?}",
        reports[0]
    );
    assert_eq!(reports[0].examples[1].actual, "ValueError: negative");
    assert_eq!(
        statuses(&reports[1]),
        vec![Fail, Error, Fail],
        "{:?}",
        reports[1]
    );
    assert_eq!(
        statuses(&reports[2]),
        vec![Fail, Fail, Fail],
        "{:?}",
        reports[2]
    );
}

#[test]
fn compile_errors_and_missing_function_are_reported() {
    let mut r = runner();
    let s = suite("f", vec![comment("f(1)", "1")]);
    let sources = vec![
        "def f(s):\n    return (\n".to_string(),
        "def g(s):\n    return s\n".to_string(),
        "def f(s):\n    return s\n".to_string(),
    ];
    let reports = r.check_candidates(&s, &sources).expect("batch runs");
    assert!(reports[0]
        .compile_error
        .as_deref()
        .unwrap_or("")
        .contains("SyntaxError"));
    assert_eq!(statuses(&reports[0]), vec![Error]);
    assert!(reports[1]
        .compile_error
        .as_deref()
        .unwrap_or("")
        .contains("does not define f()"));
    assert!(reports[2].passed());
}

#[test]
fn context_imports_and_definitions_are_available_and_failures_reported() {
    let mut r = runner();
    let s = CheckSuite {
        function: "f".into(),
        context: RunContext {
            imports: vec![
                "import math".into(),
                "import definitely_not_installed_xyz".into(),
            ],
            definitions: vec![
                ("SCALE".into(), "SCALE = 3".into()),
                (
                    "helper".into(),
                    "def helper(x):\n    return x * SCALE\n".into(),
                ),
            ],
            search_paths: Vec::new(),
        },
        examples: vec![comment("f(4)", "12"), comment("f(0)", "math.cos(0) - 1")],
    };
    let reports = check_bodies(&mut r, &s, &["return helper(s)"]);
    assert_eq!(statuses(&reports[0]), vec![Pass, Pass], "{:?}", reports[0]);
    assert_eq!(reports[0].context_errors.len(), 1);
    assert!(
        reports[0].context_errors[0].contains("No module named 'definitely_not_installed_xyz'"),
        "{:?}",
        reports[0].context_errors
    );
}

#[test]
fn comment_example_expecting_an_exception_class() {
    let mut r = runner();
    let s = suite("f", vec![comment("f(0)", "ZeroDivisionError")]);
    let reports = check_bodies(&mut r, &s, &["return 1 / s", "return 0"]);
    assert_eq!(statuses(&reports[0]), vec![Pass]);
    assert_eq!(statuses(&reports[1]), vec![Fail]);
}

#[test]
fn module_future_annotations_apply_to_candidates() {
    let mut r = runner();
    let mut s = suite("f", vec![comment("f(2)", "4"), doctest("f(3)", "6\n")]);
    let source =
        vec!["def f(s: NotDefinedAnywhere) -> AlsoUndefined:\n    return s * 2\n".to_string()];
    let reports = r.check_candidates(&s, &source).expect("batch runs");
    assert!(reports[0]
        .compile_error
        .as_deref()
        .unwrap_or("")
        .contains("NameError"));
    s.context.imports = vec!["from __future__ import annotations".into()];
    let reports = r.check_candidates(&s, &source).expect("batch runs");
    assert!(reports[0].passed(), "{:?}", reports[0]);
}
