//! Background work: debounced re-analysis of changed documents, synthesis jobs (one cache entry
//! per spec key, cancelled when no open document needs them any more), checks of implemented
//! functions, and publishing the diagnostics that follow. Workers never hold a lock while they
//! extract, check or synthesize; they report back by updating the state and publishing.

use super::analysis::CheckRequest;
use super::config::{Execution, Settings};
use super::diagnostics;
use super::guard::{blocking, lock};
use super::incremental::{IncrementalSpecs, PendingEdits};
use super::spec_key::{text_hash, SpecKey};
use super::state::{function_fingerprint, Analyzed, Checked, Job, Lookup, ServerState};
use crate::cancel::CancelToken;
use crate::pipeline::{FunctionSynthesis, SynthConfig, SynthRequest, SynthStatus};
use crate::spec::{BodyState, FileSpecs, ModuleContext, Spec};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower_lsp_server::ls_types::{MessageType, NumberOrString, ProgressToken};

/// Everything one synthesis job needs, owned.
#[derive(Clone, Debug)]
pub struct JobInput {
    /// The file text.
    pub source: Arc<str>,
    /// The function.
    pub spec: Spec,
    /// The module context.
    pub context: ModuleContext,
    /// The pipeline settings.
    pub config: SynthConfig,
}

/// Schedules analysis of `uri` after `delay` unless another change comes first.
pub fn schedule_analysis(state: &Arc<ServerState>, uri: &str, delay: Duration) {
    let gen = {
        let mut docs = lock(&state.docs);
        let Some(entry) = docs.get_mut(uri) else {
            return;
        };
        entry.edit_gen += 1;
        entry.edit_gen
    };
    let state = Arc::clone(state);
    let uri = uri.to_string();
    tokio::spawn(async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let current = lock(&state.docs).get(&uri).map(|e| e.edit_gen);
        if current == Some(gen) {
            analyze(&state, &uri).await;
        }
    });
}

/// Extracts the specs of `source` off the async threads, incrementally when the document's
/// extractor can continue from the queued edits.
async fn extract(
    extractor: Arc<Mutex<IncrementalSpecs>>,
    pending: PendingEdits,
    version: i32,
    source: Arc<str>,
) -> Result<FileSpecs, String> {
    blocking("spec extraction", move || {
        lock(&extractor).specs(&pending, version, &source)
    })
    .await
    .and_then(|r| r)
}

/// Builds the analysis of one text.
fn analyzed(
    version: i32,
    rope: ropey::Rope,
    source: Arc<str>,
    specs: Result<FileSpecs, String>,
    settings: &Settings,
) -> Analyzed {
    let fp = settings.synthesis_fingerprint();
    let keys = match &specs {
        Ok(s) => SpecKey::all(s, &fp),
        Err(_) => Vec::new(),
    };
    Analyzed {
        version,
        rope,
        text_hash: text_hash(&source, &fp),
        source,
        specs,
        keys,
    }
}

/// The analysis of the document's current version: the stored one when current, else a fresh
/// extraction (fast) that is stored if the document did not change meanwhile.
pub async fn current_analysis(state: &Arc<ServerState>, uri: &str) -> Option<Arc<Analyzed>> {
    let (rope, version, pending, extractor) = {
        let mut docs = lock(&state.docs);
        let entry = docs.get_mut(uri)?;
        if let Some(a) = &entry.analyzed {
            if a.version == entry.doc.version {
                return Some(Arc::clone(a));
            }
        }
        let version = entry.doc.version;
        (
            entry.doc.rope.clone(),
            version,
            entry.pending.take(version),
            Arc::clone(&entry.extractor),
        )
    };
    let source: Arc<str> = Arc::from(rope.to_string());
    let specs = extract(extractor, pending, version, Arc::clone(&source)).await;
    let a = Arc::new(analyzed(version, rope, source, specs, &state.settings()));
    let previous = {
        let mut docs = lock(&state.docs);
        match docs.get_mut(uri) {
            Some(entry) if entry.doc.version == version => entry.analyzed.replace(Arc::clone(&a)),
            _ => None,
        }
    };
    if previous.is_some() {
        // Drop the previous analysis (text, specs) off the async threads and give its memory
        // back; nothing waits for this.
        tokio::task::spawn_blocking(move || {
            drop(previous);
            super::memory::release_free_memory();
        });
    }
    Some(a)
}

