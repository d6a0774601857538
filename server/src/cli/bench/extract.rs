//! `docsynth bench extract`: spec extraction speed (lines/s, ms per file) on real and generated
//! Python files.

use crate::spec::{decode_source, extract_with_threads, FileSpecs};
use anyhow::Context;
use clap::Args;
use serde::Serialize;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// Arguments of `docsynth bench extract`.
#[derive(Debug, Args)]
pub struct ExtractBenchArgs {
    /// Python files to measure. Default: CPython's `_pydecimal.py` (located with `python3`)
    /// and a generated 50,000-line file.
    pub files: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Timed runs per file (after one warm-up run); the median is reported.
    #[arg(long, default_value_t = 7)]
    pub iterations: usize,
    /// Threads per extraction (default: what `extract` picks for the file's size).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Lines of the generated file (used only when no files are given).
    #[arg(long, default_value_t = 50_000)]
    pub generated_lines: usize,
}

/// Measurements for one file.
#[derive(Debug, Serialize)]
struct FileResult {
    file: String,
    lines: usize,
    bytes: usize,
    functions: usize,
    examples: usize,
    has_syntax_errors: bool,
    median_ms: f64,
    min_ms: f64,
    /// Median time of the tree-sitter parse alone, on one thread.
    parse_median_ms: f64,
    /// Median CPU time of one extraction, summed over all its threads (less sensitive to a
    /// busy machine than wall-clock time).
    cpu_median_ms: f64,
    /// Threads used for this file.
    threads: usize,
    /// Lines per wall-clock second (median run).
    lines_per_second: f64,
    /// Lines per CPU second (median run, all threads): what an idle machine would approach.
    lines_per_cpu_second: f64,
}

/// Runs `docsynth bench extract`; returns the exit code.
pub fn run(args: ExtractBenchArgs) -> anyhow::Result<i32> {
    let mut inputs: Vec<(String, String)> = Vec::new();
    if args.files.is_empty() {
        match pydecimal_path() {
            Ok(path) => inputs.push((path.display().to_string(), read_python(&path)?)),
            Err(e) => eprintln!("note: skipping _pydecimal.py: {e:#}"),
        }
        inputs.push((
            format!("<generated {} lines>", args.generated_lines),
            generate_file(args.generated_lines),
        ));
    } else {
        for path in &args.files {
            match read_python(path) {
                Ok(text) => inputs.push((path.display().to_string(), text)),
                Err(e) => eprintln!("note: skipping {e:#}"),
            }
        }
        anyhow::ensure!(!inputs.is_empty(), "none of the given files could be read");
    }
    let iterations = args.iterations.max(1);
    let mut results = Vec::new();
    for (name, text) in &inputs {
        let threads = args
            .threads
            .unwrap_or_else(|| crate::spec::extract::worker_threads(text))
            .max(1);
        let extract = |t: &str| extract_with_threads(t, threads);
        let specs = extract(text); // warm-up (compiles the queries once)
        let mut cpu_times = Vec::with_capacity(iterations);
        let mut times: Vec<Duration> = (0..iterations)
            .map(|_| {
                let cpu_start = process_cpu_time();
                let start = Instant::now();
                let out = extract(text);
                let elapsed = start.elapsed();
                cpu_times.push(process_cpu_time().saturating_sub(cpu_start));
                std::hint::black_box(out);
                elapsed
            })
            .collect();
        times.sort();
        cpu_times.sort();
        let median = times[times.len() / 2];
        let mut parse_times: Vec<Duration> = (0..iterations)
            .map(|_| {
                let start = Instant::now();
                let tree = crate::spec::parse::parse_text(text);
                let elapsed = start.elapsed();
                std::hint::black_box(tree);
                elapsed
            })
            .collect();
        parse_times.sort();
        let lines = text.lines().count();
        let mut result = file_result(name, text, lines, &specs, median, times[0]);
        result.parse_median_ms = parse_times[parse_times.len() / 2].as_secs_f64() * 1000.0;
        result.cpu_median_ms = cpu_times[cpu_times.len() / 2].as_secs_f64() * 1000.0;
        result.lines_per_cpu_second = lines as f64 / (result.cpu_median_ms / 1000.0).max(1e-9);
        result.threads = threads;
        results.push(result);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
    } else {
        println!(
            "{:<60} {:>8} {:>6} {:>8} {:>10} {:>10} {:>8} {:>9} {:>8} {:>12} {:>12}",
            "file",
            "lines",
            "funcs",
            "examples",
            "median ms",
            "min ms",
            "cpu ms",
            "parse ms",
            "threads",
            "lines/s",
            "lines/cpu-s"
        );
        for r in &results {
            println!(
                "{:<60} {:>8} {:>6} {:>8} {:>10.2} {:>10.2} {:>8.2} {:>9.2} {:>8} {:>12.0} {:>12.0}",
                r.file,
                r.lines,
                r.functions,
                r.examples,
                r.median_ms,
                r.min_ms,
                r.cpu_median_ms,
                r.parse_median_ms,
                r.threads,
                r.lines_per_second,
                r.lines_per_cpu_second
            );
        }
    }
    Ok(0)
}

