//! Python source for programs of the space, written as a reviewer would write them.

use super::ast::{Expr, Hof, Op};
use super::value::PyVal;
use std::collections::BTreeSet;

/// Rendered expression, the function body that returns it, and the imports they need.
pub(crate) struct Rendered {
    pub(crate) expr: String,
    /// The body: `return <expr>`, or a few statements where one expression reads badly (a
    /// guard clause, an accumulator loop, a helper variable); the same program either way.
    pub(crate) body: String,
    pub(crate) imports: Vec<String>,
}

/// Longest `return` line kept on one line before an accumulator loop takes over.
const MAX_LINE: usize = 79;

/// Renders `e` over parameters named `params`.
pub(crate) fn render(e: &Expr, params: &[String]) -> Rendered {
    let mut r = Renderer {
        params,
        vars: Vec::new(),
        imports: BTreeSet::new(),
        locals: Vec::new(),
    };
    let mut expr = r.expr(e, 0).0;
    // A `Counter` result shows as `Counter({...})`; the function returns a plain dict.
    if matches!(e, Expr::Call(Op::Counter, _)) {
        expr = format!("dict({expr})");
    }
    let body = r
        .statements(e, &expr)
        .unwrap_or_else(|| format!("return {expr}"));
    Rendered {
        expr,
        body,
        imports: r.imports.into_iter().collect(),
    }
}

struct Renderer<'a> {
    params: &'a [String],
    /// Names of the bound variables of the enclosing comprehensions (innermost last).
    vars: Vec<Vec<String>>,
    imports: BTreeSet<String>,
    /// Local variables of a statement body: (the subexpression's `Debug` text, its name).
    locals: Vec<(String, String)>,
}

// Precedence levels (higher binds tighter).
const P_IF: u8 = 1;
const P_OR: u8 = 2;
const P_AND: u8 = 3;
const P_NOT: u8 = 4;
const P_CMP: u8 = 5;
const P_BOR: u8 = 6;
const P_BXOR: u8 = 7;
const P_BAND: u8 = 8;
const P_SHIFT: u8 = 9;
const P_ADD: u8 = 10;
const P_MUL: u8 = 11;
const P_UNARY: u8 = 12;
const P_POW: u8 = 13;
const P_ATOM: u8 = 14;

/// The parameter whose keys `iter` iterates: the parameter itself, or it sorted.
fn dict_keys_of(iter: &Expr) -> Option<usize> {
    match iter {
        Expr::Param(p) => Some(*p),
        Expr::Call(Op::Sorted, a) => match &*a[0] {
            Expr::Param(p) => Some(*p),
            _ => None,
        },
        _ => None,
    }
}

fn singular(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    for (suffix, repl) in [("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch")] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some(format!("{stem}{repl}"));
            }
        }
    }
    let stem = lower.strip_suffix('s')?;
    if stem.len() >= 2 && !stem.ends_with('s') {
        Some(stem.to_string())
    } else {
        None
    }
}

/// The value expressions of `Op::DictOf`'s tuple: a pair or a triple, or two pairs for four.
fn dict_values(e: &Expr, keys: usize) -> Option<Vec<std::rc::Rc<Expr>>> {
    let Expr::Call(Op::MkTuple2 | Op::MkTuple3, vs) = e else {
        return None;
    };
    if let ([a, b], 4) = (&vs[..], keys) {
        if let (Expr::Call(Op::MkTuple2, x), Expr::Call(Op::MkTuple2, y)) = (&**a, &**b) {
            return Some(x.iter().chain(y.iter()).cloned().collect());
        }
    }
    Some(vs.clone())
}

