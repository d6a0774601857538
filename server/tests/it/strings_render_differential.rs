//! Differential test of the Python renderer: 12,000 random programs (sampler programs of both
//! profiles and uniformly random programs over the whole extended DSL, quirks included) run on
//! random inputs through the Rust interpreter and through CPython (one `python3` process for the
//! batch); every result must be identical.

use docsynth::domain::strings::dsl::{Boundary, Case, Expr, Func, Program, Regex, Type};
use docsynth::domain::strings::{interp, render, sample};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::Write;
use std::process::{Command, Stdio};

const PRINTABLE: &[u8] = b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

fn random_input(rng: &mut ChaCha8Rng) -> Vec<u8> {
    let mut s = Vec::new();
    let pieces = rng.gen_range(0..7);
    for _ in 0..pieces {
        match rng.gen_range(0..6) {
            0 => s.push(PRINTABLE[rng.gen_range(0..PRINTABLE.len())]),
            1 => s.extend((0..rng.gen_range(1..5)).map(|_| rng.gen_range(b'a'..=b'z'))),
            2 => s.extend((0..rng.gen_range(1..4)).map(|_| rng.gen_range(b'A'..=b'Z'))),
            3 => s.extend((0..rng.gen_range(1..5)).map(|_| rng.gen_range(b'0'..=b'9'))),
            4 => {
                s.push(rng.gen_range(b'A'..=b'Z'));
                s.extend((0..rng.gen_range(1..4)).map(|_| rng.gen_range(b'a'..=b'z')));
            }
            _ => s.extend(std::iter::repeat_n(b' ', rng.gen_range(1..3))),
        }
    }
    s
}

fn rtype(rng: &mut ChaCha8Rng) -> Type {
    Type::ALL[rng.gen_range(0..Type::ALL.len())]
}

fn rchar(rng: &mut ChaCha8Rng) -> u8 {
    if rng.gen_bool(0.1) {
        b'\\'
    } else {
        PRINTABLE[rng.gen_range(0..PRINTABLE.len())]
    }
}

fn rregex(rng: &mut ChaCha8Rng) -> Regex {
    if rng.gen_bool(0.5) {
        Regex::Type(rtype(rng))
    } else {
        Regex::Char(rchar(rng))
    }
}

fn rindex(rng: &mut ChaCha8Rng) -> i8 {
    rng.gen_range(-6..=6)
}

fn rfunc(rng: &mut ChaCha8Rng) -> Func {
    let b = |rng: &mut ChaCha8Rng| Boundary::ALL[rng.gen_range(0..2)];
    match rng.gen_range(0..14) {
        0 => Func::SubStr(rng.gen_range(-12..=12), rng.gen_range(-12..=12)),
        1 => Func::GetSpan(
            rregex(rng),
            rindex(rng),
            b(rng),
            rregex(rng),
            rindex(rng),
            b(rng),
        ),
        2 => Func::GetToken(rtype(rng), rindex(rng)),
        3 => Func::ToCase(Case::ALL[rng.gen_range(0..3)]),
        4 => Func::Replace(rchar(rng), rchar(rng)),
        5 => Func::Trim,
        6 => Func::GetUpto(rregex(rng)),
        7 => Func::GetFrom(rregex(rng)),
        8 => Func::GetFirst(rtype(rng), rindex(rng)),
        9 => Func::GetAll(rtype(rng)),
        10 => Func::Substitute(rtype(rng), rindex(rng), rchar(rng)),
        11 => Func::SubstituteAll(rtype(rng), rchar(rng)),
        12 => Func::Remove(rtype(rng), rindex(rng)),
        _ => Func::RemoveAll(rtype(rng)),
    }
}

fn random_program(rng: &mut ChaCha8Rng, n_inputs: u8) -> Program {
    let n = rng.gen_range(1..5);
    let exprs = (0..n)
        .map(|_| {
            let input = rng.gen_range(0..n_inputs);
            match rng.gen_range(0..4) {
                0 => Expr::Const((0..rng.gen_range(1..4)).map(|_| rchar(rng)).collect()),
                1 => Expr::Compose {
                    input,
                    outer: rfunc(rng),
                    inner: rfunc(rng),
                },
                _ => Expr::Apply {
                    input,
                    func: rfunc(rng),
                },
            }
        })
        .collect();
    Program { exprs }
}

