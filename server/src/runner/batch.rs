//! The batch API: [`Runner`] checks many candidates against a suite through one long-lived
//! worker, restarting it after crashes and timeouts.

use super::config::{resolve_interpreter, Interpreter, RunnerConfig};
use super::protocol::{
    expected_text, parse_reply, suite_request, CandidateReport, CheckJob, CheckOptions, CheckSuite,
    ExampleReport, ExampleStatus, Reply,
};
use super::worker::{KillHandle, ReadFailure, Worker};
use super::RunnerError;
use crate::cancel::CancelToken;
use rustc_hash::FxHashMap;
use serde_json::json;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Candidates sent per `check` request (bounds the work lost to a crash and the request size).
const CHUNK: usize = 256;

/// Suites kept loaded in one worker before they are all forgotten.
const MAX_LOADED_SUITES: usize = 64;

/// Directories a worker may read beyond the system's before the list starts afresh.
const MAX_READABLE_DIRS: usize = 32;

/// Extra time Rust allows beyond the in-worker example timeout before killing the worker.
const GRACE: Duration = Duration::from_millis(500);

/// What the current worker knows about one loaded suite.
#[derive(Clone, Debug)]
struct LoadedSuite {
    id: u64,
    context_errors: Vec<String>,
}

/// Checks candidate functions against examples in a sandboxed Python worker.
///
/// `Runner` is `Send`: the LSP can move it into a blocking task. To stop a batch from another
/// thread, take a [`KillHandle`] with [`Runner::kill_handle`] or pass a [`CancelToken`].
pub struct Runner {
    config: RunnerConfig,
    interpreter: Interpreter,
    worker: Option<Worker>,
    kill: KillHandle,
    /// Suites loaded into the current worker, keyed by their request JSON.
    loaded: FxHashMap<String, LoadedSuite>,
    next_suite_id: u64,
    candidates_in_worker: usize,
    restarts: usize,
    /// Directories the examples may read (their modules' directories); a suite that needs
    /// another one restarts the worker with it added (Landlock rules are fixed at start).
    readable: Vec<PathBuf>,
}

impl Runner {
    /// Finds and probes the interpreter, then starts a worker (so setup errors surface now).
    pub fn new(config: RunnerConfig) -> Result<Self, RunnerError> {
        let interpreter =
            resolve_interpreter(config.python.as_deref(), config.workspace.as_deref())?;
        Self::with_interpreter(config, interpreter)
    }

    /// Like [`Runner::new`] with an already probed interpreter.
    pub fn with_interpreter(
        config: RunnerConfig,
        interpreter: Interpreter,
    ) -> Result<Self, RunnerError> {
        let mut runner = Self {
            config,
            interpreter,
            worker: None,
            kill: KillHandle::default(),
            loaded: FxHashMap::default(),
            next_suite_id: 0,
            candidates_in_worker: 0,
            restarts: 0,
            readable: Vec::new(),
        };
        runner.ensure_worker()?;
        runner.restarts = 0;
        Ok(runner)
    }

    /// The interpreter in use.
    pub fn interpreter(&self) -> &Interpreter {
        &self.interpreter
    }

    /// The configuration in use.
    pub fn config(&self) -> &RunnerConfig {
        &self.config
    }

    /// A handle that kills the worker from any thread; the batch in flight returns
    /// [`RunnerError::Cancelled`].
    pub fn kill_handle(&self) -> KillHandle {
        self.kill.clone()
    }

    /// How many times the worker was restarted (after crashes, timeouts, recycling).
    pub fn restarts(&self) -> usize {
        self.restarts
    }

    /// Checks each job; jobs whose suites are equal share one context load in the worker.
    pub fn check_batch(&mut self, jobs: &[CheckJob]) -> Result<Vec<CandidateReport>, RunnerError> {
        self.check_batch_with(jobs, CheckOptions::default(), &CancelToken::new())
    }

