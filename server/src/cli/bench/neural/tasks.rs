//! Task files of `docsynth bench neural`: `docsynth datagen` JSONL (either domain) and the ExeDec
//! test sets (RobustFill strings, DeepCoder lists in the DSL's text form), each task with the
//! token length of its reference program.

use std::path::Path;

use anyhow::Context;

use crate::domain::lists::{load_exedec_tasks, text_form, tokens as list_tokens};
use crate::domain::{IoExample, Task};
use crate::value::Value;

/// One benchmark task.
#[derive(Clone, Debug)]
pub struct BenchTask {
    /// The examples to reproduce.
    pub task: Task,
    /// Tokens in the reference program (no BOS/EOS), when known.
    pub reference_len: Option<usize>,
}

/// The tasks of one file and the domain they belong to.
#[derive(Clone, Debug)]
pub struct TaskFile {
    /// `strings` or `lists`.
    pub domain: &'static str,
    /// The tasks kept (split filter and limit applied).
    pub tasks: Vec<BenchTask>,
}

/// A JSON example value as a Python value (`null`, bools, ints, floats, strings, arrays).
fn json_value(j: &serde_json::Value) -> anyhow::Result<Value> {
    use serde_json::Value as J;
    Ok(match j {
        J::Null => Value::None,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().context("number out of range")?),
        },
        J::String(s) => Value::Str(s.clone()),
        J::Array(xs) => Value::List(xs.iter().map(json_value).collect::<Result<_, _>>()?),
        J::Object(_) => anyhow::bail!("objects are not example values"),
    })
}

fn is_str(v: &Value) -> bool {
    matches!(v, Value::Str(_))
}

/// The domain of a task's examples: `strings` when every value is a string, else `lists`.
fn domain_of(task: &Task) -> &'static str {
    let all_str = task
        .examples
        .iter()
        .all(|e| e.inputs.iter().all(is_str) && is_str(&e.output));
    if all_str {
        "strings"
    } else {
        "lists"
    }
}

/// Reference length from `tokens` (datagen) or `program_token_ids` (ExeDec RobustFill: ids
/// separated by spaces and `|`).
fn reference_len(record: &serde_json::Value) -> Option<usize> {
    if let Some(t) = record.get("tokens").and_then(|t| t.as_array()) {
        return Some(t.len());
    }
    let ids = record.get("program_token_ids")?.as_str()?;
    Some(
        ids.split(|c: char| c.is_whitespace() || c == '|')
            .filter(|s| !s.is_empty())
            .count(),
    )
}

fn split_wanted(split: Option<&str>, splits: &[String]) -> bool {
    match split {
        None => true,
        Some(s) => splits.is_empty() || splits.iter().any(|w| w == s),
    }
}

/// The ExeDec DeepCoder test file (examples in the DSL's text form).
fn load_deepcoder(
    path: &Path,
    splits: &[String],
    limit: Option<usize>,
) -> anyhow::Result<Vec<BenchTask>> {
    let mut out = Vec::new();
    for (split, task, program) in load_exedec_tasks(path)? {
        if !split_wanted(Some(&split), splits) {
            continue;
        }
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        let reference_len = text_form::parse_program(&program)
            .ok()
            .map(|p| list_tokens::program_tokens(&p).len());
        out.push(BenchTask {
            task,
            reference_len,
        });
    }
    Ok(out)
}

