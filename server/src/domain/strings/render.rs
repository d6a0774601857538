//! Renders a program as an idiomatic Python function body (slices, `str` methods, `re`), exact
//! on every input: a quirk of the DSL (SubStr's inclusive end and wrap-around, GetSpan's
//! clipping, out-of-range indices) is spelled out with a conditional expression only where it can
//! trigger.

use super::dsl::{Boundary, Case, Expr, Func, Program, Regex, Type};

/// A rendered body and the imports it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// Statements, unindented, ending in a `return`.
    pub body: String,
    /// Import lines.
    pub imports: Vec<String>,
}

/// A Python expression and whether it can be used as an operand without parentheses.
#[derive(Clone, Debug)]
struct Py {
    code: String,
    atomic: bool,
}

impl Py {
    fn atom(code: impl Into<String>) -> Py {
        Py {
            code: code.into(),
            atomic: true,
        }
    }
    fn compound(code: impl Into<String>) -> Py {
        Py {
            code: code.into(),
            atomic: false,
        }
    }
    fn operand(&self) -> String {
        if self.atomic {
            self.code.clone()
        } else {
            format!("({})", self.code)
        }
    }
}

/// A Python string literal (double quotes).
pub fn py_str(s: &[u8]) -> String {
    let mut out = String::from("\"");
    for &b in s {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}

fn type_pattern(t: Type) -> &'static str {
    match t {
        Type::Number => "[0-9]+",
        Type::Word => "[A-Za-z]+",
        Type::Alphanum => "[A-Za-z0-9]+",
        Type::AllCaps => "[A-Z]+",
        Type::PropCase => "[A-Z][a-z]+",
        Type::Lower => "[a-z]+",
        Type::Digit => "[0-9]",
        Type::Char => ".",
    }
}

fn regex_literal(r: Regex) -> String {
    let pat = match r {
        Regex::Type(t) => type_pattern(t).to_string(),
        Regex::Char(c) if c.is_ascii_alphanumeric() || c == b' ' => (c as char).to_string(),
        Regex::Char(c) => format!("\\{}", c as char),
    };
    format!("r\"{pat}\"")
}

fn type_noun(t: Type) -> &'static str {
    match t {
        Type::Number => "numbers",
        Type::Word => "words",
        Type::Alphanum => "tokens",
        Type::AllCaps => "caps",
        Type::PropCase => "titles",
        Type::Lower => "lowers",
        Type::Digit => "digits",
        Type::Char => "chars",
    }
}

fn char_noun(c: u8) -> String {
    let name = match c {
        b' ' => "space",
        b',' => "comma",
        b'.' => "dot",
        b':' => "colon",
        b';' => "semicolon",
        b'-' => "dash",
        b'_' => "underscore",
        b'/' => "slash",
        b'@' => "at",
        b'(' => "open_paren",
        b')' => "close_paren",
        b'#' => "hash",
        b'&' => "amp",
        b'$' => "dollar",
        b'%' => "percent",
        b'!' => "bang",
        b'?' => "question",
        b'=' => "equals",
        b'+' => "plus",
        b'|' => "pipe",
        c if c.is_ascii_digit() => return format!("digit_{}", c as char),
        c if c.is_ascii_alphabetic() => return format!("letter_{}", c as char),
        _ => "delim",
    };
    name.to_string()
}

fn regex_noun(r: Regex) -> String {
    match r {
        Regex::Type(t) => type_noun(t).trim_end_matches('s').to_string(),
        Regex::Char(c) => char_noun(c),
    }
}

struct Renderer<'a> {
    params: &'a [String],
    stmts: Vec<String>,
    taken: Vec<String>,
    uses_re: bool,
    /// Memoized per-source statements: (key, variable name).
    memo: Vec<(String, String)>,
}

