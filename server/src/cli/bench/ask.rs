//! `docsynth bench ask`: how many examples a user needs before the top candidate is the program
//! they meant, when docsynth asks its question (the answer is added as an example) against the
//! same loop adding a random further example instead.
//!
//! A simulated user holds a reference program of a domain's sampler. docsynth sees `--start`
//! of its examples, written as asserts in a stub file, and synthesizes through the same path as
//! `docsynth synth` (search writer). The top-1 candidate counts as correct when it passes the
//! task's held-out examples in the sandboxed runner. Until then, each round adds one example:
//! the reference's answer to docsynth's question (mode `ask`; a random example when there is no
//! question or the reference raises there), or a random example (mode `random`).

use super::runner::example;
use crate::cancel::CancelToken;
use crate::domain::{all_domains, Domain, GeneratedTask, IoExample};
use crate::pipeline::{synthesize_source, Engine, SynthConfig};
use crate::runner::{CheckSuite, RunContext, Runner, RunnerConfig};
use crate::spec::ExampleKind;
use crate::value::Value;
use clap::{Args, ValueEnum};
use rand::SeedableRng;
use serde::Serialize;
use std::time::Duration;

/// Arguments of `docsynth bench ask`.
#[derive(Debug, Args)]
pub struct AskBenchArgs {
    /// Where the tasks come from: `generated` (each of `--domains`' samplers) and `mbpp` (MBPP
    /// dev's stubs, docstring and two asserts, the MBPP solution answering the questions; only
    /// tasks docsynth answers at the start, with a candidate or a question, go on to ask).
    #[arg(long, value_delimiter = ',', default_value = "generated")]
    pub suites: Vec<AskSuite>,
    /// Domains whose samplers provide the generated tasks.
    #[arg(long, value_delimiter = ',', default_value = "strings,lists")]
    pub domains: Vec<String>,
    /// Tasks per domain (generated suite).
    #[arg(long, default_value_t = 30)]
    pub tasks: usize,
    /// At most this many MBPP tasks, from the start of the file (default: all 472).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Directory with the public benchmark files (default: `../shared/benchmarks`, else
    /// `../../shared/benchmarks`, from the current directory).
    #[arg(long)]
    pub benchmarks: Option<std::path::PathBuf>,
    /// Examples the user gives at first.
    #[arg(long, default_value_t = 1)]
    pub start: usize,
    /// Most questions (rounds adding an example) per task.
    #[arg(long, default_value_t = 3)]
    pub max_questions: usize,
    /// Synthesis budget per round, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    pub budget_ms: u64,
    /// Random seed of the task sampler.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

/// A source of tasks for `docsynth bench ask`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AskSuite {
    /// Tasks sampled from each domain's prior (`--domains`).
    Generated,
    /// MBPP dev's stubs; the MBPP solution is the simulated user.
    Mbpp,
}

/// How the loop adds an example after a wrong top-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ValueEnum)]
#[serde(rename_all = "snake_case")]
enum Mode {
    /// The reference's answer to docsynth's question.
    Ask,
    /// A random further example.
    Random,
}

/// Held-out examples that decide correctness (the rest of the pool feeds `random`).
const TEST_EXAMPLES: usize = 6;

#[derive(Debug, Serialize)]
struct Row {
    domain: String,
    mode: Mode,
    tasks: usize,
    /// Tasks whose top-1 became correct within the question limit.
    correct: usize,
    /// Mean examples the user gave until the top-1 was correct (over the correct tasks).
    mean_examples_when_correct: f64,
    /// Mean examples over all tasks, counting an unfinished task as `start + max + 1`.
    mean_examples_all: f64,
    /// Correct at the start, before any question.
    correct_at_start: usize,
    /// Rounds in which the ask mode had a question (it fell back to a random example otherwise).
    questions_asked: usize,
}

impl Row {
    /// A row before any task ran.
    fn empty(domain: &str, mode: Mode, tasks: usize) -> Row {
        Row {
            domain: domain.to_string(),
            mode,
            tasks,
            correct: 0,
            mean_examples_when_correct: 0.0,
            mean_examples_all: 0.0,
            correct_at_start: 0,
            questions_asked: 0,
        }
    }
}

