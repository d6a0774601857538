//! Spec extraction on the fixture files, cross-checked against CPython's own `ast`, `inspect`
//! and `doctest` modules, plus exact-position checks.

use docsynth::spec::{decode_source, extract, BodyState, ExampleKind, FileSpecs, Spec};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spec")
}

fn load(name: &str) -> (String, FileSpecs) {
    let bytes = std::fs::read(fixtures_dir().join(name)).expect("fixture exists");
    let text = decode_source(&bytes).expect("fixture decodes").into_owned();
    let specs = extract(&text);
    (text, specs)
}

fn func<'a>(specs: &'a FileSpecs, qualified: &str) -> &'a Spec {
    specs
        .functions
        .iter()
        .find(|f| f.qualified_name == qualified)
        .unwrap_or_else(|| panic!("no function {qualified}"))
}

const PARSEABLE: &[&str] = &[
    "doctests.py",
    "comments_asserts.py",
    "classes_nested.py",
    "unicode_text.py",
    "crlf.py",
    "latin1.py",
    "tabs.py",
    "prose_examples.py",
];

#[test]
fn docstrings_and_doctests_match_cpython() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/python_docstrings.py");
    for name in PARSEABLE {
        let (_, specs) = load(name);
        assert!(!specs.has_syntax_errors, "{name}");
        let out = Command::new("python3")
            .arg(&script)
            .arg(fixtures_dir().join(name))
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let reference: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let reference = reference.as_array().expect("array");
        let ours: Vec<&str> = specs
            .functions
            .iter()
            .map(|f| f.qualified_name.as_str())
            .collect();
        let theirs: Vec<&str> = reference
            .iter()
            .map(|r| r["qualified_name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(ours, theirs, "{name}: functions and qualified names");
        for (f, r) in specs.functions.iter().zip(reference) {
            let ctx = format!("{name}: {}", f.qualified_name);
            match (&f.docstring, r["raw"].as_str()) {
                (None, None) => continue,
                (Some(d), Some(raw)) => {
                    assert_eq!(d.raw, raw, "{ctx}: raw docstring");
                    assert_eq!(
                        Some(d.cleaned.as_str()),
                        r["cleaned"].as_str(),
                        "{ctx}: cleandoc"
                    );
                }
                (d, raw) => panic!("{ctx}: docstring presence differs: {d:?} vs {raw:?}"),
            }
            let doctests: Vec<_> = f
                .examples
                .iter()
                .filter(|e| e.kind == ExampleKind::Doctest)
                .collect();
            let expected = r["examples"].as_array().cloned().unwrap_or_default();
            assert_eq!(doctests.len(), expected.len(), "{ctx}: number of doctests");
            for (e, x) in doctests.iter().zip(&expected) {
                assert_eq!(
                    Some(e.source.as_str()),
                    x["source"].as_str(),
                    "{ctx}: source"
                );
                assert_eq!(Some(e.expected.as_str()), x["want"].as_str(), "{ctx}: want");
                assert_eq!(
                    e.expected_exception.as_deref(),
                    x["exc_msg"].as_str(),
                    "{ctx}: exc"
                );
                let dirs: Vec<&str> = x["directives"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|d| d.as_str()).collect())
                    .unwrap_or_default();
                assert_eq!(e.directives, dirs, "{ctx}: directives");
            }
        }
    }
}

