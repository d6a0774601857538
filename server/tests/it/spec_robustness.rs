//! Bad input never panics, and edits keep the functions they did not touch.

use docsynth::spec::chunks::chunk_starts;
use docsynth::spec::{decode_source, extract, DecodeError, FileSpecs, SpecExtractor};
use docsynth::text::TextRange;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn fixtures() -> &'static Vec<String> {
    static FIXTURES: OnceLock<Vec<String>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spec");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixtures dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).expect("read");
                decode_source(&bytes).expect("decode").into_owned()
            })
            .collect()
    })
}

/// Every range lies in the text, on character boundaries, and its line/columns agree with its
/// bytes.
fn check_range(text: &str, r: &TextRange, what: &str) {
    assert!(
        r.start_byte <= r.end_byte && r.end_byte <= text.len(),
        "{what}: {r:?}"
    );
    assert!(
        text.is_char_boundary(r.start_byte) && text.is_char_boundary(r.end_byte),
        "{what}"
    );
    for (offset, pos) in [(r.start_byte, r.start), (r.end_byte, r.end)] {
        let before = &text[..offset];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let lines = before.matches('\n').count() + before.matches('\r').count()
            - before.matches("\r\n").count();
        assert_eq!(pos.line as usize, lines, "{what}: line");
        assert_eq!(
            pos.byte_col as usize,
            offset - line_start,
            "{what}: byte col"
        );
        assert_eq!(
            pos.utf16_col as usize,
            text[line_start..offset].encode_utf16().count(),
            "{what}: utf16 col"
        );
    }
}

fn check_invariants(text: &str, specs: &FileSpecs) {
    for f in &specs.functions {
        check_range(text, &f.def_range, "def");
        check_range(text, &f.body_range, "body");
        assert!(f.def_range.start_byte <= f.body_range.start_byte);
        assert!(f.body_range.end_byte <= f.def_range.end_byte);
        if let Some(d) = &f.docstring {
            check_range(text, &d.range, "docstring");
        }
        for e in &f.examples {
            check_range(text, &e.range, "example");
        }
    }
}

#[test]
fn empty_and_whitespace_files() {
    for text in ["", "\n", "   ", "\r\n\r\n", "# only a comment", "\t\n\t"] {
        let specs = extract(text);
        assert!(specs.functions.is_empty());
        check_invariants(text, &specs);
    }
}

#[test]
fn binary_and_invalid_bytes_are_refused_clearly() {
    let err = decode_source(b"\x7fELF\x02\x01\x01\x00\x00").expect_err("binary");
    assert!(matches!(err, DecodeError::Binary(7)));
    assert!(err.to_string().contains("NUL"));
    let err = decode_source(b"def f():\n    return '\xff'\n").expect_err("invalid");
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 1000;
    let expr = format!("{}1{}", "(".repeat(depth), ")".repeat(depth));
    let list = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let text = format!(
        "X = {expr}\nY = {list}\n\ndef f(a={list}):\n    \"\"\"Doc.\n\n    >>> f({expr})\n    1\n    \"\"\"\n    return {expr}\n\nassert f({list}) == {expr}\n"
    );
    let specs = extract(&text);
    assert_eq!(specs.functions.len(), 1);
    assert_eq!(specs.functions[0].examples.len(), 2);
    check_invariants(&text, &specs);
    // 100,000 levels in a doctest and an assert: nothing here recurses per level.
    let huge = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!(
        "def g(x):\n    \"\"\"\n    >>> g({huge})\n    1\n    \"\"\"\n\nassert g({huge}) == 1\n"
    );
    let specs = extract(&text);
    assert_eq!(specs.functions.len(), 1);
    check_invariants(&text, &specs);
    // Deeply nested blocks and functions.
    let mut nested = String::new();
    for level in 0..300 {
        nested.push_str(&" ".repeat(level));
        nested.push_str(&format!("def f{level}():\n"));
    }
    nested.push_str(&" ".repeat(300));
    nested.push_str("pass\n");
    let specs = extract(&nested);
    assert_eq!(specs.functions.len(), 300);
    assert!(specs.functions[299]
        .qualified_name
        .starts_with("f0.<locals>.f1.<locals>."));
    check_invariants(&nested, &specs);
}

