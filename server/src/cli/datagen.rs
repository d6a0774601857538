//! `docsynth datagen`.

use clap::Args;

/// Arguments of `docsynth datagen`.
#[derive(Debug, Args)]
pub struct DatagenArgs {}

/// Runs `docsynth datagen`; returns the exit code.
pub fn run(_args: DatagenArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth datagen` is not built yet")
}
