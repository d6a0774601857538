//! Regular expressions for `re.fullmatch` (validators) and `re.findall` (extractors), learned
//! from the examples by token generalization (FlashFill-style) plus a small vocabulary the
//! description's words name ("email", "hex colour", "hashtag").
//!
//! A validator's positive examples (the inputs it returns `True` for), or an extractor's
//! output items, are split at punctuation into a skeleton of literal separators and the word
//! segments between them; where every string has the same skeleton, each segment generalizes
//! to runs of character classes (`\d{5}`, `[A-Z][a-z]+`) or, where the runs disagree, to the
//! narrowest class holding all its characters. Candidates go from specific to general; the
//! search keeps those that accept every positive and reject every negative (or reproduce every
//! extraction), so a learned pattern only has to be a plausible generalization, not a proof.

use super::hints::{mentions, prose, ConstLeaf};
use super::interp::py_regex;
use super::types::Ty;
use super::value::PyVal;

/// Cost of the most specific learned pattern (with the `re` op and the string it matches, a
/// validator is 5 or 6: above `s.isdigit()` or `len(s) == 5`, below a fit like
/// `('0123456789' + s)[5] in s`).
const SPECIFIC: u32 = 2;
/// Cost of the more general alternatives (ranges, broad classes, character bags).
const GENERAL: u32 = 3;
/// Most learned patterns per task.
const MAX_LEARNED: usize = 8;

/// Patterns the description names, with their words and cost: distinctive formats cost 1 (a
/// named format beats what the few examples suggest), generic words ("number", "date") 2.
/// Each is a pattern CPython and the interpreter read alike (non-capturing groups only).
pub(crate) const VOCABULARY: &[(&[&str], &str, u32)] = &[
    (&["email", "e-mail"], r"[\w.+-]+@[\w-]+\.[\w.-]+", 1),
    (
        &["url", "link", "http"],
        r"https?://[\w.-]+(?:/[\w./?%&=#~+-]*)?",
        1,
    ),
    (&["hashtag", "hash tag"], r"#\w+", 1),
    (&["mention", "handle"], r"@\w+", 1),
    (&["hex"], r"#[0-9a-fA-F]{6}", 1),
    (&["colour", "color"], r"#[0-9a-fA-F]{6}", 1),
    (&["hex", "colour", "color"], r"#(?:[0-9a-fA-F]{3}){1,2}", 2),
    (&["phone", "telephone"], r"\d{3}-\d{3}-\d{4}", 1),
    (&["phone", "telephone"], r"\(\d{3}\) \d{3}-\d{4}", 2),
    (&["iso date", "yyyy-mm-dd", "date"], r"\d{4}-\d{2}-\d{2}", 2),
    (&["hh:mm", "time", "clock"], r"\d{1,2}:\d{2}", 2),
    (&["hh:mm:ss", "time"], r"\d{2}:\d{2}:\d{2}", 2),
    (
        &["ipv4", "ip address", "ip"],
        r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}",
        1,
    ),
    (
        &["ipv4", "ip address", "ip"],
        r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}",
        2,
    ),
    (&["zip", "postal", "postcode"], r"\d{5}", 1),
    (&["zip", "postal", "postcode"], r"\d{5}(?:-\d{4})?", 2),
    (
        &["identifier", "variable name"],
        r"[A-Za-z_][A-Za-z0-9_]*",
        1,
    ),
    (&["integer", "whole number"], r"-?\d+", 2),
    (&["decimal", "float"], r"-?\d+\.\d+", 2),
    (&["number", "numeric"], r"-?\d+(?:\.\d+)?", 2),
];

/// Words that ask for a format check or an extraction: the `re` operations cost less.
const FORMAT_WORDS: &[&str] = &[
    "valid",
    "format",
    "pattern",
    "regex",
    "regular expression",
    "well-formed",
    "looks like",
];
const EXTRACT_WORDS: &[&str] = &[
    "extract",
    "find all",
    "findall",
    "pull out",
    "occurrences of",
];

/// Whether the description asks for a format (a vocabulary word or a format word).
pub(crate) fn names_a_format(lower: &str) -> bool {
    FORMAT_WORDS.iter().any(|w| mentions(lower, w))
        || VOCABULARY
            .iter()
            .any(|(words, _, _)| words.iter().any(|w| mentions(lower, w)))
}

/// Whether the description asks for an extraction.
pub(crate) fn names_an_extraction(lower: &str) -> bool {
    EXTRACT_WORDS.iter().any(|w| mentions(lower, w))
}

