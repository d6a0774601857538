//! `docsynth bench neural`: accuracy and decode time of the neural writers (LP and baseline, any
//! domain) at several total beams B and latent beams L, side by side with the enumerative
//! search alone and neural-then-search, plus accuracy by reference program length.
//!
//! Each model's domain comes from its manifest, and a model runs only on task files of its
//! domain. A task is solved when some proposed program reproduces all of its given examples
//! (LP's criterion), checked with the domain's interpreter.

mod report;
mod runs;
mod tasks;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use crate::domain::domain_by_name;
use crate::neural::{Device, NeuralWriter};

use report::{used_buckets, Row, RowLabel, TaskResult};
use runs::{combine, latent_beams_for, run_neural, run_search};
use tasks::TaskFile;

/// Models tried when `--models` is not given (those that exist).
const DEFAULT_MODELS: [&str; 4] = [
    "models/strings",
    "models/strings-baseline",
    "models/lists",
    "models/lists-baseline",
];

/// Suffix of the twin of a model that decodes without the key/value cache.
const FULL_DECODING: &str = " (no KV cache)";

/// Arguments of `docsynth bench neural`.
#[derive(Debug, Args)]
pub struct NeuralBenchArgs {
    /// Model directories (`model.json` + ONNX graphs), compared side by side (default: those of
    /// `models/strings`, `models/strings-baseline`, `models/lists`, `models/lists-baseline` that
    /// exist).
    #[arg(long, value_delimiter = ',')]
    pub models: Vec<PathBuf>,
    /// Task files: datagen JSONL (strings or lists) or the ExeDec test files (default: the ExeDec
    /// test files of the models' domains in `--benchmarks`).
    #[arg(long, value_delimiter = ',')]
    pub tasks: Vec<PathBuf>,
    /// Directory with the ExeDec test files (default: `../shared/benchmarks`, else the nearest
    /// `shared/benchmarks` above the current directory).
    #[arg(long)]
    pub benchmarks: Option<PathBuf>,
    /// ExeDec splits to keep (lines without a split are always kept).
    #[arg(long, value_delimiter = ',', default_value = "NONE")]
    pub splits: Vec<String>,
    /// Total beam sizes B.
    #[arg(long, value_delimiter = ',', default_value = "1,10,100")]
    pub beams: Vec<usize>,
    /// Latent beams L (each clamped to B; the baseline has none).
    #[arg(long, value_delimiter = ',', default_value = "1,3,10")]
    pub latent_beams: Vec<usize>,
    /// At most this many tasks per file.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Time limit of one neural decode (per task, B and L), seconds.
    #[arg(long, default_value_t = 60.0)]
    pub budget: f64,
    /// Also run the search alone with this budget per task (seconds), and neural-then-search
    /// (the neural decode at the largest B with the best L, then the search in what remains of
    /// `--combined-budget`). 0: skip both.
    #[arg(long, default_value_t = 0.0)]
    pub search_budget: f64,
    /// Total time per task of neural-then-search, seconds (default: the search budget, so both
    /// rows get the same time).
    #[arg(long)]
    pub combined_budget: Option<f64>,
    /// Where the models run (the benchmark defaults to the CPU, for comparable timings).
    #[arg(long, value_enum, default_value_t = Device::Cpu)]
    pub device: Device,
    /// Also run every model that has the key/value-cached graphs without them (full prefix
    /// recomputation each step), side by side, and print the speed-up of the cache.
    #[arg(long)]
    pub compare_full_decoding: bool,
    /// Also write the results as JSON to this file.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

/// A loaded model and its label.
struct Model {
    name: String,
    writer: NeuralWriter,
}

fn benchmarks_dir(args: &NeuralBenchArgs) -> PathBuf {
    if let Some(d) = &args.benchmarks {
        return d.clone();
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    std::iter::once(PathBuf::from("../shared/benchmarks"))
        .chain(cwd.ancestors().map(|a| a.join("shared/benchmarks")))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("../shared/benchmarks"))
}

fn load_models(args: &NeuralBenchArgs, device: Device) -> anyhow::Result<Vec<Model>> {
    let mut models = Vec::new();
    if args.models.is_empty() {
        for m in DEFAULT_MODELS {
            match NeuralWriter::load(std::path::Path::new(m), device) {
                Ok(writer) => models.push(Model {
                    name: m.to_string(),
                    writer,
                }),
                Err(e) => eprintln!("note: {m} skipped ({e})"),
            }
        }
    }
    for m in &args.models {
        let writer =
            NeuralWriter::load(m, device).with_context(|| format!("loading {}", m.display()))?;
        models.push(Model {
            name: m.display().to_string(),
            writer,
        });
    }
    if args.compare_full_decoding {
        let twins: Vec<Model> = models
            .iter()
            .filter(|m| m.writer.uses_cached_decoding())
            .map(|m| Model {
                name: format!("{}{FULL_DECODING}", m.name),
                writer: m.writer.with_cached_decoding(false),
            })
            .collect();
        models.extend(twins);
    }
    Ok(models)
}

fn task_files(args: &NeuralBenchArgs, models: &[Model]) -> Vec<PathBuf> {
    if !args.tasks.is_empty() {
        return args.tasks.clone();
    }
    let dir = benchmarks_dir(args);
    let mut files = Vec::new();
    for (domain, file) in [
        ("strings", "exedec_robustfill_test.jsonl"),
        ("lists", "exedec_deepcoder_test.jsonl"),
    ] {
        if models.iter().any(|m| m.writer.domain() == domain) {
            let p = dir.join(file);
            if p.is_file() {
                files.push(p);
            } else {
                eprintln!("note: {} not found; skipped", p.display());
            }
        }
    }
    files
}

/// Results of one task file.
#[derive(serde::Serialize)]
struct FileReport {
    file: String,
    domain: String,
    tasks: usize,
    rows: Vec<Row>,
}

/// Runs every model of the file's domain at every (B, L), then search and neural-then-search.
fn bench_file(
    args: &NeuralBenchArgs,
    models: &[Model],
    file: &TaskFile,
) -> anyhow::Result<Vec<Row>> {
    let domain = domain_by_name(file.domain).context("unknown domain")?;
    let d = domain.as_ref();
    let lengths: Vec<Option<usize>> = file.tasks.iter().map(|t| t.reference_len).collect();
    let mut rows = Vec::new();
    // Per model: (row index, per-task results) of its runs at the largest B.
    let b_max = args.beams.iter().copied().max().unwrap_or(10).max(1);
    let mut at_b_max: Vec<(usize, usize, Vec<TaskResult>)> = Vec::new();
    println!("{}", Row::table_header());
    for (mi, m) in models.iter().enumerate() {
        if m.writer.domain() != file.domain {
            continue;
        }
        for &b in &args.beams {
            let b = b.max(1);
            for l in latent_beams_for(&m.writer, b, &args.latent_beams) {
                let results: Vec<TaskResult> = file
                    .tasks
                    .iter()
                    .map(|t| run_neural(&m.writer, d, &t.task, b, l.unwrap_or(1), args.budget))
                    .collect();
                let label = RowLabel {
                    writer: "neural".into(),
                    model: Some(m.name.clone()),
                    kind: Some(m.writer.kind().to_string()),
                    beam: Some(b),
                    latent_beams: l,
                    budget_s: args.budget,
                };
                let row = Row::new(label, &results, &lengths);
                println!("{}", row.table_line());
                if b == b_max {
                    at_b_max.push((mi, rows.len(), results));
                }
                rows.push(row);
            }
        }
    }
    if args.search_budget > 0.0 {
        let search_budget = Duration::from_secs_f64(args.search_budget);
        let search: Vec<TaskResult> = file
            .tasks
            .iter()
            .map(|t| run_search(d, &t.task, search_budget))
            .collect();
        let label = RowLabel {
            writer: "search".into(),
            budget_s: args.search_budget,
            ..RowLabel::default()
        };
        let row = Row::new(label, &search, &lengths);
        println!("{}", row.table_line());
        rows.push(row);
        let total = Duration::from_secs_f64(args.combined_budget.unwrap_or(args.search_budget));
        for (mi, m) in models.iter().enumerate() {
            if m.name.ends_with(FULL_DECODING) {
                continue;
            }
            // The best L at the largest B: most solved, then least time.
            let best = at_b_max.iter().filter(|(i, _, _)| *i == mi).max_by(|a, b| {
                let (ra, rb) = (&rows[a.1], &rows[b.1]);
                ra.solved
                    .cmp(&rb.solved)
                    .then(rb.mean_s.total_cmp(&ra.mean_s))
            });
            let Some((_, ri, neural)) = best else {
                continue;
            };
            let combined: Vec<TaskResult> = file
                .tasks
                .iter()
                .zip(neural)
                .map(|(t, n)| combine(d, &t.task, n, total))
                .collect();
            let label = RowLabel {
                writer: "neural+search".into(),
                model: Some(m.name.clone()),
                kind: Some(m.writer.kind().to_string()),
                beam: rows[*ri].beam,
                latent_beams: rows[*ri].latent_beams,
                budget_s: total.as_secs_f64(),
            };
            let row = Row::new(label, &combined, &lengths);
            println!("{}", row.table_line());
            rows.push(row);
        }
    }
    print_cache_speedups(&rows);
    let buckets = used_buckets(&rows);
    println!();
    println!("accuracy by reference program length (tokens):");
    println!("| run | {} |", buckets.join(" | "));
    println!("|---|{}", "---|".repeat(buckets.len()));
    for r in &rows {
        println!("{}", r.length_line(&buckets));
    }
    Ok(rows)
}

/// For each row decoded without the cache, the ratio of its mean time to its cached twin's.
fn print_cache_speedups(rows: &[Row]) {
    for full in rows {
        let Some(name) = full
            .model
            .as_deref()
            .and_then(|n| n.strip_suffix(FULL_DECODING))
        else {
            continue;
        };
        let twin = rows.iter().find(|r| {
            r.model.as_deref() == Some(name)
                && r.writer == full.writer
                && r.beam == full.beam
                && r.latent_beams == full.latent_beams
        });
        if let Some(c) = twin {
            println!(
                "KV cache: {name} B={} L={}: mean {:.3} s/task without, {:.3} s with = {:.1}x faster; solved {} vs {}",
                c.beam.unwrap_or(0),
                c.latent_beams.map_or("-".to_string(), |l| l.to_string()),
                full.mean_s,
                c.mean_s,
                full.mean_s / c.mean_s.max(1e-9),
                full.solved,
                c.solved
            );
        }
    }
}

/// Runs `docsynth bench neural`; returns the exit code.
pub fn run(args: NeuralBenchArgs) -> anyhow::Result<i32> {
    let device: Device = args.device;
    let models = load_models(&args, device)?;
    let mut reports = Vec::new();
    for path in task_files(&args, &models) {
        let file = tasks::load(&path, &args.splits, args.limit)?;
        let names: Vec<&str> = models
            .iter()
            .filter(|m| m.writer.domain() == file.domain)
            .map(|m| m.name.as_str())
            .collect();
        println!(
            "\n== {} ({}, {} tasks, splits {}): models {}; neural budget {} s/decode ==",
            path.display(),
            file.domain,
            file.tasks.len(),
            args.splits.join(","),
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            },
            args.budget
        );
        if names.is_empty() && args.search_budget <= 0.0 {
            println!(
                "(no {} model and no search budget: nothing to run)",
                file.domain
            );
            continue;
        }
        let rows = bench_file(&args, &models, &file)?;
        reports.push(FileReport {
            file: path.display().to_string(),
            domain: file.domain.to_string(),
            tasks: file.tasks.len(),
            rows,
        });
    }
    if let Some(path) = &args.json {
        let j = serde_json::json!({
            "settings": {
                "beams": args.beams,
                "latent_beams": args.latent_beams,
                "budget_s": args.budget,
                "search_budget_s": args.search_budget,
                "combined_budget_s": args.combined_budget.unwrap_or(args.search_budget),
                "splits": args.splits,
                "limit": args.limit,
                "device": args.device.as_str(),
            },
            "files": reports,
        });
        std::fs::write(path, serde_json::to_string_pretty(&j)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(0)
}
