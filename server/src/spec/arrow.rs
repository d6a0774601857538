//! Example lines of the form `f(1, 2) -> 3`, `f(1, 2) == 3`, `f(1, 2) => 3`, `f(1, 2) ➞ 3` or
//! `f(1, 2) → 3` (written as `#` comments, or as lines in a docstring), split at the top-level
//! operator. The string and bracket scanners here are shared with [`super::prose`].

/// Where the parts of an arrow example lie in the text that was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArrowExample {
    /// Byte range of the call (`f(1, 2)`).
    pub call: (usize, usize),
    /// Byte range of the expected expression (`3`).
    pub expected: (usize, usize),
}

/// The arrows written as one character (Edabit's `➞`, and `→`), besides the ASCII `->`, `=>`
/// and `==`.
pub(crate) const UNICODE_ARROWS: [&str; 2] = ["➞", "→"];

/// Scans Python-ish text, skipping strings and bracketed parts, and returns the byte range of
/// the first top-level `->`, `=>`, `==`, `➞` or `→`.
pub fn find_top_level_arrow(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'\'' | b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'#' => return None,
            0xE2 if depth == 0 => {
                if let Some(arrow) = UNICODE_ARROWS
                    .iter()
                    .find(|a| bytes[i..].starts_with(a.as_bytes()))
                {
                    return Some((i, i + arrow.len()));
                }
            }
            b'-' | b'=' if depth == 0 => {
                let next = bytes.get(i + 1).copied();
                let prev = i.checked_sub(1).map(|p| bytes[p]);
                let is_op = match (bytes[i], next) {
                    (b'-', Some(b'>')) | (b'=', Some(b'>')) => true,
                    (b'=', Some(b'=')) => !matches!(prev, Some(b'<' | b'>' | b'!' | b'=')),
                    _ => false,
                };
                if is_op {
                    return Some((i, i + 2));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Returns the index just past the string literal starting at `i` (a quote byte). A prefix
/// like `r` is just an identifier character before it and needs no special care, except that
/// raw strings keep backslashes; treating `\` as an escape inside them is harmless for
/// finding the end except for a raw string ending in a backslash, which Python forbids anyway.
pub(crate) fn skip_string(bytes: &[u8], i: usize) -> usize {
    let q = bytes[i];
    let triple = bytes.get(i + 1) == Some(&q) && bytes.get(i + 2) == Some(&q);
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < bytes.len() {
        if bytes[j] == b'\\' {
            j += 2;
            continue;
        }
        if bytes[j] == q {
            if !triple {
                return j + 1;
            }
            if bytes.get(j + 1) == Some(&q) && bytes.get(j + 2) == Some(&q) {
                return j + 3;
            }
        }
        if !triple && bytes[j] == b'\n' {
            return j;
        }
        j += 1;
    }
    bytes.len()
}

/// Length of `text` before a trailing `#` comment (outside strings).
pub(crate) fn code_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'#' => return i,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Index just past the bracket matching the `(` at `open`, skipping strings.
pub(crate) fn matching_paren(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'\'' | b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Parses `text` (a comment's content without `#`) as an example of function `name`: the left
/// side must be one direct call `name(...)` (for methods also `obj.name(...)`), the right side
/// non-empty.
pub fn parse_arrow_example(text: &str, name: &str, method: bool) -> Option<ArrowExample> {
    let (op_start, op_end) = find_top_level_arrow(text)?;
    let left = &text[..op_start];
    let call_start = left.len() - left.trim_start().len();
    let call_end = call_start + left[call_start..].trim_end().len();
    let call = &text[call_start..call_end];
    let after_name = if let Some(rest) = call.strip_prefix(name) {
        rest
    } else if method {
        let dot = call.find(&format!(".{name}"))?;
        let receiver = &call[..dot];
        if receiver.is_empty()
            || !receiver
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        {
            return None;
        }
        &call[dot + 1 + name.len()..]
    } else {
        return None;
    };
    let paren_rel = after_name.len() - after_name.trim_start().len();
    if !after_name[paren_rel..].starts_with('(') {
        return None;
    }
    let open = call.len() - after_name.len() + paren_rel;
    let close = matching_paren(call.as_bytes(), open)?;
    if close != call.len() {
        return None;
    }
    let right = &text[op_end..op_end + code_end(&text[op_end..])];
    let exp_start = op_end + (right.len() - right.trim_start().len());
    let exp_end = op_end + right.trim_end().len();
    if exp_start >= exp_end {
        return None;
    }
    Some(ArrowExample {
        call: (call_start, call_end),
        expected: (exp_start, exp_end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, name: &str) -> Option<(String, String)> {
        let a = parse_arrow_example(text, name, false)?;
        Some((
            text[a.call.0..a.call.1].to_string(),
            text[a.expected.0..a.expected.1].to_string(),
        ))
    }

    #[test]
    fn three_operators() {
        let want = Some(("f(1, 2)".to_string(), "3".to_string()));
        assert_eq!(parts(" f(1, 2) -> 3", "f"), want);
        assert_eq!(parts("f(1, 2) == 3 ", "f"), want);
        assert_eq!(parts("f(1, 2)=>3", "f"), want);
        assert_eq!(parts("f(1, 2) ➞ 3", "f"), want);
        assert_eq!(parts("f(1, 2)→3", "f"), want);
    }

    #[test]
    fn unicode_arrows_inside_strings_are_text() {
        assert_eq!(
            parts("f('a➞b') ➞ 'a→b'", "f"),
            Some(("f('a➞b')".into(), "'a→b'".into()))
        );
        // Other characters that start with the same UTF-8 byte are not arrows.
        assert_eq!(parts("f(1) … 3", "f"), None);
    }

    #[test]
    fn strings_and_nesting_hide_operators() {
        assert_eq!(
            parts("f('a->b', [x == 1]) -> 'c == d'", "f"),
            Some(("f('a->b', [x == 1])".into(), "'c == d'".into()))
        );
        assert_eq!(
            parts("f(\"->\")->\"x\"", "f"),
            Some(("f(\"->\")".into(), "\"x\"".into()))
        );
        assert_eq!(
            parts("f(1) -> '#'  # trailing note", "f"),
            Some(("f(1)".into(), "'#'".into()))
        );
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(parts("g(1) -> 3", "f"), None);
        assert_eq!(parts("fx(1) -> 3", "f"), None);
        assert_eq!(parts("f(1) + 1 -> 3", "f"), None);
        assert_eq!(parts("f(1) ->", "f"), None);
        assert_eq!(parts("f(1) >= 3", "f"), None);
        assert_eq!(parts("returns f(1)", "f"), None);
        // Nothing (or only spaces) before the operator: `# ====` banners.
        assert_eq!(parts(" ===============", "f"), None);
        assert_eq!(parts("-> 1", "f"), None);
        assert!(parse_arrow_example("  == x", "f", true).is_none());
        assert!(parse_arrow_example("obj.m(1) -> 2", "m", true).is_some());
        assert!(parse_arrow_example("obj.m(1) -> 2", "m", false).is_none());
    }
}
