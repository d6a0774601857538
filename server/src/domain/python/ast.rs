//! Programs of the python space: expressions over the parameters, lambda-bound variables and
//! constants, built from first-order operations and comprehension combinators.

use super::types::Ty;
use super::value::PyVal;
use std::rc::Rc;

/// A number's kind, as far as mixing kinds goes ([`Expr::unit_mixes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quantity {
    /// How many: a length or a count.
    Count,
    /// How much: an element of a parameter, or an aggregate of its elements.
    Element,
    /// Anything else (parameters themselves, constants, products).
    Other,
}

/// An expression.
#[derive(Clone, Debug)]
pub(crate) enum Expr {
    /// The i-th parameter.
    Param(usize),
    /// A variable bound by the enclosing comprehension (0: the element; 1: the second element
    /// of a `zip`).
    Var(usize),
    Const(PyVal),
    Call(Op, Vec<Rc<Expr>>),
    /// A comprehension: `kind` over `iter` with `body` (a lambda over `Var`s).
    Hof(Hof, Rc<Expr>, Rc<Expr>),
    /// `[body for x, y in zip(a, b)]`.
    ZipMap(Rc<Expr>, Rc<Expr>, Rc<Expr>),
    /// `list(accumulate(xs, lambda acc, x: body))`: `Var(0)` is the accumulator, `Var(1)` the
    /// element.
    Scan(Rc<Expr>, Rc<Expr>),
}

impl Expr {
    /// Number of nodes.
    pub(crate) fn size(&self) -> usize {
        match self {
            Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => 1,
            Expr::Call(_, args) => 1 + args.iter().map(|a| a.size()).sum::<usize>(),
            Expr::Hof(_, a, b) => 1 + a.size() + b.size(),
            Expr::ZipMap(a, b, c) => 1 + a.size() + b.size() + c.size(),
            Expr::Scan(a, b) => 1 + a.size() + b.size(),
        }
    }

    /// Roundings whose result is computed with further (`part * round(100 / whole, 1)`):
    /// programmers round last, so such a program fits the examples by accident more often
    /// than it is meant. The ranking charges each one.
    pub(crate) fn inner_roundings(&self) -> usize {
        use Op::*;
        let rounds = |e: &Expr| matches!(e, Expr::Call(Round1 | Round2, _));
        let here = match self {
            Expr::Call(Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | Neg, args) => {
                args.iter().filter(|a| rounds(a)).count()
            }
            _ => 0,
        };
        here + match self {
            Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => 0,
            Expr::Call(_, args) => args.iter().map(|a| a.inner_roundings()).sum(),
            Expr::Hof(_, a, b) | Expr::Scan(a, b) => a.inner_roundings() + b.inner_roundings(),
            Expr::ZipMap(a, b, c) => {
                a.inner_roundings() + b.inner_roundings() + c.inner_roundings()
            }
        }
    }

    /// Places that combine a count with an element's value: `max(min(nums), len(set(nums)))`,
    /// `sum(xs) - len(xs)`, `nums[0] < len(nums)`. Numbers of two kinds (how many, and how
    /// much) are seldom added or compared; where two examples allow it, it is a fit by accident
    /// more often than the program meant.
    pub(crate) fn unit_mixes(&self) -> usize {
        use Op::*;
        let here = match self {
            // (`x % len(xs)` wraps an index, not an element's value.)
            Expr::Call(Add | Sub | Mod | Min2 | Max2 | Eq | NotEq | Lt | LtE | Gt | GtE, args)
                if args.len() == 2 =>
            {
                let (a, b) = (args[0].quantity(), args[1].quantity());
                usize::from(matches!(
                    (a, b),
                    (Quantity::Count, Quantity::Element) | (Quantity::Element, Quantity::Count)
                ))
            }
            _ => 0,
        };
        here + match self {
            Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => 0,
            Expr::Call(_, args) => args.iter().map(|a| a.unit_mixes()).sum(),
            Expr::Hof(_, a, b) | Expr::Scan(a, b) => a.unit_mixes() + b.unit_mixes(),
            Expr::ZipMap(a, b, c) => a.unit_mixes() + b.unit_mixes() + c.unit_mixes(),
        }
    }

