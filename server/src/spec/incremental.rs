//! Incremental extraction for editors: keeps the text and the tree-sitter tree, applies edits
//! with `Tree::edit` and reparses only what changed.

use super::chunks::point_at;
use super::extract::extract_from_tree;
use super::parse::new_parser;
use super::positions::LineIndex;
use super::FileSpecs;
use tree_sitter::{InputEdit, Parser, Tree};

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The range is outside the text or splits a UTF-8 character.
    #[error("edit range {start}..{end} is not valid in a text of {len} bytes")]
    BadRange {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
        /// Text length.
        len: usize,
    },
    /// The tree-sitter grammar could not be loaded.
    #[error("cannot load the Python grammar: {0}")]
    Grammar(String),
}

/// A file being edited: its text and syntax tree, updated edit by edit.
pub struct SpecExtractor {
    parser: Parser,
    text: String,
    tree: Option<Tree>,
}

impl SpecExtractor {
    /// An extractor holding `text`, parsed from scratch.
    pub fn new(text: impl Into<String>) -> Result<Self, EditError> {
        let mut parser = new_parser().map_err(|e| EditError::Grammar(e.to_string()))?;
        let text = text.into();
        let tree = parser.parse(&text, None);
        Ok(Self { parser, text, tree })
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Replaces the whole text (full reparse).
    pub fn set_text(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.tree = self.parser.parse(&self.text, None);
    }

    /// Replaces bytes `start..end` of the text with `new_text` and reparses incrementally.
    pub fn edit(&mut self, start: usize, end: usize, new_text: &str) -> Result<(), EditError> {
        self.apply(start, end, new_text)?;
        self.reparse();
        Ok(())
    }

    /// Applies edits in order (each in the text as the previous ones left it), then reparses
    /// once: a queue of N edits to a large file costs one incremental parse, not N. Stops at
    /// the first edit that is not valid (the tree is reparsed for the edits applied so far).
    pub fn edit_all<'a>(
        &mut self,
        edits: impl IntoIterator<Item = (usize, usize, &'a str)>,
    ) -> Result<(), EditError> {
        let mut result = Ok(());
        for (start, end, new_text) in edits {
            if let Err(e) = self.apply(start, end, new_text) {
                result = Err(e);
                break;
            }
        }
        self.reparse();
        result
    }

    /// Reparses from the edited old tree. Where the text does not parse, tree-sitter's error
    /// recovery from an old tree may differ from a fresh parse's (a proptest found a `"""`
    /// typed into a docstring that left the incremental tree without the error the fresh one
    /// has): such a text is parsed afresh, so its specs are always the text's own.
    fn reparse(&mut self) {
        self.tree = self.parser.parse(&self.text, self.tree.as_ref());
        if self
            .tree
            .as_ref()
            .is_some_and(|t| t.root_node().has_error())
        {
            self.tree = self.parser.parse(&self.text, None);
        }
    }

    /// Applies one edit to the text and the old tree (no reparse).
    fn apply(&mut self, start: usize, end: usize, new_text: &str) -> Result<(), EditError> {
        let len = self.text.len();
        if start > end
            || end > len
            || !self.text.is_char_boundary(start)
            || !self.text.is_char_boundary(end)
        {
            return Err(EditError::BadRange { start, end, len });
        }
        let start_position = point_at(&self.text, start);
        let old_end_position = point_at(&self.text, end);
        self.text.replace_range(start..end, new_text);
        let new_end = start + new_text.len();
        let new_end_position = point_at(&self.text, new_end);
        let edit = InputEdit {
            start_byte: start,
            old_end_byte: end,
            new_end_byte: new_end,
            start_position,
            old_end_position,
            new_end_position,
        };
        if let Some(tree) = self.tree.as_mut() {
            tree.edit(&edit);
        }
        Ok(())
    }

    /// Applies an LSP-style edit: replaces the text between (`line`, UTF-16 column) positions
    /// `start` and `end` with `new_text` (columns past a line's end are clamped to it).
    pub fn edit_utf16(
        &mut self,
        start: (u32, u32),
        end: (u32, u32),
        new_text: &str,
    ) -> Result<(), EditError> {
        let index = LineIndex::new(&self.text);
        let a = index.offset_of_utf16(&self.text, start.0, start.1);
        let b = index.offset_of_utf16(&self.text, end.0, end.1);
        self.edit(a, b, new_text)
    }

    /// The specs of the current text.
    pub fn specs(&self) -> FileSpecs {
        match &self.tree {
            Some(tree) => extract_from_tree(&self.text, tree),
            None => FileSpecs {
                has_syntax_errors: true,
                ..FileSpecs::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::extract;

    #[test]
    fn incremental_matches_full_extraction() -> Result<(), EditError> {
        let mut ex =
            SpecExtractor::new("def f(x):\n    \"\"\"Doc.\"\"\"\n\ndef g(y):\n    pass\n")?;
        assert_eq!(ex.specs().functions.len(), 2);
        // Rename g to h and add an example comment to f.
        let at = ex.text().find("g(y)").unwrap_or(0);
        ex.edit(at, at + 1, "h")?;
        let at = ex.text().find("\n\ndef h").unwrap_or(0);
        ex.edit(at, at, "\n    # f(1) -> 2")?;
        let incremental = ex.specs();
        assert_eq!(incremental, extract(ex.text()));
        let names: Vec<&str> = incremental
            .functions
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, vec!["f", "h"]);
        assert_eq!(incremental.functions[0].examples.len(), 1);
        // An LSP edit after an emoji (2 UTF-16 units, 4 bytes): rename `h` to `k`.
        ex.set_text("# 😀\ndef h(y):\n    pass\n");
        ex.edit_utf16((1, 4), (1, 5), "k")?;
        assert_eq!(ex.text(), "# 😀\ndef k(y):\n    pass\n");
        ex.edit_utf16((0, 4), (0, 4), "!")?;
        assert_eq!(ex.text(), "# 😀!\ndef k(y):\n    pass\n");
        assert_eq!(ex.specs().functions[0].name, "k");
        // Several edits, one reparse: the same specs as a fresh extraction.
        ex.set_text("def a(x):\n    pass\n\ndef b(y):\n    pass\n");
        ex.edit_all([(4, 5, "aa"), (25, 26, "bb"), (0, 0, "# top\n")])?;
        assert_eq!(
            ex.text(),
            "# top\ndef aa(x):\n    pass\n\ndef bb(y):\n    pass\n"
        );
        assert_eq!(ex.specs(), extract(ex.text()));
        assert!(ex.edit_all([(0, 1, ""), (500, 600, "")]).is_err());
        assert_eq!(
            ex.specs(),
            extract(ex.text()),
            "the valid edit applied, then reparsed"
        );
        assert!(ex.edit(3, 1, "").is_err());
        assert!(ex.edit(0, 10_000, "").is_err());
        Ok(())
    }
}
