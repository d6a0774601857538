//! Top-down decomposition of list outputs, as in λ² (Feser et al., PLDI 2015): when every
//! output is a list, a combinator over a source list from the bank (a parameter or a cheap
//! list-valued term: `sorted(xs)`, `xs[1:]`, `xs[::-1]`, …) fixes its lambda's examples:
//!
//! * a map, `[f(x) for x in src]` (same length as the output): `x -> out[i]`;
//! * a filter, `[x for x in src if p(x)]` (the output a subsequence of the source, equal
//!   elements kept or dropped together): `x -> kept`;
//! * an accumulation, `list(accumulate(src, lambda acc, x: f(acc, x)))` (same length,
//!   `out[0] == src[0]`): `(out[i-1], src[i]) -> out[i]`;
//! * a zip, `[f(a, b) for a, b in zip(src1, src2)]`: `(a[i], b[i]) -> out[i]`;
//! * a join, `sep.join(f(x) for x in src)` (every output a string whose pieces between a
//!   separator are as many as the source's elements): `x -> piece[i]`.
//!
//! Each lambda body is found by a sub-search, the same enumerator over the points of the
//! lambda, with the lambda's variables as extra parameters beside the task's (which stay
//! free variables of the body: `[x + k for x in xs]`). Sub-searches share the main search's
//! cancel token and advance in step with its cost levels, each with its own term limit: a
//! composed program is found at its own cost (combinator, sources and body, the cost model of
//! the bottom-up terms) and ranks beside them. Bodies that branch use a guard on the lambda's
//! variables (a guard on the parameters alone would pick a branch per example).

use super::super::ast::{Expr, Hof, Op};
use super::super::interp::{elements, eval, Env};
use super::super::types::{type_of_all, type_of_all_generic, Ty};
use super::super::value::{exact_eq, PyVal};
use super::{mark_vars, new_search, Search, SearchLimits, StopReason};
use std::borrow::Cow;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Most expensive bank term used as a source list.
const MAX_SRC_COST: u32 = 4;
/// Most sub-searches per search.
const MAX_SUBS: usize = 40;
/// Points (lambda examples) a sub-search starts with, taken evenly across the examples; a
/// body right on them but wrong elsewhere adds the points where it fails, up to `MAX_POINTS`
/// (a sub-search's masks are 64-bit).
const SAMPLE: usize = 20;
const MAX_POINTS: usize = 63;
/// Points a failed body adds to the sample.
const ADD_POINTS: usize = 6;
/// Values (terms times points) one sub-search may hold, at most `SUB_TERMS` terms.
const SUB_VALUES: usize = 3_000_000;
const SUB_TERMS: usize = 200_000;
/// Values every sub-search together may hold.
const ALL_VALUES: usize = 12_000_000;
/// Conditional bodies recorded per sub-search level.
const IFS_PER_LEVEL: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Map,
    Filter,
    Scan,
    Zip,
    /// A map joined by a separator (the second source is the separator constant).
    Join,
    /// The characters of a string kept where a test holds: `''.join(c for c in s if p(c))`.
    CharFilter,
    /// Each character of a string replaced: `''.join(f(c) for c in s)`.
    CharMap,
}

/// One decomposition and the search for its lambda's body.
struct Sub<'a> {
    kind: Kind,
    srcs: Vec<Rc<Expr>>,
    /// Cost of the combinator and its sources (the body's cost comes on top).
    base: u32,
    /// Index of the first lambda variable among the sub-search's parameters.
    n_params: usize,
    /// Bit set of the lambda variables among the sub-search's parameters.
    var_bits: u64,
    param_types: Vec<Ty>,
    /// Every point: the sub-search's inputs (the task's, then the lambda's variables) and the
    /// body's result there.
    points: Vec<(Vec<PyVal>, PyVal)>,
    /// The points the sub-search sees (a body right on them is checked on the others, which
    /// join the sample where it fails).
    sample: Vec<usize>,
    search: Search<'a>,
    /// Body cost levels enumerated in full.
    done: u32,
    /// Body cost levels whose conditionals were joined.
    cond: u32,
    dead: bool,
}

/// A source list: a main-bank term, its cost and its elements per example.
struct Source {
    expr: Rc<Expr>,
    cost: u32,
    elem: Ty,
    items: Vec<Vec<PyVal>>,
}

/// The decompositions of one search.
pub(super) struct Decomposer<'a> {
    /// Element type of the outputs (`None`: not every output is a list; nothing to do).
    out_elem: Option<Ty>,
    outs: Vec<Vec<PyVal>>,
    subs: Vec<Sub<'a>>,
    sources: Vec<Source>,
    /// Main-bank terms looked at so far.
    scanned: usize,
    /// Program cost the sub-searches have reached.
    frontier: u32,
    /// Time spent in the sub-searches.
    time: Duration,
    /// Complete programs found, and the cheapest one's cost.
    completes: usize,
    best: Option<u32>,
    /// Separators every string output may be joined with, and each output's pieces.
    joins: Vec<(PyVal, Vec<Vec<PyVal>>)>,
    /// Every output's characters, when every output is a string.
    chars: Option<Vec<Vec<PyVal>>>,
}

/// Separators a joined string output is tried with, likeliest first.
const SEPARATORS: &[&str] = &[
    ", ", "\n", "; ", " | ", ",", ";", "|", "&", " ", "-", "/", ":",
];
/// Most separators tried per task.
const MAX_SEPARATORS: usize = 3;

