//! Python's format-spec mini-language (`f'{x:,.2f}'`, `f'{n:03d}'`, `f'{ratio:.1%}'`,
//! `f'{n:b}'`, `f'{name:>10}'`) for ints, floats and strings, exactly as CPython formats them,
//! and the specs a task suggests: read off the number shapes in its expected outputs (grouping,
//! decimals, zero padding, a trailing `%`, column widths) and named by its description ("two
//! decimal places", "thousands separators", "in binary").
//!
//! The interpreter claims only the part of the language it reproduces; anything else is
//! `PyErr::TooBig` (not evaluated), never a guess.

use super::value::{float_repr, PyErr, PyVal};

/// A parsed spec: `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

/// Widths and precisions beyond this are not evaluated (a spec is a short constant).
const MAX_WIDTH: usize = 64;

fn parse(spec: &str) -> Result<Spec, PyErr> {
    let cs: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let (mut fill, mut align) = (' ', None);
    if cs.len() >= 2 && is_align(cs[1]) {
        fill = cs[0];
        align = Some(cs[1]);
        i = 2;
    } else if cs.first().is_some_and(|&c| is_align(c)) {
        align = Some(cs[0]);
        i = 1;
    }
    // Braces cannot sit inside a spec written in an f-string.
    if matches!(fill, '{' | '}') {
        return Err(PyErr::TooBig);
    }
    let mut sign = '-';
    if let Some(&c) = cs.get(i) {
        if matches!(c, '+' | '-' | ' ') {
            sign = c;
            i += 1;
        }
    }
    let mut alternate = false;
    if cs.get(i) == Some(&'#') {
        alternate = true;
        i += 1;
    }
    let mut zero = false;
    if cs.get(i) == Some(&'0') {
        zero = true;
        i += 1;
    }
    let digits = |i: &mut usize| -> Result<Option<usize>, PyErr> {
        let start = *i;
        while cs.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        if *i == start {
            return Ok(None);
        }
        let n: usize = cs[start..*i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| PyErr::TooBig)?;
        if n > MAX_WIDTH {
            return Err(PyErr::TooBig);
        }
        Ok(Some(n))
    };
    let width = digits(&mut i)?.unwrap_or(0);
    let mut grouping = None;
    if let Some(&c) = cs.get(i) {
        if matches!(c, ',' | '_') {
            grouping = Some(c);
            i += 1;
        }
    }
    let mut precision = None;
    if cs.get(i) == Some(&'.') {
        i += 1;
        // `.` without digits is a ValueError in CPython ("Format specifier missing precision").
        precision = Some(digits(&mut i)?.ok_or(PyErr::ValueError)?);
    }
    let mut kind = None;
    if let Some(&c) = cs.get(i) {
        kind = Some(c);
        i += 1;
    }
    if i != cs.len() {
        return Err(PyErr::ValueError);
    }
    Ok(Spec {
        fill,
        align,
        sign,
        alternate,
        zero,
        width,
        grouping,
        precision,
        kind,
    })
}

/// `format(v, spec)` as CPython computes it, for ints, floats and strings.
pub(crate) fn format_value(v: &PyVal, spec: &str) -> Result<String, PyErr> {
    let s = parse(spec)?;
    match v {
        PyVal::Str(text) => format_str(text, &s),
        PyVal::Int(n) => format_int(*n, &s),
        PyVal::Float(f) => format_float(*f, &s),
        // Big ints, bools (whose empty spec prints `True`) and containers: not claimed.
        PyVal::Big(_) | PyVal::Bool(_) => Err(PyErr::TooBig),
        _ => Err(PyErr::TypeError),
    }
}

fn format_str(text: &str, s: &Spec) -> Result<String, PyErr> {
    if !matches!(s.kind, None | Some('s')) {
        return Err(PyErr::ValueError);
    }
    if s.sign != '-' || s.alternate || s.grouping.is_some() || s.align == Some('=') {
        return Err(PyErr::ValueError);
    }
    // `0` before a width changes the fill of strings between CPython versions: not claimed.
    if s.zero {
        return Err(PyErr::TooBig);
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad("", &body, s.fill, s.align.unwrap_or('<'), s.width))
}

