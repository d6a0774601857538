//! Enumerative synthesis for Concat programs, FlashFill style.
//!
//! 1. Enumerate atoms (every function with arguments drawn from the task: delimiters present in
//!    the inputs, characters present in the outputs, indices ±1..±5, positions up to the input
//!    length) on every input, keeping one atom per distinct output vector (observational
//!    equivalence) and only atoms whose output is a substring of the expected output on every
//!    example.
//! 2. Search a DAG whose nodes are tuples of positions (one per example's output) and whose edges
//!    are atoms and constants producing the next piece of every output at once (uniform-cost
//!    search, so the cheapest program under the size prior comes first).
//! 3. If that fails, add `Compose(outer, inner)` atoms in tiers (cheap outers and inners first)
//!    and search again, until the budget runs out.
//!
//! Many examples (SyGuS has up to 400) are handled counterexample-guided: search on a few, check
//! on all, add the first failing example, repeat. Tables are capped so memory stays bounded.

use super::dsl::{Boundary, Case, Expr, Func, Program, Regex, Type};
use super::interp;
use crate::cancel::CancelToken;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// One example in bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ByteExample {
    /// One string per input.
    pub inputs: Vec<Vec<u8>>,
    /// The expected output.
    pub output: Vec<u8>,
}

/// A consistent program with its prior cost (lower is better).
#[derive(Clone, Debug)]
pub struct Found {
    /// The program.
    pub program: Program,
    /// Sum of expression costs.
    pub cost: u32,
}

const MAX_ATOMS: usize = 400_000;
const MAX_VALUES: usize = 200_000;
const MAX_STATES: usize = 300_000;
const MAX_PARTIAL: usize = 300;
/// Node expansions per DAG search while more atoms may still come, and for the last one.
const QUICK_POPS: u32 = 1_500;
const FULL_POPS: u32 = 30_000;
const COMPOSE_CHUNK: u64 = 400_000;
const INDICES: [i8; 10] = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5];

/// Finds up to `max` consistent programs, cheapest first.
pub fn search(examples: &[ByteExample], cancel: &CancelToken, max: usize) -> Vec<Found> {
    let mut uniq: Vec<ByteExample> = Vec::new();
    for e in examples {
        if !uniq.contains(e) {
            uniq.push(e.clone());
        }
    }
    if uniq.is_empty() || max == 0 {
        return Vec::new();
    }
    if uniq.len() <= 6 {
        return search_exact(&uniq, cancel, max, max > 1);
    }
    // Counterexample-guided: start from the examples with the longest outputs.
    let mut order: Vec<usize> = (0..uniq.len()).collect();
    order.sort_by_key(|&i| Reverse(uniq[i].output.len()));
    let mut subset: Vec<usize> = order.iter().copied().take(3).collect();
    loop {
        let exs: Vec<ByteExample> = subset.iter().map(|&i| uniq[i].clone()).collect();
        let found = search_exact(&exs, cancel, max.max(20), max > 1);
        if found.is_empty() {
            return Vec::new();
        }
        let mut ok = Vec::new();
        let mut counter = None;
        for f in found {
            match first_failure(&f.program, &uniq) {
                None => ok.push(f),
                Some(i) => {
                    counter.get_or_insert(i);
                }
            }
        }
        if !ok.is_empty() {
            ok.truncate(max);
            return ok;
        }
        match counter {
            Some(i) if !subset.contains(&i) && !cancel.is_cancelled() => subset.push(i),
            _ => return Vec::new(),
        }
    }
}

/// Index of the first example the program fails, if any.
pub fn first_failure(p: &Program, examples: &[ByteExample]) -> Option<usize> {
    examples.iter().position(|e| {
        let ins: Vec<&[u8]> = e.inputs.iter().map(Vec::as_slice).collect();
        interp::run(p, &ins).as_deref() != Some(e.output.as_slice())
    })
}

struct Atom {
    expr: Expr,
    cost: u32,
    outs: Vec<Vec<u8>>,
}

struct Tables<'a> {
    exs: &'a [ByteExample],
    /// For each example: substring → start positions in the output.
    occ: Vec<FxHashMap<&'a [u8], Vec<u16>>>,
    atoms: Vec<Atom>,
    atom_keys: FxHashMap<Vec<u8>, u32>,
    /// Distinct non-empty values for Compose inners: (input, func, cost, outputs).
    values: Vec<(u8, Func, u32, Vec<Vec<u8>>)>,
    value_keys: FxHashSet<Vec<u8>>,
    key: Vec<u8>,
    evals: u64,
}

