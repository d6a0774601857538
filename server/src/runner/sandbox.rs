//! OS-level isolation for the worker, built from kernel mechanisms that Python code cannot undo.
//!
//! The model is nsjail's and bubblewrap's, set up by docsynth itself between `fork` and `exec`
//! (no setuid helper, nothing to install):
//!
//! | layer | what it stops |
//! |---|---|
//! | [`Layer::UserNamespace`] | a user namespace where the worker holds no capability outside (and none inside after `exec`: its uid there is not 0), plus private mount, IPC and UTS namespaces |
//! | [`Layer::ReadOnlyFs`] | every mount read-only and `nosuid` in the worker's view, except its scratch directory |
//! | [`Layer::Network`] | a network namespace with only a loopback that is down |
//! | [`Layer::Landlock`] | reads only from the system's library and interpreter directories, the examples' own directory and the scratch directory; writes only inside scratch; no signals to and no abstract sockets of processes outside the sandbox |
//! | [`Layer::Seccomp`] | no ptrace, mounts, namespaces, keyrings, BPF, io_uring, device nodes (whole worker); no process or thread creation, `exec`, signals or sockets for untrusted code (each per-function process, see `worker.py`) |
//!
//! Resource limits (`RLIMIT_AS`, `RLIMIT_FSIZE`, `RLIMIT_CORE`) are hard limits set before
//! `exec`; the worker runs in a session and process group of its own that is killed as a whole.
//! [`probe`] finds once per process which layers this kernel grants (by running the very same
//! setup in a throw-away child); a missing layer is reported (`docsynth doctor`, `check`'s
//! stderr, the language server's message) and the others stay on.

use super::config::Limits;
use super::seccomp::{self, FilterSet};
use serde::Serialize;
use std::ffi::{CString, OsStr};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

/// A private temporary directory, removed on drop.
#[derive(Debug)]
pub struct ScratchDir {
    root: PathBuf,
}

impl ScratchDir {
    /// Creates a fresh directory under the system temporary directory, with a `work/`
    /// subdirectory (the only place the worker may write).
    pub fn create() -> std::io::Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let base = std::env::temp_dir();
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut last_err = None;
        for _ in 0..16 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let root = base.join(format!(
                "docsynth-runner-{}-{n}-{nanos}",
                std::process::id()
            ));
            match std::fs::create_dir(&root) {
                Ok(()) => {
                    std::fs::create_dir(root.join("work"))?;
                    return Ok(Self { root });
                }
                Err(e) => last_err = Some(e),
            }
        }
        Err(last_err.unwrap_or_else(|| std::io::Error::other("cannot create scratch dir")))
    }

    /// The directory itself (holds the worker script).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The writable working directory of the worker.
    pub fn work(&self) -> PathBuf {
        self.root.join("work")
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// One isolation layer of the sandbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Layer {
    /// User (and mount, IPC, UTS) namespaces.
    UserNamespace,
    /// A read-only view of every mount except the scratch directory.
    ReadOnlyFs,
    /// A private network namespace.
    Network,
    /// Landlock file-system rules and signal/socket scoping.
    Landlock,
    /// seccomp system-call filters.
    Seccomp,
    /// CPython's audit hook in the worker (a second line only: it turns refused operations
    /// into clear `refused` results; untrusted code in the same interpreter can undo it).
    AuditHook,
}

impl Layer {
    /// Every layer, in setup order.
    pub const ALL: [Layer; 6] = [
        Layer::UserNamespace,
        Layer::ReadOnlyFs,
        Layer::Network,
        Layer::Landlock,
        Layer::Seccomp,
        Layer::AuditHook,
    ];

    /// The name used in settings, messages and `DOCSYNTH_SANDBOX_DISABLE`.
    pub fn name(self) -> &'static str {
        match self {
            Layer::UserNamespace => "user-namespace",
            Layer::ReadOnlyFs => "read-only-fs",
            Layer::Network => "network",
            Layer::Landlock => "landlock",
            Layer::Seccomp => "seccomp",
            Layer::AuditHook => "audit-hook",
        }
    }

    /// What the layer protects, for messages.
    pub fn purpose(self) -> &'static str {
        match self {
            Layer::UserNamespace => "no privileges outside the sandbox",
            Layer::ReadOnlyFs => "the file system is read-only outside the scratch directory",
            Layer::Network => "no network",
            Layer::Landlock => {
                "reads and writes limited to allowed directories, no signals to outside processes"
            }
            Layer::Seccomp => "no process creation, exec, signals, sockets or kernel-level escapes",
            Layer::AuditHook => "clear `refused` results for refused operations",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// Whether one layer is in force here, and why not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LayerStatus {
    /// The layer.
    pub layer: Layer,
    /// True when every worker gets it.
    pub active: bool,
    /// Details: the kernel's answer, or the Landlock ABI.
    pub detail: String,
}