struct Case1 {
    program: Program,
    params: Vec<String>,
    inputs: Vec<Vec<Vec<u8>>>,
}

fn cases() -> Vec<Case1> {
    let mut rng = ChaCha8Rng::seed_from_u64(4242);
    let mut out = Vec::new();
    for p in [sample::LP, sample::EXEDEC] {
        while out.len() < if p.name == "lp" { 2000 } else { 4000 } {
            if let Some(s) = sample::sample(&mut rng, &p, 2) {
                out.push(Case1 {
                    program: s.program,
                    params: vec!["s".into()],
                    inputs: s.inputs.into_iter().map(|i| vec![i]).collect(),
                });
            }
        }
    }
    while out.len() < 12_000 {
        let n_inputs = rng.gen_range(1..=2u8);
        let params: Vec<String> = ["text", "other"][..n_inputs as usize]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let program = random_program(&mut rng, n_inputs);
        let inputs = (0..5)
            .map(|_| (0..n_inputs).map(|_| random_input(&mut rng)).collect())
            .collect();
        out.push(Case1 {
            program,
            params,
            inputs,
        });
    }
    out
}

const DRIVER: &str = r#"
import json, sys
cases = json.load(sys.stdin)
results = []
for c in cases:
    ns = {}
    try:
        exec(c["src"], ns)
        f = ns["f"]
        results.append([f(*args) for args in c["inputs"]])
    except Exception as e:
        results.append("EXC " + type(e).__name__ + ": " + str(e))
json.dump(results, sys.stdout)
"#;

#[test]
fn rendered_python_matches_interpreter() {
    let cases = cases();
    let mut payload = Vec::new();
    let mut expected = Vec::new();
    for c in &cases {
        let r = render::render(&c.program, &c.params);
        let body: String = r.body.lines().map(|l| format!("    {l}\n")).collect();
        let src = format!(
            "{}\ndef f({}):\n{body}",
            r.imports.join("\n"),
            c.params.join(", ")
        );
        let ins: Vec<Vec<String>> = c
            .inputs
            .iter()
            .map(|args| {
                args.iter()
                    .map(|a| String::from_utf8_lossy(a).into_owned())
                    .collect()
            })
            .collect();
        payload.push(serde_json::json!({ "src": src, "inputs": ins }));
        expected.push(
            c.inputs
                .iter()
                .map(|args| {
                    let a: Vec<&[u8]> = args.iter().map(Vec::as_slice).collect();
                    String::from_utf8_lossy(&interp::run(&c.program, &a).unwrap_or_default())
                        .into_owned()
                })
                .collect::<Vec<_>>(),
        );
    }
    let child = Command::new("python3")
        .arg("-c")
        .arg(DRIVER)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("note: python3 not found; skipping the differential render test");
        return;
    };
    let data = serde_json::to_vec(&payload).expect("json");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&data)
        .expect("write");
    let out = child.wait_with_output().expect("python3 ran");
    assert!(out.status.success(), "python3 failed");
    let got: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("python json");
    assert_eq!(got.len(), cases.len());
    let mut mismatches = Vec::new();
    for ((c, want), got) in cases.iter().zip(&expected).zip(&got) {
        let want_json = serde_json::json!(want);
        if &want_json != got {
            let r = render::render(&c.program, &c.params);
            mismatches.push(format!(
                "{}\ninputs {:?}\nrust {want_json}\npython {got}\n{}\n",
                c.program,
                c.inputs
                    .iter()
                    .map(|a| a
                        .iter()
                        .map(|x| String::from_utf8_lossy(x).into_owned())
                        .collect::<Vec<_>>())
                    .collect::<Vec<_>>(),
                r.body
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} programs differ; first ones:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches[..mismatches.len().min(5)].join("\n")
    );
}
