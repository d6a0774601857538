//! `docsynth synth`: ranked, checked implementations for the unimplemented functions of a file.

use crate::cancel::CancelToken;
use crate::pipeline::{synthesize_source, Engine, SynthConfig, SynthStatus};
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
}

/// Runs `docsynth synth`; returns the exit code (0 when every function got a candidate).
pub fn run(args: SynthArgs) -> anyhow::Result<i32> {
    let bytes =
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let source = crate::spec::decode::decode_source(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let config = SynthConfig {
        budget: Duration::from_millis(args.budget_ms),
        top_k: args.top.max(1),
        engine: Engine::Search,
        python: args.python.clone(),
        workspace: args
            .file
            .canonicalize()
            .ok()
            .and_then(|p| p.parent().map(PathBuf::from)),
    };
    let results = synthesize_source(
        &source,
        args.function.as_deref(),
        &config,
        &[],
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
                for l in c.imports.iter() {
                    println!("    {l}");
                }
                for l in c.body.lines() {
                    println!("  {l}");
                }
            }
        }
    }
    let all_solved = results.iter().all(|r| r.status == SynthStatus::Solved);
    Ok(if all_solved { 0 } else { 1 })
}