/// Every example's range covers exactly its text in the file: doctests start at `>>>` and end
/// with the last expected line; comments start at `#`; asserts at `assert`.
#[test]
fn example_ranges_are_exact() {
    for name in PARSEABLE {
        let (text, specs) = load(name);
        for f in &specs.functions {
            for e in &f.examples {
                let slice = &text[e.range.start_byte..e.range.end_byte];
                let ctx = format!("{name}: {} {:?} {slice:?}", f.qualified_name, e.kind);
                match e.kind {
                    ExampleKind::Doctest => {
                        assert!(slice.starts_with(">>>"), "{ctx}");
                        let last_source = e.source.lines().last().unwrap_or("");
                        let last = e.expected.lines().last().unwrap_or(last_source);
                        // `<BLANKLINE>` stands for an empty last line; escapes in the
                        // docstring make the file text differ from the value.
                        let escaped = f.docstring.as_ref().is_some_and(|d| {
                            text[d.range.start_byte..d.range.end_byte].contains('\\')
                        });
                        assert!(
                            escaped
                                || slice.trim_end().ends_with(last.trim_end())
                                || slice.ends_with("<BLANKLINE>"),
                            "{ctx}"
                        );
                    }
                    ExampleKind::Comment => {
                        // `# f(x) -> y`, or a bare `f(x) -> y` docstring line.
                        assert!(
                            slice.starts_with('#') || slice.starts_with(&e.source),
                            "{ctx}"
                        );
                        assert!(
                            slice.contains(&e.source) && slice.ends_with(&e.expected),
                            "{ctx}"
                        );
                    }
                    ExampleKind::Assert => assert!(slice.starts_with("assert"), "{ctx}"),
                    ExampleKind::Prose => {
                        // From the call to the literal result, inside a sentence.
                        assert!(slice.starts_with(&e.source), "{ctx}");
                        assert!(slice.ends_with(&e.expected), "{ctx}");
                    }
                    ExampleKind::InputOutput => {
                        // From the `Input` label to the output value.
                        assert!(slice.to_ascii_lowercase().starts_with("input"), "{ctx}");
                        assert!(slice.lines().count() >= 2, "{ctx}");
                    }
                }
                // Line/column positions agree with the byte offsets.
                let line_start = text[..e.range.start_byte].rfind('\n').map_or(0, |i| i + 1);
                let col = &text[line_start..e.range.start_byte];
                assert_eq!(e.range.start.byte_col as usize, col.len(), "{ctx}");
                assert_eq!(
                    e.range.start.utf16_col as usize,
                    col.encode_utf16().count(),
                    "{ctx}"
                );
                assert_eq!(
                    e.range.start.line as usize,
                    text[..e.range.start_byte].matches('\n').count(),
                    "{ctx}"
                );
            }
        }
    }
}

#[test]
fn signatures_bodies_and_examples() {
    let (text, specs) = load("doctests.py");
    let add = func(&specs, "add");
    assert_eq!(add.params.len(), 2);
    assert_eq!(add.params[1].default.as_deref(), Some("0"));
    assert_eq!(add.return_annotation.as_deref(), Some("int"));
    assert_eq!(add.body_state, BodyState::Unimplemented);
    // Docstring-only body: an empty range right after the docstring.
    assert_eq!(add.body_range.start_byte, add.body_range.end_byte);
    assert!(text[..add.body_range.start_byte].ends_with("\"\"\""));
    assert_eq!(add.body_indent, "    ");
    let call = add.examples[1].call.as_ref().expect("direct call");
    assert_eq!(call.args, vec!["-1"]);
    assert_eq!(call.kwargs, vec![("b".to_string(), "1".to_string())]);
    assert_eq!(
        add.docstring.as_ref().map(|d| d.prose.as_str()),
        Some("Add two numbers.")
    );

    let split = func(&specs, "split_words");
    assert_eq!(split.body_state, BodyState::Implemented);
    assert_eq!(
        &text[split.body_range.start_byte..split.body_range.end_byte],
        "return text.split()"
    );
    assert_eq!(
        split.docstring.as_ref().map(|d| d.prose.as_str()),
        Some("Split text into words.\n\nReturns:\n    The words, in order.")
    );
    let repeat = func(&specs, "repeat");
    assert_eq!(repeat.body_state, BodyState::Unimplemented);
    assert_eq!(
        &text[repeat.body_range.start_byte..repeat.body_range.end_byte],
        "..."
    );
    assert_eq!(repeat.examples[1].expected, "x\n\nx\n");
    assert_eq!(repeat.examples[1].call, None);
    for stub in ["parse_int", "multiline_call", "escaped"] {
        assert_eq!(
            func(&specs, stub).body_state,
            BodyState::Unimplemented,
            "{stub}"
        );
    }
    assert_eq!(
        func(&specs, "no_examples").body_state,
        BodyState::Implemented
    );
    let multi = func(&specs, "multiline_call");
    let call = multi.examples[0].call.as_ref().expect("call");
    assert_eq!(call.args, vec!["[\n    1,\n    2,\n]"]);
    let one = func(&specs, "one_line_doc");
    assert_eq!(one.examples.len(), 1);
    assert_eq!(one.examples[0].expected, "2");
}