fn substrings(o: &[u8]) -> FxHashMap<&[u8], Vec<u16>> {
    let mut m: FxHashMap<&[u8], Vec<u16>> = FxHashMap::default();
    let n = o.len().min(u16::MAX as usize);
    let max_len = 300;
    for i in 0..n {
        for j in i + 1..=n.min(i + max_len) {
            m.entry(&o[i..j]).or_default().push(i as u16);
        }
    }
    m
}

impl<'a> Tables<'a> {
    fn new(exs: &'a [ByteExample]) -> Self {
        Tables {
            exs,
            occ: exs.iter().map(|e| substrings(&e.output)).collect(),
            atoms: Vec::new(),
            atom_keys: FxHashMap::default(),
            values: Vec::new(),
            value_keys: FxHashSet::default(),
            key: Vec::new(),
            evals: 0,
        }
    }

    fn make_key(&mut self, outs: &[Vec<u8>]) {
        self.key.clear();
        for o in outs {
            self.key.extend_from_slice(&(o.len() as u32).to_le_bytes());
            self.key.extend_from_slice(o);
        }
    }

    /// Records an evaluated expression: as a compose inner candidate (when `as_value`) and as an
    /// atom when it is useful.
    fn offer(&mut self, expr: Expr, cost: u32, outs: Vec<Vec<u8>>, as_value: bool) {
        if outs.iter().all(Vec::is_empty) {
            return;
        }
        let useful = outs
            .iter()
            .zip(&self.occ)
            .all(|(o, occ)| o.is_empty() || occ.contains_key(o.as_slice()));
        if !useful && !as_value {
            return;
        }
        self.make_key(&outs);
        if as_value
            && self.values.len() < MAX_VALUES
            && outs.iter().all(|o| !o.is_empty())
            && !self.value_keys.contains(&self.key)
        {
            self.value_keys.insert(self.key.clone());
            if let Expr::Apply { input, func } = &expr {
                self.values.push((*input, func.clone(), cost, outs.clone()));
            }
        }
        if !useful || self.atoms.len() >= MAX_ATOMS {
            return;
        }
        match self.atom_keys.get(&self.key) {
            Some(&i) => {
                let a = &mut self.atoms[i as usize];
                if cost < a.cost {
                    a.cost = cost;
                    a.expr = expr;
                }
            }
            None => {
                self.atom_keys
                    .insert(self.key.clone(), self.atoms.len() as u32);
                self.atoms.push(Atom { expr, cost, outs });
            }
        }
    }

    fn eval_all(&mut self, input: u8, f: &Func) -> Vec<Vec<u8>> {
        self.evals += self.exs.len() as u64;
        self.exs
            .iter()
            .map(|e| {
                let mut out = Vec::new();
                interp::eval_func(f, &e.inputs[input as usize], &mut out);
                out
            })
            .collect()
    }
}

/// Task-derived argument pools.
struct Pools {
    /// Regexes: the 8 types and every non-alphanumeric character in the inputs.
    regexes: Vec<Regex>,
    /// Non-alphanumeric characters in the inputs.
    delims: Vec<u8>,
    /// Characters in the outputs (for constants, Replace targets, Substitute).
    out_chars: Vec<u8>,
    max_len: i32,
}

fn pools(exs: &[ByteExample], input: usize) -> Pools {
    let mut delims: Vec<u8> = Vec::new();
    let mut max_len = 0;
    for e in exs {
        let s = &e.inputs[input];
        max_len = max_len.max(s.len() as i32);
        for &c in s {
            if !c.is_ascii_alphanumeric() && !delims.contains(&c) {
                delims.push(c);
            }
        }
    }
    delims.sort_unstable();
    let mut out_chars: Vec<u8> = Vec::new();
    for e in exs {
        for &c in &e.output {
            if !out_chars.contains(&c) {
                out_chars.push(c);
            }
        }
    }
    out_chars.sort_unstable();
    let mut regexes: Vec<Regex> = Type::ALL.iter().map(|&t| Regex::Type(t)).collect();
    regexes.extend(delims.iter().map(|&c| Regex::Char(c)));
    Pools {
        regexes,
        delims,
        out_chars,
        max_len,
    }
}

