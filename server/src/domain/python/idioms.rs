//! Idioms a description names that are whole expressions of the space's operations, too
//! costly for the banks to reach (a dozen operations) but one phrase in a docstring: "snake_case
//! to camelCase". Each is built over each string parameter and joins the search as a leaf of
//! small cost (see `Search::fields`), so it composes like any term, and it is evaluated,
//! rendered and checked in CPython as the operations it is made of.

use super::ast::{Expr, Hof, Op};
use super::hints::mentions;
use super::value::PyVal;
use std::rc::Rc;

/// An idiom the search may start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Idiom {
    /// `name.split('_')[0] + ''.join(word.title() for word in name.split('_')[1:])`
    SnakeToCamel,
    /// `''.join('_' + c.lower() if c.isupper() else c for c in name).strip('_')`
    CamelToSnake,
}

/// The idioms `description` names.
pub(crate) fn named(description: &str) -> Vec<Idiom> {
    let text = description.to_lowercase();
    if ["camel", "pascal"].iter().any(|w| mentions(&text, w)) {
        vec![Idiom::SnakeToCamel, Idiom::CamelToSnake]
    } else {
        Vec::new()
    }
}

fn call(op: Op, args: Vec<Rc<Expr>>) -> Rc<Expr> {
    Rc::new(Expr::Call(op, args))
}

fn text(s: &str) -> Rc<Expr> {
    Rc::new(Expr::Const(PyVal::str(s)))
}

fn int(i: i64) -> Rc<Expr> {
    Rc::new(Expr::Const(PyVal::Int(i)))
}

impl Idiom {
    /// The idiom over the string `s`.
    pub(crate) fn expr(self, s: Rc<Expr>) -> Rc<Expr> {
        let var = || Rc::new(Expr::Var(0));
        match self {
            Idiom::SnakeToCamel => {
                let words = call(Op::Split, vec![s, text("_")]);
                let rest = call(Op::SliceFrom, vec![words.clone(), int(1)]);
                let titled = Rc::new(Expr::Hof(Hof::JoinMap, rest, call(Op::Title, vec![var()])));
                call(Op::Add, vec![call(Op::Index, vec![words, int(0)]), titled])
            }
            Idiom::CamelToSnake => {
                let body = call(
                    Op::IfExp,
                    vec![
                        call(Op::IsUpper, vec![var()]),
                        call(Op::Add, vec![text("_"), call(Op::Lower, vec![var()])]),
                        var(),
                    ],
                );
                let joined = Rc::new(Expr::Hof(Hof::JoinMap, s, body));
                call(Op::StripChars, vec![joined, text("_")])
            }
        }
    }
}