fn format_int(n: i64, s: &Spec) -> Result<String, PyErr> {
    let kind = s.kind.unwrap_or('d');
    if matches!(kind, 'f' | 'F' | '%' | 'e' | 'E') {
        // CPython converts the int to the nearest float first.
        return format_float(n as f64, s);
    }
    if s.precision.is_some() {
        return Err(PyErr::ValueError);
    }
    let (radix, prefix) = match kind {
        'd' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        // `c`, `n` and the rest: not claimed.
        _ if kind.is_ascii_alphabetic() => return Err(PyErr::TooBig),
        _ => return Err(PyErr::ValueError),
    };
    if s.grouping == Some(',') && radix != 10 {
        return Err(PyErr::ValueError);
    }
    if s.alternate && radix == 10 {
        return Err(PyErr::TooBig);
    }
    let magnitude = n.unsigned_abs();
    let mut digits = match radix {
        2 => format!("{magnitude:b}"),
        8 => format!("{magnitude:o}"),
        16 => format!("{magnitude:x}"),
        _ => magnitude.to_string(),
    };
    if kind == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(g) = s.grouping {
        digits = group(&digits, g, if radix == 10 { 3 } else { 4 });
    }
    let sign = sign_of(n < 0, s.sign);
    let prefix = if s.alternate { prefix } else { "" };
    finish(&format!("{sign}{prefix}"), &digits, s)
}

fn format_float(f: f64, s: &Spec) -> Result<String, PyErr> {
    let kind = s.kind;
    if s.alternate {
        return Err(PyErr::TooBig);
    }
    let negative = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let body = match kind {
        Some('f' | 'F' | '%') => {
            let p = s.precision.unwrap_or(6);
            let x = if kind == Some('%') { a * 100.0 } else { a };
            let mut t = non_finite(x).unwrap_or_else(|| format!("{x:.p$}"));
            if kind == Some('F') {
                t = t.to_uppercase();
            }
            if let Some(g) = s.grouping {
                t = group_float(&t, g);
            }
            if kind == Some('%') {
                t.push('%');
            }
            t
        }
        Some('e' | 'E') => {
            if s.grouping.is_some() {
                return Err(PyErr::TooBig);
            }
            let p = s.precision.unwrap_or(6);
            let t = if let Some(t) = non_finite(a) {
                t
            } else {
                // Rust writes `1.5e0`; CPython `1.5e+00`.
                let r = format!("{a:.p$e}");
                let (mantissa, exp) = r.split_once('e').ok_or(PyErr::TooBig)?;
                let e: i32 = exp.parse().map_err(|_| PyErr::TooBig)?;
                let esign = if e < 0 { '-' } else { '+' };
                format!("{mantissa}e{esign}{:02}", e.unsigned_abs())
            };
            if kind == Some('E') {
                t.to_uppercase()
            } else {
                t
            }
        }
        None if s.precision.is_none() => {
            // No type and no precision: `str(x)`, grouped when asked.
            let r = float_repr(a);
            if s.grouping.is_some() && (r.contains('e') || !a.is_finite()) {
                return Err(PyErr::TooBig);
            }
            match s.grouping {
                Some(g) => group_float(&r, g),
                None => r,
            }
        }
        // `.3` without a type is `g`-like: not claimed.
        None => return Err(PyErr::TooBig),
        Some('d' | 'b' | 'o' | 'x' | 'X' | 's' | 'c') => return Err(PyErr::ValueError),
        Some(_) => return Err(PyErr::TooBig),
    };
    finish(sign_of(negative, s.sign), &body, s)
}

/// `nan` and `inf` as CPython writes them (the sign comes separately).
fn non_finite(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("nan".to_string())
    } else if x.is_infinite() {
        Some("inf".to_string())
    } else {
        None
    }
}

fn sign_of(negative: bool, sign: char) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    }
}