/// The separators the string outputs may be joined with and each output split at them (an
/// empty output joins nothing).
fn join_pieces(outputs: &[PyVal]) -> Vec<(PyVal, Vec<Vec<PyVal>>)> {
    let texts: Option<Vec<&str>> = outputs
        .iter()
        .map(|o| match o {
            PyVal::Str(t) => Some(&**t),
            _ => None,
        })
        .collect();
    let Some(texts) = texts else {
        return Vec::new();
    };
    let mut out: Vec<(PyVal, Vec<Vec<PyVal>>)> = SEPARATORS
        .iter()
        .filter(|sep| texts.iter().any(|t| t.contains(**sep)))
        .take(MAX_SEPARATORS)
        .map(|sep| {
            let pieces = texts
                .iter()
                .map(|t| {
                    if t.is_empty() {
                        Vec::new()
                    } else {
                        t.split(*sep).map(PyVal::str).collect()
                    }
                })
                .collect();
            (PyVal::str(sep), pieces)
        })
        .collect();
    // Pieces that each end in the same punctuation (`'A.L.'`, `'x; y; '`): joined with `''`,
    // the punctuation part of each piece.
    let terminator = texts
        .iter()
        .find_map(|t| t.chars().last())
        .filter(|c| !c.is_alphanumeric() && !c.is_whitespace());
    if let Some(c) = terminator {
        let ends = texts.iter().all(|t| t.is_empty() || t.ends_with(c));
        if ends && texts.iter().any(|t| t.matches(c).count() >= 2) {
            let pieces = texts
                .iter()
                .map(|t| t.split_inclusive(c).map(PyVal::str).collect())
                .collect();
            out.push((PyVal::str(""), pieces));
        }
    }
    out
}

