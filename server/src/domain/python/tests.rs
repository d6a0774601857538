//! Unit tests of the python space: interpreter, search and rendering.

use super::*;
use crate::cancel::CancelToken;
use std::time::Duration;

/// A task from literal texts (shared with the decomposition's tests).
pub(super) fn task(
    names: &[&str],
    types: &[&str],
    doc: &str,
    examples: &[(&[&str], &str)],
) -> Task {
    Task {
        param_names: names.iter().map(|s| s.to_string()).collect(),
        param_types: types.iter().map(|s| s.to_string()).collect(),
        description: doc.to_string(),
        examples: examples
            .iter()
            .map(|(ins, out)| IoExample {
                inputs: ins
                    .iter()
                    .map(|s| Value::parse_literal(s).expect("literal"))
                    .collect(),
                output: Value::parse_literal(out).expect("literal"),
            })
            .collect(),
        held_out: Vec::new(),
    }
}

/// The search's solutions (up to `max`, in its order) within a 5 s budget.
fn solutions(t: &Task, max: usize) -> Vec<Solution> {
    let cancel = CancelToken::with_budget(Duration::from_secs(5));
    PythonDomain.search(t, &cancel, max)
}

fn first_body(t: &Task) -> String {
    solutions(t, 5)
        .first()
        .map(|s| s.body.clone())
        .unwrap_or_default()
}

#[test]
fn is_even() {
    let t = task(
        &["n"],
        &["int"],
        "Return True if n is even.",
        &[(&["4"], "True"), (&["7"], "False"), (&["0"], "True")],
    );
    assert_eq!(first_body(&t), "return n % 2 == 0");
}

/// A list probed for a literal element the description states (`7 in nums`).
#[test]
fn a_list_is_probed_for_a_stated_element() {
    let t = task(
        &["nums"],
        &["list[int]"],
        "Return True if the list contains a 7.",
        &[(&["[1, 7]"], "True"), (&["[2, 3]"], "False")],
    );
    assert_eq!(first_body(&t), "return 7 in nums");
}

#[test]
fn count_vowels() {
    let t = task(
        &["text"],
        &["str"],
        "Count the vowels in text.",
        &[(&["'hello'"], "2"), (&["'sky'"], "0"), (&["'aeiou'"], "5")],
    );
    assert_eq!(
        first_body(&t),
        "return sum(1 for c in text if c in 'aeiou')"
    );
}

#[test]
fn add_and_domain() {
    let t = task(
        &["a", "b"],
        &["int", "int"],
        "Add two numbers.",
        &[(&["1", "2"], "3"), (&["10", "-4"], "6")],
    );
    assert_eq!(first_body(&t), "return a + b");
    let t = task(
        &["email"],
        &["str"],
        "The domain of an email address.",
        &[
            (&["'ann@example.com'"], "'example.com'"),
            (&["'bob@mail.org'"], "'mail.org'"),
        ],
    );
    let body = first_body(&t);
    assert!(
        body == "return email.split('@')[1]" || body == "return email.split('@')[-1]",
        "{body}"
    );
}

#[test]
fn total_price() {
    let t = task(
        &["prices"],
        &["list[float]"],
        "Total price of the items.",
        &[
            (&["[1.5, 2.5]"], "4.0"),
            (&["[]"], "0"),
            (&["[0.25]"], "0.25"),
        ],
    );
    assert_eq!(first_body(&t), "return sum(prices)");
}

#[test]
fn tokens_round_trip_and_eval() {
    let t = task(
        &["text"],
        &["str"],
        "Count the vowels in text.",
        &[(&["'hello'"], "2"), (&["'sky'"], "0")],
    );
    let cancel = CancelToken::with_budget(Duration::from_secs(5));
    let sols = PythonDomain.search(&t, &cancel, 5);
    let s = sols.first().expect("a solution");
    let v = PythonDomain.eval_tokens(&s.tokens, &[Value::Str("banana".into())]);
    assert_eq!(v, Some(Value::Int(3)));
}

mod differential {
    //! Random well-typed programs (every program the enumerator builds on random example
    //! inputs) run on fresh random inputs through this interpreter and through CPython, with
    //! identical results required (exceptions by class).

    use super::super::ast::{Expr, Hof, Op};
    use super::super::enumerate::{programs, SearchInput, SearchLimits};
    use super::super::hints::{constants, ConstLeaf, CostTable};
    use super::super::interp::{eval, py_regex, Env};
    use super::super::render::render;
    use super::super::sample::{random_value, ValueStyle};
    use super::super::types::Ty;
    use super::super::value::{PyErr, PyVal};
    use crate::cancel::CancelToken;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::rc::Rc;

    /// Adversarial leaves: odd characters (accents, `ß`, separators), ints beyond 64 bits now
    /// and then, floats at rounding ties and overflow.
    struct Adversarial;

    impl ValueStyle for Adversarial {
        fn int(&self, rng: &mut ChaCha8Rng) -> PyVal {
            PyVal::Int(if rng.gen_bool(0.1) {
                rng.gen_range(-4_000_000_000_000_000_000..4_000_000_000_000_000_000)
            } else {
                rng.gen_range(-12..13)
            })
        }

        fn float(&self, rng: &mut ChaCha8Rng) -> f64 {
            [
                0.0, -0.0, 0.5, 2.5, -1.5, 0.1, 1e300, 3.0, -7.25, 0.125, 2.675,
            ][rng.gen_range(0..11)]
                * if rng.gen_bool(0.5) {
                    1.0
                } else {
                    rng.gen_range(-3.0..3.0f64).round()
                }
        }

        fn string(&self, rng: &mut ChaCha8Rng, _depth: usize) -> String {
            const ALPHA: &[char] = &[
                'a', 'b', 'e', 'o', 'x', 'A', 'B', 'Z', ' ', ' ', ',', '-', '@', '.', '1', '2',
                '9', '0', 'é', 'ß', '_',
            ];
            let n = rng.gen_range(0..7);
            (0..n)
                .map(|_| ALPHA[rng.gen_range(0..ALPHA.len())])
                .collect()
        }

        // Drawn as `i32`s: the draws (and so the programs and inputs) stay those of the
        // test's first version.
        fn list_len(&self, rng: &mut ChaCha8Rng) -> usize {
            rng.gen_range(0..5i32) as usize
        }

        fn dict_len(&self, rng: &mut ChaCha8Rng) -> usize {
            rng.gen_range(0..4i32) as usize
        }
    }

    fn rand_val(rng: &mut ChaCha8Rng, t: &Ty) -> PyVal {
        random_value(rng, t, &Adversarial, 0)
    }

    const SHAPES: &[&[&str]] = &[
        &["int"],
        &["int", "int"],
        &["str"],
        &["str", "str"],
        &["list[int]"],
        &["list[int]", "int"],
        &["list[str]"],
        &["float"],
        &["list[float]"],
        &["str", "int"],
        &["list[int]", "list[int]"],
        &["dict[str, int]"],
        &["dict[str, int]", "dict[str, int]"],
        &["dict[str, str]", "str"],
        // Type variables, dict items, records.
        &["list[T]"],
        &["list[T]", "int"],
        &["list[T]", "T"],
        &["list[list[T]]"],
        &["list[T | None]", "T"],
        &["dict[str, T | None]"],
        &["dict[str, str]", "dict[str, str]"],
        &["dict[str, int]", "list[str]"],
        &["list[dict[str, Any]]", "str"],
        &["list[dict[str, int]]", "str"],
        // Pairs: aggregates per key.
        &["list[tuple[str, int]]"],
        &["list[tuple[int, float]]", "int"],
    ];

    fn py_side(cases: &str) -> Option<Vec<String>> {
        let script = r#"
import sys, json
def r(v):
    if isinstance(v, (set, frozenset)):
        return '{' + ', '.join(r(x) for x in sorted(v)) + '}' if v else 'set()'
    if isinstance(v, list):
        return '[' + ', '.join(r(x) for x in v) + ']'
    if isinstance(v, tuple):
        return '(' + ', '.join(r(x) for x in v) + (',' if len(v) == 1 else '') + ')'
    if isinstance(v, dict):
        return '{' + ', '.join(r(k) + ': ' + r(x) for k, x in v.items()) + '}'
    return repr(v)
out = []
for line in sys.stdin:
    c = json.loads(line)
    env = {}
    for imp in c['imports']:
        exec(imp, env)
    exec(c['src'], env)
    f = env['f']
    for args in c['inputs']:
        try:
            res = r(f(*eval(args)))
        except Exception as e:
            res = 'EXC:' + type(e).__name__
        out.append(res)
sys.stdout.write(json.dumps(out))
"#;
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(cases.as_bytes()).ok()?;
        let out = child.wait_with_output().ok()?;
        serde_json::from_slice(&out.stdout).ok()
    }

    /// Pattern constants of the random programs' `re` operations.
    const PATTERNS: [&str; 4] = [
        r"\d{1,3}",
        r"[a-z]+\.\w+",
        r"#?[0-9a-fA-F]{2}",
        r"[\w.+-]+@\w+",
    ];

