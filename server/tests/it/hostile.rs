//! Tests that attack: hostile examples run through the real `docsynth check` binary, each in a
//! file beside a harmless function. Every case asserts that no file outside the scratch
//! directory changed (also a while after docsynth exited), that docsynth ended by itself within
//! a bound with a result, that no secret it can see reached the output, and that the harmless
//! functions still pass. The corpus runs with every layer, with the kernel layers alone (no
//! Python audit hook: it is not a security boundary), and with one kernel layer missing at a
//! time (the others must still stop what they cover).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SECRET_FILE: &str = "TOPSECRET-FILE-7f3a";
const SECRET_ENV: &str = "TOPSECRET-ENV-91c2";
const BOUND: Duration = Duration::from_secs(60);

/// What an attack goes after, so fallback variants run only the cases their layers cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// Writing, creating, removing or changing files outside scratch.
    Files,
    /// Reading secrets outside the allowed directories.
    Secrets,
    /// Creating processes, signalling docsynth, holding pipes.
    Processes,
    /// Exhausting memory, output, disk, CPU.
    Resources,
}

struct Attack {
    name: &'static str,
    target: Target,
    /// Doctest source lines (`OUT` is replaced by the outside directory's path).
    code: &'static str,
}

const fn attack(name: &'static str, target: Target, code: &'static str) -> Attack {
    Attack { name, target, code }
}

