//! Conversions between LSP positions (in the negotiated encoding) and rope offsets.
//!
//! Every conversion clamps: a line past the end maps to the end of the document, a column past the
//! end of its line maps to the end of that line, and a column inside a character maps to the
//! character's start. No position a client sends can make these functions panic.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// The unit of LSP column offsets agreed with the client.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units (the LSP default).
    #[default]
    Utf16,
}

impl Encoding {
    /// Picks UTF-8 when the client offers it, else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Self::Utf8,
            _ => Self::Utf16,
        }
    }

    /// The LSP name of this encoding.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Self::Utf8 => PositionEncodingKind::UTF8,
            Self::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Self::Utf8 => c.len_utf8(),
            Self::Utf16 => c.len_utf16(),
        }
    }
}

/// The character index a position points at, clamped into the document.
pub fn position_to_char(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let line_start = rope.line_to_char(line);
    let target = pos.character as usize;
    let mut units = 0usize;
    let mut chars = 0usize;
    for c in rope.line(line).chars() {
        if c == '\n' || c == '\r' {
            break;
        }
        let w = enc.width(c);
        if units + w > target {
            break;
        }
        units += w;
        chars += 1;
    }
    line_start + chars
}

/// The LSP position of a character index (clamped to the document end).
pub fn char_to_position(rope: &Rope, char_idx: usize, enc: Encoding) -> Position {
    let idx = char_idx.min(rope.len_chars());
    let line = rope.char_to_line(idx);
    let line_start = rope.line_to_char(line);
    let col: usize = rope
        .slice(line_start..idx)
        .chars()
        .map(|c| enc.width(c))
        .sum();
    Position::new(to_u32(line), to_u32(col))
}

/// The LSP position of a UTF-8 byte offset (clamped; an offset inside a character rounds down).
pub fn byte_to_position(rope: &Rope, byte: usize, enc: Encoding) -> Position {
    let b = byte.min(rope.len_bytes());
    char_to_position(rope, rope.byte_to_char(b), enc)
}

/// The LSP range of a UTF-8 byte range.
pub fn byte_range_to_range(rope: &Rope, start: usize, end: usize, enc: Encoding) -> Range {
    let (a, b) = if start <= end {
        (start, end)
    } else {
        (end, start)
    };
    Range::new(
        byte_to_position(rope, a, enc),
        byte_to_position(rope, b, enc),
    )
}

/// The character range of an LSP range, clamped and ordered.
pub fn range_to_chars(rope: &Rope, range: Range, enc: Encoding) -> (usize, usize) {
    let a = position_to_char(rope, range.start, enc);
    let b = position_to_char(rope, range.end, enc);
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// The UTF-8 byte offset of an LSP position, clamped.
pub fn position_to_byte(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    rope.char_to_byte(position_to_char(rope, pos, enc))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_utf8_columns_differ_on_non_ascii() {
        let rope = Rope::from_str("é😀x\n");
        let x_utf16 = position_to_char(&rope, Position::new(0, 3), Encoding::Utf16);
        let x_utf8 = position_to_char(&rope, Position::new(0, 6), Encoding::Utf8);
        assert_eq!(x_utf16, 2);
        assert_eq!(x_utf8, 2);
        assert_eq!(
            char_to_position(&rope, 2, Encoding::Utf16),
            Position::new(0, 3)
        );
        assert_eq!(
            char_to_position(&rope, 2, Encoding::Utf8),
            Position::new(0, 6)
        );
    }

    #[test]
    fn positions_inside_a_character_round_down() {
        let rope = Rope::from_str("😀x");
        assert_eq!(
            position_to_char(&rope, Position::new(0, 1), Encoding::Utf16),
            0
        );
        assert_eq!(
            position_to_char(&rope, Position::new(0, 3), Encoding::Utf8),
            0
        );
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let rope = Rope::from_str("ab\r\ncd");
        assert_eq!(
            position_to_char(&rope, Position::new(0, 99), Encoding::Utf16),
            2
        );
        assert_eq!(
            position_to_char(&rope, Position::new(7, 0), Encoding::Utf16),
            6
        );
        assert_eq!(
            position_to_char(&rope, Position::new(1, 1), Encoding::Utf16),
            5
        );
        assert_eq!(
            byte_to_position(&rope, 1000, Encoding::Utf8),
            Position::new(1, 2)
        );
    }

    #[test]
    fn unicode_line_separators_are_not_lsp_line_breaks() {
        let rope = Rope::from_str("a\u{2028}b\nc");
        assert_eq!(rope.len_lines(), 2);
        assert_eq!(
            position_to_char(&rope, Position::new(1, 0), Encoding::Utf16),
            4
        );
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
    }
}
