//! The server's shared state: open documents, settings, client capabilities, the synthesis
//! result cache and the running jobs. Locks are held only for short, synchronous sections; never
//! across synthesis, checking or a message to the client.

use super::analysis::{Analysis, FunctionCheck};
use super::config::Settings;
use super::document::Document;
use super::guard::lock;
use super::incremental::{IncrementalSpecs, PendingEdits};
use super::position::Encoding;
use super::spec_key::SpecKey;
use crate::cancel::CancelToken;
use crate::pipeline::FunctionSynthesis;
use crate::spec::{BodyState, FileSpecs};
use ropey::Rope;
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::{watch, Semaphore};
use tower_lsp_server::ls_types::{MessageType, Uri};
use tower_lsp_server::Client;

/// What the client can do, as far as the server cares.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientCaps {
    /// Negotiated position encoding.
    pub encoding: Encoding,
    /// `window.workDoneProgress`.
    pub work_done_progress: bool,
    /// `codeAction/resolve` may fill in `edit`.
    pub resolve_edit: bool,
    /// Code actions may be returned disabled with a reason.
    pub disabled_actions: bool,
    /// Workspace edits may use versioned `documentChanges`.
    pub document_changes: bool,
    /// The client accepts `workspace/applyEdit`.
    pub apply_edit: bool,
}

/// The specs of one document version.
#[derive(Debug)]
pub struct Analyzed {
    /// The document version they were extracted from.
    pub version: i32,
    /// The text of that version.
    pub rope: Rope,
    /// The same text as a string.
    pub source: Arc<str>,
    /// The specs, or why extraction failed.
    pub specs: Result<FileSpecs, String>,
    /// One cache key per function in `specs` (empty on failure).
    pub keys: Vec<SpecKey>,
    /// Hash of `source` and the settings (keys the check results).
    pub text_hash: u64,
}

impl Analyzed {
    /// Keys of the unimplemented functions that have examples (the ones to synthesize).
    pub fn wanted(&self) -> HashSet<SpecKey> {
        match &self.specs {
            Ok(specs) => specs
                .functions
                .iter()
                .zip(&self.keys)
                .filter(|(f, _)| f.body_state == BodyState::Unimplemented && !f.examples.is_empty())
                .map(|(_, k)| *k)
                .collect(),
            Err(_) => HashSet::new(),
        }
    }
}

/// Check results for one text.
#[derive(Debug)]
pub struct Checked {
    /// `Analyzed::text_hash` of the text checked.
    pub text_hash: u64,
    /// Per-function results, or why checking failed.
    pub result: Result<Vec<FunctionCheck>, String>,
    /// Hash of each checked function's source text, by qualified name: results are shown for a
    /// later version only while the function reads the same (no flicker on unrelated edits).
    pub fingerprints: HashMap<String, u64>,
}

impl Checked {
    /// The check of `spec` when the function still reads as it did when checked in `source`
    /// (its text and examples); `None` when it changed or was not checked.
    pub fn current_for(&self, source: &str, spec: &crate::spec::Spec) -> Option<&FunctionCheck> {
        let checked = self.result.as_ref().ok()?;
        let fp = self.fingerprints.get(&spec.qualified_name)?;
        if *fp != function_fingerprint(source, spec) {
            return None;
        }
        checked
            .iter()
            .find(|c| c.qualified_name == spec.qualified_name)
    }
}

impl Analyzed {
    /// Keys of the implemented functions whose examples fail in `checks` (still current): a
    /// verified implementation is synthesized for them, to offer as a replacement body.
    pub fn failing(&self, checks: Option<&Checked>) -> HashSet<SpecKey> {
        let (Ok(specs), Some(checks)) = (&self.specs, checks) else {
            return HashSet::new();
        };
        specs
            .functions
            .iter()
            .zip(&self.keys)
            .filter(|(f, _)| f.body_state == BodyState::Implemented)
            .filter(|(f, _)| {
                checks
                    .current_for(&self.source, f)
                    .is_some_and(FunctionCheck::fails)
            })
            .map(|(_, k)| *k)
            .collect()
    }
}

/// The fingerprint of a function's text (its `def` through its last line).
pub fn function_fingerprint(source: &str, spec: &crate::spec::Spec) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    source
        .get(spec.def_range.start_byte..spec.def_range.end_byte)
        .unwrap_or("")
        .hash(&mut h);
    for e in &spec.examples {
        e.source.hash(&mut h);
        e.expected.hash(&mut h);
    }
    h.finish()
}

/// One open document and what is known about it.
#[derive(Debug)]
pub struct DocEntry {
    /// The document's URI.
    pub uri: Uri,
    /// Its text and version.
    pub doc: Document,
    /// Bumped on every change; a debounced analysis runs only if it is still current.
    pub edit_gen: u64,
    /// The latest analysis (may be older than `doc`).
    pub analyzed: Option<Arc<Analyzed>>,
    /// The latest check results.
    pub checks: Option<Arc<Checked>>,
    /// Cancels the running check.
    pub check_cancel: Option<CancelToken>,
    /// Re-check even if the text is unchanged (set on save).
    pub force_check: bool,
    /// Synthesis keys this document needs.
    pub wanted: HashSet<SpecKey>,
    /// Edits not yet seen by the incremental extractor.
    pub pending: PendingEdits,
    /// The document's incremental extractor.
    pub extractor: Arc<Mutex<IncrementalSpecs>>,
}

impl DocEntry {
    /// The file path behind a `file:` URI.
    pub fn path(&self) -> Option<PathBuf> {
        file_path(&self.uri)
    }

    /// Whether the document is Python (by language id or file extension).
    pub fn is_python(&self) -> bool {
        self.doc.language_id.eq_ignore_ascii_case("python")
            || self.uri.as_str().ends_with(".py")
            || self.uri.as_str().ends_with(".pyi")
    }
}