    /// What kind of number an expression is, as [`Expr::unit_mixes`] reads it.
    fn quantity(&self) -> Quantity {
        use Op::*;
        match self {
            Expr::Call(Len | CountL | CountSub, _) => Quantity::Count,
            // The value of an element of a parameter (or of a collection built from one).
            Expr::Call(Min | Max | Sum | Median | First | Last, args)
                if args.first().is_some_and(|a| a.params_used() != 0) =>
            {
                Quantity::Element
            }
            Expr::Call(Index, args)
                if matches!(args.first().map(|a| &**a), Some(Expr::Param(_))) =>
            {
                Quantity::Element
            }
            Expr::Call(Add | Sub | Min2 | Max2, args) if args.len() == 2 => {
                match (args[0].quantity(), args[1].quantity()) {
                    (a, b) if a == b => a,
                    (Quantity::Other, b) if matches!(&*args[0], Expr::Const(_)) => b,
                    (a, Quantity::Other) if matches!(&*args[1], Expr::Const(_)) => a,
                    _ => Quantity::Other,
                }
            }
            _ => Quantity::Other,
        }
    }

    /// Bit set of the parameters used.
    pub(crate) fn params_used(&self) -> u64 {
        match self {
            Expr::Param(i) => 1u64 << (*i).min(63),
            Expr::Var(_) | Expr::Const(_) => 0,
            Expr::Call(_, args) => args.iter().fold(0, |m, a| m | a.params_used()),
            Expr::Hof(_, a, b) => a.params_used() | b.params_used(),
            Expr::ZipMap(a, b, c) => a.params_used() | b.params_used() | c.params_used(),
            Expr::Scan(a, b) => a.params_used() | b.params_used(),
        }
    }

    /// Whether it mentions a bound variable.
    pub(crate) fn uses_var(&self) -> bool {
        match self {
            Expr::Var(_) => true,
            Expr::Param(_) | Expr::Const(_) => false,
            Expr::Call(_, args) => args.iter().any(|a| a.uses_var()),
            // The comprehension's own body binds its variables.
            Expr::Hof(_, a, _) => a.uses_var(),
            Expr::ZipMap(a, b, _) => a.uses_var() || b.uses_var(),
            Expr::Scan(a, _) => a.uses_var(),
        }
    }
}

/// Comprehension combinators; the body is a lambda over `Var(0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Hof {
    /// `[f(x) for x in xs]`
    Map,
    /// `[x for x in xs if p(x)]`
    Filter,
    /// `sum(f(x) for x in xs)`
    SumMap,
    /// `sum(1 for x in xs if p(x))`
    CountIf,
    /// `any(p(x) for x in xs)`
    Any,
    /// `all(p(x) for x in xs)`
    All,
    /// `sorted(xs, key=lambda x: f(x))`
    SortedKey,
    /// `max(xs, key=lambda x: f(x))`
    MaxKey,
    /// `min(xs, key=lambda x: f(x))`
    MinKey,
    /// `''.join(f(c) for c in s)`
    JoinMap,
    /// `''.join(c for c in s if p(c))`
    JoinFilter,
    /// `{x: f(x) for x in xs}`
    DictMap,
    /// `{k: v for k, v in d.items() if p(k, v)}` (the body is a lambda over `Var(0)`, the key,
    /// and `Var(1)`, the value; so for the other `Items*`).
    ItemsFilter,
    /// `{f(k, v): v for k, v in d.items()}`
    ItemsKeyMap,
    /// `{k: f(k, v) for k, v in d.items()}`
    ItemsValMap,
    /// `next((x for x in xs if p(x)), None)`
    FirstWhere,
    /// `max(xs, key=lambda x: f(x), default=None)`
    MaxKeyOrNone,
    /// `min(xs, key=lambda x: f(x), default=None)`
    MinKeyOrNone,
    /// `sorted(xs, key=lambda x: f(x), reverse=True)`
    SortedKeyRev,
    /// The elements grouped by `f(x)`, keys and members in first-seen order: a loop of
    /// `groups.setdefault(f(x), []).append(x)`.
    GroupBy,
    /// `[i for i, x in enumerate(xs) if p(x)]`
    IndicesWhere,
    /// `next((i for i, x in enumerate(xs) if p(x)), None)`
    FirstIndexWhere,
    /// `list(takewhile(lambda x: p(x), xs))`
    TakeWhile,
    /// `{f(x): x for x in xs}` (a later element wins a shared key)
    KeyBy,
}

