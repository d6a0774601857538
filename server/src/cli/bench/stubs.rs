//! Benchmark suites of stub files (MBPP, LambdaBeam) run the way a user's file runs: spec
//! extraction of the stub → the pipeline's [`synthesize_with`] over every registered program
//! space → the top-1 candidate. Its full source is then run in the sandboxed runner with the
//! task's given and held-out asserts: solved = a candidate that passes the given tests,
//! generalizes = the top-1 also passes the held-out ones.

use crate::cancel::CancelToken;
use crate::domain::{all_domains, Domain};
use crate::pipeline::{synthesize_with, SynthConfig, SynthRequest, SynthStatus, Writer};
use crate::runner::{CheckSuite, RunContext, Runner, RunnerConfig};
use crate::spec::{Example, ExampleKind};
use crate::text::{Position, TextRange};
use crate::value::Value;
use anyhow::Context;
use serde::Deserialize;
use std::path::Path;
use std::time::{Duration, Instant};

/// One task given as a stub file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StubTask {
    /// Task name (`mbpp-2`, `lambdabeam-handwritten-deepcoder_0`).
    pub name: String,
    /// Part of the suite it is reported under (`dev`, `handwritten`, `synthetic`).
    pub part: String,
    /// The function to synthesize.
    pub function: String,
    /// The file text a user would write: signature, docstring, examples.
    pub stub: String,
    /// Statements that must pass for "solved" besides the stub's own examples (MBPP's given
    /// asserts; empty when the stub's examples are the whole given set).
    pub given_tests: Vec<String>,
    /// Held-out statements (asserts) the top-1 candidate is run against.
    pub hidden_tests: Vec<String>,
    /// Module code the tests need, run before them.
    pub setup: String,
    /// A reference solution (MBPP's), which answers a simulated user's questions.
    pub reference: Option<String>,
}

/// Reads a JSON Lines file of stub tasks; `part` names each task's part from its line.
fn load_lines<L: for<'de> Deserialize<'de>>(
    path: &Path,
    convert: impl Fn(L) -> StubTask,
) -> anyhow::Result<Vec<StubTask>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str::<L>(l)
                .with_context(|| format!("{}:{}: not a task line", path.display(), i + 1))
                .map(&convert)
        })
        .collect()
}

#[derive(Deserialize)]
struct MbppLine {
    id: String,
    function: String,
    stub: String,
    given_tests: Vec<String>,
    hidden_tests: Vec<String>,
    #[serde(default)]
    setup: String,
    #[serde(default)]
    reference: String,
}

/// MBPP dev (`mbpp_dev.jsonl`): every task in part `dev`.
pub(crate) fn load_mbpp(path: &Path) -> anyhow::Result<Vec<StubTask>> {
    load_lines(path, |l: MbppLine| StubTask {
        name: l.id,
        part: "dev".to_string(),
        function: l.function,
        stub: l.stub,
        given_tests: l.given_tests,
        hidden_tests: l.hidden_tests,
        setup: l.setup,
        reference: Some(l.reference).filter(|r| !r.trim().is_empty()),
    })
}

#[derive(Deserialize)]
struct LambdaBeamLine {
    id: String,
    set: String,
    function: String,
    stub: String,
    hidden_tests: Vec<String>,
}

/// LambdaBeam's tasks (`lambdabeam_tasks.jsonl`), in parts `handwritten` and `synthetic`. The
/// stub's doctests are the given examples.
pub(crate) fn load_lambdabeam(path: &Path) -> anyhow::Result<Vec<StubTask>> {
    load_lines(path, |l: LambdaBeamLine| StubTask {
        name: l.id,
        part: l.set,
        function: l.function,
        stub: l.stub,
        given_tests: Vec::new(),
        hidden_tests: l.hidden_tests,
        setup: String::new(),
        reference: None,
    })
}

/// How one task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The top-1 candidate passes the given and the held-out tests.
    Generalizes,
    /// The top-1 candidate passes the given tests but not all held-out ones.
    SolvedOnly,
    /// A program space fits, but no candidate passing the given tests was found.
    Unsolved,
    /// No program space fits the function, or its examples are not usable (no literal calls).
    NotExpressible,
}

