//! The interpreter: every operation with CPython's semantics (checked against `python3` by the
//! differential test in `tests.rs`). Exceptions are values ([`PyErr`]).

use super::ast::{Expr, Hof, Op};
use super::dates;
use super::value::{
    big_to_f64, float_floor_to_big, py_cmp, py_eq, py_lt, try_sort_by, PyErr, PyResult, PyVal,
};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;
use std::sync::OnceLock;

/// Longest string or list an operation may build, and the largest int (in bits).
const MAX_LEN: usize = 10_000;
const MAX_BITS: u64 = 20_000;

/// Where names are looked up: the parameters and the comprehension's variables.
pub(crate) struct Env<'a> {
    pub(crate) params: &'a [PyVal],
    pub(crate) vars: &'a [PyVal],
}

/// Evaluates an expression.
pub(crate) fn eval(e: &Expr, env: &Env) -> PyResult {
    match e {
        Expr::Param(i) => env.params.get(*i).cloned().ok_or(PyErr::TypeError),
        Expr::Var(i) => env.vars.get(*i).cloned().ok_or(PyErr::TypeError),
        Expr::Const(v) => Ok(v.clone()),
        Expr::Call(op, args) => match (op, args.as_slice()) {
            (Op::And, [a, b]) => {
                let x = eval(a, env)?;
                if x.truthy() {
                    eval(b, env)
                } else {
                    Ok(x)
                }
            }
            (Op::Or, [a, b]) => {
                let x = eval(a, env)?;
                if x.truthy() {
                    Ok(x)
                } else {
                    eval(b, env)
                }
            }
            (Op::IfExp, [c, a, b]) => {
                if eval(c, env)?.truthy() {
                    eval(a, env)
                } else {
                    eval(b, env)
                }
            }
            // Only the class the program catches; anything else propagates.
            (Op::TryOr, [a, b, class]) => match eval(a, env) {
                Err(e) if matches!(&**class, Expr::Const(PyVal::Str(c)) if catches(c, e)) => {
                    eval(b, env)
                }
                r => r,
            },
            _ => {
                let vals = args
                    .iter()
                    .map(|a| eval(a, env))
                    .collect::<Result<Vec<_>, _>>()?;
                let refs: Vec<&PyVal> = vals.iter().collect();
                apply(*op, &refs)
            }
        },
        Expr::Hof(h, iter, body) if h.over_items() => {
            let it = eval(iter, env)?;
            apply_items(*h, &it, |k, v| {
                let vars = [k.clone(), v.clone()];
                eval(
                    body,
                    &Env {
                        params: env.params,
                        vars: &vars,
                    },
                )
            })
        }
        Expr::Hof(h, iter, body) => {
            let it = eval(iter, env)?;
            apply_hof(*h, &it, |x| {
                let vars = [x.clone()];
                eval(
                    body,
                    &Env {
                        params: env.params,
                        vars: &vars,
                    },
                )
            })
        }
        Expr::ZipMap(a, b, body) => {
            let xs = elements(&eval(a, env)?)?;
            let ys = elements(&eval(b, env)?)?;
            let mut out = Vec::with_capacity(xs.len().min(ys.len()));
            for (x, y) in xs.iter().zip(ys.iter()) {
                let vars = [x.clone(), y.clone()];
                out.push(eval(
                    body,
                    &Env {
                        params: env.params,
                        vars: &vars,
                    },
                )?);
            }
            Ok(PyVal::list(out))
        }
        Expr::Scan(src, body) => {
            // `itertools.accumulate(xs, f)`: the first item as is, then `f(acc, x)`.
            let xs = elements(&eval(src, env)?)?;
            let mut out: Vec<PyVal> = Vec::with_capacity(xs.len());
            for x in xs {
                let next = match out.last() {
                    None => x,
                    Some(acc) => {
                        let vars = [acc.clone(), x];
                        eval(
                            body,
                            &Env {
                                params: env.params,
                                vars: &vars,
                            },
                        )?
                    }
                };
                out.push(next);
            }
            Ok(PyVal::list(out))
        }
    }
}

/// The items iterating a value yields (sets in sorted order: only order-free uses reach them).
pub(crate) fn elements(v: &PyVal) -> Result<Vec<PyVal>, PyErr> {
    match v {
        PyVal::List(x) | PyVal::Tuple(x) | PyVal::Set(x) => Ok(x.to_vec()),
        PyVal::Str(s) => Ok(s
            .chars()
            .map(|c| PyVal::str(c.encode_utf8(&mut [0; 4])))
            .collect()),
        PyVal::Dict(d) => Ok(d.iter().map(|(k, _)| k.clone()).collect()),
        _ => Err(PyErr::TypeError),
    }
}

/// A dict comprehension over `d.items()` with body `f(k, v)` (see [`Hof::over_items`]).
pub(crate) fn apply_items(
    h: Hof,
    d: &PyVal,
    mut f: impl FnMut(&PyVal, &PyVal) -> PyResult,
) -> PyResult {
    let PyVal::Dict(d) = d else {
        return Err(PyErr::TypeError);
    };
    let mut out: Vec<(PyVal, PyVal)> = Vec::new();
    for (k, v) in d.iter() {
        match h {
            Hof::ItemsFilter => {
                if f(k, v)?.truthy() {
                    dict_set(&mut out, k.clone(), v.clone());
                }
            }
            Hof::ItemsKeyMap => {
                let key = f(k, v)?;
                if !hashable(&key) {
                    return Err(PyErr::TypeError);
                }
                dict_set(&mut out, key, v.clone());
            }
            Hof::ItemsValMap => {
                let val = f(k, v)?;
                dict_set(&mut out, k.clone(), val);
            }
            _ => return Err(PyErr::TypeError),
        }
    }
    Ok(PyVal::Dict(Rc::new(out)))
}

/// A comprehension over `iter` with body `f`.
pub(crate) fn apply_hof(h: Hof, iter: &PyVal, mut f: impl FnMut(&PyVal) -> PyResult) -> PyResult {
    let xs = elements(iter)?;
    match h {
        Hof::Map => Ok(PyVal::list(
            xs.iter().map(&mut f).collect::<Result<Vec<_>, _>>()?,
        )),
        Hof::Filter => {
            let mut out = Vec::new();
            for x in xs {
                if f(&x)?.truthy() {
                    out.push(x);
                }
            }
            Ok(PyVal::list(out))
        }
        Hof::SumMap => {
            let mut acc = PyVal::Int(0);
            for x in &xs {
                acc = add(&acc, &f(x)?)?;
            }
            Ok(acc)
        }
        Hof::CountIf => {
            let mut n = 0i64;
            for x in &xs {
                if f(x)?.truthy() {
                    n += 1;
                }
            }
            Ok(PyVal::Int(n))
        }
        Hof::Any => {
            for x in &xs {
                if f(x)?.truthy() {
                    return Ok(PyVal::Bool(true));
                }
            }
            Ok(PyVal::Bool(false))
        }
        Hof::All => {
            for x in &xs {
                if !f(x)?.truthy() {
                    return Ok(PyVal::Bool(false));
                }
            }
            Ok(PyVal::Bool(true))
        }
        Hof::SortedKey | Hof::SortedKeyRev => {
            let keys = xs.iter().map(&mut f).collect::<Result<Vec<_>, _>>()?;
            let mut idx: Vec<usize> = (0..xs.len()).collect();
            sort_indices(&mut idx, &keys, h == Hof::SortedKeyRev)?;
            Ok(PyVal::list(
                idx.into_iter().map(|i| xs[i].clone()).collect(),
            ))
        }
        Hof::FirstWhere => {
            for x in xs {
                if f(&x)?.truthy() {
                    return Ok(x);
                }
            }
            Ok(PyVal::None)
        }
        Hof::ItemsFilter | Hof::ItemsKeyMap | Hof::ItemsValMap => Err(PyErr::TypeError),
        Hof::MaxKey | Hof::MinKey | Hof::MaxKeyOrNone | Hof::MinKeyOrNone => {
            let max = matches!(h, Hof::MaxKey | Hof::MaxKeyOrNone);
            let mut best: Option<(PyVal, PyVal)> = None;
            for x in xs {
                let k = f(&x)?;
                best = Some(match best {
                    None => (x, k),
                    Some((bx, bk)) => {
                        let better = if max {
                            py_lt(&bk, &k)?
                        } else {
                            py_lt(&k, &bk)?
                        };
                        if better {
                            (x, k)
                        } else {
                            (bx, bk)
                        }
                    }
                });
            }
            match best {
                Some((x, _)) => Ok(x),
                None if matches!(h, Hof::MaxKeyOrNone | Hof::MinKeyOrNone) => Ok(PyVal::None),
                None => Err(PyErr::ValueError),
            }
        }
        Hof::JoinMap => {
            let mut out = String::new();
            for x in &xs {
                match f(x)? {
                    PyVal::Str(s) => out.push_str(&s),
                    _ => return Err(PyErr::TypeError),
                }
                if out.len() > MAX_LEN * 4 {
                    return Err(PyErr::TooBig);
                }
            }
            Ok(PyVal::str(&out))
        }
        Hof::JoinFilter => {
            let mut out = String::new();
            for x in &xs {
                if f(x)?.truthy() {
                    match x {
                        PyVal::Str(s) => out.push_str(s),
                        _ => return Err(PyErr::TypeError),
                    }
                }
            }
            Ok(PyVal::str(&out))
        }
        Hof::GroupBy => {
            let mut groups: Vec<(PyVal, Vec<PyVal>)> = Vec::new();
            for x in xs {
                let k = f(&x)?;
                if !hashable(&k) {
                    return Err(PyErr::TypeError);
                }
                match groups.iter_mut().find(|(key, _)| py_eq(key, &k)) {
                    Some((_, members)) => members.push(x),
                    None => groups.push((k, vec![x])),
                }
            }
            Ok(PyVal::Dict(Rc::new(
                groups
                    .into_iter()
                    .map(|(k, members)| (k, PyVal::list(members)))
                    .collect(),
            )))
        }
        Hof::IndicesWhere => {
            let mut out = Vec::new();
            for (i, x) in xs.iter().enumerate() {
                if f(x)?.truthy() {
                    out.push(PyVal::Int(i as i64));
                }
            }
            Ok(PyVal::list(out))
        }
        Hof::FirstIndexWhere => {
            for (i, x) in xs.iter().enumerate() {
                if f(x)?.truthy() {
                    return Ok(PyVal::Int(i as i64));
                }
            }
            Ok(PyVal::None)
        }
        Hof::TakeWhile => {
            let mut out = Vec::new();
            for x in xs {
                if !f(&x)?.truthy() {
                    break;
                }
                out.push(x);
            }
            Ok(PyVal::list(out))
        }
        Hof::KeyBy => {
            let mut out: Vec<(PyVal, PyVal)> = Vec::new();
            for x in xs {
                let k = f(&x)?;
                if !hashable(&k) {
                    return Err(PyErr::TypeError);
                }
                dict_set(&mut out, k, x);
            }
            Ok(PyVal::Dict(Rc::new(out)))
        }
        Hof::DictMap => {
            let mut out: Vec<(PyVal, PyVal)> = Vec::new();
            for x in xs {
                if !hashable(&x) {
                    return Err(PyErr::TypeError);
                }
                let v = f(&x)?;
                dict_set(&mut out, x, v);
            }
            Ok(PyVal::Dict(Rc::new(out)))
        }
    }
}

