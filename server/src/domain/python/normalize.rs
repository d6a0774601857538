//! Normalized inputs the description asks for but the examples cannot show: "ignoring case",
//! "case-insensitive", "surrounding spaces". On lower-case examples `text` and `text.lower()`
//! agree, so the search keeps the cheaper one and the description's intent is lost. Each found
//! program that leaves such an intent uncovered is tried again with its string parameters
//! normalized; a variant that still fits every example joins the solutions just after it. The
//! clustering inputs (which mix cases and spaces) then tell the two apart, and the ranking
//! charges the one that ignores the description.

use super::ast::{Expr, Hof, Op};
use super::enumerate::{contains_op, FoundProgram, SearchInput};
use super::types::Ty;
use super::value::PyVal;
use std::rc::Rc;

/// Found programs tried for normalized variants (the cheapest ones).
const TRIED: usize = 8;

/// How a string parameter is normalized.
#[derive(Clone, Copy)]
enum Normalize {
    /// One method call: `s.lower()`, `s.strip()`.
    Op(Op),
    /// `s.replace(' ', '')`: "ignoring spaces".
    NoSpaces,
}

impl Normalize {
    fn apply(self, e: Rc<Expr>) -> Rc<Expr> {
        match self {
            Normalize::Op(op) => Rc::new(Expr::Call(op, vec![e])),
            Normalize::NoSpaces => Rc::new(Expr::Call(
                Op::Replace,
                vec![
                    e,
                    Rc::new(Expr::Const(PyVal::str(" "))),
                    Rc::new(Expr::Const(PyVal::str(""))),
                ],
            )),
        }
    }
}

/// Intents that ask for a normalized string input, and how it is normalized.
const NORMALIZERS: &[(&str, Normalize)] = &[
    ("lower", Normalize::Op(Op::Lower)),
    ("upper", Normalize::Op(Op::Upper)),
    ("trim", Normalize::Op(Op::Strip)),
    ("spaces", Normalize::NoSpaces),
    ("alnum", Normalize::Op(Op::ReSubNonAlnum)),
];

/// Intents a rounded float result covers.
const ROUNDING: &[&str] = &["decimals", "round"];

/// `programs` with normalized variants inserted after the programs they vary.
pub(crate) fn with_normalized_inputs(
    input: &SearchInput,
    programs: Vec<FoundProgram>,
) -> Vec<FoundProgram> {
    if input.intents.is_empty() {
        return programs;
    }
    let str_params = input.params_of(|t| *t == Ty::Str);
    let mut out = Vec::with_capacity(programs.len());
    let mut seen: Vec<String> = programs.iter().map(|p| format!("{:?}", p.expr)).collect();
    for (rank, p) in programs.into_iter().enumerate() {
        let variants = if rank < TRIED {
            variants_of(input, &p, &str_params, &mut seen)
        } else {
            Vec::new()
        };
        let mut group = vec![p];
        group.extend(variants);
        if input.intents.wants("lower") {
            group = with_both_sides_lowered(input, group, &str_params, &mut seen);
        }
        out.extend(group);
    }
    out
}