pub(crate) const ALL_HOFS: &[Hof] = &[
    Hof::Map,
    Hof::Filter,
    Hof::SumMap,
    Hof::CountIf,
    Hof::Any,
    Hof::All,
    Hof::SortedKey,
    Hof::MaxKey,
    Hof::MinKey,
    Hof::JoinMap,
    Hof::JoinFilter,
    Hof::DictMap,
    Hof::ItemsFilter,
    Hof::ItemsKeyMap,
    Hof::ItemsValMap,
    Hof::FirstWhere,
    Hof::MaxKeyOrNone,
    Hof::MinKeyOrNone,
    Hof::SortedKeyRev,
    Hof::GroupBy,
    Hof::IndicesWhere,
    Hof::FirstIndexWhere,
    Hof::TakeWhile,
    Hof::KeyBy,
];

impl Hof {
    /// Whether it iterates a dict's `.items()` with the key and the value bound.
    pub(crate) fn over_items(self) -> bool {
        matches!(self, Hof::ItemsFilter | Hof::ItemsKeyMap | Hof::ItemsValMap)
    }

    /// Result type for an iterable of `iter` and a body of `body`.
    pub(crate) fn result_type(self, iter: &Ty, body: &Ty) -> Option<Ty> {
        if self.over_items() {
            let Ty::Dict(k, v) = iter else {
                return None;
            };
            return match self {
                Hof::ItemsFilter if *body == Ty::Bool => Some(iter.clone()),
                Hof::ItemsKeyMap if body.hashable() && *body != Ty::Bool => {
                    Some(Ty::Dict(Box::new(body.clone()), v.clone()))
                }
                Hof::ItemsValMap if *body != Ty::Bool => {
                    Some(Ty::Dict(k.clone(), Box::new(body.clone())))
                }
                _ => None,
            };
        }
        let elem = iter.elem()?;
        // A record's field (`r['age']`, typed `Any`) may be a sort key: the examples' values
        // decide, and comparing unlike values raises as in CPython.
        let key_ok = |body: &Ty| (body.orderable() || *body == Ty::Any) && *body != Ty::Bool;
        // A dict iterates its keys in insertion order: selections and aggregates by key
        // (`max(d, key=d.get)`, `[k for k in d if d[k] > 0]`).
        if matches!(iter, Ty::Dict(..))
            && !matches!(
                self,
                Hof::Filter
                    | Hof::SumMap
                    | Hof::CountIf
                    | Hof::Any
                    | Hof::All
                    | Hof::SortedKey
                    | Hof::SortedKeyRev
                    | Hof::MaxKey
                    | Hof::MinKey
                    | Hof::FirstWhere
                    | Hof::MaxKeyOrNone
                    | Hof::MinKeyOrNone
            )
        {
            return None;
        }
        // A set's iteration order is CPython's hash order: only order-free uses.
        if matches!(iter, Ty::Set(_))
            && !matches!(
                (self, body),
                (Hof::CountIf | Hof::Any | Hof::All, Ty::Bool) | (Hof::SumMap, Ty::Int)
            )
        {
            return None;
        }
        // A record's field (`user['active']`, typed `Any`) is tested for its truth, as Python
        // filters.
        let test = *body == Ty::Bool || *body == Ty::Any;
        match self {
            Hof::Map => Some(Ty::list(body.clone())),
            // "Skipping the empty or blank ones": a string kept for its truth (`if p.strip()`).
            Hof::Filter if (test || *body == Ty::Str) && !matches!(iter, Ty::Str) => {
                Some(Ty::list(elem))
            }
            Hof::SumMap => match body {
                Ty::Int | Ty::Float => Some(body.clone()),
                _ => None,
            },
            Hof::CountIf if test => Some(Ty::Int),
            Hof::Any | Hof::All if test => Some(Ty::Bool),
            Hof::SortedKey | Hof::SortedKeyRev if key_ok(body) => Some(Ty::list(elem)),
            Hof::MaxKey | Hof::MinKey if key_ok(body) => Some(elem),
            Hof::MaxKeyOrNone | Hof::MinKeyOrNone if key_ok(body) => {
                Some(Ty::Optional(Box::new(elem)))
            }
            Hof::FirstWhere if test => Some(Ty::Optional(Box::new(elem))),
            Hof::JoinMap if *body == Ty::Str => Some(Ty::Str),
            Hof::JoinFilter if *body == Ty::Bool && elem == Ty::Str => Some(Ty::Str),
            Hof::DictMap if elem.hashable() && *body != Ty::Bool => {
                Some(Ty::Dict(Box::new(elem), Box::new(body.clone())))
            }
            Hof::GroupBy if body.hashable() && *body != Ty::Bool && *iter != Ty::Str => {
                Some(Ty::Dict(Box::new(body.clone()), Box::new(Ty::list(elem))))
            }
            Hof::IndicesWhere if test => Some(Ty::list(Ty::Int)),
            Hof::FirstIndexWhere if test => Some(Ty::Optional(Box::new(Ty::Int))),
            Hof::TakeWhile if test && *iter != Ty::Str => Some(Ty::list(elem)),
            // A record's field (`{r['id']: r for r in records}`, typed `Any`) may be a key: the
            // examples' values decide, and an unhashable one raises as in CPython.
            Hof::KeyBy
                if (body.hashable() || *body == Ty::Any)
                    && *body != Ty::Bool
                    && *iter != Ty::Str =>
            {
                Some(Ty::Dict(Box::new(body.clone()), Box::new(elem)))
            }
            _ => None,
        }
    }
}

