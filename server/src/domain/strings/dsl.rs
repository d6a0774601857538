//! The RobustFill string DSL (Latent Programmer / ExeDec release), as an AST with the release's
//! text form.
//!
//! A [`Program`] is a concatenation of [`Expr`]s. Extensions over the published DSL, all inert on
//! published programs: every expression reads one of several inputs (`input`, shown as an `xK:`
//! prefix when not 0), constants may hold several characters (tokenized as consecutive one-char
//! `ConstStr`s), and delimiters/characters range over all printable ASCII.

use std::fmt;

/// A token class (a regex in the original code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    /// `[0-9]+`
    Number,
    /// `[A-Za-z]+`
    Word,
    /// `[A-Za-z0-9]+`
    Alphanum,
    /// `[A-Z]+`
    AllCaps,
    /// `[A-Z][a-z]+`
    PropCase,
    /// `[a-z]+`
    Lower,
    /// `[0-9]`
    Digit,
    /// Any single character.
    Char,
}

impl Type {
    /// All types in token order.
    pub const ALL: [Type; 8] = [
        Type::Number,
        Type::Word,
        Type::Alphanum,
        Type::AllCaps,
        Type::PropCase,
        Type::Lower,
        Type::Digit,
        Type::Char,
    ];

    /// The name used in the text form (`NUMBER`, …).
    pub fn name(self) -> &'static str {
        match self {
            Type::Number => "NUMBER",
            Type::Word => "WORD",
            Type::Alphanum => "ALPHANUM",
            Type::AllCaps => "ALL_CAPS",
            Type::PropCase => "PROP_CASE",
            Type::Lower => "LOWER",
            Type::Digit => "DIGIT",
            Type::Char => "CHAR",
        }
    }
}

/// Target case of `ToCase`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Case {
    /// `str.capitalize()`
    Proper,
    /// `str.upper()`
    AllCaps,
    /// `str.lower()`
    Lower,
}

impl Case {
    /// All cases in token order.
    pub const ALL: [Case; 3] = [Case::Proper, Case::AllCaps, Case::Lower];

    /// The name used in the text form.
    pub fn name(self) -> &'static str {
        match self {
            Case::Proper => "PROPER",
            Case::AllCaps => "ALL_CAPS",
            Case::Lower => "LOWER",
        }
    }
}

/// Which side of a match `GetSpan` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Boundary {
    /// The match's start.
    Start,
    /// The match's end.
    End,
}

impl Boundary {
    /// Both boundaries in token order.
    pub const ALL: [Boundary; 2] = [Boundary::Start, Boundary::End];
}

/// A regex argument: a token class or one literal character (a delimiter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Regex {
    /// A token class.
    Type(Type),
    /// One literal character (ASCII byte).
    Char(u8),
}

/// A substring or modification function applied to a string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Func {
    /// `SubStr(k1, k2)`: positions, 1-based, non-positive from the end, `k2` inclusive.
    SubStr(i8, i8),
    /// `GetSpan(r1, i1, b1, r2, i2, b2)`.
    GetSpan(Regex, i8, Boundary, Regex, i8, Boundary),
    /// `GetToken(t, i)`: the i-th match.
    GetToken(Type, i8),
    /// `ToCase(s)`.
    ToCase(Case),
    /// `Replace(d1, d2)`: every `d1` becomes `d2`.
    Replace(u8, u8),
    /// `Trim()`: `str.strip()`.
    Trim,
    /// `GetUpto(r)`: up to the end of the first match.
    GetUpto(Regex),
    /// `GetFrom(r)`: after the end of the first match.
    GetFrom(Regex),
    /// `GetFirst(t, i)`: the first i matches joined.
    GetFirst(Type, i8),
    /// `GetAll(t)`: all matches joined.
    GetAll(Type),
    /// `Substitute(t, i, c)`: first occurrence of the i-th match's text becomes `c`.
    Substitute(Type, i8, u8),
    /// `SubstituteAll(t, c)`.
    SubstituteAll(Type, u8),
    /// `Remove(t, i)`.
    Remove(Type, i8),
    /// `RemoveAll(t)`.
    RemoveAll(Type),
}

impl Func {
    /// True for the functions the search may use as the outer function of a `Compose`
    /// (the LP "nesting" and ExeDec "modification" groups: everything but SubStr and GetSpan).
    pub fn can_be_outer(&self) -> bool {
        !matches!(self, Func::SubStr(..) | Func::GetSpan(..))
    }

