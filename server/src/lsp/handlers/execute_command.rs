//! `workspace/executeCommand` for `docsynth.synthesize`: re-run synthesis for one function (by
//! name or 0-based line) or every unimplemented function of a document, wait for the results,
//! apply the best verified implementation of each with `workspace/applyEdit` (versioned, so a
//! changed document rejects it), and report what happened.
//!
//! Arguments: `[uri]`, `[uri, name]`, `[uri, line]`, or `[{"uri": …, "function": …, "line": …}]`.

use crate::lsp::actions::{self, EditContext};
use crate::lsp::background::{current_analysis, ensure_job, wait_for, JobInput};
use crate::lsp::edit;
use crate::lsp::guard::lock;
use crate::lsp::position::byte_range_to_range;
use crate::lsp::state::{file_path, ServerState};
use crate::lsp::SYNTHESIZE_COMMAND;
use crate::pipeline::SynthStatus;
use crate::spec::BodyState;
use serde_json::{json, Value};
use std::sync::Arc;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{ExecuteCommandParams, MessageType, TextEdit};

/// Which function(s) the command targets.
#[derive(Debug, PartialEq)]
enum Target {
    All,
    Name(String),
    Line(u32),
}

fn parse_args(args: &[Value]) -> Option<(String, Target)> {
    match args.first()? {
        Value::String(uri) => {
            let target = match args.get(1) {
                Some(Value::String(name)) => Target::Name(name.clone()),
                Some(Value::Number(n)) => Target::Line(u32::try_from(n.as_u64()?).ok()?),
                _ => Target::All,
            };
            Some((uri.clone(), target))
        }
        Value::Object(map) => {
            let uri = map.get("uri")?.as_str()?.to_string();
            let target = if let Some(name) = map.get("function").and_then(Value::as_str) {
                Target::Name(name.to_string())
            } else if let Some(line) = map.get("line").and_then(Value::as_u64) {
                Target::Line(u32::try_from(line).ok()?)
            } else {
                Target::All
            };
            Some((uri, target))
        }
        _ => None,
    }
}

