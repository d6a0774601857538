//! Limits and isolation of the runner on the real `python3`: every bad candidate is reported
//! and the good candidate after it, in the same batch, still passes.

use crate::runner_support;

use docsynth::cancel::CancelToken;
use docsynth::runner::{CheckOptions, ExampleStatus, Runner};
use runner_support::*;
use std::time::Duration;
use ExampleStatus::*;

const GOOD: &str = "return s.upper()";

/// Checks `bad` then a good candidate in one batch; returns the bad one's report.
fn bad_then_good(runner: &mut Runner, bad: &str) -> docsynth::runner::CandidateReport {
    let s = suite(
        "f",
        vec![comment("f('ab')", "'AB'"), doctest("f('c')", "'C'\n")],
    );
    let mut reports = check_bodies(runner, &s, &[bad, GOOD, bad, GOOD]);
    assert_eq!(reports.len(), 4);
    for good in [&reports[1], &reports[3]] {
        assert!(
            good.passed(),
            "good candidate after {bad:?} failed: {good:?}"
        );
    }
    reports.swap_remove(0)
}

#[test]
fn infinite_loop_times_out() {
    let mut r = runner();
    let report = bad_then_good(&mut r, "while True:\n    pass");
    assert_eq!(statuses(&report), vec![Timeout, Timeout], "{report:?}");
}

#[test]
fn loop_in_c_code_is_killed_from_rust() {
    // A single C call does not look at signals, so only the Rust deadline can stop it.
    let mut r = runner();
    let report = bad_then_good(&mut r, "return sum(range(10**13))");
    assert_eq!(report.examples[0].status, Timeout, "{report:?}");
    assert!(
        report.examples[0].actual.contains("restarted"),
        "{report:?}"
    );
    assert!(r.restarts() >= 2);
}

#[test]
fn timeout_swallowed_by_bare_except_still_times_out() {
    let mut r = runner();
    let report = bad_then_good(
        &mut r,
        "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass",
    );
    assert_eq!(report.examples[0].status, Timeout, "{report:?}");
}

#[test]
fn huge_allocation_fails_cleanly() {
    let mut r = runner();
    let report = bad_then_good(&mut r, "x = bytearray(10 * 1024 ** 3)\nreturn s");
    assert_eq!(statuses(&report), vec![Error, Error], "{report:?}");
    assert!(
        report.examples[0].actual.contains("MemoryError"),
        "{report:?}"
    );
}

#[test]
fn processes_are_refused() {
    let mut r = runner();
    for bad in [
        "import os\nos.system('echo hi')\nreturn s.upper()",
        "import subprocess\nsubprocess.run(['true'])\nreturn s.upper()",
        "import os\nos.fork()\nreturn s.upper()",
        "import os\nos.execv('/bin/true', ['true'])",
        "import os, signal\nos.kill(os.getppid(), signal.SIGTERM)\nreturn s.upper()",
    ] {
        let report = bad_then_good(&mut r, bad);
        assert_eq!(
            statuses(&report),
            vec![Refused, Refused],
            "{bad}: {report:?}"
        );
    }
}

#[test]
fn refusal_is_reported_even_when_the_candidate_swallows_it() {
    let mut r = runner();
    let report = bad_then_good(
        &mut r,
        "import os\ntry:\n    os.system('true')\nexcept Exception:\n    pass\nreturn s.upper()",
    );
    assert_eq!(statuses(&report), vec![Refused, Refused], "{report:?}");
    assert!(
        report.examples[0].actual.contains("os.system"),
        "{report:?}"
    );
}

#[test]
fn sockets_are_refused() {
    let mut r = runner();
    let report = bad_then_good(
        &mut r,
        "import socket\nsocket.create_connection(('127.0.0.1', 80), timeout=1)\nreturn s.upper()",
    );
    assert_eq!(statuses(&report), vec![Refused, Refused], "{report:?}");
}