impl<'a> Decomposer<'a> {
    pub(super) fn new(s: &Search<'a>) -> Decomposer<'a> {
        #[cfg(test)]
        let off = tests::OFF.with(|o| o.get());
        #[cfg(not(test))]
        let off = false;
        let outs: Option<Vec<Vec<PyVal>>> = s
            .outputs
            .iter()
            .map(|o| match o {
                PyVal::List(v) => Some(v.to_vec()),
                _ => None,
            })
            .collect();
        let out_ty =
            type_of_all(s.outputs.iter()).unwrap_or_else(|| type_of_all_generic(s.outputs.iter()));
        let out_elem = match (&outs, Some(out_ty)) {
            (Some(o), Some(Ty::List(e))) if !off && !o.is_empty() && !e.has_any() => Some(*e),
            _ => None,
        };
        let joins = if off {
            Vec::new()
        } else {
            join_pieces(&s.outputs)
        };
        let chars: Option<Vec<Vec<PyVal>>> = s
            .outputs
            .iter()
            .map(|o| match o {
                PyVal::Str(t) if !off => {
                    Some(t.chars().map(|c| PyVal::str(&c.to_string())).collect())
                }
                _ => None,
            })
            .collect();
        Decomposer {
            joins,
            chars: chars.filter(|c| !c.is_empty()),
            out_elem,
            outs: outs.unwrap_or_default(),
            subs: Vec::new(),
            sources: Vec::new(),
            scanned: 0,
            frontier: 0,
            time: Duration::ZERO,
            completes: 0,
            best: None,
        }
    }

    /// Whether some sub-search can still go on.
    pub(super) fn live(&self) -> bool {
        (self.out_elem.is_some() || !self.joins.is_empty() || self.chars.is_some())
            && self.subs.iter().any(|s| !s.dead)
    }

    /// Cost of the cheapest program found that uses every required parameter.
    pub(super) fn best(&self) -> Option<u32> {
        self.best
    }

    /// Complete programs found (of the main search's count).
    pub(super) fn completes(&self) -> usize {
        self.completes
    }

    /// Advances the decompositions past cost `cost` while they have taken less time than
    /// `main_time` (the main search's levels): a sub-search's level is much cheaper than the
    /// main search's level of the same program cost, so they run ahead on a fair share of the
    /// time rather than in lockstep.
    pub(super) fn run_ahead(&mut self, s: &mut Search<'a>, main_time: Duration) {
        while self.live() && s.stop.is_none() && self.time < main_time {
            let next = self.frontier + 1;
            if next > s.limits.max_cost {
                break;
            }
            self.step(s, next);
        }
    }

    /// Every sub-search up to the body cost that makes a program of cost `cost` (new
    /// sources from the bank first).
    pub(super) fn step(&mut self, s: &mut Search<'a>, cost: u32) {
        if self.out_elem.is_none() && self.joins.is_empty() && self.chars.is_none() {
            return;
        }
        let start = Instant::now();
        let out_elem = self.out_elem.clone();
        self.collect_sources(s, out_elem.as_ref());
        self.frontier = self.frontier.max(cost);
        let frontier = self.frontier;
        for k in 0..self.subs.len() {
            if s.stop.is_some() {
                break;
            }
            // Every sub-search's values together stay within `ALL_VALUES`.
            let used: usize = self
                .subs
                .iter()
                .map(|u| u.search.ctxs[0].terms.len() * u.search.outputs.len())
                .sum();
            let sub = &mut self.subs[k];
            if sub.dead {
                continue;
            }
            if used > ALL_VALUES {
                sub.search.stop.get_or_insert(StopReason::Budget);
            }
            let max_body = s.limits.max_cost.saturating_sub(sub.base);
            let target = frontier.saturating_sub(sub.base).min(max_body);
            let branch = sub.search.input.costs.branch;
            loop {
                if s.stop.is_some() {
                    break;
                }
                // Enumerate the levels up to the frontier while the sub-search's limits allow;
                // then the conditionals whose parts are all enumerated (ahead of the frontier:
                // a conditional's parts are much cheaper than itself).
                if sub.search.stop.is_none() && sub.done < target {
                    sub.search.level(0, sub.done + 1);
                    if sub.search.stop.is_none() {
                        sub.done += 1;
                    }
                } else if sub.cond < (sub.done + branch + 2).min(max_body) {
                    sub.cond += 1;
                    conditionals(&mut sub.search, sub.cond, sub.var_bits);
                } else {
                    break;
                }
                if sub.search.stop == Some(StopReason::Cancelled) {
                    s.stop = Some(StopReason::Cancelled);
                    break;
                }
                let found = std::mem::take(&mut sub.search.found);
                let mut failed: Vec<usize> = Vec::new();
                for p in found {
                    let Some(expr) = compose(sub.kind, &sub.srcs, sub.n_params, &p.expr) else {
                        continue;
                    };
                    let wrong = sub.wrong_points(&p.expr);
                    if !wrong.is_empty() {
                        failed.extend(wrong.into_iter().take(ADD_POINTS));
                        continue;
                    }
                    if consistent(s, &expr) {
                        let cost = sub.base + p.cost;
                        let before = s.complete;
                        s.record(expr, cost);
                        if s.complete > before {
                            self.completes += 1;
                            self.best = Some(self.best.map_or(cost, |b| b.min(cost)));
                        }
                    }
                }
                if !failed.is_empty() && sub.sample.len() < MAX_POINTS {
                    // Start over on a sample with the points where bodies failed.
                    failed.sort_unstable();
                    failed.dedup();
                    let room = MAX_POINTS - sub.sample.len();
                    sub.sample.extend(failed.into_iter().take(room));
                    sub.sample.sort_unstable();
                    sub.search =
                        sub_search(s, &sub.param_types, &sub.points, &sub.sample, sub.base);
                    sub.done = 0;
                    sub.cond = 0;
                    continue;
                }
                if sub.search.stop.is_some() && sub.cond >= (sub.done + branch + 2).min(max_body) {
                    sub.dead = true;
                    break;
                }
            }
        }
        self.time += start.elapsed();
    }

    /// Registers the bank's new list-valued terms as sources and creates their
    /// decompositions.
    fn collect_sources(&mut self, s: &Search<'a>, out_elem: Option<&Ty>) {
        let main = &s.ctxs[0];
        while self.scanned < main.terms.len() {
            let id = self.scanned;
            self.scanned += 1;
            let cost = s.main_cost[id];
            let term = &main.terms[id];
            if cost > MAX_SRC_COST {
                continue;
            }
            if term.ty == Ty::Str {
                if let Some(chars) = self.chars.take() {
                    let items: Vec<Vec<PyVal>> = term
                        .vals
                        .iter()
                        .map(|v| match v {
                            PyVal::Str(t) => {
                                t.chars().map(|c| PyVal::str(&c.to_string())).collect()
                            }
                            _ => Vec::new(),
                        })
                        .collect();
                    let src = Source {
                        expr: term.expr.clone(),
                        cost,
                        elem: Ty::Str,
                        items,
                    };
                    self.add_char_subs(s, &src, &chars);
                    self.chars = Some(chars);
                }
                continue;
            }
            let elem = match &term.ty {
                Ty::List(e) | Ty::TupleN(e) if !e.has_any() => (**e).clone(),
                _ => continue,
            };
            let items: Option<Vec<Vec<PyVal>>> =
                term.vals.iter().map(|v| elements(v).ok()).collect();
            let Some(items) = items else { continue };
            let src = Source {
                expr: term.expr.clone(),
                cost,
                elem,
                items,
            };
            self.add_joins(s, &src);
            let Some(out_elem) = out_elem else {
                continue;
            };
            self.add_map(s, &src);
            if src.elem == *out_elem {
                self.add_filter(s, &src);
            }
            self.add_scan(s, &src, out_elem);
            let mut zips = Vec::new();
            // One order of each pair: the body may take the two sides either way round.
            for other in &self.sources {
                if self.subs.len() + zips.len() < MAX_SUBS {
                    zips.extend(self.zip_sub(s, other, &src));
                }
            }
            for sub in zips {
                self.push(sub);
            }
            self.sources.push(src);
        }
    }

    fn push(&mut self, sub: Sub<'a>) {
        if self.subs.len() < MAX_SUBS {
            self.subs.push(sub);
        }
    }

    fn add_map(&mut self, s: &Search<'a>, src: &Source) {
        if self.subs.len() >= MAX_SUBS
            || src
                .items
                .iter()
                .zip(&self.outs)
                .any(|(x, o)| x.len() != o.len())
        {
            return;
        }
        let mut points = Vec::new();
        for (ex, (xs, out)) in src.items.iter().zip(&self.outs).enumerate() {
            for (x, o) in xs.iter().zip(out) {
                points.push((ex, vec![x.clone()], o.clone()));
            }
        }
        let base = s.input.costs.hof_cost(Hof::Map) + src.cost;
        let sub = new_sub(
            s,
            Kind::Map,
            vec![src.expr.clone()],
            base,
            vec![src.elem.clone()],
            points,
        );
        if let Some(sub) = sub {
            self.push(sub);
        }
    }

    /// `sep.join(f(x) for x in src)` for each separator whose pieces are as many as the
    /// source's elements in every example.
    fn add_joins(&mut self, s: &Search<'a>, src: &Source) {
        let base =
            s.input.costs.hof_cost(Hof::Map) + src.cost + s.input.costs.op_cost(Op::Join) + 1;
        let mut subs = Vec::new();
        for (sep, pieces) in &self.joins {
            if src
                .items
                .iter()
                .zip(pieces)
                .any(|(x, p)| x.len() != p.len())
            {
                continue;
            }
            let mut points = Vec::new();
            for (ex, (xs, ps)) in src.items.iter().zip(pieces).enumerate() {
                for (x, p) in xs.iter().zip(ps) {
                    points.push((ex, vec![x.clone()], p.clone()));
                }
            }
            let srcs = vec![src.expr.clone(), Rc::new(Expr::Const(sep.clone()))];
            subs.extend(new_sub(
                s,
                Kind::Join,
                srcs,
                base,
                vec![src.elem.clone()],
                points,
            ));
        }
        for sub in subs {
            self.push(sub);
        }
    }

    fn add_filter(&mut self, s: &Search<'a>, src: &Source) {
        if self.subs.len() >= MAX_SUBS {
            return;
        }
        let Some(points) = keep_points(&src.items, &self.outs) else {
            return;
        };
        let base = s.input.costs.hof_cost(Hof::Filter) + src.cost;
        let sub = new_sub(
            s,
            Kind::Filter,
            vec![src.expr.clone()],
            base,
            vec![src.elem.clone()],
            points,
        );
        if let Some(sub) = sub {
            self.push(sub);
        }
    }

    /// The characters of string source `src` kept by a test (each character kept when it
    /// occurs in the output, which must come back: `'hello' -> 'hll'`), or each replaced
    /// (outputs as long as the source), against the outputs' characters `chars`.
    fn add_char_subs(&mut self, s: &Search<'a>, src: &Source, chars: &[Vec<PyVal>]) {
        if src.items.iter().all(Vec::is_empty) {
            return;
        }
        if let Some(points) = keep_points(&src.items, chars) {
            let base = s.input.costs.hof_cost(Hof::JoinFilter) + src.cost;
            let sub = new_sub(
                s,
                Kind::CharFilter,
                vec![src.expr.clone()],
                base,
                vec![Ty::Str],
                points,
            );
            if let Some(sub) = sub {
                self.push(sub);
            }
        }
        // Replaced characters: some changed (a copy is no map).
        let same_len = src.items.iter().zip(chars).all(|(x, o)| x.len() == o.len());
        let changes = src
            .items
            .iter()
            .zip(chars)
            .any(|(x, o)| x.iter().zip(o).any(|(a, b)| !exact_eq(a, b)));
        if same_len && changes && self.subs.len() < MAX_SUBS {
            let mut points = Vec::new();
            for (ex, (xs, out)) in src.items.iter().zip(chars).enumerate() {
                for (x, o) in xs.iter().zip(out) {
                    points.push((ex, vec![x.clone()], o.clone()));
                }
            }
            let base = s.input.costs.hof_cost(Hof::JoinMap) + src.cost;
            let sub = new_sub(
                s,
                Kind::CharMap,
                vec![src.expr.clone()],
                base,
                vec![Ty::Str],
                points,
            );
            if let Some(sub) = sub {
                self.push(sub);
            }
        }
    }

    fn add_scan(&mut self, s: &Search<'a>, src: &Source, out_elem: &Ty) {
        if self.subs.len() >= MAX_SUBS {
            return;
        }
        let mut points = Vec::new();
        for (ex, (xs, out)) in src.items.iter().zip(&self.outs).enumerate() {
            if xs.len() != out.len()
                || xs
                    .first()
                    .zip(out.first())
                    .is_some_and(|(x, o)| !exact_eq(x, o))
            {
                return;
            }
            for i in 1..xs.len() {
                points.push((ex, vec![out[i - 1].clone(), xs[i].clone()], out[i].clone()));
            }
        }
        let base = s.input.costs.op_cost(Op::AccSum) + src.cost;
        let sub = new_sub(
            s,
            Kind::Scan,
            vec![src.expr.clone()],
            base,
            vec![out_elem.clone(), src.elem.clone()],
            points,
        );
        if let Some(sub) = sub {
            self.push(sub);
        }
    }

    fn zip_sub(&self, s: &Search<'a>, a: &Source, b: &Source) -> Option<Sub<'a>> {
        if self.subs.len() >= MAX_SUBS {
            return None;
        }
        let mut points = Vec::new();
        for (ex, ((xs, ys), out)) in a.items.iter().zip(&b.items).zip(&self.outs).enumerate() {
            if out.len() != xs.len().min(ys.len()) {
                return None;
            }
            for ((x, y), o) in xs.iter().zip(ys).zip(out) {
                points.push((ex, vec![x.clone(), y.clone()], o.clone()));
            }
        }
        let base = s.input.costs.zip + a.cost + b.cost;
        new_sub(
            s,
            Kind::Zip,
            vec![a.expr.clone(), b.expr.clone()],
            base,
            vec![a.elem.clone(), b.elem.clone()],
            points,
        )
    }
}

/// A filter's examples: each element of `items` kept exactly where it equals some element of
/// its example's output (`items` and `outs` per example); `None` unless the kept elements give
/// every output back (order and multiplicity) and some element is dropped.
fn keep_points(
    items: &[Vec<PyVal>],
    outs: &[Vec<PyVal>],
) -> Option<Vec<(usize, Vec<PyVal>, PyVal)>> {
    let mut points = Vec::new();
    let mut drops = false;
    for (ex, (xs, out)) in items.iter().zip(outs).enumerate() {
        let keep: Vec<bool> = xs
            .iter()
            .map(|x| out.iter().any(|o| exact_eq(x, o)))
            .collect();
        let kept: Vec<&PyVal> = xs
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(x, _)| x)
            .collect();
        if kept.len() != out.len() || kept.iter().zip(out).any(|(x, o)| !exact_eq(x, o)) {
            return None;
        }
        drops |= kept.len() < xs.len();
        for (x, k) in xs.iter().zip(keep) {
            points.push((ex, vec![x.clone()], PyVal::Bool(k)));
        }
    }
    drops.then_some(points)
}

/// A sub-search over `points` (example index, lambda variables' values, target); `None` when
/// there are none, or two equal points want different results.
fn new_sub<'a>(
    s: &Search<'a>,
    kind: Kind,
    srcs: Vec<Rc<Expr>>,
    base: u32,
    var_tys: Vec<Ty>,
    points: Vec<(usize, Vec<PyVal>, PyVal)>,
) -> Option<Sub<'a>> {
    if base >= s.limits.max_cost {
        return None;
    }
    // Equal points of one example must agree; keep one of each.
    let mut uniq: Vec<(usize, Vec<PyVal>, PyVal)> = Vec::new();
    for p in points {
        let same = uniq
            .iter()
            .find(|q| q.0 == p.0 && q.1.iter().zip(&p.1).all(|(a, b)| exact_eq(a, b)));
        match same {
            Some(q) if exact_eq(&q.2, &p.2) => {}
            Some(_) => return None,
            None => uniq.push(p),
        }
    }
    if uniq.is_empty() {
        return None;
    }
    let n_params = s.input.param_types.len();
    let var_bits = ((1u64 << var_tys.len()) - 1) << n_params.min(60);
    let mut param_types = s.input.param_types.clone();
    param_types.extend(var_tys);
    let sample = sample(&uniq, s.input.examples.len());
    let points: Vec<(Vec<PyVal>, PyVal)> = uniq
        .into_iter()
        .map(|(ex, vars, target)| {
            let mut ins = s.input.examples[ex].0.clone();
            ins.extend(vars);
            (ins, target)
        })
        .collect();
    let search = sub_search(s, &param_types, &points, &sample, base);
    Some(Sub {
        kind,
        srcs,
        base,
        n_params,
        var_bits,
        param_types,
        points,
        sample,
        search,
        done: 0,
        cond: 0,
        dead: false,
    })
}