/// One task's outcome.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TaskOutcome {
    /// How it ended.
    pub verdict: Verdict,
    /// The pipeline's status.
    pub status: SynthStatus,
    /// The program space of the top-1 candidate (or the one tried).
    pub domain: Option<String>,
    /// Milliseconds until the top-1 candidate was found (solved tasks).
    pub found_ms: Option<f64>,
    /// Wall milliseconds of the whole synthesis.
    pub wall_ms: f64,
    /// The top-1 candidate's body (solved tasks), for `DOCSYNTH_BENCH_UNSOLVED`.
    pub top_body: Option<String>,
    /// What the ranking saw of the top-1 candidate (its score, features, how many candidates
    /// were verified), for `DOCSYNTH_BENCH_UNSOLVED`.
    pub top_features: Option<String>,
    /// For a task whose examples left the program open (nothing offered): what the withheld
    /// top-1 candidate would have done.
    pub withheld: Option<Verdict>,
    /// The question docsynth asks when its candidates disagree.
    pub question: Option<crate::ask::Question>,
}

/// What every task shares: the writers, the program spaces and one warm runner.
pub(crate) struct StubBench<'w> {
    runner: Runner,
    domains: Vec<Box<dyn Domain>>,
    writers: Vec<&'w dyn Writer>,
    config: SynthConfig,
    /// `DOCSYNTH_BENCH_CANDIDATES=FILE`: every offered candidate of every task, with whether it
    /// passes the given and the held-out tests (JSON lines), for studying the ranking offline.
    candidates_out: Option<std::io::BufWriter<std::fs::File>>,
}

/// One offered candidate and how it fared on the task's tests (`DOCSYNTH_BENCH_CANDIDATES`).
#[derive(serde::Serialize)]
struct CandidateRow<'a> {
    task: &'a str,
    rank: usize,
    status: SynthStatus,
    body: &'a str,
    imports: &'a [String],
    program: &'a str,
    score: f64,
    features: &'a crate::rank::Features,
    given_pass: bool,
    hidden_pass: bool,
    /// The evidence test's inputs (on the top-1 row only).
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a crate::rank::Evidence>,
}

impl<'w> StubBench<'w> {
    /// A bench over every registered program space with `writers` (the search writer must be
    /// among them) and the settings of `config` (its budget is replaced per run).
    pub(crate) fn new(config: SynthConfig, writers: Vec<&'w dyn Writer>) -> anyhow::Result<Self> {
        let runner = Runner::new(RunnerConfig {
            python: config.python.clone(),
            workspace: config.workspace.clone(),
            ..RunnerConfig::default()
        })
        .context("starting the Python checker")?;
        let candidates_out = match std::env::var_os("DOCSYNTH_BENCH_CANDIDATES") {
            Some(path) => Some(std::io::BufWriter::new(
                std::fs::File::create(&path)
                    .with_context(|| format!("creating {}", path.to_string_lossy()))?,
            )),
            None => None,
        };
        // Enough candidates to study how a different order would fare.
        let config = if candidates_out.is_some() {
            SynthConfig {
                top_k: config.top_k.max(10),
                ..config
            }
        } else {
            config
        };
        Ok(Self {
            runner,
            domains: all_domains(),
            writers,
            config,
            candidates_out,
        })
    }

