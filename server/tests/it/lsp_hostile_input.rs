//! A real `docsynth lsp` process over stdio, fed what a broken or hostile client sends: each
//! malformed frame gets the JSON-RPC error the specification names and the next valid request
//! is still answered; a seeded fuzz run of random and malformed frames never stops it
//! answering; `exit` gives status 1 without `shutdown` and 0 after it.

use crate::common;

use common::lsp_client::LspClient;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use std::time::Duration;

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const METHOD_NOT_FOUND: i64 = -32601;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn with_header(header: &str, body: &[u8]) -> Vec<u8> {
    let mut out = header.as_bytes().to_vec();
    out.extend_from_slice(body);
    out
}

fn request_body(id: Value, method: &str, params: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
        .expect("serialize")
}

fn code_action_params(uri: &str) -> Value {
    json!({"textDocument": {"uri": uri},
           "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
           "context": {"diagnostics": []}})
}

/// Sends a valid request and fails (naming `after`) unless it is answered with a result.
fn probe(c: &mut LspClient, after: &str) {
    let id = c.send_request(
        "textDocument/codeAction",
        code_action_params("file:///never/opened-probe.py"),
    );
    let reply = c.wait_message(|m| m.get("method").is_none() && m["id"] == json!(id));
    match reply {
        Some(m) => assert!(
            m.get("result").is_some(),
            "after {after}: the probe got an error: {m}"
        ),
        None => panic!(
            "after {after}: no answer to a valid request (server alive: {})",
            c.alive()
        ),
    }
    assert!(c.alive(), "after {after}: the server died");
}

/// Waits for an error reply with `code` and `id`.
fn expect_error(c: &mut LspClient, case: &str, code: i64, id: Value) {
    let got = c.wait_message(|m| {
        m.get("method").is_none() && m["error"]["code"] == json!(code) && m["id"] == id
    });
    assert!(got.is_some(), "{case}: no error {code} with id {id}");
}

/// One malformed input and the error reply it must get (`None`: no reply is expected).
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    reply: Option<ErrorReply>,
}

/// The code and id of an expected error response.
type ErrorReply = (i64, Value);

fn case(name: &'static str, bytes: Vec<u8>, reply: Option<ErrorReply>) -> Case {
    Case { name, bytes, reply }
}

fn initialized() -> LspClient {
    let mut c = LspClient::spawn();
    c.initialize(false, Value::Null);
    c
}

