//! Tuple results built from parallel parts. A function that returns a pair or a triple
//! usually computes each part the same way with one thing changed: the field it reads
//! (`(sum(p[0] for p in points) / n, sum(p[1] for p in points) / n)`), or the word it looks
//! for (`(results.count('W'), results.count('D'), results.count('L'))`). Searched part by
//! part, two examples fit each part with anything cheap (`len(set(results))` is 3 and 0 on
//! `'WWDLW'` and `''`); searched together, one program with the changing thing as a parameter
//! must give every part of every example, which is evidence a part alone cannot give.
//!
//! So where every output is a tuple of one length (2 or 3), a joint search runs first on a
//! share of the budget: each example becomes one example per part, with two more parameters,
//! the part's position (`0, 1, 2`) and, where the description lists as many quoted words as
//! there are parts ("a string of 'W', 'D' and 'L' results"), the part's word. Each of its
//! programs becomes a tuple of its parts, the parameters replaced by each part's position and
//! word, and sums of constants folded (`h[1 + 2 * 1:3 + 2 * 1]` is `h[3:5]`).

use super::ast::{Expr, Op};
use super::interp::{eval, Env};
use super::value::{exact_eq, PyVal};
use std::rc::Rc;

/// What a joint search over a tuple's parts needs: the tuple's length and, where the
/// description lists one word per part, those words.
#[derive(Clone, Debug)]
pub(crate) struct Parts {
    pub(crate) arity: usize,
    pub(crate) labels: Option<Vec<PyVal>>,
}

impl Parts {
    /// The parts of the outputs, when every output is a tuple of one length (2 or 3) whose
    /// parts are not all equal in every example (a pair of one value is no parallel work).
    pub(crate) fn of(description: &str, outputs: &[PyVal]) -> Option<Parts> {
        let arity = match outputs.first()? {
            PyVal::Tuple(xs) => xs.len(),
            _ => return None,
        };
        if !(2..=3).contains(&arity) {
            return None;
        }
        let mut distinct = false;
        for o in outputs {
            let PyVal::Tuple(xs) = o else { return None };
            if xs.len() != arity {
                return None;
            }
            distinct |= xs.iter().any(|x| !exact_eq(x, &xs[0]));
        }
        if !distinct {
            return None;
        }
        let labels = quoted_runs(description)
            .into_iter()
            .find(|run| run.len() == arity)
            .map(|run| run.iter().map(|w| PyVal::str(w)).collect());
        Some(Parts { arity, labels })
    }

    /// How many parameters the joint search adds: the position, and the word if any.
    pub(crate) fn extra_params(&self) -> usize {
        1 + usize::from(self.labels.is_some())
    }

    /// The joint search's examples: one per part of each example, the position (and word)
    /// appended to its inputs, and the part as the output.
    pub(crate) fn joint_examples(
        &self,
        examples: &[(Vec<PyVal>, PyVal)],
    ) -> Vec<(Vec<PyVal>, PyVal)> {
        let mut out = Vec::new();
        for (inputs, output) in examples {
            let PyVal::Tuple(parts) = output else {
                continue;
            };
            for (i, part) in parts.iter().enumerate() {
                let mut ins = inputs.clone();
                ins.extend(self.extras(i));
                out.push((ins, part.clone()));
            }
        }
        out
    }

    /// The extra parameters' values for part `i`.
    fn extras(&self, i: usize) -> Vec<PyVal> {
        let mut out = vec![PyVal::Int(i as i64)];
        if let Some(labels) = &self.labels {
            out.push(labels[i].clone());
        }
        out
    }

    /// The tuple a joint program stands for, over `n_params` parameters (the task's): each part
    /// is the program with the extra parameters replaced by the part's values, constant sums
    /// folded. `None` when the tuple does not give `examples`' outputs (it must, by
    /// construction; checked because folding is arithmetic).
    pub(crate) fn assemble(
        &self,
        joint: &Rc<Expr>,
        n_params: usize,
        examples: &[(Vec<PyVal>, PyVal)],
    ) -> Option<Rc<Expr>> {
        if !picks_parts(joint, n_params) {
            return None;
        }
        let parts: Vec<Rc<Expr>> = (0..self.arity)
            .map(|i| fold(&bind(joint, n_params, &self.extras(i))))
            .collect();
        let op = match self.arity {
            2 => Op::MkTuple2,
            _ => Op::MkTuple3,
        };
        let tuple = Rc::new(Expr::Call(op, parts));
        let right = examples.iter().all(|(inputs, output)| {
            let env = Env {
                params: inputs,
                vars: &[],
            };
            eval(&tuple, &env).is_ok_and(|v| exact_eq(&v, output))
        });
        right.then_some(tuple)
    }
}

/// Whether the part's position (`Param(position)`) is used only to pick a part of the input
/// (see `position_reads_data`).
pub(crate) fn picks_parts(e: &Expr, position: usize) -> bool {
    position_reads_data(e, position, false)
}