/// Functions usable both on inputs and as Compose outers, cheapest kinds first.
fn modification_funcs(p: &Pools, cheap: bool) -> Vec<Func> {
    let mut fs = Vec::new();
    if cheap {
        fs.extend(Case::ALL.iter().map(|&c| Func::ToCase(c)));
        fs.push(Func::Trim);
        for &t in &Type::ALL {
            for &i in &INDICES {
                fs.push(Func::GetToken(t, i));
            }
        }
        for &r in &p.regexes {
            fs.push(Func::GetUpto(r));
            fs.push(Func::GetFrom(r));
        }
        for &t in &Type::ALL {
            fs.push(Func::GetAll(t));
            fs.push(Func::RemoveAll(t));
            for &i in &INDICES {
                fs.push(Func::GetFirst(t, i));
                fs.push(Func::Remove(t, i));
            }
        }
        for &a in &p.delims {
            for &b in &p.out_chars {
                if a != b {
                    fs.push(Func::Replace(a, b));
                }
            }
        }
    } else {
        for &t in &Type::ALL {
            for &c in &p.out_chars {
                fs.push(Func::SubstituteAll(t, c));
                for &i in &INDICES {
                    fs.push(Func::Substitute(t, i, c));
                }
            }
        }
    }
    fs
}

fn cost_of(f: &Func) -> u32 {
    // The size prior, nudged toward token-based functions, which generalize better than
    // absolute positions.
    let base = f.size() as u32 * 2;
    match f {
        Func::SubStr(..) => base + 1,
        Func::GetSpan(..) => base + 2,
        Func::GetToken(..) => base - 2,
        _ => base,
    }
}

fn enumerate_base(t: &mut Tables, cancel: &CancelToken) {
    let n_inputs = t.exs[0].inputs.len();
    for input in 0..n_inputs {
        let p = pools(t.exs, input);
        let inp = input as u8;
        let mut funcs = modification_funcs(&p, true);
        funcs.extend(modification_funcs(&p, false));
        for f in funcs {
            let outs = t.eval_all(inp, &f);
            let cost = cost_of(&f);
            t.offer(
                Expr::Apply {
                    input: inp,
                    func: f,
                },
                cost,
                outs,
                true,
            );
        }
        if cancel.is_cancelled() {
            return;
        }
        // SubStr over positions that can matter for these lengths.
        let lim = p.max_len.min(100);
        for k1 in -lim..=lim + 1 {
            for k2 in -lim..=lim + 1 {
                let (k1, k2) = (k1.clamp(-100, 100) as i8, k2.clamp(-100, 100) as i8);
                if (k1 > 0) == (k2 > 0) && k1 >= k2 && k2 != 0 {
                    continue;
                }
                let f = Func::SubStr(k1, k2);
                let outs = t.eval_all(inp, &f);
                t.offer(
                    Expr::Apply {
                        input: inp,
                        func: f.clone(),
                    },
                    cost_of(&f),
                    outs,
                    true,
                );
            }
        }
        if cancel.is_cancelled() {
            return;
        }
        enumerate_spans(t, inp, &p, cancel);
    }
}

/// GetSpan via distinct position vectors: positions are computed once per (regex, index,
/// boundary), then every pair is sliced.
fn enumerate_spans(t: &mut Tables, inp: u8, p: &Pools, cancel: &CancelToken) {
    let mut positions: Vec<((Regex, i8, Boundary), Vec<isize>)> = Vec::new();
    let mut seen: FxHashSet<Vec<isize>> = FxHashSet::default();
    for &r in &p.regexes {
        for &i in &INDICES {
            for &b in &Boundary::ALL {
                let v: Vec<isize> = t
                    .exs
                    .iter()
                    .map(|e| interp::span_index(r, i, b, &e.inputs[inp as usize]))
                    .collect();
                if v.iter().any(|&x| x < 0) || !seen.insert(v.clone()) {
                    continue;
                }
                positions.push(((r, i, b), v));
            }
        }
    }
    for (a, (pa, va)) in positions.iter().enumerate() {
        if a.is_multiple_of(16) && cancel.is_cancelled() {
            return;
        }
        for (pb, vb) in positions.iter() {
            if va.iter().zip(vb).all(|(x, y)| x >= y) {
                continue;
            }
            let outs: Vec<Vec<u8>> = t
                .exs
                .iter()
                .zip(va.iter().zip(vb))
                .map(|(e, (&x, &y))| {
                    let (s, e2) = interp::py_bounds(e.inputs[inp as usize].len(), x, Some(y));
                    e.inputs[inp as usize][s..e2].to_vec()
                })
                .collect();
            t.evals += t.exs.len() as u64;
            let f = Func::GetSpan(pa.0, pa.1, pa.2, pb.0, pb.1, pb.2);
            let cost = cost_of(&f);
            t.offer(
                Expr::Apply {
                    input: inp,
                    func: f,
                },
                cost,
                outs,
                true,
            );
        }
    }
}