/// Whether a value can be a dict key or set member.
pub(crate) fn hashable(v: &PyVal) -> bool {
    match v {
        PyVal::List(_) | PyVal::Set(_) | PyVal::Dict(_) => false,
        PyVal::Tuple(items) => items.iter().all(hashable),
        _ => true,
    }
}

/// `d[k] = v`: a new key goes last, an existing one keeps its place (and its first key object).
fn dict_set(d: &mut Vec<(PyVal, PyVal)>, k: PyVal, v: PyVal) {
    match d.iter_mut().find(|(key, _)| py_eq(key, &k)) {
        Some(slot) => slot.1 = v,
        None => d.push((k, v)),
    }
}

/// Stable sort of indices by keys with Python's `<` (`reverse` as `sorted(reverse=True)`).
/// NaN keys are refused (CPython's result then depends on its merge order).
fn sort_indices(idx: &mut [usize], keys: &[PyVal], reverse: bool) -> Result<(), PyErr> {
    if keys.iter().any(has_nan) {
        return Err(PyErr::TooBig);
    }
    // A stable sort that stops at the first failed comparison (unlike kinds raise
    // `TypeError`); `sort_by` could panic on such a comparison.
    let sorted = try_sort_by(idx.to_vec(), |&a, &b| {
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        Ok(py_cmp(x, y)? == Ordering::Less)
    })?;
    idx.copy_from_slice(&sorted);
    Ok(())
}

fn has_nan(v: &PyVal) -> bool {
    match v {
        PyVal::Float(f) => f.is_nan(),
        PyVal::List(x) | PyVal::Tuple(x) => x.iter().any(has_nan),
        _ => false,
    }
}

fn int_of(v: &PyVal) -> Option<i64> {
    match v {
        PyVal::Int(i) => Some(*i),
        PyVal::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn is_int(v: &PyVal) -> bool {
    matches!(v, PyVal::Int(_) | PyVal::Big(_) | PyVal::Bool(_))
}

fn is_num(v: &PyVal) -> bool {
    is_int(v) || matches!(v, PyVal::Float(_))
}

/// `calendar.isleap(year)`: the Gregorian rule (floor modulo, as Python's `%`).
fn is_leap(y: i64) -> bool {
    y.rem_euclid(4) == 0 && (y.rem_euclid(100) != 0 || y.rem_euclid(400) == 0)
}

/// `a & b`, `a | b`, `a ^ b`, `a << b`, `a >> b` on ints (two's complement of unbounded ints,
/// as CPython; bools give bools there, not claimed).
fn bitwise(op: Op, a: &PyVal, b: &PyVal) -> PyResult {
    if matches!(a, PyVal::Bool(_)) || matches!(b, PyVal::Bool(_)) {
        return Err(PyErr::TooBig);
    }
    let (x, y) = big2(a, b)?;
    match op {
        Op::BitAnd => check_big(x & y),
        Op::BitOr => check_big(x | y),
        Op::BitXor => check_big(x ^ y),
        _ => {
            if y.sign() == num_bigint::Sign::Minus {
                return Err(PyErr::ValueError);
            }
            let shift = u32::try_from(&y).unwrap_or(u32::MAX);
            if op == Op::LShift {
                if u64::from(shift) + x.bits() > MAX_BITS {
                    return Err(PyErr::TooBig);
                }
                check_big(x << shift)
            } else if shift > 4096 {
                // Every bit shifted out: the sign is what is left.
                Ok(PyVal::Int(if x.sign() == num_bigint::Sign::Minus {
                    -1
                } else {
                    0
                }))
            } else {
                check_big(x >> shift)
            }
        }
    }
}

fn check_big(b: BigInt) -> PyResult {
    if b.bits() > MAX_BITS {
        return Err(PyErr::TooBig);
    }
    Ok(PyVal::from_big(b))
}

fn big2(a: &PyVal, b: &PyVal) -> Result<(BigInt, BigInt), PyErr> {
    Ok((
        a.to_big().ok_or(PyErr::TypeError)?,
        b.to_big().ok_or(PyErr::TypeError)?,
    ))
}

fn float2(a: &PyVal, b: &PyVal) -> Result<(f64, f64), PyErr> {
    Ok((a.as_f64()?, b.as_f64()?))
}

pub(crate) fn add(a: &PyVal, b: &PyVal) -> PyResult {
    match (a, b) {
        (PyVal::Str(x), PyVal::Str(y)) => {
            if x.len() + y.len() > MAX_LEN * 4 {
                return Err(PyErr::TooBig);
            }
            Ok(PyVal::str(&format!("{x}{y}")))
        }
        (PyVal::List(x), PyVal::List(y)) => {
            if x.len() + y.len() > MAX_LEN {
                return Err(PyErr::TooBig);
            }
            Ok(PyVal::list(x.iter().chain(y.iter()).cloned().collect()))
        }
        (PyVal::Tuple(x), PyVal::Tuple(y)) => {
            Ok(PyVal::tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
        _ if is_int(a) && is_int(b) => match (int_of(a), int_of(b)) {
            (Some(x), Some(y)) => Ok(match x.checked_add(y) {
                Some(r) => PyVal::Int(r),
                None => PyVal::from_big(BigInt::from(x) + y),
            }),
            _ => {
                let (x, y) = big2(a, b)?;
                check_big(x + y)
            }
        },
        _ if is_num(a) && is_num(b) => {
            let (x, y) = float2(a, b)?;
            Ok(PyVal::Float(x + y))
        }
        _ => Err(PyErr::TypeError),
    }
}

fn sub(a: &PyVal, b: &PyVal) -> PyResult {
    match (a, b) {
        (PyVal::Set(x), PyVal::Set(y)) => Ok(PyVal::Set(Rc::new(
            x.iter()
                .filter(|e| !y.iter().any(|f| py_eq(e, f)))
                .cloned()
                .collect(),
        ))),
        _ if is_int(a) && is_int(b) => match (int_of(a), int_of(b)) {
            (Some(x), Some(y)) => Ok(match x.checked_sub(y) {
                Some(r) => PyVal::Int(r),
                None => PyVal::from_big(BigInt::from(x) - y),
            }),
            _ => {
                let (x, y) = big2(a, b)?;
                check_big(x - y)
            }
        },
        _ if is_num(a) && is_num(b) => {
            let (x, y) = float2(a, b)?;
            Ok(PyVal::Float(x - y))
        }
        _ => Err(PyErr::TypeError),
    }
}

fn repeat_count(n: &PyVal, unit: usize) -> Result<usize, PyErr> {
    let n = match n {
        PyVal::Int(i) => *i,
        PyVal::Bool(b) => *b as i64,
        PyVal::Big(b) => {
            if b.is_negative() {
                return Ok(0);
            }
            return Err(PyErr::TooBig);
        }
        _ => return Err(PyErr::TypeError),
    };
    if n <= 0 || unit == 0 {
        return Ok(0);
    }
    let n = n as usize;
    if n.saturating_mul(unit) > MAX_LEN * 4 {
        return Err(PyErr::TooBig);
    }
    Ok(n)
}

fn mul(a: &PyVal, b: &PyVal) -> PyResult {
    match (a, b) {
        (PyVal::Str(s), n) | (n, PyVal::Str(s)) if is_int(n) => {
            let k = repeat_count(n, s.len())?;
            Ok(PyVal::str(&s.repeat(k)))
        }
        (PyVal::List(x), n) | (n, PyVal::List(x)) if is_int(n) => {
            let k = repeat_count(n, x.len())?;
            let mut out = Vec::with_capacity(k * x.len());
            for _ in 0..k {
                out.extend(x.iter().cloned());
            }
            Ok(PyVal::list(out))
        }
        _ if is_int(a) && is_int(b) => match (int_of(a), int_of(b)) {
            (Some(x), Some(y)) => Ok(match x.checked_mul(y) {
                Some(r) => PyVal::Int(r),
                None => PyVal::from_big(BigInt::from(x) * y),
            }),
            _ => {
                let (x, y) = big2(a, b)?;
                check_big(x * y)
            }
        },
        _ if is_num(a) && is_num(b) => {
            let (x, y) = float2(a, b)?;
            Ok(PyVal::Float(x * y))
        }
        _ => Err(PyErr::TypeError),
    }
}

fn true_div(a: &PyVal, b: &PyVal) -> PyResult {
    if !(is_num(a) && is_num(b)) {
        return Err(PyErr::TypeError);
    }
    if is_int(a) && is_int(b) {
        let (x, y) = big2(a, b)?;
        if y.is_zero() {
            return Err(PyErr::ZeroDivisionError);
        }
        // Exact when both fit in a double's mantissa (CPython's fast path).
        const LIM: i64 = 1 << 53;
        if let (Some(p), Some(q)) = (x.to_i64(), y.to_i64()) {
            if p.abs() <= LIM && q.abs() <= LIM {
                return Ok(PyVal::Float(p as f64 / q as f64));
            }
        }
        // Large ints: correctly rounded quotient via a scaled integer division.
        return big_true_div(&x, &y).map(PyVal::Float);
    }
    let (x, y) = float2(a, b)?;
    if y == 0.0 {
        return Err(PyErr::ZeroDivisionError);
    }
    Ok(PyVal::Float(x / y))
}

/// `x / y` for big ints, correctly rounded (scaled quotient with a sticky bit).
fn big_true_div(x: &BigInt, y: &BigInt) -> Result<f64, PyErr> {
    let neg = x.is_negative() != y.is_negative();
    let (ax, ay) = (x.abs(), y.abs());
    if ax.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let shift = 60i64 - (ax.bits() as i64 - ay.bits() as i64);
    let (n, d) = if shift >= 0 {
        (ax << shift as usize, ay)
    } else {
        (ax, ay << (-shift) as usize)
    };
    let (q, r) = n.div_rem(&d);
    // q has 60 or 61 bits; fold the remainder into a sticky bit below them.
    let q = (q << 1usize) | BigInt::from(if r.is_zero() { 0 } else { 1 });
    let qf = big_to_f64(&q).map_err(|_| PyErr::OverflowError)?;
    let exp = -(shift + 1);
    let v = if exp > 1100 {
        f64::INFINITY
    } else if exp < -1200 {
        0.0
    } else {
        // ldexp in two steps keeps subnormal rounding close; exact for normal results.
        qf * 2f64.powi(exp as i32)
    };
    if v.is_infinite() {
        return Err(PyErr::OverflowError);
    }
    Ok(if neg { -v } else { v })
}

/// CPython's float divmod (`float_divmod` in floatobject.c).
fn float_divmod(vx: f64, wx: f64) -> Result<(f64, f64), PyErr> {
    if wx == 0.0 {
        return Err(PyErr::ZeroDivisionError);
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    Ok((floordiv, m))
}

fn floor_div(a: &PyVal, b: &PyVal) -> PyResult {
    if is_int(a) && is_int(b) {
        if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
            if y == 0 {
                return Err(PyErr::ZeroDivisionError);
            }
            if let Some(q) = x.checked_div(y) {
                let q = if x % y != 0 && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                };
                return Ok(PyVal::Int(q));
            }
        }
        let (x, y) = big2(a, b)?;
        if y.is_zero() {
            return Err(PyErr::ZeroDivisionError);
        }
        return check_big(x.div_floor(&y));
    }
    if is_num(a) && is_num(b) {
        let (x, y) = float2(a, b)?;
        return Ok(PyVal::Float(float_divmod(x, y)?.0));
    }
    Err(PyErr::TypeError)
}

fn modulo(a: &PyVal, b: &PyVal) -> PyResult {
    if is_int(a) && is_int(b) {
        if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
            if y == 0 {
                return Err(PyErr::ZeroDivisionError);
            }
            if let Some(r) = x.checked_rem(y) {
                let r = if r != 0 && ((r < 0) != (y < 0)) {
                    r + y
                } else {
                    r
                };
                return Ok(PyVal::Int(r));
            }
        }
        let (x, y) = big2(a, b)?;
        if y.is_zero() {
            return Err(PyErr::ZeroDivisionError);
        }
        return check_big(x.mod_floor(&y));
    }
    if is_num(a) && is_num(b) {
        let (x, y) = float2(a, b)?;
        return Ok(PyVal::Float(float_divmod(x, y)?.1));
    }
    Err(PyErr::TypeError)
}

extern "C" {
    /// The C library's `pow`, which CPython's `float.__pow__` calls (Rust's `powf` may use
    /// another implementation and differ in the last bit).
    #[link_name = "pow"]
    fn libm_pow(x: f64, y: f64) -> f64;
}

fn c_pow(x: f64, y: f64) -> f64 {
    // SAFETY: `pow` is a pure function of two doubles from the C math library.
    unsafe { libm_pow(x, y) }
}

fn float_pow(x: f64, y: f64) -> PyResult {
    if x == 0.0 && y < 0.0 {
        return Err(PyErr::ZeroDivisionError);
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        // CPython returns a complex number here.
        return Err(PyErr::TooBig);
    }
    // As CPython's float_pow: a negative base is raised by magnitude, the sign restored for
    // odd integral exponents.
    let r = if x < 0.0 && y.is_finite() {
        let m = c_pow(-x, y);
        let odd = y.fract() == 0.0 && (y / 2.0).fract() != 0.0;
        if odd {
            -m
        } else {
            m
        }
    } else {
        c_pow(x, y)
    };
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::OverflowError);
    }
    Ok(PyVal::Float(r))
}

