//! Writers run concurrently when the caller wants an early answer (the language server): the
//! search's verified result is offered while a slow neural writer still runs, and the neural
//! candidates join the final result. Behaviour only, no timing thresholds beyond ordering.

use docsynth::cancel::CancelToken;
use docsynth::domain::{all_domains, Domain, Solution, Task, WriterKind};
use docsynth::pipeline::{
    synthesize_staged, FunctionSynthesis, SearchWriter, SynthConfig, SynthRequest, SynthStatus,
    Writer,
};
use docsynth::runner::{Runner, RunnerConfig};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const SOURCE: &str = r#"
def initials(name: str) -> str:
    """Return the surname followed by the first initial.

    >>> initials("Mason Smith")
    'Smith M'
    >>> initials("Ada Lovelace")
    'Lovelace A'
    """
    ...
"#;

/// The search, cut to its first solution (so the slow writer has more to add).
struct FirstOfSearch;

impl Writer for FirstOfSearch {
    fn kind(&self) -> WriterKind {
        WriterKind::Search
    }
    fn write(
        &self,
        domain: &dyn Domain,
        task: &Task,
        cancel: &CancelToken,
        _: usize,
    ) -> Vec<Solution> {
        domain.search(task, cancel, 1)
    }
}

/// A stand-in for the neural model: slow (it waits until `gate` opens, or `delay` passes), and
/// it writes the search's other solutions.
struct SlowNeural {
    delay: Duration,
    gate: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
}

impl Writer for SlowNeural {
    fn kind(&self) -> WriterKind {
        WriterKind::Neural
    }
    fn write(
        &self,
        domain: &dyn Domain,
        task: &Task,
        _: &CancelToken,
        max: usize,
    ) -> Vec<Solution> {
        let start = std::time::Instant::now();
        while !self.gate.load(Ordering::SeqCst) && start.elapsed() < self.delay {
            std::thread::sleep(Duration::from_millis(5));
        }
        // Its own budget: in a debug build the search may have spent the shared one.
        let own = CancelToken::new().child_with_budget(Duration::from_secs(4));
        let out = domain
            .search(task, &own, max)
            .into_iter()
            .map(|mut s| {
                s.writer = WriterKind::Neural;
                s
            })
            .collect();
        self.done.store(true, Ordering::SeqCst);
        out
    }
}

fn runner() -> Option<Runner> {
    match Runner::new(RunnerConfig::default()) {
        Ok(r) => Some(r),
        Err(e) => {
            eprintln!("note: no Python runner available ({e}); skipping");
            None
        }
    }
}

fn synthesize(
    source: &str,
    function: &str,
    writers: &[&dyn Writer],
    early: Option<&mut dyn FnMut(&FunctionSynthesis)>,
) -> Option<FunctionSynthesis> {
    let mut runner = runner()?;
    let specs = docsynth::spec::extract(source);
    let spec = specs.functions.iter().find(|f| f.name == function)?;
    let config = SynthConfig {
        budget: Duration::from_secs(4),
        ..SynthConfig::default()
    };
    let domains = all_domains();
    let request = SynthRequest {
        source,
        spec,
        context: &specs.context,
        config: &config,
    };
    Some(synthesize_staged(
        &request,
        &domains,
        writers,
        &mut runner,
        &CancelToken::new(),
        early,
    ))
}

#[test]
fn the_search_answer_comes_first_and_the_slow_writers_candidates_join() {
    let done = Arc::new(AtomicBool::new(false));
    // The slow writer finishes only once the early answer is out (or after 30 s, when the
    // assertions below fail).
    let gate = Arc::new(AtomicBool::new(false));
    let slow = SlowNeural {
        delay: Duration::from_secs(30),
        gate: Arc::clone(&gate),
        done: Arc::clone(&done),
    };
    let search = FirstOfSearch;
    let mut early: Vec<(FunctionSynthesis, bool)> = Vec::new();
    let mut offer = |r: &FunctionSynthesis| {
        early.push((r.clone(), done.load(Ordering::SeqCst)));
        gate.store(true, Ordering::SeqCst);
    };
    let Some(last) = synthesize(SOURCE, "initials", &[&slow, &search], Some(&mut offer)) else {
        return;
    };
    assert!(!early.is_empty(), "an early offer");
    let (first, neural_done_then) = &early[0];
    assert!(!neural_done_then, "offered before the slow writer finished");
    assert_eq!(first.status, SynthStatus::Solved, "{:?}", first.error);
    assert!(first
        .candidates
        .iter()
        .all(|c| c.source == WriterKind::Search));
    assert_eq!(last.status, SynthStatus::Solved);
    assert!(done.load(Ordering::SeqCst));
    assert!(
        last.candidates
            .iter()
            .any(|c| c.source == WriterKind::Neural),
        "the slow writer's candidates join: {:?}",
        last.candidates
            .iter()
            .map(|c| (&c.program, c.source))
            .collect::<Vec<_>>()
    );
}

#[test]
fn without_an_early_callback_nothing_is_offered_and_the_writers_run_in_turn() {
    let done = Arc::new(AtomicBool::new(false));
    let slow = SlowNeural {
        delay: Duration::from_millis(50),
        gate: Arc::new(AtomicBool::new(false)),
        done: Arc::clone(&done),
    };
    let search = SearchWriter;
    let Some(last) = synthesize(SOURCE, "initials", &[&slow, &search], None) else {
        return;
    };
    assert!(done.load(Ordering::SeqCst));
    assert_eq!(last.status, SynthStatus::Solved, "{:?}", last.error);
}

#[test]
fn the_faster_domains_answer_is_offered_while_a_slower_domain_searches() {
    // `initials` fits the strings DSL (found at once) and the python space (which searches on).
    let search = SearchWriter;
    let mut offers: Vec<FunctionSynthesis> = Vec::new();
    let mut offer = |r: &FunctionSynthesis| offers.push(r.clone());
    let Some(last) = synthesize(SOURCE, "initials", &[&search], Some(&mut offer)) else {
        return;
    };
    assert_eq!(last.status, SynthStatus::Solved, "{:?}", last.error);
    assert!(!offers.is_empty(), "the strings answer is offered early");
    assert!(offers.iter().all(|r| r.status == SynthStatus::Solved));
}

#[test]
fn a_function_only_one_domain_fits_offers_nothing_early() {
    let source = "def add(a: int, b: int) -> int:\n    \"\"\"\n    >>> add(2, 3)\n    5\n    >>> add(1, 1)\n    2\n    \"\"\"\n    ...\n";
    let search = SearchWriter;
    let mut offers = 0usize;
    let mut offer = |_: &FunctionSynthesis| offers += 1;
    let Some(last) = synthesize(source, "add", &[&search], Some(&mut offer)) else {
        return;
    };
    assert_eq!(last.status, SynthStatus::Solved, "{:?}", last.error);
    assert_eq!(last.domain.as_deref(), Some("python"));
    assert_eq!(
        offers, 0,
        "a single writer in a single domain: the result is the final one"
    );
}
