//! `textDocument/didChange`: apply incremental edits to the rope, then re-analyze after the
//! debounce delay.

use crate::lsp::background::schedule_analysis;
use crate::lsp::guard::lock;
use crate::lsp::state::ServerState;
use std::sync::Arc;
use tower_lsp_server::ls_types::DidChangeTextDocumentParams;

/// Handles `textDocument/didChange` (synchronously, so edits apply in arrival order). Returns
/// false when the document is not open.
pub fn handle(state: &Arc<ServerState>, params: DidChangeTextDocumentParams) -> bool {
    let enc = state.caps().encoding;
    let key = params.text_document.uri.as_str().to_string();
    {
        let mut docs = lock(&state.docs);
        let Some(entry) = docs.get_mut(&key) else {
            return false;
        };
        match entry
            .doc
            .apply_changes(&params.content_changes, params.text_document.version, enc)
        {
            Some(edits) => entry.pending.edits.extend(edits),
            None => entry.pending.full = true,
        }
    }
    schedule_analysis(state, &key, state.debounce);
    true
}