impl Renderer<'_> {
    fn taken(&self, name: &str) -> bool {
        self.params.iter().any(|p| p == name)
            || self.vars.iter().flatten().any(|v| v == name)
            || self.locals.iter().any(|(_, v)| v == name)
    }

    /// A statement body for `e` (rendered as `expr`) when one reads better than `return expr`.
    fn statements(&mut self, e: &Expr, expr: &str) -> Option<String> {
        if let Expr::Call(Op::DeepGet, a) = e {
            // The expression form's `functools.reduce` is for display only.
            self.imports.remove("import functools");
            let data = self.wrap(&a[0], 0);
            let keys = self.wrap(&a[1], 0);
            let default = self.wrap(&a[2], 0);
            let value = self.fresh(&["value".to_string(), "node".to_string()]);
            let key = self.fresh(&["key".to_string(), "part".to_string()]);
            return Some(format!(
                "{value} = {data}\nfor {key} in {keys}:\n    if not isinstance({value}, dict) or {key} not in {value}:\n        return {default}\n    {value} = {value}[{key}]\nreturn {value}"
            ));
        }
        if let Expr::Call(Op::TryOr, a) = e {
            let attempt = self.wrap(&a[0], 0);
            let fallback = self.wrap(&a[1], 0);
            let class = caught_class(&a[2]);
            return Some(format!(
                "try:\n    return {attempt}\nexcept {class}:\n    return {fallback}"
            ));
        }
        if let Some(g) = self.guard_clause(e) {
            return Some(g);
        }
        if let Some(g) = self.group_loop(e) {
            return Some(g);
        }
        if let Some(g) = self.per_key_loop(e) {
            return Some(g);
        }
        if let Some(h) = self.helper_variable(e) {
            return Some(h);
        }
        if "return ".len() + expr.len() > MAX_LINE {
            return self.accumulator_loop(e);
        }
        None
    }

    /// `if not items:\n    return None\nreturn items[0]` for a conditional whose condition
    /// checks emptiness or zero and whose early branch is a constant.
    fn guard_clause(&mut self, e: &Expr) -> Option<String> {
        let Expr::Call(Op::IfExp, a) = e else {
            return None;
        };
        let (c, x, y) = (&*a[0], &*a[1], &*a[2]);
        let (test, early, late) = match c {
            // `x if c else y` with `c` tested for truth: `if not c: return y`.
            _ if is_truth_test(c)
                && matches!(y, Expr::Const(_))
                && !matches!(x, Expr::Const(_)) =>
            {
                (format!("not {}", self.wrap(c, P_NOT)), y, x)
            }
            Expr::Call(Op::Not, inner)
                if is_truth_test(&inner[0])
                    && matches!(x, Expr::Const(_))
                    && !matches!(y, Expr::Const(_)) =>
            {
                (self.wrap(c, P_IF), x, y)
            }
            Expr::Call(Op::Eq, cmp)
                if is_zero(&cmp[1])
                    && matches!(x, Expr::Const(_))
                    && !matches!(y, Expr::Const(_)) =>
            {
                (self.wrap(c, P_IF), x, y)
            }
            // `if text is None: return ''` (a yes/no result reads `text is None or ...`).
            Expr::Call(Op::IsNone, _)
                if matches!(x, Expr::Const(v) if !matches!(v, PyVal::Bool(_)))
                    && !matches!(y, Expr::Const(_)) =>
            {
                (self.wrap(c, P_IF), x, y)
            }
            _ => return None,
        };
        let early = self.wrap(early, 0);
        let late = self.wrap(late, 0);
        Some(format!("if {test}:\n    return {early}\nreturn {late}"))
    }

    /// `groups = {}\nfor x in xs:\n    groups.setdefault(f(x), []).append(x)` for a program
    /// that groups elements by a key.
    fn group_loop(&mut self, e: &Expr) -> Option<String> {
        let Expr::Hof(Hof::GroupBy, iter, body) = e else {
            return None;
        };
        let name = self.fresh(&["groups".to_string()]);
        let it = self.iter_arg(iter);
        self.locals.push((String::new(), name.clone()));
        let v = self.elem_name(iter);
        self.vars.push(vec![v.clone()]);
        let key = self.wrap(body, 0);
        self.vars.pop();
        self.locals.clear();
        Some(format!(
            "{name} = {{}}\nfor {v} in {it}:\n    {name}.setdefault({key}, []).append({v})\nreturn {name}"
        ))
    }

    /// `totals = {}\nfor key, value in pairs:\n    totals[key] = totals.get(key, 0) + value`
    /// for a program that sums the values of (key, value) pairs per key; likewise the largest
    /// (`best[key] = max(best.get(key, value), value)`), the smallest, or all of them
    /// (`groups.setdefault(key, []).append(value)`). Pairs built from each element
    /// (`(t[0][:7], t[1]) for t in transactions`) are read in the loop.
    fn per_key_loop(&mut self, e: &Expr) -> Option<String> {
        let Expr::Call(op @ (Op::SumByKey | Op::MaxByKey | Op::MinByKey | Op::ListByKey), a) = e
        else {
            return None;
        };
        let acc = match op {
            Op::SumByKey => "totals",
            Op::MaxByKey => "best",
            Op::MinByKey => "lowest",
            _ => "groups",
        };
        let name = self.fresh(&[acc.to_string()]);
        self.locals.push((String::new(), name.clone()));
        let (head, key, value, setup) = match &*a[0] {
            Expr::Hof(Hof::Map, iter, body) => {
                let Expr::Call(Op::MkTuple2, kv) = &**body else {
                    self.locals.clear();
                    return None;
                };
                let it = self.iter_arg(iter);
                let x = self.elem_name(iter);
                self.vars.push(vec![x.clone()]);
                let key_expr = self.wrap(&kv[0], 0);
                let value = self.wrap(&kv[1], 0);
                // A key read twice (`totals.get(key, 0)`) is named once.
                let (key, setup) = if matches!(&*kv[0], Expr::Var(_)) || *op == Op::ListByKey {
                    (key_expr, String::new())
                } else {
                    let key = self.fresh(&["key".to_string(), "k".to_string()]);
                    (key.clone(), format!("    {key} = {key_expr}\n"))
                };
                self.vars.pop();
                (format!("for {x} in {it}:"), key, value, setup)
            }
            pairs => {
                let pairs = self.iter_arg(pairs);
                let key = self.fresh(&["key".to_string()]);
                self.vars.push(vec![key.clone()]);
                let value = self.fresh(&["value".to_string(), "amount".to_string()]);
                self.vars.pop();
                (
                    format!("for {key}, {value} in {pairs}:"),
                    key,
                    value,
                    String::new(),
                )
            }
        };
        self.locals.clear();
        let update = match op {
            Op::SumByKey => format!("{name}[{key}] = {name}.get({key}, 0) + {value}"),
            Op::MaxByKey => format!("{name}[{key}] = max({name}.get({key}, {value}), {value})"),
            Op::MinByKey => format!("{name}[{key}] = min({name}.get({key}, {value}), {value})"),
            _ => format!("{name}.setdefault({key}, []).append({value})"),
        };
        Some(format!(
            "{name} = {{}}\n{head}\n{setup}    {update}\nreturn {name}"
        ))
    }

    /// `name = <sub>` for a subexpression the expression computes twice (one of them where
    /// it is always evaluated, so the hoisted evaluation raises only where the original did).
    fn helper_variable(&mut self, e: &Expr) -> Option<String> {
        let mut all = Vec::new();
        outside_bodies(e, &mut all);
        let mut eager = Vec::new();
        eager_nodes(e, &mut eager);
        let sub = eager
            .into_iter()
            .filter(|s| s.size() >= 3 && !s.uses_var())
            .filter(|s| {
                let key = format!("{s:?}");
                all.iter().filter(|t| format!("{t:?}") == key).count() >= 2
            })
            .max_by_key(|s| s.size())?;
        let name = self.fresh(&[local_name(sub).to_string()]);
        let value = self.wrap(sub, 0);
        self.locals.push((format!("{sub:?}"), name.clone()));
        let rest = self.wrap(e, 0);
        self.locals.clear();
        Some(format!("{name} = {value}\nreturn {rest}"))
    }

    /// `total = 0\nfor x in xs:\n    total += f(x)` for a sum (or count) that makes the line
    /// too long, with the rest of the expression over `total`.
    fn accumulator_loop(&mut self, e: &Expr) -> Option<String> {
        let mut eager = Vec::new();
        eager_nodes(e, &mut eager);
        let acc = eager
            .into_iter()
            .find(|s| matches!(s, Expr::Hof(Hof::SumMap | Hof::CountIf, ..)) && !s.uses_var())?;
        let Expr::Hof(h, iter, body) = acc else {
            return None;
        };
        // `sum(f(x) for x in xs if p(x))` is a map over a filter.
        let (iter, pred, body) = match (&**iter, h) {
            (Expr::Hof(Hof::Filter, inner, p), Hof::SumMap) => {
                (&**inner, Some(&**p), Some(&**body))
            }
            (_, Hof::SumMap) => (&**iter, None, Some(&**body)),
            _ => (&**iter, Some(&**body), None),
        };
        let name = self.fresh(&[if *h == Hof::SumMap { "total" } else { "count" }.to_string()]);
        let it = self.iter_arg(iter);
        self.locals.push((String::new(), name.clone()));
        let v = self.elem_name(iter);
        self.vars.push(vec![v.clone()]);
        let test = pred.map(|p| self.wrap(p, 0));
        let step = body.map_or_else(|| "1".to_string(), |b| self.wrap(b, 0));
        self.vars.pop();
        self.locals.pop();
        self.locals.push((format!("{acc:?}"), name.clone()));
        let rest = self.wrap(e, 0);
        self.locals.clear();
        let mut out = format!("{name} = 0\nfor {v} in {it}:\n");
        match test {
            Some(t) => out.push_str(&format!("    if {t}:\n        {name} += {step}\n")),
            None => out.push_str(&format!("    {name} += {step}\n")),
        }
        out.push_str(&format!("return {rest}"));
        Some(out)
    }

    fn fresh(&self, preferred: &[String]) -> String {
        for p in preferred {
            if !self.taken(p) && !is_keyword(p) {
                return p.clone();
            }
        }
        for base in ["x", "y", "v", "item", "elem"] {
            if !self.taken(base) {
                return base.to_string();
            }
        }
        let mut i = 1;
        loop {
            let n = format!("x{i}");
            if !self.taken(&n) {
                return n;
            }
            i += 1;
        }
    }

    /// A name for the element of iterating `iter`.
    fn elem_name(&self, iter: &Expr) -> String {
        let mut pref = Vec::new();
        let base = match iter {
            Expr::Param(i) => self.params.get(*i).cloned(),
            // `for n in re.findall(r'\d+', text)`, `for part in version.split('.')`.
            Expr::Call(Op::FindallDigits, _) => {
                pref.push("n".to_string());
                Some("nums".to_string())
            }
            Expr::Call(Op::Split, a) if !matches!(&*a[1], Expr::Const(PyVal::Str(s)) if s.trim().is_empty()) => {
                Some("parts".to_string())
            }
            Expr::Call(Op::SplitWs | Op::Split, _) => Some("words".to_string()),
            Expr::Call(_, args) => match args.first().map(|a| &**a) {
                Some(Expr::Param(i)) => self.params.get(*i).cloned(),
                _ => None,
            },
            _ => None,
        };
        if let Some(b) = &base {
            if let Some(s) = singular(b) {
                pref.push(s);
            }
            let lower = b.to_ascii_lowercase();
            if [
                "text", "s", "string", "word", "sentence", "name", "line", "str1", "string1",
            ]
            .contains(&lower.as_str())
                || lower.contains("str")
                || lower.contains("text")
            {
                pref.push("c".to_string());
                pref.push("ch".to_string());
            }
        }
        if matches!(iter, Expr::Call(Op::Range1 | Op::Range2, _)) {
            pref.push("i".to_string());
        }
        // `for d in str(n)`: the digits of a number.
        if matches!(iter, Expr::Call(Op::StrOf, _)) {
            pref.insert(0, "d".to_string());
        }
        self.fresh(&pref)
    }

    fn wrap(&mut self, e: &Expr, min: u8) -> String {
        let (s, p) = self.expr(e, min);
        if p < min {
            format!("({s})")
        } else {
            s
        }
    }

    /// An argument in a position that only iterates (no `list(...)` needed around ranges or
    /// dict views).
    fn iter_arg(&mut self, e: &Expr) -> String {
        self.iter_arg_with(e, false)
    }

    /// The sole argument of a call that iterates: a comprehension becomes a generator.
    fn sole_iter_arg(&mut self, e: &Expr) -> String {
        self.iter_arg_with(e, true)
    }

    fn iter_arg_with(&mut self, e: &Expr, sole: bool) -> String {
        if sole && matches!(e, Expr::Hof(Hof::Map | Hof::Filter, ..) | Expr::ZipMap(..)) {
            let s = self.wrap(e, P_IF);
            if let Some(inner) = s.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                return inner.to_string();
            }
            return s;
        }
        match e {
            Expr::Call(Op::Range1, a) => format!("range({})", self.wrap(&a[0], P_IF)),
            Expr::Call(Op::Range2, a) => format!(
                "range({}, {})",
                self.wrap(&a[0], P_IF),
                self.wrap(&a[1], P_IF)
            ),
            Expr::Call(Op::Keys, a) | Expr::Call(Op::ListOf, a) => self.wrap(&a[0], P_IF),
            Expr::Call(Op::Values, a) => format!("{}.values()", self.wrap(&a[0], P_ATOM)),
            Expr::Call(op @ (Op::AccSum | Op::AccMax | Op::AccMin), _) => {
                let full = self.wrap(e, P_IF);
                let _ = op;
                full.strip_prefix("list(")
                    .and_then(|x| x.strip_suffix(')'))
                    .map(str::to_string)
                    .unwrap_or(full)
            }
            Expr::Call(Op::Items, a) => format!("{}.items()", self.wrap(&a[0], P_ATOM)),
            Expr::Scan(..) => {
                let full = self.wrap(e, P_IF);
                full.strip_prefix("list(")
                    .and_then(|x| x.strip_suffix(')'))
                    .map(str::to_string)
                    .unwrap_or(full)
            }
            _ => self.wrap(e, P_IF),
        }
    }

    fn expr(&mut self, e: &Expr, _min: u8) -> (String, u8) {
        if !self.locals.is_empty() {
            let key = format!("{e:?}");
            if let Some((_, name)) = self.locals.iter().find(|(k, _)| *k == key) {
                return (name.clone(), P_ATOM);
            }
        }
        match e {
            Expr::Param(i) => (
                self.params
                    .get(*i)
                    .cloned()
                    .unwrap_or_else(|| format!("arg{i}")),
                P_ATOM,
            ),
            Expr::Var(i) => {
                let name = self
                    .vars
                    .last()
                    .and_then(|v| v.get(*i))
                    .cloned()
                    .unwrap_or_else(|| "x".to_string());
                (name, P_ATOM)
            }
            Expr::Const(v) => {
                let s = v.repr();
                let p = match v {
                    PyVal::Int(i) if *i < 0 => P_UNARY,
                    PyVal::Float(f) if f.is_sign_negative() => P_UNARY,
                    _ => P_ATOM,
                };
                (s, p)
            }
            Expr::Call(op, args) => self.call(*op, args),
            Expr::Hof(h, iter, body) => self.hof(*h, iter, body),
            Expr::ZipMap(a, b, body) => {
                // Neighbours (`zip(xs, xs[1:])`): each element and the one after it.
                let neighbours = match (&**a, &**b) {
                    (Expr::Param(p), Expr::Call(Op::SliceFrom, args)) => {
                        matches!(args.first().map(|t| &**t), Some(Expr::Param(q)) if q == p)
                    }
                    _ => false,
                };
                let (x, y) = if neighbours {
                    let x = self.fresh(&["prev".to_string(), "a".to_string()]);
                    self.vars.push(vec![x.clone()]);
                    let y = self.fresh(&["cur".to_string(), "b".to_string()]);
                    self.vars.pop();
                    (x, y)
                } else {
                    let x = self.elem_name(a);
                    self.vars.push(vec![x.clone()]);
                    let y = self.elem_name(b);
                    self.vars.pop();
                    let y = if y == x {
                        self.fresh(&["y".to_string()])
                    } else {
                        y
                    };
                    (x, y)
                };
                let (sa, sb) = (self.iter_arg(a), self.iter_arg(b));
                self.vars.push(vec![x.clone(), y.clone()]);
                let body = self.wrap(body, P_IF);
                self.vars.pop();
                (format!("[{body} for {x}, {y} in zip({sa}, {sb})]"), P_ATOM)
            }
            Expr::Scan(src, body) => {
                self.imports
                    .insert("from itertools import accumulate".into());
                let x = self.elem_name(src);
                let acc = self.fresh(&["acc".to_string(), "total".to_string()]);
                let x = if x == acc {
                    self.fresh(&["x".to_string(), "item".to_string()])
                } else {
                    x
                };
                let it = self.iter_arg(src);
                self.vars.push(vec![acc.clone(), x.clone()]);
                let b = self.wrap(body, P_IF);
                self.vars.pop();
                (
                    format!("list(accumulate({it}, lambda {acc}, {x}: {b}))"),
                    P_ATOM,
                )
            }
        }
    }

    fn hof(&mut self, h: Hof, iter: &Expr, body: &Expr) -> (String, u8) {
        // `[f(x) for x in xs if p(x)]`: a map over a filter reads as one comprehension.
        if h.over_items() {
            return self.items_comprehension(h, iter, body);
        }
        if let (
            Hof::Map | Hof::SumMap | Hof::JoinMap | Hof::Any | Hof::All | Hof::DictMap,
            Expr::Hof(Hof::Filter, inner, pred),
        ) = (h, iter)
        {
            let v = self.elem_name(inner);
            let it = self.iter_arg(inner);
            self.vars.push(vec![v.clone()]);
            let b = self.wrap(body, P_OR);
            let p = self.wrap(pred, P_OR);
            self.vars.pop();
            let gen = format!("{b} for {v} in {it} if {p}");
            let s = match h {
                Hof::Map => format!("[{gen}]"),
                Hof::SumMap => format!("sum({gen})"),
                Hof::JoinMap => format!("''.join({gen})"),
                Hof::DictMap => format!("{{{v}: {gen}}}"),
                Hof::Any => format!("any({gen})"),
                _ => format!("all({gen})"),
            };
            return (s, P_ATOM);
        }
        let v = self.elem_name(iter);
        let it = self.iter_arg(iter);
        self.vars.push(vec![v.clone()]);
        let key_fn = match body {
            // `max(d, key=d.get)`: the key is the dict's own lookup (of its keys, or of its
            // keys sorted: `sorted(sorted(d), key=d.get)`).
            Expr::Call(Op::Index, a)
                if matches!(&*a[1], Expr::Var(0))
                    && matches!(&*a[0], Expr::Param(p) if dict_keys_of(iter) == Some(*p)) =>
            {
                Some(format!("{}.get", self.wrap(&a[0], P_ATOM)))
            }
            Expr::Call(Op::Len, a) if matches!(&*a[0], Expr::Var(0)) => Some("len".to_string()),
            Expr::Call(Op::Abs, a) if matches!(&*a[0], Expr::Var(0)) => Some("abs".to_string()),
            Expr::Call(Op::Lower, a) if matches!(&*a[0], Expr::Var(0)) => {
                Some("str.lower".to_string())
            }
            _ => None,
        };
        // An element may be a conditional expression (`[a if c else b for x in xs]`); a
        // condition may not.
        let b = self.wrap(body, P_IF);
        let c = if matches!(body, Expr::Call(Op::IfExp, _)) {
            format!("({b})")
        } else {
            b.clone()
        };
        let lam = key_fn.unwrap_or_else(|| format!("lambda {v}: {b}"));
        self.vars.pop();
        let s = match h {
            // The same value for every element: `[0 for _ in xs]`.
            Hof::Map if !body.uses_var() => format!("[{b} for _ in {it}]"),
            Hof::Map => format!("[{b} for {v} in {it}]"),
            Hof::Filter => format!("[{v} for {v} in {it} if {c}]"),
            Hof::SumMap => format!("sum({b} for {v} in {it})"),
            Hof::CountIf => format!("sum(1 for {v} in {it} if {c})"),
            Hof::Any => format!("any({b} for {v} in {it})"),
            Hof::All => format!("all({b} for {v} in {it})"),
            Hof::SortedKey => format!("sorted({it}, key={lam})"),
            Hof::SortedKeyRev => format!("sorted({it}, key={lam}, reverse=True)"),
            Hof::MaxKey => format!("max({it}, key={lam})"),
            Hof::MinKey => format!("min({it}, key={lam})"),
            Hof::JoinMap => format!("''.join({b} for {v} in {it})"),
            Hof::JoinFilter => format!("''.join({v} for {v} in {it} if {c})"),
            Hof::DictMap => format!("{{{v}: {b} for {v} in {it}}}"),
            Hof::FirstWhere => format!("next(({v} for {v} in {it} if {c}), None)"),
            Hof::IndicesWhere | Hof::FirstIndexWhere => {
                self.vars.push(vec![v.clone()]);
                let i = self.fresh(&["i".to_string(), "index".to_string(), "idx".to_string()]);
                self.vars.pop();
                if h == Hof::IndicesWhere {
                    format!("[{i} for {i}, {v} in enumerate({it}) if {c}]")
                } else {
                    format!("next(({i} for {i}, {v} in enumerate({it}) if {c}), None)")
                }
            }
            Hof::TakeWhile => {
                self.imports
                    .insert("from itertools import takewhile".into());
                format!("list(takewhile(lambda {v}: {b}, {it}))")
            }
            Hof::KeyBy => format!("{{{b}: {v} for {v} in {it}}}"),
            Hof::MaxKeyOrNone => format!("max({it}, key={lam}, default=None)"),
            Hof::MinKeyOrNone => format!("min({it}, key={lam}, default=None)"),
            Hof::ItemsFilter | Hof::ItemsKeyMap | Hof::ItemsValMap => {
                format!("{{{v}: {b} for {v} in {it}}}")
            }
            // Inside a larger expression (a whole program is a loop: `group_loop`).
            Hof::GroupBy => {
                self.vars.push(vec![v.clone()]);
                let key = self.fresh(&["key".to_string(), "k".to_string()]);
                self.vars.pop();
                format!(
                    "{{{key}: [{v} for {v} in {it} if {b} == {key}] \
                     for {key} in dict.fromkeys({b} for {v} in {it})}}"
                )
            }
        };
        (s, P_ATOM)
    }

    /// `{k: v for k, v in d.items() if p}`, `{f: v for k, v in d.items()}`,
    /// `{k: f for k, v in d.items()}`.
    fn items_comprehension(&mut self, h: Hof, dict: &Expr, body: &Expr) -> (String, u8) {
        let k = self.fresh(&["k".to_string(), "key".to_string()]);
        self.vars.push(vec![k.clone()]);
        let v = self.fresh(&["v".to_string(), "value".to_string()]);
        self.vars.pop();
        let d = self.wrap(dict, P_ATOM);
        self.vars.push(vec![k.clone(), v.clone()]);
        let b = self.wrap(body, P_IF);
        self.vars.pop();
        let gen = format!("for {k}, {v} in {d}.items()");
        let s = match h {
            Hof::ItemsFilter => {
                let c = if matches!(body, Expr::Call(Op::IfExp, _)) {
                    format!("({b})")
                } else {
                    b
                };
                format!("{{{k}: {v} {gen} if {c}}}")
            }
            Hof::ItemsKeyMap => format!("{{{b}: {v} {gen}}}"),
            _ => format!("{{{k}: {b} {gen}}}"),
        };
        (s, P_ATOM)
    }

    fn call(&mut self, op: Op, a: &[std::rc::Rc<Expr>]) -> (String, u8) {
        use Op::*;
        let bin = |r: &mut Self, sym: &str, p: u8, right_min: u8| {
            let l = r.wrap(&a[0], p);
            let rr = r.wrap(&a[1], right_min);
            (format!("{l} {sym} {rr}"), p)
        };
        // Comparisons chain in Python: a comparison operand is parenthesized on either side
        // (`(a < b) == (c < d)`).
        let cmp = |r: &mut Self, sym: &str| {
            let l = r.wrap(&a[0], P_CMP + 1);
            let rr = r.wrap(&a[1], P_CMP + 1);
            (format!("{l} {sym} {rr}"), P_CMP)
        };
        let f1 = |r: &mut Self, name: &str| (format!("{name}({})", r.wrap(&a[0], P_IF)), P_ATOM);
        let fi = |r: &mut Self, name: &str| (format!("{name}({})", r.sole_iter_arg(&a[0])), P_ATOM);
        let f2 = |r: &mut Self, name: &str| {
            (
                format!("{name}({}, {})", r.wrap(&a[0], P_IF), r.wrap(&a[1], P_IF)),
                P_ATOM,
            )
        };
        let m0 = |r: &mut Self, name: &str| (format!("{}.{name}()", r.wrap(&a[0], P_ATOM)), P_ATOM);
        let m1 = |r: &mut Self, name: &str| {
            (
                format!("{}.{name}({})", r.wrap(&a[0], P_ATOM), r.wrap(&a[1], P_IF)),
                P_ATOM,
            )
        };
        match op {
            Add => {
                if let Some(f) = self.concat_fstring(a) {
                    return (f, P_ATOM);
                }
                bin(self, "+", P_ADD, P_ADD + 1)
            }
            Sub | SetSub => bin(self, "-", P_ADD, P_ADD + 1),
            Mul => bin(self, "*", P_MUL, P_MUL + 1),
            TrueDiv => bin(self, "/", P_MUL, P_MUL + 1),
            FloorDiv => bin(self, "//", P_MUL, P_MUL + 1),
            Mod => bin(self, "%", P_MUL, P_MUL + 1),
            Pow => {
                let l = self.wrap(&a[0], P_POW + 1);
                let r = self.wrap(&a[1], P_UNARY);
                (format!("{l} ** {r}"), P_POW)
            }
            Neg => (format!("-{}", self.wrap(&a[0], P_UNARY)), P_UNARY),
            Not => match &*a[0] {
                Expr::Call(In, inner) => {
                    let l = self.wrap(&inner[0], P_CMP + 1);
                    let r = self.wrap(&inner[1], P_CMP + 1);
                    (format!("{l} not in {r}"), P_CMP)
                }
                Expr::Call(IsNone, inner) => (
                    format!("{} is not None", self.wrap(&inner[0], P_CMP + 1)),
                    P_CMP,
                ),
                Expr::Call(ReFullmatch, inner) => {
                    (format!("{} is None", self.fullmatch_call(inner)), P_CMP)
                }
                _ => (format!("not {}", self.wrap(&a[0], P_NOT)), P_NOT),
            },
            // The element first: `item == value`, not `value == item` (a parameter or a
            // constant never raises, so the order of evaluation changes nothing).
            Eq | NotEq if matches!(&*a[0], Expr::Param(_) | Expr::Const(_)) && a[1].uses_var() => {
                let l = self.wrap(&a[1], P_CMP + 1);
                let r = self.wrap(&a[0], P_CMP + 1);
                let sym = if op == Eq { "==" } else { "!=" };
                (format!("{l} {sym} {r}"), P_CMP)
            }
            Eq => cmp(self, "=="),
            NotEq => cmp(self, "!="),
            Lt => cmp(self, "<"),
            LtE => cmp(self, "<="),
            Gt => cmp(self, ">"),
            GtE => cmp(self, ">="),
            In => {
                let l = self.wrap(&a[0], P_CMP + 1);
                let r = self.iter_arg_cmp(&a[1]);
                (format!("{l} in {r}"), P_CMP)
            }
            NotIn => {
                let l = self.wrap(&a[0], P_CMP + 1);
                let r = self.iter_arg_cmp(&a[1]);
                (format!("{l} not in {r}"), P_CMP)
            }
            And => bin(self, "and", P_AND, P_AND),
            Or => bin(self, "or", P_OR, P_OR),
            // Never inside an expression (the partition step builds whole programs); shown as
            // what it does.
            TryOr => {
                let x = self.wrap(&a[0], P_OR);
                let y = self.wrap(&a[1], P_IF);
                (format!("{x} (except {}: {y})", caught_class(&a[2])), P_ATOM)
            }
            IfExp => {
                // `x is None or y` for `True if x is None else y` (a yes/no result), `x is not
                // None and y` for `False if ...`.
                if let (Expr::Call(Op::IsNone, x), Expr::Const(PyVal::Bool(b)), false) =
                    (&*a[0], &*a[1], matches!(&*a[2], Expr::Const(_)))
                {
                    let x = self.wrap(&x[0], P_CMP + 1);
                    let y = self.wrap(&a[2], P_AND + 1);
                    return if *b {
                        (format!("{x} is None or {y}"), P_OR)
                    } else {
                        (format!("{x} is not None and {y}"), P_AND)
                    };
                }
                let c = self.wrap(&a[0], P_OR);
                let x = self.wrap(&a[1], P_OR);
                let y = self.wrap(&a[2], P_IF);
                (format!("{x} if {c} else {y}"), P_IF)
            }
            Index => (
                format!("{}[{}]", self.wrap(&a[0], P_ATOM), self.wrap(&a[1], P_IF)),
                P_ATOM,
            ),
            First => (format!("{}[0]", self.wrap(&a[0], P_ATOM)), P_ATOM),
            Last => (format!("{}[-1]", self.wrap(&a[0], P_ATOM)), P_ATOM),
            Fst => (format!("{}[0]", self.wrap(&a[0], P_ATOM)), P_ATOM),
            Snd => (format!("{}[1]", self.wrap(&a[0], P_ATOM)), P_ATOM),
            SliceFrom => (
                format!("{}[{}:]", self.wrap(&a[0], P_ATOM), self.wrap(&a[1], P_IF)),
                P_ATOM,
            ),
            SliceTo => (
                format!("{}[:{}]", self.wrap(&a[0], P_ATOM), self.wrap(&a[1], P_IF)),
                P_ATOM,
            ),
            SliceRange => (
                format!(
                    "{}[{}:{}]",
                    self.wrap(&a[0], P_ATOM),
                    self.wrap(&a[1], P_IF),
                    self.wrap(&a[2], P_IF)
                ),
                P_ATOM,
            ),
            Reverse => (format!("{}[::-1]", self.wrap(&a[0], P_ATOM)), P_ATOM),
            Palindrome => {
                let l = self.wrap(&a[0], P_CMP + 1);
                let r = self.wrap(&a[0], P_ATOM);
                (format!("{l} == {r}[::-1]"), P_CMP)
            }
            Step => (
                format!("{}[::{}]", self.wrap(&a[0], P_ATOM), self.wrap(&a[1], P_IF)),
                P_ATOM,
            ),
            // `len` takes no iterator: `len(list(accumulate(xs)))`.
            Len => match &*a[0] {
                Expr::Call(Op::AccSum | Op::AccMax | Op::AccMin, _) | Expr::Scan(..) => {
                    (format!("len({})", self.wrap(&a[0], P_IF)), P_ATOM)
                }
                _ => (format!("len({})", self.iter_arg(&a[0])), P_ATOM),
            },
            Sum => fi(self, "sum"),
            Min => fi(self, "min"),
            Max => fi(self, "max"),
            Min2 => f2(self, "min"),
            Max2 => f2(self, "max"),
            Sorted => fi(self, "sorted"),
            SortedRev => (
                format!("sorted({}, reverse=True)", self.iter_arg(&a[0])),
                P_ATOM,
            ),
            SetOf => fi(self, "set"),
            ListOf => f1(self, "list"),
            TupleOf => fi(self, "tuple"),
            ListOf1 => (format!("[{}]", self.wrap(&a[0], P_IF)), P_ATOM),
            AnyB => fi(self, "any"),
            AllB => fi(self, "all"),
            StrOf => f1(self, "str"),
            IntOf => f1(self, "int"),
            FloatOf => f1(self, "float"),
            Ord => f1(self, "ord"),
            Chr => f1(self, "chr"),
            Round1 => f1(self, "round"),
            Round2 => f2(self, "round"),
            Abs => f1(self, "abs"),
            Lower => m0(self, "lower"),
            Upper => m0(self, "upper"),
            Title => m0(self, "title"),
            Capitalize => m0(self, "capitalize"),
            Strip => m0(self, "strip"),
            Lstrip => m0(self, "lstrip"),
            Rstrip => m0(self, "rstrip"),
            SplitWs => m0(self, "split"),
            Swapcase => m0(self, "swapcase"),
            IsDigit => m0(self, "isdigit"),
            IsAlpha => m0(self, "isalpha"),
            IsAlnum => m0(self, "isalnum"),
            IsUpper => m0(self, "isupper"),
            IsLower => m0(self, "islower"),
            IsSpace => m0(self, "isspace"),
            Split => m1(self, "split"),
            Join => (
                format!(
                    "{}.join({})",
                    self.wrap(&a[0], P_ATOM),
                    self.sole_iter_arg(&a[1])
                ),
                P_ATOM,
            ),
            CountSub | CountL => m1(self, "count"),
            Find => m1(self, "find"),
            IndexL => m1(self, "index"),
            StartsWith => m1(self, "startswith"),
            EndsWith => m1(self, "endswith"),
            RemovePrefix => m1(self, "removeprefix"),
            RemoveSuffix => m1(self, "removesuffix"),
            Zfill => m1(self, "zfill"),
            Ljust => m1(self, "ljust"),
            Rjust => m1(self, "rjust"),
            Center => m1(self, "center"),
            StripChars => m1(self, "strip"),
            Partition => m1(self, "partition"),
            RPartition => m1(self, "rpartition"),
            Get => m1(self, "get"),
            Replace | GetDefault => {
                let o = self.wrap(&a[0], P_ATOM);
                let x = self.wrap(&a[1], P_IF);
                let y = self.wrap(&a[2], P_IF);
                let name = if op == Replace { "replace" } else { "get" };
                (format!("{o}.{name}({x}, {y})"), P_ATOM)
            }
            Keys => f1(self, "list"),
            Values => (
                format!("list({}.values())", self.wrap(&a[0], P_ATOM)),
                P_ATOM,
            ),
            Items => (
                format!("list({}.items())", self.wrap(&a[0], P_ATOM)),
                P_ATOM,
            ),
            Counter | MostCommon => {
                self.imports
                    .insert("from collections import Counter".into());
                // `Counter(d)` copies a mapping's counts: a dict's keys are counted as
                // `Counter(d.keys())` (and `list(x)` stays, `x` may be a dict).
                let arg = match &*a[0] {
                    Expr::Call(Op::Keys, k) => format!("{}.keys()", self.wrap(&k[0], P_ATOM)),
                    Expr::Call(Op::ListOf, _) => self.wrap(&a[0], P_IF),
                    _ => self.sole_iter_arg(&a[0]),
                };
                if op == Counter {
                    (format!("Counter({arg})"), P_ATOM)
                } else {
                    (format!("Counter({arg}).most_common(1)[0][0]"), P_ATOM)
                }
            }
            Gcd | Isqrt | Sqrt | Floor | Ceil | Factorial | Comb | Prod => {
                self.imports.insert("import math".into());
                let name = format!("math.{}", format!("{op:?}").to_ascii_lowercase());
                if op.arity() == 2 {
                    f2(self, &name)
                } else if op == Prod {
                    fi(self, &name)
                } else {
                    f1(self, &name)
                }
            }
            Range1 => (format!("list(range({}))", self.wrap(&a[0], P_IF)), P_ATOM),
            Range2 => (
                format!(
                    "list(range({}, {}))",
                    self.wrap(&a[0], P_IF),
                    self.wrap(&a[1], P_IF)
                ),
                P_ATOM,
            ),
            MkTuple2 => (
                format!("({}, {})", self.wrap(&a[0], P_IF), self.wrap(&a[1], P_IF)),
                P_ATOM,
            ),
            DictOf => match &*a[0] {
                Expr::Const(PyVal::Tuple(ks))
                    if dict_values(&a[1], ks.len()).is_some_and(|vs| vs.len() == ks.len()) =>
                {
                    let vs = dict_values(&a[1], ks.len()).unwrap_or_default();
                    let items: Vec<String> = ks
                        .iter()
                        .zip(vs)
                        .map(|(k, v)| format!("{}: {}", k.repr(), self.wrap(&v, P_IF)))
                        .collect();
                    (format!("{{{}}}", items.join(", ")), P_ATOM)
                }
                _ => (
                    format!(
                        "dict(zip({}, {}))",
                        self.wrap(&a[0], P_IF),
                        self.wrap(&a[1], P_IF)
                    ),
                    P_ATOM,
                ),
            },
            MkTuple3 => (
                format!(
                    "({}, {}, {})",
                    self.wrap(&a[0], P_IF),
                    self.wrap(&a[1], P_IF),
                    self.wrap(&a[2], P_IF)
                ),
                P_ATOM,
            ),
            Splitext | Dirname | Basename => {
                self.imports.insert("import os".into());
                let name = match op {
                    Splitext => "splitext",
                    Dirname => "dirname",
                    _ => "basename",
                };
                (
                    format!("os.path.{name}({})", self.wrap(&a[0], P_IF)),
                    P_ATOM,
                )
            }
            IsLeap | MonthDays => {
                self.imports.insert("import calendar".into());
                if op == IsLeap {
                    (
                        format!("calendar.isleap({})", self.wrap(&a[0], P_IF)),
                        P_ATOM,
                    )
                } else {
                    (
                        format!(
                            "calendar.monthrange({}, {})[1]",
                            self.wrap(&a[0], P_IF),
                            self.wrap(&a[1], P_IF)
                        ),
                        P_ATOM,
                    )
                }
            }
            Radians | Degrees => {
                self.imports.insert("import math".into());
                let name = if op == Radians {
                    "math.radians"
                } else {
                    "math.degrees"
                };
                (format!("{name}({})", self.wrap(&a[0], P_IF)), P_ATOM)
            }
            DaysBetween | AddDays | Weekday | DayOfYear | DateFormat => {
                self.imports.insert("import datetime".into());
                let date = |r: &mut Self, e: &std::rc::Rc<Expr>| {
                    format!("datetime.date.fromisoformat({})", r.wrap(e, P_IF))
                };
                let code = match op {
                    DaysBetween => {
                        let later = date(self, &a[1]);
                        let earlier = date(self, &a[0]);
                        format!("({later} - {earlier}).days")
                    }
                    AddDays => {
                        let d = date(self, &a[0]);
                        let n = self.wrap(&a[1], P_IF);
                        format!("({d} + datetime.timedelta(days={n})).isoformat()")
                    }
                    Weekday => format!("{}.weekday()", date(self, &a[0])),
                    DayOfYear => format!("{}.timetuple().tm_yday", date(self, &a[0])),
                    _ => {
                        let d = date(self, &a[0]);
                        format!("{d}.strftime({})", self.wrap(&a[1], P_IF))
                    }
                };
                (code, P_ATOM)
            }
            ClockMinutes | ClockSeconds => {
                let t = self.wrap(&a[0], P_ATOM);
                let scales: &[&str] = if op == ClockMinutes {
                    &[" * 60", ""]
                } else {
                    &[" * 3600", " * 60", ""]
                };
                let terms: Vec<String> = scales
                    .iter()
                    .enumerate()
                    .map(|(i, scale)| format!("int({t}.split(':')[{i}]){scale}"))
                    .collect();
                (terms.join(" + "), P_ADD)
            }
            Median => {
                self.imports.insert("import statistics".into());
                fi(self, "statistics.median")
            }
            Lcm | Hypot => {
                self.imports.insert("import math".into());
                let name = format!("math.{}", format!("{op:?}").to_ascii_lowercase());
                f2(self, &name)
            }
            Between => {
                let l = self.wrap(&a[0], P_CMP + 1);
                let m = self.wrap(&a[1], P_CMP + 1);
                let r = self.wrap(&a[2], P_CMP + 1);
                (format!("{l} <= {m} <= {r}"), P_CMP)
            }
            Divmod => f2(self, "divmod"),
            AccSum | AccMax | AccMin => {
                self.imports
                    .insert("from itertools import accumulate".into());
                let it = self.iter_arg(&a[0]);
                match op {
                    AccSum => (format!("list(accumulate({it}))"), P_ATOM),
                    AccMax => (format!("list(accumulate({it}, max))"), P_ATOM),
                    _ => (format!("list(accumulate({it}, min))"), P_ATOM),
                }
            }
            Unique => (
                format!("list(dict.fromkeys({}))", self.iter_arg(&a[0])),
                P_ATOM,
            ),
            IsNone => (format!("{} is None", self.wrap(&a[0], P_CMP + 1)), P_CMP),
            IsNotNone => (
                format!("{} is not None", self.wrap(&a[0], P_CMP + 1)),
                P_CMP,
            ),
            Flatten => {
                let xs = self.wrap(&a[0], P_OR + 1);
                let sub = self.fresh(&["sub".to_string(), "row".to_string()]);
                self.vars.push(vec![sub.clone()]);
                let x = self.fresh(&["x".to_string(), "item".to_string()]);
                self.vars.pop();
                (format!("[{x} for {sub} in {xs} for {x} in {sub}]"), P_ATOM)
            }
            DeepGet => {
                self.imports.insert("import functools".into());
                let data = self.wrap(&a[0], P_IF + 1);
                let keys = self.wrap(&a[1], P_IF + 1);
                let default = self.wrap(&a[2], P_IF + 1);
                let value = self.fresh(&["value".to_string(), "node".to_string()]);
                let key = self.fresh(&["key".to_string(), "part".to_string()]);
                (
                    format!(
                        "functools.reduce(lambda {value}, {key}: {value}.get({key}, {default}) if isinstance({value}, dict) else {default}, {keys}, {data})"
                    ),
                    P_ATOM,
                )
            }
            Transpose => {
                let rows = self.wrap(&a[0], P_OR + 1);
                let row = self.fresh(&["row".to_string(), "column".to_string()]);
                (format!("[list({row}) for {row} in zip(*{rows})]"), P_ATOM)
            }
            Chunk => {
                let xs = self.wrap(&a[0], P_ATOM);
                let len = self.wrap(&a[0], P_OR + 1);
                let n = self.wrap(&a[1], P_OR + 1);
                let n_add = self.wrap(&a[1], P_ADD + 1);
                let i = self.fresh(&["i".to_string(), "start".to_string()]);
                (
                    format!("[{xs}[{i}:{i} + {n_add}] for {i} in range(0, len({len}), {n})]"),
                    P_ATOM,
                )
            }
            // Inside a larger expression (a whole program is a loop: `per_key_loop`).
            DictPairs => match &*a[0] {
                // `{k(x): v(x) for x in xs}`.
                Expr::Hof(Hof::Map, iter, body)
                    if matches!(&**body, Expr::Call(Op::MkTuple2, _)) =>
                {
                    let Expr::Call(_, kv) = &**body else {
                        unreachable!("matched above")
                    };
                    let v = self.elem_name(iter);
                    let it = self.iter_arg(iter);
                    self.vars.push(vec![v.clone()]);
                    let k = self.wrap(&kv[0], P_IF);
                    let x = self.wrap(&kv[1], P_IF);
                    self.vars.pop();
                    (format!("{{{k}: {x} for {v} in {it}}}"), P_ATOM)
                }
                pairs => (format!("dict({})", self.sole_iter_arg(pairs)), P_ATOM),
            },
            SumByKey | MaxByKey | MinByKey | ListByKey => {
                let pairs = self.iter_arg(&a[0]);
                let key = self.fresh(&["key".to_string()]);
                self.vars.push(vec![key.clone()]);
                let k = self.fresh(&["k".to_string()]);
                self.vars.push(vec![k.clone()]);
                let v = self.fresh(&["v".to_string(), "value".to_string()]);
                self.vars.pop();
                self.vars.pop();
                let members = format!("{v} for {k}, {v} in {pairs} if {k} == {key}");
                let per_key = match op {
                    SumByKey => format!("sum({members})"),
                    MaxByKey => format!("max({members})"),
                    MinByKey => format!("min({members})"),
                    _ => format!("[{members}]"),
                };
                (
                    format!(
                        "{{{key}: {per_key} for {key} in dict.fromkeys({k} for {k}, {v} in {pairs})}}"
                    ),
                    P_ATOM,
                )
            }
            DictInvert => {
                let d = self.wrap(&a[0], P_ATOM);
                let k = self.fresh(&["k".to_string(), "key".to_string()]);
                self.vars.push(vec![k.clone()]);
                let v = self.fresh(&["v".to_string(), "value".to_string()]);
                self.vars.pop();
                (format!("{{{v}: {k} for {k}, {v} in {d}.items()}}"), P_ATOM)
            }
            DictMerge => (
                format!(
                    "{{**{}, **{}}}",
                    self.wrap(&a[0], P_BOR + 1),
                    self.wrap(&a[1], P_BOR + 1)
                ),
                P_ATOM,
            ),
            Format => {
                let spec = match &*a[1] {
                    Expr::Const(PyVal::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                match self.fstring(&[Part::Spec(&a[0], spec)]) {
                    Some(f) => (f, P_ATOM),
                    None => (
                        format!(
                            "format({}, {})",
                            self.wrap(&a[0], P_IF),
                            self.wrap(&a[1], P_IF)
                        ),
                        P_ATOM,
                    ),
                }
            }
            Pad2 => match self.fstring(&[Part::Spec(&a[0], "02d".to_string())]) {
                Some(f) => (f, P_ATOM),
                None => (format!("str({}).zfill(2)", self.wrap(&a[0], P_IF)), P_ATOM),
            },
            SetAnd | BitAnd => bin(self, "&", P_BAND, P_BAND + 1),
            BitOr => bin(self, "|", P_BOR, P_BOR + 1),
            BitXor => bin(self, "^", P_BXOR, P_BXOR + 1),
            LShift => bin(self, "<<", P_SHIFT, P_SHIFT + 1),
            RShift => bin(self, ">>", P_SHIFT, P_SHIFT + 1),
            SetOr => bin(self, "|", P_BOR, P_BOR + 1),
            FindallDigits | FindallWords | FindallUpperWords => {
                self.imports.insert("import re".into());
                let pat = match op {
                    FindallDigits => r"r'\d+'",
                    FindallWords => r"r'\w+'",
                    _ => r"r'[A-Z][a-z]*'",
                };
                (
                    format!("re.findall({pat}, {})", self.wrap(&a[0], P_IF)),
                    P_ATOM,
                )
            }
            ReSubNonNumeric => {
                self.imports.insert("import re".into());
                (
                    format!("re.sub(r'[^0-9.-]', '', {})", self.wrap(&a[0], P_IF)),
                    P_ATOM,
                )
            }
            ReSubNonAlnum => {
                self.imports.insert("import re".into());
                (
                    format!("re.sub(r'[^a-zA-Z0-9]', '', {})", self.wrap(&a[0], P_IF)),
                    P_ATOM,
                )
            }
            // A match object or `None`: compared with `None`, as a validator returns a bool.
            ReFullmatch => (format!("{} is not None", self.fullmatch_call(a)), P_CMP),
            ReFindall => {
                self.imports.insert("import re".into());
                let pat = self.pattern(&a[1]);
                (
                    format!("re.findall({pat}, {})", self.wrap(&a[0], P_IF)),
                    P_ATOM,
                )
            }
        }
    }

    /// `re.fullmatch(r'...', s)` for the arguments `[s, pattern]`.
    fn fullmatch_call(&mut self, a: &[std::rc::Rc<Expr>]) -> String {
        self.imports.insert("import re".into());
        let pat = self.pattern(&a[1]);
        format!("re.fullmatch({pat}, {})", self.wrap(&a[0], P_IF))
    }

    /// A pattern as a raw string literal (`r'\d{5}'`) where one can spell it, else as any
    /// other string.
    fn pattern(&mut self, e: &Expr) -> String {
        if let Expr::Const(PyVal::Str(p)) = e {
            let trailing = p.chars().rev().take_while(|&c| c == '\\').count();
            if trailing % 2 == 0 && !p.contains('\n') {
                if !p.contains('\'') {
                    return format!("r'{p}'");
                }
                if !p.contains('"') {
                    return format!("r\"{p}\"");
                }
            }
        }
        self.wrap(e, P_IF)
    }

    /// `'Hello, ' + name + '!'` or `str(h) + ':' + f'{m:02d}'` as one f-string: a chain of
    /// string concatenations with a literal among three or more parts, or with a formatted
    /// number. `None` when it reads better (or must stay) as `+`.
    fn concat_fstring(&mut self, a: &[std::rc::Rc<Expr>]) -> Option<String> {
        let mut parts = Vec::new();
        flatten_add(&a[0], &mut parts);
        flatten_add(&a[1], &mut parts);
        let literals = parts.iter().filter(|p| matches!(p, Part::Text(_))).count();
        let formatted = parts
            .iter()
            .any(|p| matches!(p, Part::Str(_) | Part::Spec(..)));
        if !(formatted || literals >= 1 && parts.len() >= 3) || literals == parts.len() {
            return None;
        }
        // Anything else in a chain with a literal or a formatted number is a `str` (the
        // search types `+`); a chain of numbers never gets here.
        if !formatted && literals == 0 {
            return None;
        }
        self.fstring(&parts)
    }

    /// Renders the parts as an f-string; `None` when a part cannot go inside one (quotes or
    /// backslashes in an expression, which f-strings before Python 3.12 refuse).
    fn fstring(&mut self, parts: &[Part]) -> Option<String> {
        let mut out = String::from("f'");
        for p in parts {
            let (e, spec) = match p {
                Part::Text(t) => {
                    let r = PyVal::str(t).repr();
                    let inner = r.strip_prefix('\'')?.strip_suffix('\'')?;
                    out.push_str(&inner.replace('{', "{{").replace('}', "}}"));
                    continue;
                }
                Part::Str(e) | Part::Other(e) => (*e, String::new()),
                Part::Spec(e, spec) => (*e, format!(":{spec}")),
            };
            let s = self.wrap(e, P_OR);
            if s.contains(['\'', '"', '\\', '{', '}', '!', ':']) || s.contains("lambda") {
                return None;
            }
            out.push('{');
            out.push_str(&s);
            if spec.contains(['\'', '"', '\\', '{', '}']) {
                return None;
            }
            out.push_str(&spec);
            out.push('}');
        }
        out.push('\'');
        Some(out)
    }

    fn iter_arg_cmp(&mut self, e: &Expr) -> String {
        match e {
            Expr::Call(Op::Keys, a) => self.wrap(&a[0], P_CMP + 1),
            _ => self.wrap(e, P_CMP + 1),
        }
    }
}

/// Whether a guard tests a value for truth (`if items`), not a comparison or a bool
/// combination.
fn is_truth_test(c: &Expr) -> bool {
    use Op::*;
    match c {
        Expr::Param(_) => true,
        Expr::Call(op, _) => !matches!(
            op,
            Eq | NotEq
                | Lt
                | LtE
                | Gt
                | GtE
                | In
                | NotIn
                | And
                | Or
                | Not
                | IfExp
                | StartsWith
                | EndsWith
                | IsDigit
                | IsAlpha
                | IsAlnum
                | IsUpper
                | IsLower
                | IsSpace
                | AnyB
                | AllB
        ),
        _ => false,
    }
}

/// `0`, `0.0`, `''` or `[]`.
fn is_zero(e: &Expr) -> bool {
    match e {
        Expr::Const(PyVal::Int(0)) => true,
        Expr::Const(PyVal::Float(f)) => *f == 0.0,
        Expr::Const(PyVal::Str(s)) => s.is_empty(),
        Expr::Const(PyVal::List(v)) => v.is_empty(),
        _ => false,
    }
}

/// The exception class a `try` catches (its third argument, a class name).
fn caught_class(e: &Expr) -> &str {
    match e {
        Expr::Const(PyVal::Str(c)) => c,
        _ => "Exception",
    }
}

/// Subexpressions always evaluated when `e` is (not a conditional's branches, the right of
/// `and`/`or`, or a comprehension's body), outermost first.
fn eager_nodes<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    out.push(e);
    match e {
        Expr::Call(Op::And | Op::Or, a) => eager_nodes(&a[0], out),
        Expr::Call(Op::IfExp, a) => eager_nodes(&a[0], out),
        Expr::Call(_, a) => a.iter().for_each(|x| eager_nodes(x, out)),
        Expr::Hof(_, it, _) => eager_nodes(it, out),
        Expr::ZipMap(a, b, _) => {
            eager_nodes(a, out);
            eager_nodes(b, out);
        }
        _ => {}
    }
}

