//! Tolerant reading of `Content-Length` framed messages from a byte stream.
//!
//! Accepts CRLF and LF-only header lines, any header order and case, and ignores headers other
//! than `Content-Length`. Whatever cannot be read as a frame is reported as [`Frame::Bad`] and
//! skipped up to the next `Content-Length: <digits>` header line (resynchronization). A
//! `Content-Length` that is too long does not swallow the next message: a header line inside a
//! body cuts the body there. Such a line (`Content-Length`, `:`, digits and a raw line break)
//! can never occur inside valid JSON, whose strings cannot hold raw line breaks and whose
//! tokens outside strings cannot spell `Content-Length`, so no valid body is ever cut.
//!
//! Every byte is examined a bounded number of times, so reading is linear in the input.

/// Largest body accepted (bytes). Larger declared lengths are refused and skipped.
pub(crate) const MAX_BODY: usize = 256 << 20;

/// Longest header block read before the bytes are treated as garbage.
const MAX_HEADER: usize = 8 << 10;

/// The header name that starts a frame (compared without regard to case).
const MARKER: &[u8] = b"content-length";

/// Longest digit string accepted in a `Content-Length` value.
const MAX_DIGITS: usize = 20;

/// Why some bytes were not a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BadFrame {
    /// Bytes that do not start with a header block (skipped to the next header).
    Garbage {
        /// How many bytes were skipped.
        skipped: usize,
    },
    /// A header block without a `Content-Length` header.
    MissingLength,
    /// A `Content-Length` whose value is not a number.
    InvalidLength(String),
    /// A `Content-Length` over [`MAX_BODY`].
    TooLarge(usize),
    /// A header block over [`MAX_HEADER`] bytes without its closing blank line.
    HeaderTooLong,
}

impl std::fmt::Display for BadFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Garbage { skipped } => write!(f, "{skipped} bytes outside any message skipped"),
            Self::MissingLength => f.write_str("header without Content-Length"),
            Self::InvalidLength(v) => write!(f, "Content-Length {v:?} is not a number"),
            Self::TooLarge(n) => write!(f, "Content-Length {n} is over the {MAX_BODY}-byte limit"),
            Self::HeaderTooLong => write!(f, "header block longer than {MAX_HEADER} bytes"),
        }
    }
}

/// One unit read from the stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// A message body (not yet validated as JSON).
    Body {
        /// The body bytes.
        bytes: Vec<u8>,
        /// The body was cut short of its declared length by the next message's header.
        cut_short: bool,
    },
    /// Bytes that were skipped, and why.
    Bad(BadFrame),
}

/// A body being read: where it starts in the buffer, its declared length, and how far the
/// search for an embedded header has got.
#[derive(Clone, Copy, Debug)]
struct PendingBody {
    len: usize,
    scanned: usize,
}

/// Whether a header line starts at some position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HeaderMatch {
    Yes,
    No,
    /// The bytes so far could start one; more are needed to tell.
    NeedMore,
}

/// Whether `b` starts with `Content-Length` `:` digits and a line break (spaces and tabs
/// allowed around the colon).
fn length_header_at(b: &[u8]) -> HeaderMatch {
    let n = MARKER.len().min(b.len());
    if !b[..n].eq_ignore_ascii_case(&MARKER[..n]) {
        return HeaderMatch::No;
    }
    if b.len() < MARKER.len() {
        return HeaderMatch::NeedMore;
    }
    let mut i = MARKER.len();
    let skip_blanks = |i: &mut usize| {
        while *i < b.len() && matches!(b[*i], b' ' | b'\t') {
            *i += 1;
        }
    };
    skip_blanks(&mut i);
    match b.get(i) {
        None => return HeaderMatch::NeedMore,
        Some(b':') => i += 1,
        Some(_) => return HeaderMatch::No,
    }
    skip_blanks(&mut i);
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        if i - digits_start > MAX_DIGITS {
            return HeaderMatch::No;
        }
    }
    match b.get(i) {
        None => HeaderMatch::NeedMore,
        Some(b'\r' | b'\n' | b' ' | b'\t') if i > digits_start => HeaderMatch::Yes,
        Some(_) => HeaderMatch::No,
    }
}

