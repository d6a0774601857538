//! Random tasks for training data, deterministic per seed.
//!
//! `exedec` follows ExeDec's DeepCoder generator: 1–2 inputs (list, or list and int), lists of
//! at most 5 ints, 3 examples, programs of 1–5 statements built forward so every statement's
//! value is used (dead inputs allowed), rejecting statements that fail on an example or repeat
//! an existing variable's values, and programs whose outputs coincide across examples.
//! `lp` is a harder, PCCoder-like profile: up to 3 inputs, lists up to 10 long, 5 examples and
//! 1–6 statements (ints stay within ExeDec's ±50 so the token vocabulary covers them).

use super::dsl::{Lambda, Program, Statement, Type, ALL_OPS, EXEDEC_MAX_INT};
use super::interp::{DslValue, Machine};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rustc_hash::FxHashSet;

/// Settings of one sampling profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Longest input list.
    pub max_list_len: usize,
    /// Most inputs.
    pub max_inputs: usize,
    /// Visible examples per task.
    pub examples: usize,
    /// Fewest statements.
    pub min_statements: usize,
    /// Most statements.
    pub max_statements: usize,
    /// Largest magnitude of a list element drawn from the wide range.
    pub wide_int: i64,
}

impl Profile {
    /// Looks a profile up by name (`exedec`, `lp`).
    pub fn named(name: &str) -> Option<Profile> {
        match name {
            "exedec" => Some(Profile {
                max_list_len: 5,
                max_inputs: 2,
                examples: 3,
                min_statements: 1,
                max_statements: 5,
                wide_int: EXEDEC_MAX_INT,
            }),
            "lp" => Some(Profile {
                max_list_len: 10,
                max_inputs: 3,
                examples: 5,
                min_statements: 1,
                max_statements: 6,
                wide_int: EXEDEC_MAX_INT,
            }),
            _ => None,
        }
    }
}

/// A sampled program with its visible and held-out examples.
#[derive(Clone, Debug, PartialEq)]
pub struct Sampled {
    /// The program.
    pub program: Program,
    /// Visible examples `(inputs, output)`.
    pub examples: Vec<(Vec<DslValue>, DslValue)>,
    /// Held-out examples.
    pub held_out: Vec<(Vec<DslValue>, DslValue)>,
}

fn random_int(rng: &mut ChaCha8Rng) -> i64 {
    if rng.gen_bool(0.8) {
        rng.gen_range(0..=4)
    } else {
        rng.gen_range(5..=9)
    }
}

fn random_list(rng: &mut ChaCha8Rng, p: &Profile) -> Vec<i64> {
    let len = rng.gen_range(0..=p.max_list_len);
    let wide = rng.gen_bool(0.25);
    (0..len)
        .map(|_| {
            if wide {
                rng.gen_range(-p.wide_int..=p.wide_int)
            } else {
                rng.gen_range(0..=9)
            }
        })
        .collect()
}

/// Random inputs of the given types.
pub fn random_inputs(rng: &mut ChaCha8Rng, p: &Profile, types: &[Type]) -> Vec<DslValue> {
    types
        .iter()
        .map(|t| match t {
            Type::Int => DslValue::Int(random_int(rng)),
            Type::List => DslValue::List(random_list(rng, p)),
        })
        .collect()
}

fn random_input_types(rng: &mut ChaCha8Rng, p: &Profile) -> Vec<Type> {
    let n = if p.max_inputs <= 1 || rng.gen_bool(0.5) {
        1
    } else {
        rng.gen_range(2..=p.max_inputs)
    };
    let mut types = vec![Type::List];
    for _ in 1..n {
        types.push(if rng.gen_bool(0.6) {
            Type::List
        } else {
            Type::Int
        });
    }
    types.shuffle(rng);
    if !types.contains(&Type::List) {
        types[0] = Type::List;
    }
    types
}

/// Every statement that could come next, given variable types.
fn candidate_statements(types: &[Type]) -> Vec<Statement> {
    let vars = |t: Type| -> Vec<u8> {
        (0..types.len())
            .filter(|&i| types[i] == t)
            .map(|i| i as u8)
            .collect()
    };
    let ints = vars(Type::Int);
    let lists = vars(Type::List);
    let mut out = Vec::new();
    for op in ALL_OPS {
        let lambdas: Vec<Option<Lambda>> = match op.lambda_type() {
            Some(t) => Lambda::of_type(t).map(Some).collect(),
            None => vec![None],
        };
        for lambda in lambdas {
            match op.arg_types() {
                [Type::Int, Type::List] => {
                    for &n in &ints {
                        for &xs in &lists {
                            out.push(Statement {
                                op,
                                lambda,
                                args: [n, xs],
                            });
                        }
                    }
                }
                [Type::List, Type::List] => {
                    for &xs in &lists {
                        for &ys in &lists {
                            out.push(Statement {
                                op,
                                lambda,
                                args: [xs, ys],
                            });
                        }
                    }
                }
                _ => {
                    for &xs in &lists {
                        out.push(Statement {
                            op,
                            lambda,
                            args: [xs, 0],
                        });
                    }
                }
            }
        }
    }
    out
}