    #[test]
    fn interpreter_matches_cpython() {
        let target: usize = std::env::var("DOCSYNTH_DIFF_PROGRAMS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(100_000);
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let mut cases = String::new();
        let mut ours: Vec<String> = Vec::new();
        let mut count = 0usize;
        let mut with_re = 0usize;
        let mut shape_i = 0;
        while count < target {
            let shape = SHAPES[shape_i % SHAPES.len()];
            shape_i += 1;
            let tys: Vec<Ty> = shape
                .iter()
                .filter_map(|s| super::super::types::annotation_type(s))
                .collect();
            let names: Vec<String> = (0..tys.len()).map(|i| format!("p{i}")).collect();
            // A string and a dict among the results: the search builds formatting and dict
            // comprehensions only for such results.
            let results = [
                PyVal::str(""),
                PyVal::Dict(Rc::new(Vec::new())),
                PyVal::None,
            ];
            let examples: Vec<(Vec<PyVal>, PyVal)> = results
                .into_iter()
                .map(|out| (tys.iter().map(|t| rand_val(&mut rng, t)).collect(), out))
                .collect();
            let ins: Vec<Vec<PyVal>> = examples.iter().map(|e| e.0.clone()).collect();
            let mut consts = constants("count vowels, digits", &ins, &[]);
            // Format specs, a different few for each shape.
            const SPECS: &[&str] = &[
                ",.2f", ".1f", "03d", ".1%", "b", "x", "#x", ">6", "<5", "^7", "*^6", "+", ",",
                ".3e", "08b", ".0f", "X", "+.2f", " d", "_", "_x", ".2", ".3", "05", "=+8", "-<4",
                ",.0f", "E", "%", "o",
            ];
            for k in 0..4 {
                let spec = SPECS[(shape_i * 4 + k) % SPECS.len()];
                consts.push(super::super::hints::ConstLeaf {
                    value: PyVal::str(spec),
                    ty: Ty::Spec,
                    cost: 1,
                });
            }
            // Patterns for the `re` operations where a string parameter can take one.
            for p in PATTERNS {
                consts.push(ConstLeaf {
                    value: PyVal::str(p),
                    ty: Ty::Pattern,
                    cost: 1,
                });
            }
            // Bitwise operations and the median are cheap only where named: here bitwise
            // operations for every third shape, the median for the others.
            let mut costs = CostTable::from_description("");
            if shape_i % 3 == 0 {
                for op in [Op::BitAnd, Op::BitOr, Op::BitXor, Op::LShift, Op::RShift] {
                    costs.op.insert(op, 1);
                }
            } else {
                for op in [
                    Op::Median,
                    Op::IsLeap,
                    Op::MonthDays,
                    Op::Splitext,
                    Op::Dirname,
                    Op::Basename,
                ] {
                    costs.op.insert(op, 1);
                }
                // Cheaper still, they would crowd every float bank.
                costs.op.insert(Op::Radians, 3);
                costs.op.insert(Op::Degrees, 3);
            }
            costs.op.insert(Op::ReFullmatch, 1);
            costs.op.insert(Op::ReFindall, 1);
            let input = SearchInput {
                stated_guard: None,
                idioms: Vec::new(),
                probes: Vec::new(),
                part_position: None,
                param_bounds: Vec::new(),
                param_types: tys.clone(),
                constants: consts,
                costs: costs.clone(),
                required_params: 0,
                text_ints: vec![2, 3, -2],
                intents: crate::intent::Intents::default(),
                param_names: names.clone(),
                digit_source: true,
                decimals: 2,
                bounds: Vec::new(),
                examples,
            };
            let limits = SearchLimits {
                max_cost: 30,
                max_terms: 4_000,
                max_solutions: 1,
                extra_levels: 0,
            };
            let mut progs: Vec<Rc<Expr>> = programs(&input, limits, &CancelToken::new());
            // Conditionals come from the partition step, not the banks: guard every fifth
            // program by its first parameter's truth (the guard-clause rendering).
            let guarded: Vec<Rc<Expr>> = progs
                .iter()
                .step_by(5)
                .map(|p| {
                    Rc::new(Expr::Call(
                        Op::IfExp,
                        vec![
                            Rc::new(Expr::Param(0)),
                            p.clone(),
                            Rc::new(Expr::Const(PyVal::None)),
                        ],
                    ))
                })
                .collect();
            progs.extend(guarded);
            let fresh: Vec<Vec<PyVal>> = (0..3)
                .map(|_| tys.iter().map(|t| rand_val(&mut rng, t)).collect())
                .collect();
            for p in progs {
                let mut results = Vec::new();
                let mut skip = false;
                for args in &fresh {
                    match eval(
                        &p,
                        &Env {
                            params: args,
                            vars: &[],
                        },
                    ) {
                        Ok(v) => results.push(v.repr()),
                        Err(PyErr::TooBig) => skip = true,
                        Err(e) => results.push(format!("EXC:{}", e.name())),
                    }
                }
                if skip {
                    continue;
                }
                // The body as the pipeline writes it (statements included) in a `def`.
                let r = render(&p, &names);
                let body: String = r.body.lines().map(|l| format!("\n    {l}")).collect();
                let src = format!("def f({}):{body}", names.join(", "));
                if PATTERNS.iter().any(|p| src.contains(&format!("r'{p}'"))) {
                    with_re += 1;
                }
                let inputs: Vec<String> = fresh
                    .iter()
                    .map(|a| {
                        let items: Vec<String> = a.iter().map(PyVal::repr).collect();
                        format!("({},)", items.join(", "))
                    })
                    .collect();
                cases.push_str(
                    &serde_json::json!({"src": src, "inputs": inputs, "imports": r.imports})
                        .to_string(),
                );
                cases.push('\n');
                ours.extend(results);
                count += 1;
            }
        }
        // The `re` operations over pattern constants are among the programs.
        assert!(
            with_re > 50 || target < 10_000,
            "{with_re} programs use a pattern"
        );
        // The generator reaches every construct of interest: format specs among them.
        let formatted = cases
            .lines()
            .filter(|l| {
                l.contains("format(") || l.contains(":,") || l.contains(":.") || l.contains(":0")
            })
            .count();
        eprintln!("programs with a format spec: {formatted} of {count}");
        let bitwise = cases
            .lines()
            .filter(|l| {
                [" & ", " | ", " ^ ", " << ", " >> "]
                    .iter()
                    .any(|o| l.contains(o))
            })
            .count();
        eprintln!("programs with a bitwise operator: {bitwise} of {count}");
        let medians = cases
            .lines()
            .filter(|l| l.contains("statistics.median"))
            .count();
        let calendar = cases.lines().filter(|l| l.contains("calendar.")).count();
        let angles = cases
            .lines()
            .filter(|l| l.contains("math.radians") || l.contains("math.degrees"))
            .count();
        eprintln!("programs with calendar: {calendar}, with angles: {angles} of {count}");
        assert!(
            calendar * 2000 >= count && angles * 2000 >= count,
            "calendar {calendar}, angles {angles} of {count}"
        );
        eprintln!("programs with a median: {medians} of {count}");
        assert!(
            medians * 2000 >= count,
            "only {medians} of {count} programs take a median"
        );
        assert!(
            bitwise * 200 >= count,
            "only {bitwise} of {count} programs use bits"
        );
        assert!(
            formatted * 200 >= count,
            "only {formatted} of {count} programs format"
        );
        let Some(theirs) = py_side(&cases) else {
            eprintln!("note: python3 not available; skipping");
            return;
        };
        assert_eq!(theirs.len(), ours.len());
        let lines: Vec<&str> = cases.lines().collect();
        let mut mismatches = Vec::new();
        for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            if a != b {
                mismatches.push(format!(
                    "{}  input#{}: ours {a} cpython {b}",
                    lines[i / 3],
                    i % 3
                ));
            }
        }
        assert!(
            mismatches.is_empty(),
            "{} of {} results differ (programs: {count}):\n{}",
            mismatches.len(),
            ours.len(),
            mismatches
                .iter()
                .take(30)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    /// Every vocabulary pattern, and patterns learned from random strings, under
    /// `re.fullmatch` and `re.findall` on random strings with Unicode digits (`٣`), numerics
    /// that are no digits (`²`), combining marks, `\x1c` and newlines: the interpreter's
    /// translation of `\w`, `\d` and `\s` must agree with CPython's.
    #[test]
    fn regex_ops_match_cpython() {
        const ALPHA: &[char] = &[
            'a', 'f', 'z', 'A', 'F', 'Q', '0', '5', '9', '\u{663}', '\u{b2}', 'e', '\u{301}', 'é',
            '_', '-', '.', '@', '#', ':', ' ', '\n', '\x1c', '+', '/', '(', ')',
        ];
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let word = |rng: &mut ChaCha8Rng, n: usize| -> String {
            (0..rng.gen_range(0..n))
                .map(|_| ALPHA[rng.gen_range(0..ALPHA.len())])
                .collect()
        };
        let mut pats: Vec<String> = super::super::patterns::VOCABULARY
            .iter()
            .map(|(_, p, _)| p.to_string())
            .collect();
        pats.extend(
            [
                r"\s+",
                r"[^\w\s]+",
                r"\w+",
                r"[\w.]+",
                r"#(\w+)",
                r"(\d*)\.",
                r"(a)?b",
            ]
            .map(String::from),
        );
        for _ in 0..40 {
            let strings: Vec<String> = (0..3).map(|_| word(&mut rng, 9)).collect();
            let refs: Vec<&str> = strings.iter().map(String::as_str).collect();
            let (hex, extract) = (rng.gen(), rng.gen());
            for (p, _) in super::super::patterns::learn(&refs, hex, &[], extract) {
                pats.push(p);
            }
        }
        pats.sort();
        pats.dedup();
        let mut cases = String::new();
        let mut ours: Vec<String> = Vec::new();
        let mut programs = 0;
        for p in &pats {
            for op in [Op::ReFullmatch, Op::ReFindall] {
                if py_regex(p, op == Op::ReFullmatch).is_err() {
                    continue;
                }
                let e = Rc::new(Expr::Call(
                    op,
                    vec![Rc::new(Expr::Param(0)), Rc::new(Expr::Const(PyVal::str(p)))],
                ));
                let inputs: Vec<PyVal> = (0..3).map(|_| PyVal::str(&word(&mut rng, 14))).collect();
                for a in &inputs {
                    let env = Env {
                        params: std::slice::from_ref(a),
                        vars: &[],
                    };
                    ours.push(match eval(&e, &env) {
                        Ok(v) => v.repr(),
                        Err(e) => format!("EXC:{}", e.name()),
                    });
                }
                let r = render(&e, &["s".to_string()]);
                let src = format!("def f(s):\n    {}", r.body);
                let inputs: Vec<String> =
                    inputs.iter().map(|a| format!("({},)", a.repr())).collect();
                cases.push_str(
                    &serde_json::json!({"src": src, "inputs": inputs, "imports": r.imports})
                        .to_string(),
                );
                cases.push('\n');
                programs += 1;
            }
        }
        assert!(programs > 60, "{programs} programs");
        assert_matches_cpython(&cases, &ours);
    }

    /// The CPython cases (three rows per line, the last row repeated to fill a line) and our
    /// results for programs over parameters `p0, p1, ...`, each with its rows of argument
    /// literals.
    fn cpython_cases(programs: &[(Rc<Expr>, Vec<Vec<String>>)]) -> (String, Vec<String>) {
        let lit =
            |s: &str| PyVal::from_value(&crate::value::Value::parse_literal(s).expect("literal"));
        let mut cases = String::new();
        let mut ours: Vec<String> = Vec::new();
        for (e, rows) in programs {
            let mut rows = rows.clone();
            while rows.len() % 3 != 0 {
                rows.push(rows[rows.len() - 1].clone());
            }
            let params: Vec<String> = (0..rows[0].len()).map(|i| format!("p{i}")).collect();
            for row in &rows {
                let vals: Vec<PyVal> = row.iter().map(|a| lit(a)).collect();
                let env = Env {
                    params: &vals,
                    vars: &[],
                };
                ours.push(match eval(e, &env) {
                    Ok(v) => v.repr(),
                    Err(e) => format!("EXC:{}", e.name()),
                });
            }
            let r = render(e, &params);
            let body = r.body.replace('\n', "\n    ");
            let src = format!("def f({}):\n    {body}", params.join(", "));
            for chunk in rows.chunks(3) {
                let args: Vec<String> = chunk
                    .iter()
                    .map(|row| format!("({},)", row.join(", ")))
                    .collect();
                cases.push_str(
                    &serde_json::json!({"src": src, "inputs": args, "imports": r.imports})
                        .to_string(),
                );
                cases.push('\n');
            }
        }
        (cases, ours)
    }

    /// Runs `cases` (one JSON line per program, three inputs each) in CPython and compares
    /// with `ours` (three results per program, in order); no-op without `python3`.
    fn assert_matches_cpython(cases: &str, ours: &[String]) {
        let Some(theirs) = py_side(cases) else {
            eprintln!("note: python3 not available; skipping");
            return;
        };
        let lines: Vec<&str> = cases.lines().collect();
        assert_eq!(theirs.len(), ours.len());
        let mismatches: Vec<String> = ours
            .iter()
            .zip(&theirs)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| format!("{}  input#{}: ours {a} cpython {b}", lines[i / 3], i % 3))
            .collect();
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    }

    /// `os.path.splitext`, `dirname` and `basename` on path-like strings (dots, slashes,
    /// dotfiles, trailing and repeated slashes, non-ASCII), against CPython.
    #[test]
    fn path_ops_match_cpython() {
        const ALPHA: &[char] = &['a', 'b', 'Z', '.', '.', '/', '/', ' ', 'é', '_', '-'];
        let mut rng = ChaCha8Rng::seed_from_u64(13);
        let mut inputs: Vec<String> = [
            "",
            ".",
            "..",
            "/",
            "//",
            ".bashrc",
            "a/.b",
            "README",
            "notes.",
            "a.tar.gz",
            "/usr/bin/",
            "x/y.z/w",
            "..a",
            "a/..b.c",
        ]
        .map(String::from)
        .to_vec();
        // 14 + 199: three inputs per program.
        for _ in 0..199 {
            inputs.push(
                (0..rng.gen_range(0..10))
                    .map(|_| ALPHA[rng.gen_range(0..ALPHA.len())])
                    .collect(),
            );
        }
        let mut cases = String::new();
        let mut ours: Vec<String> = Vec::new();
        for op in [Op::Splitext, Op::Dirname, Op::Basename] {
            let e = Rc::new(Expr::Call(op, vec![Rc::new(Expr::Param(0))]));
            for chunk in inputs.chunks(3) {
                for a in chunk {
                    let env = Env {
                        params: &[PyVal::str(a)],
                        vars: &[],
                    };
                    ours.push(match eval(&e, &env) {
                        Ok(v) => v.repr(),
                        Err(e) => format!("EXC:{}", e.name()),
                    });
                }
                let r = render(&e, &["p".to_string()]);
                let src = format!("def f(p):\n    {}", r.body);
                let args: Vec<String> = chunk
                    .iter()
                    .map(|a| format!("({},)", PyVal::str(a).repr()))
                    .collect();
                cases.push_str(
                    &serde_json::json!({"src": src, "inputs": args, "imports": r.imports})
                        .to_string(),
                );
                cases.push('\n');
            }
        }
        assert_matches_cpython(&cases, &ours);
    }

    /// Indices of the elements that pass a test, the first such index or `None`, the prefix
    /// before the first element that fails one, and records keyed by a field (a later record
    /// wins; `1` and `True` are one key; a missing field raises `KeyError`, an unhashable
    /// one `TypeError`), against CPython.
    #[test]
    fn enumerations_prefixes_and_keyed_records_match_cpython() {
        let p = |i: usize| Rc::new(Expr::Param(i));
        let var = || Rc::new(Expr::Var(0));
        let eq = Rc::new(Expr::Call(Op::Eq, vec![var(), p(1)]));
        let lowered = Rc::new(Expr::Call(
            Op::Eq,
            vec![
                Rc::new(Expr::Call(Op::Lower, vec![var()])),
                Rc::new(Expr::Call(Op::Lower, vec![p(1)])),
            ],
        ));
        let field = Rc::new(Expr::Call(Op::Index, vec![var(), p(1)]));
        let lists = [
            "[]",
            "[1, 2, 1]",
            "[2]",
            "['a', 1, 'a']",
            "[True, 1, 1.0]",
            "[[1], [2]]",
        ];
        let values = ["1", "2", "'a'", "True", "[1]"];
        let pairs = |ls: &[&str], vs: &[&str]| -> Vec<Vec<String>> {
            ls.iter()
                .flat_map(|l| vs.iter().map(move |v| vec![l.to_string(), v.to_string()]))
                .collect()
        };
        let words = ["[]", "['Go', 'GO', 'go']", "['a', 'B']", "['x', 'z', 'Z']"];
        let records = [
            "[]",
            "[{'id': 1, 'n': 'a'}, {'id': 2, 'n': 'b'}]",
            "[{'id': 1, 'q': 1}, {'id': 1, 'q': 2}]",
            "[{'id': 1}, {'id': True}]",
            "[{'id': 1}, {'n': 2}]",
            "[{'id': [1]}]",
        ];
        let programs: Vec<(Rc<Expr>, Vec<Vec<String>>)> = vec![
            (
                Rc::new(Expr::Hof(Hof::IndicesWhere, p(0), eq.clone())),
                pairs(&lists, &values),
            ),
            (
                Rc::new(Expr::Hof(Hof::FirstIndexWhere, p(0), lowered)),
                pairs(&words, &["'go'", "'b'", "'z'"]),
            ),
            (
                Rc::new(Expr::Hof(
                    Hof::TakeWhile,
                    p(0),
                    Rc::new(Expr::Call(Op::NotEq, vec![var(), p(1)])),
                )),
                pairs(&lists, &values),
            ),
            (
                Rc::new(Expr::Hof(Hof::KeyBy, p(0), field)),
                pairs(&records, &["'id'", "'n'"]),
            ),
        ];
        let (cases, ours) = cpython_cases(&programs);
        assert_matches_cpython(&cases, &ours);
    }

    /// Nested lookups along a key path (missing keys, values that are no dict, `None` and
    /// falsy values on the way, a list of keys) and transposed rows (empty, ragged), against
    /// CPython.
    #[test]
    fn nested_lookups_and_transposes_match_cpython() {
        let path = Rc::new(Expr::Call(
            Op::Split,
            vec![
                Rc::new(Expr::Param(1)),
                Rc::new(Expr::Const(PyVal::str("."))),
            ],
        ));
        let by_path = Rc::new(Expr::Call(
            Op::DeepGet,
            vec![Rc::new(Expr::Param(0)), path, Rc::new(Expr::Param(2))],
        ));
        let by_keys = Rc::new(Expr::Call(
            Op::DeepGet,
            vec![
                Rc::new(Expr::Param(0)),
                Rc::new(Expr::Param(1)),
                Rc::new(Expr::Const(PyVal::None)),
            ],
        ));
        let transpose = Rc::new(Expr::Call(Op::Transpose, vec![Rc::new(Expr::Param(0))]));
        let data = "{'a': {'b': {'c': 0}, 'n': None, 'l': [1]}, 'x': 1, '': {'': 2}, 'a.b': 3}";
        let programs: Vec<(Rc<Expr>, Vec<Vec<String>>)> = vec![
            (
                by_path,
                [
                    "'a.b.c'", "'a.b'", "'a'", "'a.n'", "'a.n.z'", "'a.l.0'", "'x.y'", "'q'", "''",
                    "'.'", "'a.b'", "'a..b'",
                ]
                .iter()
                .map(|p| vec![data.to_string(), p.to_string(), "'dflt'".to_string()])
                .chain([vec!["{}".into(), "'a'".into(), "None".into()]])
                .collect(),
            ),
            (
                by_keys,
                [
                    "['a', 'b', 'c']",
                    "[]",
                    "['a', 'x']",
                    "['x', 'y']",
                    "['a.b']",
                ]
                .iter()
                .map(|k| vec![data.to_string(), k.to_string()])
                .collect(),
            ),
            (
                transpose,
                [
                    "[]",
                    "[[]]",
                    "[[1, 2, 3], [4, 5, 6]]",
                    "[[1], [2], [3]]",
                    "[[1, 2], [3]]",
                    "[['a', 'b']]",
                ]
                .iter()
                .map(|m| vec![m.to_string()])
                .collect(),
            ),
        ];
        let (cases, ours) = cpython_cases(&programs);
        assert_matches_cpython(&cases, &ours);
    }

    /// A date-like string: a real `YYYY-MM-DD` date, or bytes of the lengths
    /// `date.fromisoformat` reads (7, 8, 10) from digits, dashes, `W` and a few others.
    fn date_like(rng: &mut ChaCha8Rng) -> String {
        if rng.gen_bool(0.5) {
            let n: i64 = match rng.gen_range(0..4) {
                0 => rng.gen_range(1..3_652_060),
                1 => rng.gen_range(729_000..740_000),
                2 => rng.gen_range(1..400),
                _ => rng.gen_range(3_651_700..3_652_060),
            };
            let iso = super::super::dates::isoformat(n);
            return if rng.gen_bool(0.2) {
                iso.replace('-', "")
            } else {
                iso
            };
        }
        const ALPHA: &[char] = &[
            '0', '1', '2', '3', '5', '9', '0', '1', '-', '-', 'W', 'W', ' ', 'x', 'é',
        ];
        let len = [7, 8, 10, 9, 10][rng.gen_range(0..5)];
        let mut s = String::new();
        // Mostly a year first, so the week and month fields are reached.
        if rng.gen_bool(0.8) {
            s.push_str(&format!("{:04}", rng.gen_range(0..10_000)));
        }
        while s.len() < len {
            s.push(ALPHA[rng.gen_range(0..ALPHA.len())]);
        }
        s
    }

    #[test]
    fn date_operations_match_cpython() {
        let mut rng = ChaCha8Rng::seed_from_u64(23);
        let names: Vec<String> = vec!["p0".into(), "p1".into()];
        let formats = [
            "%B %Y",
            "%a %d %b %Y",
            "%d/%m/%y",
            "%j",
            "%A",
            "100%%",
            "%Y%m%d",
            "%B %-d, %Y",
            "%-m/%-d",
        ];
        let mut cases = String::new();
        let mut ours: Vec<String> = Vec::new();
        let mut claimed = 0usize;
        for i in 0..3_000 {
            let (op, second) = match i % 5 {
                0 => (Op::DaysBetween, PyVal::str(&date_like(&mut rng))),
                1 => {
                    let n = match rng.gen_range(0..4) {
                        0 => rng.gen_range(-400..400),
                        1 => rng.gen_range(-4_000_000..4_000_000),
                        2 => rng.gen_range(-1_100_000_000i64..1_100_000_000),
                        _ => rng.gen_range(-3..3),
                    };
                    (Op::AddDays, PyVal::Int(n))
                }
                2 => (Op::Weekday, PyVal::None),
                3 => (Op::DayOfYear, PyVal::None),
                _ => (
                    Op::DateFormat,
                    PyVal::str(formats[rng.gen_range(0..formats.len())]),
                ),
            };
            let args = if op.arity() == 1 {
                vec![PyVal::str(&date_like(&mut rng))]
            } else {
                vec![PyVal::str(&date_like(&mut rng)), second]
            };
            let params: Vec<Rc<Expr>> = (0..args.len()).map(|k| Rc::new(Expr::Param(k))).collect();
            let p = Expr::Call(op, params);
            let res = match eval(
                &p,
                &Env {
                    params: &args,
                    vars: &[],
                },
            ) {
                Ok(v) => v.repr(),
                Err(PyErr::TooBig) => continue,
                Err(e) => format!("EXC:{}", e.name()),
            };
            if !res.starts_with("EXC:") {
                claimed += 1;
            }
            let n = &names[..args.len()];
            let r = render(&p, n);
            let body: String = r.body.lines().map(|l| format!("\n    {l}")).collect();
            let src = format!("def f({}):{body}", n.join(", "));
            let items: Vec<String> = args.iter().map(PyVal::repr).collect();
            let input = format!("({},)", items.join(", "));
            cases.push_str(
                &serde_json::json!({"src": src, "inputs": [input], "imports": r.imports})
                    .to_string(),
            );
            cases.push('\n');
            ours.push(res);
        }
        assert!(claimed > 1_000, "{claimed} date results");
        let theirs = py_side(&cases).expect("python3 runs");
        assert_eq!(theirs.len(), ours.len());
        let srcs: Vec<&str> = cases.lines().collect();
        for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(a, b, "case {k}: {}", srcs[k]);
        }
    }
}