    /// [`Runner::check_batch`] with options and a cancellation token.
    pub fn check_batch_with(
        &mut self,
        jobs: &[CheckJob],
        options: CheckOptions,
        cancel: &CancelToken,
    ) -> Result<Vec<CandidateReport>, RunnerError> {
        let mut reports = Vec::with_capacity(jobs.len());
        let mut start = 0;
        while start < jobs.len() {
            let suite = &jobs[start].suite;
            let end = jobs[start..]
                .iter()
                .position(|j| !(Arc::ptr_eq(&j.suite, suite) || *j.suite == **suite))
                .map_or(jobs.len(), |p| start + p);
            let sources: Vec<&str> = jobs[start..end].iter().map(|j| j.source.as_str()).collect();
            reports.extend(self.check_sources(suite, &sources, options, cancel)?);
            start = end;
        }
        Ok(reports)
    }

    /// Checks candidate sources (each a complete `def` of `suite.function`) against one suite.
    pub fn check_candidates(
        &mut self,
        suite: &CheckSuite,
        sources: &[String],
    ) -> Result<Vec<CandidateReport>, RunnerError> {
        let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
        self.check_sources(
            suite,
            &sources,
            CheckOptions::default(),
            &CancelToken::new(),
        )
    }

    /// [`Runner::check_candidates`] with options and a cancellation token.
    pub fn check_candidates_with(
        &mut self,
        suite: &CheckSuite,
        sources: &[&str],
        options: CheckOptions,
        cancel: &CancelToken,
    ) -> Result<Vec<CandidateReport>, RunnerError> {
        self.check_sources(suite, sources, options, cancel)
    }

    fn check_sources(
        &mut self,
        suite: &CheckSuite,
        sources: &[&str],
        options: CheckOptions,
        cancel: &CancelToken,
    ) -> Result<Vec<CandidateReport>, RunnerError> {
        self.kill.clear();
        let key = suite_request(suite).to_string();
        let mut reports: Vec<CandidateReport> = Vec::with_capacity(sources.len());
        while reports.len() < sources.len() {
            if cancel.is_cancelled() || self.kill.is_requested() {
                return Err(RunnerError::Cancelled);
            }
            if self.config.recycle_after > 0
                && self.candidates_in_worker >= self.config.recycle_after
            {
                self.drop_worker();
            }
            self.allow_reading(&suite.context.search_paths);
            self.ensure_worker()?;
            let loaded = match self.load_suite(suite, &key, cancel)? {
                Ok(loaded) => loaded,
                Err(why) => {
                    // Loading the context itself kills the worker: nothing can run.
                    let report = CandidateReport::uniform(suite, ExampleStatus::Error, &why);
                    reports.resize(sources.len(), report);
                    break;
                }
            };
            let first = reports.len();
            let end = (first + CHUNK).min(sources.len());
            self.run_chunk(
                suite,
                &loaded,
                sources,
                first,
                end,
                options,
                cancel,
                &mut reports,
            )?;
        }
        Ok(reports)
    }

