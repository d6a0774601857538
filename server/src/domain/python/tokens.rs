//! Programs as token sequences (the pipeline carries candidates as tokens): prefix order, one
//! id per node, constants inline.

use super::ast::{Expr, Hof, Op, ALL_HOFS, ALL_OPS};
use super::value::PyVal;
use num_bigint::BigInt;
use std::rc::Rc;

const T_PARAM: u32 = 0;
const T_VAR: u32 = 1;
const T_CONST: u32 = 2;
const T_CALL: u32 = 3;
const T_HOF: u32 = 4;
const T_ZIP: u32 = 5;
const T_SCAN: u32 = 6;

const V_NONE: u32 = 0;
const V_BOOL: u32 = 1;
const V_INT: u32 = 2;
const V_FLOAT: u32 = 3;
const V_STR: u32 = 4;
const V_LIST: u32 = 5;
const V_TUPLE: u32 = 6;
const V_SET: u32 = 7;
const V_DICT: u32 = 8;
const V_BIG: u32 = 9;

/// Encodes a program.
pub(crate) fn encode(e: &Expr) -> Vec<u32> {
    let mut out = Vec::new();
    enc(e, &mut out);
    out
}

fn enc(e: &Expr, out: &mut Vec<u32>) {
    match e {
        Expr::Param(i) => out.extend([T_PARAM, *i as u32]),
        Expr::Var(i) => out.extend([T_VAR, *i as u32]),
        Expr::Const(v) => {
            out.push(T_CONST);
            enc_val(v, out);
        }
        Expr::Call(op, args) => {
            let id = ALL_OPS.iter().position(|o| o == op).unwrap_or(0) as u32;
            out.extend([T_CALL, id, args.len() as u32]);
            for a in args {
                enc(a, out);
            }
        }
        Expr::Hof(h, a, b) => {
            let id = ALL_HOFS.iter().position(|x| x == h).unwrap_or(0) as u32;
            out.extend([T_HOF, id]);
            enc(a, out);
            enc(b, out);
        }
        Expr::ZipMap(a, b, c) => {
            out.push(T_ZIP);
            enc(a, out);
            enc(b, out);
            enc(c, out);
        }
        Expr::Scan(a, b) => {
            out.push(T_SCAN);
            enc(a, out);
            enc(b, out);
        }
    }
}

fn enc_u64(x: u64, out: &mut Vec<u32>) {
    out.extend([(x & 0xffff_ffff) as u32, (x >> 32) as u32]);
}

fn enc_str(s: &str, out: &mut Vec<u32>) {
    out.push(s.chars().count() as u32);
    out.extend(s.chars().map(|c| c as u32));
}

fn enc_val(v: &PyVal, out: &mut Vec<u32>) {
    match v {
        PyVal::None => out.push(V_NONE),
        PyVal::Bool(b) => out.extend([V_BOOL, *b as u32]),
        PyVal::Int(i) => {
            out.push(V_INT);
            enc_u64(*i as u64, out);
        }
        PyVal::Big(b) => {
            out.push(V_BIG);
            enc_str(&b.to_string(), out);
        }
        PyVal::Float(f) => {
            out.push(V_FLOAT);
            enc_u64(f.to_bits(), out);
        }
        PyVal::Str(s) => {
            out.push(V_STR);
            enc_str(s, out);
        }
        PyVal::List(x) | PyVal::Tuple(x) | PyVal::Set(x) => {
            out.push(match v {
                PyVal::List(_) => V_LIST,
                PyVal::Tuple(_) => V_TUPLE,
                _ => V_SET,
            });
            out.push(x.len() as u32);
            for e in x.iter() {
                enc_val(e, out);
            }
        }
        PyVal::Dict(d) => {
            out.extend([V_DICT, d.len() as u32]);
            for (k, e) in d.iter() {
                enc_val(k, out);
                enc_val(e, out);
            }
        }
    }
}

struct Reader<'a> {
    t: &'a [u32],
    i: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u32> {
        let v = *self.t.get(self.i)?;
        self.i += 1;
        Some(v)
    }
    fn u64(&mut self) -> Option<u64> {
        let lo = self.next()? as u64;
        let hi = self.next()? as u64;
        Some(lo | (hi << 32))
    }
    fn string(&mut self) -> Option<String> {
        let n = self.next()? as usize;
        (0..n).map(|_| char::from_u32(self.next()?)).collect()
    }
    fn val(&mut self, depth: usize) -> Option<PyVal> {
        if depth > 50 {
            return None;
        }
        Some(match self.next()? {
            V_NONE => PyVal::None,
            V_BOOL => PyVal::Bool(self.next()? != 0),
            V_INT => PyVal::Int(self.u64()? as i64),
            V_BIG => PyVal::from_big(self.string()?.parse::<BigInt>().ok()?),
            V_FLOAT => PyVal::Float(f64::from_bits(self.u64()?)),
            V_STR => PyVal::str(&self.string()?),
            tag @ (V_LIST | V_TUPLE | V_SET) => {
                let n = self.next()? as usize;
                let items = (0..n)
                    .map(|_| self.val(depth + 1))
                    .collect::<Option<Vec<_>>>()?;
                match tag {
                    V_LIST => PyVal::list(items),
                    V_TUPLE => PyVal::tuple(items),
                    _ => PyVal::set(items).ok()?,
                }
            }
            V_DICT => {
                let n = self.next()? as usize;
                let items = (0..n)
                    .map(|_| Some((self.val(depth + 1)?, self.val(depth + 1)?)))
                    .collect::<Option<Vec<_>>>()?;
                PyVal::Dict(Rc::new(items))
            }
            _ => return None,
        })
    }
    fn expr(&mut self, depth: usize) -> Option<Rc<Expr>> {
        if depth > 100 {
            return None;
        }
        Some(Rc::new(match self.next()? {
            T_PARAM => Expr::Param(self.next()? as usize),
            T_VAR => Expr::Var(self.next()? as usize),
            T_CONST => Expr::Const(self.val(0)?),
            T_CALL => {
                let op: Op = *ALL_OPS.get(self.next()? as usize)?;
                let n = self.next()? as usize;
                if n != op.arity() {
                    return None;
                }
                let args = (0..n)
                    .map(|_| self.expr(depth + 1))
                    .collect::<Option<Vec<_>>>()?;
                Expr::Call(op, args)
            }
            T_HOF => {
                let h: Hof = *ALL_HOFS.get(self.next()? as usize)?;
                Expr::Hof(h, self.expr(depth + 1)?, self.expr(depth + 1)?)
            }
            T_ZIP => Expr::ZipMap(
                self.expr(depth + 1)?,
                self.expr(depth + 1)?,
                self.expr(depth + 1)?,
            ),
            T_SCAN => Expr::Scan(self.expr(depth + 1)?, self.expr(depth + 1)?),
            _ => return None,
        }))
    }
}

/// Decodes a program; `None` for a sequence that is not one whole program.
pub(crate) fn decode(tokens: &[u32]) -> Option<Rc<Expr>> {
    let mut r = Reader { t: tokens, i: 0 };
    let e = r.expr(0)?;
    (r.i == tokens.len()).then_some(e)
}
