//! ExeDec's text form: programs (`x0 = INPUT | x1 = Map (+1) x0`), program states
//! (`x0 = [ 1 2 ] | x1 = 3`) and single values (`[ 5 14 ]`, `-3`).

use super::dsl::{Lambda, Op, Program, Statement, Type, MAX_VARIABLES};
use super::interp::DslValue;
use std::fmt::Write as _;

/// Why text could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("lists DSL parse error: {0}")]
pub struct ParseError(pub String);

fn err<T>(msg: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError(msg.into()))
}

fn variable_index(token: &str) -> Result<usize, ParseError> {
    let digits = token
        .strip_prefix('x')
        .ok_or_else(|| ParseError(format!("expected a variable, found `{token}`")))?;
    match digits.parse::<usize>() {
        Ok(i) if i < MAX_VARIABLES && digits.len() == 1 => Ok(i),
        _ => err(format!("bad variable `{token}`")),
    }
}

/// Parses a program. Variables may be named in any order; they are renumbered canonically
/// (inputs first, then statements). Input types come from their first use; an unused input
/// gets `unused_input_type`.
pub fn parse_program_with(text: &str, unused_input_type: Type) -> Result<Program, ParseError> {
    let mut names: Vec<usize> = Vec::new(); // canonical index -> source index
    let mut input_count = 0;
    let mut statements = Vec::new();
    let mut seen_statement = false;
    let lookup = |names: &Vec<usize>, token: &str| -> Result<u8, ParseError> {
        let src = variable_index(token)?;
        names
            .iter()
            .position(|&n| n == src)
            .map(|p| p as u8)
            .ok_or_else(|| ParseError(format!("`{token}` is used before it is defined")))
    };
    for line in text.split('|') {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        if tokens.len() < 3 || tokens[1] != "=" {
            return err(format!("expected `xN = ...`, found `{}`", line.trim()));
        }
        let var = variable_index(tokens[0])?;
        if names.contains(&var) {
            return err(format!("variable `{}` is defined twice", tokens[0]));
        }
        if tokens[2] == "INPUT" {
            if seen_statement || tokens.len() != 3 {
                return err("INPUT lines must come first and be `xN = INPUT`");
            }
            input_count += 1;
            names.push(var);
            continue;
        }
        seen_statement = true;
        let op = Op::from_token(tokens[2])
            .ok_or_else(|| ParseError(format!("unknown operation `{}`", tokens[2])))?;
        let mut rest = &tokens[3..];
        let lambda = if op.lambda_type().is_some() {
            let (first, tail) = rest
                .split_first()
                .ok_or_else(|| ParseError(format!("`{}` needs a lambda", op.token())))?;
            rest = tail;
            Some(
                Lambda::from_token(first)
                    .ok_or_else(|| ParseError(format!("unknown lambda `{first}`")))?,
            )
        } else {
            None
        };
        if rest.len() != op.arg_types().len() {
            return err(format!(
                "`{}` takes {} arguments",
                op.token(),
                op.arg_types().len()
            ));
        }
        let mut args = [0u8; 2];
        for (slot, token) in args.iter_mut().zip(rest) {
            *slot = lookup(&names, token)?;
        }
        statements.push(Statement { op, lambda, args });
        names.push(var);
    }
    // Infer input types from first use.
    let mut input_types = vec![None; input_count];
    for s in &statements {
        for (&a, &t) in s.arg_vars().iter().zip(s.op.arg_types()) {
            if let Some(slot) = input_types.get_mut(a as usize) {
                slot.get_or_insert(t);
            }
        }
    }
    let program = Program {
        input_types: input_types
            .into_iter()
            .map(|t| t.unwrap_or(unused_input_type))
            .collect(),
        statements,
    };
    program.check().map_err(|e| ParseError(e.to_string()))?;
    Ok(program)
}

/// Parses a program; unused inputs are typed `list[int]`.
pub fn parse_program(text: &str) -> Result<Program, ParseError> {
    parse_program_with(text, Type::List)
}

/// Prints a program in ExeDec's text form with canonical variable names.
pub fn print_program(program: &Program) -> String {
    let mut out = String::new();
    let n = program.input_types.len();
    for i in 0..n {
        if i > 0 {
            out.push_str(" | ");
        }
        let _ = write!(out, "x{i} = INPUT");
    }
    for (k, s) in program.statements.iter().enumerate() {
        if n + k > 0 {
            out.push_str(" | ");
        }
        let _ = write!(out, "x{} = {}", n + k, s.op.token());
        if let Some(l) = s.lambda {
            let _ = write!(out, " {}", l.token());
        }
        for a in s.arg_vars() {
            let _ = write!(out, " x{a}");
        }
    }
    out
}

/// Parses one value: `[ 1 -2 3 ]`, `[ ]` or `7`.
pub fn parse_value(text: &str) -> Result<DslValue, ParseError> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let int = |t: &str| {
        t.parse::<i64>()
            .map_err(|_| ParseError(format!("bad int `{t}`")))
    };
    match tokens.as_slice() {
        [single] => Ok(DslValue::Int(int(single)?)),
        ["[", inner @ .., "]"] => Ok(DslValue::List(
            inner.iter().map(|t| int(t)).collect::<Result<_, _>>()?,
        )),
        _ => err(format!("bad value `{}`", text.trim())),
    }
}

/// Prints one value in ExeDec's form.
pub fn print_value(value: &DslValue) -> String {
    match value {
        DslValue::Int(v) => v.to_string(),
        DslValue::List(xs) => {
            let mut s = String::from("[");
            for x in xs {
                let _ = write!(s, " {x}");
            }
            s.push_str(" ]");
            s
        }
    }
}

/// Parses a program state `x0 = [ 1 2 ] | x1 = 3` into its values, in order.
pub fn parse_state(text: &str) -> Result<Vec<DslValue>, ParseError> {
    text.split('|')
        .enumerate()
        .map(|(i, part)| {
            let (lhs, rhs) = part
                .split_once('=')
                .ok_or_else(|| ParseError(format!("expected `xN = value`, found `{part}`")))?;
            if variable_index(lhs.trim())? != i {
                return err(format!("expected x{i}, found `{}`", lhs.trim()));
            }
            parse_value(rhs)
        })
        .collect()
}

/// Prints a program state.
pub fn print_state(values: &[DslValue]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("x{i} = {}", print_value(v)))
        .collect::<Vec<_>>()
        .join(" | ")
}
