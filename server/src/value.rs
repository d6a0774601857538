//! Python values as they appear in examples: parsed from literal source text and printed back.

use crate::spec::literal::decode_string_literal;
use crate::spec::parse::parse_text;
use serde::{Deserialize, Serialize};
use tree_sitter::Node;

/// A Python value that examples can state as a literal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer (fits in i64; larger literals are not parsed).
    Int(i64),
    /// A float.
    Float(f64),
    /// A `str`.
    Str(String),
    /// A `list`.
    List(Vec<Value>),
    /// A `tuple`.
    Tuple(Vec<Value>),
    /// A `dict`, in source order.
    Dict(Vec<(Value, Value)>),
    /// A `set`: its elements once each, in the order [`Value::set_of`] gives (CPython's is
    /// its hash order, which no example can rely on).
    Set(Vec<Value>),
}

/// Why a text is not a literal [`Value`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiteralError {
    /// The text is not one Python expression.
    #[error("not a Python expression: {0}")]
    Syntax(String),
    /// A valid expression that is not a supported literal (names, calls, sets, bytes, …).
    #[error("unsupported in a literal: {0}")]
    Unsupported(String),
    /// An integer outside the 64-bit range.
    #[error("integer out of the 64-bit range: {0}")]
    OutOfRange(String),
    /// Deeper nesting than CPython's parser accepts (200 levels).
    #[error("literal nested more than {MAX_DEPTH} levels deep")]
    TooDeep,
}

/// Maximum nesting depth, as CPython's parser (`too many nested parentheses` beyond 200).
pub const MAX_DEPTH: usize = 200;

