//! The training-data sampler of the Latent Programmer release (`sample_random.py`): random inputs
//! built from typed tokens and delimiters, then a random program constrained by those inputs.
//!
//! Two profiles: `lp` (the LP-era settings: inputs ≤ 100 characters, 10 input tokens, max_k 5,
//! token length ≤ 5, the original operations only, groups {substring, nesting, compose, const})
//! and `exedec` (inputs ≤ 20 characters, 5 input tokens, max_k 3, token length ≤ 4, the 2023
//! groups {substring, modification, compose, const} with Substitute/Remove and friends).

use super::dsl::{Boundary, Case, Expr, Func, Program, Regex, Type};
use super::interp;
use super::tokens::{CHARS, DELIMITERS};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Sampler settings.
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    /// Profile name.
    pub name: &'static str,
    /// Maximum input length in characters.
    pub max_input_length: usize,
    /// Maximum output length in characters.
    pub max_output_length: usize,
    /// Maximum number of input tokens (pieces).
    pub max_input_tokens: usize,
    /// Maximum repetitions of one piece.
    pub max_k: usize,
    /// Maximum characters in one typed piece.
    pub max_token_length: usize,
    /// Maximum number of expressions.
    pub max_expressions: usize,
    /// Visible examples per task.
    pub num_examples: usize,
    /// True for the 2023 (ExeDec) operation groups.
    pub exedec_ops: bool,
}

/// The LP-era settings.
pub const LP: Profile = Profile {
    name: "lp",
    max_input_length: 100,
    max_output_length: 100,
    max_input_tokens: 10,
    max_k: 5,
    max_token_length: 5,
    max_expressions: 10,
    num_examples: 4,
    exedec_ops: false,
};

/// The ExeDec settings (NONE split).
pub const EXEDEC: Profile = Profile {
    name: "exedec",
    max_input_length: 20,
    max_output_length: 200,
    max_input_tokens: 5,
    max_k: 3,
    max_token_length: 4,
    max_expressions: 10,
    num_examples: 4,
    exedec_ops: true,
};

/// The profile with this name.
pub fn profile(name: &str) -> Option<Profile> {
    match name {
        "lp" => Some(LP),
        "exedec" => Some(EXEDEC),
        _ => None,
    }
}

/// Occurrence counts of delimiters and types in the sampled inputs.
struct Counts {
    delims: Vec<(u8, usize)>,
    types: Vec<(Type, usize)>,
}

impl Counts {
    fn add_delim(&mut self, c: u8, k: usize) {
        match self.delims.iter_mut().find(|(d, _)| *d == c) {
            Some(e) => e.1 += k,
            None => self.delims.push((c, k)),
        }
    }
    fn add_type(&mut self, t: Type, k: usize) {
        match self.types.iter_mut().find(|(x, _)| *x == t) {
            Some(e) => e.1 = if t == Type::Char { k } else { e.1 + k },
            None => self.types.push((t, k)),
        }
    }
}

fn typed_piece(rng: &mut ChaCha8Rng, t: Type, max_len: usize, out: &mut Vec<u8>) {
    const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"0123456789";
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    out.push(DELIMITERS[rng.gen_range(0..DELIMITERS.len())]);
    let pick = |rng: &mut ChaCha8Rng, set: &[u8], n: usize, out: &mut Vec<u8>| {
        for _ in 0..n {
            out.push(set[rng.gen_range(0..set.len())]);
        }
    };
    match t {
        Type::Number | Type::Digit => {
            let n = rng.gen_range(1..=max_len);
            pick(rng, DIGITS, n, out)
        }
        Type::Word => {
            let n = rng.gen_range(1..=max_len);
            pick(rng, LETTERS, n, out)
        }
        Type::Alphanum | Type::Char => {
            let n = rng.gen_range(1..=max_len);
            pick(rng, ALNUM, n, out)
        }
        Type::AllCaps => {
            let n = rng.gen_range(1..=max_len);
            pick(rng, UPPER, n, out)
        }
        Type::Lower => {
            let n = rng.gen_range(1..=max_len);
            pick(rng, LOWER, n, out)
        }
        Type::PropCase => {
            let n = rng.gen_range(1..=max_len.saturating_sub(1).max(1));
            pick(rng, UPPER, 1, out);
            pick(rng, LOWER, n, out)
        }
    }
}