/// Pads a number: `0` before the width means sign-aware zero padding (`=` with fill `0`).
fn finish(sign: &str, body: &str, s: &Spec) -> Result<String, PyErr> {
    let (fill, align) = match (s.align, s.zero) {
        (Some(a), _) => (s.fill, a),
        (None, true) => ('0', '='),
        (None, false) => (' ', '>'),
    };
    // Zero padding through the digit groups (`0,001,234`): not claimed.
    if align == '=' && fill == '0' && s.grouping.is_some() {
        return Err(PyErr::TooBig);
    }
    Ok(pad(sign, body, fill, align, s.width))
}

fn pad(sign: &str, body: &str, fill: char, align: char, width: usize) -> String {
    let len = sign.chars().count() + body.chars().count();
    let gap = width.saturating_sub(len);
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", fills(gap)),
        '^' => format!("{}{sign}{body}{}", fills(gap / 2), fills(gap - gap / 2)),
        '=' => format!("{sign}{}{body}", fills(gap)),
        _ => format!("{}{sign}{body}", fills(gap)),
    }
}

/// Digit groups from the right: `1234567` → `1,234,567`.
fn group(digits: &str, sep: char, every: usize) -> String {
    let cs: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in cs.iter().enumerate() {
        if i > 0 && (cs.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// Groups the integer part of a formatted float.
fn group_float(t: &str, sep: char) -> String {
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    format!("{}{}", group(&t[..end], sep, 3), &t[end..])
}

/// Format specs a task suggests, cheapest first: (spec, cost). From the shapes of the numbers
/// in the expected string outputs (`1,234.50` → `,.2f`; `007` → `03d`; `12.5%` → `.1%` and
/// `.1f`; right-aligned columns → `>N`), then from the description's words ("2 decimal
/// places" → `.2f`, "thousands separator" → `,`, "binary" → `b`, "hex" → `x`).
pub(crate) fn suggested_specs(
    doc_lower: &str,
    decimals: i64,
    outputs: &[PyVal],
) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    let mut add = |spec: String, cost: u32| {
        if parse(&spec).is_ok() && !out.iter().any(|(s, _)| *s == spec) {
            out.push((spec, cost));
        }
    };
    let mut texts: Vec<&str> = Vec::new();
    for o in outputs {
        match o {
            PyVal::Str(s) => texts.push(s),
            PyVal::List(xs) | PyVal::Tuple(xs) => texts.extend(xs.iter().filter_map(|x| match x {
                PyVal::Str(s) => Some(&**s),
                _ => None,
            })),
            _ => {}
        }
    }
    for t in &texts {
        for shape in number_shapes(t) {
            let dec = |d: usize| {
                if d > 0 {
                    format!(".{d}")
                } else {
                    ".0".to_string()
                }
            };
            if shape.grouped {
                match shape.decimals {
                    Some(d) => add(format!(",{}f", dec(d)), 1),
                    None => add(",".to_string(), 1),
                }
            }
            if let Some(d) = shape.decimals {
                if shape.percent {
                    add(format!("{}%", dec(d)), 1);
                }
                add(format!("{}f", dec(d)), 1);
            } else if shape.percent {
                add(".0%".to_string(), 1);
            }
            if shape.leading_zero && shape.int_digits >= 2 {
                add(format!("0{}d", shape.int_digits), 1);
            }
        }
        // A column: a string padded with spaces on one side.
        let n = t.chars().count();
        if n >= 2 && t.trim() != *t && !t.trim().is_empty() {
            if t.starts_with(' ') && t.ends_with(' ') {
                add(format!("^{n}"), 2);
            } else if t.starts_with(' ') {
                add(format!(">{n}"), 2);
            } else {
                add(format!("<{n}"), 2);
            }
        }
    }
    if (0..=10).contains(&decimals) {
        add(format!(".{decimals}f"), 2);
        if doc_lower.contains("comma") || doc_lower.contains("thousand") {
            add(format!(",.{decimals}f"), 2);
        }
    }
    if doc_lower.contains("thousands") || doc_lower.contains("commas") {
        add(",".to_string(), 2);
    }
    if doc_lower.contains("percent") {
        add(".0%".to_string(), 2);
        add(".1%".to_string(), 2);
    }
    let widths: Vec<usize> = texts
        .iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_hexdigit()))
        .map(|t| t.len())
        .collect();
    let width = match widths.as_slice() {
        [w, rest @ ..] if rest.iter().all(|x| x == w) && *w > 1 => Some(*w),
        _ => None,
    };
    // "Two hex digits per byte": the stated width first (the examples' bytes may all have
    // two digits without it).
    let stated = stated_digits(doc_lower);
    for (word, kind) in [("binary", 'b'), ("octal", 'o'), ("hex", 'x')] {
        if doc_lower.contains(word) {
            if let (None, Some(n)) = (width, stated) {
                add(format!("0{n}{kind}"), 1);
            }
            add(kind.to_string(), if stated.is_some() { 2 } else { 1 });
            if kind == 'x' {
                add("X".to_string(), 1);
            }
            if let Some(w) = width {
                add(format!("0{w}{kind}"), 2);
            }
        }
    }
    // "Zero-padded to four digits": the stated width (the examples may show no padding).
    if let Some(n) = stated_digits(doc_lower) {
        if ["pad", "zero"].iter().any(|w| doc_lower.contains(w)) {
            add(format!("0{n}d"), 2);
        }
    }
    out
}