#[test]
fn comment_and_assert_examples() {
    let (text, specs) = load("comments_asserts.py");
    let clamp = func(&specs, "clamp");
    let got: Vec<(ExampleKind, &str, &str)> = clamp
        .examples
        .iter()
        .map(|e| (e.kind, e.source.as_str(), e.expected.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ExampleKind::Comment, "clamp(5, 0, 3)", "3"),
            (ExampleKind::Comment, "clamp(-1, 0, 3)", "0"),
            (ExampleKind::Comment, "clamp(2, 0, 3)", "2"),
            (ExampleKind::Assert, "clamp(10, 0, 5)", "5"),
        ]
    );
    assert!(clamp.examples.iter().all(|e| e.call.is_some()));
    let arrow = func(&specs, "arrow_text");
    let got: Vec<(&str, &str)> = arrow
        .examples
        .iter()
        .map(|e| (e.source.as_str(), e.expected.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("arrow_text(\"a->b\")", "\"a→b\""),
            ("arrow_text(\"x == y\")", "\"x == y\""),
        ]
    );
    // The docstring example line is exact in the file and left out of the prose.
    let e = &arrow.examples[0];
    assert_eq!(
        &text[e.range.start_byte..e.range.end_byte],
        "# arrow_text(\"a->b\") -> \"a→b\""
    );
    assert_eq!(
        arrow.docstring.as_ref().map(|d| d.prose.as_str()),
        Some("Replace arrows.\n\n# other(1) -> 2")
    );
    let cv = func(&specs, "count_vowels");
    let got: Vec<(&str, &str, bool)> = cv
        .examples
        .iter()
        .map(|e| (e.source.as_str(), e.expected.as_str(), e.call.is_some()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("count_vowels(\"hello\")", "2", true),
            ("count_vowels(word=\"xyz\")", "0", true),
            ("count_vowels(\"aeiou\")", "5", true),
            ("count_vowels(*[\"ab\"])", "1", false),
        ]
    );
    assert!(func(&specs, "unused").examples.is_empty());
    // Bare `f(x) -> y` lines in a docstring count when the expected side is an expression.
    let double = func(&specs, "double");
    let got: Vec<(&str, &str)> = double
        .examples
        .iter()
        .map(|e| (e.source.as_str(), e.expected.as_str()))
        .collect();
    assert_eq!(got, vec![("double(2)", "4"), ("double(-1)", "-2")]);
    let e = &double.examples[0];
    assert_eq!(
        &text[e.range.start_byte..e.range.end_byte],
        "double(2) -> 4"
    );
    assert_eq!(
        double.docstring.as_ref().map(|d| d.prose.as_str()),
        Some("Double a number.\n\ndouble(n) -> twice n")
    );
    assert_eq!(double.body_state, BodyState::Unimplemented);
}

#[test]
fn methods_nested_async_decorators() {
    let (_, specs) = load("classes_nested.py");
    let names: Vec<(&str, bool)> = specs
        .functions
        .iter()
        .map(|f| (f.qualified_name.as_str(), f.is_top_level))
        .collect();
    assert_eq!(
        names,
        vec![
            ("unrelated_helper", true),
            ("helper", true),
            ("Point.norm1", false),
            ("Point.origin", false),
            ("Point.swapped", false),
            ("Point.Inner.deep", false),
            ("outer", true),
            ("outer.<locals>.inner", false),
            ("outer.<locals>.Local.method", false),
            ("fetch", true),
        ]
    );
    let norm = func(&specs, "Point.norm1");
    // Methods take `obj.norm1(...)` asserts; the doctest call goes through an attribute too.
    let kinds: Vec<ExampleKind> = norm.examples.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![ExampleKind::Doctest, ExampleKind::Assert]);
    assert_eq!(
        norm.examples[1].call.as_ref().map(|c| c.args.len()),
        Some(0)
    );
    let fetch = func(&specs, "fetch");
    assert!(fetch.is_async);
    assert_eq!(
        fetch.decorators,
        vec![
            "functools.lru_cache(maxsize=None)",
            "functools.wraps(helper)"
        ]
    );
    assert_eq!(fetch.body_state, BodyState::Unimplemented);
    assert_eq!(fetch.examples[0].directives, vec!["+SKIP"]);
    assert!(fetch.def_range.start.line < 70 && fetch.def_range.start.byte_col == 0);
    let inner = func(&specs, "outer.<locals>.inner");
    assert_eq!(inner.body_indent, "        ");
    assert_eq!(
        inner.params[0].kind,
        docsynth::spec::ParamKind::PositionalOnly
    );
    let deep = func(&specs, "Point.Inner.deep");
    assert_eq!(deep.params[1].kind, docsynth::spec::ParamKind::KeywordOnly);
    assert_eq!(deep.params[2].kind, docsynth::spec::ParamKind::VarKeyword);
    // The module context: imports, definitions, and what `outer` needs.
    let ctx = &specs.context;
    assert_eq!(
        ctx.imports,
        vec!["import functools", "from dataclasses import dataclass"]
    );
    let outer = func(&specs, "outer");
    let needed: Vec<&str> = ctx
        .required_definitions(
            &docsynth::spec::referenced_names("def outer(n):\n    return helper(n) + OFFSET\n"),
            &[&outer.name],
        )
        .into_iter()
        .map(|i| ctx.definitions[i].0.as_str())
        .collect();
    assert_eq!(needed, vec!["SCALE", "OFFSET", "helper"]);
}

