//! Code actions, resolve, progress and `docsynth.synthesize` over real stdio, with the real
//! pipeline (enumerative search) and the real Python runner underneath.

use crate::common;

use common::lsp_client::{file_uri, range, LspClient};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

const DEMO: &str = "\"\"\"Demo.\"\"\"\n\n\ndef initials(name: str) -> str:\n    \"\"\"Return the surname followed by the first initial.\n\n    >>> initials(\"Mason Smith\")\n    'Smith M'\n    >>> initials(\"Ada Lovelace\")\n    'Lovelace A'\n    \"\"\"\n    ...\n";
const DEF_LINE: u32 = 3;

/// Applies LSP text edits (ASCII text, so UTF-16 columns are bytes) to `text`.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap_or(0) as usize;
        let col = pos["character"].as_u64().unwrap_or(0) as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + col
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

/// The text edits of a versioned workspace edit for `uri`, checking the version.
fn edits_of(edit: &Value, uri: &str, version: i64) -> Vec<Value> {
    let change = &edit["documentChanges"][0];
    assert_eq!(change["textDocument"]["uri"], json!(uri));
    assert_eq!(change["textDocument"]["version"], json!(version));
    change["edits"].as_array().cloned().unwrap_or_default()
}

/// Runs `initials` from `code` in a real interpreter and returns its answers.
fn run_initials(dir: &Path, code: &str) -> String {
    std::fs::write(dir.join("implemented.py"), code).expect("write");
    let out = Command::new("python3")
        .arg("-c")
        .arg("import implemented as m; print(m.initials('Grace Hopper'), m.initials('Alan Turing'), sep='|')")
        .current_dir(dir)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn wait_ready(c: &mut LspClient, uri: &str, version: i64) -> Value {
    c.wait_notification(|n| {
        n["method"] == json!("textDocument/publishDiagnostics")
            && n["params"]["uri"] == json!(uri)
            && n["params"]["version"] == json!(version)
            && n["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.iter().any(|x| x["code"] == json!("ready")))
    })
    .expect("a ready hint is published")
}

#[test]
fn a_verified_action_is_offered_resolved_and_its_code_passes_the_examples() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.py");
    std::fs::write(&path, DEMO).expect("write");
    let uri = file_uri(&path);
    let mut c = LspClient::spawn();
    c.initialize(false, json!({"docsynth": {"budgetMs": 5000}}));
    c.open(&uri, DEMO, 1);
    let ready = wait_ready(&mut c, &uri, 1);
    let hint = &ready["params"]["diagnostics"][0];
    assert_eq!(hint["severity"], json!(4));
    assert_eq!(hint["range"]["start"]["line"], json!(DEF_LINE));

    // Progress was reported with a token the client created.
    assert!(c
        .server_requests
        .iter()
        .any(|r| r["method"] == json!("window/workDoneProgress/create")));
    assert!(c
        .notifications
        .iter()
        .any(|n| n["method"] == json!("$/progress")
            && n["params"]["value"]["kind"] == json!("begin")));
    // The hint can be published as soon as the search's answer is verified, before the job
    // (the neural model) ends.
    assert!(c
        .wait_notification(
            |n| n["method"] == json!("$/progress") && n["params"]["value"]["kind"] == json!("end")
        )
        .is_some());

    let actions = c
        .code_actions(&uri, DEF_LINE, 6)
        .expect("codeAction answers");
    let actions = actions.as_array().cloned().unwrap_or_default();
    assert!(!actions.is_empty());
    let top = &actions[0];
    // The title may go on with how it answers a distinguishing input ("; initials(…) → …").
    assert!(
        top["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Implement initials() — passes 2/2 examples")),
        "{top}"
    );
    assert_eq!(top["isPreferred"], json!(true));
    assert_eq!(top["kind"], json!("quickfix"));
    assert!(top.get("edit").is_none(), "edits come in resolve");
    assert!(actions[1..]
        .iter()
        .all(|a| a["isPreferred"] == json!(false)));

    let resolved = c
        .request("codeAction/resolve", top.clone())
        .expect("resolve");
    let edits = edits_of(&resolved["edit"], &uri, 1);
    let code = apply_edits(DEMO, &edits);
    assert!(code.contains("def initials(name: str) -> str:"), "{code}");
    assert!(!code.contains("    ...\n"), "the stub is gone: {code}");
    assert_eq!(run_initials(dir.path(), &code), "Hopper G|Turing A");
    assert!(c.shutdown().success());
}