/// The pattern leaves of a task: the vocabulary's patterns its description names, and those
/// learned from a validator's positives or an extractor's items. Typed `Ty::Pattern`, so only
/// the `re` operations take them.
pub(crate) fn pattern_leaves(
    description: &str,
    param_types: &[Ty],
    inputs: &[Vec<PyVal>],
    outputs: &[PyVal],
) -> Vec<ConstLeaf> {
    if !param_types.contains(&Ty::Str) {
        return Vec::new();
    }
    let lower = prose(description).to_lowercase();
    let mut out: Vec<ConstLeaf> = Vec::new();
    let mut push = |pattern: String, cost: u32| {
        if py_regex(&pattern, false).is_err() {
            return;
        }
        match out
            .iter_mut()
            .find(|c| matches!(&c.value, PyVal::Str(p) if **p == *pattern))
        {
            Some(c) => c.cost = c.cost.min(cost),
            None => out.push(ConstLeaf {
                value: PyVal::str(&pattern),
                ty: Ty::Pattern,
                cost,
            }),
        }
    };
    let validator = !outputs.is_empty() && outputs.iter().all(|o| matches!(o, PyVal::Bool(_)));
    let extractor = !outputs.is_empty()
        && outputs.iter().all(
            |o| matches!(o, PyVal::List(items) if items.iter().all(|i| matches!(i, PyVal::Str(_)))),
        );
    if !validator && !extractor {
        return Vec::new();
    }
    for (words, pattern, cost) in VOCABULARY {
        if words.iter().any(|w| mentions(&lower, w)) {
            push((*pattern).to_string(), *cost);
        }
    }
    let hex_named = ["hex", "colour", "color"]
        .iter()
        .any(|w| mentions(&lower, w));
    let stated = super::hints::text_numbers(description);
    let mut learned: Vec<(String, u32)> = Vec::new();
    if validator {
        for (p, t) in param_types.iter().enumerate() {
            if *t != Ty::Str {
                continue;
            }
            let positives: Vec<&str> = inputs
                .iter()
                .zip(outputs)
                .filter(|(_, o)| matches!(o, PyVal::Bool(true)))
                .filter_map(|(row, _)| match row.get(p) {
                    Some(PyVal::Str(s)) => Some(&**s),
                    _ => None,
                })
                .collect();
            learned.extend(learn(&positives, hex_named, &stated, false));
        }
    } else {
        let items: Vec<&str> = outputs
            .iter()
            .flat_map(|o| match o {
                PyVal::List(items) => items.iter().collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .filter_map(|i| match i {
                PyVal::Str(s) => Some(&**s),
                _ => None,
            })
            .collect();
        let base = learn(&items, hex_named, &stated, true);
        // Items the input always shows after (or before) the same punctuation, which they
        // leave out (`python` of `#python`, `12` of `12%`): that literal outside one group.
        for (p, t) in param_types.iter().enumerate() {
            if *t != Ty::Str {
                continue;
            }
            let Some(texts) = super::hints::str_column(inputs, p) else {
                continue;
            };
            if let Some((before, after)) = shared_context(&texts, outputs) {
                for (pat, cost) in &base {
                    let group = match (before, after) {
                        (Some(b), _) => literal(b).map(|l| format!("{l}({pat})")),
                        (None, Some(a)) => literal(a).map(|l| format!("({pat}){l}")),
                        (None, None) => None,
                    };
                    if let Some(g) = group {
                        learned.push((g, *cost));
                    }
                }
            }
        }
        learned.extend(base);
    }
    for (pattern, cost) in learned.into_iter().take(MAX_LEARNED) {
        push(pattern, cost);
    }
    // "7 to 40 lowercase hexadecimal characters": the class and the length the description
    // states, for a validator's whole string.
    if validator {
        if let Some(p) = stated_class_pattern(&lower) {
            push(p, 1);
        }
    }
    out
}

/// A character class the description names for what a string consists of, with the count
/// it states: `[0-9a-f]{7,40}` for "7 to 40 lowercase hexadecimal characters", `[a-z]{3,}`
/// for "at least 3 lowercase letters", `\d{6}` for "exactly 6 digits". `None` without both.
pub(crate) fn stated_class_pattern(lower: &str) -> Option<String> {
    let re = crate::intent::cached_regex!(
        r"(?:(?:between|from)\s+(\d+)\s+(?:to|and)\s+(\d+)|(\d+)\s*(?:to|-|–)\s*(\d+)|(?:at least|minimum of|min\.?)\s+(\d+)|(?:at most|up to|no more than|maximum of)\s+(\d+)|(?:exactly\s+)?(\d+))\s+((?:[a-z-]+,?\s+){0,3}?)(characters?|chars?|letters?|digits?)(?:,?\s+(?:or|and)\s+(digits?|letters?|numbers?))?\b"
    )?;
    let caps = re.captures(lower)?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<usize>().ok());
    let (lo, hi) = match (num(1).or(num(3)), num(2).or(num(4)), num(5), num(6), num(7)) {
        (Some(lo), Some(hi), ..) if lo < hi => (lo, Some(hi)),
        (_, _, Some(lo), _, _) => (lo, None),
        (_, _, _, Some(hi), _) => (1, Some(hi)),
        (_, _, _, _, Some(n)) => (n, Some(n)),
        _ => return None,
    };
    if lo == 0 || hi.is_some_and(|h| h > 1000) || lo > 1000 {
        return None;
    }
    let words: Vec<&str> = (8..=10)
        .filter_map(|i| caps.get(i).map(|m| m.as_str()))
        .collect();
    let words = words.join(" ").replace("number", "digit");
    let has = |w: &str| mentions(&words, w);
    let case = if has("lowercase") || has("lower-case") || has("lower case") {
        Some(false)
    } else if has("uppercase") || has("upper-case") || has("capital") {
        Some(true)
    } else {
        None
    };
    let class = if has("hex") {
        match case {
            Some(false) => "[0-9a-f]",
            Some(true) => "[0-9A-F]",
            None => "[0-9a-fA-F]",
        }
    } else if has("digit") && !has("letter") || has("numeric") && !has("alphanumeric") {
        r"\d"
    } else if has("letter") && !has("digit") && !has("alphanumeric") {
        match case {
            Some(false) => "[a-z]",
            Some(true) => "[A-Z]",
            None => "[a-zA-Z]",
        }
    } else if has("alphanumeric") || has("letter") && has("digit") {
        match case {
            Some(false) => "[a-z0-9]",
            Some(true) => "[A-Z0-9]",
            None => "[a-zA-Z0-9]",
        }
    } else {
        return None;
    };
    let count = match hi {
        Some(h) if h == lo => format!("{{{lo}}}"),
        Some(h) => format!("{{{lo},{h}}}"),
        None => format!("{{{lo},}}"),
    };
    Some(format!("{class}{count}"))
}

/// The punctuation every output item has right before it (else right after it) where it
/// occurs in its input, items found left to right; `None` when neither is shared.
fn shared_context(texts: &[&str], outputs: &[PyVal]) -> Option<(Option<char>, Option<char>)> {
    let mut before: Option<Option<char>> = None;
    let mut after: Option<Option<char>> = None;
    let mut any = false;
    for (text, out) in texts.iter().zip(outputs) {
        let PyVal::List(items) = out else {
            return None;
        };
        let mut from = 0;
        for item in items.iter() {
            let PyVal::Str(item) = item else {
                return None;
            };
            if item.is_empty() {
                return None;
            }
            let at = from + text.get(from..)?.find(&**item)?;
            let end = at + item.len();
            let b = text[..at]
                .chars()
                .next_back()
                .filter(|c| kind(*c).is_none());
            let a = text[end..].chars().next().filter(|c| kind(*c).is_none());
            let same = |seen: &mut Option<Option<char>>, c: Option<char>| match seen {
                None => *seen = Some(c),
                Some(s) if *s != c => *s = None,
                _ => {}
            };
            same(&mut before, b);
            same(&mut after, a);
            any = true;
            from = end;
        }
    }
    let keep = |c: Option<Option<char>>| c.flatten().filter(|c| !c.is_whitespace());
    let (b, a) = (keep(before), keep(after));
    (any && (b.is_some() || a.is_some())).then_some((b, a))
}

/// A character's class for the runs: ASCII digits, lower and upper letters, and other word
/// characters (`_`, non-ASCII letters and digits); `None` for punctuation (a literal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Digit,
    Lower,
    Upper,
    Other,
}

