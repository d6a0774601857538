//! A lists (DeepCoder) model through the real ONNX Runtime: proposals are grammar-valid,
//! type-correct for the task, and run in the lists interpreter.
//!
//! The model is `DOCSYNTH_TEST_LISTS_MODEL`, else the repository's `models/lists`, else
//! `/work/lists-model-dev`. Without ONNX Runtime the tests print why and pass, unless
//! `DOCSYNTH_REQUIRE_ORT=1` (set by `.ci/run`); without a model they print why and pass, unless
//! `DOCSYNTH_REQUIRE_LISTS_MODEL=1`.

use std::path::PathBuf;

use docsynth::cancel::CancelToken;
use docsynth::domain::lists::dsl::Type;
use docsynth::domain::lists::{interp, to_dsl, tokens};
use docsynth::domain::{domain_by_name, IoExample, Task, WriterKind};
use docsynth::neural::grammar::lists::is_valid_program;
use docsynth::neural::{list_signature, Device, NeuralError, NeuralWriter};
use docsynth::value::Value;

fn model_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("DOCSYNTH_TEST_LISTS_MODEL").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/lists")),
        Some(PathBuf::from("/work/lists-model-dev")),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("model.json").is_file());
    if found.is_none() {
        assert!(
            std::env::var("DOCSYNTH_REQUIRE_LISTS_MODEL").as_deref() != Ok("1"),
            "DOCSYNTH_REQUIRE_LISTS_MODEL=1 but no lists model was found"
        );
        eprintln!(
            "skipping: no lists model (DOCSYNTH_TEST_LISTS_MODEL, models/lists, /work/lists-model-dev)"
        );
    }
    found
}

/// The writer, or `None` (after printing why) when the model or ONNX Runtime is absent.
fn writer() -> Option<NeuralWriter> {
    let dir = model_dir()?;
    match NeuralWriter::load(&dir, Device::Cpu) {
        Ok(w) => {
            assert_eq!(
                w.domain(),
                "lists",
                "{} is not a lists model",
                dir.display()
            );
            Some(w)
        }
        Err(e @ (NeuralError::RuntimeNotFound(_) | NeuralError::Runtime { .. })) => {
            assert!(
                std::env::var("DOCSYNTH_REQUIRE_ORT").as_deref() != Ok("1"),
                "DOCSYNTH_REQUIRE_ORT=1 but: {e}"
            );
            eprintln!("skipping: {e}");
            None
        }
        Err(e) => panic!("the lists model in {} does not load: {e}", dir.display()),
    }
}

fn list(xs: &[i64]) -> Value {
    Value::List(xs.iter().map(|&x| Value::Int(x)).collect())
}

fn task(examples: Vec<(Vec<Value>, Value)>) -> Task {
    let n = examples.first().map_or(0, |e| e.0.len());
    Task {
        param_names: (0..n).map(|i| format!("x{i}")).collect(),
        examples: examples
            .into_iter()
            .map(|(inputs, output)| IoExample { inputs, output })
            .collect(),
        held_out: Vec::new(),
        ..Default::default()
    }
}

/// Tasks of each shape: list -> list, list -> int, (list, int) -> list, (list, list) -> list.
fn tasks() -> Vec<Task> {
    vec![
        task(vec![
            (vec![list(&[3, 1, 2])], list(&[1, 2, 3])),
            (vec![list(&[5, -4])], list(&[-4, 5])),
            (vec![list(&[])], list(&[])),
        ]),
        task(vec![
            (vec![list(&[3, 1, 2])], Value::Int(6)),
            (vec![list(&[5, -4])], Value::Int(1)),
            (vec![list(&[7])], Value::Int(7)),
        ]),
        task(vec![
            (vec![list(&[3, 1, 2]), Value::Int(2)], list(&[3, 1])),
            (vec![list(&[5, -4, 8, 9]), Value::Int(1)], list(&[5])),
            (vec![list(&[0, 6]), Value::Int(0)], list(&[])),
        ]),
        task(vec![
            (vec![list(&[1, 2]), list(&[10, 20])], list(&[11, 22])),
            (vec![list(&[0, -3, 4]), list(&[1, 1, 1])], list(&[1, -2, 5])),
            (vec![list(&[]), list(&[5])], list(&[])),
        ]),
    ]
}

