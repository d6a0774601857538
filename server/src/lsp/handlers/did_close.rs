//! `textDocument/didClose`: forget the document, cancel work only it needed, clear diagnostics.

use crate::lsp::background::retain_jobs;
use crate::lsp::guard::lock;
use crate::lsp::state::ServerState;
use std::sync::Arc;
use tower_lsp_server::ls_types::{DidCloseTextDocumentParams, Uri};

/// Handles `textDocument/didClose`; returns the URI whose diagnostics should be cleared.
pub fn handle(state: &Arc<ServerState>, params: DidCloseTextDocumentParams) -> Option<Uri> {
    let key = params.text_document.uri.as_str().to_string();
    let removed = lock(&state.docs).remove(&key);
    let entry = removed?;
    if let Some(c) = entry.check_cancel {
        c.cancel();
    }
    retain_jobs(state);
    Some(entry.uri)
}