fn kind(c: char) -> Option<Kind> {
    if c.is_ascii_digit() {
        Some(Kind::Digit)
    } else if c.is_ascii_lowercase() {
        Some(Kind::Lower)
    } else if c.is_ascii_uppercase() {
        Some(Kind::Upper)
    } else if c == '_' || c.is_alphanumeric() {
        Some(Kind::Other)
    } else {
        None
    }
}

fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::Digit => r"\d",
        Kind::Lower => "[a-z]",
        Kind::Upper => "[A-Z]",
        Kind::Other => r"\w",
    }
}

/// The narrowest class holding every character of `chars` (word characters), hex digits
/// when `hex` and they all are.
fn narrowest_class<'a>(chars: impl Iterator<Item = &'a char>, hex: bool) -> &'static str {
    let (mut digit, mut lower, mut upper, mut other, mut hex_only) =
        (false, false, false, false, true);
    for &c in chars {
        match kind(c) {
            Some(Kind::Digit) => digit = true,
            Some(Kind::Lower) => lower = true,
            Some(Kind::Upper) => upper = true,
            _ => other = true,
        }
        hex_only &= c.is_ascii_hexdigit();
    }
    if other {
        return r"\w";
    }
    match (digit, lower, upper) {
        (true, false, false) => r"\d",
        (false, true, false) => "[a-z]",
        (false, false, true) => "[A-Z]",
        (false, _, _) => "[a-zA-Z]",
        _ if hex && hex_only => "[0-9a-fA-F]",
        (true, true, false) => "[a-z0-9]",
        (true, false, true) => "[A-Z0-9]",
        _ => "[a-zA-Z0-9]",
    }
}

