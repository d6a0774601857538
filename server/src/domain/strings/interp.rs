//! The interpreter: exact semantics of the published `dsl.py`, quirks included (SubStr's inclusive
//! end and Python negative-index slicing, GetSpan's clipping, Substitute's first-occurrence
//! replacement), on ASCII byte strings. Token classes are matched by hand (leftmost, greedy,
//! non-overlapping, like `re.finditer`).

use super::dsl::{Boundary, Case, Expr, Func, Program, Regex, Type};

/// The next match of `r` in `s` at or after `from`, as a half-open byte span.
#[inline]
pub fn next_match(r: Regex, s: &[u8], from: usize) -> Option<(usize, usize)> {
    match r {
        Regex::Char(c) => s
            .get(from..)?
            .iter()
            .position(|&b| b == c)
            .map(|p| (from + p, from + p + 1)),
        Regex::Type(t) => next_type_match(t, s, from),
    }
}

#[inline]
fn run_end(s: &[u8], mut i: usize, pred: impl Fn(u8) -> bool) -> usize {
    while i < s.len() && pred(s[i]) {
        i += 1;
    }
    i
}

#[inline]
fn next_type_match(t: Type, s: &[u8], from: usize) -> Option<(usize, usize)> {
    let n = s.len();
    if from >= n {
        return None;
    }
    let class_run = |pred: fn(u8) -> bool| -> Option<(usize, usize)> {
        let start = from + s[from..].iter().position(|&b| pred(b))?;
        Some((start, run_end(s, start + 1, pred)))
    };
    match t {
        Type::Number => class_run(|b| b.is_ascii_digit()),
        Type::Word => class_run(|b| b.is_ascii_alphabetic()),
        Type::Alphanum => class_run(|b| b.is_ascii_alphanumeric()),
        Type::AllCaps => class_run(|b| b.is_ascii_uppercase()),
        Type::Lower => class_run(|b| b.is_ascii_lowercase()),
        Type::Digit => {
            let p = from + s[from..].iter().position(|b| b.is_ascii_digit())?;
            Some((p, p + 1))
        }
        Type::Char => Some((from, from + 1)),
        Type::PropCase => {
            let mut i = from;
            while i + 1 < n {
                if s[i].is_ascii_uppercase() && s[i + 1].is_ascii_lowercase() {
                    return Some((i, run_end(s, i + 2, |b| b.is_ascii_lowercase())));
                }
                i += 1;
            }
            None
        }
    }
}

/// Iterator over all matches of a regex.
pub struct Matches<'a> {
    r: Regex,
    s: &'a [u8],
    pos: usize,
}

impl Iterator for Matches<'_> {
    type Item = (usize, usize);
    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        let m = next_match(self.r, self.s, self.pos)?;
        self.pos = m.1;
        Some(m)
    }
}

/// All matches of `r` in `s`, in order.
#[inline]
pub fn matches(r: Regex, s: &[u8]) -> Matches<'_> {
    Matches { r, s, pos: 0 }
}

/// Number of matches (fast paths for the single-character classes).
#[inline]
pub fn count_matches(r: Regex, s: &[u8]) -> usize {
    match r {
        Regex::Type(Type::Char) => s.len(),
        Regex::Char(c) => s.iter().filter(|&&b| b == c).count(),
        Regex::Type(Type::Digit) => s.iter().filter(|b| b.is_ascii_digit()).count(),
        _ => matches(r, s).count(),
    }
}

/// The match selected by a 1-based (negative: from the end) index, if in range.
#[inline]
fn nth_match(r: Regex, s: &[u8], index: i8) -> Option<(usize, usize)> {
    if index > 0 {
        if r == Regex::Type(Type::Char) {
            let i = index as usize - 1;
            return (i < s.len()).then_some((i, i + 1));
        }
        matches(r, s).nth(index as usize - 1)
    } else {
        let n = count_matches(r, s) as isize;
        let idx = n + index as isize;
        if idx < 0 || idx >= n {
            return None;
        }
        if r == Regex::Type(Type::Char) {
            let i = idx as usize;
            return Some((i, i + 1));
        }
        matches(r, s).nth(idx as usize)
    }
}

/// Python slice bounds `s[start:end]` for a string of length `len` (negative indices wrap once,
/// then clamp).
#[inline]
pub fn py_bounds(len: usize, start: isize, end: Option<isize>) -> (usize, usize) {
    let len_i = len as isize;
    let norm = |x: isize| -> usize {
        let x = if x < 0 { x + len_i } else { x };
        x.clamp(0, len_i) as usize
    };
    let a = norm(start);
    let b = end.map_or(len, norm);
    if a >= b {
        (0, 0)
    } else {
        (a, b)
    }
}

