//! `textDocument/codeAction`: on an unimplemented function, one action per behaviour cluster of
//! verified candidates (best first and preferred), answered from the cache. While synthesis runs
//! the action is returned disabled (when the client supports that); a stale edit is never offered.

use crate::lsp::actions::{self, EditContext};
use crate::lsp::background::{current_analysis, ensure_job, JobInput};
use crate::lsp::position::position_to_byte;
use crate::lsp::state::{Lookup, ServerState};
use crate::pipeline::SynthStatus;
use crate::spec::{BodyState, FileSpecs};
use std::sync::Arc;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionDisabled, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionResponse,
};

/// Index of the innermost unimplemented function whose `def` contains `byte`.
pub fn function_at(specs: &FileSpecs, byte: usize) -> Option<usize> {
    specs
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| f.body_state == BodyState::Unimplemented)
        .filter(|(_, f)| f.def_range.start_byte <= byte && byte <= f.def_range.end_byte)
        .min_by_key(|(_, f)| f.def_range.end_byte - f.def_range.start_byte)
        .map(|(i, _)| i)
}

fn wants_quickfix(params: &CodeActionParams) -> bool {
    match &params.context.only {
        None => true,
        Some(kinds) => kinds.iter().any(|k| {
            let k = k.as_str();
            k.is_empty() || k == CodeActionKind::QUICKFIX.as_str()
        }),
    }
}

/// Handles `textDocument/codeAction`.
pub async fn handle(
    state: &Arc<ServerState>,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    if !wants_quickfix(&params) {
        return Ok(None);
    }
    let uri = params.text_document.uri.clone();
    let Some(a) = current_analysis(state, uri.as_str()).await else {
        return Ok(None);
    };
    let Ok(specs) = &a.specs else {
        return Ok(None);
    };
    let caps = state.caps();
    let cursor = position_to_byte(&a.rope, params.range.start, caps.encoding);
    let Some(idx) = function_at(specs, cursor) else {
        return Ok(None);
    };
    let spec = &specs.functions[idx];
    let Some(&key) = a.keys.get(idx) else {
        return Ok(None);
    };
    if spec.examples.is_empty() {
        return Ok(None);
    }
    let settings = state.settings();
    let pct = match state.lookup(key) {
        Lookup::Ready(r)
            if matches!(r.status, SynthStatus::Solved | SynthStatus::Underdetermined) =>
        {
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
            let list = actions::build(
                &uri,
                a.version,
                key,
                spec,
                &r,
                settings.max_actions,
                &ctx,
                !caps.resolve_edit,
            );
            return Ok(Some(
                list.into_iter()
                    .map(CodeActionOrCommand::CodeAction)
                    .collect(),
            ));
        }
        Lookup::Ready(_) => return Ok(None),
        Lookup::Running(pct) => pct,
        Lookup::Missing if settings.execution().refusal().is_some() => {
            let why = settings.execution().refusal().unwrap_or_default();
            if !caps.disabled_actions {
                return Ok(None);
            }
            let action = CodeAction {
                title: format!("Implement {}() — examples not run", spec.name),
                kind: Some(CodeActionKind::QUICKFIX),
                disabled: Some(CodeActionDisabled {
                    reason: why.to_string(),
                }),
                ..Default::default()
            };
            return Ok(Some(vec![CodeActionOrCommand::CodeAction(action)]));
        }
        Lookup::Missing => {
            let path = crate::lsp::state::file_path(&uri);
            let input = JobInput {
                source: Arc::clone(&a.source),
                spec: spec.clone(),
                context: specs.context.clone(),
                config: settings.synth_config(state.workspace_for(path.as_deref())),
            };
            if let Some(entry) = crate::lsp::guard::lock(&state.docs).get_mut(uri.as_str()) {
                entry.wanted.insert(key);
            }
            ensure_job(state, key, input);
            0
        }
    };
    if !caps.disabled_actions {
        return Ok(None);
    }
    let action = CodeAction {
        title: format!("Implement {}() — synthesizing ({pct}%)", spec.name),
        kind: Some(CodeActionKind::QUICKFIX),
        disabled: Some(CodeActionDisabled {
            reason: format!("docsynth is still checking candidates for {}()", spec.name),
        }),
        ..Default::default()
    };
    Ok(Some(vec![CodeActionOrCommand::CodeAction(action)]))
}
