//! Hundreds of random edits (out-of-range positions, CRLF, emoji, deletions) over real stdio:
//! the server stays up, answers requests, and its final hints sit exactly where a fresh
//! extraction of the same text puts them.

use crate::common;

use common::lsp_client::LspClient;
use docsynth::lsp::document::Document;
use docsynth::lsp::position::Encoding;
use docsynth::spec::{self, BodyState};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

const START: &str = "def a(x):\n    \"\"\"No examples.\"\"\"\n    ...\n\n\ndef b(y):\n    pass\n";
const PIECES: &[&str] = &[
    "\n",
    "\r\n",
    "def c(z):\n    ...\n",
    "    ",
    "é",
    "😀",
    "x",
    "pass",
    "\"\"\"",
    "# b(1) -> 2\n",
    "",
];

fn run(seed: u64, utf8: bool) {
    let enc = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut c = LspClient::spawn();
    c.initialize(
        utf8,
        json!({"docsynth": {"engine": "search", "budgetMs": 100}}),
    );
    let uri = format!("untitled:random-{seed}");
    c.open(&uri, START, 1);
    let mut doc = Document::new(START, 1, "python".into());
    let mut version = 1;
    for i in 0..300 {
        version += 1;
        let mut pos = || Position::new(rng.gen_range(0..20), rng.gen_range(0..40));
        let (a, b) = (pos(), pos());
        let text = PIECES[rng.gen_range(0..PIECES.len())].to_string();
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(a, b)),
            range_length: None,
            text: text.clone(),
        };
        doc.apply_changes(&[change], version, enc);
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": a, "end": b}, "text": text}]}),
        );
        if i % 25 == 0 {
            assert!(c
                .code_actions(&uri, rng.gen_range(0..30), rng.gen_range(0..50))
                .is_ok());
        }
    }
    let text = doc.text();
    let specs = spec::extract(&text);
    let mut expected: Vec<u64> = specs
        .functions
        .iter()
        .filter(|f| f.body_state == BodyState::Unimplemented && f.examples.is_empty())
        .map(|f| {
            let (s, _) = docsynth::lsp::diagnostics::def_line(&text, f);
            docsynth::lsp::position::byte_to_position(&doc.rope, s, enc).line as u64
        })
        .collect();
    expected.sort_unstable();
    let last = c
        .wait_notification(|n| {
            n["method"] == json!("textDocument/publishDiagnostics")
                && n["params"]["uri"] == json!(uri)
                && n["params"]["version"] == json!(version)
        })
        .expect("diagnostics for the final version");
    let mut got: Vec<u64> = last["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|d| d["code"] == json!("no-examples"))
        .filter_map(|d: &Value| d["range"]["start"]["line"].as_u64())
        .collect();
    got.sort_unstable();
    eprintln!("seed {seed}: hints on lines {expected:?}");
    assert_eq!(got, expected, "seed {seed}, final text:\n{text}");
    assert!(c.alive());
    assert!(c.shutdown().success());
}

#[test]
fn random_edits_in_utf16() {
    run(7, false);
}

#[test]
fn random_edits_in_utf8() {
    run(11, true);
}