/// Runs `docsynth bench ask`; returns the exit code.
pub fn run(args: AskBenchArgs) -> anyhow::Result<i32> {
    if args.start == 0 {
        anyhow::bail!("--start must be at least 1");
    }
    let domains = all_domains();
    let mut runner = Runner::new(RunnerConfig::default())?;
    let config = SynthConfig {
        budget: Duration::from_millis(args.budget_ms),
        engine: Engine::Search,
        ..SynthConfig::default()
    };
    let mut rows = Vec::new();
    let generated: &[String] = if args.suites.contains(&AskSuite::Generated) {
        &args.domains
    } else {
        &[]
    };
    for name in generated {
        let Some(domain) = domains.iter().find(|d| d.name() == name) else {
            anyhow::bail!("unknown domain `{name}`");
        };
        let Some(tasks) = sampled_tasks(
            domain.as_ref(),
            args.seed,
            args.tasks,
            TEST_EXAMPLES + 6,
            |t| t.task.examples.len() >= args.start && t.task.held_out.len() > TEST_EXAMPLES,
        ) else {
            eprintln!("docsynth: domain {name} has no task sampler; skipped");
            continue;
        };
        let trace = std::env::var_os("DOCSYNTH_BENCH_TRACE").is_some();
        for mode in [Mode::Ask, Mode::Random] {
            let mut row = Row::empty(name, mode, tasks.len());
            let mut sum_correct = 0usize;
            let mut sum_all = 0usize;
            for t in &tasks {
                let split = t.task.held_out.len() - TEST_EXAMPLES;
                let test = &t.task.held_out[split..];
                let mut pool: Vec<IoExample> = t.task.examples[args.start..].to_vec();
                pool.extend(t.task.held_out[..split].iter().cloned());
                let mut given: Vec<IoExample> = t.task.examples[..args.start].to_vec();
                let mut done = None;
                for round in 0..=args.max_questions {
                    let source = stub(&given);
                    let results =
                        synthesize_source(&source, Some("f"), &config, &[], &CancelToken::new())?;
                    let result = results.into_iter().next();
                    let top = result.as_ref().and_then(|r| r.candidates.first());
                    if let Some(top) = top {
                        if generalizes(&mut runner, &top.code, &top.imports, test)? {
                            done = Some(given.len());
                            if round == 0 {
                                row.correct_at_start += 1;
                            }
                            break;
                        }
                    }
                    if round == args.max_questions {
                        break;
                    }
                    let asked =
                        match mode {
                            Mode::Ask => result
                                .as_ref()
                                .and_then(|r| r.question.as_ref())
                                .and_then(|q| {
                                    let output = domain.eval_tokens(&t.tokens, &q.input)?;
                                    Some(IoExample {
                                        inputs: q.input.clone(),
                                        output,
                                    })
                                }),
                            Mode::Random => None,
                        };
                    if trace {
                        let added = asked.as_ref().map_or("(random)".to_string(), |e| {
                            format!(
                                "f({}) = {}",
                                args_repr(&e.inputs),
                                e.output.to_python_repr()
                            )
                        });
                        eprintln!(
                            "{name} {mode:?} [{}]: top {:?} -> {added}",
                            t.program,
                            top.map_or("-", |c| c.body.as_str())
                        );
                    }
                    match asked {
                        Some(e) if !given.contains(&e) => {
                            row.questions_asked += 1;
                            given.push(e);
                        }
                        _ => match pool.iter().position(|e| !given.contains(e)) {
                            Some(i) => given.push(pool.remove(i)),
                            None => break,
                        },
                    }
                }
                match done {
                    Some(n) => {
                        row.correct += 1;
                        sum_correct += n;
                        sum_all += n;
                    }
                    None => sum_all += args.start + args.max_questions + 1,
                }
            }
            row.mean_examples_when_correct = sum_correct as f64 / row.correct.max(1) as f64;
            row.mean_examples_all = sum_all as f64 / row.tasks.max(1) as f64;
            rows.push(row);
        }
    }
    if args.suites.contains(&AskSuite::Mbpp) {
        rows.extend(mbpp_rows(&args)?);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!(
            "bench ask: start with {} example(s) (mbpp: the stub's), at most {} more, {} ms per round (search writer)",
            args.start, args.max_questions, args.budget_ms
        );
        println!(
            "{:<8} {:<7} {:>5} {:>9} {:>9} {:>14} {:>11} {:>9}",
            "domain", "mode", "tasks", "correct", "at start", "examples(ok)", "examples", "asked"
        );
        for r in &rows {
            println!(
                "{:<8} {:<7} {:>5} {:>8.1}% {:>9} {:>14.2} {:>11.2} {:>9}",
                r.domain,
                format!("{:?}", r.mode).to_lowercase(),
                r.tasks,
                100.0 * r.correct as f64 / r.tasks.max(1) as f64,
                r.correct_at_start,
                r.mean_examples_when_correct,
                r.mean_examples_all,
                r.questions_asked
            );
        }
    }
    Ok(0)
}

