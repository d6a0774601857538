//! An open text document: a rope, its version and language, edited incrementally.

use super::incremental::ByteChange;
use super::position::{range_to_chars, Encoding};
use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

/// One open document as the client last described it.
#[derive(Clone, Debug)]
pub struct Document {
    /// The text.
    pub rope: Rope,
    /// The client's version number.
    pub version: i32,
    /// The client's language id (`python`, …).
    pub language_id: String,
}

impl Document {
    /// A document with the given text.
    pub fn new(text: &str, version: i32, language_id: String) -> Self {
        Self {
            rope: Rope::from_str(text),
            version,
            language_id,
        }
    }

    /// Applies the client's changes in order. Ranges are clamped, so no change can fail.
    /// Returns the byte-level replacements made, or `None` when a change replaced everything.
    pub fn apply_changes(
        &mut self,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
        enc: Encoding,
    ) -> Option<Vec<ByteChange>> {
        let mut out = Some(Vec::with_capacity(changes.len()));
        for change in changes {
            match change.range {
                None => {
                    self.rope = Rope::from_str(&change.text);
                    out = None;
                }
                Some(range) => {
                    let (a, b) = range_to_chars(&self.rope, range, enc);
                    if let Some(list) = out.as_mut() {
                        list.push(ByteChange {
                            start: self.rope.char_to_byte(a),
                            end: self.rope.char_to_byte(b),
                            text: change.text.clone(),
                        });
                    }
                    if a < b {
                        self.rope.remove(a..b);
                    }
                    if !change.text.is_empty() {
                        self.rope.insert(a, &change.text);
                    }
                }
            }
        }
        self.version = version;
        out
    }

    /// The whole text as a `String`.
    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The line ending the document uses (`\r\n` when its first line break is one).
    pub fn line_ending(&self) -> &'static str {
        for (i, line) in self.rope.lines().enumerate() {
            if i > 200 {
                break;
            }
            let n = line.len_chars();
            if n >= 2 && line.char(n - 2) == '\r' && line.char(n - 1) == '\n' {
                return "\r\n";
            }
            if n >= 1 && line.char(n - 1) == '\n' {
                return "\n";
            }
        }
        "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_edits_apply_in_order() {
        let mut doc = Document::new("def f(x):\n    ...\n", 1, "python".into());
        doc.apply_changes(
            &[
                change(Some(((1, 4), (1, 7))), "return x"),
                change(Some(((0, 4), (0, 5))), "g"),
            ],
            2,
            Encoding::Utf16,
        );
        assert_eq!(doc.text(), "def g(x):\n    return x\n");
        assert_eq!(doc.version, 2);
    }

    #[test]
    fn reversed_and_out_of_range_edits_clamp() {
        let mut doc = Document::new("héllo\nwörld", 1, "python".into());
        doc.apply_changes(&[change(Some(((9, 9), (0, 2))), "")], 2, Encoding::Utf16);
        assert_eq!(doc.text(), "hé");
        doc.apply_changes(&[change(Some(((0, 0), (100, 0))), "")], 3, Encoding::Utf8);
        assert_eq!(doc.text(), "");
        doc.apply_changes(&[change(Some(((5, 5), (5, 5))), "x")], 4, Encoding::Utf8);
        assert_eq!(doc.text(), "x");
    }

    #[test]
    fn line_ending_is_detected() {
        assert_eq!(
            Document::new("a\r\nb", 1, String::new()).line_ending(),
            "\r\n"
        );
        assert_eq!(Document::new("a\nb", 1, String::new()).line_ending(), "\n");
    }
}
