//! The interpreter: exact ExeDec semantics (Python slicing, floor division, NULL and
//! out-of-range values make a program invalid), written to allocate nothing per statement.

use super::dsl::{Lambda, Op, Program, Statement, Type};

/// A DSL value: an int or a list of ints.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DslValue {
    /// An `int`.
    Int(i64),
    /// A `list[int]`.
    List(Vec<i64>),
}

impl DslValue {
    /// The value's type.
    pub fn ty(&self) -> Type {
        match self {
            DslValue::Int(_) => Type::Int,
            DslValue::List(_) => Type::List,
        }
    }

    /// Whether every int is within `[-bound, bound]`.
    pub fn within(&self, bound: i64) -> bool {
        match self {
            DslValue::Int(v) => v.abs() <= bound,
            DslValue::List(xs) => xs.iter().all(|v| v.abs() <= bound),
        }
    }
}

/// Result of one operation: an int, or a list written into the caller's buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Out {
    /// An int result.
    Int(i64),
    /// A list result, now in the output buffer.
    List,
}

/// Python's `xs[:n]` / `xs[n:]` split point for a list of length `len`.
#[inline]
fn slice_point(n: i64, len: usize) -> usize {
    let len_i = len as i64;
    if n < 0 {
        (len_i + n).max(0) as usize
    } else {
        n.min(len_i) as usize
    }
}

