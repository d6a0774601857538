//! The language server over real stdio: initialization and encodings, odd edits, untitled
//! buffers, settings, messages, stale resolves, shutdown. These tests need no synthesis.

use crate::common;

use common::lsp_client::{range, LspClient};
use serde_json::{json, Value};
use std::time::Duration;

const STUB: &str = "def initials(name: str) -> str:\n    \"\"\"Surname and first initial.\n\n    >>> initials(\"Mason Smith\")\n    'Smith M'\n    \"\"\"\n    ...\n";

#[test]
fn initialize_negotiates_utf16_by_default() {
    let mut c = LspClient::spawn();
    let r = c.initialize(false, Value::Null);
    let caps = &r["capabilities"];
    assert_eq!(caps["positionEncoding"], json!("utf-16"));
    assert_eq!(caps["textDocumentSync"]["change"], json!(2));
    assert_eq!(caps["codeActionProvider"]["resolveProvider"], json!(true));
    assert_eq!(
        caps["executeCommandProvider"]["commands"],
        json!(["docsynth.synthesize"])
    );
    assert_eq!(r["serverInfo"]["name"], json!("docsynth"));
    assert_eq!(
        caps["workspace"]["workspaceFolders"]["changeNotifications"],
        json!(true)
    );
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": "file:///tmp", "name": "tmp"}], "removed": [{"uri": "untitled:x", "name": "x"}]}}),
    );
    assert!(c.shutdown().success());
}

#[test]
fn initialize_picks_utf8_when_offered() {
    let mut c = LspClient::spawn();
    let r = c.initialize(true, Value::Null);
    assert_eq!(r["capabilities"]["positionEncoding"], json!("utf-8"));
    assert!(c.shutdown().success());
}

#[test]
fn odd_edits_never_kill_the_server() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let uri = "file:///tmp/docsynth-odd-edits.py";
    c.open(uri, STUB, 1);
    // Out of range, reversed, inside a surrogate pair, everything deleted, non-ASCII inserted.
    c.change(uri, 2, range(500, 3, 900, 1), "# tail\n");
    c.change(uri, 3, range(3, 40, 1, 2), "");
    c.change(uri, 4, range(0, 0, 0, 0), "😀é\u{2028}");
    c.change(uri, 5, range(0, 1, 0, 1), "x");
    c.change(uri, 6, range(0, 0, 10_000, 10_000), "");
    c.change(
        uri,
        7,
        range(u32::MAX, u32::MAX, u32::MAX, u32::MAX),
        "ünïcödé = '🚀'\n",
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 8}, "contentChanges": [{"text": STUB}]}),
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///never/opened.py", "version": 1}, "contentChanges": [{"text": "x"}]}),
    );
    // Requests at absurd positions still answer.
    assert!(c.code_actions(uri, 99_999, 99_999).is_ok());
    assert!(c.code_actions(uri, 0, 3).is_ok());
    assert!(c.alive());
    assert!(c.shutdown().success());
}

#[test]
fn untitled_buffers_are_served() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let uri = "untitled:Untitled-1";
    c.open(uri, STUB, 1);
    c.change(uri, 2, range(0, 0, 0, 0), "\n");
    assert!(c.code_actions(uri, 1, 5).is_ok());
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = c.wait_notification(|n| {
        n["method"] == json!("textDocument/publishDiagnostics")
            && n["params"]["uri"] == json!(uri)
            && n["params"]["diagnostics"] == json!([])
    });
    assert!(cleared.is_some(), "closing clears diagnostics");
    assert!(c.shutdown().success());
}

#[test]
fn bad_settings_are_logged_and_good_ones_apply() {
    let mut c = LspClient::spawn();
    c.initialize(
        false,
        json!({"docsynth": {"beamSize": "wide", "budgetMs": 300, "device": "cpu"}}),
    );
    let warn = c.wait_notification(|n| {
        n["method"] == json!("window/logMessage")
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("docsynth.beamSize"))
    });
    assert!(warn.is_some(), "the bad key is named in a log message");
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"docsynth": {"maxActions": 2, "diagnostics": false}}}),
    );
    let applied = c.wait_notification(|n| {
        n["method"] == json!("window/logMessage")
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("max_actions: 2") && m.contains("budget_ms: 300"))
    });
    assert!(
        applied.is_some(),
        "new settings are logged: {:?}",
        c.notifications
    );
    assert!(c.shutdown().success());
}

#[test]
fn settings_are_pulled_when_the_notification_has_none() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    c.configuration = json!({"budgetMs": 1234});
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let applied = c.wait_notification(|n| {
        n["method"] == json!("window/logMessage")
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("budget_ms: 1234"))
    });
    assert!(applied.is_some());
    assert!(c
        .server_requests
        .iter()
        .any(|r| r["method"] == json!("workspace/configuration")));
    assert!(c.shutdown().success());
}