impl Value {
    /// Parses a Python literal expression: ints (negative, `_`, hex/octal/binary), floats,
    /// `float('inf')`/`float('nan')`, strings (every prefix but `b`/`f`, escapes, implicit
    /// concatenation), `True`/`False`/`None`, lists, tuples and dicts, nested.
    pub fn parse_literal(src: &str) -> Result<Value, LiteralError> {
        let tree = parse_text(src).ok_or_else(|| LiteralError::Syntax(src.to_string()))?;
        let root = tree.root_node();
        if root.has_error() {
            return Err(LiteralError::Syntax(src.trim().to_string()));
        }
        let mut cursor = root.walk();
        let stmts: Vec<Node> = root
            .named_children(&mut cursor)
            .filter(|n| n.kind() != "comment")
            .collect();
        let [stmt] = stmts.as_slice() else {
            return Err(LiteralError::Syntax(format!(
                "expected one expression, found {} statements",
                stmts.len()
            )));
        };
        if stmt.kind() != "expression_statement" {
            return Err(LiteralError::Syntax(format!(
                "`{}` is a statement",
                src.trim()
            )));
        }
        let exprs = named_non_comment(*stmt);
        match exprs.as_slice() {
            [] => Err(LiteralError::Syntax(src.trim().to_string())),
            [expr] => node_value(*expr, src, 0),
            // `1, 2` at top level is a tuple.
            several => several
                .iter()
                .map(|n| node_value(*n, src, 1))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Tuple),
        }
    }

    /// Whether Python can hash it (a set element or a dict key).
    pub fn hashable(&self) -> bool {
        match self {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => false,
            Value::Tuple(items) => items.iter().all(Value::hashable),
            _ => true,
        }
    }

    /// The set of `items`: numbers by value, then strings, then the rest by their repr, each
    /// value once as Python's `==` counts them (`{1, 1.0, True}` is `{1}`).
    pub fn set_of(items: Vec<Value>) -> Value {
        // Each element's key, computed once: its kind, its number, its text.
        let mut keyed: Vec<((u8, f64, String), Value)> = items
            .into_iter()
            .map(|v| {
                let key = match &v {
                    Value::Bool(b) => (0, f64::from(u8::from(*b)), String::new()),
                    Value::Int(i) => (0, *i as f64, String::new()),
                    Value::Float(f) => (0, *f, String::new()),
                    Value::Str(s) => (1, 0.0, s.clone()),
                    other => (2, 0.0, other.to_python_repr()),
                };
                (key, v)
            })
            .collect();
        keyed.sort_by(|(ka, _), (kb, _)| {
            ka.0.cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(ka.2.cmp(&kb.2))
        });
        keyed.dedup_by(|(kb, b), (ka, a)| a == b || (ka.0 == 0 && kb.0 == 0 && ka.1 == kb.1));
        Value::Set(keyed.into_iter().map(|(_, v)| v).collect())
    }

    /// Prints the value exactly as Python's `repr` does (a set's elements in its order).
    pub fn to_python_repr(&self) -> String {
        enum Work<'a> {
            Value(&'a Value),
            Text(&'static str),
        }
        let mut out = String::new();
        let mut stack = vec![Work::Value(self)];
        while let Some(work) = stack.pop() {
            let value = match work {
                Work::Text(t) => {
                    out.push_str(t);
                    continue;
                }
                Work::Value(v) => v,
            };
            match value {
                Value::None => out.push_str("None"),
                Value::Bool(true) => out.push_str("True"),
                Value::Bool(false) => out.push_str("False"),
                Value::Int(i) => out.push_str(&i.to_string()),
                Value::Float(f) => out.push_str(&float_repr(*f)),
                Value::Str(s) => out.push_str(&str_repr(s)),
                Value::List(items) | Value::Tuple(items) => {
                    let tuple = matches!(value, Value::Tuple(_));
                    out.push(if tuple { '(' } else { '[' });
                    // Pushed in reverse: the stack pops them in order.
                    stack.push(Work::Text(if tuple && items.len() == 1 {
                        ",)"
                    } else if tuple {
                        ")"
                    } else {
                        "]"
                    }));
                    for (k, item) in items.iter().enumerate().rev() {
                        stack.push(Work::Value(item));
                        if k > 0 {
                            stack.push(Work::Text(", "));
                        }
                    }
                }
                Value::Set(items) if items.is_empty() => out.push_str("set()"),
                Value::Set(items) => {
                    out.push('{');
                    stack.push(Work::Text("}"));
                    for (k, item) in items.iter().enumerate().rev() {
                        stack.push(Work::Value(item));
                        if k > 0 {
                            stack.push(Work::Text(", "));
                        }
                    }
                }
                Value::Dict(pairs) => {
                    out.push('{');
                    stack.push(Work::Text("}"));
                    for (k, (key, val)) in pairs.iter().enumerate().rev() {
                        stack.push(Work::Value(val));
                        stack.push(Work::Text(": "));
                        stack.push(Work::Value(key));
                        if k > 0 {
                            stack.push(Work::Text(", "));
                        }
                    }
                }
            }
        }
        out
    }
}

fn named_non_comment(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|n| n.kind() != "comment")
        .collect()
}

fn text<'a>(node: Node, src: &'a str) -> &'a str {
    src.get(node.byte_range()).unwrap_or("")
}