fn pow(a: &PyVal, b: &PyVal) -> PyResult {
    if is_int(a) && is_int(b) {
        let (x, y) = big2(a, b)?;
        if y.is_negative() {
            let (fx, fy) = (big_to_f64(&x)?, big_to_f64(&y)?);
            return float_pow(fx, fy);
        }
        let bits = x.bits().max(1);
        let e = y.to_u64().ok_or(PyErr::TooBig)?;
        if x.abs() > BigInt::from(1) && bits.saturating_mul(e) > MAX_BITS {
            return Err(PyErr::TooBig);
        }
        let e32 = u32::try_from(e).map_err(|_| PyErr::TooBig)?;
        // |x| <= 1: the result is -1, 0 or 1.
        if x.abs() <= BigInt::from(1) {
            let r = if x.is_zero() {
                if e == 0 {
                    1
                } else {
                    0
                }
            } else if x.is_negative() && e % 2 == 1 {
                -1
            } else {
                1
            };
            return Ok(PyVal::Int(r));
        }
        return check_big(num_traits::pow::Pow::pow(x, e32));
    }
    if is_num(a) && is_num(b) {
        let (x, y) = float2(a, b)?;
        return float_pow(x, y);
    }
    Err(PyErr::TypeError)
}

fn neg(a: &PyVal) -> PyResult {
    match a {
        PyVal::Float(f) => Ok(PyVal::Float(-f)),
        _ if is_int(a) => match int_of(a).and_then(i64::checked_neg) {
            Some(r) => Ok(PyVal::Int(r)),
            None => check_big(-a.to_big().ok_or(PyErr::TypeError)?),
        },
        _ => Err(PyErr::TypeError),
    }
}

fn abs(a: &PyVal) -> PyResult {
    match a {
        PyVal::Float(f) => Ok(PyVal::Float(f.abs())),
        _ if is_int(a) => match int_of(a).and_then(i64::checked_abs) {
            Some(r) => Ok(PyVal::Int(r)),
            None => check_big(a.to_big().ok_or(PyErr::TypeError)?.abs()),
        },
        _ => Err(PyErr::TypeError),
    }
}

fn contains(container: &PyVal, x: &PyVal) -> Result<bool, PyErr> {
    match (container, x) {
        (PyVal::Str(s), PyVal::Str(sub)) => Ok(s.contains(&**sub)),
        (PyVal::Str(_), _) => Err(PyErr::TypeError),
        // A set or dict looks its needle up by hash: an unhashable one raises.
        (PyVal::Set(_) | PyVal::Dict(_), x) if !hashable(x) => Err(PyErr::TypeError),
        (PyVal::List(v) | PyVal::Tuple(v) | PyVal::Set(v), x) => Ok(v.iter().any(|e| py_eq(e, x))),
        (PyVal::Dict(d), x) => Ok(d.iter().any(|(k, _)| py_eq(k, x))),
        _ => Err(PyErr::TypeError),
    }
}

/// Python's `str.isspace` for one character.
pub(crate) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn index_of(len: usize, i: &PyVal) -> Result<usize, PyErr> {
    let i = match i {
        PyVal::Int(i) => *i,
        PyVal::Bool(b) => *b as i64,
        PyVal::Big(_) => return Err(PyErr::IndexError),
        _ => return Err(PyErr::TypeError),
    };
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::IndexError);
    }
    Ok(j as usize)
}