/// `SubStr(k1, k2)` as a byte range of a string of length `len`.
#[inline]
pub fn substr_bounds(len: usize, k1: i8, k2: i8) -> (usize, usize) {
    let l = len as isize;
    let p1 = if k1 > 0 {
        k1 as isize - 1
    } else {
        l + k1 as isize
    };
    let p2 = if k2 > 0 {
        k2 as isize - 1
    } else {
        l + k2 as isize
    };
    if p1 >= p2 {
        return (0, 0);
    }
    if p2 == l {
        return py_bounds(len, p1, None);
    }
    py_bounds(len, p1, Some(p2 + 1))
}

/// GetSpan's position function (`-1` when the regex never matches).
#[inline]
pub fn span_index(r: Regex, index: i8, bound: Boundary, s: &[u8]) -> isize {
    let n = count_matches(r, s) as isize;
    if n == 0 {
        return -1;
    }
    let idx = if index > 0 {
        index as isize - 1
    } else {
        n + index as isize
    };
    if idx >= n {
        return n - 1;
    }
    if idx < 0 {
        return 0;
    }
    let m = if r == Regex::Type(Type::Char) {
        (idx as usize, idx as usize + 1)
    } else {
        match matches(r, s).nth(idx as usize) {
            Some(m) => m,
            None => return -1,
        }
    };
    (if bound == Boundary::Start { m.0 } else { m.1 }) as isize
}

/// Python's `str.isspace()` on an ASCII byte.
#[inline]
pub fn is_py_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

fn replace_first(v: &[u8], pat: &[u8], rep: &[u8], out: &mut Vec<u8>) {
    if let Some(p) = find(v, pat) {
        out.extend_from_slice(&v[..p]);
        out.extend_from_slice(rep);
        out.extend_from_slice(&v[p + pat.len()..]);
    } else {
        out.extend_from_slice(v);
    }
}

#[inline]
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Applies `f` to `s`, appending the result to `out`.
pub fn eval_func(f: &Func, s: &[u8], out: &mut Vec<u8>) {
    match *f {
        Func::SubStr(k1, k2) => {
            let (a, b) = substr_bounds(s.len(), k1, k2);
            out.extend_from_slice(&s[a..b]);
        }
        Func::GetSpan(r1, i1, b1, r2, i2, b2) => {
            let p1 = span_index(r1, i1, b1, s);
            if p1 < 0 {
                return;
            }
            let p2 = span_index(r2, i2, b2, s);
            if p2 < 0 {
                return;
            }
            let (a, b) = py_bounds(s.len(), p1, Some(p2));
            out.extend_from_slice(&s[a..b]);
        }
        Func::GetToken(t, i) => {
            if let Some((a, b)) = nth_match(Regex::Type(t), s, i) {
                out.extend_from_slice(&s[a..b]);
            }
        }
        Func::ToCase(c) => match c {
            Case::AllCaps => out.extend(s.iter().map(u8::to_ascii_uppercase)),
            Case::Lower => out.extend(s.iter().map(u8::to_ascii_lowercase)),
            Case::Proper => {
                if let Some((first, rest)) = s.split_first() {
                    out.push(first.to_ascii_uppercase());
                    out.extend(rest.iter().map(u8::to_ascii_lowercase));
                }
            }
        },
        Func::Replace(a, b) => out.extend(s.iter().map(|&x| if x == a { b } else { x })),
        Func::Trim => {
            let start = s.iter().position(|&b| !is_py_space(b)).unwrap_or(s.len());
            let end = s
                .iter()
                .rposition(|&b| !is_py_space(b))
                .map_or(start, |p| p + 1);
            out.extend_from_slice(&s[start..end.max(start)]);
        }
        Func::GetUpto(r) => {
            if let Some((_, e)) = next_match(r, s, 0) {
                out.extend_from_slice(&s[..e]);
            }
        }
        Func::GetFrom(r) => {
            if let Some((_, e)) = next_match(r, s, 0) {
                out.extend_from_slice(&s[e..]);
            }
        }
        Func::GetFirst(t, i) => {
            let r = Regex::Type(t);
            let take = if i >= 0 {
                i as usize
            } else {
                let n = count_matches(r, s) as isize;
                (n + i as isize).max(0) as usize
            };
            for (a, b) in matches(r, s).take(take) {
                out.extend_from_slice(&s[a..b]);
            }
        }
        Func::GetAll(t) => {
            if t == Type::Char {
                out.extend_from_slice(s);
                return;
            }
            for (a, b) in matches(Regex::Type(t), s) {
                out.extend_from_slice(&s[a..b]);
            }
        }
        Func::Substitute(t, i, c) => match nth_match(Regex::Type(t), s, i) {
            Some((a, b)) => replace_first(s, &s[a..b], &[c], out),
            None => out.extend_from_slice(s),
        },
        Func::Remove(t, i) => match nth_match(Regex::Type(t), s, i) {
            Some((a, b)) => replace_first(s, &s[a..b], &[], out),
            None => out.extend_from_slice(s),
        },
        Func::SubstituteAll(t, c) => replace_all_sequential(t, s, &[c], out),
        Func::RemoveAll(t) => replace_all_sequential(t, s, &[], out),
    }
}

