//! Command-line interface: one module per subcommand, each a thin face over the pipeline.

pub mod bench;
pub mod check;
pub mod datagen;
pub mod doctor;
pub mod lsp;
pub(crate) mod shard;
pub mod synth;

use clap::{Parser, Subcommand};

/// docsynth: write Python functions from their docstrings and examples.
#[derive(Debug, Parser)]
#[command(name = "docsynth", version, about)]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every function's examples and report each result.
    Check(check::CheckArgs),
    /// Synthesize verified implementations for unimplemented functions.
    Synth(synth::SynthArgs),
    /// Measure synthesis accuracy and speed on benchmark sets.
    Bench(bench::BenchArgs),
    /// Generate training data by sampling programs and running them.
    Datagen(datagen::DatagenArgs),
    /// Run the language server over stdio.
    Lsp(lsp::LspArgs),
    /// Show what this machine gives docsynth: sandbox layers, Python, a real sandboxed check.
    Doctor(doctor::DoctorArgs),
}

/// Parses the command line and runs it; returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Synth(args) => synth::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Datagen(args) => datagen::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Doctor(args) => doctor::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("docsynth: {err:#}");
            2
        }
    }
}