/// Samples `n` inputs and the delimiter/type counts (`sample_inputs`).
fn sample_inputs(rng: &mut ChaCha8Rng, p: &Profile, n: usize) -> Option<(Vec<Vec<u8>>, Counts)> {
    for _ in 0..100 {
        let mut counts = Counts {
            delims: Vec::new(),
            types: Vec::new(),
        };
        // Per example: one byte buffer and the (start, end) of each piece in it.
        let mut bufs: Vec<Vec<u8>> = vec![Vec::with_capacity(2 * p.max_input_length); n];
        let mut pieces: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        let n_toks = rng.gen_range(3..=p.max_input_tokens);
        let stop_at = p
            .max_input_length
            .saturating_sub(p.max_token_length * p.max_k / 2);
        for _ in 0..n_toks {
            let k = rng.gen_range(1..=p.max_k);
            if rng.gen_range(1..=3) == 1 {
                let d = DELIMITERS[rng.gen_range(0..DELIMITERS.len())];
                counts.add_delim(d, k);
                for (buf, ex) in bufs.iter_mut().zip(pieces.iter_mut()) {
                    for _ in 0..k {
                        ex.push((buf.len(), buf.len() + 1));
                        buf.push(d);
                    }
                }
            } else {
                let t = Type::ALL[rng.gen_range(0..Type::ALL.len())];
                counts.add_type(t, k);
                for _ in 0..k {
                    for (buf, ex) in bufs.iter_mut().zip(pieces.iter_mut()) {
                        let start = buf.len();
                        typed_piece(rng, t, p.max_token_length, buf);
                        counts.add_delim(buf[start], 1);
                        ex.push((start, buf.len()));
                    }
                }
            }
            let len = bufs.iter().map(Vec::len).max().unwrap_or(0);
            let limit = if p.exedec_ops {
                p.max_input_length
            } else {
                stop_at
            };
            if len >= limit {
                break;
            }
        }
        let mut inputs = Vec::with_capacity(n);
        for (buf, ex) in bufs.iter().zip(pieces.iter_mut()) {
            ex.shuffle(rng);
            let mut s: Vec<u8> = Vec::with_capacity(buf.len());
            for &(a, b) in ex.iter() {
                s.extend_from_slice(&buf[a..b]);
            }
            if p.exedec_ops {
                s.truncate(p.max_input_length);
            }
            inputs.push(s);
        }
        if inputs
            .iter()
            .any(|s| s.is_empty() || s.len() > p.max_input_length)
        {
            continue;
        }
        let max_len = inputs.iter().map(Vec::len).max().unwrap_or(0);
        counts.add_type(Type::Char, max_len);
        return Some((inputs, counts));
    }
    None
}

const INDEX: [i8; 10] = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5];

struct Ctx<'a> {
    inputs: &'a [Vec<u8>],
    counts: &'a Counts,
    exedec: bool,
    buf: Vec<u8>,
}