fn replace_all_sequential(t: Type, s: &[u8], rep: &[u8], out: &mut Vec<u8>) {
    let spans: Vec<(usize, usize)> = matches(Regex::Type(t), s).collect();
    let mut cur = s.to_vec();
    let mut next = Vec::with_capacity(s.len());
    for (a, b) in spans {
        next.clear();
        replace_first(&cur, &s[a..b], rep, &mut next);
        std::mem::swap(&mut cur, &mut next);
    }
    out.extend_from_slice(&cur);
}

/// Evaluates one expression, appending to `out`; `scratch` is reused for Compose.
#[inline]
pub fn eval_expr(e: &Expr, inputs: &[&[u8]], out: &mut Vec<u8>, scratch: &mut Vec<u8>) -> bool {
    match e {
        Expr::Const(c) => out.extend_from_slice(c),
        Expr::Apply { input, func } => match inputs.get(*input as usize) {
            Some(s) => eval_func(func, s, out),
            None => return false,
        },
        Expr::Compose {
            input,
            outer,
            inner,
        } => match inputs.get(*input as usize) {
            Some(s) => {
                scratch.clear();
                eval_func(inner, s, scratch);
                eval_func(outer, scratch, out);
            }
            None => return false,
        },
    }
    true
}

/// Runs a program on its inputs; `None` when it reads an input that does not exist.
pub fn run(p: &Program, inputs: &[&[u8]]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut scratch = Vec::new();
    for e in &p.exprs {
        if !eval_expr(e, inputs, &mut out, &mut scratch) {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(func: Func, s: &str) -> String {
        let mut out = Vec::new();
        eval_func(&func, s.as_bytes(), &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn substr_quirks() {
        assert_eq!(f(Func::SubStr(2, 2), "abcdef"), "");
        assert_eq!(f(Func::SubStr(2, 4), "abcdef"), "bcd");
        assert_eq!(f(Func::SubStr(-3, 0), "abcdef"), "def");
        assert_eq!(f(Func::SubStr(-3, -1), "abcdef"), "def");
        assert_eq!(f(Func::SubStr(-3, -2), "abcdef"), "de");
        // p1 = len - 5 = -2 wraps like Python's s[-2:].
        assert_eq!(f(Func::SubStr(-5, 0), "abc"), "bc");
    }

    #[test]
    fn getspan_clipping() {
        let w = Regex::Type(Type::Word);
        // Index 3 of 2 words returns position len(matches) - 1 = 1.
        let g = Func::GetSpan(w, 3, Boundary::Start, w, 2, Boundary::End);
        assert_eq!(f(g, "ab cd"), "b cd");
        let g = Func::GetSpan(w, -4, Boundary::Start, w, 1, Boundary::End);
        assert_eq!(f(g, "ab cd"), "ab");
    }

    #[test]
    fn tokens_and_modifications() {
        assert_eq!(f(Func::GetToken(Type::PropCase, 1), "ABc Def"), "Bc");
        assert_eq!(f(Func::GetToken(Type::Number, -1), "a1 b22 c333"), "333");
        assert_eq!(f(Func::GetFirst(Type::Word, -1), "a b c"), "ab");
        assert_eq!(f(Func::Substitute(Type::Number, 2, b'x'), "12 2"), "1x 2");
        assert_eq!(f(Func::RemoveAll(Type::Digit), "a1b2"), "ab");
        assert_eq!(f(Func::ToCase(Case::Proper), "hELLO"), "Hello");
        assert_eq!(f(Func::Trim, "  a b "), "a b");
        assert_eq!(f(Func::GetUpto(Regex::Char(b',')), "a,b,c"), "a,");
        assert_eq!(f(Func::GetFrom(Regex::Char(b',')), "a,b,c"), "b,c");
    }
}
