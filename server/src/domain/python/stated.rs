//! Cases the description states beyond the examples, as examples the search also fits: "or -1
//! for an empty list" is `f([]) == -1`, "or 0.0 when total is 0" is `f(part, 0) == 0.0`, "no
//! items give ''" is `f([]) == ''`. Written as examples, they reach the whole search (a
//! conditional's guard and branch, `values.index(max(values)) if values else -1`), where a
//! textual check of the result's literal only tells a fit that states it from one that does not.
//!
//! A stated case is read only where one clause states one result and one case the search can
//! build an input for: a parameter that is empty, zero or `None`. The input is the first
//! example's, with that parameter replaced. The search falls back to the user's examples alone
//! when nothing fits the stated cases too (see `PythonDomain::search_outcome`).

use crate::domain::IoExample;
use crate::intent::{stated_result_spans, StatedResult};
use crate::value::Value;

/// At most this many stated cases are added to a task's examples.
const MAX_STATED: usize = 2;

/// A case the description states that no example shows: its example, and the stated result
/// it comes from.
#[derive(Clone, Debug)]
pub(crate) struct StatedCase {
    pub(crate) example: IoExample,
    pub(crate) result: StatedResult,
    /// The parameter the case names.
    pub(crate) param: usize,
}

/// The examples `description` states for cases the examples do not show (see the module doc).
pub(crate) fn stated_examples(
    description: &str,
    param_names: &[String],
    examples: &[IoExample],
) -> Vec<IoExample> {
    stated_cases(description, param_names, examples)
        .into_iter()
        .map(|c| c.example)
        .collect()
}

/// The cases `description` states that the examples do not show, at most [`MAX_STATED`] (see
/// the module doc). A case an example shows is left out: a fit of that example may give the
/// stated result there by chance (`b / a + b / 2` for `b == 0`).
pub(crate) fn stated_cases(
    description: &str,
    param_names: &[String],
    examples: &[IoExample],
) -> Vec<StatedCase> {
    let Some(first) = examples.first() else {
        return Vec::new();
    };
    let mut out: Vec<StatedCase> = Vec::new();
    for clause in clauses(&super::hints::prose(description)) {
        let spans = stated_result_spans(&clause);
        let [(span, result)] = spans.as_slice() else {
            continue;
        };
        // The case is read from the clause without the words of its result ("an empty list" in
        // "return an empty list if n is negative" is no empty input).
        let rest = format!("{} {}", &clause[..span.start], &clause[span.end..]);
        let Some((j, value)) = stated_input(&rest, param_names, examples) else {
            continue;
        };
        let Some(output) = result_value(result, examples) else {
            continue;
        };
        // Already shown: an example with that parameter at that value, and no other parameter
        // false there (`percent_complete(0, 0) -> None` does not tell "None when total is 0"
        // from a guard on `done`).
        let shows = |e: &IoExample| {
            e.inputs.get(j) == Some(&value)
                && e.inputs
                    .iter()
                    .enumerate()
                    .all(|(k, v)| k == j || super::value::PyVal::from_value(v).truthy())
        };
        if examples.iter().any(shows) {
            continue;
        }
        // Derived from an example with another value there (the first such).
        let base = examples
            .iter()
            .find(|e| e.inputs.get(j) != Some(&value))
            .unwrap_or(first);
        let mut inputs = base.inputs.clone();
        inputs[j] = value;
        let derived = IoExample { inputs, output };
        if !out.iter().any(|c| c.example.inputs == derived.inputs) {
            out.push(StatedCase {
                example: derived,
                result: result.clone(),
                param: j,
            });
        }
        if out.len() == MAX_STATED {
            break;
        }
    }
    out
}

/// The prose's clauses: sentences and `;`-separated parts, example lines (`f(x) -> y`) left
/// out, each with its words on one line.
pub(super) fn clauses(prose: &str) -> Vec<String> {
    let text = prose
        .lines()
        .filter(|l| !is_example_line(l))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        current.push(c);
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '\'' || c == '"')
                && current
                    .chars()
                    .rev()
                    .nth(1)
                    .is_none_or(|p| !p.is_alphanumeric()) =>
            {
                quote = Some(c)
            }
            None => {
                let ends = c == ';'
                    || ((c == '.' || c == '!' || c == '?')
                        && chars.peek().is_none_or(|n| n.is_whitespace()));
                if ends {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    out.push(current);
    out.into_iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
        .collect()
}

/// A line that holds an example rather than prose: a call followed by its result.
fn is_example_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with(">>>")
        || t.starts_with('#')
        || (t.contains('(')
            && ["->", "=>", "➞", "==", "should return"]
                .iter()
                .any(|a| t.contains(a)))
}