#[test]
fn edits_during_synthesis_never_yield_a_stale_edit() {
    let mut c = LspClient::spawn();
    c.initialize(false, json!({"docsynth": {"budgetMs": 5000}}));
    let uri = "untitled:Demo";
    c.open(uri, DEMO, 1);
    // Change the document while the first synthesis runs: one more example, then a comment.
    c.change(
        uri,
        2,
        range(10, 0, 10, 0),
        "    >>> initials(\"Grace Hopper\")\n    'Hopper G'\n",
    );
    c.change(uri, 3, range(0, 0, 0, 0), "# edited\n");
    let ready = wait_ready(&mut c, uri, 3);
    assert!(ready["params"]["diagnostics"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("3/3")));
    let actions = c
        .code_actions(uri, DEF_LINE + 1, 6)
        .expect("codeAction answers");
    let top = actions[0].clone();
    assert!(
        top["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Implement initials() — passes 3/3 examples")),
        "{top}"
    );
    assert_eq!(top["data"]["version"], json!(3));
    // The document changes again before the client resolves: the action is refused.
    c.change(uri, 4, range(0, 0, 0, 0), "\n");
    let err = c
        .request("codeAction/resolve", top)
        .expect_err("stale action refused");
    assert_eq!(err["code"], json!(-32801));
    // An unrelated edit keeps the cached result: actions are answered right away for version 4.
    let again = c
        .code_actions(uri, DEF_LINE + 2, 6)
        .expect("codeAction answers");
    assert_eq!(again[0]["data"]["version"], json!(4));
    let resolved = c
        .request("codeAction/resolve", again[0].clone())
        .expect("resolve");
    assert!(!edits_of(&resolved["edit"], uri, 4).is_empty());
    assert!(c.shutdown().success());
}

#[test]
fn the_synthesize_command_applies_the_best_implementation() {
    let mut c = LspClient::spawn();
    c.initialize(true, json!({"docsynth": {"budgetMs": 5000}}));
    let uri = "file:///tmp/docsynth-command-demo.py";
    c.open(uri, DEMO, 1);
    let r = c
        .request(
            "workspace/executeCommand",
            json!({"command": "docsynth.synthesize", "arguments": [uri, "initials"]}),
        )
        .expect("command succeeds");
    assert_eq!(r["applied"], json!(true), "{r}");
    assert_eq!(r["functions"][0]["status"], json!("solved"));
    let apply = c
        .server_requests
        .iter()
        .find(|q| q["method"] == json!("workspace/applyEdit"))
        .cloned()
        .expect("the server asked to apply an edit");
    let edits = edits_of(&apply["params"]["edit"], uri, 1);
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        run_initials(dir.path(), &apply_edits(DEMO, &edits)),
        "Hopper G|Turing A"
    );
    // A stub with no examples is reported, not applied.
    c.change(uri, 2, range(0, 0, 0, 0), "def nothing(x):\n    pass\n\n");
    let r2 = c
        .request(
            "workspace/executeCommand",
            json!({"command": "docsynth.synthesize", "arguments": [{"uri": uri, "line": 0}]}),
        )
        .expect("command answers");
    assert_eq!(r2["applied"], json!(false));
    assert_eq!(r2["functions"][0]["status"], json!("no_examples"), "{r2}");
    assert!(c.shutdown().success());
}

// A list task no program fits: the lists search keeps enumerating until its budget or a cancel
// (the strings search would prove it hopeless in well under a second and finish by itself).
const HOPELESS: &str = "def scramble(xs: list[int]) -> list[int]:\n    \"\"\"\n    >>> scramble([3, 1, 2])\n    [17, -4, 9, 30]\n    >>> scramble([5, 6])\n    [-3, 8, 1]\n    \"\"\"\n    ...\n";