macro_rules! ops {
    ($($v:ident),* $(,)?) => {
        /// First-order operations.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum Op { $($v),* }
        /// Every operation, in id order (the token encoding uses the position).
        pub(crate) const ALL_OPS: &[Op] = &[$(Op::$v),*];
    };
}

ops!(
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    Neg,
    Abs,
    Not,
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    In,
    NotIn,
    And,
    Or,
    IfExp,
    Index,
    SliceFrom,
    SliceTo,
    SliceRange,
    Reverse,
    Step,
    Len,
    Sum,
    Min,
    Max,
    Min2,
    Max2,
    Sorted,
    SortedRev,
    SetOf,
    ListOf,
    TupleOf,
    AnyB,
    AllB,
    StrOf,
    IntOf,
    FloatOf,
    Ord,
    Chr,
    Round1,
    Round2,
    Lower,
    Upper,
    Title,
    Capitalize,
    Strip,
    Lstrip,
    Rstrip,
    SplitWs,
    Swapcase,
    IsDigit,
    IsAlpha,
    IsAlnum,
    IsUpper,
    IsLower,
    IsSpace,
    Split,
    Join,
    CountSub,
    Find,
    StartsWith,
    EndsWith,
    Replace,
    Zfill,
    Ljust,
    Rjust,
    Center,
    StripChars,
    CountL,
    IndexL,
    Get,
    GetDefault,
    Keys,
    Values,
    Items,
    Counter,
    MostCommon,
    Gcd,
    Isqrt,
    Sqrt,
    Floor,
    Ceil,
    Factorial,
    Comb,
    Prod,
    Range1,
    Range2,
    MkTuple2,
    Divmod,
    SetAnd,
    SetOr,
    SetSub,
    FindallDigits,
    FindallWords,
    FindallUpperWords,
    ReSubNonAlnum,
    Fst,
    Snd,
    First,
    Last,
    Partition,
    RPartition,
    ListOf1,
    AccSum,
    AccMax,
    AccMin,
    Unique,
    DictInvert,
    DictMerge,
    Pad2,
    Lcm,
    Hypot,
    Between,
    IsNone,
    IsNotNone,
    Flatten,
    Chunk,
    Format,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
    Median,
    MkTuple3,
    ReSubNonNumeric,
    IsLeap,
    MonthDays,
    Radians,
    Degrees,
    ReFullmatch,
    ReFindall,
    // The values of (key, number) pairs summed per key, keys in first-seen order: a loop of
    // `totals[k] = totals.get(k, 0) + v`.
    SumByKey,
    // `try: return a` / `except <class c>: return b` (a whole program only: built by the
    // partition step from a term that raises exactly where the fallback is right).
    TryOr,
    // `x == x[::-1]`: a palindrome test.
    Palindrome,
    // `os.path.splitext(p)`, `os.path.dirname(p)`, `os.path.basename(p)` (POSIX paths).
    Splitext,
    Dirname,
    Basename,
    // `[list(row) for row in zip(*rows)]`: rows and columns swapped (cut to the shortest row).
    Transpose,
    // A lookup in nested dicts along a path of keys (`'db.host'` split at dots, or a list of
    // keys), with a default where a key is missing: a loop, so a whole program only (built by
    // `deep_get_level`, never by the banks).
    DeepGet,
    // The values of (key, value) pairs per key, keys in first-seen order: the largest
    // (`best[k] = max(best.get(k, v), v)`), the smallest, or all of them in order
    // (`groups.setdefault(k, []).append(v)`).
    MaxByKey,
    MinByKey,
    ListByKey,
    // `{k1: v1, k2: v2}`: a dict of the constant keys (a tuple) and a tuple of values, four
    // values as two pairs (a whole program only: built by the template step from the outputs'
    // shared keys).
    DictOf,
    // `dict(pairs)`: a later pair wins a shared key (`{k(x): v(x) for x in xs}` over pairs
    // built from each element).
    DictPairs,
    // `int(t.split(':')[0]) * 60 + int(t.split(':')[1])`: an 'H:MM' time or duration in
    // minutes; `ClockSeconds` an 'H:MM:SS' one in seconds (fields after those read ignored).
    ClockMinutes,
    ClockSeconds,
    // `s.removeprefix(p)`, `s.removesuffix(p)` (Python 3.9).
    RemovePrefix,
    RemoveSuffix,
    // ISO date strings read with `datetime.date.fromisoformat` (`dates.rs`): the days from the
    // first date to the second, a date some days later (`isoformat()`), `weekday()`,
    // `timetuple().tm_yday`, and `strftime` with a format the examples show (`Ty::DateFmt`).
    DaysBetween,
    AddDays,
    Weekday,
    DayOfYear,
    DateFormat,
);