/// The layers this process gives its workers (from [`probe`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SandboxStatus {
    /// One entry per layer, in setup order.
    pub layers: Vec<LayerStatus>,
}

impl SandboxStatus {
    /// Whether a layer is in force.
    pub fn is_active(&self, layer: Layer) -> bool {
        self.layers.iter().any(|l| l.layer == layer && l.active)
    }

    /// The layers that are not in force.
    pub fn missing(&self) -> impl Iterator<Item = &LayerStatus> {
        self.layers.iter().filter(|l| !l.active)
    }

    /// One line per missing layer (empty when all are active), for stderr and the editor.
    /// Printed at most once per process by [`SandboxStatus::warn_once`].
    pub fn warnings(&self) -> Vec<String> {
        self.missing()
            .map(|l| {
                format!(
                    "docsynth sandbox: layer `{}` is missing ({}): {}; the other layers stay on",
                    l.layer.name(),
                    l.layer.purpose(),
                    l.detail
                )
            })
            .collect()
    }
}

impl SandboxStatus {
    /// The warnings, the first time this is called in the process; afterwards nothing.
    pub fn warn_once(&self) -> Vec<String> {
        static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if SAID.swap(true, Ordering::SeqCst) {
            return Vec::new();
        }
        self.warnings()
    }
}

/// Layers switched off by `DOCSYNTH_SANDBOX_DISABLE=layer,layer` (for testing the fallbacks;
/// they are reported as missing like any other).
fn disabled_by_env() -> Result<Vec<Layer>, String> {
    let Some(value) = std::env::var_os("DOCSYNTH_SANDBOX_DISABLE") else {
        return Ok(Vec::new());
    };
    let value = value.to_string_lossy().into_owned();
    let mut out = Vec::new();
    for name in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match Layer::ALL.iter().find(|l| l.name() == name) {
            Some(layer) => out.push(*layer),
            None => {
                return Err(format!(
                    "DOCSYNTH_SANDBOX_DISABLE names an unknown layer `{name}` (known: {})",
                    Layer::ALL.map(Layer::name).join(", ")
                ))
            }
        }
    }
    Ok(out)
}

/// Which layers this kernel grants, found once per process by running the setup in a child.
pub fn probe() -> &'static SandboxStatus {
    static STATUS: OnceLock<SandboxStatus> = OnceLock::new();
    STATUS.get_or_init(probe_now)
}

fn probe_now() -> SandboxStatus {
    let disabled = disabled_by_env();
    let (disabled, env_error) = match disabled {
        Ok(d) => (d, None),
        // An unparsable setting disables nothing (the strongest sandbox) and says so.
        Err(e) => (Vec::new(), Some(e)),
    };
    let landlock_abi = landlock_abi();
    let wanted: Vec<Layer> = Layer::ALL
        .into_iter()
        .filter(|l| !disabled.contains(l))
        .collect();
    let outcome = match ScratchDir::create() {
        Ok(scratch) => try_layers(&scratch, &wanted),
        Err(e) => Err(format!("cannot create a scratch directory: {e}")),
    };
    let mut layers = Vec::new();
    for layer in Layer::ALL {
        let (active, detail) = if disabled.contains(&layer) {
            (false, "disabled by DOCSYNTH_SANDBOX_DISABLE".to_string())
        } else {
            match &outcome {
                Err(why) => (false, why.clone()),
                Ok(failures) => match failures.iter().find(|f| f.layer == layer) {
                    Some(f) => (false, f.reason.clone()),
                    None => (
                        true,
                        match layer {
                            Layer::AuditHook => "in force (second line only)".to_string(),
                            Layer::Landlock => format!(
                                "Landlock ABI {landlock_abi}{}",
                                if landlock_abi >= 6 {
                                    " (file system, signal and abstract-socket scoping)"
                                } else {
                                    " (file system only: no signal scoping before ABI 6)"
                                }
                            ),
                            _ => "in force".to_string(),
                        },
                    ),
                },
            }
        };
        layers.push(LayerStatus {
            layer,
            active,
            detail,
        });
    }
    if let Some(e) = env_error {
        // Nothing was disabled; the mistake is shown beside every layer's state.
        for l in &mut layers {
            l.detail = format!("{} (note: {e})", l.detail);
        }
    }
    SandboxStatus { layers }
}