/// Re-analyzes `uri` now: extraction, synthesis jobs, checks, diagnostics.
pub async fn analyze(state: &Arc<ServerState>, uri: &str) {
    let (is_python, path) = {
        let docs = lock(&state.docs);
        let Some(entry) = docs.get(uri) else {
            return;
        };
        (entry.is_python(), entry.path())
    };
    if !is_python {
        return;
    }
    let Some(a) = current_analysis(state, uri).await else {
        return;
    };
    if let Err(why) = &a.specs {
        state
            .show_once(
                MessageType::ERROR,
                format!("docsynth: cannot read Python functions: {why}"),
            )
            .await;
    }
    let settings = state.settings();
    let execution = settings.execution();
    // When workspace code may not run, nothing is wanted: running jobs are cancelled below and
    // no check starts.
    let mut wanted = if execution == Execution::Allowed {
        a.wanted()
    } else {
        HashSet::new()
    };
    {
        let mut docs = lock(&state.docs);
        let Some(entry) = docs.get_mut(uri) else {
            return;
        };
        if entry.doc.version != a.version {
            return; // a newer change will analyze again
        }
        if execution == Execution::Allowed {
            // Implemented functions that still fail their examples keep their replacement.
            wanted.extend(a.failing(entry.checks.as_deref()));
        }
        entry.wanted = wanted.clone();
        if execution != Execution::Allowed {
            if let Some(c) = entry.check_cancel.take() {
                c.cancel();
            }
            entry.checks = None;
        }
    }
    retain_jobs(state);
    if let Some(why) = execution.refusal() {
        if has_examples(&a) {
            state.show_once(MessageType::INFO, format!("{why}.")).await;
        }
        publish(state, uri).await;
        return;
    }
    let config = settings.synth_config(state.workspace_for(path.as_deref()));
    start_jobs(state, &a, &wanted, &config);
    publish(state, uri).await;
    start_check(state, uri, &a, path, config).await;
}

/// Whether any function of the analysis has examples (something docsynth would run).
fn has_examples(a: &Analyzed) -> bool {
    a.specs
        .as_ref()
        .is_ok_and(|s| s.functions.iter().any(|f| !f.examples.is_empty()))
}

/// Cancels jobs no open document needs.
pub fn retain_jobs(state: &Arc<ServerState>) {
    let needed: HashSet<SpecKey> = lock(&state.docs)
        .values()
        .flat_map(|e| e.wanted.iter().copied())
        .collect();
    let mut jobs = lock(&state.jobs);
    jobs.retain(|key, job| {
        let keep = needed.contains(key);
        if !keep {
            job.cancel.cancel();
        }
        keep
    });
}

/// Starts synthesis for `key` unless it is cached or already running, or workspace code may
/// not run (synthesis runs candidates against the examples).
pub fn ensure_job(state: &Arc<ServerState>, key: SpecKey, input: JobInput) {
    if state.settings().execution() != Execution::Allowed {
        return;
    }
    if lock(&state.results).get(key).is_some() {
        return;
    }
    let (id, cancel, percent) = {
        let mut jobs = lock(&state.jobs);
        if jobs.contains_key(&key) {
            return;
        }
        let job = Job {
            id: state.next_id(),
            cancel: CancelToken::new(),
            function: input.spec.name.clone(),
            percent: Arc::new(AtomicU32::new(0)),
        };
        let out = (job.id, job.cancel.clone(), Arc::clone(&job.percent));
        jobs.insert(key, job);
        out
    };
    let state = Arc::clone(state);
    tokio::spawn(async move {
        run_job(&state, key, id, input, cancel, percent).await;
    });
}

