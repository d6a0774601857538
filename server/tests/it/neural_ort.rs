//! The shipped neural model, loaded through the real ONNX Runtime.
//!
//! The runtime is found by the same discovery as the server. When it cannot be found the tests
//! print why and pass, unless `DOCSYNTH_REQUIRE_ORT=1` (set by `.ci/run`), where they fail.

use std::path::PathBuf;

use docsynth::cancel::CancelToken;
use docsynth::domain::{IoExample, Task};
use docsynth::neural::grammar::strings::is_valid_program;
use docsynth::neural::{Device, NeuralError, NeuralWriter};
use docsynth::value::Value;

fn model_dir() -> PathBuf {
    match std::env::var_os("DOCSYNTH_TEST_MODEL") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/strings"),
    }
}

/// The writer, or `None` (after printing why) when ONNX Runtime is absent and not required.
fn writer() -> Option<NeuralWriter> {
    match NeuralWriter::load(&model_dir(), Device::Cpu) {
        Ok(w) => Some(w),
        Err(e @ (NeuralError::RuntimeNotFound(_) | NeuralError::Runtime { .. })) => {
            assert!(
                std::env::var("DOCSYNTH_REQUIRE_ORT").as_deref() != Ok("1"),
                "DOCSYNTH_REQUIRE_ORT=1 but: {e}"
            );
            eprintln!("skipping: {e}");
            None
        }
        Err(e) => panic!("the shipped model does not load: {e}"),
    }
}

fn task(pairs: &[(&str, &str)]) -> Task {
    Task {
        param_names: vec!["s".into()],
        examples: pairs
            .iter()
            .map(|(i, o)| IoExample {
                inputs: vec![Value::Str((*i).into())],
                output: Value::Str((*o).into()),
            })
            .collect(),
        held_out: Vec::new(),
        ..Default::default()
    }
}

fn upper_task() -> Task {
    task(&[
        ("hello world", "HELLO WORLD"),
        ("abc", "ABC"),
        ("Mixed Case", "MIXED CASE"),
    ])
}

#[test]
fn proposes_valid_programs_within_the_beam() {
    let Some(w) = writer() else { return };
    let mut got: Vec<(Vec<u32>, f64)> = Vec::new();
    let stats = w
        .propose(&upper_task(), 10, 3, &CancelToken::new(), |t, s| {
            got.push((t, s));
            true
        })
        .expect("propose");
    assert!(!got.is_empty(), "no candidates: {stats:?}");
    // 3 latent groups of 10/3 = 3 programs each: each group streams at most its top 3 plus
    // replacements, never an invalid program.
    for (t, s) in &got {
        assert!(is_valid_program(t), "invalid program {t:?}");
        assert!(s.is_finite() && *s <= 0.0);
    }
    if w.kind() == "lp" {
        assert!(stats.latent_sequences >= 1 && stats.latent_sequences <= 3);
    }
}

#[test]
fn beam_one_streams_only_improving_programs() {
    // With B = 1 the beam keeps one finished program; a later one is streamed only when it
    // replaces the kept one, i.e. when its length-normalized score is higher.
    let Some(w) = writer() else { return };
    let mut got: Vec<f64> = Vec::new();
    w.propose(&upper_task(), 1, 3, &CancelToken::new(), |_, s| {
        got.push(s);
        true
    })
    .expect("propose");
    assert!(!got.is_empty());
    assert!(got.windows(2).all(|p| p[1] > p[0]), "scores {got:?}");
}

#[test]
fn caller_can_stop_after_the_first_candidate() {
    let Some(w) = writer() else { return };
    let mut n = 0;
    let stats = w
        .propose(&upper_task(), 10, 3, &CancelToken::new(), |_, _| {
            n += 1;
            false
        })
        .expect("propose");
    assert_eq!(n, 1);
    assert!(stats.stopped_by_caller);
}