/// The MBPP loop: each task's stub as written (docstring and two asserts). A task the first
/// round answers, with an offered candidate or a question, goes on: in mode `ask` the MBPP
/// solution answers docsynth's question (run in the sandboxed runner), in mode `random` it
/// answers a random input from the same pool the question is chosen from (inputs like the
/// user's, and the clustering inputs). Each answer is appended to the stub as an assert.
/// Correct: the offered top-1 passes the given and the held-out asserts.
fn mbpp_rows(args: &AskBenchArgs) -> anyhow::Result<Vec<Row>> {
    use super::stubs::{load_mbpp, StubBench, Verdict};
    use crate::pipeline::{SearchWriter, Writer};
    use rand::seq::SliceRandom;
    let dir = args
        .benchmarks
        .clone()
        .unwrap_or_else(super::default_benchmarks_dir);
    let mut tasks = load_mbpp(&dir.join("mbpp_dev.jsonl"))?;
    if let Some(n) = args.limit {
        tasks.truncate(n);
    }
    let search = SearchWriter;
    let writers: Vec<&dyn Writer> = vec![&search];
    let config = SynthConfig {
        engine: Engine::Search,
        top_k: 3,
        ..SynthConfig::default()
    };
    let mut bench = StubBench::new(config, writers)?;
    let budget = Duration::from_millis(args.budget_ms);
    let mut rows: Vec<Row> = [Mode::Ask, Mode::Random]
        .into_iter()
        .map(|mode| Row::empty("mbpp", mode, tasks.len()))
        .collect();
    let mut sums = [(0usize, 0usize); 2];
    // Each round's question and answer on stderr.
    let trace = std::env::var_os("DOCSYNTH_BENCH_TRACE").is_some();
    for (k, task) in tasks.iter().enumerate() {
        let specs = crate::spec::extract(&task.stub);
        let Some(spec) = specs
            .functions
            .iter()
            .find(|s| s.name == task.function && s.is_top_level)
        else {
            continue;
        };
        let (examples, _) = crate::pipeline::io_examples(spec);
        let start = examples.len();
        let first = bench.run(task, budget)?;
        let answered = first.verdict == Verdict::Generalizes
            || first.question.is_some()
            || first.verdict == Verdict::SolvedOnly;
        // The pool of inputs the question is chosen from, in a random order (the same for
        // both modes).
        let mut shuffled_pool = crate::ask::user_like_inputs(&examples, 48);
        if let Some(python) = crate::domain::domain_by_name("python") {
            if let Ok(t) =
                python.task_for(&spec.params, spec.return_annotation.as_deref(), &examples)
            {
                shuffled_pool.extend(python.extra_inputs(&t, 0, 32));
            }
        }
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(args.seed + k as u64);
        shuffled_pool.shuffle(&mut rng);
        for (m, row) in rows.iter_mut().enumerate() {
            let mode = row.mode;
            let mut done = (first.verdict == Verdict::Generalizes).then_some(start);
            if done.is_some() {
                row.correct_at_start += 1;
            }
            let mut pool = shuffled_pool.clone();
            let mut current = task.clone();
            let mut outcome = first.clone();
            let mut given = start;
            let mut asked_inputs: Vec<Vec<Value>> = Vec::new();
            for _ in 0..args.max_questions {
                if done.is_some() || !answered {
                    break;
                }
                let mut added = None;
                if mode == Mode::Ask {
                    if let Some(q) = &outcome.question {
                        if let Some(out) = bench.reference_output(task, &q.input)? {
                            row.questions_asked += 1;
                            added = Some((q.input.clone(), out));
                        }
                    }
                }
                while added.is_none() {
                    let Some(input) = pool.pop() else { break };
                    if asked_inputs.contains(&input) {
                        continue;
                    }
                    if let Some(out) = bench.reference_output(task, &input)? {
                        added = Some((input, out));
                    }
                }
                let Some((input, output)) = added else { break };
                if trace {
                    eprintln!(
                        "{} {mode:?}: top {:?} -> asked {}({}) = {}",
                        task.name,
                        outcome.top_body.as_deref().unwrap_or("-"),
                        task.function,
                        args_repr(&input),
                        output.to_python_repr()
                    );
                }
                asked_inputs.push(input.clone());
                if !current.stub.ends_with('\n') {
                    current.stub.push('\n');
                }
                current.stub += &format!(
                    "assert {}({}) == {}\n",
                    task.function,
                    args_repr(&input),
                    output.to_python_repr()
                );
                given += 1;
                outcome = bench.run(&current, budget)?;
                if outcome.verdict == Verdict::Generalizes {
                    done = Some(given);
                }
            }
            if trace && answered {
                eprintln!(
                    "{} {mode:?}: {} top {:?}",
                    task.name,
                    if done.is_some() { "correct" } else { "wrong" },
                    outcome.top_body.as_deref().unwrap_or("-")
                );
            }
            let (sum_correct, sum_all) = &mut sums[m];
            match done {
                Some(n) => {
                    row.correct += 1;
                    *sum_correct += n;
                    *sum_all += n;
                }
                None => *sum_all += start + args.max_questions + 1,
            }
        }
        if (k + 1) % 50 == 0 {
            eprintln!("bench ask: mbpp {}/{}", k + 1, tasks.len());
        }
    }
    for (row, (sum_correct, sum_all)) in rows.iter_mut().zip(sums) {
        row.mean_examples_when_correct = sum_correct as f64 / row.correct.max(1) as f64;
        row.mean_examples_all = sum_all as f64 / row.tasks.max(1) as f64;
    }
    Ok(rows)
}

