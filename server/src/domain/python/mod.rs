//! The everyday-Python program space: typed Python expressions built from the builtins, `str`
//! methods, comprehensions and idioms that everyday code uses, searched bottom-up from the
//! examples (guided by the docstring) and rendered as a reviewer would write them. Every
//! function falls back to it.

mod ast;
mod components;
mod dates;
pub(crate) mod enumerate;
mod format;
mod hints;
mod idioms;
mod interp;
mod invariant;
mod normalize;
mod patterns;
mod render;
mod sample;
mod stated;
mod tokens;
mod types;
mod value;

pub(crate) use dates::is_date_format;
pub(crate) use hints::without_instances;
pub(crate) use invariant::invariance_examples;
pub(crate) use stated::{stated_cases, StatedCase};

#[cfg(test)]
mod tests;

use crate::cancel::CancelToken;
use crate::domain::check_call_shape;
use crate::domain::{Domain, IoExample, NoFit, Solution, Task, WriterKind};
use crate::spec::Param;
use crate::value::Value;
use rand::{Rng, SeedableRng};
use std::rc::Rc;
use types::Ty;
use value::{exact_eq, PyVal};

/// The `python` domain.
#[derive(Clone, Copy, Debug, Default)]
pub struct PythonDomain;

/// Most parameters a task may have.
const MAX_PARAMS: usize = 6;
/// Inputs a solution is tried on where every example gives one result (see
/// `SearchInput::probes`).
const PROBES: usize = 16;

/// Share of the remaining budget the search over the stated cases gets before the user's
/// examples alone are searched (see `stated`).
const STATED_SHARE: f64 = 0.6;

/// Share of the remaining budget the search over the examples the description's invariances
/// imply gets before the user's examples alone are searched (see `invariant`).
const DERIVED_SHARE: f64 = 0.5;

/// Share of the budget the search under an empty parameter's guard gets (see
/// `empty_guard`).
const EMPTY_GUARD_SHARE: f64 = 0.15;

/// What a solution under an empty example's guard costs more (see
/// `empty_guard`): its `if`, as the partition step charges a branch.
const EMPTY_GUARD_COST: u32 = 2;

/// Share of a search's budget for the joint search of a tuple's parts ([`components`]).
const JOINT_SHARE: f64 = 0.15;

fn slot_type(what: &str, annotation: Option<&str>, values: &[PyVal]) -> Result<Ty, NoFit> {
    let inferred = types::type_of_all(values.iter());
    let annotated = annotation.and_then(types::annotation_type);
    let ty = match (annotated, inferred) {
        (Some(a), Some(_)) if !a.has_any() => {
            if values.iter().all(|v| types::fits(v, &a)) {
                a
            } else {
                return Err(NoFit(format!(
                    "python: {what} has example values that are not `{a}`"
                )));
            }
        }
        (Some(a), Some(i)) => types::join(&a, &i).unwrap_or(i),
        // Values of different kinds across the examples (`flatten` of ints and of strs): a
        // type variable where they differ.
        (annotated, None) => {
            let generic = types::type_of_all_generic(values.iter());
            match annotated {
                Some(a) if !a.has_any() => {
                    if values.iter().all(|v| types::fits(v, &a)) {
                        a
                    } else {
                        return Err(NoFit(format!(
                            "python: {what} has example values that are not `{a}`"
                        )));
                    }
                }
                Some(a) => types::join(&a, &generic).unwrap_or(generic),
                None => generic,
            }
        }
        (None, Some(i)) => i,
    };
    Ok(ty)
}

/// Types of the parameters of a task, from the example values (annotations carried in the
/// task's description are not available here: [`Domain::task_for`] checked the values against
/// them). The results need no common type (`{1: 'a'}` and `{'b': 'c'}`).
fn inferred_param_types(task: &Task) -> Option<Vec<Ty>> {
    let ex: Vec<(Vec<PyVal>, PyVal)> = py_examples(task);
    let n = ex.first()?.0.len();
    let mut params = Vec::new();
    for j in 0..n {
        let vals: Vec<PyVal> = ex.iter().map(|(ins, _)| ins[j].clone()).collect();
        params.push(
            types::type_of_all(vals.iter())
                .unwrap_or_else(|| types::type_of_all_generic(vals.iter())),
        );
    }
    Some(params)
}