/// A punctuation character as a literal outside a class (`None`: not in learned patterns,
/// quotes because the rendering uses a raw string, control characters because they read
/// badly).
fn literal(c: char) -> Option<String> {
    match c {
        '\'' | '"' => None,
        c if c.is_control() => None,
        '.' | '^' | '$' | '*' | '+' | '?' | '{' | '}' | '[' | ']' | '\\' | '|' | '(' | ')' => {
            Some(format!("\\{c}"))
        }
        c if c.is_whitespace() && c != ' ' => None,
        c => Some(c.to_string()),
    }
}

/// A punctuation character inside a class.
fn class_literal(c: char) -> Option<String> {
    match c {
        '\'' | '"' => None,
        c if c.is_control() || (c.is_whitespace() && c != ' ') => None,
        '\\' | ']' | '[' | '^' | '-' | '&' | '~' => Some(format!("\\{c}")),
        c => Some(c.to_string()),
    }
}

/// A string's punctuation (the skeleton) and the word segments around it (one more than the
/// punctuation; possibly empty).
fn split(s: &str) -> (Vec<char>, Vec<Vec<char>>) {
    let mut skeleton = Vec::new();
    let mut segments = vec![Vec::new()];
    for c in s.chars() {
        if kind(c).is_some() {
            if let Some(last) = segments.last_mut() {
                last.push(c);
            }
        } else {
            skeleton.push(c);
            segments.push(Vec::new());
        }
    }
    (skeleton, segments)
}

/// Runs of one kind: (kind, length).
fn runs(seg: &[char]) -> Vec<(Kind, usize)> {
    let mut out: Vec<(Kind, usize)> = Vec::new();
    for &c in seg {
        let k = kind(c).unwrap_or(Kind::Other);
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// How a segment's repetition is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Exact counts for digit-bearing runs, single characters and stated lengths; `+` for
    /// other letter runs (a word's length in the examples is rarely the rule).
    Specific,
    /// Exact counts wherever the examples agree.
    Exact,
    /// `{min,max}` where the examples' lengths differ.
    Ranged,
    /// `+` everywhere, broad classes (`\d` for digits, else `\w`).
    Broad,
    /// Hex digits for alphanumeric runs that are all hex.
    Hex,
}

/// The repetition of a run or class with lengths `lens`; `digit_span` is the span of every
/// run of digits in the strings (a `Ranged` pattern gives each run of digits that span:
/// `\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}` though one octet was one digit everywhere).
fn quantifier(
    lens: &[usize],
    digits: bool,
    digit_span: Option<(usize, usize)>,
    stated: &[i64],
    style: Style,
) -> String {
    if let (Style::Ranged, Some((lo, hi))) = (style, digit_span) {
        if lo < hi && lens.iter().all(|&l| l >= 1) {
            return format!("{{{lo},{hi}}}");
        }
    }
    let (min, max) = (
        lens.iter().copied().min().unwrap_or(0),
        lens.iter().copied().max().unwrap_or(0),
    );
    if min == 0 {
        return "*".into();
    }
    if style == Style::Broad {
        return "+".into();
    }
    if min == max {
        let exact = match style {
            // A single digit where others vary (`8.8.8.8` beside `10.0.0.255`) is no rule;
            // two or more digits are a format's (`\d{5}`, `\d{3}-\d{4}`).
            Style::Specific | Style::Hex => {
                (digits && min >= 2) || (!digits && min == 1) || stated.contains(&(min as i64))
            }
            _ => true,
        };
        return match (exact, min) {
            (true, 1) => String::new(),
            (true, n) => format!("{{{n}}}"),
            (false, _) => "+".into(),
        };
    }
    if style == Style::Ranged {
        format!("{{{min},{max}}}")
    } else {
        "+".into()
    }
}

/// One segment position across the strings, in `style`.
fn segment(
    segs: &[&[char]],
    hex: bool,
    digit_span: Option<(usize, usize)>,
    stated: &[i64],
    style: Style,
) -> String {
    if segs.iter().all(|s| s.is_empty()) {
        return String::new();
    }
    // Letters every string begins (or ends) the segment with, before digits: a literal
    // (`v\d+` for `v1`, `v10`; `\d+px` for `12px`, `3px`), never a name's shared initial.
    if let Some((pre, rest, post)) = affixes(segs) {
        let rest: Vec<&[char]> = rest;
        let inner = segment(&rest, hex, digit_span, stated, style);
        return format!("{pre}{inner}{post}");
    }
    let all: Vec<char> = segs.iter().flat_map(|s| s.iter().copied()).collect();
    if style == Style::Broad {
        let class = if all.iter().all(char::is_ascii_digit) {
            r"\d"
        } else {
            r"\w"
        };
        return format!("{class}+");
    }
    let hex = hex || style == Style::Hex;
    let run_lists: Vec<Vec<(Kind, usize)>> = segs.iter().map(|s| runs(s)).collect();
    let consistent = segs.iter().all(|s| !s.is_empty())
        && run_lists.iter().all(|r| {
            r.len() == run_lists[0].len() && r.iter().zip(&run_lists[0]).all(|(a, b)| a.0 == b.0)
        });
    let hex_alnum = hex
        && all.iter().all(char::is_ascii_hexdigit)
        && all.iter().any(char::is_ascii_digit)
        && all.iter().any(char::is_ascii_alphabetic);
    if consistent && !hex_alnum {
        let mut out = String::new();
        for (i, (k, _)) in run_lists[0].iter().enumerate() {
            let lens: Vec<usize> = run_lists.iter().map(|r| r[i].1).collect();
            out.push_str(kind_class(*k));
            let span = digit_span.filter(|_| *k == Kind::Digit);
            out.push_str(&quantifier(&lens, *k == Kind::Digit, span, stated, style));
        }
        return out;
    }
    let class = narrowest_class(all.iter(), hex);
    let lens: Vec<usize> = segs.iter().map(|s| s.len()).collect();
    let digits = all.iter().any(char::is_ascii_digit);
    let span = digit_span.filter(|_| class == r"\d");
    format!("{class}{}", quantifier(&lens, digits, span, stated, style))
}

/// The ASCII letters every segment starts (or ends) with where what remains is non-empty and
/// starts (ends) with a non-letter; `None` when there are none or fewer than two distinct
/// segments.
fn affixes<'a>(segs: &[&'a [char]]) -> Option<(String, Vec<&'a [char]>, String)> {
    let first = segs.first()?;
    if segs.iter().all(|s| s == first) {
        return None;
    }
    let common = |get: &dyn Fn(&[char], usize) -> Option<char>| -> usize {
        let mut n = 0;
        while let Some(c) = get(first, n) {
            if !c.is_ascii_alphabetic() || segs.iter().any(|s| get(s, n) != Some(c)) {
                break;
            }
            n += 1;
        }
        n
    };
    let pre = common(&|s, i| s.get(i).copied());
    let post = common(&|s, i| s.len().checked_sub(i + 1).map(|j| s[j]));
    let ok = |n: usize, at: &dyn Fn(&[char], usize) -> Option<char>| {
        n > 0
            && segs
                .iter()
                .all(|s| at(s, n).is_some_and(|c| !c.is_ascii_alphabetic()))
    };
    let pre = if ok(pre, &|s, i| s.get(i).copied()) {
        pre
    } else {
        0
    };
    let post = if ok(post, &|s, i| s.len().checked_sub(i + 1).map(|j| s[j])) {
        post
    } else {
        0
    };
    if pre == 0 && post == 0 || segs.iter().any(|s| s.len() <= pre + post) {
        return None;
    }
    let rest: Vec<&[char]> = segs.iter().map(|s| &s[pre..s.len() - post]).collect();
    Some((
        first[..pre].iter().collect(),
        rest,
        first[first.len() - post..].iter().collect(),
    ))
}