impl Op {
    pub(crate) fn arity(self) -> usize {
        use Op::*;
        match self {
            Neg | Abs | Not | Reverse | Len | Sum | Min | Max | Sorted | SortedRev | SetOf
            | ListOf | TupleOf | AnyB | AllB | StrOf | IntOf | FloatOf | Ord | Chr | Round1
            | Lower | Upper | Title | Capitalize | Strip | Lstrip | Rstrip | SplitWs | Swapcase
            | IsDigit | IsAlpha | IsAlnum | IsUpper | IsLower | IsSpace | Keys | Values | Items
            | Counter | MostCommon | Isqrt | Sqrt | Floor | Ceil | Factorial | Prod | Range1
            | FindallDigits | FindallWords | FindallUpperWords | ReSubNonAlnum | Fst | Snd
            | First | Last | ListOf1 | AccSum | AccMax | AccMin | Unique | DictInvert | Pad2
            | IsNone | IsNotNone | Flatten | Median | ReSubNonNumeric | IsLeap | Radians
            | Degrees | SumByKey | MaxByKey | MinByKey | ListByKey | DictPairs | Palindrome
            | Splitext | Dirname | Basename | Transpose | ClockMinutes | ClockSeconds | Weekday
            | DayOfYear => 1,
            IfExp | SliceRange | Replace | GetDefault | Between | MkTuple3 | TryOr | DeepGet => 3,
            DictOf => 2,
            _ => 2,
        }
    }