/// Every subexpression outside comprehension bodies.
fn outside_bodies<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    out.push(e);
    match e {
        Expr::Call(_, a) => a.iter().for_each(|x| outside_bodies(x, out)),
        Expr::Hof(_, it, _) => outside_bodies(it, out),
        Expr::ZipMap(a, b, _) => {
            outside_bodies(a, out);
            outside_bodies(b, out);
        }
        _ => {}
    }
}

/// A name for a local holding `e`.
fn local_name(e: &Expr) -> &'static str {
    match e {
        Expr::Call(Op::Len, _) => "n",
        Expr::Call(Op::Sum, _) | Expr::Hof(Hof::SumMap, ..) => "total",
        Expr::Hof(Hof::CountIf, ..) => "count",
        Expr::Call(Op::Sorted | Op::SortedRev, _)
        | Expr::Hof(Hof::SortedKey | Hof::SortedKeyRev, ..) => "ordered",
        Expr::Call(Op::SplitWs, _) => "words",
        Expr::Call(Op::Split, _) => "parts",
        Expr::Call(Op::Lower | Op::Upper | Op::Strip, _) => "cleaned",
        Expr::Call(Op::Max | Op::Max2, _) | Expr::Hof(Hof::MaxKey, ..) => "largest",
        Expr::Call(Op::Min | Op::Min2, _) | Expr::Hof(Hof::MinKey, ..) => "smallest",
        Expr::Call(Op::SetOf, _) => "seen",
        Expr::Hof(Hof::Filter, ..) => "selected",
        Expr::Hof(Hof::Map, ..) => "values",
        _ => "value",
    }
}

