//! Top-down decomposition of string outputs by their shared punctuation, as FlashFill splits
//! a concatenation: when every output has the same separators in the same places
//! (`'01:01:01'`, `'00:00:59'`; `'2024-03-14'`; `'Lovelace, A.'`), the words and numbers
//! between them are holes, each found by its own sub-search over the task's parameters with
//! the hole's text as the target (`f'{seconds // 3600:02d}'` for the hours), and the program
//! is the concatenation: `f'{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}'`.
//!
//! A hole's program is several times cheaper than the whole, so it is found long before the
//! main enumeration reaches the whole (whose cost is the sum of the holes' and the joins').
//! Separators are non-alphanumeric characters only: a word or number that happens to be
//! equal in every example is still a hole (its sub-search may find it a constant, as the main
//! search would), so two examples sharing an hour never hard-code it.

use super::super::ast::{Expr, Hof, Op};
use super::super::value::PyVal;
use super::{new_search, Search, SearchLimits};
use std::borrow::Cow;
use std::rc::Rc;

/// Most holes in a template (more are rarely one concatenation).
const MAX_HOLES: usize = 4;
/// Values (terms times examples) one hole's sub-search may hold.
const HOLE_VALUES: usize = 1_500_000;
/// Terms one hole's sub-search may hold.
const HOLE_TERMS: usize = 100_000;
/// How much more than a hole's cheapest body a body read off another hole may cost and still
/// come first.
const ANALOGY_SLACK: u32 = 2;
/// The same for a body read off another hole at its opposite end (`max` beside `min`): ends
/// come in pairs.
const OPPOSITE_SLACK: u32 = 5;
/// Most expensive hole program: a hole is one word or number of the output, a small program;
/// a template whose holes need more is not what the outputs are made of.
const HOLE_MAX_COST: u32 = 10;

/// A piece of an output: a separator run or a word/number run.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Sep(String),
    Word(String),
}

fn pieces(text: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for c in text.chars() {
        let word = c.is_alphanumeric();
        match out.last_mut() {
            Some(Piece::Word(w)) if word => w.push(c),
            Some(Piece::Sep(s)) if !word => s.push(c),
            _ => out.push(if word {
                Piece::Word(c.to_string())
            } else {
                Piece::Sep(c.to_string())
            }),
        }
    }
    out
}

/// Bodies kept per hole: the cheapest and a runner-up, so that two readings of a hole the
/// examples cannot tell apart (`minutes // 60` and `str(minutes + minutes)[0]`) both reach the
/// ranking and the question.
const HOLE_BODIES: usize = 2;

/// One hole: its sub-search and the cheapest bodies found (empty until one is).
struct Hole<'a> {
    search: Search<'a>,
    done: u32,
    best: Vec<(Rc<Expr>, u32)>,
}

/// How the holes' values make an output.
enum Join {
    /// The outputs' shared shape: separators (`Some`) and holes (`None`) in order.
    Concat(Vec<Option<String>>),
    /// A tuple, one component per hole.
    Tuple,
    /// A dict of these keys (every output's, in order), each value a hole.
    Dict(Vec<PyVal>),
}

