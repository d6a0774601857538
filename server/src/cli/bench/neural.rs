//! `docsynth bench neural`: accuracy and decode time of the neural writer (LP and baseline side
//! by side) at several beam sizes on held-out task files (datagen JSONL or the ExeDec test file),
//! optionally against and combined with the enumerative search.
//!
//! A task is solved when some proposed program reproduces all of its given examples (LP's
//! criterion); programs are checked with the strings domain's interpreter.

use crate::cancel::CancelToken;
use crate::domain::{domain_by_name, Domain, IoExample, Task};
use crate::neural::{Device, NeuralWriter};
use crate::value::Value;
use anyhow::Context;
use clap::Args;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `docsynth bench neural`.
#[derive(Debug, Args)]
pub struct NeuralBenchArgs {
    /// Model directories (`model.json` + ONNX graphs), compared side by side.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "models/strings,models/strings-baseline"
    )]
    pub models: Vec<PathBuf>,
    /// Task files: datagen JSONL or the ExeDec test JSONL (only its `NONE` split is used).
    #[arg(long, value_delimiter = ',')]
    pub tasks: Vec<PathBuf>,
    /// Total beam sizes B.
    #[arg(long, value_delimiter = ',', default_value = "1,10,100")]
    pub beams: Vec<usize>,
    /// Latent beams L (clamped to B).
    #[arg(long, default_value_t = 3)]
    pub latent_beams: usize,
    /// At most this many tasks per file.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Time budget per task and beam size, seconds.
    #[arg(long, default_value_t = 60.0)]
    pub budget: f64,
    /// Also run search-only and neural-then-search with this search budget (seconds); 0: skip.
    #[arg(long, default_value_t = 0.0)]
    pub search_budget: f64,
    /// `auto`, `cpu` or `cuda`.
    #[arg(long, default_value = "cpu")]
    pub device: String,
}

#[derive(Deserialize)]
struct Record {
    examples: Vec<RecordExample>,
    #[serde(default)]
    split: Option<String>,
}

#[derive(Deserialize)]
struct RecordExample {
    inputs: Vec<String>,
    output: String,
}

fn load_tasks(path: &PathBuf, limit: Option<usize>) -> anyhow::Result<Vec<Task>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        if r.split.as_deref().is_some_and(|s| s != "NONE") {
            continue;
        }
        out.push(Task {
            param_names: vec!["s".into()],
            examples: r
                .examples
                .into_iter()
                .map(|e| IoExample {
                    inputs: e.inputs.into_iter().map(Value::Str).collect(),
                    output: Value::Str(e.output),
                })
                .collect(),
            held_out: Vec::new(),
        });
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
    }
    Ok(out)
}

fn solves(domain: &dyn Domain, task: &Task, tokens: &[u32]) -> bool {
    task.examples
        .iter()
        .all(|e| domain.eval_tokens(tokens, &e.inputs).as_ref() == Some(&e.output))
}

#[derive(Default)]
struct Tally {
    solved: usize,
    tasks: usize,
    seconds: f64,
    candidates: usize,
}

impl Tally {
    fn line(&self, label: &str) -> String {
        let n = self.tasks.max(1) as f64;
        format!(
            "{label:<44} solved {:>4}/{:<4} = {:>5.1}%   mean time/task {:>7.3} s   candidates/task {:>6.1}",
            self.solved,
            self.tasks,
            100.0 * self.solved as f64 / n,
            self.seconds / n,
            self.candidates as f64 / n
        )
    }
}

/// Neural proposal for one task; returns (solved, candidates checked).
fn run_neural(
    w: &NeuralWriter,
    domain: &dyn Domain,
    task: &Task,
    beam: usize,
    l: usize,
    budget: f64,
) -> (bool, usize) {
    let cancel = CancelToken::with_budget(Duration::from_secs_f64(budget));
    let mut solved = false;
    let mut n = 0;
    let res = w.propose(task, beam, l, &cancel, |tokens, _| {
        n += 1;
        solved = solves(domain, task, &tokens);
        !solved
    });
    if let Err(e) = res {
        eprintln!("neural: {e}");
    }
    (solved, n)
}

/// Runs `docsynth bench neural`; returns the exit code.
pub fn run(args: NeuralBenchArgs) -> anyhow::Result<i32> {
    let domain = domain_by_name("strings").context("the strings domain is not available")?;
    let device: Device = args.device.parse()?;
    let mut writers = Vec::new();
    for m in &args.models {
        let w =
            NeuralWriter::load(m, device).with_context(|| format!("loading {}", m.display()))?;
        writers.push((m.display().to_string(), w));
    }
    for file in &args.tasks {
        let tasks = load_tasks(file, args.limit)?;
        println!(
            "== {} ({} tasks), budget {} s/task ==",
            file.display(),
            tasks.len(),
            args.budget
        );
        for (name, w) in &writers {
            for &b in &args.beams {
                let mut t = Tally::default();
                for task in &tasks {
                    let start = Instant::now();
                    let (ok, n) =
                        run_neural(w, domain.as_ref(), task, b, args.latent_beams, args.budget);
                    t.seconds += start.elapsed().as_secs_f64();
                    t.tasks += 1;
                    t.candidates += n;
                    t.solved += usize::from(ok);
                }
                println!("{}", t.line(&format!("{name} [{}] B={b}", w.kind())));
            }
        }
        if args.search_budget > 0.0 {
            let mut s = Tally::default();
            let mut c = Tally::default();
            let best = writers.first();
            let b = args.beams.iter().copied().max().unwrap_or(10);
            for task in &tasks {
                let start = Instant::now();
                let cancel = CancelToken::with_budget(Duration::from_secs_f64(args.search_budget));
                let found = !domain.search(task, &cancel, 1).is_empty();
                s.seconds += start.elapsed().as_secs_f64();
                s.tasks += 1;
                s.solved += usize::from(found);
                if let Some((_, w)) = best {
                    let start = Instant::now();
                    let (ok, n) =
                        run_neural(w, domain.as_ref(), task, b, args.latent_beams, args.budget);
                    let ok = ok || {
                        let cancel =
                            CancelToken::with_budget(Duration::from_secs_f64(args.search_budget));
                        !domain.search(task, &cancel, 1).is_empty()
                    };
                    c.seconds += start.elapsed().as_secs_f64();
                    c.tasks += 1;
                    c.candidates += n;
                    c.solved += usize::from(ok);
                }
            }
            println!(
                "{}",
                s.line(&format!("search only ({} s)", args.search_budget))
            );
            if let Some((name, _)) = best {
                println!("{}", c.line(&format!("{name} B={b}, then search")));
            }
        }
    }
    Ok(0)
}