/// The file path of a `file:` URI, if it is one.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.as_str().starts_with("file:") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

/// A running synthesis.
#[derive(Debug)]
pub struct Job {
    /// Distinguishes a job from a later one for the same key.
    pub id: u64,
    /// Cancels it.
    pub cancel: CancelToken,
    /// Function name, for messages.
    pub function: String,
    /// Percentage of the budget used (0–100).
    pub percent: Arc<AtomicU32>,
}

/// Where a synthesis result stands.
#[derive(Clone, Debug)]
pub enum Lookup {
    /// Finished.
    Ready(Arc<FunctionSynthesis>),
    /// Running or queued, with the budget percentage used.
    Running(u32),
    /// Neither cached nor running.
    Missing,
}

/// Finished synthesis results by key, oldest evicted first.
#[derive(Debug, Default)]
pub struct ResultCache {
    map: HashMap<SpecKey, Arc<FunctionSynthesis>>,
    order: VecDeque<SpecKey>,
}

impl ResultCache {
    const CAPACITY: usize = 512;

    /// The cached result for `key`.
    pub fn get(&self, key: SpecKey) -> Option<Arc<FunctionSynthesis>> {
        self.map.get(&key).cloned()
    }

    /// Stores a result, evicting the oldest beyond capacity.
    pub fn insert(&mut self, key: SpecKey, value: Arc<FunctionSynthesis>) {
        if self.map.insert(key, value).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > Self::CAPACITY {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
    }

    /// Forgets `key`.
    pub fn remove(&mut self, key: SpecKey) {
        if self.map.remove(&key).is_some() {
            self.order.retain(|k| *k != key);
        }
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.map.clear();
        self.order.clear();
    }
}

/// Everything the handlers share.
pub struct ServerState {
    /// The connection back to the client.
    pub client: Client,
    /// Extraction, checking and synthesis.
    pub analysis: Arc<dyn Analysis>,
    /// Open documents by URI text.
    pub docs: Mutex<HashMap<String, DocEntry>>,
    /// Current settings.
    pub settings: RwLock<Settings>,
    /// Client capabilities from `initialize`.
    pub caps: RwLock<ClientCaps>,
    /// Workspace folders.
    pub roots: RwLock<Vec<PathBuf>>,
    /// Finished synthesis results.
    pub results: Mutex<ResultCache>,
    /// Running synthesis jobs.
    pub jobs: Mutex<HashMap<SpecKey, Job>>,
    /// Limits how many syntheses run at once.
    pub slots: Arc<Semaphore>,
    /// Bumped whenever a job finishes.
    pub finished: watch::Sender<u64>,
    /// Delay between the last change and analysis.
    pub debounce: Duration,
    /// Messages already shown (each problem is shown once).
    pub shown: Mutex<HashSet<String>>,
    /// Source of ids for jobs and progress tokens.
    pub next_id: AtomicU64,
    /// When the server started.
    pub started: Instant,
    /// Log lines held until the client is initialized.
    pub pending_logs: Mutex<Vec<String>>,
}

impl std::fmt::Debug for ServerState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerState").finish_non_exhaustive()
    }
}

impl ServerState {
    /// A fresh state over `client` and `analysis`.
    pub fn new(client: Client, analysis: Arc<dyn Analysis>) -> Self {
        let (finished, _) = watch::channel(0);
        Self {
            client,
            analysis,
            docs: Mutex::new(HashMap::new()),
            settings: RwLock::new(Settings::default()),
            caps: RwLock::new(ClientCaps::default()),
            roots: RwLock::new(Vec::new()),
            results: Mutex::new(ResultCache::default()),
            jobs: Mutex::new(HashMap::new()),
            slots: Arc::new(Semaphore::new(1)),
            finished,
            debounce: Duration::from_millis(300),
            shown: Mutex::new(HashSet::new()),
            next_id: AtomicU64::new(1),
            started: Instant::now(),
            pending_logs: Mutex::new(Vec::new()),
        }
    }

    /// A copy of the current settings.
    pub fn settings(&self) -> Settings {
        self.settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The client capabilities.
    pub fn caps(&self) -> ClientCaps {
        *self.caps.read().unwrap_or_else(|p| p.into_inner())
    }

    /// A fresh id.
    pub fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Where the result for `key` stands.
    pub fn lookup(&self, key: SpecKey) -> Lookup {
        if let Some(r) = lock(&self.results).get(key) {
            return Lookup::Ready(r);
        }
        match lock(&self.jobs).get(&key) {
            Some(job) => Lookup::Running(job.percent.load(Ordering::Relaxed)),
            None => Lookup::Missing,
        }
    }

    /// The workspace directory for a file (its workspace folder, else its directory).
    pub fn workspace_for(&self, path: Option<&std::path::Path>) -> Option<PathBuf> {
        let roots = self.roots.read().unwrap_or_else(|p| p.into_inner());
        match path {
            Some(p) => roots
                .iter()
                .filter(|r| p.starts_with(r))
                .max_by_key(|r| r.as_os_str().len())
                .cloned()
                .or_else(|| p.parent().map(|d| d.to_path_buf())),
            None => roots.first().cloned(),
        }
    }

    /// Logs to the client's output (`window/logMessage`).
    pub async fn log(&self, typ: MessageType, message: impl std::fmt::Display) {
        self.client.log_message(typ, message).await;
    }

    /// Shows `message` once per server lifetime (`window/showMessage`), and logs it.
    pub async fn show_once(&self, typ: MessageType, message: String) {
        let first = lock(&self.shown).insert(message.clone());
        self.client.log_message(typ, &message).await;
        if first {
            self.client.show_message(typ, message).await;
        }
    }
}
