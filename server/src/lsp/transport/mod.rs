//! The transport in front of `tower-lsp-server`: it reads the client's bytes itself, so that no
//! input can end the session.
//!
//! `tower-lsp-server` stops reading at the first frame it cannot decode (its framed reader ends
//! after an error), drops replies to `$/` requests, and cannot tell `exit` after `shutdown` from
//! `exit` alone. So the client's stream is split into frames here ([`frames`], tolerant of LF-only
//! headers and wrong lengths, resynchronizing on the next `Content-Length` header), every body is
//! validated ([`message`]), malformed ones are answered with the JSON-RPC error the
//! specification names, and only canonical, well-formed messages reach `tower-lsp-server`
//! through an in-process pipe. Its output goes through a second pipe and is written to the
//! client frame by frame, interleaved with the transport's own replies and log messages.

pub(crate) mod frames;
pub(crate) mod message;

use frames::{encode, BadFrame, Frame, FrameDecoder};
use message::{classify, error_response, Inbound, Kind, PARSE_ERROR};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;
use tower_lsp_server::{ClientSocket, LspService, Server};

/// Capacity of each in-process pipe (bytes).
const PIPE_CAPACITY: usize = 1 << 20;

/// Bytes read from the client at a time.
const READ_CHUNK: usize = 64 << 10;

/// Most transport problems reported to the client's log per session (a flood of garbage must
/// not become a flood of log messages).
const MAX_NOTES: usize = 20;

/// How a session ended, and the exit status the specification asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEnd {
    /// `exit` (or the end of input) after `shutdown`: status 0.
    AfterShutdown,
    /// `exit` or the end of input without `shutdown`: status 1.
    WithoutShutdown,
}

impl SessionEnd {
    /// The process exit status.
    pub fn exit_code(self) -> i32 {
        match self {
            Self::AfterShutdown => 0,
            Self::WithoutShutdown => 1,
        }
    }
}

/// What the input side saw, shared with the caller (the input task may be aborted).
#[derive(Debug, Default)]
struct SessionFlags {
    shutdown_requested: AtomicBool,
}

impl SessionFlags {
    fn end(&self) -> SessionEnd {
        if self.shutdown_requested.load(Ordering::SeqCst) {
            SessionEnd::AfterShutdown
        } else {
            SessionEnd::WithoutShutdown
        }
    }
}

/// Messages the transport itself sends to the client: error replies and log lines.
#[derive(Clone, Debug)]
struct ToClient {
    tx: mpsc::UnboundedSender<Vec<u8>>,
    notes: usize,
}

impl ToClient {
    fn send(&self, value: &Value) {
        // Serializing a `Value` cannot fail; a closed channel means the output side is gone
        // and nothing is left to tell.
        if let Ok(body) = serde_json::to_vec(value) {
            let _ = self.tx.send(encode(&body));
        }
    }

    /// Logs a transport problem to the client (`window/logMessage`, warning), up to
    /// [`MAX_NOTES`] per session.
    fn note(&mut self, what: impl std::fmt::Display) {
        self.notes += 1;
        let message = match self.notes {
            n if n < MAX_NOTES => format!("docsynth: ignored malformed input: {what}"),
            MAX_NOTES => format!(
                "docsynth: ignored malformed input: {what} (further problems of this kind are not logged)"
            ),
            _ => return,
        };
        self.send(&json!({"jsonrpc": "2.0", "method": "window/logMessage",
                          "params": {"type": 2, "message": message}}));
    }
}