#[test]
fn garbage_text_never_panics() {
    let samples = [
        "def",
        "def (",
        "def f(",
        "def f(:",
        "class",
        "@",
        "@\n",
        "'''",
        "\"\"\"\n>>> ",
        "def f():\n    '''\n    >>> f(\n",
        "def f(): '''>>> f()\n...",
        "assert",
        "assert f() ==",
        "def f(x=\n",
        "def f():\n\t \t'''\x0c\n>>>\t\n'''",
        "# f(1) ->",
        "def f():\n    # f( -> 1\n",
        "def f(*, **, /):\n    ...",
        "lambda: (yield)",
        "\u{feff}def f(): pass",
    ];
    for s in samples {
        let specs = extract(s);
        check_invariants(s, &specs);
    }
}

/// Every module of the real Python standard library (found through `python3`) extracts
/// without panicking, with valid ranges, and the parseable ones without syntax errors.
#[test]
fn python_stdlib_extracts_cleanly() {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import os, inspect; print(os.path.dirname(inspect.__file__))",
        ])
        .output()
        .expect("python3 runs");
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("stdlib dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    assert!(files.len() > 100, "{dir}");
    let mut functions = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        let Ok(text) = decode_source(&bytes) else {
            continue;
        };
        let specs = extract(&text);
        check_invariants(&text, &specs);
        functions += specs.functions.len();
    }
    assert!(functions > 5_000, "{functions}");
}

/// Byte offsets of the edit, snapped to character boundaries.
fn snap(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Random insertions and deletions (1) never panic and keep every range valid,
    /// (2) give the same result incrementally (`Tree::edit` + reparse) as from scratch, and
    /// (3) keep every function whose top-level chunk (its `def`/`class`/decorator line at
    /// column 0 up to the next one) the edit does not touch.
    ///
    /// What (3) does NOT claim: an edit inside a chunk may lose functions of that chunk, and
    /// an edit that turns a later column-0 `def` into something else merges chunks. Because
    /// broken files are re-parsed chunk by chunk, an unclosed bracket or string elsewhere
    /// cannot swallow an untouched chunk.
    #[test]
    fn edits_keep_untouched_functions(
        which in 0usize..64,
        at in 0.0f64..1.0,
        delete in 0usize..60,
        insert in "[a-z0-9 ():\\[\\]{}'\"#\\\\=>.,\\-\\n\\t]{0,24}",
    ) {
        let all = fixtures();
        let original = &all[which % all.len()];
        let start = snap(original, (at * original.len() as f64) as usize);
        let end = snap(original, start + delete);
        let mut edited = original.clone();
        edited.replace_range(start..end, &insert);

        let fresh = extract(&edited);
        check_invariants(&edited, &fresh);

        let mut inc = SpecExtractor::new(original.as_str()).expect("grammar");
        inc.edit(start, end, &insert).expect("valid edit");
        prop_assert_eq!(inc.text(), edited.as_str());
        prop_assert_eq!(&inc.specs(), &fresh);

        let before = extract(original);
        let starts = chunk_starts(original);
        for f in &before.functions {
            let s = f.def_range.start_byte;
            let k = starts.partition_point(|&c| c <= s);
            let chunk_start = starts[k - 1];
            let chunk_end = starts.get(k).copied().unwrap_or(original.len());
            let untouched = end < chunk_start || start >= chunk_end;
            if untouched {
                prop_assert!(
                    fresh.functions.iter().any(|g| g.qualified_name == f.qualified_name),
                    "lost {} after replacing {}..{} with {:?}", f.qualified_name, start, end, insert
                );
            }
        }
    }

    /// Arbitrary text never panics and keeps every range valid.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let specs = extract(&text);
        check_invariants(&text, &specs);
    }
}
