//! Examples the description implies by an invariance it states: "ignoring case" is
//! `f('PHOTO.jpg', ...) == f('photo.JPG', ...)`, "empty strings are skipped" is
//! `f(['apple', '', 'banana']) == f(['apple', 'banana'])`, "drop duplicates" is
//! `f([a, b, b]) == f([a, b])`. Each is one of the user's examples with its input changed in a
//! way the description says makes no difference, and its output kept.
//!
//! Two examples rarely show such a rule (neither has an empty string or an upper-case letter
//! the rule is about), so a fit of the examples alone leaves it out: `word[0].lower()` groups
//! words without skipping the empty one. As examples, the rules reach the whole search (the
//! comprehension's filter, the `.lower()` of both sides), and the ranking counts a candidate
//! that breaks one as leaving out what the description says. The search falls back to the
//! user's examples alone when nothing fits the derived ones too, as for stated cases.

use super::hints::prose;
use super::stated::clauses;
use crate::domain::IoExample;
use crate::value::Value;

/// At most this many derived examples are added to a task's examples.
const MAX_DERIVED: usize = 3;

/// A change of input the description says leaves the result alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Invariance {
    /// "ignoring case", "case-insensitive": the letters' case of the text parameters.
    Case,
    /// "ignoring spaces", "spaces are ignored": a space inside a text parameter.
    Spaces,
    /// "ignoring surrounding whitespace": spaces around a text parameter; "leading" or
    /// "trailing" alone, on that side only ("without leading spaces" keeps the trailing).
    SurroundingSpace { before: bool, after: bool },
    /// "ignoring its sign": a number parameter negated.
    Sign,
    /// "empty strings are skipped", "drop blank entries": an empty (or, for "blank", a
    /// whitespace-only) string among a list's strings; a blank line in a text of lines.
    Blank { whitespace: bool },
    /// "drop duplicates", "without repeated tags": a list's last element repeated.
    Duplicate,
    /// "skipping rows that lack it": an empty dict among a list's dicts.
    MissingField,
    /// "ignoring punctuation", "keeping only letters": a `'!'` after a text parameter.
    Punctuation,
}

/// Words that say a thing is left out or makes no difference (before what they are about:
/// "ignoring case", "skipping blank lines").
const ACTIVE: &[&str] = &[
    "ignore",
    "ignores",
    "ignoring",
    "disregard",
    "disregarding",
    "skip",
    "skips",
    "skipping",
    "drop",
    "drops",
    "dropping",
    "remove",
    "removes",
    "removing",
    "omit",
    "omitting",
    "exclude",
    "excluding",
    "without",
    "regardless",
    "discard",
    "discarding",
];

/// The same after what they are about: "spaces are ignored", "empty strings are skipped".
const PASSIVE: &[&str] = &[
    "ignored",
    "skipped",
    "dropped",
    "removed",
    "omitted",
    "excluded",
    "discarded",
    "insensitive",
];

/// Words a rule's window reaches (after an active word, before a passive one).
const WINDOW: usize = 6;

