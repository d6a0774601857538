//! Code actions from synthesis results: one per behaviour cluster of verified candidates, best
//! first, with the edit that implements the function (filled in now, or in `codeAction/resolve`).

use super::edit;
use super::position::{byte_range_to_range, Encoding};
use super::spec_key::SpecKey;
use crate::ask::Question;
use crate::pipeline::{CheckedCandidate, FunctionSynthesis};
use crate::spec::Spec;
use ropey::Rope;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

/// What a code action carries to `codeAction/resolve`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionData {
    /// Document URI.
    pub uri: String,
    /// Document version the action was computed for.
    pub version: i32,
    /// Spec key of the function.
    pub key: String,
    /// Qualified name of the function.
    pub function: String,
    /// Rank of the candidate.
    pub rank: usize,
    /// The candidate's program: the result can be refreshed (the neural model's candidates
    /// join the search's) between listing and resolving, so the rank alone may name another.
    #[serde(default)]
    pub program: String,
}

/// The best candidate of each behaviour cluster, in rank order, at most `max`.
pub fn cluster_leaders(result: &FunctionSynthesis, max: usize) -> Vec<&CheckedCandidate> {
    let mut ranked: Vec<&CheckedCandidate> = result.candidates.iter().collect();
    ranked.sort_by_key(|c| c.rank);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for c in ranked {
        if out.len() >= max {
            break;
        }
        if seen.contains(&c.cluster) {
            continue;
        }
        seen.push(c.cluster);
        out.push(c);
    }
    out
}

fn short(s: &str, max: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// What a code action does to a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// Fill in the body of an unimplemented function.
    Implement,
    /// Replace the body of an implemented function that fails some of its examples.
    ReplaceBody,
}

/// Title of the action for `c`, the `index`-th cluster leader; with a question, how `c`
/// answers it (so the user sees where the alternatives differ).
pub fn title(
    name: &str,
    c: &CheckedCandidate,
    index: usize,
    question: Option<&Question>,
    offer: Offer,
) -> String {
    let passes = format!("passes {}/{} examples", c.passed, c.total);
    let answer = question.and_then(|q| {
        let a = q.answers.iter().find(|a| a.clusters.contains(&c.rank))?;
        Some(format!(
            "; {} → {}",
            short(&q.call, 50),
            short(&a.shown, 40)
        ))
    });
    let head = match offer {
        Offer::Implement => format!("Implement {name}()"),
        Offer::ReplaceBody if index == 0 => {
            format!("Replace body of {name}() with a verified implementation")
        }
        Offer::ReplaceBody => format!("Replace body of {name}()"),
    };
    match (index, answer) {
        (0, None) => format!("{head} — {passes}"),
        (0, Some(a)) => format!("{head} — {passes}{a}"),
        (_, Some(a)) => format!("{head} — alternative {} — {passes}{a}", index + 1),
        (_, None) => format!(
            "{head} — alternative {}: {} (behaves differently on other inputs) — {passes}",
            index + 1,
            short(&c.program, 60)
        ),
    }
}

/// One "Add example" action per answer to the question: inserts `call → answer` in the user's
/// own example style, after which synthesis reruns with it.
pub fn add_example_actions(
    ctx: &EditContext<'_>,
    spec: &Spec,
    question: &Question,
) -> Vec<CodeAction> {
    question
        .answers
        .iter()
        .filter(|a| a.output.is_some())
        .map(|a| {
            let e = edit::add_example(ctx.source, spec, &question.call, &a.shown, ctx.eol);
            let text_edit = TextEdit {
                range: byte_range_to_range(ctx.rope, e.start, e.end, ctx.encoding),
                new_text: e.text,
            };
            CodeAction {
                title: format!(
                    "Add example: {} → {}",
                    short(&question.call, 60),
                    short(&a.shown, 60)
                ),
                kind: Some(CodeActionKind::QUICKFIX),
                is_preferred: Some(false),
                edit: Some(wrap(ctx, vec![text_edit])),
                ..Default::default()
            }
        })
        .collect()
}

/// Where a code action's edit is filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditsIn {
    /// In the action itself (clients without `codeAction/resolve` for edits).
    Action,
    /// Later, in `codeAction/resolve` (the action carries [`ActionData`]).
    Resolve,
}

/// How to build the actions of one function.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// At most this many implementations (one per behaviour cluster).
    pub max: usize,
    /// Implement a stub or replace a failing body.
    pub offer: Offer,
    /// Where the edits go.
    pub edits: EditsIn,
}

/// The actions for one function: one per behaviour cluster, then "Add example" actions.
pub fn build(
    ctx: &EditContext<'_>,
    key: SpecKey,
    spec: &Spec,
    result: &FunctionSynthesis,
    options: BuildOptions,
) -> Vec<CodeAction> {
    let question = result.question.as_ref();
    // Underdetermined: no implementation is offered, only the examples that settle it.
    let offered = if result.status == crate::pipeline::SynthStatus::Underdetermined {
        0
    } else {
        options.max
    };
    let mut actions: Vec<CodeAction> = cluster_leaders(result, offered)
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let data = ActionData {
                uri: ctx.uri.as_str().to_string(),
                version: ctx.version,
                key: key.to_string(),
                function: spec.qualified_name.clone(),
                rank: c.rank,
                program: c.program.clone(),
            };
            CodeAction {
                title: title(&spec.name, c, i, question, options.offer),
                kind: Some(CodeActionKind::QUICKFIX),
                is_preferred: Some(i == 0),
                edit: (options.edits == EditsIn::Action).then(|| workspace_edit(ctx, spec, c)),
                data: serde_json::to_value(&data).ok(),
                ..Default::default()
            }
        })
        .collect();
    if let Some(q) = question {
        actions.extend(add_example_actions(ctx, spec, q));
    }
    actions
}

pub use crate::edit::line_ending;

/// What building an edit needs besides the candidate.
#[derive(Clone, Copy, Debug)]
pub struct EditContext<'a> {
    /// The document URI.
    pub uri: &'a Uri,
    /// The document version the edit is for.
    pub version: i32,
    /// The document text at that version.
    pub rope: &'a Rope,
    /// The same text.
    pub source: &'a str,
    /// Position encoding.
    pub encoding: Encoding,
    /// Line ending to use.
    pub eol: &'a str,
    /// Use versioned `documentChanges`.
    pub document_changes: bool,
}

/// LSP text edits implementing `spec` with `c`.
pub fn text_edits(ctx: &EditContext<'_>, spec: &Spec, c: &CheckedCandidate) -> Vec<TextEdit> {
    edit::implement(ctx.source, spec, &c.body, &c.imports, ctx.eol)
        .into_iter()
        .map(|e| TextEdit {
            range: byte_range_to_range(ctx.rope, e.start, e.end, ctx.encoding),
            new_text: e.text,
        })
        .collect()
}

/// Wraps text edits of one document into a workspace edit (versioned when the client allows).
pub fn wrap(ctx: &EditContext<'_>, edits: Vec<TextEdit>) -> WorkspaceEdit {
    if ctx.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: ctx.uri.clone(),
                    version: Some(ctx.version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        let mut changes = HashMap::new();
        changes.insert(ctx.uri.clone(), edits);
        WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }
    }
}

/// The workspace edit implementing `spec` with `c`.
pub fn workspace_edit(ctx: &EditContext<'_>, spec: &Spec, c: &CheckedCandidate) -> WorkspaceEdit {
    wrap(ctx, text_edits(ctx, spec, c))
}
