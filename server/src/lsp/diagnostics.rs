//! Diagnostics: failing examples of implemented functions, and a hint on each unimplemented
//! function saying that verified implementations are ready, or why there are none.

use super::analysis::FunctionCheck;
use super::config::Settings;
use super::position::{byte_range_to_range, Encoding};
use super::spec_key::SpecKey;
use super::state::{Analyzed, Checked, Lookup};
use crate::pipeline::{FunctionSynthesis, SynthStatus};
use crate::runner::ExampleStatus;
use crate::spec::{BodyState, Spec};
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Range};

const SOURCE: &str = "docsynth";

/// Byte range of the line holding `def` (skipping decorators), without its line break.
pub fn def_line(source: &str, spec: &Spec) -> (usize, usize) {
    let start = spec.def_range.start_byte.min(source.len());
    let end = spec.def_range.end_byte.clamp(start, source.len());
    let mut at = start;
    while at < end {
        let Some(line) = source.get(at..) else {
            break;
        };
        let line_end = line.find('\n').map_or(source.len(), |p| at + p);
        let text = source.get(at..line_end).unwrap_or("").trim_start();
        if text.starts_with("def ") || text.starts_with("async ") {
            return (
                at + (source[at..line_end].len() - text.len()),
                line_end.trim_cr(source),
            );
        }
        at = line_end + 1;
    }
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |p| start + p);
    (start, line_end.trim_cr(source))
}

trait TrimCr {
    fn trim_cr(self, source: &str) -> usize;
}

impl TrimCr for usize {
    fn trim_cr(self, source: &str) -> usize {
        if self > 0 && source.as_bytes().get(self - 1) == Some(&b'\r') {
            self - 1
        } else {
            self
        }
    }
}

fn first_line(source: &str, start: usize, end: usize) -> (usize, usize) {
    let s = start.min(source.len());
    let e = end.clamp(s, source.len());
    let cut = source
        .get(s..e)
        .and_then(|t| t.find('\n'))
        .map_or(e, |p| s + p);
    (s, cut.trim_cr(source))
}

fn hint(range: Range, code: &str, message: String) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::HINT),
        code: Some(NumberOrString::String(code.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        ..Default::default()
    }
}

/// The one diagnostic of a document whose examples are not run: `why`, on the `def` line of
/// its first function with examples (`None` if no function has any).
pub fn not_run(a: &Analyzed, why: &str, enc: Encoding) -> Option<Diagnostic> {
    let specs = a.specs.as_ref().ok()?;
    let spec = specs.functions.iter().find(|f| !f.examples.is_empty())?;
    let (s, e) = def_line(&a.source, spec);
    Some(Diagnostic {
        range: byte_range_to_range(&a.rope, s, e, enc),
        severity: Some(DiagnosticSeverity::INFORMATION),
        code: Some(NumberOrString::String("examples-not-run".to_string())),
        source: Some(SOURCE.to_string()),
        message: format!("{why}."),
        ..Default::default()
    })
}

/// Builds the diagnostics of one analyzed document.
pub fn build(
    a: &Analyzed,
    checks: Option<&Checked>,
    lookup: impl Fn(SpecKey) -> Lookup,
    settings: &Settings,
    enc: Encoding,
) -> Vec<Diagnostic> {
    let Ok(specs) = &a.specs else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (spec, key) in specs.functions.iter().zip(&a.keys) {
        // The `def` line's range, found only for the functions that get a hint there.
        let def = || {
            let (s, e) = def_line(&a.source, spec);
            byte_range_to_range(&a.rope, s, e, enc)
        };
        none_doctest_lines(a, spec, enc, &mut out);
        match spec.body_state {
            BodyState::Unimplemented => {
                if let Some(d) = unimplemented_hint(spec, lookup(*key), def(), settings) {
                    out.push(d);
                }
            }
            BodyState::Implemented => {
                let Some(fc) = checks.and_then(|c| c.current_for(&a.source, spec)) else {
                    continue;
                };
                failing_examples(a, spec, fc, enc, &mut out);
                if fc.fails() {
                    if let Lookup::Ready(r) = lookup(*key) {
                        if let Some(d) = replacement_hint(spec, fc, &r, def()) {
                            out.push(d);
                        }
                    }
                }
            }
        }
    }
    out
}

/// The hint on an implemented function that fails some examples when a verified
/// implementation that passes them all is ready ("Replace body" code actions).
fn replacement_hint(
    spec: &Spec,
    fc: &FunctionCheck,
    r: &FunctionSynthesis,
    range: Range,
) -> Option<Diagnostic> {
    if r.status != SynthStatus::Solved {
        return None;
    }
    let best = r.candidates.iter().min_by_key(|c| c.rank)?;
    let failing = fc
        .examples
        .iter()
        .filter(|e| e.status != ExampleStatus::Pass)
        .count();
    Some(hint(
        range,
        "replacement-ready",
        format!(
            "docsynth: {}() fails {failing} of {} examples; a verified implementation passes {}/{}: see code actions (Replace body)",
            spec.name,
            fc.examples.len(),
            best.passed,
            best.total
        ),
    ))
}

