//! `docsynth lsp`.

use clap::Args;

/// Arguments of `docsynth lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {}

/// Runs `docsynth lsp`; returns the exit code.
pub fn run(_args: LspArgs) -> anyhow::Result<i32> {
    anyhow::bail!("`docsynth lsp` is not built yet")
}
