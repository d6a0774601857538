//! Examples stated in a docstring's prose rather than as code: a call inside a sentence
//! (`For example, f(3) ➞ 9.`, "`f(2)` should return `4`"), and `Input: … / Output: …` blocks
//! (one pair, or several under `Examples:`; LeetCode's `Input: nums = [2,7], target = 9` names
//! the arguments). Nothing here looks at more than the docstring's cleaned text and the
//! function's parameters.

use super::arrow::{matching_paren, skip_string, UNICODE_ARROWS};
use super::calls::example_call_in_snippet;
use super::extract::is_single_expression;
use super::{Param, ParamKind};
use crate::value::{LiteralError, Value};

/// Words that join a call to its result in a sentence, longest first (matched
/// case-insensitively, followed by a space).
const VERBAL_CONNECTORS: [&str; 10] = [
    "should return",
    "should give",
    "should be",
    "must return",
    "will return",
    "evaluates to",
    "returns",
    "gives",
    "yields",
    "is",
];

/// Operators that join a call to its result, tried in this order (`=` last: it is a prefix of
/// the others).
const OPERATOR_CONNECTORS: [&str; 4] = ["==", "->", "=>", "="];

/// An example found inside a line of prose: byte ranges in that line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SentenceExample {
    /// The call (`f(3)`), without surrounding backticks.
    pub call: (usize, usize),
    /// The expected value (`9`), without surrounding backticks or a sentence's final period.
    pub expected: (usize, usize),
}

/// Every `name(…) <connector> <literal>` in `line`, left to right. The call's arguments and
/// the expected side must be Python literals, so that prose like "f(n) is the n-th prime" or
/// "f(x) returns x" is not taken for an example. Only plain calls of `name` count (not
/// `obj.name(…)`, not `other_name(…)`).
pub(crate) fn sentence_examples(line: &str, name: &str) -> Vec<SentenceExample> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = line.get(from..).and_then(|rest| rest.find(name)) {
        let start = from + rel;
        from = start + name.len();
        let before = line[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let open = start + name.len();
        if bytes.get(open) != Some(&b'(') {
            continue;
        }
        let Some(close) = matching_paren(bytes, open) else {
            continue;
        };
        let Some(expected) = expected_after(line, close) else {
            continue;
        };
        if !literal_call(&line[start..close], name) || !is_literal(&line[expected.0..expected.1]) {
            continue;
        }
        out.push(SentenceExample {
            call: (start, close),
            expected,
        });
        from = expected.1;
    }
    out
}

/// The range of the expected value after a call ending at `close`: a backtick, spaces, a
/// connector, spaces, an optional backtick, then one literal.
fn expected_after(line: &str, close: usize) -> Option<(usize, usize)> {
    let mut i = close;
    if line[i..].starts_with('`') {
        i += 1;
    }
    i += leading_spaces(&line[i..]);
    let rest = &line[i..];
    let connector = OPERATOR_CONNECTORS
        .iter()
        .chain(UNICODE_ARROWS.iter())
        .find(|op| {
            rest.starts_with(**op)
                // A lone `=` is no `==`, `=>` or `=<`.
                && (**op != "=" || !matches!(rest.as_bytes().get(1), Some(b'=' | b'>' | b'<')))
        })
        .map(|op| op.len())
        .or_else(|| {
            VERBAL_CONNECTORS.iter().find_map(|w| {
                let head = rest.get(..w.len())?;
                let next = rest.as_bytes().get(w.len());
                (head.eq_ignore_ascii_case(w) && next.is_some_and(u8::is_ascii_whitespace))
                    .then_some(w.len())
            })
        })?;
    i += connector;
    i += leading_spaces(&line[i..]);
    if line[i..].starts_with('`') {
        i += 1;
    }
    let end = i + literal_extent(&line[i..]);
    let mut value = &line[i..end];
    // A sentence's final punctuation is no part of the value (`4.` is read as `4`).
    while let Some(v) = value.strip_suffix(['.', ',', ';', ':', '!', '?', '`']) {
        if v.is_empty() {
            break;
        }
        value = v;
    }
    let value = value.trim_end();
    (!value.is_empty()).then_some((i, i + value.len()))
}

fn leading_spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

