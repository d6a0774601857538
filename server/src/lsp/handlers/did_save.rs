//! `textDocument/didSave`: re-analyze and re-check now.

use crate::lsp::background::schedule_analysis;
use crate::lsp::guard::lock;
use crate::lsp::state::ServerState;
use std::sync::Arc;
use std::time::Duration;
use tower_lsp_server::ls_types::DidSaveTextDocumentParams;

/// Handles `textDocument/didSave`.
pub fn handle(state: &Arc<ServerState>, params: DidSaveTextDocumentParams) {
    let key = params.text_document.uri.as_str().to_string();
    if let Some(entry) = lock(&state.docs).get_mut(&key) {
        // Re-check the saved text (sibling modules on disk may have changed too).
        entry.force_check = true;
    }
    schedule_analysis(state, &key, Duration::ZERO);
}
