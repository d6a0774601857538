//! `docsynth bench runner`.

use clap::Args;

/// Arguments of `docsynth bench runner`.
#[derive(Debug, Args)]
pub struct RunnerBenchArgs {}

/// Runs `docsynth bench runner`; returns the exit code.
pub fn run(_args: RunnerBenchArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth bench runner` is not built yet")
}
