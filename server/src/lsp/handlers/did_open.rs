//! `textDocument/didOpen`: store the document and analyze it right away.

use crate::lsp::background::schedule_analysis;
use crate::lsp::document::Document;
use crate::lsp::guard::lock;
use crate::lsp::incremental::PendingEdits;
use crate::lsp::state::{DocEntry, ServerState};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;
use tower_lsp_server::ls_types::DidOpenTextDocumentParams;

/// Handles `textDocument/didOpen` (synchronously, so later changes apply in order).
pub fn handle(state: &Arc<ServerState>, params: DidOpenTextDocumentParams) {
    let td = params.text_document;
    let key = td.uri.as_str().to_string();
    let version = td.version;
    let entry = DocEntry {
        uri: td.uri,
        doc: Document::new(&td.text, td.version, td.language_id),
        edit_gen: 0,
        analyzed: None,
        checks: None,
        check_cancel: None,
        force_check: false,
        wanted: HashSet::new(),
        pending: PendingEdits::at(version),
        extractor: Arc::default(),
    };
    lock(&state.docs).insert(key.clone(), entry);
    schedule_analysis(state, &key, Duration::ZERO);
}
