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

/// A reusable evaluator: runs programs without allocating once its buffers have grown.
/// Variable `k` lives in `ints[k]` or `lists[k]` (by type); list buffers are reused.
#[derive(Debug, Default)]
pub struct Machine {
    ints: Vec<i64>,
    lists: Vec<Vec<i64>>,
    types: Vec<Type>,
}

impl Machine {
    /// A fresh machine.
    pub fn new() -> Self {
        Self::default()
    }

    fn ensure(&mut self, vars: usize) {
        if self.lists.len() < vars {
            self.lists.resize_with(vars, Vec::new);
            self.ints.resize(vars, 0);
        }
    }

    #[inline]
    fn step(&mut self, k: usize, s: &Statement, bound: i64) -> Option<()> {
        let (before, after) = self.lists.split_at_mut(k);
        let out = &mut after[0];
        let args = s.arg_vars();
        let (n, xs, ys): (i64, &[i64], &[i64]) = match s.op {
            Op::Take | Op::Drop | Op::Access => {
                let (a, b) = (args[0] as usize, args[1] as usize);
                if a >= k || b >= k || self.types[a] != Type::Int || self.types[b] != Type::List {
                    return None;
                }
                (self.ints[a], &before[b], &[])
            }
            Op::ZipWith => {
                let (a, b) = (args[0] as usize, args[1] as usize);
                if a >= k || b >= k || self.types[a] != Type::List || self.types[b] != Type::List {
                    return None;
                }
                (0, &before[a], &before[b])
            }
            _ => {
                let a = args[0] as usize;
                if a >= k || self.types[a] != Type::List {
                    return None;
                }
                (0, &before[a], &[])
            }
        };
        match apply(s.op, s.lambda, n, xs, ys, bound, out)? {
            Out::Int(v) => {
                self.ints[k] = v;
                self.types.push(Type::Int);
            }
            Out::List => self.types.push(Type::List),
        }
        Some(())
    }

    fn load(&mut self, program: &Program, inputs: &[DslValue], bound: i64) -> bool {
        self.types.clear();
        if inputs.len() != program.input_types.len() {
            return false;
        }
        self.ensure(program.num_variables());
        for (k, (v, &t)) in inputs.iter().zip(&program.input_types).enumerate() {
            if v.ty() != t || !v.within(bound) {
                return false;
            }
            match v {
                DslValue::Int(i) => self.ints[k] = *i,
                DslValue::List(xs) => {
                    let buf = &mut self.lists[k];
                    buf.clear();
                    buf.extend_from_slice(xs);
                }
            }
            self.types.push(t);
        }
        true
    }

    fn exec(&mut self, program: &Program, inputs: &[DslValue], bound: i64) -> Option<()> {
        if !self.load(program, inputs, bound) {
            return None;
        }
        let n = program.input_types.len();
        for (i, s) in program.statements.iter().enumerate() {
            self.step(n + i, s, bound)?;
        }
        Some(())
    }

    fn value(&self, k: usize) -> DslValue {
        match self.types[k] {
            Type::Int => DslValue::Int(self.ints[k]),
            Type::List => DslValue::List(self.lists[k].clone()),
        }
    }

    /// Runs a program on inputs of its input types. Returns `None` when a statement yields
    /// NULL or an out-of-range value, when the program is ill-typed, or when the inputs do not
    /// match the program's input types or are themselves out of range.
    pub fn run(&mut self, program: &Program, inputs: &[DslValue], bound: i64) -> Option<DslValue> {
        self.exec(program, inputs, bound)?;
        let k = self.types.len().checked_sub(1)?;
        Some(self.value(k))
    }

    /// Runs a program and returns every variable's value (the program state), or `None`.
    pub fn run_state(
        &mut self,
        program: &Program,
        inputs: &[DslValue],
        bound: i64,
    ) -> Option<Vec<DslValue>> {
        self.exec(program, inputs, bound)?;
        Some((0..self.types.len()).map(|k| self.value(k)).collect())
    }

    /// Runs a program and compares its result with `expected` without building values.
    pub fn run_matches(
        &mut self,
        program: &Program,
        inputs: &[DslValue],
        expected: &DslValue,
        bound: i64,
    ) -> bool {
        if self.exec(program, inputs, bound).is_none() {
            return false;
        }
        let Some(k) = self.types.len().checked_sub(1) else {
            return false;
        };
        match (self.types[k], expected) {
            (Type::Int, DslValue::Int(b)) => self.ints[k] == *b,
            (Type::List, DslValue::List(b)) => self.lists[k] == *b,
            _ => false,
        }
    }
}

/// Runs a program once (convenience wrapper around [`Machine`]).
pub fn run(program: &Program, inputs: &[DslValue], bound: i64) -> Option<DslValue> {
    Machine::new().run(program, inputs, bound)
}