    /// Synthesizes `task`'s function from its stub within `budget`, then runs the top-1
    /// candidate with the task's tests in the runner.
    pub(crate) fn run(&mut self, task: &StubTask, budget: Duration) -> anyhow::Result<TaskOutcome> {
        let specs = crate::spec::extract(&task.stub);
        let spec = specs
            .functions
            .iter()
            .find(|s| s.name == task.function && s.is_top_level)
            .with_context(|| format!("{}: the stub defines no `{}`", task.name, task.function))?;
        let config = SynthConfig {
            budget,
            ..self.config.clone()
        };
        let start = Instant::now();
        let request = SynthRequest {
            source: &task.stub,
            spec,
            context: &specs.context,
            config: &config,
        };
        let result = synthesize_with(
            &request,
            &self.domains,
            &self.writers,
            &mut self.runner,
            &CancelToken::new(),
        );
        let wall_ms = start.elapsed().as_secs_f64() * 1000.0;
        let mut outcome = TaskOutcome {
            verdict: Verdict::Unsolved,
            status: result.status,
            domain: result.domain.clone(),
            found_ms: None,
            wall_ms,
            top_body: None,
            top_features: None,
            withheld: None,
            question: result.question.clone(),
        };
        match result.status {
            SynthStatus::NoDomain | SynthStatus::NoExamples => {
                outcome.verdict = Verdict::NotExpressible;
                return Ok(outcome);
            }
            SynthStatus::Solved | SynthStatus::Underdetermined => {}
            SynthStatus::BudgetSpent
            | SynthStatus::Exhausted
            | SynthStatus::WriterUnavailable
            | SynthStatus::Error
            | SynthStatus::Cancelled => {
                return Ok(outcome);
            }
        }
        let Some(top) = result.candidates.first() else {
            return Ok(outcome);
        };
        outcome.top_body = Some(top.body.clone());
        outcome.top_features = Some(format!(
            "score {:.1} candidates {} evidence {} {}",
            top.score,
            result.candidates.len(),
            serde_json::to_string(&result.evidence).unwrap_or_default(),
            serde_json::to_string(&top.features).unwrap_or_default()
        ));
        // The top-1 alone, or every offered candidate when they are written out.
        let checked = if self.candidates_out.is_some() {
            &result.candidates[..]
        } else {
            std::slice::from_ref(top)
        };
        let sources: Vec<String> = checked
            .iter()
            .map(|c| {
                let mut source = c.imports.join("\n");
                if !source.is_empty() {
                    source.push_str("\n\n");
                }
                source.push_str(&c.code);
                source
            })
            .collect();
        let checks = self.check_tests(task, &specs.context, &sources)?;
        if let Some(out) = self.candidates_out.as_mut() {
            for (c, check) in checked.iter().zip(&checks) {
                let row = CandidateRow {
                    task: &task.name,
                    rank: c.rank,
                    status: result.status,
                    body: &c.body,
                    imports: &c.imports,
                    program: &c.program,
                    score: c.score,
                    features: &c.features,
                    given_pass: check.given_pass,
                    hidden_pass: check.hidden_pass,
                    evidence: result.evidence.as_ref().filter(|_| c.rank == 1),
                };
                serde_json::to_writer(&mut *out, &row).context("writing a candidate row")?;
                std::io::Write::write_all(out, b"\n").context("writing a candidate row")?;
            }
            std::io::Write::flush(out).context("writing a candidate row")?;
        }
        let check = checks
            .into_iter()
            .next()
            .with_context(|| format!("{}: the runner returned no report", task.name))?;
        if result.status == SynthStatus::Underdetermined {
            // Nothing is offered; what the withheld top-1 would have done is logged.
            outcome.withheld = Some(if !check.given_pass {
                Verdict::Unsolved
            } else if check.hidden_pass {
                Verdict::Generalizes
            } else {
                Verdict::SolvedOnly
            });
            return Ok(outcome);
        }
        if check.given_pass {
            outcome.found_ms = Some(top.elapsed_ms as f64);
            outcome.verdict = if check.hidden_pass {
                Verdict::Generalizes
            } else {
                Verdict::SolvedOnly
            };
        }
        Ok(outcome)
    }

    /// What the task's reference solution returns for `input`, run in the sandboxed runner:
    /// `None` when there is no reference, it raises or times out there, or its result is not a
    /// Python literal an example could state.
    pub(crate) fn reference_output(
        &mut self,
        task: &StubTask,
        input: &[Value],
    ) -> anyhow::Result<Option<Value>> {
        let Some(reference) = &task.reference else {
            return Ok(None);
        };
        let mut context = RunContext::default();
        if !task.setup.trim().is_empty() {
            context
                .definitions
                .push(("benchmark setup".to_string(), task.setup.clone()));
        }
        let args: Vec<String> = input.iter().map(Value::to_python_repr).collect();
        // Any expected value will do: the report carries the returned value's repr either way.
        let suite = CheckSuite {
            function: task.function.clone(),
            context,
            examples: vec![super::runner::example(
                ExampleKind::Comment,
                &format!("{}({})", task.function, args.join(", ")),
                "None",
            )],
        };
        let report = self
            .runner
            .check_candidates(&suite, std::slice::from_ref(reference))
            .with_context(|| format!("{}: running the reference", task.name))?
            .into_iter()
            .next();
        Ok(report.and_then(|r| {
            let e = r.examples.first()?;
            let returned = matches!(
                e.status,
                crate::runner::ExampleStatus::Pass | crate::runner::ExampleStatus::Fail
            );
            if !returned || r.compile_error.is_some() {
                return None;
            }
            Value::parse_literal(&e.actual).ok()
        }))
    }