/// The parameter a clause's case sets, and its value there.
fn stated_input(
    case: &str,
    param_names: &[String],
    examples: &[IoExample],
) -> Option<(usize, Value)> {
    let lower = case.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let column = |j: usize| examples.iter().filter_map(move |e| e.inputs.get(j));
    // "<param> is None", "<param> is 0" / "is zero".
    for (k, w) in words.iter().enumerate() {
        let Some(j) = param_names.iter().position(|p| p.to_lowercase() == *w) else {
            continue;
        };
        let verb = words.get(k + 1).copied();
        let object = words.get(k + 2).copied();
        if !matches!(verb, Some("is" | "are" | "equals" | "equal")) {
            continue;
        }
        let value = match object {
            Some("none") if column(j).all(|v| *v != Value::None) => Some(Value::None),
            Some("0" | "zero") if column(j).all(|v| matches!(v, Value::Int(_))) => {
                Some(Value::Int(0))
            }
            Some("0" | "zero")
                if column(j).all(|v| matches!(v, Value::Float(_) | Value::Int(_))) =>
            {
                Some(Value::Float(0.0))
            }
            _ => None,
        };
        if let Some(value) = value {
            return Some((j, value));
        }
    }
    // Emptiness: "for an empty list", "no items", "if there is none", "fewer than two values".
    let empty_case = words.iter().enumerate().any(|(k, w)| match *w {
        "empty" | "no" | "none" | "nothing" => true,
        "fewer" | "less" => words.get(k + 1) == Some(&"than"),
        "not" => matches!(
            words.get(k + 1).copied(),
            Some("found" | "occur" | "appear" | "exist" | "present")
        ),
        _ => false,
    });
    if !empty_case {
        return None;
    }
    let collections: Vec<usize> = (0..param_names.len())
        .filter(|&j| {
            let mut col = column(j).peekable();
            col.peek().is_some() && col.all(|v| empty_like(v).is_some())
        })
        .collect();
    let named = |j: &usize| {
        let name = param_names[*j].to_lowercase();
        words.iter().any(|w| *w == name)
    };
    let kind_named = |j: &usize| {
        let kind: &[&str] = match examples[0].inputs.get(*j) {
            Some(Value::Str(_)) => &["string", "text", "str", "line", "word", "name"],
            Some(Value::List(_) | Value::Tuple(_)) => &["list", "sequence", "items", "values"],
            Some(Value::Dict(_)) => &["dict", "dictionary", "mapping", "record"],
            Some(Value::Set(_)) => &["set", "collection", "items", "values"],
            _ => &[],
        };
        words.iter().any(|w| kind.contains(w))
    };
    let j = collections
        .iter()
        .copied()
        .find(named)
        .or_else(|| collections.iter().copied().find(kind_named))
        .or_else(|| collections.first().copied())?;
    let value = empty_like(examples[0].inputs.get(j)?)?;
    Some((j, value))
}

/// The empty value of a collection's type (`''`, `[]`, `()`, `{}`).
fn empty_like(v: &Value) -> Option<Value> {
    match v {
        Value::Str(_) => Some(Value::Str(String::new())),
        Value::List(_) => Some(Value::List(Vec::new())),
        Value::Tuple(_) => Some(Value::Tuple(Vec::new())),
        Value::Dict(_) => Some(Value::Dict(Vec::new())),
        Value::Set(_) => Some(Value::Set(Vec::new())),
        _ => None,
    }
}

