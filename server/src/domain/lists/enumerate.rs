//! Bottom-up enumerative synthesis with observational equivalence.
//!
//! Values are enumerated by size (number of operations in the expression tree; inputs have
//! size 0). A value is its results on every example at once, so two expressions that agree on
//! all examples are kept once, the smaller first. Every new value is compared with the target
//! output; a match becomes a program (shared subexpressions become shared statements). The
//! value table is capped in count and in stored ints, so memory stays bounded whatever the
//! task; once full, the search keeps enumerating the current level without storing.
//!
//! Goal-directed last steps extend the reach by one or two operations: values one or two
//! invertible operations (Reverse, Map ±1/×2/×3/×4/negate, Scanl1 +/−/×) away from the target
//! are precomputed as goals, and each new list value `a` with the target's lengths is tested
//! as `ZipWith f a b` for f in {+, −, ×} by looking the required `b` up in the table. Programs
//! found this way are larger than the level being enumerated, so enumeration continues until
//! no smaller program can appear; every program is re-run on the examples before it counts.

use super::dsl::{Lambda, LambdaType, Op, Program, Statement, Type, MAX_VARIABLES};
use super::interp::{apply, DslValue, Machine, Out};
use crate::cancel::CancelToken;
use rustc_hash::{FxHashMap, FxHashSet};

/// Limits of one search.
#[derive(Clone, Copy, Debug)]
pub struct SearchLimits {
    /// Most values stored in the table.
    pub max_values: usize,
    /// Most ints stored in the table's arena (4 bytes each).
    pub max_arena: usize,
    /// Largest expression size (operations) enumerated.
    pub max_size: usize,
}

impl Default for SearchLimits {
    fn default() -> Self {
        // Peak use measured with `search_memory_stays_bounded` (see tests/it/lists_bench.rs):
        // ~5M values * ~40 bytes of bookkeeping + 48M * 4 bytes of arena, plus growth copies,
        // stays well under 1 GB.
        Self {
            max_values: 5_000_000,
            max_arena: 48_000_000,
            max_size: 8,
        }
    }
}

/// What a search found and how much work it did.
#[derive(Clone, Debug, Default)]
pub struct SearchOutcome {
    /// Consistent programs with their sizes (operations), smallest first.
    pub programs: Vec<(Program, usize)>,
    /// Values stored in the table.
    pub values_stored: usize,
    /// Candidate values computed.
    pub candidates: u64,
    /// Largest size level started.
    pub levels_started: usize,
    /// Time from the start of the search to the first consistent program.
    pub first_found_after: Option<std::time::Duration>,
}

#[derive(Clone, Copy, Debug)]
enum Node {
    Input(u8),
    Apply {
        op: Op,
        lambda: Option<Lambda>,
        args: [u32; 2],
    },
}

/// One operation applied on top of a value to reach the target.
#[derive(Clone, Copy, Debug)]
enum Wrap {
    /// A one-list operation.
    Unary(Op, Option<Lambda>),
    /// `ZipWith f value other`.
    ZipLeft(Lambda, u32),
    /// `ZipWith f other value`.
    ZipRight(Lambda, u32),
}

/// A value from which `wraps` (innermost first) lead to the target.
#[derive(Clone, Debug)]
struct Goal {
    data: Vec<i32>,
    wraps: Vec<Wrap>,
}

/// Invertible one-list operations.
fn invertible_ops() -> Vec<(Op, Option<Lambda>)> {
    let mut v = vec![(Op::Reverse, None)];
    for l in [
        Lambda::PlusOne,
        Lambda::MinusOne,
        Lambda::TimesTwo,
        Lambda::Negate,
        Lambda::TimesThree,
        Lambda::TimesFour,
    ] {
        v.push((Op::Map, Some(l)));
    }
    for l in [Lambda::Add, Lambda::Subtract, Lambda::Multiply] {
        v.push((Op::Scanl1, Some(l)));
    }
    v
}

