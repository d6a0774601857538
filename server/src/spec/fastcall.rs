//! A fast path for the commonest example source: one direct call `name(...)` whose arguments
//! are literals, names, and lists/tuples/dicts/sets of them. It answers only when the snippet
//! is certainly in that subset (which is valid Python with unambiguous argument boundaries);
//! otherwise it says "don't know" and the caller parses with tree-sitter. A property test
//! checks that its answers equal tree-sitter's.

use super::ExampleCall;

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Deeper bracket nesting is left to tree-sitter (whose parser does not recurse).
const MAX_NESTING: usize = 64;

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Skips spaces (and newlines when `newlines`, i.e. inside brackets).
    fn ws(&mut self, newlines: bool) {
        while let Some(b) = self.peek() {
            if b == b' ' || b == b'\t' || (newlines && b == b'\n') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    /// An ASCII identifier (non-ASCII names go to tree-sitter).
    fn name(&mut self) -> Option<&'a str> {
        let start = self.i;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => self.i += 1,
            _ => return None,
        }
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()
    }

    fn number(&mut self) -> Option<()> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        {
            // An exponent sign: `1e-5`.
            let b = self.s[self.i];
            self.i += 1;
            if (b == b'e' || b == b'E')
                && self.s[start..self.i]
                    .iter()
                    .all(|c| !c.is_ascii_alphabetic() || *c == b'e' || *c == b'E')
                && matches!(self.peek(), Some(b'-' | b'+'))
            {
                self.i += 1;
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let ok = if text.contains(['x', 'X', 'o', 'O', 'b', 'B']) && text.starts_with('0') {
            let digits = &clean[2.min(clean.len())..];
            let radix = match clean.as_bytes().get(1) {
                Some(b'x' | b'X') => 16,
                Some(b'o' | b'O') => 8,
                Some(b'b' | b'B') => 2,
                _ => return None,
            };
            !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix))
        } else if clean.chars().all(|c| c.is_ascii_digit()) {
            // Decimal integers: no leading zeros except for zero itself.
            !clean.is_empty() && (!clean.starts_with('0') || clean.chars().all(|c| c == '0'))
        } else {
            clean.parse::<f64>().is_ok()
                && !clean.contains("inf")
                && !clean.contains("nan")
                && clean.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        };
        // Underscores must sit between digits (`0_1e_3` is not a number: `e_`), or right after
        // a base prefix (`0x_ff`).
        let bytes = text.as_bytes();
        let radix_lit = bytes.len() > 1
            && bytes[0] == b'0'
            && matches!(bytes[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B');
        let digit = |b: u8| {
            if radix_lit {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        };
        let underscores_ok = bytes.iter().enumerate().all(|(i, &b)| {
            b != b'_'
                || (i > 0
                    && (digit(bytes[i - 1]) || radix_lit && i == 2)
                    && bytes.get(i + 1).is_some_and(|&n| digit(n)))
        });
        (ok && underscores_ok).then_some(())
    }

    /// A one-line string literal with an optional `r`/`u`/`b` prefix (not f-strings, not
    /// triple-quoted).
    fn string(&mut self) -> Option<()> {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            self.i += 1;
        }
        let prefix = &self.s[start..self.i];
        let prefix_ok = matches!(
            prefix.to_ascii_lowercase().as_slice(),
            b"" | b"r" | b"u" | b"b" | b"br" | b"rb"
        );
        let q = self.peek()?;
        if !prefix_ok || (q != b'\'' && q != b'"') {
            return None;
        }
        if self.s.get(self.i + 1) == Some(&q) && self.s.get(self.i + 2) == Some(&q) {
            return None;
        }
        self.i += 1;
        loop {
            match self.peek()? {
                b'\\' => {
                    if self
                        .s
                        .get(self.i + 1)
                        .is_none_or(|&c| c == b'\n' || c == b'\r')
                    {
                        return None;
                    }
                    self.i += 2;
                }
                b'\n' | b'\r' => return None,
                c if c == q => {
                    self.i += 1;
                    return Some(());
                }
                _ => self.i += 1,
            }
        }
    }

    /// `['-'|'+'] atom`, or `None` when outside the subset.
    fn expr(&mut self) -> Option<()> {
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.i += 1;
            self.ws(true);
            if !self.peek().is_some_and(|b| b.is_ascii_digit() || b == b'.') {
                return None;
            }
        }
        self.atom()
    }

    fn atom(&mut self) -> Option<()> {
        let b = self.peek()?;
        match b {
            b'0'..=b'9' | b'.' => self.number(),
            b'\'' | b'"' => self.strings(),
            b'[' | b'(' | b'{' => self.bracket(b),
            _ if b.is_ascii_alphabetic() || b == b'_' => {
                let save = self.i;
                let word = self.name()?;
                if matches!(self.peek(), Some(b'\'' | b'"')) {
                    self.i = save;
                    return self.strings();
                }
                (!KEYWORDS.contains(&word)).then_some(())
            }
            _ => None,
        }
    }

    /// One or more adjacent string literals (implicit concatenation on one line).
    fn strings(&mut self) -> Option<()> {
        self.string()?;
        loop {
            let save = self.i;
            self.ws(true);
            match self.peek() {
                Some(b'\'' | b'"') => self.string()?,
                Some(b) if b.is_ascii_alphabetic() => {
                    // A prefixed string continues the concatenation; a name does not.
                    let mut j = self.i;
                    while self.s.get(j).is_some_and(|c| c.is_ascii_alphabetic()) {
                        j += 1;
                    }
                    if matches!(self.s.get(j), Some(b'\'' | b'"')) {
                        self.string()?;
                    } else {
                        self.i = save;
                        return Some(());
                    }
                }
                _ => {
                    self.i = save;
                    return Some(());
                }
            }
        }
    }

    /// `[a, b]`, `(a, b)`, `{a, b}` or `{k: v}` with optional trailing comma.
    fn bracket(&mut self, open: u8) -> Option<()> {
        let close = match open {
            b'[' => b']',
            b'(' => b')',
            _ => b'}',
        };
        if self.depth >= MAX_NESTING {
            return None;
        }
        self.depth += 1;
        let result = self.bracket_items(open, close);
        self.depth -= 1;
        result
    }

    fn bracket_items(&mut self, open: u8, close: u8) -> Option<()> {
        self.i += 1;
        self.ws(true);
        if self.peek() == Some(close) {
            self.i += 1;
            return Some(());
        }
        let mut dict: Option<bool> = None;
        loop {
            self.expr()?;
            self.ws(true);
            if open == b'{' {
                let is_pair = self.peek() == Some(b':');
                if *dict.get_or_insert(is_pair) != is_pair {
                    return None;
                }
                if is_pair {
                    self.i += 1;
                    self.ws(true);
                    self.expr()?;
                    self.ws(true);
                }
            }
            match self.peek()? {
                b',' => {
                    self.i += 1;
                    self.ws(true);
                    if self.peek() == Some(close) {
                        self.i += 1;
                        return Some(());
                    }
                }
                c if c == close => {
                    self.i += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

/// `Some(answer)` when `snippet` is certainly a call in the simple subset (`answer` is then
/// what tree-sitter would give); `None` when the caller must parse it.
pub fn fast_example_call(snippet: &str, name: &str, method: bool) -> Option<Option<ExampleCall>> {
    if method || !snippet.is_ascii() {
        return None;
    }
    let mut sc = Scanner {
        s: snippet.as_bytes(),
        i: 0,
        depth: 0,
    };
    let callee = sc.name()?;
    if callee != name {
        return None;
    }
    sc.ws(false);
    if sc.peek() != Some(b'(') {
        return None;
    }
    sc.i += 1;
    let mut call = ExampleCall {
        args: Vec::new(),
        kwargs: Vec::new(),
    };
    sc.ws(true);
    if sc.peek() != Some(b')') {
        loop {
            // `key=value`?
            let save = sc.i;
            let mut key = None;
            if let Some(word) = sc.name() {
                sc.ws(true);
                if sc.peek() == Some(b'=') && sc.s.get(sc.i + 1) != Some(&b'=') {
                    if KEYWORDS.contains(&word) || matches!(word, "True" | "False" | "None") {
                        return None;
                    }
                    sc.i += 1;
                    sc.ws(true);
                    key = Some(word);
                } else {
                    sc.i = save;
                }
            } else {
                sc.i = save;
            }
            if key.is_none() && !call.kwargs.is_empty() {
                // A positional argument after a keyword one is a syntax error.
                return None;
            }
            let start = sc.i;
            sc.expr()?;
            let value = std::str::from_utf8(&sc.s[start..sc.i]).ok()?.to_string();
            match key {
                Some(k) => {
                    if call.kwargs.iter().any(|(n, _)| n == k) {
                        return None;
                    }
                    call.kwargs.push((k.to_string(), value));
                }
                None => call.args.push(value),
            }
            sc.ws(true);
            match sc.peek()? {
                b',' => {
                    sc.i += 1;
                    sc.ws(true);
                    if sc.peek() == Some(b')') {
                        break;
                    }
                }
                b')' => break,
                _ => return None,
            }
        }
    }
    sc.i += 1; // the closing parenthesis
    sc.ws(false);
    (sc.i == sc.s.len()).then_some(Some(call))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::calls::example_call_in_snippet;
    use proptest::prelude::*;

    fn agree(snippet: &str) {
        if let Some(fast) = fast_example_call(snippet, "f", false) {
            assert_eq!(
                fast,
                example_call_in_snippet(snippet, "f", false),
                "{snippet:?}"
            );
        }
    }

    #[test]
    fn common_calls_take_the_fast_path() {
        for s in [
            "f(1, 2)",
            "f()",
            "f(x=1)",
            "f('a', b\"c\", [1, (2,)], {'k': -3.5e-2}, {1, 2})",
            "f(0x1F, 1_000, .5, 5., True, None)",
            "f(\n    1,\n    2,\n)",
            "f('a' 'b')",
            "f(r'\\d', u'x')",
        ] {
            assert!(fast_example_call(s, "f", false).is_some(), "{s}");
            agree(s);
        }
    }

    #[test]
    fn deep_nesting_is_left_to_tree_sitter() {
        let deep = format!("f({}1{})", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(fast_example_call(&deep, "f", false), None);
        let ok = format!("f({}1{})", "[".repeat(10), "]".repeat(10));
        assert!(fast_example_call(&ok, "f", false).is_some());
    }

    #[test]
    fn unsure_snippets_are_left_to_tree_sitter() {
        for s in [
            "f(1) + 1",
            "g(1)",
            "f(x for x in y)",
            "f(*a)",
            "f(a.b)",
            "f(g(1))",
            "f('''x''')",
            "f(f'{x}')",
            "f(1,,)",
            "f(x=1, 2)",
            "f(007)",
            "f(1 2)",
            "f(lambda: 1)",
            "f(1e)",
            "f(1__0)",
            "f('a)",
            "f(é)",
            "f(not x)",
            "f(x=1, x=2)",
            "f(-'a')",
        ] {
            agree(s);
        }
    }

    proptest! {
        /// Whatever the fast path answers equals tree-sitter's answer.
        #[test]
        fn fast_path_agrees_with_tree_sitter(
            args in proptest::collection::vec("[-+]?([0-9_.eExob]{1,6}|'[a-z\\\\' ]{0,4}'|\"[a-z ]{0,3}\"|[a-z_]{1,4}|\\[[0-9, ]{0,6}\\]|\\([0-9, ]{0,5}\\)|\\{[0-9a-z:', ]{0,8}\\})", 0..4),
            keys in proptest::collection::vec(proptest::option::of("[a-z]{1,3}"), 0..4),
            seps in "[ ,\\n]{0,2}",
        ) {
            let mut parts = Vec::new();
            for (i, a) in args.iter().enumerate() {
                match keys.get(i).cloned().flatten() {
                    Some(k) => parts.push(format!("{k}={a}")),
                    None => parts.push(a.clone()),
                }
            }
            let snippet = format!("f({}{})", parts.join(", "), seps);
            agree(&snippet);
        }
    }
}