fn variants_of(
    input: &SearchInput,
    p: &FoundProgram,
    str_params: &[usize],
    seen: &mut Vec<String>,
) -> Vec<FoundProgram> {
    let code = super::render::render(&p.expr, &input.param_names);
    let missing = input.intents.missing(&code.body);
    let used: Vec<usize> = str_params
        .iter()
        .copied()
        .filter(|&i| p.expr.params_used() & (1u64 << i.min(63)) != 0)
        .collect();
    let mut out = Vec::new();
    let wanted: Vec<Normalize> = NORMALIZERS
        .iter()
        .filter(|(intent, _)| missing.contains(intent))
        .map(|&(_, n)| n)
        .collect();
    if !used.is_empty() {
        for &n in &wanted {
            // Every string parameter the program reads: comparing two strings "ignoring case"
            // normalizes both. One normalization is one choice, whatever the number of
            // parameters.
            let expr = substitute_with(&p.expr, &used, &|e| n.apply(e));
            push_if_fits(input, expr, p.cost + 1, seen, &mut out);
        }
        // "Ignoring spaces and case": every normalization asked for, in one variant.
        if wanted.len() > 1 {
            let all = |e: Rc<Expr>| wanted.iter().fold(e, |acc, n| n.apply(acc));
            let expr = substitute_with(&p.expr, &used, &all);
            push_if_fits(input, expr, p.cost + wanted.len() as u32, seen, &mut out);
        }
    }
    // "The second largest distinct value": on examples without repeats `sorted(nums)` and
    // `sorted(set(nums))` agree, and the search keeps the cheaper. The list parameters the
    // program reads are tried as a set, then with their repeats dropped in order.
    if missing.contains(&"unique") {
        let lists = params_read(input, &p.expr, |t| matches!(t, Ty::List(_)));
        if !lists.is_empty() {
            for (op, extra) in [(Op::SetOf, 1), (Op::Unique, 2)] {
                // A set iterates in hash order: as a set, a list is only probed or counted.
                if op == Op::SetOf && iterates_in_order(&p.expr, &lists) {
                    continue;
                }
                let expr = substitute(&p.expr, &lists, op);
                push_if_fits(input, expr, p.cost + extra, seen, &mut out);
            }
        }
    }
    // "Ignoring the sign": on non-negative examples `n` and `abs(n)` agree. A program that
    // reads one number is tried with its absolute value (with more, which of them the
    // description means is a guess).
    if missing.contains(&"abs") {
        let numbers = params_read(input, &p.expr, |t| matches!(t, Ty::Int | Ty::Float));
        if numbers.len() == 1 {
            let expr = substitute(&p.expr, &numbers, Op::Abs);
            push_if_fits(input, expr, p.cost + 1, seen, &mut out);
        }
    }
    // "Sort the pairs by price": `sorted(xs)` fits examples where the key order is the
    // elements' own order; the key the description names is tried in its place.
    if missing.contains(&"sort-key") {
        for body in key_bodies() {
            if let Some(expr) = with_sort_key(&p.expr, &body) {
                push_if_fits(input, expr, p.cost + 1, seen, &mut out);
            }
        }
    }
    // "Skipping empty or blank parts": strings kept for their truth (`if part`) are kept for
    // their text stripped (`if part.strip()`).
    if missing.contains(&"blank") {
        if let Some(expr) = with_stripped_tests(&p.expr) {
            push_if_fits(input, expr, p.cost + 1, seen, &mut out);
        }
    }
    // "Ties are ordered alphabetically": `sorted(d, key=d.get)` fits examples without ties;
    // the elements sorted first keep that order among equal keys (the sort is stable).
    if missing.contains(&"tie-break") {
        if let Some(expr) = with_tie_break(&p.expr) {
            push_if_fits(input, expr, p.cost + 1, seen, &mut out);
        }
    }
    // "The keys present in both, sorted": on examples whose results come out in order, the
    // search stops at the cheaper unsorted selection; the list result sorted.
    if missing.contains(&"sort") && result_is_list(input) {
        let expr = Rc::new(Expr::Call(Op::Sorted, vec![p.expr.clone()]));
        push_if_fits(input, expr, p.cost + 1, seen, &mut out);
    }
    // "Rounded to cents", "to two decimal places": the float result rounded.
    // (A `try` is a whole body: nothing wraps it.)
    if missing.iter().any(|m| ROUNDING.contains(m))
        && result_is_float(input)
        && !matches!(&*p.expr, Expr::Call(Op::TryOr, _))
    {
        let expr = Rc::new(Expr::Call(
            Op::Round2,
            vec![
                p.expr.clone(),
                Rc::new(Expr::Const(PyVal::Int(input.decimals))),
            ],
        ));
        push_if_fits(input, expr, p.cost + 1, seen, &mut out);
    }
    out
}

/// Whether `e` iterates one of `params` where the order shows (a comprehension that is no
/// count, sum or test over it; a zip; an accumulation).
fn iterates_in_order(e: &Expr, params: &[usize]) -> bool {
    let is_param = |x: &Expr| matches!(x, Expr::Param(p) if params.contains(p));
    match e {
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => false,
        Expr::Call(_, args) => args.iter().any(|a| iterates_in_order(a, params)),
        Expr::Hof(h, it, body) => {
            let order_free = matches!(h, Hof::CountIf | Hof::Any | Hof::All | Hof::SumMap);
            (!order_free && is_param(it))
                || iterates_in_order(it, params)
                || iterates_in_order(body, params)
        }
        Expr::ZipMap(a, b, c) => {
            is_param(a) || is_param(b) || [a, b, c].iter().any(|x| iterates_in_order(x, params))
        }
        Expr::Scan(a, b) => {
            is_param(a) || iterates_in_order(a, params) || iterates_in_order(b, params)
        }
    }
}

/// The parameters of a type `kind` accepts that `expr` reads.
fn params_read(input: &SearchInput, expr: &Expr, kind: impl Fn(&Ty) -> bool) -> Vec<usize> {
    let used = expr.params_used();
    input
        .params_of(kind)
        .into_iter()
        .filter(|&i| used & (1u64 << i.min(63)) != 0)
        .collect()
}