/// Length of the literal at the start of `text`: up to the first space, comma, semicolon,
/// backtick or unmatched closing bracket outside brackets and strings.
fn literal_extent(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return i,
            },
            b' ' | b'\t' | b',' | b';' | b'`' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// True when `src` is a Python literal the examples can state (integers beyond 64 bits too).
fn is_literal(src: &str) -> bool {
    matches!(
        Value::parse_literal(src),
        Ok(_) | Err(LiteralError::OutOfRange(_))
    )
}

/// True when `call` is a direct call of `name` whose arguments are all literals.
fn literal_call(call: &str, name: &str) -> bool {
    example_call_in_snippet(call, name, false).is_some_and(|c| {
        c.args
            .iter()
            .chain(c.kwargs.iter().map(|(_, v)| v))
            .all(|a| is_literal(a))
    })
}

/// One `Input: …` line followed by its `Output: …` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IoBlock {
    /// Index of the `Input:` line.
    pub input_line: usize,
    /// Index of the `Output:` line.
    pub output_line: usize,
    /// Byte where the block starts (the `Input` word).
    pub start: usize,
    /// Byte where the block ends (end of the output value).
    pub end: usize,
    /// The call to evaluate, `name(args)`, with named inputs mapped to the parameters.
    pub source: String,
    /// The expected value's source.
    pub expected: String,
}

/// The `Input:`/`Output:` pairs among `lines` (byte ranges in `text`) not flagged in `taken`,
/// as calls of `name` with parameters `params`. An `Output:` line must follow its `Input:` line
/// (blank lines between are allowed); pairs whose input cannot be mapped to the parameters, or
/// whose sides are not Python expressions, are not examples.
pub(crate) fn io_blocks(
    text: &str,
    lines: &[(usize, usize)],
    taken: &[bool],
    name: &str,
    params: &[Param],
) -> Vec<IoBlock> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let (a, b) = lines[k];
        let Some((input_at, input)) = labelled(&text[a..b], &["input", "inputs"]) else {
            k += 1;
            continue;
        };
        let next = (k + 1..lines.len()).find(|&j| !text[lines[j].0..lines[j].1].trim().is_empty());
        let Some(j) = next else {
            break;
        };
        let (c, d) = lines[j];
        let Some((_, output)) = labelled(&text[c..d], &["output", "expected output"]) else {
            k += 1;
            continue;
        };
        if taken[k] || taken[j] {
            k = j + 1;
            continue;
        }
        let output_text = json_constants(strip_ticks(output.text(&text[c..d])));
        let source = input_call(
            &json_constants(strip_ticks(input.text(&text[a..b]))),
            name,
            params,
        );
        if let Some(source) = source.filter(|_| is_single_expression(&output_text)) {
            out.push(IoBlock {
                input_line: k,
                output_line: j,
                start: a + input_at,
                end: c + output.end,
                source,
                expected: output_text,
            });
        }
        k = j + 1;
    }
    out
}

/// Where a label's value lies in its line.
#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.start..self.end]
    }
}

/// `(label start, value span)` when `line` is `<label>: value` for one of `labels`
/// (case-insensitive; a leading `-`/`*` bullet and `**bold**` labels allowed).
fn labelled(line: &str, labels: &[&str]) -> Option<(usize, Span)> {
    let indent = line.len() - line.trim_start().len();
    let mut at = indent;
    for bullet in ["- ", "* ", "• "] {
        if line[at..].starts_with(bullet) {
            at += bullet.len();
            break;
        }
    }
    let body = &line[at..];
    let stars = body.len() - body.trim_start_matches('*').len();
    let body = &body[stars..];
    let label = labels.iter().find(|l| {
        body.get(..l.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(l))
            && body[l.len()..].trim_start_matches('*').starts_with(':')
    })?;
    let after_label = &body[label.len()..];
    let colon = after_label.find(':')?;
    let mut value_start = at + stars + label.len() + colon + 1;
    let rest = &line[value_start..];
    value_start += rest.len() - rest.trim_start_matches(['*', ' ', '\t']).len();
    let end = line.trim_end().len().max(value_start);
    if value_start >= end {
        return None;
    }
    Some((
        at,
        Span {
            start: value_start,
            end,
        },
    ))
}

fn strip_ticks(text: &str) -> &str {
    let t = text.trim();
    t.strip_prefix('`')
        .and_then(|s| s.strip_suffix('`'))
        .unwrap_or(t)
        .trim()
}

