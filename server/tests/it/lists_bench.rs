//! Benchmarks of the lists domain, ignored by default (they measure speed, not behaviour).
//! Run: `cargo test --release --test it lists_bench -- --ignored --nocapture`.
//! Environment: `LISTS_BUDGET_MS` (default 1000), `LISTS_STRIDE` (every n-th task, default 10),
//! `LISTS_OFFSET` (default 0), `LISTS_SPLIT` (only that split).

use docsynth::domain::lists::{bench, bench_interpreter, load_exedec_tasks};
use std::path::PathBuf;
use std::time::Duration;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
#[ignore]
fn interpreter_throughput() {
    let b = bench_interpreter(Duration::from_secs(2));
    println!(
        "interpreter: {:.2} M program evals/s wall, {:.2} M evals per CPU-second, {:.2} M statements/s wall ({} programs, 3 examples each)",
        b.evals_per_sec / 1e6,
        b.evals_per_cpu_sec / 1e6,
        b.statements_per_sec / 1e6,
        b.programs
    );
}

#[test]
#[ignore]
fn exedec_solve_rate() {
    let file = "exedec_deepcoder_test.jsonl";
    let primary = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/benchmarks"
    ))
    .join(file);
    let nearest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared/benchmarks").join(file))
        .find(|p| p.exists());
    let path = std::env::var("LISTS_DATA")
        .map(PathBuf::from)
        .ok()
        .or(nearest)
        .unwrap_or(primary);
    if !path.exists() {
        println!("skipping: {} is absent", path.display());
        return;
    }
    let mut tasks = load_exedec_tasks(&path).expect("loads");
    if let Ok(split) = std::env::var("LISTS_SPLIT") {
        tasks.retain(|(s, _, _)| *s == split);
    }
    let budget = Duration::from_millis(env_usize("LISTS_BUDGET_MS", 1000) as u64);
    let runs = bench::run_tasks(
        &tasks,
        budget,
        env_usize("LISTS_OFFSET", 0),
        env_usize("LISTS_STRIDE", 10),
    );
    for r in &runs {
        println!(
            "task {} {} truth={} found={:?} secs={:?} values={} agrees={:?} program={:?}",
            r.index,
            r.split,
            r.truth_statements,
            r.statements,
            r.seconds,
            r.values_stored,
            r.agrees_with_truth,
            r.program
        );
    }
    for s in bench::summarize(&runs) {
        println!(
            "{:<28} solved {:>4}/{:<4} ({:.1}%)  first program p50 {:.4}s  returned p50 {:.3}s p90 {:.3}s  agrees with truth on fresh inputs {}",
            s.split,
            s.solved,
            s.attempted,
            100.0 * s.solved as f64 / s.attempted.max(1) as f64,
            s.p50_first_seconds,
            s.p50_solved_seconds,
            s.p90_solved_seconds,
            s.agree_with_truth
        );
    }
}

/// Run under `/usr/bin/time -v` to read the peak RSS: an impossible task with long lists keeps
/// the search busy until the table caps bind. `LISTS_MEMORY_SECS` (default 20),
/// `LISTS_MEMORY_LIST_LEN` (default 20).
#[test]
#[ignore]
fn search_memory_stays_bounded() {
    use docsynth::cancel::CancelToken;
    use docsynth::domain::lists::enumerate::{search, SearchLimits};
    use docsynth::domain::lists::interp::DslValue;
    let len = env_usize("LISTS_MEMORY_LIST_LEN", 20) as i64;
    let list =
        |seed: i64| DslValue::List((0..len).map(|i| (i * 37 + seed * 11) % 101 - 50).collect());
    let examples: Vec<_> = (0..5)
        .map(|e| {
            (
                vec![list(e), list(e + 7), DslValue::Int(e)],
                DslValue::List(vec![e; len as usize + 3]),
            )
        })
        .collect();
    let secs = env_usize("LISTS_MEMORY_SECS", 20) as u64;
    let cancel = CancelToken::with_budget(Duration::from_secs(secs));
    let out = search(&examples, 50, &cancel, 1, SearchLimits::default());
    println!(
        "memory probe: {} values stored, {} candidates, level {} started, {} programs",
        out.values_stored,
        out.candidates,
        out.levels_started,
        out.programs.len()
    );
}
