//! The editor's trust model over a real `docsynth lsp`: with `runExamples: never`, or
//! `trusted` in a workspace the client does not trust, nothing from the file runs (a marker
//! file an example would write never appears, no check result is published, no synthesis
//! starts) and the server says why; trusting the workspace later runs the examples without a
//! restart.

use crate::common;

use common::lsp_client::LspClient;
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

/// A file whose examples would write `marker`, next to an implemented function whose example
/// fails (the positive control: when examples run, its failure is published) and a stub.
fn hostile_file(marker: &Path) -> String {
    format!(
        "def touch(x):\n    \"\"\"Writes a file when its example runs.\n\n    >>> touch(1)\n    1\n    \"\"\"\n    open({marker:?}, 'w').write('ran')\n    return x\n\n\ndef double(x):\n    \"\"\"Twice x.\n\n    >>> double(2)\n    5\n    \"\"\"\n    return x * 2\n\n\ndef shout(s):\n    \"\"\"Upper case.\n\n    >>> shout('ab')\n    'AB'\n    \"\"\"\n    ...\n",
        marker = marker.display().to_string()
    )
}

fn codes(n: &Value) -> Vec<String> {
    n["params"]["diagnostics"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter_map(|x| x["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn diagnostics_with(c: &mut LspClient, uri: &str, code: &str) -> Option<Value> {
    c.wait_notification(|n| {
        n["method"] == json!("textDocument/publishDiagnostics")
            && n["params"]["uri"] == json!(uri)
            && codes(n).iter().any(|c| c == code)
    })
}

/// Opens the hostile file under `options`; asserts that nothing ran and the server said why
/// (`why` is part of the message). Returns the client and the file's URI.
fn assert_nothing_runs(options: Value, why: &str, dir: &Path) -> (LspClient, String) {
    let marker = dir.join("marker");
    let path = dir.join("hostile.py");
    let text = hostile_file(&marker);
    std::fs::write(&path, &text).expect("write file");
    let uri = format!("file://{}", path.display());
    let mut c = LspClient::spawn();
    c.initialize(false, options);
    c.open(&uri, &text, 1);
    let n = diagnostics_with(&mut c, &uri, "examples-not-run").expect("the server says why");
    let message = n["params"]["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(message.contains(why), "{message}");
    assert_eq!(
        codes(&n),
        vec!["examples-not-run"],
        "one diagnostic per document"
    );
    let shown = c
        .wait_notification(|n| n["method"] == json!("window/showMessage"))
        .expect("a message says why");
    assert!(
        shown["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains(why)),
        "{shown}"
    );
    // The stub's code action is disabled with the reason; the command refuses.
    let actions = c.code_actions(&uri, 20, 5).expect("code actions answered");
    let first = &actions[0];
    assert!(
        first["disabled"]["reason"]
            .as_str()
            .is_some_and(|r| r.contains(why)),
        "{actions}"
    );
    let refused = c.request(
        "workspace/executeCommand",
        json!({"command": "docsynth.synthesize", "arguments": [uri]}),
    );
    assert!(refused.is_err(), "{refused:?}");
    // An edit re-analyzes; still nothing runs.
    c.change(&uri, 2, common::lsp_client::range(0, 0, 0, 0), "# edited\n");
    c.pump(Duration::from_secs(3));
    assert!(!marker.exists(), "an example ran: the marker was written");
    let ran = c.notifications.iter().any(|n| {
        codes(n)
            .iter()
            .any(|code| code.starts_with("example-") || code == "ready")
            || n["method"] == json!("$/progress")
    });
    assert!(!ran, "a check or synthesis ran: {:?}", c.notifications);
    (c, uri)
}

#[test]
fn run_examples_never_runs_nothing_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (c, _) = assert_nothing_runs(
        json!({"docsynth": {"runExamples": "never"}}),
        "\"never\"",
        dir.path(),
    );
    assert!(c.shutdown().success());
}

#[test]
fn an_untrusted_workspace_runs_nothing_until_it_is_trusted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut c, uri) = assert_nothing_runs(
        json!({"docsynth": {"workspaceTrusted": false}}),
        "until you trust it",
        dir.path(),
    );
    // Trusting the workspace (what the VS Code extension sends on onDidGrantWorkspaceTrust)
    // runs the examples without a restart: the failing example is reported.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"docsynth": {"workspaceTrusted": true}}}),
    );
    let n = diagnostics_with(&mut c, &uri, "example-fails").expect("examples run once trusted");
    assert!(!codes(&n).contains(&"examples-not-run".to_string()));
    assert!(c.shutdown().success());
}

#[test]
fn run_examples_always_ignores_workspace_trust() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("always.py");
    let text = hostile_file(&dir.path().join("marker"));
    std::fs::write(&path, &text).expect("write file");
    let uri = format!("file://{}", path.display());
    let mut c = LspClient::spawn();
    c.initialize(
        false,
        json!({"docsynth": {"runExamples": "always", "workspaceTrusted": false}}),
    );
    c.open(&uri, &text, 1);
    diagnostics_with(&mut c, &uri, "example-fails").expect("examples run");
    assert!(c.shutdown().success());
}