/// The running kernel's Landlock ABI version (0: none).
fn landlock_abi() -> i64 {
    const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
    // SAFETY: the documented version query: null attributes, size 0.
    let v = unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<u8>(),
            0usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    };
    v.max(0)
}

#[derive(Debug)]
struct LayerFailure {
    layer: Layer,
    reason: String,
}

/// Runs the setup with each wanted layer in a throw-away child; returns the layers that failed.
/// A layer that fails is left out and the probe runs again, so one refusal does not hide
/// whether later layers work.
fn try_layers(scratch: &ScratchDir, wanted: &[Layer]) -> Result<Vec<LayerFailure>, String> {
    let mut failures: Vec<LayerFailure> = Vec::new();
    let mut layers: Vec<Layer> = wanted.to_vec();
    for _ in 0..=Layer::ALL.len() {
        let plan = match Plan::prepare(scratch, &layers, &[], &Limits::default()) {
            Ok(plan) => plan,
            Err(PlanError { layer, reason }) => {
                failures.push(LayerFailure { layer, reason });
                layers.retain(|l| *l != layer);
                continue;
            }
        };
        match run_probe_child(&plan) {
            ProbeOutcome::Ok => return Ok(failures),
            ProbeOutcome::Failed { layer, errno } => {
                let reason = format!(
                    "the kernel refused it: {}",
                    std::io::Error::from_raw_os_error(errno)
                );
                failures.push(LayerFailure { layer, reason });
                layers.retain(|l| *l != layer);
                // Mounts need the user namespace.
                if layer == Layer::UserNamespace {
                    for dependent in [Layer::ReadOnlyFs, Layer::Network] {
                        if layers.contains(&dependent) {
                            failures.push(LayerFailure {
                                layer: dependent,
                                reason: "needs the user namespace, which is missing".into(),
                            });
                            layers.retain(|l| *l != dependent);
                        }
                    }
                }
            }
            ProbeOutcome::Unknown(why) => return Err(why),
        }
    }
    Ok(failures)
}

enum ProbeOutcome {
    Ok,
    Failed { layer: Layer, errno: i32 },
    Unknown(String),
}

fn run_probe_child(plan: &Plan) -> ProbeOutcome {
    // SAFETY: the child only makes async-signal-safe system calls (see `Plan::enter`) and
    // leaves with `_exit`.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return ProbeOutcome::Unknown(format!(
            "cannot fork to probe the sandbox: {}",
            std::io::Error::last_os_error()
        ));
    }
    if pid == 0 {
        // SAFETY: in the child, as above.
        let code = match unsafe { plan.enter() } {
            Ok(()) => 0,
            // Exit status: 1 + layer index * 40 + errno (the refusals seen are below 40;
            // larger errno values are folded into 39).
            Err(e) => 1 + (e.layer as i32) * 40 + e.errno.min(39),
        };
        // SAFETY: leaving the forked child without running destructors.
        unsafe { libc::_exit(code.min(255)) };
    }
    let mut status = 0;
    // SAFETY: waiting for the child we just forked.
    let r = unsafe { libc::waitpid(pid, &mut status, 0) };
    if r != pid {
        return ProbeOutcome::Unknown("lost the sandbox probe process".into());
    }
    if !libc::WIFEXITED(status) {
        return ProbeOutcome::Unknown(format!(
            "the sandbox probe ended abnormally (status {status})"
        ));
    }
    let code = libc::WEXITSTATUS(status);
    if code == 0 {
        return ProbeOutcome::Ok;
    }
    let idx = ((code - 1) / 40) as usize;
    let errno = (code - 1) % 40;
    match Layer::ALL.get(idx) {
        Some(layer) => ProbeOutcome::Failed {
            layer: *layer,
            errno,
        },
        None => ProbeOutcome::Unknown(format!("unexpected sandbox probe status {code}")),
    }
}

/// A layer whose preparation failed in the parent.
#[derive(Debug)]
struct PlanError {
    layer: Layer,
    reason: String,
}

/// A setup step refused by the kernel in the child.
#[derive(Debug, Clone, Copy)]
struct StepError {
    layer: Layer,
    errno: i32,
}