fn opt_int(v: Option<&PyVal>) -> Result<Option<i64>, PyErr> {
    match v {
        None | Some(PyVal::None) => Ok(None),
        Some(PyVal::Int(i)) => Ok(Some(*i)),
        Some(PyVal::Bool(b)) => Ok(Some(*b as i64)),
        Some(PyVal::Big(b)) => Ok(Some(if b.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        Some(_) => Err(PyErr::TypeError),
    }
}

/// Indices selected by `[start:stop:step]` on a sequence of `len` (CPython's
/// `PySlice_AdjustIndices`).
fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<Vec<usize>, PyErr> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::ValueError);
    }
    let n = len as i64;
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(x) => {
                let x = if x < 0 { x.saturating_add(n) } else { x };
                x.clamp(lo, hi)
            }
        }
    };
    let mut out = Vec::new();
    let mut i;
    if step > 0 {
        let s = adjust(start, 0, 0, n);
        let e = adjust(stop, n, 0, n);
        i = s;
        while i < e {
            out.push(i as usize);
            i += step;
        }
    } else {
        let s = adjust(start, n - 1, -1, n - 1);
        let e = adjust(stop, -1, -1, n - 1);
        i = s;
        while i > e {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

fn slice(v: &PyVal, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult {
    match v {
        PyVal::Str(s) => {
            let cs = chars(s);
            let idx = slice_indices(cs.len(), start, stop, step)?;
            Ok(PyVal::str(&idx.iter().map(|&i| cs[i]).collect::<String>()))
        }
        PyVal::List(x) => {
            let idx = slice_indices(x.len(), start, stop, step)?;
            Ok(PyVal::list(idx.iter().map(|&i| x[i].clone()).collect()))
        }
        PyVal::Tuple(x) => {
            let idx = slice_indices(x.len(), start, stop, step)?;
            Ok(PyVal::tuple(idx.iter().map(|&i| x[i].clone()).collect()))
        }
        _ => Err(PyErr::TypeError),
    }
}

fn str_arg(v: &PyVal) -> Result<&str, PyErr> {
    match v {
        PyVal::Str(s) => Ok(s),
        _ => Err(PyErr::TypeError),
    }
}

fn int_arg(v: &PyVal) -> Result<i64, PyErr> {
    match v {
        PyVal::Int(i) => Ok(*i),
        PyVal::Bool(b) => Ok(*b as i64),
        PyVal::Big(_) => Err(PyErr::OverflowError),
        _ => Err(PyErr::TypeError),
    }
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

/// Unicode title-case mapping (differs from upper case for ligatures, digraphs and `ß`).
fn push_titlecase(c: char, out: &mut String) {
    let special = match c {
        'ß' => "Ss",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        'և' => "Եւ",
        'ﬓ' => "Մն",
        'ﬔ' => "Մե",
        'ﬕ' => "Մի",
        'ﬖ' => "Վն",
        'ﬗ' => "Մխ",
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ",
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ",
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ",
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ",
        _ => "",
    };
    if special.is_empty() {
        out.extend(c.to_uppercase());
    } else {
        out.push_str(special);
    }
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            push_titlecase(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        None => String::new(),
        Some(c) => {
            let mut out = String::new();
            push_titlecase(c, &mut out);
            out.push_str(&cs.as_str().to_lowercase());
            out
        }
    }
}

fn swapcase(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn pad_check(width: i64, len: usize) -> Result<usize, PyErr> {
    if width > MAX_LEN as i64 {
        return Err(PyErr::TooBig);
    }
    Ok((width.max(0) as usize).saturating_sub(len))
}

fn parse_py_int(s: &str) -> PyResult {
    let t = s.trim_matches(py_isspace);
    let (neg, digits) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return Err(PyErr::ValueError);
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.len() > 4300 {
        return Err(PyErr::ValueError);
    }
    let b: BigInt = clean.parse().map_err(|_| PyErr::ValueError)?;
    Ok(PyVal::from_big(if neg { -b } else { b }))
}

fn parse_py_float(s: &str) -> PyResult {
    let t = s.trim_matches(py_isspace);
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    match body {
        "inf" | "infinity" | "nan" => {}
        _ => {
            if body.is_empty()
                || !body
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '_' | '+' | '-'))
                || body.starts_with(['_', 'e'])
                || body.contains("__")
                || body.contains("_.")
                || body.contains("._")
                || body.contains("_e")
                || body.contains("e_")
                || body.ends_with('_')
                || body[1..].contains(['+', '-']) && !body.contains("e+") && !body.contains("e-")
            {
                return Err(PyErr::ValueError);
            }
        }
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    if lower.len() - body.len() > 1 {
        return Err(PyErr::ValueError);
    }
    clean
        .parse::<f64>()
        .map(PyVal::Float)
        .map_err(|_| PyErr::ValueError)
}

fn round_half_even(f: f64) -> Result<PyVal, PyErr> {
    if f.is_nan() {
        return Err(PyErr::ValueError);
    }
    if f.is_infinite() {
        return Err(PyErr::OverflowError);
    }
    let r = f.round();
    let r = if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    };
    float_floor_to_big(r)
        .map(PyVal::from_big)
        .ok_or(PyErr::OverflowError)
}

fn round_ndigits(f: f64, n: i64) -> PyResult {
    if !f.is_finite() {
        return Ok(PyVal::Float(f));
    }
    if n < 0 {
        return Err(PyErr::TooBig);
    }
    if n > 330 {
        return Ok(PyVal::Float(f));
    }
    // Rust's fixed-precision formatting is exact and rounds ties to even, as CPython's dtoa.
    let s = format!("{:.*}", n as usize, f);
    s.parse::<f64>()
        .map(PyVal::Float)
        .map_err(|_| PyErr::ValueError)
}

fn counter(xs: &[PyVal]) -> Vec<(PyVal, PyVal)> {
    let mut out: Vec<(PyVal, i64)> = Vec::new();
    for x in xs {
        match out.iter_mut().find(|(k, _)| py_eq(k, x)) {
            Some((_, n)) => *n += 1,
            None => out.push((x.clone(), 1)),
        }
    }
    out.into_iter().map(|(k, n)| (k, PyVal::Int(n))).collect()
}

static REGEXES: OnceLock<[Option<regex::Regex>; 4]> = OnceLock::new();

fn regexes() -> &'static [Option<regex::Regex>; 4] {
    REGEXES.get_or_init(|| {
        [
            regex::Regex::new(r"\d+").ok(),
            regex::Regex::new(r"\w+").ok(),
            regex::Regex::new(r"[A-Z][a-z]*").ok(),
            regex::Regex::new(r"[^a-zA-Z0-9]").ok(),
        ]
    })
}

/// Compiled patterns by (Python pattern, anchored); `None` for one outside the space.
type RegexCache = FxHashMap<(String, bool), Option<Rc<regex::Regex>>>;

thread_local! {
    /// Compiled patterns of the `re` operations, by (Python pattern, anchored): a search
    /// applies the same few patterns to every string term.
    static PY_REGEXES: RefCell<RegexCache> = RefCell::new(FxHashMap::default());
}

/// Most patterns kept compiled (the learned ones are a handful per task).
const MAX_CACHED_REGEXES: usize = 256;

/// A Python pattern of the space compiled with CPython's meaning: `\w` is what `str.isalnum()`
/// accepts and `_` (Rust's `\w` also takes combining marks), `\s` takes the separators
/// `\x1c`–`\x1f` as `str.isspace()` does; `anchored` is `re.fullmatch` (`\A(?:…)\z`). A
/// pattern that can match the empty string raises `TooBig` (the interpreter makes no claim:
/// `re.findall` reports empty matches where Rust's iterator does not), as does one Rust cannot
/// compile, one with more than one capturing group (`re.findall` gives tuples), or one whose
/// syntax could read differently (a backreference, a lookaround, an inline flag).
pub(crate) fn py_regex(pattern: &str, anchored: bool) -> Result<Rc<regex::Regex>, PyErr> {
    let key = (pattern.to_string(), anchored);
    if let Some(hit) = PY_REGEXES.with(|c| c.borrow().get(&key).cloned()) {
        return hit.ok_or(PyErr::TooBig);
    }
    let compiled = translate_pattern(pattern).and_then(|body| {
        let full = if anchored {
            format!(r"\A(?:{body})\z")
        } else {
            body.clone()
        };
        let re = regex::Regex::new(&full).ok()?;
        let empty = regex::Regex::new(&body).ok()?.is_match("");
        // One capturing group at most: `re.findall` returns it; with more, tuples.
        (!empty && re.captures_len() <= 2).then(|| Rc::new(re))
    });
    PY_REGEXES.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_CACHED_REGEXES {
            c.clear();
        }
        c.insert(key, compiled.clone());
    });
    compiled.ok_or(PyErr::TooBig)
}

/// The Rust spelling of a Python pattern of the space, `None` for syntax outside it.
fn translate_pattern(p: &str) -> Option<String> {
    let mut out = String::with_capacity(p.len() + 16);
    let mut in_class = false;
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let e = chars.next()?;
                match e {
                    'w' if in_class => out.push_str(r"\p{L}\p{N}_"),
                    'w' => out.push_str(r"[\p{L}\p{N}_]"),
                    'd' => out.push_str(r"\p{Nd}"),
                    's' if in_class => out.push_str(r"\s\x1c-\x1f"),
                    's' => out.push_str(r"[\s\x1c-\x1f]"),
                    // Escaped punctuation means the same in both.
                    e if e.is_ascii_punctuation() => {
                        out.push('\\');
                        out.push(e);
                    }
                    _ => return None,
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A negated class, and a leading `]` (a literal in Python, an error in Rust).
                if chars.peek() == Some(&'^') {
                    chars.next();
                    out.push('^');
                }
                if chars.peek() == Some(&']') {
                    return None;
                }
            }
            // Rust reads `[[`, `&&`, `--`, `~~` inside a class as set operations.
            '[' | '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            // Inline flags, lookarounds, named groups and the like: only `(?:` is in the space.
            '(' if !in_class && chars.peek() == Some(&'?') => {
                chars.next();
                if chars.next()? != ':' {
                    return None;
                }
                out.push_str("(?:");
            }

            // Python's `$` also matches before a final newline; `{` may be a literal there.
            '$' | '{' if !in_class => {
                if c == '$' {
                    return None;
                }
                let mut rep = String::from("{");
                loop {
                    let d = chars.next()?;
                    rep.push(d);
                    if d == '}' {
                        break;
                    }
                    if !(d.is_ascii_digit() || d == ',') {
                        return None;
                    }
                }
                let inner = &rep[1..rep.len() - 1];
                let ok = !inner.is_empty()
                    && !inner.starts_with(',')
                    && inner.split(',').count() <= 2
                    && inner
                        .split(',')
                        .all(|n| n.is_empty() || n.parse::<u16>().is_ok());
                if !ok {
                    return None;
                }
                out.push_str(&rep);
            }
            c if c.is_whitespace() && !in_class => out.push_str(&regex::escape(&c.to_string())),
            c => out.push(c),
        }
    }
    (!in_class).then_some(out)
}