/// JSON's `true`, `false` and `null` (LeetCode writes them) as Python's, outside strings.
fn json_constants(src: &str) -> String {
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                let end = skip_string(bytes, i);
                out.push_str(&src[i..end]);
                i = end;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let end = i + src[i..]
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .unwrap_or(src.len() - i);
                let word = &src[i..end];
                out.push_str(match word {
                    "true" => "True",
                    "false" => "False",
                    "null" => "None",
                    other => other,
                });
                i = end;
            }
            _ => {
                let ch_len = src[i..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&src[i..i + ch_len]);
                i += ch_len;
            }
        }
    }
    out
}

/// Splits `src` at top-level commas (outside brackets and strings).
fn split_top_level(src: &str) -> Vec<&str> {
    let bytes = src.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                parts.push(src[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let last = src[start..].trim();
    if !last.is_empty() || !parts.is_empty() {
        parts.push(last);
    }
    parts
}

/// `name = value` (one `=`, an identifier on the left).
fn named_argument(part: &str) -> Option<(&str, &str)> {
    let eq = part.find('=')?;
    let (key, value) = (part[..eq].trim(), part[eq + 1..].trim());
    let ident = key
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_alphanumeric() || c == '_');
    (ident && !value.is_empty() && !value.starts_with('=')).then_some((key, value))
}

/// The call `name(…)` for an `Input:` value: positional values in order (several values for a
/// one-parameter function are one tuple), or `param = value` pairs mapped onto the parameters
/// (positional while they follow the parameter order, keywords after a gap). `None` when the
/// names are not parameters, names and bare values are mixed, or a value is no expression.
fn input_call(input: &str, name: &str, params: &[Param]) -> Option<String> {
    let parts = split_top_level(input);
    if parts.is_empty() || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let named: Vec<Option<(&str, &str)>> = parts.iter().map(|p| named_argument(p)).collect();
    let args: Vec<String> = if named.iter().all(Option::is_none) {
        let positional = params
            .iter()
            .filter(|p| {
                matches!(
                    p.kind,
                    ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
                ) && p.name != "self"
            })
            .count();
        if positional == 1 && parts.len() > 1 {
            vec![format!("({})", parts.join(", "))]
        } else {
            parts.iter().map(|p| p.to_string()).collect()
        }
    } else if named.iter().all(Option::is_some) {
        let pairs: Vec<(&str, &str)> = named.into_iter().flatten().collect();
        if pairs
            .iter()
            .any(|(k, _)| !params.iter().any(|p| p.name == *k))
        {
            return None;
        }
        let mut args = Vec::new();
        let mut gap = false;
        for p in params {
            let value = pairs.iter().find(|(k, _)| *k == p.name).map(|(_, v)| *v);
            match (value, gap, p.kind) {
                (Some(v), false, ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword) => {
                    args.push(v.to_string());
                }
                (Some(v), _, _) => args.push(format!("{}={v}", p.name)),
                (None, _, _) => gap = true,
            }
        }
        args
    } else {
        return None;
    };
    let source = format!("{name}({})", args.join(", "));
    is_single_expression(&source).then_some(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(line: &str, name: &str) -> Vec<(String, String)> {
        sentence_examples(line, name)
            .into_iter()
            .map(|e| {
                (
                    line[e.call.0..e.call.1].to_string(),
                    line[e.expected.0..e.expected.1].to_string(),
                )
            })
            .collect()
    }

    fn pair(call: &str, expected: &str) -> (String, String) {
        (call.to_string(), expected.to_string())
    }

    #[test]
    fn calls_in_sentences() {
        assert_eq!(
            found("For example, add(3, 2) ➞ 5.", "add"),
            vec![pair("add(3, 2)", "5")]
        );
        assert_eq!(
            found(
                "`square(2)` should return `4`, and square(-3) returns 9.",
                "square"
            ),
            vec![pair("square(2)", "4"), pair("square(-3)", "9")]
        );
        assert_eq!(
            found("e.g. f('a b') == ['a', 'b'] (split on spaces)", "f"),
            vec![pair("f('a b')", "['a', 'b']")]
        );
        assert_eq!(
            found(
                "So is_even(7) is False; is_even(0) Should Return True!",
                "is_even"
            ),
            vec![pair("is_even(7)", "False"), pair("is_even(0)", "True")]
        );
        assert_eq!(found("f(2) = 4.5.", "f"), vec![pair("f(2)", "4.5")]);
        assert_eq!(
            found("(like f([1, 2]) -> (1, 2))", "f"),
            vec![pair("f([1, 2])", "(1, 2)")]
        );
        assert_eq!(found("f(1) -> 'a.'", "f"), vec![pair("f(1)", "'a.'")]);
        assert_eq!(found("f(10**30) => 1", "f"), vec![]);
        assert_eq!(
            found("f(123456789012345678901234567890) => 1", "f"),
            vec![pair("f(123456789012345678901234567890)", "1")]
        );
    }

    #[test]
    fn prose_that_is_no_example() {
        for (line, name) in [
            ("f(n) is the n-th prime.", "f"),
            ("f(x) returns x", "f"),
            ("f(1) is greater than 0", "f"),
            ("Calling f(1) twice is fine", "f"),
            ("g(1) returns 2", "f"),
            ("self.f(1) returns 2", "f"),
            ("ff(1) returns 2", "f"),
            ("f(1) >= 2", "f"),
            ("f(1) == ", "f"),
            ("f(1, returns 2", "f"),
            ("f(1) isn't 2", "f"),
        ] {
            assert_eq!(found(line, name), vec![], "{line}");
        }
    }

    fn params(names: &[&str]) -> Vec<Param> {
        names
            .iter()
            .map(|n| Param {
                name: n.to_string(),
                annotation: None,
                default: None,
                kind: ParamKind::PositionalOrKeyword,
            })
            .collect()
    }

    fn blocks(doc: &str, name: &str, names: &[&str]) -> Vec<(String, String)> {
        let lines = super::super::doctest::line_ranges(doc);
        let taken = vec![false; lines.len()];
        io_blocks(doc, &lines, &taken, name, &params(names))
            .into_iter()
            .map(|b| {
                assert!(doc[b.start..]
                    .trim_start_matches('*')
                    .to_ascii_lowercase()
                    .starts_with("input"));
                (b.source, b.expected)
            })
            .collect()
    }

    #[test]
    fn input_output_pairs() {
        let doc = "Sum a list.\n\nExamples:\n    Input: [1, 2, 3]\n    Output: 6\n\n    Input: []\n\n    Output: 0\n";
        assert_eq!(
            blocks(doc, "total", &["xs"]),
            vec![pair("total([1, 2, 3])", "6"), pair("total([])", "0")]
        );
        let doc = "Example 1:\nInput: nums = [2,7,11,15], target = 9\nOutput: [0,1]\nExplanation: 2 + 7 == 9.\n\nExample 2:\n**Input:** target = 6, nums = [3,2,4]\n**Output:** [1,2]";
        assert_eq!(
            blocks(doc, "two_sum", &["nums", "target"]),
            vec![
                pair("two_sum([2,7,11,15], 9)", "[0,1]"),
                pair("two_sum([3,2,4], 6)", "[1,2]")
            ]
        );
        // A gap in the parameter order turns the rest into keywords; JSON constants become
        // Python's.
        assert_eq!(
            blocks(
                "Input: flag = true, s = \"true\"\nOutput: null",
                "f",
                &["s", "n", "flag"]
            ),
            vec![pair("f(\"true\", flag=True)", "None")]
        );
        assert_eq!(
            blocks("- input: `1, 2`\n- output: `3`", "pair_sum", &["pair"]),
            vec![pair("pair_sum((1, 2))", "3")]
        );
        assert_eq!(
            blocks("Input: 1, 2\nOutput: 3", "add", &["a", "b"]),
            vec![pair("add(1, 2)", "3")]
        );
    }

    #[test]
    fn input_output_lookalikes() {
        for doc in [
            "Input: a list of numbers\nOutput: their sum",
            "Input: x = 1\nOutput: 2",
            "Input: 1\nSomething else\nOutput: 2",
            "Input: nums = [1], 3\nOutput: 2",
            "Output: 2\nInput: 1",
            "Input: 1",
            "Inputs are lists.\nOutputs: ints",
        ] {
            assert_eq!(blocks(doc, "f", &["nums", "k"]), vec![], "{doc}");
        }
    }
}
