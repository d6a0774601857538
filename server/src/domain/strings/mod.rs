//! The string program space: the RobustFill DSL of the Latent Programmer release, extended to
//! several inputs and all printable ASCII (see [`dsl`]), with its exact interpreter, token table,
//! sampler, enumerative search and Python renderer.

pub mod dsl;
pub mod interp;
pub mod render;
pub mod sample;
pub mod search;
pub mod tokens;

use super::{Domain, GeneratedTask, IoExample, NoFit, Solution, Task, WriterKind};
use crate::cancel::CancelToken;
use crate::spec::{Param, ParamKind};
use crate::value::Value;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The strings domain (`str, ... -> str`).
#[derive(Clone, Copy, Debug, Default)]
pub struct StringsDomain;

/// True for the characters this domain handles (printable ASCII).
pub fn is_supported_char(b: u8) -> bool {
    (0x20..=0x7e).contains(&b)
}

fn as_bytes(v: &Value) -> Option<&[u8]> {
    match v {
        Value::Str(s) if s.bytes().all(is_supported_char) => Some(s.as_bytes()),
        _ => None,
    }
}

/// Converts examples to byte form; `None` if any value is not a supported string.
pub fn byte_examples(examples: &[IoExample]) -> Option<Vec<search::ByteExample>> {
    examples
        .iter()
        .map(|e| {
            Some(search::ByteExample {
                inputs: e
                    .inputs
                    .iter()
                    .map(|v| as_bytes(v).map(<[u8]>::to_vec))
                    .collect::<Option<Vec<_>>>()?,
                output: as_bytes(&e.output)?.to_vec(),
            })
        })
        .collect()
}

fn to_value(b: &[u8]) -> Value {
    Value::Str(String::from_utf8_lossy(b).into_owned())
}

impl StringsDomain {
    /// Renders a program for a task as a [`Solution`].
    pub fn solution(
        &self,
        task: &Task,
        program: &dsl::Program,
        score: f64,
        writer: WriterKind,
    ) -> Solution {
        let r = render::render(program, &task.param_names);
        Solution {
            program: program.to_string(),
            tokens: tokens::encode(program).unwrap_or_default(),
            size: program.size(),
            body: r.body,
            imports: r.imports,
            score,
            writer,
        }
    }
}

fn is_str_annotation(a: &str) -> bool {
    matches!(a.trim(), "str" | "builtins.str" | "'str'" | "\"str\"")
}