/// The invariances `description` states.
fn invariances(description: &str) -> Vec<Invariance> {
    let mut out: Vec<Invariance> = Vec::new();
    for clause in clauses(&prose(description)) {
        let lower = clause.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        // A count of what is left out is no invariance ("how many duplicates were removed").
        let counts = lower.contains("how many") || lower.contains("number of");
        let only_letters = [
            "only letters",
            "letters only",
            "only the letters",
            "only alphanumeric",
        ]
        .iter()
        .any(|p| lower.contains(p));
        if only_letters && !out.contains(&Invariance::Punctuation) {
            out.push(Invariance::Punctuation);
        }
        for (k, w) in words.iter().enumerate() {
            let window: &[&str] = if ACTIVE.contains(w) {
                &words[k + 1..(k + 1 + WINDOW).min(words.len())]
            } else if PASSIVE.contains(w) {
                &words[k.saturating_sub(WINDOW)..k]
            } else if *w == "case-insensitive" {
                &["case"]
            } else {
                continue;
            };
            // The window ends at a word that starts another rule or result.
            let end = window
                .iter()
                .position(|x| matches!(*x, "but" | "return" | "returns" | "then" | "keep"))
                .unwrap_or(window.len());
            let window = &window[..end];
            let has = |ws: &[&str]| window.iter().any(|x| ws.contains(x));
            let mut found: Vec<Invariance> = Vec::new();
            if has(&["case", "capitalization", "capitalisation"]) {
                found.push(Invariance::Case);
            }
            if has(&["sign"]) {
                found.push(Invariance::Sign);
            }
            if has(&["space", "spaces", "whitespace"]) {
                let around = has(&["surrounding"]);
                let (before, after) = (around || has(&["leading"]), around || has(&["trailing"]));
                if before || after {
                    found.push(Invariance::SurroundingSpace { before, after });
                } else if !has(&["empty", "blank", "whitespace-only"]) {
                    found.push(Invariance::Spaces);
                }
            }
            if has(&["empty", "blank", "whitespace-only"]) {
                found.push(Invariance::Blank {
                    whitespace: has(&["blank", "whitespace-only", "whitespace"]),
                });
            }
            if !counts && has(&["duplicate", "duplicates", "repeated", "repeats"]) {
                found.push(Invariance::Duplicate);
            }
            if has(&["lack", "lacks", "lacking", "missing"]) {
                found.push(Invariance::MissingField);
            }
            if has(&["punctuation", "non-letters", "non-alphanumeric"]) {
                found.push(Invariance::Punctuation);
            }
            for i in found {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
    }
    out
}

/// The examples `description` implies by the invariances it states (see the module doc), at
/// most [`MAX_DERIVED`]: for each, the first example whose input the change alters, changed,
/// with its output; for case, one for each text parameter (`.lower()` of the file name and of
/// the allowed extensions are two rules). None repeats an example's input.
pub(crate) fn invariance_examples(description: &str, examples: &[IoExample]) -> Vec<IoExample> {
    let mut out: Vec<IoExample> = Vec::new();
    let arity = examples.first().map_or(0, |e| e.inputs.len());
    for invariance in invariances(description) {
        let mut derived: Vec<IoExample> = Vec::new();
        // Examples with a result first. For case, only those: an empty result does not tell
        // the rule from its absence (`[]` for a prefix no word starts with, in any case).
        let mut order: Vec<&IoExample> = examples
            .iter()
            .filter(|e| invariance != Invariance::Case || !is_empty(&e.output))
            .collect();
        order.sort_by_key(|e| is_empty(&e.output));
        for j in 0..arity {
            let first = order.iter().find_map(|e| {
                let v = changed(invariance, e.inputs.get(j)?, &e.output)?;
                let mut inputs = e.inputs.clone();
                inputs[j] = v;
                Some(IoExample {
                    inputs,
                    output: e.output.clone(),
                })
            });
            derived.extend(first);
            // One parameter changed, but for the case: "ignoring case" holds of every text
            // the function compares.
            if invariance != Invariance::Case && !derived.is_empty() {
                break;
            }
        }
        for d in derived {
            let known = examples.iter().chain(&out).any(|e| e.inputs == d.inputs);
            if !known && out.len() < MAX_DERIVED {
                out.push(d);
            }
        }
    }
    out
}

/// A parameter's value changed as `invariance` says makes no difference to `output`; `None`
/// where it is no such value, or the change would alter nothing.
fn changed(invariance: Invariance, v: &Value, output: &Value) -> Option<Value> {
    match invariance {
        Invariance::Case => other_case(v, output),
        Invariance::Spaces => match v {
            Value::Str(s) if !has_spaced_text(output) => inner_space(s).map(Value::Str),
            _ => None,
        },
        Invariance::SurroundingSpace { before, after } => match v {
            Value::Str(s) if !s.trim().is_empty() => {
                let side = |on: bool| if on { " " } else { "" };
                Some(Value::Str(format!("{}{s}{}", side(before), side(after))))
            }
            _ => None,
        },
        Invariance::Sign => match v {
            Value::Int(n) if *n != 0 => n.checked_neg().map(Value::Int),
            Value::Float(x) if *x != 0.0 && x.is_finite() => Some(Value::Float(-x)),
            _ => None,
        },
        Invariance::Blank { whitespace } => blank_added(v, whitespace),
        Invariance::Duplicate => match v {
            Value::List(xs) => xs.last().map(|last| {
                let mut xs = xs.clone();
                xs.push(last.clone());
                Value::List(xs)
            }),
            _ => None,
        },
        Invariance::Punctuation => match v {
            Value::Str(s) if s.chars().any(char::is_alphabetic) && !has_punctuation(output) => {
                Some(Value::Str(format!("{s}!")))
            }
            _ => None,
        },
        Invariance::MissingField => match v {
            Value::List(xs) if !xs.is_empty() && xs.iter().all(|x| matches!(x, Value::Dict(_))) => {
                let mut xs = xs.clone();
                xs.insert(1, Value::Dict(Vec::new()));
                Some(Value::List(xs))
            }
            _ => None,
        },
    }
}

/// A text (or a list of texts) in lower case where it has an upper-case letter, else in upper
/// case (`.swapcase()` would undo a swapped case), where the output holds no text that shares
/// letters with it (`'Hello'` from `'hello world'` would change with it).
fn other_case(v: &Value, output: &Value) -> Option<Value> {
    let swapped = |s: &str| -> Option<String> {
        let t = if s.chars().any(char::is_uppercase) {
            s.to_lowercase()
        } else {
            s.to_uppercase()
        };
        (t != s && !overlaps(output, s)).then_some(t)
    };
    match v {
        Value::Str(s) => swapped(s).map(Value::Str),
        Value::List(xs) if !xs.is_empty() && xs.iter().all(|x| matches!(x, Value::Str(_))) => {
            let mut any = false;
            let mut out = Vec::with_capacity(xs.len());
            for x in xs {
                let Value::Str(s) = x else { return None };
                match swapped(s) {
                    Some(t) => {
                        any = true;
                        out.push(Value::Str(t));
                    }
                    None if s.chars().any(char::is_alphabetic) => return None,
                    None => out.push(x.clone()),
                }
            }
            any.then_some(Value::List(out))
        }
        _ => None,
    }
}

/// Whether a text with letters in `output` is part of `s` (case ignored): the first word of a
/// text, the text itself. A longer text that holds it (`'Apple'` for the prefix `'ap'`) is
/// another parameter's.
fn overlaps(output: &Value, s: &str) -> bool {
    let s = s.to_lowercase();
    let mut texts = Vec::new();
    collect_texts(output, &mut texts);
    texts.iter().any(|t| {
        let t = t.to_lowercase();
        t.chars().any(char::is_alphabetic) && s.contains(&t)
    })
}

/// Whether `output` holds a text with punctuation (the input's may show there).
fn has_punctuation(output: &Value) -> bool {
    let mut texts = Vec::new();
    collect_texts(output, &mut texts);
    texts
        .iter()
        .any(|t| t.chars().any(|c| c.is_ascii_punctuation()))
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Str(s) => s.is_empty(),
        Value::List(xs) | Value::Tuple(xs) | Value::Set(xs) => xs.is_empty(),
        Value::Dict(kv) => kv.is_empty(),
        Value::None => true,
        _ => false,
    }
}

/// Whether `output` holds a text with a space (a space added to the input may show there).
fn has_spaced_text(output: &Value) -> bool {
    let mut texts = Vec::new();
    collect_texts(output, &mut texts);
    matches!(output, Value::Str(_)) || texts.iter().any(|t| t.contains(' '))
}

fn collect_texts<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::Str(s) => out.push(s),
        Value::List(xs) | Value::Tuple(xs) | Value::Set(xs) => {
            xs.iter().for_each(|x| collect_texts(x, out))
        }
        Value::Dict(kv) => kv.iter().for_each(|(k, x)| {
            collect_texts(k, out);
            collect_texts(x, out);
        }),
        _ => {}
    }
}