/// Candidate patterns for `strings` (cheapest first) with their costs. A validator's most
/// specific pattern is the cheapest; an extractor's broad one (`#\w+`, `\d+`): the input
/// around the items already delimits them, and `re.findall` must reproduce them exactly.
pub(crate) fn learn(
    strings: &[&str],
    hex_named: bool,
    stated: &[i64],
    extract: bool,
) -> Vec<(String, u32)> {
    let strings: Vec<&str> = strings
        .iter()
        .copied()
        .filter(|s| !s.is_empty() && s.chars().count() <= 64)
        .collect();
    if strings.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(String, u32)> = Vec::new();
    // An optional leading sign or symbol (`-5` beside `12`): `-?` before what the rest share.
    let lead = strings[0].chars().next().filter(|c| kind(*c).is_none());
    let lead = lead.or_else(|| {
        strings
            .iter()
            .find_map(|s| s.chars().next().filter(|c| kind(*c).is_none()))
    });
    if let Some(p) = lead {
        let some_without = strings.iter().any(|s| !s.starts_with(p));
        let rest: Vec<&str> = strings
            .iter()
            .map(|s| s.strip_prefix(p).unwrap_or(s))
            .collect();
        if some_without && rest.iter().all(|s| !s.is_empty()) {
            if let Some(l) = literal(p) {
                for (pat, cost) in shaped(&rest, hex_named, stated, extract) {
                    out.push((format!("{l}?{pat}"), cost));
                }
            }
        }
    }
    out.extend(shaped(&strings, hex_named, stated, extract));
    // Keep the cheapest of each; drop what cannot be checked or matches nothing given.
    let mut kept: Vec<(String, u32)> = Vec::new();
    for (p, c) in out {
        let Ok(re) = py_regex(&p, true) else { continue };
        if !strings.iter().all(|s| re.is_match(s)) {
            continue;
        }
        match kept.iter_mut().find(|(q, _)| *q == p) {
            Some((_, k)) => *k = (*k).min(c),
            None => kept.push((p, c)),
        }
    }
    kept.sort_by_key(|(_, c)| *c);
    kept
}