fn push_if_fits(
    input: &SearchInput,
    expr: Rc<Expr>,
    cost: u32,
    seen: &mut Vec<String>,
    out: &mut Vec<FoundProgram>,
) {
    let key = format!("{expr:?}");
    if !seen.contains(&key) && input.fits(&expr) {
        seen.push(key);
        out.push(FoundProgram { expr, cost });
    }
}

/// Whether every example's output is a list.
fn result_is_list(input: &SearchInput) -> bool {
    !input.examples.is_empty()
        && input
            .examples
            .iter()
            .all(|(_, o)| matches!(o, PyVal::List(_)))
}

/// Whether every example's output is a float (a rounding wraps a float result only).
fn result_is_float(input: &SearchInput) -> bool {
    !input.examples.is_empty()
        && input
            .examples
            .iter()
            .all(|(_, o)| matches!(o, PyVal::Float(_)))
}

/// How many of the description's intents a found program leaves out once the normalizations
/// above are tried: the search need not go on for an intent a variant will cover.
pub(crate) fn uncovered_after_variants(input: &SearchInput, expr: &Expr, code: &str) -> usize {
    let reads_str = input
        .param_types
        .iter()
        .enumerate()
        .any(|(i, t)| *t == Ty::Str && expr.params_used() & (1u64 << i.min(63)) != 0);
    input
        .intents
        .missing(code)
        .into_iter()
        .filter(|m| {
            let normalizable = reads_str && NORMALIZERS.iter().any(|(n, _)| n == m);
            let roundable = ROUNDING.contains(m) && result_is_float(input);
            !(normalizable || roundable)
        })
        .count()
}

/// Sort keys tried for "sort ... by ...": a pair's fields, a string's or list's length, a
/// string's lower case. Ill-typed ones fail the examples.
fn key_bodies() -> Vec<Rc<Expr>> {
    let x = || Rc::new(Expr::Var(0));
    [Op::Snd, Op::Fst, Op::Len, Op::Lower, Op::Abs]
        .iter()
        .map(|&op| Rc::new(Expr::Call(op, vec![x()])))
        .collect()
}

/// `e` with its `sorted(xs)` calls sorted under `key=lambda x: body`; `None` when it sorts
/// nothing.
fn with_sort_key(e: &Rc<Expr>, body: &Rc<Expr>) -> Option<Rc<Expr>> {
    rewrite_calls(e, &|x| match x {
        Expr::Call(Op::Sorted, args) if args.len() == 1 => Some(Rc::new(Expr::Hof(
            Hof::SortedKey,
            args[0].clone(),
            body.clone(),
        ))),
        _ => None,
    })
}

/// `e` with its sorts under a key (`sorted(xs, key=f)`) sorting `sorted(xs)` instead; `None`
/// when it sorts nothing under a key.
fn with_tie_break(e: &Rc<Expr>) -> Option<Rc<Expr>> {
    rewrite_calls(e, &|x| match x {
        // "Ties go to the alphabetically first name": `max` keeps the first of equal keys.
        Expr::Hof(
            h @ (Hof::SortedKey
            | Hof::SortedKeyRev
            | Hof::MaxKey
            | Hof::MinKey
            | Hof::MaxKeyOrNone
            | Hof::MinKeyOrNone),
            xs,
            body,
        ) => Some(Rc::new(Expr::Hof(
            *h,
            Rc::new(Expr::Call(Op::Sorted, vec![xs.clone()])),
            body.clone(),
        ))),
        _ => None,
    })
}

/// `e` with each filter that keeps strings for their truth (`[p for p in parts if p]`) keeping
/// them for their stripped text (`if p.strip()`); `None` when it has no such filter.
fn with_stripped_tests(e: &Rc<Expr>) -> Option<Rc<Expr>> {
    rewrite_calls(e, &|x| match x {
        Expr::Hof(Hof::Filter, xs, body) if matches!(&**body, Expr::Var(0)) => {
            Some(Rc::new(Expr::Hof(
                Hof::Filter,
                xs.clone(),
                Rc::new(Expr::Call(Op::Strip, vec![body.clone()])),
            )))
        }
        _ => None,
    })
}

/// `e` with each outermost node that `at` rewrites, found through calls' arguments, rewritten;
/// `None` when it rewrites none.
fn rewrite_calls(e: &Rc<Expr>, at: &dyn Fn(&Expr) -> Option<Rc<Expr>>) -> Option<Rc<Expr>> {
    if let Some(n) = at(e) {
        return Some(n);
    }
    let Expr::Call(o, args) = &**e else {
        return None;
    };
    let mut changed = false;
    let new: Vec<Rc<Expr>> = args
        .iter()
        .map(|a| match rewrite_calls(a, at) {
            Some(n) => {
                changed = true;
                n
            }
            None => a.clone(),
        })
        .collect();
    changed.then(|| Rc::new(Expr::Call(*o, new)))
}

