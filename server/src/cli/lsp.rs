//! `docsynth lsp`.

use crate::lsp::config::{RunExamples, Settings};
use clap::Args;

/// Arguments of `docsynth lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for compatibility with clients that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
    /// When the workspace's examples (and candidates) may run: `trusted` runs them only when
    /// the client says the workspace is trusted (`workspaceTrusted`, true when it does not
    /// say). The client's `runExamples` setting overrides this.
    #[arg(long, value_enum, default_value_t = RunExamples::Trusted)]
    pub run_examples: RunExamples,
}

/// Runs `docsynth lsp` (LSP over stdin/stdout); returns the exit code.
pub fn run(args: LspArgs) -> anyhow::Result<i32> {
    let defaults = Settings {
        run_examples: args.run_examples,
        ..Settings::default()
    };
    // A missing runtime or model is said once by the start-up check (`window/showMessage`), not
    // again on stderr (which editors show in their output panel).
    crate::neural::writer::quiet_unavailable_reports();
    let end = crate::lsp::serve_stdio(defaults)?;
    // A background synthesis may still be inside an ONNX Runtime session (its blocking thread
    // outlives the 500 ms runtime shutdown); ONNX Runtime's exit-time teardown then crashes the
    // process. Everything the client needs was written and flushed by the server loop, so leave
    // at once, without running exit handlers.
    use std::io::Write;
    let _ = std::io::stderr().flush();
    // SAFETY: `_exit` only ends the process; no Rust state is used afterwards.
    // The status is 0 after `shutdown`, 1 when the client exited (or vanished) without it.
    unsafe { libc::_exit(end.exit_code()) }
}