#[test]
fn broken_file_keeps_intact_functions() {
    let (_, specs) = load("broken.py");
    assert!(specs.has_syntax_errors);
    let names: Vec<&str> = specs.functions.iter().map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"intact_before"), "{names:?}");
    assert!(names.contains(&"intact_after"), "{names:?}");
    let before = func(&specs, "intact_before");
    assert_eq!(before.examples.len(), 1);
    assert_eq!(before.examples[0].expected, "2");
}

#[test]
fn non_ascii_positions() {
    let (text, specs) = load("unicode_text.py");
    let greet = func(&specs, "greet");
    let e = &greet.examples[0];
    assert_eq!(e.expected, "'Hola, José! 👋'");
    // The comment example after emoji: UTF-16 column counts the emoji as 2 units.
    let c = greet
        .examples
        .iter()
        .find(|e| e.kind == ExampleKind::Comment)
        .expect("comment example");
    assert_eq!(
        &text[c.range.start_byte..c.range.end_byte],
        "# greet(\"😀\") -> 'Hola, 😀! 👋'"
    );
    let end_line_start = text[..c.range.end_byte].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[end_line_start..c.range.end_byte];
    assert_eq!(
        c.range.end.utf16_col as usize,
        prefix.encode_utf16().count()
    );
    assert_eq!(c.range.end.byte_col as usize, prefix.len());
    assert!(c.range.end.utf16_col < c.range.end.byte_col);
    let cafe = func(&specs, "café");
    assert_eq!(cafe.params[0].name, "crème");
    assert_eq!(
        cafe.examples[0].call.as_ref().map(|c| c.args.clone()),
        Some(vec!["2".to_string()])
    );
}

#[test]
fn crlf_latin1_tabs() {
    let (text, specs) = load("crlf.py");
    let f = func(&specs, "crlf_add");
    let kinds: Vec<ExampleKind> = f.examples.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ExampleKind::Doctest,
            ExampleKind::Doctest,
            ExampleKind::Comment,
            ExampleKind::Assert
        ]
    );
    assert_eq!(f.examples[1].source, "crlf_add(\"a\",\n         \"b\")");
    let c = &f.examples[2];
    assert_eq!(
        &text[c.range.start_byte..c.range.end_byte],
        "# crlf_add(2, 2) -> 4"
    );
    assert_eq!(c.expected, "4");
    assert_eq!(f.body_indent, "    ");

    let (_, specs) = load("latin1.py");
    let accent = func(&specs, "accent");
    assert_eq!(accent.examples[0].expected, "'cafe'");
    assert_eq!(accent.examples[0].source, "accent(\"café\")");

    let (_, specs) = load("tabs.py");
    let tabbed = func(&specs, "tabbed");
    assert_eq!(tabbed.body_indent, "\t");
    assert_eq!(tabbed.examples[0].expected, "9");
    assert_eq!(func(&specs, "T.m").examples[0].source, "T().m()");
}

