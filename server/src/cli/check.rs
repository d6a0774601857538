//! `docsynth check FILE`: runs every function's examples and reports each result.
//!
//! Exit codes: 0 when every example passes, 1 when any fails, errors, times out or is refused,
//! 2 on usage or I/O errors (missing file, undecodable source, no Python interpreter). A file
//! with syntax errors has its intact functions checked, a warning on stderr, and exits 1.

use crate::cancel::CancelToken;
use crate::check::{check_specs, CheckedFunction, FileCheck};
use crate::runner::{ExampleStatus, Limits, Runner, RunnerConfig};
use crate::spec;
use crate::spec::decode_source;
use anyhow::Context;
use clap::Args;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Arguments of `docsynth check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The Python file to check.
    pub file: PathBuf,
    /// Print a JSON array, one object per function.
    #[arg(long)]
    pub json: bool,
    /// Python interpreter (default: the workspace's `.venv/bin/python`, else `python3`).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Time limit per example, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0)]
    pub timeout: f64,
}

/// Runs `docsynth check`; returns the exit code.
pub fn run(args: CheckArgs) -> anyhow::Result<i32> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let source =
        decode_source(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    if !(args.timeout.is_finite() && args.timeout > 0.0 && args.timeout <= 86_400.0) {
        anyhow::bail!("--timeout must be a number of seconds between 0 and 86400");
    }
    let dir = std::fs::canonicalize(&args.file)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let specs = spec::extract(&source);
    let most_examples = specs
        .functions
        .iter()
        .map(|f| f.examples.len())
        .max()
        .unwrap_or(0);
    let result = if most_examples == 0 {
        FileCheck {
            functions: Vec::new(),
            has_syntax_errors: specs.has_syntax_errors,
        }
    } else {
        let example_timeout = Duration::from_secs_f64(args.timeout);
        let config = RunnerConfig {
            python: args.python.clone(),
            workspace: dir.as_deref().and_then(find_workspace),
            limits: Limits {
                example_timeout,
                // Each example also has its own deadline (per-example replies); this bounds
                // the whole function, and the worker's CPU time should docsynth die.
                candidate_timeout: example_timeout * (most_examples as u32 + 1)
                    + Duration::from_secs(5),
                ..Limits::default()
            },
            ..RunnerConfig::default()
        };
        let mut runner = Runner::new(config)?;
        super::doctor::warn_sandbox();
        check_specs(
            &source,
            &specs,
            dir.as_deref(),
            &mut runner,
            &CancelToken::new(),
        )?
    };
    if result.has_syntax_errors {
        eprintln!(
            "docsynth: warning: {} has syntax errors; only the intact functions were checked",
            args.file.display()
        );
    }
    if args.json {
        print_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&result.functions)?
        ))?;
    } else {
        print_stdout(&listing(&args.file, &result))?;
    }
    Ok(if result.all_passed() && !result.has_syntax_errors {
        0
    } else {
        1
    })
}

/// The nearest directory (from `dir` upwards) holding a `.venv`, else `dir`.
fn find_workspace(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".venv").join("bin").join("python").exists())
        .or(Some(dir))
        .map(Path::to_path_buf)
}

/// The human-readable report.
fn listing(file: &Path, result: &FileCheck) -> String {
    let mut out = String::new();
    let name = file.display();
    if result.functions.is_empty() {
        out.push_str(&format!("{name}: no functions with examples\n"));
        return out;
    }
    for f in &result.functions {
        out.push_str(&function_listing(&name.to_string(), f));
    }
    out.push_str(&summary(result));
    out
}

fn function_listing(file: &str, f: &CheckedFunction) -> String {
    let mut out = format!(
        "{file}:{} {}{}\n",
        f.line,
        f.function,
        if f.implemented {
            ""
        } else {
            " (not implemented)"
        }
    );
    for err in &f.context_errors {
        out.push_str(&format!("  ! {err}\n"));
    }
    for e in &f.examples {
        let mark = if e.status == ExampleStatus::Pass {
            "✓"
        } else {
            "✗"
        };
        let first = e.source.lines().next().unwrap_or("");
        let more = if e.source.lines().count() > 1 {
            " …"
        } else {
            ""
        };
        out.push_str(&format!("  {mark} line {}: {first}{more}", e.line));
        if e.status == ExampleStatus::Pass {
            out.push('\n');
            continue;
        }
        out.push_str(&format!("  [{}]\n", e.status.as_str()));
        out.push_str(&indent_block("expected", &e.expected));
        let label = match e.status {
            ExampleStatus::Fail => "got",
            ExampleStatus::Error => "error",
            ExampleStatus::Timeout => "timeout",
            ExampleStatus::Refused => "refused",
            _ => "got",
        };
        out.push_str(&indent_block(label, &e.actual));
    }
    out
}

fn indent_block(label: &str, text: &str) -> String {
    let text = text.trim_end_matches('\n');
    if text.is_empty() {
        return format!("      {:<9} (nothing)\n", format!("{label}:"));
    }
    let mut out = String::new();
    for (i, line) in text.lines().take(20).enumerate() {
        let head = if i == 0 {
            format!("{label}:")
        } else {
            String::new()
        };
        out.push_str(&format!("      {head:<9} {line}\n"));
    }
    if text.lines().count() > 20 {
        out.push_str("                …\n");
    }
    out
}

fn summary(result: &FileCheck) -> String {
    let all: Vec<ExampleStatus> = result
        .functions
        .iter()
        .flat_map(|f| f.examples.iter().map(|e| e.status))
        .collect();
    let count = |s: ExampleStatus| all.iter().filter(|&&x| x == s).count();
    let stubs = result.functions.iter().filter(|f| !f.implemented).count();
    let mut parts = vec![format!("{} passed", count(ExampleStatus::Pass))];
    for (status, word) in [
        (ExampleStatus::Fail, "failed"),
        (ExampleStatus::Error, "raised errors"),
        (ExampleStatus::Timeout, "timed out"),
        (ExampleStatus::Refused, "refused by the sandbox"),
    ] {
        let n = count(status);
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    let mut line = format!(
        "{} examples in {} functions: {}",
        all.len(),
        result.functions.len(),
        parts.join(", ")
    );
    if stubs > 0 {
        line.push_str(&format!(" ({stubs} not implemented)"));
    }
    line.push('\n');
    line
}

/// Writes `text` to stdout; a closed pipe (`docsynth … | head`) is not an error.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