mod everyday {
    //! Everyday idioms: dict operations, `None` results, guards, formatting, and the statement
    //! bodies the renderer writes where one expression reads badly.

    use super::super::ast::{Expr, Hof, Op};
    use super::super::interp::{eval, Env};
    use super::super::render::render;
    use super::super::value::PyVal;
    use super::*;

    fn p(i: usize) -> Rc<Expr> {
        Rc::new(Expr::Param(i))
    }
    fn var() -> Rc<Expr> {
        Rc::new(Expr::Var(0))
    }
    fn c(v: PyVal) -> Rc<Expr> {
        Rc::new(Expr::Const(v))
    }
    fn call(op: Op, args: Vec<Rc<Expr>>) -> Rc<Expr> {
        Rc::new(Expr::Call(op, args))
    }
    fn hof(h: Hof, it: Rc<Expr>, body: Rc<Expr>) -> Rc<Expr> {
        Rc::new(Expr::Hof(h, it, body))
    }
    fn names(ns: &[&str]) -> Vec<String> {
        ns.iter().map(|s| s.to_string()).collect()
    }
    fn param(name: &str) -> crate::spec::Param {
        crate::spec::Param {
            name: name.to_string(),
            annotation: None,
            default: None,
            kind: crate::spec::ParamKind::PositionalOrKeyword,
        }
    }
    fn lit(s: &str) -> PyVal {
        PyVal::from_value(&Value::parse_literal(s).expect("literal"))
    }
    fn run(e: &Expr, args: &[&str]) -> String {
        let params: Vec<PyVal> = args.iter().map(|a| lit(a)).collect();
        match eval(
            e,
            &Env {
                params: &params,
                vars: &[],
            },
        ) {
            Ok(v) => v.repr(),
            Err(e) => format!("EXC:{}", e.name()),
        }
    }

