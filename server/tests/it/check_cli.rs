//! End-to-end tests of `docsynth check` on fixture files, with the real `python3`.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

fn docsynth(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docsynth"))
        .args(args)
        .output()
        .expect("run docsynth")
}

fn check_json(name: &str, extra: &[&str]) -> (i32, Vec<Value>) {
    let path = fixture(name);
    let path = path.to_str().expect("utf-8 path");
    let mut args = vec!["check", path, "--json"];
    args.extend_from_slice(extra);
    let out = docsynth(&args);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let array = json.as_array().expect("a JSON array").clone();
    (out.status.code().expect("exit code"), array)
}

fn function<'a>(functions: &'a [Value], name: &str) -> &'a Value {
    functions
        .iter()
        .find(|f| f["function"] == name)
        .unwrap_or_else(|| panic!("no {name} in {functions:?}"))
}

fn statuses(f: &Value) -> Vec<String> {
    f["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| e["status"].as_str().expect("status").to_string())
        .collect()
}

#[test]
fn demo_reports_stubs_and_the_failing_shout() {
    let (code, functions) = check_json("demo.py", &[]);
    assert_eq!(code, 1);
    let names: Vec<&str> = functions
        .iter()
        .map(|f| f["function"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        vec![
            "initials",
            "running_max",
            "shout",
            "is_even",
            "add",
            "count_vowels",
            "domain_of",
            "total_price"
        ]
    );
    let shout = function(&functions, "shout");
    assert_eq!(shout["implemented"], true);
    assert_eq!(shout["line"], 23);
    let ex = &shout["examples"][0];
    assert_eq!(ex["status"], "fail");
    assert_eq!(ex["kind"], "doctest");
    assert_eq!(ex["line"], 26);
    assert_eq!(ex["source"], "shout(\"hi\")");
    assert_eq!(ex["expected"], "'HI!'");
    assert_eq!(ex["actual"], "'HI?'");
    let running_max = function(&functions, "running_max");
    assert_eq!(running_max["implemented"], false);
    assert_eq!(statuses(running_max), vec!["fail", "fail"]);
    assert_eq!(running_max["examples"][0]["kind"], "comment");
    assert_eq!(running_max["examples"][1]["kind"], "assert");
    assert_eq!(running_max["examples"][1]["line"], 32);
    assert_eq!(running_max["examples"][1]["actual"], "None");
}

#[test]
fn demo_text_listing_has_marks_and_summary() {
    let path = fixture("demo.py");
    let out = docsynth(&["check", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("shout"), "{text}");
    assert!(text.contains("✗ line 26: shout(\"hi\")  [fail]"), "{text}");
    assert!(text.contains("(not implemented)"), "{text}");
    assert!(
        text.contains("18 examples in 8 functions: 0 passed, 18 failed (7 not implemented)"),
        "{text}"
    );
}

#[test]
fn passing_file_exits_zero_and_covers_every_example_kind() {
    let (code, functions) = check_json("check/all_pass.py", &[]);
    for f in &functions {
        assert!(
            statuses(f).iter().all(|s| s == "pass"),
            "{}",
            serde_json::to_string_pretty(f).unwrap_or_default()
        );
    }
    assert_eq!(code, 0);
    let names: Vec<&str> = functions
        .iter()
        .map(|f| f["function"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        vec![
            "scaled",
            "tally",
            "root",
            "span",
            "swap_case",
            "Greeter.greet"
        ]
    );
    let kinds: Vec<&str> = function(&functions, "swap_case")["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, vec!["comment", "comment", "assert"]);
}

#[test]
fn failures_errors_timeouts_and_refusals_are_told_apart() {
    let (code, functions) = check_json("check/failing.py", &["--timeout", "1"]);
    assert_eq!(code, 1);
    assert_eq!(
        statuses(function(&functions, "wrong")),
        vec!["pass", "fail"]
    );
    let raises = function(&functions, "raises");
    assert_eq!(statuses(raises), vec!["error"]);
    assert!(raises["examples"][0]["actual"]
        .as_str()
        .unwrap_or("")
        .starts_with("ZeroDivisionError"));
    assert_eq!(statuses(function(&functions, "spins")), vec!["timeout"]);
    assert_eq!(statuses(function(&functions, "shells")), vec!["refused"]);
    assert_eq!(statuses(function(&functions, "fine")), vec!["pass"]);
}

#[test]
fn missing_module_is_reported_not_fatal() {
    let (code, functions) = check_json("check/missing_import.py", &[]);
    assert_eq!(code, 1);
    let f = function(&functions, "uses_it");
    let errors = f["context_errors"].as_array().expect("context_errors");
    assert!(
        errors[0]
            .as_str()
            .unwrap_or("")
            .contains("No module named 'definitely_not_installed_docsynth'"),
        "{errors:?}"
    );
    assert_eq!(statuses(f), vec!["error"]);
}

#[test]
fn broken_python_checks_intact_functions_and_warns() {
    let path = fixture("check/broken.py");
    let out = docsynth(&["check", path.to_str().expect("path"), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("syntax errors"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json[0]["function"], "ok");
    assert_eq!(json[0]["examples"][0]["status"], "pass");
}

#[test]
fn latin1_source_is_decoded() {
    let (code, functions) = check_json("check/latin1.py", &[]);
    assert_eq!(code, 0, "{functions:?}");
    assert_eq!(functions[0]["examples"][0]["actual"], "'café'");
}

#[test]
fn file_without_examples_passes_with_a_note() {
    let path = fixture("check/no_examples.py");
    let out = docsynth(&["check", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no functions with examples"));
    let (code, functions) = check_json("check/no_examples.py", &[]);
    assert_eq!(code, 0);
    assert!(functions.is_empty());
}

fn assert_usage_error(out: &Output, needle: &str) {
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn missing_file_binary_file_and_missing_python_exit_two() {
    let out = docsynth(&["check", "/nonexistent/file.py"]);
    assert_usage_error(&out, "cannot read /nonexistent/file.py");

    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("blob.py");
    std::fs::write(&binary, b"\x7fELF\x00\x01\x02garbage").expect("write");
    let out = docsynth(&["check", binary.to_str().expect("path")]);
    assert_usage_error(&out, "NUL bytes");

    let demo = fixture("demo.py");
    let out = docsynth(&[
        "check",
        demo.to_str().expect("path"),
        "--python",
        "/nonexistent/python3",
    ]);
    assert_usage_error(&out, "no usable Python interpreter");

    let out = docsynth(&["check"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn workspace_venv_interpreter_is_preferred() {
    // A fake `.venv/bin/python` that is a real interpreter under another name.
    let real = String::from_utf8(
        Command::new("python3")
            .args(["-c", "import sys; print(sys.executable)"])
            .output()
            .expect("python3")
            .stdout,
    )
    .expect("utf-8");
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join(".venv/bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let script = bin.join("python");
    std::fs::write(&script, format!("#!/bin/sh\nexec {} \"$@\"\n", real.trim())).expect("write");
    let mut perms = std::fs::metadata(&script).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&script, perms).expect("chmod");
    let file = dir.path().join("m.py");
    std::fs::write(
        &file,
        "def f(x):\n    \"\"\"\n    >>> f(1)\n    1\n    \"\"\"\n    return x\n",
    )
    .expect("write");
    let out = docsynth(&["check", file.to_str().expect("path")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A broken venv interpreter is reported, proving the venv was the one chosen.
    std::fs::write(&script, "#!/bin/sh\nexit 3\n").expect("write");
    let out = docsynth(&["check", file.to_str().expect("path")]);
    assert_usage_error(&out, ".venv/bin/python");
}

/// Prose sentences, Unicode arrows and `Input:`/`Output:` blocks (LeetCode's named inputs
/// too) run as examples: each passes or fails on its own, and `--json` names its kind.
#[test]
fn prose_arrows_and_input_output_blocks_are_checked() {
    let (code, functions) = check_json("check/prose_examples.py", &[]);
    assert_eq!(code, 1, "square(-3) returns 10 is wrong on purpose");
    let kinds_and_statuses = |name: &str| -> Vec<(String, String)> {
        function(&functions, name)["examples"]
            .as_array()
            .expect("examples")
            .iter()
            .map(|e| {
                (
                    e["kind"].as_str().expect("kind").to_string(),
                    e["status"].as_str().expect("status").to_string(),
                )
            })
            .collect()
    };
    let pair = |k: &str, s: &str| (k.to_string(), s.to_string());
    assert_eq!(
        kinds_and_statuses("add"),
        vec![pair("comment", "pass"), pair("comment", "pass")]
    );
    assert_eq!(
        kinds_and_statuses("square"),
        vec![pair("prose", "pass"), pair("prose", "fail")]
    );
    assert_eq!(
        kinds_and_statuses("two_sum"),
        vec![pair("input_output", "pass"), pair("input_output", "pass")]
    );
    assert_eq!(
        kinds_and_statuses("is_even"),
        vec![pair("input_output", "pass"), pair("input_output", "pass")]
    );
}

#[test]
fn doctor_reports_layers_python_worker_runtime_and_models() {
    let out = docsynth(&["doctor", "--json"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("doctor prints JSON");
    let layers: Vec<&str> = report["sandbox"]
        .as_array()
        .expect("sandbox layers")
        .iter()
        .filter_map(|l| l["layer"].as_str())
        .collect();
    assert_eq!(
        layers,
        [
            "user-namespace",
            "read-only-fs",
            "network",
            "landlock",
            "seccomp",
            "audit-hook"
        ]
    );
    if let Some(rt) = report["onnx_runtime"]["Ok"].as_object() {
        assert!(
            rt["version"].as_str().is_some_and(|v| v.starts_with("1.")),
            "{report:#}"
        );
    }
    // A real sandboxed check ran (whatever layers this kernel grants).
    assert!(report["worker"]["Ok"].is_string(), "{report:#}");
    assert!(report["python"]["Ok"].is_string(), "{report:#}");
    // The repository's shipped models are found for both neural spaces.
    let models = report["models"].as_array().expect("models");
    for domain in ["strings", "lists"] {
        let m = models
            .iter()
            .find(|m| m["domain"] == domain)
            .expect("a model line per neural space");
        let found = &m["model"]["Ok"];
        assert!(
            found["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(&format!("models/{domain}"))),
            "{m}"
        );
        assert!(
            found["card"]
                .as_str()
                .is_some_and(|c| c.contains(&format!("`models/{domain}`"))),
            "{m}"
        );
        // With ONNX Runtime present the model loads, and says on which device.
        if report["onnx_runtime"]["Ok"].is_object() {
            assert!(
                ["cpu", "cuda"].contains(&found["device"]["Ok"].as_str().unwrap_or("")),
                "{m}"
            );
        }
    }
    // Exit 0 exactly when every layer is in force.
    let all_active = report["sandbox"]
        .as_array()
        .is_some_and(|ls| ls.iter().all(|l| l["active"] == true));
    assert_eq!(out.status.code() == Some(0), all_active, "{report:#}");
}

const TWO_STUBS: &str = r#"def initials(name: str) -> str:
    """Initials of a full name.

    >>> initials("Ada Lovelace")
    'AL'
    >>> initials("Grace Brewster Hopper")
    'GBH'
    """
    ...


def double_all(xs: list[int]) -> list[int]:
    """Each element doubled.

    >>> double_all([1, 2, 3])
    [2, 4, 6]
    >>> double_all([5, -1])
    [10, -2]
    """
    ...
"#;

fn scratch_file(text: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("stubs.py");
    std::fs::write(&file, text).expect("write");
    (dir, file)
}

#[test]
fn synth_write_applies_verified_bodies_and_keeps_a_backup() {
    let (_dir, file) = scratch_file(TWO_STUBS.as_bytes());
    let path = file.to_str().expect("utf-8 path");
    let out = docsynth(&["synth", path, "--write", "--engine", "search"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let backup = std::fs::read_to_string(format!("{path}.bak")).expect("a backup");
    assert_eq!(backup, TWO_STUBS);
    let written = std::fs::read_to_string(&file).expect("read");
    assert_ne!(written, TWO_STUBS);
    // Signatures and docstrings kept; the stubs are gone; the file now passes its examples.
    assert!(written.contains("def initials(name: str) -> str:\n    \"\"\"Initials of a full name."));
    assert!(!written.contains("    ...\n"), "{written}");
    let check = docsynth(&["check", path]);
    assert_eq!(check.status.code(), Some(0), "{written}\n{check:?}");
    // A second run keeps the first backup and adds another.
    std::fs::write(&file, TWO_STUBS).expect("write");
    let again = docsynth(&["synth", path, "--write", "--engine", "search"]);
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    assert_eq!(
        std::fs::read_to_string(format!("{path}.bak")).expect("first backup"),
        TWO_STUBS
    );
    assert_eq!(
        std::fs::read_to_string(format!("{path}.bak.1")).expect("second backup"),
        TWO_STUBS
    );
}

#[test]
fn synth_diff_prints_the_change_and_leaves_the_file_alone() {
    let (_dir, file) = scratch_file(TWO_STUBS.as_bytes());
    let path = file.to_str().expect("utf-8 path");
    let out = docsynth(&["synth", path, "--diff", "--engine", "search"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains(&format!("--- {path}")), "{diff}");
    assert!(diff.contains("-    ...\n"), "{diff}");
    assert!(
        diff.contains("+    return [x + x for x in xs]\n") || diff.contains("+    return "),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), TWO_STUBS);
    assert!(!PathBuf::from(format!("{path}.bak")).exists());
}

#[test]
fn synth_write_refuses_a_file_it_would_have_to_re_encode() {
    let latin1 = format!("# -*- coding: latin-1 -*-\n# caf\u{e9}\n{TWO_STUBS}");
    let bytes: Vec<u8> = latin1
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("latin-1"))
        .collect();
    let (_dir, file) = scratch_file(&bytes);
    let path = file.to_str().expect("utf-8 path");
    let out = docsynth(&["synth", path, "--write", "--engine", "search"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--diff"),
        "{out:?}"
    );
    assert_eq!(std::fs::read(&file).expect("read"), bytes);
}

#[test]
fn synth_says_when_the_neural_writer_cannot_run() {
    let (dir, file) = scratch_file(TWO_STUBS.as_bytes());
    let path = file.to_str().expect("utf-8 path");
    let empty = dir.path().join("no-models");
    std::fs::create_dir(&empty).expect("mkdir");
    let out = docsynth(&[
        "synth",
        path,
        "--json",
        "--engine",
        "neural",
        "--model",
        empty.to_str().expect("utf-8 path"),
    ]);
    let results: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for r in results.as_array().expect("array") {
        assert_eq!(r["status"], "writer_unavailable", "{r:#}");
        assert!(
            r["error"]
                .as_str()
                .is_some_and(|e| e.contains("neural writer unavailable")),
            "{r:#}"
        );
    }
}