/// The skeleton-and-segments candidates of `strings`, and the bag one.
fn shaped(strings: &[&str], hex_named: bool, stated: &[i64], extract: bool) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    let splits: Vec<(Vec<char>, Vec<Vec<char>>)> = strings.iter().map(|s| split(s)).collect();
    let same_skeleton = splits.iter().all(|(k, _)| *k == splits[0].0);
    if same_skeleton {
        let skeleton = &splits[0].0;
        let lits: Option<Vec<String>> = skeleton.iter().map(|&c| literal(c)).collect();
        if let Some(lits) = lits {
            let hex_data = strings
                .iter()
                .flat_map(|s| s.chars())
                .filter(|c| kind(*c).is_some())
                .all(|c| c.is_ascii_hexdigit());
            let digit_lens: Vec<usize> = splits
                .iter()
                .flat_map(|(_, segs)| segs.iter().flat_map(|s| runs(s)))
                .filter(|(k, _)| *k == Kind::Digit)
                .map(|(_, n)| n)
                .collect();
            let digit_span = digit_lens
                .iter()
                .min()
                .zip(digit_lens.iter().max())
                .map(|(a, b)| (*a, *b));
            let (specific, broad) = if extract {
                (GENERAL, SPECIFIC)
            } else {
                (SPECIFIC, GENERAL)
            };
            let mut styles = vec![
                (Style::Specific, specific),
                (Style::Exact, GENERAL),
                (Style::Ranged, GENERAL),
                (Style::Broad, broad),
            ];
            if hex_data {
                styles.insert(1, (Style::Hex, if hex_named { SPECIFIC } else { GENERAL }));
            }
            for (style, cost) in styles {
                let mut pat = String::new();
                for i in 0..=skeleton.len() {
                    let segs: Vec<&[char]> = splits.iter().map(|(_, s)| &s[i][..]).collect();
                    pat.push_str(&segment(&segs, hex_named, digit_span, stated, style));
                    if let Some(l) = lits.get(i) {
                        pat.push_str(l);
                    }
                }
                out.push((pat, cost));
            }
        }
    }
    if let Some(bag) = bagged(strings) {
        out.push((bag, GENERAL));
    }
    out
}

/// Where the strings' punctuation differs (`john.doe@mail.co.uk` beside `ann@site.org`): the
/// punctuation each string has exactly once, in one order, as anchors (`@`), and between them
/// the bag of every character seen (`[\w.]+`), the last separator and what follows it kept
/// where every string ends a part the same way (`[\w.]+\.[a-z]+`).
fn bagged(strings: &[&str]) -> Option<String> {
    let first: Vec<char> = strings.first()?.chars().collect();
    let once = |s: &str, c: char| s.chars().filter(|&d| d == c).count() == 1;
    let mut anchors: Vec<char> = Vec::new();
    for &c in &first {
        if kind(c).is_none() && !anchors.contains(&c) && strings.iter().all(|s| once(s, c)) {
            anchors.push(c);
        }
    }
    // In the same order everywhere.
    let ordered = strings.iter().all(|s| {
        let pos: Vec<usize> = anchors.iter().filter_map(|&a| s.find(a)).collect();
        pos.windows(2).all(|w| w[0] < w[1])
    });
    if !ordered {
        anchors.clear();
    }
    let parts: Vec<Vec<&str>> = strings
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            let mut rest = *s;
            for &a in &anchors {
                let (l, r) = rest.split_once(a).unwrap_or((rest, ""));
                out.push(l);
                rest = r;
            }
            out.push(rest);
            out
        })
        .collect();
    let mut pat = String::new();
    for i in 0..=anchors.len() {
        let segs: Vec<&str> = parts.iter().filter_map(|p| p.get(i).copied()).collect();
        pat.push_str(&bag_segment(&segs)?);
        if let Some(&a) = anchors.get(i) {
            pat.push_str(&literal(a)?);
        }
    }
    Some(pat)
}

/// One part between anchors as a bag of characters, its last separator kept when every
/// string has the same one followed by word characters.
fn bag_segment(segs: &[&str]) -> Option<String> {
    let tail_sep = segs
        .first()
        .and_then(|s| s.chars().rev().find(|c| kind(*c).is_none()));
    if let Some(sep) = tail_sep {
        let split: Option<Vec<(&str, &str)>> = segs
            .iter()
            .map(|s| {
                s.rsplit_once(sep).filter(|(h, t)| {
                    !h.is_empty() && !t.is_empty() && t.chars().all(|c| kind(c).is_some())
                })
            })
            .collect();
        if let Some(split) = split {
            let heads: Vec<&str> = split.iter().map(|(h, _)| *h).collect();
            let tails: Vec<char> = split.iter().flat_map(|(_, t)| t.chars()).collect();
            return Some(format!(
                "{}{}{}+",
                bag(&heads)?,
                literal(sep)?,
                narrowest_class(tails.iter(), false)
            ));
        }
    }
    bag(segs)
}

