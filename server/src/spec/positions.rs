//! Conversion between byte offsets and line/column positions (UTF-8 bytes and UTF-16 units).
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in the LSP specification and in Python.

use crate::text::{Position, TextRange};

/// Line starts of one source text, for turning byte offsets into [`Position`]s and back.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first entry is 0.
    starts: Vec<usize>,
    /// Total length of the text in bytes.
    len: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Self {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines (a text ending with a newline has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where line `line` starts (clamped to the text's end).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Zero-based line containing byte `offset` (offsets past the end belong to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The position of byte `offset` in `text` (the text this index was built from). Offsets
    /// inside a multi-byte character are moved back to its start; offsets past the end are
    /// clamped.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = snap(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let utf16: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position {
            line: to_u32(line),
            byte_col: to_u32(offset - start),
            utf16_col: to_u32(utf16),
        }
    }

    /// The range of bytes `start..end` in `text`.
    pub fn range(&self, text: &str, start: usize, end: usize) -> TextRange {
        let start = snap(text, start);
        let end = snap(text, end.max(start));
        let start_pos = self.position(text, start);
        let end_pos = self.position(text, end);
        TextRange {
            start_byte: start,
            end_byte: end,
            start: start_pos,
            end: end_pos,
        }
    }

    /// Byte offset of the LSP-style position (`line`, UTF-16 column `utf16_col`), clamped to
    /// the line's end (the line break is not part of the line).
    pub fn offset_of_utf16(&self, text: &str, line: u32, utf16_col: u32) -> usize {
        let line = line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[line];
        let end = self.line_content_end(text, line);
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            if units >= utf16_col {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        end
    }

    /// Byte offset of (`line`, byte column `byte_col`), clamped to the line's end.
    pub fn offset_of_byte_col(&self, text: &str, line: u32, byte_col: u32) -> usize {
        let line = line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[line];
        let end = self.line_content_end(text, line);
        let mut offset = (start + byte_col as usize).min(end);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Byte offset where the content of `line` ends (before its line break).
    pub fn line_content_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next.min(bytes.len());
        if end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        end
    }
}

/// Clamps `offset` into the text, moves it back to a character boundary, and out of the
/// middle of a `\r\n` pair (a position between them names no column).
fn snap(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let bytes = text.as_bytes();
    if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_positions() {
        let text = "ab\ncd\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        let p = idx.position(text, 4);
        assert_eq!((p.line, p.byte_col, p.utf16_col), (1, 1, 1));
        let p = idx.position(text, 6);
        assert_eq!((p.line, p.byte_col, p.utf16_col), (2, 0, 0));
    }

    #[test]
    fn non_ascii_columns() {
        // 'é' is 2 bytes / 1 unit, '😀' is 4 bytes / 2 units, '中' is 3 bytes / 1 unit.
        let text = "é😀中x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        let p = idx.position(text, x);
        assert_eq!((p.line, p.byte_col, p.utf16_col), (0, 9, 4));
        assert_eq!(idx.offset_of_utf16(text, 0, 4), x);
        assert_eq!(idx.offset_of_utf16(text, 0, 1), 2);
        assert_eq!(idx.offset_of_byte_col(text, 0, 3), 2);
    }

    #[test]
    fn crlf_and_lone_cr() {
        let text = "a\r\nb\rc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.position(text, 3).line, 1);
        assert_eq!(idx.position(text, 5).line, 2);
        assert_eq!(idx.line_content_end(text, 0), 1);
        assert_eq!(idx.offset_of_utf16(text, 0, 10), 1);
    }
}