async fn run_job(
    state: &Arc<ServerState>,
    key: SpecKey,
    id: u64,
    input: JobInput,
    cancel: CancelToken,
    percent: Arc<AtomicU32>,
) {
    let Ok(permit) = Arc::clone(&state.slots).acquire_owned().await else {
        finish_job(state, key, id, None).await;
        return;
    };
    if cancel.is_cancelled() {
        finish_job(state, key, id, None).await;
        return;
    }
    // Held until the first verified answer is offered: what is left (the neural model at low
    // priority, a slower domain's search) refines it without holding up the next job.
    let mut permit = Some(permit);
    let name = input.spec.name.clone();
    let budget = input.config.budget;
    let progress = begin_progress(state, &name).await;
    let analysis = Arc::clone(&state.analysis);
    let job_cancel = cancel.clone();
    let spec_for_error = input.spec.clone();
    let started = Instant::now();
    // The search's verified answer comes here while the neural model still decodes; it is
    // offered at once, and the final result (every writer's candidates) replaces it.
    let (early_tx, mut early_rx) = tokio::sync::mpsc::unbounded_channel::<FunctionSynthesis>();
    let mut work = tokio::spawn(blocking("synthesis", move || {
        let req = SynthRequest {
            source: &input.source,
            spec: &input.spec,
            context: &input.context,
            config: &input.config,
        };
        let mut offer = |r: &FunctionSynthesis| {
            let _ = early_tx.send(r.clone());
        };
        analysis.synthesize_staged(&req, &job_cancel, &mut offer)
    }));
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    let mut offered = false;
    let outcome = loop {
        tokio::select! {
            r = &mut work => break r,
            Some(first) = early_rx.recv() => {
                if !cancel.is_cancelled() {
                    offered = true;
                    offer_early(state, key, first).await;
                    drop(permit.take());
                }
            }
            _ = tick.tick() => {
                let pct = (started.elapsed().as_millis() * 100 / budget.as_millis().max(1)).min(99) as u32;
                percent.store(pct, Ordering::Relaxed);
                if let Some(p) = &progress {
                    p.report_with_message(format!("{name}(): {pct}% of the budget"), pct).await;
                }
            }
        }
    };
    drop(permit);
    let result = match outcome {
        Ok(Ok(r)) => r,
        Ok(Err(why)) => FunctionSynthesis::failed(&spec_for_error, SynthStatus::Error, why),
        Err(e) => FunctionSynthesis::failed(
            &spec_for_error,
            SynthStatus::Error,
            format!("synthesis task failed: {e}"),
        ),
    };
    let keep = !cancel.is_cancelled() || result.status == SynthStatus::Solved;
    let summary = match result.status {
        SynthStatus::Solved => format!("{name}(): {} verified", result.candidates.len()),
        SynthStatus::Cancelled => format!("{name}(): cancelled"),
        _ => format!("{name}(): no verified implementation"),
    };
    if let Some(p) = progress {
        p.finish_with_message(summary).await;
    }
    // A final result without candidates (its Python check failed, say) never replaces the
    // verified one already offered.
    let regressed = offered && result.status != SynthStatus::Solved;
    let stored = if keep && result.status != SynthStatus::Cancelled && !regressed {
        Some(result)
    } else {
        None
    };
    finish_job(state, key, id, stored).await;
}

/// Stores a first (search-only) verified result while the job goes on, and republishes the
/// documents that want it: code actions and the stub's hint offer it at once.
async fn offer_early(state: &Arc<ServerState>, key: SpecKey, result: FunctionSynthesis) {
    lock(&state.results).insert(key, Arc::new(result));
    state.finished.send_modify(|n| *n += 1);
    publish_wanting(state, key).await;
}

/// Publishes the diagnostics of every open document that wants `key`.
async fn publish_wanting(state: &Arc<ServerState>, key: SpecKey) {
    let uris: Vec<String> = lock(&state.docs)
        .iter()
        .filter(|(_, e)| e.wanted.contains(&key))
        .map(|(u, _)| u.clone())
        .collect();
    for uri in uris {
        publish(state, &uri).await;
    }
}

async fn finish_job(
    state: &Arc<ServerState>,
    key: SpecKey,
    id: u64,
    result: Option<FunctionSynthesis>,
) {
    if let Some(r) = result {
        if r.status == SynthStatus::Error {
            if let Some(why) = &r.error {
                state
                    .log(
                        MessageType::WARNING,
                        format!("docsynth: {}(): {why}", r.function),
                    )
                    .await;
            }
        }
        lock(&state.results).insert(key, Arc::new(r));
    }
    {
        let mut jobs = lock(&state.jobs);
        if jobs.get(&key).is_some_and(|j| j.id == id) {
            jobs.remove(&key);
        }
    }
    state.finished.send_modify(|n| *n += 1);
    publish_wanting(state, key).await;
}

type Ongoing =
    tower_lsp_server::OngoingProgress<tower_lsp_server::Bounded, tower_lsp_server::NotCancellable>;

async fn begin_progress(state: &Arc<ServerState>, name: &str) -> Option<Ongoing> {
    if !state.caps().work_done_progress {
        return None;
    }
    let token: ProgressToken =
        NumberOrString::String(format!("docsynth/synthesize/{}", state.next_id()));
    if state
        .client
        .create_work_done_progress(token.clone())
        .await
        .is_err()
    {
        return None;
    }
    Some(
        state
            .client
            .progress(token, "docsynth")
            .with_percentage(0)
            .with_message(format!("synthesizing {name}()"))
            .begin()
            .await,
    )
}