/// Applies one operation. `n` is the int argument (Take/Drop/Access), `xs` the (first) list,
/// `ys` the second list (ZipWith). List results go into `out` (cleared first). Returns `None`
/// for NULL or for a value outside `[-bound, bound]`.
#[inline]
pub fn apply(
    op: Op,
    lambda: Option<Lambda>,
    n: i64,
    xs: &[i64],
    ys: &[i64],
    bound: i64,
    out: &mut Vec<i64>,
) -> Option<Out> {
    out.clear();
    let ok = |v: i64| (-bound..=bound).contains(&v);
    match op {
        Op::Head => xs.first().map(|&v| Out::Int(v)),
        Op::Last => xs.last().map(|&v| Out::Int(v)),
        Op::Take => {
            out.extend_from_slice(&xs[..slice_point(n, xs.len())]);
            Some(Out::List)
        }
        Op::Drop => {
            out.extend_from_slice(&xs[slice_point(n, xs.len())..]);
            Some(Out::List)
        }
        Op::Access => {
            if n >= 0 && (n as usize) < xs.len() {
                Some(Out::Int(xs[n as usize]))
            } else {
                None
            }
        }
        Op::Minimum => xs.iter().copied().min().map(Out::Int),
        Op::Maximum => xs.iter().copied().max().map(Out::Int),
        Op::Reverse => {
            out.extend(xs.iter().rev());
            Some(Out::List)
        }
        Op::Sort => {
            out.extend_from_slice(xs);
            out.sort_unstable();
            Some(Out::List)
        }
        Op::Sum => {
            let s: i64 = xs.iter().sum();
            ok(s).then_some(Out::Int(s))
        }
        Op::Map => {
            let f = lambda?;
            for &x in xs {
                let v = f.apply1(x);
                if !ok(v) {
                    return None;
                }
                out.push(v);
            }
            Some(Out::List)
        }
        Op::Filter => {
            let f = lambda?;
            out.extend(xs.iter().copied().filter(|&x| f.test(x)));
            Some(Out::List)
        }
        Op::Count => {
            let f = lambda?;
            let c = xs.iter().filter(|&&x| f.test(x)).count() as i64;
            ok(c).then_some(Out::Int(c))
        }
        Op::ZipWith => {
            let f = lambda?;
            for (&x, &y) in xs.iter().zip(ys) {
                let v = f.apply2(x, y);
                if !ok(v) {
                    return None;
                }
                out.push(v);
            }
            Some(Out::List)
        }
        Op::Scanl1 => {
            let f = lambda?;
            let mut acc = 0;
            for (i, &x) in xs.iter().enumerate() {
                acc = if i == 0 { x } else { f.apply2(acc, x) };
                if !ok(acc) {
                    return None;
                }
                out.push(acc);
            }
            Some(Out::List)
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Slot {
    Int(i64),
    List(usize, usize),
}

/// A reusable evaluator: runs programs without allocating once its buffers have grown.
#[derive(Debug, Default)]
pub struct Machine {
    data: Vec<i64>,
    slots: Vec<Slot>,
    out: Vec<i64>,
}

impl Machine {
    /// A fresh machine.
    pub fn new() -> Self {
        Self::default()
    }

    fn push(&mut self, v: &DslValue) {
        match v {
            DslValue::Int(i) => self.slots.push(Slot::Int(*i)),
            DslValue::List(xs) => {
                let start = self.data.len();
                self.data.extend_from_slice(xs);
                self.slots.push(Slot::List(start, xs.len()));
            }
        }
    }

    fn step(&mut self, s: &Statement, bound: i64) -> Option<()> {
        let mut n = 0;
        let mut lists: [&[i64]; 2] = [&[], &[]];
        let mut li = 0;
        for &a in s.arg_vars() {
            match *self.slots.get(a as usize)? {
                Slot::Int(v) => n = v,
                Slot::List(start, len) => {
                    lists[li] = &self.data[start..start + len];
                    li += 1;
                }
            }
        }
        match apply(s.op, s.lambda, n, lists[0], lists[1], bound, &mut self.out)? {
            Out::Int(v) => self.slots.push(Slot::Int(v)),
            Out::List => {
                let start = self.data.len();
                self.data.extend_from_slice(&self.out);
                self.slots.push(Slot::List(start, self.out.len()));
            }
        }
        Some(())
    }

    /// Runs a well-formed program (see [`Program::check`]) on inputs of the right types.
    /// Returns `None` when a statement yields NULL or an out-of-range value, or when the inputs
    /// do not match the program's input types or are themselves out of range.
    pub fn run(&mut self, program: &Program, inputs: &[DslValue], bound: i64) -> Option<DslValue> {
        if !self.load(program, inputs, bound) {
            return None;
        }
        for s in &program.statements {
            self.step(s, bound)?;
        }
        self.last_value()
    }

    /// Runs a program and returns every variable's value (the program state), or `None`.
    pub fn run_state(
        &mut self,
        program: &Program,
        inputs: &[DslValue],
        bound: i64,
    ) -> Option<Vec<DslValue>> {
        if !self.load(program, inputs, bound) {
            return None;
        }
        for s in &program.statements {
            self.step(s, bound)?;
        }
        Some((0..self.slots.len()).map(|i| self.value(i)).collect())
    }

    fn load(&mut self, program: &Program, inputs: &[DslValue], bound: i64) -> bool {
        self.data.clear();
        self.slots.clear();
        if inputs.len() != program.input_types.len() {
            return false;
        }
        for (v, &t) in inputs.iter().zip(&program.input_types) {
            if v.ty() != t || !v.within(bound) {
                return false;
            }
            self.push(v);
        }
        true
    }

    fn value(&self, i: usize) -> DslValue {
        match self.slots[i] {
            Slot::Int(v) => DslValue::Int(v),
            Slot::List(start, len) => DslValue::List(self.data[start..start + len].to_vec()),
        }
    }

    fn last_value(&self) -> Option<DslValue> {
        let i = self.slots.len().checked_sub(1)?;
        Some(self.value(i))
    }

    /// Runs a program and compares its result with `expected` without building values.
    pub fn run_matches(
        &mut self,
        program: &Program,
        inputs: &[DslValue],
        expected: &DslValue,
        bound: i64,
    ) -> bool {
        if !self.load(program, inputs, bound) {
            return false;
        }
        for s in &program.statements {
            if self.step(s, bound).is_none() {
                return false;
            }
        }
        match (self.slots.last(), expected) {
            (Some(Slot::Int(a)), DslValue::Int(b)) => a == b,
            (Some(&Slot::List(start, len)), DslValue::List(b)) => {
                &self.data[start..start + len] == b.as_slice()
            }
            _ => false,
        }
    }
}

/// Runs a program once (convenience wrapper around [`Machine`]).
pub fn run(program: &Program, inputs: &[DslValue], bound: i64) -> Option<DslValue> {
    Machine::new().run(program, inputs, bound)
}
