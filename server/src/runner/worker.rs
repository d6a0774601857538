//! One worker process: spawning it, sending request lines, reading reply lines with a deadline,
//! and killing it (also from another thread).

use super::config::{Interpreter, Limits};
use super::sandbox::{self, Layer, SandboxPolicy, ScratchDir, WorkerCommand};
use super::RunnerError;
use crate::cancel::CancelToken;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, ChildStdin};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The Python side of the protocol, written into each scratch directory.
const WORKER_SOURCE: &str = include_str!("worker.py");

/// How much of the worker's stderr is kept for error messages.
const STDERR_TAIL: usize = 4096;

/// Kills the current worker of a runner from any thread (cancellation).
#[derive(Clone, Debug, Default)]
pub struct KillHandle {
    inner: Arc<KillState>,
}

#[derive(Debug, Default)]
struct KillState {
    /// Process id of the live worker; cleared (under the lock) before it is reaped, so a kill
    /// never hits a recycled pid.
    pid: Mutex<Option<u32>>,
    /// Set by [`KillHandle::kill`]; the runner reports the batch as cancelled.
    requested: AtomicBool,
    /// Set when a kill signal was sent; the runner replaces the worker before its next use.
    signalled: AtomicBool,
}

impl KillHandle {
    /// Kills the running worker (if any) and marks the current batch cancelled.
    pub fn kill(&self) {
        self.inner.requested.store(true, Ordering::SeqCst);
        if let Ok(pid) = self.inner.pid.lock() {
            if let Some(pid) = *pid {
                self.inner.signalled.store(true, Ordering::SeqCst);
                kill_tree(pid);
            }
        }
    }

    /// True once [`KillHandle::kill`] was called and not yet acknowledged.
    pub fn is_requested(&self) -> bool {
        self.inner.requested.load(Ordering::SeqCst)
    }

    /// Clears a kill request (at the start of a batch).
    pub(crate) fn clear(&self) {
        self.inner.requested.store(false, Ordering::SeqCst);
    }

    /// True (once) if a kill signal went to the worker since the last call.
    pub(crate) fn take_signalled(&self) -> bool {
        self.inner.signalled.swap(false, Ordering::SeqCst)
    }

    fn set_pid(&self, pid: Option<u32>) {
        if let Ok(mut slot) = self.inner.pid.lock() {
            *slot = pid;
        }
    }
}

/// Why no reply line came.
#[derive(Debug)]
pub enum ReadFailure {
    /// The deadline passed (the worker is still alive).
    Deadline,
    /// The worker closed its output (exited or crashed); the text says how.
    Exited(String),
    /// A kill was requested from another thread.
    Killed,
}

/// A live worker process.
pub struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr_tail: Arc<Mutex<VecDeque<u8>>>,
    threads: Vec<JoinHandle<()>>,
    kill: KillHandle,
    _scratch: ScratchDir,
    /// Python version the worker reported.
    pub version: String,
    /// The sandbox layers in force for this worker.
    pub layers: Vec<Layer>,
    /// Directories beyond the system's and the interpreter's that this worker may read.
    pub readable: Vec<PathBuf>,
}

