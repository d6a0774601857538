//! `docsynth bench lsp`: drives a real `docsynth lsp` child over stdio (framed JSON-RPC) and
//! measures code-action latency (cold: right after an edit, so the request re-extracts; and from
//! the cache), the time from an example-changing `didChange` to the first verified action, the
//! same after an unrelated edit (cache hit), and the server's resident memory.

use crate::spec::{self, BodyState};
use anyhow::{anyhow, bail, Context};
use clap::Args;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Arguments of `docsynth bench lsp`.
#[derive(Debug, Args)]
pub struct LspBenchArgs {
    /// Python file to open (its first unimplemented function with examples is the target).
    #[arg(long, default_value = "tests/fixtures/demo.py")]
    pub file: PathBuf,
    /// Code-action requests per latency measurement.
    #[arg(long, default_value_t = 200)]
    pub requests: usize,
    /// Example-changing edits to time (each forces a fresh synthesis).
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// Synthesis budget per function (`docsynth.budgetMs`).
    #[arg(long, default_value_t = 2000)]
    pub budget_ms: u64,
    /// Give up waiting for a verified action after this many seconds.
    #[arg(long, default_value_t = 60)]
    pub timeout_s: u64,
    /// Append this many implemented functions with doctests (a large file; each also runs in
    /// the example checker in the background).
    #[arg(long, default_value_t = 0)]
    pub pad: usize,
    /// Engines to measure, one server each, side by side (`search`, `all`, `neural`); with
    /// `search` and another, the ratio of their example-edit latencies is printed.
    #[arg(long, value_delimiter = ',', default_value = "search,all")]
    pub engines: Vec<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `n` implemented functions with one doctest each, to make a file large.
fn padding(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "\n\ndef helper_{i}(xs: list[int]) -> int:\n    \"\"\"Sum of a list, plus {i}.\n\n    >>> helper_{i}([1, 2, 3])\n    {}\n    \"\"\"\n    total = {i}\n    for x in xs:\n        total += x\n    return total\n",
                6 + i
            )
        })
        .collect()
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
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

impl Server {
    fn spawn() -> anyhow::Result<Self> {
        let exe = std::env::current_exe().context("locating the docsynth binary")?;
        let mut child = Command::new(exe)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("starting `docsynth lsp`")?;
        let stdout = child.stdout.take().ok_or_else(|| anyhow!("no stdout"))?;
        let stdin = child.stdin.take().ok_or_else(|| anyhow!("no stdin"))?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Ok(Self {
            child,
            stdin,
            rx,
            next_id: 1,
        })
    }

    fn send(&mut self, msg: &Value) -> anyhow::Result<()> {
        let body = serde_json::to_string(msg)?;
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body)?;
        self.stdin.flush()?;
        Ok(())
    }

    fn notify(&mut self, method: &str, params: Value) -> anyhow::Result<()> {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    fn request(&mut self, method: &str, params: Value) -> anyhow::Result<Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))?;
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .rx
                .recv_timeout(left)
                .map_err(|_| anyhow!("no answer to {method}"))?;
            if msg.get("method").is_some() {
                if msg.get("id").is_some() {
                    // A server request (progress token, configuration): answer it.
                    self.send(&json!({"jsonrpc": "2.0", "id": msg["id"].clone(), "result": null}))?;
                }
                continue;
            }
            if msg["id"] == json!(id) {
                if let Some(e) = msg.get("error") {
                    bail!("{method} failed: {e}");
                }
                return Ok(msg.get("result").cloned().unwrap_or(Value::Null));
            }
        }
    }

    fn rss_kib(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    if sorted_ms.is_empty() {
        return f64::NAN;
    }
    let idx = ((sorted_ms.len() as f64 - 1.0) * p).round() as usize;
    sorted_ms[idx.min(sorted_ms.len() - 1)]
}

fn summary(mut ms: Vec<f64>) -> Value {
    ms.sort_by(|a, b| a.total_cmp(b));
    json!({"n": ms.len(), "p50_ms": percentile(&ms, 0.5), "p95_ms": percentile(&ms, 0.95), "max_ms": ms.last().copied().unwrap_or(f64::NAN)})
}