fn unimplemented_hint(
    spec: &Spec,
    lookup: Lookup,
    range: Range,
    settings: &Settings,
) -> Option<Diagnostic> {
    let name = &spec.name;
    if spec.examples.is_empty() {
        return Some(hint(
            range,
            "no-examples",
            format!(
                "docsynth: {name}() has no examples to synthesize from; add doctests (>>> {name}(...)), `# {name}(x) -> y` comments or `assert {name}(x) == y`"
            ),
        ));
    }
    let r = match lookup {
        Lookup::Ready(r) => r,
        Lookup::Running(_) => {
            return Some(hint(
                range,
                "synthesizing",
                format!("docsynth: synthesizing {name}()…"),
            ));
        }
        Lookup::Missing => return None,
    };
    let why = r.error.clone().unwrap_or_default();
    let (code, message) = match r.status {
        SynthStatus::Solved => {
            let best = r.candidates.first();
            let (p, t) = best.map_or((0, 0), |c| (c.passed, c.total));
            let mut clusters: Vec<usize> = r.candidates.iter().map(|c| c.cluster).collect();
            clusters.sort_unstable();
            clusters.dedup();
            let n = clusters.len().min(settings.max_actions);
            let plural = if n == 1 { "" } else { "s" };
            (
                "ready",
                format!("docsynth: {n} verified implementation{plural} of {name}() ready (passes {p}/{t} examples); see code actions"),
            )
        }
        SynthStatus::BudgetSpent => (
            "budget-spent",
            format!(
                "docsynth: no implementation of {name}() passed every example within the {} ms budget",
                settings.budget_ms
            ),
        ),
        SynthStatus::Exhausted => (
            "exhausted",
            format!("docsynth: no implementation of {name}() found: {why}"),
        ),
        SynthStatus::WriterUnavailable => (
            "writer-unavailable",
            format!("docsynth: cannot synthesize {name}(): {why}"),
        ),
        SynthStatus::NoDomain => (
            "no-program-space",
            format!("docsynth: no program space fits {name}(): {why}"),
        ),
        SynthStatus::NoExamples => (
            "no-examples",
            format!("docsynth: {name}() has no usable examples: {why}"),
        ),
        SynthStatus::Error => ("error", format!("docsynth: synthesis of {name}() failed: {why}")),
        SynthStatus::Underdetermined => (
            "underdetermined",
            match &r.question {
                Some(q) => format!(
                    "docsynth: the examples of {name}() fit programs that disagree; add an example for {} (answers: {})",
                    q.call,
                    q.answers
                        .iter()
                        .map(|a| a.shown.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => format!(
                    "docsynth: the examples of {name}() do not single out one implementation; add an example"
                ),
            },
        ),
        SynthStatus::Cancelled => return None,
    };
    Some(hint(range, code, message))
}

/// A hint on each doctest whose expected output is `None`: doctest prints nothing for a `None`
/// result, so `python -m doctest` reports the line as failing whatever the body; docsynth reads
/// it as "returns None" (the checker accepts a `None` result there).
fn none_doctest_lines(a: &Analyzed, spec: &Spec, enc: Encoding, out: &mut Vec<Diagnostic>) {
    for example in &spec.examples {
        if example.kind != crate::spec::ExampleKind::Doctest || example.expected.trim() != "None" {
            continue;
        }
        let (s, e) = first_line(&a.source, example.range.start_byte, example.range.end_byte);
        let call = example.source.lines().next().unwrap_or("").trim();
        out.push(hint(
            byte_range_to_range(&a.rope, s, e, enc),
            "doctest-none",
            format!(
                "doctest prints nothing for None, so `python -m doctest` fails this line; \
                 docsynth reads it as \"{call} returns None\" (`>>> {call} is None` / `True` \
                 passes under doctest too)"
            ),
        ));
    }
}

fn failing_examples(
    a: &Analyzed,
    spec: &Spec,
    fc: &FunctionCheck,
    enc: Encoding,
    out: &mut Vec<Diagnostic>,
) {
    for ex in &fc.examples {
        let Some(example) = spec.examples.get(ex.index) else {
            continue;
        };
        let (s, e) = first_line(&a.source, example.range.start_byte, example.range.end_byte);
        let range = byte_range_to_range(&a.rope, s, e, enc);
        let call = example.source.lines().next().unwrap_or("").trim();
        let actual = ex.actual.as_deref().unwrap_or("nothing");
        let (severity, code, message) = match ex.status {
            ExampleStatus::Pass | ExampleStatus::Skipped => continue,
            ExampleStatus::Fail => (
                DiagnosticSeverity::WARNING,
                "example-fails",
                format!("{call}: expected {}, got {actual}", ex.expected.trim()),
            ),
            ExampleStatus::Error => (
                DiagnosticSeverity::WARNING,
                "example-raises",
                format!(
                    "{call} raised {} (expected {})",
                    ex.message.as_deref().unwrap_or("an exception").trim(),
                    ex.expected.trim()
                ),
            ),
            ExampleStatus::Timeout => (
                DiagnosticSeverity::WARNING,
                "example-timeout",
                format!("{call} did not finish in time"),
            ),
            ExampleStatus::Refused => (
                DiagnosticSeverity::INFORMATION,
                "example-refused",
                format!(
                    "{call} was not run: {}",
                    ex.message.as_deref().unwrap_or("the sandbox refused it")
                ),
            ),
        };
        out.push(Diagnostic {
            range,
            severity: Some(severity),
            code: Some(NumberOrString::String(code.to_string())),
            source: Some(SOURCE.to_string()),
            message,
            ..Default::default()
        });
    }
}