/// Whether the part's position (`Param(position)`) is used only to pick a part of the
/// input: inside the index or the bounds of a subscript of the data (a parameter, a split of
/// one, or a subscript of these: `text.split(',')[i]`, `h[1 + 2 * i:3 + 2 * i]`), or as the
/// index of a lambda's variable itself (`p[i]` for the points `p`). Counted with (`x * i`,
/// `i % n`), picking from a computed sequence (`sorted(xs)[i]`) or from the end of an
/// element (`key[-i]`), a position is a number the examples were fitted with.
fn position_reads_data(e: &Expr, position: usize, in_index: bool) -> bool {
    fn data(e: &Expr) -> bool {
        match e {
            Expr::Param(_) => true,
            Expr::Call(Op::Index | Op::Split | Op::SplitWs, args) => {
                args.first().is_some_and(|a| data(a))
            }
            _ => false,
        }
    }
    match e {
        Expr::Param(i) => *i != position || in_index,
        Expr::Var(_) | Expr::Const(_) => true,
        Expr::Call(Op::Index, args)
            if matches!(args.as_slice(), [v, i] if matches!(&**v, Expr::Var(_))
                && matches!(&**i, Expr::Param(p) if *p == position)) =>
        {
            true
        }
        Expr::Call(Op::Index | Op::SliceFrom | Op::SliceTo | Op::SliceRange, args) => {
            let picks = args.first().is_some_and(|a| data(a));
            args.iter().enumerate().all(|(k, a)| {
                position_reads_data(a, position, if k == 0 { in_index } else { picks })
            })
        }
        Expr::Call(o, args) => {
            // Sums inside an index stay an index (`1 + 2 * i`); anything else leaves it.
            let keeps = in_index && matches!(o, Op::Add | Op::Sub | Op::Mul | Op::Neg);
            args.iter().all(|a| position_reads_data(a, position, keeps))
        }
        Expr::Hof(_, a, b) | Expr::Scan(a, b) => {
            position_reads_data(a, position, false) && position_reads_data(b, position, false)
        }
        Expr::ZipMap(a, b, c) => [a, b, c]
            .iter()
            .all(|x| position_reads_data(x, position, false)),
    }
}

/// `e` with `Param(n_params + j)` replaced by `values[j]`.
fn bind(e: &Rc<Expr>, n_params: usize, values: &[PyVal]) -> Rc<Expr> {
    let sub = |a: &Rc<Expr>| bind(a, n_params, values);
    match &**e {
        Expr::Param(i) if *i >= n_params => match values.get(i - n_params) {
            Some(v) => Rc::new(Expr::Const(v.clone())),
            None => e.clone(),
        },
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => e.clone(),
        Expr::Call(o, args) => Rc::new(Expr::Call(*o, args.iter().map(sub).collect())),
        Expr::Hof(h, a, b) => Rc::new(Expr::Hof(*h, sub(a), sub(b))),
        Expr::ZipMap(a, b, c) => Rc::new(Expr::ZipMap(sub(a), sub(b), sub(c))),
        Expr::Scan(a, b) => Rc::new(Expr::Scan(sub(a), sub(b))),
    }
}

/// `e` with arithmetic over integer constants computed (`-0` is `0`, `1 + 2 * 1` is `3`).
fn fold(e: &Rc<Expr>) -> Rc<Expr> {
    match &**e {
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => e.clone(),
        Expr::Call(o, args) => {
            let args: Vec<Rc<Expr>> = args.iter().map(fold).collect();
            let arithmetic = matches!(
                o,
                Op::Add | Op::Sub | Op::Mul | Op::Neg | Op::FloorDiv | Op::Mod
            );
            let ints = args
                .iter()
                .all(|a| matches!(&**a, Expr::Const(PyVal::Int(_))));
            let call = Rc::new(Expr::Call(*o, args));
            if arithmetic && ints {
                let env = Env {
                    params: &[],
                    vars: &[],
                };
                if let Ok(v @ PyVal::Int(_)) = eval(&call, &env) {
                    return Rc::new(Expr::Const(v));
                }
            }
            call
        }
        Expr::Hof(h, a, b) => Rc::new(Expr::Hof(*h, fold(a), fold(b))),
        Expr::ZipMap(a, b, c) => Rc::new(Expr::ZipMap(fold(a), fold(b), fold(c))),
        Expr::Scan(a, b) => Rc::new(Expr::Scan(fold(a), fold(b))),
    }
}