fn code_action_params(uri: &str, line: u32) -> Value {
    json!({"textDocument": {"uri": uri},
           "range": {"start": {"line": line, "character": 4}, "end": {"line": line, "character": 4}},
           "context": {"diagnostics": []}})
}

fn verified_actions(result: &Value) -> usize {
    result.as_array().map_or(0, |a| {
        a.iter()
            .filter(|x| x.get("disabled").is_none() && x.get("data").is_some())
            .count()
    })
}

/// Polls code actions until a verified one appears; returns the elapsed time.
fn until_verified(
    s: &mut Server,
    uri: &str,
    line: u32,
    start: Instant,
    timeout: Duration,
) -> anyhow::Result<Option<Duration>> {
    while start.elapsed() < timeout {
        let r = s.request("textDocument/codeAction", code_action_params(uri, line))?;
        if verified_actions(&r) > 0 {
            return Ok(Some(start.elapsed()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(None)
}

/// Runs `docsynth bench lsp`: one server per engine, measured one after another; returns the
/// exit code.
pub fn run(args: LspBenchArgs) -> anyhow::Result<i32> {
    if args.engines.is_empty() {
        bail!("--engines needs at least one of search, all, neural");
    }
    let mut reports = Vec::new();
    for engine in &args.engines {
        if !matches!(engine.as_str(), "search" | "all" | "neural") {
            bail!("unknown engine `{engine}` (expected search, all or neural)");
        }
        reports.push(measure(&args, engine)?);
    }
    let p50 = |r: &Value| r["example_edit_to_first_verified_action"]["p50_ms"].as_f64();
    let baseline = args
        .engines
        .iter()
        .position(|e| e == "search")
        .and_then(|i| p50(&reports[i]));
    let ratios: Vec<Value> = args
        .engines
        .iter()
        .zip(&reports)
        .filter(|(e, _)| e.as_str() != "search")
        .filter_map(|(e, r)| {
            let (b, x) = (baseline?, p50(r)?);
            Some(json!({"engine": e, "vs": "search", "example_edit_p50_ratio": x / b}))
        })
        .collect();
    if args.json {
        let all = json!({"runs": reports, "ratios": ratios});
        println!("{}", serde_json::to_string_pretty(&all)?);
    } else {
        for r in &ratios {
            println!(
                "example edit → first verified action, p50: engine {} / search = {:.2}×",
                r["engine"].as_str().unwrap_or("?"),
                r["example_edit_p50_ratio"].as_f64().unwrap_or(f64::NAN)
            );
        }
    }
    Ok(0)
}

/// One server with `engine`, measured.
fn measure(args: &LspBenchArgs, engine: &str) -> anyhow::Result<Value> {
    let path = std::fs::canonicalize(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let mut text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    text.push_str(&padding(args.pad));
    let lines = text.lines().count();
    let specs = spec::extract(&text);
    let target = specs
        .functions
        .iter()
        .find(|f| f.body_state == BodyState::Unimplemented && !f.examples.is_empty())
        .ok_or_else(|| {
            anyhow!(
                "{} has no unimplemented function with examples",
                path.display()
            )
        })?
        .clone();
    let def_line = target.def_range.start.line;
    let uri = format!("file://{}", path.display());
    let timeout = Duration::from_secs(args.timeout_s);

    let mut s = Server::spawn()?;
    s.request(
        "initialize",
        json!({"processId": std::process::id(), "rootUri": null,
               "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                                "textDocument": {"codeAction": {"dataSupport": true, "disabledSupport": true,
                                                                 "resolveSupport": {"properties": ["edit"]}}}},
               "initializationOptions": {"docsynth": {"budgetMs": args.budget_ms, "engine": engine}}}),
    )?;
    s.notify("initialized", json!({}))?;
    let rss_idle = s.rss_kib("VmRSS:");

    // First synthesis: open, then poll for the first verified action.
    let t0 = Instant::now();
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}),
    )?;
    let first = until_verified(&mut s, &uri, def_line, t0, timeout)?;
    let mut version = 1;

    // From cache: repeated requests on an unchanged document.
    let mut cached = Vec::with_capacity(args.requests);
    for _ in 0..args.requests {
        let t = Instant::now();
        s.request(
            "textDocument/codeAction",
            code_action_params(&uri, def_line),
        )?;
        cached.push(t.elapsed().as_secs_f64() * 1e3);
    }

    // Cold: each request right after an unrelated edit (a trailing comment line), so the server
    // re-extracts the file before answering; the synthesis result itself is reused.
    let end_line = text.lines().count() as u32 + 1;
    let mut cold = Vec::with_capacity(args.requests);
    let mut unrelated_to_action = Vec::new();
    for i in 0..args.requests {
        version += 1;
        let insert = format!("# edit {i}\n");
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": {"line": end_line, "character": 0}, "end": {"line": end_line, "character": 0}}, "text": insert}]}),
        )?;
        text.push_str(&insert);
        let t = Instant::now();
        let r = s.request(
            "textDocument/codeAction",
            code_action_params(&uri, def_line),
        )?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        cold.push(ms);
        if verified_actions(&r) > 0 {
            unrelated_to_action.push(ms);
        }
    }

    // Example-changing edits: add one more copy of the first example as a `# f(..) -> ..`
    // comment in the body; the spec key changes, so the server synthesizes again.
    let ex = &target.examples[0];
    let expected = ex.expected.trim().to_string();
    let call = ex.source.trim().to_string();
    let body_line = target.body_range.start.line;
    let mut fresh = Vec::new();
    let mut missed = 0usize;
    for _ in 0..args.rounds {
        version += 1;
        let insert = format!("{}# {call} -> {expected}\n", target.body_indent);
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": {"line": body_line, "character": 0}, "end": {"line": body_line, "character": 0}}, "text": insert}]}),
        )?;
        let t = Instant::now();
        match until_verified(&mut s, &uri, def_line, t, timeout)? {
            Some(d) => fresh.push(d.as_secs_f64() * 1e3),
            None => missed += 1,
        }
    }
    let rss = s.rss_kib("VmRSS:");
    let hwm = s.rss_kib("VmHWM:");
    let _ = s.request("shutdown", Value::Null);
    let _ = s.notify("exit", Value::Null);

    let report = json!({
        "engine": engine,
        "file": path.display().to_string(),
        "lines": lines,
        "pad": args.pad,
        "function": target.name,
        "budget_ms": args.budget_ms,
        "first_verified_action_after_open_ms": first.map(|d| d.as_secs_f64() * 1e3),
        "code_action_from_cache": summary(cached),
        "code_action_cold_after_edit": summary(cold),
        "unrelated_edit_to_verified_action": summary(unrelated_to_action),
        "example_edit_to_first_verified_action": summary(fresh),
        "example_edits_without_verified_action": missed,
        "rss_idle_mib": rss_idle.map(|k| k as f64 / 1024.0),
        "rss_end_mib": rss.map(|k| k as f64 / 1024.0),
        "rss_peak_mib": hwm.map(|k| k as f64 / 1024.0),
    });
    if !args.json {
        let f = |v: &Value| match v.as_f64() {
            Some(x) => format!("{x:.1}"),
            None => "—".to_string(),
        };
        println!(
            "docsynth bench lsp — engine {engine} — {} + {} padding functions ({} lines before the edits; {}()), budget {} ms",
            report["file"].as_str().unwrap_or(""),
            args.pad,
            report["lines"],
            target.name,
            args.budget_ms
        );
        println!(
            "  first verified action after didOpen : {} ms",
            f(&report["first_verified_action_after_open_ms"])
        );
        for key in [
            "code_action_from_cache",
            "code_action_cold_after_edit",
            "unrelated_edit_to_verified_action",
            "example_edit_to_first_verified_action",
        ] {
            let r = &report[key];
            println!(
                "  {key:<40} n={:<4} p50 {} ms  p95 {} ms  max {} ms",
                r["n"],
                f(&r["p50_ms"]),
                f(&r["p95_ms"]),
                f(&r["max_ms"])
            );
        }
        println!("  example edits without a verified action: {missed}");
        println!(
            "  server RSS: idle {} MiB, end {} MiB, peak {} MiB",
            f(&report["rss_idle_mib"]),
            f(&report["rss_end_mib"]),
            f(&report["rss_peak_mib"])
        );
    }
    Ok(report)
}
