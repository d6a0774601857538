//! Asking the question that settles it: when verified candidates behave differently, the input
//! that splits them best, preferring inputs that look like the user's own (a second word, a
//! hyphenated name, an empty string, a negative number, a tie, …).
//!
//! Domain-neutral: it sees inputs as [`Value`]s and each candidate's behaviour as its outputs
//! on those inputs (`None`: the program raises or the domain cannot run it there).

use crate::domain::IoExample;
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// One candidate's behaviour, as the question sees it.
#[derive(Clone, Debug)]
pub(crate) struct Behaviour {
    /// The candidate's 1-based rank.
    pub(crate) rank: usize,
    /// How much the ranker believes it (any positive scale; only ratios matter).
    pub(crate) weight: f64,
    /// Its output on each probe input, in the order of the inputs.
    pub(crate) outputs: Vec<Option<Value>>,
}

/// The question: one input and what the candidates answer there (the `--json` contract).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The arguments, one per parameter.
    pub input: Vec<Value>,
    /// The call as Python source, e.g. `last_name('Tim Berners-Lee')`.
    pub call: String,
    /// One entry per distinct answer, the most believed first.
    pub answers: Vec<Answer>,
}

/// One distinct answer to the question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The returned value; `None` when these candidates raise.
    pub output: Option<Value>,
    /// The answer as Python source (`'Berners-Lee, T.'`), or `raises an exception`.
    pub shown: String,
    /// Ranks of the candidates giving it.
    pub clusters: Vec<usize>,
}

/// Inputs that look like the user's: each example's arguments with one argument changed the way
/// real inputs differ from the first few (more words, punctuation inside words, empty and
/// one-element values, negatives, zero, ties, reversed order). Never one of `examples`' inputs;
/// at most `limit`, the most natural first.
pub(crate) fn user_like_inputs(examples: &[IoExample], limit: usize) -> Vec<Vec<Value>> {
    let mut out: Vec<Vec<Value>> = Vec::new();
    let given: Vec<&Vec<Value>> = examples.iter().map(|e| &e.inputs).collect();
    // Round-robin over the kinds of change, so the first inputs are varied.
    let per_example: Vec<Vec<Vec<Value>>> = examples
        .iter()
        .map(|e| {
            let mut variants = Vec::new();
            for (i, arg) in e.inputs.iter().enumerate() {
                for m in mutations(arg) {
                    let mut inputs = e.inputs.clone();
                    inputs[i] = m;
                    variants.push(inputs);
                }
            }
            variants
        })
        .collect();
    let longest = per_example.iter().map(Vec::len).max().unwrap_or(0);
    for k in 0..longest {
        for variants in &per_example {
            if let Some(v) = variants.get(k) {
                if !given.contains(&v) && !out.contains(v) {
                    out.push(v.clone());
                    if out.len() >= limit {
                        return out;
                    }
                }
            }
        }
    }
    out
}

/// Natural variations of one value, most telling first.
fn mutations(v: &Value) -> Vec<Value> {
    match v {
        Value::Str(s) => string_mutations(s).into_iter().map(Value::Str).collect(),
        Value::Int(n) => {
            let mut out = vec![
                -n.saturating_abs().max(1),
                0,
                n.saturating_add(1),
                n.saturating_mul(10),
            ];
            out.retain(|m| m != n);
            out.into_iter().map(Value::Int).collect()
        }
        Value::Float(x) => {
            let mut out = vec![-x.abs().max(0.5), 0.0, x + 0.5];
            out.retain(|m| m != x);
            out.into_iter().map(Value::Float).collect()
        }
        Value::Bool(b) => vec![Value::Bool(!b)],
        Value::List(items) => sequence_mutations(items)
            .into_iter()
            .map(Value::List)
            .collect(),
        Value::Tuple(items) => sequence_mutations(items)
            .into_iter()
            .map(Value::Tuple)
            .collect(),
        Value::Set(items) => {
            let mut out = vec![Value::Set(Vec::new())];
            if items.len() > 1 {
                out.push(Value::Set(items[..1].to_vec()));
            }
            out
        }
        Value::Dict(pairs) => {
            let mut out = vec![Value::Dict(Vec::new())];
            if pairs.len() > 1 {
                out.push(Value::Dict(pairs[..1].to_vec()));
            }
            out
        }
        Value::None => Vec::new(),
    }
}