/// Compose candidates of one tier: inner values grouped by their output on the first example
/// (the first-example filter depends only on that), groups in order of their cheapest inner.
struct ComposePlan {
    groups: Vec<(Vec<u8>, Vec<usize>)>,
    outers: Vec<Vec<Func>>,
    next: usize,
}

fn compose_plan(t: &Tables, outers_cheap: bool, span_inners: bool) -> ComposePlan {
    let n_inputs = t.exs[0].inputs.len();
    let outers: Vec<Vec<Func>> = (0..n_inputs)
        .map(|i| modification_funcs(&pools(t.exs, i), outers_cheap))
        .collect();
    let mut order: Vec<usize> = (0..t.values.len())
        .filter(|&i| matches!(t.values[i].1, Func::GetSpan(..)) == span_inners)
        .collect();
    order.sort_by_key(|&i| t.values[i].2);
    let mut index: FxHashMap<(u8, &[u8]), usize> = FxHashMap::default();
    let mut groups: Vec<(Vec<u8>, Vec<usize>)> = Vec::new();
    let mut group_input: Vec<u8> = Vec::new();
    for i in order {
        let v = &t.values[i];
        let key = (v.0, v.3[0].as_slice());
        match index.get(&key) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert(key, groups.len());
                groups.push((v.3[0].clone(), vec![i]));
                group_input.push(v.0);
            }
        }
    }
    ComposePlan {
        groups,
        outers,
        next: 0,
    }
}

/// For `Substitute(t, i, c)` applied to `v`: `None` when the result does not depend on `c`
/// (no such match), else the characters `c` for which the result occurs in `out`.
fn substitute_chars(v: &[u8], t: Type, i: i8, out: &[u8]) -> Option<Vec<u8>> {
    let mut m = Vec::new();
    interp::eval_func(&Func::GetToken(t, i), v, &mut m);
    if m.is_empty() {
        return None;
    }
    // The match text's first occurrence is what gets replaced.
    let a = v.windows(m.len()).position(|w| w == m.as_slice())?;
    let (prefix, suffix) = (&v[..a], &v[a + m.len()..]);
    let need = prefix.len() + 1 + suffix.len();
    let mut chars = Vec::new();
    if out.len() >= need {
        for q in 0..=out.len() - need {
            if &out[q..q + prefix.len()] == prefix
                && &out[q + prefix.len() + 1..q + need] == suffix
                && !chars.contains(&out[q + prefix.len()])
            {
                chars.push(out[q + prefix.len()]);
            }
        }
    }
    Some(chars)
}