/// Up to `n` tasks of `domain`'s default sampler profile (seeded) that `accept` takes, each
/// with `held_out` extra examples; `None` when the domain has no sampler.
pub(crate) fn sampled_tasks(
    domain: &dyn Domain,
    seed: u64,
    n: usize,
    held_out: usize,
    accept: impl Fn(&GeneratedTask) -> bool,
) -> Option<Vec<GeneratedTask>> {
    let profile = domain.datagen_profiles().first()?;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut tasks = Vec::new();
    let mut draws = 0;
    while tasks.len() < n && draws < n * 100 {
        draws += 1;
        if let Some(t) = domain.sample(profile, &mut rng, held_out) {
            if accept(&t) {
                tasks.push(t);
            }
        }
    }
    Some(tasks)
}

/// A stub file: `def f(x0, …): ...` and one assert per example.
pub(crate) fn stub(examples: &[IoExample]) -> String {
    let arity = examples.first().map_or(1, |e| e.inputs.len());
    let params: Vec<String> = (0..arity).map(|i| format!("x{i}")).collect();
    let mut s = format!("def f({}):\n    ...\n\n\n", params.join(", "));
    for e in examples {
        s += &format!(
            "assert f({}) == {}\n",
            args_repr(&e.inputs),
            e.output.to_python_repr()
        );
    }
    s
}

fn args_repr(inputs: &[Value]) -> String {
    inputs
        .iter()
        .map(Value::to_python_repr)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the candidate passes every test example in the sandboxed runner.
pub(crate) fn generalizes(
    runner: &mut Runner,
    code: &str,
    imports: &[String],
    test: &[IoExample],
) -> anyhow::Result<bool> {
    let suite = CheckSuite {
        function: "f".into(),
        context: RunContext::default(),
        examples: test
            .iter()
            .map(|e| {
                example(
                    ExampleKind::Comment,
                    &format!("f({})", args_repr(&e.inputs)),
                    &e.output.to_python_repr(),
                )
            })
            .collect(),
    };
    let mut source = imports.join("\n");
    if !source.is_empty() {
        source.push_str("\n\n");
    }
    source.push_str(code);
    let reports = runner.check_candidates(&suite, &[source])?;
    Ok(reports.first().is_some_and(|r| r.passed()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stub_writes_one_assert_per_example() {
        let s = stub(&[IoExample {
            inputs: vec![Value::Str("a b".into()), Value::Int(2)],
            output: Value::List(vec![Value::Int(1)]),
        }]);
        assert!(s.starts_with("def f(x0, x1):\n"));
        assert!(s.contains("assert f('a b', 2) == [1]\n"));
    }
}
