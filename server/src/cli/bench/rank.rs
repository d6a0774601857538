//! `docsynth bench rank`: which ordering of verified candidates picks the program the user
//! meant, on self-generated tasks — and the training data of the learned ranker.
//!
//! For each sampled task (a reference program of a domain's sampler), docsynth sees `--examples`
//! of its examples as asserts in a stub file and synthesizes through the `docsynth synth` path
//! (search writer, many candidates). Every verified candidate is labelled by whether it passes
//! the task's held-out examples in the sandboxed runner. The report compares the top-1 under
//! the writers' order, the pragmatic (RSA) listener, the shipped learned ranker (if any) and
//! the best possible pick; `--out` writes one JSON line per candidate (`task`, `domain`,
//! `features`, `label`) for `models/train/ranker.py`.

use super::ask::{generalizes, sampled_tasks, stub};
use crate::cancel::CancelToken;
use crate::domain::{all_domains, IoExample};
use crate::pipeline::{synthesize_source, CheckedCandidate, Engine, SynthConfig};
use crate::runner::{Runner, RunnerConfig};
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `docsynth bench rank`.
#[derive(Debug, Args)]
pub struct RankBenchArgs {
    /// Domains whose samplers provide the tasks.
    #[arg(long, value_delimiter = ',', default_value = "strings,lists")]
    pub domains: Vec<String>,
    /// Tasks per domain.
    #[arg(long, default_value_t = 50)]
    pub tasks: usize,
    /// Examples docsynth sees per task.
    #[arg(long, default_value_t = 2)]
    pub examples: usize,
    /// Synthesis budget per task, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    pub budget_ms: u64,
    /// Random seed of the task sampler.
    #[arg(long, default_value_t = 11)]
    pub seed: u64,
    /// Write the labelled candidates here (JSON lines).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct Row {
    domain: String,
    tasks: usize,
    /// Tasks with at least one verified candidate.
    solved: usize,
    /// Top-1 generalizes, by ordering.
    writers_order: usize,
    rsa: usize,
    learned: Option<usize>,
    /// Some verified candidate generalizes (the best any ordering can do).
    oracle: usize,
}

#[derive(Serialize)]
struct Labelled<'a> {
    task: String,
    domain: &'a str,
    writer_order: usize,
    features: &'a crate::rank::Features,
    label: bool,
}

/// Runs `docsynth bench rank`; returns the exit code.
pub fn run(args: RankBenchArgs) -> anyhow::Result<i32> {
    let domains = all_domains();
    let mut runner = Runner::new(RunnerConfig::default())?;
    let config = SynthConfig {
        budget: Duration::from_millis(args.budget_ms),
        engine: Engine::Search,
        top_k: 10,
        ..SynthConfig::default()
    };
    let mut out = match &args.out {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display()))?,
        )),
        None => None,
    };
    let ranker = crate::rank::shipped_ranker();
    let mut rows = Vec::new();
    for name in &args.domains {
        let Some(domain) = domains.iter().find(|d| d.name() == name) else {
            anyhow::bail!("unknown domain `{name}`");
        };
        let Some(tasks) = sampled_tasks(domain.as_ref(), args.seed, args.tasks, 8, |t| {
            t.task.examples.len() >= args.examples && !t.task.held_out.is_empty()
        }) else {
            eprintln!("docsynth: domain {name} has no task sampler; skipped");
            continue;
        };
        let mut row = Row {
            domain: name.clone(),
            tasks: 0,
            solved: 0,
            writers_order: 0,
            rsa: 0,
            learned: ranker.map(|_| 0),
            oracle: 0,
        };
        for t in &tasks {
            row.tasks += 1;
            let given: Vec<IoExample> = t.task.examples[..args.examples].to_vec();
            let test = &t.task.held_out;
            let results =
                synthesize_source(&stub(&given), Some("f"), &config, &[], &CancelToken::new())?;
            let candidates: Vec<CheckedCandidate> = results
                .into_iter()
                .next()
                .map(|r| r.candidates)
                .unwrap_or_default();
            if candidates.is_empty() {
                continue;
            }
            row.solved += 1;
            let mut labels = Vec::with_capacity(candidates.len());
            for c in &candidates {
                labels.push(generalizes(&mut runner, &c.code, &c.imports, test)?);
            }
            let pick = |key: &dyn Fn(&CheckedCandidate) -> f64| -> bool {
                let best = candidates
                    .iter()
                    .enumerate()
                    .max_by(|a, b| key(a.1).total_cmp(&key(b.1)).then(b.0.cmp(&a.0)));
                best.is_some_and(|(i, _)| labels[i])
            };
            row.writers_order += usize::from(pick(&|c| -(c.writer_order as f64)));
            row.rsa += usize::from(pick(&|c| c.features.rsa));
            if let (Some(l), Some(model)) = (row.learned.as_mut(), ranker) {
                *l += usize::from(pick(&|c| model.logit(&c.features)));
            }
            row.oracle += usize::from(labels.iter().any(|&l| l));
            if let Some(w) = out.as_mut() {
                for (c, label) in candidates.iter().zip(&labels) {
                    let line = serde_json::to_string(&Labelled {
                        task: format!("{name}-{}", row.tasks),
                        domain: name,
                        writer_order: c.writer_order,
                        features: &c.features,
                        label: *label,
                    })?;
                    writeln!(w, "{line}")?;
                }
            }
        }
        rows.push(row);
    }
    if let Some(mut w) = out {
        w.flush()?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!(
            "bench rank: {} example(s) given, {} ms per task; top-1 generalizes (of solved)",
            args.examples, args.budget_ms
        );
        println!(
            "{:<8} {:>5} {:>6} {:>14} {:>8} {:>8} {:>8}",
            "domain", "tasks", "solved", "writers' order", "rsa", "learned", "oracle"
        );
        for r in &rows {
            let pct = |n: usize| format!("{:.1}%", 100.0 * n as f64 / r.solved.max(1) as f64);
            println!(
                "{:<8} {:>5} {:>6} {:>14} {:>8} {:>8} {:>8}",
                r.domain,
                r.tasks,
                r.solved,
                pct(r.writers_order),
                pct(r.rsa),
                r.learned.map_or("-".to_string(), pct),
                pct(r.oracle)
            );
        }
    }
    Ok(0)
}