/// Processes compose groups until about `eval_budget` evaluations are spent; returns false when
/// the plan is exhausted or cancelled.
fn compose_step(
    t: &mut Tables,
    plan: &mut ComposePlan,
    eval_budget: u64,
    cancel: &CancelToken,
) -> bool {
    let start_evals = t.evals;
    let mut buf = Vec::new();
    while plan.next < plan.groups.len() {
        if t.evals - start_evals >= eval_budget {
            return true;
        }
        if cancel.is_cancelled() {
            return false;
        }
        let g = plan.next;
        plan.next += 1;
        let input = t.values[plan.groups[g].1[0]].0;
        let mut sub_memo: FxHashMap<(Type, i8), Option<Vec<u8>>> = FxHashMap::default();
        for oi in 0..plan.outers[input as usize].len() {
            let outer = plan.outers[input as usize][oi].clone();
            if let Func::Substitute(ty, i, c) = outer {
                // One split per (type, index) decides every replacement character at once.
                let ok = sub_memo
                    .entry((ty, i))
                    .or_insert_with(|| substitute_chars(&plan.groups[g].0, ty, i, &t.exs[0].output))
                    .as_ref()
                    .is_none_or(|cs| cs.contains(&c));
                if !ok {
                    continue;
                }
            }
            buf.clear();
            interp::eval_func(&outer, &plan.groups[g].0, &mut buf);
            t.evals += 1;
            if !buf.is_empty() && !t.occ[0].contains_key(buf.as_slice()) {
                continue;
            }
            for k in 0..plan.groups[g].1.len() {
                let vi = plan.groups[g].1[k];
                let (inner, inner_cost) = (t.values[vi].1.clone(), t.values[vi].2);
                if std::mem::discriminant(&outer) == std::mem::discriminant(&inner)
                    && matches!(outer, Func::ToCase(_) | Func::Trim)
                {
                    continue;
                }
                let mut outs = Vec::with_capacity(t.exs.len());
                outs.push(buf.clone());
                let mut useful = true;
                for (j, v) in t.values[vi].3.iter().enumerate().skip(1) {
                    let mut o = Vec::new();
                    interp::eval_func(&outer, v, &mut o);
                    t.evals += 1;
                    if !o.is_empty() && !t.occ[j].contains_key(o.as_slice()) {
                        useful = false;
                        break;
                    }
                    outs.push(o);
                }
                if !useful {
                    continue;
                }
                let cost = 2 + inner_cost + cost_of(&outer);
                let expr = Expr::Compose {
                    input,
                    outer: outer.clone(),
                    inner,
                };
                t.offer(expr, cost, outs, false);
            }
        }
    }
    false
}

/// An edge of the DAG: an atom index or a constant character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    Atom(u32),
    Const(u8),
}

const CONST_COST: u32 = 4;
const HEURISTIC_WEIGHT: u32 = 2;

/// A DAG node: output positions, best cost, back edge, settled.
type Node = (Vec<u16>, u32, Option<(u32, Edge)>, bool);

struct Dag<'t, 'a> {
    t: &'t Tables<'a>,
    /// For each example and output position: atoms non-empty on that example starting there.
    starts: Vec<Vec<Vec<u32>>>,
    /// For each example: atoms whose output on it is empty (they fit any position there).
    empty_on: Vec<Vec<u32>>,
    /// For each example and position: whether that example's own DAG (a relaxation of the
    /// joint one) can still reach the end from there.
    can_finish: Vec<Vec<bool>>,
}

impl<'t, 'a> Dag<'t, 'a> {
    fn new(t: &'t Tables<'a>) -> Self {
        let mut starts: Vec<Vec<Vec<u32>>> = t
            .exs
            .iter()
            .map(|e| vec![Vec::new(); e.output.len() + 1])
            .collect();
        let mut empty_on: Vec<Vec<u32>> = vec![Vec::new(); t.exs.len()];
        // Atoms empty on some example are tried at every node: keep only the cheapest.
        let mut partial: Vec<(u32, usize)> = t
            .atoms
            .iter()
            .enumerate()
            .filter(|(_, a)| a.outs.iter().any(Vec::is_empty))
            .map(|(i, a)| (a.cost, i))
            .collect();
        partial.sort_unstable();
        let skip: FxHashSet<usize> = partial.iter().skip(MAX_PARTIAL).map(|&(_, i)| i).collect();
        for (ai, a) in t.atoms.iter().enumerate() {
            if skip.contains(&ai) {
                continue;
            }
            for (j, o) in a.outs.iter().enumerate() {
                if o.is_empty() {
                    empty_on[j].push(ai as u32);
                } else if let Some(ps) = t.occ[j].get(o.as_slice()) {
                    for &p in ps {
                        starts[j][p as usize].push(ai as u32);
                    }
                }
            }
        }
        let can_finish = t
            .exs
            .iter()
            .enumerate()
            .map(|(j, ex)| {
                let n = ex.output.len();
                let mut ok = vec![false; n + 1];
                ok[n] = true;
                for p in (0..n).rev() {
                    let c = ex.output[p];
                    let const_ok = t.exs.iter().all(|e| e.output.contains(&c)) && ok[p + 1];
                    ok[p] = const_ok
                        || starts[j][p].iter().any(|&a| {
                            let end = p + t.atoms[a as usize].outs[j].len();
                            end <= n && ok[end]
                        });
                }
                ok
            })
            .collect();
        Dag {
            t,
            starts,
            empty_on,
            can_finish,
        }
    }