fn py_examples(task: &Task) -> Vec<(Vec<PyVal>, PyVal)> {
    task.examples
        .iter()
        .map(|e| {
            (
                e.inputs.iter().map(PyVal::from_value).collect(),
                PyVal::from_value(&e.output),
            )
        })
        .collect()
}

/// Parameter types after annotations (stored in the task's `param_types` text).
fn param_types(task: &Task) -> Option<Vec<Ty>> {
    if task.param_types.len() == task.param_names.len() {
        let parsed: Option<Vec<Ty>> = task
            .param_types
            .iter()
            .map(|t| types::annotation_type(t))
            .collect();
        if let Some(p) = parsed {
            if !p.iter().any(Ty::has_any) {
                return Some(p);
            }
        }
    }
    inferred_param_types(task)
}

/// Parameters a program is expected to use: all but those redundant with another (an int equal
/// to the length of another parameter in every example, as `n` beside `arr`).
fn required_params(inputs: &[Vec<PyVal>]) -> u64 {
    let n = inputs.first().map_or(0, Vec::len).min(63);
    let mut mask = 0u64;
    for j in 0..n {
        let redundant = (0..n).any(|k| {
            k != j
                && inputs.iter().all(|row| {
                    let len = match &row[k] {
                        PyVal::List(v) | PyVal::Tuple(v) => Some(v.len()),
                        PyVal::Str(s) => Some(s.chars().count()),
                        _ => None,
                    };
                    matches!((&row[j], len), (PyVal::Int(i), Some(l)) if *i == l as i64)
                })
        });
        if !redundant {
            mask |= 1 << j;
        }
    }
    mask
}

/// Parameter names a candidate may leave unused (see `required_params`), for the pipeline.
pub(crate) fn optional_params(task: &Task) -> Vec<String> {
    let inputs: Vec<Vec<PyVal>> = task
        .examples
        .iter()
        .map(|e| e.inputs.iter().map(PyVal::from_value).collect())
        .collect();
    let mask = required_params(&inputs);
    task.param_names
        .iter()
        .enumerate()
        .filter(|(j, _)| *j < 63 && mask & (1 << j) == 0)
        .map(|(_, p)| p.clone())
        .collect()
}

/// Constants a description explains (docstring quotes, numbers, number words, named character
/// classes), as the ranking compares them with a rendering's literals: strings as `'text'`
/// (contents unescaped), numbers as Python prints them.
pub(crate) fn explained_constants(description: &str) -> Vec<String> {
    hints::constants(description, &[], &[])
        .into_iter()
        .filter(|c| c.cost <= 1 || matches!(c.value, PyVal::Int(-1..=2)))
        .map(|c| match &c.value {
            PyVal::Str(s) => format!("'{s}'"),
            v => v.repr(),
        })
        // `date[:7]` for the month of a 'YYYY-MM-DD' date.
        .chain(
            hints::layout_bounds_in(description)
                .into_iter()
                .map(|n| n.to_string()),
        )
        .chain(hints::named_literals(description))
        .collect()
}

/// The integers the description's prose states, in digits or words ("two", "third").
pub(crate) fn stated_numbers(description: &str) -> Vec<i64> {
    hints::text_numbers(description)
}

/// The fixed patterns of the `re` operations (`re.findall(r'\d+', s)`) whose words the
/// description uses ("the first number of a version string"), as the ranking reads a
/// rendering's literals: explained as a named operation is.
pub(crate) fn explained_op_patterns(description: &str) -> Vec<String> {
    // "The number of vowels" is a count, not a number in the text.
    let mut text = description.to_lowercase();
    for count in ["the number of", "a number of", "total number of"] {
        text = text.replace(count, "count of");
    }
    let says = |stems: &[&str]| {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| stems.iter().any(|s| w.starts_with(s)))
    };
    let mut out = Vec::new();
    if says(&["number", "digit", "integer", "numeral"]) {
        out.push(r"'\d+'".to_string());
    }
    if says(&["word"]) {
        out.push(r"'\w+'".to_string());
    }
    if says(&["capital", "uppercase", "camel"]) {
        out.push("'[A-Z][a-z]*'".to_string());
    }
    out
}