fn node_value(node: Node, src: &str, depth: usize) -> Result<Value, LiteralError> {
    if depth > MAX_DEPTH {
        return Err(LiteralError::TooDeep);
    }
    let t = text(node, src);
    match node.kind() {
        "none" => Ok(Value::None),
        "true" => Ok(Value::Bool(true)),
        "false" => Ok(Value::Bool(false)),
        "integer" => parse_int(t, false).map(Value::Int),
        "float" => parse_float(t).map(Value::Float),
        "string" | "concatenated_string" => parse_string(node, src).map(Value::Str),
        "parenthesized_expression" => {
            let inner = named_non_comment(node);
            match inner.as_slice() {
                [one] => node_value(*one, src, depth + 1),
                _ => Err(LiteralError::Unsupported(t.to_string())),
            }
        }
        "list" | "tuple" | "expression_list" => {
            let items = named_non_comment(node)
                .into_iter()
                .map(|n| node_value(n, src, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(if node.kind() == "list" {
                Value::List(items)
            } else {
                Value::Tuple(items)
            })
        }
        "set" => {
            let items = named_non_comment(node)
                .into_iter()
                .map(|n| node_value(n, src, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            if items.iter().any(|v| !v.hashable()) {
                return Err(LiteralError::Unsupported(format!(
                    "unhashable set element in {t}"
                )));
            }
            Ok(Value::set_of(items))
        }
        "dictionary" => {
            let mut pairs = Vec::new();
            for pair in named_non_comment(node) {
                if pair.kind() != "pair" {
                    return Err(LiteralError::Unsupported(text(pair, src).to_string()));
                }
                let (Some(k), Some(v)) = (
                    pair.child_by_field_name("key"),
                    pair.child_by_field_name("value"),
                ) else {
                    return Err(LiteralError::Syntax(text(pair, src).to_string()));
                };
                pairs.push((
                    node_value(k, src, depth + 1)?,
                    node_value(v, src, depth + 1)?,
                ));
            }
            Ok(Value::Dict(pairs))
        }
        "unary_operator" => unary_value(node, src, depth),
        "call" => special_float(node, src),
        _ => Err(LiteralError::Unsupported(t.to_string())),
    }
}

fn unary_value(node: Node, src: &str, depth: usize) -> Result<Value, LiteralError> {
    let op = node
        .child_by_field_name("operator")
        .map(|o| text(o, src))
        .unwrap_or("");
    let Some(arg) = node.child_by_field_name("argument") else {
        return Err(LiteralError::Syntax(text(node, src).to_string()));
    };
    // `-<integer literal>` is parsed as a whole so that i64::MIN fits.
    if op == "-" && arg.kind() == "integer" {
        return parse_int(text(arg, src), true).map(Value::Int);
    }
    let inner = node_value(arg, src, depth + 1)?;
    match (op, inner) {
        ("-", Value::Int(i)) => i
            .checked_neg()
            .map(Value::Int)
            .ok_or_else(|| LiteralError::OutOfRange(text(node, src).to_string())),
        ("-", Value::Float(f)) => Ok(Value::Float(-f)),
        ("+", v @ (Value::Int(_) | Value::Float(_))) => Ok(v),
        ("-" | "+", Value::Bool(b)) => {
            Ok(Value::Int(if op == "-" { -(b as i64) } else { b as i64 }))
        }
        ("~", Value::Int(i)) => Ok(Value::Int(!i)),
        _ => Err(LiteralError::Unsupported(text(node, src).to_string())),
    }
}

fn special_float(node: Node, src: &str) -> Result<Value, LiteralError> {
    let t = text(node, src);
    let unsupported = || LiteralError::Unsupported(t.to_string());
    let func = node
        .child_by_field_name("function")
        .ok_or_else(unsupported)?;
    let args = node
        .child_by_field_name("arguments")
        .ok_or_else(unsupported)?;
    let args = named_non_comment(args);
    // `set()`: the empty set has no literal.
    if text(func, src) == "set" && args.is_empty() {
        return Ok(Value::Set(Vec::new()));
    }
    if text(func, src) != "float" {
        return Err(unsupported());
    }
    let [arg] = args.as_slice() else {
        return Err(unsupported());
    };
    let Ok(Value::Str(s)) = node_value(*arg, src, 1) else {
        return Err(unsupported());
    };
    match s.trim().to_ascii_lowercase().as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => Ok(Value::Float(f64::INFINITY)),
        "-inf" | "-infinity" => Ok(Value::Float(f64::NEG_INFINITY)),
        "nan" | "+nan" | "-nan" => Ok(Value::Float(f64::NAN)),
        other => parse_float(other).map(Value::Float),
    }
}

/// Parses a Python integer literal (`negative`: a unary minus precedes it).
fn parse_int(t: &str, negative: bool) -> Result<i64, LiteralError> {
    let unsupported = || LiteralError::Unsupported(t.to_string());
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    if lower.ends_with('j') || lower.ends_with('l') {
        return Err(unsupported());
    }
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        if lower.len() > 1 && lower.starts_with('0') && lower.bytes().any(|b| b != b'0') {
            return Err(LiteralError::Syntax(format!(
                "leading zeros in decimal integer literals are not permitted: {t}"
            )));
        }
        (lower.as_str(), 10)
    };
    let magnitude =
        u128::from_str_radix(digits, radix).map_err(|_| LiteralError::OutOfRange(t.to_string()))?;
    let signed = if negative {
        -(i128::try_from(magnitude).map_err(|_| LiteralError::OutOfRange(t.to_string()))?)
    } else {
        i128::try_from(magnitude).map_err(|_| LiteralError::OutOfRange(t.to_string()))?
    };
    i64::try_from(signed).map_err(|_| {
        LiteralError::OutOfRange(if negative {
            format!("-{t}")
        } else {
            t.to_string()
        })
    })
}

fn parse_float(t: &str) -> Result<f64, LiteralError> {
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    if clean.to_ascii_lowercase().ends_with('j') {
        return Err(LiteralError::Unsupported(format!("complex number {t}")));
    }
    clean
        .parse::<f64>()
        .map_err(|_| LiteralError::Syntax(format!("bad float literal {t}")))
}

fn parse_string(node: Node, src: &str) -> Result<String, LiteralError> {
    let parts: Vec<Node> = if node.kind() == "concatenated_string" {
        named_non_comment(node)
    } else {
        vec![node]
    };
    let mut out = String::new();
    for part in parts {
        let t = text(part, src);
        let decoded = decode_string_literal(t, part.start_byte());
        if decoded.token.is_bytes() {
            return Err(LiteralError::Unsupported(format!("bytes literal {t}")));
        }
        if decoded.token.is_formatted() {
            return Err(LiteralError::Unsupported(format!("f-string {t}")));
        }
        if !decoded.token.terminated {
            return Err(LiteralError::Syntax(format!("unterminated string {t}")));
        }
        if let Some(problem) = decoded.problems.first() {
            return Err(LiteralError::Unsupported(problem.clone()));
        }
        out.push_str(decoded.value.as_str());
    }
    Ok(out)
}

/// Python's `repr` of a float: shortest round-trip digits, exponent form when the decimal
/// point would fall outside `-4 < decpt <= 16`, `.0` added to integral values.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let mut sci = format!("{:e}", f.abs());
    if sci
        .split('e')
        .next()
        .map_or(0, |m| m.chars().filter(char::is_ascii_digit).count())
        >= 17
    {
        sci = format!("{:.16e}", f.abs());
    }
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = {
        let t = digits.trim_end_matches('0');
        if t.is_empty() {
            "0".to_string()
        } else {
            t.to_string()
        }
    };
    let decpt = exp + 1;
    let n = digits.len() as i32;
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let body = if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let e = decpt - 1;
        format!(
            "{first}{frac}e{}{:02}",
            if e < 0 { '-' } else { '+' },
            e.unsigned_abs()
        )
    } else if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else if decpt < n {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    } else {
        format!("{digits}{}.0", "0".repeat((decpt - n) as usize))
    };
    format!("{sign}{body}")
}

