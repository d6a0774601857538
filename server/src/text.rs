//! Positions and ranges in source text, in both UTF-8 bytes and LSP-style line/column units.

use serde::{Deserialize, Serialize};

/// A zero-based position: `line`, plus the column in UTF-8 bytes and in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    /// Zero-based line number.
    pub line: u32,
    /// Column in UTF-8 bytes from the start of the line.
    pub byte_col: u32,
    /// Column in UTF-16 code units from the start of the line (LSP's default encoding).
    pub utf16_col: u32,
}

/// A half-open range in a source file, with byte offsets and line/column positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextRange {
    /// Byte offset of the start.
    pub start_byte: usize,
    /// Byte offset one past the end.
    pub end_byte: usize,
    /// Start position.
    pub start: Position,
    /// End position.
    pub end: Position,
}

/// Lines of `body` with their common indentation removed, blank lines at either end dropped.
pub(crate) fn dedent_lines(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body.lines().collect();
    let common = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                l.get(common..)
                    .unwrap_or(l.trim_start())
                    .trim_end()
                    .to_string()
            }
        })
        .collect();
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}