/// The hostile corpus.
fn corpus() -> Vec<Attack> {
    use Target::*;
    vec![
        // --- file writes, every route ---
        attack("open_write", Files, "open('OUT/victim.txt', 'w').write('pwned')"),
        attack("open_append", Files, "open('OUT/victim.txt', 'a').write('pwned')"),
        attack("open_create", Files, "open('OUT/new.txt', 'x').write('pwned')"),
        attack("os_open_creat", Files, "import os; os.write(os.open('OUT/new.txt', os.O_CREAT | os.O_WRONLY), b'x')"),
        attack("os_open_dir_fd", Files, "import os; d = os.open('OUT', os.O_RDONLY); os.write(os.open('new.txt', os.O_CREAT | os.O_WRONLY, dir_fd=d), b'x')"),
        attack("mkdir_dir_fd", Files, "import os; d = os.open('OUT', os.O_RDONLY); os.mkdir('newdir', dir_fd=d)"),
        attack("mkdir", Files, "import os; os.mkdir('OUT/newdir')"),
        attack("mkfifo", Files, "import os; os.mkfifo('OUT/fifo')"),
        attack("mknod", Files, "import os, stat; os.mknod('OUT/node', stat.S_IFREG | 0o644)"),
        attack("link_then_append", Files, "import os; os.link('OUT/victim.txt', 'l'); open('l', 'a').write('pwned')"),
        attack("symlink_then_write", Files, "import os; os.symlink('OUT/victim.txt', 's'); open('s', 'w').write('pwned')"),
        attack("rename", Files, "import os; os.rename('OUT/victim.txt', 'OUT/renamed.txt')"),
        attack("rename_out_of", Files, "import os; os.rename('OUT/victim.txt', 'stolen.txt')"),
        attack("remove", Files, "import os; os.remove('OUT/victim.txt')"),
        attack("rmtree", Files, "import shutil; shutil.rmtree('OUT/sub')"),
        attack("chmod", Files, "import os; os.chmod('OUT/victim.txt', 0o777)"),
        attack("truncate", Files, "import os; os.truncate('OUT/victim.txt', 0)"),
        attack("utime", Files, "import os; os.utime('OUT/victim.txt', (0, 0))"),
        attack("pathlib_write", Files, "import pathlib; pathlib.Path('OUT/new.txt').write_text('x')"),
        attack("fileio", Files, "import _io; _io.FileIO('OUT/victim.txt', 'w').write(b'x')"),
        attack("ctypes_fopen", Files, "import ctypes; c = ctypes.CDLL(None); f = c.fopen(b'OUT/new.txt', b'w'); c.fputs(b'x', f); c.fclose(f)"),
        attack("ctypes_raw_open", Files, "import ctypes, os; c = ctypes.CDLL(None); c.syscall(2, b'OUT/new.txt', os.O_CREAT | os.O_WRONLY, 0o644)"),
        attack("hook_off_then_write", Files, "import sys; sys.modules['__main__'].__dict__.clear(); open('OUT/victim.txt', 'w').write('pwned')"),
        attack("write_via_proc_fd", Files, "import os; d = os.open('OUT', os.O_RDONLY); open(f'/proc/self/fd/{d}/new.txt', 'w').write('x')"),
        attack("chown", Files, "import os; os.chown('OUT/victim.txt', 1234, 1234)"),
        attack("xattr", Files, "import os; os.setxattr('OUT/victim.txt', 'user.x', b'1')"),
        attack("project_dir_write", Files, "import os; open(os.path.join(os.path.dirname(__import__('pathlib').Path('OUT').resolve()), 'proj', 'dropped.py'), 'w').write('x')"),
        // --- secrets ---
        attack("read_outside_file", Secrets, "print(open('OUT/secret.txt').read())"),
        attack("read_root_home", Secrets, "import os; print(os.listdir('/root'))"),
        attack("read_proc_environ", Secrets, "import os\n... for p in os.listdir('/proc'):\n...     try: print(open(f'/proc/{p}/environ', 'rb').read())\n...     except Exception: pass"),
        attack("read_proc_parent_cmdline", Secrets, "import os; print(open(f'/proc/{os.getppid()}/environ', 'rb').read())"),
        attack("ctypes_read_outside", Secrets, "import ctypes; c = ctypes.CDLL(None); f = c.fopen(b'OUT/secret.txt', b'r'); b = ctypes.create_string_buffer(100); c.fread(b, 1, 99, f); print(b.value)"),
        // --- processes, every route ---
        attack("os_system", Processes, "import os; os.system('touch OUT/pwn')"),
        attack("subprocess_run", Processes, "import subprocess; subprocess.run(['touch', 'OUT/pwn'])"),
        attack("os_fork", Processes, "import os\n... if os.fork() == 0:\n...     open('OUT/pwn', 'w'); os._exit(0)"),
        attack("posix_spawn", Processes, "import os; os.posix_spawn('/bin/touch', ['touch', 'OUT/pwn'], {})"),
        attack("execv", Processes, "import os; os.execv('/bin/sh', ['sh', '-c', 'touch OUT/pwn'])"),
        attack("posixsubprocess_fork_exec", Processes, "import _posixsubprocess, os\n... r, w = os.pipe()\n... base = [[b'/bin/sh', b'-c', b'touch OUT/pwn; sleep 30'], [b'/bin/sh'], True, (), None, None, -1, -1, -1, -1, -1, -1, r, w, True, True]\n... for n in range(3, 9):\n...     try:\n...         _posixsubprocess.fork_exec(*base, *[-1, None, None, None, -1, None, False, False][:n]); break\n...     except TypeError: pass"),
        attack("ctypes_system", Processes, "import ctypes; ctypes.CDLL(None).system(b'touch OUT/pwn')"),
        attack("ctypes_fork", Processes, "import ctypes, os\n... if ctypes.CDLL(None).fork() == 0:\n...     open('OUT/pwn', 'w'); os._exit(0)"),
        attack("pty_spawn", Processes, "import pty; pty.spawn(['touch', 'OUT/pwn'])"),
        attack("multiprocessing", Processes, "import multiprocessing; p = multiprocessing.Process(target=lambda: open('OUT/pwn', 'w')); p.start(); p.join()"),
        attack("fork_bomb", Processes, "import os\n... while True:\n...     os.fork()"),
        attack("pipe_holder", Processes, "import os, time\n... if os.fork() == 0:\n...     time.sleep(1); open('OUT/late', 'w'); os._exit(0)"),
        attack("kill_parent", Processes, "import os, signal; os.kill(os.getppid(), signal.SIGKILL)"),
        attack("kill_everything", Processes, "import os, signal; os.kill(-1, signal.SIGKILL)"),
        attack("ctypes_kill_everything", Processes, "import ctypes; ctypes.CDLL(None).kill(-1, 9)"),
        attack("killpg", Processes, "import os, signal; os.killpg(0, signal.SIGKILL)"),
        attack("kill_docsynth_by_name", Processes, "import os, signal\n... for p in os.listdir('/proc'):\n...     try:\n...         if b'docsynth' in open(f'/proc/{p}/cmdline', 'rb').read(): os.kill(int(p), signal.SIGKILL)\n...     except Exception: pass"),
        attack("thread_start", Processes, "import threading; t = threading.Thread(target=lambda: open('OUT/pwn', 'w')); t.start(); t.join()"),
        attack("thread_bomb", Processes, "import _thread, time\n... for _ in range(10000):\n...     _thread.start_new_thread(time.sleep, (60,))"),
        attack("socket_connect", Processes, "import socket; socket.create_connection(('127.0.0.1', 22), timeout=1)"),
        attack("unix_socket", Processes, "import socket; s = socket.socket(socket.AF_UNIX); s.connect('/run/systemd/private')"),
        attack("forge_replies", Processes, "import os\n... for fd in range(3, 64):\n...     try: os.write(fd, b'[\"C\", 0, null, [[\"pass\", \"\"]]]\\n' * 10)\n...     except OSError: pass"),
        attack("ptrace_parent", Processes, "import ctypes, os; ctypes.CDLL(None).ptrace(16, os.getppid(), 0, 0)"),
        // --- resources ---
        attack("memory_flood", Resources, "x = 'x' * (10 ** 10)"),
        attack("memory_grow", Resources, "l = []\n... while True:\n...     l.append(bytearray(10 ** 7))"),
        attack("output_flood", Resources, "print('x' * (10 ** 8))"),
        attack("output_loop", Resources, "while True:\n...     print('spam' * 1000)"),
        attack("disk_flood", Resources, "f = open('big', 'wb')\n... while True:\n...     f.write(b'x' * 10 ** 6)"),
        attack("cpu_spin", Resources, "while True:\n...     pass"),
        attack("segfault", Resources, "import ctypes; ctypes.string_at(0)"),
        attack("recursion", Resources, "import sys; sys.setrecursionlimit(10 ** 6)\n... def f(n): return f(n + 1)\n... f(0)"),
        attack("exit_worker", Resources, "import os; os._exit(0)"),
    ]
}

struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("tempdir");
        let out = root.path().join("outside");
        std::fs::create_dir_all(out.join("sub")).expect("outside dir");
        std::fs::write(out.join("victim.txt"), "original").expect("victim");
        std::fs::write(out.join("secret.txt"), SECRET_FILE).expect("secret");
        std::fs::write(out.join("sub").join("keep.txt"), "keep").expect("keep");
        std::fs::create_dir_all(root.path().join("proj")).expect("proj");
        Sandbox { root }
    }

    fn outside(&self) -> PathBuf {
        self.root.path().join("outside")
    }

    /// Every file under the temporary root: path → (size, mtime, mode, content).
    fn snapshot(&self) -> BTreeMap<PathBuf, String> {
        let mut out = BTreeMap::new();
        walk(self.root.path(), &mut out);
        out
    }
}

fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        use std::os::unix::fs::MetadataExt;
        let content = if meta.is_file() {
            std::fs::read(&path).unwrap_or_default()
        } else {
            Vec::new()
        };
        out.insert(
            path.clone(),
            format!(
                "{} {} {:o} {} {} {:?}",
                meta.len(),
                meta.mtime_nsec() + meta.mtime() * 1_000_000_000,
                meta.mode(),
                meta.uid(),
                meta.gid(),
                content
            ),
        );
        if meta.is_dir() {
            walk(&path, out);
        }
    }
}

/// Switches the worker's audit hook off the way an attacker would: by rebinding the module
/// globals it reads (the worker runs as `__main__`).
const TAMPER: &str = "import sys; m = sys.modules['__main__']; m._inside_scratch = lambda p: True; m._ALWAYS_REFUSED = frozenset(); m._PATH_EVENTS = m._TWO_PATH_EVENTS = m._DEST_EVENTS = frozenset(); m._refuse = lambda *a: None; m._refuse_threads = lambda: None";

/// The attack as real Python (its `... ` continuation prompts removed), optionally after the
/// tamper statement, run by one `exec` so that multi-statement attacks run whole.
fn attack_source(attack: &Attack, outside: &Path, tamper: bool) -> String {
    let code = attack
        .code
        .replace("OUT", &outside.display().to_string())
        .replace("\n... ", "\n");
    if tamper {
        format!("{TAMPER}\n{code}")
    } else {
        code
    }
}

