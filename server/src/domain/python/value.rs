//! Runtime values of the python program space: Python's everyday values with exact semantics
//! (arbitrary-size ints, CPython float arithmetic and `repr`, full-Unicode `str`).

use crate::value::{str_repr, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use std::rc::Rc;

/// A Python value. Sets are kept sorted and deduplicated (their iteration order is never
/// observable: the space only sorts, measures or tests membership of a set).
#[derive(Clone, Debug)]
pub(crate) enum PyVal {
    None,
    Bool(bool),
    Int(i64),
    /// An int outside the 64-bit range (never holds a value that fits in `i64`).
    Big(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    List(Rc<Vec<PyVal>>),
    Tuple(Rc<Vec<PyVal>>),
    Set(Rc<Vec<PyVal>>),
    Dict(Rc<Vec<(PyVal, PyVal)>>),
}

/// A Python exception raised while evaluating: a value the search sees, not a crash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PyErr {
    TypeError,
    ValueError,
    IndexError,
    KeyError,
    ZeroDivisionError,
    OverflowError,
    /// Work beyond the interpreter's limits (a huge power or repetition) or a value it does
    /// not represent (a set of unlike kinds): not evaluated.
    TooBig,
}

impl PyErr {
    /// The Python exception class name (`TooBig` has none).
    pub(crate) fn name(self) -> &'static str {
        match self {
            PyErr::TypeError => "TypeError",
            PyErr::ValueError => "ValueError",
            PyErr::IndexError => "IndexError",
            PyErr::KeyError => "KeyError",
            PyErr::ZeroDivisionError => "ZeroDivisionError",
            PyErr::OverflowError => "OverflowError",
            PyErr::TooBig => "TooBig",
        }
    }
}

pub(crate) type PyResult = Result<PyVal, PyErr>;

/// A stable merge sort with a comparison that may fail (`less(a, b)`: whether `a` sorts
/// before `b`); the first failure is returned. Never panics, whatever the comparison does.
pub(crate) fn try_sort_by<T: Clone>(
    v: Vec<T>,
    mut less: impl FnMut(&T, &T) -> Result<bool, PyErr>,
) -> Result<Vec<T>, PyErr> {
    fn go<T: Clone>(
        v: &[T],
        less: &mut dyn FnMut(&T, &T) -> Result<bool, PyErr>,
    ) -> Result<Vec<T>, PyErr> {
        if v.len() <= 1 {
            return Ok(v.to_vec());
        }
        let (l, r) = v.split_at(v.len() / 2);
        let (l, r) = (go(l, less)?, go(r, less)?);
        let mut out = Vec::with_capacity(v.len());
        let (mut i, mut j) = (0, 0);
        while i < l.len() && j < r.len() {
            // The right one first only when strictly smaller: stable.
            if less(&r[j], &l[i])? {
                out.push(r[j].clone());
                j += 1;
            } else {
                out.push(l[i].clone());
                i += 1;
            }
        }
        out.extend_from_slice(&l[i..]);
        out.extend_from_slice(&r[j..]);
        Ok(out)
    }
    go(&v, &mut less)
}

impl PyVal {
    pub(crate) fn str(s: &str) -> PyVal {
        PyVal::Str(Rc::from(s))
    }

    pub(crate) fn list(v: Vec<PyVal>) -> PyVal {
        PyVal::List(Rc::new(v))
    }

    pub(crate) fn tuple(v: Vec<PyVal>) -> PyVal {
        PyVal::Tuple(Rc::new(v))
    }

    /// A set from items in any order (sorted, deduplicated by Python equality).
    pub(crate) fn set(v: Vec<PyVal>) -> Result<PyVal, PyErr> {
        if !v.iter().all(super::interp::hashable) {
            return Err(PyErr::TypeError);
        }
        // Unlike kinds (`{1, 'a'}`, `{None, 0}`) have no canonical order here: not evaluated
        // (CPython builds such sets; the search never sees them).
        let mut v = try_sort_by(v, |a, b| Ok(py_cmp(a, b)? == Ordering::Less))
            .map_err(|_| PyErr::TooBig)?;
        v.dedup_by(|a, b| py_eq(a, b));
        Ok(PyVal::Set(Rc::new(v)))
    }