    #[test]
    fn affixes_evaluate_and_render() {
        let strip = call(Op::RemovePrefix, vec![p(0), p(1)]);
        assert_eq!(run(&strip, &["'feature/login'", "'feature/'"]), "'login'");
        assert_eq!(
            run(&strip, &["'my feature/x'", "'feature/'"]),
            "'my feature/x'"
        );
        assert_eq!(run(&strip, &["'aab'", "'a'"]), "'ab'");
        assert_eq!(
            render(&strip, &names(&["text", "prefix"])).expr,
            "text.removeprefix(prefix)"
        );
        let cut = call(Op::RemoveSuffix, vec![p(0), c(PyVal::str(".git"))]);
        assert_eq!(run(&cut, &["'repo.git.git'"]), "'repo.git'");
        assert_eq!(
            render(&cut, &names(&["url"])).expr,
            "url.removesuffix('.git')"
        );
        // One of several affixes: `str.startswith` takes a tuple.
        let listed = c(PyVal::tuple(vec![PyVal::str("#"), PyVal::str(";")]));
        let comment = call(Op::StartsWith, vec![p(0), listed.clone()]);
        assert_eq!(run(&comment, &["'; legacy'"]), "True");
        assert_eq!(run(&comment, &["'port = 1'"]), "False");
        assert_eq!(run(&comment, &["''"]), "False");
        assert_eq!(
            render(&comment, &names(&["line"])).expr,
            "line.startswith(('#', ';'))"
        );
        let none = c(PyVal::tuple(Vec::new()));
        assert_eq!(
            run(&call(Op::EndsWith, vec![p(0), none]), &["'x'"]),
            "False"
        );
    }

    #[test]
    fn dict_operations_evaluate_and_render() {
        let merge = call(Op::DictMerge, vec![p(0), p(1)]);
        assert_eq!(
            run(&merge, &["{'a': 1, 'b': 2}", "{'b': 5, 'c': 6}"]),
            "{'a': 1, 'b': 5, 'c': 6}"
        );
        assert_eq!(
            render(&merge, &names(&["base", "extra"])).expr,
            "{**base, **extra}"
        );
        let inv = call(Op::DictInvert, vec![p(0)]);
        assert_eq!(run(&inv, &["{'x': 1, 'y': 1, 'z': 2}"]), "{1: 'y', 2: 'z'}");
        assert_eq!(run(&inv, &["{'x': [1]}"]), "EXC:TypeError");
        assert_eq!(
            render(&inv, &names(&["codes"])).expr,
            "{v: k for k, v in codes.items()}"
        );
        let uniq = call(Op::Unique, vec![p(0)]);
        assert_eq!(run(&uniq, &["[3, 1, 3, 2, 1]"]), "[3, 1, 2]");
        assert_eq!(
            render(&uniq, &names(&["tags"])).expr,
            "list(dict.fromkeys(tags))"
        );
        let best = hof(Hof::MaxKey, p(0), call(Op::Index, vec![p(0), var()]));
        assert_eq!(run(&best, &["{'a': 3, 'b': 9, 'c': 1}"]), "'b'");
        assert_eq!(
            render(&best, &names(&["scores"])).expr,
            "max(scores, key=scores.get)"
        );
        let counts = hof(Hof::DictMap, p(0), call(Op::CountSub, vec![p(0), var()]));
        assert_eq!(run(&counts, &["'noon'"]), "{'n': 2, 'o': 2}");
        assert_eq!(
            render(&counts, &names(&["word"])).expr,
            "{c: word.count(c) for c in word}"
        );
    }

    #[test]
    fn named_math_and_chained_comparisons_match_cpython() {
        let lcm = call(Op::Lcm, vec![p(0), p(1)]);
        // Values from CPython 3.11: math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5).
        assert_eq!(run(&lcm, &["4", "6"]), "12");
        assert_eq!(run(&lcm, &["-4", "6"]), "12");
        assert_eq!(run(&lcm, &["0", "5"]), "0");
        assert_eq!(render(&lcm, &names(&["a", "b"])).expr, "math.lcm(a, b)");
        let hyp = call(Op::Hypot, vec![p(0), p(1)]);
        assert_eq!(run(&hyp, &["1", "1"]), "1.4142135623730951");
        assert_eq!(run(&hyp, &["-5", "12"]), "13.0");
        // Past 2**53 the last bit is CPython's own algorithm's: not claimed.
        assert_eq!(run(&hyp, &["100000000", "1"]), "EXC:TooBig");
        assert_eq!(render(&hyp, &names(&["a", "b"])).expr, "math.hypot(a, b)");
        let between = call(Op::Between, vec![p(1), p(0), p(2)]);
        assert_eq!(run(&between, &["5", "1", "10"]), "True");
        assert_eq!(run(&between, &["10", "1", "10"]), "True");
        assert_eq!(run(&between, &["11", "1", "10.5"]), "False");
        assert_eq!(
            render(&between, &names(&["value", "low", "high"])).expr,
            "low <= value <= high"
        );
    }

    #[test]
    fn formatted_numbers_render_as_f_strings() {
        let mins = call(
            Op::Add,
            vec![
                call(
                    Op::Add,
                    vec![
                        call(
                            Op::StrOf,
                            vec![call(Op::FloorDiv, vec![p(0), c(PyVal::Int(60))])],
                        ),
                        c(PyVal::str(":")),
                    ],
                ),
                call(Op::Pad2, vec![call(Op::Mod, vec![p(0), c(PyVal::Int(60))])]),
            ],
        );
        assert_eq!(run(&mins, &["125"]), "'2:05'");
        assert_eq!(run(&mins, &["600"]), "'10:00'");
        assert_eq!(
            render(&mins, &names(&["m"])).expr,
            "f'{m // 60}:{m % 60:02d}'"
        );
        assert_eq!(run(&call(Op::Pad2, vec![p(0)]), &["-5"]), "'-5'");
        let greet = call(
            Op::Add,
            vec![
                call(Op::Add, vec![c(PyVal::str("Hi, ")), p(0)]),
                c(PyVal::str("{!}")),
            ],
        );
        assert_eq!(render(&greet, &names(&["name"])).expr, "f'Hi, {name}{{!}}'");
        // Two parts stay a concatenation.
        let plural = call(Op::Add, vec![p(0), c(PyVal::str("s"))]);
        assert_eq!(render(&plural, &names(&["word"])).expr, "word + 's'");
    }

    #[test]
    fn guard_clause_for_an_emptiness_check() {
        let e = call(
            Op::IfExp,
            vec![p(0), call(Op::First, vec![p(0)]), c(PyVal::None)],
        );
        assert_eq!(
            render(&e, &names(&["items"])).body,
            "if not items:\n    return None\nreturn items[0]"
        );
        assert_eq!(run(&e, &["[]"]), "None");
        assert_eq!(run(&e, &["[4, 5]"]), "4");
        let div = call(
            Op::IfExp,
            vec![
                p(1),
                call(Op::TrueDiv, vec![p(0), p(1)]),
                c(PyVal::Float(0.0)),
            ],
        );
        assert_eq!(
            render(&div, &names(&["a", "b"])).body,
            "if not b:\n    return 0.0\nreturn a / b"
        );
        // A comparison guard between two computed values stays an expression.
        let pick = call(Op::IfExp, vec![call(Op::Gt, vec![p(0), p(1)]), p(0), p(1)]);
        assert_eq!(
            render(&pick, &names(&["a", "b"])).body,
            "return a if a > b else b"
        );
    }

    #[test]
    fn helper_variable_and_accumulator_loop() {
        let ordered = call(Op::Sorted, vec![call(Op::SetOf, vec![p(0)])]);
        let spread = call(
            Op::Sub,
            vec![
                call(Op::Last, vec![ordered.clone()]),
                call(Op::First, vec![ordered]),
            ],
        );
        assert_eq!(
            render(&spread, &names(&["nums"])).body,
            "ordered = sorted(set(nums))\nreturn ordered[-1] - ordered[0]"
        );
        let long = hof(
            Hof::SumMap,
            hof(
                Hof::Filter,
                p(0),
                call(Op::Gt, vec![call(Op::Len, vec![var()]), p(1)]),
            ),
            call(Op::Len, vec![var()]),
        );
        let r = render(&long, &names(&["sentence_fragments", "minimum_length"]));
        assert_eq!(
            r.body,
            "total = 0\nfor sentence_fragment in sentence_fragments:\n    \
             if len(sentence_fragment) > minimum_length:\n        \
             total += len(sentence_fragment)\nreturn total"
        );
        // Short sums stay one line.
        let short = hof(Hof::SumMap, p(0), call(Op::Len, vec![var()]));
        assert_eq!(
            render(&short, &names(&["words"])).body,
            "return sum(len(word) for word in words)"
        );
    }

    #[test]
    fn search_finds_everyday_idioms() {
        let t = task(
            &["names"],
            &[""],
            "Return the first name, or None when there are no names.",
            &[(&["['ann', 'bo']"], "'ann'"), (&["[]"], "None")],
        );
        assert_eq!(
            first_body(&t),
            "if not names:\n    return None\nreturn names[0]"
        );
        let t = task(
            &["record"],
            &["dict[str, str]"],
            "Return the record's city.",
            &[
                (&["{'city': 'Oslo', 'zip': '0150'}"], "'Oslo'"),
                (&["{'zip': '75001', 'city': 'Paris'}"], "'Paris'"),
            ],
        );
        assert_eq!(first_body(&t), "return record['city']");
        let t = task(
            &["n"],
            &["int"],
            "Add up the digits of n.",
            &[(&["472"], "13"), (&["8"], "8"), (&["1001"], "2")],
        );
        assert_eq!(first_body(&t), "return sum(int(d) for d in str(n))");
        let t = task(
            &["sales"],
            &["dict[str, int]"],
            "Return the product with the most sales.",
            &[
                (&["{'pen': 4, 'ink': 9, 'cap': 1}"], "'ink'"),
                (&["{'a': 7, 'b': 3}"], "'a'"),
            ],
        );
        assert_eq!(first_body(&t), "return max(sales, key=sales.get)");
    }

