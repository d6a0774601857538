//! Recovery for files with syntax errors: the file is cut at top-level `def`, `async def`,
//! `class` and decorator lines (column 0) and each chunk is parsed on its own, so an unclosed
//! bracket or string in one function does not swallow the functions after it.

use super::parse::new_parser;
use super::positions::LineIndex;
use tree_sitter::{Point, Range, Tree};

/// Byte offsets where top-level chunks start (always including 0).
pub fn chunk_starts(text: &str) -> Vec<usize> {
    let index = LineIndex::new(text);
    let mut starts = vec![0];
    let mut previous_was_decorator = false;
    for line in 0..index.line_count() {
        let start = index.line_start(line);
        let content = &text[start..index.line_content_end(text, line)];
        let is_decorator = content.starts_with('@');
        let is_def = content.starts_with("def ")
            || content.starts_with("async def ")
            || content.starts_with("class ");
        if (is_decorator || is_def) && !previous_was_decorator && start > 0 {
            starts.push(start);
        }
        if !content.trim().is_empty() && !content.trim_start().starts_with('#') {
            previous_was_decorator = is_decorator;
        }
    }
    starts
}

/// Parses each top-level chunk of `text` separately (node offsets stay those of the whole
/// text). Empty when the grammar cannot be loaded.
pub fn parse_chunks(text: &str) -> Vec<Tree> {
    let Ok(mut parser) = new_parser() else {
        return Vec::new();
    };
    let starts = chunk_starts(text);
    let mut trees = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        if start >= end {
            continue;
        }
        let range = Range {
            start_byte: start,
            end_byte: end,
            start_point: point_at(text, start),
            end_point: point_at(text, end),
        };
        if parser.set_included_ranges(&[range]).is_err() {
            continue;
        }
        if let Some(tree) = parser.parse(text, None) {
            trees.push(tree);
        }
    }
    trees
}

/// Parses bytes `start..end` of `text` on their own (node offsets stay those of the whole
/// text), with a new parser (callable from any thread).
pub fn parse_range(text: &str, start: usize, end: usize) -> Option<Tree> {
    let mut parser = new_parser().ok()?;
    let range = Range {
        start_byte: start,
        end_byte: end,
        start_point: point_at(text, start),
        end_point: point_at(text, end),
    };
    parser.set_included_ranges(&[range]).ok()?;
    parser.parse(text, None)
}

/// Tree-sitter's point (row counted by `\n`, column in bytes) of byte `offset`.
pub(crate) fn point_at(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Point {
        row,
        column: offset - line_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_top_level_definitions() {
        let text = "import x\n\n@dec\n# note\n@dec2\ndef f():\n    def g(): pass\nclass C:\n    pass\nasync def h(): pass\n";
        let starts = chunk_starts(text);
        let lines: Vec<&str> = starts
            .iter()
            .map(|&s| text[s..].lines().next().unwrap_or(""))
            .collect();
        assert_eq!(
            lines,
            vec!["import x", "@dec", "class C:", "async def h(): pass"]
        );
    }

    #[test]
    fn chunk_trees_use_file_offsets() {
        let text = "def a(:\n    pass\ndef b():\n    return 1\n";
        let trees = parse_chunks(text);
        assert_eq!(trees.len(), 2);
        let b = trees[1].root_node();
        assert_eq!(b.start_byte(), text.find("def b").unwrap_or(0));
        assert!(!b.has_error());
    }
}
