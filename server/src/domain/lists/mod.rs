//! The DeepCoder lists program space (ExeDec's conventions): functions over `int` and
//! `list[int]` parameters written as short statement sequences of 15 list operations and 19
//! lambdas. See `dsl` for the language, `interp` for its exact semantics, `text_form` and
//! `tokens` for ExeDec's text and token forms, `render` for Python, `enumerate` for the
//! search and `sample` for training data.

pub mod bench;
pub mod dsl;
pub mod enumerate;
pub mod interp;
pub mod render;
pub mod sample;
pub mod text_form;
pub mod tokens;

use self::dsl::{Program, Type, EXEDEC_MAX_INT};
use self::interp::{DslValue, Machine};
use super::{
    check_call_shape, Domain, GeneratedTask, IoExample, NoFit, Solution, Task, WriterKind,
};
use crate::cancel::CancelToken;
use crate::spec::Param;
use crate::value::Value;
use anyhow::Context as _;
use rand::{Rng, SeedableRng};
use std::path::Path;
use std::time::{Duration, Instant};

/// Largest int magnitude a task may contain (keeps every product inside `i64`).
pub const MAX_TASK_INT: i64 = 1 << 20;

/// Most parameters a lists function may have.
pub const MAX_PARAMS: usize = 4;

/// The lists domain.
#[derive(Clone, Copy, Debug, Default)]
pub struct ListsDomain;

/// Converts an example value to a DSL value (`int` or `list[int]`).
pub fn to_dsl(value: &Value) -> Option<DslValue> {
    match value {
        Value::Int(v) => Some(DslValue::Int(*v)),
        Value::List(items) => items
            .iter()
            .map(|x| match x {
                Value::Int(v) => Some(*v),
                _ => None,
            })
            .collect::<Option<Vec<i64>>>()
            .map(DslValue::List),
        _ => None,
    }
}

/// Converts a DSL value to a Python value.
pub fn from_dsl(value: &DslValue) -> Value {
    match value {
        DslValue::Int(v) => Value::Int(*v),
        DslValue::List(xs) => Value::List(xs.iter().map(|&x| Value::Int(x)).collect()),
    }
}

/// The int bound a task's search uses: ExeDec's ±50, widened to the largest magnitude the
/// examples themselves contain.
pub fn task_bound(examples: &[(Vec<DslValue>, DslValue)]) -> i64 {
    let mut m = EXEDEC_MAX_INT;
    let mut see = |v: &DslValue| match v {
        DslValue::Int(x) => m = m.max(x.abs()),
        DslValue::List(xs) => m = xs.iter().fold(m, |m, x| m.max(x.abs())),
    };
    for (ins, out) in examples {
        ins.iter().for_each(&mut see);
        see(out);
    }
    m
}

/// The bound [`Domain::eval_tokens`] runs programs under: lenient, since the rendered Python
/// has no bound at all.
pub const EVAL_BOUND: i64 = MAX_TASK_INT;

/// A task's examples as DSL values; `None` if any value is not an int or a list of ints.
pub fn dsl_examples(examples: &[IoExample]) -> Option<Vec<(Vec<DslValue>, DslValue)>> {
    examples
        .iter()
        .map(|e| {
            let ins = e.inputs.iter().map(to_dsl).collect::<Option<Vec<_>>>()?;
            Some((ins, to_dsl(&e.output)?))
        })
        .collect()
}

/// Maps a type annotation onto a DSL type; `Err` for annotations outside the domain.
fn annotation_type(annotation: &str) -> Result<Type, ()> {
    let compact: String = annotation.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact
        .trim_start_matches("typing.")
        .trim_start_matches("collections.abc.");
    match compact {
        "int" => Ok(Type::Int),
        "list[int]"
        | "List[int]"
        | "Sequence[int]"
        | "typing.List[int]"
        | "typing.Sequence[int]" => Ok(Type::List),
        _ => Err(()),
    }
}