/// A Python string literal of `text` (double-quoted, escaped).
fn py_str(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn file_for(attack: &Attack, outside: &Path, tamper: bool) -> String {
    let doctest = format!(
        "    >>> exec({})\n",
        py_str(&attack_source(attack, outside, tamper)).replace('\\', "\\\\")
    );
    format!(
        r#"def ok(x):
    """
    >>> ok(2)
    4
    """
    return x * 2


def evil(x):
    """
{doctest}    """
    return x


def ok_after(x):
    """
    >>> ok_after(3)
    9
    >>> abs(-4)
    4
    """
    return x * x
"#
    )
}

/// How one run of `docsynth check` ended.
struct Run {
    status: std::process::ExitStatus,
    stdout: String,
    stderr: String,
}

fn run_check(file: &Path, disable: &str) -> Run {
    let binary = std::env::var_os("DOCSYNTH_HOSTILE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_docsynth")));
    let mut cmd = Command::new(binary);
    cmd.arg("check")
        .arg(file)
        .arg("--json")
        .arg("--timeout")
        .arg("3")
        .env("DOCSYNTH_TEST_SECRET", SECRET_ENV)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if disable.is_empty() {
        cmd.env_remove("DOCSYNTH_SANDBOX_DISABLE");
    } else {
        cmd.env("DOCSYNTH_SANDBOX_DISABLE", disable);
    }
    let mut child = cmd.spawn().expect("spawn docsynth");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > BOUND {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "docsynth check did not finish within {BOUND:?} on {}",
                file.display()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        status,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    }
}

fn function_passed(json: &serde_json::Value, name: &str) -> bool {
    json.as_array()
        .and_then(|fs| fs.iter().find(|f| f["function"] == name))
        .and_then(|f| f["examples"].as_array())
        .is_some_and(|es| !es.is_empty() && es.iter().all(|e| e["status"] == "pass"))
}

