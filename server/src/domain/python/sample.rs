//! The python space's task sampler (profile `everyday`): an everyday signature, a well-typed
//! program drawn top-down from the space's operations with the enumerator's costs as its prior,
//! and realistic inputs; draws that raise, ignore a parameter, return a constant, return an
//! input or build huge values are rejected (the caller draws again).
//!
//! The type-directed value generator ([`random_value`]) is shared with the interpreter's
//! differential test, which draws adversarial leaves through its own [`ValueStyle`].

use super::ast::{Expr, Hof, Op, ALL_HOFS, ALL_OPS};
use super::hints::CostTable;
use super::interp::{eval, Env};
use super::render::render;
use super::tokens;
use super::types::Ty;
use super::value::{exact_eq, py_eq, PyVal};
use crate::domain::{GeneratedTask, IoExample, Task};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rustc_hash::FxHashMap;
use std::rc::Rc;
use std::sync::OnceLock;

/// The sampler's profiles, the default first.
pub(crate) const PROFILES: &[&str] = &["everyday"];

/// How [`random_value`] draws the leaves of a value.
pub(crate) trait ValueStyle {
    /// An `int`.
    fn int(&self, rng: &mut ChaCha8Rng) -> PyVal;
    /// A `float`.
    fn float(&self, rng: &mut ChaCha8Rng) -> f64;
    /// A `str`; `depth` is 0 for an argument, more inside a container.
    fn string(&self, rng: &mut ChaCha8Rng, depth: usize) -> String;
    /// A list's length.
    fn list_len(&self, rng: &mut ChaCha8Rng) -> usize;
    /// How many keys a dict tries (duplicates are dropped).
    fn dict_len(&self, rng: &mut ChaCha8Rng) -> usize;
}

/// A random value of type `t` with leaves drawn by `style`.
pub(crate) fn random_value(
    rng: &mut ChaCha8Rng,
    t: &Ty,
    style: &dyn ValueStyle,
    depth: usize,
) -> PyVal {
    match t {
        Ty::Int => style.int(rng),
        Ty::Float => PyVal::Float(style.float(rng)),
        Ty::Bool => PyVal::Bool(rng.gen()),
        Ty::Str => PyVal::str(&style.string(rng, depth)),
        Ty::List(e) => {
            let n = style.list_len(rng);
            PyVal::list(
                (0..n)
                    .map(|_| random_value(rng, e, style, depth + 1))
                    .collect(),
            )
        }
        Ty::Dict(k, v) => {
            let mut d: Vec<(PyVal, PyVal)> = Vec::new();
            for _ in 0..style.dict_len(rng) {
                let key = random_value(rng, k, style, depth + 1);
                if !d.iter().any(|(x, _)| py_eq(x, &key)) {
                    d.push((key, random_value(rng, v, style, depth + 1)));
                }
            }
            PyVal::Dict(Rc::new(d))
        }
        // A type variable's (or a record field's) values differ in kind: ints, strs, `None`
        // and an unhashable, unorderable list now and then.
        Ty::Var | Ty::Any => match rng.gen_range(0..10) {
            0..=3 => random_value(rng, &Ty::Int, style, depth),
            4..=7 => random_value(rng, &Ty::Str, style, depth),
            8 => PyVal::None,
            _ => PyVal::list(vec![PyVal::Int(rng.gen_range(0..3))]),
        },
        Ty::Optional(t) => {
            if rng.gen_bool(0.3) {
                PyVal::None
            } else {
                random_value(rng, t, style, depth)
            }
        }
        _ => PyVal::None,
    }
}

/// Everyday inputs: words, names and short sentences; small ints with negatives and zero;
/// prices; short lists, rarely empty.
struct Everyday;

const WORDS: &[&str] = &[
    "apple", "banana", "cherry", "hello", "world", "python", "data", "cat", "dog", "level",
    "radar", "moon", "sun", "table", "green", "red", "blue", "river", "stone", "code", "book",
    "tree", "house", "music", "night", "light", "happy", "zebra", "ocean", "mango", "kiwi", "a",
    "is", "the", "noon", "queue", "sky",
];
const NAMES: &[&str] = &[
    "Ada", "Bob", "Carol", "Dave", "Eve", "Grace", "Linus", "Alan", "Maria", "Zoe",
];
const SURNAMES: &[&str] = &["Lovelace", "Hopper", "Turing", "Smith", "Jones", "Curie"];
const DOMAINS: &[&str] = &["example.com", "mail.org", "uni.edu"];

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items[rng.gen_range(0..items.len())]
}

