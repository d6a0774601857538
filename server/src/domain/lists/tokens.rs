//! ExeDec's token vocabulary with its stable id table: PAD, BOS, EOS, `|`, `=`, INPUT, `[`,
//! `]`, the 15 operations, the 19 lambdas, `x0..x9` and the ints -50..50 (153 tokens).

use super::dsl::{Lambda, Op, Program, ALL_LAMBDAS, ALL_OPS, EXEDEC_MAX_INT};
use super::interp::DslValue;

/// Padding.
pub const PAD: u32 = 0;
/// Beginning of sequence.
pub const BOS: u32 = 1;
/// End of sequence.
pub const EOS: u32 = 2;
/// Statement separator `|`.
pub const SEP: u32 = 3;
/// `=`.
pub const EQUALS: u32 = 4;
/// `INPUT`.
pub const INPUT: u32 = 5;
/// `[`.
pub const OPEN: u32 = 6;
/// `]`.
pub const CLOSE: u32 = 7;
/// First operation id (ops follow in [`ALL_OPS`] order).
pub const FIRST_OP: u32 = 8;
/// First lambda id (lambdas follow in [`ALL_LAMBDAS`] order).
pub const FIRST_LAMBDA: u32 = FIRST_OP + ALL_OPS.len() as u32;
/// Id of `x0` (`x1..x9` follow).
pub const FIRST_VAR: u32 = FIRST_LAMBDA + ALL_LAMBDAS.len() as u32;
/// Id of the int `-50` (ints follow up to `50`).
pub const FIRST_INT: u32 = FIRST_VAR + 10;
/// Vocabulary size.
pub const VOCAB_SIZE: u32 = FIRST_INT + 2 * EXEDEC_MAX_INT as u32 + 1;

/// The token strings, indexed by id (ExeDec's, with PAD/BOS/EOS spelled out).
pub fn vocabulary() -> Vec<String> {
    let mut v: Vec<String> = ["PAD", "BOS", "EOS", "|", "=", "INPUT", "[", "]"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    v.extend(ALL_OPS.iter().map(|o| o.token().to_string()));
    v.extend(ALL_LAMBDAS.iter().map(|l| l.token().to_string()));
    v.extend((0..10).map(|i| format!("x{i}")));
    v.extend((-EXEDEC_MAX_INT..=EXEDEC_MAX_INT).map(|i| i.to_string()));
    v
}

fn op_id(op: Op) -> u32 {
    FIRST_OP + ALL_OPS.iter().position(|&o| o == op).unwrap_or(0) as u32
}

fn lambda_id(l: Lambda) -> u32 {
    FIRST_LAMBDA + ALL_LAMBDAS.iter().position(|&x| x == l).unwrap_or(0) as u32
}

/// Token ids of a program (without BOS/EOS), e.g. `x0 = INPUT | x1 = Sum x0`.
pub fn program_tokens(program: &Program) -> Vec<u32> {
    let mut out = Vec::new();
    let n = program.input_types.len();
    for i in 0..n {
        if i > 0 {
            out.push(SEP);
        }
        out.extend([FIRST_VAR + i as u32, EQUALS, INPUT]);
    }
    for (k, s) in program.statements.iter().enumerate() {
        if n + k > 0 {
            out.push(SEP);
        }
        out.extend([FIRST_VAR + (n + k) as u32, EQUALS, op_id(s.op)]);
        if let Some(l) = s.lambda {
            out.push(lambda_id(l));
        }
        out.extend(s.arg_vars().iter().map(|&a| FIRST_VAR + u32::from(a)));
    }
    out
}

/// Parses token ids (without BOS/EOS; trailing EOS/PAD are ignored) back into a program.
pub fn parse_tokens(ids: &[u32]) -> Option<Program> {
    let vocab = vocabulary();
    let end = ids
        .iter()
        .position(|&t| t == EOS || t == PAD)
        .unwrap_or(ids.len());
    let mut words = Vec::with_capacity(end);
    for &id in &ids[..end] {
        let w = vocab.get(id as usize)?;
        if id == BOS || (FIRST_INT..VOCAB_SIZE).contains(&id) || id == OPEN || id == CLOSE {
            return None;
        }
        words.push(w.as_str());
    }
    super::text_form::parse_program(&words.join(" ")).ok()
}

/// Token ids of a value (`[ 1 2 ]` or `7`); `None` when an int is outside -50..50.
pub fn value_tokens(value: &DslValue) -> Option<Vec<u32>> {
    let int = |v: i64| {
        (-EXEDEC_MAX_INT..=EXEDEC_MAX_INT)
            .contains(&v)
            .then(|| FIRST_INT + (v + EXEDEC_MAX_INT) as u32)
    };
    match value {
        DslValue::Int(v) => Some(vec![int(*v)?]),
        DslValue::List(xs) => {
            let mut out = vec![OPEN];
            for &x in xs {
                out.push(int(x)?);
            }
            out.push(CLOSE);
            Some(out)
        }
    }
}

/// Token ids of a program state `x0 = [ 1 2 ] | x1 = 3` (the spec encoding).
pub fn state_tokens(values: &[DslValue]) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(SEP);
        }
        out.extend([FIRST_VAR + i as u32, EQUALS]);
        out.extend(value_tokens(v)?);
    }
    Some(out)
}

/// The statement a single id would start, for decoders that want to check grammar.
pub fn op_of_token(id: u32) -> Option<Op> {
    ALL_OPS.get(id.checked_sub(FIRST_OP)? as usize).copied()
}