/// The digits per number the description states ("two digits per byte", "padded to 4
/// digits"), from two to eight.
fn stated_digits(doc_lower: &str) -> Option<usize> {
    let words: Vec<&str> = doc_lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(k, w)| {
        let n = super::hints::NUMBER_WORDS
            .iter()
            .find(|(word, _)| word == w)
            .map(|(_, n)| *n)
            .or_else(|| w.parse::<i64>().ok())
            .filter(|n| (2..=8).contains(n))
            .and_then(|n| usize::try_from(n).ok())?;
        let next = words.get(k + 1..(k + 3).min(words.len()))?;
        next.iter()
            .any(|x| *x == "digits" || *x == "digit")
            .then_some(n)
    })
}

/// The shape of one number written in a string.
#[derive(Debug, PartialEq, Eq)]
struct NumberShape {
    grouped: bool,
    decimals: Option<usize>,
    percent: bool,
    leading_zero: bool,
    int_digits: usize,
}

/// Numbers in a text (`-1,234.50`, `007`, `12.5%`), with their shapes.
fn number_shapes(text: &str) -> Vec<NumberShape> {
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if !cs[i].is_ascii_digit() || (i > 0 && (cs[i - 1].is_alphanumeric() || cs[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut int_digits = 0;
        let mut grouped = false;
        // Digits since the last group separator: a first group has 1 to 3, the others 3.
        let mut run = 0;
        while i < cs.len() {
            if cs[i].is_ascii_digit() {
                int_digits += 1;
                run += 1;
                i += 1;
            } else if cs[i] == ','
                && (if grouped { run == 3 } else { run <= 3 })
                && cs
                    .get(i + 1..i + 4)
                    .is_some_and(|g| g.iter().all(char::is_ascii_digit))
                && !cs.get(i + 4).is_some_and(char::is_ascii_digit)
            {
                grouped = true;
                run = 0;
                i += 1;
            } else {
                break;
            }
        }
        let mut decimals = None;
        if cs.get(i) == Some(&'.') && cs.get(i + 1).is_some_and(char::is_ascii_digit) {
            i += 1;
            let d0 = i;
            while cs.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            decimals = Some(i - d0);
        }
        if cs.get(i).is_some_and(|c| c.is_alphabetic()) {
            continue;
        }
        let percent = cs.get(i) == Some(&'%');
        out.push(NumberShape {
            grouped,
            decimals,
            percent,
            leading_zero: cs[start] == '0' && int_digits >= 2 && !grouped,
            int_digits,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: PyVal, spec: &str) -> String {
        format_value(&v, spec).unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn numbers_format_as_cpython_does() {
        // Expected values printed by CPython 3.11.
        assert_eq!(f(PyVal::Float(1234.5), ",.2f"), "1,234.50");
        assert_eq!(f(PyVal::Float(-1234567.891), ",.2f"), "-1,234,567.89");
        assert_eq!(f(PyVal::Float(0.125), ".2f"), "0.12");
        assert_eq!(f(PyVal::Float(2.675), ".2f"), "2.67");
        assert_eq!(f(PyVal::Float(0.256), ".1%"), "25.6%");
        assert_eq!(f(PyVal::Int(7), "03d"), "007");
        assert_eq!(f(PyVal::Int(-7), "03d"), "-07");
        assert_eq!(f(PyVal::Int(1234567), ","), "1,234,567");
        assert_eq!(f(PyVal::Int(10), "b"), "1010");
        assert_eq!(f(PyVal::Int(5), "08b"), "00000101");
        assert_eq!(f(PyVal::Int(255), "#x"), "0xff");
        assert_eq!(f(PyVal::Int(255), "X"), "FF");
        assert_eq!(f(PyVal::Int(3), ".2f"), "3.00");
        assert_eq!(f(PyVal::Int(42), ">5"), "   42");
        assert_eq!(f(PyVal::Int(42), "*^6"), "**42**");
        assert_eq!(f(PyVal::Int(42), "+"), "+42");
        assert_eq!(f(PyVal::Float(1.5), ">6"), "   1.5");
        assert_eq!(f(PyVal::Float(1234.5), ","), "1,234.5");
        assert_eq!(f(PyVal::Float(12345.678), ".3e"), "1.235e+04");
        assert_eq!(f(PyVal::Float(-0.0), ".1f"), "-0.0");
        assert_eq!(f(PyVal::Float(f64::INFINITY), ".2f"), "inf");
        assert_eq!(f(PyVal::Float(f64::NAN), "F"), "NAN");
        assert_eq!(f(PyVal::str("ab"), ">4"), "  ab");
        assert_eq!(f(PyVal::str("abcdef"), ".3"), "abc");
        assert_eq!(f(PyVal::str("ab"), "-^5"), "-ab--");
        assert_eq!(f(PyVal::Int(1), ",b"), "ValueError");
        assert_eq!(f(PyVal::Float(1.0), "d"), "ValueError");
        assert_eq!(f(PyVal::str("a"), "d"), "ValueError");
        assert_eq!(f(PyVal::Int(1), ".2"), "ValueError");
        assert_eq!(f(PyVal::Float(1.0), ".2"), "TooBig");
    }

    #[test]
    fn outputs_suggest_their_number_shapes() {
        let outs = [PyVal::str("$1,234.50"), PyVal::str("Total: 007")];
        let specs: Vec<String> = suggested_specs("", -1, &outs)
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert!(specs.contains(&",.2f".to_string()), "{specs:?}");
        assert!(specs.contains(&".2f".to_string()), "{specs:?}");
        assert!(specs.contains(&"03d".to_string()), "{specs:?}");
        let pct: Vec<String> = suggested_specs("", -1, &[PyVal::str("12.5%")])
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(pct, [".1%", ".1f"]);
        let bin: Vec<String> = suggested_specs("the number in binary", -1, &[PyVal::str("0101")])
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert!(
            bin.contains(&"b".to_string()) && bin.contains(&"04b".to_string()),
            "{bin:?}"
        );
        assert!(suggested_specs("", -1, &[PyVal::str("abc")]).is_empty());
        // The digits the description states, where the outputs are joined numbers.
        let specs = |doc: &str, outs: &[&str]| -> Vec<String> {
            let outs: Vec<PyVal> = outs.iter().map(|o| PyVal::str(o)).collect();
            suggested_specs(doc, -1, &outs)
                .into_iter()
                .map(|(s, _)| s)
                .collect()
        };
        let hex = specs(
            "encode the bytes as lowercase hex, two digits per byte",
            &["deadbeef", "4869"],
        );
        assert!(hex.contains(&"02x".to_string()), "{hex:?}");
        let padded = specs("the id zero-padded to 4 digits", &["ID-1234"]);
        assert!(padded.contains(&"04d".to_string()), "{padded:?}");
        assert!(!specs("the first two words", &["ab cd"]).contains(&"02d".to_string()));
    }
}
