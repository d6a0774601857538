//! Python string literals: prefix, quotes and the value they denote, mapped back to the source.

use super::mapped::MappedText;

/// The parts of one string literal token (`r'''...'''`, `b"..."`, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringToken {
    /// Lowercased prefix letters (`r`, `b`, `u`, `f`, `rb`, …).
    pub prefix: String,
    /// The quote (`'`, `"`, `'''` or `"""`).
    pub quote: &'static str,
    /// True when the closing quote is present.
    pub terminated: bool,
}

impl StringToken {
    /// Raw string (`r` prefix): backslashes are kept as written.
    pub fn is_raw(&self) -> bool {
        self.prefix.contains('r')
    }
    /// Bytes literal (`b` prefix).
    pub fn is_bytes(&self) -> bool {
        self.prefix.contains('b')
    }
    /// Formatted literal (`f` or `t` prefix): its value depends on runtime expressions.
    pub fn is_formatted(&self) -> bool {
        self.prefix.contains('f') || self.prefix.contains('t')
    }
}

/// The decoded value of a string literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedString {
    /// The token's prefix and quotes.
    pub token: StringToken,
    /// The value, each byte mapped to the source bytes that produced it.
    pub value: MappedText,
    /// Problems met while decoding (invalid or unsupported escapes); the offending text is kept
    /// verbatim in `value`.
    pub problems: Vec<String>,
}

/// Decodes the string literal `src` (one token, prefix and quotes included) found at source byte
/// offset `base`. Never fails: a missing closing quote or a bad escape is reported in `problems`
/// (or `terminated`) and the text is kept as written.
pub fn decode_string_literal(src: &str, base: usize) -> DecodedString {
    let prefix_len = src.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    let prefix = src[..prefix_len].to_ascii_lowercase();
    let rest = &src[prefix_len..];
    let quote: &'static str = if rest.starts_with("\"\"\"") {
        "\"\"\""
    } else if rest.starts_with("'''") {
        "'''"
    } else if rest.starts_with('"') {
        "\""
    } else {
        "'"
    };
    let open = if rest.starts_with(quote) {
        prefix_len + quote.len()
    } else {
        prefix_len
    };
    let (close, terminated) = if src.len() >= open + quote.len() && src.ends_with(quote) {
        (src.len() - quote.len(), true)
    } else {
        (src.len(), false)
    };
    let token = StringToken {
        prefix,
        quote,
        terminated,
    };
    let content = &src[open..close.max(open)];
    let mut problems = Vec::new();
    let value = decode_content(
        content,
        base + open,
        token.is_raw(),
        token.is_bytes(),
        &mut problems,
    );
    DecodedString {
        token,
        value,
        problems,
    }
}

fn decode_content(
    content: &str,
    base: usize,
    raw: bool,
    bytes: bool,
    problems: &mut Vec<String>,
) -> MappedText {
    let mut out = MappedText::empty_at(base);
    let chars: Vec<(usize, char)> = content.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let off = |k: usize| chars.get(k).map_or(content.len(), |&(i, _)| i);
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let start = base + i;
        if c == '\r' {
            // Source files are read with universal newlines: CRLF and CR become LF.
            let n = if at(k + 1) == Some('\n') { 2 } else { 1 };
            out.push('\n', start, base + off(k + n));
            k += n;
            continue;
        }
        if c != '\\' || raw {
            out.push(c, start, start + c.len_utf8());
            k += 1;
            continue;
        }
        let Some(next) = at(k + 1) else {
            out.push('\\', start, start + 1);
            k += 1;
            continue;
        };
        let simple = match next {
            '\\' => Some('\\'),
            '\'' => Some('\''),
            '"' => Some('"'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\u{b}'),
            _ => None,
        };
        if let Some(v) = simple {
            out.push(v, start, base + off(k + 2));
            k += 2;
            continue;
        }
        match next {
            '\n' => k += 2,
            '\r' => k += if at(k + 2) == Some('\n') { 3 } else { 2 },
            '0'..='7' => {
                let mut n = 0;
                let mut v = 0u32;
                while n < 3 {
                    match at(k + 1 + n).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            n += 1;
                        }
                        None => break,
                    }
                }
                let end = k + 1 + n;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch, start, base + off(end)),
                    None => problems.push(format!("invalid octal escape at byte {start}")),
                }
                k = end;
            }
            'x' | 'u' | 'U' if next == 'x' || !bytes => {
                let digits = match next {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..digits).filter_map(|d| at(k + 2 + d)).collect();
                let valid =
                    hex.chars().count() == digits && hex.chars().all(|c| c.is_ascii_hexdigit());
                let ch = if valid {
                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                } else {
                    None
                };
                match ch {
                    Some(ch) => {
                        out.push(ch, start, base + off(k + 2 + digits));
                        k += 2 + digits;
                    }
                    None => {
                        problems.push(format!("invalid \\{next} escape at byte {start}"));
                        out.push('\\', start, start + 1);
                        k += 1;
                    }
                }
            }
            'N' if !bytes => {
                problems.push(format!(
                    "\\N{{...}} escapes are not supported (byte {start})"
                ));
                out.push('\\', start, start + 1);
                k += 1;
            }
            _ => {
                // Unknown escapes keep the backslash.
                out.push('\\', start, start + 1);
                k += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_raw() {
        let d = decode_string_literal(r#""a\tb\\n""#, 10);
        assert_eq!(d.value.as_str(), "a\tb\\n");
        assert!(d.token.terminated);
        // 'a' is at source byte 11.
        assert_eq!(d.value.source_start(0), 11);
        // '\t' came from the two bytes at 12..14.
        assert_eq!(d.value.source_span(1, 2), (12, 14));
        let r = decode_string_literal(r#"r'a\tb'"#, 0);
        assert_eq!(r.value.as_str(), "a\\tb");
    }

    #[test]
    fn triple_quotes_escapes_and_newlines() {
        let d = decode_string_literal("'''x\\\ny\r\nz\\x41\\u00e9\\101\\q'''", 0);
        assert_eq!(d.value.as_str(), "xy\nzAéA\\q");
        assert!(d.problems.is_empty());
        let bad = decode_string_literal(r#""\x4""#, 0);
        assert_eq!(bad.problems.len(), 1);
        assert_eq!(bad.value.as_str(), "\\x4");
    }

    #[test]
    fn unterminated() {
        let d = decode_string_literal("\"\"\"abc", 0);
        assert!(!d.token.terminated);
        assert_eq!(d.value.as_str(), "abc");
    }
}