/// One piece of a string concatenation.
enum Part<'e> {
    /// A literal.
    Text(&'e str),
    /// `str(x)` of a number.
    Str(&'e Expr),
    /// `f'{x:,.2f}'`.
    Spec(&'e Expr, String),
    /// A string-valued expression.
    Other(&'e Expr),
}

fn flatten_add<'e>(e: &'e Expr, out: &mut Vec<Part<'e>>) {
    match e {
        Expr::Call(Op::Add, a) => {
            flatten_add(&a[0], out);
            flatten_add(&a[1], out);
        }
        Expr::Const(PyVal::Str(s)) => out.push(Part::Text(s)),
        Expr::Call(Op::StrOf, a) => out.push(Part::Str(&a[0])),
        Expr::Call(Op::Pad2, a) => out.push(Part::Spec(&a[0], "02d".to_string())),
        Expr::Call(Op::Format, a) => match &*a[1] {
            Expr::Const(PyVal::Str(s)) => out.push(Part::Spec(&a[0], s.to_string())),
            _ => out.push(Part::Other(e)),
        },
        _ => out.push(Part::Other(e)),
    }
}

fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "in" | "is"
            | "if"
            | "for"
            | "and"
            | "or"
            | "not"
            | "def"
            | "class"
            | "return"
            | "as"
            | "from"
            | "import"
            | "with"
            | "while"
            | "pass"
            | "else"
            | "elif"
            | "try"
            | "lambda"
            | "list"
            | "str"
            | "int"
            | "dict"
            | "set"
            | "sum"
            | "len"
            | "max"
            | "min"
            | "type"
            | "id"
            | "input"
            | "map"
            | "filter"
    )
}
