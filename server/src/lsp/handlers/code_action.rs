//! `textDocument/codeAction`: on an unimplemented function, or an implemented one that fails its
//! examples ("Replace body"), one action per behaviour cluster of verified candidates (best
//! first and preferred), answered from the cache. While synthesis runs
//! the action is returned disabled (when the client supports that); a stale edit is never offered.

use crate::lsp::actions::{self, BuildOptions, EditContext, EditsIn, Offer};
use crate::lsp::analysis::FunctionCheck;
use crate::lsp::background::{current_analysis, ensure_job, JobInput};
use crate::lsp::position::position_to_byte;
use crate::lsp::state::{Checked, Lookup, ServerState};
use crate::pipeline::SynthStatus;
use crate::spec::{BodyState, FileSpecs};
use std::sync::Arc;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionDisabled, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionResponse,
};

/// The function a request at some position is about, and what docsynth can offer it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// Index into `FileSpecs::functions`.
    pub index: usize,
    /// Implement a stub, or replace a body that fails its examples.
    pub offer: Offer,
}

/// The innermost function at `byte` (its `def` or one of its examples, such as a module-level
/// assert, contains it) that docsynth can offer something for: an unimplemented one, or an
/// implemented one that fails its examples in `checks`.
pub fn target_at(
    source: &str,
    specs: &FileSpecs,
    checks: Option<&Checked>,
    byte: usize,
) -> Option<Target> {
    let within = |start: usize, end: usize| start <= byte && byte <= end;
    specs
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            within(f.def_range.start_byte, f.def_range.end_byte)
                || f.examples
                    .iter()
                    .any(|e| within(e.range.start_byte, e.range.end_byte))
        })
        .filter_map(|(index, f)| {
            let offer = match f.body_state {
                BodyState::Unimplemented => Offer::Implement,
                BodyState::Implemented => {
                    let fails = checks
                        .and_then(|c| c.current_for(source, f))
                        .is_some_and(FunctionCheck::fails);
                    if !fails {
                        return None;
                    }
                    Offer::ReplaceBody
                }
            };
            let size = f.def_range.end_byte - f.def_range.start_byte;
            Some((Target { index, offer }, size))
        })
        .min_by_key(|(_, size)| *size)
        .map(|(t, _)| t)
}

/// The latest example checks of `uri`.
pub fn checks_of(state: &ServerState, uri: &str) -> Option<Arc<Checked>> {
    crate::lsp::guard::lock(&state.docs)
        .get(uri)
        .and_then(|e| e.checks.clone())
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
    let checks = checks_of(state, uri.as_str());
    let Some(target) = target_at(&a.source, specs, checks.as_deref(), cursor) else {
        return Ok(None);
    };
    let idx = target.index;
    let spec = &specs.functions[idx];
    let verb = match target.offer {
        Offer::Implement => format!("Implement {}()", spec.name),
        Offer::ReplaceBody => format!("Replace body of {}()", spec.name),
    };
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
            let options = BuildOptions {
                max: settings.max_actions,
                offer: target.offer,
                edits: if caps.resolve_edit {
                    EditsIn::Resolve
                } else {
                    EditsIn::Action
                },
            };
            let list = actions::build(&ctx, key, spec, &r, options);
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
                title: format!("{verb} — examples not run"),
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
        title: format!("{verb} — synthesizing ({pct}%)"),
        kind: Some(CodeActionKind::QUICKFIX),
        disabled: Some(CodeActionDisabled {
            reason: format!("docsynth is still checking candidates for {}()", spec.name),
        }),
        ..Default::default()
    };
    Ok(Some(vec![CodeActionOrCommand::CodeAction(action)]))
}
