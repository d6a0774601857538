//! Program tokens: the published RobustFill token table (ids 0..=315, `robustfill_token_ids.json`)
//! plus docsynth's extension (ids 316..): 12 more printable characters and input selectors.
//!
//! Encoding is the release's flat prefix form (op, then its arguments; Compose is the Compose
//! token, the outer function's tokens, then the inner's). Extensions: an expression on input k ≠ 0 is preceded by `INPUT_k`; a constant of n
//! characters becomes n one-character `ConstStr`s.

use super::dsl::{Boundary, Case, Expr, Func, Program, Regex, Type};

/// Padding id.
pub const PAD: u32 = 0;
/// Beginning-of-sequence id.
pub const BOS: u32 = 1;
/// End-of-sequence id.
pub const EOS: u32 = 2;

/// The published 83-character alphabet in token order (letters, digits, 21 delimiters).
pub const CHARS: &[u8] =
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&,.?!@()[]%{}/:;$#\"' ";
/// The 21 published delimiters.
pub const DELIMITERS: &[u8] = b"&,.?!@()[]%{}/:;$#\"' ";
/// Printable ASCII characters outside the published alphabet, in extension-token order.
pub const EXTRA_CHARS: &[u8] = b"-_+=<>|*^~`\\";
/// Maximum number of inputs the extension tokens can address.
pub const MAX_INPUTS: usize = 4;

const OP_BASE: u32 = 3;
const CHAR_BASE: u32 = 19;
const TYPE_BASE: u32 = 102;
const CASE_BASE: u32 = 110;
const BOUNDARY_BASE: u32 = 113;
const INT_ZERO: u32 = 215;
const EXTRA_CHAR_BASE: u32 = 316;
const INPUT_BASE: u32 = EXTRA_CHAR_BASE + EXTRA_CHARS.len() as u32;

/// Vocabulary size (with PAD) of the published table.
pub const VOCAB_SIZE_COMPAT: usize = 316;
/// Vocabulary size (with PAD) including docsynth's extension tokens.
pub const VOCAB_SIZE: usize = INPUT_BASE as usize + MAX_INPUTS;

const OP_NAMES: [&str; 16] = [
    "Compose",
    "ConstStr",
    "SubStr",
    "GetSpan",
    "GetToken",
    "ToCase",
    "Replace",
    "Trim",
    "GetUpto",
    "GetFrom",
    "GetFirst",
    "GetAll",
    "Substitute",
    "SubstituteAll",
    "Remove",
    "RemoveAll",
];

/// Token names in id order (the whole extended vocabulary).
pub fn token_names() -> Vec<String> {
    let mut names: Vec<String> = vec!["PAD".into(), "BOS".into(), "EOS".into()];
    names.extend(OP_NAMES.iter().map(|s| s.to_string()));
    names.extend(CHARS.iter().map(|&c| (c as char).to_string()));
    names.extend(Type::ALL.iter().map(|t| t.name().to_string()));
    names.extend(Case::ALL.iter().map(|c| format!("{}_CASE", c.name())));
    names.extend(["START".to_string(), "END".to_string()]);
    names.extend((-100..=100).map(|i: i32| i.to_string()));
    names.extend(EXTRA_CHARS.iter().map(|&c| (c as char).to_string()));
    names.extend((0..MAX_INPUTS).map(|k| format!("INPUT_{k}")));
    names
}

/// Token id of a character, if it has one.
pub fn char_id(c: u8) -> Option<u32> {
    if let Some(p) = CHARS.iter().position(|&x| x == c) {
        return Some(CHAR_BASE + p as u32);
    }
    EXTRA_CHARS
        .iter()
        .position(|&x| x == c)
        .map(|p| EXTRA_CHAR_BASE + p as u32)
}

fn id_char(id: u32) -> Option<u8> {
    if (CHAR_BASE..CHAR_BASE + CHARS.len() as u32).contains(&id) {
        return Some(CHARS[(id - CHAR_BASE) as usize]);
    }
    if (EXTRA_CHAR_BASE..INPUT_BASE).contains(&id) {
        return Some(EXTRA_CHARS[(id - EXTRA_CHAR_BASE) as usize]);
    }
    None
}

fn int_id(i: i8) -> u32 {
    (INT_ZERO as i32 + i as i32) as u32
}