/// "Ignoring case": `target == word.lower()` fits lower-case targets only. Each program that
/// compares a lower-cased string with a string parameter as given is followed by the
/// comparison of both lowered (lowering both sides is one choice, paid for where one side was
/// lowered), and costs `HALF_LOWERED_COST` more itself; so does one that compares a
/// lower-cased string with a comprehension's element as given (`target.lower() in word`).
fn with_both_sides_lowered(
    input: &SearchInput,
    group: Vec<FoundProgram>,
    str_params: &[usize],
    seen: &mut Vec<String>,
) -> Vec<FoundProgram> {
    let mut out = Vec::with_capacity(group.len() + 1);
    for mut p in group {
        let mut bare = Vec::new();
        let mut bare_var = false;
        half_lowered(&p.expr, str_params, &mut bare, &mut bare_var);
        let mut lowered = Vec::new();
        if !bare.is_empty() {
            let expr = substitute(&p.expr, &bare, Op::Lower);
            push_if_fits(input, expr, p.cost, seen, &mut lowered);
        }
        if bare_var || !bare.is_empty() {
            p.cost += HALF_LOWERED_COST;
        }
        out.push(p);
        out.extend(lowered);
    }
    out
}

/// Extra cost of a comparison of a lower-cased string with one left as given, where the
/// description asks to ignore case.
const HALF_LOWERED_COST: u32 = 2;

/// The string parameters (of `str_params`) that `e` compares, as given, with a lower-cased
/// string (`target == word.lower()`, `word.lower().startswith(prefix)`), into `params`; and
/// whether it so compares a comprehension's element (`target.lower() in word`).
fn half_lowered(e: &Expr, str_params: &[usize], params: &mut Vec<usize>, var: &mut bool) {
    let lowers = |x: &Expr| contains_op(x, Op::Lower);
    match e {
        Expr::Call(op, args) => {
            let compares = matches!(
                op,
                Op::Eq
                    | Op::NotEq
                    | Op::In
                    | Op::NotIn
                    | Op::StartsWith
                    | Op::EndsWith
                    | Op::CountSub
                    | Op::Find
            );
            if compares && args.len() == 2 {
                for (side, other) in [(&args[0], &args[1]), (&args[1], &args[0])] {
                    match &**side {
                        Expr::Param(p)
                            if str_params.contains(p) && lowers(other) && !params.contains(p) =>
                        {
                            params.push(*p);
                        }
                        Expr::Var(_) if lowers(other) => *var = true,
                        _ => {}
                    }
                }
            }
            for a in args {
                half_lowered(a, str_params, params, var);
            }
        }
        Expr::Hof(_, a, b) | Expr::Scan(a, b) => {
            half_lowered(a, str_params, params, var);
            half_lowered(b, str_params, params, var);
        }
        Expr::ZipMap(a, b, c) => {
            for x in [a, b, c] {
                half_lowered(x, str_params, params, var);
            }
        }
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => {}
    }
}

/// `e` with every `Param(i)`, `i` in `params`, replaced by `op(Param(i))`.
fn substitute(e: &Rc<Expr>, params: &[usize], op: Op) -> Rc<Expr> {
    substitute_with(e, params, &|p| Rc::new(Expr::Call(op, vec![p])))
}

/// `e` with every `Param(i)`, `i` in `params`, replaced by `wrap(Param(i))`.
fn substitute_with(
    e: &Rc<Expr>,
    params: &[usize],
    wrap: &dyn Fn(Rc<Expr>) -> Rc<Expr>,
) -> Rc<Expr> {
    let sub = |a: &Rc<Expr>| substitute_with(a, params, wrap);
    match &**e {
        Expr::Param(i) if params.contains(i) => wrap(e.clone()),
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => e.clone(),
        // A `None` test reads the parameter itself (`text.strip() is None` raises on `None`).
        Expr::Call(Op::IsNone | Op::IsNotNone, _) => e.clone(),
        Expr::Call(o, args) => Rc::new(Expr::Call(*o, args.iter().map(sub).collect())),
        Expr::Hof(h, a, b) => Rc::new(Expr::Hof(*h, sub(a), sub(b))),
        Expr::ZipMap(a, b, c) => Rc::new(Expr::ZipMap(sub(a), sub(b), sub(c))),
        Expr::Scan(a, b) => Rc::new(Expr::Scan(sub(a), sub(b))),
    }
}