fn findall(which: usize, s: &str) -> PyResult {
    let re = regexes()
        .get(which)
        .and_then(Option::as_ref)
        .ok_or(PyErr::TooBig)?;
    Ok(PyVal::list(
        re.find_iter(s).map(|m| PyVal::str(m.as_str())).collect(),
    ))
}

fn factorial(n: i64) -> PyResult {
    if n < 0 {
        return Err(PyErr::ValueError);
    }
    if n > 1000 {
        return Err(PyErr::TooBig);
    }
    let mut acc = BigInt::from(1);
    for k in 2..=n {
        acc *= k;
    }
    Ok(PyVal::from_big(acc))
}

fn comb(n: i64, k: i64) -> PyResult {
    if n < 0 || k < 0 {
        return Err(PyErr::ValueError);
    }
    if k > n {
        return Ok(PyVal::Int(0));
    }
    let k = k.min(n - k);
    if k > 2000 {
        return Err(PyErr::TooBig);
    }
    let mut acc = BigInt::from(1);
    for i in 0..k {
        acc = acc * (n - i) / (i + 1);
    }
    check_big(acc)
}

fn min_max(xs: &[PyVal], is_max: bool) -> PyResult {
    let mut best: Option<&PyVal> = None;
    for x in xs {
        best = Some(match best {
            None => x,
            Some(b) => {
                let better = if is_max { py_lt(b, x)? } else { py_lt(x, b)? };
                if better {
                    x
                } else {
                    b
                }
            }
        });
    }
    best.cloned().ok_or(PyErr::ValueError)
}