/// The string template of the outputs and each hole's outputs.
fn concat_shape(outputs: &[PyVal]) -> Option<(Join, Vec<Vec<PyVal>>)> {
    let texts: Vec<&str> = outputs
        .iter()
        .map(|o| match o {
            PyVal::Str(t) => Some(&**t),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let split: Vec<Vec<Piece>> = texts.iter().map(|t| pieces(t)).collect();
    let first = &split[0];
    let holes = first.iter().filter(|p| matches!(p, Piece::Word(_))).count();
    if !(2..=MAX_HOLES).contains(&holes) || !first.iter().any(|p| matches!(p, Piece::Sep(_))) {
        return None;
    }
    // Same pieces in the same order, separators equal.
    for other in &split[1..] {
        if other.len() != first.len() {
            return None;
        }
        for (a, b) in first.iter().zip(other) {
            match (a, b) {
                (Piece::Sep(x), Piece::Sep(y)) if x == y => {}
                (Piece::Word(_), Piece::Word(_)) => {}
                _ => return None,
            }
        }
    }
    let shape: Vec<Option<String>> = first
        .iter()
        .map(|p| match p {
            Piece::Sep(t) => Some(t.clone()),
            Piece::Word(_) => None,
        })
        .collect();
    let hole_outputs = (0..shape.len())
        .filter(|&k| shape[k].is_none())
        .map(|k| {
            split
                .iter()
                .map(|ps| match &ps[k] {
                    Piece::Word(w) | Piece::Sep(w) => PyVal::str(w),
                })
                .collect()
        })
        .collect();
    Some((Join::Concat(shape), hole_outputs))
}

/// Tuples of one length (2 or 3) and each component's outputs.
fn tuple_shape(outputs: &[PyVal]) -> Option<(Join, Vec<Vec<PyVal>>)> {
    let tuples: Vec<&Vec<PyVal>> = outputs
        .iter()
        .map(|o| match o {
            PyVal::Tuple(t) => Some(&**t),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let k = tuples[0].len();
    if !(2..=3).contains(&k) || tuples.iter().any(|t| t.len() != k) {
        return None;
    }
    let hole_outputs = (0..k)
        .map(|i| tuples.iter().map(|t| t[i].clone()).collect())
        .collect();
    Some((Join::Tuple, hole_outputs))
}

/// Dicts of the same two to four keys in the same order (a summary: `{'min': ..., 'max':
/// ...}`) and each key's values.
fn dict_shape(outputs: &[PyVal]) -> Option<(Join, Vec<Vec<PyVal>>)> {
    let dicts: Vec<&Vec<(PyVal, PyVal)>> = outputs
        .iter()
        .map(|o| match o {
            PyVal::Dict(d) => Some(&**d),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let keys: Vec<PyVal> = dicts[0].iter().map(|(k, _)| k.clone()).collect();
    let same = |d: &&Vec<(PyVal, PyVal)>| {
        d.len() == keys.len()
            && d.iter()
                .zip(&keys)
                .all(|((k, _), want)| super::super::value::exact_eq(k, want))
    };
    if !(2..=MAX_HOLES).contains(&keys.len()) || !dicts.iter().all(same) {
        return None;
    }
    let hole_outputs = (0..keys.len())
        .map(|i| dicts.iter().map(|d| d[i].1.clone()).collect())
        .collect();
    Some((Join::Dict(keys), hole_outputs))
}

/// The template decomposition of one search.
pub(super) struct Templater<'a> {
    join: Join,
    holes: Vec<Hole<'a>>,
    /// Cost of the joins and separators (the holes' costs come on top).
    base: u32,
    recorded: bool,
    /// Cost of the joined program, once recorded as a complete solution.
    best: Option<u32>,
    /// Complete programs recorded (of the main search's count).
    completes: usize,
}

impl<'a> Templater<'a> {
    /// The template of the outputs, if they share one with two to `MAX_HOLES` holes: strings
    /// with the same separators, or tuples of one length (each component a hole:
    /// `(filename.rsplit('.', 1)[0], filename.split('.')[-1])`).
    pub(super) fn new(s: &Search<'a>) -> Option<Templater<'a>> {
        if s.outputs.len() < 2 {
            return None;
        }
        let (join, hole_outputs) = concat_shape(&s.outputs)
            .or_else(|| tuple_shape(&s.outputs))
            .or_else(|| dict_shape(&s.outputs))?;
        let base = match &join {
            Join::Concat(shape) => {
                let add = s.input.costs.op_cost(Op::Add);
                let seps = shape.iter().filter(|p| p.is_some()).count() as u32;
                (shape.len() as u32 - 1) * add + seps
            }
            Join::Tuple => s.input.costs.op_cost(Op::MkTuple2),
            Join::Dict(_) => {
                s.input.costs.op_cost(Op::MkTuple2) + s.input.costs.op_cost(Op::DictOf)
            }
        };
        if base >= s.limits.max_cost {
            return None;
        }
        let in_fstring = matches!(join, Join::Concat(_));
        let holes = hole_outputs
            .into_iter()
            .map(|outs| {
                let examples = s
                    .input
                    .examples
                    .iter()
                    .zip(outs)
                    .map(|((ins, _), o)| (ins.clone(), o))
                    .collect();
                hole_search(s, examples, base, in_fstring)
            })
            .collect();
        Some(Templater {
            join,
            holes,
            base,
            recorded: false,
            best: None,
            completes: 0,
        })
    }

    /// Cost of the joined program, if recorded as a complete solution: the main search goes
    /// on to this cost for a cheaper one (`' '.join(text.split())` rather than two holes).
    pub(super) fn best(&self) -> Option<u32> {
        self.best
    }

    /// Complete programs recorded (of the main search's count).
    pub(super) fn completes(&self) -> usize {
        self.completes
    }

    /// Whether every hole has a body or a sub-search that can still find one.
    fn live(&self) -> bool {
        !self.recorded
            && self
                .holes
                .iter()
                .all(|h| !h.best.is_empty() || h.search.stop.is_none() && h.done < HOLE_MAX_COST)
    }

    /// Advances every hole's sub-search to cost `cost` (in step with the main levels: a hole's
    /// level of a cost is as cheap as the main search's, and a hole needs few of them); records
    /// the concatenation once every hole has a body.
    pub(super) fn step(&mut self, s: &mut Search<'a>, cost: u32) {
        if !self.live() {
            return;
        }
        let target = cost.min(HOLE_MAX_COST);
        for h in &mut self.holes {
            while h.best.is_empty() && h.search.stop.is_none() && h.done < target {
                if s.cancel.is_cancelled() {
                    break;
                }
                h.done += 1;
                h.search.levels(h.done);
                if h.search.stop.is_none() {
                    h.search.conditionals(h.done);
                }
                let mut found: Vec<(Rc<Expr>, u32)> = h
                    .search
                    .found
                    .iter()
                    .map(|p| (p.expr.clone(), p.cost))
                    .collect();
                found.sort_by_key(|f| f.1);
                found.truncate(HOLE_BODIES);
                h.best = found;
            }
        }
        if self.holes.iter().any(|h| h.best.is_empty()) {
            return;
        }
        self.recorded = true;
        self.analogies();
        // Every hole's cheapest body; then each runner-up in place of its hole's cheapest.
        let mut choices: Vec<Vec<usize>> = vec![vec![0; self.holes.len()]];
        for (k, h) in self.holes.iter().enumerate() {
            for alt in 1..h.best.len() {
                let mut c = vec![0; self.holes.len()];
                c[k] = alt;
                choices.push(c);
            }
        }
        for choice in choices {
            let Some((joined, total)) = self.join(&choice) else {
                continue;
            };
            if s.input.fits(&joined) {
                let before = s.complete;
                s.record(joined, total);
                if s.complete > before {
                    self.completes += 1;
                    self.best = Some(self.best.map_or(total, |b| b.min(total)));
                }
            }
        }
    }

    /// Holes read alike: where another hole's body with one local change (another position,
    /// `parts[1]` for `parts[0]`; the complementary comparison) fits this hole's examples, it
    /// comes first when the sibling's body costs at most `ANALOGY_SLACK` more than this hole's
    /// cheapest (`int(words[1])` rather than `2 % int(version[-1])` beside `int(words[0])`;
    /// the odds beside the evens).
    fn analogies(&mut self) {
        for k in 0..self.holes.len() {
            let Some((own_body, own)) = self.holes[k].best.first().cloned() else {
                continue;
            };
            // A hole that is a sibling at another position already reads like it.
            let own_key = format!("{own_body:?}");
            let alike = (0..self.holes.len()).filter(|&g| g != k).any(|g| {
                self.holes[g]
                    .best
                    .first()
                    .is_some_and(|(b, _)| rewrites(b).iter().any(|m| format!("{m:?}") == own_key))
            });
            if alike {
                continue;
            }
            let mut found: Option<(Rc<Expr>, u32)> = None;
            for g in 0..self.holes.len() {
                if g == k {
                    continue;
                }
                for (body, cost) in &self.holes[g].best {
                    if *cost > own + OPPOSITE_SLACK || found.as_ref().is_some_and(|f| f.1 <= *cost)
                    {
                        continue;
                    }
                    // The complement first (`>=` beside `<`), then the opposite end.
                    let mut readings = if *cost <= own + ANALOGY_SLACK {
                        rewrites(body)
                    } else {
                        Vec::new()
                    };
                    readings.extend(opposites(body));
                    if let Some(m) = readings
                        .into_iter()
                        .find(|m| self.holes[k].search.input.fits(m))
                    {
                        // Reading alike is evidence the hole's own cheapest body lacks: it
                        // ranks just ahead of it.
                        found = Some((m, own.saturating_sub(1).max(1)));
                    }
                }
            }
            if let Some(f) = found {
                let h = &mut self.holes[k];
                if !h
                    .best
                    .iter()
                    .any(|(b, _)| format!("{b:?}") == format!("{:?}", f.0))
                {
                    h.best.insert(0, f);
                    h.best.truncate(HOLE_BODIES);
                }
            }
        }
    }

    /// The concatenation with body `choice[k]` in hole `k`, and its cost.
    fn join(&self, choice: &[usize]) -> Option<(Rc<Expr>, u32)> {
        let mut total = self.base;
        if let Join::Tuple | Join::Dict(_) = &self.join {
            let mut parts = Vec::new();
            for (h, &i) in self.holes.iter().zip(choice) {
                let (body, c) = h.best.get(i)?;
                total += c;
                parts.push(body.clone());
            }
            let tuple = match parts.len() {
                2 => Rc::new(Expr::Call(Op::MkTuple2, parts)),
                3 => Rc::new(Expr::Call(Op::MkTuple3, parts)),
                // Four values (of a dict only) as two pairs: see `Op::DictOf`.
                _ => {
                    let (a, b) = parts.split_at(2);
                    Rc::new(Expr::Call(
                        Op::MkTuple2,
                        vec![
                            Rc::new(Expr::Call(Op::MkTuple2, a.to_vec())),
                            Rc::new(Expr::Call(Op::MkTuple2, b.to_vec())),
                        ],
                    ))
                }
            };
            if let Join::Dict(keys) = &self.join {
                let keys = Rc::new(Expr::Const(PyVal::tuple(keys.clone())));
                return Some((Rc::new(Expr::Call(Op::DictOf, vec![keys, tuple])), total));
            }
            return Some((tuple, total));
        }
        let Join::Concat(shape) = &self.join else {
            return None;
        };
        let mut parts: Vec<Rc<Expr>> = Vec::new();
        let mut holes = self.holes.iter().zip(choice);
        for p in shape {
            match p {
                Some(sep) => parts.push(Rc::new(Expr::Const(PyVal::str(sep)))),
                None => {
                    let (h, &i) = holes.next()?;
                    let (body, c) = h.best.get(i)?;
                    total += c;
                    parts.push(body.clone());
                }
            }
        }
        let joined = parts
            .into_iter()
            .reduce(|a, b| Rc::new(Expr::Call(Op::Add, vec![a, b])))?;
        Some((joined, total))
    }
}

/// Positions tried for another reading of a sibling's position, in the order a reader
/// expects (`words[1]` before `words[-2]`).
const POSITIONS: [i64; 7] = [0, 1, 2, 3, -1, -2, -3];

/// Every expression one local change away from `e`: a literal position replaced by another
/// (`xs[0]` → `xs[1]`, `xs[-1]`), or a comparison by its complement (`x % 2 == 0` →
/// `x % 2 != 0`, `x < t` → `x >= t`): how sibling holes of one template usually differ.
fn rewrites(e: &Rc<Expr>) -> Vec<Rc<Expr>> {
    fn at(x: &Rc<Expr>, i: i64) -> Rc<Expr> {
        Rc::new(match i {
            0 => Expr::Call(Op::First, vec![x.clone()]),
            -1 => Expr::Call(Op::Last, vec![x.clone()]),
            _ => Expr::Call(
                Op::Index,
                vec![x.clone(), Rc::new(Expr::Const(PyVal::Int(i)))],
            ),
        })
    }
    let mut out: Vec<Rc<Expr>> = Vec::new();
    match &**e {
        Expr::Call(op, a) => {
            // This node.
            let position = match (op, a.get(1).map(|x| &**x)) {
                (Op::Index, Some(Expr::Const(PyVal::Int(j)))) => Some(*j),
                (Op::First, _) => Some(0),
                (Op::Last, _) => Some(-1),
                _ => None,
            };
            if let Some(j) = position {
                out.extend(POSITIONS.iter().filter(|&&i| i != j).map(|&i| at(&a[0], i)));
            }
            let flipped = match op {
                Op::Eq => Some(Op::NotEq),
                Op::NotEq => Some(Op::Eq),
                Op::Lt => Some(Op::GtE),
                Op::GtE => Some(Op::Lt),
                Op::Gt => Some(Op::LtE),
                Op::LtE => Some(Op::Gt),
                _ => None,
            };
            if let Some(f) = flipped {
                out.push(Rc::new(Expr::Call(f, a.clone())));
            }
            // One argument.
            for (k, x) in a.iter().enumerate() {
                for r in rewrites(x) {
                    let mut args = a.clone();
                    args[k] = r;
                    out.push(Rc::new(Expr::Call(*op, args)));
                }
            }
        }
        Expr::Hof(h, it, body) => {
            for r in rewrites(it) {
                out.push(Rc::new(Expr::Hof(*h, r, body.clone())));
            }
            for r in rewrites(body) {
                out.push(Rc::new(Expr::Hof(*h, it.clone(), r)));
            }
        }
        _ => {}
    }
    out
}

/// Every expression one change of end away from `e`: `min` for `max`, `x < 0` for `x > 0`,
/// `sorted(reverse=True)` for `sorted()` ("(shortest, longest)", "(positives, negatives)").
fn opposites(e: &Rc<Expr>) -> Vec<Rc<Expr>> {
    let mut out: Vec<Rc<Expr>> = Vec::new();
    match &**e {
        Expr::Call(op, a) => {
            let opposite = match op {
                Op::Min => Some(Op::Max),
                Op::Max => Some(Op::Min),
                Op::Min2 => Some(Op::Max2),
                Op::Max2 => Some(Op::Min2),
                Op::Lt => Some(Op::Gt),
                Op::Gt => Some(Op::Lt),
                Op::LtE => Some(Op::GtE),
                Op::GtE => Some(Op::LtE),
                Op::Sorted => Some(Op::SortedRev),
                Op::SortedRev => Some(Op::Sorted),
                _ => None,
            };
            if let Some(o) = opposite {
                out.push(Rc::new(Expr::Call(o, a.clone())));
            }
            for (k, x) in a.iter().enumerate() {
                for r in opposites(x) {
                    let mut args = a.clone();
                    args[k] = r;
                    out.push(Rc::new(Expr::Call(*op, args)));
                }
            }
        }
        Expr::Hof(h, it, body) => {
            let opposite = match h {
                Hof::MinKey => Some(Hof::MaxKey),
                Hof::MaxKey => Some(Hof::MinKey),
                Hof::MinKeyOrNone => Some(Hof::MaxKeyOrNone),
                Hof::MaxKeyOrNone => Some(Hof::MinKeyOrNone),
                Hof::SortedKey => Some(Hof::SortedKeyRev),
                Hof::SortedKeyRev => Some(Hof::SortedKey),
                _ => None,
            };
            if let Some(o) = opposite {
                out.push(Rc::new(Expr::Hof(o, it.clone(), body.clone())));
            }
            for r in opposites(body) {
                out.push(Rc::new(Expr::Hof(*h, it.clone(), r)));
            }
        }
        _ => {}
    }
    out
}

/// The sub-search for one hole: the task's parameters, the hole's text as the target.
fn hole_search<'a>(
    s: &Search<'a>,
    examples: Vec<(Vec<PyVal>, PyVal)>,
    base: u32,
    in_fstring: bool,
) -> Hole<'a> {
    let n = examples.len().max(1);
    let mut input = s.input.sub(s.input.param_types.clone(), examples);
    // Inside an f-string a number needs no `str()`: `f'{minutes // 60}:…'`.
    if in_fstring {
        input.costs.op.insert(Op::StrOf, 1);
    }
    let limits = SearchLimits {
        max_cost: s.limits.max_cost.saturating_sub(base),
        max_terms: (HOLE_VALUES / n).min(HOLE_TERMS),
        max_solutions: 1,
        extra_levels: 0,
    };
    let mut search = new_search(Cow::Owned(input), limits, s.cancel);
    search.build_contexts();
    Hole {
        search,
        done: 0,
        best: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_split_at_separators() {
        assert_eq!(
            pieces("01:01:59"),
            [
                Piece::Word("01".into()),
                Piece::Sep(":".into()),
                Piece::Word("01".into()),
                Piece::Sep(":".into()),
                Piece::Word("59".into()),
            ]
        );
        assert_eq!(
            pieces("Lovelace, A."),
            [
                Piece::Word("Lovelace".into()),
                Piece::Sep(", ".into()),
                Piece::Word("A".into()),
                Piece::Sep(".".into()),
            ]
        );
    }
}

#[cfg(test)]
mod search_tests {
    use crate::cancel::CancelToken;
    use crate::domain::python::enumerate::SearchLimits;
    use crate::domain::python::tests::task;
    use crate::domain::python::PythonDomain;
    use std::time::Duration;

    pub(super) fn bodies(
        names: &[&str],
        types: &[&str],
        doc: &str,
        ex: &[(&[&str], &str)],
    ) -> Vec<String> {
        let t = task(names, types, doc, ex);
        let limits = SearchLimits {
            max_cost: 40,
            max_terms: 200_000,
            max_solutions: 3,
            extra_levels: 0,
        };
        let cancel = CancelToken::with_budget(Duration::from_secs(20));
        PythonDomain
            .search_outcome(&t, &cancel, limits)
            .map(|(sols, _, _)| sols.into_iter().map(|s| s.body).collect())
            .unwrap_or_default()
    }

    #[test]
    fn clock_time_is_three_formatted_holes() {
        let got = bodies(
            &["seconds"],
            &["int"],
            "Format a number of seconds as HH:MM:SS.",
            &[
                (&["3661"], "'01:01:01'"),
                (&["59"], "'00:00:59'"),
                (&["3725"], "'01:02:05'"),
            ],
        );
        // Hours and seconds are settled by these examples (the minutes, equal to the hours or
        // zero in each, are not).
        let top = got.first().map(String::as_str).unwrap_or_default();
        assert!(
            top.starts_with("return f'{seconds // 3600:02d}:")
                && top.ends_with(":{seconds % 60:02d}'"),
            "{got:?}"
        );
    }
}

#[cfg(test)]
mod tuple_tests {
    use super::search_tests::bodies;

    #[test]
    fn tuple_components_read_alike() {
        let got = bodies(
            &["version"],
            &["str"],
            "Parse 'major.minor.patch' into a tuple of ints.",
            &[(&["'1.2.3'"], "(1, 2, 3)"), (&["'10.0.12'"], "(10, 0, 12)")],
        );
        assert_eq!(
            got.first().map(String::as_str),
            Some(
                "parts = version.split('.')\nreturn (int(parts[0]), int(parts[1]), int(parts[2]))"
            ),
            "{got:?}"
        );
    }
}