#[test]
fn proposals_are_grammar_valid_type_correct_and_runnable() {
    let Some(w) = writer() else { return };
    let domain = domain_by_name("lists").expect("lists domain");
    for t in tasks() {
        let (ins, out) = list_signature(&t).expect("signature");
        let mut got: Vec<(Vec<u32>, f64)> = Vec::new();
        let stats = w
            .propose(&t, 10, 3, &CancelToken::new(), |tok, s| {
                got.push((tok, s));
                true
            })
            .expect("propose");
        assert!(!got.is_empty(), "no candidates for {t:?}: {stats:?}");
        for (tok, score) in &got {
            assert!(score.is_finite() && *score <= 0.0);
            assert!(is_valid_program(tok, &ins, Some(out)), "invalid {tok:?}");
            let mut program = tokens::parse_tokens(tok).expect("parses");
            program.input_types = ins.clone();
            let types = program.check().expect("type-checks with the task's types");
            assert_eq!(types.last(), Some(&out));
            assert_eq!(tokens::program_tokens(&program), *tok, "canonical form");
            for e in &t.examples {
                let values: Vec<_> = e.inputs.iter().map(|v| to_dsl(v).expect("dsl")).collect();
                // NULL (e.g. Head of []) is a legal outcome; running must not fail otherwise.
                if let Some(v) = interp::run(&program, &values, 1 << 20) {
                    assert_eq!(v.ty(), out);
                }
            }
            let s = domain
                .solution_from_tokens(&t, tok)
                .expect("a solution for the task");
            assert!(s.body.contains("return"), "{}", s.body);
        }
    }
}

#[test]
fn beam_one_streams_only_improving_programs() {
    // With B = 1 the beam keeps one finished program; a later one is streamed only when it
    // replaces the kept one, i.e. when its length-normalized score is higher.
    let Some(w) = writer() else { return };
    let mut got: Vec<f64> = Vec::new();
    w.propose(&tasks()[0], 1, 3, &CancelToken::new(), |_, s| {
        got.push(s);
        true
    })
    .expect("propose");
    assert!(!got.is_empty());
    assert!(got.windows(2).all(|p| p[1] > p[0]), "scores {got:?}");
}

#[test]
fn string_tasks_are_rejected_with_a_message() {
    let Some(w) = writer() else { return };
    let t = task(vec![(vec![Value::Str("a".into())], Value::Str("A".into()))]);
    let err = w.propose(&t, 10, 3, &CancelToken::new(), |_, _| true).err();
    assert!(matches!(err, Some(NeuralError::Unsupported(_))), "{err:?}");
    let mixed = task(vec![
        (vec![list(&[1])], Value::Int(1)),
        (vec![list(&[1])], list(&[1])),
    ]);
    let err = w
        .propose(&mixed, 10, 3, &CancelToken::new(), |_, _| true)
        .err();
    assert!(matches!(err, Some(NeuralError::Unsupported(_))), "{err:?}");
}

#[test]
fn pipeline_writer_serves_lists_tasks_only_with_a_lists_model() {
    use docsynth::neural::writer::NeuralPipelineWriter;
    use docsynth::pipeline::Writer;
    let Some(w) = writer() else { return };
    let lists = domain_by_name("lists").expect("lists domain");
    let strings = domain_by_name("strings").expect("strings domain");
    let pw = NeuralPipelineWriter::with_models(vec![w], 10, 3);
    let t = &tasks()[0];
    let sols = pw.write(lists.as_ref(), t, &CancelToken::new(), 5);
    for s in &sols {
        assert_eq!(s.writer, WriterKind::Neural);
        assert!(s.body.contains("return"), "{}", s.body);
    }
    assert!(sols.windows(2).all(|p| p[0].score >= p[1].score));
    let st = task(vec![(vec![Value::Str("a".into())], Value::Str("A".into()))]);
    assert!(pw
        .write(strings.as_ref(), &st, &CancelToken::new(), 5)
        .is_empty());
}

#[test]
fn an_explicit_lists_dir_serves_lists_and_strings_falls_back_to_its_default() {
    use docsynth::neural::writer::shared_writer;
    let Some(dir) = model_dir() else { return };
    if writer().is_none() {
        return;
    }
    let l = shared_writer(Some(&dir), "lists", Device::Cpu).expect("lists model");
    assert_eq!(l.domain(), "lists");
    // The test runs in `server/`; `models/strings` is found above it.
    let s = shared_writer(Some(&dir), "strings", Device::Cpu).expect("default strings model");
    assert_eq!(s.domain(), "strings");
}

#[test]
fn ints_outside_the_vocabulary_still_encode() {
    let Some(w) = writer() else { return };
    let t = task(vec![
        (vec![list(&[300, -200])], list(&[-200, 300])),
        (vec![list(&[1, 0])], list(&[0, 1])),
    ]);
    let sig = list_signature(&t).expect("signature");
    assert_eq!(sig, (vec![Type::List], Type::List));
    let stats = w
        .propose(&t, 4, 2, &CancelToken::new(), |_, _| true)
        .expect("unk ids are fine");
    assert!(stats.candidates > 0);
}
