//! `initialized`: log the negotiated setup, then check the interpreter, ONNX Runtime and model
//! in the background and show one message if something is missing.

use crate::lsp::guard::{blocking, lock};
use crate::lsp::health;
use crate::lsp::state::ServerState;
use std::sync::Arc;
use tower_lsp_server::ls_types::MessageType;

/// Handles `initialized`.
pub async fn handle(state: &Arc<ServerState>) {
    let caps = state.caps();
    let pending: Vec<String> = std::mem::take(&mut *lock(&state.pending_logs));
    for line in pending {
        state.log(MessageType::WARNING, line).await;
    }
    state
        .log(
            MessageType::INFO,
            format!(
                "docsynth {} ready (positions in {:?}, progress {}, resolve {})",
                env!("CARGO_PKG_VERSION"),
                caps.encoding,
                caps.work_done_progress,
                caps.resolve_edit
            ),
        )
        .await;
    check_health(state).await;
}

/// Runs the health checks and shows one message listing the problems, if any.
pub async fn check_health(state: &Arc<ServerState>) {
    let settings = state.settings();
    if let Some(why) = settings.execution().refusal() {
        // Probing the interpreter runs it, and the workspace's `.venv/bin/python` is the
        // workspace's code.
        state
            .log(
                MessageType::INFO,
                format!("docsynth: interpreter checks skipped: {why}"),
            )
            .await;
        return;
    }
    let workspace = state.workspace_for(None);
    let problems = blocking("health check", move || {
        health::check(&settings, workspace.as_deref())
    })
    .await
    .unwrap_or_else(|e| vec![e]);
    if problems.is_empty() {
        state
            .log(
                MessageType::INFO,
                "docsynth: interpreter, ONNX Runtime and model checks passed",
            )
            .await;
        return;
    }
    let message = format!("docsynth: {}", problems.join(" "));
    state.show_once(MessageType::WARNING, message).await;
}