    /// An int from a big integer, normalized to `Int` when it fits.
    pub(crate) fn from_big(b: BigInt) -> PyVal {
        match b.to_i64() {
            Some(i) => PyVal::Int(i),
            None => PyVal::Big(Rc::new(b)),
        }
    }

    pub(crate) fn to_big(&self) -> Option<BigInt> {
        match self {
            PyVal::Int(i) => Some(BigInt::from(*i)),
            PyVal::Big(b) => Some((**b).clone()),
            PyVal::Bool(b) => Some(BigInt::from(*b as i64)),
            _ => None,
        }
    }

    pub(crate) fn truthy(&self) -> bool {
        match self {
            PyVal::None => false,
            PyVal::Bool(b) => *b,
            PyVal::Int(i) => *i != 0,
            PyVal::Big(_) => true,
            PyVal::Float(f) => *f != 0.0,
            PyVal::Str(s) => !s.is_empty(),
            PyVal::List(v) | PyVal::Tuple(v) | PyVal::Set(v) => !v.is_empty(),
            PyVal::Dict(d) => !d.is_empty(),
        }
    }

    /// Converts an example value.
    pub(crate) fn from_value(v: &Value) -> PyVal {
        match v {
            Value::None => PyVal::None,
            Value::Bool(b) => PyVal::Bool(*b),
            Value::Int(i) => PyVal::Int(*i),
            Value::Float(f) => PyVal::Float(*f),
            Value::Str(s) => PyVal::str(s),
            Value::List(items) => PyVal::list(items.iter().map(PyVal::from_value).collect()),
            Value::Tuple(items) => PyVal::tuple(items.iter().map(PyVal::from_value).collect()),
            // Elements of unlike kinds have no order here: kept as given.
            Value::Set(items) => {
                let items: Vec<PyVal> = items.iter().map(PyVal::from_value).collect();
                PyVal::set(items.clone()).unwrap_or_else(|_| PyVal::Set(Rc::new(items)))
            }
            Value::Dict(pairs) => PyVal::Dict(Rc::new(
                pairs
                    .iter()
                    .map(|(k, v)| (PyVal::from_value(k), PyVal::from_value(v)))
                    .collect(),
            )),
        }
    }

    /// Back to an example value; `None` for what examples cannot state (ints beyond 64 bits).
    pub(crate) fn to_value(&self) -> Option<Value> {
        Some(match self {
            PyVal::None => Value::None,
            PyVal::Bool(b) => Value::Bool(*b),
            PyVal::Int(i) => Value::Int(*i),
            PyVal::Big(_) => return None,
            PyVal::Set(v) => Value::set_of(v.iter().map(|x| x.to_value()).collect::<Option<_>>()?),
            PyVal::Float(f) => Value::Float(*f),
            PyVal::Str(s) => Value::Str(s.to_string()),
            PyVal::List(v) => Value::List(v.iter().map(|x| x.to_value()).collect::<Option<_>>()?),
            PyVal::Tuple(v) => Value::Tuple(v.iter().map(|x| x.to_value()).collect::<Option<_>>()?),
            PyVal::Dict(d) => Value::Dict(
                d.iter()
                    .map(|(k, v)| Some((k.to_value()?, v.to_value()?)))
                    .collect::<Option<_>>()?,
            ),
        })
    }