/// `s` with a space between its two middle non-space characters.
fn inner_space(s: &str) -> Option<String> {
    let cs: Vec<char> = s.chars().collect();
    let mid = cs.len() / 2;
    // The cut nearest the middle with non-space characters on both sides.
    let cut = (1..cs.len())
        .filter(|&i| !cs[i - 1].is_whitespace() && !cs[i].is_whitespace())
        .min_by_key(|&i| i.abs_diff(mid))?;
    let mut out: String = cs[..cut].iter().collect();
    out.push(' ');
    out.extend(&cs[cut..]);
    Some(out)
}

/// A list of texts with an empty (or whitespace-only) one after its first; a text of lines
/// with an empty line after its first.
fn blank_added(v: &Value, whitespace: bool) -> Option<Value> {
    let blank = if whitespace { "  " } else { "" };
    match v {
        Value::List(xs) if !xs.is_empty() && xs.iter().all(|x| matches!(x, Value::Str(_))) => {
            let mut xs = xs.clone();
            xs.insert(1, Value::Str(blank.to_string()));
            Some(Value::List(xs))
        }
        Value::Str(s) if s.trim_end().contains('\n') => {
            let i = s.find('\n')?;
            Some(Value::Str(format!("{}\n{blank}{}", &s[..i], &s[i..])))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(inputs: Vec<Value>, output: Value) -> IoExample {
        IoExample { inputs, output }
    }

    fn s(t: &str) -> Value {
        Value::Str(t.to_string())
    }

    fn strs(ts: &[&str]) -> Value {
        Value::List(ts.iter().map(|t| s(t)).collect())
    }

    #[test]
    fn stated_invariances_are_read() {
        use Invariance::*;
        let cases: &[(&str, &[Invariance])] = &[
            ("Count the vowels in text, ignoring case.", &[Case]),
            (
                "Check whether text reads the same backwards, ignoring case, spaces and punctuation.",
                &[Case, Spaces, Punctuation],
            ),
            ("Check a card number with the Luhn checksum; spaces are ignored.", &[Spaces]),
            ("Return the sum of the digits of n, ignoring its sign.", &[Sign]),
            (
                "Parse a port, ignoring surrounding whitespace.",
                &[SurroundingSpace {
                    before: true,
                    after: true,
                }],
            ),
            (
                "The name without leading spaces.",
                &[SurroundingSpace {
                    before: true,
                    after: false,
                }],
            ),
            (
                "Group words by first letter; empty strings are skipped.",
                &[Blank { whitespace: false }],
            ),
            (
                "Trim emails, drop blank entries and duplicates, and return them sorted.",
                &[Blank { whitespace: true }, Duplicate],
            ),
            ("Return the value of a column from every row, skipping rows that lack it.", &[MissingField]),
            ("A case-insensitive comparison.", &[Case]),
            ("Count distinct words, ignoring case and punctuation.", &[Case, Punctuation]),
            ("The first letter of first and the last name, keeping only letters.", &[Punctuation]),
            // No rule: the result is what is counted, or nothing is left out.
            ("Return how many duplicates were removed.", &[]),
            ("Return the duplicated items.", &[]),
            ("Return a new dict of defaults updated with overrides, ignoring override values that are None.", &[]),
            ("Return the first word in upper case.", &[]),
        ];
        for (doc, want) in cases {
            assert_eq!(invariances(doc), *want, "{doc}");
        }
    }

    #[test]
    fn derived_examples_change_the_input_and_keep_the_output() {
        // Each text's case changed; the output (a bool) holds no text.
        let e = ex(
            vec![s("photo.JPG"), strs(&["jpg", "png"])],
            Value::Bool(true),
        );
        let d = invariance_examples(
            "Check, ignoring case, whether filename ends with one of the extensions.",
            &[e],
        );
        assert_eq!(
            d,
            vec![
                ex(
                    vec![s("photo.jpg"), strs(&["jpg", "png"])],
                    Value::Bool(true)
                ),
                ex(
                    vec![s("photo.JPG"), strs(&["JPG", "PNG"])],
                    Value::Bool(true)
                )
            ]
        );
        // A looked-up value that is no part of the name: the name's case changes.
        let e = ex(
            vec![
                Value::Dict(vec![(s("Content-Type"), s("text/html"))]),
                s("content-type"),
            ],
            s("text/html"),
        );
        let d = invariance_examples("Look up a header by name, ignoring case.", &[e]);
        assert_eq!(d[0].inputs[1], s("CONTENT-TYPE"));
        // Words kept by a prefix hold the prefix, but come from the other parameter; a result
        // that is empty tells nothing.
        let e1 = ex(vec![strs(&["kiwi"]), s("z")], strs(&[]));
        let e2 = ex(vec![strs(&["Apple", "kiwi"]), s("ap")], strs(&["Apple"]));
        let d = invariance_examples(
            "The words that start with prefix, ignoring case.",
            &[e1, e2],
        );
        assert_eq!(
            d,
            vec![ex(
                vec![strs(&["Apple", "kiwi"]), s("AP")],
                strs(&["Apple"])
            )]
        );
        // The output repeats the input's text: its case would change with it.
        let e = ex(vec![s("Hello world")], s("Hello"));
        assert!(invariance_examples("The first word, ignoring case.", &[e]).is_empty());
        // An empty string after the first word.
        let out = Value::Dict(vec![(s("a"), strs(&["apple"]))]);
        let e = ex(vec![strs(&["apple"])], out.clone());
        let d = invariance_examples("Group words by initial; empty strings are skipped.", &[e]);
        assert_eq!(d, vec![ex(vec![strs(&["apple", ""])], out)]);
        // The last element repeated; a space inside a card number.
        let e = ex(
            vec![Value::List(vec![Value::Int(3), Value::Int(1)])],
            Value::List(vec![Value::Int(1), Value::Int(3)]),
        );
        let d = invariance_examples("Sort the values, dropping duplicates.", &[e]);
        assert_eq!(
            d[0].inputs[0],
            Value::List(vec![Value::Int(3), Value::Int(1), Value::Int(1)])
        );
        let e = ex(vec![s("4539 1488")], Value::Bool(true));
        let d = invariance_examples("Luhn check; spaces are ignored.", &[e]);
        assert_eq!(d[0].inputs[0], s("453 9 1488"));
        // The sign of a number; nothing for zero.
        let d = invariance_examples(
            "Digit sum, ignoring its sign.",
            &[
                ex(vec![Value::Int(0)], Value::Int(0)),
                ex(vec![Value::Int(12)], Value::Int(3)),
            ],
        );
        assert_eq!(d, vec![ex(vec![Value::Int(-12)], Value::Int(3))]);
    }
}