/// Everything the child needs, prepared before `fork` so that the child allocates nothing.
struct Plan {
    layers: u32,
    uid_map: Vec<u8>,
    gid_map: Vec<u8>,
    proc_uid_map: CString,
    proc_gid_map: CString,
    proc_setgroups: CString,
    root: CString,
    work: CString,
    landlock: Option<OwnedFd>,
    seccomp: FilterSet,
    memory: u64,
    file_size: u64,
}

// `Plan` is plain owned data, shared read-only with the `pre_exec` closure.
impl Plan {
    fn prepare(
        scratch: &ScratchDir,
        layers: &[Layer],
        readable: &[PathBuf],
        limits: &Limits,
    ) -> Result<Self, PlanError> {
        let mut bits = 0;
        for l in layers {
            bits |= l.bit();
        }
        // The read-only view is made in the worker's own mount namespace, which comes with the
        // user namespace; without it the mounts would change the host's.
        if !layers.contains(&Layer::UserNamespace) && layers.contains(&Layer::ReadOnlyFs) {
            return Err(PlanError {
                layer: Layer::ReadOnlyFs,
                reason: "needs the user and mount namespaces, which are missing".into(),
            });
        }
        let cstr = |layer: Layer, p: &OsStr| {
            CString::new(p.as_bytes()).map_err(|_| PlanError {
                layer,
                reason: format!("path {p:?} contains a NUL byte"),
            })
        };
        // SAFETY: plain getters.
        let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
        // Inside the namespace the worker is never uid 0, so `exec` leaves it no capability.
        let inside_uid = if uid == 0 { 1000 } else { uid };
        let inside_gid = if gid == 0 { 1000 } else { gid };
        let landlock = if layers.contains(&Layer::Landlock) {
            Some(landlock_ruleset(scratch, readable)?)
        } else {
            None
        };
        let seccomp = if layers.contains(&Layer::Seccomp) {
            seccomp::worker_filters().map_err(|reason| PlanError {
                layer: Layer::Seccomp,
                reason,
            })?
        } else {
            FilterSet::default()
        };
        Ok(Plan {
            layers: bits,
            uid_map: format!("{inside_uid} {uid} 1\n").into_bytes(),
            gid_map: format!("{inside_gid} {gid} 1\n").into_bytes(),
            proc_uid_map: c"/proc/self/uid_map".to_owned(),
            proc_gid_map: c"/proc/self/gid_map".to_owned(),
            proc_setgroups: c"/proc/self/setgroups".to_owned(),
            root: c"/".to_owned(),
            work: cstr(Layer::ReadOnlyFs, scratch.work().as_os_str())?,
            landlock,
            seccomp,
            memory: limits.memory_bytes,
            file_size: limits.file_size_bytes,
        })
    }

    fn has(&self, layer: Layer) -> bool {
        self.layers & layer.bit() != 0
    }

    /// Applies the plan to the calling (freshly forked, single-threaded) process.
    ///
    /// # Safety
    /// Only async-signal-safe system calls; call it only in a forked child before `exec`.
    unsafe fn enter(&self) -> Result<(), StepError> {
        let fail = |layer| StepError {
            layer,
            errno: std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
        };
        if self.has(Layer::UserNamespace) {
            let flags =
                libc::CLONE_NEWUSER | libc::CLONE_NEWNS | libc::CLONE_NEWIPC | libc::CLONE_NEWUTS;
            if libc::unshare(flags) != 0 {
                return Err(fail(Layer::UserNamespace));
            }
            if !write_file(&self.proc_setgroups, b"deny")
                || !write_file(&self.proc_uid_map, &self.uid_map)
                || !write_file(&self.proc_gid_map, &self.gid_map)
            {
                return Err(fail(Layer::UserNamespace));
            }
        }
        if self.has(Layer::Network) && libc::unshare(libc::CLONE_NEWNET) != 0 {
            return Err(fail(Layer::Network));
        }
        if self.has(Layer::ReadOnlyFs) && self.has(Layer::UserNamespace) {
            read_only_view(&self.root, &self.work).map_err(|()| fail(Layer::ReadOnlyFs))?;
        }
        let restricts = self.has(Layer::Landlock) || self.has(Layer::Seccomp);
        if restricts && libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
            return Err(fail(if self.has(Layer::Landlock) {
                Layer::Landlock
            } else {
                Layer::Seccomp
            }));
        }
        if let Some(fd) = &self.landlock {
            if libc::syscall(libc::SYS_landlock_restrict_self, fd.as_raw_fd(), 0u32) != 0 {
                return Err(fail(Layer::Landlock));
            }
        }
        for program in &self.seccomp.programs {
            let prog = libc::sock_fprog {
                len: program.len() as libc::c_ushort,
                filter: program.as_ptr() as *mut libc::sock_filter,
            };
            const SECCOMP_SET_MODE_FILTER: libc::c_uint = 1;
            if libc::syscall(
                libc::SYS_seccomp,
                SECCOMP_SET_MODE_FILTER,
                0u32,
                &prog as *const libc::sock_fprog,
            ) != 0
            {
                return Err(fail(Layer::Seccomp));
            }
        }
        Ok(())
    }
}

