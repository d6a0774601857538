//! `textDocument/hover` on an unimplemented function (or one that fails its examples): the implementations docsynth can offer,
//! each as a code block, with how each answers the distinguishing input (the question), from
//! the cache. Nothing while synthesis runs or when none is ready.

use crate::lsp::actions::cluster_leaders;
use crate::lsp::actions::Offer;
use crate::lsp::background::current_analysis;
use crate::lsp::handlers::code_action::{checks_of, target_at};
use crate::lsp::position::position_to_byte;
use crate::lsp::state::{Lookup, ServerState};
use crate::pipeline::{FunctionSynthesis, SynthStatus};
use std::sync::Arc;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

/// The hover text for a synthesized function (Markdown).
pub fn markdown(name: &str, result: &FunctionSynthesis, max: usize, offer: Offer) -> String {
    let mut text = match offer {
        Offer::Implement => format!("**docsynth** — verified implementations of `{name}()`\n"),
        Offer::ReplaceBody => format!(
            "**docsynth** — `{name}()` fails some of its examples; verified implementations that pass them all:\n"
        ),
    };
    for (i, c) in cluster_leaders(result, max).into_iter().enumerate() {
        text += &format!("\n**{}.** passes {}/{} examples", i + 1, c.passed, c.total);
        if let Some(q) = &result.question {
            if let Some(a) = q.answers.iter().find(|a| a.clusters.contains(&c.rank)) {
                text += &format!("; `{}` → `{}`", q.call, a.shown);
            }
        }
        text += "\n\n```python\n";
        for import in &c.imports {
            text += &format!("{import}\n");
        }
        for line in crate::text::dedent_lines(&c.body) {
            text += &line;
            text.push('\n');
        }
        text += "```\n";
    }
    if let Some(q) = &result.question {
        text += &format!(
            "\nThey disagree on `{}`: add the right answer as an example (a code action does it) to settle it.\n",
            q.call
        );
    }
    text
}

/// Handles `textDocument/hover`.
pub async fn handle(state: &Arc<ServerState>, params: HoverParams) -> Result<Option<Hover>> {
    let uri = params.text_document_position_params.text_document.uri;
    let Some(a) = current_analysis(state, uri.as_str()).await else {
        return Ok(None);
    };
    let Ok(specs) = &a.specs else {
        return Ok(None);
    };
    let caps = state.caps();
    let cursor = position_to_byte(
        &a.rope,
        params.text_document_position_params.position,
        caps.encoding,
    );
    let checks = checks_of(state, uri.as_str());
    let Some(target) = target_at(&a.source, specs, checks.as_deref(), cursor) else {
        return Ok(None);
    };
    let Some(&key) = a.keys.get(target.index) else {
        return Ok(None);
    };
    let spec = &specs.functions[target.index];
    match state.lookup(key) {
        Lookup::Ready(r) if r.status == SynthStatus::Solved => Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown(&spec.name, &r, state.settings().max_actions, target.offer),
            }),
            range: None,
        })),
        _ => Ok(None),
    }
}