/// The patterns of a task's `re` operations (named by its description or learned from its
/// examples' inputs) as the ranking reads a rendering's literals (`'\\d{5}'`): explained,
/// not copied from the outputs.
pub(crate) fn explained_patterns(task: &Task) -> Vec<String> {
    let Some(param_types) = param_types(task) else {
        return Vec::new();
    };
    let examples = py_examples(task);
    let inputs: Vec<Vec<PyVal>> = examples.iter().map(|(i, _)| i.clone()).collect();
    let outputs: Vec<PyVal> = examples.iter().map(|(_, o)| o.clone()).collect();
    patterns::pattern_leaves(&task.description, &param_types, &inputs, &outputs)
        .into_iter()
        .filter_map(|c| match c.value {
            PyVal::Str(s) => Some(format!("'{s}'")),
            _ => None,
        })
        .collect()
}

/// Score charged per place that adds or compares a count with an element's value
/// ([`ast::Expr::unit_mixes`]).
const UNIT_MIX_COST: f64 = 2.0;

/// The guard for examples where a list, dict or set parameter is empty (all giving one
/// default-like result: `None`, `0`, `''`, `[]`, `-1`, ...), and the other examples (two):
/// those are searched alone after the whole search, on what budget it leaves (at least
/// `EMPTY_GUARD_SHARE`), each solution under the parameter's truth test (`if not values:
/// return None`), and the solutions join the whole search's. (The partition step keeps only
/// the cheapest term right on the others, often a fit: `tuple(values)[1:] if values else None`
/// for `(min(values), max(values))`.)
fn empty_guard(
    task: &Task,
    param_types: &[Ty],
) -> Option<(enumerate::StatedGuard, Vec<IoExample>)> {
    let empty = |v: &Value| match PyVal::from_value(v) {
        PyVal::List(xs) | PyVal::Tuple(xs) | PyVal::Set(xs) => xs.is_empty(),
        PyVal::Str(s) => s.is_empty(),
        PyVal::Dict(d) => d.is_empty(),
        _ => false,
    };
    let default_like = |v: &PyVal| match v {
        PyVal::None | PyVal::Bool(false) => true,
        PyVal::Int(i) => matches!(i, -1..=0),
        PyVal::Float(f) => *f == 0.0,
        PyVal::Str(s) => s.is_empty(),
        PyVal::List(xs) => xs.is_empty(),
        PyVal::Dict(d) => d.is_empty(),
        PyVal::Tuple(xs) => xs.iter().all(|x| matches!(x, PyVal::None)),
        _ => false,
    };
    let j = (0..param_types.len()).find(|&j| {
        // Not a string: an empty one is rarely the only case its default is for (`'   '`
        // has no longest word either).
        matches!(
            param_types[j],
            Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::TupleN(_)
        ) && task
            .examples
            .iter()
            .any(|e| e.inputs.get(j).is_some_and(empty))
    })?;
    let (empties, rest): (Vec<&IoExample>, Vec<&IoExample>) = task
        .examples
        .iter()
        .partition(|e| e.inputs.get(j).is_some_and(empty));
    let first = empties.first()?;
    let result = PyVal::from_value(&first.output);
    // One other example fits anything (`2 / numbers[0]` for the mean); with three or more the
    // whole search is constrained enough, and its budget is not shared (LambdaBeam's tasks
    // have an empty list in most of their five examples).
    if rest.len() != 2 || !default_like(&result) || empties.iter().any(|e| e.output != first.output)
    {
        return None;
    }
    let guard = enumerate::StatedGuard {
        param: j,
        inputs: first.inputs.iter().map(PyVal::from_value).collect(),
        result,
        test: enumerate::GuardTest::Truth,
        cost: EMPTY_GUARD_COST,
    };
    Some((guard, rest.into_iter().cloned().collect()))
}

impl PythonDomain {
    fn solution(&self, task: &Task, expr: &Rc<ast::Expr>, cost: u32) -> Solution {
        let r = render::render(expr, &task.param_names);
        Solution {
            program: r.expr.clone(),
            tokens: tokens::encode(expr),
            size: expr.size(),
            body: r.body,
            imports: r.imports,
            score: -(f64::from(cost)
                + expr.inner_roundings() as f64
                + UNIT_MIX_COST * expr.unit_mixes() as f64),
            writer: WriterKind::Search,
        }
    }

