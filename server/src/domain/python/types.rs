//! Types of the python program space: from annotations when present, else inferred from the
//! example values.

use super::value::PyVal;
use std::fmt;

/// A Python type as the search sees it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Ty {
    Bool,
    Int,
    Float,
    Str,
    NoneT,
    List(Box<Ty>),
    Tuple(Vec<Ty>),
    /// A homogeneous tuple of any length (`tuple[int, ...]`).
    TupleN(Box<Ty>),
    Set(Box<Ty>),
    Dict(Box<Ty>, Box<Ty>),
    /// `X | None`.
    Optional(Box<Ty>),
    /// Unknown (an empty container's element, an unparsed annotation).
    Any,
    /// A type variable `T`: values whose type differs between examples (`flatten` of lists of
    /// ints and of lists of strs). Programs treat them as opaque: equality, `is None`,
    /// membership and structural list operations; each example evaluates with its own values.
    Var,
    /// A format spec (`',.2f'`): a constant only `format` takes, never a string value.
    Spec,
    /// A regular expression (a `str` value): only the `re` operations take one, so the
    /// patterns learned from the examples never turn up as ordinary string constants.
    Pattern,
    /// A `strftime` format (`'%B %Y'`) learned from the examples: only `DateFormat` takes one.
    DateFmt,
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Bool => write!(f, "bool"),
            Ty::Int => write!(f, "int"),
            Ty::Float => write!(f, "float"),
            Ty::Str => write!(f, "str"),
            Ty::NoneT => write!(f, "None"),
            Ty::List(t) => write!(f, "list[{t}]"),
            Ty::Tuple(ts) => {
                write!(f, "tuple[")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{t}")?;
                }
                write!(f, "]")
            }
            Ty::TupleN(t) => write!(f, "tuple[{t}, ...]"),
            Ty::Set(t) => write!(f, "set[{t}]"),
            Ty::Dict(k, v) => write!(f, "dict[{k}, {v}]"),
            Ty::Optional(t) => write!(f, "{t} | None"),
            Ty::Any => write!(f, "Any"),
            Ty::Var => write!(f, "T"),
            Ty::Spec => write!(f, "spec"),
            Ty::Pattern => write!(f, "re.Pattern"),
            Ty::DateFmt => write!(f, "date format"),
        }
    }
}

impl Ty {
    pub(crate) fn list(t: Ty) -> Ty {
        Ty::List(Box::new(t))
    }

    /// Element type when iterating (`str` yields `str`).
    pub(crate) fn elem(&self) -> Option<Ty> {
        match self {
            Ty::List(t) | Ty::Set(t) | Ty::TupleN(t) => Some((**t).clone()),
            Ty::Str => Some(Ty::Str),
            Ty::Dict(k, _) => Some((**k).clone()),
            Ty::Tuple(ts) if !ts.is_empty() && ts.iter().all(|t| t == &ts[0]) => {
                Some(ts[0].clone())
            }
            _ => None,
        }
    }

    /// Whether values of this type are totally ordered by `<` (sortable). A type variable's
    /// values are checked when compared, as for `hashable`: `[3, 1]` and `['b', 'a']` both sort,
    /// a list mixing the two raises `TypeError` as in CPython.
    pub(crate) fn orderable(&self) -> bool {
        match self {
            Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Var => true,
            Ty::List(t) | Ty::TupleN(t) => t.orderable(),
            Ty::Tuple(ts) => ts.iter().all(Ty::orderable),
            _ => false,
        }
    }

    /// Whether values of this type can be set members or dict keys (a type variable's values
    /// are checked when evaluated: an unhashable one raises `TypeError` as in CPython).
    pub(crate) fn hashable(&self) -> bool {
        match self {
            Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::NoneT | Ty::Var => true,
            Ty::Tuple(ts) => ts.iter().all(Ty::hashable),
            Ty::TupleN(t) => t.hashable(),
            _ => false,
        }
    }

    /// Whether the type mentions `Any` (not fully known).
    pub(crate) fn has_any(&self) -> bool {
        match self {
            Ty::Any => true,
            Ty::List(t) | Ty::Set(t) | Ty::Optional(t) | Ty::TupleN(t) => t.has_any(),
            Ty::Dict(k, v) => k.has_any() || v.has_any(),
            Ty::Tuple(ts) => ts.iter().any(Ty::has_any),
            _ => false,
        }
    }

