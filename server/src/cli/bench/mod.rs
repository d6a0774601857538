//! `docsynth bench`: speed and accuracy benchmarks, one module per subject.

pub mod ask;
pub mod extract;
pub mod lsp;
pub mod neural;
pub mod rank;
pub mod runner;
pub(crate) mod stubs;
pub mod synth;

use clap::{Args, Subcommand};

/// Arguments of `docsynth bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// What to measure.
    #[command(subcommand)]
    pub subject: BenchSubject,
}

/// The benchmark subjects.
#[derive(Debug, Subcommand)]
pub enum BenchSubject {
    /// Spec extraction speed (lines/s) on Python files.
    Extract(extract::ExtractBenchArgs),
    /// Example-runner throughput (candidate × example checks per second).
    Runner(runner::RunnerBenchArgs),
    /// Synthesis accuracy and time to first solution on benchmark sets.
    Synth(synth::SynthBenchArgs),
    /// Neural writer accuracy and decode time at several beam sizes (LP vs baseline).
    Neural(neural::NeuralBenchArgs),
    /// Language-server latency (code actions, time to first verified action) and memory.
    Lsp(lsp::LspBenchArgs),
    /// Examples a user needs until the top candidate is right: asking vs random examples.
    Ask(ask::AskBenchArgs),
    /// Top-1 generalization under each candidate ordering; the learned ranker's training data.
    Rank(rank::RankBenchArgs),
}

/// Runs `docsynth bench`; returns the exit code.
pub fn run(args: BenchArgs) -> anyhow::Result<i32> {
    match args.subject {
        BenchSubject::Extract(a) => extract::run(a),
        BenchSubject::Runner(a) => runner::run(a),
        BenchSubject::Synth(a) => synth::run(a),
        BenchSubject::Neural(a) => neural::run(a),
        BenchSubject::Lsp(a) => lsp::run(a),
        BenchSubject::Ask(a) => ask::run(a),
        BenchSubject::Rank(a) => rank::run(a),
    }
}

/// The public benchmark files' directory: `../shared/benchmarks`, else
/// `../../shared/benchmarks`, from the current directory.
pub(crate) fn default_benchmarks_dir() -> std::path::PathBuf {
    ["../shared/benchmarks", "../../shared/benchmarks"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.is_dir())
        .unwrap_or_else(|| std::path::PathBuf::from("../shared/benchmarks"))
}