    /// Number of DSL nodes (the function and its arguments), for the size prior.
    pub fn size(&self) -> usize {
        1 + match self {
            Func::SubStr(..) => 2,
            Func::GetSpan(..) => 6,
            Func::GetToken(..) | Func::Replace(..) | Func::GetFirst(..) | Func::Remove(..) => 2,
            Func::SubstituteAll(..) => 2,
            Func::Substitute(..) => 3,
            Func::ToCase(_) | Func::GetUpto(_) | Func::GetFrom(_) | Func::GetAll(_) => 1,
            Func::RemoveAll(_) => 1,
            Func::Trim => 0,
        }
    }
}

/// One expression of the concatenation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Expr {
    /// A constant string (one character in published programs).
    Const(Vec<u8>),
    /// A function applied to input `input`.
    Apply {
        /// Input index (0 in published programs).
        input: u8,
        /// The function.
        func: Func,
    },
    /// `outer(inner(input))`.
    Compose {
        /// Input index.
        input: u8,
        /// Applied second.
        outer: Func,
        /// Applied first.
        inner: Func,
    },
}

impl Expr {
    /// Number of DSL nodes.
    pub fn size(&self) -> usize {
        match self {
            Expr::Const(c) => 2 * c.len().max(1),
            Expr::Apply { func, .. } => func.size(),
            Expr::Compose { outer, inner, .. } => 1 + outer.size() + inner.size(),
        }
    }
}

/// A program: the concatenation of its expressions' outputs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Program {
    /// The expressions, in output order.
    pub exprs: Vec<Expr>,
}

impl Program {
    /// Number of DSL nodes.
    pub fn size(&self) -> usize {
        self.exprs.iter().map(Expr::size).sum()
    }

    /// The same program with adjacent constants merged (for rendering).
    pub fn merged_consts(&self) -> Program {
        let mut exprs: Vec<Expr> = Vec::with_capacity(self.exprs.len());
        for e in &self.exprs {
            if let (Expr::Const(c), Some(Expr::Const(prev))) = (e, exprs.last_mut()) {
                prev.extend_from_slice(c);
                continue;
            }
            exprs.push(e.clone());
        }
        Program { exprs }
    }
}

/// Python `repr()` of an ASCII string (the release's text form quotes characters this way).
pub fn py_repr(s: &[u8]) -> String {
    let quote = if s.contains(&b'\'') && !s.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote as char);
    for &b in s {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Type.{}", self.name())
    }
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Case.{}", self.name())
    }
}

impl fmt::Display for Boundary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Boundary::Start => f.write_str("Boundary.START"),
            Boundary::End => f.write_str("Boundary.END"),
        }
    }
}

impl fmt::Display for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Regex::Type(t) => t.fmt(f),
            Regex::Char(c) => f.write_str(&py_repr(&[*c])),
        }
    }
}

impl fmt::Display for Func {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ch = |c: &u8| py_repr(&[*c]);
        match self {
            Func::SubStr(a, b) => write!(f, "SubStr({a}, {b})"),
            Func::GetSpan(r1, i1, b1, r2, i2, b2) => {
                write!(f, "GetSpan({r1}, {i1}, {b1}, {r2}, {i2}, {b2})")
            }
            Func::GetToken(t, i) => write!(f, "GetToken({t}, {i})"),
            Func::ToCase(c) => write!(f, "ToCase({c})"),
            Func::Replace(a, b) => write!(f, "Replace({}, {})", ch(a), ch(b)),
            Func::Trim => f.write_str("Trim()"),
            Func::GetUpto(r) => write!(f, "GetUpto({r})"),
            Func::GetFrom(r) => write!(f, "GetFrom({r})"),
            Func::GetFirst(t, i) => write!(f, "GetFirst({t}, {i})"),
            Func::GetAll(t) => write!(f, "GetAll({t})"),
            Func::Substitute(t, i, c) => write!(f, "Substitute({t}, {i}, {})", ch(c)),
            Func::SubstituteAll(t, c) => write!(f, "SubstituteAll({t}, {})", ch(c)),
            Func::Remove(t, i) => write!(f, "Remove({t}, {i})"),
            Func::RemoveAll(t) => write!(f, "RemoveAll({t})"),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = |f: &mut fmt::Formatter<'_>, input: u8| {
            if input == 0 {
                Ok(())
            } else {
                write!(f, "x{input}:")
            }
        };
        match self {
            Expr::Const(c) => write!(f, "ConstStr({})", py_repr(c)),
            Expr::Apply { input, func } => {
                prefix(f, *input)?;
                func.fmt(f)
            }
            Expr::Compose {
                input,
                outer,
                inner,
            } => {
                prefix(f, *input)?;
                write!(f, "{outer}({inner})")
            }
        }
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.exprs.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            e.fmt(f)?;
        }
        Ok(())
    }
}