/// Writes `data` to `path` with raw system calls (async-signal-safe).
unsafe fn write_file(path: &CString, data: &[u8]) -> bool {
    let fd = libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
    if fd < 0 {
        return false;
    }
    let n = libc::write(fd, data.as_ptr().cast(), data.len());
    libc::close(fd);
    n == data.len() as isize
}

#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}

/// Makes every mount read-only and nosuid, then the scratch `work/` directory writable again
/// (a bind mount of its own).
unsafe fn read_only_view(root: &CString, work: &CString) -> Result<(), ()> {
    const MOUNT_ATTR_RDONLY: u64 = 0x1;
    const MOUNT_ATTR_NOSUID: u64 = 0x2;
    const AT_RECURSIVE: libc::c_uint = 0x8000;
    let none = std::ptr::null::<libc::c_char>();
    if libc::mount(
        none,
        root.as_ptr(),
        none,
        libc::MS_REC | libc::MS_PRIVATE,
        std::ptr::null(),
    ) != 0
    {
        return Err(());
    }
    if libc::mount(
        work.as_ptr(),
        work.as_ptr(),
        none,
        libc::MS_BIND,
        std::ptr::null(),
    ) != 0
    {
        return Err(());
    }
    let ro = MountAttr {
        attr_set: MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID,
        attr_clr: 0,
        propagation: 0,
        userns_fd: 0,
    };
    if libc::syscall(
        libc::SYS_mount_setattr,
        libc::AT_FDCWD,
        root.as_ptr(),
        AT_RECURSIVE,
        &ro as *const MountAttr,
        std::mem::size_of::<MountAttr>(),
    ) != 0
    {
        return Err(());
    }
    let rw = MountAttr {
        attr_set: 0,
        attr_clr: MOUNT_ATTR_RDONLY,
        propagation: 0,
        userns_fd: 0,
    };
    if libc::syscall(
        libc::SYS_mount_setattr,
        libc::AT_FDCWD,
        work.as_ptr(),
        0 as libc::c_uint,
        &rw as *const MountAttr,
        std::mem::size_of::<MountAttr>(),
    ) != 0
    {
        return Err(());
    }
    Ok(())
}

/// System directories every worker may read (and execute from), where they exist.
const SYSTEM_READ: &[&str] = &[
    "/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin",
];

/// Single files of `/etc` the dynamic loader and Python's startup read.
const SYSTEM_READ_FILES: &[&str] = &["/etc/ld.so.cache", "/etc/localtime"];

/// Devices the worker may read.
const DEVICES_READ: &[&str] = &["/dev/urandom", "/dev/random", "/dev/zero"];

fn landlock_ruleset(scratch: &ScratchDir, readable: &[PathBuf]) -> Result<OwnedFd, PlanError> {
    use landlock::{
        path_beneath_rules, Access, AccessFs, CompatLevel, Compatible, Ruleset, RulesetAttr,
        RulesetCreatedAttr, Scope, ABI,
    };
    let err = |reason: String| PlanError {
        layer: Layer::Landlock,
        reason,
    };
    let abi = ABI::V6;
    let mut ruleset = Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessFs::from_all(abi))
        .map_err(|e| err(format!("cannot build the rules: {e}")))?;
    if landlock_abi() >= 6 {
        ruleset = ruleset
            .scope(Scope::Signal | Scope::AbstractUnixSocket)
            .map_err(|e| err(format!("cannot build the scopes: {e}")))?;
    }
    let read_dirs = SYSTEM_READ
        .iter()
        .map(PathBuf::from)
        .chain(readable.iter().cloned())
        .chain(std::iter::once(scratch.root().to_path_buf()));
    let created = ruleset
        .create()
        .map_err(|e| err(format!("cannot create the rules: {e}")))?
        .add_rules(path_beneath_rules(read_dirs, AccessFs::from_read(abi)))
        .and_then(|r| {
            r.add_rules(path_beneath_rules(
                SYSTEM_READ_FILES,
                AccessFs::from_read(abi),
            ))
        })
        .and_then(|r| r.add_rules(path_beneath_rules(DEVICES_READ, AccessFs::from_read(abi))))
        .and_then(|r| {
            r.add_rules(path_beneath_rules(
                ["/dev/null"],
                AccessFs::from_read(abi) | AccessFs::from_write(abi),
            ))
        })
        .and_then(|r| {
            r.add_rules(path_beneath_rules(
                [scratch.work()],
                AccessFs::from_all(abi),
            ))
        })
        .map_err(|e| err(format!("cannot add the rules: {e}")))?;
    let fd: Option<OwnedFd> = created.into();
    fd.ok_or_else(|| err("this kernel has no Landlock".into()))
}

