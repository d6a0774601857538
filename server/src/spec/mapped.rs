//! Text derived from source code (string values, cleaned docstrings) that remembers, for every
//! byte, which source bytes produced it, so examples found in it map back to file positions.

/// A string plus, for each of its bytes, the source byte span of the character it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    spans: Vec<(usize, usize)>,
    /// Source offset just past the last character (used for empty ranges at the end).
    end: usize,
}

impl MappedText {
    /// An empty text whose end maps to source offset `end`.
    pub fn empty_at(end: usize) -> Self {
        Self {
            text: String::new(),
            spans: Vec::new(),
            end,
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `c`, produced by source bytes `start..end`.
    pub fn push(&mut self, c: char, start: usize, end: usize) {
        let n = c.len_utf8();
        self.text.push(c);
        for _ in 0..n {
            self.spans.push((start, end));
        }
        self.end = end;
    }

    /// Appends bytes `a..b` of `other` with their mapping.
    pub fn push_slice(&mut self, other: &MappedText, a: usize, b: usize) {
        if a >= b {
            return;
        }
        self.text.push_str(&other.text[a..b]);
        self.spans.extend_from_slice(&other.spans[a..b]);
        self.end = other.spans[b - 1].1;
    }

    /// Appends all of `other`.
    pub fn append(&mut self, other: &MappedText) {
        self.push_slice(other, 0, other.len());
        if other.is_empty() {
            self.end = other.end;
        }
    }

    /// Source offset where the character at text byte `i` starts (`i == len`: the end).
    pub fn source_start(&self, i: usize) -> usize {
        match self.spans.get(i) {
            Some(&(s, _)) => s,
            None => self.end,
        }
    }

    /// Source offset where text bytes `..i` end (exclusive end of a range ending at `i`).
    pub fn source_end(&self, i: usize) -> usize {
        if i == 0 {
            return self.source_start(0);
        }
        match self.spans.get(i - 1) {
            Some(&(_, e)) => e,
            None => self.end,
        }
    }

    /// Source byte span of text bytes `a..b`.
    pub fn source_span(&self, a: usize, b: usize) -> (usize, usize) {
        if b <= a {
            let s = self.source_start(a);
            return (s, s);
        }
        (self.source_start(a), self.source_end(b))
    }

    /// Python's `str.expandtabs()` (tab size 8), keeping the mapping.
    pub fn expand_tabs(&self) -> MappedText {
        if !self.text.contains('\t') {
            return self.clone();
        }
        let mut out = MappedText::empty_at(self.end);
        let mut col = 0usize;
        for (i, c) in self.text.char_indices() {
            let (s, e) = self.spans[i];
            match c {
                '\t' => {
                    let n = 8 - col % 8;
                    for _ in 0..n {
                        out.push(' ', s, e);
                    }
                    col += n;
                }
                '\n' | '\r' => {
                    out.push(c, s, e);
                    col = 0;
                }
                _ => {
                    out.push(c, s, e);
                    col += 1;
                }
            }
        }
        out.end = self.end;
        out
    }

    /// Byte ranges of the lines of the text split at `\n` (like Python's `split('\n')`).
    pub fn line_ranges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, b) in self.text.bytes().enumerate() {
            if b == b'\n' {
                out.push((start, i));
                start = i + 1;
            }
        }
        out.push((start, self.text.len()));
        out
    }
}

/// Python's `str.isspace()` for one character.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `inspect.cleandoc`, keeping the mapping of every remaining byte.
pub fn cleandoc(doc: &MappedText) -> MappedText {
    let expanded = doc.expand_tabs();
    let text = expanded.as_str();
    let mut lines: Vec<(usize, usize)> = expanded.line_ranges();
    // Minimum indentation (in characters) of non-blank lines after the first.
    let mut margin = usize::MAX;
    for &(a, b) in lines.iter().skip(1) {
        let line = &text[a..b];
        let content = line.trim_start_matches(is_py_space);
        if !content.is_empty() {
            let indent = line[..line.len() - content.len()].chars().count();
            margin = margin.min(indent);
        }
    }
    if let Some(first) = lines.first_mut() {
        let line = &text[first.0..first.1];
        let stripped = line.trim_start_matches(is_py_space);
        first.0 += line.len() - stripped.len();
    }
    if margin < usize::MAX {
        for line in lines.iter_mut().skip(1) {
            let s = &text[line.0..line.1];
            let cut: usize = s.chars().take(margin).map(char::len_utf8).sum();
            line.0 += cut;
        }
    }
    while lines.last().is_some_and(|&(a, b)| a == b) {
        lines.pop();
    }
    let leading = lines.iter().take_while(|&&(a, b)| a == b).count();
    lines.drain(..leading);
    let mut out = MappedText::empty_at(doc.end);
    for (k, &(a, b)) in lines.iter().enumerate() {
        if k > 0 {
            // The newline that ended the previous line.
            let prev_end = lines[k - 1].1;
            out.push_slice(&expanded, prev_end, prev_end + 1);
        }
        out.push_slice(&expanded, a, b);
    }
    if lines.is_empty() {
        out.end = doc.source_start(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(s: &str) -> MappedText {
        let mut m = MappedText::empty_at(0);
        for (i, c) in s.char_indices() {
            m.push(c, i, i + c.len_utf8());
        }
        m
    }

    #[test]
    fn cleandoc_matches_python_semantics() {
        let m = mapped("  Summary.\n\n    Body line\n      indented\n    ");
        let c = cleandoc(&m);
        assert_eq!(c.as_str(), "Summary.\n\nBody line\n  indented");
        // "Body" starts at source offset 16.
        let body = c.as_str().find("Body").unwrap_or(0);
        assert_eq!(c.source_start(body), 16);
    }

    #[test]
    fn cleandoc_tabs_and_blank_edges() {
        let m = mapped("\n\tx\n\t  y\n\n");
        let c = cleandoc(&m);
        assert_eq!(c.as_str(), "x\n  y");
        assert_eq!(cleandoc(&mapped("")).as_str(), "");
        // No indented line after the first: nothing is cut (as Python does).
        assert_eq!(cleandoc(&mapped("   \n  ")).as_str(), "  ");
    }
}
