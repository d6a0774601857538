//! `workspace/didChangeWorkspaceFolders`: keep the workspace roots (used to find each file's
//! `.venv`) current.

use crate::lsp::state::{file_path, ServerState};
use tower_lsp_server::ls_types::DidChangeWorkspaceFoldersParams;

/// Handles `workspace/didChangeWorkspaceFolders`.
pub fn handle(state: &ServerState, params: DidChangeWorkspaceFoldersParams) {
    let mut roots = state.roots.write().unwrap_or_else(|p| p.into_inner());
    for removed in params
        .event
        .removed
        .iter()
        .filter_map(|f| file_path(&f.uri))
    {
        roots.retain(|r| *r != removed);
    }
    for added in params.event.added.iter().filter_map(|f| file_path(&f.uri)) {
        if !roots.contains(&added) {
            roots.push(added);
        }
    }
}
