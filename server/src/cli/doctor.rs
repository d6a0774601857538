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
    version: &'static str,
    sandbox: Vec<LayerStatus>,
    python: Result<String, String>,
    worker: Result<String, String>,
    onnx_runtime: Result<String, String>,
    models: Vec<ModelReport>,
}

/// The model a program space would use.
#[derive(Debug, Serialize)]
struct ModelReport {
    domain: &'static str,
    /// The model directory and its kind (`lp`, `baseline`), or why there is none.
    model: Result<String, String>,
}

/// Each space with a neural vocabulary and the model the writer would load for it.
fn models() -> Vec<ModelReport> {
    crate::domain::all_domains()
        .iter()
        .filter(|d| !d.token_names().is_empty())
        .map(|d| {
            let model = crate::neural::writer::explicit_model_dir(None)
                .filter(|dir| manifest_domain(dir).as_deref() == Some(d.name()))
                .or_else(|| crate::neural::writer::default_model_dir(d.name()))
                .map(|dir| {
                    let kind = std::fs::read_to_string(dir.join("model.json"))
                        .ok()
                        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                        .and_then(|v| v["kind"].as_str().map(str::to_string))
                        .unwrap_or_else(|| "unknown kind".into());
                    format!("{} ({kind})", dir.display())
                })
                .ok_or_else(|| {
                    format!(
                        "no models/{}/model.json above the working directory or the executable; the search alone runs",
                        d.name()
                    )
                });
            ModelReport {
                domain: d.name(),
                model,
            }
        })
        .collect()
}

fn manifest_domain(dir: &std::path::Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("model.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["domain"].as_str().map(str::to_string)
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
        version: env!("CARGO_PKG_VERSION"),
        sandbox: status.layers.clone(),
        python,
        worker,
        onnx_runtime: crate::neural::runtime::find_library(None)
            .map(|p| p.display().to_string())
            .map_err(|e| format!("{e}; the neural writer is off and the search alone runs")),
        models: models(),
    };
    // The neural writer is optional: its absence is reported, not a failure.
    let healthy =
        status.missing().next().is_none() && report.python.is_ok() && report.worker.is_ok();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("docsynth {}", report.version);
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
        match &report.onnx_runtime {
            Ok(p) => println!("ONNX Runtime: ✓ {p}"),
            Err(e) => println!("ONNX Runtime: ✗ {e}"),
        }
        for m in &report.models {
            match &m.model {
                Ok(p) => println!("model for {}: ✓ {p}", m.domain),
                Err(e) => println!("model for {}: ✗ {e}", m.domain),
            }
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