#[test]
fn each_malformed_frame_is_answered_and_the_session_goes_on() {
    let mut c = initialized();
    let valid = |id: i64| {
        request_body(
            json!(id),
            "textDocument/codeAction",
            code_action_params("file:///nope.py"),
        )
    };
    let deep = "[".repeat(100_000);
    let cases: Vec<Case> = vec![
        case(
            "invalid JSON body",
            frame(br#"{"jsonrpc":"2.0","id":"#),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "body not UTF-8",
            frame(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xff\xfe\"}"),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "nesting deeper than any parser allows",
            frame(deep.as_bytes()),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "missing Content-Length",
            with_header("Content-Type: application/json\r\n\r\n", &valid(9001)),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "non-numeric Content-Length",
            with_header("Content-Length: twelve\r\n\r\n", &valid(9002)),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "negative Content-Length",
            with_header("Content-Length: -5\r\n\r\n", b"{}"),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "huge Content-Length",
            with_header("Content-Length: 99999999999999999\r\n\r\n", b"{}"),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "garbage between messages",
            b"\x00\x01 GET / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
            Some((PARSE_ERROR, Value::Null)),
        ),
        case(
            "truncated header",
            b"Content-Len".to_vec(),
            None, // completed by the probe's header: skipped as garbage, probe answered
        ),
        case(
            "object as id",
            frame(&request_body(
                json!({"x": 1}),
                "textDocument/codeAction",
                code_action_params("file:///a.py"),
            )),
            Some((INVALID_REQUEST, Value::Null)),
        ),
        case(
            "fractional id",
            frame(&request_body(json!(1.5), "textDocument/codeAction", json!({}))),
            Some((INVALID_REQUEST, Value::Null)),
        ),
        case(
            "id without method",
            frame(br#"{"jsonrpc":"2.0","id":9003}"#),
            Some((INVALID_REQUEST, json!(9003))),
        ),
        case(
            "method not a string",
            frame(br#"{"jsonrpc":"2.0","id":9004,"method":[1]}"#),
            Some((INVALID_REQUEST, json!(9004))),
        ),
        case(
            "wrong jsonrpc version",
            frame(br#"{"jsonrpc":"1.0","id":9005,"method":"textDocument/codeAction"}"#),
            Some((INVALID_REQUEST, json!(9005))),
        ),
        case(
            "a batch",
            frame(format!("[{}]", String::from_utf8_lossy(&valid(9006))).as_bytes()),
            Some((INVALID_REQUEST, Value::Null)),
        ),
        case(
            "unknown $/ request",
            frame(&request_body(json!(9007), "$/docsynthUnknown", json!({}))),
            Some((METHOD_NOT_FOUND, json!(9007))),
        ),
        case(
            "unknown $/ notification",
            frame(br#"{"jsonrpc":"2.0","method":"$/docsynthUnknown","params":{}}"#),
            None,
        ),
        case(
            "duplicate keys and unknown fields",
            frame(br#"{"jsonrpc":"2.0","id":1,"id":9008,"extra":[],"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///x.py"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}"#),
            None,
        ),
        case(
            "malformed response to nothing",
            frame(br#"{"jsonrpc":"2.0","id":5,"error":{"code":"x"}}"#),
            None,
        ),
        case(
            "params of the wrong type for a request",
            frame(&request_body(json!(9009), "textDocument/codeAction", json!(["x"]))),
            Some((-32602, json!(9009))),
        ),
    ];
    for Case {
        name: case,
        bytes,
        reply: expected,
    } in cases
    {
        c.send_raw(&bytes);
        if let Some((code, id)) = expected {
            expect_error(&mut c, case, code, id);
        }
        probe(&mut c, case);
    }
    // A request with LF-only headers is answered normally.
    let body = valid(9100);
    c.send_raw(&with_header(
        &format!("Content-Length: {}\n\n", body.len()),
        &body,
    ));
    let r = c.wait_message(|m| m["id"] == json!(9100));
    assert!(
        r.is_some_and(|m| m.get("result").is_some()),
        "LF-only headers"
    );
    // A Content-Length longer than the body does not swallow the next message: both answered.
    let body = valid(9101);
    c.send_raw(&with_header(
        &format!("Content-Length: {}\r\n\r\n", body.len() + 40),
        &body,
    ));
    let next = valid(9102);
    c.send_raw(&frame(&next));
    // Requests run concurrently, so their replies may come in either order.
    let mut pending = vec![9101, 9102];
    while !pending.is_empty() {
        let r = c.wait_message(|m| m["id"].as_i64().is_some_and(|id| pending.contains(&id)));
        let Some(m) = r else {
            panic!("too-long length: no reply for {pending:?}");
        };
        assert!(m.get("result").is_some(), "too-long length: {m}");
        pending.retain(|id| m["id"] != json!(*id));
    }
    // A Content-Length shorter than the body: a parse error, then the next message answered.
    let body = valid(9103);
    c.send_raw(&with_header(
        &format!("Content-Length: {}\r\n\r\n", body.len() - 5),
        &body,
    ));
    expect_error(&mut c, "too-short length", PARSE_ERROR, Value::Null);
    probe(&mut c, "too-short length");
    // The duplicate-id request above was answered under the id that came last.
    assert!(c.shutdown().success());
}

#[test]
fn exit_without_shutdown_is_status_1_and_after_shutdown_0() {
    let mut c = initialized();
    c.notify("exit", Value::Null);
    let status = c
        .wait_exit(Duration::from_secs(20))
        .expect("exits after `exit`");
    assert_eq!(status.code(), Some(1), "exit without shutdown");

    let mut c = initialized();
    c.send_raw(b"garbage first\r\n");
    let status = {
        c.request("shutdown", Value::Null)
            .expect("shutdown answered");
        c.notify("exit", Value::Null);
        c.wait_exit(Duration::from_secs(20))
            .expect("exits after `exit`")
    };
    assert_eq!(status.code(), Some(0), "exit after shutdown");

    // The client closing stdin without `shutdown` counts as an abnormal end too.
    let mut c = initialized();
    let status = c
        .wait_exit(Duration::from_secs(20))
        .expect("exits at end of input");
    assert_eq!(status.code(), Some(1), "end of input without shutdown");
}

const METHODS: &[&str] = &[
    "textDocument/codeAction",
    "codeAction/resolve",
    "workspace/executeCommand",
    "textDocument/didOpen",
    "textDocument/didChange",
    "textDocument/didClose",
    "textDocument/didSave",
    "workspace/didChangeConfiguration",
    "workspace/didChangeWorkspaceFolders",
    "initialize",
    "initialized",
    "$/cancelRequest",
    "$/progress",
    "$/setTrace",
    "no/suchMethod",
];

fn random_json(rng: &mut ChaCha8Rng, depth: u32) -> Value {
    let pick = if depth == 0 {
        rng.gen_range(0..5)
    } else {
        rng.gen_range(0..7)
    };
    match pick {
        0 => Value::Null,
        1 => json!(rng.gen::<bool>()),
        2 => json!(rng.gen_range(-1_000_000i64..1_000_000)),
        3 => json!(rng.gen::<f64>() * 1e6),
        4 => {
            let s: String = (0..rng.gen_range(0..12))
                .map(|_| {
                    *['a', 'é', '😀', '"', '\\', '\n', '{', 'x', '\u{0}']
                        .choose(rng)
                        .unwrap_or(&'a')
                })
                .collect();
            json!(s)
        }
        5 => Value::Array(
            (0..rng.gen_range(0..4))
                .map(|_| random_json(rng, depth - 1))
                .collect(),
        ),
        _ => {
            let keys = [
                "jsonrpc",
                "id",
                "method",
                "params",
                "result",
                "error",
                "code",
                "message",
                "textDocument",
                "uri",
                "range",
                "text",
                "contentChanges",
                "version",
            ];
            let mut m = serde_json::Map::new();
            for _ in 0..rng.gen_range(0..5) {
                let k = keys.choose(rng).copied().unwrap_or("x");
                m.insert(k.to_string(), random_json(rng, depth - 1));
            }
            Value::Object(m)
        }
    }
}

/// A message that is valid JSON-RPC but has random (often ill-typed) params; ids never
/// collide with the probes' (which are positive).
fn random_message(rng: &mut ChaCha8Rng) -> Value {
    let method = *METHODS.choose(rng).unwrap_or(&"no/suchMethod");
    let mut m = json!({"jsonrpc": "2.0", "method": method, "params": random_json(rng, 3)});
    match rng.gen_range(0..4) {
        0 => {}
        1 => m["id"] = json!(-rng.gen_range(1i64..1_000_000)),
        2 => m["id"] = json!(format!("fz-{}", rng.gen::<u32>())),
        _ => m["id"] = non_positive(random_json(rng, 1)),
    }
    if rng.gen_bool(0.2) {
        // Mangle the envelope too.
        let keys = ["jsonrpc", "method", "params", "id"];
        let k = keys.choose(rng).copied().unwrap_or("id");
        m[k] = non_positive(random_json(rng, 2));
    }
    m
}

/// `v`, with a positive integer negated (positive ids belong to the probes).
fn non_positive(v: Value) -> Value {
    match v.as_i64() {
        Some(n) if n > 0 => json!(-n),
        _ => v,
    }
}

/// One random unit of input (what it is, for failure messages, and the bytes).
fn random_unit(rng: &mut ChaCha8Rng, uri: &str, version: &mut i32) -> (&'static str, Vec<u8>) {
    match rng.gen_range(0..10) {
        0 => {
            let n = rng.gen_range(0..300);
            ("random bytes", (0..n).map(|_| rng.gen::<u8>()).collect())
        }
        1 => {
            let header = b"Content-Length: 123\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n";
            let cut = rng.gen_range(0..header.len());
            ("truncated header", header[..cut].to_vec())
        }
        2 => {
            let body = serde_json::to_vec(&random_message(rng)).unwrap_or_default();
            let delta = rng.gen_range(-20i64..40);
            let len = (body.len() as i64 + delta).max(0);
            (
                "wrong length",
                with_header(&format!("Content-Length: {len}\r\n\r\n"), &body),
            )
        }
        3 => {
            let len = *[
                u64::MAX,
                1 << 40,
                300 << 20,
                99_999_999_999_999_999_999u128 as u64,
            ]
            .choose(rng)
            .unwrap_or(&u64::MAX);
            (
                "huge length",
                format!("Content-Length: {len}\r\n\r\n{{}}").into_bytes(),
            )
        }
        4 => {
            let mut body = serde_json::to_vec(&random_message(rng)).unwrap_or_default();
            let cut = rng.gen_range(0..=body.len());
            body.truncate(cut);
            ("truncated JSON", frame(&body))
        }
        5 => (
            "random JSON",
            frame(&serde_json::to_vec(&random_json(rng, 4)).unwrap_or_default()),
        ),
        6 => {
            let body = serde_json::to_vec(&random_message(rng)).unwrap_or_default();
            let sep = if rng.gen_bool(0.5) { "\n" } else { "\r\n" };
            (
                "random message",
                with_header(&format!("content-length:{}{sep}{sep}", body.len()), &body),
            )
        }
        7 => {
            // A valid edit to the open document, at a random place.
            *version += 1;
            let (l1, c1, l2, c2) = (
                rng.gen_range(0..30u32),
                rng.gen_range(0..40u32),
                rng.gen_range(0..30u32),
                rng.gen_range(0..40u32),
            );
            let text = *[
                "",
                "x",
                "\n",
                "def g(y):\n    return y\n",
                "é😀",
                "\"\"\"",
                "    ",
            ]
            .choose(rng)
            .unwrap_or(&"");
            let msg = json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": *version},
                           "contentChanges": [{"range": {"start": {"line": l1, "character": c1},
                                                         "end": {"line": l2, "character": c2}},
                                               "text": text}]}});
            (
                "valid edit",
                frame(&serde_json::to_vec(&msg).unwrap_or_default()),
            )
        }
        8 => {
            let msg = json!({"jsonrpc": "2.0", "id": format!("fz-ca-{}", rng.gen::<u32>()),
                "method": "textDocument/codeAction",
                "params": {"textDocument": {"uri": uri},
                           "range": {"start": {"line": rng.gen_range(0..40u32), "character": rng.gen_range(0..80u32)},
                                     "end": {"line": rng.gen_range(0..40u32), "character": rng.gen_range(0..80u32)}},
                           "context": {"diagnostics": []}}});
            (
                "valid code action",
                frame(&serde_json::to_vec(&msg).unwrap_or_default()),
            )
        }
        _ => {
            let body = serde_json::to_vec(&random_message(rng)).unwrap_or_default();
            let mut bytes = frame(&body);
            let flips = rng.gen_range(1..4);
            for _ in 0..flips {
                let i = rng.gen_range(0..bytes.len());
                bytes[i] = rng.gen();
            }
            ("flipped bytes", bytes)
        }
    }
}

#[test]
fn fuzzed_frames_never_stop_the_server_answering() {
    let bursts: usize = std::env::var("DOCSYNTH_FUZZ_BURSTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    let mut rng = ChaCha8Rng::seed_from_u64(0x00d0_c5e7);
    let mut c = initialized();
    let uri = "file:///tmp/docsynth-fuzz.py";
    // No examples: the fuzz exercises the protocol and the edit paths, not the Python runner.
    c.open(uri, "def f(x):\n    return x\n\n\nclass K:\n    pass\n", 1);
    let mut version = 1;
    let mut units = 0usize;
    for burst in 0..bursts {
        let n = rng.gen_range(1..8);
        let mut kinds = Vec::with_capacity(n);
        let mut sent = Vec::new();
        for _ in 0..n {
            let (kind, bytes) = random_unit(&mut rng, uri, &mut version);
            kinds.push(kind);
            c.send_raw(&bytes);
            sent.extend_from_slice(&bytes);
            units += 1;
        }
        let shown = String::from_utf8_lossy(&sent[..sent.len().min(2000)]).into_owned();
        probe(&mut c, &format!("burst {burst} ({kinds:?}: {shown:?})"));
    }
    eprintln!("fuzz: {bursts} bursts, {units} units, server still answering");
    assert!(c.shutdown().success());
}