/// Applies a first-order operation to evaluated arguments.
pub(crate) fn apply(op: Op, a: &[&PyVal]) -> PyResult {
    use Op::*;
    let arg = |i: usize| a.get(i).copied().ok_or(PyErr::TypeError);
    match op {
        Add => add(arg(0)?, arg(1)?),
        Sub => sub(arg(0)?, arg(1)?),
        Mul => mul(arg(0)?, arg(1)?),
        TrueDiv => true_div(arg(0)?, arg(1)?),
        FloorDiv => floor_div(arg(0)?, arg(1)?),
        Mod => modulo(arg(0)?, arg(1)?),
        Pow => pow(arg(0)?, arg(1)?),
        Neg => neg(arg(0)?),
        Abs => abs(arg(0)?),
        Not => Ok(PyVal::Bool(!arg(0)?.truthy())),
        Eq => Ok(PyVal::Bool(py_eq(arg(0)?, arg(1)?))),
        NotEq => Ok(PyVal::Bool(!py_eq(arg(0)?, arg(1)?))),
        Lt => py_lt(arg(0)?, arg(1)?).map(PyVal::Bool),
        Gt => py_lt(arg(1)?, arg(0)?).map(PyVal::Bool),
        LtE => {
            let (x, y) = (arg(0)?, arg(1)?);
            Ok(PyVal::Bool(py_lt(x, y)? || le_eq(x, y)))
        }
        GtE => {
            let (x, y) = (arg(0)?, arg(1)?);
            Ok(PyVal::Bool(py_lt(y, x)? || le_eq(y, x)))
        }
        In => contains(arg(1)?, arg(0)?).map(PyVal::Bool),
        NotIn => contains(arg(1)?, arg(0)?).map(|b| PyVal::Bool(!b)),
        And => {
            let x = arg(0)?;
            Ok(if x.truthy() {
                arg(1)?.clone()
            } else {
                x.clone()
            })
        }
        Or => {
            let x = arg(0)?;
            Ok(if x.truthy() {
                x.clone()
            } else {
                arg(1)?.clone()
            })
        }
        IfExp => Ok(if arg(0)?.truthy() { arg(1)? } else { arg(2)? }.clone()),
        // Evaluated arguments: the attempt did not raise.
        TryOr => Ok(arg(0)?.clone()),
        Index | First | Last => {
            let seq = arg(0)?;
            let i = match op {
                First => PyVal::Int(0),
                Last => PyVal::Int(-1),
                _ => arg(1)?.clone(),
            };
            match seq {
                PyVal::List(v) | PyVal::Tuple(v) => Ok(v[index_of(v.len(), &i)?].clone()),
                PyVal::Str(s) => {
                    let cs = chars(s);
                    let c = cs[index_of(cs.len(), &i)?];
                    Ok(PyVal::str(c.encode_utf8(&mut [0; 4])))
                }
                PyVal::Dict(_) if op == Index && !hashable(&i) => Err(PyErr::TypeError),
                PyVal::Dict(d) if op == Index => d
                    .iter()
                    .find(|(k, _)| py_eq(k, &i))
                    .map(|(_, v)| v.clone())
                    .ok_or(PyErr::KeyError),
                _ => Err(PyErr::TypeError),
            }
        }
        Fst | Snd => match arg(0)? {
            PyVal::Tuple(v) => v
                .get(if op == Fst { 0 } else { 1 })
                .cloned()
                .ok_or(PyErr::IndexError),
            _ => Err(PyErr::TypeError),
        },
        SliceFrom => slice(arg(0)?, opt_int(Some(arg(1)?))?, None, None),
        SliceTo => slice(arg(0)?, None, opt_int(Some(arg(1)?))?, None),
        SliceRange => slice(
            arg(0)?,
            opt_int(Some(arg(1)?))?,
            opt_int(Some(arg(2)?))?,
            None,
        ),
        Reverse => slice(arg(0)?, None, None, Some(-1)),
        Palindrome => {
            let x = arg(0)?;
            Ok(PyVal::Bool(py_eq(x, &slice(x, None, None, Some(-1))?)))
        }
        Step => slice(arg(0)?, None, None, opt_int(Some(arg(1)?))?),
        Len => match arg(0)? {
            PyVal::Str(s) => Ok(PyVal::Int(s.chars().count() as i64)),
            PyVal::List(v) | PyVal::Tuple(v) | PyVal::Set(v) => Ok(PyVal::Int(v.len() as i64)),
            PyVal::Dict(d) => Ok(PyVal::Int(d.len() as i64)),
            _ => Err(PyErr::TypeError),
        },
        Sum => {
            let mut acc = PyVal::Int(0);
            for x in elements(arg(0)?)? {
                acc = add(&acc, &x)?;
            }
            Ok(acc)
        }
        Prod => {
            let mut acc = PyVal::Int(1);
            for x in elements(arg(0)?)? {
                acc = mul(&acc, &x)?;
            }
            Ok(acc)
        }
        Min | Max => min_max(&elements(arg(0)?)?, op == Max),
        Min2 | Max2 => min_max(&[arg(0)?.clone(), arg(1)?.clone()], op == Max2),
        Sorted | SortedRev => {
            let xs = elements(arg(0)?)?;
            let mut idx: Vec<usize> = (0..xs.len()).collect();
            sort_indices(&mut idx, &xs, op == SortedRev)?;
            Ok(PyVal::list(
                idx.into_iter().map(|i| xs[i].clone()).collect(),
            ))
        }
        SetOf => PyVal::set(elements(arg(0)?)?),
        ListOf => Ok(PyVal::list(elements(arg(0)?)?)),
        TupleOf => Ok(PyVal::tuple(elements(arg(0)?)?)),
        ListOf1 => Ok(PyVal::list(vec![arg(0)?.clone()])),
        AnyB => Ok(PyVal::Bool(elements(arg(0)?)?.iter().any(PyVal::truthy))),
        AllB => Ok(PyVal::Bool(elements(arg(0)?)?.iter().all(PyVal::truthy))),
        StrOf => Ok(PyVal::str(&arg(0)?.to_str())),
        IntOf => match arg(0)? {
            PyVal::Str(s) => parse_py_int(s),
            PyVal::Float(f) => {
                if f.is_nan() {
                    Err(PyErr::ValueError)
                } else {
                    float_floor_to_big(f.trunc())
                        .map(PyVal::from_big)
                        .ok_or(PyErr::OverflowError)
                }
            }
            v if is_int(v) => Ok(PyVal::from_big(v.to_big().ok_or(PyErr::TypeError)?)),
            _ => Err(PyErr::TypeError),
        },
        FloatOf => match arg(0)? {
            PyVal::Str(s) => parse_py_float(s),
            v => v.as_f64().map(PyVal::Float),
        },
        Ord => {
            let s = str_arg(arg(0)?)?;
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(PyVal::Int(c as i64)),
                _ => Err(PyErr::TypeError),
            }
        }
        Chr => {
            let i = int_arg(arg(0)?)?;
            if i32::try_from(i).is_err() {
                return Err(PyErr::OverflowError);
            }
            if !(0..=0x10FFFF).contains(&i) {
                return Err(PyErr::ValueError);
            }
            match char::from_u32(i as u32) {
                Some(c) => Ok(PyVal::str(c.encode_utf8(&mut [0; 4]))),
                None => Err(PyErr::TooBig), // lone surrogate: not a Rust char
            }
        }
        Round1 => match arg(0)? {
            PyVal::Float(f) => round_half_even(*f),
            v if is_int(v) => Ok(PyVal::from_big(v.to_big().ok_or(PyErr::TypeError)?)),
            _ => Err(PyErr::TypeError),
        },
        Round2 => match (arg(0)?, arg(1)?) {
            (PyVal::Float(f), n) => round_ndigits(*f, int_arg(n)?),
            (v, n) if is_int(v) && int_arg(n)? >= 0 => {
                Ok(PyVal::from_big(v.to_big().ok_or(PyErr::TypeError)?))
            }
            (v, _) if is_int(v) => Err(PyErr::TooBig),
            _ => Err(PyErr::TypeError),
        },
        Lower => Ok(PyVal::str(&str_arg(arg(0)?)?.to_lowercase())),
        Upper => Ok(PyVal::str(&str_arg(arg(0)?)?.to_uppercase())),
        Title => Ok(PyVal::str(&title(str_arg(arg(0)?)?))),
        Capitalize => Ok(PyVal::str(&capitalize(str_arg(arg(0)?)?))),
        Swapcase => Ok(PyVal::str(&swapcase(str_arg(arg(0)?)?))),
        Strip => Ok(PyVal::str(str_arg(arg(0)?)?.trim_matches(py_isspace))),
        Lstrip => Ok(PyVal::str(str_arg(arg(0)?)?.trim_start_matches(py_isspace))),
        Rstrip => Ok(PyVal::str(str_arg(arg(0)?)?.trim_end_matches(py_isspace))),
        StripChars => {
            let set: Vec<char> = str_arg(arg(1)?)?.chars().collect();
            Ok(PyVal::str(
                str_arg(arg(0)?)?.trim_matches(|c| set.contains(&c)),
            ))
        }
        SplitWs => Ok(PyVal::list(
            str_arg(arg(0)?)?
                .split(py_isspace)
                .filter(|w| !w.is_empty())
                .map(PyVal::str)
                .collect(),
        )),
        Split => {
            let (s, sep) = (str_arg(arg(0)?)?, str_arg(arg(1)?)?);
            if sep.is_empty() {
                return Err(PyErr::ValueError);
            }
            Ok(PyVal::list(s.split(sep).map(PyVal::str).collect()))
        }
        Join => {
            let sep = str_arg(arg(0)?)?;
            let parts = elements(arg(1)?)?;
            let mut out = String::new();
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                out.push_str(str_arg(p)?);
                if out.len() > MAX_LEN * 4 {
                    return Err(PyErr::TooBig);
                }
            }
            Ok(PyVal::str(&out))
        }
        IsDigit | IsAlpha | IsAlnum | IsSpace => {
            let s = str_arg(arg(0)?)?;
            let f: fn(char) -> bool = match op {
                IsDigit => |c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()),
                IsAlpha => char::is_alphabetic,
                IsAlnum => char::is_alphanumeric,
                _ => py_isspace,
            };
            Ok(PyVal::Bool(!s.is_empty() && s.chars().all(f)))
        }
        IsUpper | IsLower => {
            let s = str_arg(arg(0)?)?;
            let any_cased = s.chars().any(is_cased);
            let ok = if op == IsUpper {
                !s.chars().any(char::is_lowercase)
            } else {
                !s.chars().any(char::is_uppercase)
            };
            Ok(PyVal::Bool(any_cased && ok))
        }
        CountSub => {
            let (s, sub) = (str_arg(arg(0)?)?, str_arg(arg(1)?)?);
            Ok(PyVal::Int(if sub.is_empty() {
                s.chars().count() as i64 + 1
            } else {
                s.matches(sub).count() as i64
            }))
        }
        Find => {
            let (s, sub) = (str_arg(arg(0)?)?, str_arg(arg(1)?)?);
            Ok(PyVal::Int(match s.find(sub) {
                Some(b) => s[..b].chars().count() as i64,
                None => -1,
            }))
        }
        StartsWith | EndsWith => {
            let s = str_arg(arg(0)?)?;
            let test = |p: &str| {
                if op == StartsWith {
                    s.starts_with(p)
                } else {
                    s.ends_with(p)
                }
            };
            match arg(1)? {
                // A tuple of affixes: the first that matches answers; a non-text one reached
                // raises.
                PyVal::Tuple(ps) => {
                    for p in ps.iter() {
                        if test(str_arg(p)?) {
                            return Ok(PyVal::Bool(true));
                        }
                    }
                    Ok(PyVal::Bool(false))
                }
                p => Ok(PyVal::Bool(test(str_arg(p)?))),
            }
        }
        RemovePrefix => {
            let (s, p) = (str_arg(arg(0)?)?, str_arg(arg(1)?)?);
            Ok(PyVal::str(s.strip_prefix(p).unwrap_or(s)))
        }
        RemoveSuffix => {
            let (s, p) = (str_arg(arg(0)?)?, str_arg(arg(1)?)?);
            Ok(PyVal::str(s.strip_suffix(p).unwrap_or(s)))
        }
        Replace => {
            let (s, old, new) = (str_arg(arg(0)?)?, str_arg(arg(1)?)?, str_arg(arg(2)?)?);
            let n = if old.is_empty() {
                s.chars().count() + 1
            } else {
                s.matches(old).count()
            };
            if s.len() + n * new.len() > MAX_LEN * 4 {
                return Err(PyErr::TooBig);
            }
            Ok(PyVal::str(&s.replace(old, new)))
        }
        Zfill => {
            let (s, w) = (str_arg(arg(0)?)?, int_arg(arg(1)?)?);
            let len = s.chars().count();
            let fill = pad_check(w, len)?;
            let zeros = "0".repeat(fill);
            Ok(PyVal::str(&match s.chars().next() {
                Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
                _ => format!("{zeros}{s}"),
            }))
        }
        Ljust | Rjust | Center => {
            let (s, w) = (str_arg(arg(0)?)?, int_arg(arg(1)?)?);
            let len = s.chars().count();
            let marg = pad_check(w, len)?;
            let (left, right) = match op {
                Ljust => (0, marg),
                Rjust => (marg, 0),
                _ => {
                    let left = marg / 2 + (marg & (w.max(0) as usize) & 1);
                    (left, marg - left)
                }
            };
            Ok(PyVal::str(&format!(
                "{}{s}{}",
                " ".repeat(left),
                " ".repeat(right)
            )))
        }
        CountL => {
            let x = arg(1)?;
            Ok(PyVal::Int(
                elements(arg(0)?)?.iter().filter(|e| py_eq(e, x)).count() as i64,
            ))
        }
        IndexL => {
            let x = arg(1)?;
            elements(arg(0)?)?
                .iter()
                .position(|e| py_eq(e, x))
                .map(|i| PyVal::Int(i as i64))
                .ok_or(PyErr::ValueError)
        }
        // `for key in keys: if not isinstance(value, dict) or key not in value: return
        // default; value = value[key]` (keys: `path.split('.')`, or a list of keys)
        DeepGet => {
            let keys = elements(arg(1)?)?;
            let mut value = arg(0)?.clone();
            for k in &keys {
                let next = match &value {
                    PyVal::Dict(d) => {
                        if !hashable(k) {
                            return Err(PyErr::TypeError);
                        }
                        d.iter()
                            .find(|(key, _)| py_eq(key, k))
                            .map(|(_, v)| v.clone())
                    }
                    _ => None,
                };
                match next {
                    Some(v) => value = v,
                    None => return Ok(arg(2)?.clone()),
                }
            }
            Ok(value)
        }
        Get | GetDefault => match arg(0)? {
            PyVal::Dict(d) => {
                let k = arg(1)?;
                if !hashable(k) {
                    return Err(PyErr::TypeError);
                }
                Ok(match d.iter().find(|(key, _)| py_eq(key, k)) {
                    Some((_, v)) => v.clone(),
                    None if op == GetDefault => arg(2)?.clone(),
                    None => PyVal::None,
                })
            }
            _ => Err(PyErr::TypeError),
        },
        Keys | Values | Items => match arg(0)? {
            PyVal::Dict(d) => Ok(PyVal::list(
                d.iter()
                    .map(|(k, v)| match op {
                        Keys => k.clone(),
                        Values => v.clone(),
                        _ => PyVal::tuple(vec![k.clone(), v.clone()]),
                    })
                    .collect(),
            )),
            _ => Err(PyErr::TypeError),
        },
        Counter => {
            let xs = elements(arg(0)?)?;
            if !xs.iter().all(hashable) {
                return Err(PyErr::TypeError);
            }
            Ok(PyVal::Dict(Rc::new(counter(&xs))))
        }
        MostCommon => {
            let xs = elements(arg(0)?)?;
            if !xs.iter().all(hashable) {
                return Err(PyErr::TypeError);
            }
            let c = counter(&xs);
            let mut best: Option<&(PyVal, PyVal)> = None;
            for kv in &c {
                if best.is_none_or(|b| int_of(&kv.1) > int_of(&b.1)) {
                    best = Some(kv);
                }
            }
            best.map(|(k, _)| k.clone()).ok_or(PyErr::IndexError)
        }
        Gcd => {
            let (x, y) = big2(arg(0)?, arg(1)?)?;
            check_big(x.gcd(&y))
        }
        Isqrt => {
            let x = arg(0)?.to_big().ok_or(PyErr::TypeError)?;
            if x.is_negative() {
                return Err(PyErr::ValueError);
            }
            check_big(x.sqrt())
        }
        Sqrt => {
            let x = arg(0)?.as_f64()?;
            if x < 0.0 {
                return Err(PyErr::ValueError);
            }
            Ok(PyVal::Float(x.sqrt()))
        }
        Floor | Ceil => match arg(0)? {
            PyVal::Float(f) => {
                if f.is_nan() {
                    return Err(PyErr::ValueError);
                }
                let r = if op == Floor { f.floor() } else { f.ceil() };
                float_floor_to_big(r)
                    .map(PyVal::from_big)
                    .ok_or(PyErr::OverflowError)
            }
            v if is_int(v) => Ok(PyVal::from_big(v.to_big().ok_or(PyErr::TypeError)?)),
            _ => Err(PyErr::TypeError),
        },
        Factorial => factorial(int_arg(arg(0)?)?),
        Comb => comb(int_arg(arg(0)?)?, int_arg(arg(1)?)?),
        Range1 | Range2 => {
            let big = |v: &PyVal| match v {
                PyVal::Float(_) => Err(PyErr::TypeError),
                v => v.to_big().ok_or(PyErr::TypeError),
            };
            let (lo, hi) = if op == Range1 {
                (BigInt::zero(), big(arg(0)?)?)
            } else {
                (big(arg(0)?)?, big(arg(1)?)?)
            };
            if hi <= lo {
                return Ok(PyVal::list(Vec::new()));
            }
            if &hi - &lo > BigInt::from(MAX_LEN) {
                return Err(PyErr::TooBig);
            }
            let (Some(lo), Some(hi)) = (lo.to_i64(), hi.to_i64()) else {
                return Err(PyErr::TooBig);
            };
            Ok(PyVal::list((lo..hi).map(PyVal::Int).collect()))
        }
        MkTuple2 => Ok(PyVal::tuple(vec![arg(0)?.clone(), arg(1)?.clone()])),
        DictOf => match (arg(0)?, arg(1)?) {
            (PyVal::Tuple(ks), PyVal::Tuple(vs)) => {
                // Four values come as two pairs.
                let flat: Vec<PyVal> = match &vs[..] {
                    [PyVal::Tuple(a), PyVal::Tuple(b)] if ks.len() == 4 => {
                        a.iter().chain(b.iter()).cloned().collect()
                    }
                    _ => vs.to_vec(),
                };
                if flat.len() != ks.len() {
                    return Err(PyErr::TypeError);
                }
                let mut out: Vec<(PyVal, PyVal)> = Vec::new();
                for (k, v) in ks.iter().zip(flat.iter()) {
                    if !hashable(k) {
                        return Err(PyErr::TypeError);
                    }
                    dict_set(&mut out, k.clone(), v.clone());
                }
                Ok(PyVal::Dict(Rc::new(out)))
            }
            _ => Err(PyErr::TypeError),
        },
        MkTuple3 => Ok(PyVal::tuple(vec![
            arg(0)?.clone(),
            arg(1)?.clone(),
            arg(2)?.clone(),
        ])),
        AccSum | AccMax | AccMin => {
            let mut out: Vec<PyVal> = Vec::new();
            for x in elements(arg(0)?)? {
                let next = match out.last() {
                    None => x,
                    Some(acc) => match op {
                        AccSum => add(acc, &x)?,
                        AccMax => min_max(&[acc.clone(), x], true)?,
                        _ => min_max(&[acc.clone(), x], false)?,
                    },
                };
                out.push(next);
            }
            Ok(PyVal::list(out))
        }
        IsNone => Ok(PyVal::Bool(matches!(arg(0)?, PyVal::None))),
        IsNotNone => Ok(PyVal::Bool(!matches!(arg(0)?, PyVal::None))),
        // `[x for sub in xs for x in sub]`
        Flatten => {
            let mut out = Vec::new();
            for sub in elements(arg(0)?)? {
                out.extend(elements(&sub)?);
            }
            Ok(PyVal::list(out))
        }
        Format => match arg(1)? {
            PyVal::Str(spec) => super::format::format_value(arg(0)?, spec).map(|s| PyVal::str(&s)),
            _ => Err(PyErr::TypeError),
        },
        // `[list(row) for row in zip(*rows)]`
        Transpose => {
            let rows = elements(arg(0)?)?
                .iter()
                .map(elements)
                .collect::<Result<Vec<_>, _>>()?;
            let width = rows.iter().map(Vec::len).min().unwrap_or(0);
            Ok(PyVal::list(
                (0..width)
                    .map(|j| PyVal::list(rows.iter().map(|r| r[j].clone()).collect()))
                    .collect(),
            ))
        }
        // `[xs[i:i + n] for i in range(0, len(xs), n)]`
        Chunk => {
            let xs = arg(0)?;
            let len = match xs {
                PyVal::List(v) | PyVal::Tuple(v) => v.len() as i64,
                PyVal::Str(s) => s.chars().count() as i64,
                _ => return Err(PyErr::TypeError),
            };
            let n = match arg(1)? {
                v @ (PyVal::Int(_) | PyVal::Bool(_) | PyVal::Big(_)) => {
                    opt_int(Some(v))?.ok_or(PyErr::TypeError)?
                }
                _ => return Err(PyErr::TypeError),
            };
            if n == 0 {
                return Err(PyErr::ValueError);
            }
            let mut out = Vec::new();
            let mut i = 0i64;
            while n > 0 && i < len {
                out.push(slice(xs, Some(i), Some(i.saturating_add(n)), None)?);
                i = i.saturating_add(n);
            }
            Ok(PyVal::list(out))
        }
        Unique => {
            let mut out: Vec<PyVal> = Vec::new();
            for x in elements(arg(0)?)? {
                if !hashable(&x) {
                    return Err(PyErr::TypeError);
                }
                if !out.iter().any(|y| py_eq(y, &x)) {
                    out.push(x);
                }
            }
            Ok(PyVal::list(out))
        }
        // Pairs folded per key, keys in first-seen order.
        SumByKey | DictPairs | MaxByKey | MinByKey | ListByKey => {
            let mut out: Vec<(PyVal, PyVal)> = Vec::new();
            for pair in elements(arg(0)?)? {
                let (k, v) = match &pair {
                    PyVal::Tuple(kv) if kv.len() == 2 => (&kv[0], &kv[1]),
                    _ => return Err(PyErr::TypeError),
                };
                if !hashable(k) {
                    return Err(PyErr::TypeError);
                }
                match out.iter_mut().find(|(key, _)| py_eq(key, k)) {
                    Some(slot) => match op {
                        SumByKey => slot.1 = add(&slot.1, v)?,
                        // A later pair replaces the value (the first key object stays).
                        DictPairs => slot.1 = v.clone(),
                        // `max(best.get(k, v), v)`: a later value replaces a smaller one.
                        MaxByKey => {
                            if py_lt(&slot.1, v)? {
                                slot.1 = v.clone();
                            }
                        }
                        MinByKey => {
                            if py_lt(v, &slot.1)? {
                                slot.1 = v.clone();
                            }
                        }
                        _ => {
                            if let PyVal::List(members) = &slot.1 {
                                let mut members = (**members).clone();
                                members.push(v.clone());
                                slot.1 = PyVal::list(members);
                            }
                        }
                    },
                    None => out.push((
                        k.clone(),
                        match op {
                            SumByKey => add(&PyVal::Int(0), v)?,
                            ListByKey => PyVal::list(vec![v.clone()]),
                            _ => v.clone(),
                        },
                    )),
                }
            }
            Ok(PyVal::Dict(Rc::new(out)))
        }
        DictInvert => match arg(0)? {
            PyVal::Dict(d) => {
                let mut out = Vec::new();
                for (k, v) in d.iter() {
                    if !hashable(v) {
                        return Err(PyErr::TypeError);
                    }
                    dict_set(&mut out, v.clone(), k.clone());
                }
                Ok(PyVal::Dict(Rc::new(out)))
            }
            _ => Err(PyErr::TypeError),
        },
        DictMerge => match (arg(0)?, arg(1)?) {
            (PyVal::Dict(a), PyVal::Dict(b)) => {
                let mut out = a.to_vec();
                for (k, v) in b.iter() {
                    dict_set(&mut out, k.clone(), v.clone());
                }
                Ok(PyVal::Dict(Rc::new(out)))
            }
            _ => Err(PyErr::TypeError),
        },
        Pad2 => match arg(0)? {
            v @ (PyVal::Int(_) | PyVal::Big(_) | PyVal::Bool(_)) => {
                let s = PyVal::from_big(v.to_big().ok_or(PyErr::TypeError)?).to_str();
                // A sign counts toward the width: `-5` is already two wide.
                Ok(PyVal::str(&if s.len() < 2 { format!("0{s}") } else { s }))
            }
            _ => Err(PyErr::TypeError),
        },
        BitAnd | BitOr | BitXor | LShift | RShift => bitwise(op, arg(0)?, arg(1)?),
        IsLeap => match arg(0)? {
            PyVal::Int(y) => Ok(PyVal::Bool(is_leap(*y))),
            // Big years and bools: not claimed.
            PyVal::Big(_) | PyVal::Bool(_) => Err(PyErr::TooBig),
            _ => Err(PyErr::TypeError),
        },
        MonthDays => match (arg(0)?, arg(1)?) {
            (PyVal::Int(y), PyVal::Int(m)) if (1..=12).contains(m) => {
                let days = [
                    31,
                    if is_leap(*y) { 29 } else { 28 },
                    31,
                    30,
                    31,
                    30,
                    31,
                    31,
                    30,
                    31,
                    30,
                    31,
                ];
                Ok(PyVal::Int(days[(*m - 1) as usize]))
            }
            // `IllegalMonthError`, big ints and bools: not claimed.
            (
                PyVal::Int(_) | PyVal::Big(_) | PyVal::Bool(_),
                PyVal::Int(_) | PyVal::Big(_) | PyVal::Bool(_),
            ) => Err(PyErr::TooBig),
            _ => Err(PyErr::TypeError),
        },
        // CPython multiplies by the rounded constants `pi / 180` and `180 / pi`.
        Radians | Degrees => match arg(0)? {
            PyVal::Int(_) | PyVal::Float(_) => {
                let x = arg(0)?.as_f64()?;
                let k = if op == Radians {
                    std::f64::consts::PI / 180.0
                } else {
                    180.0 / std::f64::consts::PI
                };
                Ok(PyVal::Float(x * k))
            }
            PyVal::Big(_) | PyVal::Bool(_) => Err(PyErr::TooBig),
            _ => Err(PyErr::TypeError),
        },
        // `(date.fromisoformat(b) - date.fromisoformat(a)).days`: `b` is read first.
        DaysBetween => {
            let b = dates::from_iso(str_arg(arg(1)?)?)?;
            let a = dates::from_iso(str_arg(arg(0)?)?)?;
            Ok(PyVal::Int(b - a))
        }
        // The date is read before the days are converted (`timedelta` may overflow).
        AddDays => {
            let n = dates::from_iso(str_arg(arg(0)?)?)?;
            let days = match arg(1)? {
                PyVal::Int(i) => *i,
                PyVal::Bool(b) => i64::from(*b),
                PyVal::Big(_) => return Err(PyErr::OverflowError),
                _ => return Err(PyErr::TypeError),
            };
            Ok(PyVal::str(&dates::add_days(n, days)?))
        }
        Weekday => Ok(PyVal::Int(dates::weekday(dates::from_iso(str_arg(arg(
            0,
        )?)?)?))),
        DayOfYear => Ok(PyVal::Int(dates::day_of_year(dates::from_iso(str_arg(
            arg(0)?,
        )?)?))),
        DateFormat => {
            let n = dates::from_iso(str_arg(arg(0)?)?)?;
            Ok(PyVal::str(&dates::strftime(n, str_arg(arg(1)?)?)?))
        }
        ClockMinutes | ClockSeconds => {
            // As `int(t.split(':')[0]) * 60 + int(t.split(':')[1])` evaluates: each field
            // read (or missing) in turn.
            let s = str_arg(arg(0)?)?;
            let parts: Vec<&str> = s.split(':').collect();
            let n: u32 = if op == ClockMinutes { 2 } else { 3 };
            let mut total = PyVal::Int(0);
            for i in 0..n {
                let part = parts.get(i as usize).ok_or(PyErr::IndexError)?;
                let v = parse_py_int(part)?;
                let scaled = mul(&v, &PyVal::Int(60_i64.pow(n - 1 - i)))?;
                total = add(&total, &scaled)?;
            }
            Ok(total)
        }
        Median => {
            let xs = elements(arg(0)?)?;
            if xs.is_empty() || xs.iter().any(|x| matches!(x, PyVal::Bool(_))) {
                // `StatisticsError`, and bools: not claimed.
                return Err(PyErr::TooBig);
            }
            let mut idx: Vec<usize> = (0..xs.len()).collect();
            sort_indices(&mut idx, &xs, false)?;
            let n = idx.len();
            if n % 2 == 1 {
                Ok(xs[idx[n / 2]].clone())
            } else {
                true_div(&add(&xs[idx[n / 2 - 1]], &xs[idx[n / 2]])?, &PyVal::Int(2))
            }
        }
        Lcm => {
            let (x, y) = big2(arg(0)?, arg(1)?)?;
            check_big(x.lcm(&y))
        }
        Hypot => {
            let (x, y) = big2(arg(0)?, arg(1)?)?;
            let sum = &x * &x + &y * &y;
            // Below 2**53 the sum is exact as a float and its square root correctly rounded, as
            // CPython's result is; above, the interpreter does not claim to know the last bit.
            if sum.bits() > 53 {
                return Err(PyErr::TooBig);
            }
            let f = sum.to_f64().ok_or(PyErr::TooBig)?;
            Ok(PyVal::Float(f.sqrt()))
        }
        Between => {
            let (x, y, z) = (arg(0)?, arg(1)?, arg(2)?);
            let le =
                |a: &PyVal, b: &PyVal| -> Result<bool, PyErr> { Ok(py_lt(a, b)? || le_eq(a, b)) };
            Ok(PyVal::Bool(le(x, y)? && le(y, z)?))
        }
        Divmod => {
            let (x, y) = (arg(0)?, arg(1)?);
            Ok(PyVal::tuple(vec![floor_div(x, y)?, modulo(x, y)?]))
        }
        SetAnd | SetOr => match (arg(0)?, arg(1)?) {
            (PyVal::Set(x), PyVal::Set(y)) => {
                if op == SetAnd {
                    Ok(PyVal::Set(Rc::new(
                        x.iter()
                            .filter(|e| y.iter().any(|f| py_eq(e, f)))
                            .cloned()
                            .collect(),
                    )))
                } else {
                    PyVal::set(x.iter().chain(y.iter()).cloned().collect())
                }
            }
            _ => Err(PyErr::TypeError),
        },
        SetSub => sub(arg(0)?, arg(1)?),
        FindallDigits => findall(0, str_arg(arg(0)?)?),
        FindallWords => findall(1, str_arg(arg(0)?)?),
        FindallUpperWords => findall(2, str_arg(arg(0)?)?),
        // `re.sub(r'[^0-9.-]', '', s)`: the characters of a written number.
        ReSubNonNumeric => Ok(PyVal::str(
            &str_arg(arg(0)?)?
                .chars()
                .filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
                .collect::<String>(),
        )),
        ReSubNonAlnum => {
            let re = regexes()
                .get(3)
                .and_then(Option::as_ref)
                .ok_or(PyErr::TooBig)?;
            Ok(PyVal::str(&re.replace_all(str_arg(arg(0)?)?, "")))
        }
        ReFullmatch => {
            let re = py_regex(str_arg(arg(1)?)?, true)?;
            Ok(PyVal::Bool(re.is_match(str_arg(arg(0)?)?)))
        }
        ReFindall => {
            let re = py_regex(str_arg(arg(1)?)?, false)?;
            let s = str_arg(arg(0)?)?;
            // With a group, each match's group (`''` where it took no part), as CPython.
            Ok(PyVal::list(if re.captures_len() == 2 {
                re.captures_iter(s)
                    .map(|c| PyVal::str(c.get(1).map_or("", |m| m.as_str())))
                    .collect()
            } else {
                re.find_iter(s).map(|m| PyVal::str(m.as_str())).collect()
            }))
        }
        Splitext => {
            let (root, ext) = splitext(str_arg(arg(0)?)?);
            Ok(PyVal::tuple(vec![PyVal::str(root), PyVal::str(ext)]))
        }
        Dirname => Ok(PyVal::str(dirname(str_arg(arg(0)?)?))),
        Basename => {
            let p = str_arg(arg(0)?)?;
            Ok(PyVal::str(&p[p.rfind('/').map_or(0, |i| i + 1)..]))
        }
        Partition | RPartition => {
            let (s, sep) = (str_arg(arg(0)?)?, str_arg(arg(1)?)?);
            if sep.is_empty() {
                return Err(PyErr::ValueError);
            }
            let found = if op == Partition {
                s.split_once(sep)
            } else {
                s.rsplit_once(sep)
            };
            Ok(PyVal::tuple(match found {
                Some((a, b)) => vec![PyVal::str(a), PyVal::str(sep), PyVal::str(b)],
                None if op == Partition => vec![PyVal::str(s), PyVal::str(""), PyVal::str("")],
                None => vec![PyVal::str(""), PyVal::str(""), PyVal::str(s)],
            }))
        }
    }
}