impl Sub<'_> {
    /// The points (indices) where a body the sub-search found is wrong.
    fn wrong_points(&self, body: &Expr) -> Vec<usize> {
        (0..self.points.len())
            .filter(|&i| {
                let (ins, target) = &self.points[i];
                !eval(
                    body,
                    &Env {
                        params: ins,
                        vars: &[],
                    },
                )
                .is_ok_and(|v| exact_eq(&v, target))
            })
            .collect()
    }
}

/// The search for a lambda body over the sampled points.
fn sub_search<'a>(
    s: &Search<'a>,
    param_types: &[Ty],
    points: &[(Vec<PyVal>, PyVal)],
    sample: &[usize],
    base: u32,
) -> Search<'a> {
    let input = s.input.sub(
        param_types.to_vec(),
        sample.iter().map(|&i| points[i].clone()).collect(),
    );
    let limits = SearchLimits {
        max_cost: s.limits.max_cost.saturating_sub(base),
        max_terms: (SUB_VALUES / sample.len().max(1)).min(SUB_TERMS),
        max_solutions: 1,
        extra_levels: 0,
    };
    let mut search = new_search(Cow::Owned(input), limits, s.cancel);
    // The main context only: a body with a comprehension of its own is rare, its contexts
    // would cost as much as the body's, and their bodies could not see the lambda's variables.
    search.build_contexts();
    search.ctxs.truncate(1);
    search
}