#[test]
fn a_missing_interpreter_is_shown_once_and_the_server_keeps_serving() {
    let mut c = LspClient::spawn();
    c.initialize(
        false,
        json!({"docsynth": {"pythonPath": "/nonexistent/bin/python", "engine": "search"}}),
    );
    let shown = c.wait_notification(|n| {
        n["method"] == json!("window/showMessage")
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("/nonexistent/bin/python"))
    });
    assert!(shown.is_some(), "one clear message names the interpreter");
    let uri = "file:///tmp/docsynth-missing-python.py";
    c.open(uri, STUB, 1);
    assert!(c.code_actions(uri, 0, 5).is_ok());
    c.pump(Duration::from_millis(300));
    let count = c
        .notifications
        .iter()
        .filter(|n| {
            n["method"] == json!("window/showMessage")
                && n["params"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("/nonexistent/bin/python"))
        })
        .count();
    assert_eq!(count, 1);
    assert!(c.shutdown().success());
}

#[test]
fn resolve_refuses_an_action_for_an_older_version() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let uri = "file:///tmp/docsynth-stale.py";
    c.open(uri, STUB, 1);
    c.change(uri, 2, range(0, 0, 0, 0), "# edited\n");
    let err = c
        .request(
            "codeAction/resolve",
            json!({"title": "Implement initials()", "kind": "quickfix",
                   "data": {"uri": uri, "version": 1, "key": "00000000000000ff", "function": "initials", "rank": 1}}),
        )
        .expect_err("a stale action is refused");
    assert_eq!(err["code"], json!(-32801), "ContentModified: {err}");
    let err2 = c
        .request("codeAction/resolve", json!({"title": "x", "data": 5}))
        .expect_err("foreign data is refused");
    assert_eq!(err2["code"], json!(-32602));
    assert!(c.shutdown().success());
}

#[test]
fn bad_command_arguments_are_errors_not_crashes() {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    let e1 = c.request(
        "workspace/executeCommand",
        json!({"command": "docsynth.synthesize", "arguments": [42]}),
    );
    assert!(e1.is_err());
    let e2 = c.request(
        "workspace/executeCommand",
        json!({"command": "docsynth.nope", "arguments": []}),
    );
    assert!(e2.is_err());
    let e3 = c.request(
        "workspace/executeCommand",
        json!({"command": "docsynth.synthesize", "arguments": ["file:///not/open.py"]}),
    );
    assert!(e3.is_err());
    assert!(c.alive());
    assert!(c.shutdown().success());
}

#[test]
fn a_missing_onnx_runtime_and_model_give_one_message() {
    let empty = tempfile::tempdir().expect("tempdir");
    // No runtime anywhere the writer looks: a bad ORT_DYLIB_PATH, no `.venv` above the working
    // directory, and a `python3` first on PATH that cannot import onnxruntime.
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let bin = elsewhere.path().join("bin");
    std::fs::create_dir(&bin).expect("mkdir");
    let real = std::process::Command::new("sh")
        .args(["-c", "command -v python3"])
        .output()
        .expect("sh");
    let real = String::from_utf8_lossy(&real.stdout).trim().to_string();
    let shim = bin.join("python3");
    std::fs::write(
        &shim,
        format!("#!/bin/sh\ncase \"$*\" in *onnxruntime*) exit 1;; esac\nexec {real} \"$@\"\n"),
    )
    .expect("write shim");
    std::fs::set_permissions(&shim, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = LspClient::spawn_in(
        Some(elsewhere.path()),
        &[
            ("ORT_DYLIB_PATH", "/nonexistent/libonnxruntime.so"),
            ("PATH", &path),
        ],
    );
    c.initialize(
        false,
        json!({"docsynth": {"modelDir": empty.path().display().to_string()}}),
    );
    let shown = c
        .wait_notification(|n| n["method"] == json!("window/showMessage"))
        .expect("a message is shown");
    let text = shown["params"]["message"].as_str().unwrap_or("");
    assert!(
        text.contains("ONNX Runtime") && text.contains("/nonexistent/libonnxruntime.so"),
        "{text}"
    );
    assert!(
        text.contains("no neural model for strings")
            && text.contains("lists")
            && text.contains(&empty.path().display().to_string()),
        "{text}"
    );
    // One fix per problem, and no raw stderr line says it again.
    assert_eq!(text.matches("Fix:").count(), 2, "{text}");
    assert!(
        text.contains("enumerative search still runs")
            || text.contains("only the enumerative search runs"),
        "{text}"
    );
    let uri = "file:///tmp/docsynth-no-runtime.py";
    c.open(uri, STUB, 1);
    assert!(c.code_actions(uri, 0, 5).is_ok());
    c.pump(Duration::from_millis(300));
    let count = c
        .notifications
        .iter()
        .filter(|n| n["method"] == json!("window/showMessage"))
        .count();
    assert_eq!(count, 1, "{:#?}", c.notifications);
    assert!(c.shutdown().success());
}