impl Worker {
    /// Starts a worker and waits for its ready line.
    pub fn start(
        interpreter: &Interpreter,
        limits: &Limits,
        policy: &SandboxPolicy,
        readable: &[PathBuf],
        kill: KillHandle,
    ) -> Result<Self, RunnerError> {
        let scratch = ScratchDir::create().map_err(RunnerError::Scratch)?;
        let script = scratch.root().join("docsynth_worker.py");
        std::fs::write(&script, WORKER_SOURCE).map_err(RunnerError::Scratch)?;
        let mut readable_all = interpreter.read_roots.clone();
        readable_all.extend(readable.iter().cloned());
        let WorkerCommand {
            command: mut cmd,
            layers,
        } = sandbox::worker_command(
            &interpreter.executable,
            &script,
            &scratch,
            limits,
            policy,
            &readable_all,
        )
        .map_err(|e| RunnerError::Interpreter {
            path: interpreter.executable.clone(),
            reason: format!("cannot prepare the sandbox: {e}"),
        })?;
        let mut child = cmd.spawn().map_err(|e| RunnerError::Interpreter {
            path: interpreter.executable.clone(),
            reason: format!("cannot start the sandboxed worker: {e}"),
        })?;
        kill.set_pid(Some(child.id()));
        let (stdin, stdout, stderr) =
            match (child.stdin.take(), child.stdout.take(), child.stderr.take()) {
                (Some(a), Some(b), Some(c)) => (a, b, c),
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    kill.set_pid(None);
                    return Err(RunnerError::Protocol("worker pipes missing".into()));
                }
            };
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::Builder::new()
            .name("docsynth-runner-out".into())
            .spawn(move || {
                let mut reader = BufReader::with_capacity(1 << 16, stdout);
                let mut buf = Vec::new();
                loop {
                    buf.clear();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {
                            let line = String::from_utf8_lossy(&buf).into_owned();
                            if tx.send(line).is_err() {
                                break;
                            }
                        }
                    }
                }
            })
            .map_err(|e| RunnerError::Protocol(format!("cannot spawn reader thread: {e}")))?;
        let tail = Arc::new(Mutex::new(VecDeque::with_capacity(STDERR_TAIL)));
        let tail_writer = Arc::clone(&tail);
        let drain = std::thread::Builder::new()
            .name("docsynth-runner-err".into())
            .spawn(move || {
                let mut stderr = stderr;
                let mut chunk = [0u8; 4096];
                while let Ok(n) = stderr.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut t) = tail_writer.lock() {
                        t.extend(&chunk[..n]);
                        let excess = t.len().saturating_sub(STDERR_TAIL);
                        t.drain(..excess);
                    }
                }
            })
            .map_err(|e| RunnerError::Protocol(format!("cannot spawn stderr thread: {e}")))?;
        let mut worker = Worker {
            child,
            stdin,
            lines: rx,
            stderr_tail: tail,
            threads: vec![reader, drain],
            kill,
            _scratch: scratch,
            version: String::new(),
            layers,
            readable: readable.to_vec(),
        };
        let deadline = Instant::now() + limits.startup_timeout;
        match worker.read_line(deadline, &CancelToken::new()) {
            Ok(line) => match serde_json::from_str::<serde_json::Value>(&line) {
                Ok(serde_json::Value::Array(items))
                    if items.first().and_then(|v| v.as_str()) == Some("R") =>
                {
                    worker.version = items
                        .get(1)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string();
                    Ok(worker)
                }
                _ => Err(RunnerError::Protocol(format!(
                    "unexpected first line from the worker: {}",
                    line.trim()
                ))),
            },
            Err(failure) => {
                let why = match failure {
                    ReadFailure::Deadline => "it did not start in time".to_string(),
                    ReadFailure::Exited(how) => how,
                    ReadFailure::Killed => return Err(RunnerError::Cancelled),
                };
                Err(RunnerError::Interpreter {
                    path: interpreter.executable.clone(),
                    reason: format!("the worker failed to start: {why}"),
                })
            }
        }
    }

    /// Sends one request line.
    pub fn send(&mut self, line: &str) -> std::io::Result<()> {
        self.stdin.write_all(line.as_bytes())?;
        self.stdin.write_all(b"\n")?;
        self.stdin.flush()
    }

    /// Reads one reply line, waiting at most until `deadline`; checks for kill requests and
    /// cancellation every 50 ms.
    pub fn read_line(
        &mut self,
        deadline: Instant,
        cancel: &CancelToken,
    ) -> Result<String, ReadFailure> {
        loop {
            if self.kill.is_requested() || cancel.is_cancelled() {
                return Err(ReadFailure::Killed);
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(ReadFailure::Deadline);
            }
            let wait = (deadline - now).min(Duration::from_millis(50));
            match self.lines.recv_timeout(wait) {
                Ok(line) => return Ok(line),
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => {
                    if self.kill.is_requested() {
                        return Err(ReadFailure::Killed);
                    }
                    return Err(ReadFailure::Exited(self.exit_description()));
                }
            }
        }
    }

    /// Waits briefly for the process to end and describes how it ended, with its stderr tail.
    fn exit_description(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_millis(500);
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5))
                }
                _ => break None,
            }
        };
        let how = match status {
            Some(s) => match (s.code(), s.signal()) {
                (Some(code), _) => format!("the worker exited with code {code}"),
                (None, Some(sig)) => format!("the worker was killed by {}", signal_name(sig)),
                _ => "the worker ended".to_string(),
            },
            None => "the worker closed its output".to_string(),
        };
        let tail = self.stderr_tail();
        if tail.is_empty() {
            how
        } else {
            format!("{how}; stderr: {tail}")
        }
    }

    /// The last line or so of the worker's stderr.
    pub fn stderr_tail(&self) -> String {
        let bytes: Vec<u8> = match self.stderr_tail.lock() {
            Ok(t) => t.iter().copied().collect(),
            Err(_) => Vec::new(),
        };
        let text = String::from_utf8_lossy(&bytes);
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let start = lines.len().saturating_sub(3);
        lines[start..].join(" | ")
    }

    /// Whether the process is still running.
    pub fn is_alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Whether the kernel ended the process for exceeding its CPU limit.
    pub fn killed_by_cpu_limit(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(s)) if s.signal() == Some(libc::SIGXCPU))
    }

    /// Kills and reaps the process.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.kill.set_pid(None);
        kill_tree(self.child.id());
        let _ = self.child.kill();
        let _ = self.child.wait();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Kills the worker's whole process group (it is a session leader: its group id is its pid),
/// then the worker itself.
fn kill_tree(pid: u32) {
    // SAFETY: signalling the group and process of a child we have not reaped yet.
    unsafe {
        libc::killpg(pid as libc::pid_t, libc::SIGKILL);
        libc::kill(pid as libc::pid_t, libc::SIGKILL);
    }
}

fn signal_name(sig: i32) -> String {
    match sig {
        libc::SIGKILL => "SIGKILL".into(),
        libc::SIGSEGV => "SIGSEGV (segmentation fault)".into(),
        libc::SIGABRT => "SIGABRT".into(),
        libc::SIGXCPU => "SIGXCPU (CPU time limit)".into(),
        libc::SIGBUS => "SIGBUS".into(),
        libc::SIGXFSZ => "SIGXFSZ (file size limit)".into(),
        other => format!("signal {other}"),
    }
}