/// The unique list `x` (per example, encoded) with `op x == y`, if there is one in range.
fn invert(
    op: Op,
    lambda: Option<Lambda>,
    y: &[i32],
    examples: usize,
    bound: i64,
) -> Option<Vec<i32>> {
    let mut x = Vec::with_capacity(y.len());
    let mut i = 0;
    for _ in 0..examples {
        let n = *y.get(i)? as usize;
        let ys = y.get(i + 1..i + 1 + n)?;
        x.push(n as i32);
        match (op, lambda) {
            (Op::Reverse, _) => x.extend(ys.iter().rev()),
            (Op::Map, Some(l)) => {
                for &v in ys {
                    let v = i64::from(v);
                    let pre = match l {
                        Lambda::PlusOne => v - 1,
                        Lambda::MinusOne => v + 1,
                        Lambda::Negate => -v,
                        Lambda::TimesTwo | Lambda::TimesThree | Lambda::TimesFour => {
                            let k = match l {
                                Lambda::TimesTwo => 2,
                                Lambda::TimesThree => 3,
                                _ => 4,
                            };
                            if v % k != 0 {
                                return None;
                            }
                            v / k
                        }
                        _ => return None,
                    };
                    x.push(pre as i32);
                }
            }
            (Op::Scanl1, Some(l)) => {
                for (k, &v) in ys.iter().enumerate() {
                    let v = i64::from(v);
                    let pre = if k == 0 {
                        v
                    } else {
                        let prev = i64::from(ys[k - 1]);
                        match l {
                            Lambda::Add => v - prev,
                            Lambda::Subtract => prev - v,
                            _ => {
                                if prev == 0 || v % prev != 0 {
                                    return None;
                                }
                                v / prev
                            }
                        }
                    };
                    x.push(pre as i32);
                }
            }
            _ => return None,
        }
        i += 1 + n;
    }
    let in_range = x.iter().all(|&v| i64::from(v).abs() <= bound);
    (in_range && i == y.len()).then_some(x)
}

/// Values one or two invertible operations away from a list target.
fn goals_for(target: &[i32], examples: usize, bound: i64) -> FxHashMap<u64, Goal> {
    let ops = invertible_ops();
    let mut goals: FxHashMap<u64, Goal> = FxHashMap::default();
    let mut frontier = vec![Goal {
        data: target.to_vec(),
        wraps: Vec::new(),
    }];
    for _depth in 0..2 {
        let mut next = Vec::new();
        for g in &frontier {
            for &(op, lambda) in &ops {
                let Some(data) = invert(op, lambda, &g.data, examples, bound) else {
                    continue;
                };
                if data == target || data == g.data {
                    continue;
                }
                let h = hash_value(Type::List, &data);
                if goals.contains_key(&h) {
                    continue;
                }
                let mut wraps = vec![Wrap::Unary(op, lambda)];
                wraps.extend(g.wraps.iter().copied());
                let goal = Goal { data, wraps };
                goals.insert(h, goal.clone());
                next.push(goal);
            }
        }
        frontier = next;
    }
    goals
}

/// Unary (one list argument) operation/lambda pairs, cheapest first.
fn unary_combos() -> Vec<(Op, Option<Lambda>)> {
    let mut v = vec![
        (Op::Reverse, None),
        (Op::Sort, None),
        (Op::Head, None),
        (Op::Last, None),
        (Op::Minimum, None),
        (Op::Maximum, None),
        (Op::Sum, None),
    ];
    v.extend(Lambda::of_type(LambdaType::IntToInt).map(|l| (Op::Map, Some(l))));
    v.extend(Lambda::of_type(LambdaType::IntToBool).map(|l| (Op::Filter, Some(l))));
    v.extend(Lambda::of_type(LambdaType::IntToBool).map(|l| (Op::Count, Some(l))));
    v.extend(Lambda::of_type(LambdaType::IntIntToInt).map(|l| (Op::Scanl1, Some(l))));
    v
}

#[inline]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[inline]
fn hash_value(ty: Type, data: &[i32]) -> u64 {
    let mut h: u64 = if ty == Type::Int {
        0x9e37_79b9
    } else {
        0x7f4a_7c15
    };
    for &x in data {
        h = (h.rotate_left(23) ^ (x as u32 as u64)).wrapping_mul(0x2545_f491_4f6c_dd1d);
    }
    mix(h ^ data.len() as u64)
}

/// A value decoded for application: per-example ints or list slices (as i64).
#[derive(Default)]
struct Decoded {
    ints: Vec<i64>,
    data: Vec<i64>,
    spans: Vec<(usize, usize)>,
}