impl Renderer<'_> {
    fn fresh(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut k = 2;
        while self.taken.contains(&name) || name == "re" {
            name = format!("{base}{k}");
            k += 1;
        }
        self.taken.push(name.clone());
        name
    }

    /// Binds `code` to a fresh variable once per key and returns the variable.
    fn memo(&mut self, key: String, base: &str, code: impl FnOnce() -> String) -> String {
        if let Some((_, v)) = self.memo.iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let name = self.fresh(base);
        self.stmts.push(format!("{name} = {}", code()));
        self.memo.push((key, name.clone()));
        name
    }

    /// A name for a value: the expression itself when it is a plain name.
    fn name_of(&mut self, v: &Py) -> String {
        let is_name = v
            .code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !v.code.starts_with(|c: char| c.is_ascii_digit());
        if is_name {
            return v.code.clone();
        }
        let code = v.code.clone();
        self.memo(format!("value:{code}"), "part", || code.clone())
    }

    fn prefixed(&self, src: &str, noun: &str) -> String {
        if self.params.len() == 1 && self.params.first().is_some_and(|p| p == src) {
            noun.to_string()
        } else {
            format!("{src}_{noun}")
        }
    }

    fn findall(&mut self, src: &str, t: Type) -> String {
        self.uses_re = true;
        let base = self.prefixed(src, type_noun(t));
        let pat = regex_literal(Regex::Type(t));
        self.memo(format!("findall:{src}:{t:?}"), &base, || {
            format!("re.findall({pat}, {src})")
        })
    }

    fn spans(&mut self, src: &str, r: Regex) -> String {
        self.uses_re = true;
        let base = self.prefixed(src, &format!("{}_spans", regex_noun(r)));
        let pat = regex_literal(r);
        self.memo(format!("spans:{src}:{r:?}"), &base, || {
            format!("[m.span() for m in re.finditer({pat}, {src})]")
        })
    }

    fn first_match(&mut self, src: &str, r: Regex) -> String {
        self.uses_re = true;
        let base = self.prefixed(src, &format!("first_{}", regex_noun(r)));
        let pat = regex_literal(r);
        self.memo(format!("search:{src}:{r:?}"), &base, || {
            format!("re.search({pat}, {src})")
        })
    }

    /// `L[i]`-style selection of the i-th (1-based, negative from the end) item, or `default`.
    fn pick(list: &str, i: i8, default: &str) -> Py {
        let n = i.unsigned_abs();
        let idx = if i > 0 {
            format!("{}", i - 1)
        } else {
            format!("-{n}")
        };
        if i == 0 {
            return Py::atom(default);
        }
        let cond = if n == 1 {
            list.to_string()
        } else {
            format!("len({list}) >= {n}")
        };
        Py::compound(format!("{list}[{idx}] if {cond} else {default}"))
    }

    fn substr(&mut self, src: &Py, k1: i8, k2: i8) -> Py {
        let (k1, k2) = (k1 as i32, k2 as i32);
        let empty = || Py::atom("\"\"");
        let slice = |s: &str, a: Option<i32>, b: Option<i32>| -> String {
            let a = a
                .filter(|&x| x != 0)
                .map(|x| x.to_string())
                .unwrap_or_default();
            let b = b.map(|x| x.to_string()).unwrap_or_default();
            format!("{s}[{a}:{b}]")
        };
        if k1 > 0 && k2 > 0 {
            if k1 >= k2 {
                return empty();
            }
            let s = src.operand();
            return Py::atom(slice(&s, Some(k1 - 1), Some(k2)));
        }
        if k1 > 0 && k2 == 0 {
            if k1 == 1 {
                return src.clone();
            }
            return Py::atom(slice(&src.operand(), Some(k1 - 1), None));
        }
        let s = self.name_of(src);
        if k1 > 0 {
            // k2 < 0: only a string of length k1 - 1 - k2 hits the empty-when-equal quirk.
            let end = if k2 == -1 { None } else { Some(k2 + 1) };
            return Py::compound(format!(
                "{} if len({s}) != {} else \"\"",
                slice(&s, Some(k1 - 1), end),
                k1 - 1 - k2
            ));
        }
        let m = -k1;
        if k2 > 0 {
            if k1 == 0 {
                return empty();
            }
            return Py::compound(format!(
                "{s}[len({s}) - {m}:{k2}] if len({s}) - {m} < {} else \"\"",
                k2 - 1
            ));
        }
        if k1 >= k2 {
            return empty();
        }
        // k1 < k2 <= 0: plain negative slicing once the string is at least m long; shorter
        // strings wrap around like the original code's `value[len + k1:...]`.
        let end_simple = if k2 >= -1 { None } else { Some(k2 + 1) };
        let simple = format!(
            "{s}[-{m}:{}]",
            end_simple.map(|x| x.to_string()).unwrap_or_default()
        );
        let end_quirk = if k2 >= -1 {
            String::new()
        } else {
            format!("len({s}) - {}", -(k2 + 1))
        };
        Py::compound(format!(
            "{simple} if len({s}) >= {m} else {s}[len({s}) - {m}:{end_quirk}]"
        ))
    }

    fn span_pos(spans: &str, i: i8, b: Boundary) -> String {
        let k = if b == Boundary::Start { 0 } else { 1 };
        let n = i.unsigned_abs();
        if i == 0 {
            return format!("len({spans}) - 1");
        }
        if i > 0 {
            if n == 1 {
                return format!("{spans}[0][{k}]");
            }
            return format!(
                "({spans}[{}][{k}] if len({spans}) >= {n} else len({spans}) - 1)",
                n - 1
            );
        }
        if n == 1 {
            return format!("{spans}[-1][{k}]");
        }
        format!("({spans}[-{n}][{k}] if len({spans}) >= {n} else 0)")
    }

    fn func(&mut self, f: &Func, src: &Py) -> Py {
        match *f {
            Func::SubStr(k1, k2) => self.substr(src, k1, k2),
            Func::GetSpan(r1, i1, b1, r2, i2, b2) => {
                let s = self.name_of(src);
                let sp1 = self.spans(&s, r1);
                let sp2 = self.spans(&s, r2);
                let p1 = Self::span_pos(&sp1, i1, b1);
                let p2 = Self::span_pos(&sp2, i2, b2);
                let cond = if sp1 == sp2 {
                    sp1.clone()
                } else {
                    format!("{sp1} and {sp2}")
                };
                Py::compound(format!("{s}[{p1}:{p2}] if {cond} else \"\""))
            }
            Func::GetToken(t, i) => {
                let s = self.name_of(src);
                let list = if t == Type::Char {
                    s
                } else {
                    self.findall(&s, t)
                };
                Self::pick(&list, i, "\"\"")
            }
            Func::ToCase(c) => {
                let m = match c {
                    Case::Proper => "capitalize",
                    Case::AllCaps => "upper",
                    Case::Lower => "lower",
                };
                Py::atom(format!("{}.{m}()", src.operand()))
            }
            Func::Replace(a, b) => Py::atom(format!(
                "{}.replace({}, {})",
                src.operand(),
                py_str(&[a]),
                py_str(&[b])
            )),
            Func::Trim => Py::atom(format!("{}.strip()", src.operand())),
            Func::GetUpto(Regex::Char(c)) => {
                let s = self.name_of(src);
                let lit = py_str(&[c]);
                Py::compound(format!(
                    "{s}[: {s}.index({lit}) + 1] if {lit} in {s} else \"\""
                ))
            }
            Func::GetFrom(Regex::Char(c)) => {
                Py::atom(format!("{}.partition({})[2]", src.operand(), py_str(&[c])))
            }
            Func::GetUpto(r) => {
                let s = self.name_of(src);
                let m = self.first_match(&s, r);
                Py::compound(format!("{s}[: {m}.end()] if {m} else \"\""))
            }
            Func::GetFrom(r) => {
                let s = self.name_of(src);
                let m = self.first_match(&s, r);
                Py::compound(format!("{s}[{m}.end() :] if {m} else \"\""))
            }
            Func::GetFirst(t, i) => {
                if t == Type::Char {
                    return Py::atom(format!("{}[:{i}]", src.operand()));
                }
                let s = self.name_of(src);
                let list = self.findall(&s, t);
                Py::atom(format!("\"\".join({list}[:{i}])"))
            }
            Func::GetAll(t) => {
                if t == Type::Char {
                    return src.clone();
                }
                let s = self.name_of(src);
                let list = self.findall(&s, t);
                Py::atom(format!("\"\".join({list})"))
            }
            Func::Substitute(t, i, c) => self.substitute(src, t, i, &py_str(&[c])),
            Func::Remove(t, i) => self.substitute(src, t, i, "\"\""),
            Func::SubstituteAll(t, c) => {
                self.uses_re = true;
                let repl = if c == b'\\' {
                    "r\"\\\\\"".to_string()
                } else {
                    py_str(&[c])
                };
                Py::atom(format!(
                    "re.sub({}, {repl}, {})",
                    regex_literal(Regex::Type(t)),
                    src.code
                ))
            }
            Func::RemoveAll(t) => {
                self.uses_re = true;
                Py::atom(format!(
                    "re.sub({}, \"\", {})",
                    regex_literal(Regex::Type(t)),
                    src.code
                ))
            }
        }
    }

    fn substitute(&mut self, src: &Py, t: Type, i: i8, with: &str) -> Py {
        let s = self.name_of(src);
        let list = if t == Type::Char {
            s.clone()
        } else {
            self.findall(&s, t)
        };
        if i == 0 {
            return Py::atom(s);
        }
        let n = i.unsigned_abs();
        let idx = if i > 0 {
            format!("{}", i - 1)
        } else {
            format!("-{n}")
        };
        let cond = if n == 1 {
            list.clone()
        } else {
            format!("len({list}) >= {n}")
        };
        Py::compound(format!(
            "{s}.replace({list}[{idx}], {with}, 1) if {cond} else {s}"
        ))
    }

    fn expr(&mut self, e: &Expr) -> Py {
        match e {
            Expr::Const(c) => Py::atom(py_str(c)),
            Expr::Apply { input, func } => {
                let src = Py::atom(self.param(*input));
                self.func(func, &src)
            }
            Expr::Compose {
                input,
                outer,
                inner,
            } => {
                let src = Py::atom(self.param(*input));
                let mid = self.func(inner, &src);
                self.func(outer, &mid)
            }
        }
    }

    fn param(&self, input: u8) -> String {
        self.params
            .get(input as usize)
            .cloned()
            .unwrap_or_else(|| format!("arg{input}"))
    }
}

/// Renders `program` as the body of a function whose parameters are `params`.
pub fn render(program: &Program, params: &[String]) -> Rendered {
    let program = program.merged_consts();
    let mut r = Renderer {
        params,
        stmts: Vec::new(),
        taken: params.to_vec(),
        uses_re: false,
        memo: Vec::new(),
    };
    let parts: Vec<Py> = program.exprs.iter().map(|e| r.expr(e)).collect();
    let ret = match parts.len() {
        0 => "\"\"".to_string(),
        1 => parts[0].code.clone(),
        _ => parts
            .iter()
            .map(Py::operand)
            .collect::<Vec<_>>()
            .join(" + "),
    };
    let mut body = r.stmts.join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    if ret.len() + 7 > 88 && parts.len() > 1 {
        body.push_str("return (\n    ");
        let lines: Vec<String> = parts.iter().map(Py::operand).collect();
        body.push_str(&lines.join("\n    + "));
        body.push_str("\n)");
    } else {
        body.push_str("return ");
        body.push_str(&ret);
    }
    Rendered {
        body,
        imports: if r.uses_re {
            vec!["import re".to_string()]
        } else {
            Vec::new()
        },
    }
}
