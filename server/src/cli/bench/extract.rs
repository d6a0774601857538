//! `docsynth bench extract`.

use clap::Args;

/// Arguments of `docsynth bench extract`.
#[derive(Debug, Args)]
pub struct ExtractBenchArgs {}

/// Runs `docsynth bench extract`; returns the exit code.
pub fn run(_args: ExtractBenchArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth bench extract` is not built yet")
}