impl Ctx<'_> {
    fn nonempty(&mut self, f: &Func) -> bool {
        self.inputs.iter().all(|s| {
            self.buf.clear();
            interp::eval_func(f, s, &mut self.buf);
            !self.buf.is_empty()
        })
    }

    fn nonempty_compose(&mut self, outer: &Func, inner: &Func) -> bool {
        let mut mid = Vec::new();
        self.inputs.iter().all(|s| {
            mid.clear();
            interp::eval_func(inner, s, &mut mid);
            self.buf.clear();
            interp::eval_func(outer, &mid, &mut self.buf);
            !self.buf.is_empty()
        })
    }

    fn ty(&self, rng: &mut ChaCha8Rng) -> (Type, usize) {
        self.counts.types[rng.gen_range(0..self.counts.types.len())]
    }

    fn index(rng: &mut ChaCha8Rng, count: usize) -> i8 {
        let ok: Vec<i8> = INDEX
            .iter()
            .copied()
            .filter(|i| i.unsigned_abs() as usize <= count)
            .collect();
        if ok.is_empty() {
            1
        } else {
            ok[rng.gen_range(0..ok.len())]
        }
    }

    fn regex(&self, rng: &mut ChaCha8Rng) -> (Regex, usize) {
        if !self.counts.delims.is_empty() && rng.gen_range(1..=2) == 1 {
            let (d, k) = self.counts.delims[rng.gen_range(0..self.counts.delims.len())];
            (Regex::Char(d), k)
        } else {
            let (t, k) = self.ty(rng);
            (Regex::Type(t), k)
        }
    }

    fn boundary(rng: &mut ChaCha8Rng) -> Boundary {
        Boundary::ALL[rng.gen_range(0..2)]
    }

    /// One attempt at a function of the given kind; `None` to retry.
    fn try_func(&mut self, rng: &mut ChaCha8Rng, kind: Kind) -> Option<Func> {
        let f = match kind {
            Kind::SubStr => {
                let min_len = self.inputs.iter().map(Vec::len).min().unwrap_or(1) as i32;
                let p1 = rng.gen_range(-min_len + 1..=min_len);
                let p2 = if p1 > 0 {
                    rng.gen_range(p1..=min_len)
                } else {
                    rng.gen_range(p1..=0)
                };
                Func::SubStr(p1.clamp(-100, 100) as i8, p2.clamp(-100, 100) as i8)
            }
            Kind::GetSpan => {
                let (r1, k1) = self.regex(rng);
                let i1 = Self::index(rng, k1);
                let (r2, k2) = self.regex(rng);
                let i2 = Self::index(rng, k2);
                Func::GetSpan(r1, i1, Self::boundary(rng), r2, i2, Self::boundary(rng))
            }
            Kind::GetToken => {
                let (t, k) = self.ty(rng);
                Func::GetToken(t, Self::index(rng, k))
            }
            Kind::GetUpto => Func::GetUpto(self.regex(rng).0),
            Kind::GetFrom => Func::GetFrom(self.regex(rng).0),
            Kind::ToCase => return Some(Func::ToCase(Case::ALL[rng.gen_range(0..3)])),
            Kind::Replace => {
                let d = self
                    .counts
                    .delims
                    .get(rng.gen_range(0..self.counts.delims.len().max(1)));
                let d1 = d.map_or(b' ', |x| x.0);
                let d2 = DELIMITERS[rng.gen_range(0..DELIMITERS.len())];
                return Some(Func::Replace(d1, d2));
            }
            Kind::Trim => Func::Trim,
            Kind::GetFirst => {
                let (t, k) = self.ty(rng);
                Func::GetFirst(t, Self::index(rng, k))
            }
            Kind::GetAll => Func::GetAll(self.ty(rng).0),
            Kind::Substitute => {
                let (t, k) = self.ty(rng);
                let c = CHARS[rng.gen_range(0..CHARS.len())];
                return Some(Func::Substitute(t, Self::index(rng, k), c));
            }
            Kind::SubstituteAll => {
                let c = CHARS[rng.gen_range(0..CHARS.len())];
                return Some(Func::SubstituteAll(self.ty(rng).0, c));
            }
            Kind::Remove | Kind::RemoveAll => {
                let mut types = self.counts.types.clone();
                types.shuffle(rng);
                for (t, k) in types {
                    let f = if kind == Kind::Remove {
                        Func::Remove(t, Self::index(rng, k))
                    } else {
                        Func::RemoveAll(t)
                    };
                    if self.nonempty(&f) {
                        return Some(f);
                    }
                }
                return None;
            }
        };
        // Trim in the 2023 sampler gives up (None) instead of looping; the LP sampler always
        // keeps Trim. Every other kind is resampled until non-empty.
        if matches!(kind, Kind::Trim) && !self.exedec {
            return Some(f);
        }
        self.nonempty(&f).then_some(f)
    }

    fn func(&mut self, rng: &mut ChaCha8Rng, kind: Kind) -> Option<Func> {
        let tries = if kind == Kind::Trim { 1 } else { 50 };
        (0..tries).find_map(|_| self.try_func(rng, kind))
    }

    fn pick_kind(rng: &mut ChaCha8Rng, group: &[Kind]) -> Kind {
        group[rng.gen_range(0..group.len())]
    }

    fn expr(&mut self, rng: &mut ChaCha8Rng) -> Option<Expr> {
        for _ in 0..50 {
            let e = if self.exedec {
                self.expr_exedec(rng)
            } else {
                self.expr_lp(rng)
            };
            if e.is_some() {
                return e;
            }
        }
        None
    }

    fn expr_lp(&mut self, rng: &mut ChaCha8Rng) -> Option<Expr> {
        match rng.gen_range(0..4) {
            0 => {
                let k = Self::pick_kind(rng, &[Kind::SubStr, Kind::GetSpan]);
                Some(apply(self.func(rng, k)?))
            }
            1 => Some(apply({
                let k = Self::pick_kind(rng, LP_NESTING);
                self.func(rng, k)
            }?)),
            2 => {
                for _ in 0..20 {
                    let outer = {
                        let k = Self::pick_kind(rng, LP_NESTING);
                        self.func(rng, k)
                    }?;
                    let inner_group: &[Kind] = if rng.gen_bool(0.5) {
                        LP_NESTING
                    } else {
                        &[Kind::SubStr, Kind::GetSpan]
                    };
                    let inner = {
                        let k = Self::pick_kind(rng, inner_group);
                        self.func(rng, k)
                    }?;
                    if self.nonempty_compose(&outer, &inner) {
                        return Some(Expr::Compose {
                            input: 0,
                            outer,
                            inner,
                        });
                    }
                }
                None
            }
            _ => Some(Expr::Const(vec![CHARS[rng.gen_range(0..CHARS.len())]])),
        }
    }

    fn expr_exedec(&mut self, rng: &mut ChaCha8Rng) -> Option<Expr> {
        match rng.gen_range(0..4) {
            0 => Some(apply({
                let k = Self::pick_kind(rng, SUBSTRING);
                self.func(rng, k)
            }?)),
            1 => Some(apply({
                let k = Self::pick_kind(rng, MODIFICATION);
                self.func(rng, k)
            }?)),
            2 => {
                let inner_group = if rng.gen_bool(0.5) {
                    MODIFICATION
                } else {
                    SUBSTRING
                };
                for _ in 0..20 {
                    let outer = {
                        let k = Self::pick_kind(rng, MODIFICATION);
                        self.func(rng, k)
                    }?;
                    let inner = {
                        let k = Self::pick_kind(rng, inner_group);
                        self.func(rng, k)
                    }?;
                    if self.nonempty_compose(&outer, &inner) {
                        return Some(Expr::Compose {
                            input: 0,
                            outer,
                            inner,
                        });
                    }
                }
                None
            }
            _ => Some(Expr::Const(vec![CHARS[rng.gen_range(0..CHARS.len())]])),
        }
    }
}