    fn alive(&self, pos: &[u16]) -> bool {
        pos.iter()
            .zip(&self.can_finish)
            .all(|(&p, ok)| ok.get(p as usize).copied().unwrap_or(false))
    }

    /// Where edge `e` leads from `pos`, written into `next`; false if it does not fit.
    fn advance_into(&self, pos: &[u16], e: Edge, next: &mut Vec<u16>) -> bool {
        next.clear();
        let exs = self.t.exs;
        match e {
            Edge::Const(c) => {
                for (&p, ex) in pos.iter().zip(exs) {
                    if ex.output.get(p as usize) != Some(&c) {
                        return false;
                    }
                    next.push(p + 1);
                }
            }
            Edge::Atom(a) => {
                let atom = &self.t.atoms[a as usize];
                for ((&p, ex), o) in pos.iter().zip(exs).zip(&atom.outs) {
                    let end = p as usize + o.len();
                    if ex.output.get(p as usize..end) != Some(o.as_slice()) {
                        return false;
                    }
                    next.push(end as u16);
                }
            }
        }
        true
    }

    fn edges(&self, pos: &[u16], out: &mut Vec<(Edge, Vec<u16>)>) {
        out.clear();
        let exs = self.t.exs;
        let mut next = Vec::with_capacity(pos.len());
        // Constant: the next character, when every example agrees on it.
        if let Some(&c) = exs[0].output.get(pos[0] as usize) {
            if self.advance_into(pos, Edge::Const(c), &mut next) && self.alive(&next) {
                out.push((Edge::Const(c), next.clone()));
            }
        }
        let size = |j: usize| {
            self.starts[j].get(pos[j] as usize).map_or(0, Vec::len) + self.empty_on[j].len()
        };
        let j = (0..exs.len()).min_by_key(|&j| size(j)).unwrap_or(0);
        let list = self.starts[j]
            .get(pos[j] as usize)
            .map_or(&[][..], Vec::as_slice);
        for &a in list.iter().chain(&self.empty_on[j]) {
            if self.advance_into(pos, Edge::Atom(a), &mut next) && next != pos && self.alive(&next)
            {
                out.push((Edge::Atom(a), next.clone()));
            }
        }
    }

    fn cost(&self, e: Edge) -> u32 {
        match e {
            Edge::Const(_) => CONST_COST,
            Edge::Atom(a) => self.t.atoms[a as usize].cost + 1,
        }
    }

    /// Uniform-cost search from the start tuple to the goal tuple; returns the cheapest path's
    /// edges with, for each, its alternatives between the same two nodes.
    fn solve(&self, cancel: &CancelToken, max_pops: u32) -> Option<Vec<Vec<(Edge, u32)>>> {
        let start: Vec<u16> = vec![0; self.t.exs.len()];
        if !self.alive(&start) {
            return None;
        }
        let goal: Vec<u16> = self.t.exs.iter().map(|e| e.output.len() as u16).collect();
        let mut ids: FxHashMap<Vec<u16>, u32> = FxHashMap::default();
        let mut nodes: Vec<Node> = Vec::new();
        ids.insert(start.clone(), 0);
        nodes.push((start, 0, None, false));
        let mut heap = BinaryHeap::new();
        let debug = std::env::var_os("DOCSYNTH_SEARCH_DEBUG").is_some();
        let mut edges = Vec::new();
        let mut steps = 0u32;
        // Weighted A*: remaining characters (the longest remaining output) times a weight
        // that makes the search head for the goal instead of exploring every cheap prefix.
        let h = |p: &[u16]| -> u32 {
            p.iter()
                .zip(&goal)
                .map(|(&a, &g)| (g - a) as u32)
                .max()
                .unwrap_or(0)
                * HEURISTIC_WEIGHT
        };
        heap.push(Reverse((h(&nodes[0].0), 0u32)));
        while let Some(Reverse((f, id))) = heap.pop() {
            steps += 1;
            if steps > max_pops {
                return None;
            }
            if steps.is_multiple_of(256) && cancel.is_cancelled() {
                if debug {
                    eprintln!("dag cancelled after {steps} pops, {} nodes", nodes.len());
                }
                return None;
            }
            let node = &mut nodes[id as usize];
            let cost = f.saturating_sub(h(&node.0));
            if node.3 || cost > node.1 {
                continue;
            }
            node.3 = true;
            let pos = node.0.clone();
            if pos == goal {
                return Some(self.path_with_alternatives(&nodes, id));
            }
            self.edges(&pos, &mut edges);
            for (e, next) in edges.drain(..) {
                let c = cost + self.cost(e);
                match ids.get(&next) {
                    Some(&nid) => {
                        let n = &mut nodes[nid as usize];
                        if !n.3 && c < n.1 {
                            n.1 = c;
                            n.2 = Some((id, e));
                            heap.push(Reverse((c + h(&next), nid)));
                        }
                    }
                    None => {
                        if nodes.len() >= MAX_STATES {
                            continue;
                        }
                        let nid = nodes.len() as u32;
                        ids.insert(next.clone(), nid);
                        heap.push(Reverse((c + h(&next), nid)));
                        nodes.push((next, c, Some((id, e)), false));
                    }
                }
            }
        }
        None
    }