impl ValueStyle for Everyday {
    fn int(&self, rng: &mut ChaCha8Rng) -> PyVal {
        PyVal::Int(match rng.gen_range(0..10) {
            0..=6 => rng.gen_range(-5..=20),
            7..=8 => rng.gen_range(-100..=100),
            _ => rng.gen_range(100..=2030),
        })
    }

    fn float(&self, rng: &mut ChaCha8Rng) -> f64 {
        if rng.gen_bool(0.5) {
            f64::from(rng.gen_range(-40..=200)) / 4.0
        } else {
            f64::from(rng.gen_range(0..=10_000)) / 100.0
        }
    }

    fn string(&self, rng: &mut ChaCha8Rng, depth: usize) -> String {
        if depth > 0 {
            let w = pick(rng, WORDS);
            return match rng.gen_range(0..6) {
                0 => pick(rng, NAMES).to_string(),
                1 => capitalize(w),
                _ => w.to_string(),
            };
        }
        match rng.gen_range(0..34) {
            0 => String::new(),
            1..=8 => pick(rng, WORDS).to_string(),
            9..=11 => capitalize(pick(rng, WORDS)),
            12..=14 => format!("{} {}", pick(rng, NAMES), pick(rng, SURNAMES)),
            15..=20 => {
                let n = rng.gen_range(2..=4);
                let words: Vec<&str> = (0..n).map(|_| pick(rng, WORDS)).collect();
                words.join(" ")
            }
            21..=22 => {
                let n = rng.gen_range(2..=4);
                let words: Vec<&str> = (0..n).map(|_| pick(rng, WORDS)).collect();
                words.join(",")
            }
            23..=24 => format!("{}{}", pick(rng, WORDS), rng.gen_range(0..100)),
            25..=26 => format!("{}@{}", pick(rng, NAMES).to_lowercase(), pick(rng, DOMAINS)),
            27..=28 => pick(rng, WORDS).to_uppercase(),
            29 => format!(" {} ", pick(rng, WORDS)),
            30..=31 => rng.gen_range(0..100_000).to_string(),
            _ => pick(rng, NAMES).to_string(),
        }
    }

    fn list_len(&self, rng: &mut ChaCha8Rng) -> usize {
        if rng.gen_range(0..40) == 0 {
            0
        } else {
            rng.gen_range(1..=6)
        }
    }