    /// Nesting depth (bounds the types the search builds).
    pub(crate) fn depth(&self) -> usize {
        match self {
            Ty::List(t) | Ty::Set(t) | Ty::Optional(t) | Ty::TupleN(t) => 1 + t.depth(),
            Ty::Dict(k, v) => 1 + k.depth().max(v.depth()),
            Ty::Tuple(ts) => 1 + ts.iter().map(Ty::depth).max().unwrap_or(0),
            _ => 0,
        }
    }
}

/// The most specific type covering both (`int` and `float` join to `float`).
pub(crate) fn join(a: &Ty, b: &Ty) -> Option<Ty> {
    use Ty::*;
    Some(match (a, b) {
        _ if a == b => a.clone(),
        (Any, t) | (t, Any) => t.clone(),
        (Int, Float) | (Float, Int) => Float,
        (Bool, Int) | (Int, Bool) => Int,
        (NoneT, Optional(t)) | (Optional(t), NoneT) => Optional(t.clone()),
        (NoneT, t) | (t, NoneT) => Optional(Box::new(t.clone())),
        (Optional(x), y) | (y, Optional(x)) => Optional(Box::new(join(x, y)?)),
        (List(x), List(y)) => Ty::list(join(x, y)?),
        (Set(x), Set(y)) => Set(Box::new(join(x, y)?)),
        // A record's values differ in type (`{'name': 'Ann', 'age': 31}`): `Any`, which stays
        // `Any` beside a dict whose values agree (`{'a': 1}`).
        (Dict(k1, _), Dict(k2, _)) => Dict(
            Box::new(join(k1, k2)?),
            Box::new(dict_values(a, b).unwrap_or(Any)),
        ),
        (TupleN(x), TupleN(y)) => TupleN(Box::new(join(x, y)?)),
        (TupleN(x), Tuple(ys)) | (Tuple(ys), TupleN(x)) => {
            let mut t = (**x).clone();
            for y in ys {
                t = join(&t, y)?;
            }
            TupleN(Box::new(t))
        }
        (Tuple(x), Tuple(y)) if x.len() != y.len() => {
            let mut t = Any;
            for z in x.iter().chain(y) {
                t = join(&t, z)?;
            }
            TupleN(Box::new(t))
        }
        (Tuple(x), Tuple(y)) if x.len() == y.len() => Tuple(
            x.iter()
                .zip(y)
                .map(|(p, q)| join(p, q))
                .collect::<Option<_>>()?,
        ),
        _ => return None,
    })
}

/// Whether a dict type is a record's: keys known, values of several types (`Any`). An empty
/// dict's keys are unknown too; a non-empty one's values are `Any` only where they differ.
fn is_record(t: &Ty) -> bool {
    matches!(t, Ty::Dict(k, v) if **k != Ty::Any && **v == Ty::Any)
}

/// The value type of two joined dict types: `None` where they differ or either is a record's.
fn dict_values(a: &Ty, b: &Ty) -> Option<Ty> {
    let (Ty::Dict(_, v1), Ty::Dict(_, v2)) = (a, b) else {
        return None;
    };
    if is_record(a) || is_record(b) {
        return None;
    }
    join(v1, v2)
}

/// The most specific type covering both, with the type variable [`Ty::Var`] where the two
/// differ in kind (`list[int]` and `list[str]` give `list[T]`; `int` and `None` still give
/// `int | None`).
pub(crate) fn join_generic(a: &Ty, b: &Ty) -> Ty {
    use Ty::*;
    if let Some(t) = join(a, b) {
        return t;
    }
    let strip = |t: &Ty| match t {
        Optional(x) => (**x).clone(),
        t => t.clone(),
    };
    match (a, b) {
        (Optional(_), _) | (_, Optional(_)) => {
            Optional(Box::new(join_generic(&strip(a), &strip(b))))
        }
        (NoneT, t) | (t, NoneT) => Optional(Box::new(join_generic(t, &Var))),
        (List(x), List(y)) => Ty::list(join_generic(x, y)),
        (Set(x), Set(y)) => Set(Box::new(join_generic(x, y))),
        (TupleN(x), TupleN(y)) => TupleN(Box::new(join_generic(x, y))),
        (Dict(k1, _), Dict(k2, _)) => Dict(
            Box::new(join_generic(k1, k2)),
            Box::new(dict_values(a, b).unwrap_or(Any)),
        ),
        (Tuple(x), Tuple(y)) if x.len() == y.len() => {
            Tuple(x.iter().zip(y).map(|(p, q)| join_generic(p, q)).collect())
        }
        _ => Var,
    }
}