    /// Python's `repr` (sets printed sorted, as `sorted` would list them).
    pub(crate) fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            PyVal::None => out.push_str("None"),
            PyVal::Bool(true) => out.push_str("True"),
            PyVal::Bool(false) => out.push_str("False"),
            PyVal::Int(i) => out.push_str(&i.to_string()),
            PyVal::Big(b) => out.push_str(&b.to_string()),
            PyVal::Float(f) => out.push_str(&float_repr(*f)),
            PyVal::Str(s) => out.push_str(&str_repr(s)),
            PyVal::List(v) => {
                out.push('[');
                join_repr(v, out);
                out.push(']');
            }
            PyVal::Tuple(v) => {
                out.push('(');
                join_repr(v, out);
                if v.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            PyVal::Set(v) => {
                if v.is_empty() {
                    out.push_str("set()");
                } else {
                    out.push('{');
                    join_repr(v, out);
                    out.push('}');
                }
            }
            PyVal::Dict(d) => {
                out.push('{');
                for (i, (k, v)) in d.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.write_repr(out);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
        }
    }

    /// Python's `str()`.
    pub(crate) fn to_str(&self) -> String {
        match self {
            PyVal::Str(s) => s.to_string(),
            other => other.repr(),
        }
    }

    /// A number as f64 (ints convert as CPython's `float(int)`, raising OverflowError).
    pub(crate) fn as_f64(&self) -> Result<f64, PyErr> {
        match self {
            PyVal::Bool(b) => Ok(*b as i64 as f64),
            PyVal::Int(i) => Ok(*i as f64),
            PyVal::Big(b) => big_to_f64(b),
            PyVal::Float(f) => Ok(*f),
            _ => Err(PyErr::TypeError),
        }
    }

    /// Rough size, to bound work and memory.
    pub(crate) fn weight(&self) -> usize {
        match self {
            PyVal::Str(s) => s.len(),
            PyVal::Big(b) => (b.bits() / 64) as usize,
            PyVal::List(v) | PyVal::Tuple(v) | PyVal::Set(v) => {
                v.len() + v.iter().map(PyVal::weight).sum::<usize>()
            }
            PyVal::Dict(d) => {
                d.len()
                    + d.iter()
                        .map(|(k, v)| k.weight() + v.weight())
                        .sum::<usize>()
            }
            _ => 1,
        }
    }
}

/// CPython's float `repr`: the shortest digits that round-trip; when that takes 17 digits, the
/// correctly rounded 17 digits (ties to even, as dtoa; Rust's shortest formatting may round a
/// tie up).
pub(crate) fn float_repr(f: f64) -> String {
    crate::value::float_repr(f)
}

fn join_repr(v: &[PyVal], out: &mut String) {
    for (i, x) in v.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        x.write_repr(out);
    }
}

/// CPython's `float(int)`: correctly rounded, OverflowError beyond the float range.
pub(crate) fn big_to_f64(b: &BigInt) -> Result<f64, PyErr> {
    // num-bigint's to_f64 rounds to nearest-even like CPython's _PyLong_Frexp path.
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::OverflowError),
    }
}

/// Python `==` (numbers compare across int/float/bool; containers element-wise).
pub(crate) fn py_eq(a: &PyVal, b: &PyVal) -> bool {
    use PyVal::*;
    match (a, b) {
        (None, None) => true,
        (Str(x), Str(y)) => x == y,
        (List(x), List(y)) | (Tuple(x), Tuple(y)) | (Set(x), Set(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        (Dict(x), Dict(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.iter()
                        .find(|(k2, _)| py_eq(k, k2))
                        .is_some_and(|(_, v2)| py_eq(v, v2))
                })
        }
        _ => match (is_number(a), is_number(b)) {
            (true, true) => num_cmp(a, b) == Some(Ordering::Equal),
            _ => false,
        },
    }
}

fn is_number(v: &PyVal) -> bool {
    matches!(
        v,
        PyVal::Bool(_) | PyVal::Int(_) | PyVal::Big(_) | PyVal::Float(_)
    )
}

/// Exact comparison of two numbers (`None` when a NaN is involved).
fn num_cmp(a: &PyVal, b: &PyVal) -> Option<Ordering> {
    use PyVal::*;
    let ai = |v: &PyVal| match v {
        Bool(x) => Some(*x as i64),
        Int(x) => Some(*x),
        _ => Option::None,
    };
    match (a, b) {
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Float(x), other) => int_float_cmp(other, *x).map(Ordering::reverse),
        (other, Float(y)) => int_float_cmp(other, *y),
        _ => match (ai(a), ai(b)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => Some(a.to_big()?.cmp(&b.to_big()?)),
        },
    }
}