/// Infers one slot's type from an optional annotation and its example values.
fn slot_type<'a>(
    what: &str,
    annotation: Option<&str>,
    values: impl Iterator<Item = &'a Value>,
) -> Result<Type, NoFit> {
    let annotated = match annotation {
        Some(a) => Some(annotation_type(a).map_err(|()| {
            NoFit(format!(
                "lists: {what} is annotated `{a}`, not int or list[int]"
            ))
        })?),
        None => None,
    };
    let mut ty = annotated;
    for v in values {
        let Some(d) = to_dsl(v) else {
            return Err(NoFit(format!(
                "lists: {what} has a value that is neither an int nor a list of ints"
            )));
        };
        if !d.within(MAX_TASK_INT) {
            return Err(NoFit(format!(
                "lists: {what} has an int beyond ±{MAX_TASK_INT}"
            )));
        }
        match ty {
            None => ty = Some(d.ty()),
            Some(t) if t != d.ty() => {
                return Err(NoFit(format!(
                    "lists: {what} mixes ints and lists across examples"
                )))
            }
            Some(_) => {}
        }
    }
    ty.ok_or_else(|| {
        NoFit(format!(
            "lists: {what} has no annotation and no example values"
        ))
    })
}

fn types_of(task: &Task) -> Option<Vec<Type>> {
    task.examples
        .first()
        .map(|e| e.inputs.iter().filter_map(to_dsl).map(|v| v.ty()).collect())
}

impl ListsDomain {
    /// Renders a program for a task as a [`Solution`].
    pub fn solution(&self, task: &Task, program: &Program, writer: WriterKind) -> Solution {
        let rendered = render::render(program, &task.param_names);
        let size = program.size();
        Solution {
            program: text_form::print_program(program),
            tokens: tokens::program_tokens(program),
            size,
            body: rendered.body,
            imports: rendered.imports,
            score: -(size as f64),
            writer,
        }
    }

    /// Samples one training task from `profile` (`exedec` or `lp`), deterministic per seed.
    pub fn generate(&self, profile: &str, seed: u64, held_out: usize) -> Option<GeneratedTask> {
        let p = sample::Profile::named(profile)?;
        let s = sample::sample(&p, seed, held_out)?;
        Some(generated(&s))
    }

    /// Samples `count` distinct tasks from consecutive seeds (see [`sample::sample_many`]).
    pub fn generate_many(
        &self,
        profile: &str,
        seed: u64,
        count: usize,
        held_out: usize,
    ) -> Option<Vec<GeneratedTask>> {
        let p = sample::Profile::named(profile)?;
        Some(
            sample::sample_many(&p, seed, count, held_out)
                .iter()
                .map(generated)
                .collect(),
        )
    }
}

fn io(pairs: &[(Vec<DslValue>, DslValue)]) -> Vec<IoExample> {
    pairs
        .iter()
        .map(|(ins, out)| IoExample {
            inputs: ins.iter().map(from_dsl).collect(),
            output: from_dsl(out),
        })
        .collect()
}

fn generated(s: &sample::Sampled) -> GeneratedTask {
    GeneratedTask {
        program: text_form::print_program(&s.program),
        tokens: tokens::program_tokens(&s.program),
        task: Task {
            param_names: (0..s.program.input_types.len())
                .map(|i| format!("x{i}"))
                .collect(),
            examples: io(&s.examples),
            held_out: io(&s.held_out),
            ..Default::default()
        },
    }
}