/// The type of one value with [`Ty::Var`] where its parts differ in kind (`[1, 'a']` is
/// `list[T]`).
fn type_of_generic(v: &PyVal) -> Ty {
    let all = |items: &mut dyn Iterator<Item = &PyVal>| {
        items.fold(Ty::Any, |t, x| join_generic(&t, &type_of_generic(x)))
    };
    match v {
        PyVal::List(items) => Ty::list(all(&mut items.iter())),
        PyVal::Set(items) => Ty::Set(Box::new(all(&mut items.iter()))),
        PyVal::Tuple(items) => match type_of(v) {
            Some(t) => t,
            None => Ty::Tuple(items.iter().map(type_of_generic).collect()),
        },
        PyVal::Dict(d) => Ty::Dict(
            Box::new(all(&mut d.iter().map(|(k, _)| k))),
            Box::new(join_all(d.iter().map(|(_, v)| v)).unwrap_or(Ty::Any)),
        ),
        v => type_of(v).unwrap_or(Ty::Var),
    }
}

/// The type of several values with [`Ty::Var`] where they differ in kind: the generic reading
/// of a parameter that [`type_of_all`] cannot type.
pub(crate) fn type_of_all_generic<'a>(vals: impl Iterator<Item = &'a PyVal>) -> Ty {
    vals.fold(Ty::Any, |t, v| join_generic(&t, &type_of_generic(v)))
}

/// The type of one value (`Any` for an empty container's elements).
pub(crate) fn type_of(v: &PyVal) -> Option<Ty> {
    Some(match v {
        PyVal::None => Ty::NoneT,
        PyVal::Bool(_) => Ty::Bool,
        PyVal::Int(_) | PyVal::Big(_) => Ty::Int,
        PyVal::Float(_) => Ty::Float,
        PyVal::Str(_) => Ty::Str,
        PyVal::List(items) => Ty::list(join_all(items.iter())?),
        PyVal::Set(items) => Ty::Set(Box::new(join_all(items.iter())?)),
        PyVal::Tuple(items) => {
            let ts: Vec<Ty> = items.iter().map(type_of).collect::<Option<_>>()?;
            // A homogeneous tuple of three or more reads as a sequence (`(3, 4, 5, 6)`).
            if ts.len() >= 3 && ts.iter().all(|t| *t == ts[0]) {
                Ty::TupleN(Box::new(ts[0].clone()))
            } else {
                Ty::Tuple(ts)
            }
        }
        PyVal::Dict(d) => Ty::Dict(
            Box::new(join_all(d.iter().map(|(k, _)| k))?),
            Box::new(join_all(d.iter().map(|(_, v)| v)).unwrap_or(Ty::Any)),
        ),
    })
}

fn join_all<'a>(vals: impl Iterator<Item = &'a PyVal>) -> Option<Ty> {
    let mut t = Ty::Any;
    for v in vals {
        t = join(&t, &type_of(v)?)?;
    }
    Some(t)
}

/// The type of several values (examples of one parameter); `None` when they do not join.
pub(crate) fn type_of_all<'a>(vals: impl Iterator<Item = &'a PyVal>) -> Option<Ty> {
    join_all(vals)
}