#[test]
fn writes_outside_scratch_are_refused_and_inside_allowed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = dir.path().join("victim");
    std::fs::create_dir(&victim).expect("mkdir");
    std::fs::write(victim.join("keep.txt"), "keep").expect("write");
    let target = dir.path().join("x");
    let mut r = runner();
    let bads = [
        format!("open({:?}, 'w').write('x')\nreturn s.upper()", target),
        format!("import shutil\nshutil.rmtree({:?})\nreturn s.upper()", victim),
        format!("import os\nos.remove({:?})\nreturn s.upper()", victim.join("keep.txt")),
        format!(
            "import os\nos.rename({:?}, {:?})\nreturn s.upper()",
            victim.join("keep.txt"),
            dir.path().join("moved")
        ),
        "import pathlib\npathlib.Path('/tmp/docsynth-sandbox-probe').write_text('x')\nreturn s.upper()".to_string(),
    ];
    for bad in &bads {
        let report = bad_then_good(&mut r, bad);
        assert_eq!(
            statuses(&report),
            vec![Refused, Refused],
            "{bad}: {report:?}"
        );
    }
    assert!(!target.exists());
    assert!(victim.join("keep.txt").exists());
    assert!(!std::path::Path::new("/tmp/docsynth-sandbox-probe").exists());
    // The scratch directory (the worker's cwd) is writable.
    let ok = "open('scratch.txt', 'w').write(s)\nimport tempfile\ntempfile.TemporaryFile().write(b'x')\nreturn open('scratch.txt').read().upper()";
    let s = suite("f", vec![comment("f('ab')", "'AB'")]);
    let reports = check_bodies(&mut r, &s, &[ok]);
    assert!(reports[0].passed(), "{:?}", reports[0]);
}

#[test]
fn huge_print_is_truncated() {
    let mut r = runner();
    let s = suite("f", vec![doctest("f('ab')", "'AB'\n")]);
    let reports = check_bodies(&mut r, &s, &["print('x' * 10**7)\nreturn s.upper()", GOOD]);
    assert_eq!(reports[0].examples[0].status, Fail);
    let actual = &reports[0].examples[0].actual;
    assert!(actual.len() < 100_000, "{} bytes", actual.len());
    assert!(
        actual.contains("truncated"),
        "{}",
        &actual[actual.len() - 100..]
    );
    assert!(reports[1].passed());
}

#[test]
fn printing_does_not_corrupt_the_protocol() {
    let mut r = runner();
    let report = bad_then_good(
        &mut r,
        "import sys, os\nprint('[\"C\", 0, null]')\nsys.__stdout__.write('garbage\\n')\nsys.__stdout__.flush()\nos.write(1, b'more garbage\\n')\nreturn s.upper()",
    );
    // The doctest sees the printed line as output (as `doctest` would); the protocol does not.
    assert_eq!(statuses(&report), vec![Pass, Fail], "{report:?}");
    assert_eq!(report.examples[1].actual, "[\"C\", 0, null]\n'C'");
    // Reopening the worker's private protocol descriptors for writing is refused.
    let report = bad_then_good(
        &mut r,
        "for fd in range(3, 16):\n    try:\n        open(fd, 'w', closefd=False).write('[\"C\", 0, null]\\n')\n    except Exception:\n        pass\nreturn s.upper()",
    );
    assert_eq!(statuses(&report), vec![Refused, Refused], "{report:?}");
    // Closing stdout breaks this doctest's own display (as under `doctest`), nothing else.
    let report = bad_then_good(&mut r, "import sys\nsys.stdout.close()\nreturn s.upper()");
    assert_eq!(statuses(&report), vec![Pass, Error], "{report:?}");
    assert!(
        report.examples[1].actual.contains("closed file"),
        "{report:?}"
    );
}

#[test]
fn worker_crashes_are_recovered() {
    let mut r = runner();
    for bad in [
        "import os\nos._exit(1)",
        // A real fault: self-sent signals (`faulthandler._sigsegv`) are refused by seccomp.
        "import ctypes\nctypes.string_at(0)",
        "import os\nos.abort()",
    ] {
        let report = bad_then_good(&mut r, bad);
        assert_eq!(report.examples[0].status, Error, "{bad}: {report:?}");
        assert!(
            report.examples[0].actual.contains("crashed the checker"),
            "{bad}: {report:?}"
        );
    }
}

#[test]
fn threads_and_ctypes_libraries_are_refused() {
    let mut r = runner();
    for bad in [
        "import threading\nthreading.Thread(target=print).start()\nreturn s.upper()",
        "import ctypes\nctypes.CDLL('libc.so.6').system(b'true')\nreturn s.upper()",
        "import ctypes\nctypes.pythonapi.Py_GetVersion\nreturn s.upper()",
        "import resource\nresource.setrlimit(resource.RLIMIT_CPU, (-1, -1))\nreturn s.upper()",
    ] {
        let report = bad_then_good(&mut r, bad);
        assert_eq!(
            statuses(&report),
            vec![Refused, Refused],
            "{bad}: {report:?}"
        );
    }
}

#[test]
fn environment_is_cleared_and_cwd_is_scratch() {
    std::env::set_var("DOCSYNTH_SECRET_TEST", "s3cret");
    let mut r = runner();
    let s = suite("f", vec![comment("f('DOCSYNTH_SECRET_TEST')", "None")]);
    let reports = check_bodies(&mut r, &s, &["import os\nreturn os.environ.get(s)"]);
    assert!(reports[0].passed(), "{:?}", reports[0]);
    let s = suite("f", vec![comment("f(0)", "True")]);
    let reports = check_bodies(
        &mut r,
        &s,
        &["import os\nreturn 'docsynth-runner-' in os.getcwd() and os.getcwd().endswith('work')"],
    );
    assert!(reports[0].passed(), "{:?}", reports[0]);
}

