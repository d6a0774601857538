//! The batch API on the real `python3`: grouping by suite, suite caching limits, recycling,
//! and the thread-safe pool.

use crate::runner_support;

use docsynth::runner::{CheckJob, RunnerConfig, RunnerPool};
use runner_support::*;
use std::sync::Arc;

fn def(name: &str, body: &str) -> String {
    format!("def {name}(s):\n    {body}\n")
}

#[test]
fn batch_keeps_job_order_across_interleaved_suites() {
    let mut r = runner();
    let upper = Arc::new(suite("f", vec![comment("f('a')", "'A'")]));
    let double = Arc::new(suite("g", vec![doctest("g(2)", "4\n")]));
    let jobs = vec![
        CheckJob {
            suite: upper.clone(),
            source: def("f", "return s.upper()"),
        },
        CheckJob {
            suite: upper.clone(),
            source: def("f", "return s"),
        },
        CheckJob {
            suite: double.clone(),
            source: def("g", "return s * 2"),
        },
        CheckJob {
            suite: upper.clone(),
            source: def("f", "return s.upper()"),
        },
        CheckJob {
            suite: double,
            source: def("g", "return s + 1"),
        },
    ];
    let reports = r.check_batch(&jobs).expect("batch runs");
    let passed: Vec<bool> = reports.iter().map(|r| r.passed()).collect();
    assert_eq!(passed, vec![true, false, true, true, false]);
}

fn runner_with_recycle(recycle_after: usize) -> docsynth::runner::Runner {
    let config = RunnerConfig {
        python: std::env::var_os("DOCSYNTH_TEST_PYTHON").map(Into::into),
        recycle_after,
        ..RunnerConfig::default()
    };
    docsynth::runner::Runner::new(config).expect("python3")
}

fn check_many_suites(r: &mut docsynth::runner::Runner, count: usize) {
    for i in 0..count {
        let s = suite(
            "f",
            vec![comment(&format!("f({i})"), &format!("{}", i + 1))],
        );
        let reports = r
            .check_candidates(&s, &[def("f", "return s + 1"), def("f", "return s")])
            .expect("batch runs");
        assert!(reports[0].passed(), "{i}: {:?}", reports[0]);
        assert!(!reports[1].passed(), "{i}: {:?}", reports[1]);
    }
}

#[test]
fn more_suites_than_the_worker_keeps_still_work() {
    let mut r = runner_with_recycle(0);
    check_many_suites(&mut r, 150);
    assert_eq!(r.restarts(), 0);
}

#[test]
fn recycling_restarts_the_worker_and_keeps_working() {
    let mut r = runner_with_recycle(7);
    check_many_suites(&mut r, 20);
    // 40 candidates, checked two at a time, recycled once 7 or more ran: every 4th call.
    assert_eq!(r.restarts(), 4, "restarts: {}", r.restarts());
}

#[test]
fn pool_serves_several_threads() {
    let config = RunnerConfig {
        python: std::env::var_os("DOCSYNTH_TEST_PYTHON").map(Into::into),
        ..RunnerConfig::default()
    };
    let pool = RunnerPool::new(config, 2).expect("python3");
    let handles: Vec<_> = (0..3)
        .map(|t| {
            let pool = pool.clone();
            std::thread::spawn(move || {
                let mut runner = pool.get().expect("runner");
                let s = suite(
                    "f",
                    vec![comment(&format!("f({t})"), &format!("{}", t * 3))],
                );
                runner
                    .check_candidates(&s, &[def("f", "return s * 3")])
                    .expect("batch runs")
                    .remove(0)
                    .passed()
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().expect("thread"));
    }
    // Runners went back to the pool and are reused.
    let mut runner = pool.get().expect("runner");
    let s = suite("f", vec![comment("f(1)", "3")]);
    assert!(runner
        .check_candidates(&s, &[def("f", "return s * 3")])
        .expect("runs")[0]
        .passed());
}
