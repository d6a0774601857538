//! `docsynth bench`.

use clap::Args;

/// Arguments of `docsynth bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {}

/// Runs `docsynth bench`; returns the exit code.
pub fn run(_args: BenchArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth bench` is not built yet")
}
