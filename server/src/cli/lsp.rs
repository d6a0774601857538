//! `docsynth lsp`.

use clap::Args;

/// Arguments of `docsynth lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for compatibility with clients that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

/// Runs `docsynth lsp` (LSP over stdin/stdout); returns the exit code.
pub fn run(_args: LspArgs) -> anyhow::Result<i32> {
    crate::lsp::serve_stdio()?;
    Ok(0)
}
