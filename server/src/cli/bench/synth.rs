//! `docsynth bench synth`.

use clap::Args;

/// Arguments of `docsynth bench synth`.
#[derive(Debug, Args)]
pub struct SynthBenchArgs {}

/// Runs `docsynth bench synth`; returns the exit code.
pub fn run(_args: SynthBenchArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth bench synth` is not built yet")
}
