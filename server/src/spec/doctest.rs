//! Doctest blocks (`>>> ` prompts, `... ` continuations, expected output) in a docstring's
//! cleaned text, parsed as Python's `doctest` module does.

/// One `>>>` example found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoctestBlock {
    /// The source with prompts removed, lines joined by `\n`.
    pub source: String,
    /// Expected output without the trailing newline; `<BLANKLINE>` lines become empty.
    pub want: String,
    /// For a `Traceback` expectation: the exception message (`ValueError: bad`).
    pub exception: Option<String>,
    /// Option directives (`+ELLIPSIS`, `-NORMALIZE_WHITESPACE`, …).
    pub directives: Vec<String>,
    /// Byte range in the text: from `>>>` to the end of the last output (or source) line.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Byte range of the source part only (prompt lines).
    pub source_end: usize,
    /// Index of the first and one past the last line the block covers (`text.split('\n')`).
    pub lines: (usize, usize),
    /// The source is one blank or comment-only line (`>>>` alone, `>>> # note`): doctest runs
    /// nothing for it, so it is no example (its lines still belong to the examples).
    pub blank_or_comment: bool,
}

/// Lines of `text` split at `\n`, as byte ranges.
pub fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out
}

fn leading_spaces(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

fn is_prompt(line: &str) -> Option<usize> {
    let indent = leading_spaces(line);
    let rest = &line[indent..];
    let after = rest.strip_prefix(">>>")?;
    (after.is_empty() || after.starts_with(' ')).then_some(indent)
}

/// Every doctest example in `text`, in order.
pub fn parse_doctests(text: &str) -> Vec<DoctestBlock> {
    let lines = line_ranges(text);
    let line = |k: usize| &text[lines[k].0..lines[k].1];
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let Some(indent) = is_prompt(line(k)) else {
            k += 1;
            continue;
        };
        let first = k;
        let mut source_lines = vec![strip_prompt(&line(k)[indent..])];
        k += 1;
        while k < lines.len() {
            let l = line(k);
            let trimmed = l.trim_start_matches(' ');
            match trimmed.strip_prefix("...") {
                Some(after) if after.is_empty() || after.starts_with(' ') => {
                    source_lines.push(after.strip_prefix(' ').unwrap_or(after));
                    k += 1;
                }
                _ => break,
            }
        }
        let source_last = k;
        let mut want_lines: Vec<&str> = Vec::new();
        while k < lines.len() {
            let l = line(k);
            if l.trim_matches(' ').is_empty() || is_prompt(l).is_some() {
                break;
            }
            let strip = leading_spaces(l).min(indent);
            want_lines.push(&l[strip..]);
            k += 1;
        }
        // Trailing empty `...` lines end compound statements; they are not source.
        let source = source_lines.join("\n").trim_end_matches('\n').to_string();
        let blank_or_comment = !source.contains('\n') && {
            let t = source.trim_start_matches(' ');
            t.is_empty() || t.starts_with('#')
        };
        let want: Vec<String> = want_lines
            .iter()
            .map(|l| {
                if l.trim_end().strip_prefix("<BLANKLINE>") == Some("") {
                    String::new()
                } else {
                    (*l).to_string()
                }
            })
            .collect();
        let want = want.join("\n");
        let exception = exception_message(&want_lines);
        let directives = directives(&source);
        out.push(DoctestBlock {
            source,
            want,
            exception,
            directives,
            start: lines[first].0 + indent,
            end: lines[k - 1].1,
            source_end: lines[source_last - 1].1,
            lines: (first, k),
            blank_or_comment,
        });
    }
    out
}

fn strip_prompt(line: &str) -> &str {
    let after = line.strip_prefix(">>>").unwrap_or(line);
    after.strip_prefix(' ').unwrap_or(after)
}

/// Doctest's exception rule: a want starting with a `Traceback (...)` header expects an
/// exception whose message starts at the first later line beginning with a word character.
fn exception_message(want: &[&str]) -> Option<String> {
    let header = want.first()?.trim_end();
    if header != "Traceback (most recent call last):" && header != "Traceback (innermost last):" {
        return None;
    }
    let start = want[1..].iter().position(|l| {
        l.chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })?;
    let msg = want[1 + start..].join("\n");
    Some(msg.trim_end().to_string())
}

/// `# doctest: +OPT, -OPT` directives in an example's source.
fn directives(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let Some(hash) = line.find('#') else { continue };
        let comment = line[hash + 1..].trim_start();
        let Some(rest) = comment.strip_prefix("doctest:") else {
            continue;
        };
        if rest.contains(['\'', '"']) {
            continue;
        }
        out.extend(
            rest.replace(',', " ")
                .split_whitespace()
                .filter(|o| o.starts_with('+') || o.starts_with('-'))
                .map(str::to_string),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_and_multiline() {
        let text =
            "Adds.\n\n>>> add(1, 2)\n3\n>>> for i in range(2):\n...     print(i)\n0\n1\n\nMore.";
        let blocks = parse_doctests(text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].source, "add(1, 2)");
        assert_eq!(blocks[0].want, "3");
        assert_eq!(&text[blocks[0].start..blocks[0].end], ">>> add(1, 2)\n3");
        assert_eq!(blocks[1].source, "for i in range(2):\n    print(i)");
        assert_eq!(blocks[1].want, "0\n1");
    }

    #[test]
    fn indented_blankline_traceback_directives() {
        let text = "Examples:\n    >>> f(0)  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE\n    a\n    <BLANKLINE>\n      b\n    >>> f(-1)\n    Traceback (most recent call last):\n      ...\n    ValueError: bad\n    >>> x = 1\n";
        let blocks = parse_doctests(text);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].want, "a\n\n  b");
        assert_eq!(
            blocks[0].directives,
            vec!["+ELLIPSIS", "+NORMALIZE_WHITESPACE"]
        );
        assert_eq!(blocks[1].exception.as_deref(), Some("ValueError: bad"));
        assert_eq!(blocks[2].want, "");
        assert_eq!(blocks[2].exception, None);
    }

    #[test]
    fn blank_and_comment_prompts_are_not_examples() {
        let blocks = parse_doctests(">>> f(1)\n>>> # note\n>>>\n>>> def g():\n...     pass\n...\n");
        let flags: Vec<bool> = blocks.iter().map(|b| b.blank_or_comment).collect();
        assert_eq!(flags, vec![false, true, true, false]);
        assert_eq!(blocks[3].source, "def g():\n    pass");
    }

    #[test]
    fn prompt_needs_space() {
        assert!(parse_doctests(">>>x\n").is_empty());
        assert_eq!(parse_doctests(">>>\n").len(), 1);
    }
}
