//! Unit tests of the python space: interpreter, search and rendering.

use super::*;
use crate::cancel::CancelToken;
use std::time::Duration;

fn task(names: &[&str], types: &[&str], doc: &str, examples: &[(&[&str], &str)]) -> Task {
    Task {
        param_names: names.iter().map(|s| s.to_string()).collect(),
        param_types: types.iter().map(|s| s.to_string()).collect(),
        description: doc.to_string(),
        examples: examples
            .iter()
            .map(|(ins, out)| IoExample {
                inputs: ins
                    .iter()
                    .map(|s| Value::parse_literal(s).expect("literal"))
                    .collect(),
                output: Value::parse_literal(out).expect("literal"),
            })
            .collect(),
        held_out: Vec::new(),
    }
}

fn first_body(t: &Task) -> String {
    let cancel = CancelToken::with_budget(Duration::from_secs(5));
    let sols = PythonDomain.search(t, &cancel, 5);
    sols.first().map(|s| s.body.clone()).unwrap_or_default()
}

#[test]
fn is_even() {
    let t = task(&["n"], &["int"], "Return True if n is even.", &[(&["4"], "True"), (&["7"], "False"), (&["0"], "True")]);
    assert_eq!(first_body(&t), "return n % 2 == 0");
}

#[test]
fn count_vowels() {
    let t = task(&["text"], &["str"], "Count the vowels in text.", &[(&["'hello'"], "2"), (&["'sky'"], "0"), (&["'aeiou'"], "5")]);
    assert_eq!(first_body(&t), "return sum(1 for c in text if c in 'aeiou')");
}

#[test]
fn add_and_domain() {
    let t = task(&["a", "b"], &["int", "int"], "Add two numbers.", &[(&["1", "2"], "3"), (&["10", "-4"], "6")]);
    assert_eq!(first_body(&t), "return a + b");
    let t = task(&["email"], &["str"], "The domain of an email address.", &[(&["'ann@example.com'"], "'example.com'"), (&["'bob@mail.org'"], "'mail.org'")]);
    assert_eq!(first_body(&t), "return email.split('@')[1]");
}

#[test]
fn total_price() {
    let t = task(&["prices"], &["list[float]"], "Total price of the items.", &[(&["[1.5, 2.5]"], "4.0"), (&["[]"], "0"), (&["[0.25]"], "0.25")]);
    assert_eq!(first_body(&t), "return sum(prices)");
}

#[test]
fn tokens_round_trip_and_eval() {
    let t = task(&["text"], &["str"], "Count the vowels in text.", &[(&["'hello'"], "2"), (&["'sky'"], "0")]);
    let cancel = CancelToken::with_budget(Duration::from_secs(5));
    let sols = PythonDomain.search(&t, &cancel, 5);
    let s = sols.first().expect("a solution");
    let v = PythonDomain.eval_tokens(&s.tokens, &[Value::Str("banana".into())]);
    assert_eq!(v, Some(Value::Int(3)));
}
