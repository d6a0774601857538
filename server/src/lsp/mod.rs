//! The language server (`docsynth lsp`): the only module that knows LSP types. It converts
//! between LSP and docsynth's own types (`Spec`, `CheckedCandidate`, byte ranges) and drives
//! extraction, checking and synthesis in the background.
//!
//! Layout: [`server`] dispatches each method to its file under [`handlers`]; [`state`] holds the
//! documents (ropes) and caches; [`background`] runs debounced analysis, synthesis jobs and
//! checks; [`actions`], [`edit`] and [`diagnostics`] turn results into LSP answers;
//! [`analysis`] is the seam to the rest of the crate.

pub mod actions;
pub mod analysis;
pub mod background;
pub mod config;
pub mod diagnostics;
pub mod document;
pub use crate::edit;
pub mod guard;
pub mod handlers;
pub mod health;
pub mod incremental;
pub(crate) mod memory;
pub mod position;
pub mod server;
pub mod spec_key;
pub mod state;
pub(crate) mod transport;

use analysis::{Analysis, PipelineAnalysis};
use config::Settings;
use server::Backend;
use state::ServerState;
use std::sync::Arc;
use tower_lsp_server::LspService;
pub use transport::SessionEnd;

/// The command that re-runs synthesis (`workspace/executeCommand`).
pub const SYNTHESIZE_COMMAND: &str = "docsynth.synthesize";

/// Serves LSP on stdin/stdout until the client exits, starting from `defaults` (settings from
/// the client apply over them); returns how the session ended.
pub fn serve_stdio(defaults: Settings) -> anyhow::Result<SessionEnd> {
    serve_stdio_with(Arc::new(PipelineAnalysis::default()), defaults)
}

/// Serves LSP on stdin/stdout with the given analysis. Malformed input never ends the session
/// (see [`transport`]).
pub fn serve_stdio_with(
    analysis: Arc<dyn Analysis>,
    defaults: Settings,
) -> anyhow::Result<SessionEnd> {
    memory::limit_arenas();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let output = protocol_stdout();
    let end = runtime.block_on(async move {
        let (service, socket) = LspService::new(move |client| {
            let state = ServerState::new(client, analysis);
            *state.settings.write().unwrap_or_else(|p| p.into_inner()) = defaults;
            Backend::new(Arc::new(state))
        });
        transport::serve(service, socket, tokio::io::stdin(), output, 16).await
    });
    // Blocking workers (a synthesis that ignores cancellation) must not keep the process alive.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    Ok(end)
}

/// The stream LSP messages are written to: a duplicate of stdout, after which file descriptor 1
/// is pointed at stderr, so a stray `print` anywhere in the process cannot corrupt the protocol.
/// Falls back to plain stdout if the descriptors cannot be duplicated.
fn protocol_stdout() -> Box<dyn tokio::io::AsyncWrite + Unpin + Send> {
    use std::os::fd::FromRawFd;
    // SAFETY: dup/dup2 on the process's own standard descriptors; the duplicate is owned by the
    // returned File from here on and closed only by it.
    unsafe {
        let fd = libc::dup(libc::STDOUT_FILENO);
        if fd >= 0 {
            if libc::dup2(libc::STDERR_FILENO, libc::STDOUT_FILENO) >= 0 {
                return Box::new(tokio::fs::File::from_std(std::fs::File::from_raw_fd(fd)));
            }
            libc::close(fd);
        }
    }
    Box::new(tokio::io::stdout())
}