    #[test]
    fn items_and_record_combinators_evaluate_and_render() {
        // `{k: v for k, v in d.items() if v is not None}`
        let not_none = hof(
            Hof::ItemsFilter,
            p(0),
            call(Op::Not, vec![call(Op::IsNone, vec![Rc::new(Expr::Var(1))])]),
        );
        assert_eq!(
            render(&not_none, &names(&["data"])).expr,
            "{k: v for k, v in data.items() if v is not None}"
        );
        assert_eq!(
            run(&not_none, &["{'a': 1, 'b': None, 'c': 0}"]),
            "{'a': 1, 'c': 0}"
        );
        // Renamed keys that collide keep the first key's position and the last value.
        let renamed = hof(
            Hof::ItemsKeyMap,
            p(1),
            call(Op::GetDefault, vec![p(0), var(), var()]),
        );
        assert_eq!(
            render(&renamed, &names(&["mapping", "record"])).expr,
            "{mapping.get(k, k): v for k, v in record.items()}"
        );
        assert_eq!(
            run(&renamed, &["{'a': 'b'}", "{'b': 1, 'a': 2}"]),
            "{'b': 2}"
        );
        let field = || call(Op::Index, vec![var(), c(PyVal::str("age"))]);
        let oldest = hof(Hof::MaxKeyOrNone, p(0), field());
        assert_eq!(
            render(&oldest, &names(&["records"])).expr,
            "max(records, key=lambda record: record['age'], default=None)"
        );
        assert_eq!(run(&oldest, &["[]"]), "None");
        // Ties keep the first, as CPython's `max`.
        assert_eq!(
            run(&oldest, &["[{'age': 3, 'n': 1}, {'age': 3, 'n': 2}]"]),
            "{'age': 3, 'n': 1}"
        );
        // Unlike values raise as in CPython.
        assert_eq!(
            run(&oldest, &["[{'age': 3}, {'age': 'x'}]"]),
            "EXC:TypeError"
        );
        let named = hof(
            Hof::FirstWhere,
            p(0),
            call(
                Op::Eq,
                vec![call(Op::Index, vec![var(), c(PyVal::str("name"))]), p(1)],
            ),
        );
        assert_eq!(
            render(&named, &names(&["users", "name"])).expr,
            "next((user for user in users if user['name'] == name), None)"
        );
        assert_eq!(run(&named, &["[{'name': 'a'}]", "'b'"]), "None");
        let top = hof(Hof::SortedKeyRev, p(0), call(Op::Index, vec![p(0), var()]));
        assert_eq!(
            render(&top, &names(&["scores"])).expr,
            "sorted(scores, key=scores.get, reverse=True)"
        );
        // Stable under `reverse=True`: equal keys keep their order.
        assert_eq!(run(&top, &["{'a': 1, 'b': 2, 'c': 1}"]), "['b', 'a', 'c']");
    }

    #[test]
    fn structural_list_operations_evaluate_and_render() {
        let flat = call(Op::Flatten, vec![p(0)]);
        assert_eq!(
            render(&flat, &names(&["nested"])).expr,
            "[x for sub in nested for x in sub]"
        );
        assert_eq!(run(&flat, &["[[1], [], ['a', None]]"]), "[1, 'a', None]");
        assert_eq!(run(&flat, &["[[1], 2]"]), "EXC:TypeError");
        let chunks = call(Op::Chunk, vec![p(0), p(1)]);
        assert_eq!(
            render(&chunks, &names(&["items", "size"])).expr,
            "[items[i:i + size] for i in range(0, len(items), size)]"
        );
        assert_eq!(run(&chunks, &["[1, 2, 3]", "2"]), "[[1, 2], [3]]");
        assert_eq!(run(&chunks, &["[1, 2, 3]", "-1"]), "[]");
        assert_eq!(run(&chunks, &["[1, 2, 3]", "0"]), "EXC:ValueError");
        let is_none = call(Op::IsNone, vec![p(0)]);
        assert_eq!(render(&is_none, &names(&["v"])).expr, "v is None");
        assert_eq!(run(&is_none, &["0"]), "False");
    }

    #[test]
    fn generic_parameters_take_a_type_variable() {
        let examples = |rows: &[(&[&str], &str)]| -> Vec<IoExample> {
            rows.iter()
                .map(|(ins, out)| IoExample {
                    inputs: ins
                        .iter()
                        .map(|s| Value::parse_literal(s).expect("literal"))
                        .collect(),
                    output: Value::parse_literal(out).expect("literal"),
                })
                .collect()
        };
        let t = PythonDomain
            .task_for(
                &[param("values"), param("default")],
                None,
                &examples(&[
                    (&["[1, None, 3]", "0"], "[1, 0, 3]"),
                    (&["['a', None]", "'?'"], "['a', '?']"),
                ]),
            )
            .expect("a generic task");
        assert_eq!(t.param_types, ["list[T | None]", "T"]);
        // Unlike kinds inside one value too.
        let t = PythonDomain
            .task_for(
                &[param("nested")],
                None,
                &examples(&[(&["[[1, 'a'], []]"], "[1, 'a']"), (&["[[2]]"], "[2]")]),
            )
            .expect("a generic task");
        assert_eq!(t.param_types, ["list[list[T]]"]);
        // An annotation the values contradict is still refused.
        let typed = crate::spec::Param {
            annotation: Some("list[int]".to_string()),
            ..param("xs")
        };
        assert!(PythonDomain
            .task_for(
                &[typed],
                None,
                &examples(&[(&["[1]"], "1"), (&["['a']"], "'a'")])
            )
            .is_err());
    }

    /// The first body the search writes for a task typed as `task_for` types it (no
    /// annotations: type variables where the examples' kinds differ).
    fn generic_body(names: &[&str], doc: &str, rows: &[(&[&str], &str)]) -> String {
        let t = task(names, &vec![""; names.len()], doc, rows);
        let params: Vec<crate::spec::Param> = names.iter().map(|n| param(n)).collect();
        let mut g = PythonDomain
            .task_for(&params, None, &t.examples)
            .expect("a generic task");
        g.description = doc.to_string();
        first_body(&g)
    }

    #[test]
    fn search_writes_generic_functions() {
        assert_eq!(
            generic_body(
                &["nested"],
                "Flatten a list of lists.",
                &[
                    (&["[[1, 2], [3], []]"], "[1, 2, 3]"),
                    (&["[['a'], ['b', 'c']]"], "['a', 'b', 'c']"),
                ],
            ),
            "return [x for sub in nested for x in sub]"
        );
        assert_eq!(
            generic_body(
                &["items"],
                "Remove duplicates, keeping the first occurrence.",
                &[
                    (&["[3, 1, 3, 2, 1]"], "[3, 1, 2]"),
                    (&["['b', 'a', 'b']"], "['b', 'a']"),
                ],
            ),
            "return list(dict.fromkeys(items))"
        );
        let two =
            |names: [&str; 2], doc: &str, rows: &[(&[&str], &str)]| generic_body(&names, doc, rows);
        assert_eq!(
            two(
                ["values", "default"],
                "Replace None entries with the default.",
                &[
                    (&["[1, None, 3]", "0"], "[1, 0, 3]"),
                    (&["['a', None]", "'?'"], "['a', '?']")
                ],
            ),
            "return [default if value is None else value for value in values]"
        );
        assert_eq!(
            two(
                ["items", "size"],
                "Split the list into chunks of the given size.",
                &[
                    (&["[1, 2, 3, 4, 5]", "2"], "[[1, 2], [3, 4], [5]]"),
                    (&["['a', 'b', 'c']", "3"], "[['a', 'b', 'c']]"),
                ],
            ),
            "return [items[i:i + size] for i in range(0, len(items), size)]"
        );
        assert_eq!(
            two(
                ["items", "default"],
                "Return the first item, or default when the list is empty.",
                &[
                    (&["[5, 6]", "0"], "5"),
                    (&["[]", "'none'"], "'none'"),
                    (&["['x']", "''"], "'x'"),
                ],
            ),
            "return items[0] if items else default"
        );
    }

    #[test]
    fn search_writes_dict_comprehensions_over_items() {
        let t = task(
            &["data"],
            &["dict[str, int | None]"],
            "Remove the keys whose value is None.",
            &[
                (&["{'a': 1, 'b': None, 'c': 3}"], "{'a': 1, 'c': 3}"),
                (&["{'x': None, 'y': 0}"], "{'y': 0}"),
            ],
        );
        assert_eq!(
            first_body(&t),
            "return {k: v for k, v in data.items() if v is not None}"
        );
    }
}

/// The `re` operations take only patterns whose meaning they reproduce exactly, and match as
/// CPython's `re.fullmatch` and `re.findall` do.
#[test]
fn regex_ops_keep_to_patterns_they_reproduce() {
    use super::interp::py_regex;
    // Empty matches, `$`, inline flags, capturing groups, backreferences, word boundaries.
    for p in [
        r"\d*", r"a$", r"(?i)a", r"(a)(b)", r"(a)\1", r"\bab", r"x{,2}",
    ] {
        assert!(py_regex(p, false).is_err(), "{p}");
    }
    let call = |op, s: &str, p: &str| {
        let e = ast::Expr::Call(
            op,
            vec![
                Rc::new(ast::Expr::Param(0)),
                Rc::new(ast::Expr::Const(PyVal::str(p))),
            ],
        );
        interp::eval(
            &e,
            &interp::Env {
                params: &[PyVal::str(s)],
                vars: &[],
            },
        )
        .map(|v| v.repr())
        .unwrap_or_else(|e| format!("EXC:{}", e.name()))
    };
    // `fullmatch` is anchored at the very end: no final newline as `$` would allow.
    assert_eq!(call(ast::Op::ReFullmatch, "12345", r"\d{5}"), "True");
    assert_eq!(call(ast::Op::ReFullmatch, "12345\n", r"\d{5}"), "False");
    assert_eq!(call(ast::Op::ReFullmatch, "123456", r"\d{5}"), "False");
    assert_eq!(
        call(ast::Op::ReFindall, "a#b_c #d!", r"#\w+"),
        "['#b_c', '#d']"
    );
    assert_eq!(call(ast::Op::ReFindall, "x", r"\d*"), "EXC:TooBig");
    // One group: its text.
    assert_eq!(
        call(ast::Op::ReFindall, "a#b_c #d!", r"#(\w+)"),
        "['b_c', 'd']"
    );
    assert_eq!(call(ast::Op::ReFindall, "ab b", r"(a?)b"), "['a', '']");
}

/// Validators whose examples show a format take the learned (or named) pattern; one a string
/// method decides keeps the method.
#[test]
fn validators_take_learned_patterns_but_not_over_string_methods() {
    let zip = task(
        &["code"],
        &["str"],
        "Return True if code has the form of a postal code.\ncheck_code",
        &[
            (&["'12345'"], "True"),
            (&["'1234'"], "False"),
            (&["'90210'"], "True"),
            (&["'12a45'"], "False"),
        ],
    );
    assert_eq!(
        first_body(&zip),
        r"return re.fullmatch(r'\d{5}', code) is not None"
    );
    // Nothing named: learned from the positives, the separator kept.
    let plate = task(
        &["plate"],
        &["str"],
        "Return True if plate is well-formed.\ncheck_plate",
        &[
            (&["'ABC-123'"], "True"),
            (&["'AB-123'"], "True"),
            (&["'ABC123'"], "False"),
            (&["'abc-123'"], "False"),
        ],
    );
    assert_eq!(
        first_body(&plate),
        r"return re.fullmatch(r'[A-Z]+-\d{3}', plate) is not None"
    );
    let digits = task(
        &["s"],
        &["str"],
        "Return True if s has only digits.\nall_digits",
        &[
            (&["'123'"], "True"),
            (&["'12a'"], "False"),
            (&["'7'"], "True"),
        ],
    );
    assert_eq!(first_body(&digits), "return s.isdigit()");
}