    fn dict_len(&self, rng: &mut ChaCha8Rng) -> usize {
        rng.gen_range(1..=4)
    }
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Parameter types of the signatures drawn, with weights.
fn param_types() -> Vec<(Ty, u32)> {
    vec![
        (Ty::Str, 5),
        (Ty::Int, 4),
        (Ty::list(Ty::Int), 4),
        (Ty::list(Ty::Str), 2),
        (Ty::Float, 1),
        (Ty::Dict(Box::new(Ty::Str), Box::new(Ty::Int)), 1),
    ]
}

/// Return types drawn, with weights.
fn return_types() -> Vec<(Ty, u32)> {
    vec![
        (Ty::Int, 5),
        (Ty::Str, 5),
        (Ty::Bool, 4),
        (Ty::list(Ty::Int), 3),
        (Ty::list(Ty::Str), 2),
        (Ty::Float, 1),
        (Ty::Tuple(vec![Ty::Int, Ty::Int]), 1),
        (Ty::Dict(Box::new(Ty::Str), Box::new(Ty::Int)), 1),
    ]
}

/// The types a program's subexpressions may take.
fn universe() -> Vec<Ty> {
    let si = Ty::Dict(Box::new(Ty::Str), Box::new(Ty::Int));
    vec![
        Ty::Bool,
        Ty::Int,
        Ty::Float,
        Ty::Str,
        Ty::list(Ty::Int),
        Ty::list(Ty::Str),
        Ty::list(Ty::Float),
        Ty::list(Ty::Bool),
        Ty::Set(Box::new(Ty::Int)),
        Ty::Set(Box::new(Ty::Str)),
        si,
        Ty::Tuple(vec![Ty::Int, Ty::Int]),
        Ty::Tuple(vec![Ty::Str, Ty::Str, Ty::Str]),
        Ty::Optional(Box::new(Ty::Int)),
        Ty::Optional(Box::new(Ty::Str)),
    ]
}

/// Constants with their costs: the enumerator's defaults (`hints::constants` without a
/// description) and a few separators and suffixes it takes from the examples.
fn constants() -> Vec<(PyVal, Ty, u32)> {
    let mut out: Vec<(PyVal, Ty, u32)> = [(0, 1), (1, 1), (2, 1), (-1, 2), (3, 3), (10, 3)]
        .into_iter()
        .map(|(v, c)| (PyVal::Int(v), Ty::Int, c))
        .collect();
    for (s, c) in [("", 2), (" ", 2), (",", 3), ("-", 3), ("!", 3), ("a", 3)] {
        out.push((PyVal::str(s), Ty::Str, c));
    }
    out
}

/// One way to build a value of a type.
#[derive(Clone, Debug)]
enum Prod {
    /// An operation over arguments of these types.
    Op(Op, Vec<Ty>),
    /// A comprehension over an iterable of the first type with a body of the second.
    Hof(Hof, Ty, Ty),
    /// A comprehension over a dict parameter's items with a body of this type.
    Items(Hof, Ty),
    /// `[body for x, y in zip(a, b)]` over two list parameters, with a body of this type.
    Zip(Ty),
}

/// Every type's productions, each with its weight.
type Prods = FxHashMap<Ty, Vec<(Prod, f64)>>;

/// The productions of every type of the universe and the constants.
struct Grammar {
    prods: &'static Prods,
    constants: Vec<(PyVal, Ty, u32)>,
}

/// The prior weight of a construct of cost `c` (the cost is a −log₂-probability).
fn weight(c: u32) -> f64 {
    0.5f64.powi(c as i32)
}

/// The grammar (productions built once).
fn grammar() -> Grammar {
    static PRODS: OnceLock<Prods> = OnceLock::new();
    Grammar {
        prods: PRODS.get_or_init(productions),
        constants: constants(),
    }
}

fn productions() -> Prods {
    let costs = CostTable::from_description("");
    let uni = universe();
    let mut prods: FxHashMap<Ty, Vec<(Prod, f64)>> = FxHashMap::default();
    for &op in ALL_OPS {
        // Conditionals come from the search's partition step and triples from templates;
        // neither is built by the banks.
        if matches!(
            op,
            Op::IfExp | Op::MkTuple3 | Op::TryOr | Op::DeepGet | Op::DictOf
        ) {
            continue;
        }
        let mut sigs: Vec<(Ty, Vec<Ty>)> = Vec::new();
        let mut args: Vec<Vec<Ty>> = vec![Vec::new()];
        for _ in 0..op.arity() {
            args = args
                .into_iter()
                .flat_map(|a| {
                    uni.iter().map(move |t| {
                        let mut a = a.clone();
                        a.push(t.clone());
                        a
                    })
                })
                .collect();
        }
        for a in args {
            if let Some(r) = op.result_type(&a) {
                if uni.contains(&r) {
                    sigs.push((r, a));
                }
            }
        }
        add_split(&mut prods, sigs, weight(costs.op_cost(op)), |a| {
            Prod::Op(op, a)
        });
    }
    for &h in ALL_HOFS {
        let w = weight(costs.hof_cost(h));
        let mut sigs: Vec<(Ty, (Ty, Ty))> = Vec::new();
        for it in &uni {
            for body in &uni {
                if let Some(r) = h.result_type(it, body) {
                    if uni.contains(&r) && (h.over_items() || it.elem().is_some()) {
                        sigs.push((r, (it.clone(), body.clone())));
                    }
                }
            }
        }
        add_split(&mut prods, sigs, w, |(it, body)| {
            if h.over_items() {
                Prod::Items(h, body)
            } else {
                Prod::Hof(h, it, body)
            }
        });
    }
    let zips: Vec<(Ty, Ty)> = [Ty::Int, Ty::Str, Ty::Float, Ty::Bool]
        .into_iter()
        .map(|b| (Ty::list(b.clone()), b))
        .collect();
    add_split(&mut prods, zips, weight(costs.zip), Prod::Zip);
    prods
}

/// Adds a construct's signatures, its weight split evenly among those of each result type.
fn add_split<S>(
    prods: &mut FxHashMap<Ty, Vec<(Prod, f64)>>,
    sigs: Vec<(Ty, S)>,
    w: f64,
    make: impl Fn(S) -> Prod,
) {
    let mut per: FxHashMap<Ty, usize> = FxHashMap::default();
    for (r, _) in &sigs {
        *per.entry(r.clone()).or_default() += 1;
    }
    for (r, s) in sigs {
        let n = per.get(&r).copied().unwrap_or(1) as f64;
        prods.entry(r).or_default().push((make(s), w / n));
    }
}

/// What a subexpression may refer to.
struct Scope<'a> {
    params: &'a [Ty],
    /// The comprehension's variables (empty outside a lambda).
    vars: &'a [Ty],
}