    /// Runs the search with explicit limits (tests and benchmarks).
    pub(crate) fn search_outcome(
        &self,
        task: &Task,
        cancel: &CancelToken,
        limits: enumerate::SearchLimits,
    ) -> Option<(Vec<Solution>, enumerate::StopReason, usize)> {
        let param_types = param_types(task)?;
        if let Some(found) = self.none_guarded(task, &param_types, cancel, limits) {
            return Some(found);
        }
        // The whole search first, leaving a share for the search under an empty example's
        // guard (which rarely needs it: one or two examples are fitted fast).
        let guard = empty_guard(task, &param_types);
        let plain_budget = match &guard {
            Some(_) => cancel.child_with_share(1.0 - EMPTY_GUARD_SHARE),
            None => cancel.clone(),
        };
        let (mut sols, stop, mut terms) =
            self.search_plain(task, param_types.clone(), &plain_budget, limits);
        if let Some((guard, rest)) = guard {
            let (more, _, more_terms) =
                self.search_examples(task, &rest, param_types, Some(guard), cancel, limits);
            terms += more_terms;
            for s in more {
                if !sols.iter().any(|t| t.program == s.program) {
                    sols.push(s);
                }
            }
        }
        Some((sols, stop, terms))
    }

    /// The search over the task's examples, with the examples its description's invariances
    /// imply ([`invariant`]: "ignoring case"), then over the user's examples alone on what
    /// budget is left (a rule read wrongly must not cost the function its implementation).
    fn search_plain(
        &self,
        task: &Task,
        param_types: Vec<Ty>,
        cancel: &CancelToken,
        limits: enumerate::SearchLimits,
    ) -> (Vec<Solution>, enumerate::StopReason, usize) {
        let derived = invariant::invariance_examples(&task.description, &task.examples);
        if derived.is_empty() {
            return self.search_stated(task, &task.examples, param_types, cancel, limits);
        }
        let mut examples = task.examples.clone();
        examples.extend(derived);
        let first = cancel.child_with_share(DERIVED_SHARE);
        let (mut sols, _, terms) =
            self.search_stated(task, &examples, param_types.clone(), &first, limits);
        if cancel.is_cancelled() {
            return (sols, enumerate::StopReason::Cancelled, terms);
        }
        // The user's examples alone too: more examples of one result invite fits of that
        // result (`target.find(x) == 2`), and the ranking weighs what breaks a rule.
        let (more, stop, more_terms) =
            self.search_stated(task, &task.examples, param_types, cancel, limits);
        // A program found by both searches keeps its cheaper cost (the user's examples alone
        // have fewer values to pay for: `text.lower()` is no new value on `'HELLO'`).
        for s in more {
            match sols.iter_mut().find(|t| t.program == s.program) {
                Some(t) if t.score < s.score => *t = s,
                Some(_) => {}
                None => sols.push(s),
            }
        }
        (sols, stop, terms + more_terms)
    }

    /// The search over `examples`, with the cases the task's description states.
    fn search_stated(
        &self,
        task: &Task,
        examples: &[IoExample],
        param_types: Vec<Ty>,
        cancel: &CancelToken,
        limits: enumerate::SearchLimits,
    ) -> (Vec<Solution>, enumerate::StopReason, usize) {
        let cases = stated::stated_cases(&task.description, &task.param_names, examples);
        if cases.is_empty() {
            return self.search_examples(task, examples, param_types, None, cancel, limits);
        }
        // One stated case of an empty or zero parameter guards the solutions of the user's
        // examples (never a `None` one: a truth test of an optional value is no `is None`
        // test). It is no point of the bank: terms that raise there (`max(values)` for
        // `values == []`) are the parts of most solutions.
        if let [case] = cases.as_slice() {
            let (j, case) = (case.param, &case.example);
            if case.inputs.get(j).is_some_and(|v| *v != Value::None) {
                let guard = enumerate::StatedGuard {
                    param: j,
                    inputs: case.inputs.iter().map(PyVal::from_value).collect(),
                    result: PyVal::from_value(&case.output),
                    test: enumerate::GuardTest::Truth,
                    cost: 0,
                };
                return self.search_examples(
                    task,
                    examples,
                    param_types,
                    Some(guard),
                    cancel,
                    limits,
                );
            }
        }
        // Otherwise the stated cases are examples, with most of the budget; the user's examples
        // alone get the rest if nothing fits them too (a case read wrongly must not cost the
        // function its implementation).
        let mut with_stated = examples.to_vec();
        with_stated.extend(cases.into_iter().map(|c| c.example));
        let first = cancel.child_with_share(STATED_SHARE);
        let (sols, stop, terms) = self.search_examples(
            task,
            &with_stated,
            param_types.clone(),
            None,
            &first,
            limits,
        );
        if !sols.is_empty() || cancel.is_cancelled() {
            return (sols, stop, terms);
        }
        let (sols, stop, more) =
            self.search_examples(task, examples, param_types, None, cancel, limits);
        (sols, stop, terms + more)
    }

