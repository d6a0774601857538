//! One writer on one task: a neural decode, the search alone, and neural-then-search.

use std::time::{Duration, Instant};

use crate::cancel::CancelToken;
use crate::domain::{Domain, Task};
use crate::neural::NeuralWriter;

use super::report::TaskResult;

pub(super) fn solves(domain: &dyn Domain, task: &Task, tokens: &[u32]) -> bool {
    task.examples
        .iter()
        .all(|e| domain.eval_tokens(tokens, &e.inputs).as_ref() == Some(&e.output))
}

/// One neural decode of one task.
pub(super) fn run_neural(
    w: &NeuralWriter,
    domain: &dyn Domain,
    task: &Task,
    beam: usize,
    latent_beams: usize,
    budget: f64,
) -> TaskResult {
    let cancel = CancelToken::with_budget(Duration::from_secs_f64(budget));
    let start = Instant::now();
    let (mut solved, mut candidates) = (false, 0);
    let res = w.propose(task, beam, latent_beams, &cancel, |tokens, _| {
        candidates += 1;
        solved = solves(domain, task, &tokens);
        !solved
    });
    TaskResult {
        solved,
        seconds: start.elapsed().as_secs_f64(),
        candidates,
        failed: res.is_err(),
    }
}

/// The search alone on one task.
pub(super) fn run_search(domain: &dyn Domain, task: &Task, budget: Duration) -> TaskResult {
    let start = Instant::now();
    let cancel = CancelToken::with_budget(budget);
    let found = domain
        .search(task, &cancel, 1)
        .iter()
        .any(|s| solves(domain, task, &s.tokens));
    TaskResult {
        solved: found,
        seconds: start.elapsed().as_secs_f64(),
        candidates: 0,
        failed: false,
    }
}

/// The distinct latent beams to try at beam `b` (clamped to B; one for the baseline).
pub(super) fn latent_beams_for(w: &NeuralWriter, b: usize, wanted: &[usize]) -> Vec<Option<usize>> {
    if w.kind() == "baseline" {
        return vec![None];
    }
    let mut out: Vec<Option<usize>> = Vec::new();
    for &l in wanted {
        let l = Some(l.clamp(1, b.max(1)));
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.is_empty() {
        out.push(Some(1));
    }
    out
}

/// Neural-then-search within `total`: the neural run's result when it solved the task in time
/// (the decode is deterministic, so its run at the largest B stands in for a fresh one),
/// otherwise the search in what the decode left.
pub(super) fn combine(
    domain: &dyn Domain,
    task: &Task,
    neural: &TaskResult,
    total: Duration,
) -> TaskResult {
    let total_s = total.as_secs_f64();
    if neural.solved && neural.seconds <= total_s {
        return *neural;
    }
    let spent = neural.seconds.min(total_s);
    let left = total_s - spent;
    let mut out = TaskResult {
        seconds: spent,
        ..*neural
    };
    out.solved = false;
    if left > 0.0 {
        let s = run_search(domain, task, Duration::from_secs_f64(left));
        out.solved = s.solved;
        out.seconds += s.seconds;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{domain_by_name, IoExample};
    use crate::value::Value;

    fn sort_task() -> Task {
        let list = |xs: &[i64]| Value::List(xs.iter().map(|&x| Value::Int(x)).collect());
        Task {
            param_names: vec!["x0".into()],
            examples: vec![
                IoExample {
                    inputs: vec![list(&[3, 1, 2])],
                    output: list(&[1, 2, 3]),
                },
                IoExample {
                    inputs: vec![list(&[5, -4])],
                    output: list(&[-4, 5]),
                },
            ],
            held_out: Vec::new(),
            ..Default::default()
        }
    }

    #[test]
    fn combine_keeps_a_neural_solution_in_time_and_searches_what_is_left() {
        let d = domain_by_name("lists").expect("lists");
        let total = Duration::from_secs(5);
        let neural = |solved, seconds| TaskResult {
            solved,
            seconds,
            candidates: 7,
            failed: false,
        };
        let kept = combine(d.as_ref(), &sort_task(), &neural(true, 1.0), total);
        assert_eq!(kept, neural(true, 1.0));
        // Solved too late, and nothing left for the search: unsolved at the total.
        let late = combine(d.as_ref(), &sort_task(), &neural(true, 9.0), total);
        assert!(!late.solved && (late.seconds - 5.0).abs() < 1e-9);
        // Unsolved in 1 s: the search (which sorts easily) gets the other 4 s.
        let searched = combine(d.as_ref(), &sort_task(), &neural(false, 1.0), total);
        assert!(searched.solved && searched.seconds >= 1.0 && searched.candidates == 7);
        assert!(run_search(d.as_ref(), &sort_task(), total).solved);
    }
}