impl Domain for StringsDomain {
    fn name(&self) -> &'static str {
        "strings"
    }

    fn task_for(
        &self,
        params: &[Param],
        return_annotation: Option<&str>,
        examples: &[IoExample],
    ) -> Result<Task, NoFit> {
        if params.is_empty() || params.len() > tokens::MAX_INPUTS {
            return Err(NoFit(format!(
                "strings: needs 1 to {} parameters, found {}",
                tokens::MAX_INPUTS,
                params.len()
            )));
        }
        if params.iter().any(|p| {
            !matches!(
                p.kind,
                ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
            )
        }) {
            return Err(NoFit(
                "strings: *args, **kwargs and keyword-only parameters are not supported".into(),
            ));
        }
        if let Some(p) = params.iter().find(|p| {
            p.annotation
                .as_deref()
                .is_some_and(|a| !is_str_annotation(a))
        }) {
            return Err(NoFit(format!(
                "strings: parameter `{}` is not a str",
                p.name
            )));
        }
        if return_annotation.is_some_and(|a| !is_str_annotation(a)) {
            return Err(NoFit("strings: the return type is not str".into()));
        }
        if examples.is_empty() {
            return Err(NoFit("strings: no examples".into()));
        }
        for e in examples {
            if e.inputs.len() != params.len() {
                return Err(NoFit(format!(
                    "strings: an example passes {} arguments to {} parameters",
                    e.inputs.len(),
                    params.len()
                )));
            }
            for v in e.inputs.iter().chain(std::iter::once(&e.output)) {
                match v {
                    Value::Str(s) if s.bytes().all(is_supported_char) => {}
                    Value::Str(_) => {
                        return Err(NoFit(
                            "strings: examples use characters outside printable ASCII".into(),
                        ))
                    }
                    _ => return Err(NoFit("strings: an example value is not a str".into())),
                }
            }
        }
        Ok(Task {
            param_names: params.iter().map(|p| p.name.clone()).collect(),
            examples: examples.to_vec(),
            held_out: Vec::new(),
            ..Default::default()
        })
    }

    fn search(&self, task: &Task, cancel: &CancelToken, max_solutions: usize) -> Vec<Solution> {
        let Some(exs) = byte_examples(&task.examples) else {
            return Vec::new();
        };
        search::search(&exs, cancel, max_solutions)
            .into_iter()
            .map(|f| self.solution(task, &f.program, -(f.cost as f64), WriterKind::Search))
            .collect()
    }

    fn solution_from_tokens(&self, task: &Task, toks: &[u32]) -> Option<Solution> {
        let program = tokens::decode(toks)?;
        let n = task.param_names.len();
        let reads_missing = program.exprs.iter().any(|e| match e {
            dsl::Expr::Apply { input, .. } | dsl::Expr::Compose { input, .. } => {
                *input as usize >= n
            }
            dsl::Expr::Const(_) => false,
        });
        if reads_missing {
            return None;
        }
        Some(self.solution(task, &program, 0.0, WriterKind::Neural))
    }

    fn eval_tokens(&self, toks: &[u32], inputs: &[Value]) -> Option<Value> {
        let program = tokens::decode(toks)?;
        let ins: Vec<&[u8]> = inputs.iter().map(as_bytes).collect::<Option<_>>()?;
        interp::run(&program, &ins).map(|o| to_value(&o))
    }

    fn extra_inputs(&self, task: &Task, seed: u64, n: usize) -> Vec<Vec<Value>> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let base: Vec<Vec<&[u8]>> = task
            .examples
            .iter()
            .filter_map(|e| e.inputs.iter().map(as_bytes).collect::<Option<Vec<_>>>())
            .collect();
        if base.is_empty() {
            return Vec::new();
        }
        (0..n)
            .map(|_| {
                let ex = &base[rng.gen_range(0..base.len())];
                ex.iter().map(|s| to_value(&perturb(s, &mut rng))).collect()
            })
            .collect()
    }

    fn token_names(&self) -> Vec<String> {
        tokens::token_names()
    }

    fn datagen_profiles(&self) -> &'static [&'static str] {
        &["lp", "exedec"]
    }

    fn sample(
        &self,
        profile: &str,
        rng: &mut ChaCha8Rng,
        held_out: usize,
    ) -> Option<GeneratedTask> {
        let p = sample::profile(profile)?;
        let s = sample::sample(rng, &p, held_out)?;
        let toks = tokens::encode(&s.program)?;
        let mut examples: Vec<IoExample> = s
            .inputs
            .iter()
            .zip(&s.outputs)
            .map(|(i, o)| IoExample {
                inputs: vec![to_value(i)],
                output: to_value(o),
            })
            .collect();
        let held = examples.split_off(p.num_examples.min(examples.len()));
        Some(GeneratedTask {
            program: s.program.to_string(),
            tokens: toks,
            task: Task {
                param_names: vec!["s".to_string()],
                examples,
                held_out: held,
                ..Default::default()
            },
        })
    }
}

/// A string of the same shape: each letter/digit replaced by a random one of its class, runs of
/// a class occasionally lengthened or shortened; other characters kept.
fn perturb(s: &[u8], rng: &mut ChaCha8Rng) -> Vec<u8> {
    const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"0123456789";
    let mut out = Vec::with_capacity(s.len() + 4);
    for &b in s {
        let class: Option<&[u8]> = if b.is_ascii_lowercase() {
            Some(LOWER)
        } else if b.is_ascii_uppercase() {
            Some(UPPER)
        } else if b.is_ascii_digit() {
            Some(DIGITS)
        } else {
            None
        };
        match class {
            Some(c) => {
                let roll = rng.gen_range(0..10);
                if roll == 0 {
                    continue;
                }
                out.push(c[rng.gen_range(0..c.len())]);
                if roll == 1 {
                    out.push(c[rng.gen_range(0..c.len())]);
                }
            }
            None => out.push(b),
        }
    }
    out
}