/// Loads a task file: datagen JSONL or an ExeDec test file. Lines with a `split` outside
/// `splits` (all when empty) are skipped; at most `limit` tasks are kept.
pub fn load(path: &Path, splits: &[String], limit: Option<usize>) -> anyhow::Result<TaskFile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let first: Option<serde_json::Value> = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .transpose()
        .with_context(|| format!("{}: first line", path.display()))?;
    let text_form_inputs = first
        .as_ref()
        .and_then(|j| j.pointer("/examples/0/inputs"))
        .is_some_and(|v| v.is_string());
    if text_form_inputs {
        return Ok(TaskFile {
            domain: "lists",
            tasks: load_deepcoder(path, splits, limit)?,
        });
    }
    let mut tasks = Vec::new();
    let mut domain = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if limit.is_some_and(|l| tasks.len() >= l) {
            break;
        }
        let at = || format!("{}:{}", path.display(), i + 1);
        let record: serde_json::Value = serde_json::from_str(line).with_context(at)?;
        if !split_wanted(record.get("split").and_then(|s| s.as_str()), splits) {
            continue;
        }
        let mut examples = Vec::new();
        for e in record
            .get("examples")
            .and_then(|e| e.as_array())
            .with_context(|| format!("{}: no examples", at()))?
        {
            let inputs = e
                .get("inputs")
                .and_then(|i| i.as_array())
                .with_context(|| format!("{}: example without inputs", at()))?
                .iter()
                .map(json_value)
                .collect::<anyhow::Result<Vec<_>>>()
                .with_context(at)?;
            let output = json_value(
                e.get("output")
                    .with_context(|| format!("{}: example without output", at()))?,
            )
            .with_context(at)?;
            examples.push(IoExample { inputs, output });
        }
        let n = examples.first().map_or(0, |e| e.inputs.len());
        let task = Task {
            param_names: (0..n).map(|k| format!("x{k}")).collect(),
            examples,
            held_out: Vec::new(),
            ..Default::default()
        };
        domain.get_or_insert(domain_of(&task));
        tasks.push(BenchTask {
            reference_len: reference_len(&record),
            task,
        });
    }
    Ok(TaskFile {
        domain: domain.unwrap_or("strings"),
        tasks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(lines: &[&str]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().expect("tempfile");
        for l in lines {
            writeln!(f, "{l}").expect("write");
        }
        f
    }

    #[test]
    fn datagen_lists_lines_are_lists_tasks() {
        let f = file(&[
            r#"{"program": "x0 = INPUT | x1 = Sum x0", "tokens": [42, 4, 5, 3, 43, 4, 17, 42], "examples": [{"inputs": [[1, 2], 3], "output": 3}], "held_out": []}"#,
        ]);
        let t = load(f.path(), &[], None).expect("loads");
        assert_eq!(t.domain, "lists");
        assert_eq!(t.tasks.len(), 1);
        assert_eq!(t.tasks[0].reference_len, Some(8));
        let ex = &t.tasks[0].task.examples[0];
        assert_eq!(
            ex.inputs,
            vec![
                Value::List(vec![Value::Int(1), Value::Int(2)]),
                Value::Int(3)
            ]
        );
        assert_eq!(ex.output, Value::Int(3));
    }

    #[test]
    fn exedec_robustfill_lines_keep_the_wanted_split() {
        let f = file(&[
            r#"{"split": "NONE", "examples": [{"inputs": ["ab"], "output": "AB"}], "program_token_ids": "4 29|7 109 211"}"#,
            r#"{"split": "LENGTH_GENERALIZATION", "examples": [{"inputs": ["a"], "output": "A"}], "program_token_ids": "8 110"}"#,
        ]);
        let t = load(f.path(), &["NONE".to_string()], None).expect("loads");
        assert_eq!(t.domain, "strings");
        assert_eq!(t.tasks.len(), 1);
        assert_eq!(t.tasks[0].reference_len, Some(5));
        let all = load(f.path(), &[], Some(5)).expect("loads");
        assert_eq!(all.tasks.len(), 2);
    }

    #[test]
    fn exedec_deepcoder_text_form_is_parsed() {
        let f = file(&[
            r#"{"split": "NONE", "examples": [{"inputs": "x0 = [ 1 0 ] | x1 = 2", "output": "[ 1 ]"}], "program": "x0 = INPUT | x1 = INPUT | x2 = Take x1 x0 | x3 = Sort x2"}"#,
            r#"{"split": "NONE", "examples": [{"inputs": "x0 = [ 3 ]", "output": "3"}], "program": "x0 = INPUT | x1 = Sum x0"}"#,
        ]);
        let t = load(f.path(), &["NONE".to_string()], Some(1)).expect("loads");
        assert_eq!(t.domain, "lists");
        assert_eq!(t.tasks.len(), 1);
        // x0 = INPUT | x1 = INPUT | x2 = Take x1 x0 | x3 = Sort x2
        assert_eq!(t.tasks[0].reference_len, Some(3 + 1 + 3 + 1 + 5 + 1 + 4));
        assert_eq!(t.tasks[0].task.examples[0].inputs[1], Value::Int(2));
    }
}