#[test]
fn a_stale_synthesis_is_cancelled_when_its_examples_change() {
    let mut c = LspClient::spawn();
    // A budget far beyond the test's patience: only cancellation lets the second run start.
    c.initialize(
        false,
        json!({"docsynth": {"budgetMs": 600000, "engine": "search"}}),
    );
    let uri = "untitled:Hopeless";
    c.open(uri, HOPELESS, 1);
    c.wait_notification(|n| {
        n["method"] == json!("$/progress") && n["params"]["value"]["kind"] == json!("begin")
    })
    .expect("the first synthesis starts");
    // Replace the hopeless examples with solvable ones.
    c.change(uri, 2, range(3, 0, 3, 19), "    [2, 1, 3]");
    c.change(uri, 3, range(5, 0, 5, 14), "    [6, 5]");
    let ready = wait_ready(&mut c, uri, 3);
    assert!(ready["params"]["diagnostics"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("2/2")));
    let ends: Vec<String> = c
        .notifications
        .iter()
        .filter(|n| {
            n["method"] == json!("$/progress") && n["params"]["value"]["kind"] == json!("end")
        })
        .filter_map(|n| n["params"]["value"]["message"].as_str().map(str::to_string))
        .collect();
    assert!(
        ends.iter().any(|m| m.contains("scramble(): cancelled")),
        "{ends:?}"
    );
    assert!(c.shutdown().success());
}

#[test]
fn clients_without_resolve_get_edits_inline_as_plain_changes() {
    let mut c = LspClient::spawn();
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {},
               "initializationOptions": {"budgetMs": 5000}}),
    )
    .expect("initialize");
    c.notify("initialized", json!({}));
    let uri = "untitled:Plain";
    c.open(uri, DEMO, 1);
    wait_ready(&mut c, uri, 1);
    // No progress without the window.workDoneProgress capability.
    assert!(c
        .server_requests
        .iter()
        .all(|r| r["method"] != json!("window/workDoneProgress/create")));
    let actions = c
        .code_actions(uri, DEF_LINE, 0)
        .expect("codeAction answers");
    let edits = actions[0]["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .expect("inline edit as `changes`");
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        run_initials(dir.path(), &apply_edits(DEMO, &edits)),
        "Hopper G|Turing A"
    );
    assert!(c.shutdown().success());
}

#[test]
fn an_ambiguous_example_gives_one_action_per_behaviour_and_asks() {
    let text = "def f(xs: list[int]) -> int:\n    \"\"\"\n    >>> f([1, 2, 3])\n    3\n    \"\"\"\n    ...\n";
    let mut c = LspClient::spawn();
    c.initialize(
        false,
        json!({"docsynth": {"budgetMs": 5000, "maxActions": 3}}),
    );
    let uri = "untitled:Ambiguous";
    c.open(uri, text, 1);
    wait_ready(&mut c, uri, 1);
    let actions = c.code_actions(uri, 0, 4).expect("codeAction answers");
    let actions = actions.as_array().cloned().unwrap_or_default();
    let (implement, ask): (Vec<Value>, Vec<Value>) = actions.into_iter().partition(|a| {
        a["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Implement"))
    });
    // Length, maximum, last element, … all give 3 on [1, 2, 3] and differ elsewhere.
    assert!((2..=3).contains(&implement.len()), "{implement:#?}");
    assert_eq!(implement[0]["isPreferred"], json!(true));
    for (i, a) in implement.iter().enumerate() {
        let title = a["title"].as_str().unwrap_or("");
        assert!(title.contains("passes 1/1 examples"), "{title}");
        // Each title says how that implementation answers the distinguishing input.
        assert!(title.contains("; f(") && title.contains(" → "), "{title}");
        if i > 0 {
            assert_eq!(a["isPreferred"], json!(false));
            assert!(title.contains(&format!("alternative {}", i + 1)), "{title}");
        }
    }
    let ranks: Vec<&Value> = implement.iter().map(|a| &a["data"]["rank"]).collect();
    let mut dedup = ranks.clone();
    dedup.dedup();
    assert_eq!(ranks.len(), dedup.len(), "distinct candidates");
    // One "Add example" per distinct answer; each inserts a doctest after the last one.
    assert!(ask.len() >= 2, "{ask:#?}");
    let mut inserted = Vec::new();
    for a in &ask {
        let title = a["title"].as_str().unwrap_or("");
        assert!(title.starts_with("Add example: f("), "{title}");
        let edits = edits_of(&a["edit"], uri, 1);
        let new_text = apply_edits(text, &edits);
        let head = "def f(xs: list[int]) -> int:\n    \"\"\"\n    >>> f([1, 2, 3])\n    3\n";
        let tail = "    \"\"\"\n    ...\n";
        assert!(
            new_text.starts_with(head) && new_text.ends_with(tail),
            "{new_text}"
        );
        let added: Vec<&str> = new_text[head.len()..new_text.len() - tail.len()]
            .lines()
            .collect();
        assert_eq!(added.len(), 2, "{new_text}");
        assert!(added[0].starts_with("    >>> f("), "{new_text}");
        inserted.push(added[1].to_string());
    }
    inserted.dedup();
    assert_eq!(inserted.len(), ask.len(), "distinct answers: {inserted:?}");
    // Hovering the stub shows every offered implementation as code, with its answer.
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 4}}),
        )
        .expect("hover answers");
    let md = hover["contents"]["value"].as_str().unwrap_or("");
    assert_eq!(hover["contents"]["kind"], json!("markdown"), "{hover}");
    assert_eq!(md.matches("```python").count(), implement.len(), "{md}");
    assert!(md.contains("They disagree on `f("), "{md}");
    assert!(md.contains("return "), "{md}");
    assert!(c.shutdown().success());
}

