//! Reproduces every ExeDec RobustFill test task exactly: decode `program_token_ids`, check the
//! text form against `program`, run on each example's input, compare with the output.

use docsynth::domain::strings::{dsl, interp, tokens};
use std::path::PathBuf;

fn benchmarks_dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        manifest.join("../../shared/benchmarks"),
        manifest.join("../../../shared/benchmarks"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

#[test]
fn reproduces_all_exedec_robustfill_tasks() {
    let Some(dir) = benchmarks_dir() else {
        eprintln!("note: ../shared/benchmarks not found; skipping the ExeDec reproduction test");
        return;
    };
    let text = std::fs::read_to_string(dir.join("exedec_robustfill_test.jsonl"))
        .expect("read exedec_robustfill_test.jsonl");
    let mut tasks = 0;
    let mut examples = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let task: serde_json::Value = serde_json::from_str(line).expect("json");
        let name = task["name"].as_str().unwrap_or("?");
        let ids: Vec<u32> = task["program_token_ids"]
            .as_str()
            .expect("program_token_ids")
            .split(['|', ' '])
            .filter(|t| !t.is_empty())
            .map(|t| t.parse().expect("token id"))
            .collect();
        let program = tokens::decode(&ids).unwrap_or_else(|| panic!("{name}: decode failed"));
        assert_eq!(
            program.to_string(),
            task["program"].as_str().unwrap_or(""),
            "{name}: text form"
        );
        assert_eq!(
            tokens::encode(&program).as_deref(),
            Some(&ids[..]),
            "{name}: re-encoding"
        );
        for ex in task["examples"].as_array().expect("examples") {
            let input = ex["inputs"][0].as_str().expect("input");
            let want = ex["output"].as_str().expect("output");
            let got = interp::run(&program, &[input.as_bytes()]).expect("runs");
            assert_eq!(
                String::from_utf8_lossy(&got),
                want,
                "{name}: {program} on {input:?}"
            );
            examples += 1;
        }
        tasks += 1;
    }
    assert_eq!(tasks, 6000);
    let _ = dsl::Program::default();
    eprintln!("reproduced {tasks} tasks, {examples} examples");
}