    /// Sends one `check` request for `sources[first..end]` and collects the replies into
    /// `reports`. Stops early (dropping the worker) when a candidate kills or hangs it.
    #[allow(clippy::too_many_arguments)]
    fn run_chunk(
        &mut self,
        suite: &CheckSuite,
        loaded: &LoadedSuite,
        sources: &[&str],
        first: usize,
        end: usize,
        options: CheckOptions,
        cancel: &CancelToken,
        reports: &mut Vec<CandidateReport>,
    ) -> Result<(), RunnerError> {
        let limits = self.config.limits.clone();
        let request = json!({
            "op": "check",
            "suite": loaded.id,
            "first": first,
            "candidates": &sources[first..end],
            "example_timeout": limits.example_timeout.as_secs_f64(),
            "cpu_seconds": limits.candidate_timeout.as_secs_f64() + 1.0,
            "fail_fast": options.fail_fast,
            "stream": options.per_example_replies,
        });
        // Without per-example replies, one line must come per candidate: allow every
        // example (and the definition) its time.
        let per_line = if options.per_example_replies {
            limits.example_timeout * 2 + GRACE
        } else {
            limits.example_timeout * (suite.examples.len() as u32 + 1) + GRACE
        };
        self.send(&request.to_string())?;
        for index in first..end {
            let mut report = fresh_report(suite, loaded);
            let started = Instant::now();
            let candidate_deadline = started + limits.candidate_timeout;
            let mut last = started;
            let mut answered = 0;
            loop {
                let example_deadline = last + per_line;
                let deadline = candidate_deadline.min(example_deadline);
                let line = match self.read_line(deadline, cancel) {
                    Ok(line) => line,
                    Err(failure) => {
                        self.candidates_in_worker += index + 1 - first;
                        let known = options.per_example_replies.then_some(answered);
                        return self.after_failure(failure, report, known, reports, &limits);
                    }
                };
                last = Instant::now();
                match parse_reply(&line) {
                    Ok(Reply::Example {
                        candidate,
                        example,
                        status,
                        actual,
                    }) if candidate == index => {
                        if let Some(slot) = report.examples.get_mut(example) {
                            slot.status = status;
                            slot.actual = actual;
                        }
                        answered = example + 1;
                    }
                    Ok(Reply::Candidate {
                        candidate,
                        compile_error,
                        results,
                    }) if candidate == index => {
                        for (slot, (status, actual)) in
                            report.examples.iter_mut().zip(results.unwrap_or_default())
                        {
                            slot.status = status;
                            slot.actual = actual;
                        }
                        if let Some(error) = compile_error {
                            for e in &mut report.examples {
                                e.status = ExampleStatus::Error;
                                e.actual = error.clone();
                            }
                            report.compile_error = Some(error);
                        }
                        break;
                    }
                    other => {
                        self.drop_worker();
                        return Err(RunnerError::Protocol(format!(
                            "unexpected reply for candidate {index}: {other:?}"
                        )));
                    }
                }
            }
            reports.push(report);
        }
        self.candidates_in_worker += end - first;
        Ok(())
    }

    /// Records a candidate whose worker died or hung, and drops the worker.
    fn after_failure(
        &mut self,
        failure: ReadFailure,
        mut report: CandidateReport,
        answered: Option<usize>,
        reports: &mut Vec<CandidateReport>,
        limits: &super::config::Limits,
    ) -> Result<(), RunnerError> {
        let (status, why) = match failure {
            ReadFailure::Killed => {
                self.drop_worker();
                return Err(RunnerError::Cancelled);
            }
            ReadFailure::Deadline => (
                ExampleStatus::Timeout,
                format!(
                    "timed out (no answer within {:.1}s per example / {:.1}s per candidate); the worker was killed and restarted",
                    limits.example_timeout.as_secs_f64(),
                    limits.candidate_timeout.as_secs_f64()
                ),
            ),
            ReadFailure::Exited(how) => {
                let cpu = self
                    .worker
                    .as_mut()
                    .is_some_and(|w| w.killed_by_cpu_limit());
                let status = if cpu {
                    ExampleStatus::Timeout
                } else {
                    ExampleStatus::Error
                };
                (status, format!("crashed the checker: {how}"))
            }
        };
        // With per-example replies the first unanswered example is the culprit; otherwise
        // the candidate as a whole is.
        let first = answered.unwrap_or(0);
        for (i, e) in report.examples.iter_mut().enumerate().skip(first) {
            e.status = status;
            e.actual = if i == first || answered.is_none() {
                why.clone()
            } else {
                format!("not run: an earlier example {why}")
            };
        }
        reports.push(report);
        self.drop_worker();
        Ok(())
    }

