//! `docsynth synth`.

use clap::Args;

/// Arguments of `docsynth synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {}

/// Runs `docsynth synth`; returns the exit code.
pub fn run(_args: SynthArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth synth` is not built yet")
}
