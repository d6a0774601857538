//! Docstrings: recognising the literal, decoding its value, `inspect.cleandoc`, and the prose
//! that remains once the examples are taken out.

use super::literal::decode_string_literal;
use super::mapped::MappedText;
use super::signature::node_text;
use tree_sitter::Node;

/// If `stmt` (a body's first statement) is a docstring, its decoded value, mapped to the
/// source. Bytes literals and f-strings are not docstrings, as in Python.
pub fn docstring_value(stmt: Node, src: &str) -> Option<MappedText> {
    if stmt.kind() != "expression_statement" {
        return None;
    }
    let mut cursor = stmt.walk();
    let mut exprs = stmt
        .named_children(&mut cursor)
        .filter(|n| n.kind() != "comment");
    let expr = exprs.next()?;
    if exprs.next().is_some() {
        return None;
    }
    let parts: Vec<Node> = match expr.kind() {
        "string" => vec![expr],
        "concatenated_string" => {
            let mut c2 = expr.walk();
            expr.named_children(&mut c2)
                .filter(|n| n.kind() == "string")
                .collect()
        }
        _ => return None,
    };
    let mut value = MappedText::empty_at(expr.start_byte());
    for part in parts {
        let decoded = decode_string_literal(node_text(part, src), part.start_byte());
        if decoded.token.is_bytes() || decoded.token.is_formatted() {
            return None;
        }
        value.append(&decoded.value);
    }
    Some(value)
}

fn is_examples_header(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches('*')
        .trim_end_matches(':')
        .trim_end();
    let lower = t.to_ascii_lowercase();
    // `Example 1:` (LeetCode numbers its examples).
    let unnumbered = lower
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    let numbered = unnumbered.len() < lower.len();
    matches!(
        lower.as_str(),
        "example" | "examples" | "doctest" | "doctests" | "usage"
    ) || (numbered && matches!(unnumbered, "example" | "examples"))
}

fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'-' || b == b'=')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The cleaned docstring without the lines flagged in `removed` (examples), without section
/// headers (`Examples:`, NumPy `Examples` + `--------`) left empty, with runs of blank lines
/// collapsed and trailing blank lines dropped.
pub fn prose_without(cleaned: &str, removed: &[bool]) -> String {
    let lines: Vec<&str> = cleaned.split('\n').collect();
    let mut keep: Vec<bool> = (0..lines.len())
        .map(|k| !removed.get(k).copied().unwrap_or(false))
        .collect();
    // Did a header lose lines? Only then may it be dropped (a header with nothing under it in
    // the original stays: it is the user's text).
    for k in 0..lines.len() {
        if !keep[k] || !is_examples_header(lines[k]) {
            continue;
        }
        let mut body_start = k + 1;
        if body_start < lines.len() && is_underline(lines[body_start]) {
            body_start += 1;
        }
        let header_indent = indent_of(lines[k]);
        let mut lost = false;
        let mut has_content = false;
        let mut j = body_start;
        while j < lines.len() {
            let l = lines[j];
            if !l.trim().is_empty() && indent_of(l) <= header_indent && keep[j] {
                // Next section (NumPy sections are not indented: stop at a header-like line).
                if (j + 1 < lines.len() && is_underline(lines[j + 1]))
                    || l.trim_end().ends_with(':')
                    || indent_of(l) < header_indent
                {
                    break;
                }
            }
            if !keep[j] {
                lost = true;
            } else if !l.trim().is_empty() {
                has_content = true;
            }
            j += 1;
        }
        if lost && !has_content {
            for flag in keep.iter_mut().take(body_start).skip(k) {
                *flag = false;
            }
        }
    }
    let mut out: Vec<&str> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if !keep[k] {
            continue;
        }
        if l.trim().is_empty() && out.last().is_none_or(|p| p.trim().is_empty()) {
            continue;
        }
        out.push(l);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_emptied_sections() {
        let doc = "Add numbers.\n\nExamples:\n    >>> add(1, 2)\n    3\n\nReturns:\n    the sum";
        let removed = [false, false, false, true, true, false, false, false];
        assert_eq!(
            prose_without(doc, &removed),
            "Add numbers.\n\nReturns:\n    the sum"
        );
        let leetcode =
            "Sum.\n\n**Example 1:**\nInput: [1]\nOutput: 1\n\nExample 2:\nInput: []\nOutput: 0";
        let removed = [false, false, false, true, true, false, false, true, true];
        assert_eq!(prose_without(leetcode, &removed), "Sum.");
        let numpy = "Add.\n\nExamples\n--------\n>>> add(1, 2)\n3";
        let removed = [false, false, false, false, true, true];
        assert_eq!(prose_without(numpy, &removed), "Add.");
    }
}
