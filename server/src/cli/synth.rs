//! `docsynth synth`: ranked, checked implementations for the unimplemented functions of a file.

use crate::cancel::CancelToken;
use crate::neural::Device;
use crate::pipeline::{synthesize_source, Engine, NeuralSettings, SynthConfig, SynthStatus};
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `docsynth synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// The Python file.
    pub file: PathBuf,
    /// Only this function (default: every unimplemented function with examples).
    #[arg(long)]
    pub function: Option<String>,
    /// Print a JSON array of results.
    #[arg(long)]
    pub json: bool,
    /// Time budget per function in milliseconds.
    #[arg(long, default_value_t = 2000)]
    pub budget_ms: u64,
    /// Candidates per function.
    #[arg(long, default_value_t = 3)]
    pub top: usize,
    /// Python interpreter for the check (default: workspace `.venv`, else `python3`).
    #[arg(long)]
    pub python: Option<PathBuf>,
    /// Writers: `neural`, `search` or `all` (neural first, then search in the remaining budget).
    #[arg(long, value_enum, default_value_t = Engine::All)]
    pub engine: Engine,
    /// Neural model directory; it serves the domain its `model.json` names (default:
    /// `DOCSYNTH_MODEL_DIR`; other domains use `models/<domain>` found above the working
    /// directory or the executable).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Total beam size B of the neural writer.
    #[arg(long, default_value_t = 10)]
    pub beam: usize,
    /// Latent beams L of the neural writer.
    #[arg(long, default_value_t = 3)]
    pub latent_beams: usize,
    /// Device for the neural model (`auto`: CUDA when present, else the CPU).
    #[arg(long, value_enum, default_value_t = Device::Auto)]
    pub device: Device,
}

/// The neural writer when the engine wants it; otherwise `None`. Each domain's model loads on
/// first use; one that cannot is reported once and that domain uses the search only.
fn neural_writer(
    settings: &NeuralSettings,
    engine: Engine,
) -> Option<crate::neural::writer::NeuralPipelineWriter> {
    if engine == Engine::Search {
        return None;
    }
    match crate::neural::writer::pipeline_writer(settings) {
        Ok(writer) => Some(writer),
        Err(e) => {
            eprintln!("docsynth: neural writer unavailable ({e}); using the search only");
            None
        }
    }
}

/// Runs `docsynth synth`; returns the exit code (0 when every function got a candidate).
pub fn run(args: SynthArgs) -> anyhow::Result<i32> {
    let bytes =
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let source = crate::spec::decode::decode_source(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    super::doctor::warn_sandbox();
    let engine = args.engine;
    let neural_settings = NeuralSettings {
        model_dir: args.model.clone(),
        device: args.device,
        beam: args.beam.max(1),
        latent_beams: args.latent_beams.max(1),
    };
    let neural = neural_writer(&neural_settings, engine);
    let writers: Vec<&dyn crate::pipeline::Writer> = neural
        .as_ref()
        .map(|w| w as &dyn crate::pipeline::Writer)
        .into_iter()
        .collect();
    let config = SynthConfig {
        budget: Duration::from_millis(args.budget_ms),
        top_k: args.top.max(1),
        engine,
        python: args.python.clone(),
        workspace: args
            .file
            .canonicalize()
            .ok()
            .and_then(|p| p.parent().map(PathBuf::from)),
        neural: neural_settings.clone(),
    };
    let results = synthesize_source(
        &source,
        args.function.as_deref(),
        &config,
        &writers,
        &CancelToken::new(),
    )?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
    } else if results.is_empty() {
        println!(
            "no unimplemented function with examples in {}",
            args.file.display()
        );
    } else {
        for r in &results {
            println!(
                "{}:{} {} — {:?}{}",
                args.file.display(),
                r.line,
                r.function,
                r.status,
                r.domain
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            );
            if let Some(e) = &r.error {
                println!("  {e}");
            }
            for c in &r.candidates {
                println!(
                    "  #{} passed {}/{} score {:.1} via {:?} in {} ms: {}",
                    c.rank, c.passed, c.total, c.score, c.source, c.elapsed_ms, c.program
                );
                // Imports and body at one indentation, as they read in the file.
                for l in c.imports.iter() {
                    println!("    {l}");
                }
                for l in crate::text::dedent_lines(&c.body) {
                    println!("    {l}");
                }
            }
            if let Some(q) = &r.question {
                println!("  ? the candidates disagree on {}:", q.call);
                for a in &q.answers {
                    let ranks: Vec<String> = a.clusters.iter().map(|r| format!("#{r}")).collect();
                    println!("      {} ← {}", a.shown, ranks.join(", "));
                }
                println!("    add the right answer as an example to settle it");
            }
        }
    }
    let all_solved = results.iter().all(|r| r.status == SynthStatus::Solved);
    Ok(if all_solved { 0 } else { 1 })
}