fn apply(func: Func) -> Expr {
    Expr::Apply { input: 0, func }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    SubStr,
    GetSpan,
    GetToken,
    GetUpto,
    GetFrom,
    ToCase,
    Replace,
    Trim,
    GetFirst,
    GetAll,
    Substitute,
    SubstituteAll,
    Remove,
    RemoveAll,
}

const LP_NESTING: &[Kind] = &[
    Kind::GetToken,
    Kind::ToCase,
    Kind::Replace,
    Kind::Trim,
    Kind::GetUpto,
    Kind::GetFrom,
    Kind::GetFirst,
    Kind::GetAll,
];
const SUBSTRING: &[Kind] = &[
    Kind::SubStr,
    Kind::GetSpan,
    Kind::GetToken,
    Kind::GetUpto,
    Kind::GetFrom,
];
const MODIFICATION: &[Kind] = &[
    Kind::ToCase,
    Kind::Replace,
    Kind::Trim,
    Kind::GetFirst,
    Kind::GetAll,
    Kind::Substitute,
    Kind::SubstituteAll,
    Kind::Remove,
    Kind::RemoveAll,
];

/// A sampled program with its inputs and outputs (visible examples first, then held-out ones).
pub struct Sampled {
    /// The program.
    pub program: Program,
    /// Inputs, one string per example.
    pub inputs: Vec<Vec<u8>>,
    /// Outputs, one per example.
    pub outputs: Vec<Vec<u8>>,
}

/// Samples one task with `p.num_examples + held_out` examples; `None` if this draw failed.
pub fn sample(rng: &mut ChaCha8Rng, p: &Profile, held_out: usize) -> Option<Sampled> {
    let n = p.num_examples + held_out;
    let (inputs, counts) = sample_inputs(rng, p, n)?;
    let n_expr = rng.gen_range(1..=p.max_expressions);
    let mut ctx = Ctx {
        inputs: &inputs,
        counts: &counts,
        exedec: p.exedec_ops,
        buf: Vec::new(),
    };
    // Outputs are built expression by expression so an over-long program is abandoned as soon
    // as it exceeds the limit (the accepted programs are distributed exactly as when checking
    // the finished program).
    let mut scratch = Vec::new();
    'attempt: for _ in 0..10 {
        let mut exprs = Vec::with_capacity(n_expr);
        let mut outputs: Vec<Vec<u8>> = vec![Vec::new(); inputs.len()];
        for _ in 0..n_expr {
            let e = ctx.expr(rng)?;
            for (s, o) in inputs.iter().zip(outputs.iter_mut()) {
                interp::eval_expr(&e, &[s], o, &mut scratch);
                if o.len() > p.max_output_length {
                    continue 'attempt;
                }
            }
            exprs.push(e);
        }
        if outputs.iter().all(|o| !o.is_empty()) {
            return Some(Sampled {
                program: Program { exprs },
                inputs,
                outputs,
            });
        }
    }
    None
}