    /// The search under a `None` guard: where an optional parameter is `None` in some
    /// examples, all giving one result, and not in two or more others, those are searched with
    /// the parameter narrowed to its type (`text.strip()` does not take `str | None`), and each
    /// solution is guarded (`text is None or not text.strip()`). `None` when no parameter is
    /// such, or nothing fits (the whole search then runs as usual, on what budget is left).
    fn none_guarded(
        &self,
        task: &Task,
        param_types: &[Ty],
        cancel: &CancelToken,
        limits: enumerate::SearchLimits,
    ) -> Option<(Vec<Solution>, enumerate::StopReason, usize)> {
        let (j, narrowed) = param_types.iter().enumerate().find_map(|(j, t)| match t {
            Ty::Optional(inner) if !matches!(**inner, Ty::Any | Ty::Var) => Some((j, inner)),
            _ => None,
        })?;
        let (nones, rest): (Vec<&IoExample>, Vec<&IoExample>) = task
            .examples
            .iter()
            .partition(|e| e.inputs.get(j) == Some(&Value::None));
        let first = nones.first()?;
        // One example beside the `None` ones fits anything (`[1, 2] if default is None else
        // ...`): the others must show a behaviour.
        if rest.len() < 2 || nones.iter().any(|e| e.output != first.output) {
            return None;
        }
        let mut types = param_types.to_vec();
        types[j] = (**narrowed).clone();
        let guard = enumerate::StatedGuard {
            param: j,
            inputs: first.inputs.iter().map(PyVal::from_value).collect(),
            result: PyVal::from_value(&first.output),
            test: enumerate::GuardTest::IsNone,
            cost: 0,
        };
        let rest: Vec<IoExample> = rest.into_iter().cloned().collect();
        // The cases the description states beyond the examples ("an empty string"), where
        // the parameter is not `None`, join the others; without them if nothing fits.
        let stated: Vec<IoExample> =
            stated::stated_examples(&task.description, &task.param_names, &task.examples)
                .into_iter()
                .filter(|e| e.inputs.get(j).is_some_and(|v| *v != Value::None))
                .collect();
        let with_stated: Vec<IoExample> = rest.iter().chain(&stated).cloned().collect();
        let mut terms = 0;
        for (examples, share) in [(&with_stated, STATED_SHARE / 2.0), (&rest, STATED_SHARE)] {
            if examples.len() == rest.len() && !std::ptr::eq(examples, &rest) {
                continue;
            }
            let budget = cancel.child_with_share(share);
            let (sols, stop, more) = self.search_examples(
                task,
                examples,
                types.clone(),
                Some(guard.clone()),
                &budget,
                limits,
            );
            terms += more;
            if !sols.is_empty() {
                return Some((sols, stop, terms));
            }
        }
        None
    }

    /// The search over `examples` (the task's, or those with its stated cases).
    fn search_examples(
        &self,
        task: &Task,
        examples: &[IoExample],
        param_types: Vec<Ty>,
        stated_guard: Option<enumerate::StatedGuard>,
        cancel: &CancelToken,
        limits: enumerate::SearchLimits,
    ) -> (Vec<Solution>, enumerate::StopReason, usize) {
        let examples: Vec<(Vec<PyVal>, PyVal)> = examples
            .iter()
            .map(|e| {
                (
                    e.inputs.iter().map(PyVal::from_value).collect(),
                    PyVal::from_value(&e.output),
                )
            })
            .collect();
        // A tuple's parts searched together first (never under a guard, whose result is a
        // whole tuple).
        let (mut sols, terms) = match &stated_guard {
            None => self.search_parts(task, &examples, &param_types, cancel, limits),
            Some(_) => (Vec::new(), 0),
        };
        let input = self.search_input(
            task,
            examples,
            param_types,
            task.param_names.clone(),
            stated_guard,
        );
        let outcome = enumerate::search(&input, limits, cancel);
        let programs = normalize::with_normalized_inputs(&input, outcome.programs);
        for p in &programs {
            let s = self.solution(task, &p.expr, p.cost);
            if !sols.iter().any(|t| t.program == s.program) {
                sols.push(s);
            }
        }
        (sols, outcome.stop, terms + outcome.terms)
    }