    fn path_with_alternatives(&self, nodes: &[Node], goal: u32) -> Vec<Vec<(Edge, u32)>> {
        let mut path = Vec::new();
        let mut cur = goal;
        while let Some((prev, e)) = nodes[cur as usize].2 {
            path.push((prev, e, cur));
            cur = prev;
        }
        path.reverse();
        let mut edges = Vec::new();
        path.iter()
            .map(|&(from, best, to)| {
                let mut alts = vec![(best, self.cost(best))];
                self.edges(&nodes[from as usize].0, &mut edges);
                for (e, next) in edges.drain(..) {
                    if e != best && next == nodes[to as usize].0 {
                        alts.push((e, self.cost(e)));
                    }
                }
                alts.sort_by_key(|&(_, c)| c);
                alts.truncate(8);
                alts
            })
            .collect()
    }
}

fn programs_from_path(t: &Tables, path: &[Vec<(Edge, u32)>], max: usize) -> Vec<Found> {
    let expr_of = |e: Edge| match e {
        Edge::Const(c) => Expr::Const(vec![c]),
        Edge::Atom(a) => t.atoms[a as usize].expr.clone(),
    };
    let base: Vec<Edge> = path.iter().map(|alts| alts[0].0).collect();
    let base_cost: u32 = path.iter().map(|alts| alts[0].1).sum();
    let mut variants: Vec<(u32, Vec<Edge>)> = vec![(base_cost, base.clone())];
    for (i, alts) in path.iter().enumerate() {
        for &(e, c) in alts.iter().skip(1) {
            let mut v = base.clone();
            v[i] = e;
            variants.push((base_cost - alts[0].1 + c, v));
        }
    }
    variants.sort_by_key(|(c, _)| *c);
    variants.truncate(max);
    variants
        .into_iter()
        .map(|(cost, es)| Found {
            program: Program {
                exprs: es.into_iter().map(expr_of).collect(),
            }
            .merged_consts(),
            cost,
        })
        .collect()
}

/// Records a solution; true when the search should stop (one solution wanted), else starts the
/// refinement deadline on the first one.
fn offer(
    found: Vec<Found>,
    best: &mut Option<Vec<Found>>,
    refine: &mut Option<CancelToken>,
    refine_more: bool,
    t0: std::time::Instant,
    cancel: &CancelToken,
) -> bool {
    let cheaper = best
        .as_ref()
        .is_none_or(|b| found.first().map(|f| f.cost) < b.first().map(|f| f.cost));
    if cheaper {
        *best = Some(found);
    }
    if !refine_more {
        return true;
    }
    if refine.is_none() {
        let extra = (t0.elapsed() * 2).max(std::time::Duration::from_millis(200));
        *refine = Some(cancel.child_with_budget(extra));
    }
    false
}