    /// Result type for argument types, `None` when ill-typed (or not worth enumerating).
    pub(crate) fn result_type(self, a: &[Ty]) -> Option<Ty> {
        use Op::*;
        use Ty::*;
        let num = |t: &Ty| matches!(t, Int | Float);
        let seq = |t: &Ty| matches!(t, List(_) | Str | TupleN(_));
        match (self, a) {
            (Add, [Int, Int]) => Some(Int),
            (Add | Sub | Mul, [x, y]) if num(x) && num(y) => Some(Float),
            (Sub | FloorDiv | Mod, [Int, Int]) => Some(Int),
            (FloorDiv | Mod, [x, y]) if num(x) && num(y) => Some(Float),
            (Mul, [Int, Int]) => Some(Int),
            (Add, [Str, Str]) => Some(Str),
            (Add, [List(x), List(y)]) if x == y => Some(List(x.clone())),
            (Add, [TupleN(x), TupleN(y)]) if x == y => Some(TupleN(x.clone())),
            (Mul, [Str, Int]) => Some(Str),
            (Mul, [List(x), Int]) => Some(List(x.clone())),
            (TrueDiv, [x, y]) if num(x) && num(y) => Some(Float),
            (Pow, [Int, Int]) => Some(Int),
            (Pow, [x, y]) if num(x) && num(y) => Some(Float),
            (Neg | Abs, [x]) if num(x) => Some(x.clone()),
            (ClockMinutes | ClockSeconds, [Str]) => Some(Int),
            (DaysBetween, [Str, Str]) => Some(Int),
            (AddDays, [Str, Int]) => Some(Str),
            (Weekday | DayOfYear, [Str]) => Some(Int),
            (DateFormat, [Str, DateFmt]) => Some(Str),
            (Not, [Bool]) => Some(Bool),
            (Eq | NotEq, [x, y]) if x == y || (num(x) && num(y)) => Some(Bool),
            // A record's field (`u['name'] == name`): the values decide.
            (Eq | NotEq, [Any, y]) if !matches!(y, Any) => Some(Bool),
            // Ordering comparisons of numbers only: `list1 < list2` or `word < sentence` is
            // almost never what a function means.
            (Lt | LtE | Gt | GtE, [x, y]) if num(x) && num(y) => Some(Bool),
            (In | NotIn, [Str, Str]) => Some(Bool),
            (In | NotIn, [x, List(e) | Set(e) | TupleN(e)]) if **e == *x => Some(Bool),
            (In | NotIn, [x, Dict(k, _)]) if **k == *x => Some(Bool),
            (And | Or, [Bool, Bool]) => Some(Bool),
            (IfExp, [Bool, x, y]) if x == y => Some(x.clone()),
            (TryOr, [x, y, Str]) if x == y => Some(x.clone()),
            (TryOr, [x, NoneT, Str]) => Some(Optional(Box::new(x.clone()))),
            // `default if v is None else v`: a value or its optional.
            (IfExp, [Bool, x, Optional(y)]) | (IfExp, [Bool, Optional(y), x]) if **y == *x => {
                Some(Optional(y.clone()))
            }
            (Index, [List(e) | TupleN(e), Int]) => Some((**e).clone()),
            (Index, [Str, Int]) => Some(Str),
            // A part of a record of one type picked by a computed position (`p[axis]`; at a
            // literal position, `Fst`/`Snd` build it).
            (Index, [Tuple(ts), Int]) if ts.windows(2).all(|w| w[0] == w[1]) && !ts.is_empty() => {
                Some(ts[0].clone())
            }
            (Index, [Dict(k, v), x]) if **k == *x => Some((**v).clone()),
            (SliceFrom | SliceTo | Step, [s, Int]) if seq(s) => Some(s.clone()),
            (SliceRange, [s, Int, Int]) if seq(s) => Some(s.clone()),
            (Reverse, [s]) if seq(s) => Some(s.clone()),
            (Palindrome, [s]) if seq(s) => Some(Bool),
            (Len, [List(_) | Str | TupleN(_) | Set(_) | Dict(..) | Tuple(_)]) => Some(Int),
            (Sum | Prod, [List(e) | TupleN(e)]) if **e == Int || **e == Bool => Some(Int),
            (Sum | Prod, [List(e) | TupleN(e)]) if **e == Float => Some(Float),
            // The first string of a set in sorted order is no element anyone means
            // (`min(ignored) in path`); the smallest number of one is.
            (Min | Max, [Set(e)]) if **e == Str => None,
            (Min | Max, [List(e) | TupleN(e) | Set(e)]) if e.orderable() => Some((**e).clone()),
            (Min | Max, [Str]) => Some(Str),
            (Min2 | Max2, [x, y]) if x == y && x.orderable() && *x != Bool => Some(x.clone()),
            (Sorted | SortedRev, [t @ (List(_) | Str | Set(_) | TupleN(_))]) => {
                let e = t.elem()?;
                e.orderable().then(|| Ty::list(e))
            }
            (SetOf, [t @ (List(_) | Str | TupleN(_))]) => {
                let e = t.elem()?;
                e.hashable().then(|| Set(Box::new(e)))
            }
            (ListOf, [t @ (Str | TupleN(_) | Dict(..))]) => Some(Ty::list(t.elem()?)),
            (TupleOf, [List(e)]) => Some(TupleN(e.clone())),
            (ListOf1, [x]) => Some(Ty::list(x.clone())),
            (AnyB | AllB, [List(e)]) if **e == Bool => Some(Bool),
            (StrOf, [Int | Float]) => Some(Str),
            (IntOf, [Str | Float]) => Some(Int),
            (FloatOf, [Str | Int | Float]) => Some(Float),
            (Ord, [Str]) => Some(Int),
            (Chr, [Int]) => Some(Str),
            (Round1, [Float]) => Some(Int),
            (Round2, [Float, Int]) => Some(Float),
            (
                Lower | Upper | Title | Capitalize | Strip | Lstrip | Rstrip | Swapcase
                | ReSubNonAlnum | ReSubNonNumeric,
                [Str],
            ) => Some(Str),
            (SplitWs | FindallDigits | FindallWords | FindallUpperWords, [Str]) => {
                Some(Ty::list(Str))
            }
            (IsDigit | IsAlpha | IsAlnum | IsUpper | IsLower | IsSpace, [Str]) => Some(Bool),
            (Split, [Str, Str]) => Some(Ty::list(Str)),
            (Join, [Str, List(e)]) if **e == Str => Some(Str),
            (CountSub | Find, [Str, Str]) => Some(Int),
            (StartsWith | EndsWith, [Str, Str]) => Some(Bool),
            // "Starts with '#' or ';'": `line.startswith(('#', ';'))`.
            (StartsWith | EndsWith, [Str, TupleN(t)]) if **t == Str => Some(Bool),
            (RemovePrefix | RemoveSuffix, [Str, Str]) => Some(Str),
            (Replace, [Str, Str, Str]) => Some(Str),
            (Zfill | Ljust | Rjust | Center, [Str, Int]) => Some(Str),
            (StripChars, [Str, Str]) => Some(Str),
            (CountL | IndexL, [List(e) | TupleN(e), x]) if **e == *x => Some(Int),
            (Get, [Dict(k, v), x]) if **k == *x => Some(Optional(v.clone())),
            (GetDefault, [Dict(k, v), x, y]) if **k == *x && **v == *y => Some(y.clone()),
            (Keys, [Dict(k, _)]) => Some(Ty::list((**k).clone())),
            (Values, [Dict(_, v)]) => Some(Ty::list((**v).clone())),
            (Items, [Dict(k, v)]) => Some(Ty::list(Tuple(vec![(**k).clone(), (**v).clone()]))),
            (Counter | MostCommon, [t @ (List(_) | Str | TupleN(_))]) => {
                let e = t.elem()?;
                if !e.hashable() {
                    return None;
                }
                Some(if self == Counter {
                    Dict(Box::new(e), Box::new(Int))
                } else {
                    e
                })
            }
            (Gcd | Comb, [Int, Int]) => Some(Int),
            (Isqrt | Factorial, [Int]) => Some(Int),
            (Sqrt, [x]) if num(x) => Some(Float),
            (Floor | Ceil, [Float]) => Some(Int),
            (Range1, [Int]) => Some(Ty::list(Int)),
            (Range2, [Int, Int]) => Some(Ty::list(Int)),
            (MkTuple2, [x, y]) => Some(Tuple(vec![x.clone(), y.clone()])),
            (MkTuple3, [x, y, z]) => Some(Tuple(vec![x.clone(), y.clone(), z.clone()])),
            (DictOf, [TupleN(k), Tuple(vs)]) if k.hashable() && !vs.is_empty() => {
                let v = vs[0].clone();
                if vs.iter().all(|t| *t == v) {
                    Some(Dict(k.clone(), Box::new(v)))
                } else {
                    Some(Dict(k.clone(), Box::new(Any)))
                }
            }
            // `calendar.isleap(year)`, `calendar.monthrange(year, month)[1]`.
            (IsLeap, [Int]) => Some(Bool),
            (MonthDays, [Int, Int]) => Some(Int),
            // `math.radians(x)`, `math.degrees(x)`.
            (Radians | Degrees, [Int | Float]) => Some(Float),
            (Divmod, [Int, Int]) => Some(Tuple(vec![Int, Int])),
            (SetAnd | SetOr | SetSub, [Set(x), Set(y)]) if x == y => Some(Set(x.clone())),
            (Fst, [Tuple(ts)]) if !ts.is_empty() => Some(ts[0].clone()),
            (SumByKey, [List(e)]) => match &**e {
                Tuple(ts)
                    if ts.len() == 2
                        && ts[0].hashable()
                        && ts[0] != Bool
                        && matches!(ts[1], Int | Float) =>
                {
                    Some(Ty::Dict(Box::new(ts[0].clone()), Box::new(ts[1].clone())))
                }
                _ => None,
            },
            (DictPairs, [List(e)]) => match &**e {
                Tuple(ts)
                    if ts.len() == 2 && (ts[0].hashable() || ts[0] == Any) && ts[0] != Bool =>
                {
                    Some(Ty::Dict(Box::new(ts[0].clone()), Box::new(ts[1].clone())))
                }
                _ => None,
            },
            (MaxByKey | MinByKey | ListByKey, [List(e)]) => match &**e {
                // A record's field (`o['status']`, typed `Any`) may be a key or a value: the
                // examples' values decide, and an unhashable key raises as in CPython.
                Tuple(ts)
                    if ts.len() == 2 && (ts[0].hashable() || ts[0] == Any) && ts[0] != Bool =>
                {
                    let value = ts[1].clone();
                    match self {
                        ListByKey => {
                            Some(Ty::Dict(Box::new(ts[0].clone()), Box::new(Ty::list(value))))
                        }
                        _ if (value.orderable() || value == Any) && value != Bool => {
                            Some(Ty::Dict(Box::new(ts[0].clone()), Box::new(value)))
                        }
                        _ => None,
                    }
                }
                _ => None,
            },
            (Snd, [Tuple(ts)]) if ts.len() >= 2 => Some(ts[1].clone()),
            (First | Last, [List(e) | TupleN(e)]) => Some((**e).clone()),
            (First | Last, [Str]) => Some(Str),
            (Partition | RPartition, [Str, Str]) => Some(Tuple(vec![Str, Str, Str])),
            (Splitext, [Str]) => Some(Tuple(vec![Str, Str])),
            (Dirname | Basename, [Str]) => Some(Str),
            (AccSum, [List(e) | TupleN(e)]) if num(e) => Some(List(e.clone())),
            (AccMax | AccMin, [List(e) | TupleN(e)]) if e.orderable() && **e != Bool => {
                Some(List(e.clone()))
            }
            (Unique, [t @ (List(_) | Str | TupleN(_))]) => {
                let e = t.elem()?;
                e.hashable().then(|| Ty::list(e))
            }
            (DictInvert, [Dict(k, v)]) if v.hashable() || **v == Any => {
                Some(Dict(v.clone(), k.clone()))
            }
            (DictMerge, [Dict(k1, v1), Dict(k2, v2)]) if k1 == k2 && v1 == v2 => {
                Some(Dict(k1.clone(), v1.clone()))
            }
            (Pad2, [Int]) => Some(Str),
            (Lcm, [Int, Int]) => Some(Int),
            // Integer legs only: there CPython's `math.hypot` is the correctly rounded root of
            // the exact sum of squares, which the interpreter reproduces.
            (Hypot, [Int, Int]) => Some(Float),
            // `low <= x <= high`: a chained comparison of numbers.
            (Between, [x, y, z]) if num(x) && num(y) && num(z) => Some(Bool),
            (IsNone | IsNotNone, [Optional(_) | Var | Any]) => Some(Bool),
            (Flatten, [List(x)]) => match &**x {
                List(e) => Some(Ty::list((**e).clone())),
                _ => None,
            },
            (Chunk, [List(e), Int]) => Some(Ty::list(List(e.clone()))),
            // A string in groups of n characters (`' '.join(...)` of them: an IBAN's blocks).
            (Chunk, [Str, Int]) => Some(Ty::list(Str)),
            (Transpose, [List(x)]) => match &**x {
                List(e) | TupleN(e) => Some(Ty::list(Ty::list((**e).clone()))),
                _ => None,
            },
            (Format, [Int | Float | Str, Spec]) => Some(Str),
            (BitAnd | BitOr | BitXor | LShift | RShift, [Int, Int]) => Some(Int),
            // `statistics.median`: the middle element, or the mean of the middle two.
            (Median, [List(e) | TupleN(e)]) if **e == Int || **e == Float => Some(Float),
            // `re.fullmatch(pattern, s)` and `re.findall(pattern, s)`; the pattern is a learned
            // constant (`Ty::Pattern`), the string comes first as in every other `str` op.
            (ReFullmatch, [Str, Pattern]) => Some(Bool),
            (ReFindall, [Str, Pattern]) => Some(Ty::list(Str)),
            _ => None,
        }
    }
}
