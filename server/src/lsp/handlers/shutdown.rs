//! `shutdown`: cancel every running synthesis and check.

use crate::lsp::guard::lock;
use crate::lsp::state::ServerState;

/// Handles `shutdown`.
pub fn handle(state: &ServerState) {
    for job in lock(&state.jobs).values() {
        job.cancel.cancel();
    }
    for entry in lock(&state.docs).values_mut() {
        if let Some(c) = entry.check_cancel.take() {
            c.cancel();
        }
        entry.wanted.clear();
    }
}
