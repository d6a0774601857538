//! `docsynth bench runner`: candidate × example checks per second through the sandboxed
//! worker, for many small candidates of one string function (as the synthesizer sends them).

use crate::cancel::CancelToken;
use crate::runner::{CheckOptions, CheckSuite, Limits, RunContext, Runner, RunnerConfig};
use crate::spec::{Example, ExampleKind};
use crate::text::{Position, TextRange};
use clap::Args;
use serde::Serialize;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `docsynth bench runner`.
#[derive(Debug, Args)]
pub struct RunnerBenchArgs {
    /// Candidates per measured batch.
    #[arg(long, default_value_t = 2000)]
    pub candidates: usize,
    /// Python interpreter (default: `python3`).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Measured runs per mode (the median is reported, and the best).
    #[arg(long, default_value_t = 5)]
    pub repeat: usize,
    /// Distinct functions in the "fresh functions" mode (each its own suite, so each gets a
    /// fresh process in the sandboxed worker), with 5 candidates each.
    #[arg(long, default_value_t = 100)]
    pub functions: usize,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

/// One measured configuration.
#[derive(Debug, Serialize)]
struct Measurement {
    mode: &'static str,
    candidates: usize,
    examples_per_candidate: usize,
    examples_run: usize,
    passed_candidates: usize,
    /// Median over the repeats.
    seconds: f64,
    best_seconds: f64,
    checks_per_second: f64,
    best_checks_per_second: f64,
    candidates_per_second: f64,
}

/// The whole result.
#[derive(Debug, Serialize)]
struct BenchResult {
    python: String,
    python_version: String,
    startup_seconds: f64,
    measurements: Vec<Measurement>,
}

/// Runs `docsynth bench runner`; returns the exit code.
pub fn run(args: RunnerBenchArgs) -> anyhow::Result<i32> {
    if args.candidates == 0 {
        anyhow::bail!("--candidates must be at least 1");
    }
    let config = RunnerConfig {
        python: args.python.clone(),
        limits: Limits::default(),
        ..RunnerConfig::default()
    };
    let started = Instant::now();
    let mut runner = Runner::new(config)?;
    let startup_seconds = started.elapsed().as_secs_f64();
    let suite = bench_suite();
    let sources = candidate_sources(args.candidates);
    // Warm-up: loads the suite and lets the interpreter settle.
    runner.check_candidates(&suite, &sources[..sources.len().min(50)])?;
    let mut measurements = Vec::new();
    for (mode, fail_fast, per_example_replies) in [
        ("all examples", false, false),
        ("fail fast", true, false),
        ("per-example", false, true),
    ] {
        let refs: Vec<&str> = sources.iter().map(String::as_str).collect();
        let options = CheckOptions {
            fail_fast,
            per_example_replies,
        };
        let mut times = Vec::with_capacity(args.repeat);
        let mut reports = Vec::new();
        for _ in 0..args.repeat.max(1) {
            let t = Instant::now();
            reports = runner.check_candidates_with(&suite, &refs, options, &CancelToken::new())?;
            times.push(t.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let seconds = times[times.len() / 2];
        let best_seconds = times[0];
        let examples_run = reports
            .iter()
            .flat_map(|r| &r.examples)
            .filter(|e| e.status != crate::runner::ExampleStatus::Skipped)
            .count();
        measurements.push(Measurement {
            mode,
            candidates: reports.len(),
            examples_per_candidate: suite.examples.len(),
            examples_run,
            passed_candidates: reports.iter().filter(|r| r.passed()).count(),
            seconds,
            best_seconds,
            checks_per_second: examples_run as f64 / seconds,
            best_checks_per_second: examples_run as f64 / best_seconds,
            candidates_per_second: reports.len() as f64 / seconds,
        });
    }
    // Many functions, few candidates each: what a file's check or an editor session costs,
    // including a fresh process per function.
    if args.functions > 0 {
        let suites: Vec<CheckSuite> = (0..args.functions)
            .map(|i| {
                let mut s = bench_suite();
                s.function = format!("shout{i}");
                s
            })
            .collect();
        let per_function: Vec<Vec<String>> = suites
            .iter()
            .map(|s| {
                candidate_sources(5)
                    .into_iter()
                    .map(|c| c.replacen("def shout(", &format!("def {}(", s.function), 1))
                    .collect()
            })
            .collect();
        let mut times = Vec::with_capacity(args.repeat);
        let mut examples_run = 0;
        let mut passed = 0;
        for _ in 0..args.repeat.max(1) {
            let t = Instant::now();
            examples_run = 0;
            passed = 0;
            for (suite, sources) in suites.iter().zip(&per_function) {
                // Rename the calls in the examples too.
                let mut suite = suite.clone();
                for e in &mut suite.examples {
                    e.source = e
                        .source
                        .replacen("shout(", &format!("{}(", suite.function), 1);
                }
                let reports = runner.check_candidates(&suite, sources)?;
                examples_run += reports.iter().map(|r| r.examples.len()).sum::<usize>();
                passed += reports.iter().filter(|r| r.passed()).count();
            }
            times.push(t.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let seconds = times[times.len() / 2];
        let best_seconds = times[0];
        measurements.push(Measurement {
            mode: "fresh functions",
            candidates: args.functions * 5,
            examples_per_candidate: 4,
            examples_run,
            passed_candidates: passed,
            seconds,
            best_seconds,
            checks_per_second: examples_run as f64 / seconds,
            best_checks_per_second: examples_run as f64 / best_seconds,
            candidates_per_second: (args.functions * 5) as f64 / seconds,
        });
    }
    let result = BenchResult {
        python: runner.interpreter().executable.display().to_string(),
        python_version: format!(
            "{}.{}",
            runner.interpreter().version.0,
            runner.interpreter().version.1
        ),
        startup_seconds,
        measurements,
    };
    if args.json {
        print_stdout(&format!("{}\n", serde_json::to_string_pretty(&result)?))?;
    } else {
        let mut text = format!(
            "runner: {} (Python {}), worker start {:.3}s\n",
            result.python, result.python_version, result.startup_seconds
        );
        for m in &result.measurements {
            text += &format!(
                "  {:<13} {} candidates × {} examples: {} checks in {:.3}s (median) = {:.0} checks/s ({:.0} candidates/s; best {:.0} checks/s), {} passed\n",
                m.mode,
                m.candidates,
                m.examples_per_candidate,
                m.examples_run,
                m.seconds,
                m.checks_per_second,
                m.candidates_per_second,
                m.best_checks_per_second,
                m.passed_candidates
            );
        }
        print_stdout(&text)?;
    }
    Ok(0)
}

pub(crate) fn example(kind: ExampleKind, source: &str, expected: &str) -> Example {
    let p = Position {
        line: 0,
        byte_col: 0,
        utf16_col: 0,
    };
    Example {
        kind,
        range: TextRange {
            start_byte: 0,
            end_byte: 0,
            start: p,
            end: p,
        },
        source: source.to_string(),
        expected: expected.to_string(),
        expected_exception: None,
        directives: Vec::new(),
        call: None,
    }
}

/// `shout(s)`: strip, upper-case, add `!`; two doctest and two comment examples.
fn bench_suite() -> CheckSuite {
    CheckSuite {
        function: "shout".into(),
        context: RunContext {
            imports: vec!["import re".into()],
            ..RunContext::default()
        },
        examples: vec![
            example(ExampleKind::Doctest, "shout('hi')", "'HI!'"),
            example(ExampleKind::Doctest, "shout('  Ada ')", "'ADA!'"),
            example(ExampleKind::Comment, "shout('x y')", "'X Y!'"),
            example(ExampleKind::Comment, "shout('')", "'!'"),
        ],
    }
}

/// `n` distinct candidate definitions: chains of three string operations.
fn candidate_sources(n: usize) -> Vec<String> {
    const OPS: [&str; 14] = [
        ".upper()",
        ".lower()",
        ".strip()",
        ".title()",
        "[::-1]",
        ".swapcase()",
        ".capitalize()",
        "[1:]",
        "[:-1]",
        " + '!'",
        ".lstrip()",
        ".replace(' ', '')",
        " * 2",
        ".rstrip('!')",
    ];
    let mut out = Vec::with_capacity(n);
    let mut i = 0usize;
    while out.len() < n {
        let (a, b, c) = (
            i % OPS.len(),
            (i / OPS.len()) % OPS.len(),
            (i / 196) % OPS.len(),
        );
        let round = i / (OPS.len() * OPS.len() * OPS.len());
        let suffix = if round > 0 {
            format!("  # variant {round}")
        } else {
            String::new()
        };
        out.push(format!(
            "def shout(s):\n    return ((s{}){}){}{suffix}\n",
            OPS[c], OPS[b], OPS[a]
        ));
        i += 1;
    }
    out
}

/// Writes `text` to stdout; a closed pipe (`docsynth … | head`) is not an error.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
