//! Turning a file's bytes into text: UTF-8 (with or without BOM), a PEP 263 coding cookie
//! (`# -*- coding: latin-1 -*-`), and a clear refusal for binary data.

use std::borrow::Cow;

/// Why bytes are not Python source text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// NUL bytes: a binary file (Python refuses them too).
    #[error("not Python source: the file contains NUL bytes at byte {0} (binary data?)")]
    Binary(usize),
    /// Not valid in the declared (or default UTF-8) encoding.
    #[error("not valid {encoding} at byte {offset}")]
    Invalid {
        /// The encoding tried.
        encoding: String,
        /// Where decoding failed.
        offset: usize,
    },
    /// A coding cookie names an encoding docsynth cannot decode.
    #[error(
        "unsupported source encoding `{0}` (supported: utf-8, latin-1/iso-8859-1, cp1252, ascii)"
    )]
    UnsupportedEncoding(String),
}

/// Decodes Python source bytes: strips a UTF-8 BOM, honours a PEP 263 coding cookie on the
/// first two lines, defaults to UTF-8, and rejects binary data. Byte offsets in everything
/// extracted afterwards refer to the decoded UTF-8 text.
pub fn decode_source(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary(pos));
    }
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let encoding = coding_cookie(body).map(|e| normalize(&e));
    match encoding.as_deref() {
        None | Some("utf-8") => utf8(body),
        Some(_) if bom => Err(DecodeError::UnsupportedEncoding(
            "a UTF-8 BOM with a different coding cookie".to_string(),
        )),
        Some("ascii") => match body.iter().position(|b| !b.is_ascii()) {
            Some(offset) => Err(DecodeError::Invalid {
                encoding: "ascii".to_string(),
                offset,
            }),
            None => utf8(body),
        },
        Some("latin-1") => Ok(Cow::Owned(body.iter().map(|&b| b as char).collect())),
        Some("cp1252") => cp1252(body),
        Some(other) => Err(DecodeError::UnsupportedEncoding(other.to_string())),
    }
}

fn utf8(body: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    std::str::from_utf8(body)
        .map(Cow::Borrowed)
        .map_err(|e| DecodeError::Invalid {
            encoding: "UTF-8".to_string(),
            offset: e.valid_up_to(),
        })
}

/// The encoding named by a PEP 263 cookie on line 1, or line 2 when line 1 is a comment or
/// blank: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn coding_cookie(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(e) = cookie_in_line(first) {
        return Some(e);
    }
    let first_trim: Vec<u8> = first
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .collect();
    if first_trim.is_empty() || first_trim[0] == b'#' {
        return lines.next().and_then(cookie_in_line);
    }
    None
}

fn cookie_in_line(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let text: String = line[start..].iter().map(|&b| b as char).collect();
    let at = text.find("coding")?;
    let rest = &text[at + "coding".len()..];
    let rest = rest.strip_prefix([':', '='])?;
    let name: String = rest
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Python's codec aliases for the encodings supported here.
fn normalize(name: &str) -> String {
    let n = name.to_ascii_lowercase().replace('_', "-");
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "utf-8-sig" => "utf-8".to_string(),
        "latin-1" | "latin1" | "l1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "8859"
        | "cp819" => "latin-1".to_string(),
        "cp1252" | "windows-1252" => "cp1252".to_string(),
        "ascii" | "us-ascii" | "646" => "ascii".to_string(),
        _ => n,
    }
}

/// Windows-1252: Latin-1 except 0x80..=0x9F (five of which are undefined).
fn cp1252(body: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    const HIGH: [u32; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    let mut out = String::with_capacity(body.len());
    for (offset, &b) in body.iter().enumerate() {
        let c = if (0x80..0xA0).contains(&b) {
            char::from_u32(HIGH[(b - 0x80) as usize]).filter(|&c| c != '\0')
        } else {
            Some(b as char)
        };
        match c {
            Some(c) => out.push(c),
            None => {
                return Err(DecodeError::Invalid {
                    encoding: "cp1252".to_string(),
                    offset,
                })
            }
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_latin1_binary() {
        assert_eq!(decode_source(b"x = 1\n").as_deref(), Ok("x = 1\n"));
        assert_eq!(
            decode_source(b"\xEF\xBB\xBFx = 1\n").as_deref(),
            Ok("x = 1\n")
        );
        assert!(matches!(
            decode_source(b"x\x00y"),
            Err(DecodeError::Binary(1))
        ));
        assert!(matches!(
            decode_source(b"s = '\xe9'\n"),
            Err(DecodeError::Invalid { offset: 5, .. })
        ));
        let latin = b"# -*- coding: latin-1 -*-\ns = '\xe9'\n";
        assert_eq!(
            decode_source(latin).as_deref(),
            Ok("# -*- coding: latin-1 -*-\ns = 'é'\n")
        );
        let second = b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\ns = '\xe9'\n";
        assert!(decode_source(second).is_ok_and(|s| s.contains('é')));
        assert!(matches!(
            decode_source(b"# coding: koi8-r\n"),
            Err(DecodeError::UnsupportedEncoding(_))
        ));
        assert_eq!(
            decode_source(b"# coding: cp1252\ns = '\x80'\n").as_deref(),
            Ok("# coding: cp1252\ns = '\u{20ac}'\n")
        );
    }
}
