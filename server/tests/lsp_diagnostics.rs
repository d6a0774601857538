//! Diagnostics published by the real server over stdio.

mod common;

use common::lsp_client::{range, LspClient};
use serde_json::{json, Value};

fn diagnostics_for(c: &mut LspClient, uri: &str, version: i64, code: &str) -> Option<Value> {
    c.wait_notification(|n| {
        n["method"] == json!("textDocument/publishDiagnostics")
            && n["params"]["uri"] == json!(uri)
            && n["params"]["version"] == json!(version)
            && n["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.iter().any(|x| x["code"] == json!(code)))
    })
}

const NO_EXAMPLES: &str =
    "# héllo wörld 😀\ndef ünï(x):  # 😀\n    \"\"\"Nothing to go on.\"\"\"\n    ...\n";

#[test]
fn a_stub_without_examples_gets_a_hint_on_its_def_line_in_utf16() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let uri = "file:///tmp/docsynth-no-examples.py";
    c.open(uri, NO_EXAMPLES, 1);
    let n = diagnostics_for(&mut c, uri, 1, "no-examples").expect("hint published");
    let d = &n["params"]["diagnostics"][0];
    assert_eq!(d["severity"], json!(4), "hint severity");
    assert_eq!(d["source"], json!("docsynth"));
    // `def ünï(x):  # 😀` is 17 UTF-16 units (the emoji is a surrogate pair).
    assert_eq!(d["range"], range(1, 0, 1, 17));
    assert!(d["message"].as_str().is_some_and(|m| m.contains("ünï()")));
    assert!(c.shutdown().success());
}

#[test]
fn the_same_hint_uses_byte_columns_under_utf8() {
    let mut c = LspClient::spawn();
    c.initialize(true, Value::Null);
    let uri = "file:///tmp/docsynth-no-examples-utf8.py";
    c.open(uri, NO_EXAMPLES, 1);
    let n = diagnostics_for(&mut c, uri, 1, "no-examples").expect("hint published");
    // 17 UTF-16 units are 21 UTF-8 bytes (ü, ï: 2 bytes each; 😀: 4).
    assert_eq!(n["params"]["diagnostics"][0]["range"], range(1, 0, 1, 21));
    assert!(c.shutdown().success());
}

#[test]
fn diagnostics_follow_edits_and_can_be_turned_off() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let uri = "file:///tmp/docsynth-follow.py";
    c.open(uri, NO_EXAMPLES, 1);
    diagnostics_for(&mut c, uri, 1, "no-examples").expect("first hint");
    // Two blank lines above the function move the hint down by two lines.
    c.change(uri, 2, range(1, 0, 1, 0), "\n\n");
    let n = diagnostics_for(&mut c, uri, 2, "no-examples").expect("hint after the edit");
    assert_eq!(
        n["params"]["diagnostics"][0]["range"]["start"]["line"],
        json!(3)
    );
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"docsynth": {"diagnostics": false}}}),
    );
    let off = c.wait_new_notification(|n| {
        n["method"] == json!("textDocument/publishDiagnostics")
            && n["params"]["uri"] == json!(uri)
            && n["params"]["diagnostics"] == json!([])
    });
    assert!(off.is_some(), "diagnostics: false clears them");
    assert!(c.shutdown().success());
}