fn id_int(id: u32) -> Option<i8> {
    if (INT_ZERO - 100..=INT_ZERO + 100).contains(&id) {
        Some((id as i32 - INT_ZERO as i32) as i8)
    } else {
        None
    }
}

fn type_id(t: Type) -> u32 {
    TYPE_BASE + Type::ALL.iter().position(|&x| x == t).unwrap_or(0) as u32
}

fn id_type(id: u32) -> Option<Type> {
    Type::ALL.get(id.checked_sub(TYPE_BASE)? as usize).copied()
}

fn regex_id(r: Regex) -> Option<u32> {
    match r {
        Regex::Type(t) => Some(type_id(t)),
        Regex::Char(c) => char_id(c),
    }
}

fn id_regex(id: u32) -> Option<Regex> {
    id_type(id)
        .map(Regex::Type)
        .or_else(|| id_char(id).map(Regex::Char))
}

fn id_case(id: u32) -> Option<Case> {
    Case::ALL.get(id.checked_sub(CASE_BASE)? as usize).copied()
}

fn id_boundary(id: u32) -> Option<Boundary> {
    Boundary::ALL
        .get(id.checked_sub(BOUNDARY_BASE)? as usize)
        .copied()
}

fn op_id(name: &str) -> u32 {
    OP_BASE + OP_NAMES.iter().position(|&n| n == name).unwrap_or(0) as u32
}

fn encode_func(f: &Func, out: &mut Vec<u32>) -> Option<()> {
    let b = |x: Boundary| BOUNDARY_BASE + if x == Boundary::Start { 0 } else { 1 };
    match *f {
        Func::SubStr(a, c) => out.extend([op_id("SubStr"), int_id(a), int_id(c)]),
        Func::GetSpan(r1, i1, b1, r2, i2, b2) => out.extend([
            op_id("GetSpan"),
            regex_id(r1)?,
            int_id(i1),
            b(b1),
            regex_id(r2)?,
            int_id(i2),
            b(b2),
        ]),
        Func::GetToken(t, i) => out.extend([op_id("GetToken"), type_id(t), int_id(i)]),
        Func::ToCase(c) => out.extend([
            op_id("ToCase"),
            CASE_BASE + Case::ALL.iter().position(|&x| x == c).unwrap_or(0) as u32,
        ]),
        Func::Replace(a, c) => out.extend([op_id("Replace"), char_id(a)?, char_id(c)?]),
        Func::Trim => out.push(op_id("Trim")),
        Func::GetUpto(r) => out.extend([op_id("GetUpto"), regex_id(r)?]),
        Func::GetFrom(r) => out.extend([op_id("GetFrom"), regex_id(r)?]),
        Func::GetFirst(t, i) => out.extend([op_id("GetFirst"), type_id(t), int_id(i)]),
        Func::GetAll(t) => out.extend([op_id("GetAll"), type_id(t)]),
        Func::Substitute(t, i, c) => {
            out.extend([op_id("Substitute"), type_id(t), int_id(i), char_id(c)?])
        }
        Func::SubstituteAll(t, c) => out.extend([op_id("SubstituteAll"), type_id(t), char_id(c)?]),
        Func::Remove(t, i) => out.extend([op_id("Remove"), type_id(t), int_id(i)]),
        Func::RemoveAll(t) => out.extend([op_id("RemoveAll"), type_id(t)]),
    }
    Some(())
}

/// Encodes a program (no BOS/EOS). `None` if it uses a character or input without a token.
pub fn encode(p: &Program) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(8 * p.exprs.len());
    let selector = |input: u8, out: &mut Vec<u32>| -> Option<()> {
        if input as usize >= MAX_INPUTS {
            return None;
        }
        if input > 0 {
            out.push(INPUT_BASE + input as u32);
        }
        Some(())
    };
    for e in &p.exprs {
        match e {
            Expr::Const(cs) => {
                for &c in cs {
                    out.extend([op_id("ConstStr"), char_id(c)?]);
                }
            }
            Expr::Apply { input, func } => {
                selector(*input, &mut out)?;
                encode_func(func, &mut out)?;
            }
            Expr::Compose {
                input,
                outer,
                inner,
            } => {
                selector(*input, &mut out)?;
                out.push(op_id("Compose"));
                encode_func(outer, &mut out)?;
                encode_func(inner, &mut out)?;
            }
        }
    }
    Some(out)
}