/// Indices of at most `SAMPLE` points, taken round-robin across the examples.
fn sample(points: &[(usize, Vec<PyVal>, PyVal)], n_examples: usize) -> Vec<usize> {
    let mut by_ex: Vec<Vec<usize>> = vec![Vec::new(); n_examples];
    for (i, p) in points.iter().enumerate() {
        by_ex[p.0].push(i);
    }
    let mut out = Vec::new();
    let mut round = 0;
    while out.len() < SAMPLE.min(points.len()) {
        for idx in &by_ex {
            if out.len() < SAMPLE {
                if let Some(&i) = idx.get(round) {
                    out.push(i);
                }
            }
        }
        round += 1;
    }
    out.sort_unstable();
    out
}

/// The program for a body the sub-search found (its lambda-variable parameters become the
/// lambda's variables); `None` when a nested comprehension's body would need them, or a zip's
/// body leaves a side out.
fn compose(kind: Kind, srcs: &[Rc<Expr>], n_params: usize, body: &Rc<Expr>) -> Option<Rc<Expr>> {
    let body = rebind(body, n_params, false)?;
    Some(Rc::new(match kind {
        Kind::Map => Expr::Hof(Hof::Map, srcs[0].clone(), body),
        Kind::Filter => Expr::Hof(Hof::Filter, srcs[0].clone(), body),
        Kind::CharFilter => Expr::Hof(Hof::JoinFilter, srcs[0].clone(), body),
        Kind::CharMap => Expr::Hof(Hof::JoinMap, srcs[0].clone(), body),
        Kind::Scan => Expr::Scan(srcs[0].clone(), body),
        Kind::Join => Expr::Call(
            Op::Join,
            vec![
                srcs[1].clone(),
                Rc::new(Expr::Hof(Hof::Map, srcs[0].clone(), body)),
            ],
        ),
        Kind::Zip => {
            let mut seen = [false; 2];
            mark_vars(&body, &mut seen);
            if !(seen[0] && seen[1]) {
                return None;
            }
            Expr::ZipMap(srcs[0].clone(), srcs[1].clone(), body)
        }
    }))
}

