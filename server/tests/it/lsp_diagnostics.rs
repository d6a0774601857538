//! Diagnostics published by the real server over stdio.

use crate::common;

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

const BUGGY: &str = "import math\n\n\ndef shout(s: str) -> str:\n    \"\"\"Upper-case and add an exclamation mark.\n\n    >>> shout(\"hi\")\n    'HI!'\n    >>> shout(\"é\")\n    'É!'\n    \"\"\"\n    return s.upper() + \"?\"\n\n\ndef area(r):\n    # area(1) -> 3.14159\n    return math.pi * r * r / 0\n\n\ndef fine(x):\n    \"\"\"\n    >>> fine(2)\n    4\n    \"\"\"\n    return x * 2\n";

#[test]
fn failing_examples_of_implemented_functions_are_reported_on_their_lines() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("buggy.py");
    std::fs::write(&path, BUGGY).expect("write");
    let uri = common::lsp_client::file_uri(&path);
    c.open(&uri, BUGGY, 1);
    let n = diagnostics_for(&mut c, &uri, 1, "example-fails").expect("failing examples published");
    let diags = n["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let fails: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == json!("example-fails"))
        .collect();
    assert_eq!(fails.len(), 2, "{diags:#?}");
    assert_eq!(fails[0]["range"]["start"]["line"], json!(6));
    assert!(
        fails[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("'HI!'") && m.contains("'HI?'")),
        "{}",
        fails[0]
    );
    assert_eq!(fails[1]["range"]["start"]["line"], json!(8));
    let raises: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == json!("example-raises"))
        .collect();
    assert_eq!(raises.len(), 1, "{diags:#?}");
    assert_eq!(raises[0]["range"]["start"]["line"], json!(15));
    assert!(
        raises[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("ZeroDivisionError")),
        "{}",
        raises[0]
    );
    assert!(
        diags
            .iter()
            .all(|d| d["range"]["start"]["line"].as_u64() < Some(19)),
        "fine() passes"
    );

    // An unrelated edit: the first publish for the new version already carries the failures,
    // moved down one line (no flicker while the re-check runs).
    c.change(&uri, 2, range(0, 0, 0, 0), "# note\n");
    let moved = c
        .wait_notification(|n| {
            n["method"] == json!("textDocument/publishDiagnostics")
                && n["params"]["version"] == json!(2)
        })
        .expect("publish for version 2");
    let lines: Vec<u64> = moved["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|d| d["code"] == json!("example-fails"))
        .filter_map(|d| d["range"]["start"]["line"].as_u64())
        .collect();
    assert_eq!(lines, vec![7, 9], "{moved:#}");

    // Fix the bug: the failures go away after the debounced re-check.
    c.change(&uri, 3, range(12, 23, 12, 24), "!");
    let fixed = c.wait_notification(|n| {
        n["method"] == json!("textDocument/publishDiagnostics")
            && n["params"]["version"] == json!(3)
            && n["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.len() == 1 && d[0]["code"] == json!("example-raises"))
    });
    assert!(fixed.is_some(), "{:#?}", c.notifications.last());
    assert!(c.shutdown().success());
}

const NONE_DOCTEST: &str = "def first_negative(nums):\n    \"\"\"The first negative number, or None.\n\n    >>> first_negative([3, -1])\n    -1\n    >>> first_negative([1, 2])\n    None\n    \"\"\"\n    return None\n";

/// A doctest expecting `None` fails under doctest whatever the body (doctest prints nothing
/// for `None`): the line gets a hint saying so, and the check reads it as "returns None".
#[test]
fn a_doctest_expecting_none_gets_a_hint_and_passes() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("none_doctest.py");
    std::fs::write(&path, NONE_DOCTEST).expect("write");
    let uri = common::lsp_client::file_uri(&path);
    c.open(&uri, NONE_DOCTEST, 1);
    let n = diagnostics_for(&mut c, &uri, 1, "doctest-none").expect("hint published");
    let diags = n["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let hint = diags
        .iter()
        .find(|d| d["code"] == json!("doctest-none"))
        .expect("the hint");
    assert_eq!(hint["severity"], json!(4), "hint severity");
    assert_eq!(hint["range"]["start"]["line"], json!(5));
    assert!(
        hint["message"]
            .as_str()
            .is_some_and(|m| m.contains("first_negative([1, 2]) is None")),
        "{hint}"
    );
    // The body returns None: the checked first example fails, the `None` line passes.
    let n = diagnostics_for(&mut c, &uri, 1, "example-fails").expect("the check published");
    let fails: Vec<Value> = n["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d["code"] != json!("doctest-none"))
        .collect();
    assert_eq!(fails.len(), 1, "{fails:#?}");
    assert_eq!(fails[0]["range"]["start"]["line"], json!(3));
    assert!(c.shutdown().success());
}