/// Compares an int with a float exactly, as CPython does.
fn int_float_cmp(i: &PyVal, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let big = i.to_big()?;
    let fl = f.floor();
    // Exact: compare big with floor(f); if equal, the fractional part decides.
    let floor_big = float_floor_to_big(fl)?;
    match big.cmp(&floor_big) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

/// An integral finite float as a big integer.
pub(crate) fn float_floor_to_big(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    if f.abs() < 9.0e15 {
        return Some(BigInt::from(f as i64));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut m = BigInt::from(mant);
    if exp >= 0 {
        m <<= exp as usize;
    } else {
        m >>= (-exp) as usize;
    }
    Some(if f < 0.0 { -m } else { m })
}

/// Python `<` ordering: numbers, strings, and lists/tuples lexicographically; TypeError across
/// kinds; NaN compares as unordered (treated as equal, which `sorted` tolerates).
pub(crate) fn py_cmp(a: &PyVal, b: &PyVal) -> Result<Ordering, PyErr> {
    use PyVal::*;
    match (a, b) {
        (Str(x), Str(y)) => Ok(x.cmp(y)),
        (List(x), List(y)) | (Tuple(x), Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                if !py_eq(p, q) {
                    return py_cmp(p, q);
                }
            }
            Ok(x.len().cmp(&y.len()))
        }
        _ if is_number(a) && is_number(b) => Ok(num_cmp(a, b).unwrap_or(Ordering::Equal)),
        _ => Err(PyErr::TypeError),
    }
}

/// `a < b` exactly as Python (NaN makes every comparison false).
pub(crate) fn py_lt(a: &PyVal, b: &PyVal) -> Result<bool, PyErr> {
    if is_number(a) && is_number(b) {
        return Ok(num_cmp(a, b) == Some(Ordering::Less));
    }
    if let (PyVal::List(x), PyVal::List(y)) | (PyVal::Tuple(x), PyVal::Tuple(y)) = (a, b) {
        for (p, q) in x.iter().zip(y.iter()) {
            if !py_eq(p, q) {
                return py_lt(p, q);
            }
        }
        return Ok(x.len() < y.len());
    }
    Ok(py_cmp(a, b)? == Ordering::Less)
}

pub(crate) fn exact_eq(a: &PyVal, b: &PyVal) -> bool {
    use PyVal::*;
    match (a, b) {
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Big(x), Big(y)) => x == y,
        (Float(x), Float(y)) => x.to_bits() == y.to_bits(),
        (Str(x), Str(y)) => x == y,
        (List(x), List(y)) | (Tuple(x), Tuple(y)) | (Set(x), Set(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| exact_eq(p, q))
        }
        (Dict(x), Dict(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((k, v), (k2, v2))| exact_eq(k, k2) && exact_eq(v, v2))
        }
        _ => false,
    }
}

pub(crate) fn exact_hash<H: Hasher>(v: &PyVal, state: &mut H) {
    use PyVal::*;
    std::mem::discriminant(v).hash(state);
    match v {
        None => {}
        Bool(b) => b.hash(state),
        Int(i) => i.hash(state),
        Big(b) => b.hash(state),
        Float(f) => f.to_bits().hash(state),
        Str(s) => s.hash(state),
        List(x) | Tuple(x) | Set(x) => {
            x.len().hash(state);
            for e in x.iter() {
                exact_hash(e, state);
            }
        }
        Dict(d) => {
            d.len().hash(state);
            for (k, e) in d.iter() {
                exact_hash(k, state);
                exact_hash(e, state);
            }
        }
    }
}
