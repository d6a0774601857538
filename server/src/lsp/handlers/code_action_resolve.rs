//! `codeAction/resolve`: fill in the edit of an action, refusing (ContentModified) when the
//! document changed since the action was computed.

use crate::lsp::actions::{self, ActionData, EditContext};
use crate::lsp::background::current_analysis;
use crate::lsp::guard::lock;
use crate::lsp::spec_key::SpecKey;
use crate::lsp::state::ServerState;
use std::borrow::Cow;
use std::sync::Arc;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::CodeAction;

fn error(code: ErrorCode, message: String) -> Error {
    Error {
        code,
        message: Cow::Owned(message),
        data: None,
    }
}

/// Handles `codeAction/resolve`.
pub async fn handle(state: &Arc<ServerState>, mut action: CodeAction) -> Result<CodeAction> {
    if action.edit.is_some() {
        return Ok(action);
    }
    let data: ActionData = action
        .data
        .clone()
        .and_then(|d| serde_json::from_value(d).ok())
        .ok_or_else(|| Error::invalid_params("code action without docsynth data"))?;
    let (uri, current) = {
        let docs = lock(&state.docs);
        let entry = docs
            .get(&data.uri)
            .ok_or_else(|| Error::invalid_params("the document is no longer open"))?;
        (entry.uri.clone(), entry.doc.version)
    };
    let stale = || {
        error(
            ErrorCode::ContentModified,
            format!(
                "the document changed (version {} → {current}) since this action was computed; ask for code actions again",
                data.version
            ),
        )
    };
    if current != data.version {
        return Err(stale());
    }
    let a = current_analysis(state, &data.uri).await.ok_or_else(stale)?;
    if a.version != data.version {
        return Err(stale());
    }
    let specs = a
        .specs
        .as_ref()
        .map_err(|e| error(ErrorCode::InternalError, e.clone()))?;
    let key = SpecKey::parse(&data.key).ok_or_else(|| Error::invalid_params("bad key"))?;
    let idx = specs
        .functions
        .iter()
        .zip(&a.keys)
        .position(|(f, k)| f.qualified_name == data.function && *k == key)
        .ok_or_else(stale)?;
    let result = lock(&state.results).get(key).ok_or_else(|| {
        error(
            ErrorCode::ContentModified,
            "the synthesis result is gone; ask for code actions again".into(),
        )
    })?;
    // By program when the action names one (ranks move when the neural model's candidates
    // join the search's); by rank for actions from older clients' caches.
    let candidate = if data.program.is_empty() {
        result.candidates.iter().find(|c| c.rank == data.rank)
    } else {
        result.candidates.iter().find(|c| c.program == data.program)
    }
    .ok_or_else(|| {
        error(
            ErrorCode::ContentModified,
            "the candidates changed since this action was computed; ask for code actions again"
                .into(),
        )
    })?;
    let caps = state.caps();
    let eol = crate::lsp::actions::line_ending(&a.source);
    let ctx = EditContext {
        uri: &uri,
        version: a.version,
        rope: &a.rope,
        source: &a.source,
        encoding: caps.encoding,
        eol,
        document_changes: caps.document_changes,
    };
    action.edit = Some(actions::workspace_edit(
        &ctx,
        &specs.functions[idx],
        candidate,
    ));
    Ok(action)
}