/// The type an annotation names; `None` for what the space does not know.
pub(crate) fn annotation_type(text: &str) -> Option<Ty> {
    let t = text.trim();
    let t = t.trim_matches(|c| c == '\'' || c == '"').trim();
    // `X | None` / `None | X`.
    if let Some(parts) = split_top(t, '|') {
        if parts.len() > 1 {
            // `object | None` is as unknown as `object` (the examples tell its type).
            let tys = parts
                .into_iter()
                .map(annotation_type)
                .collect::<Option<Vec<Ty>>>()?;
            if tys.contains(&Ty::Any) {
                return Some(Ty::Any);
            }
            let mut ty = Ty::Any;
            for t in &tys {
                ty = join(&ty, t)?;
            }
            return Some(ty);
        }
    }
    let (head, args) = match t.find('[') {
        Some(i) if t.ends_with(']') => (&t[..i], Some(&t[i + 1..t.len() - 1])),
        _ => (t, None),
    };
    let head = head
        .trim()
        .trim_start_matches("typing.")
        .trim_start_matches("collections.abc.")
        .trim_start_matches("t.");
    let arg_types = |s: &str| -> Option<Vec<Ty>> {
        split_top(s, ',')?
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .map(annotation_type)
            .collect()
    };
    Some(match (head, args) {
        ("int", None) => Ty::Int,
        ("float", None) => Ty::Float,
        ("str", None) => Ty::Str,
        ("bool", None) => Ty::Bool,
        ("None", None) | ("NoneType", None) => Ty::NoneT,
        ("list" | "List" | "Sequence" | "Iterable" | "MutableSequence", None) => Ty::list(Ty::Any),
        ("list" | "List" | "Sequence" | "Iterable" | "MutableSequence", Some(a)) => {
            Ty::list(annotation_type(a)?)
        }
        ("set" | "Set" | "frozenset" | "FrozenSet", None) => Ty::Set(Box::new(Ty::Any)),
        ("set" | "Set" | "frozenset" | "FrozenSet", Some(a)) => {
            Ty::Set(Box::new(annotation_type(a)?))
        }
        ("dict" | "Dict" | "Mapping", None) => Ty::Dict(Box::new(Ty::Any), Box::new(Ty::Any)),
        ("dict" | "Dict" | "Mapping", Some(a)) => {
            let ts = arg_types(a)?;
            match ts.as_slice() {
                [k, v] => Ty::Dict(Box::new(k.clone()), Box::new(v.clone())),
                _ => return None,
            }
        }
        ("Optional", Some(a)) => match annotation_type(a)? {
            Ty::Any => Ty::Any,
            t => join(&Ty::NoneT, &t)?,
        },
        ("tuple" | "Tuple", Some(a)) => {
            if let Some(elem) = a.strip_suffix("...") {
                let elem = elem.trim().trim_end_matches(',');
                Ty::TupleN(Box::new(annotation_type(elem)?))
            } else {
                Ty::Tuple(arg_types(a)?)
            }
        }
        ("Any" | "object", None) => Ty::Any,
        ("T", None) => Ty::Var,
        _ => return None,
    })
}

/// Splits at `sep` outside brackets.
fn split_top(s: &str, sep: char) -> Option<Vec<&str>> {
    let mut depth = 0i32;
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            _ if c == sep && depth == 0 => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    parts.push(&s[start..]);
    Some(parts)
}