/// Handles `workspace/executeCommand`.
pub async fn handle(
    state: &Arc<ServerState>,
    params: ExecuteCommandParams,
) -> Result<Option<Value>> {
    if params.command != SYNTHESIZE_COMMAND {
        return Err(Error::invalid_params(format!(
            "unknown command {}",
            params.command
        )));
    }
    if let Some(why) = state.settings().execution().refusal() {
        let mut e = Error::invalid_request();
        e.message = why.into();
        return Err(e);
    }
    let (uri_text, target) = parse_args(&params.arguments).ok_or_else(|| {
        Error::invalid_params("expected [uri, name | line] or [{uri, function, line}]")
    })?;
    let a = current_analysis(state, &uri_text)
        .await
        .ok_or_else(|| Error::invalid_params(format!("{uri_text} is not open")))?;
    let specs = a
        .specs
        .as_ref()
        .map_err(|e| Error::invalid_params(format!("cannot read functions: {e}")))?;
    let chosen: Vec<usize> = specs
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| f.body_state == BodyState::Unimplemented)
        .filter(|(_, f)| match &target {
            Target::All => !f.examples.is_empty(),
            Target::Name(n) => &f.name == n || &f.qualified_name == n,
            Target::Line(l) => f.def_range.start.line <= *l && *l <= f.def_range.end.line,
        })
        .map(|(i, _)| i)
        .collect();
    if chosen.is_empty() {
        return Err(Error::invalid_params(format!(
            "no unimplemented function matches {target:?}"
        )));
    }
    let uri = lock(&state.docs)
        .get(&uri_text)
        .map(|e| e.uri.clone())
        .ok_or_else(|| Error::invalid_params("the document closed"))?;
    let settings = state.settings();
    let config = settings.synth_config(state.workspace_for(file_path(&uri).as_deref()));
    // Re-run: forget cached results, then make sure this document keeps needing them.
    {
        let mut results = lock(&state.results);
        for &i in &chosen {
            results.remove(a.keys[i]);
        }
    }
    if let Some(entry) = lock(&state.docs).get_mut(&uri_text) {
        entry.wanted.extend(chosen.iter().map(|&i| a.keys[i]));
    }
    for &i in &chosen {
        let input = JobInput {
            source: Arc::clone(&a.source),
            spec: specs.functions[i].clone(),
            context: specs.context.clone(),
            config: config.clone(),
        };
        ensure_job(state, a.keys[i], input);
    }
    let caps = state.caps();
    let eol = crate::lsp::actions::line_ending(&a.source);
    let mut reports = Vec::new();
    let mut body_edits = Vec::new();
    let mut imports: Vec<String> = Vec::new();
    for &i in &chosen {
        let spec = &specs.functions[i];
        let result = wait_for(state, a.keys[i]).await;
        let Some(result) = result else {
            reports.push(json!({"function": spec.qualified_name, "status": "cancelled", "error": "the document changed while synthesizing"}));
            continue;
        };
        if let (SynthStatus::Solved, Some(best)) = (result.status, result.candidates.first()) {
            body_edits.push(edit::body_edit(&a.source, spec, &best.body, eol));
            imports.extend(best.imports.iter().cloned());
        }
        reports.push(json!({
            "function": spec.qualified_name,
            "status": result.status,
            "error": result.error,
            "candidates": result.candidates.len(),
            "best": result.candidates.first().map(|c| json!({"program": c.program, "passed": c.passed, "total": c.total})),
        }));
    }
    let mut applied = false;
    if !body_edits.is_empty() {
        let mut all = body_edits;
        if let Some(e) = edit::import_edit(&a.source, &imports, eol) {
            all.push(e);
        }
        all.sort_by_key(|e| e.start);
        let ctx = EditContext {
            uri: &uri,
            version: a.version,
            rope: &a.rope,
            source: &a.source,
            encoding: caps.encoding,
            eol,
            document_changes: caps.document_changes,
        };
        let text_edits: Vec<TextEdit> = all
            .into_iter()
            .map(|e| TextEdit {
                range: byte_range_to_range(&a.rope, e.start, e.end, caps.encoding),
                new_text: e.text,
            })
            .collect();
        let current = lock(&state.docs).get(&uri_text).map(|e| e.doc.version);
        if current != Some(a.version) {
            state
                .client
                .show_message(
                    MessageType::WARNING,
                    "docsynth: the document changed while synthesizing; run the command again",
                )
                .await;
        } else if caps.apply_edit {
            match state
                .client
                .apply_edit(actions::wrap(&ctx, text_edits))
                .await
            {
                Ok(r) => applied = r.applied,
                Err(e) => {
                    state
                        .log(
                            MessageType::WARNING,
                            format!("docsynth: applyEdit failed: {e}"),
                        )
                        .await
                }
            }
        }
    }
    let unsolved: Vec<String> = reports
        .iter()
        .filter(|r| r["status"] != json!("solved"))
        .map(|r| {
            format!(
                "{}(): {}",
                r["function"].as_str().unwrap_or("?"),
                r["error"].as_str().unwrap_or("no verified implementation")
            )
        })
        .collect();
    if !unsolved.is_empty() {
        state
            .client
            .show_message(
                MessageType::INFO,
                format!("docsynth: {}", unsolved.join("; ")),
            )
            .await;
    }
    Ok(Some(
        json!({"uri": uri_text, "version": a.version, "applied": applied, "functions": reports}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_parse_in_both_shapes() {
        assert_eq!(
            parse_args(&[json!("file:///a.py")]),
            Some(("file:///a.py".into(), Target::All))
        );
        assert_eq!(
            parse_args(&[json!("u"), json!("f")]),
            Some(("u".into(), Target::Name("f".into())))
        );
        assert_eq!(
            parse_args(&[json!("u"), json!(3)]),
            Some(("u".into(), Target::Line(3)))
        );
        assert_eq!(
            parse_args(&[json!({"uri": "u", "function": "g"})]),
            Some(("u".into(), Target::Name("g".into())))
        );
        assert_eq!(parse_args(&[json!(1)]), None);
        assert_eq!(parse_args(&[]), None);
    }
}