/// Samples one task; `None` when no acceptable program was found within the retry budget.
pub fn sample(profile: &Profile, seed: u64, held_out: usize) -> Option<Sampled> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..200).find_map(|_| sample_once(profile, &mut rng, held_out))
}

/// One draw from `rng`: `None` when the draw was rejected (the caller may draw again).
pub fn sample_once(profile: &Profile, rng: &mut ChaCha8Rng, held_out: usize) -> Option<Sampled> {
    let mut machine = Machine::new();
    let bound = EXEDEC_MAX_INT;
    let input_types = random_input_types(rng, profile);
    let total = profile.examples + held_out;
    let inputs: Vec<Vec<DslValue>> = (0..total)
        .map(|_| random_inputs(rng, profile, &input_types))
        .collect();
    let length = rng.gen_range(profile.min_statements..=profile.max_statements);
    let program = grow_program(rng, &mut machine, &input_types, &inputs, length)?;
    let outputs: Vec<DslValue> = inputs
        .iter()
        .map(|ins| machine.run(&program, ins, bound))
        .collect::<Option<_>>()?;
    let visible = &outputs[..profile.examples];
    let distinct: FxHashSet<&DslValue> = visible.iter().collect();
    if distinct.len() < visible.len() {
        return None; // constant or duplicated outputs say little about the program
    }
    let mut pairs = inputs.into_iter().zip(outputs);
    let examples: Vec<_> = pairs.by_ref().take(profile.examples).collect();
    let held: Vec<_> = pairs.collect();
    Some(Sampled {
        program,
        examples,
        held_out: held,
    })
}

/// Builds a program statement by statement, keeping every statement alive.
fn grow_program(
    rng: &mut ChaCha8Rng,
    machine: &mut Machine,
    input_types: &[Type],
    inputs: &[Vec<DslValue>],
    length: usize,
) -> Option<Program> {
    let bound = EXEDEC_MAX_INT;
    let mut program = Program {
        input_types: input_types.to_vec(),
        statements: Vec::new(),
    };
    let mut types = input_types.to_vec();
    let mut unused: Vec<u8> = Vec::new();
    // Values of every variable on every example, to reject repeated values.
    let mut states: Vec<Vec<DslValue>> = inputs.to_vec();
    for step in 0..length {
        let last = step + 1 == length;
        let mut options = candidate_statements(&types);
        options.retain(|s| {
            let used = s.arg_vars();
            if last {
                unused.iter().all(|u| used.contains(u))
            } else if unused.len() >= 2 {
                unused.iter().any(|u| used.contains(u))
            } else {
                true
            }
        });
        options.shuffle(rng);
        let mut chosen = None;
        for s in options.into_iter().take(60) {
            program.statements.push(s);
            let new_state: Option<Vec<Vec<DslValue>>> = inputs
                .iter()
                .map(|ins| machine.run_state(&program, ins, bound))
                .collect();
            program.statements.pop();
            let Some(new_state) = new_state else { continue };
            let k = types.len();
            let repeats = (0..k).any(|v| states.iter().zip(&new_state).all(|(o, n)| o[v] == n[k]));
            if repeats {
                continue;
            }
            chosen = Some((s, new_state));
            break;
        }
        let (s, new_state) = chosen?;
        for a in s.arg_vars() {
            unused.retain(|u| u != a);
        }
        unused.push(types.len() as u8);
        types.push(s.op.output_type());
        program.statements.push(s);
        states = new_state;
    }
    if unused.len() != 1 || program.check().is_err() {
        return None;
    }
    Some(program)
}

/// Samples `count` distinct tasks (by program text and by visible outputs) from consecutive
/// seeds starting at `seed`; stops early after too many failed or repeated draws.
pub fn sample_many(profile: &Profile, seed: u64, count: usize, held_out: usize) -> Vec<Sampled> {
    let mut seen_programs = FxHashSet::default();
    let mut seen_outputs = FxHashSet::default();
    let mut out = Vec::new();
    let mut s = seed;
    let mut misses = 0;
    while out.len() < count && misses < count * 20 + 100 {
        let current = s;
        s = s.wrapping_add(1);
        let Some(t) = sample(profile, current, held_out) else {
            misses += 1;
            continue;
        };
        let key_out: Vec<(Vec<DslValue>, DslValue)> = t.examples.clone();
        if !seen_programs.insert(t.program.clone()) || !seen_outputs.insert(key_out) {
            misses += 1;
            continue;
        }
        out.push(t);
    }
    out
}