struct Reader<'a> {
    toks: &'a [u32],
    pos: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u32> {
        let t = *self.toks.get(self.pos)?;
        self.pos += 1;
        Some(t)
    }
    fn int(&mut self) -> Option<i8> {
        id_int(self.next()?)
    }
    fn ty(&mut self) -> Option<Type> {
        id_type(self.next()?)
    }
    fn ch(&mut self) -> Option<u8> {
        id_char(self.next()?)
    }
    fn regex(&mut self) -> Option<Regex> {
        id_regex(self.next()?)
    }
    fn boundary(&mut self) -> Option<Boundary> {
        id_boundary(self.next()?)
    }

    fn func(&mut self) -> Option<Func> {
        let op = self.next()?.checked_sub(OP_BASE)? as usize;
        Some(match *OP_NAMES.get(op)? {
            "SubStr" => Func::SubStr(self.int()?, self.int()?),
            "GetSpan" => Func::GetSpan(
                self.regex()?,
                self.int()?,
                self.boundary()?,
                self.regex()?,
                self.int()?,
                self.boundary()?,
            ),
            "GetToken" => Func::GetToken(self.ty()?, self.int()?),
            "ToCase" => Func::ToCase(id_case(self.next()?)?),
            "Replace" => Func::Replace(self.ch()?, self.ch()?),
            "Trim" => Func::Trim,
            "GetUpto" => Func::GetUpto(self.regex()?),
            "GetFrom" => Func::GetFrom(self.regex()?),
            "GetFirst" => Func::GetFirst(self.ty()?, self.int()?),
            "GetAll" => Func::GetAll(self.ty()?),
            "Substitute" => Func::Substitute(self.ty()?, self.int()?, self.ch()?),
            "SubstituteAll" => Func::SubstituteAll(self.ty()?, self.ch()?),
            "Remove" => Func::Remove(self.ty()?, self.int()?),
            "RemoveAll" => Func::RemoveAll(self.ty()?),
            _ => return None,
        })
    }
}

/// Decodes a token sequence (no BOS; a trailing EOS, PAD or the ExeDec `|` separators removed by
/// the caller) into a program. Consecutive one-character constants stay separate expressions.
pub fn decode(tokens: &[u32]) -> Option<Program> {
    let end = tokens
        .iter()
        .position(|&t| t == EOS || t == PAD)
        .unwrap_or(tokens.len());
    let mut r = Reader {
        toks: &tokens[..end],
        pos: 0,
    };
    let mut exprs = Vec::new();
    while r.pos < r.toks.len() {
        let mut t = r.toks[r.pos];
        let mut input = 0u8;
        if (INPUT_BASE..INPUT_BASE + MAX_INPUTS as u32).contains(&t) {
            input = (t - INPUT_BASE) as u8;
            r.pos += 1;
            t = *r.toks.get(r.pos)?;
        }
        if t == op_id("ConstStr") {
            if input != 0 {
                return None;
            }
            r.pos += 1;
            exprs.push(Expr::Const(vec![r.ch()?]));
        } else if t == op_id("Compose") {
            r.pos += 1;
            let outer = r.func()?;
            let inner = r.func()?;
            exprs.push(Expr::Compose {
                input,
                outer,
                inner,
            });
        } else {
            let func = r.func()?;
            exprs.push(Expr::Apply { input, func });
        }
    }
    if exprs.is_empty() {
        return None;
    }
    Some(Program { exprs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_published_ids() {
        let names = token_names();
        assert_eq!(names[3], "Compose");
        assert_eq!(names[18], "RemoveAll");
        assert_eq!(names[19], "a");
        assert_eq!(names[101], " ");
        assert_eq!(names[102], "NUMBER");
        assert_eq!(names[109], "CHAR");
        assert_eq!(names[215], "0");
        assert_eq!(names[315], "100");
        assert_eq!(names.len(), VOCAB_SIZE);
    }

    #[test]
    fn round_trips_extended_programs() {
        let p = Program {
            exprs: vec![
                Expr::Const(b"a-b".to_vec()),
                Expr::Compose {
                    input: 2,
                    outer: Func::ToCase(Case::Lower),
                    inner: Func::GetSpan(
                        Regex::Char(b'_'),
                        -1,
                        Boundary::End,
                        Regex::Type(Type::Word),
                        2,
                        Boundary::Start,
                    ),
                },
            ],
        };
        let toks = encode(&p).expect("encodable");
        let back = decode(&toks).expect("decodable");
        assert_eq!(back.merged_consts(), p);
    }
}
