//! `Value::parse_literal` and `Value::to_python_repr` against the real `python3`.

use docsynth::value::Value;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `python3` over `inputs` (one per line, JSON-encoded): for each, `repr(eval(src))` with
/// only `inf`/`nan` defined, or `ERROR` if it does not evaluate.
fn python_reprs(inputs: &[String]) -> Vec<String> {
    let script = r#"
import json, math, sys
out = []
for line in sys.stdin:
    src = json.loads(line)
    try:
        out.append(repr(eval(src, {"__builtins__": {}}, {"inf": math.inf, "nan": math.nan, "float": float})))
    except Exception as e:
        out.append("ERROR " + type(e).__name__)
print(json.dumps(out))
"#;
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        for s in inputs {
            writeln!(stdin, "{}", serde_json::to_string(s).expect("json")).expect("write");
        }
    }
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("json list")
}

#[test]
fn parse_then_repr_matches_python() {
    let sources: Vec<String> = [
        "0",
        "-1",
        "1_000_000",
        "0xFF",
        "0o777",
        "0b1010",
        "-0x10",
        "9223372036854775807",
        "-9223372036854775808",
        "+5",
        "~5",
        "--3",
        "1.0",
        "0.1",
        "1.5e-7",
        "1e22",
        "1e16",
        "1e15",
        "123456789012345680.0",
        "0.0001",
        "0.00001",
        "-0.0",
        "2.5E+3",
        "1_0.5",
        ".5",
        "5.",
        "3.141592653589793",
        "1/3",
        "float('inf')",
        "float('-inf')",
        "float('nan')",
        "1e308",
        "5e-324",
        "'abc'",
        "\"it's\"",
        "'say \"hi\"'",
        "'both \\' and \"'",
        "'\\n\\t\\r\\x00\\x7f'",
        "'\\u00e9\\u4e2d\\U0001F600'",
        "r'\\d+\\n'",
        "R\"raw\\\\\"",
        "u'unicode'",
        "'a' 'b' \"c\"",
        "'''triple\nline'''",
        "\"\"\"x\"\"\"",
        "'\\x85\\xa0\\xad'",
        "'\\u2028\\u200b\\ufeff'",
        "'\\ue000\\U0010ffff'",
        "'\\N'",
        "'\\q'",
        "'\\101\\0'",
        "'tab\there'",
        "[]",
        "()",
        "{}",
        "(1,)",
        "[1, [2, [3, []]]]",
        "(1, 'a', None, True, False)",
        "{'a': 1, 'b': [1, 2], 3: (4,)}",
        "{1: {2: {3: {}}}}",
        "[(1, 2), {'k': 'v'}]",
        "1, 2",
        "[1,\n 2,  # comment\n 3]",
        "((((1))))",
        "(-1, -2.5)",
        "[True, 1, 1.0]",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let expected = python_reprs(&sources);
    for (src, want) in sources.iter().zip(&expected) {
        match Value::parse_literal(src) {
            Ok(v) => assert_eq!(&v.to_python_repr(), want, "source {src:?}"),
            // Only what Python also refuses (or cannot be a literal here) may fail.
            Err(e) => assert!(
                want.starts_with("ERROR") || src == "1/3" || src == "'\\N'",
                "source {src:?} failed ({e}) but Python gives {want}"
            ),
        }
    }
}

fn random_char(rng: &mut ChaCha8Rng) -> char {
    const SPECIAL: &[char] = &[
        '\'',
        '"',
        '\\',
        '\n',
        '\t',
        '\r',
        '\0',
        '\u{7}',
        '\u{7f}',
        '\u{80}',
        '\u{85}',
        '\u{a0}',
        '\u{ad}',
        'é',
        'ß',
        'Ω',
        'ж',
        '中',
        '😀',
        '👋',
        '\u{2028}',
        '\u{2029}',
        '\u{200b}',
        '\u{200e}',
        '\u{feff}',
        '\u{e000}',
        '\u{3000}',
        '\u{1680}',
        '\u{fffe}',
        '\u{10ffff}',
        '\u{f0000}',
        '\u{1d173}',
        '\u{e0001}',
        'ё',
        'Ä',
        '\u{300}',
        '\u{1100}',
        '\u{ff21}',
    ];
    if rng.gen_bool(0.5) {
        char::from(rng.gen_range(0x20u8..0x7f))
    } else {
        SPECIAL[rng.gen_range(0..SPECIAL.len())]
    }
}

fn random_value(rng: &mut ChaCha8Rng, depth: usize) -> Value {
    let top = if depth >= 3 { 5 } else { 8 };
    match rng.gen_range(0..top) {
        0 => Value::None,
        1 => Value::Bool(rng.gen()),
        2 => Value::Int(match rng.gen_range(0..3) {
            0 => rng.gen_range(-100..100),
            1 => rng.gen(),
            _ => [i64::MIN, i64::MAX, 0][rng.gen_range(0..3)],
        }),
        3 => Value::Float(match rng.gen_range(0..4) {
            0 => f64::from_bits(rng.gen()),
            1 => rng.gen_range(-1e6..1e6),
            2 => (rng.gen_range(-1000..1000) as f64) / 8.0,
            _ => 10f64.powi(rng.gen_range(-30..30)) * rng.gen::<f64>(),
        }),
        4 => Value::Str(
            (0..rng.gen_range(0..12))
                .map(|_| random_char(rng))
                .collect(),
        ),
        5 => Value::List(
            (0..rng.gen_range(0..4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        6 => Value::Tuple(
            (0..rng.gen_range(0..4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => Value::Dict(
            (0..rng.gen_range(0..4))
                .map(|i| {
                    let key = Value::Str(format!("k{i}{}", random_char(rng)));
                    (key, random_value(rng, depth + 1))
                })
                .collect(),
        ),
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        }
        (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| same(k1, k2) && same(v1, v2))
        }
        _ => a == b,
    }
}

/// Random values: Python's `repr(eval(ours))` is `ours` (our repr is exactly Python's), and
/// parsing our repr gives the value back.
#[test]
fn random_values_repr_like_python_and_round_trip() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let values: Vec<Value> = (0..600).map(|_| random_value(&mut rng, 0)).collect();
    let reprs: Vec<String> = values.iter().map(Value::to_python_repr).collect();
    let python = python_reprs(&reprs);
    for ((v, ours), theirs) in values.iter().zip(&reprs).zip(&python) {
        assert_eq!(ours, theirs, "value {v:?}");
        let has_special_float = ours.contains("inf") || ours.contains("nan");
        if !has_special_float {
            let back = Value::parse_literal(ours).unwrap_or_else(|e| panic!("{ours}: {e}"));
            assert!(same(&back, v), "{ours}: {back:?} != {v:?}");
        }
    }
}