impl Domain for ListsDomain {
    fn name(&self) -> &'static str {
        "lists"
    }

    fn task_for(
        &self,
        params: &[Param],
        return_annotation: Option<&str>,
        examples: &[IoExample],
    ) -> Result<Task, NoFit> {
        if params.is_empty() || params.len() > MAX_PARAMS {
            return Err(NoFit(format!(
                "lists: needs 1 to {MAX_PARAMS} parameters, found {}",
                params.len()
            )));
        }
        check_call_shape("lists", params, examples)?;
        let mut types = Vec::new();
        for (i, p) in params.iter().enumerate() {
            let what = format!("parameter `{}`", p.name);
            types.push(slot_type(
                &what,
                p.annotation.as_deref(),
                examples.iter().map(|e| &e.inputs[i]),
            )?);
        }
        if !types.contains(&Type::List) {
            return Err(NoFit(
                "lists: needs at least one list[int] parameter".to_string(),
            ));
        }
        slot_type(
            "the return value",
            return_annotation,
            examples.iter().map(|e| &e.output),
        )?;
        Ok(Task {
            param_names: params.iter().map(|p| p.name.clone()).collect(),
            examples: examples.to_vec(),
            held_out: Vec::new(),
            ..Default::default()
        })
    }

    fn search(&self, task: &Task, cancel: &CancelToken, max_solutions: usize) -> Vec<Solution> {
        let Some(examples) = dsl_examples(&task.examples) else {
            return Vec::new();
        };
        let bound = task_bound(&examples);
        if bound > MAX_TASK_INT {
            return Vec::new();
        }
        let outcome = enumerate::search(
            &examples,
            bound,
            cancel,
            max_solutions,
            enumerate::SearchLimits::default(),
        );
        outcome
            .programs
            .iter()
            .map(|(p, _)| self.solution(task, p, WriterKind::Search))
            .collect()
    }

    fn solution_from_tokens(&self, task: &Task, tokens: &[u32]) -> Option<Solution> {
        let mut program = tokens::parse_tokens(tokens)?;
        let types = types_of(task)?;
        if types.len() != program.input_types.len() {
            return None;
        }
        program.input_types = types;
        program.check().ok()?;
        Some(self.solution(task, &program, WriterKind::Neural))
    }

    fn eval_tokens(&self, tokens: &[u32], inputs: &[Value]) -> Option<Value> {
        let mut program = tokens::parse_tokens(tokens)?;
        let values = inputs.iter().map(to_dsl).collect::<Option<Vec<_>>>()?;
        if values.len() != program.input_types.len() {
            return None;
        }
        program.input_types = values.iter().map(DslValue::ty).collect();
        program.check().ok()?;
        interp::run(&program, &values, EVAL_BOUND).map(|v| from_dsl(&v))
    }

    fn extra_inputs(&self, task: &Task, seed: u64, n: usize) -> Vec<Vec<Value>> {
        let Some(examples) = dsl_examples(&task.examples) else {
            return Vec::new();
        };
        let Some((first, _)) = examples.first() else {
            return Vec::new();
        };
        let types: Vec<Type> = first.iter().map(DslValue::ty).collect();
        // Ranges seen in the examples' inputs, widened a little.
        let (mut lo, mut hi, mut max_len, mut int_lo, mut int_hi) =
            (-10i64, 10i64, 5usize, 0i64, 3i64);
        for (ins, _) in &examples {
            for v in ins {
                match v {
                    DslValue::Int(x) => {
                        int_lo = int_lo.min(*x);
                        int_hi = int_hi.max(*x);
                    }
                    DslValue::List(xs) => {
                        max_len = max_len.max(xs.len());
                        for &x in xs {
                            lo = lo.min(x);
                            hi = hi.max(x);
                        }
                    }
                }
            }
        }
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        (0..n)
            .map(|_| {
                types
                    .iter()
                    .map(|t| match t {
                        Type::Int => Value::Int(rng.gen_range(int_lo..=int_hi)),
                        Type::List => {
                            let len = rng.gen_range(0..=max_len);
                            Value::List(
                                (0..len)
                                    .map(|_| Value::Int(rng.gen_range(lo..=hi)))
                                    .collect(),
                            )
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// ExeDec's vocabulary in id order (PAD=0, BOS=1, EOS=2).
    fn token_names(&self) -> Vec<String> {
        tokens::vocabulary()
    }

    /// Training-data profiles, the default first.
    fn datagen_profiles(&self) -> &'static [&'static str] {
        &["exedec", "lp"]
    }

    /// One draw from `profile`'s prior using `rng`; `None` when rejected or unknown.
    fn sample(
        &self,
        profile: &str,
        rng: &mut rand_chacha::ChaCha8Rng,
        held_out: usize,
    ) -> Option<GeneratedTask> {
        let p = sample::Profile::named(profile)?;
        sample::sample_once(&p, rng, held_out).map(|s| generated(&s))
    }
}

/// One ExeDec task: its split, the task (parameters `x0`, `x1`, ...) and the ground-truth
/// program text.
pub type ExedecTask = (String, Task, String);

/// Loads ExeDec's DeepCoder test tasks (`exedec_deepcoder_test.jsonl`).
pub fn load_exedec_tasks(path: &Path) -> anyhow::Result<Vec<ExedecTask>> {
    #[derive(serde::Deserialize)]
    struct Line {
        split: String,
        examples: Vec<Ex>,
        program: String,
    }
    #[derive(serde::Deserialize)]
    struct Ex {
        inputs: String,
        output: String,
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading ExeDec tasks from {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let parsed: Line = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: bad JSON", path.display(), i + 1))?;
        let mut examples = Vec::new();
        for e in &parsed.examples {
            let inputs = text_form::parse_state(&e.inputs)
                .with_context(|| format!("{}:{}: inputs", path.display(), i + 1))?;
            let output = text_form::parse_value(&e.output)
                .with_context(|| format!("{}:{}: output", path.display(), i + 1))?;
            examples.push(IoExample {
                inputs: inputs.iter().map(from_dsl).collect(),
                output: from_dsl(&output),
            });
        }
        let n = examples.first().map_or(0, |e| e.inputs.len());
        out.push((
            parsed.split,
            Task {
                param_names: (0..n).map(|k| format!("x{k}")).collect(),
                examples,
                held_out: Vec::new(),
                ..Default::default()
            },
            parsed.program,
        ));
    }
    Ok(out)
}

/// Interpreter throughput measured by [`bench_interpreter`].
#[derive(Clone, Copy, Debug)]
pub struct InterpreterBench {
    /// Whole-program evaluations (one program on one input) per wall-clock second.
    pub evals_per_sec: f64,
    /// Statements executed per wall-clock second.
    pub statements_per_sec: f64,
    /// Whole-program evaluations per second of this thread's CPU time (insensitive to other
    /// processes competing for the cores).
    pub evals_per_cpu_sec: f64,
    /// Programs in the sample.
    pub programs: usize,
}

/// Measures the interpreter on sampled ExeDec-profile programs and their example inputs for
/// about `duration`.
pub fn bench_interpreter(duration: Duration) -> InterpreterBench {
    let profile = sample::Profile::named("exedec").unwrap_or(sample::Profile {
        max_list_len: 5,
        max_inputs: 2,
        examples: 3,
        min_statements: 1,
        max_statements: 5,
        wide_int: EXEDEC_MAX_INT,
    });
    let tasks = sample::sample_many(&profile, 1, 500, 0);
    let mut machine = Machine::new();
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    let (mut evals, mut statements) = (0u64, 0u64);
    let mut ok = 0u64;
    while start.elapsed() < duration {
        for t in &tasks {
            for (ins, out) in &t.examples {
                ok += u64::from(machine.run_matches(&t.program, ins, out, EXEDEC_MAX_INT));
                evals += 1;
                statements += t.program.statements.len() as u64;
            }
        }
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let cpu = (thread_cpu_seconds() - cpu_start).max(1e-9);
    std::hint::black_box(ok);
    InterpreterBench {
        evals_per_sec: evals as f64 / secs,
        evals_per_cpu_sec: evals as f64 / cpu,
        statements_per_sec: statements as f64 / secs,
        programs: tasks.len(),
    }
}

/// CPU time consumed by the calling thread, in seconds.
fn thread_cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0.0;
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}