/// The whole Python standard library: every function's qualified name, raw and cleaned
/// docstring and doctest examples agree with CPython's `ast`, `inspect` and `doctest`.
#[test]
fn stdlib_docstrings_and_doctests_match_cpython() {
    let out = Command::new("python3")
        .args([
            "-c",
            "import os, inspect; print(os.path.dirname(inspect.__file__))",
        ])
        .output()
        .expect("python3 runs");
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("stdlib dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/python_docstrings.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(&files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reference: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let reference = reference.as_object().expect("object");
    let mut mismatches = Vec::new();
    let mut compared = 0;
    for path in &files {
        let Some(expected) = reference
            .get(&path.display().to_string())
            .and_then(|v| v.as_array())
        else {
            continue;
        };
        let bytes = std::fs::read(path).expect("read");
        let Ok(text) = decode_source(&bytes) else {
            continue;
        };
        let specs = extract(&text);
        let ours: Vec<&str> = specs
            .functions
            .iter()
            .map(|f| f.qualified_name.as_str())
            .collect();
        let theirs: Vec<&str> = expected
            .iter()
            .map(|r| r["qualified_name"].as_str().unwrap_or(""))
            .collect();
        if ours != theirs {
            mismatches.push(format!("{}: function lists differ", path.display()));
            continue;
        }
        for (f, r) in specs.functions.iter().zip(expected) {
            compared += 1;
            let ctx = format!("{}: {}", path.display(), f.qualified_name);
            let raw = r["raw"].as_str();
            if f.docstring.as_ref().map(|d| d.raw.as_str()) != raw {
                mismatches.push(format!("{ctx}: raw docstring"));
                continue;
            }
            if let Some(d) = &f.docstring {
                if Some(d.cleaned.as_str()) != r["cleaned"].as_str() {
                    mismatches.push(format!("{ctx}: cleaned docstring"));
                }
            }
            let doctests: Vec<_> = f
                .examples
                .iter()
                .filter(|e| e.kind == ExampleKind::Doctest)
                .collect();
            let want = r["examples"].as_array().cloned().unwrap_or_default();
            if doctests.len() != want.len() {
                mismatches.push(format!(
                    "{ctx}: {} doctests, CPython {}",
                    doctests.len(),
                    want.len()
                ));
                continue;
            }
            for (e, x) in doctests.iter().zip(&want) {
                if Some(e.source.as_str()) != x["source"].as_str()
                    || Some(e.expected.as_str()) != x["want"].as_str()
                    || e.expected_exception.as_deref() != x["exc_msg"].as_str()
                {
                    mismatches.push(format!("{ctx}: doctest {:?}", e.source));
                }
            }
        }
    }
    assert!(compared > 5_000, "{compared}");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn prose_and_input_output_examples() {
    let (_, specs) = load("prose_examples.py");
    let got = |name: &str| -> Vec<(ExampleKind, String, String)> {
        func(&specs, name)
            .examples
            .iter()
            .map(|e| (e.kind, e.source.clone(), e.expected.clone()))
            .collect()
    };
    let ex = |kind: ExampleKind, source: &str, expected: &str| {
        (kind, source.to_string(), expected.to_string())
    };
    assert_eq!(
        got("add"),
        vec![
            ex(ExampleKind::Comment, "add(3, 2)", "5"),
            ex(ExampleKind::Comment, "add(-3, -6)", "-9"),
        ]
    );
    assert_eq!(
        got("square"),
        vec![
            ex(ExampleKind::Prose, "square(2)", "4"),
            ex(ExampleKind::Prose, "square(-3)", "9"),
            ex(ExampleKind::Prose, "square(0)", "0"),
        ]
    );
    assert_eq!(
        got("total"),
        vec![
            ex(ExampleKind::InputOutput, "total([1, 2, 3])", "6"),
            ex(ExampleKind::InputOutput, "total([])", "0"),
        ]
    );
    assert_eq!(
        got("two_sum"),
        vec![
            ex(ExampleKind::InputOutput, "two_sum([2,7,11,15], 9)", "[0,1]"),
            ex(ExampleKind::InputOutput, "two_sum([3,2,4], 6)", "[1,2]"),
        ]
    );
    assert_eq!(
        got("is_even"),
        vec![ex(ExampleKind::InputOutput, "is_even(7)", "False")]
    );
    // Every new example is a direct call with split arguments, ready for synthesis.
    for name in ["add", "square", "total", "two_sum", "is_even"] {
        assert!(
            func(&specs, name).examples.iter().all(|e| e.call.is_some()),
            "{name}"
        );
    }
    // Methods have no receiver in such examples: none are taken.
    assert!(func(&specs, "Box.get").examples.is_empty());
    // Input/output lines and their emptied headers leave the prose; sentences stay.
    let prose = |name: &str| {
        func(&specs, name)
            .docstring
            .as_ref()
            .map(|d| d.prose.clone())
            .unwrap_or_default()
    };
    assert_eq!(prose("total"), "Sum a list.");
    assert_eq!(prose("is_even"), "Tell whether n is even.");
    assert!(prose("two_sum").contains("Explanation: Because"));
    assert!(!prose("two_sum").contains("Input:"));
    assert!(prose("square").starts_with("Square a number: `square(2)` should return `4`"));
}