/// Operations (calls and comprehensions) in a program.
fn op_count(e: &Expr) -> usize {
    match e {
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => 0,
        Expr::Call(_, args) => 1 + args.iter().map(|a| op_count(a)).sum::<usize>(),
        Expr::Hof(_, a, b) | Expr::Scan(a, b) => 1 + op_count(a) + op_count(b),
        Expr::ZipMap(a, b, c) => 1 + op_count(a) + op_count(b) + op_count(c),
    }
}

/// Which comprehension variables `e` mentions (bit `i` for `Var(i)`).
fn vars_used(e: &Expr) -> u32 {
    match e {
        Expr::Var(i) => 1 << (*i).min(31),
        Expr::Param(_) | Expr::Const(_) => 0,
        Expr::Call(_, args) => args.iter().fold(0, |m, a| m | vars_used(a)),
        Expr::Hof(_, a, b) | Expr::Scan(a, b) => vars_used(a) | vars_used(b),
        Expr::ZipMap(a, b, c) => vars_used(a) | vars_used(b) | vars_used(c),
    }
}

/// Most operations a program may have, and fewest.
const MAX_OPS: usize = 6;
const MIN_OPS: usize = 2;
/// Nesting depth of operations in the program and in a comprehension's body.
const MAX_DEPTH: usize = 3;
const MAX_BODY_DEPTH: usize = 2;
/// Fewest inputs a draw is checked on (visible, held-out and probe inputs together).
const PROBES: usize = 10;
/// Productions tried at one node before it fails.
const TRIES: usize = 3;

/// Picks an index with probability proportional to its weight.
fn choose(rng: &mut ChaCha8Rng, weights: &[f64]) -> Option<usize> {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let mut x = rng.gen_range(0.0..total);
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return Some(i);
        }
        x -= w;
    }
    weights.iter().rposition(|w| *w > 0.0)
}

/// A program of type `t` drawn top-down: a leaf or, while `depth` allows, a production with
/// probability falling with its cost. `root` forbids leaves.
fn gen(
    g: &Grammar,
    rng: &mut ChaCha8Rng,
    t: &Ty,
    scope: &Scope,
    depth: usize,
    root: bool,
) -> Option<Rc<Expr>> {
    // Leaves: parameters and comprehension variables (favoured, so that programs use their
    // inputs), then constants.
    let mut leaves: Vec<(Rc<Expr>, f64)> = Vec::new();
    if !root {
        for (i, p) in scope.params.iter().enumerate() {
            if p == t {
                leaves.push((Rc::new(Expr::Param(i)), 2.0 * weight(1)));
            }
        }
        for (i, v) in scope.vars.iter().enumerate() {
            if v == t {
                leaves.push((Rc::new(Expr::Var(i)), 3.0 * weight(1)));
            }
        }
        for (v, ty, c) in &g.constants {
            if ty == t {
                leaves.push((Rc::new(Expr::Const(v.clone())), 0.5 * weight(*c)));
            }
        }
    }
    let prods: &[(Prod, f64)] = if depth == 0 {
        &[]
    } else {
        g.prods.get(t).map_or(&[], Vec::as_slice)
    };
    // Deeper nodes lean to leaves.
    let op_scale = if root {
        1.0
    } else {
        0.6f64.powi(3 - depth as i32)
    };
    let mut weights: Vec<f64> = leaves.iter().map(|(_, w)| *w).collect();
    weights.extend(prods.iter().map(|(p, w)| match p {
        // No comprehension inside a comprehension's body (the search builds none).
        Prod::Hof(..) | Prod::Items(..) | Prod::Zip(..) if !scope.vars.is_empty() => 0.0,
        // A pair and a one-item list are results, not parts (`(n, 0)[0]`, `sorted([s])`).
        Prod::Op(Op::ListOf1 | Op::MkTuple2 | Op::Divmod, _) if !root => 0.0,
        _ => w * op_scale,
    }));
    for _ in 0..TRIES {
        let i = choose(rng, &weights)?;
        weights[i] = 0.0;
        if let Some((e, _)) = leaves.get(i) {
            return Some(e.clone());
        }
        let (prod, _) = &prods[i - leaves.len()];
        if let Some(e) = build(g, rng, prod, scope, depth) {
            return Some(e);
        }
    }
    None
}