    /// The joint search of a tuple's parts ([`components`]), on `JOINT_SHARE` of the budget:
    /// its programs as tuples, and the terms it built. Nothing where the outputs are no
    /// tuples of one length with parts that differ.
    fn search_parts(
        &self,
        task: &Task,
        examples: &[(Vec<PyVal>, PyVal)],
        param_types: &[Ty],
        cancel: &CancelToken,
        limits: enumerate::SearchLimits,
    ) -> (Vec<Solution>, usize) {
        let outputs: Vec<PyVal> = examples.iter().map(|(_, o)| o.clone()).collect();
        let Some(parts) = components::Parts::of(&task.description, &outputs) else {
            return (Vec::new(), 0);
        };
        let n = param_types.len();
        let mut types = param_types.to_vec();
        let mut names = task.param_names.clone();
        types.push(Ty::Int);
        names.push("part".to_string());
        if parts.extra_params() > 1 {
            types.push(Ty::Str);
            names.push("label".to_string());
        }
        let mut input = self.search_input(task, parts.joint_examples(examples), types, names, None);
        // The task's parameters stay required; the part's position and word do not.
        input.required_params &= (1u64 << n.min(63)) - 1;
        input.probes.clear();
        input.part_position = Some(n);
        let outcome = enumerate::search(&input, limits, &cancel.child_with_share(JOINT_SHARE));
        // Rounded and normalized variants the description asks for, as for any search.
        let programs = normalize::with_normalized_inputs(&input, outcome.programs);
        let mut sols: Vec<Solution> = Vec::new();
        for p in &programs {
            if let Some(tuple) = parts.assemble(&p.expr, n, examples) {
                let s = self.solution(task, &tuple, p.cost + parts.arity as u32);
                if !sols.iter().any(|t| t.program == s.program) {
                    sols.push(s);
                }
            }
        }
        (sols, outcome.terms)
    }

    /// The search's input for `examples` over parameters of `param_types` named
    /// `param_names`: the description's constants, costs and intents.
    fn search_input(
        &self,
        task: &Task,
        examples: Vec<(Vec<PyVal>, PyVal)>,
        param_types: Vec<Ty>,
        param_names: Vec<String>,
        stated_guard: Option<enumerate::StatedGuard>,
    ) -> enumerate::SearchInput {
        let inputs: Vec<Vec<PyVal>> = examples.iter().map(|(i, _)| i.clone()).collect();
        let outputs: Vec<PyVal> = examples.iter().map(|(_, o)| o.clone()).collect();
        let pattern_leaves =
            patterns::pattern_leaves(&task.description, &param_types, &inputs, &outputs);
        enumerate::SearchInput {
            required_params: required_params(&inputs),
            text_ints: hints::constants(&task.description, &[], &[])
                .into_iter()
                .filter_map(|c| match c.value {
                    PyVal::Int(i) if c.cost == 1 && !(0..=2).contains(&i) => Some(i),
                    _ => None,
                })
                .chain(hints::text_numbers(&task.description))
                .collect(),
            param_types,
            intents: crate::intent::Intents::from_description(&task.description)
                .reading_fields(&task.examples),
            digit_source: hints::prose(&task.description)
                .to_lowercase()
                .contains("digit"),
            decimals: hints::decimal_places(&task.description),
            bounds: hints::stated_bounds(&task.description),
            stated_guard,
            idioms: idioms::named(&hints::prose(&task.description)),
            probes: if outputs.len() >= 2 && outputs.iter().all(|o| exact_eq(o, &outputs[0])) {
                self.extra_inputs(task, 0, PROBES)
                    .iter()
                    .map(|args| args.iter().map(PyVal::from_value).collect())
                    .collect()
            } else {
                Vec::new()
            },
            constants: {
                let mut cs = hints::constants(&task.description, &inputs, &outputs);
                cs.extend(pattern_leaves);
                cs
            },
            costs: hints::CostTable::from_description(&format!(
                "{} {}",
                hints::prose(&task.description),
                task.param_names.join(" ")
            ))
            .for_outputs(&outputs)
            .for_inputs(&inputs),
            param_names,
            examples,
            part_position: None,
            param_bounds: hints::stated_param_bounds(&task.description, &task.param_names),
        }
    }
}