/// The stated result as a value of the examples' result type; `None` where it is not one
/// ("''" stated for a function that returns lists).
fn result_value(result: &StatedResult, examples: &[IoExample]) -> Option<Value> {
    let outs = || examples.iter().map(|e| &e.output);
    match result {
        StatedResult::None => Some(Value::None),
        StatedResult::Number(n, float) => {
            let ints = outs().all(|o| matches!(o, Value::Int(_) | Value::None));
            let numbers =
                outs().all(|o| matches!(o, Value::Int(_) | Value::Float(_) | Value::None));
            if !numbers {
                return None;
            }
            if ints && !float && n.fract() == 0.0 && n.abs() < 1e15 {
                Some(Value::Int(*n as i64))
            } else {
                Some(Value::Float(*n))
            }
        }
        StatedResult::Text(t) => outs()
            .all(|o| matches!(o, Value::Str(_) | Value::None))
            .then(|| Value::Str(t.clone())),
        StatedResult::Empty(code) => {
            let want_list = *code == "[]";
            outs()
                .all(|o| match o {
                    Value::List(_) => want_list,
                    Value::Dict(_) => !want_list,
                    Value::None => true,
                    _ => false,
                })
                .then(|| {
                    if want_list {
                        Value::List(Vec::new())
                    } else {
                        Value::Dict(Vec::new())
                    }
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(inputs: Vec<Value>, output: Value) -> IoExample {
        IoExample { inputs, output }
    }

    fn names(ns: &[&str]) -> Vec<String> {
        ns.iter().map(|s| s.to_string()).collect()
    }

    fn ints(xs: &[i64]) -> Value {
        Value::List(xs.iter().map(|&x| Value::Int(x)).collect())
    }

    #[test]
    fn an_empty_case_becomes_an_example() {
        let examples = vec![
            ex(vec![ints(&[3, 9, 2])], Value::Int(1)),
            ex(vec![ints(&[5, 5, 1])], Value::Int(0)),
        ];
        let doc = "Return the index of the largest value, the first one if several are\n\
                   equal, or -1 for an empty list.\n";
        assert_eq!(
            stated_examples(doc, &names(&["values"]), &examples),
            vec![ex(vec![ints(&[])], Value::Int(-1))]
        );
        // The result opening its clause, before its case.
        let doc = "Difference between the highest and the lowest reading; 0 when there are no\n\
                   readings.\n";
        assert_eq!(
            stated_examples(doc, &names(&["readings"]), &examples),
            vec![ex(vec![ints(&[])], Value::Int(0))]
        );
        let doc = "Return the middle value (None for an empty list).";
        assert_eq!(
            stated_examples(doc, &names(&["values"]), &examples),
            vec![ex(vec![ints(&[])], Value::None)]
        );
    }

    #[test]
    fn a_zero_parameter_case_keeps_the_other_arguments() {
        let examples = vec![
            ex(
                vec![Value::Float(1.0), Value::Float(4.0)],
                Value::Float(25.0),
            ),
            ex(
                vec![Value::Float(1.0), Value::Float(3.0)],
                Value::Float(33.33),
            ),
        ];
        let doc = "Return part as a percentage of total, rounded to 2 decimal places, or 0.0 \
                   when total is 0.";
        assert_eq!(
            stated_examples(doc, &names(&["part", "total"]), &examples),
            vec![ex(
                vec![Value::Float(1.0), Value::Float(0.0)],
                Value::Float(0.0)
            )]
        );
        // An example with every parameter zero does not show which one the case names: the
        // case is stated from another example, and names its parameter.
        let examples = vec![
            ex(vec![Value::Int(3), Value::Int(4)], Value::Float(75.0)),
            ex(vec![Value::Int(0), Value::Int(0)], Value::None),
        ];
        let doc = "Return done as a percentage of total, or None when total is 0.";
        let cases = stated_cases(doc, &names(&["done", "total"]), &examples);
        assert_eq!(cases.len(), 1);
        assert_eq!(
            cases[0].example,
            ex(vec![Value::Int(3), Value::Int(0)], Value::None)
        );
        assert_eq!(cases[0].param, 1);
        // One with the other parameter nonzero shows it.
        let examples = vec![
            ex(vec![Value::Int(3), Value::Int(4)], Value::Float(75.0)),
            ex(vec![Value::Int(2), Value::Int(0)], Value::None),
        ];
        assert!(stated_cases(doc, &names(&["done", "total"]), &examples).is_empty());
    }

    #[test]
    fn the_named_collection_is_the_one_emptied() {
        let users = Value::List(vec![Value::Dict(vec![(
            Value::Str("id".into()),
            Value::Int(1),
        )])]);
        let examples = vec![ex(vec![users, Value::Int(1)], Value::Int(1))];
        let doc = "Return the first user whose 'id' equals user_id, or None if there is none.";
        let got = stated_examples(doc, &names(&["users", "user_id"]), &examples);
        assert_eq!(
            got,
            vec![ex(vec![Value::List(vec![]), Value::Int(1)], Value::None)]
        );
        let lines = vec![ex(
            vec![Value::Str("a, b".into())],
            Value::List(vec![Value::Str("a".into()), Value::Str("b".into())]),
        )];
        let doc = "Split a simple CSV line on commas. An empty line gives an empty list.";
        assert_eq!(
            stated_examples(doc, &names(&["line"]), &lines),
            vec![ex(vec![Value::Str(String::new())], Value::List(vec![]))]
        );
    }

    #[test]
    fn no_case_is_read_where_the_clause_does_not_state_one() {
        let examples = vec![ex(vec![Value::Int(3)], ints(&[1, 2, 3]))];
        // The result's own words ("an empty list") are no empty input; n is an int.
        let doc = "Return the numbers from 1 to n; return an empty list if n is negative.";
        assert!(stated_examples(doc, &names(&["n"]), &examples).is_empty());
        // Two results in one clause: which case is which is not read.
        let words = vec![ex(vec![Value::Str("a b".into())], Value::Str("b".into()))];
        let doc = "Return the last word, or '' for an empty text, or None otherwise.";
        assert!(stated_examples(doc, &names(&["text"]), &words).is_empty());
        // A result of another type than the examples'.
        let doc = "Return the last word, or 0 if the text is empty.";
        assert!(stated_examples(doc, &names(&["text"]), &words).is_empty());
        // A case the examples already show.
        let shown = vec![
            ex(vec![ints(&[3])], Value::Int(3)),
            ex(vec![ints(&[])], Value::Int(0)),
        ];
        let doc = "Return the largest value, or 0 for an empty list.";
        assert!(stated_examples(doc, &names(&["values"]), &shown).is_empty());
    }

    #[test]
    fn example_lines_and_quoted_dots_do_not_split_clauses() {
        let got = clauses(
            "Parse a version such as '3.4' or 'v2.1'. No text gives None.\nf('1.2') -> 1\n",
        );
        assert_eq!(
            got,
            vec![
                "Parse a version such as '3.4' or 'v2.1'.".to_string(),
                "No text gives None.".to_string()
            ]
        );
    }
}
