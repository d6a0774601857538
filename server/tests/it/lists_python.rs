//! Differential test: rendered Python agrees with the Rust interpreter on ≥ 10,000 random
//! programs wherever the DSL program is valid. One `python3` process runs the whole batch.

use docsynth::domain::lists::dsl::{Type, EXEDEC_MAX_INT};
use docsynth::domain::lists::interp::{DslValue, Machine};
use docsynth::domain::lists::render::render;
use docsynth::domain::lists::sample::{self, Profile};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};

fn py_value(v: &DslValue) -> String {
    match v {
        DslValue::Int(x) => x.to_string(),
        DslValue::List(xs) => format!(
            "[{}]",
            xs.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Parameter name sets, including names that shadow builtins and modules the renderer uses.
const NAMES: &[&[&str]] = &[
    &["xs", "ys"],
    &["x", "y"],
    &["a", "b"],
    &["list", "sum"],
    &["itertools", "operator"],
    &["values", "n"],
];

#[test]
fn rendered_python_matches_the_interpreter() {
    let Ok(status) = Command::new("python3").arg("--version").output() else {
        println!("skipping: python3 not found");
        return;
    };
    assert!(status.status.success());
    let mut machine = Machine::new();
    let mut script = String::from("import json, sys\nresults = []\n");
    let mut expected: Vec<Vec<(String, Option<DslValue>)>> = Vec::new();
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let profiles = [
        Profile::named("exedec").unwrap(),
        Profile::named("lp").unwrap(),
    ];
    let mut programs = 0;
    let mut seed = 0u64;
    while programs < 10_000 {
        seed += 1;
        let profile = &profiles[(seed % 2) as usize];
        let Some(t) = sample::sample(profile, seed, 0) else {
            continue;
        };
        let names = NAMES[(seed as usize) % NAMES.len()];
        let params: Vec<String> = (0..t.program.input_types.len())
            .map(|i| names.get(i).map_or(format!("p{i}"), |s| s.to_string()))
            .collect();
        let r = render(&t.program, &params);
        let f = format!("f{programs}");
        let _ = writeln!(script, "def {f}({}):", params.join(", "));
        for imp in &r.imports {
            let _ = writeln!(script, "    {imp}");
        }
        for line in r.body.lines() {
            let _ = writeln!(script, "    {line}");
        }
        // Examples plus fresh random inputs (some make the DSL program invalid).
        let mut cases = Vec::new();
        let mut inputs: Vec<Vec<DslValue>> = t.examples.iter().map(|(i, _)| i.clone()).collect();
        for _ in 0..3 {
            inputs.push(sample::random_inputs(
                &mut rng,
                profile,
                &t.program.input_types,
            ));
        }
        for ins in inputs {
            let args: Vec<String> = ins.iter().map(py_value).collect();
            let call = format!("{f}({})", args.join(", "));
            cases.push((call, machine.run(&t.program, &ins, EXEDEC_MAX_INT)));
        }
        for (call, want) in &cases {
            if want.is_some() {
                let _ = writeln!(script, "results.append({call})");
            }
        }
        expected.push(cases);
        programs += 1;
        assert!(t.program.input_types.contains(&Type::List));
    }
    script.push_str("json.dump(results, sys.stdout)\n");
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("script written");
    let out = child.wait_with_output().expect("python3 runs");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let want: Vec<(&String, &DslValue)> = expected
        .iter()
        .flatten()
        .filter_map(|(c, w)| w.as_ref().map(|w| (c, w)))
        .collect();
    assert_eq!(got.len(), want.len());
    for (g, (call, w)) in got.iter().zip(&want) {
        let w_json: serde_json::Value = serde_json::from_str(&py_value(w)).expect("json value");
        assert_eq!(g, &w_json, "{call}");
    }
    assert!(want.len() >= 30_000, "only {} valid cases", want.len());
    println!("{programs} programs, {} valid cases agree", want.len());
}

#[test]
fn rendering_is_idiomatic() {
    use docsynth::domain::lists::text_form::parse_program;
    let p = parse_program(
        "x0 = INPUT | x1 = INPUT | x2 = Scanl1 (-) x0 | x3 = Map (*(-1)) x2 | x4 = Filter (>0) x3 | x5 = Take x1 x4",
    )
    .unwrap();
    let mut p = p;
    p.input_types = vec![Type::List, Type::Int];
    let r = render(&p, &["nums".to_string(), "k".to_string()]);
    assert_eq!(
        r.body,
        "running_differences = list(itertools.accumulate(nums, operator.sub))\n\
         negated = [-x for x in running_differences]\n\
         positives = [x for x in negated if x > 0]\n\
         return positives[:k]"
    );
    assert_eq!(r.imports, vec!["import itertools", "import operator"]);
    let q =
        parse_program("x0 = INPUT | x1 = INPUT | x2 = ZipWith (min) x0 x1 | x3 = Count (%2==0) x2")
            .unwrap();
    let r = render(&q, &["a".to_string(), "b".to_string()]);
    assert_eq!(
        r.body,
        "minima = [min(x, y) for x, y in zip(a, b)]\nreturn sum(1 for x in minima if x % 2 == 0)"
    );
    assert!(r.imports.is_empty());
}
