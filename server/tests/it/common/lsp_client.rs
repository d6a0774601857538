//! A small LSP client for tests: spawns `docsynth lsp`, speaks Content-Length framed JSON-RPC
//! over its stdio, answers the server's own requests, and records notifications.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long any single wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(60);

/// A running server and the client side of its connection.
pub struct LspClient {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Every notification received, in order.
    pub notifications: Vec<Value>,
    /// Every request the server sent us, in order.
    pub server_requests: Vec<Value>,
    /// Settings returned for `workspace/configuration`.
    pub configuration: Value,
    /// Whether to accept `workspace/applyEdit`.
    pub accept_edits: bool,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length: Option<usize> = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse().ok();
        }
    }
    let mut body = vec![0u8; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl LspClient {
    /// Spawns `docsynth lsp` with a clean environment for the test.
    pub fn spawn() -> Self {
        Self::spawn_with_env(&[])
    }

    /// Spawns `docsynth lsp` with extra environment variables.
    pub fn spawn_with_env(env: &[(&str, &str)]) -> Self {
        Self::spawn_in(None, env)
    }

    /// Starts `docsynth lsp` in `cwd` (default: the test's own) with extra environment.
    pub fn spawn_in(cwd: Option<&std::path::Path>, env: &[(&str, &str)]) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_docsynth"));
        if let Some(dir) = cwd {
            cmd.current_dir(dir);
        }
        cmd.arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn docsynth lsp");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            stdin,
            rx,
            next_id: 1,
            notifications: Vec::new(),
            server_requests: Vec::new(),
            configuration: Value::Null,
            accept_edits: true,
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends one framed message.
    pub fn send(&mut self, msg: &Value) {
        let body = serde_json::to_string(msg).expect("serialize");
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).expect("write to server");
        stdin.flush().expect("flush");
    }

    /// Writes raw bytes to the server's stdin (malformed frames for the hostile-input tests).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to server");
        stdin.flush().expect("flush");
    }

    /// Waits for a message (of any kind) satisfying `pred`; `None` on timeout.
    pub fn wait_message(&mut self, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self.next_message(deadline)?;
            if pred(&msg) {
                return Some(msg);
            }
        }
    }

    /// Waits for the process to end (after closing its stdin); `None` if it is still running
    /// after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        drop(self.stdin.take());
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response: `Ok(result)` or `Err(error object)`.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// Waits for the response to request `id`.
    pub fn response(&mut self, id: i64) -> Result<Value, Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self
                .next_message(deadline)
                .unwrap_or_else(|| panic!("no response to request {id}"));
            if msg.get("method").is_none() && msg["id"] == json!(id) {
                return match msg.get("error") {
                    Some(e) => Err(e.clone()),
                    None => Ok(msg.get("result").cloned().unwrap_or(Value::Null)),
                };
            }
        }
    }

    /// Receives the next message before `deadline`, answering server requests and recording
    /// notifications on the way. Returns `None` on timeout or when the server closed stdout.
    pub fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let msg = match self.rx.recv_timeout(left) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => return None,
        };
        if let Some(method) = msg.get("method").and_then(Value::as_str) {
            if msg.get("id").is_some() {
                self.server_requests.push(msg.clone());
                let result = match method {
                    "workspace/configuration" => json!([self.configuration.clone()]),
                    "workspace/applyEdit" => json!({"applied": self.accept_edits}),
                    _ => Value::Null,
                };
                let reply = json!({"jsonrpc": "2.0", "id": msg["id"].clone(), "result": result});
                self.send(&reply);
            } else {
                self.notifications.push(msg.clone());
            }
        }
        Some(msg)
    }

    /// Waits until a notification satisfying `pred` arrives (checking ones already received
    /// first); returns it.
    pub fn wait_notification(&mut self, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(n) = self.notifications.iter().find(|n| pred(n)) {
            return Some(n.clone());
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self.next_message(deadline)?;
            if msg.get("method").is_some() && msg.get("id").is_none() && pred(&msg) {
                return Some(msg);
            }
        }
    }

    /// Waits for a notification satisfying `pred` that arrives from now on (ignoring old ones).
    pub fn wait_new_notification(&mut self, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self.next_message(deadline)?;
            if msg.get("method").is_some() && msg.get("id").is_none() && pred(&msg) {
                return Some(msg);
            }
        }
    }

    /// Drains messages for `d`.
    pub fn pump(&mut self, d: Duration) {
        let deadline = Instant::now() + d;
        while self.next_message(deadline).is_some() {}
    }

    /// `initialize` + `initialized`, offering UTF-8 positions when `utf8`, with
    /// `initializationOptions` `options`. Returns the initialize result.
    pub fn initialize(&mut self, utf8: bool, options: Value) -> Value {
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let root = repo_root();
        let result = self
            .request(
                "initialize",
                json!({
                    "processId": std::process::id(),
                    "rootUri": format!("file://{}", root.display()),
                    "capabilities": {
                        "general": {"positionEncodings": encodings},
                        "window": {"workDoneProgress": true},
                        "workspace": {"applyEdit": true, "workspaceEdit": {"documentChanges": true}, "configuration": true},
                        "textDocument": {
                            "codeAction": {
                                "dataSupport": true,
                                "disabledSupport": true,
                                "isPreferredSupport": true,
                                "resolveSupport": {"properties": ["edit"]},
                                "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "refactor"]}}
                            },
                            "publishDiagnostics": {"versionSupport": true}
                        }
                    },
                    "initializationOptions": options
                }),
            )
            .expect("initialize succeeds");
        self.notify("initialized", json!({}));
        result
    }

    /// Opens a document.
    pub fn open(&mut self, uri: &str, text: &str, version: i32) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "python", "version": version, "text": text}}),
        );
    }

    /// Sends one incremental change.
    pub fn change(&mut self, uri: &str, version: i32, range: Value, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": range, "text": text}]}),
        );
    }

    /// Asks for code actions at `line:character`.
    pub fn code_actions(&mut self, uri: &str, line: u32, character: u32) -> Result<Value, Value> {
        self.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri},
                   "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
                   "context": {"diagnostics": []}}),
        )
    }

    /// `shutdown` then `exit`; returns the process exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null)
            .expect("shutdown succeeds");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                if !status.success() {
                    // The server's stderr is inherited: its last lines are just above.
                    eprintln!("server exited with {status}");
                }
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server did not exit after `exit`");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the server process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The repository root (tests read shared data relative to it).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root")
        .to_path_buf()
}

/// A `file://` URI for a path.
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// An LSP range value.
pub fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}