    /// Runs each of `sources` (a complete `def` with its imports) with the task's given and
    /// hidden tests, each as its own statement in one namespace (after the setup code).
    fn check_tests(
        &mut self,
        task: &StubTask,
        context: &crate::spec::ModuleContext,
        sources: &[String],
    ) -> anyhow::Result<Vec<TestsPassed>> {
        let mut run_context = RunContext::from_module(context, &task.function);
        if !task.setup.trim().is_empty() {
            run_context
                .definitions
                .push(("benchmark setup".to_string(), task.setup.clone()));
        }
        let statement = |text: &String| Example {
            kind: ExampleKind::Doctest,
            range: EMPTY_RANGE,
            source: text.clone(),
            expected: String::new(),
            expected_exception: None,
            directives: Vec::new(),
            call: None,
        };
        let suite = CheckSuite {
            function: task.function.clone(),
            context: run_context,
            examples: task
                .given_tests
                .iter()
                .chain(&task.hidden_tests)
                .map(statement)
                .collect(),
        };
        if suite.examples.is_empty() {
            return Ok(sources
                .iter()
                .map(|_| TestsPassed {
                    given_pass: true,
                    hidden_pass: false,
                })
                .collect());
        }
        let reports = self
            .runner
            .check_candidates(&suite, sources)
            .with_context(|| format!("{}: running the held-out tests", task.name))?;
        Ok(reports
            .iter()
            .map(|report| {
                let passed = |e: &crate::runner::ExampleReport| {
                    report.compile_error.is_none() && e.status == crate::runner::ExampleStatus::Pass
                };
                let (given, hidden) = report
                    .examples
                    .split_at(task.given_tests.len().min(report.examples.len()));
                TestsPassed {
                    given_pass: given.iter().all(passed),
                    hidden_pass: !hidden.is_empty() && hidden.iter().all(passed),
                }
            })
            .collect())
    }
}

/// Whether the given and the held-out tests all passed.
struct TestsPassed {
    given_pass: bool,
    hidden_pass: bool,
}

const ORIGIN: Position = Position {
    line: 0,
    byte_col: 0,
    utf16_col: 0,
};