fn file_result(
    name: &str,
    text: &str,
    lines: usize,
    specs: &FileSpecs,
    median: Duration,
    min: Duration,
) -> FileResult {
    let secs = median.as_secs_f64().max(1e-9);
    FileResult {
        file: name.to_string(),
        lines,
        bytes: text.len(),
        functions: specs.functions.len(),
        examples: specs.functions.iter().map(|f| f.examples.len()).sum(),
        has_syntax_errors: specs.has_syntax_errors,
        median_ms: median.as_secs_f64() * 1000.0,
        parse_median_ms: 0.0,
        cpu_median_ms: 0.0,
        threads: 1,
        min_ms: min.as_secs_f64() * 1000.0,
        lines_per_second: lines as f64 / secs,
        lines_per_cpu_second: 0.0,
    }
}

/// CPU time used by this process so far (all threads).
fn process_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` only writes the `timespec` we pass.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

fn read_python(path: &PathBuf) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = decode_source(&bytes).with_context(|| format!("decoding {}", path.display()))?;
    Ok(text.into_owned())
}

/// Where `python3` keeps `_pydecimal.py` (asked at run time, never hard-coded).
fn pydecimal_path() -> anyhow::Result<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import _pydecimal; print(_pydecimal.__file__)"])
        .output()
        .context("running python3")?;
    anyhow::ensure!(
        out.status.success(),
        "python3 could not import _pydecimal: {}",
        String::from_utf8_lossy(&out.stderr).trim()
    );
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// A realistic module of about `lines` lines: functions with docstrings, doctests, Google-style
/// examples, comment examples, methods, nested functions and module-level asserts.
pub fn generate_file(lines: usize) -> String {
    let mut out = String::from("\"\"\"Generated benchmark module.\"\"\"\n\nimport math\nfrom typing import List\n\nLIMIT = 10\n\n");
    let mut k = 0usize;
    let mut count = out.lines().count();
    while count < lines {
        let block = format!(
            r#"
# scale_{k}(2) -> 4
def scale_{k}(x: int, factor: int = 2) -> int:
    """Scale a number by a factor ({k}).

    >>> scale_{k}(1)
    2
    >>> scale_{k}(3, factor=3)
    9
    """
    # scale_{k}(4) -> 8
    return x * factor


def words_{k}(text: str) -> List[str]:
    """Split text into words.

    Examples:
        >>> words_{k}("a b")
        ['a', 'b']
        >>> words_{k}("")
        []
    """
    ...


class Box{k}:
    """A box."""

    def area(self, w, h):
        """Area.

        >>> Box{k}().area(2, 3)
        6
        """
        def helper(v):
            return v * LIMIT
        return w * h


assert scale_{k}(5) == 10
"#
        );
        count += block.lines().count();
        out.push_str(&block);
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_file_has_the_size_and_parses() {
        let text = generate_file(2_000);
        let n = text.lines().count();
        assert!((1_900..=2_200).contains(&n), "{n}");
        let specs = crate::spec::extract(&text);
        assert!(!specs.has_syntax_errors);
        assert!(specs.functions.len() > 100);
    }
}
