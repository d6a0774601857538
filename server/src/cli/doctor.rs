//! `docsynth doctor`: what this machine gives docsynth — the sandbox layers the kernel grants,
//! the Python interpreter, and a real check through the sandboxed worker.

use super::bench::runner::example;
use crate::neural::{runtime, writer, Device};
use crate::runner::sandbox::{self, LayerStatus};
use crate::runner::{resolve_interpreter, CheckSuite, RunContext, Runner, RunnerConfig};
use crate::spec::ExampleKind;
use clap::Args;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Arguments of `docsynth doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Python interpreter (default: the workspace's `.venv/bin/python`, else `python3`).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Model directory to report on: one domain's model or a folder of domains (default:
    /// `DOCSYNTH_MODEL_DIR`, then the installed and repository models).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Device to load the models on (`auto`: CUDA when present, else the CPU).
    #[arg(long, value_enum, default_value_t = Device::Auto)]
    pub device: Device,
}

#[derive(Debug, Serialize)]
struct Report {
    version: &'static str,
    /// The running executable (the one an editor or `PATH` found).
    executable: Option<PathBuf>,
    sandbox: Vec<LayerStatus>,
    python: Result<String, String>,
    worker: Result<String, String>,
    onnx_runtime: Result<RuntimeReport, String>,
    models: Vec<ModelReport>,
}

/// The ONNX Runtime library the neural writer loads.
#[derive(Debug, Serialize)]
struct RuntimeReport {
    path: PathBuf,
    /// What the library itself reports (`OrtGetApiBase()->GetVersionString`).
    version: Option<String>,
}

/// The model a program space would use.
#[derive(Debug, Serialize)]
struct ModelReport {
    domain: &'static str,
    /// The model found, or why there is none.
    model: Result<ModelFound, String>,
}

/// A model directory and what loading it gave.
#[derive(Debug, Serialize)]
struct ModelFound {
    path: PathBuf,
    /// `kind` from `model.json` (`lp`, `baseline`).
    kind: Option<String>,
    /// The title of its `MODEL_CARD.md`.
    card: Option<String>,
    /// The device its sessions run on (`cpu` or `cuda`, under `--device`), or why it did not load.
    device: Result<Device, String>,
}

/// The first `# ` heading of `dir/MODEL_CARD.md`.
fn card_title(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("MODEL_CARD.md")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_string())
}

/// Each space with a neural vocabulary, the model the writer would use for it and the device it
/// loads on (only when ONNX Runtime was found: loading needs it).
fn models(model_dir: Option<&Path>, device: Device, runtime_found: bool) -> Vec<ModelReport> {
    crate::domain::all_domains()
        .iter()
        .filter(|d| !d.token_names().is_empty())
        .map(|d| {
            let model = writer::model_dir_for(model_dir, d.name()).map(|path| {
                let kind = std::fs::read_to_string(path.join("model.json"))
                    .ok()
                    .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                    .and_then(|v| v["kind"].as_str().map(str::to_string));
                let device = if runtime_found {
                    writer::shared_writer(model_dir, d.name(), device).map(|w| w.device())
                } else {
                    Err("not loaded: no ONNX Runtime".to_string())
                };
                ModelFound {
                    card: card_title(&path),
                    kind,
                    device,
                    path,
                }
            });
            ModelReport {
                domain: d.name(),
                model,
            }
        })
        .collect()
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
    let onnx_runtime = runtime::find_library(None)
        .map(|path| RuntimeReport {
            version: runtime::library_version(&path),
            path,
        })
        .map_err(|e| format!("the neural writer is off and the search alone runs: {e}"));
    let report = Report {
        version: env!("CARGO_PKG_VERSION"),
        executable: std::env::current_exe().ok(),
        sandbox: status.layers.clone(),
        python,
        worker,
        models: models(args.model.as_deref(), args.device, onnx_runtime.is_ok()),
        onnx_runtime,
    };
    // The neural writer is optional: its absence is reported, not a failure.
    let healthy =
        status.missing().next().is_none() && report.python.is_ok() && report.worker.is_ok();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("docsynth {}", report.version);
        if let Some(exe) = &report.executable {
            println!("executable: {}", exe.display());
        }
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
            Ok(r) => println!(
                "ONNX Runtime: ✓ {} ({})",
                r.path.display(),
                r.version.as_deref().unwrap_or("version unknown")
            ),
            Err(e) => println!("ONNX Runtime: ✗ {e}"),
        }
        for m in &report.models {
            match &m.model {
                Ok(found) => {
                    let device = match &found.device {
                        Ok(d) => format!("on {}", d.as_str()),
                        Err(e) => e.clone(),
                    };
                    println!(
                        "model for {}: {} {} ({}; {device})",
                        m.domain,
                        if found.device.is_ok() { "✓" } else { "✗" },
                        found.path.display(),
                        found.kind.as_deref().unwrap_or("unknown kind"),
                    );
                    if let Some(card) = &found.card {
                        println!("  {card}");
                    }
                }
                Err(e) => println!("model for {}: ✗ {e}; the search alone runs", m.domain),
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