impl Domain for PythonDomain {
    fn name(&self) -> &'static str {
        "python"
    }

    fn task_for(
        &self,
        params: &[Param],
        return_annotation: Option<&str>,
        examples: &[IoExample],
    ) -> Result<Task, NoFit> {
        if params.len() > MAX_PARAMS {
            return Err(NoFit(format!(
                "python: at most {MAX_PARAMS} parameters, found {}",
                params.len()
            )));
        }
        check_call_shape("python", params, examples)?;
        let mut param_types = Vec::new();
        for (i, p) in params.iter().enumerate() {
            let vals: Vec<PyVal> = examples
                .iter()
                .map(|e| PyVal::from_value(&e.inputs[i]))
                .collect();
            let t = slot_type(
                &format!("parameter `{}`", p.name),
                p.annotation.as_deref(),
                &vals,
            )?;
            param_types.push(t.to_string());
        }
        let outs: Vec<PyVal> = examples
            .iter()
            .map(|e| PyVal::from_value(&e.output))
            .collect();
        slot_type("the return value", return_annotation, &outs)?;
        Ok(Task {
            param_names: params.iter().map(|p| p.name.clone()).collect(),
            examples: examples.to_vec(),
            held_out: Vec::new(),
            description: String::new(),
            param_types,
        })
    }

    fn search(&self, task: &Task, cancel: &CancelToken, max_solutions: usize) -> Vec<Solution> {
        let limits = enumerate::SearchLimits {
            max_solutions: max_solutions.max(1),
            ..enumerate::SearchLimits::default()
        };
        self.search_outcome(task, cancel, limits)
            .map(|(s, _, _)| s)
            .unwrap_or_default()
    }

    fn solution_from_tokens(&self, task: &Task, tokens: &[u32]) -> Option<Solution> {
        let e = tokens::decode(tokens)?;
        Some(self.solution(task, &e, e.size() as u32))
    }

    fn eval_tokens(&self, tokens: &[u32], inputs: &[Value]) -> Option<Value> {
        let e = tokens::decode(tokens)?;
        let params: Vec<PyVal> = inputs.iter().map(PyVal::from_value).collect();
        interp::eval(
            &e,
            &interp::Env {
                params: &params,
                vars: &[],
            },
        )
        .ok()?
        .to_value()
    }

    fn datagen_profiles(&self) -> &'static [&'static str] {
        sample::PROFILES
    }

    /// One draw of the `everyday` profile (see `sample`); `None` when rejected or unknown.
    fn sample(
        &self,
        profile: &str,
        rng: &mut rand_chacha::ChaCha8Rng,
        held_out: usize,
    ) -> Option<crate::domain::GeneratedTask> {
        match profile {
            "everyday" => sample::sample_once(rng, held_out),
            _ => None,
        }
    }

    fn extra_inputs(&self, task: &Task, seed: u64, n: usize) -> Vec<Vec<Value>> {
        let Some(types) = param_types(task) else {
            return Vec::new();
        };
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let pool: Vec<Vec<PyVal>> = task
            .examples
            .iter()
            .map(|e| e.inputs.iter().map(PyVal::from_value).collect())
            .collect();
        // First the user's own examples with one string argument in another case or with
        // surrounding spaces: where "ignoring case" or "trimmed" programs part from the rest.
        let mut out: Vec<Vec<Value>> = Vec::new();
        for ex in &pool {
            for (j, v) in ex.iter().enumerate() {
                let PyVal::Str(s) = v else { continue };
                for variant in [s.to_uppercase(), capitalize_words(s), format!(" {s} ")] {
                    if variant != **s && out.len() < n / 4 {
                        let mut args = ex.clone();
                        args[j] = PyVal::str(&variant);
                        if let Some(vals) = args.iter().map(PyVal::to_value).collect() {
                            out.push(vals);
                        }
                    }
                }
            }
        }
        // Then the examples with one list or dict argument in reverse order: where a sorted
        // result and one that keeps the given order part (`sorted(k for k in d if ...)`).
        for ex in &pool {
            for (j, v) in ex.iter().enumerate() {
                let reversed = match v {
                    PyVal::List(xs) if xs.len() >= 2 => {
                        PyVal::list(xs.iter().rev().cloned().collect())
                    }
                    PyVal::Dict(kv) if kv.len() >= 2 => {
                        PyVal::Dict(std::rc::Rc::new(kv.iter().rev().cloned().collect()))
                    }
                    _ => continue,
                };
                if out.len() < n / 2 {
                    let mut args = ex.clone();
                    args[j] = reversed;
                    if let Some(vals) = args.iter().map(PyVal::to_value).collect() {
                        out.push(vals);
                    }
                }
            }
        }
        // Then the strings the description quotes, as string arguments ("one of 'jpg', 'png' or
        // 'gif'" is where `ext == 'png'` and `ext in (...)` part).
        let quoted: Vec<PyVal> = hints::constants(&task.description, &[], &[])
            .into_iter()
            .filter(|c| c.cost == 1 && matches!(c.value, PyVal::Str(_)))
            .map(|c| c.value)
            .take(6)
            .collect();
        if let Some(first) = pool.first() {
            for (j, v) in first.iter().enumerate() {
                if !matches!(v, PyVal::Str(_)) {
                    continue;
                }
                for q in &quoted {
                    if out.len() < n / 2 {
                        let mut args = first.clone();
                        args[j] = q.clone();
                        if let Some(vals) = args.iter().map(PyVal::to_value).collect() {
                            out.push(vals);
                        }
                    }
                }
            }
        }
        let random = n.saturating_sub(out.len());
        out.extend((0..random).filter_map(|_| {
            types
                .iter()
                .enumerate()
                .map(|(j, t)| {
                    let seed_val = pool.get(rng.gen_range(0..pool.len().max(1)))?.get(j)?;
                    mutate(&mut rng, t, seed_val, 0).to_value()
                })
                .collect::<Option<Vec<Value>>>()
        }));
        out
    }
}