/// Where the next `Content-Length` header line starts in `b`: `Ok(i)` if one does, `Err(i)`
/// with the first position that might still start one once more bytes arrive (`b.len()` if
/// none can).
fn find_length_header(b: &[u8]) -> Result<usize, usize> {
    let mut i = 0;
    while i < b.len() {
        match b[i..].iter().position(|&c| c | 0x20 == b'c') {
            None => return Err(b.len()),
            Some(off) => i += off,
        }
        match length_header_at(&b[i..]) {
            HeaderMatch::Yes => return Ok(i),
            HeaderMatch::NeedMore => return Err(i),
            HeaderMatch::No => i += 1,
        }
    }
    Err(b.len())
}

/// The result of reading a header block.
enum Header {
    /// Not complete yet.
    Incomplete,
    /// Not a header block.
    Invalid,
    /// A complete block `consumed` bytes long with its `Content-Length` value, if any.
    Complete {
        consumed: usize,
        length: Option<Result<usize, String>>,
    },
}

fn is_token_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')
}

/// Whether a header named `name` (or, unless `complete`, a name starting so) may open a header
/// block: only the two headers LSP defines do, so garbage glued to a header is not read as an
/// unknown header.
fn may_open_block(name: &[u8], complete: bool) -> bool {
    [MARKER, b"content-type".as_slice()].iter().any(|h| {
        if complete {
            name.eq_ignore_ascii_case(h)
        } else {
            name.len() <= h.len() && name.eq_ignore_ascii_case(&h[..name.len()])
        }
    })
}