/// Builds one production's node, its children drawn by [`gen`].
fn build(
    g: &Grammar,
    rng: &mut ChaCha8Rng,
    prod: &Prod,
    scope: &Scope,
    depth: usize,
) -> Option<Rc<Expr>> {
    let body_depth = (depth - 1).min(MAX_BODY_DEPTH);
    match prod {
        Prod::Op(op, tys) => {
            let args = tys
                .iter()
                .map(|t| gen(g, rng, t, scope, depth - 1, false))
                .collect::<Option<Vec<_>>>()?;
            plausible(*op, &args, tys).then(|| Rc::new(Expr::Call(*op, args)))
        }
        Prod::Hof(h, it, body) => {
            let iter = gen(g, rng, it, scope, depth - 1, false)?;
            if matches!(*iter, Expr::Const(_)) {
                return None;
            }
            let vars = [it.elem()?];
            let inner = Scope {
                params: scope.params,
                vars: &vars,
            };
            let b = gen(g, rng, body, &inner, body_depth, false)?;
            // `[x for x in xs]`, `sorted(xs, key=lambda x: x)`: no body.
            if vars_used(&b) == 0 || matches!(*b, Expr::Var(0)) {
                return None;
            }
            Some(Rc::new(Expr::Hof(*h, iter, b)))
        }
        Prod::Items(h, body) => {
            let dicts: Vec<usize> = (0..scope.params.len())
                .filter(|&i| matches!(scope.params[i], Ty::Dict(..)))
                .collect();
            let p = *dicts.get(rng.gen_range(0..dicts.len().max(1)))?;
            let Ty::Dict(k, v) = &scope.params[p] else {
                return None;
            };
            let vars = [(**k).clone(), (**v).clone()];
            let inner = Scope {
                params: scope.params,
                vars: &vars,
            };
            let b = gen(g, rng, body, &inner, body_depth, false)?;
            if vars_used(&b) == 0 {
                return None;
            }
            Some(Rc::new(Expr::Hof(*h, Rc::new(Expr::Param(p)), b)))
        }
        Prod::Zip(body) => {
            let lists: Vec<usize> = (0..scope.params.len())
                .filter(|&i| matches!(scope.params[i], Ty::List(_)))
                .collect();
            if lists.len() < 2 {
                return None;
            }
            let (p, q) = if rng.gen() {
                (lists[0], lists[1])
            } else {
                (lists[1], lists[0])
            };
            let vars = [scope.params[p].elem()?, scope.params[q].elem()?];
            let inner = Scope {
                params: scope.params,
                vars: &vars,
            };
            let b = gen(g, rng, body, &inner, body_depth, false)?;
            if vars_used(&b) != 0b11 {
                return None;
            }
            Some(Rc::new(Expr::ZipMap(
                Rc::new(Expr::Param(p)),
                Rc::new(Expr::Param(q)),
                b,
            )))
        }
    }
}

/// Whether a call is one the search would build: no operation on constants only (the search
/// folds them), no argument with itself, no identity or annihilating constant, no literal
/// receiver of a string method, no index beyond the first, second or last (the mirror of the
/// enumerator's pruning in `enumerate.rs`, `combine`).
fn plausible(op: Op, args: &[Rc<Expr>], tys: &[Ty]) -> bool {
    let konst = |e: &Expr| matches!(e, Expr::Const(_));
    let int = |e: &Expr, k: i64| matches!(e, Expr::Const(PyVal::Int(i)) if *i == k);
    let numeric = |t: &Ty| matches!(t, Ty::Int | Ty::Float);
    if args.iter().all(|a| konst(a)) {
        return false;
    }
    for (i, a) in args.iter().enumerate() {
        for b in &args[i + 1..] {
            let same = format!("{a:?}") == format!("{b:?}");
            if same && !(matches!(op, Op::Add | Op::Mul) && numeric(&tys[0])) {
                return false;
            }
        }
        // `''` only joins or replaces (`s.count('')`, `s.split('')` are no one's code).
        if matches!(&**a, Expr::Const(PyVal::Str(s)) if s.is_empty())
            && !matches!((op, i), (Op::Join, 0) | (Op::Replace, 2))
        {
            return false;
        }
    }
    if let [a, b] = args {
        // Constants on the right (`n % 2 == 0`), literal strings only joined, tested for or
        // added to (`'a'.zfill(n)`).
        if konst(a) && !konst(b) {
            if matches!(op, Op::Eq | Op::NotEq | Op::Lt | Op::Gt | Op::LtE | Op::GtE)
                || (numeric(&tys[1]) && matches!(op, Op::Add | Op::Mul | Op::Min2 | Op::Max2))
            {
                return false;
            }
            if tys[0] == Ty::Str && !matches!(op, Op::Join | Op::In | Op::NotIn | Op::Add) {
                return false;
            }
        }
        if matches!(op, Op::Index | Op::SliceFrom | Op::SliceTo)
            && matches!(&**b, Expr::Const(PyVal::Int(k)) if !(-1..=1).contains(k))
        {
            return false;
        }
        // `s[0:]`, `s[:0]`; a pair with a literal (`(n, -1)`).
        if matches!(op, Op::SliceFrom | Op::SliceTo) && int(b, 0)
            || op == Op::MkTuple2 && (konst(a) || konst(b))
        {
            return false;
        }
        let identity = (int(b, 1) && matches!(op, Op::TrueDiv | Op::FloorDiv | Op::Mul | Op::Pow))
            || (int(b, 0) && matches!(op, Op::Add | Op::Sub));
        let annihilated = (int(a, 0)
            && matches!(op, Op::TrueDiv | Op::FloorDiv | Op::Mod | Op::Pow | Op::Mul))
            || (int(b, 0)
                && matches!(op, Op::Mul | Op::Pow | Op::TrueDiv | Op::FloorDiv | Op::Mod))
            || (int(b, 1) && op == Op::Mod);
        if identity || annihilated {
            return false;
        }
    } else if args.len() == 3 && konst(&args[0]) && tys[0] == Ty::Str {
        return false;
    }
    // `min(xs, ys)` of whole lists, `not a == b`, `(xs + ys)[0]`, `list(dict.fromkeys(xs[1:] +
    // xs))`.
    if matches!(op, Op::Min2 | Op::Max2) && !matches!(tys[0], Ty::Int | Ty::Float | Ty::Str) {
        return false;
    }
    let inner = args.first().map(|a| &**a);
    // `abs(abs(n))`, `sorted(sorted(xs))`, `s[::-1][::-1]`: one unary operation twice is the
    // operation or nothing; `abs(len(xs))` is the length.
    if let (1, Some(Expr::Call(o, _))) = (args.len(), inner) {
        if *o == op || op == Op::Abs && *o == Op::Len {
            return false;
        }
    }
    match (op, inner) {
        (
            Op::Not,
            Some(Expr::Call(Op::Eq | Op::NotEq | Op::Lt | Op::LtE | Op::Gt | Op::GtE, _)),
        ) => false,
        (Op::Index | Op::First | Op::Last, Some(Expr::Call(Op::Add | Op::Mul, _))) => {
            !matches!(tys[0], Ty::List(_))
        }
        (Op::Unique, Some(Expr::Call(Op::Add, parts))) => {
            parts[0].params_used() & parts[1].params_used() == 0
        }
        _ => true,
    }
}