/// Serves `service` over `input`/`output` through the validating transport until `exit` or the
/// end of input; returns how the session ended.
pub(crate) async fn serve<S, I, O>(
    service: LspService<S>,
    socket: ClientSocket,
    input: I,
    output: O,
    concurrency: usize,
) -> SessionEnd
where
    S: tower_lsp_server::LanguageServer,
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (to_server, server_in) = tokio::io::duplex(PIPE_CAPACITY);
    let (server_out, from_server) = tokio::io::duplex(PIPE_CAPACITY);
    let (tx, rx) = mpsc::unbounded_channel();
    let flags = Arc::new(SessionFlags::default());
    let writer = tokio::spawn(pump_output(from_server, rx, output));
    let reader = tokio::spawn(pump_input(
        input,
        to_server,
        ToClient { tx, notes: 0 },
        Arc::clone(&flags),
    ));
    Server::new(server_in, server_out, socket)
        .concurrency_level(concurrency)
        .serve(service)
        .await;
    // The server has stopped (after `exit`, or because the input ended): stop reading, so the
    // writer sees both of its sources close.
    reader.abort();
    let _ = reader.await;
    let _ = writer.await;
    flags.end()
}

/// Reads the client's bytes, answers what is malformed and forwards the rest to the server.
async fn pump_input<I: AsyncRead + Unpin>(
    mut input: I,
    mut to_server: DuplexStream,
    mut client: ToClient,
    flags: Arc<SessionFlags>,
) {
    let mut decoder = FrameDecoder::default();
    let mut chunk = vec![0u8; READ_CHUNK];
    // Whether the last unit was an error already answered: garbage right after it (the rest of
    // the same broken message) is skipped without another reply.
    let mut answered = false;
    loop {
        let n = match input.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                client.note(format!("reading stdin failed: {e}"));
                break;
            }
        };
        decoder.push(&chunk[..n]);
        while let Some(frame) = decoder.next_frame() {
            let body = match frame {
                Frame::Bad(bad) => {
                    let follows_error = answered && matches!(bad, BadFrame::Garbage { .. });
                    if !follows_error {
                        client.send(&error_response(
                            Value::Null,
                            PARSE_ERROR,
                            format!("Parse error: {bad}"),
                        ));
                    }
                    client.note(&bad);
                    answered = true;
                    continue;
                }
                Frame::Body { bytes, cut_short } => {
                    if cut_short {
                        client.note("a Content-Length ran past the next message's header; the body was read up to it");
                    }
                    bytes
                }
            };
            answered = false;
            match classify(&body) {
                Inbound::Reply(reply) => {
                    client.send(&reply);
                    answered = true;
                }
                Inbound::Ignore(why) => client.note(why),
                Inbound::Forward { body, kind } => {
                    let exit = kind == Kind::Notification("exit".into());
                    if kind == Kind::Request("shutdown".into()) {
                        flags.shutdown_requested.store(true, Ordering::SeqCst);
                    }
                    if to_server.write_all(&encode(&body)).await.is_err() || exit {
                        // The server stopped reading, or it was told to exit.
                        return;
                    }
                }
            }
        }
    }
    if let Some(Frame::Bad(bad)) = decoder.finish() {
        client.note(format!("at the end of input: {bad}"));
    }
}

/// Writes the server's frames and the transport's own messages to the client, whole frames at
/// a time. Keeps draining the server after a write error so the server never blocks on it.
async fn pump_output<O: AsyncWrite + Unpin>(
    mut from_server: DuplexStream,
    mut own: mpsc::UnboundedReceiver<Vec<u8>>,
    mut output: O,
) {
    let mut decoder = FrameDecoder::default();
    let mut chunk = vec![0u8; READ_CHUNK];
    let (mut server_open, mut own_open, mut output_ok) = (true, true, true);
    while server_open || own_open {
        let mut frames: Vec<Vec<u8>> = Vec::new();
        tokio::select! {
            r = from_server.read(&mut chunk), if server_open => match r {
                Ok(0) | Err(_) => server_open = false,
                Ok(n) => {
                    decoder.push(&chunk[..n]);
                    while let Some(frame) = decoder.next_frame() {
                        if let Frame::Body { bytes, .. } = frame {
                            frames.push(encode(&bytes));
                        }
                    }
                }
            },
            m = own.recv(), if own_open => match m {
                Some(frame) => frames.push(frame),
                None => own_open = false,
            },
        }
        for frame in frames {
            if output_ok {
                output_ok = output.write_all(&frame).await.is_ok() && output.flush().await.is_ok();
            }
        }
    }
    let _ = output.flush().await;
}