/// `[\w.+-]+` for the characters of `segs` (`*` if one is empty).
fn bag(segs: &[&str]) -> Option<String> {
    let mut puncts: Vec<char> = segs
        .iter()
        .flat_map(|s| s.chars())
        .filter(|c| kind(*c).is_none())
        .collect();
    puncts.sort_unstable();
    puncts.dedup();
    let words: Vec<char> = segs
        .iter()
        .flat_map(|s| s.chars())
        .filter(|c| kind(*c).is_some())
        .collect();
    let quant = if segs.iter().any(|s| s.is_empty()) {
        "*"
    } else {
        "+"
    };
    if puncts.is_empty() {
        if words.is_empty() {
            return Some(String::new());
        }
        let class = if words.iter().all(char::is_ascii_digit) {
            r"\d"
        } else {
            r"\w"
        };
        return Some(format!("{class}{quant}"));
    }
    let mut class = String::from("[");
    if !words.is_empty() {
        class.push_str(if words.iter().all(char::is_ascii_digit) {
            r"\d"
        } else {
            r"\w"
        });
    }
    for c in puncts {
        class.push_str(&class_literal(c)?);
    }
    class.push(']');
    Some(format!("{class}{quant}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pats(strings: &[&str], hex: bool) -> Vec<String> {
        learn(strings, hex, &[], false)
            .into_iter()
            .map(|(p, _)| p)
            .collect()
    }

    fn cheapest(strings: &[&str], hex: bool) -> String {
        cheapest_of(strings, hex, false)
    }

    fn cheapest_of(strings: &[&str], hex: bool, extract: bool) -> String {
        learn(strings, hex, &[], extract)
            .into_iter()
            .min_by_key(|(_, c)| *c)
            .map(|(p, _)| p)
            .unwrap_or_default()
    }

    fn accepts(pattern: &str, s: &str) -> bool {
        py_regex(pattern, true).is_ok_and(|re| re.is_match(s))
    }

    #[test]
    fn digit_formats_keep_their_lengths_and_separators() {
        assert_eq!(cheapest(&["12345", "90210"], false), r"\d{5}");
        assert_eq!(cheapest(&["555-1234", "867-5309"], false), r"\d{3}-\d{4}");
        assert_eq!(
            cheapest(&["2024-01-31", "1999-12-01"], false),
            r"\d{4}-\d{2}-\d{2}"
        );
        // Lengths that differ: `+` first, the observed range as an alternative.
        let ip = pats(&["192.168.0.1", "10.0.0.255", "8.8.8.8"], false);
        assert_eq!(ip[0], r"\d+\.\d+\.\d+\.\d+");
        assert!(
            ip.contains(&r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}".to_string()),
            "{ip:?}"
        );
    }

    #[test]
    fn letter_runs_generalize_their_length_but_not_their_case() {
        assert_eq!(cheapest(&["Alice", "Bob"], false), "[A-Z][a-z]+");
        assert_eq!(cheapest(&["ab12", "xyz7"], false), r"[a-z]+\d+");
        // A word's length in the examples is no rule unless the description states it.
        assert_eq!(cheapest(&["abcd", "wxyz"], false), "[a-z]+");
        assert_eq!(
            learn(&["abcd", "wxyz"], false, &[4], false)[0].0,
            "[a-z]{4}".to_string()
        );
    }

    #[test]
    fn a_stated_class_and_length_make_a_pattern() {
        let p = |s: &str| stated_class_pattern(s);
        assert_eq!(
            p("check that text looks like a git commit hash: 7 to 40 lowercase hexadecimal characters.")
                .as_deref(),
            Some("[0-9a-f]{7,40}")
        );
        assert_eq!(p("a pin of exactly 6 digits").as_deref(), Some(r"\d{6}"));
        assert_eq!(
            p("a username of at least 3 lowercase letters").as_deref(),
            Some("[a-z]{3,}")
        );
        assert_eq!(
            p("between 8 and 20 letters or digits").as_deref(),
            Some("[a-zA-Z0-9]{8,20}")
        );
        // A count of something else, or no class: nothing.
        assert_eq!(p("the first 3 words"), None);
        assert_eq!(p("at most 5 characters"), None);
    }

    #[test]
    fn hex_digits_when_named_or_as_an_alternative() {
        assert_eq!(cheapest(&["#ff8800", "#1a2b3c"], true), "#[0-9a-fA-F]{6}");
        let plain = pats(&["#ff8800", "#1a2b3c"], false);
        assert!(plain.contains(&"#[0-9a-fA-F]{6}".to_string()), "{plain:?}");
        assert!(accepts(&plain[0], "#ff8800"));
    }

    #[test]
    fn extracted_items_generalize_to_their_class() {
        let items = |xs: &[&str]| cheapest_of(xs, false, true);
        assert_eq!(items(&["#python", "#rust2024", "#ai"]), r"#\w+");
        assert_eq!(items(&["3.14", "2.5", "10.75"]), r"\d+\.\d+");
        assert_eq!(items(&["@ann", "@bob_smith"]), r"@\w+");
        assert_eq!(items(&["-5", "12", "-300"]), r"-?\d+");
        assert_eq!(items(&["v1.2", "v10.0"]), r"v\d+\.\d+");
        assert_eq!(items(&["12px", "3px"]), r"\d+px");
        // A shared initial of names is no literal.
        assert_eq!(cheapest(&["Alice", "Anna"], false), "[A-Z][a-z]+");
        assert_eq!(cheapest(&["AB-1234", "XY-0001"], false), r"[A-Z]+-\d{4}");
        assert_eq!(
            learn(&["AB-1234", "XY-0001"], false, &[2], false)[0].0,
            r"[A-Z]{2}-\d{4}"
        );
        // A validator's positives keep their narrow class first.
        assert_eq!(cheapest(&["#python", "#rust2024"], false), "#[a-z0-9]+");
    }

    #[test]
    fn differing_punctuation_becomes_a_bag_around_the_anchors() {
        let p = pats(&["john.doe@mail.co.uk", "ann@site.org", "x+y@a.io"], false);
        let email = p.last().cloned().unwrap_or_default();
        assert_eq!(email, r"[\w+.]+@[\w.]+\.[a-z]+");
        assert!(accepts(&email, "first.last@example.com"));
        assert!(!accepts(&email, "no-at-sign.com"));
        assert!(!accepts(&email, "user@localhost"));
    }

    #[test]
    fn items_without_their_marker_take_a_group() {
        let ins: Vec<Vec<PyVal>> = ["Loving #python and #rust", "#monday"]
            .iter()
            .map(|s| vec![PyVal::str(s)])
            .collect();
        let outs = [
            PyVal::list(vec![PyVal::str("python"), PyVal::str("rust")]),
            PyVal::list(vec![PyVal::str("monday")]),
        ];
        let leaves = pattern_leaves("Return the tags.", &[Ty::Str], &ins, &outs);
        assert!(
            leaves
                .iter()
                .any(|c| matches!(&c.value, PyVal::Str(p) if &**p == r"#(\w+)")),
            "{leaves:?}"
        );
        let ins: Vec<Vec<PyVal>> = ["up 12% and 3%"]
            .iter()
            .map(|s| vec![PyVal::str(s)])
            .collect();
        let outs = [PyVal::list(vec![PyVal::str("12"), PyVal::str("3")])];
        let leaves = pattern_leaves("Return the percentages.", &[Ty::Str], &ins, &outs);
        assert!(
            leaves
                .iter()
                .any(|c| matches!(&c.value, PyVal::Str(p) if &**p == r"(\d+)%")),
            "{leaves:?}"
        );
    }

    #[test]
    fn every_candidate_accepts_every_string_it_came_from() {
        let strings = ["A-12_x", "B-7_yz", "C-345_w"];
        let found = pats(&strings, false);
        assert!(!found.is_empty());
        for p in &found {
            for s in strings {
                assert!(accepts(p, s), "{p} rejects {s}");
            }
        }
        // Quotes never reach a raw string.
        assert!(pats(&["it's", "can't"], false).is_empty());
    }

    #[test]
    fn leaves_come_from_positives_and_the_named_vocabulary() {
        let ins =
            |xs: &[&str]| -> Vec<Vec<PyVal>> { xs.iter().map(|s| vec![PyVal::str(s)]).collect() };
        let outs = [true, false, true, false].map(PyVal::Bool);
        let leaves = pattern_leaves(
            "Return True if the code is a 5 digit zip code.\nis_zip_code",
            &[Ty::Str],
            &ins(&["12345", "1234", "90210", "abcde"]),
            &outs,
        );
        let has = |p: &str, cost: u32| {
            leaves
                .iter()
                .any(|c| matches!(&c.value, PyVal::Str(s) if **s == *p) && c.cost == cost)
        };
        assert!(has(r"\d{5}", 1), "{leaves:?}");
        assert!(has(r"\d+", 3), "{leaves:?}");
        assert!(leaves.iter().all(|c| c.ty == Ty::Pattern));
        // Nothing for results that are neither bools nor lists of strings.
        assert!(pattern_leaves("zip", &[Ty::Str], &ins(&["1"]), &[PyVal::Int(1)]).is_empty());
    }
}