/// Each word's first letter upper-cased and the rest lower-cased (`'ada LOVELACE'` →
/// `'Ada Lovelace'`).
fn capitalize_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c.is_whitespace();
    }
    out
}

/// A random value of type `t` near `seed` (same alphabet, similar sizes).
fn mutate(rng: &mut rand_chacha::ChaCha8Rng, t: &Ty, seed: &PyVal, depth: usize) -> PyVal {
    let pick = |rng: &mut rand_chacha::ChaCha8Rng, items: &[PyVal]| -> Option<PyVal> {
        if items.is_empty() {
            None
        } else {
            Some(items[rng.gen_range(0..items.len())].clone())
        }
    };
    match (t, seed) {
        (Ty::Int, PyVal::Int(i)) => {
            let span = (i.unsigned_abs().min(1000) as i64).max(10);
            PyVal::Int(rng.gen_range(-span..=span))
        }
        (Ty::Float, v) => {
            let base = v.as_f64().unwrap_or(1.0).abs().clamp(1.0, 1000.0);
            PyVal::Float((rng.gen_range(-base..base) * 100.0).round() / 100.0)
        }
        (Ty::Bool, _) => PyVal::Bool(rng.gen()),
        (Ty::Str, PyVal::Str(s)) => {
            let mut alphabet: Vec<char> = s.chars().collect();
            alphabet.extend(['a', 'E', ' ', '1']);
            let len = rng.gen_range(0..=s.chars().count() + 3);
            let out: String = (0..len)
                .map(|_| alphabet[rng.gen_range(0..alphabet.len())])
                .collect();
            PyVal::str(&out)
        }
        (Ty::List(e), PyVal::List(items)) if depth < 3 => {
            let len = rng.gen_range(0..=items.len() + 2);
            let seeds: Vec<PyVal> = items.to_vec();
            PyVal::list(
                (0..len)
                    .map(|_| match pick(rng, &seeds) {
                        Some(s) => mutate(rng, e, &s, depth + 1),
                        None => default_of(e),
                    })
                    .collect(),
            )
        }
        (Ty::Tuple(ts), PyVal::Tuple(items)) if ts.len() == items.len() && depth < 3 => {
            PyVal::tuple(
                ts.iter()
                    .zip(items.iter())
                    .map(|(t, s)| mutate(rng, t, s, depth + 1))
                    .collect(),
            )
        }
        (Ty::TupleN(e), PyVal::Tuple(items)) if depth < 3 => {
            let len = rng.gen_range(0..=items.len() + 2);
            let seeds: Vec<PyVal> = items.to_vec();
            PyVal::tuple(
                (0..len)
                    .map(|_| match pick(rng, &seeds) {
                        Some(s) => mutate(rng, e, &s, depth + 1),
                        None => default_of(e),
                    })
                    .collect(),
            )
        }
        _ => seed.clone(),
    }
}

fn default_of(t: &Ty) -> PyVal {
    match t {
        Ty::Int => PyVal::Int(0),
        Ty::Float => PyVal::Float(0.0),
        Ty::Bool => PyVal::Bool(false),
        Ty::Str => PyVal::str(""),
        Ty::List(_) => PyVal::list(Vec::new()),
        _ => PyVal::None,
    }
}