impl Decoded {
    fn list(&self, e: usize) -> &[i64] {
        let (s, l) = self.spans[e];
        &self.data[s..s + l]
    }
}

struct Table {
    examples: usize,
    bound: i64,
    arena: Vec<i32>,
    spans: Vec<(u32, u32)>,
    nodes: Vec<Node>,
    types: Vec<Type>,
    sizes: Vec<u8>,
    /// `levels[size]` = (int value ids, list value ids).
    levels: Vec<(Vec<u32>, Vec<u32>)>,
    /// Hash of every stored value -> its id.
    seen: FxHashMap<u64, u32>,
    limits: SearchLimits,
    full: bool,
}

impl Table {
    fn decode(&self, id: u32, out: &mut Decoded) {
        let (start, len) = self.spans[id as usize];
        let raw = &self.arena[start as usize..(start + len) as usize];
        out.ints.clear();
        out.data.clear();
        out.spans.clear();
        match self.types[id as usize] {
            Type::Int => out.ints.extend(raw.iter().map(|&x| i64::from(x))),
            Type::List => {
                let mut i = 0;
                for _ in 0..self.examples {
                    let n = raw[i] as usize;
                    out.spans.push((out.data.len(), n));
                    out.data
                        .extend(raw[i + 1..i + 1 + n].iter().map(|&x| i64::from(x)));
                    i += 1 + n;
                }
            }
        }
    }

    /// The stored value with this content, if any.
    fn lookup(&self, ty: Type, data: &[i32]) -> Option<u32> {
        let id = *self.seen.get(&hash_value(ty, data))?;
        let (start, len) = self.spans[id as usize];
        (self.types[id as usize] == ty
            && &self.arena[start as usize..(start + len) as usize] == data)
            .then_some(id)
    }

    /// Stores a value if new. Returns `None` for a value seen before, `Some(None)` for a new
    /// value the full table could not keep, `Some(Some(id))` for a stored one.
    fn insert(
        &mut self,
        ty: Type,
        h: u64,
        data: &[i32],
        node: Node,
        size: usize,
    ) -> Option<Option<u32>> {
        if self.seen.contains_key(&h) {
            return None;
        }
        if self.full {
            return Some(None);
        }
        if self.nodes.len() >= self.limits.max_values
            || self.arena.len() + data.len() > self.limits.max_arena
        {
            self.full = true;
            return Some(None);
        }
        let id = self.nodes.len() as u32;
        self.seen.insert(h, id);
        self.spans
            .push((self.arena.len() as u32, data.len() as u32));
        self.arena.extend_from_slice(data);
        self.nodes.push(node);
        self.types.push(ty);
        self.sizes.push(size as u8);
        while self.levels.len() <= size {
            self.levels.push((Vec::new(), Vec::new()));
        }
        match ty {
            Type::Int => self.levels[size].0.push(id),
            Type::List => self.levels[size].1.push(id),
        }
        Some(Some(id))
    }
}

/// Encodes per-example values: ints as one int each, lists as `len, elems...` each.
fn encode(values: &[&DslValue]) -> Option<(Type, Vec<i32>)> {
    let ty = values.first()?.ty();
    let mut out = Vec::new();
    for v in values {
        match v {
            DslValue::Int(x) if ty == Type::Int => out.push(i32::try_from(*x).ok()?),
            DslValue::List(xs) if ty == Type::List => {
                out.push(i32::try_from(xs.len()).ok()?);
                for &x in xs {
                    out.push(i32::try_from(x).ok()?);
                }
            }
            _ => return None,
        }
    }
    Some((ty, out))
}

struct Search<'a> {
    table: Table,
    target_ty: Type,
    target: Vec<i32>,
    n_inputs: usize,
    input_types: Vec<Type>,
    cancel: &'a CancelToken,
    max_solutions: usize,
    found: Vec<(Program, usize)>,
    found_set: FxHashSet<Program>,
    /// Values one or two invertible operations away from the target, by hash.
    goals: FxHashMap<u64, Goal>,
    /// Positions of the per-example length headers in the target (list targets only).
    target_headers: Vec<usize>,
    examples: Vec<(Vec<DslValue>, DslValue)>,
    machine: Machine,
    candidates: u64,
    /// The size level being enumerated.
    level: usize,
    started: std::time::Instant,
    first_found_after: Option<std::time::Duration>,
    cand: Vec<i32>,
    out: Vec<i64>,
    stop: bool,
}