fn string_mutations(s: &str) -> Vec<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = Vec::new();
    if let Some(last) = words.last() {
        // A hyphenated last word ("Tim Berners-Lee") and one with an apostrophe ("O'Brien").
        let capital = last.chars().next().is_some_and(char::is_uppercase);
        let extra = if capital { "Lee" } else { "lee" };
        let mut hyphen = words.clone();
        let joined = format!("{last}-{extra}");
        if let Some(w) = hyphen.last_mut() {
            *w = &joined;
        }
        if words.len() > 1 {
            out.push(hyphen.join(" "));
        }
        // Another first word ("Grace Lovelace"): initials and first names differ.
        if words.len() >= 2 {
            let mut other = words.clone();
            other[0] = if capital { "Grace" } else { "grace" };
            out.push(other.join(" "));
        }
        // One more word in the middle ("Ada King Lovelace").
        if words.len() >= 2 {
            let mut more = words.clone();
            let middle = if capital { "King" } else { "king" };
            more.insert(words.len() - 1, middle);
            out.push(more.join(" "));
        } else {
            out.push(format!("{s} {last}"));
        }
        let mut chars = last.chars();
        let apostrophe = match chars.next() {
            Some(c0) => format!("{c0}'{}", chars.as_str()),
            None => last.to_string(),
        };
        if words.len() > 1 && apostrophe != *last {
            let mut ap = words.clone();
            if let Some(w) = ap.last_mut() {
                *w = &apostrophe;
            }
            out.push(ap.join(" "));
        }
    }
    out.push(String::new());
    if let Some(first) = s.chars().next() {
        out.push(first.to_string());
    }
    let upper = s.to_uppercase();
    if upper != s {
        out.push(upper);
    }
    let lower = s.to_lowercase();
    if lower != s {
        out.push(lower);
    }
    if !s.is_empty() {
        out.push(format!(" {s} "));
    }
    if s.contains('.') {
        // "archive.tar.gz" for "report.txt".
        out.push(format!("{s}.gz"));
    }
    out.retain(|m| m != s);
    out
}

fn sequence_mutations(items: &[Value]) -> Vec<Vec<Value>> {
    let mut out = vec![Vec::new()];
    if let Some(first) = items.first() {
        out.push(vec![first.clone()]);
        // A tie: the first element repeated.
        let mut tie = items.to_vec();
        tie.push(first.clone());
        out.push(tie);
    }
    if items.len() > 1 {
        let mut rev = items.to_vec();
        rev.reverse();
        out.push(rev);
    }
    if let Some(Value::Int(n)) = items.iter().find(|v| matches!(v, Value::Int(_))) {
        let mut neg = items.to_vec();
        neg.push(Value::Int(-n.saturating_abs().max(1)));
        out.push(neg);
    }
    out.retain(|m| m != items);
    out
}

/// An input like the user's is asked about when it tells at least this share of what the most
/// telling input would.
const NEARLY_AS_TELLING: f64 = 0.75;

/// How much an input with an empty argument (`''`, `[]`, `{}`, or a one-character string)
/// tells, relative to its entropy.
const EMPTY_INPUT_WEIGHT: f64 = 0.5;

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Str(s) => s.chars().nth(1).is_none(),
        Value::List(xs) | Value::Tuple(xs) | Value::Set(xs) => xs.is_empty(),
        Value::Dict(kv) => kv.is_empty(),
        _ => false,
    }
}