/// `e` with parameters `n..` as variables `0..`.
fn rebind(e: &Rc<Expr>, n: usize, in_lambda: bool) -> Option<Rc<Expr>> {
    Some(match &**e {
        Expr::Param(p) if *p >= n => {
            if in_lambda {
                return None;
            }
            Rc::new(Expr::Var(p - n))
        }
        Expr::Param(_) | Expr::Const(_) | Expr::Var(_) => e.clone(),
        Expr::Call(op, args) => {
            let mut args = args
                .iter()
                .map(|a| rebind(a, n, in_lambda))
                .collect::<Option<Vec<_>>>()?;
            // The lambda's variable on the left of a comparison (`x == f`, not `f == x`).
            let flipped = match op {
                Op::Eq | Op::NotEq => Some(*op),
                Op::Lt => Some(Op::Gt),
                Op::Gt => Some(Op::Lt),
                Op::LtE => Some(Op::GtE),
                Op::GtE => Some(Op::LtE),
                _ => None,
            };
            match flipped {
                Some(f)
                    if matches!(&*args[1], Expr::Var(_)) && !matches!(&*args[0], Expr::Var(_)) =>
                {
                    args.swap(0, 1);
                    Rc::new(Expr::Call(f, args))
                }
                _ => Rc::new(Expr::Call(*op, args)),
            }
        }
        Expr::Hof(h, it, body) => Rc::new(Expr::Hof(
            *h,
            rebind(it, n, in_lambda)?,
            rebind(body, n, true)?,
        )),
        Expr::ZipMap(a, b, body) => Rc::new(Expr::ZipMap(
            rebind(a, n, in_lambda)?,
            rebind(b, n, in_lambda)?,
            rebind(body, n, true)?,
        )),
        Expr::Scan(a, body) => {
            Rc::new(Expr::Scan(rebind(a, n, in_lambda)?, rebind(body, n, true)?))
        }
    })
}

/// Whether `expr` gives every example's output (sub-searches see a sample of the points).
fn consistent(s: &Search<'_>, expr: &Expr) -> bool {
    s.input.fits(expr)
}

/// Conditional bodies of cost `cost`: `t1 if g else t2` with `g` a guard on the lambda's
/// variables, `t1` right where it holds and `t2` where it does not.
fn conditionals(sub: &mut Search<'_>, cost: u32, var_bits: u64) {
    let n = sub.outputs.len();
    if !(2..=63).contains(&n) {
        return;
    }
    let all = (1u64 << n) - 1;
    let branch = sub.input.costs.branch;
    if cost < branch + 3 {
        return;
    }
    let rem = cost - branch;
    let mut parts: Vec<Vec<(u64, usize)>> = vec![Vec::new(); rem as usize];
    for (&m, &(id, c)) in &sub.partial {
        if c < rem {
            parts[c as usize].push((m, id));
        }
    }
    let mut guards: Vec<Vec<(u64, usize)>> = vec![Vec::new(); rem as usize];
    for (&m, &(id, c)) in &sub.guards {
        let m = m & all;
        if c < rem && m != 0 && m != all && sub.ctxs[0].terms[id].expr.params_used() & var_bits != 0
        {
            guards[c as usize].push((m, id));
        }
    }
    for v in parts.iter_mut().chain(guards.iter_mut()) {
        v.sort_unstable();
    }
    let mut made = Vec::new();
    'outer: for gc in 1..rem {
        for c1 in 1..rem - gc {
            let c2 = rem - gc - c1;
            if c2 == 0 {
                continue;
            }
            for &(g, gid) in &guards[gc as usize] {
                let need_f = !g & all;
                let Some(&(_, t1)) = parts[c1 as usize].iter().find(|(m, _)| m & g == g) else {
                    continue;
                };
                let Some(&(_, t2)) = parts[c2 as usize]
                    .iter()
                    .find(|(m, _)| m & need_f == need_f)
                else {
                    continue;
                };
                made.push((gid, t1, t2));
                if made.len() >= IFS_PER_LEVEL {
                    break 'outer;
                }
            }
        }
    }
    for (g, t1, t2) in made {
        let terms = &sub.ctxs[0].terms;
        let expr = Rc::new(Expr::Call(
            Op::IfExp,
            vec![
                terms[g].expr.clone(),
                terms[t1].expr.clone(),
                terms[t2].expr.clone(),
            ],
        ));
        sub.record(expr, cost);
    }
}