#[test]
fn a_body_that_fails_its_examples_gets_a_verified_replacement() {
    // The body subtracts where the examples add: both examples fail.
    let text = "def add(a: int, b: int) -> int:\n    \"\"\"Return the sum of a and b.\n\n    >>> add(2, 3)\n    5\n    >>> add(10, -4)\n    6\n    \"\"\"\n    # the sum\n    return a - b\n\n\nassert add(1, 1) == 2\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("failing.py");
    std::fs::write(&path, text).expect("write");
    let uri = file_uri(&path);
    let mut c = LspClient::spawn();
    c.initialize(false, json!({"docsynth": {"budgetMs": 5000}}));
    c.open(&uri, text, 1);
    let published = c
        .wait_notification(|n| {
            n["method"] == json!("textDocument/publishDiagnostics")
                && n["params"]["uri"] == json!(uri)
                && n["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| d.iter().any(|x| x["code"] == json!("replacement-ready")))
        })
        .expect("a replacement-ready hint is published");
    let diags = published["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let failing = diags
        .iter()
        .filter(|d| d["code"] == json!("example-fails"))
        .count();
    assert_eq!(failing, 3, "{diags:#?}");
    let hint = diags
        .iter()
        .find(|d| d["code"] == json!("replacement-ready"))
        .expect("hint");
    assert_eq!(hint["range"]["start"]["line"], json!(0), "{hint}");
    assert!(
        hint["message"]
            .as_str()
            .is_some_and(|m| m.contains("add() fails 3 of 3 examples")),
        "{hint}"
    );

    // The action is offered on the def line and on the module-level assert alike.
    for (line, character) in [(0, 5), (12, 9)] {
        let actions = c
            .code_actions(&uri, line, character)
            .expect("codeAction answers");
        let top = actions[0].clone();
        assert!(
            top["title"].as_str().is_some_and(|t| t.starts_with(
                "Replace body of add() with a verified implementation — passes 3/3 examples"
            )),
            "{top}"
        );
        let resolved = c
            .request("codeAction/resolve", top.clone())
            .expect("resolve");
        let code = apply_edits(text, &edits_of(&resolved["edit"], &uri, 1));
        assert!(
            code.contains("    \"\"\"Return the sum of a and b."),
            "{code}"
        );
        assert!(!code.contains("a - b"), "the failing body is gone: {code}");
        assert!(code.ends_with("\n\n\nassert add(1, 1) == 2\n"), "{code}");
        std::fs::write(dir.path().join("fixed.py"), &code).expect("write");
        let out = Command::new("python3")
            .arg("-c")
            .arg("import fixed; print(fixed.add(20, 22), fixed.add(-1, -2))")
            .current_dir(dir.path())
            .output()
            .expect("python3 runs");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "42 -3",
            "{code}"
        );
    }
    // A passing body is left alone: no action.
    let fixed = text.replace("a - b", "a + b");
    c.change(&uri, 2, range(0, 0, 13, 0), &fixed);
    c.wait_notification(|n| {
        n["method"] == json!("textDocument/publishDiagnostics")
            && n["params"]["version"] == json!(2)
            && n["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.is_empty())
    })
    .expect("the fixed body has no diagnostics");
    let actions = c.code_actions(&uri, 0, 5).expect("codeAction answers");
    assert!(
        actions.is_null() || actions.as_array().is_some_and(|a| a.is_empty()),
        "{actions}"
    );
    assert!(c.shutdown().success());
}
