//! `docsynth check`.

use clap::Args;

/// Arguments of `docsynth check`.
#[derive(Debug, Args)]
pub struct CheckArgs {}

/// Runs `docsynth check`; returns the exit code.
pub fn run(_args: CheckArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth check` is not built yet")
}