/// Python's `repr` of a `str` (CPython's quote choice and escapes).
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            _ if c.is_ascii() || is_printable(c) => out.push(c),
            _ if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            _ if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            _ => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for one non-ASCII character: false for the categories Cc, Cf,
/// Co, Zl, Zp and Zs (other than space). Unassigned code points (Cn) are not known without the
/// Unicode tables and count as printable here.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    let non_printable = matches!(u,
        0x80..=0x9f // Cc
        | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000 // Zs
        | 0x2028 | 0x2029 // Zl, Zp
        | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x180e
        | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0x2066..=0x206f
        | 0xfeff | 0xfff9..=0xfffb | 0x110bd | 0x110cd | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f // Cf
        | 0xe000..=0xf8ff | 0xf0000..=0xffffd | 0x100000..=0x10fffd // Co
    ) || (u & 0xfffe) == 0xfffe // noncharacters U+xxFFFE/U+xxFFFF (Cn)
        || (0xfdd0..=0xfdef).contains(&u); // noncharacters (Cn)
    !non_printable
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Value {
        match Value::parse_literal(s) {
            Ok(v) => v,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn parses_scalars() {
        assert_eq!(p("42"), Value::Int(42));
        assert_eq!(p("-1_000"), Value::Int(-1000));
        assert_eq!(p("0xff"), Value::Int(255));
        assert_eq!(p("0o17"), Value::Int(15));
        assert_eq!(p("0b101"), Value::Int(5));
        assert_eq!(p("-9223372036854775808"), Value::Int(i64::MIN));
        assert!(matches!(
            Value::parse_literal("9223372036854775808"),
            Err(LiteralError::OutOfRange(_))
        ));
        assert_eq!(p("1.5"), Value::Float(1.5));
        assert_eq!(p("-.5e1"), Value::Float(-5.0));
        assert_eq!(p("1_0.0_1"), Value::Float(10.01));
        assert_eq!(p("True"), Value::Bool(true));
        assert_eq!(p("None"), Value::None);
        assert_eq!(p("float('-inf')"), Value::Float(f64::NEG_INFINITY));
    }

    #[test]
    fn parses_strings() {
        assert_eq!(p(r#"'a\n' "b" r'\t'"#), Value::Str("a\nb\\t".into()));
        assert_eq!(p(r#"u'\u00e9\x41'"#), Value::Str("éA".into()));
        assert_eq!(p("'''x\ny'''"), Value::Str("x\ny".into()));
        assert!(Value::parse_literal("b'x'").is_err());
        assert!(Value::parse_literal("f'{x}'").is_err());
    }

    #[test]
    fn parses_containers() {
        assert_eq!(
            p("[1, (2,), {'a': [None]}, ()]"),
            Value::List(vec![
                Value::Int(1),
                Value::Tuple(vec![Value::Int(2)]),
                Value::Dict(vec![(
                    Value::Str("a".into()),
                    Value::List(vec![Value::None])
                )]),
                Value::Tuple(vec![]),
            ])
        );
        assert_eq!(p("1, 2"), Value::Tuple(vec![Value::Int(1), Value::Int(2)]));
        assert_eq!(p("(1)"), Value::Int(1));
    }

    #[test]
    fn sets_are_parsed_in_one_order_and_printed_back() {
        // Equal sets written in any order are one value; `==` dedupes `1`, `1.0` and `True`.
        assert_eq!(p("{'node_modules', '.git'}"), p("{'.git', 'node_modules'}"));
        assert_eq!(p("{10, 2, 2.0, True}"), p("{True, 2, 10}"));
        assert_eq!(p("{10, 2, 2.0, True}").to_python_repr(), "{True, 2, 10}");
        assert_eq!(p("set()"), Value::Set(Vec::new()));
        assert_eq!(p("set()").to_python_repr(), "set()");
        assert_eq!(p("{('a', 1), 'b'}").to_python_repr(), "{'b', ('a', 1)}");
    }

    #[test]
    fn rejects_non_literals() {
        for s in [
            "x", "f(1)", "1 +", "", "{[1], 2}", "1j", "a = 1", "1; 2", "007", "set([1])",
        ] {
            assert!(Value::parse_literal(s).is_err(), "{s}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}1{}", "[".repeat(1000), "]".repeat(1000));
        assert!(Value::parse_literal(&deep).is_err());
        let ok = format!("{}1{}", "[".repeat(150), "]".repeat(150));
        assert!(Value::parse_literal(&ok).is_ok());
    }

    #[test]
    fn float_repr_forms() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (-0.0, "-0.0"),
            (1.5e300, "1.5e+300"),
            (123.456, "123.456"),
            (f64::INFINITY, "inf"),
        ];
        for (f, s) in cases {
            assert_eq!(float_repr(f), s);
        }
    }

    #[test]
    fn str_repr_quotes() {
        assert_eq!(str_repr("a"), "'a'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("\n\t\\\u{7}é"), "'\\n\\t\\\\\\x07é'");
    }
}