#[test]
fn cancelled_token_stops_before_decoding() {
    let Some(w) = writer() else { return };
    let cancel = CancelToken::new();
    cancel.cancel();
    let mut n = 0;
    let stats = w
        .propose(&upper_task(), 10, 3, &cancel, |_, _| {
            n += 1;
            true
        })
        .expect("propose");
    assert!(stats.cancelled);
    assert_eq!(n, 0);
}

#[test]
fn non_string_tasks_are_rejected_with_a_message() {
    let Some(w) = writer() else { return };
    let t = Task {
        param_names: vec!["x".into()],
        examples: vec![IoExample {
            inputs: vec![Value::Int(1)],
            output: Value::Int(2),
        }],
        held_out: Vec::new(),
        ..Default::default()
    };
    let err = w.propose(&t, 10, 3, &CancelToken::new(), |_, _| true).err();
    assert!(matches!(err, Some(NeuralError::Unsupported(_))), "{err:?}");
}

#[test]
fn missing_model_directory_is_an_error_not_a_panic() {
    let err = NeuralWriter::load(std::path::Path::new("/nonexistent/model"), Device::Cpu).err();
    assert!(err.is_some());
}

#[test]
fn pipeline_writer_renders_neural_solutions() {
    use docsynth::domain::{domain_by_name, WriterKind};
    use docsynth::neural::writer::NeuralPipelineWriter;
    use docsynth::pipeline::Writer;
    let Some(w) = writer() else { return };
    let domain = domain_by_name("strings").expect("strings domain");
    let pw = NeuralPipelineWriter::with_models(vec![w], 4, 2);
    let sols = pw.write(domain.as_ref(), &upper_task(), &CancelToken::new(), 3);
    assert!(!sols.is_empty());
    for s in &sols {
        assert_eq!(s.writer, WriterKind::Neural);
        assert!(s.body.contains("return"), "{}", s.body);
    }
    assert!(sols.windows(2).all(|p| p[0].score >= p[1].score));
}

#[test]
fn shared_writer_reports_a_missing_model_once_without_panicking() {
    let dir = std::path::Path::new("/nonexistent/model");
    let a = docsynth::neural::writer::shared_writer(Some(dir), "strings", Device::Cpu);
    let b = docsynth::neural::writer::shared_writer(Some(dir), "strings", Device::Cpu);
    assert!(a.is_err() && b.is_err());
    assert_eq!(a.err(), b.err());
}

/// Every candidate (tokens and score, in stream order) of one search.
fn candidates(w: &NeuralWriter, t: &Task, beam: usize, l: usize) -> Vec<(Vec<u32>, f64)> {
    let mut got = Vec::new();
    w.propose(t, beam, l, &CancelToken::new(), |tok, s| {
        got.push((tok, s));
        true
    })
    .expect("propose");
    got
}

fn assert_same_candidates(w: &NeuralWriter, t: &Task, beam: usize, l: usize) {
    let cached = candidates(w, t, beam, l);
    let full = candidates(&w.with_cached_decoding(false), t, beam, l);
    assert!(!cached.is_empty());
    assert_eq!(cached.len(), full.len(), "different candidate counts");
    for ((a, sa), (b, sb)) in cached.iter().zip(&full) {
        assert_eq!(a, b, "cached and full decoding chose different programs");
        assert!((sa - sb).abs() < 1e-3, "scores {sa} vs {sb}");
    }
}

#[test]
fn cached_decoding_gives_the_same_programs_as_full_recomputation() {
    let Some(w) = writer() else { return };
    assert!(
        w.uses_cached_decoding(),
        "the shipped model should ship program_cross/program_step_kv"
    );
    let t = task(&[("Mason Smith", "Smith M"), ("Ada Lovelace", "Lovelace A")]);
    assert_same_candidates(&w, &t, 12, 3);
    assert_same_candidates(&w, &upper_task(), 5, 1);
    let baseline = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/strings-baseline");
    if let Ok(b) = NeuralWriter::load(&baseline, Device::Cpu) {
        assert!(b.uses_cached_decoding());
        assert_same_candidates(&b, &t, 8, 1);
    }
}