/// Waits until `key` is no longer running (a result offered early while the neural model still
/// decodes does not end the wait); returns its result if one was stored.
pub async fn wait_for(state: &Arc<ServerState>, key: SpecKey) -> Option<Arc<FunctionSynthesis>> {
    let mut rx = state.finished.subscribe();
    loop {
        if !lock(&state.jobs).contains_key(&key) {
            return match state.lookup(key) {
                Lookup::Ready(r) => Some(r),
                Lookup::Missing | Lookup::Running(_) => None,
            };
        }
        if rx.changed().await.is_err() {
            return None;
        }
    }
}

async fn start_check(
    state: &Arc<ServerState>,
    uri: &str,
    a: &Arc<Analyzed>,
    path: Option<PathBuf>,
    config: SynthConfig,
) {
    if state.settings().execution() != Execution::Allowed {
        return;
    }
    let needs_check = a.specs.as_ref().is_ok_and(|s| {
        s.functions
            .iter()
            .any(|f| f.body_state == BodyState::Implemented && !f.examples.is_empty())
    });
    let cancel = {
        let mut docs = lock(&state.docs);
        let Some(entry) = docs.get_mut(uri) else {
            return;
        };
        if !needs_check {
            entry.checks = None;
            return;
        }
        let forced = std::mem::take(&mut entry.force_check);
        if !forced
            && entry
                .checks
                .as_ref()
                .is_some_and(|c| c.text_hash == a.text_hash)
        {
            return;
        }
        if let Some(old) = entry.check_cancel.take() {
            old.cancel();
        }
        let c = CancelToken::new();
        entry.check_cancel = Some(c.clone());
        c
    };
    let analysis = Arc::clone(&state.analysis);
    let replacement_config = config.clone();
    let a2 = Arc::clone(a);
    let c2 = cancel.clone();
    let result = blocking("example check", move || {
        let Ok(specs) = &a2.specs else {
            return Err("no specs".to_string());
        };
        let req = CheckRequest {
            source: &a2.source,
            path: path.as_deref(),
            specs,
            config: &config,
        };
        analysis.check(&req, &c2)
    })
    .await
    .and_then(|r| r);
    if cancel.is_cancelled() {
        return;
    }
    if let Err(why) = &result {
        state
            .show_once(
                MessageType::WARNING,
                format!("docsynth: examples could not be checked: {why}"),
            )
            .await;
    }
    let failing = {
        let mut docs = lock(&state.docs);
        let Some(entry) = docs.get_mut(uri) else {
            return;
        };
        let fingerprints = match &a.specs {
            Ok(specs) => specs
                .functions
                .iter()
                .map(|f| (f.qualified_name.clone(), function_fingerprint(&a.source, f)))
                .collect(),
            Err(_) => Default::default(),
        };
        entry.checks = Some(Arc::new(Checked {
            text_hash: a.text_hash,
            result,
            fingerprints,
        }));
        let failing = a.failing(entry.checks.as_deref());
        entry.wanted.extend(failing.iter().copied());
        failing
    };
    start_jobs(state, a, &failing, &replacement_config);
    publish(state, uri).await;
}

/// Starts synthesis for the functions of `a` whose keys are in `keys` (stubs, and implemented
/// functions that fail their examples: a verified replacement body is offered for those).
fn start_jobs(
    state: &Arc<ServerState>,
    a: &Analyzed,
    keys: &HashSet<SpecKey>,
    config: &SynthConfig,
) {
    let Ok(specs) = &a.specs else {
        return;
    };
    for (spec, key) in specs.functions.iter().zip(&a.keys) {
        if keys.contains(key) {
            let input = JobInput {
                source: Arc::clone(&a.source),
                spec: spec.clone(),
                context: specs.context.clone(),
                config: config.clone(),
            };
            ensure_job(state, *key, input);
        }
    }
}

/// Publishes the diagnostics of `uri` for its latest analysis.
pub async fn publish(state: &Arc<ServerState>, uri: &str) {
    let settings = state.settings();
    let enc = state.caps().encoding;
    let out = {
        let docs = lock(&state.docs);
        let Some(entry) = docs.get(uri) else {
            return;
        };
        let Some(a) = &entry.analyzed else {
            return;
        };
        let diags = if let Some(why) = settings.execution().refusal() {
            // Said once per document, on its first function with examples.
            diagnostics::not_run(a, why, enc).into_iter().collect()
        } else if settings.diagnostics {
            let checks = entry.checks.as_deref();
            diagnostics::build(a, checks, |k| state.lookup(k), &settings, enc)
        } else {
            Vec::new()
        };
        (entry.uri.clone(), diags, a.version)
    };
    state
        .client
        .publish_diagnostics(out.0, out.1, Some(out.2))
        .await;
}