#[test]
fn fixed_format_strings_are_read_as_fields() {
    let t = task(
        &["clock"],
        &["str"],
        "Minutes since midnight of a 'H:MM' time.",
        &[(&["'7:05'"], "425"), (&["'12:30'"], "750")],
    );
    assert_eq!(
        first_body(&t),
        "return int(clock.split(':')[0]) * 60 + int(clock.split(':')[1])"
    );
}

#[test]
fn grouping_by_a_key_is_a_loop() {
    let t = task(
        &["words"],
        &["list[str]"],
        "Group the words by their length.",
        &[
            (
                &["['hi', 'yes', 'no', 'cat']"],
                "{2: ['hi', 'no'], 3: ['yes', 'cat']}",
            ),
            (&["['a']"], "{1: ['a']}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "groups = {}\nfor word in words:\n    groups.setdefault(len(word), []).append(word)\nreturn groups"
    );
    // Inside a larger expression it is one comprehension.
    use super::ast::{Expr, Hof, Op};
    use std::rc::Rc;
    let e = Expr::Call(
        Op::Len,
        vec![Rc::new(Expr::Hof(
            Hof::GroupBy,
            Rc::new(Expr::Param(0)),
            Rc::new(Expr::Call(Op::Len, vec![Rc::new(Expr::Var(0))])),
        ))],
    );
    let r = render::render(&e, &["words".to_string()]);
    assert_eq!(
        r.expr,
        "len({key: [word for word in words if len(word) == key] for key in dict.fromkeys(len(word) for word in words)})"
    );
}

#[test]
fn a_failed_parse_falls_back_in_a_try() {
    let t = task(
        &["text"],
        &["str"],
        "Parse text as an integer, or None when it is not one.",
        &[(&["'17'"], "17"), (&["'x1'"], "None")],
    );
    assert_eq!(
        first_body(&t),
        "try:\n    return int(text)\nexcept (TypeError, ValueError):\n    return None"
    );
    // Only the class it catches: another exception propagates, as in CPython.
    use super::ast::{Expr, Op};
    use super::interp::{eval, Env};
    use std::rc::Rc;
    // `try: return int(x)` / `except <class>: return None`, run on `v`.
    let run = |class: &str, v: PyVal| {
        let e = Expr::Call(
            Op::TryOr,
            vec![
                Rc::new(Expr::Call(Op::IntOf, vec![Rc::new(Expr::Param(0))])),
                Rc::new(Expr::Const(PyVal::None)),
                Rc::new(Expr::Const(PyVal::str(class))),
            ],
        );
        format!(
            "{:?}",
            eval(
                &e,
                &Env {
                    params: &[v],
                    vars: &[],
                },
            )
        )
    };
    assert_eq!(run("ValueError", PyVal::str("x")), "Ok(None)");
    assert_eq!(run("ValueError", PyVal::str("-4")), "Ok(Int(-4))");
    assert_eq!(run("ValueError", PyVal::list(vec![])), "Err(TypeError)");
    // A tuple of classes catches each of them.
    let both = "(TypeError, ValueError)";
    assert_eq!(run(both, PyVal::list(vec![])), "Ok(None)");
    assert_eq!(run(both, PyVal::str("x")), "Ok(None)");
    assert_eq!(run(both, PyVal::Float(1e300 * 1e10)), "Err(OverflowError)");
}

#[test]
fn totals_per_key_are_a_loop() {
    let t = task(
        &["items"],
        &["list[tuple[str, int]]"],
        "Sum the quantities per name.",
        &[
            (&["[('a', 2), ('b', 1), ('a', 3)]"], "{'a': 5, 'b': 1}"),
            (&["[]"], "{}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "totals = {}\nfor key, value in items:\n    totals[key] = totals.get(key, 0) + value\nreturn totals"
    );
    // Inside a larger expression it is one comprehension.
    use super::ast::{Expr, Op};
    use std::rc::Rc;
    let e = Expr::Call(
        Op::Len,
        vec![Rc::new(Expr::Call(
            Op::SumByKey,
            vec![Rc::new(Expr::Param(0))],
        ))],
    );
    let r = render::render(&e, &["items".to_string()]);
    assert_eq!(
        r.expr,
        "len({key: sum(v for k, v in items if k == key) for key in dict.fromkeys(k for k, v in items)})"
    );
}

#[test]
fn aggregates_per_key_read_each_element() {
    // The smallest value per key of (key, value) pairs.
    let t = task(
        &["offers"],
        &["list[tuple[str, float]]"],
        "Cheapest offer per shop.",
        &[
            (
                &["[('ikea', 30.0), ('jysk', 12.5), ('ikea', 20.0)]"],
                "{'ikea': 20.0, 'jysk': 12.5}",
            ),
            (&["[]"], "{}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "lowest = {}\nfor key, value in offers:\n    lowest[key] = min(lowest.get(key, value), value)\nreturn lowest"
    );
    // A key computed from each element: the year of a 'YYYY-MM-DD' date (the layout's field
    // bounds are slice bounds).
    let t = task(
        &["payments"],
        &["list[tuple[str, int]]"],
        "Total paid per year; dates are 'YYYY-MM-DD' and the result maps 'YYYY' to the total.",
        &[
            (
                &["[('2023-05-01', 10), ('2023-07-09', 5), ('2024-01-02', 7)]"],
                "{'2023': 15, '2024': 7}",
            ),
            (&["[]"], "{}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "totals = {}\nfor payment in payments:\n    key = payment[0][:4]\n    totals[key] = totals.get(key, 0) + payment[1]\nreturn totals"
    );
    // Every value per key.
    let t = task(
        &["books"],
        &["list[dict]"],
        "Group the book titles by the books' 'author' field.",
        &[
            (
                &["[{'title': 'A', 'author': 'x'}, {'title': 'B', 'author': 'y'}, {'title': 'C', 'author': 'x'}]"],
                "{'x': ['A', 'C'], 'y': ['B']}",
            ),
            (&["[]"], "{}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "groups = {}\nfor book in books:\n    groups.setdefault(book['author'], []).append(book['title'])\nreturn groups"
    );
    // Keys that never repeat: a dict of pairs, not an aggregate.
    let t = task(
        &["users"],
        &["list[dict]"],
        "Map each user's 'id' to the user's 'name'.",
        &[
            (
                &["[{'id': 1, 'name': 'ann'}, {'id': 7, 'name': 'bob'}]"],
                "{1: 'ann', 7: 'bob'}",
            ),
            (&["[]"], "{}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return {user['id']: user['name'] for user in users}"
    );
    assert_eq!(
        super::hints::layout_bounds("YYYY-MM-DD"),
        vec![4, 5, 7, 8, 10]
    );
    assert_eq!(super::hints::layout_bounds("HH:MM"), vec![2, 3, 5]);
    assert!(super::hints::layout_bounds("hello").is_empty());
    assert!(super::hints::layout_bounds("YYYY").is_empty());
}

#[test]
fn a_dict_of_fixed_keys_is_a_literal() {
    // Every output has the same keys in the same order: each key's value is a hole.
    let t = task(
        &["values"],
        &["list[int]"],
        "Summary of the values: the smallest, the largest and how many there are.",
        &[
            (&["[4, 1, 9]"], "{'low': 1, 'high': 9, 'count': 3}"),
            (&["[5, 5]"], "{'low': 5, 'high': 5, 'count': 2}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return {'low': min(values), 'high': max(values), 'count': len(values)}"
    );
    // Four keys: the values come as two pairs inside, one literal outside.
    let t = task(
        &["values"],
        &["list[int]"],
        "Summary of the values: the smallest, the largest, how many there are and their total.",
        &[
            (
                &["[4, 1, 9]"],
                "{'low': 1, 'high': 9, 'count': 3, 'total': 14}",
            ),
            (
                &["[5, 5]"],
                "{'low': 5, 'high': 5, 'count': 2, 'total': 10}",
            ),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return {'low': min(values), 'high': max(values), 'count': len(values), 'total': sum(values)}"
    );
}

#[test]
fn a_stated_range_is_a_chained_comparison() {
    let t = task(
        &["port"],
        &["int"],
        "Whether port is a valid TCP port number (1 to 65535).",
        &[(&["80"], "True"), (&["0"], "False"), (&["70000"], "False")],
    );
    assert_eq!(first_body(&t), "return 1 <= port <= 65535");
}

/// Bodies of every solution the search finds (in its order).
fn all_bodies(t: &Task) -> Vec<String> {
    solutions(t, 40).into_iter().map(|s| s.body).collect()
}

#[test]
fn a_palindrome_test_is_one_operation() {
    let t = task(
        &["text"],
        &["str"],
        "Return True if text reads the same backwards, ignoring case.",
        &[(&["'Level'"], "True"), (&["'hello'"], "False")],
    );
    assert_eq!(first_body(&t), "return text.lower() == text.lower()[::-1]");
}

#[test]
fn a_rounded_result_is_found_from_its_unrounded_term() {
    // 9.99 * 1.1 is 10.989: no example shows the unrounded value.
    let t = task(
        &["price", "rate"],
        &["float", "float"],
        "Price including tax at the given rate, rounded to cents.",
        &[(&["100", "0.2"], "120.0"), (&["9.99", "0.1"], "10.99")],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .any(|b| b == "return round(price + price * rate, 2)"),
        "{bodies:?}"
    );
}

#[test]
fn a_distinct_value_reads_the_list_as_a_set() {
    let t = task(
        &["numbers"],
        &["list[int]"],
        "Return the second largest distinct value.",
        &[(&["[4, 1, 3]"], "3"), (&["[10, 20]"], "10")],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .any(|b| b == "return sorted(set(numbers))[-2]"),
        "{bodies:?}"
    );
}

/// The body the ranking starts from: the best score (the first on ties).
fn best_body(t: &Task) -> String {
    solutions(t, 20)
        .iter()
        .rev()
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .map(|s| s.body.clone())
        .unwrap_or_default()
}

#[test]
fn a_threshold_is_compared_on_its_stated_side() {
    let t = task(
        &["age"],
        &["int"],
        "Return True if age is 18 or over.",
        &[(&["20"], "True"), (&["12"], "False")],
    );
    assert_eq!(best_body(&t), "return age >= 18");
}

#[test]
fn records_are_selected_by_the_fields_the_description_names() {
    // On these two examples `users[:1]` selects the same records as the filter; the
    // description names the field that selects them.
    let t = task(
        &["users"],
        &["list[dict]"],
        "Return the names of the active users.",
        &[
            (
                &["[{'name': 'a', 'active': True}, {'name': 'b', 'active': False}]"],
                "['a']",
            ),
            (&["[]"], "[]"),
        ],
    );
    // The ranking's intent charge then puts it before `[user['name'] for user in users][:1]`.
    let sols = solutions(&t, 20);
    let best = sols
        .iter()
        .map(|s| s.score)
        .fold(f64::NEG_INFINITY, f64::max);
    assert!(
        sols.iter().any(|s| s.score == best
            && s.body == "return [user['name'] for user in users if user['active']]"),
        "{:?}",
        sols.iter().map(|s| (s.score, &s.body)).collect::<Vec<_>>()
    );
}

#[test]
fn a_stated_empty_case_is_a_guard_of_the_fit() {
    // Without the stated case `[part.strip() for ...]` gives `['']` for an empty line.
    let t = task(
        &["line"],
        &["str"],
        "Split a simple CSV line on commas, stripping whitespace around each field. An \
         empty line gives an empty list.",
        &[
            (&["'a, b ,c'"], "['a', 'b', 'c']"),
            (&["'x,,y'"], "['x', '', 'y']"),
        ],
    );
    let body = best_body(&t);
    assert_eq!(
        body,
        "if not line:\n    return []\nreturn [part.strip() for part in line.split(',')]"
    );
}

#[test]
fn a_stated_zero_case_guards_a_division() {
    let t = task(
        &["a", "b"],
        &["float", "float"],
        "Return a divided by b, or 0.0 when b is 0.",
        &[(&["6.0", "3.0"], "2.0"), (&["1.0", "4.0"], "0.25")],
    );
    assert_eq!(best_body(&t), "if not b:\n    return 0.0\nreturn a / b");
}

#[test]
fn a_count_mixed_with_an_element_is_counted() {
    use super::ast::{Expr, Op};
    use std::rc::Rc;
    let p = |i| Rc::new(Expr::Param(i));
    let call = |op, args: Vec<Rc<Expr>>| Rc::new(Expr::Call(op, args));
    let len_set = call(Op::Len, vec![call(Op::SetOf, vec![p(0)])]);
    // `max(min(nums), len(set(nums)))`, `(max(values) + 1) % len(values)`,
    // `len(items) <= items[0]`: a count with an element's value.
    let junk = [
        call(Op::Max2, vec![call(Op::Min, vec![p(0)]), len_set.clone()]),
        call(
            Op::Mod,
            vec![
                call(
                    Op::Add,
                    vec![
                        call(Op::Max, vec![p(0)]),
                        Rc::new(Expr::Const(PyVal::Int(1))),
                    ],
                ),
                call(Op::Len, vec![p(0)]),
            ],
        ),
        call(
            Op::LtE,
            vec![
                call(Op::Len, vec![p(0)]),
                call(Op::Index, vec![p(0), Rc::new(Expr::Const(PyVal::Int(0)))]),
            ],
        ),
    ];
    for e in &junk {
        assert_eq!(e.unit_mixes(), 1, "{e:?}");
    }
    // Counts with counts, values with values, a parameter with a count: no mix.
    let fine = [
        call(Op::Lt, vec![len_set.clone(), call(Op::Len, vec![p(0)])]),
        call(
            Op::Sub,
            vec![call(Op::Max, vec![p(0)]), call(Op::Min, vec![p(0)])],
        ),
        call(Op::Mod, vec![p(1), call(Op::Len, vec![p(0)])]),
        call(
            Op::FloorDiv,
            vec![call(Op::Sum, vec![p(0)]), call(Op::Len, vec![p(0)])],
        ),
    ];
    for e in &fine {
        assert_eq!(e.unit_mixes(), 0, "{e:?}");
    }
}

#[test]
fn a_dotted_path_is_looked_up_in_a_loop() {
    let t = task(
        &["config", "key", "default"],
        &["dict", "str", ""],
        "Look up a value in nested dicts with a dotted path such as 'db.host'; return default \
         when a key is missing.",
        &[
            (&["{'db': {'host': 'h'}}", "'db.host'", "None"], "'h'"),
            (&["{'db': {}}", "'db.port'", "5432"], "5432"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "value = config\nfor part in key.split('.'):\n    if not isinstance(value, dict) or part not in value:\n        return default\n    value = value[part]\nreturn value"
    );
}

#[test]
fn an_optional_parameter_is_narrowed_under_a_none_guard() {
    let t = task(
        &["name"],
        &["str | None"],
        "Length of the name, or -1 when there is no name.",
        &[(&["None"], "-1"), (&["'Ann'"], "3"), (&["'Bo'"], "2")],
    );
    assert_eq!(
        first_body(&t),
        "if name is None:\n    return -1\nreturn len(name)"
    );
    let t = task(
        &["text"],
        &["str | None"],
        "True for None, an empty string or only whitespace.",
        &[
            (&["None"], "True"),
            (&["'   '"], "True"),
            (&["'x'"], "False"),
            (&["''"], "True"),
        ],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .all(|b| b.starts_with("return text is None or "))
            && bodies
                .iter()
                .any(|b| b == "return text is None or text.strip() == ''"),
        "{bodies:?}"
    );
    // A `None` beside one other example is no reason for a guard.
    let t = task(
        &["records", "field", "default"],
        &["list[dict]", "str", ""],
        "Pull out field from each record, using default where it is missing.",
        &[
            (&["[{'id': 1}, {'id': 2}]", "'id'", "None"], "[1, 2]"),
            (&["[{'a': 1}, {}]", "'a'", "0"], "[1, 0]"),
        ],
    );
    assert!(!first_body(&t).contains("is None"), "{}", first_body(&t));
}

#[test]
fn ties_broken_alphabetically_sort_the_sorted_elements() {
    let t = task(
        &["scores", "n"],
        &["dict[str, int]", "int"],
        "Return the names with the n highest scores, highest first; ties are ordered \
         alphabetically.",
        &[
            (&["{'ann': 90, 'bob': 75, 'cy': 90}", "2"], "['ann', 'cy']"),
            (&["{'x': 5, 'y': 7, 'z': 6}", "1"], "['y']"),
        ],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .any(|b| b == "return sorted(sorted(scores), key=scores.get, reverse=True)[:n]"),
        "{bodies:?}"
    );
    // `max` keeps the first of equal keys: of the keys sorted, the alphabetically first.
    let t = task(
        &["sizes"],
        &["dict[str, int]"],
        "Name of the largest file. Ties go to the alphabetically first name; an empty \
         mapping gives None.",
        &[
            (&["{'a.txt': 120, 'b.bin': 4096, 'c.log': 900}"], "'b.bin'"),
            (&["{}"], "None"),
        ],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .any(|b| b == "return max(sorted(sizes), key=sizes.get, default=None)"),
        "{bodies:?}"
    );
}

#[test]
fn identifier_case_conversions_are_idioms_the_description_names() {
    let t = task(
        &["name"],
        &["str"],
        "Convert a snake_case identifier to camelCase.",
        &[
            (&["'user_name'"], "'userName'"),
            (&["'get_http_response'"], "'getHttpResponse'"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "parts = name.split('_')\nreturn parts[0] + ''.join(x.title() for x in parts[1:])"
    );
    let t = task(
        &["name"],
        &["str"],
        "Convert a camelCase or PascalCase identifier to snake_case.",
        &[
            (&["'userName'"], "'user_name'"),
            (&["'ParseJson'"], "'parse_json'"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return ''.join('_' + c.lower() if c.isupper() else c for c in name).strip('_')"
    );
}

#[test]
fn an_empty_example_guards_the_fit_of_the_others() {
    let t = task(
        &["values"],
        &["list[float]"],
        "Return (smallest, largest) of the values, or None for an empty list.",
        &[
            (&["[3, 1, 4]"], "(1, 4)"),
            (&["[2, 9]"], "(2, 9)"),
            (&["[]"], "None"),
        ],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .any(|b| b == "if not values:\n    return None\nreturn (min(values), max(values))"),
        "{bodies:?}"
    );
}

#[test]
fn neighbours_and_positions_are_zipped() {
    // "The one right before it": each element with the next, past the cheaper fit
    // `2 % abs(1 - len(values))` that two examples allow.
    let t = task(
        &["values"],
        &["list"],
        "Count how many times a value differs from the one right before it.",
        &[(&["['on', 'on', 'off', 'on']"], "2"), (&["[1, 1, 1]"], "0")],
    );
    let bodies: Vec<String> = solutions(&t, 20).into_iter().map(|s| s.body).collect();
    assert!(
        bodies.contains(&"return sum(prev != cur for prev, cur in zip(values, values[1:]))".into()),
        "{bodies:?}"
    );
    // Two strings position by position.
    let t = task(
        &["a", "b"],
        &["str", "str"],
        "Count the positions at which the two strings differ.",
        &[
            (&["'abcd'", "'abed'"], "1"),
            (&["'10110'", "'01011'"], "4"),
            (&["'xy'", "'xy'"], "0"),
        ],
    );
    let bodies: Vec<String> = solutions(&t, 20).into_iter().map(|s| s.body).collect();
    assert!(
        bodies.contains(&"return sum(x != y for x, y in zip(a, b))".into()),
        "{bodies:?}"
    );
}

#[test]
fn indices_prefixes_and_records_by_key_are_comprehensions() {
    let t = task(
        &["items", "value"],
        &["list[str]", "str"],
        "Return every index at which value occurs in the list.",
        &[
            (&["['a', 'b', 'a', 'c', 'a']", "'a'"], "[0, 2, 4]"),
            (&["['x', 'y']", "'z'"], "[]"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return [i for i, item in enumerate(items) if item == value]"
    );
    let t = task(
        &["items", "stop"],
        &["list[str]", "str"],
        "Return the items before the first occurrence of stop. If stop never appears, return \
         all the items.",
        &[
            (&["['a', 'b', 'END', 'c']", "'END'"], "['a', 'b']"),
            (&["['x', 'y']", "'z'"], "['x', 'y']"),
            (&["['N', 'NE', 'E']", "'NE'"], "['N']"),
        ],
    );
    // (The first that reads `stop`: a fit that leaves a parameter out is not offered.)
    let first_complete = solutions(&t, 20)
        .into_iter()
        .map(|s| s.body)
        .find(|b| b.contains("stop"));
    assert_eq!(
        first_complete.as_deref(),
        Some("return list(takewhile(lambda item: item != stop, items))")
    );
    let t = task(
        &["records", "key"],
        &["list[dict]", "str"],
        "Build a dict mapping each record's value for key to the record itself.",
        &[
            (
                &["[{'id': 1, 'name': 'a'}, {'id': 2, 'name': 'b'}]", "'id'"],
                "{1: {'id': 1, 'name': 'a'}, 2: {'id': 2, 'name': 'b'}}",
            ),
            (&["[]", "'id'"], "{}"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return {record[key]: record for record in records}"
    );
}

/// "Ignoring case": a comparison of a lower-cased element with the target as given fits
/// lower-case targets only; the comparison of both lowered follows it and costs less.
#[test]
fn a_case_insensitive_comparison_lowers_both_sides() {
    let t = task(
        &["words", "target"],
        &["list[str]", "str"],
        "Return the first position of target in words, ignoring case, or None if it isn't \
         there.",
        &[
            (&["['Apple', 'banana', 'Cherry']", "'cherry'"], "2"),
            (&["['a', 'b']", "'z'"], "None"),
        ],
    );
    let sols = solutions(&t, 40);
    let score = |body: &str| {
        sols.iter()
            .find(|s| s.body == body)
            .map(|s| s.score)
            .unwrap_or_else(|| {
                panic!(
                    "{body} in {:?}",
                    sols.iter().map(|s| &s.body).collect::<Vec<_>>()
                )
            })
    };
    let both = score(
        "return next((i for i, word in enumerate(words) if target.lower() == word.lower()), None)",
    );
    let half =
        score("return next((i for i, word in enumerate(words) if word.lower() == target), None)");
    assert!(both > half, "{both} vs {half}");
}

/// Character filters and maps are decomposed: each character is kept or replaced on its own,
/// so a named class of characters in both cases is found fast.
#[test]
fn characters_kept_by_a_test_are_decomposed() {
    let t = task(
        &["text"],
        &["str"],
        "Remove all vowels (a, e, i, o, u in either case) from the text.",
        &[
            (&["'hello world'"], "'hll wrld'"),
            (&["'Programming'"], "'Prgrmmng'"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return ''.join(c for c in text if c not in 'aeiouAEIOU')"
    );
    let t = task(
        &["text"],
        &["str"],
        "Replace every space with an underscore.",
        &[(&["'a b c'"], "'a_b_c'"), (&["'hi there'"], "'hi_there'")],
    );
    assert!(
        all_bodies(&t)
            .iter()
            .any(|b| b == "return text.replace(' ', '_')"),
        "{:?}",
        all_bodies(&t)
    );
}

/// Sibling parts of a tuple read at opposite ends (`min` beside `max`).
#[test]
fn a_tuple_of_opposite_ends_reads_alike() {
    let t = task(
        &["words"],
        &["list[str]"],
        "Return (shortest, longest) word from a non-empty list.",
        &[
            (&["['pear', 'fig', 'banana']"], "('fig', 'banana')"),
            (&["['one']"], "('one', 'one')"),
        ],
    );
    assert_eq!(
        best_body(&t),
        "return (min(words, key=len), max(words, key=len))"
    );
}

/// A rule the description states and no example shows ("ignoring its sign", "empty strings
/// are skipped") is an example too: the search fits it, and the digits of a negative number
/// are those of `abs(n)`.
#[test]
fn stated_invariances_reach_the_search() {
    let t = task(
        &["n"],
        &["int"],
        "Return the product of the decimal digits of n, ignoring its sign.",
        &[(&["234"], "24"), (&["55"], "25")],
    );
    assert_eq!(
        first_body(&t),
        "return math.prod(int(d) for d in str(abs(n)))"
    );
    let t = task(
        &["names"],
        &["list[str]"],
        "Group names by their length; empty strings are skipped.",
        &[(&["['ann', 'bo', 'cy']"], "{3: ['ann'], 2: ['bo', 'cy']}")],
    );
    let body = first_body(&t);
    assert!(body.contains("if name"), "{body}");
}

/// 'H:MM' and 'HH:MM:SS' texts are minutes and seconds: their fields read as the layout says.
#[test]
fn clock_times_are_minutes_and_seconds() {
    let t = task(
        &["laps"],
        &["list[str]"],
        "Total time of the 'M:SS' laps, in seconds.",
        &[(&["['1:30', '2:05']"], "215"), (&["['0:45']"], "45")],
    );
    assert_eq!(
        first_body(&t),
        "total = 0\nfor lap in laps:\n    total += int(lap.split(':')[0]) * 60 + int(lap.split(':')[1])\nreturn total"
    );
    let t = task(
        &["start", "end"],
        &["str", "str"],
        "Seconds from start to end, two 'HH:MM:SS' times of one day.",
        &[
            (&["'10:00:00'", "'10:01:30'"], "90"),
            (&["'08:15:00'", "'09:15:05'"], "3605"),
        ],
    );
    let body = first_body(&t);
    assert!(body.contains("int(end.split(':')[2])"), "{body}");
}

#[test]
fn closest_and_listed_affixes_are_read() {
    // "Closest to": the smallest distance, not a fit of the two examples' remainders.
    let t = task(
        &["values", "target"],
        &["list[int]", "int"],
        "Return the value closest to target.",
        &[(&["[1, 5, 9]", "6"], "5"), (&["[10, 20]", "14"], "10")],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .any(|b| b == "return min(values, key=lambda value: abs(target - value))"),
        "{bodies:?}"
    );
    // "Remove the prefix if it is there": `removeprefix`, not `strip(prefix)`.
    let t = task(
        &["text", "prefix"],
        &["str", "str"],
        "Return text without the given prefix, if it starts with it.",
        &[
            (&["'feature/login'", "'feature/'"], "'login'"),
            (&["'main'", "'feature/'"], "'main'"),
        ],
    );
    assert_eq!(first_body(&t), "return text.removeprefix(prefix)");
    // "Ends with '.jpg', '.png' or '.gif'": the listed affixes, where the examples show one.
    let t = task(
        &["name"],
        &["str"],
        "Return True if the file name ends with '.jpg', '.png' or '.gif'.",
        &[(&["'cat.png'"], "True"), (&["'notes.txt'"], "False")],
    );
    let bodies = all_bodies(&t);
    assert!(
        bodies
            .iter()
            .any(|b| b == "return name.endswith(('.jpg', '.png', '.gif'))"),
        "{bodies:?}"
    );
}

#[test]
fn set_parameters_are_read_and_searched() {
    let stopwords = Value::parse_literal("{'the', 'and'}").expect("a set literal");
    assert_eq!(PyVal::from_value(&stopwords).to_value(), Some(stopwords));
    let t = task(
        &["text", "stopwords"],
        &["str", "set[str]"],
        "Split text into lowercase words and drop the ones in stopwords.",
        &[
            (
                &["'The cat and the hat'", "{'the', 'and'}"],
                "['cat', 'hat']",
            ),
            (&["'Hello world'", "{'a'}"], "['hello', 'world']"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return [word for word in text.lower().split() if word not in stopwords]"
    );
}

#[test]
fn one_result_in_every_example_is_no_constant() {
    // Both examples count 2: `len((a, b))` and `2` fit them and are no count.
    let t = task(
        &["a", "b"],
        &["str", "str"],
        "Count the positions at which the two strings differ.",
        &[
            (&["'10110'", "'10011'"], "2"),
            (&["'GATTACA'", "'GACTATA'"], "2"),
        ],
    );
    let bodies: Vec<String> = solutions(&t, 20).into_iter().map(|s| s.body).collect();
    assert!(!bodies.is_empty());
    for constant in ["return 2", "return len((a, b))", "return len((b, a))"] {
        assert!(!bodies.contains(&constant.to_string()), "{bodies:?}");
    }
    assert!(
        bodies.contains(&"return sum(x != y for x, y in zip(a, b))".into()),
        "{bodies:?}"
    );
}

#[test]
fn a_flag_parameter_chooses_between_branches() {
    // Each branch is right on one example only: a fit, unless a yes/no parameter picks it.
    let t = task(
        &["title", "done"],
        &["str", "bool"],
        "Prefix the title with 'DONE: ' when done, with 'TODO: ' otherwise.",
        &[
            (&["'Buy milk'", "False"], "'TODO: Buy milk'"),
            (&["'Pay rent'", "True"], "'DONE: Pay rent'"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return 'DONE: ' + title if done else 'TODO: ' + title"
    );
    // A tuple built on the spot and indexed at once only reads its other part for show.
    let t = task(
        &["title", "done"],
        &["str", "bool"],
        "Prefix the title with '- [ ] '.",
        &[
            (&["'Buy milk'", "False"], "'- [ ] Buy milk'"),
            (&["'Pay rent'", "False"], "'- [ ] Pay rent'"),
        ],
    );
    let bodies: Vec<String> = solutions(&t, 20).into_iter().map(|s| s.body).collect();
    assert!(!bodies.iter().any(|b| b.contains(", done)[")), "{bodies:?}");
}

#[test]
fn a_tuples_parts_are_searched_together() {
    // Part by part, `len(set(results))` fits the wins (3 and 0); one program with the word
    // as a parameter must give every part of both examples.
    let t = task(
        &["results"],
        &["str"],
        "Count a team's wins, draws and losses in a string of 'W', 'D' and 'L'\n\
         results, returned as (wins, draws, losses).",
        &[(&["'WWDLW'"], "(3, 1, 1)"), (&["''"], "(0, 0, 0)")],
    );
    let bodies: Vec<String> = solutions(&t, 20).into_iter().map(|s| s.body).collect();
    assert!(
        bodies.contains(
            &"return (results.count('W'), results.count('D'), results.count('L'))".to_string()
        ),
        "{bodies:?}"
    );
    // The part's position picks a field of each record (`point[0]`, `point[1]`).
    let t = task(
        &["points"],
        &["list[tuple[float, float]]"],
        "Return the centroid (mean x, mean y) of a non-empty list of points, with each \
         coordinate rounded to 2 decimals.",
        &[
            (&["[(0, 0), (4, 0), (4, 2), (0, 2)]"], "(2.0, 1.0)"),
            (&["[(1, 1)]"], "(1.0, 1.0)"),
        ],
    );
    let bodies: Vec<String> = solutions(&t, 20).into_iter().map(|s| s.body).collect();
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("round(sum(point[0]") && b.contains("round(sum(point[1]")),
        "{bodies:?}"
    );
}

#[test]
fn a_parameter_stated_as_a_threshold_sets_the_guards_side() {
    // "above the reorder point": at the boundary the stock is not above it, so an order is
    // placed (`reorder_point < stock` for nothing, not `stock < reorder_point` for the order,
    // which both examples allow).
    let t = task(
        &["stock", "reorder_point", "target"],
        &["int", "int", "int"],
        "Return how many units to order: nothing while the stock is above the\n\
         reorder point, otherwise enough to bring the stock back up to target.",
        &[(&["50", "20", "100"], "0"), (&["15", "20", "100"], "85")],
    );
    let bodies: Vec<String> = solutions(&t, 20).into_iter().map(|s| s.body).collect();
    assert!(
        bodies.contains(&"return 0 if reorder_point < stock else target - stock".to_string()),
        "{bodies:?}"
    );
    assert!(
        !bodies.iter().any(|b| b.contains("stock < reorder_point")),
        "{bodies:?}"
    );
}

#[test]
fn iso_dates_are_calendar_dates() {
    let t = task(
        &["start", "end"],
        &["str", "str"],
        "Return how many days there are from start to end, two ISO dates.",
        &[
            (&["'2024-01-01'", "'2024-03-01'"], "60"),
            (&["'2023-12-25'", "'2024-01-01'"], "7"),
        ],
    );
    assert_eq!(
        first_body(&t),
        "return (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days"
    );
    let t = task(
        &["date", "days"],
        &["str", "int"],
        "Return the ISO date that is the given number of days after date.",
        &[
            (&["'2024-02-27'", "3"], "'2024-03-01'"),
            (&["'2023-12-31'", "1"], "'2024-01-01'"),
        ],
    );
    let bodies: Vec<String> = solutions(&t, 5).into_iter().map(|s| s.body).collect();
    assert!(
        bodies[0].contains(
            "(datetime.date.fromisoformat(date) + datetime.timedelta(days=days)).isoformat()"
        ),
        "{bodies:?}"
    );
    // The format is read off the examples.
    let t = task(
        &["iso"],
        &["str"],
        "Show a date as its month name and year.",
        &[
            (&["'2024-03-15'"], "'March 2024'"),
            (&["'1999-12-01'"], "'December 1999'"),
        ],
    );
    let bodies: Vec<String> = solutions(&t, 5).into_iter().map(|s| s.body).collect();
    assert!(
        bodies[0].contains("datetime.date.fromisoformat(iso).strftime('%B %Y')"),
        "{bodies:?}"
    );
}

#[test]
fn a_string_is_written_in_the_groups_the_description_names() {
    let t = task(
        &["iban"],
        &["str"],
        "Format an IBAN for display, split into groups of four characters separated by \
         single spaces.",
        &[
            (
                &["'GB82WEST12345698765432'"],
                "'GB82 WEST 1234 5698 7654 32'",
            ),
            (
                &["'DE89370400440532013000'"],
                "'DE89 3704 0044 0532 0130 00'",
            ),
        ],
    );
    let bodies: Vec<String> = solutions(&t, 5).into_iter().map(|s| s.body).collect();
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("range(0, len(") && b.contains(", 4)]")),
        "{bodies:?}"
    );
}
