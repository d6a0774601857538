//! Measurements: ExeDec solve rates per split at a time budget, for `docsynth bench` and the
//! ignored benchmark test.

use super::{dsl_examples, enumerate, task_bound, ExedecTask};
use crate::cancel::CancelToken;
use std::time::{Duration, Instant};

/// One task's search result.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRun {
    /// The task's split.
    pub split: String,
    /// Index of the task in the loaded list.
    pub index: usize,
    /// Seconds to the first consistent program (`None`: unsolved within the budget).
    pub seconds: Option<f64>,
    /// Statements in the program found.
    pub statements: Option<usize>,
    /// Statements in the ground-truth program.
    pub truth_statements: usize,
    /// Values the search stored.
    pub values_stored: usize,
}

/// Summary of one split.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitSummary {
    /// Split name.
    pub split: String,
    /// Tasks attempted.
    pub attempted: usize,
    /// Tasks solved (a program reproducing every example).
    pub solved: usize,
    /// Median seconds to the first solution over solved tasks.
    pub p50_solved_seconds: f64,
    /// 90th percentile seconds to the first solution over solved tasks.
    pub p90_solved_seconds: f64,
}

/// Runs the search on every `stride`-th task starting at `offset` with `budget` each.
pub fn run_tasks(
    tasks: &[ExedecTask],
    budget: Duration,
    offset: usize,
    stride: usize,
) -> Vec<TaskRun> {
    let mut out = Vec::new();
    for (index, (split, task, truth)) in
        tasks.iter().enumerate().skip(offset).step_by(stride.max(1))
    {
        let truth_statements = truth.split('|').filter(|s| !s.contains("INPUT")).count();
        let Some(examples) = dsl_examples(&task.examples) else {
            continue;
        };
        let start = Instant::now();
        let cancel = CancelToken::with_budget(budget);
        let outcome = enumerate::search(
            &examples,
            task_bound(&examples),
            &cancel,
            1,
            enumerate::SearchLimits::default(),
        );
        let secs = start.elapsed().as_secs_f64();
        let first = outcome.programs.first();
        out.push(TaskRun {
            split: split.clone(),
            index,
            seconds: first.map(|_| secs),
            statements: first.map(|(p, _)| p.statements.len()),
            truth_statements,
            values_stored: outcome.values_stored,
        });
    }
    out
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Summarizes runs per split, in first-seen order.
pub fn summarize(runs: &[TaskRun]) -> Vec<SplitSummary> {
    let mut splits: Vec<String> = Vec::new();
    for r in runs {
        if !splits.contains(&r.split) {
            splits.push(r.split.clone());
        }
    }
    splits
        .into_iter()
        .map(|split| {
            let mine: Vec<&TaskRun> = runs.iter().filter(|r| r.split == split).collect();
            let mut times: Vec<f64> = mine.iter().filter_map(|r| r.seconds).collect();
            times.sort_by(f64::total_cmp);
            SplitSummary {
                attempted: mine.len(),
                solved: times.len(),
                p50_solved_seconds: percentile(&times, 0.5),
                p90_solved_seconds: percentile(&times, 0.9),
                split,
            }
        })
        .collect()
}