#[cfg(test)]
mod tests {
    //! Each decomposition on a task only it solves within a small budget (the same search
    //! without decompositions fails), and the rendering of what it builds.

    use super::super::super::PythonDomain;
    use super::super::SearchLimits;
    use crate::cancel::CancelToken;
    use crate::domain::{Domain, IoExample, Task};
    use crate::value::Value;
    use std::cell::Cell;
    use std::time::{Duration, Instant};

    thread_local! {
        /// Turns decompositions off (the comparison runs).
        pub(super) static OFF: Cell<bool> = const { Cell::new(false) };
    }

    fn task(names: &[&str], types: &[&str], examples: &[(&[&str], &str)]) -> Task {
        crate::domain::python::tests::task(
            names,
            types,
            "Compute the result the examples show.",
            examples,
        )
    }

    /// Bodies found up to cost `max_cost` with `max_terms` main-bank terms, with or without
    /// decompositions.
    fn bodies(t: &Task, max_cost: u32, max_terms: usize, decompose: bool) -> Vec<String> {
        OFF.with(|o| o.set(!decompose));
        let limits = SearchLimits {
            max_cost,
            max_terms,
            max_solutions: 5,
            extra_levels: 0,
        };
        let cancel = CancelToken::with_budget(Duration::from_secs(60));
        let out = PythonDomain
            .search_outcome(t, &cancel, limits)
            .map(|(sols, _, _)| sols.into_iter().map(|s| s.body).collect())
            .unwrap_or_default();
        OFF.with(|o| o.set(false));
        out
    }

    /// One of `want` is found with decompositions and none without, up to cost `max_cost`
    /// with 20,000 main-bank terms.
    fn only_decomposition_finds(t: &Task, max_cost: u32, want: &[&str]) {
        let with = bodies(t, max_cost, 20_000, true);
        assert!(
            with.iter().any(|b| want.contains(&b.as_str())),
            "{want:?} not in {with:?}"
        );
        let without = bodies(t, max_cost, 20_000, false);
        assert!(
            !without.iter().any(|b| want.contains(&b.as_str())),
            "found without decompositions: {without:?}"
        );
    }

    #[test]
    fn map_with_a_conditional_body_and_free_variables() {
        let t = task(
            &["xs", "f", "r"],
            &["list[int]", "int", "int"],
            &[
                (&["[1, 5, 2, 5]", "5", "0"], "[1, 0, 2, 0]"),
                (&["[3, 4, 3]", "3", "9"], "[9, 4, 9]"),
                (&["[7, 1]", "2", "6"], "[7, 1]"),
            ],
        );
        only_decomposition_finds(&t, 11, &["return [r if x == f else x for x in xs]"]);
    }

    #[test]
    fn pieces_ending_in_the_same_punctuation_are_a_join() {
        let t = task(
            &["name"],
            &["str"],
            &[
                (&["'ada lovelace'"], "'A.L.'"),
                (&["'Alan Mathison Turing'"], "'A.M.T.'"),
            ],
        );
        only_decomposition_finds(
            &t,
            16,
            &["return ''.join(word[0].upper() + '.' for word in name.split())"],
        );
    }

    #[test]
    fn map_over_a_computed_list() {
        let t = task(
            &["xs", "k"],
            &["list[int]", "int"],
            &[
                (&["[5, 1, 3]", "2"], "[2, 6, 10]"),
                (&["[4, 9]", "3"], "[12, 27]"),
                (&["[0, -2, 7, 1]", "1"], "[-2, 0, 1, 7]"),
            ],
        );
        only_decomposition_finds(
            &t,
            8,
            &[
                "return [x * k for x in sorted(xs)]",
                "return [k * x for x in sorted(xs)]",
            ],
        );
    }

    #[test]
    fn filter_with_free_variables() {
        let t = task(
            &["xs", "lo", "hi"],
            &["list[int]", "int", "int"],
            &[
                (&["[1, 5, 2, 8, 3]", "1", "5"], "[2, 3]"),
                (&["[4, 9, 6, 7]", "5", "8"], "[6, 7]"),
                (&["[0, 10, 3]", "-1", "4"], "[0, 3]"),
            ],
        );
        only_decomposition_finds(
            &t,
            11,
            &[
                "return [x for x in xs if x > lo and x < hi]",
                "return [x for x in xs if x < hi and x > lo]",
                // Equal truth values: the same on every `lo < hi`.
                "return [x for x in xs if (x > lo) == (x < hi)]",
                "return [x for x in xs if (x < hi) == (x > lo)]",
            ],
        );
    }

    #[test]
    fn scan_with_a_two_variable_lambda() {
        let t = task(
            &["xs"],
            &["list[int]"],
            &[
                (&["[1, 2, 3]"], "[1, 4, 11]"),
                (&["[5, 0, 1, 2]"], "[5, 10, 21, 44]"),
                (&["[0, 7]"], "[0, 7]"),
            ],
        );
        only_decomposition_finds(
            &t,
            9,
            &["return list(accumulate(xs, lambda acc, x: acc * 2 + x))"],
        );
    }