/// Searches with all given examples at once; with `refine_more`, keeps looking for cheaper
/// programs for a bounded time after the first.
pub fn search_exact(
    exs: &[ByteExample],
    cancel: &CancelToken,
    max: usize,
    refine_more: bool,
) -> Vec<Found> {
    if exs.iter().any(|e| e.output.len() >= u16::MAX as usize) {
        return Vec::new();
    }
    let debug = std::env::var_os("DOCSYNTH_SEARCH_DEBUG").is_some();
    let t0 = std::time::Instant::now();
    let mut t = Tables::new(exs);
    enumerate_base(&mut t, cancel);
    if debug {
        eprintln!(
            "base: {} atoms, {} values, {} evals, {:?}",
            t.atoms.len(),
            t.values.len(),
            t.evals,
            t0.elapsed()
        );
    }
    let try_solve = |t: &Tables, pops: u32, cancel: &CancelToken| -> Option<Vec<Found>> {
        let t1 = std::time::Instant::now();
        let dag = Dag::new(t);
        let path = dag.solve(cancel, pops);
        if debug {
            eprintln!(
                "dag: {} atoms, found {}, {:?}",
                t.atoms.len(),
                path.is_some(),
                t1.elapsed()
            );
        }
        Some(programs_from_path(t, &path?, max))
    };
    // With several solutions wanted (the editor), keep looking for a cheaper program in the
    // later tiers for a while after the first one (twice the time taken so far, at least
    // 200 ms, within the budget); with one wanted (benchmarks), stop at the first.
    let mut best: Option<Vec<Found>> = None;
    let mut refine: Option<CancelToken> = None;
    if let Some(found) = try_solve(&t, QUICK_POPS, cancel) {
        if offer(found, &mut best, &mut refine, refine_more, t0, cancel) {
            return best.unwrap_or_default();
        }
    }
    for (cheap, span) in [(true, false), (false, false), (true, true), (false, true)] {
        let tok = refine.clone().unwrap_or_else(|| cancel.clone());
        if tok.is_cancelled() {
            break;
        }
        let t2 = std::time::Instant::now();
        let mut plan = compose_plan(&t, cheap, span);
        loop {
            let tok = refine.clone().unwrap_or_else(|| cancel.clone());
            let before = t.atoms.len();
            let more = compose_step(&mut t, &mut plan, COMPOSE_CHUNK, &tok);
            if t.atoms.len() > before {
                if let Some(found) = try_solve(&t, QUICK_POPS, &tok) {
                    if offer(found, &mut best, &mut refine, refine_more, t0, cancel) {
                        return best.unwrap_or_default();
                    }
                }
            }
            if !more {
                break;
            }
        }
        let tok = refine.clone().unwrap_or_else(|| cancel.clone());
        if !tok.is_cancelled() {
            if let Some(found) = try_solve(&t, FULL_POPS, &tok) {
                if offer(found, &mut best, &mut refine, refine_more, t0, cancel) {
                    return best.unwrap_or_default();
                }
            }
        }
        if debug {
            eprintln!(
                "compose cheap={cheap} span={span}: {} groups, {} atoms, {} evals, {:?}",
                plan.groups.len(),
                t.atoms.len(),
                t.evals,
                t2.elapsed()
            );
        }
    }
    best.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(i: &str, o: &str) -> ByteExample {
        ByteExample {
            inputs: vec![i.as_bytes().to_vec()],
            output: o.as_bytes().to_vec(),
        }
    }

    #[test]
    fn solves_initials() {
        let exs = [
            ex("Mason Smith", "Smith M"),
            ex("Ada Lovelace", "Lovelace A"),
        ];
        let found = search(&exs, &CancelToken::new(), 3);
        assert!(!found.is_empty());
        for f in &found {
            assert_eq!(first_failure(&f.program, &exs), None, "{}", f.program);
        }
    }

    #[test]
    fn solves_compose() {
        let exs = [
            ex("hello world", "HELLO-world"),
            ex("abc de", "ABC-de"),
            ex("x yz", "X-yz"),
        ];
        let found = search(&exs, &CancelToken::new(), 1);
        assert_eq!(found.len(), 1);
        assert_eq!(first_failure(&found[0].program, &exs), None);
    }
}

#[cfg(test)]
mod substitute_filter_tests {
    use super::*;

    #[test]
    fn substitute_chars_agrees_with_evaluation() {
        let out = b"xa9b 1c7";
        for v in [&b"12 2"[..], b"a1b", b"aab", b"Abc Def", b"7", b"", b"1c1"] {
            for t in Type::ALL {
                for i in [-3i8, -1, 1, 2, 3] {
                    let got = substitute_chars(v, t, i, out);
                    for c in b"xa9b 1c7Zq".iter().copied() {
                        let mut r = Vec::new();
                        interp::eval_func(&Func::Substitute(t, i, c), v, &mut r);
                        let occurs =
                            out.windows(r.len().max(1)).any(|w| w == r.as_slice()) || r.is_empty();
                        if let Some(cs) = &got {
                            assert_eq!(cs.contains(&c), occurs, "{v:?} {t:?} {i} {}", c as char);
                        }
                    }
                }
            }
        }
    }
}