/// Draws from weighted items.
fn weighted<T: Clone>(rng: &mut ChaCha8Rng, items: &[(T, u32)]) -> Option<T> {
    let w: Vec<f64> = items.iter().map(|(_, w)| f64::from(*w)).collect();
    Some(items[choose(rng, &w)?].0.clone())
}

/// A parameter name for its type (the `k`-th of that type).
fn param_name(t: &Ty, k: usize) -> String {
    let names: [&str; 2] = match t {
        Ty::Str => ["s", "t"],
        Ty::Int => ["n", "k"],
        Ty::Float => ["x", "y"],
        Ty::List(e) if **e == Ty::Str => ["words", "names"],
        Ty::List(_) => ["nums", "xs"],
        _ => ["d", "e"],
    };
    names[k.min(1)].to_string()
}

/// Whether a result is small enough for an example a person would write.
fn small(v: &PyVal) -> bool {
    match v {
        PyVal::Int(i) => i.unsigned_abs() <= 100_000,
        PyVal::Big(_) => false,
        PyVal::Float(f) => f.is_finite() && f.abs() <= 1e6,
        PyVal::Str(s) => s.chars().count() <= 40 && !s.chars().any(char::is_control),
        PyVal::List(items) | PyVal::Tuple(items) | PyVal::Set(items) => {
            items.len() <= 10 && v.weight() <= 80 && items.iter().all(small)
        }
        PyVal::Dict(d) => d.len() <= 10 && d.iter().all(|(k, x)| small(k) && small(x)),
        PyVal::None | PyVal::Bool(_) => true,
    }
}