/// What a worker gets: the command and the layers in force.
pub struct WorkerCommand {
    /// The command to spawn.
    pub command: Command,
    /// The layers applied to it.
    pub layers: Vec<Layer>,
}

/// How the runner sandboxes its workers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SandboxPolicy {
    /// Layers left out on purpose (on top of those the kernel refuses); for tests and
    /// debugging. They are reported as missing.
    pub disabled: Vec<Layer>,
}

/// Builds the worker command: `python -I -B worker.py WORK OUTPUT_CAP [--suite-filters F]
/// [--no-audit-hook]`, with a
/// cleared environment, the scratch `work/` directory as cwd, hard rlimits, a session of its
/// own, and every sandbox layer this kernel grants (see [`probe`]). `readable` lists the
/// directories the examples may read beyond the system's and the interpreter's (their own
/// directory, for imports).
pub fn worker_command(
    python: &Path,
    script: &Path,
    scratch: &ScratchDir,
    limits: &Limits,
    policy: &SandboxPolicy,
    readable: &[PathBuf],
) -> std::io::Result<WorkerCommand> {
    let status = probe();
    let mut layers: Vec<Layer> = Layer::ALL
        .into_iter()
        .filter(|l| status.is_active(*l) && !policy.disabled.contains(l))
        .collect();
    if !layers.contains(&Layer::UserNamespace) {
        layers.retain(|l| *l != Layer::ReadOnlyFs);
    }
    let plan = Plan::prepare(scratch, &layers, readable, limits).map_err(|e| {
        std::io::Error::other(format!("sandbox layer {}: {}", e.layer.name(), e.reason))
    })?;
    let suite_filters_path = scratch.root().join("suite-filters.bpf");
    if layers.contains(&Layer::Seccomp) {
        let filters = seccomp::suite_filters().map_err(std::io::Error::other)?;
        std::fs::write(&suite_filters_path, filters.to_bytes())?;
    }
    let work = scratch.work();
    let mut cmd = Command::new(python);
    cmd.arg("-I")
        .arg("-B")
        .arg(script)
        .arg(&work)
        .arg(limits.output_chars.to_string());
    if layers.contains(&Layer::Seccomp) {
        cmd.arg("--suite-filters").arg(&suite_filters_path);
    }
    if !layers.contains(&Layer::AuditHook) {
        cmd.arg("--no-audit-hook");
    }
    cmd.current_dir(&work)
        .env_clear()
        .env("TMPDIR", &work)
        .env("HOME", &work)
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("OMP_NUM_THREADS", "1")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let plan = Arc::new(plan);
    // SAFETY: the closure runs in the forked child before exec; it calls only setrlimit,
    // setsid and the async-signal-safe system calls of `Plan::enter`, and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            set_limit(libc::RLIMIT_AS, plan.memory)?;
            set_limit(libc::RLIMIT_FSIZE, plan.file_size)?;
            set_limit(libc::RLIMIT_CORE, 0)?;
            plan.enter()
                .map_err(|e| std::io::Error::from_raw_os_error(e.errno))
        });
    }
    Ok(WorkerCommand {
        command: cmd,
        layers,
    })
}

fn set_limit(resource: libc::__rlimit_resource_t, value: u64) -> std::io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: value as libc::rlim_t,
        rlim_max: value as libc::rlim_t,
    };
    // SAFETY: plain syscall with a valid pointer to a stack value.
    if unsafe { libc::setrlimit(resource, &limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Whether workers get a private network namespace here.
pub fn network_namespace_available() -> bool {
    probe().is_active(Layer::Network)
}

/// Searches `PATH` for an executable file.
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}