/// The probe input whose answers split the candidates best (most expected information, by
/// their weights), or `None` when every input gets one answer from all of them. Earlier inputs
/// win ties, so put the user-like ones first.
pub(crate) fn best_question(
    function: &str,
    inputs: &[Vec<Value>],
    behaviours: &[Behaviour],
) -> Option<Question> {
    if behaviours.len() < 2 {
        return None;
    }
    let total: f64 = behaviours.iter().map(|b| b.weight.max(1e-9)).sum();
    let entropies: Vec<f64> = (0..inputs.len())
        .map(|j| {
            let groups = group_by_output(behaviours, j);
            if groups.len() < 2 {
                return 0.0;
            }
            // Expected information of the answer (entropy of the weighted partition): an input
            // that splits the likely candidates evenly beats one that sets apart an unlikely one.
            groups
                .iter()
                .map(|(_, members)| {
                    let p: f64 = members
                        .iter()
                        .map(|&i| behaviours[i].weight.max(1e-9))
                        .sum::<f64>()
                        / total;
                    -p * p.ln()
                })
                .sum()
        })
        .collect();
    // An empty (or one-character) argument is asked about only when typical inputs cannot split the candidates
    // as well: its answer tells which constants a program adds, little about what it does
    // with real input, and a program fitting it is often out of the search's reach.
    let entropies: Vec<f64> = entropies
        .iter()
        .zip(inputs)
        .map(|(e, input)| {
            if input.iter().any(is_empty) {
                e * EMPTY_INPUT_WEIGHT
            } else {
                *e
            }
        })
        .collect();
    let most = entropies.iter().copied().fold(0.0, f64::max);
    if most <= 0.0 {
        return None;
    }
    // The earliest input (user-like ones come first) that is nearly as telling as the best,
    // a typical one before an empty one.
    let telling = |j: &usize| entropies[*j] >= NEARLY_AS_TELLING * most;
    let j = (0..inputs.len())
        .filter(telling)
        .find(|&j| !inputs[j].iter().any(is_empty))
        .or_else(|| (0..inputs.len()).find(telling))?;
    let mut groups = group_by_output(behaviours, j);
    groups.sort_by(|a, b| {
        let wa: f64 = a.1.iter().map(|&i| behaviours[i].weight).sum();
        let wb: f64 = b.1.iter().map(|&i| behaviours[i].weight).sum();
        wb.total_cmp(&wa)
    });
    let input = inputs[j].clone();
    let call = format!(
        "{function}({})",
        input
            .iter()
            .map(Value::to_python_repr)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let answers = groups
        .into_iter()
        .map(|(output, members)| Answer {
            shown: output
                .as_ref()
                .map_or_else(|| "raises an exception".to_string(), Value::to_python_repr),
            output,
            clusters: {
                let mut ranks: Vec<usize> = members.iter().map(|&i| behaviours[i].rank).collect();
                ranks.sort_unstable();
                ranks
            },
        })
        .collect();
    Some(Question {
        input,
        call,
        answers,
    })
}

fn group_by_output(behaviours: &[Behaviour], j: usize) -> Vec<(Option<Value>, Vec<usize>)> {
    let mut groups: Vec<(Option<Value>, Vec<usize>)> = Vec::new();
    for (i, b) in behaviours.iter().enumerate() {
        let out = b.outputs.get(j).cloned().flatten();
        match groups.iter_mut().find(|(o, _)| *o == out) {
            Some((_, members)) => members.push(i),
            None => groups.push((out, vec![i])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Value {
        Value::Str(x.into())
    }

    #[test]
    fn user_like_inputs_vary_the_users_own_values() {
        let examples = vec![IoExample {
            inputs: vec![s("Ada Lovelace")],
            output: s("Lovelace, A."),
        }];
        let inputs = user_like_inputs(&examples, 50);
        assert!(inputs.contains(&vec![s("Ada Lovelace-Lee")]), "{inputs:?}");
        assert!(inputs.contains(&vec![s("Ada King Lovelace")]), "{inputs:?}");
        assert!(inputs.contains(&vec![s("")]), "{inputs:?}");
        assert!(!inputs.contains(&vec![s("Ada Lovelace")]));
        let ints = user_like_inputs(
            &[IoExample {
                inputs: vec![Value::List(vec![Value::Int(3), Value::Int(1)])],
                output: Value::Int(3),
            }],
            50,
        );
        assert!(ints.contains(&vec![Value::List(vec![])]));
        assert!(ints.contains(&vec![Value::List(vec![
            Value::Int(3),
            Value::Int(1),
            Value::Int(-3)
        ])]));
    }

    #[test]
    fn the_question_splits_the_likely_candidates() {
        let inputs = vec![vec![s("a")], vec![s("b c")], vec![s("d-e f")]];
        let behaviours = vec![
            Behaviour {
                rank: 1,
                weight: 0.5,
                outputs: vec![Some(s("A")), Some(s("C")), Some(s("F"))],
            },
            Behaviour {
                rank: 2,
                weight: 0.4,
                outputs: vec![Some(s("A")), Some(s("C")), Some(s("E F"))],
            },
            Behaviour {
                rank: 3,
                weight: 0.1,
                outputs: vec![Some(s("A")), None, Some(s("F"))],
            },
        ];
        let q = best_question("f", &inputs, &behaviours).expect("a question");
        assert_eq!(q.input, vec![s("d-e f")]);
        assert_eq!(q.call, "f('d-e f')");
        assert_eq!(q.answers.len(), 2);
        assert_eq!(q.answers[0].clusters, vec![1, 3]);
        assert_eq!(q.answers[1].shown, "'E F'");
    }

    #[test]
    fn an_empty_input_is_asked_only_when_typical_ones_split_less_than_half_as_well() {
        // '' splits all three apart; 'b c' only sets the third apart.
        let inputs = vec![vec![s("")], vec![s("b c")]];
        let behaviour = |rank, empty: &str, typical: &str| Behaviour {
            rank,
            weight: 1.0,
            outputs: vec![Some(s(empty)), Some(s(typical))],
        };
        let split = vec![
            behaviour(1, "x", "B"),
            behaviour(2, "y", "B"),
            behaviour(3, "z", "C"),
        ];
        let q = best_question("f", &inputs, &split).expect("a question");
        assert_eq!(q.input, vec![s("b c")]);
        // When no typical input splits them, the empty one is asked.
        let only_empty = vec![behaviour(1, "x", "B"), behaviour(2, "y", "B")];
        let q = best_question("f", &inputs, &only_empty).expect("a question");
        assert_eq!(q.input, vec![s("")]);
    }

    #[test]
    fn no_question_when_all_agree() {
        let inputs = vec![vec![Value::Int(1)]];
        let same = |rank| Behaviour {
            rank,
            weight: 1.0,
            outputs: vec![Some(Value::Int(2))],
        };
        assert!(best_question("f", &inputs, &[same(1), same(2)]).is_none());
        assert!(best_question("f", &inputs, &[same(1)]).is_none());
    }
}