/// Whether a value has this type (int fits float; bool fits int).
pub(crate) fn fits(v: &PyVal, t: &Ty) -> bool {
    match (t, v) {
        (Ty::Any | Ty::Var, _) => true,
        (Ty::Optional(_), PyVal::None) => true,
        (Ty::Optional(inner), v) => fits(v, inner),
        (Ty::Bool, PyVal::Bool(_)) => true,
        (Ty::Int, PyVal::Int(_) | PyVal::Big(_) | PyVal::Bool(_)) => true,
        (Ty::Float, PyVal::Float(_) | PyVal::Int(_) | PyVal::Bool(_)) => true,
        (Ty::Str | Ty::Spec | Ty::Pattern | Ty::DateFmt, PyVal::Str(_)) => true,
        (Ty::NoneT, PyVal::None) => true,
        (Ty::List(e), PyVal::List(items)) => items.iter().all(|x| fits(x, e)),
        // A homogeneous tuple annotated `tuple[int, ...]` reads as a list.
        (Ty::List(e), PyVal::Tuple(items)) => items.iter().all(|x| fits(x, e)),
        (Ty::Set(e), PyVal::Set(items)) => items.iter().all(|x| fits(x, e)),
        (Ty::TupleN(e), PyVal::Tuple(items)) => items.iter().all(|x| fits(x, e)),
        (Ty::Tuple(ts), PyVal::Tuple(items)) => {
            ts.len() == items.len() && items.iter().zip(ts).all(|(x, t)| fits(x, t))
        }
        (Ty::Dict(k, w), PyVal::Dict(d)) => d.iter().all(|(a, b)| fits(a, k) && fits(b, w)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations() {
        assert_eq!(annotation_type("int"), Some(Ty::Int));
        assert_eq!(annotation_type("list[int]"), Some(Ty::list(Ty::Int)));
        assert_eq!(annotation_type("typing.List[str]"), Some(Ty::list(Ty::Str)));
        assert_eq!(
            annotation_type("dict[str, int]"),
            Some(Ty::Dict(Box::new(Ty::Str), Box::new(Ty::Int)))
        );
        assert_eq!(
            annotation_type("Optional[int]"),
            Some(Ty::Optional(Box::new(Ty::Int)))
        );
        assert_eq!(
            annotation_type("int | None"),
            Some(Ty::Optional(Box::new(Ty::Int)))
        );
        assert_eq!(
            annotation_type("tuple[int, str]"),
            Some(Ty::Tuple(vec![Ty::Int, Ty::Str]))
        );
        assert_eq!(
            annotation_type("set[int]"),
            Some(Ty::Set(Box::new(Ty::Int)))
        );
        assert_eq!(annotation_type("Foo"), None);
        // An unknown type with `None` stays unknown (the examples tell it).
        assert_eq!(annotation_type("object | None"), Some(Ty::Any));
        assert_eq!(annotation_type("Optional[Any]"), Some(Ty::Any));
    }

    #[test]
    fn inference_joins() {
        let vals = [
            PyVal::list(vec![PyVal::Int(1)]),
            PyVal::list(vec![PyVal::Float(1.5)]),
            PyVal::list(vec![]),
        ];
        assert_eq!(type_of_all(vals.iter()), Some(Ty::list(Ty::Float)));
        let mixed = [PyVal::Int(1), PyVal::str("a")];
        assert_eq!(type_of_all(mixed.iter()), None);
    }

    #[test]
    fn a_record_stays_a_record_beside_a_dict_of_one_type() {
        let record = PyVal::Dict(std::rc::Rc::new(vec![
            (PyVal::str("id"), PyVal::Int(1)),
            (PyVal::str("name"), PyVal::str("x")),
        ]));
        let ints = PyVal::Dict(std::rc::Rc::new(vec![(PyVal::str("a"), PyVal::Int(1))]));
        let empty = PyVal::Dict(std::rc::Rc::new(vec![]));
        let record_ty = Ty::Dict(Box::new(Ty::Str), Box::new(Ty::Any));
        assert_eq!(
            type_of_all([&record, &ints].into_iter()),
            Some(record_ty.clone())
        );
        assert_eq!(type_of_all([&ints, &record].into_iter()), Some(record_ty));
        // An empty dict's `Any` is unknown, not mixed.
        assert_eq!(
            type_of_all([&empty, &ints].into_iter()),
            Some(Ty::Dict(Box::new(Ty::Str), Box::new(Ty::Int)))
        );
    }

    #[test]
    fn unlike_kinds_give_a_type_variable() {
        let mixed = [PyVal::Int(1), PyVal::str("a")];
        assert_eq!(type_of_all_generic(mixed.iter()), Ty::Var);
        let lists = [
            PyVal::list(vec![PyVal::Int(1), PyVal::None]),
            PyVal::list(vec![PyVal::str("a")]),
            PyVal::list(vec![]),
        ];
        assert_eq!(
            type_of_all_generic(lists.iter()),
            Ty::list(Ty::Optional(Box::new(Ty::Var)))
        );
        // The variable sits only where the kinds differ.
        let pairs = [
            PyVal::tuple(vec![PyVal::Int(1), PyVal::str("a")]),
            PyVal::tuple(vec![PyVal::Int(2), PyVal::Int(3)]),
        ];
        assert_eq!(
            type_of_all_generic(pairs.iter()),
            Ty::Tuple(vec![Ty::Int, Ty::Var])
        );
        // It prints and reads back as `T`.
        let t = Ty::list(Ty::Optional(Box::new(Ty::Var)));
        assert_eq!(annotation_type(&t.to_string()), Some(t));
        assert!(fits(&PyVal::list(vec![PyVal::None]), &Ty::list(Ty::Var)));
        // Sorted and compared, its values are checked when evaluated.
        assert!(Ty::Var.orderable());
    }
}