/// One draw of the `everyday` profile: `None` when rejected.
pub(crate) fn sample_once(rng: &mut ChaCha8Rng, held_out: usize) -> Option<GeneratedTask> {
    let g = &grammar();
    let n_params = if rng.gen_bool(0.55) { 1 } else { 2 };
    let pts = param_types();
    let params: Vec<Ty> = (0..n_params)
        .map(|_| weighted(rng, &pts))
        .collect::<Option<_>>()?;
    let ret = weighted(rng, &return_types())?;
    let scope = Scope {
        params: &params,
        vars: &[],
    };
    let expr = gen(g, rng, &ret, &scope, MAX_DEPTH, true)?;
    let ops = op_count(&expr);
    let all_params = (1u64 << n_params) - 1;
    if !(MIN_OPS..=MAX_OPS).contains(&ops) || expr.params_used() != all_params {
        return None;
    }
    // Distinct inputs, then the program's results on them: the visible and held-out examples'
    // and, up to `PROBES` in all, more that only the rejection checks below see.
    let visible = rng.gen_range(2..=3);
    let kept = visible + held_out;
    let n = kept.max(PROBES);
    let mut inputs: Vec<Vec<PyVal>> = Vec::with_capacity(n);
    let mut reprs: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n * 20 {
        if inputs.len() == n {
            break;
        }
        let args: Vec<PyVal> = params
            .iter()
            .map(|t| random_value(rng, t, &Everyday, 0))
            .collect();
        let key = args.iter().map(PyVal::repr).collect::<Vec<_>>().join(", ");
        if !reprs.contains(&key) {
            reprs.push(key);
            inputs.push(args);
        }
    }
    if inputs.len() < n {
        return None;
    }
    let run = |args: &[PyVal]| {
        eval(
            &expr,
            &Env {
                params: args,
                vars: &[],
            },
        )
        .ok()
    };
    let mut outputs: Vec<PyVal> = inputs.iter().map(|a| run(a)).collect::<Option<Vec<_>>>()?;
    if !outputs.iter().all(small) {
        return None;
    }
    let same = |a: &PyVal, b: &PyVal| exact_eq(a, b) && a.repr() == b.repr();
    // A constant is no task; where the visible examples agree, one with another result
    // joins them (as a person shows a `True` and a `False` case). Agree as Python compares
    // (`0.0 == -0.0`).
    if outputs[..visible].iter().all(|o| py_eq(o, &outputs[0])) {
        let j = (visible..n).find(|&j| !py_eq(&outputs[j], &outputs[0]))?;
        inputs.swap(j, visible - 1);
        outputs.swap(j, visible - 1);
    }
    // An input returned as is.
    if (0..n_params).any(|j| inputs.iter().zip(&outputs).all(|(a, o)| same(&a[j], o))) {
        return None;
    }
    // A parameter whose value never matters: another example's value there changes nothing.
    for j in 0..n_params {
        let ignored = (0..n).all(|i| {
            let mut args = inputs[i].clone();
            args[j] = inputs[(i + 1) % n][j].clone();
            run(&args).is_some_and(|o| same(&o, &outputs[i]))
        });
        if ignored {
            return None;
        }
    }
    let examples: Vec<IoExample> = inputs[..kept]
        .iter()
        .zip(&outputs)
        .map(|(a, o)| {
            Some(IoExample {
                inputs: a.iter().map(PyVal::to_value).collect::<Option<_>>()?,
                output: o.to_value()?,
            })
        })
        .collect::<Option<_>>()?;
    let mut names: Vec<String> = Vec::new();
    for (j, t) in params.iter().enumerate() {
        let k = params[..j].iter().filter(|u| *u == t).count();
        names.push(param_name(t, k));
    }
    let program = render(&expr, &names).expr;
    let mut examples = examples;
    let held = examples.split_off(visible);
    Some(GeneratedTask {
        program,
        tokens: tokens::encode(&expr),
        task: Task {
            param_types: params.iter().map(Ty::to_string).collect(),
            param_names: names,
            examples,
            held_out: held,
            description: String::new(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Domain;
    use rand::SeedableRng;

    /// Accepted tasks of `n` draws from `seed`, and the number of draws.
    fn draws(seed: u64, n: usize, held_out: usize) -> (Vec<GeneratedTask>, usize) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut out = Vec::new();
        let mut d = 0;
        while out.len() < n && d < n * 1000 {
            d += 1;
            if let Some(t) = super::super::PythonDomain.sample("everyday", &mut rng, held_out) {
                out.push(t);
            }
        }
        (out, d)
    }

    #[test]
    fn profile_is_listed() {
        let d = crate::domain::domain_by_name("python").expect("python domain");
        assert_eq!(d.datagen_profiles(), &["everyday"]);
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        assert!((0..50).all(|_| d.sample("no-such-profile", &mut rng, 2).is_none()));
    }

    #[test]
    fn same_seed_same_tasks() {
        let (a, da) = draws(11, 25, 5);
        let (b, db) = draws(11, 25, 5);
        assert_eq!(a.len(), 25);
        assert_eq!(da, db);
        assert_eq!(a, b);
        let (c, _) = draws(12, 25, 5);
        assert_ne!(a, c);
    }

    #[test]
    fn tasks_are_well_formed_and_cheap() {
        let (tasks, d) = draws(3, 200, 6);
        assert_eq!(tasks.len(), 200);
        // Most draws are rejected by design, but not so many that a bench waits on them
        // (bench ask draws at most 100 per task).
        assert!(d < 200 * 40, "{d} draws for 200 tasks");
        let dom = super::super::PythonDomain;
        for t in &tasks {
            let task = &t.task;
            assert!((2..=3).contains(&task.examples.len()), "{}", t.program);
            assert_eq!(task.held_out.len(), 6);
            assert_eq!(task.param_names.len(), task.param_types.len());
            let all: Vec<&IoExample> = task.examples.iter().chain(&task.held_out).collect();
            for (i, e) in all.iter().enumerate() {
                assert_eq!(e.inputs.len(), task.param_names.len());
                // Distinct inputs; the tokens reproduce every output.
                assert!(
                    all[..i].iter().all(|o| o.inputs != e.inputs),
                    "{}",
                    t.program
                );
                let got = dom.eval_tokens(&t.tokens, &e.inputs);
                assert_eq!(got.as_ref(), Some(&e.output), "{}", t.program);
            }
            assert!(
                task.examples
                    .iter()
                    .any(|e| e.output != task.examples[0].output),
                "{}: a constant on the visible examples",
                t.program
            );
            let sol = dom
                .solution_from_tokens(task, &t.tokens)
                .expect("tokens parse");
            assert_eq!(sol.program, t.program);
            // The task passes the python space's own checks, as a user's function would.
            let params: Vec<crate::spec::Param> = task
                .param_names
                .iter()
                .zip(&task.param_types)
                .map(|(n, ty)| crate::spec::Param {
                    name: n.clone(),
                    annotation: Some(ty.clone()),
                    default: None,
                    kind: crate::spec::ParamKind::PositionalOrKeyword,
                })
                .collect();
            assert!(
                dom.task_for(&params, None, &task.examples).is_ok(),
                "{}",
                t.program
            );
        }
    }

    /// The rendered programs of a few hundred sampled tasks pass their own examples (visible
    /// and held out) in CPython, through the sandboxed runner: the interpreter's results are
    /// CPython's.
    #[test]
    fn sampled_programs_pass_their_examples_in_cpython() {
        let mut runner = match crate::runner::Runner::new(crate::runner::RunnerConfig::default()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("note: no Python runner available ({e}); skipping");
                return;
            }
        };
        let (tasks, _) = draws(21, 300, 4);
        let dom = super::super::PythonDomain;
        let mut failures = Vec::new();
        let mut checked = 0;
        for t in &tasks {
            let sol = dom
                .solution_from_tokens(&t.task, &t.tokens)
                .expect("tokens parse");
            let body: String = sol.body.lines().map(|l| format!("\n    {l}")).collect();
            let code = format!("def f({}):{body}\n", t.task.param_names.join(", "));
            let examples: Vec<IoExample> = t
                .task
                .examples
                .iter()
                .chain(&t.task.held_out)
                .cloned()
                .collect();
            let ok =
                crate::cli::bench::ask::generalizes(&mut runner, &code, &sol.imports, &examples)
                    .expect("runner");
            if !ok {
                failures.push(format!("{code}  on {examples:?}"));
            }
            // A control: the same program against a wrong output fails.
            if checked == 0 {
                let mut wrong = examples[..1].to_vec();
                wrong[0].output = crate::value::Value::Str("no such output".into());
                let passes =
                    crate::cli::bench::ask::generalizes(&mut runner, &code, &sol.imports, &wrong)
                        .expect("runner");
                assert!(!passes, "the runner passed a wrong output for {code}");
            }
            checked += 1;
        }
        assert_eq!(checked, 300);
        assert!(
            failures.is_empty(),
            "{} of {} programs fail their examples in CPython:\n{}",
            failures.len(),
            tasks.len(),
            failures.join("\n")
        );
    }

    /// Prints sampled tasks and the cost of a draw (`--ignored --nocapture`), for eyeballing.
    #[test]
    #[ignore]
    fn show_samples() {
        let start = std::time::Instant::now();
        let (tasks, d) = draws(1, 1000, 12);
        eprintln!(
            "{} tasks in {d} draws, {:?} per draw",
            tasks.len(),
            start.elapsed() / d as u32
        );
        for t in tasks.iter().take(60) {
            eprintln!(
                "{:<60} {:?} {}",
                t.program,
                t.task.param_types,
                t.task
                    .examples
                    .iter()
                    .map(|e| format!(
                        "{} -> {}",
                        e.inputs
                            .iter()
                            .map(|v| v.to_python_repr())
                            .collect::<Vec<_>>()
                            .join(", "),
                        e.output.to_python_repr()
                    ))
                    .collect::<Vec<_>>()
                    .join(" ; ")
            );
        }
    }
}