impl Search<'_> {
    fn program_for(&self, last: Node) -> Option<Program> {
        let mut statements: Vec<Statement> = Vec::new();
        let mut memo: FxHashMap<u32, u8> = FxHashMap::default();
        fn visit(
            s: &Search<'_>,
            node: Node,
            memo: &mut FxHashMap<u32, u8>,
            statements: &mut Vec<Statement>,
        ) -> Option<u8> {
            match node {
                Node::Input(i) => Some(i),
                Node::Apply { op, lambda, args } => {
                    let mut vars = [0u8; 2];
                    for (k, &a) in args.iter().take(op.arg_types().len()).enumerate() {
                        vars[k] = match memo.get(&a) {
                            Some(&v) => v,
                            None => {
                                let v = visit(s, s.table.nodes[a as usize], memo, statements)?;
                                memo.insert(a, v);
                                v
                            }
                        };
                    }
                    if s.n_inputs + statements.len() >= MAX_VARIABLES {
                        return None;
                    }
                    statements.push(Statement {
                        op,
                        lambda,
                        args: vars,
                    });
                    Some((s.n_inputs + statements.len() - 1) as u8)
                }
            }
        }
        visit(self, last, &mut memo, &mut statements)?;
        let p = Program {
            input_types: self.input_types.clone(),
            statements,
        };
        p.check().ok()?;
        Some(p)
    }

    /// Records the program `wraps` applied to `base` when it reproduces every example.
    fn accept(&mut self, base: Node, wraps: &[Wrap], size: usize) {
        let keep = self.table.nodes.len();
        let mut node = base;
        for w in wraps {
            self.table.nodes.push(node);
            let id = (self.table.nodes.len() - 1) as u32;
            node = match *w {
                Wrap::Unary(op, lambda) => Node::Apply {
                    op,
                    lambda,
                    args: [id, 0],
                },
                Wrap::ZipLeft(l, other) => Node::Apply {
                    op: Op::ZipWith,
                    lambda: Some(l),
                    args: [id, other],
                },
                Wrap::ZipRight(l, other) => Node::Apply {
                    op: Op::ZipWith,
                    lambda: Some(l),
                    args: [other, id],
                },
            };
        }
        let program = self.program_for(node);
        self.table.nodes.truncate(keep);
        let Some(p) = program else { return };
        let bound = self.table.bound;
        let machine = &mut self.machine;
        if !self
            .examples
            .iter()
            .all(|(ins, out)| machine.run_matches(&p, ins, out, bound))
        {
            return;
        }
        if self.found_set.insert(p.clone()) {
            if self.found.is_empty() {
                self.first_found_after = Some(self.started.elapsed());
            }
            self.found.push((p, size));
            // Programs of size <= the current level cannot be beaten by later levels.
            let settled = self.found.iter().filter(|(_, s)| *s <= self.level).count();
            if settled >= self.max_solutions {
                self.stop = true;
            }
        }
    }

    /// Looks for `ZipWith f a b == target` with `a` the new value and `b` stored.
    fn try_zip(&mut self, a: &[i32], base: Node, size: usize) {
        if a.len() != self.target.len()
            || self.target_headers.iter().any(|&i| a[i] != self.target[i])
        {
            return;
        }
        let bound = self.table.bound as i32;
        let mut b = Vec::with_capacity(a.len());
        for (kind, lambda) in [
            (0, Lambda::Add),
            (0, Lambda::Subtract),
            (1, Lambda::Subtract),
            (0, Lambda::Multiply),
        ] {
            b.clear();
            let mut ok = true;
            let mut header = self.target_headers.iter().peekable();
            for (i, (&x, &t)) in a.iter().zip(&self.target).enumerate() {
                if header.peek() == Some(&&i) {
                    header.next();
                    b.push(t);
                    continue;
                }
                let v = match (lambda, kind) {
                    (Lambda::Add, _) => Some(t - x),
                    (Lambda::Subtract, 0) => Some(x - t),
                    (Lambda::Subtract, _) => Some(t + x),
                    _ => (x != 0 && t % x == 0).then(|| t / x),
                };
                match v {
                    Some(v) if v.abs() <= bound => b.push(v),
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            if let Some(other) = self.table.lookup(Type::List, &b) {
                let other_size = self.table.sizes[other as usize] as usize;
                let wrap = if kind == 0 {
                    Wrap::ZipLeft(lambda, other)
                } else {
                    Wrap::ZipRight(lambda, other)
                };
                self.accept(base, &[wrap], size + other_size + 1);
                if self.stop {
                    return;
                }
            }
        }
    }

    /// Handles one computed candidate (in `self.cand`).
    fn consider(&mut self, ty: Type, node: Node, size: usize) {
        self.candidates += 1;
        if ty == self.target_ty && self.cand == self.target {
            self.accept(node, &[], size);
        }
        let cand = std::mem::take(&mut self.cand);
        let h = hash_value(ty, &cand);
        if self.table.insert(ty, h, &cand, node, size).is_some() {
            if let Some(goal) = self.goals.get(&h) {
                if goal.data == cand {
                    let wraps = goal.wraps.clone();
                    self.accept(node, &wraps, size + wraps.len());
                }
            }
            if ty == Type::List && self.target_ty == Type::List && !self.stop {
                self.try_zip(&cand, node, size);
            }
        }
        self.cand = cand;
        if (self.candidates & 511) == 0 && self.cancel.is_cancelled() {
            self.stop = true;
        }
    }

    /// Applies `op` per example; fills `self.cand`; false when any example fails.
    #[inline]
    fn apply_all(
        &mut self,
        op: Op,
        lambda: Option<Lambda>,
        a: &Decoded,
        b: &Decoded,
        int_first: bool,
    ) -> bool {
        self.cand.clear();
        let bound = self.table.bound;
        for e in 0..self.table.examples {
            let (n, xs, ys): (i64, &[i64], &[i64]) = if int_first {
                (a.ints[e], b.list(e), &[])
            } else if op == Op::ZipWith {
                (0, a.list(e), b.list(e))
            } else {
                (0, a.list(e), &[])
            };
            match apply(op, lambda, n, xs, ys, bound, &mut self.out) {
                None => return false,
                Some(Out::Int(v)) => self.cand.push(v as i32),
                Some(Out::List) => {
                    self.cand.push(self.out.len() as i32);
                    self.cand.extend(self.out.iter().map(|&v| v as i32));
                }
            }
        }
        true
    }

    fn level(&mut self, size: usize, unary: &[(Op, Option<Lambda>)]) {
        let mut a = Decoded::default();
        let mut b = Decoded::default();
        let empty = Decoded::default();
        // Unary operations on lists of size - 1.
        let lists: Vec<u32> = self
            .table
            .levels
            .get(size - 1)
            .map(|l| l.1.clone())
            .unwrap_or_default();
        for &v in &lists {
            self.table.decode(v, &mut a);
            for &(op, lambda) in unary {
                if self.apply_all(op, lambda, &a, &empty, false) {
                    let node = Node::Apply {
                        op,
                        lambda,
                        args: [v, 0],
                    };
                    self.consider(op.output_type(), node, size);
                }
                if self.stop {
                    return;
                }
            }
        }
        // Binary operations: sizes i + j = size - 1.
        for i in 0..size {
            let j = size - 1 - i;
            let (ints_i, lists_i) = match self.table.levels.get(i) {
                Some(l) => (l.0.clone(), l.1.clone()),
                None => continue,
            };
            let lists_j = match self.table.levels.get(j) {
                Some(l) => l.1.clone(),
                None => continue,
            };
            // Take / Drop / Access (int of size i, list of size j).
            for &n in &ints_i {
                self.table.decode(n, &mut a);
                for &xs in &lists_j {
                    self.table.decode(xs, &mut b);
                    for op in [Op::Take, Op::Drop, Op::Access] {
                        if self.apply_all(op, None, &a, &b, true) {
                            let node = Node::Apply {
                                op,
                                lambda: None,
                                args: [n, xs],
                            };
                            self.consider(op.output_type(), node, size);
                        }
                        if self.stop {
                            return;
                        }
                    }
                }
            }
            // ZipWith (list of size i, list of size j).
            for &xs in &lists_i {
                self.table.decode(xs, &mut a);
                for &ys in &lists_j {
                    self.table.decode(ys, &mut b);
                    for l in Lambda::of_type(LambdaType::IntIntToInt) {
                        if l.is_commutative() && (i > j || (i == j && xs > ys)) {
                            continue;
                        }
                        if self.apply_all(Op::ZipWith, Some(l), &a, &b, false) {
                            let node = Node::Apply {
                                op: Op::ZipWith,
                                lambda: Some(l),
                                args: [xs, ys],
                            };
                            self.consider(Type::List, node, size);
                        }
                        if self.stop {
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// Searches for programs mapping every example's inputs to its output. Inputs must all have
/// the same types across examples, and every int must be within `[-bound, bound]`. Stops once
/// `max_solutions` programs are known to be smallest, once no program smaller than the best
/// found can appear, or on cancel. Returns at most `max_solutions` programs, fewest statements
/// first (then smallest expression size).
pub fn search(
    examples: &[(Vec<DslValue>, DslValue)],
    bound: i64,
    cancel: &CancelToken,
    max_solutions: usize,
    limits: SearchLimits,
) -> SearchOutcome {
    let mut outcome = SearchOutcome::default();
    let Some((first_inputs, _)) = examples.first() else {
        return outcome;
    };
    let n_inputs = first_inputs.len();
    let input_types: Vec<Type> = first_inputs.iter().map(DslValue::ty).collect();
    let outputs: Vec<&DslValue> = examples.iter().map(|(_, o)| o).collect();
    let Some((target_ty, target)) = encode(&outputs) else {
        return outcome;
    };
    if n_inputs == 0 || n_inputs >= MAX_VARIABLES || max_solutions == 0 {
        return outcome;
    }
    let mut s = Search {
        table: Table {
            examples: examples.len(),
            bound,
            arena: Vec::new(),
            spans: Vec::new(),
            nodes: Vec::new(),
            types: Vec::new(),
            sizes: Vec::new(),
            levels: Vec::new(),
            seen: FxHashMap::default(),
            limits,
            full: false,
        },
        target_ty,
        target,
        n_inputs,
        input_types: input_types.clone(),
        cancel,
        max_solutions,
        found: Vec::new(),
        found_set: FxHashSet::default(),
        goals: FxHashMap::default(),
        target_headers: Vec::new(),
        examples: examples.to_vec(),
        machine: Machine::new(),
        candidates: 0,
        level: 0,
        started: std::time::Instant::now(),
        first_found_after: None,
        cand: Vec::new(),
        out: Vec::new(),
        stop: false,
    };
    if target_ty == Type::List {
        s.goals = goals_for(&s.target, examples.len(), bound);
        let mut i = 0;
        while i < s.target.len() {
            s.target_headers.push(i);
            i += 1 + s.target[i] as usize;
        }
    }
    for i in 0..n_inputs {
        let column: Vec<&DslValue> = examples.iter().map(|(ins, _)| &ins[i]).collect();
        let Some((ty, data)) = encode(&column) else {
            return outcome;
        };
        if ty != input_types[i] || examples.iter().any(|(ins, _)| ins.len() != n_inputs) {
            return outcome;
        }
        // An input equal to an earlier one is not stored again; the earlier one stands for it.
        s.cand = data;
        s.consider(ty, Node::Input(i as u8), 0);
    }
    let unary = unary_combos();
    for size in 1..=limits.max_size {
        // Goal lookups find programs larger than the level they fire in; keep enumerating
        // until no smaller program can appear.
        let best = s.found.iter().map(|(_, sz)| *sz).min();
        if s.stop || cancel.is_cancelled() || best.is_some_and(|b| b <= size) {
            break;
        }
        outcome.levels_started = size;
        s.level = size;
        s.level(size, &unary);
    }
    outcome.values_stored = s.table.nodes.len();
    outcome.candidates = s.candidates;
    outcome.first_found_after = s.first_found_after;
    // Fewest statements first (shared subexpressions count once), then tree size.
    let mut programs = s.found;
    programs.sort_by_key(|(p, size)| (p.statements.len(), *size));
    programs.truncate(max_solutions);
    outcome.programs = programs;
    outcome
}