#[test]
fn kill_handle_cancels_a_batch_from_another_thread() {
    let mut r = runner();
    let s = suite("f", vec![comment("f(0)", "0")]);
    let kill = r.kill_handle();
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        kill.kill();
    });
    let sources = vec!["def f(s):\n    return sum(range(10**13))\n".to_string()];
    let result = r.check_candidates(&s, &sources);
    killer.join().expect("join");
    assert!(
        matches!(result, Err(docsynth::runner::RunnerError::Cancelled)),
        "{result:?}"
    );
    // The runner is usable afterwards.
    let reports = check_bodies(&mut r, &s, &["return s"]);
    assert!(reports[0].passed(), "{:?}", reports[0]);
}

#[test]
fn cancel_token_stops_a_batch() {
    let mut r = runner();
    let s = suite("f", vec![comment("f(0)", "0")]);
    let token = CancelToken::with_budget(Duration::from_millis(200));
    let sources = ["def f(s):\n    return sum(range(10**13))\n"];
    let result = r.check_candidates_with(&s, &sources, CheckOptions::default(), &token);
    assert!(
        matches!(result, Err(docsynth::runner::RunnerError::Cancelled)),
        "{result:?}"
    );
}

#[test]
fn fail_fast_skips_after_first_failure() {
    let mut r = runner();
    let s = suite(
        "f",
        vec![comment("f('a')", "'A'"), comment("f('b')", "'B'")],
    );
    let sources = ["def f(s):\n    return s\n"];
    let reports = r
        .check_candidates_with(
            &s,
            &sources,
            CheckOptions {
                fail_fast: true,
                ..Default::default()
            },
            &CancelToken::new(),
        )
        .expect("batch runs");
    assert_eq!(statuses(&reports[0]), vec![Fail, Skipped]);
}

#[test]
fn missing_interpreter_is_a_clear_error() {
    let config = docsynth::runner::RunnerConfig {
        python: Some("/nonexistent/python3".into()),
        ..Default::default()
    };
    let err = Runner::new(config).err().expect("must fail");
    let text = err.to_string();
    assert!(text.contains("no usable Python interpreter"), "{text}");
    assert!(text.contains("/nonexistent/python3"), "{text}");
}

#[test]
fn worker_has_its_own_network_namespace_where_unshare_works() {
    if !docsynth::runner::sandbox::network_namespace_available() {
        eprintln!("no network namespace here (docsynth doctor says why); nothing to check");
        return;
    }
    let ours = std::fs::read_link("/proc/self/ns/net").expect("read our netns");
    let mut r = runner();
    let s = suite("f", vec![comment("f(0)", "''")]);
    let reports = check_bodies(
        &mut r,
        &s,
        &["import os\nreturn os.readlink('/proc/self/ns/net')"],
    );
    let theirs = &reports[0].examples[0].actual;
    assert!(theirs.starts_with("'net:["), "{theirs}");
    assert_ne!(
        theirs.trim_matches('\''),
        ours.to_string_lossy(),
        "same network namespace"
    );
}

#[test]
fn per_example_replies_pin_a_crash_on_its_example() {
    let mut r = runner();
    let s = suite(
        "f",
        vec![comment("f('a')", "'A'"), comment("f('c')", "'C'")],
    );
    let sources = [
        "def f(s):\n    import os\n    if s == 'c':\n        os._exit(1)\n    return s.upper()\n",
    ];
    let pinned = CheckOptions {
        per_example_replies: true,
        ..Default::default()
    };
    let reports = r
        .check_candidates_with(&s, &sources, pinned, &CancelToken::new())
        .expect("batch runs");
    assert_eq!(statuses(&reports[0]), vec![Pass, Error], "{:?}", reports[0]);
    let reports = r
        .check_candidates_with(&s, &sources, CheckOptions::default(), &CancelToken::new())
        .expect("batch runs");
    assert_eq!(
        statuses(&reports[0]),
        vec![Error, Error],
        "{:?}",
        reports[0]
    );
    assert!(
        reports[0].examples[0].actual.contains("exited with code 1"),
        "{:?}",
        reports[0]
    );
}

#[test]
fn kill_between_batches_does_not_spoil_the_next_batch() {
    let mut r = runner();
    let s = suite("f", vec![comment("f('a')", "'A'")]);
    for _ in 0..3 {
        r.kill_handle().kill();
        let reports = check_bodies(&mut r, &s, &[GOOD]);
        assert!(reports[0].passed(), "{:?}", reports[0]);
    }
}