/// Runs every attack of `targets` with the layers in `disable` switched off; returns the
/// failures (empty: every attack was contained).
/// The sandbox layers `docsynth doctor` reports in force with `disable` switched off.
fn active_layers(disable: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_docsynth"))
        .args(["doctor", "--json"])
        .env("DOCSYNTH_SANDBOX_DISABLE", disable)
        .output()
        .expect("docsynth doctor runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("doctor prints JSON");
    json["sandbox"]
        .as_array()
        .map(|layers| {
            layers
                .iter()
                .filter(|l| l["active"] == true)
                .filter_map(|l| l["layer"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Attacks no remaining layer covers when the read-only mount view is missing: Landlock does
/// not govern a file's mode and times (ARCHITECTURE.md, "The sandbox").
const GAPS_WITHOUT_READ_ONLY_FS: [&str; 2] = ["chmod", "utime"];

fn run_corpus(disable: &str, targets: &[Target], tamper: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let layers = active_layers(disable);
    eprintln!("DOCSYNTH_SANDBOX_DISABLE={disable:?}: layers in force here: {layers:?}");
    let known_gaps: &[&str] = if layers.iter().any(|l| l == "read-only-fs") {
        &[]
    } else {
        &GAPS_WITHOUT_READ_ONLY_FS
    };
    let skip: Vec<String> = std::env::var("DOCSYNTH_HOSTILE_SKIP")
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    for attack in corpus()
        .iter()
        .filter(|a| targets.contains(&a.target) && !skip.iter().any(|s| s == a.name))
        .filter(|a| !known_gaps.contains(&a.name))
    {
        let sandbox = Sandbox::new();
        let file = sandbox.root.path().join("proj").join("case.py");
        let source = file_for(attack, &sandbox.outside(), tamper);
        std::fs::write(&file, &source).expect("write case");
        let before = sandbox.snapshot();
        let run = run_check(&file, disable);
        let mut problems = Vec::new();
        if run.status.code().is_none_or(|c| c > 1) {
            problems.push(format!("docsynth ended with {:?}", run.status));
        }
        match serde_json::from_str::<serde_json::Value>(&run.stdout) {
            Ok(json) => {
                // The attack must have run: an example that does not even compile proves nothing.
                let evil_actual = json
                    .as_array()
                    .and_then(|fs| fs.iter().find(|f| f["function"] == "evil"))
                    .map(|f| f["examples"].to_string())
                    .unwrap_or_default();
                if evil_actual.contains("SyntaxError") || evil_actual.contains("does not compile") {
                    problems.push(format!("the attack did not compile: {evil_actual}"));
                }
                for f in ["ok", "ok_after"] {
                    if !function_passed(&json, f) {
                        problems.push(format!("harmless function {f} did not pass"));
                    }
                }
            }
            Err(e) => problems.push(format!("no JSON result ({e}); stderr: {}", run.stderr)),
        }
        for secret in [SECRET_FILE, SECRET_ENV] {
            if run.stdout.contains(secret) {
                problems.push(format!("the secret {secret} reached the output"));
            }
        }
        if sandbox.snapshot() != before {
            problems.push("files outside the scratch directory changed".into());
        }
        // Descendants must not act after docsynth is gone.
        if matches!(attack.target, Target::Processes) {
            std::thread::sleep(Duration::from_millis(1200));
            if sandbox.snapshot() != before {
                problems.push("files changed after docsynth exited".into());
            }
        }
        if std::fs::read_to_string(&file).ok().as_deref() != Some(source.as_str()) {
            problems.push("the checked file changed".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", attack.name, problems.join("; ")));
        }
    }
    failures
}

fn assert_contained(disable: &str, targets: &[Target]) {
    let failures = run_corpus(disable, targets, false);
    assert!(
        failures.is_empty(),
        "with DOCSYNTH_SANDBOX_DISABLE={disable:?}, {} attacks got through:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn all_targets() -> [Target; 4] {
    [
        Target::Files,
        Target::Secrets,
        Target::Processes,
        Target::Resources,
    ]
}

#[test]
fn corpus_is_large_enough() {
    assert!(corpus().len() >= 40);
}

#[test]
fn every_attack_is_contained_with_every_layer() {
    assert_contained("", &all_targets());
}

#[test]
fn every_attack_is_contained_when_the_audit_hook_is_tampered_with() {
    let failures = run_corpus("", &all_targets(), true);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_attack_is_contained_by_the_kernel_layers_alone() {
    assert_contained("audit-hook", &all_targets());
}

#[test]
fn file_writes_are_stopped_without_landlock() {
    // The read-only mount view and seccomp still hold.
    assert_contained("audit-hook,landlock", &[Target::Files]);
}

#[test]
fn writes_and_reads_are_stopped_without_namespaces() {
    // Landlock and seccomp alone stop writes outside scratch and reads of secrets (but for
    // GAPS_WITHOUT_READ_ONLY_FS, left out by run_corpus).
    assert_contained(
        "audit-hook,user-namespace,read-only-fs",
        &[Target::Files, Target::Secrets],
    );
}

#[test]
fn processes_are_stopped_without_landlock_and_namespaces() {
    // seccomp alone stops process creation, exec and signals.
    assert_contained(
        "audit-hook,landlock,user-namespace,read-only-fs",
        &[Target::Processes],
    );
}

/// A second file: one function tampers with builtins and doctest's checker; the others (a
/// correct one using `abs`, and a wrong one) must be judged as if nothing happened.
#[test]
fn no_state_is_shared_between_functions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("tamper.py");
    std::fs::write(
        &file,
        r#"def tamper(x):
    """
    >>> import builtins, doctest; builtins.abs = lambda v: 0; doctest.OutputChecker.check_output = lambda *a: True; builtins.sorted = lambda *a, **k: []
    >>> tamper(1)
    1
    """
    return x


def distance(a, b):
    """
    >>> distance(3, 7)
    4
    """
    return abs(a - b)


def wrong(x):
    """
    >>> wrong(2)
    5
    """
    return x


def order(xs):
    """
    >>> order([3, 1, 2])
    [1, 2, 3]
    """
    return sorted(xs)
"#,
    )
    .expect("write");
    let run = run_check(&file, "");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert!(function_passed(&json, "tamper"));
    assert!(function_passed(&json, "distance"), "{}", run.stdout);
    assert!(function_passed(&json, "order"), "{}", run.stdout);
    assert!(!function_passed(&json, "wrong"), "{}", run.stdout);
}

/// Prints one line per attack (contained, or what got through) for the binary in
/// `DOCSYNTH_HOSTILE_BIN` (default: this build) — the before/after table of the closing note:
/// `DOCSYNTH_HOSTILE_BIN=old/docsynth cargo test --test it hostile::attack_table -- --ignored --nocapture`.
#[test]
#[ignore]
fn attack_table() {
    let plain = run_corpus("", &all_targets(), false);
    let tampered = run_corpus("", &all_targets(), true);
    let skip = std::env::var("DOCSYNTH_HOSTILE_SKIP").unwrap_or_default();
    let verdict = |failures: &[String], name: &str| {
        if skip.split(',').any(|s| s == name) {
            return "not run".to_string();
        }
        let prefix = format!("{name}: ");
        failures
            .iter()
            .find(|f| f.starts_with(&prefix))
            .map(|f| f[prefix.len()..].to_string())
            .unwrap_or_else(|| "contained".into())
    };
    for attack in corpus() {
        println!(
            "| {} | {:?} | {} | {} |",
            attack.name,
            attack.target,
            verdict(&plain, attack.name),
            verdict(&tampered, attack.name)
        );
    }
}