    /// Loads the suite into the worker unless it is there already. The inner `Err` says the
    /// worker died while loading it.
    fn load_suite(
        &mut self,
        suite: &CheckSuite,
        key: &str,
        cancel: &CancelToken,
    ) -> Result<Result<LoadedSuite, String>, RunnerError> {
        if let Some(loaded) = self.loaded.get(key) {
            return Ok(Ok(loaded.clone()));
        }
        if self.loaded.len() >= MAX_LOADED_SUITES {
            // Bound the worker's memory: forget every suite (they reload on demand).
            let ids: Vec<u64> = self.loaded.values().map(|l| l.id).collect();
            for id in ids {
                self.send(&json!({"op": "forget", "suite": id}).to_string())?;
            }
            self.loaded.clear();
        }
        self.next_suite_id += 1;
        let id = self.next_suite_id;
        let mut request = suite_request(suite);
        request["id"] = json!(id);
        self.send(&request.to_string())?;
        let deadline = Instant::now() + self.config.limits.startup_timeout;
        match self.read_line(deadline, cancel) {
            Ok(line) => match parse_reply(&line) {
                Ok(Reply::Suite {
                    id: got,
                    context_errors,
                    ..
                }) if got == id => {
                    let loaded = LoadedSuite { id, context_errors };
                    self.loaded.insert(key.to_string(), loaded.clone());
                    Ok(Ok(loaded))
                }
                other => {
                    self.drop_worker();
                    Err(RunnerError::Protocol(format!(
                        "unexpected reply to loading {}: {other:?}",
                        suite.function
                    )))
                }
            },
            Err(ReadFailure::Killed) => {
                self.drop_worker();
                Err(RunnerError::Cancelled)
            }
            Err(ReadFailure::Deadline) => {
                self.drop_worker();
                Ok(Err(
                    "loading the function's imports and definitions timed out".into(),
                ))
            }
            Err(ReadFailure::Exited(how)) => {
                self.drop_worker();
                Ok(Err(format!(
                    "loading the function's imports and definitions crashed the checker: {how}"
                )))
            }
        }
    }

    fn send(&mut self, line: &str) -> Result<(), RunnerError> {
        let worker = self
            .worker
            .as_mut()
            .ok_or_else(|| RunnerError::Protocol("no worker".into()))?;
        if let Err(e) = worker.send(line) {
            self.drop_worker();
            return Err(RunnerError::Protocol(format!(
                "cannot write to the worker: {e}"
            )));
        }
        Ok(())
    }

    fn read_line(
        &mut self,
        deadline: Instant,
        cancel: &CancelToken,
    ) -> Result<String, ReadFailure> {
        let worker = self
            .worker
            .as_mut()
            .ok_or_else(|| ReadFailure::Exited("no worker".into()))?;
        worker.read_line(deadline, cancel)
    }

    fn ensure_worker(&mut self) -> Result<(), RunnerError> {
        let signalled = self.kill.take_signalled();
        if signalled || self.worker.as_mut().is_some_and(|w| !w.is_alive()) {
            self.drop_worker();
        }
        if self.worker.is_none() {
            let worker = Worker::start(
                &self.interpreter,
                &self.config.limits,
                &self.config.sandbox,
                &self.readable,
                self.kill.clone(),
            )?;
            self.worker = Some(worker);
            self.loaded.clear();
            self.candidates_in_worker = 0;
            self.restarts += 1;
        }
        Ok(())
    }

    /// Makes `paths` readable for the examples, restarting the worker if it cannot read them.
    fn allow_reading(&mut self, paths: &[PathBuf]) {
        let missing: Vec<PathBuf> = paths
            .iter()
            .filter(|p| !self.readable.iter().any(|r| p.starts_with(r)))
            .cloned()
            .collect();
        if missing.is_empty() {
            return;
        }
        if self.readable.len() + missing.len() > MAX_READABLE_DIRS {
            self.readable.clear();
        }
        self.readable.extend(missing);
        self.drop_worker();
    }

    fn drop_worker(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.stop();
        }
        self.loaded.clear();
    }
}

/// A report with every example still unanswered, carrying the suite's load errors.
fn fresh_report(suite: &CheckSuite, loaded: &LoadedSuite) -> CandidateReport {
    CandidateReport {
        examples: suite
            .examples
            .iter()
            .map(|e| ExampleReport {
                status: ExampleStatus::Error,
                expected: expected_text(e),
                actual: String::new(),
            })
            .collect(),
        compile_error: None,
        context_errors: loaded.context_errors.clone(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn runner_and_pool_can_move_between_threads() {
        fn assert_send<T: Send>() {}
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send::<super::Runner>();
        assert_send_sync::<super::super::RunnerPool>();
        assert_send_sync::<super::KillHandle>();
    }
}
