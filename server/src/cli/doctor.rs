//! `docsynth doctor`: what this machine gives docsynth — the sandbox layers the kernel grants,
//! the Python interpreter, and a real check through the sandboxed worker.

use super::bench::runner::example;
use crate::runner::sandbox::{self, LayerStatus};
use crate::runner::{resolve_interpreter, CheckSuite, RunContext, Runner, RunnerConfig};
use crate::spec::ExampleKind;
use clap::Args;
use serde::Serialize;
use std::path::PathBuf;

/// Arguments of `docsynth doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Python interpreter (default: the workspace's `.venv/bin/python`, else `python3`).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    sandbox: Vec<LayerStatus>,
    python: Result<String, String>,
    worker: Result<String, String>,
}

/// Prints the `docsynth check` line for the sandbox's missing layers, once per process.
pub fn warn_sandbox() {
    for line in sandbox::probe().warn_once() {
        eprintln!("{line}");
    }
}

/// Runs `docsynth doctor`; exit code 0 when every layer is in force and the worker runs.
pub fn run(args: DoctorArgs) -> anyhow::Result<i32> {
    let status = sandbox::probe();
    let workspace = std::env::current_dir().ok();
    let python = resolve_interpreter(args.python.as_deref(), workspace.as_deref())
        .map(|i| {
            format!(
                "{} (Python {}.{})",
                i.executable.display(),
                i.version.0,
                i.version.1
            )
        })
        .map_err(|e| e.to_string());
    let worker = smoke_test(args.python.clone(), workspace);
    let report = Report {
        sandbox: status.layers.clone(),
        python,
        worker,
    };
    let healthy =
        status.missing().next().is_none() && report.python.is_ok() && report.worker.is_ok();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("sandbox layers:");
        for l in &report.sandbox {
            let mark = if l.active { "✓" } else { "✗" };
            println!(
                "  {mark} {:<15} {} — {}",
                l.layer.name(),
                l.layer.purpose(),
                l.detail
            );
        }
        match &report.python {
            Ok(p) => println!("python: ✓ {p}"),
            Err(e) => println!("python: ✗ {e}"),
        }
        match &report.worker {
            Ok(w) => println!("sandboxed worker: ✓ {w}"),
            Err(e) => println!("sandboxed worker: ✗ {e}"),
        }
    }
    Ok(if healthy { 0 } else { 1 })
}

/// Checks `def f(x): return x + 1` against `f(1) == 2` in a real sandboxed worker.
fn smoke_test(python: Option<PathBuf>, workspace: Option<PathBuf>) -> Result<String, String> {
    let config = RunnerConfig {
        python,
        workspace,
        ..RunnerConfig::default()
    };
    let mut runner = Runner::new(config).map_err(|e| e.to_string())?;
    let suite = CheckSuite {
        function: "f".into(),
        context: RunContext::default(),
        examples: vec![example(ExampleKind::Comment, "f(1)", "2")],
    };
    let reports = runner
        .check_candidates(&suite, &["def f(x):\n    return x + 1\n".to_string()])
        .map_err(|e| e.to_string())?;
    match reports.first() {
        Some(r) if r.passed() => Ok("a candidate ran and passed its example".into()),
        Some(r) => Err(format!("the smoke test did not pass: {:?}", r.examples)),
        None => Err("the smoke test got no report".into()),
    }
}
