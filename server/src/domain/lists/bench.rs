//! Measurements: ExeDec solve rates per split at a time budget, for `docsynth bench` and the
//! ignored benchmark test.

use super::dsl::{Type, EXEDEC_MAX_INT};
use super::interp::{DslValue, Machine};
use super::{dsl_examples, enumerate, sample, task_bound, text_form, ExedecTask};
use crate::cancel::CancelToken;
use rand::SeedableRng;
use std::time::{Duration, Instant};

/// One task's search result.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRun {
    /// The task's split.
    pub split: String,
    /// Index of the task in the loaded list.
    pub index: usize,
    /// Seconds until the search returned its (smallest) program (`None`: unsolved).
    pub seconds: Option<f64>,
    /// Seconds to the first consistent program found (`None`: unsolved).
    pub first_seconds: Option<f64>,
    /// Statements in the program found.
    pub statements: Option<usize>,
    /// The program found, in ExeDec's text form.
    pub program: Option<String>,
    /// Statements in the ground-truth program.
    pub truth_statements: usize,
    /// Values the search stored.
    pub values_stored: usize,
    /// Whether the program found agrees with the ground truth on 20 fresh random inputs
    /// (ExeDec's input distribution) wherever the ground truth is valid.
    pub agrees_with_truth: Option<bool>,
}

/// Compares two programs on `n` random inputs of the given types where `truth` is valid.
fn agrees(
    found: &super::dsl::Program,
    truth: &super::dsl::Program,
    types: &[Type],
    seed: u64,
    n: usize,
) -> bool {
    let Some(profile) = sample::Profile::named("exedec") else {
        return false;
    };
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut machine = Machine::new();
    let mut compared = 0;
    for _ in 0..n * 10 {
        if compared >= n {
            break;
        }
        let ins: Vec<DslValue> = sample::random_inputs(&mut rng, &profile, types);
        let Some(want) = machine.run(truth, &ins, EXEDEC_MAX_INT) else {
            continue;
        };
        compared += 1;
        if !machine.run_matches(found, &ins, &want, EXEDEC_MAX_INT) {
            return false;
        }
    }
    true
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
    /// Median seconds until the search returned, over solved tasks.
    pub p50_solved_seconds: f64,
    /// Median seconds to the first consistent program, over solved tasks.
    pub p50_first_seconds: f64,
    /// 90th percentile seconds to the first solution over solved tasks.
    pub p90_solved_seconds: f64,
    /// Solved tasks whose program agrees with the ground truth on fresh inputs.
    pub agree_with_truth: usize,
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
        let Some(examples) = dsl_examples(&task.examples).filter(|e| !e.is_empty()) else {
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
        let types: Vec<Type> = examples[0].0.iter().map(DslValue::ty).collect();
        let truth_program = text_form::parse_program(truth).ok().map(|mut p| {
            p.input_types = types.clone();
            p
        });
        let agrees_with_truth = match (first, truth_program) {
            (Some((found, _)), Some(t)) => Some(agrees(found, &t, &types, index as u64, 20)),
            _ => None,
        };
        out.push(TaskRun {
            agrees_with_truth,
            split: split.clone(),
            index,
            seconds: first.map(|_| secs),
            first_seconds: outcome.first_found_after.map(|d| d.as_secs_f64()),
            statements: first.map(|(p, _)| p.statements.len()),
            program: first.map(|(p, _)| text_form::print_program(p)),
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
            let mut firsts: Vec<f64> = mine.iter().filter_map(|r| r.first_seconds).collect();
            firsts.sort_by(f64::total_cmp);
            SplitSummary {
                agree_with_truth: mine
                    .iter()
                    .filter(|r| r.agrees_with_truth == Some(true))
                    .count(),
                attempted: mine.len(),
                solved: times.len(),
                p50_solved_seconds: percentile(&times, 0.5),
                p50_first_seconds: percentile(&firsts, 0.5),
                p90_solved_seconds: percentile(&times, 0.9),
                split,
            }
        })
        .collect()
}