/// `posixpath.splitext`: the last dot after the last slash starts the extension, unless
/// only dots precede it in the name (`.bashrc` has none).
fn splitext(p: &str) -> (&str, &str) {
    let sep = p.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = p.rfind('.').filter(|&d| d >= sep) {
        if p[sep..dot].bytes().any(|b| b != b'.') {
            return (&p[..dot], &p[dot..]);
        }
    }
    (p, "")
}

/// `posixpath.dirname`: everything before the last slash, trailing slashes removed unless
/// it is all slashes.
fn dirname(p: &str) -> &str {
    let head = &p[..p.rfind('/').map_or(0, |i| i + 1)];
    if head.bytes().all(|b| b == b'/') {
        head
    } else {
        head.trim_end_matches('/')
    }
}

/// `x == y` for the `<=` / `>=` operators (numbers and sequences; NaN is never equal).
fn le_eq(x: &PyVal, y: &PyVal) -> bool {
    py_eq(x, y)
}

/// Whether an `except` clause naming `class` (`ValueError`, or a tuple written
/// `(TypeError, ValueError)`) catches `e`.
pub(crate) fn catches(class: &str, e: PyErr) -> bool {
    class
        .trim_start_matches('(')
        .trim_end_matches(')')
        .split(", ")
        .any(|c| c == e.name())
}