    #[test]
    fn scan_restarting_at_zero() {
        let t = task(
            &["xs"],
            &["list[int]"],
            &[
                (&["[1, 2, 0, 3, 4]"], "[1, 3, 0, 3, 7]"),
                (&["[5, 0, 0, 2]"], "[5, 0, 0, 2]"),
                (&["[2, 2, 2, 0, 1]"], "[2, 4, 6, 0, 1]"),
            ],
        );
        let with = bodies(&t, 14, 20_000, true);
        assert!(
            with.iter()
                .any(|b| b.starts_with("return list(accumulate(xs, lambda acc, x: ")),
            "{with:?}"
        );
    }

    #[test]
    fn scan_with_a_free_variable() {
        let t = task(
            &["xs", "n"],
            &["list[int]", "int"],
            &[
                (&["[1, 2, 3]", "10"], "[1, 13, 26]"),
                (&["[4, 4]", "1"], "[4, 9]"),
                (&["[0, 0, 5, 1]", "2"], "[0, 2, 9, 12]"),
            ],
        );
        only_decomposition_finds(
            &t,
            9,
            &["return list(accumulate(xs, lambda acc, x: acc + x + n))"],
        );
    }

    #[test]
    fn zip_of_a_list_with_its_tail() {
        let t = task(
            &["xs"],
            &["list[int]"],
            &[
                (&["[1, 4, 9, 16]"], "[3, 5, 7]"),
                (&["[2, 2, 5]"], "[0, 3]"),
                (&["[10, 3]"], "[-7]"),
            ],
        );
        // (Without a description that pairs neighbours, the levels build no `zip(xs,
        // xs[1:])`.)
        only_decomposition_finds(
            &t,
            11,
            &[
                "return [cur - prev for prev, cur in zip(xs, xs[1:])]",
                "return [x - y for x, y in zip(xs[1:], xs)]",
            ],
        );
    }

    /// LambdaBeam's tasks through the python space alone (no ranking, no other space): the
    /// cheapest program found within `DOCSYNTH_PY_BUDGET_MS` (default 1000) per task, checked on
    /// the held-out examples with the interpreter. `DOCSYNTH_PY_TASKS` names a JSON-lines file
    /// with `id`, `names`, `types`, `doc`, and `examples`/`held` as `[[input reprs], output
    /// repr]`.
    #[test]
    #[ignore]
    fn python_space_on_task_file() {
        let Ok(path) = std::env::var("DOCSYNTH_PY_TASKS") else {
            return;
        };
        let budget: u64 = std::env::var("DOCSYNTH_PY_BUDGET_MS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1000);
        let text = std::fs::read_to_string(path).expect("tasks");
        let parse = |v: &serde_json::Value| -> Vec<IoExample> {
            v.as_array()
                .expect("examples")
                .iter()
                .map(|e| IoExample {
                    inputs: e[0]
                        .as_array()
                        .expect("inputs")
                        .iter()
                        .map(|s| Value::parse_literal(s.as_str().expect("repr")).expect("literal"))
                        .collect(),
                    output: Value::parse_literal(e[1].as_str().expect("repr")).expect("literal"),
                })
                .collect()
        };
        let only: Option<String> = std::env::var("DOCSYNTH_PY_ONLY").ok();
        OFF.with(|o| o.set(std::env::var("DOCSYNTH_PY_NODEC").is_ok_and(|v| v == "1")));
        let (mut solved, mut general, mut total) = (0, 0, 0);
        for line in text.lines() {
            let row: serde_json::Value = serde_json::from_str(line).expect("json");
            if only
                .as_ref()
                .is_some_and(|o| !row["id"].as_str().unwrap_or("").contains(o.as_str()))
            {
                continue;
            }
            let strs = |k: &str| -> Vec<String> {
                row[k]
                    .as_array()
                    .expect("list")
                    .iter()
                    .map(|s| s.as_str().expect("str").to_string())
                    .collect()
            };
            let doc = row["doc"].as_str().unwrap_or("");
            let doc = doc.split("\"\"\"").nth(1).unwrap_or("").to_string();
            let t = Task {
                param_names: strs("names"),
                param_types: strs("types"),
                description: doc,
                examples: parse(&row["examples"]),
                held_out: parse(&row["held"]),
            };
            total += 1;
            let cancel = CancelToken::with_budget(Duration::from_millis(budget));
            let start = Instant::now();
            let limits = SearchLimits {
                max_solutions: 5,
                ..SearchLimits::default()
            };
            let out = PythonDomain.search_outcome(&t, &cancel, limits);
            let ms = start.elapsed().as_millis();
            let id = row["id"].as_str().unwrap_or("?");
            let Some((sols, stop, terms)) = out else {
                println!("NOTYPE {id}");
                continue;
            };
            let best = sols
                .iter()
                .max_by(|a, b| a.score.partial_cmp(&b.score).expect("score"));
            match best {
                None => println!(
                    "UNSOLVED {id} {stop:?} {terms} terms {ms} ms {}",
                    sols.len()
                ),
                Some(s) => {
                    solved += 1;
                    let ok = t.held_out.iter().all(|e| {
                        PythonDomain.eval_tokens(&s.tokens, &e.inputs).as_ref() == Some(&e.output)
                    });
                    if ok {
                        general += 1;
                    }
                    let tag = if ok { "GENERAL" } else { "SOLVED" };
                    println!("{tag} {id} {ms} ms cost {}: {}", -s.score, s.program);
                }
            }
        }
        println!("total {total} solved {solved} generalizes {general}");
    }
}