/// Test statements are not in any file.
const EMPTY_RANGE: TextRange = TextRange {
    start_byte: 0,
    end_byte: 0,
    start: ORIGIN,
    end: ORIGIN,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Engine, SearchWriter};

    fn task(stub: &str, given: &[&str], hidden: &[&str]) -> StubTask {
        StubTask {
            name: "t".into(),
            part: "dev".into(),
            function: "shout".into(),
            stub: stub.into(),
            given_tests: given.iter().map(|s| s.to_string()).collect(),
            hidden_tests: hidden.iter().map(|s| s.to_string()).collect(),
            setup: String::new(),
            reference: None,
        }
    }

    /// Real synthesis and real CPython: the same solved stub generalizes or not depending only
    /// on the held-out asserts; a stub no space fits is not expressible.
    #[test]
    fn solved_generalizes_and_not_expressible() {
        let search = SearchWriter;
        let config = SynthConfig {
            engine: Engine::Search,
            top_k: 3,
            ..SynthConfig::default()
        };
        let mut bench = StubBench::new(config, vec![&search]).expect("python3 for the checker");
        let stub = "def shout(s):\n    \"\"\"Upper-case it.\"\"\"\n\n\nassert shout('ab') == 'AB'\nassert shout('xyz') == 'XYZ'\n";
        let given = ["assert shout('ab') == 'AB'", "assert shout('xyz') == 'XYZ'"];
        let budget = Duration::from_secs(2);
        let good = bench
            .run(
                &task(stub, &given, &["assert shout('q r') == 'Q R'"]),
                budget,
            )
            .expect("runs");
        assert_eq!(good.verdict, Verdict::Generalizes, "{good:?}");
        assert!(good.found_ms.is_some());
        let bad = bench
            .run(&task(stub, &given, &["assert shout('q') == 'q!'"]), budget)
            .expect("runs");
        assert_eq!(bad.verdict, Verdict::SolvedOnly, "{bad:?}");
        // A given test the stub's examples do not show still decides "solved".
        let strict = bench
            .run(
                &task(stub, &["assert shout('a') == 'b'"], &["assert True"]),
                budget,
            )
            .expect("runs");
        assert_eq!(strict.verdict, Verdict::Unsolved, "{strict:?}");
        let no_examples = "def shout(s):\n    \"\"\"Upper-case it.\"\"\"\n";
        let none = bench
            .run(&task(no_examples, &[], &["assert True"]), budget)
            .expect("runs");
        assert_eq!(none.verdict, Verdict::NotExpressible);
        let missing = StubTask {
            function: "other".into(),
            ..task(stub, &given, &[])
        };
        assert!(bench.run(&missing, budget).is_err());
    }

    /// The simulated user of `bench ask --suites mbpp`: the reference solution answers in the
    /// sandboxed runner; an input it raises on, or a result no literal states, gets no answer.
    #[test]
    fn the_reference_answers_questions() {
        let search = SearchWriter;
        let config = SynthConfig {
            engine: Engine::Search,
            ..SynthConfig::default()
        };
        let mut bench = StubBench::new(config, vec![&search]).expect("python3 for the checker");
        let t = StubTask {
            function: "halve".into(),
            reference: Some(
                "def halve(xs):\n    if not xs:\n        raise ValueError('empty')\n    \
                 return [x / 2 for x in xs]\n"
                    .into(),
            ),
            ..task("", &[], &[])
        };
        let answer = |bench: &mut StubBench, v: Value| {
            bench
                .reference_output(&t, &[v])
                .expect("the runner answers")
        };
        assert_eq!(
            answer(&mut bench, Value::List(vec![Value::Int(3), Value::Int(4)])),
            Some(Value::List(vec![Value::Float(1.5), Value::Float(2.0)]))
        );
        assert_eq!(answer(&mut bench, Value::List(Vec::new())), None);
        let opaque = StubTask {
            reference: Some("def halve(xs):\n    return object()\n".into()),
            ..t.clone()
        };
        assert_eq!(
            bench
                .reference_output(&opaque, &[Value::Int(1)])
                .expect("the runner answers"),
            None
        );
        let none = StubTask {
            reference: None,
            ..t.clone()
        };
        assert_eq!(
            bench
                .reference_output(&none, &[Value::Int(1)])
                .expect("no reference"),
            None
        );
    }

    #[test]
    fn loads_both_formats() {
        let dir = std::env::temp_dir().join(format!("docsynth-stubs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let mbpp = dir.join("mbpp.jsonl");
        std::fs::write(
            &mbpp,
            r#"{"id": "mbpp-1", "task_id": 1, "function": "f", "stub": "def f(x):\n    pass\n", "given_tests": ["assert f(1) == 2"], "hidden_tests": ["assert f(2) == 3"], "setup": "import math", "reference": ""}"#,
        )
        .expect("write");
        let lb = dir.join("lb.jsonl");
        std::fs::write(
            &lb,
            "{\"id\": \"lb-1\", \"set\": \"synthetic\", \"function\": \"g\", \"stub\": \"def g(x): ...\", \"hidden_tests\": [\"assert g(1) == 1\"], \"examples\": []}\n\n",
        )
        .expect("write");
        let m = load_mbpp(&mbpp).expect("mbpp");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].part, "dev");
        assert_eq!(m[0].given_tests, vec!["assert f(1) == 2"]);
        assert_eq!(m[0].setup, "import math");
        let l = load_lambdabeam(&lb).expect("lambdabeam");
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].part, "synthetic");
        assert!(l[0].given_tests.is_empty());
        std::fs::write(&lb, "{\"id\": 3}\n").expect("write");
        let err = load_lambdabeam(&lb).expect_err("bad line");
        assert!(format!("{err:#}").contains("lb.jsonl:1"), "{err:#}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