/// Reads the header block at the start of `b` (lines end in `\r\n` or `\n`; a blank line ends
/// the block).
fn read_header(b: &[u8]) -> Header {
    let mut pos = 0;
    let mut length = None;
    loop {
        let Some(nl) = b[pos..].iter().position(|&c| c == b'\n') else {
            // An incomplete line: still possibly a header if what is there looks like one.
            let partial = &b[pos..];
            let name_len = partial.iter().take_while(|&&c| is_token_byte(c)).count();
            let bad_name =
                pos == 0 && !may_open_block(&partial[..name_len], name_len < partial.len());
            let maybe_blank_line = partial == b"\r";
            return if !maybe_blank_line
                && (bad_name || (partial.len() > name_len && partial[name_len] != b':'))
            {
                Header::Invalid
            } else {
                Header::Incomplete
            };
        };
        let first = pos == 0;
        // A `Content-Length` header inside the line (glued to garbage or to a header cut
        // short): the line is garbage up to it.
        if find_length_header(&b[pos + 1..=pos + nl]).is_ok() {
            return Header::Invalid;
        }
        let line = &b[pos..pos + nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        pos += nl + 1;
        if line.is_empty() {
            return Header::Complete {
                consumed: pos,
                length,
            };
        }
        let name_len = line.iter().take_while(|&&c| is_token_byte(c)).count();
        if name_len == 0 || line.get(name_len) != Some(&b':') {
            return Header::Invalid;
        }
        let name = &line[..name_len];
        if first && !may_open_block(name, true) {
            return Header::Invalid;
        }
        if name.eq_ignore_ascii_case(MARKER) {
            let value = String::from_utf8_lossy(&line[name_len + 1..])
                .trim()
                .to_string();
            let parsed = if !value.is_empty() && value.bytes().all(|c| c.is_ascii_digit()) {
                value.parse::<usize>().map_err(|_| value.clone())
            } else {
                Err(value)
            };
            length = Some(parsed);
        }
    }
}

/// Splits a byte stream into frames. Feed bytes with [`FrameDecoder::push`], take frames with
/// [`FrameDecoder::next_frame`] until it returns `None`, and call [`FrameDecoder::finish`] at
/// the end of the stream.
#[derive(Debug, Default)]
pub(crate) struct FrameDecoder {
    buf: Vec<u8>,
    /// Bytes of `buf` already consumed.
    start: usize,
    body: Option<PendingBody>,
}

impl FrameDecoder {
    /// Appends bytes read from the stream.
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        self.buf.extend_from_slice(bytes);
    }

    /// Bytes held but not yet returned as a frame.
    pub(crate) fn buffered(&self) -> usize {
        self.buf.len() - self.start
    }

    /// The next frame, or `None` if more bytes are needed.
    pub(crate) fn next_frame(&mut self) -> Option<Frame> {
        loop {
            if let Some(body) = self.body {
                return self.continue_body(body);
            }
            let rest = &self.buf[self.start..];
            let blanks = rest
                .iter()
                .take_while(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
                .count();
            self.start += blanks;
            if self.start == self.buf.len() {
                return None;
            }
            let rest = &self.buf[self.start..];
            match read_header(rest) {
                Header::Incomplete if rest.len() <= MAX_HEADER => return None,
                Header::Incomplete => {
                    // Skip the oversized block (up to a later header, if there is one).
                    let skipped = self.skip_garbage();
                    debug_assert!(skipped > 0);
                    return Some(Frame::Bad(BadFrame::HeaderTooLong));
                }
                Header::Invalid => {
                    let skipped = self.skip_garbage();
                    return Some(Frame::Bad(BadFrame::Garbage { skipped }));
                }
                Header::Complete { consumed, length } => {
                    self.start += consumed;
                    match length {
                        None => return Some(Frame::Bad(BadFrame::MissingLength)),
                        Some(Err(v)) => return Some(Frame::Bad(BadFrame::InvalidLength(v))),
                        Some(Ok(n)) if n > MAX_BODY => {
                            return Some(Frame::Bad(BadFrame::TooLarge(n)))
                        }
                        Some(Ok(len)) => self.body = Some(PendingBody { len, scanned: 0 }),
                    }
                }
            }
        }
    }

    /// At the end of the stream: whatever is left, as one bad frame (`None` if nothing is).
    pub(crate) fn finish(&mut self) -> Option<Frame> {
        let left = self.buffered();
        self.buf.clear();
        self.start = 0;
        self.body = None;
        (left > 0).then_some(Frame::Bad(BadFrame::Garbage { skipped: left }))
    }

    /// Reads on in a body: it ends at its declared length or, earlier, where the next
    /// message's header starts.
    fn continue_body(&mut self, mut body: PendingBody) -> Option<Frame> {
        let avail = &self.buf[self.start..];
        let limit = body.len.min(avail.len());
        let mut cut = None;
        // A header may start inside the body but need more bytes to tell (it can only be
        // one in a body that is not valid JSON): wait for them rather than cut the body late.
        let mut undecided = false;
        if body.scanned < limit {
            match find_length_header(&avail[body.scanned..]) {
                Ok(i) if body.scanned + i < limit => cut = Some(body.scanned + i),
                Ok(_) => body.scanned = limit,
                Err(i) => {
                    // No header before `i`; one might start at `i` once more bytes arrive.
                    undecided = body.scanned + i < limit;
                    body.scanned = (body.scanned + i).min(limit);
                }
            }
        }
        let (end, cut_short) = match cut {
            Some(at) => (at, true),
            None if avail.len() >= body.len && !undecided => (body.len, false),
            None => {
                self.body = Some(body);
                return None;
            }
        };
        let bytes = avail[..end].to_vec();
        self.start += end;
        self.body = None;
        Some(Frame::Body { bytes, cut_short })
    }

    /// Skips from the current position (at least one byte) to the next `Content-Length`
    /// header; returns how many bytes were skipped.
    fn skip_garbage(&mut self) -> usize {
        let rest = &self.buf[self.start..];
        let skip = match find_length_header(&rest[1..]) {
            Ok(i) | Err(i) => i + 1,
        };
        self.start += skip;
        skip
    }
}

/// The frame of one message body (`Content-Length` header, CRLF line ends).
pub(crate) fn encode(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(dec: &mut FrameDecoder) -> Vec<Frame> {
        std::iter::from_fn(|| dec.next_frame()).collect()
    }

    /// The frames of `input` fed `chunk` bytes at a time, and the decoder after it.
    fn decode_in_chunks(input: &[u8], chunk: usize) -> (Vec<Frame>, FrameDecoder) {
        let mut dec = FrameDecoder::default();
        let mut got = Vec::new();
        for c in input.chunks(chunk) {
            dec.push(c);
            got.extend(all(&mut dec));
        }
        (got, dec)
    }

    fn body(s: &str) -> Frame {
        Frame::Body {
            bytes: s.as_bytes().to_vec(),
            cut_short: false,
        }
    }

    #[test]
    fn reads_crlf_and_lf_frames_in_any_chunking() {
        let input = b"Content-Length: 2\r\n\r\n{}content-length:3\nContent-Type: x\n\n[1]\r\n";
        for chunk in 1..input.len() {
            let (got, mut dec) = decode_in_chunks(input, chunk);
            assert_eq!(got, vec![body("{}"), body("[1]")], "chunk size {chunk}");
            assert_eq!(dec.finish(), None);
        }
    }

    #[test]
    fn garbage_and_bad_headers_resynchronize_on_the_next_header() {
        let mut dec = FrameDecoder::default();
        dec.push(b"hello world\r\nContent-Length: 2\r\n\r\n{}");
        dec.push(b"Content-Type: a\r\n\r\nxyzContent-Length: 1\r\n\r\n1");
        dec.push(b"Content-Length: abc\r\n\r\n{}Content-Length: 99999999999\r\n\r\n");
        dec.push(b"Content-Length: 1\r\n\r\n2");
        let got = all(&mut dec);
        assert_eq!(
            got,
            vec![
                Frame::Bad(BadFrame::Garbage { skipped: 13 }),
                body("{}"),
                Frame::Bad(BadFrame::MissingLength),
                Frame::Bad(BadFrame::Garbage { skipped: 3 }),
                body("1"),
                Frame::Bad(BadFrame::InvalidLength("abc".into())),
                Frame::Bad(BadFrame::Garbage { skipped: 2 }),
                Frame::Bad(BadFrame::TooLarge(99_999_999_999)),
                body("2"),
            ]
        );
        // A header cut short and glued to the next one.
        dec.push(b"Content-Length: 5Content-Length: 2\r\n\r\n{}");
        assert_eq!(
            all(&mut dec),
            vec![Frame::Bad(BadFrame::Garbage { skipped: 17 }), body("{}")]
        );
    }

    #[test]
    fn a_too_long_length_does_not_swallow_the_next_message() {
        let mut dec = FrameDecoder::default();
        dec.push(b"Content-Length: 100\r\n\r\n{\"a\":\"Content-Length: 5\"}");
        dec.push(b"Content-Length: 2\r\n\r\n{}");
        assert_eq!(
            all(&mut dec),
            vec![
                Frame::Body {
                    bytes: b"{\"a\":\"Content-Length: 5\"}".to_vec(),
                    cut_short: true
                },
                body("{}"),
            ]
        );
        // A too-short length: the rest of the body is skipped as garbage.
        dec.push(b"Content-Length: 3\r\n\r\n{\"a\":1}\nContent-Length: 2\n\n[]");
        assert_eq!(
            all(&mut dec),
            vec![
                body("{\"a"),
                Frame::Bad(BadFrame::Garbage { skipped: 5 }),
                body("[]"),
            ]
        );
    }

    #[test]
    fn a_header_split_anywhere_inside_a_body_is_found() {
        let input = b"Content-Length: 50\r\n\r\n{\"x\":1}Content-Length: 2\r\n\r\n{}";
        for chunk in 1..input.len() {
            let (got, _) = decode_in_chunks(input, chunk);
            assert_eq!(
                got,
                vec![
                    Frame::Body {
                        bytes: b"{\"x\":1}".to_vec(),
                        cut_short: true
                    },
                    body("{}")
                ],
                "chunk size {chunk}"
            );
        }
    }

    #[test]
    fn endless_garbage_is_dropped_not_buffered() {
        let mut dec = FrameDecoder::default();
        for _ in 0..1000 {
            dec.push(&[b'x'; 4096]);
            let _ = all(&mut dec);
        }
        assert!(dec.buffered() < MARKER.len() + 1, "{}", dec.buffered());
        dec.push(b"Content-Length: 2\r\n\r\n{}");
        assert_eq!(all(&mut dec).last(), Some(&body("{}")));
    }

    #[test]
    fn oversized_header_blocks_are_refused() {
        let mut dec = FrameDecoder::default();
        let mut block = b"Content-Type: ".to_vec();
        block.extend(std::iter::repeat_n(b'a', MAX_HEADER + 10));
        dec.push(&block);
        assert_eq!(all(&mut dec), vec![Frame::Bad(BadFrame::HeaderTooLong)]);
        dec.push(b"\r\n\r\nContent-Length: 2\r\n\r\n{}");
        let got = all(&mut dec);
        assert_eq!(got.last(), Some(&body("{}")), "{got:?}");
    }

    #[test]
    fn encode_round_trips() {
        let mut dec = FrameDecoder::default();
        dec.push(&encode(b"{\"k\":\"\xc3\xa9\"}"));
        assert_eq!(all(&mut dec), vec![body("{\"k\":\"é\"}")]);
    }

    /// Where the stream is split into reads never changes which bodies come out (a header
    /// straddling a read boundary at a body's declared end once swallowed the next message).
    #[test]
    fn chunking_never_changes_the_bodies() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let bodies = |v: &[Frame]| {
            v.iter()
                .filter(|f| matches!(f, Frame::Body { .. }))
                .cloned()
                .collect::<Vec<_>>()
        };
        for case in 0..300 {
            let mut stream = Vec::new();
            for _ in 0..rng.gen_range(1..8) {
                let body = format!(
                    "{{\"id\":{},\"method\":\"m\",\"p\":\"Content-Length: 3\"}}",
                    rng.gen::<u16>()
                );
                let len = match rng.gen_range(0..4) {
                    0 => body.len() + rng.gen_range(1..30),
                    1 => body.len().saturating_sub(rng.gen_range(1..10)),
                    _ => body.len(),
                };
                if rng.gen_bool(0.3) {
                    let garbage: Vec<u8> = (0..rng.gen_range(0..20)).map(|_| rng.gen()).collect();
                    stream.extend(garbage);
                }
                let sep = if rng.gen_bool(0.5) { "\r\n" } else { "\n" };
                stream.extend(format!("Content-Length: {len}{sep}{sep}{body}").into_bytes());
            }
            let mut one = FrameDecoder::default();
            one.push(&stream);
            let want: Vec<Frame> = std::iter::from_fn(|| one.next_frame()).collect();
            let mut dec = FrameDecoder::default();
            let mut got = Vec::new();
            let mut at = 0;
            while at < stream.len() {
                let n = rng.gen_range(1..=(stream.len() - at).min(40));
                dec.push(&stream[at..at + n]);
                got.extend(std::iter::from_fn(|| dec.next_frame()));
                at += n;
            }
            assert_eq!(
                bodies(&got),
                bodies(&want),
                "case {case}: {:?}",
                String::from_utf8_lossy(&stream)
            );
        }
    }
}