/// Runs of quoted words in a description's prose, in order: `'W', 'D' and 'L'` is one run of
/// three. Quotes are `'…'` or `"…"` around text without a line break; a run goes on across
/// `,`, `and`, `or` and spaces only.
fn quoted_runs(description: &str) -> Vec<Vec<String>> {
    let prose = super::hints::prose(description);
    let chars: Vec<char> = prose.chars().collect();
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut gap = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let quote = (c == '\'' || c == '"')
            // An apostrophe inside a word ("team's") opens no quote.
            && !(i > 0 && chars[i - 1].is_alphanumeric());
        if quote {
            if let Some(len) = chars[i + 1..]
                .iter()
                .position(|&d| d == c || d == '\n')
                .filter(|&len| chars.get(i + 1 + len) == Some(&c) && len > 0)
            {
                let word: String = chars[i + 1..i + 1 + len].iter().collect();
                let joined = gap
                    .split(|ch: char| ch == ',' || ch.is_whitespace())
                    .all(|w| matches!(w, "" | "and" | "or"));
                if !joined && !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
                current.push(word);
                gap.clear();
                i += len + 2;
                continue;
            }
        }
        gap.push(c);
        i += 1;
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_in_a_list_are_one_run() {
        let runs = quoted_runs(
            "Count a team's wins, draws and losses in a string of 'W', 'D' and 'L'\n\
             results, returned as (wins, draws, losses). Ignore 'x'.",
        );
        assert_eq!(
            runs,
            vec![
                vec!["W".to_string(), "D".to_string(), "L".to_string()],
                vec!["x".to_string()]
            ]
        );
        assert_eq!(
            quoted_runs("'a' or \"b\", then 'c'"),
            vec![
                vec!["a".to_string(), "b".to_string()],
                vec!["c".to_string()]
            ]
        );
    }

    #[test]
    fn parts_need_one_tuple_length_and_parts_that_differ() {
        let t = |xs: &[i64]| PyVal::Tuple(Rc::new(xs.iter().map(|&x| PyVal::Int(x)).collect()));
        let pair = Parts::of("", &[t(&[1, 2]), t(&[3, 4])]).expect("a pair");
        assert!(pair.arity == 2 && pair.labels.is_none());
        assert!(Parts::of("", &[t(&[1, 2]), t(&[3, 4, 5])]).is_none());
        assert!(Parts::of("", &[t(&[1, 1]), t(&[3, 3])]).is_none());
        assert!(Parts::of("", &[t(&[1, 2, 3, 4])]).is_none());
        let labelled = Parts::of("of 'W', 'D' and 'L'", &[t(&[3, 1, 1]), t(&[0, 0, 0])]);
        let labels: Vec<String> = labelled
            .and_then(|p| p.labels)
            .unwrap_or_default()
            .iter()
            .map(|v| format!("{v:?}"))
            .collect();
        assert_eq!(labels.len(), 3);
        assert!(labels[0].contains('W') && labels[2].contains('L'));
    }

    #[test]
    fn a_joint_program_becomes_a_tuple_of_its_parts() {
        // f(h, i) = h[1 + 2 * i]: the parts are h[1] and h[3].
        let h = Rc::new(Expr::Param(0));
        let i = Rc::new(Expr::Param(1));
        let c = |n: i64| Rc::new(Expr::Const(PyVal::Int(n)));
        let idx = Rc::new(Expr::Call(
            Op::Add,
            vec![c(1), Rc::new(Expr::Call(Op::Mul, vec![c(2), i]))],
        ));
        let joint = Rc::new(Expr::Call(Op::Index, vec![h, idx]));
        let parts = Parts {
            arity: 2,
            labels: None,
        };
        let examples = vec![(
            vec![PyVal::str("abcd")],
            PyVal::Tuple(Rc::new(vec![PyVal::str("b"), PyVal::str("d")])),
        )];
        let joint_examples = parts.joint_examples(&examples);
        assert_eq!(joint_examples.len(), 2);
        assert!(matches!(joint_examples[1].0[1], PyVal::Int(1)));
        let tuple = parts.assemble(&joint, 1, &examples).expect("assembles");
        let Expr::Call(Op::MkTuple2, ps) = &*tuple else {
            panic!("not a pair: {tuple:?}")
        };
        assert!(matches!(&*ps[1], Expr::Call(Op::Index, a)
            if matches!(&*a[1], Expr::Const(PyVal::Int(3)))));
        // A position counted with, or picking from a computed sequence, is refused.
        let counted = Rc::new(Expr::Call(Op::Mul, vec![c(2), Rc::new(Expr::Param(1))]));
        assert!(!position_reads_data(&counted, 1, false));
        let sorted = Rc::new(Expr::Call(
            Op::Index,
            vec![
                Rc::new(Expr::Call(Op::Sorted, vec![Rc::new(Expr::Param(0))])),
                Rc::new(Expr::Param(1)),
            ],
        ));
        assert!(!position_reads_data(&sorted, 1, false));
        // A program that does not give the outputs is refused.
        let wrong = vec![(
            vec![PyVal::str("abcd")],
            PyVal::Tuple(Rc::new(vec![PyVal::str("b"), PyVal::str("c")])),
        )];
        assert!(parts.assemble(&joint, 1, &wrong).is_none());
    }
}
