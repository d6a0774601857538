//! Typed bottom-up enumeration with observational equivalence, cheapest first under the cost
//! table. Comprehension bodies are enumerated in their own banks, evaluated on the actual
//! element values of the examples and deduplicated by behaviour; conditionals are joined from
//! terms right on parts of the examples (EUSolver-style partition, a cost per branch).

use super::ast::{Expr, Hof, Op, ALL_HOFS, ALL_OPS};
use super::hints::{ConstLeaf, CostTable};
use super::interp::{apply, apply_hof, apply_items, elements, eval, Env};
use super::types::{fits, Ty};
use super::value::{exact_eq, exact_hash, PyErr, PyVal};
use crate::cancel::CancelToken;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::rc::Rc;

#[path = "decompose.rs"]
mod decompose;
#[path = "template.rs"]
mod template;

/// What the search is given.
#[derive(Clone)]
pub(crate) struct SearchInput {
    pub(crate) param_types: Vec<Ty>,
    /// (inputs, output) per example.
    pub(crate) examples: Vec<(Vec<PyVal>, PyVal)>,
    pub(crate) constants: Vec<ConstLeaf>,
    pub(crate) costs: CostTable,
    /// Parameters a solution must use to count as found (bit set); solutions that leave one
    /// out are kept but do not end the search.
    pub(crate) required_params: u64,
    /// Integers the docstring states (literal positions must be among them).
    pub(crate) text_ints: Vec<i64>,
    /// What the description asks the code to do, and the parameter names to read the code
    /// with: past its first solutions the search goes on (up to [`INTENT_LEVELS`] more cost
    /// levels) until a solution covers every intent.
    pub(crate) intents: crate::intent::Intents,
    pub(crate) param_names: Vec<String>,
    /// Whether comprehensions may iterate the digits of an int parameter (`for d in str(n)`).
    pub(crate) digit_source: bool,
    /// Decimal places the description rounds a float result to ("to cents": 2).
    pub(crate) decimals: i64,
    /// Thresholds the description states with the side of their boundary ("under 13").
    pub(crate) bounds: Vec<super::hints::StatedBound>,
    /// The case the description states for an empty or zero parameter (see `stated`): a
    /// solution that does not give the stated result there is a solution under that
    /// parameter's truth test (`values.index(max(values)) if values else -1`).
    pub(crate) stated_guard: Option<StatedGuard>,
    /// Idioms the description names, leaves over each string parameter (see `idioms`).
    pub(crate) idioms: Vec<super::idioms::Idiom>,
    /// Inputs beyond the examples, where every example gives one result: a solution that
    /// gives one value on all of them (where it does not raise) is that constant in disguise
    /// (`len((a, b))` for a count that is 2 in both examples), no solution.
    pub(crate) probes: Vec<Vec<PyVal>>,
    /// The parameter that is a tuple part's position in a joint search of a tuple's parts
    /// (see `components`): a program that counts with it, rather than picking a part of the
    /// input by it, is no solution.
    pub(crate) part_position: Option<usize>,
    /// Parameters the description states as a threshold, with the side of their boundary
    /// ("above the reorder point": `stock > reorder_point`).
    pub(crate) param_bounds: Vec<(usize, super::hints::Bound)>,
}

/// See [`SearchInput::stated_guard`].
#[derive(Clone, Debug)]
pub(crate) struct StatedGuard {
    /// The parameter the stated case empties or zeroes.
    pub(crate) param: usize,
    /// The stated case's inputs.
    pub(crate) inputs: Vec<PyVal>,
    /// The stated result.
    pub(crate) result: PyVal,
    /// How the guard tests the parameter.
    pub(crate) test: GuardTest,
    /// What a solution under the guard costs more: nothing where the description states the
    /// case, an `if` where only an example shows it (a fit of the other examples is cheap).
    pub(crate) cost: u32,
}

/// The test of a [`StatedGuard`]'s parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GuardTest {
    /// Its truth: `expr if values else -1` (a stated empty or zero case).
    Truth,
    /// `is None`: `'' if text is None else text.strip()`, for an optional parameter whose
    /// examples give `None` one result (the search sees the others, the parameter narrowed to
    /// its non-`None` type).
    IsNone,
}

impl SearchInput {
    /// The parameters whose type `kind` accepts, in order.
    pub(crate) fn params_of(&self, kind: impl Fn(&Ty) -> bool) -> Vec<usize> {
        self.param_types
            .iter()
            .enumerate()
            .filter(|(_, t)| kind(t))
            .map(|(i, _)| i)
            .collect()
    }

    /// The input of a sub-search (a lambda body, a template's hole): this search's constants,
    /// costs and stated numbers over its own parameters and examples. It answers no intent of
    /// its own (the composed program is ranked) and requires no parameter.
    pub(crate) fn sub(
        &self,
        param_types: Vec<Ty>,
        examples: Vec<(Vec<PyVal>, PyVal)>,
    ) -> SearchInput {
        SearchInput {
            param_types,
            examples,
            constants: self.constants.clone(),
            costs: self.costs.clone(),
            required_params: 0,
            text_ints: self.text_ints.clone(),
            intents: crate::intent::Intents::default(),
            param_names: Vec::new(),
            digit_source: false,
            decimals: self.decimals,
            bounds: Vec::new(),
            stated_guard: None,
            idioms: Vec::new(),
            probes: Vec::new(),
            part_position: None,
            param_bounds: Vec::new(),
        }
    }

    /// Whether `expr` gives one value on every probe where it does not raise (see
    /// [`SearchInput::probes`]).
    pub(crate) fn constant_on_probes(&self, expr: &Expr) -> bool {
        let mut first: Option<PyVal> = None;
        for args in &self.probes {
            let env = super::interp::Env {
                params: args,
                vars: &[],
            };
            let Ok(v) = super::interp::eval(expr, &env) else {
                continue;
            };
            match &first {
                None => first = Some(v),
                Some(f) if !super::value::exact_eq(f, &v) => return false,
                Some(_) => {}
            }
        }
        !self.probes.is_empty()
    }

    /// Whether `expr` gives every example's output.
    pub(crate) fn fits(&self, expr: &Expr) -> bool {
        self.examples.iter().all(|(args, want)| {
            super::interp::eval(
                expr,
                &super::interp::Env {
                    params: args,
                    vars: &[],
                },
            )
            .is_ok_and(|got| super::value::exact_eq(&got, want))
        })
    }
}

/// Cost levels searched past the first solution for one that covers the description's intents,
/// when that first solution is cheap (at most [`INTENT_SEARCH_BELOW`]): a cheap fit may be a
/// coincidence of the examples (`nums[0]` for "the second largest"); past a costly fit (a
/// formula the examples force) further levels mostly add formulas that name an operation.
const INTENT_LEVELS: u32 = 3;

/// How much costlier a term may be than the equivalent one it replaces for selecting as the
/// description says (see `offer`): about an uncovered intent's charge.
const UPGRADE_COST: u32 = 4;

/// How much more a term that reads a parameter in place of a constant may cost than the
/// equivalent term it replaces ([`Search::take_parameter_place`]).
const PARAMETER_PLACE_COST: u32 = 1;

/// Operations (each over the operation of its argument) whose term takes the place of an
/// equal one without them where the description names them ([`Search::take_named_place`]):
/// the size of a difference, `abs(x - y)`, which two examples with `x < y` show as `y - x`.
const NAMED_PLACE_OPS: &[(Op, Op)] = &[(Op::Abs, Op::Sub)];

/// Whether `e` applies `op` anywhere.
pub(crate) fn contains_op(e: &Expr, op: Op) -> bool {
    match e {
        Expr::Call(o, args) => *o == op || args.iter().any(|a| contains_op(a, op)),
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => false,
        Expr::Hof(_, a, b) | Expr::Scan(a, b) => contains_op(a, op) || contains_op(b, op),
        Expr::ZipMap(a, b, c) => contains_op(a, op) || contains_op(b, op) || contains_op(c, op),
    }
}

/// The constants `e` holds.
fn const_leaves<'e>(e: &'e Expr, out: &mut Vec<&'e PyVal>) {
    match e {
        Expr::Const(v) => out.push(v),
        Expr::Param(_) | Expr::Var(_) => {}
        Expr::Call(_, args) => args.iter().for_each(|a| const_leaves(a, out)),
        Expr::Hof(_, a, b) | Expr::Scan(a, b) => {
            const_leaves(a, out);
            const_leaves(b, out);
        }
        Expr::ZipMap(a, b, c) => {
            const_leaves(a, out);
            const_leaves(b, out);
            const_leaves(c, out);
        }
    }
}

/// How many reads of the named `fields` `e` makes (`user['active']`, `user.get('active', 0)`).
fn field_reads(e: &Expr, fields: &[String]) -> usize {
    let here = match e {
        Expr::Call(Op::Index | Op::Get | Op::GetDefault, args) => usize::from(matches!(
            args.get(1).map(|a| &**a),
            Some(Expr::Const(PyVal::Str(k))) if fields.iter().any(|f| f.as_str() == &**k)
        )),
        _ => 0,
    };
    here + match e {
        Expr::Param(_) | Expr::Var(_) | Expr::Const(_) => 0,
        Expr::Call(_, args) => args.iter().map(|a| field_reads(a, fields)).sum(),
        Expr::Hof(_, a, b) | Expr::Scan(a, b) => field_reads(a, fields) + field_reads(b, fields),
        Expr::ZipMap(a, b, c) => {
            field_reads(a, fields) + field_reads(b, fields) + field_reads(c, fields)
        }
    }
}

/// Extra cost of a solution that compares a stated threshold on the other side of the
/// boundary its phrase states (see `Search::sided`).
const WRONG_SIDE_COST: u32 = 2;
const INTENT_SEARCH_BELOW: u32 = 5;

/// Limits of one search.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SearchLimits {
    pub(crate) max_cost: u32,
    pub(crate) max_terms: usize,
    pub(crate) max_solutions: usize,
    /// Cost levels searched past the first solution (alternatives for the ranking).
    pub(crate) extra_levels: u32,
}

impl Default for SearchLimits {
    fn default() -> Self {
        Self {
            max_cost: 40,
            max_terms: 400_000,
            max_solutions: 20,
            extra_levels: 1,
        }
    }
}

/// Why a search stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StopReason {
    /// Every program up to the cost limit was tried.
    Exhausted,
    /// The term or cost limit was reached, or enough solutions were found.
    Budget,
    /// The cancel token fired (deadline or request).
    Cancelled,
}

/// A program consistent with every example.
#[derive(Clone, Debug)]
pub(crate) struct FoundProgram {
    pub(crate) expr: Rc<Expr>,
    pub(crate) cost: u32,
}

/// Result of a search.
pub(crate) struct Outcome {
    pub(crate) programs: Vec<FoundProgram>,
    pub(crate) stop: StopReason,
    /// Terms built in every bank.
    pub(crate) terms: usize,
}

struct Term {
    expr: Rc<Expr>,
    ty: Ty,
    vals: Vec<PyVal>,
    uses_var: bool,
    cost: u32,
}

/// One aggregate per key (`group_level`): the operation, the list parameter iterated, and
/// the key and value bodies in the lambda context over its elements.
struct GroupPart {
    op: Op,
    param: usize,
    lambda: usize,
    key: usize,
    /// `None` for a count of each key.
    value: Option<usize>,
}

/// A bank of terms over one universe of environments.
struct Ctx {
    /// Example index of each point.
    point_ex: Vec<usize>,
    /// Bound variable values of each point.
    point_vars: Vec<Vec<PyVal>>,
    /// Element type(s) of the bound variables (empty: the main context).
    var_tys: Vec<Ty>,
    terms: Vec<Term>,
    by_ty_cost: FxHashMap<(Ty, u32), Vec<usize>>,
    /// Types present at each cost.
    types_at: FxHashMap<u32, Vec<Ty>>,
    /// Each value key's term.
    seen: FxHashMap<u64, usize>,
    /// For a source iterable (param index; or (param, is_words) for strings split into words),
    /// the point range per example.
    sources: Vec<(Source, Vec<Range<usize>>)>,
    /// The number-like pieces of strings (see `number_pieces_context`): bodies for iterating
    /// `re.findall(...)` or `.split(...)` only.
    pieces: bool,
    /// The two parameters of a key context (see `pair_contexts`): its variable is one of
    /// them, its points the pair of values of each example.
    pair: Option<(usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Param(usize),
    Words(usize),
    Zip(usize, usize),
    /// Neighbouring elements of a sequence parameter: `zip(xs, xs[1:])`.
    Pairs(usize),
    /// The characters of `str(n)` of an int parameter.
    Digits(usize),
    /// The characters of `str(abs(n))` of an int parameter some example makes negative.
    AbsDigits(usize),
    /// The `(key, value)` pairs of a dict parameter's `.items()`.
    Items(usize),
}

const MAX_POINTS: usize = 400;
/// How many levels ahead of the main bank `group_level` builds its programs.
const GROUP_AHEAD: u32 = 4;
const MAX_WEIGHT: usize = 4_000;

impl Ctx {
    fn new(point_ex: Vec<usize>, point_vars: Vec<Vec<PyVal>>, var_tys: Vec<Ty>) -> Ctx {
        Ctx {
            point_ex,
            point_vars,
            var_tys,
            terms: Vec::new(),
            by_ty_cost: FxHashMap::default(),
            types_at: FxHashMap::default(),
            seen: FxHashMap::default(),
            sources: Vec::new(),
            pieces: false,
            pair: None,
        }
    }

    fn key(ty: &Ty, vals: &[PyVal]) -> u64 {
        let mut h = FxHasher::default();
        ty.hash(&mut h);
        for v in vals {
            exact_hash(v, &mut h);
        }
        h.finish()
    }

    /// The term with these values, if any.
    fn equivalent(&self, ty: &Ty, vals: &[PyVal]) -> Option<usize> {
        self.seen.get(&Ctx::key(ty, vals)).copied()
    }

    /// Adds a term unless an equivalent one exists: its id, or the id of the term already holding its values (`Err`; also
    /// for a type too deep to keep, `Err(usize::MAX)`).
    fn insert(
        &mut self,
        expr: Rc<Expr>,
        ty: Ty,
        cost: u32,
        vals: Vec<PyVal>,
    ) -> Result<usize, usize> {
        if ty.depth() > 3 {
            return Err(usize::MAX);
        }
        let key = Ctx::key(&ty, &vals);
        let id = self.terms.len();
        match self.seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(old) => return Err(*old.get()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(id);
            }
        }
        let uses_var = expr.uses_var();
        let types = self.types_at.entry(cost).or_default();
        if !types.contains(&ty) {
            types.push(ty.clone());
        }
        self.by_ty_cost
            .entry((ty.clone(), cost))
            .or_default()
            .push(id);
        self.terms.push(Term {
            expr,
            ty,
            vals,
            uses_var,
            cost,
        });
        Ok(id)
    }
}

struct Search<'a> {
    /// Borrowed for a search; owned for a decomposition's sub-search (its examples are the
    /// points of a lambda body).
    input: Cow<'a, SearchInput>,
    limits: SearchLimits,
    cancel: &'a CancelToken,
    ctxs: Vec<Ctx>,
    outputs: Vec<PyVal>,
    found: Vec<FoundProgram>,
    found_keys: FxHashSet<String>,
    evals: usize,
    stop: Option<StopReason>,
    /// Cheapest main-context term per mask of examples it gets right (for conditionals).
    partial: FxHashMap<u64, (usize, u32)>,
    /// Cheapest main-context bool term per mask of examples where it is true (a parameter
    /// tested for truth too: `if items`).
    guards: FxHashMap<u64, (usize, u32)>,
    /// Cheapest main-context program per mask of examples it gets right that raises on some
    /// other example (`items[0]`, `a / b`): a conditional's branch only.
    partial_err: FxHashMap<u64, (Rc<Expr>, u32)>,
    /// Cheapest main-context program per mask of examples where it raises, when it raises one
    /// exception class there and is right everywhere else (`int(text)`): the attempt of a
    /// `try` whose fallback is right where it raises.
    raising: FxHashMap<u64, Attempt>,
    /// Cheapest principled guard per mask (see `Search::principled_guard`): the cheapest
    /// guard of a mask is often fitted (`n == 3` where "a multiple of 3" means `n % 3 == 0`).
    principled: FxHashMap<u64, (Rc<Expr>, u32)>,
    /// Cheapest comparison of two parameters per mask where it is true (`len(text) > limit`):
    /// a guard for a branch right on one example where the description states a condition.
    param_guards: FxHashMap<u64, (Rc<Expr>, u32)>,
    /// Sizes of `partial` and `principled` when decision lists were last tried.
    decision_seen: (usize, usize),
    /// The cheapest decision list found, not yet recorded (see `DECISION_WAIT`).
    pending_decision: Option<PendingDecision>,
    /// Cost of each main-context term.
    main_cost: Vec<u32>,
    /// Solutions found that use every required parameter.
    complete: usize,
    /// Fewest description intents a complete solution leaves out (see [`INTENT_LEVELS`]).
    best_uncovered: usize,
    /// Complete solutions kept that leave an intent out (see `record`).
    uncovered_kept: usize,
    /// Solutions kept that leave a required parameter out (see `record`).
    incomplete_kept: usize,
    /// What the results are, for the constructs only some results need.
    gates: OutputGates,
    /// Keys compared on two parameters (see `try_key`), recorded when the levels reach their
    /// cost: recorded at once, cheap keys would fill the solutions before a costlier key that
    /// keeps the values (`sorted(x)` after `min(x)`, `x[1]`) is built.
    pending_keys: Vec<(Rc<Expr>, u32)>,
    /// Fields of fixed-format string parameters (see `Search::fields`).
    fields: Vec<Field>,
    /// Decimal places every float output is rounded to, where the description asks for
    /// rounding ("rounded to cents"): a main-context float term that rounds to the outputs is
    /// a solution under `round(term, places)` (see `offer`).
    rounds_to: Option<i64>,
    /// Whether a described selection may replace an equivalent term (see `offer`): the
    /// description names record fields or states a `None` result.
    upgrades: bool,
    /// Solutions `group_level` built ahead of the level (see there), and the cheapest one's
    /// cost: the search's stopping rule counts them as a decomposition's.
    ahead_completes: usize,
    ahead_best: Option<u32>,
    /// `group_level`'s key bodies, by (lambda context, parameter, term).
    key_fits: FxHashMap<(usize, usize, usize), KeyFit>,
}

/// How a key body's values over a list parameter's elements fit the dict outputs: its
/// distinct values are each example's keys in order; some example repeats one.
#[derive(Clone, Copy)]
struct KeyFit {
    outputs: bool,
    repeats: bool,
}

/// A field of a string parameter that every example splits into the same number of pieces
/// (`hms.split(':')[0]`, `int(version.split('.')[1])`, `name.split()[-1]`): a leaf of its own,
/// as a programmer names the parts of `'HH:MM:SS'` before computing with them.
struct Field {
    expr: Rc<Expr>,
    ty: Ty,
    cost: u32,
    /// Its value in each example.
    per_example: Vec<PyVal>,
}

/// Most pieces a fixed-format string is read as fields (`'2024-03-14'`, `'10:20:30'`,
/// `'192.168.0.1'`).
const MAX_FIELDS: usize = 4;

/// What kinds of values the examples' results include.
#[derive(Clone, Copy, Debug)]
struct OutputGates {
    none_out: bool,
    /// The description states `None` as a result.
    none_stated: bool,
    list_out: bool,
    nested_list_out: bool,
    /// A result holds strings (at the top, in a list or tuple, or as dict values).
    str_out: bool,
    /// Every result is a list of increasing indices (`[i for i, x in enumerate(xs) if …]`),
    /// some not empty.
    indices_out: bool,
    /// Every result is a non-negative integer or `None`, some an integer (`next((i for i, x
    /// in enumerate(xs) if …), None)`).
    index_or_none_out: bool,
    /// Every result is a prefix of a list parameter, some shorter (`takewhile`).
    prefix_out: bool,
    /// An input holds a `YYYY-MM-DD` date (at the top, or in a list, tuple or dict).
    dates: bool,
}

/// Whether `v` is, or holds within two levels, a `YYYY-MM-DD` date string.
fn holds_iso_date(v: &PyVal, depth: usize) -> bool {
    match v {
        PyVal::Str(s) => super::dates::is_iso_date(s),
        PyVal::List(xs) | PyVal::Tuple(xs) if depth < 2 => {
            xs.iter().any(|x| holds_iso_date(x, depth + 1))
        }
        PyVal::Dict(kv) if depth < 2 => kv
            .iter()
            .any(|(k, x)| holds_iso_date(k, depth + 1) || holds_iso_date(x, depth + 1)),
        _ => false,
    }
}

impl OutputGates {
    fn of(outputs: &[PyVal]) -> OutputGates {
        let is_list = |v: &PyVal| matches!(v, PyVal::List(_));
        OutputGates {
            none_out: outputs.iter().any(|o| matches!(o, PyVal::None)),
            none_stated: false,
            list_out: outputs.iter().any(is_list),
            nested_list_out: outputs
                .iter()
                .any(|o| matches!(o, PyVal::List(items) if items.iter().any(is_list))),
            str_out: outputs.iter().any(|o| match o {
                PyVal::Str(_) => true,
                PyVal::List(xs) | PyVal::Tuple(xs) => xs.iter().any(|x| matches!(x, PyVal::Str(_))),
                PyVal::Dict(kv) => kv.iter().any(|(_, v)| matches!(v, PyVal::Str(_))),
                _ => false,
            }),
            indices_out: !outputs.is_empty()
                && outputs.iter().all(|o| match o {
                    PyVal::List(xs) => {
                        let ints: Vec<i64> = xs
                            .iter()
                            .filter_map(|x| match x {
                                PyVal::Int(i) if *i >= 0 => Some(*i),
                                _ => None,
                            })
                            .collect();
                        ints.len() == xs.len() && ints.windows(2).all(|w| w[0] < w[1])
                    }
                    _ => false,
                })
                && outputs
                    .iter()
                    .any(|o| matches!(o, PyVal::List(xs) if !xs.is_empty())),
            index_or_none_out: outputs
                .iter()
                .all(|o| matches!(o, PyVal::None) || matches!(o, PyVal::Int(i) if *i >= 0))
                && outputs.iter().any(|o| matches!(o, PyVal::Int(_))),
            prefix_out: false,
            dates: false,
        }
    }

    /// Whether every result is a prefix of one list parameter, some shorter than it.
    fn prefixes(examples: &[(Vec<PyVal>, PyVal)]) -> bool {
        let n = examples.first().map_or(0, |(ins, _)| ins.len());
        (0..n).any(|p| {
            let mut shorter = false;
            let all = examples.iter().all(|(ins, out)| match (&ins[p], out) {
                (PyVal::List(xs), PyVal::List(ys)) => {
                    shorter |= ys.len() < xs.len();
                    ys.len() <= xs.len() && xs.iter().zip(ys.iter()).all(|(x, y)| exact_eq(x, y))
                }
                _ => false,
            });
            all && shorter
        })
    }
}

fn new_search<'a>(
    input: Cow<'a, SearchInput>,
    limits: SearchLimits,
    cancel: &'a CancelToken,
) -> Search<'a> {
    let outputs: Vec<PyVal> = input.examples.iter().map(|(_, o)| o.clone()).collect();
    let best_uncovered = input.intents.len();
    let rounds_to = ((input.intents.wants("decimals") || input.intents.wants("round"))
        && !outputs.is_empty()
        && outputs.iter().all(|o| matches!(o, PyVal::Float(_))))
    .then_some(input.decimals);
    let upgrades = !input.intents.fields().is_empty() || input.intents.states_none();
    let mut gates = OutputGates::of(&outputs);
    // "The first even number, or None if there is none": `next(..., None)` where no example
    // shows the `None`.
    gates.none_stated = input.intents.states_none();
    gates.prefix_out = OutputGates::prefixes(&input.examples);
    gates.dates = input
        .examples
        .iter()
        .any(|(ins, _)| ins.iter().any(|v| holds_iso_date(v, 0)));
    Search {
        input,
        limits,
        cancel,
        ctxs: Vec::new(),
        outputs,
        found: Vec::new(),
        found_keys: FxHashSet::default(),
        evals: 0,
        stop: None,
        partial: FxHashMap::default(),
        guards: FxHashMap::default(),
        partial_err: FxHashMap::default(),
        raising: FxHashMap::default(),
        principled: FxHashMap::default(),
        param_guards: FxHashMap::default(),
        decision_seen: (0, 0),
        pending_decision: None,
        main_cost: Vec::new(),
        complete: 0,
        best_uncovered,
        uncovered_kept: 0,
        incomplete_kept: 0,
        gates,
        pending_keys: Vec::new(),
        fields: Vec::new(),
        rounds_to,
        upgrades,
        ahead_completes: 0,
        ahead_best: None,
        key_fits: FxHashMap::default(),
    }
}

/// Every distinct main-context program the search builds within `limits` (the differential
/// test runs them through CPython).
#[cfg(test)]
pub(crate) fn programs(
    input: &SearchInput,
    limits: SearchLimits,
    cancel: &CancelToken,
) -> Vec<Rc<Expr>> {
    let mut s = new_search(Cow::Borrowed(input), limits, cancel);
    s.build_contexts();
    for cost in 1..=limits.max_cost {
        s.levels(cost);
        if s.stop.is_some() {
            break;
        }
    }
    s.ctxs[0].terms.iter().map(|t| t.expr.clone()).collect()
}

/// Runs the search.
pub(crate) fn search(input: &SearchInput, limits: SearchLimits, cancel: &CancelToken) -> Outcome {
    let mut s = new_search(Cow::Borrowed(input), limits, cancel);
    s.build_contexts();
    let mut dec = decompose::Decomposer::new(&s);
    let mut tpl = template::Templater::new(&s);
    let mut first_found: Option<u32> = None;
    // The main bank reached its term limit; the decompositions (with their own limits) go on.
    let mut main_full = false;
    let mut main_time = std::time::Duration::ZERO;
    for cost in 1..=limits.max_cost {
        // Decompositions first: their programs of this cost come from sub-searches much
        // smaller than the level.
        dec.step(&mut s, cost);
        if let Some(t) = tpl.as_mut() {
            t.step(&mut s, cost);
        }
        if !main_full {
            let start = std::time::Instant::now();
            s.levels(cost);
            if s.stop.is_none() {
                s.conditionals(cost);
                if s.complete == 0 {
                    s.decision_lists(cost);
                }
            }
            main_time += start.elapsed();
            if s.stop == Some(StopReason::Budget) && s.complete == 0 && dec.live() {
                main_full = true;
                s.stop = None;
            }
        } else if !dec.live() {
            s.stop.get_or_insert(StopReason::Budget);
        }
        s.record_keys(Some(cost));
        // A decision list waits for the levels where a cheaper program could still turn up.
        if let Some(p) = &s.pending_decision {
            if cost >= p.cost || cost >= p.level + DECISION_WAIT || s.stop.is_some() {
                if let Some(p) = s.pending_decision.take() {
                    s.record(p.expr, p.cost);
                }
            }
        }
        let tpl_completes = tpl.as_ref().map_or(0, template::Templater::completes);
        if first_found.is_none() && s.complete > dec.completes() + tpl_completes + s.ahead_completes
        {
            first_found = Some(cost);
        }
        let covered = s.best_uncovered == 0;
        // A decomposition may find a program ahead of the main levels: the search goes on
        // to its cost (and the extra levels) for cheaper ones.
        let found_at = [
            first_found,
            dec.best(),
            tpl.as_ref().and_then(template::Templater::best),
            s.ahead_best,
        ]
        .into_iter()
        .flatten()
        .min();
        if let Some(f) = found_at {
            // A stated result ("or 0.0 for an empty list") is a guard or a fallback the
            // examples may not force, and a named field a read they may not need: searched
            // for past a costlier fit too.
            let stated = s.input.intents.asks_for_more_than_a_fit();
            let extra = if covered || (f > INTENT_SEARCH_BELOW && !stated) {
                limits.extra_levels
            } else {
                limits.extra_levels + INTENT_LEVELS
            };
            if cost >= f + extra {
                s.stop.get_or_insert(StopReason::Budget);
            }
        }
        let searching_on = !covered
            && first_found.is_some_and(|f| {
                f <= INTENT_SEARCH_BELOW || s.input.intents.asks_for_more_than_a_fit()
            });
        if (!searching_on && s.complete >= limits.max_solutions)
            || s.found.len() >= 4 * limits.max_solutions
        {
            s.stop.get_or_insert(StopReason::Budget);
        }
        if s.stop.is_none() && !main_full {
            dec.run_ahead(&mut s, main_time);
        }
        if s.stop.is_some() {
            break;
        }
    }
    if let Some(p) = s.pending_decision.take() {
        s.record(p.expr, p.cost);
    }
    s.record_keys(None);
    let terms = s.ctxs.iter().map(|c| c.terms.len()).sum();
    Outcome {
        programs: s.found,
        stop: s.stop.unwrap_or(StopReason::Exhausted),
        terms,
    }
}

impl Search<'_> {
    fn build_contexts(&mut self) {
        let n = self.input.examples.len();
        self.ctxs
            .push(Ctx::new((0..n).collect(), vec![Vec::new(); n], Vec::new()));
        // One lambda context per element type of an iterable parameter.
        let mut elem_types: Vec<Ty> = Vec::new();
        for t in &self.input.param_types {
            if let Some(e) = t.elem() {
                if lambda_elem(&e) && !elem_types.contains(&e) {
                    elem_types.push(e);
                }
            }
            if *t == Ty::Int && self.input.digit_source && !elem_types.contains(&Ty::Str) {
                elem_types.push(Ty::Str);
            }
        }
        for et in elem_types {
            let mut ctx = Ctx::new(Vec::new(), Vec::new(), vec![et.clone()]);
            let mut sources: Vec<(Source, Vec<Range<usize>>)> = Vec::new();
            for (p, t) in self.input.param_types.iter().enumerate() {
                let digits = *t == Ty::Int && et == Ty::Str && self.input.digit_source;
                if !digits && (t.elem().as_ref() != Some(&et) || matches!(t, Ty::Set(_))) {
                    continue;
                }
                let mut kinds = vec![if digits {
                    Source::Digits(p)
                } else {
                    Source::Param(p)
                }];
                if *t == Ty::Str {
                    kinds.push(Source::Words(p));
                }
                // The digits of a negative number are those of `abs(n)`: a body over the
                // points of `str(n)` would have to take the `'-'` (`int(d)` raises there).
                let negative =
                    |(ins, _): &(Vec<PyVal>, PyVal)| matches!(ins[p], PyVal::Int(n) if n < 0);
                if digits && self.input.examples.iter().any(negative) {
                    kinds = vec![Source::AbsDigits(p)];
                }
                for kind in kinds {
                    let mut ranges = Vec::new();
                    for (ex, (ins, _)) in self.input.examples.iter().enumerate() {
                        let v = &ins[p];
                        let items = match kind {
                            Source::Words(_) => apply(Op::SplitWs, &[v])
                                .and_then(|w| elements(&w))
                                .unwrap_or_default(),
                            Source::Digits(_) => apply(Op::StrOf, &[v])
                                .and_then(|w| elements(&w))
                                .unwrap_or_default(),
                            Source::AbsDigits(_) => apply(Op::Abs, &[v])
                                .and_then(|a| apply(Op::StrOf, &[&a]))
                                .and_then(|w| elements(&w))
                                .unwrap_or_default(),
                            _ => elements(v).unwrap_or_default(),
                        };
                        let start = ctx.point_ex.len();
                        for it in items {
                            ctx.point_ex.push(ex);
                            ctx.point_vars.push(vec![it]);
                        }
                        ranges.push(start..ctx.point_ex.len());
                    }
                    sources.push((kind, ranges));
                }
            }
            if ctx.point_ex.is_empty() || ctx.point_ex.len() > MAX_POINTS {
                continue;
            }
            ctx.sources = sources;
            self.ctxs.push(ctx);
        }
        self.fields = self.fields();
        self.number_pieces_context();
        self.pair_contexts();
        // A context of the key and value pairs of each dict parameter (dict comprehensions
        // over `.items()`, built only for a dict result: its terms count against the limit).
        let dict_out = self.outputs.iter().any(|o| matches!(o, PyVal::Dict(_)));
        for (p, t) in self.input.param_types.iter().enumerate() {
            if !dict_out {
                break;
            }
            let Ty::Dict(kt, vt) = t else { continue };
            if kt.has_any() {
                continue;
            }
            let mut ctx = Ctx::new(Vec::new(), Vec::new(), vec![(**kt).clone(), (**vt).clone()]);
            let mut ranges = Vec::new();
            for (ex, (ins, _)) in self.input.examples.iter().enumerate() {
                let start = ctx.point_ex.len();
                if let PyVal::Dict(d) = &ins[p] {
                    for (k, v) in d.iter() {
                        ctx.point_ex.push(ex);
                        ctx.point_vars.push(vec![k.clone(), v.clone()]);
                    }
                }
                ranges.push(start..ctx.point_ex.len());
            }
            if ctx.point_ex.is_empty() || ctx.point_ex.len() > MAX_POINTS {
                continue;
            }
            ctx.sources = vec![(Source::Items(p), ranges)];
            self.ctxs.push(ctx);
        }
        // A zip context for each ordered pair of list (or string) parameters, and one of
        // neighbours (`zip(xs, xs[1:])`) for each list: "count the changes from the one
        // before", "the total climb between consecutive readings".
        let lists = self
            .input
            .params_of(|t| matches!(t, Ty::List(e) | Ty::TupleN(e) if !e.has_any()));
        let strings = self.input.params_of(|t| *t == Ty::Str);
        // Neighbours only where the description pairs them: a context per list costs every
        // search its levels.
        let neighbours = self.input.intents.wants("neighbours");
        let pairs = lists.iter().filter(|_| neighbours).map(|&p| (p, p));
        let zips = [&lists, &strings]
            .into_iter()
            .flat_map(|group| {
                group
                    .iter()
                    .flat_map(move |&p| group.iter().map(move |&q| (p, q)))
            })
            .filter(|(p, q)| p != q);
        let wanted: Vec<(usize, usize)> = zips.chain(pairs).collect();
        for (p, q) in wanted {
            let source = if p == q {
                Source::Pairs(p)
            } else {
                Source::Zip(p, q)
            };
            let (Some(ep), Some(eq)) = (
                self.input.param_types[p].elem(),
                self.input.param_types[q].elem(),
            ) else {
                continue;
            };
            let mut ctx = Ctx::new(Vec::new(), Vec::new(), vec![ep, eq]);
            let mut ranges = Vec::new();
            for (ex, (ins, _)) in self.input.examples.iter().enumerate() {
                let xs = elements(&ins[p]).unwrap_or_default();
                // Neighbours: each element with the one after it.
                let ys = elements(&ins[q]).unwrap_or_default();
                let start = ctx.point_ex.len();
                for (x, y) in xs.into_iter().zip(ys.into_iter().skip(usize::from(p == q))) {
                    ctx.point_ex.push(ex);
                    ctx.point_vars.push(vec![x, y]);
                }
                ranges.push(start..ctx.point_ex.len());
            }
            if ctx.point_ex.is_empty() || ctx.point_ex.len() > MAX_POINTS {
                continue;
            }
            ctx.sources = vec![(source, ranges)];
            self.ctxs.push(ctx);
        }
    }

    /// A key context for each pair of parameters of one type when the result is yes or no
    /// (both answers among the examples), strings or sequences: `sorted(a.lower()) ==
    /// sorted(b.lower())` ("the same letters"), `len(a) == len(b)`. Its variable takes each
    /// parameter's value in turn, so a key is built once and tried on both (see `offer`); the
    /// plain levels would build it twice, at twice its cost. (Keys of numbers fit two examples
    /// by chance too often: `2 % n == 2 % d` for "n is divisible by d".)
    fn pair_contexts(&mut self) {
        let bools: Vec<bool> = self
            .outputs
            .iter()
            .filter_map(|o| match o {
                PyVal::Bool(b) => Some(*b),
                _ => None,
            })
            .collect();
        if bools.len() != self.outputs.len() || !bools.contains(&true) || !bools.contains(&false) {
            return;
        }
        let types = &self.input.param_types;
        for p in 0..types.len() {
            for q in p + 1..types.len() {
                let t = &types[p];
                if *t != types[q]
                    || t.has_any()
                    || !matches!(t, Ty::Str | Ty::List(_) | Ty::TupleN(_))
                {
                    continue;
                }
                let mut ctx = Ctx::new(Vec::new(), Vec::new(), vec![t.clone()]);
                for (ex, (ins, _)) in self.input.examples.iter().enumerate() {
                    for side in [p, q] {
                        ctx.point_ex.push(ex);
                        ctx.point_vars.push(vec![ins[side].clone()]);
                    }
                }
                if ctx.point_ex.len() > MAX_POINTS {
                    continue;
                }
                ctx.pair = Some((p, q));
                self.ctxs.push(ctx);
            }
        }
    }

    /// Term `id` of key context `ci` (two points per example) as a key compared on both
    /// parameters, recorded when equal keys are exactly the examples answering yes.
    fn try_key(&mut self, (p, q): (usize, usize), ci: usize, id: usize, cost: u32) {
        let Term {
            expr: key,
            ty,
            vals,
            ..
        } = &self.ctxs[ci].terms[id];
        if !key.uses_var() || matches!(&**key, Expr::Var(_)) {
            return;
        }
        let fits = self.outputs.iter().enumerate().all(|(ex, o)| {
            let same = match (vals.get(2 * ex), vals.get(2 * ex + 1)) {
                (Some(a), Some(b)) => exact_eq(a, b),
                _ => return false,
            };
            matches!(o, PyVal::Bool(b) if *b == same)
        });
        if !fits {
            return;
        }
        let expr = Rc::new(Expr::Call(Op::Eq, vec![bind_var(key, p), bind_var(key, q)]));
        // A number summarizing each side (`sum(xs) == sum(ys)`) agrees by chance more often
        // than a key that keeps the values (`sorted(xs) == sorted(ys)`).
        let scalar = matches!(ty, Ty::Int | Ty::Float | Ty::Bool);
        let cost = cost + self.input.costs.op_cost(Op::Eq) + KEY_COST + u32::from(scalar);
        self.pending_keys.push((expr, cost));
    }

    /// Records the pending keys compared on two parameters that cost at most `level` (all of
    /// them when `None`: the search ends).
    fn record_keys(&mut self, level: Option<u32>) {
        let (ready, wait): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending_keys)
            .into_iter()
            .partition(|(_, c)| level.is_none_or(|l| *c <= l));
        self.pending_keys = wait;
        for (expr, cost) in ready {
            self.record(expr, cost);
        }
    }

    /// The fields of each string parameter that every example splits into the same number
    /// (2 to [`MAX_FIELDS`]) of pieces, at whitespace or at a separator among the constants:
    /// each piece by position (the last as `[-1]`), and `int(...)` of the pieces that are
    /// integers in every example. A piece and its `int` cost one more than the parameter.
    fn fields(&self) -> Vec<Field> {
        let mut out = Vec::new();
        // Whitespace splits as `split()` does (`split(' ')` keeps empty pieces at doubled
        // spaces).
        let mut seps: Vec<Option<&PyVal>> = vec![None];
        seps.extend(
            self.input
                .constants
                .iter()
                .filter(|c| c.ty != Ty::Pattern && is_separator(&c.value))
                .filter(|c| !matches!(&c.value, PyVal::Str(s) if s.trim().is_empty()))
                .map(|c| Some(&c.value)),
        );
        let param_cost = self.input.costs.param;
        for (p, t) in self.input.param_types.iter().enumerate() {
            if *t != Ty::Str {
                continue;
            }
            for idiom in &self.input.idioms {
                let expr = idiom.expr(Rc::new(Expr::Param(p)));
                let per_example: Option<Vec<PyVal>> = self
                    .input
                    .examples
                    .iter()
                    .map(|(ins, _)| {
                        let env = super::interp::Env {
                            params: ins,
                            vars: &[],
                        };
                        super::interp::eval(&expr, &env).ok()
                    })
                    .collect();
                if let Some(per_example) = per_example {
                    out.push(Field {
                        expr,
                        ty: Ty::Str,
                        cost: param_cost + 1,
                        per_example,
                    });
                }
            }
            for sep in &seps {
                let split = |v: &PyVal| match sep {
                    Some(s) => apply(Op::Split, &[v, s]),
                    None => apply(Op::SplitWs, &[v]),
                };
                let Some(per_example) = self
                    .input
                    .examples
                    .iter()
                    .map(|(ins, _)| split(&ins[p]).and_then(|w| elements(&w)).ok())
                    .collect::<Option<Vec<Vec<PyVal>>>>()
                else {
                    continue;
                };
                let k = per_example.first().map_or(0, Vec::len);
                if !(2..=MAX_FIELDS).contains(&k) || per_example.iter().any(|w| w.len() != k) {
                    continue;
                }
                let whole = Rc::new(match sep {
                    Some(s) => Expr::Call(
                        Op::Split,
                        vec![Rc::new(Expr::Param(p)), Rc::new(Expr::Const((*s).clone()))],
                    ),
                    None => Expr::Call(Op::SplitWs, vec![Rc::new(Expr::Param(p))]),
                });
                for i in 0..k {
                    let index = if i + 1 == k { -1 } else { i as i64 };
                    let piece = Rc::new(Expr::Call(
                        Op::Index,
                        vec![whole.clone(), Rc::new(Expr::Const(PyVal::Int(index)))],
                    ));
                    let values: Vec<PyVal> = per_example.iter().map(|w| w[i].clone()).collect();
                    if values.iter().all(integer_text) {
                        let ints: Option<Vec<PyVal>> =
                            values.iter().map(|v| apply(Op::IntOf, &[v]).ok()).collect();
                        if let Some(ints) = ints {
                            out.push(Field {
                                expr: Rc::new(Expr::Call(Op::IntOf, vec![piece.clone()])),
                                ty: Ty::Int,
                                cost: param_cost + 1,
                                per_example: ints,
                            });
                        }
                    }
                    out.push(Field {
                        expr: piece,
                        ty: Ty::Str,
                        cost: param_cost + 1,
                        per_example: values,
                    });
                }
            }
        }
        out
    }

    /// A context of the number-like pieces of string parameters (`re.findall(r'\d+', text)`,
    /// `version.split('.')`): in the context of every character and word, `int(x)` raises on
    /// most points and never becomes a body, so `[int(n) for n in ...]` needs its own.
    fn number_pieces_context(&mut self) {
        let seps: Vec<PyVal> = self
            .input
            .constants
            .iter()
            .filter(|c| c.ty != Ty::Pattern && is_separator(&c.value))
            .map(|c| c.value.clone())
            .collect();
        let mut ctx = Ctx::new(Vec::new(), Vec::new(), vec![Ty::Str]);
        for (p, t) in self.input.param_types.iter().enumerate() {
            if *t != Ty::Str {
                continue;
            }
            let mut pieces: Vec<(Op, Option<&PyVal>)> = vec![(Op::FindallDigits, None)];
            pieces.extend(seps.iter().map(|s| (Op::Split, Some(s))));
            for (op, sep) in pieces {
                let per_example: Option<Vec<Vec<PyVal>>> = self
                    .input
                    .examples
                    .iter()
                    .map(|(ins, _)| {
                        let v = match sep {
                            Some(s) => apply(op, &[&ins[p], s]),
                            None => apply(op, &[&ins[p]]),
                        };
                        v.and_then(|w| elements(&w)).ok()
                    })
                    .collect();
                let Some(per_example) = per_example else {
                    continue;
                };
                if per_example.iter().all(Vec::is_empty)
                    || !per_example.iter().flatten().all(integer_text)
                {
                    continue;
                }
                for (ex, items) in per_example.into_iter().enumerate() {
                    for it in items {
                        if ctx.point_ex.len() < MAX_POINTS {
                            ctx.point_ex.push(ex);
                            ctx.point_vars.push(vec![it]);
                        }
                    }
                }
            }
        }
        if !ctx.point_ex.is_empty() {
            ctx.pieces = true;
            self.ctxs.push(ctx);
        }
    }

    /// Builds level `cost` of the main bank and of the key contexts, and the level of each
    /// comprehension body bank that the main bank's later levels can use. A body of cost `c`
    /// is used only in a comprehension costing at least `c` plus the cheapest comprehension's
    /// own cost ([`Search::body_lag`]), so the body banks lag that far behind the main bank:
    /// the same programs at the same costs, without building each body bank's frontier levels
    /// (most of the work, as a bank grows several times per level) before anything can use them.
    fn levels(&mut self, cost: u32) {
        let lag = self.body_lag();
        for ci in 0..self.ctxs.len() {
            if self.stop.is_some() {
                break;
            }
            if ci == 0 || self.ctxs[ci].pair.is_some() {
                self.level(ci, cost);
            } else if cost > lag {
                self.level(ci, cost - lag);
            }
        }
    }

    /// How many levels the comprehension body banks lag behind the main bank: the cheapest
    /// comprehension (or `zip` map) costs at least this beyond its body.
    fn body_lag(&self) -> u32 {
        let costs = &self.input.costs;
        ALL_HOFS
            .iter()
            .map(|&h| costs.hof_cost(h))
            .chain(std::iter::once(costs.zip))
            .min()
            .unwrap_or(0)
    }

    fn tick(&mut self) -> bool {
        self.evals += 1;
        if self.evals.is_multiple_of(512) && self.cancel.is_cancelled() {
            self.stop = Some(StopReason::Cancelled);
        }
        let total: usize = self.ctxs.iter().map(|c| c.terms.len()).sum();
        if total >= self.limits.max_terms {
            self.stop.get_or_insert(StopReason::Budget);
        }
        self.stop.is_none()
    }

    /// Records a new term (and checks it against the outputs in the main context).
    fn offer(&mut self, ci: usize, expr: Rc<Expr>, ty: Ty, cost: u32, vals: Vec<PyVal>) {
        if vals.iter().map(PyVal::weight).sum::<usize>() > MAX_WEIGHT {
            return;
        }
        if !vals.iter().all(|v| fits(v, &ty)) {
            return;
        }
        if ci == 0 {
            let mask = self.mask(&vals);
            let all = (1u64 << self.outputs.len().min(63)) - 1;
            if mask == all {
                self.record(expr.clone(), cost);
            } else if let Some(places) = self.rounds_to.filter(|_| ty == Ty::Float) {
                self.record_rounded(&expr, &vals, cost, places);
            }
            // A principled guard is kept even where a cheaper term of the same values is (the
            // bank keeps `n == 3`; "multiples of 3" wants `n % 3 == 0`).
            if ty == Ty::Bool && cost <= DECISION_PART_COST {
                let tmask =
                    vals.iter()
                        .enumerate()
                        .fold(0u64, |m, (i, v)| if v.truthy() { m | (1 << i) } else { m });
                if !self.principled.contains_key(&tmask) && self.principled_guard(&expr) {
                    self.principled.insert(tmask, (expr.clone(), cost));
                }
                if !self.param_guards.contains_key(&tmask) && compares_parameters(&expr) {
                    self.param_guards.insert(tmask, (expr.clone(), cost));
                }
            }
            // A term equivalent on the examples to a cheaper one that reads more of the
            // fields the description names takes its place (`[u for u in users if
            // u['active']]` for `users[:1]`): two examples rarely tell them apart, and later
            // terms built on it read as described.
            // Likewise the first element that passes a test where the description states a
            // `None` result, in place of another optional term of the same values (terms of
            // different types are never equivalent: `nums[-1]` is no candidate).
            // (Only such a selection looks its equivalent up: every other term is hashed once,
            // by `add`.)
            if self.upgrades && self.described_selection(&expr, &vals) {
                if let Some(old) = self.ctxs[0].equivalent(&ty, &vals) {
                    let old_cost = self.main_cost.get(old).copied().unwrap_or(cost);
                    if cost <= old_cost + UPGRADE_COST
                        && !self.described_selection(&self.ctxs[0].terms[old].expr, &vals)
                    {
                        self.ctxs[0].terms[old].expr = expr;
                    }
                    return;
                }
            }
            let id = match self.ctxs[0].insert(expr.clone(), ty.clone(), cost, vals) {
                Ok(id) => Some(id),
                Err(old) => {
                    self.take_parameter_place(0, old, &expr, cost);
                    self.take_named_place(0, old, &expr, cost);
                    self.take_listed_place(0, old, &expr);
                    None
                }
            };
            if let Some(id) = id {
                self.main_cost.push(cost);
                if mask != 0 && mask != all {
                    self.partial.entry(mask).or_insert((id, cost));
                }
                // Bools are guards; so is a parameter tested for truth (`x if items else y`,
                // `a / b if b else 0.0`).
                // Not an optional value or a type variable's: `0` and `''` are false too, and
                // such a value is tested with `is None`.
                let truth_test = matches!(&*self.ctxs[0].terms[id].expr, Expr::Param(_))
                    && !matches!(ty, Ty::Float | Ty::Tuple(_) | Ty::Optional(_) | Ty::Var);
                if ty == Ty::Bool || truth_test {
                    let tmask = self.ctxs[0].terms[id]
                        .vals
                        .iter()
                        .enumerate()
                        .fold(0u64, |m, (i, v)| if v.truthy() { m | (1 << i) } else { m });
                    self.guards.entry(tmask).or_insert((id, cost));
                    if truth_test && !self.principled.contains_key(&tmask) {
                        let e = self.ctxs[0].terms[id].expr.clone();
                        self.principled.insert(tmask, (e, cost));
                    }
                }
            }
        } else {
            let id = match self.ctxs[ci].insert(expr.clone(), ty, cost, vals) {
                Ok(id) => Some(id),
                Err(old) => {
                    self.take_parameter_place(ci, old, &expr, cost);
                    self.take_named_place(ci, old, &expr, cost);
                    self.take_listed_place(ci, old, &expr);
                    None
                }
            };
            // A new key in a key context is tried on both parameters.
            if let (Some(pair), Some(id)) = (self.ctxs[ci].pair, id) {
                self.try_key(pair, ci, id, cost);
            }
        }
    }

    /// A term equal on the examples to a held one that reads a parameter where the held one
    /// has an unstated constant takes its place (`v >= minimum` for `v > 0` where every
    /// example's minimum is below its smallest kept value): two examples rarely tell them
    /// apart, and a parameter is what the caller passes for that purpose.
    fn take_parameter_place(&mut self, ci: usize, old: usize, expr: &Rc<Expr>, cost: u32) {
        let Some(held) = self.ctxs[ci].terms.get(old) else {
            return;
        };
        if !self.reads_parameter_for_constant(expr, cost, &held.expr, held.cost) {
            return;
        }
        let term = &mut self.ctxs[ci].terms[old];
        term.expr = expr.clone();
        term.uses_var = expr.uses_var();
    }

    /// A test of the affixes the description lists, equal on the examples to a held test of one
    /// of them, takes its place (`line.startswith(('#', ';'))` for `line.startswith('#')`
    /// where "starts with '#' or ';'" and no example starts with `';'`).
    fn take_listed_place(&mut self, ci: usize, old: usize, expr: &Rc<Expr>) {
        let Expr::Call(op @ (Op::StartsWith | Op::EndsWith), args) = &**expr else {
            return;
        };
        let [subject, affixes] = args.as_slice() else {
            return;
        };
        let Expr::Const(PyVal::Tuple(listed)) = &**affixes else {
            return;
        };
        let Some(held) = self.ctxs[ci].terms.get(old) else {
            return;
        };
        let Expr::Call(held_op, held_args) = &*held.expr else {
            return;
        };
        let one_of = match held_args.as_slice() {
            [s, a]
                if held_op == op && super::tokens::encode(s) == super::tokens::encode(subject) =>
            {
                match &**a {
                    Expr::Const(v @ PyVal::Str(_)) => {
                        listed.iter().any(|l| super::value::exact_eq(l, v))
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if one_of {
            let term = &mut self.ctxs[ci].terms[old];
            term.expr = expr.clone();
            term.uses_var = expr.uses_var();
        }
    }

    /// A term whose operation the description names, equal on the examples to a held
    /// operation that does not apply it, takes its place (`abs(x - y)` for `y - x` where the
    /// description says "differ by", the examples having `x < y`): terms built on it then
    /// read as described.
    fn take_named_place(&mut self, ci: usize, old: usize, expr: &Rc<Expr>, cost: u32) {
        let Expr::Call(op, args) = &**expr else {
            return;
        };
        if !NAMED_PLACE_OPS.iter().any(|(o, inner)| {
            o == op && matches!(args.first().map(|a| &**a), Some(Expr::Call(i, _)) if i == inner)
        }) || !self.input.costs.is_named(*op)
        {
            return;
        }
        let Some(held) = self.ctxs[ci].terms.get(old) else {
            return;
        };
        if cost > held.cost + UPGRADE_COST
            || !matches!(&*held.expr, Expr::Call(..))
            || contains_op(&held.expr, *op)
        {
            return;
        }
        let term = &mut self.ctxs[ci].terms[old];
        term.expr = expr.clone();
        term.uses_var = expr.uses_var();
    }

    /// Whether `expr` reads a parameter where `held` has an unstated constant, at most
    /// [`PARAMETER_PLACE_COST`] costlier: it reads every parameter `held` reads and more, and
    /// holds fewer constants, none of `held`'s being the description's.
    fn reads_parameter_for_constant(
        &self,
        expr: &Expr,
        cost: u32,
        held: &Expr,
        held_cost: u32,
    ) -> bool {
        if cost > held_cost + PARAMETER_PLACE_COST {
            return false;
        }
        let (new_params, old_params) = (expr.params_used(), held.params_used());
        if new_params & old_params != old_params || new_params == old_params {
            return false;
        }
        let (mut new_consts, mut old_consts) = (Vec::new(), Vec::new());
        const_leaves(expr, &mut new_consts);
        const_leaves(held, &mut old_consts);
        if new_consts.len() >= old_consts.len() || old_consts.iter().any(|v| self.stated(v)) {
            return false;
        }
        // Each new parameter has the type of a constant it may replace (not `len(nums)` for
        // the 2 of `num % 2 == 0`).
        let added = new_params & !old_params;
        (0..64).filter(|p| added & (1 << p) != 0).all(|p| {
            self.input.param_types.get(p).is_some_and(|t| {
                old_consts
                    .iter()
                    .any(|v| super::types::type_of(v).as_ref() == Some(t))
            })
        })
    }

    /// `expr`, or `expr if p else result` where `expr` does not give the stated result on
    /// the stated case of parameter `p` (see [`SearchInput::stated_guard`]): the description
    /// states that case, so its guard costs nothing.
    fn stated_guarded(&self, expr: Rc<Expr>) -> Rc<Expr> {
        let Some(guard) = self.input.stated_guard.as_ref() else {
            return expr;
        };
        let env = super::interp::Env {
            params: &guard.inputs,
            vars: &[],
        };
        if super::interp::eval(&expr, &env).is_ok_and(|v| exact_eq(&v, &guard.result)) {
            return expr;
        }
        let param = Rc::new(Expr::Param(guard.param));
        let result = Rc::new(Expr::Const(guard.result.clone()));
        Rc::new(match guard.test {
            GuardTest::Truth => Expr::Call(Op::IfExp, vec![param, expr, result]),
            GuardTest::IsNone => Expr::Call(
                Op::IfExp,
                vec![Rc::new(Expr::Call(Op::IsNone, vec![param])), result, expr],
            ),
        })
    }

    /// Records a main-context program that raised on some examples (`vals` holds `None`
    /// there) as a branch for the conditionals, where it is right on the others.
    fn mask(&self, vals: &[PyVal]) -> u64 {
        vals.iter()
            .zip(&self.outputs)
            .enumerate()
            .fold(0u64, |m, (i, (v, o))| {
                if i < 63 && exact_eq(v, o) {
                    m | (1 << i)
                } else {
                    m
                }
            })
    }

    fn record(&mut self, expr: Rc<Expr>, cost: u32) {
        if self.pads_a_solution(&expr)
            || self.input.constant_on_probes(&expr)
            || self
                .input
                .part_position
                .is_some_and(|p| !super::components::picks_parts(&expr, p))
        {
            return;
        }
        // The guard is free, and reads its parameter only to test it: a solution under a guard
        // must use the required parameters without it (`'bob' if scores else None` is a
        // constant).
        let complete =
            expr.params_used() & self.input.required_params == self.input.required_params;
        if !complete && self.input.stated_guard.is_some() {
            return;
        }
        let guarded = self.stated_guarded(expr.clone());
        let cost = match &self.input.stated_guard {
            Some(g) if !Rc::ptr_eq(&guarded, &expr) => cost + g.cost,
            _ => cost,
        };
        let expr = guarded;
        // A stated threshold compared on the wrong side of its boundary ("18 or over":
        // `age > 18`) fits only examples that miss the boundary.
        let cost = if self.sided(&expr) {
            cost
        } else {
            cost + WRONG_SIDE_COST
        };
        let key = format!("{expr:?}");
        if self.found_keys.insert(key) {
            if complete {
                if !self.input.intents.is_empty() && self.best_uncovered > 0 {
                    let code = super::render::render(&expr, &self.input.param_names);
                    let uncovered =
                        super::normalize::uncovered_after_variants(&self.input, &expr, &code.body);
                    self.best_uncovered = self.best_uncovered.min(uncovered);
                    // While no solution covers the description, cheap fits that leave an
                    // intent out (`not text.islower()` for a palindrome) would fill the
                    // solutions before the described one is built: past the solutions limit
                    // they are dropped, so the search goes on to the one that covers it.
                    if uncovered > 0 {
                        if self.uncovered_kept >= self.limits.max_solutions {
                            return;
                        }
                        self.uncovered_kept += 1;
                    }
                }
                self.complete += 1;
            } else {
                // A fit that leaves a parameter out (`2 % a + 0.0` for `safe_divide(a, b)`)
                // is kept for the ranking, but only so many: past them, they would fill the
                // solutions before one that reads every parameter is built.
                if self.incomplete_kept >= self.limits.max_solutions {
                    return;
                }
                self.incomplete_kept += 1;
            }
            self.found.push(FoundProgram { expr, cost });
        }
    }

    /// Whether main-context `expr` (of values `vals`) selects from a parameter as the
    /// description says, where the examples show a selection (see `offer`): a filter of
    /// records by a named field that drops some of them, or the first element passing a test
    /// where the description states a `None` result, not the first element in some example.
    fn described_selection(&self, expr: &Expr, vals: &[PyVal]) -> bool {
        let Expr::Hof(h, it, body) = expr else {
            return false;
        };
        let Expr::Param(p) = &**it else {
            return false;
        };
        let input = |ex: usize| self.input.examples.get(ex).and_then(|(ins, _)| ins.get(*p));
        match h {
            Hof::Filter => {
                field_reads(body, self.input.intents.fields()) > 0
                    && vals
                        .iter()
                        .enumerate()
                        .any(|(ex, v)| input(ex).is_some_and(|x| !exact_eq(x, v)))
            }
            Hof::FirstWhere => {
                self.input.intents.states_none()
                    && vals.iter().enumerate().any(|(ex, v)| {
                        input(ex).is_some_and(|x| match x {
                            PyVal::List(items) => items.first().is_some_and(|f| !exact_eq(f, v)),
                            _ => false,
                        })
                    })
            }
            _ => false,
        }
    }

    /// Records `round(expr, places)` when it gives every output ("the price with tax, rounded
    /// to cents": `round(price * (1 + rate), 2)`, whose unrounded values no example shows).
    fn record_rounded(&mut self, expr: &Rc<Expr>, vals: &[PyVal], cost: u32, places: i64) {
        let digits = PyVal::Int(places);
        let rounds = vals.iter().zip(&self.outputs).all(|(v, o)| {
            super::interp::apply(Op::Round2, &[v, &digits]).is_ok_and(|r| exact_eq(&r, o))
        });
        if rounds {
            let rounded = Rc::new(Expr::Call(
                Op::Round2,
                vec![expr.clone(), Rc::new(Expr::Const(digits))],
            ));
            let cost = cost + self.input.costs.op_cost(Op::Round2) + 1;
            self.record(rounded, cost);
        }
    }

    /// Whether `expr` is an operation around a solution already found, with the same
    /// parameters: it does nothing on the examples (`max(nums[0], 0)` where `nums[0]` fits),
    /// so what it adds is behaviour no example asked for. Kept only when the description names
    /// the operation ("sorted", "absolute").
    fn pads_a_solution(&self, expr: &Expr) -> bool {
        let Expr::Call(op, args) = expr else {
            return false;
        };
        // A one-argument operation the description names ("sorted", "absolute") may be a no-op
        // on the examples; a second argument that changes nothing (`max(x, 0)`) never is meant.
        if args.len() == 1 && self.input.costs.is_named(*op) {
            return false;
        }
        // Nor a bound the description states ("capped at 500": `min(days * 25, 500)`), which
        // the examples may never reach.
        if matches!(op, Op::Min2 | Op::Max2)
            && args.iter().any(|a| match &**a {
                Expr::Const(PyVal::Int(k)) => self.input.intents.states_threshold(*k),
                _ => false,
            })
        {
            return false;
        }
        let used = expr.params_used();
        args.iter()
            .any(|a| a.params_used() == used && self.found_keys.contains(&format!("{a:?}")))
    }

    fn leaves(&mut self, ci: usize, cost: u32) {
        let costs = &self.input.costs;
        let mut new: Vec<(Rc<Expr>, Ty, Vec<PyVal>)> = Vec::new();
        let ctx = &self.ctxs[ci];
        // A key context's terms are keys of its variable alone.
        if cost == costs.param && ctx.pair.is_none() {
            for (p, t) in self.input.param_types.iter().enumerate() {
                let vals = ctx
                    .point_ex
                    .iter()
                    .map(|&ex| self.input.examples[ex].0[p].clone())
                    .collect();
                new.push((Rc::new(Expr::Param(p)), t.clone(), vals));
            }
        }
        if cost == costs.var {
            for (i, t) in ctx.var_tys.iter().enumerate() {
                let vals = ctx.point_vars.iter().map(|v| v[i].clone()).collect();
                new.push((Rc::new(Expr::Var(i)), t.clone(), vals));
            }
        }
        // The value of each key of the dict it iterates (`max(d, key=d.get)`), one step from
        // the key as `len(k)` or `k[0]` are: "the product with the most sales" is by value.
        if cost == costs.param + costs.var && ctx.pair.is_none() {
            if let [(Source::Param(p), _)] = ctx.sources.as_slice() {
                if let Ty::Dict(_, vt) = &self.input.param_types[*p] {
                    let vals: Option<Vec<PyVal>> = ctx
                        .point_ex
                        .iter()
                        .zip(&ctx.point_vars)
                        .map(|(&ex, vars)| {
                            let d = &self.input.examples[ex].0[*p];
                            vars.first().and_then(|k| apply(Op::Index, &[d, k]).ok())
                        })
                        .collect();
                    if let Some(vals) = vals {
                        let expr = Expr::Call(
                            Op::Index,
                            vec![Rc::new(Expr::Param(*p)), Rc::new(Expr::Var(0))],
                        );
                        new.push((Rc::new(expr), (**vt).clone(), vals));
                    }
                }
            }
        }
        for c in &self.input.constants {
            if c.cost == cost {
                let vals = vec![c.value.clone(); ctx.point_ex.len()];
                new.push((Rc::new(Expr::Const(c.value.clone())), c.ty.clone(), vals));
            }
        }
        if ctx.pair.is_none() {
            for f in self.fields.iter().filter(|f| f.cost == cost) {
                let vals = ctx
                    .point_ex
                    .iter()
                    .map(|&ex| f.per_example[ex].clone())
                    .collect();
                new.push((f.expr.clone(), f.ty.clone(), vals));
            }
        }
        for (e, t, v) in new {
            self.offer(ci, e, t, cost, v);
        }
    }

    fn level(&mut self, ci: usize, cost: u32) {
        self.leaves(ci, cost);
        for &op in ALL_OPS {
            if matches!(
                op,
                Op::IfExp | Op::MkTuple3 | Op::TryOr | Op::DeepGet | Op::DictOf
            ) {
                // Conditionals and `try` come from the partition step, triples from templates,
                // nested lookups from `deep_get_level`.
                continue;
            }
            // Formatting builds strings only a string result needs; chunks and flattening,
            // lists only a list result needs.
            if op == Op::Pad2 && !self.outputs.iter().any(|o| matches!(o, PyVal::Str(_))) {
                continue;
            }
            if op == Op::Format && !self.gates.str_out {
                continue;
            }
            // Calendar arithmetic where an input holds an ISO date.
            if matches!(
                op,
                Op::DaysBetween | Op::AddDays | Op::Weekday | Op::DayOfYear | Op::DateFormat
            ) && !self.gates.dates
            {
                continue;
            }
            // A palindrome test where the description names one; elsewhere `x == x[::-1]` is
            // an equality and a reversal, and the extra operation only widens the bank.
            if op == Op::Palindrome && !self.input.costs.is_named(op) {
                continue;
            }
            // A string in groups (of a result string) only where the description names them.
            let str_groups =
                op == Op::Chunk && self.gates.str_out && self.input.costs.is_named(Op::Chunk);
            if matches!(op, Op::Chunk | Op::Transpose) && !self.gates.nested_list_out && !str_groups
                || op == Op::Flatten && !self.gates.list_out
            {
                continue;
            }
            let oc = self.input.costs.op_cost(op);
            if oc >= cost {
                continue;
            }
            self.op_level(ci, op, cost - oc, cost);
            if self.stop.is_some() {
                return;
            }
        }
        if ci == 0 {
            self.deep_get_level(cost);
            let dict_out = self.outputs.iter().any(|o| matches!(o, PyVal::Dict(_)));
            if dict_out {
                self.group_level(cost);
                if self.stop.is_some() {
                    return;
                }
            }
            for &h in ALL_HOFS {
                // Dict comprehensions build dicts only a dict result needs; `next(..., None)`
                // and `max(..., default=None)` are for a result that may be `None`.
                if (matches!(h, Hof::DictMap | Hof::GroupBy | Hof::KeyBy) || h.over_items())
                    && !dict_out
                {
                    continue;
                }
                let none_gate = self.gates.none_out
                    || matches!(h, Hof::FirstWhere | Hof::FirstIndexWhere)
                        && self.gates.none_stated;
                if matches!(
                    h,
                    Hof::FirstWhere | Hof::MaxKeyOrNone | Hof::MinKeyOrNone | Hof::FirstIndexWhere
                ) && !none_gate
                {
                    continue;
                }
                // Indices of elements, an index or `None`, a prefix: only for such results.
                if h == Hof::IndicesWhere && !self.gates.indices_out
                    || h == Hof::FirstIndexWhere && !self.gates.index_or_none_out
                    || h == Hof::TakeWhile && !self.gates.prefix_out
                {
                    continue;
                }
                if h.over_items() {
                    let hc = self.input.costs.hof_cost(h) + self.input.costs.param;
                    if hc < cost {
                        self.items_level(h, cost - hc, cost);
                    }
                    if self.stop.is_some() {
                        return;
                    }
                    continue;
                }
                let hc = self.input.costs.hof_cost(h);
                if hc + 2 > cost {
                    continue;
                }
                self.hof_level(h, cost - hc, cost);
                if self.stop.is_some() {
                    return;
                }
            }
            let zc = self.input.costs.zip;
            if zc + 3 <= cost {
                self.zip_level(cost - zc, cost);
            }
        }
    }

    fn types_at(&self, ci: usize, c: u32) -> Vec<Ty> {
        self.ctxs[ci].types_at.get(&c).cloned().unwrap_or_default()
    }

    fn ids(&self, ci: usize, t: &Ty, c: u32) -> Vec<usize> {
        self.ctxs[ci]
            .by_ty_cost
            .get(&(t.clone(), c))
            .cloned()
            .unwrap_or_default()
    }

    fn op_level(&mut self, ci: usize, op: Op, rem: u32, cost: u32) {
        let arity = op.arity();
        if (rem as usize) < arity {
            return;
        }
        match arity {
            1 => {
                // `max`, `min` and `sorted` of lists or tuples compare them lexicographically,
                // which code rarely means (`max(len(x) for x in xs)`, `sorted(key=…)` are the
                // usual intent): those cost `LEXICOGRAPHIC_COST` more.
                let mut args: Vec<(Ty, u32)> = self
                    .types_at(ci, rem)
                    .into_iter()
                    .filter(|t| !compares_lexicographically(op, t))
                    .map(|t| (t, rem))
                    .collect();
                if rem > LEXICOGRAPHIC_COST {
                    let cheaper = rem - LEXICOGRAPHIC_COST;
                    args.extend(
                        self.types_at(ci, cheaper)
                            .into_iter()
                            .filter(|t| compares_lexicographically(op, t))
                            .map(|t| (t, cheaper)),
                    );
                }
                for (t, rem) in args {
                    let Some(rt) = op.result_type(std::slice::from_ref(&t)) else {
                        continue;
                    };
                    for a in self.ids(ci, &t, rem) {
                        if !self.tick() {
                            return;
                        }
                        self.combine(ci, op, &[a], rt.clone(), cost);
                    }
                }
            }
            2 => {
                // `min(a, b)` of two strings or lists orders them lexicographically: costs
                // `LEXICOGRAPHIC_COST` more (`len(min(a, b[0]))` fitted a Hamming distance).
                let extreme = matches!(op, Op::Min2 | Op::Max2);
                for (extra, lexicographic) in [(0, false), (LEXICOGRAPHIC_COST, true)] {
                    if rem <= extra || lexicographic && !extreme {
                        continue;
                    }
                    let rem = rem - extra;
                    for c1 in 1..rem {
                        let c2 = rem - c1;
                        for t1 in self.types_at(ci, c1) {
                            if extreme
                                && lexicographic
                                    != matches!(
                                        t1,
                                        Ty::Str | Ty::List(_) | Ty::TupleN(_) | Ty::Tuple(_)
                                    )
                            {
                                continue;
                            }
                            for t2 in self.types_at(ci, c2) {
                                let Some(rt) = op.result_type(&[t1.clone(), t2.clone()]) else {
                                    continue;
                                };
                                let (xs, ys) = (self.ids(ci, &t1, c1), self.ids(ci, &t2, c2));
                                for &a in &xs {
                                    for &b in &ys {
                                        if !self.tick() {
                                            return;
                                        }
                                        self.combine(ci, op, &[a, b], rt.clone(), cost);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            _ => {
                for c1 in 1..rem {
                    for c2 in 1..rem - c1 {
                        let c3 = rem - c1 - c2;
                        for t1 in self.types_at(ci, c1) {
                            for t2 in self.types_at(ci, c2) {
                                for t3 in self.types_at(ci, c3) {
                                    let Some(rt) =
                                        op.result_type(&[t1.clone(), t2.clone(), t3.clone()])
                                    else {
                                        continue;
                                    };
                                    let xs = self.ids(ci, &t1, c1);
                                    let ys = self.ids(ci, &t2, c2);
                                    let zs = self.ids(ci, &t3, c3);
                                    for &a in &xs {
                                        for &b in &ys {
                                            for &c in &zs {
                                                if !self.tick() {
                                                    return;
                                                }
                                                self.combine(ci, op, &[a, b, c], rt.clone(), cost);
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn combine(&mut self, ci: usize, op: Op, args: &[usize], rt: Ty, cost: u32) {
        let ctx = &self.ctxs[ci];
        // Constant folding: an operation on constants only is a constant the search would
        // rather take from the hints.
        if args
            .iter()
            .all(|&a| matches!(&*ctx.terms[a].expr, Expr::Const(_)))
        {
            return;
        }
        // `abs` of a count or a length changes nothing (`abs(len(str(n)))` would lend "not
        // counting the sign" to `len(str(n))`).
        if op == Op::Abs
            && matches!(
                &*ctx.terms[args[0]].expr,
                Expr::Call(Op::Len | Op::CountL | Op::CountSub | Op::Abs, _)
                    | Expr::Hof(Hof::CountIf, ..)
            )
        {
            return;
        }
        // A format spec is an argument of `format` only; a pattern, of the `re` operations
        // (the generic ones would take either: `(s, r'\d+')`).
        if op != Op::Format && args.iter().any(|&a| ctx.terms[a].ty == Ty::Spec) {
            return;
        }
        if !matches!(op, Op::ReFullmatch | Op::ReFindall)
            && args.iter().any(|&a| ctx.terms[a].ty == Ty::Pattern)
        {
            return;
        }
        // A tuple the description lists ("one of 'jpg', 'png' or 'gif'") is for membership
        // and affix tests only (`('child', 'teen', 'adult')[age // 13]` is a fit).
        if !matches!(op, Op::In | Op::NotIn | Op::StartsWith | Op::EndsWith)
            && args
                .iter()
                .any(|&a| matches!(&*ctx.terms[a].expr, Expr::Const(PyVal::Tuple(_))))
        {
            return;
        }
        // A collection probed for a literal element (`items.count(1)`, `3 in nums`) only
        // where the description states that element: "any value appears more than once" asks
        // nothing about 1.
        let probe = match op {
            Op::In | Op::NotIn => Some((args[1], args[0])),
            Op::CountL | Op::IndexL => Some((args[0], args[1])),
            _ => None,
        };
        if let Some((collection, element)) = probe {
            if matches!(
                ctx.terms[collection].ty,
                Ty::List(_) | Ty::Set(_) | Ty::TupleN(_)
            ) {
                if let Expr::Const(v) = &*ctx.terms[element].expr {
                    let stated = match v {
                        PyVal::Int(i) => self.input.text_ints.contains(i),
                        PyVal::Float(_) | PyVal::Str(_) => self.stated(v),
                        _ => true,
                    };
                    if !stated {
                        return;
                    }
                }
            }
        }
        // A record's part at a literal position is `Fst`/`Snd` (`p[0]`): `Index` picks one by
        // a computed position only.
        if op == Op::Index
            && matches!(ctx.terms[args[0]].ty, Ty::Tuple(_))
            && args
                .get(1)
                .is_some_and(|&i| matches!(&*ctx.terms[i].expr, Expr::Const(_)))
        {
            return;
        }
        // A literal position other than the first, second or last (`xs[2]`) only when the
        // docstring names it.
        if matches!(op, Op::Index | Op::SliceFrom | Op::SliceTo) && args.len() == 2 {
            if let Expr::Const(PyVal::Int(k)) = &*ctx.terms[args[1]].expr {
                if !(-1..=1).contains(k) && !self.input.text_ints.contains(k) {
                    return;
                }
            }
        }
        // `x == x`, `x - x`, `min(x, x)`, `xs + xs`: degenerate, never what a programmer
        // writes (`n + n` reads as doubling a number; a list or string added to itself is a
        // fit to the examples' lengths).
        if args.len() == 2
            && args[0] == args[1]
            && (!matches!(op, Op::Add | Op::Mul | Op::Pow | Op::Index | Op::MkTuple2)
                || op == Op::Add && !matches!(rt, Ty::Int | Ty::Float))
        {
            return;
        }
        // Symmetric forms: keep the one with the constant on the right (`n % 2 == 0`).
        if args.len() == 2
            && matches!(&*ctx.terms[args[0]].expr, Expr::Const(_))
            && !matches!(&*ctx.terms[args[1]].expr, Expr::Const(_))
        {
            let numeric = matches!(ctx.terms[args[1]].ty, Ty::Int | Ty::Float);
            if matches!(op, Op::Eq | Op::NotEq | Op::Lt | Op::Gt | Op::LtE | Op::GtE)
                || (numeric && matches!(op, Op::Add | Op::Mul | Op::Min2 | Op::Max2))
            {
                return;
            }
        }
        // `list(dict.fromkeys(xs[k:] + xs))`: parts of one list concatenated and deduplicated
        // fit the examples' lengths (the union of two different lists stays).
        if op == Op::Unique {
            if let Expr::Call(Op::Add, parts) = &*ctx.terms[args[0]].expr {
                if parts[0].params_used() & parts[1].params_used() != 0 {
                    return;
                }
            }
        }
        // `not a == b`: the negated comparison (`a != b`) costs the same and reads better.
        if op == Op::Not
            && matches!(
                &*ctx.terms[args[0]].expr,
                Expr::Call(Op::Eq | Op::NotEq | Op::Lt | Op::LtE | Op::Gt | Op::GtE, _)
            )
        {
            return;
        }
        // `(xs + [d])[0]`, `(a + b)[-1]`: a conditional in disguise, not how code picks an
        // element.
        if matches!(op, Op::Index | Op::First | Op::Last)
            && matches!(ctx.terms[args[0]].ty, Ty::List(_))
            && matches!(&*ctx.terms[args[0]].expr, Expr::Call(Op::Add | Op::Mul, _))
        {
            return;
        }
        // `(text, done)[0]`: a part of a tuple built on the spot, picked at a literal position,
        // is that part with the rest read for show.
        if matches!(op, Op::Index | Op::First | Op::Last | Op::Fst | Op::Snd)
            && matches!(
                &*ctx.terms[args[0]].expr,
                Expr::Call(Op::MkTuple2 | Op::MkTuple3, _)
            )
            && args
                .get(1)
                .is_none_or(|&i| matches!(&*ctx.terms[i].expr, Expr::Const(_)))
        {
            return;
        }
        // Identities: `x / 1`, `x * 1`, `x + 0`, `x ** 1`; and `s + s` (that is `s * 2`).
        if args.len() == 2 {
            let identity = matches!(
                (&*ctx.terms[args[1]].expr, op),
                (
                    Expr::Const(PyVal::Int(1)),
                    Op::TrueDiv | Op::FloorDiv | Op::Mul | Op::Pow
                ) | (Expr::Const(PyVal::Int(0)), Op::Add | Op::Sub)
            );
            let doubled = op == Op::Add
                && args[0] == args[1]
                && !matches!(ctx.terms[args[0]].ty, Ty::Int | Ty::Float);
            // Zero annihilates: `0 / a`, `0 % a`, `a * 0`, `a ** 0`, `a % 1` are constants (or
            // raise) whatever the parameter: a way to "use" a parameter, never a program.
            let is_zero = |e: &Expr| {
                matches!(e, Expr::Const(PyVal::Int(0)))
                    || matches!(e, Expr::Const(PyVal::Float(f)) if *f == 0.0)
            };
            let annihilated = (is_zero(&ctx.terms[args[0]].expr)
                && matches!(op, Op::TrueDiv | Op::FloorDiv | Op::Mod | Op::Pow | Op::Mul))
                || (is_zero(&ctx.terms[args[1]].expr)
                    && matches!(op, Op::Mul | Op::Pow | Op::TrueDiv | Op::FloorDiv | Op::Mod))
                || (matches!(&*ctx.terms[args[1]].expr, Expr::Const(PyVal::Int(1)))
                    && op == Op::Mod
                    && ctx.terms[args[0]].ty == Ty::Int);
            // `x + x * 2` is `x * 3`: a way to a constant the description does not give.
            let scaled_self = matches!(op, Op::Add | Op::Sub) && {
                let scales = |m: usize, x: usize| match &*ctx.terms[m].expr {
                    Expr::Call(Op::Mul, margs) => {
                        margs.iter().any(|e| Rc::ptr_eq(e, &ctx.terms[x].expr))
                            && margs.iter().any(|e| matches!(&**e, Expr::Const(_)))
                    }
                    _ => false,
                };
                scales(args[1], args[0]) || scales(args[0], args[1])
            };
            if identity || doubled || annihilated || scaled_self {
                return;
            }
        }
        let n = ctx.point_ex.len();
        let mut vals = Vec::with_capacity(n);
        // Examples (bits) where the operation raised; in the main context a program that
        // raises on some examples may still be a conditional's branch on the others.
        let mut raised = 0u64;
        // The exception class raised there, and whether another one was raised too.
        let mut class: Option<PyErr> = None;
        let mut mixed = false;
        for k in 0..n {
            let argv: Vec<&PyVal> = args.iter().map(|&a| &ctx.terms[a].vals[k]).collect();
            match apply(op, &argv) {
                Ok(v) => vals.push(v),
                Err(e) if ci == 0 && (2..=63).contains(&n) => {
                    raised |= 1 << k;
                    vals.push(PyVal::None);
                    mixed |= class.is_some_and(|c| c != e);
                    class.get_or_insert(e);
                }
                Err(_) => return,
            }
        }
        let expr = || {
            Rc::new(Expr::Call(
                op,
                args.iter().map(|&a| ctx.terms[a].expr.clone()).collect(),
            ))
        };
        if raised != 0 {
            // A branch for the conditionals where it is right (and did not raise).
            let mask = self.mask(&vals) & !raised;
            let all = (1u64 << n) - 1;
            if let Some(class) = class.filter(|&c| !mixed && c != PyErr::TooBig) {
                if mask | raised == all && !self.raising.contains_key(&raised) {
                    let e = expr();
                    self.raising.insert(
                        raised,
                        Attempt {
                            expr: e,
                            cost,
                            class,
                        },
                    );
                }
            }
            if mask != 0
                && !self.partial.contains_key(&mask)
                && !self.partial_err.contains_key(&mask)
            {
                let e = expr();
                self.partial_err.insert(mask, (e, cost));
            }
            return;
        }
        let e = expr();
        self.offer(ci, e, rt, cost, vals);
    }

    fn hof_level(&mut self, h: Hof, rem: u32, cost: u32) {
        for c1 in 1..rem {
            let c2 = rem - c1;
            for t_iter in self.types_at(0, c1) {
                let Some(et) = t_iter.elem() else { continue };
                for li in 1..self.ctxs.len() {
                    if self.ctxs[li].var_tys.len() != 1
                        || self.ctxs[li].var_tys[0] != et
                        || self.ctxs[li].pair.is_some()
                    {
                        continue;
                    }
                    for t_body in self.types_at(li, c2) {
                        let Some(rt) = h.result_type(&t_iter, &t_body) else {
                            continue;
                        };
                        let mut iters = self.ids(0, &t_iter, c1);
                        if self.ctxs[li].pieces {
                            iters.retain(|&i| {
                                matches!(
                                    &*self.ctxs[0].terms[i].expr,
                                    Expr::Call(Op::FindallDigits | Op::Split, _)
                                )
                            });
                        }
                        let bodies: Vec<usize> = self
                            .ids(li, &t_body, c2)
                            .into_iter()
                            .filter(|&b| self.ctxs[li].terms[b].uses_var)
                            .collect();
                        for &it in &iters {
                            for &b in &bodies {
                                if !self.tick() {
                                    return;
                                }
                                self.hof_combine(h, it, li, b, rt.clone(), cost);
                            }
                        }
                    }
                }
            }
        }
    }

    fn hof_combine(&mut self, h: Hof, it: usize, li: usize, b: usize, rt: Ty, cost: u32) {
        let main = &self.ctxs[0];
        let lam = &self.ctxs[li];
        let iter_term = &main.terms[it];
        let body = &lam.terms[b];
        // `key=lambda x: x` is no key.
        let keyed = matches!(
            h,
            Hof::SortedKey
                | Hof::SortedKeyRev
                | Hof::MaxKey
                | Hof::MinKey
                | Hof::MaxKeyOrNone
                | Hof::MinKeyOrNone
        );
        if keyed && matches!(&*body.expr, Expr::Var(0)) {
            return;
        }
        // Fast path: the iterable is a source of the lambda context; the body's values on its
        // elements are already known.
        let src = match &*iter_term.expr {
            Expr::Param(p) => Some(Source::Param(*p)),
            Expr::Call(Op::SplitWs, a) => match &*a[0] {
                Expr::Param(p) => Some(Source::Words(*p)),
                _ => None,
            },
            Expr::Call(Op::StrOf, a) => match &*a[0] {
                Expr::Param(p) => Some(Source::Digits(*p)),
                Expr::Call(Op::Abs, b) => match &*b[0] {
                    Expr::Param(p) => Some(Source::AbsDigits(*p)),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        let ranges = src.and_then(|s| {
            lam.sources
                .iter()
                .find(|(k, _)| *k == s)
                .map(|(_, r)| r.clone())
        });
        let n = main.point_ex.len();
        let mut vals = Vec::with_capacity(n);
        for ex in 0..n {
            let iv = &iter_term.vals[ex];
            let r = match &ranges {
                Some(rs) => {
                    let mut k = rs[ex].start;
                    apply_hof(h, iv, |_| {
                        let v = body.vals.get(k).cloned().ok_or(PyErr::TypeError);
                        k += 1;
                        v
                    })
                }
                None => {
                    let params = &self.input.examples[ex].0;
                    apply_hof(h, iv, |x| {
                        let vars = [x.clone()];
                        eval(
                            &body.expr,
                            &Env {
                                params,
                                vars: &vars,
                            },
                        )
                    })
                }
            };
            match r {
                Ok(v) => vals.push(v),
                Err(_) => return,
            }
        }
        let expr = Rc::new(Expr::Hof(h, iter_term.expr.clone(), body.expr.clone()));
        self.offer(0, expr, rt, cost, vals);
    }

    /// Lookups in a nested dict parameter along a path parameter (`'db.host'`, split at dots,
    /// or a list of keys), with another parameter or `None` as the default, where the
    /// description names a path ("a dotted path", "nested dicts"): recorded when right on every
    /// example (a loop, never a term of the bank).
    fn deep_get_level(&mut self, cost: u32) {
        let costs = &self.input.costs;
        let at = costs.op_cost(Op::DeepGet) + 3 * costs.param;
        if cost != at || !costs.is_named(Op::DeepGet) {
            return;
        }
        let types = &self.input.param_types;
        let is_dict = |t: &Ty| matches!(t, Ty::Dict(..) | Ty::Any);
        let mut found = Vec::new();
        for (d, td) in types.iter().enumerate() {
            if !is_dict(td) {
                continue;
            }
            for (p, tp) in types.iter().enumerate() {
                let keys = match tp {
                    Ty::Str => Expr::Call(
                        Op::Split,
                        vec![
                            Rc::new(Expr::Param(p)),
                            Rc::new(Expr::Const(PyVal::str("."))),
                        ],
                    ),
                    Ty::List(_) | Ty::TupleN(_) => Expr::Param(p),
                    _ => continue,
                };
                let keys = Rc::new(keys);
                let defaults = (0..types.len())
                    .filter(|&q| q != d && q != p)
                    .map(|q| Rc::new(Expr::Param(q)))
                    .chain(std::iter::once(Rc::new(Expr::Const(PyVal::None))));
                for default in defaults {
                    let expr = Rc::new(Expr::Call(
                        Op::DeepGet,
                        vec![Rc::new(Expr::Param(d)), keys.clone(), default],
                    ));
                    let right = self.input.examples.iter().all(|(ins, out)| {
                        let env = super::interp::Env {
                            params: ins,
                            vars: &[],
                        };
                        super::interp::eval(&expr, &env).is_ok_and(|v| exact_eq(&v, out))
                    });
                    if right {
                        found.push(expr);
                    }
                }
            }
        }
        for expr in found {
            self.record(expr, cost);
        }
    }

    /// Dict comprehensions over a dict parameter's `.items()`: the body (cost `rem`) from the
    /// context of its key and value pairs.
    fn items_level(&mut self, h: Hof, rem: u32, cost: u32) {
        for li in 1..self.ctxs.len() {
            let Some((Source::Items(p), ranges)) = self.ctxs[li].sources.first().cloned() else {
                continue;
            };
            let dict_ty = self.input.param_types[p].clone();
            for t_body in self.types_at(li, rem) {
                let Some(rt) = h.result_type(&dict_ty, &t_body) else {
                    continue;
                };
                for b in self.ids(li, &t_body, rem) {
                    if !self.tick() {
                        return;
                    }
                    let body = &self.ctxs[li].terms[b];
                    if !body.uses_var {
                        continue;
                    }
                    let mut vals = Vec::with_capacity(ranges.len());
                    for (ex, r) in ranges.iter().enumerate() {
                        let mut k = r.start;
                        let out = apply_items(h, &self.input.examples[ex].0[p], |_, _| {
                            let v = body.vals.get(k).cloned().ok_or(PyErr::TypeError);
                            k += 1;
                            v
                        });
                        match out {
                            Ok(v) => vals.push(v),
                            Err(_) => break,
                        }
                    }
                    if vals.len() != ranges.len() {
                        continue;
                    }
                    let expr = Rc::new(Expr::Hof(h, Rc::new(Expr::Param(p)), body.expr.clone()));
                    self.offer(0, expr, rt.clone(), cost, vals);
                }
            }
        }
    }

    /// Values of the elements aggregated per key, both read off each element of a list
    /// parameter: `totals[k(x)] = totals.get(k(x), 0) + v(x)` (and the largest, the smallest,
    /// or all of them per key, where some example repeats a key; else `{k(x): v(x) for x in
    /// xs}`), or the keys counted. Only keys whose distinct values are each example's keys, in
    /// order, are tried.
    fn group_level(&mut self, level: u32) {
        let pc = self.input.costs.param;
        let lag = self.body_lag();
        for op in [
            Op::Counter,
            Op::DictPairs,
            Op::SumByKey,
            Op::MaxByKey,
            Op::MinByKey,
            Op::ListByKey,
        ] {
            // The pairs `(k(x), v(x)) for x in xs` (the keys `k(x) for x in xs` of a count)
            // cost one more than the aggregate.
            let oc = self.input.costs.op_cost(op) + 1;
            // Built ahead of the level, as far as the bodies the lambda banks hold at this
            // level reach (a body costs at most `level - lag`, the other at least 1): a
            // program of loops is deep for the main bank, which fills first.
            let ahead = (oc + pc + 1).saturating_sub(lag).min(GROUP_AHEAD);
            let cost = level + ahead;
            if oc + pc + 2 > cost {
                continue;
            }
            let rem = cost - oc - pc;
            for li in 1..self.ctxs.len() {
                let ctx = &self.ctxs[li];
                if ctx.var_tys.len() != 1 || ctx.pair.is_some() || ctx.pieces {
                    continue;
                }
                let sources: Vec<(usize, Vec<Range<usize>>)> = ctx
                    .sources
                    .iter()
                    .filter_map(|(s, r)| match s {
                        Source::Param(p) => Some((*p, r.clone())),
                        _ => None,
                    })
                    .collect();
                for (p, ranges) in sources {
                    for ck in 1..rem {
                        let cv = rem - ck;
                        for tk in self.types_at(li, ck) {
                            if !(tk.hashable() || tk == Ty::Any) || tk == Ty::Bool {
                                continue;
                            }
                            let mut keys: Vec<usize> = Vec::new();
                            for k in self.ids(li, &tk, ck) {
                                if !self.ctxs[li].terms[k].uses_var {
                                    continue;
                                }
                                let fit = self.key_fit(li, p, k, &ranges);
                                // An aggregate of keys that never repeat is a dict of pairs.
                                if fit.outputs
                                    && (matches!(op, Op::Counter | Op::DictPairs) || fit.repeats)
                                {
                                    keys.push(k);
                                }
                            }
                            if keys.is_empty() {
                                continue;
                            }
                            // A count has no value body: the key's cost is all the rest.
                            let bodies: Vec<(Ty, Vec<Option<usize>>)> = if op == Op::Counter {
                                if cv != 1 {
                                    continue;
                                }
                                vec![(Ty::list(tk.clone()), vec![None])]
                            } else {
                                self.types_at(li, cv)
                                    .into_iter()
                                    .map(|tv| {
                                        // The elements themselves per key are `GroupBy`'s.
                                        let values = self
                                            .ids(li, &tv, cv)
                                            .into_iter()
                                            .filter(|&v| {
                                                let t = &self.ctxs[li].terms[v];
                                                t.uses_var
                                                    && !(op == Op::ListByKey
                                                        && matches!(&*t.expr, Expr::Var(0)))
                                            })
                                            .map(Some)
                                            .collect();
                                        let pair = Ty::Tuple(vec![tk.clone(), tv]);
                                        (Ty::list(pair), values)
                                    })
                                    .collect()
                            };
                            let total = if op == Op::Counter { cost - 1 } else { cost };
                            for (items, values) in bodies {
                                let Some(rt) = op.result_type(&[items]) else {
                                    continue;
                                };
                                for &k in &keys {
                                    for &value in &values {
                                        if !self.tick() {
                                            return;
                                        }
                                        let part = GroupPart {
                                            op,
                                            param: p,
                                            lambda: li,
                                            key: k,
                                            value,
                                        };
                                        self.group_combine(&part, &ranges, rt.clone(), total);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// How a key body over a list parameter's elements fits the outputs, computed once per
    /// body (every operation and every level asks again).
    fn key_fit(&mut self, li: usize, p: usize, k: usize, ranges: &[Range<usize>]) -> KeyFit {
        if let Some(fit) = self.key_fits.get(&(li, p, k)) {
            return *fit;
        }
        let fit = KeyFit {
            outputs: self.keys_are_the_outputs(li, k, ranges),
            repeats: self.keys_repeat(li, k, ranges),
        };
        self.key_fits.insert((li, p, k), fit);
        fit
    }

    /// Whether a key body's distinct values over each example's elements are that example's
    /// output keys, in order.
    fn keys_are_the_outputs(&self, li: usize, k: usize, ranges: &[Range<usize>]) -> bool {
        let vals = &self.ctxs[li].terms[k].vals;
        ranges.iter().zip(&self.outputs).all(|(r, out)| {
            let PyVal::Dict(d) = out else {
                return false;
            };
            let mut seen: Vec<&PyVal> = Vec::new();
            for i in r.clone() {
                let Some(x) = vals.get(i) else {
                    return false;
                };
                if !seen.iter().any(|y| super::value::py_eq(y, x)) {
                    if seen.len() >= d.len() || !super::value::py_eq(&d[seen.len()].0, x) {
                        return false;
                    }
                    seen.push(x);
                }
            }
            seen.len() == d.len()
        })
    }

    /// Whether a key body takes some value twice over one example's elements.
    fn keys_repeat(&self, li: usize, k: usize, ranges: &[Range<usize>]) -> bool {
        let vals = &self.ctxs[li].terms[k].vals;
        ranges.iter().any(|r| {
            let xs: Vec<&PyVal> = r.clone().filter_map(|i| vals.get(i)).collect();
            xs.iter()
                .enumerate()
                .any(|(i, x)| xs[..i].iter().any(|y| super::value::py_eq(x, y)))
        })
    }

    fn group_combine(&mut self, part: &GroupPart, ranges: &[Range<usize>], rt: Ty, cost: u32) {
        let lam = &self.ctxs[part.lambda];
        let key = &lam.terms[part.key];
        let value = part.value.map(|v| &lam.terms[v]);
        let mut vals = Vec::with_capacity(ranges.len());
        for r in ranges {
            let mut items = Vec::with_capacity(r.len());
            for i in r.clone() {
                let Some(k) = key.vals.get(i) else {
                    return;
                };
                items.push(match value {
                    Some(value) => match value.vals.get(i) {
                        Some(v) => PyVal::tuple(vec![k.clone(), v.clone()]),
                        None => return,
                    },
                    None => k.clone(),
                });
            }
            match apply(part.op, &[&PyVal::list(items)]) {
                Ok(v) => vals.push(v),
                Err(_) => return,
            }
        }
        let body = match value {
            Some(value) => Rc::new(Expr::Call(
                Op::MkTuple2,
                vec![key.expr.clone(), value.expr.clone()],
            )),
            None => key.expr.clone(),
        };
        let items = Expr::Hof(Hof::Map, Rc::new(Expr::Param(part.param)), body);
        let expr = Rc::new(Expr::Call(part.op, vec![Rc::new(items)]));
        // A solution only (built ahead of the level, it stays out of the bank: a cheaper
        // equivalent built later would lose its place).
        if !vals.iter().all(|v| fits(v, &rt)) {
            return;
        }
        let all = (1u64 << self.outputs.len().min(63)) - 1;
        if self.mask(&vals) == all {
            let before = self.complete;
            self.record(expr, cost);
            if self.complete > before {
                self.ahead_completes += self.complete - before;
                self.ahead_best = Some(self.ahead_best.map_or(cost, |b| b.min(cost)));
            }
        }
    }

    fn zip_level(&mut self, rem: u32, cost: u32) {
        // The two iterables are parameters (cost 1 each); the body takes the rest.
        let pc = self.input.costs.param;
        if rem <= 2 * pc {
            return;
        }
        let c_body = rem - 2 * pc;
        for li in 1..self.ctxs.len() {
            let (p, tail, ranges) = match self.ctxs[li].sources.first().cloned() {
                Some((Source::Zip(p, q), ranges)) => (p, Rc::new(Expr::Param(q)), ranges),
                Some((Source::Pairs(p), ranges)) => {
                    let xs = Rc::new(Expr::Param(p));
                    let one = Rc::new(Expr::Const(PyVal::Int(1)));
                    (p, Rc::new(Expr::Call(Op::SliceFrom, vec![xs, one])), ranges)
                }
                _ => continue,
            };
            for t_body in self.types_at(li, c_body) {
                for b in self.ids(li, &t_body, c_body) {
                    if !self.tick() {
                        return;
                    }
                    let body = &self.ctxs[li].terms[b];
                    let uses_both = {
                        let mut vs = [false; 2];
                        mark_vars(&body.expr, &mut vs);
                        vs[0] && vs[1]
                    };
                    if !uses_both {
                        continue;
                    }
                    let vals: Vec<PyVal> = ranges
                        .iter()
                        .map(|r| PyVal::list(body.vals[r.clone()].to_vec()))
                        .collect();
                    let expr = Rc::new(Expr::ZipMap(
                        Rc::new(Expr::Param(p)),
                        tail.clone(),
                        body.expr.clone(),
                    ));
                    let rt = Ty::list(t_body.clone());
                    self.offer(0, expr, rt, cost, vals);
                }
            }
        }
    }

    /// Every term right on some examples (and wrong or raising on the others): a conditional's
    /// branch, with the mask of examples it is right on and its cost.
    fn branch_parts(&self) -> impl Iterator<Item = (u64, Rc<Expr>, u32)> + '_ {
        let terms = &self.ctxs[0].terms;
        self.partial
            .iter()
            .map(move |(m, (id, c))| (*m, terms[*id].expr.clone(), *c))
            .chain(
                self.partial_err
                    .iter()
                    .map(|(m, (e, c))| (*m, e.clone(), *c)),
            )
    }

    /// Joins two terms right on complementary parts of the examples with a guard.
    fn conditionals(&mut self, cost: u32) {
        let n = self.outputs.len();
        if !(2..=63).contains(&n) {
            return;
        }
        let all = (1u64 << n) - 1;
        let branch = self.input.costs.branch;
        // The description's words made branches cheaper: it states a condition.
        let stated_condition = branch < super::hints::BRANCH_COST;
        let terms = &self.ctxs[0].terms;
        // A branch right on one example only is a constant (`None`, `0.0`) under a parameter
        // tested for truth: an emptiness or zero guard, not a case split fitted to examples.
        // A parameter returned as is (`default`) is such a branch too.
        let constant = |e: &Expr| matches!(e, Expr::Const(_) | Expr::Param(_));
        let mut parts: Vec<(u64, Rc<Expr>, u32)> = self
            .branch_parts()
            .filter(|(m, e, _)| m.count_ones() >= 2 || n < 3 || constant(e))
            .collect();
        // Of equally costly conditionals the first is kept: parts with fewer constants first
        // (`a / b if b else None` before `a / 2 if b else None`, where the only example that
        // divides has `b == 2`).
        let consts = |e: &Expr| {
            let mut out = Vec::new();
            const_leaves(e, &mut out);
            out.len()
        };
        parts.sort_by_cached_key(|(m, e, c)| (*c, consts(e), *m));
        // Cheaper first; at equal cost, the value as it is or a constant last, as Python
        // reads (`text[:limit] + '...' if limit < len(text) else text`, `a / b if b else
        // None`).
        let plain_else = |i2: usize| !constant(&parts[i2].1);
        let better = |total: u32, i2: usize, b: &(u32, Rc<Expr>, usize, usize)| {
            (total, plain_else(i2)) < (b.0, plain_else(b.3))
        };
        let mut best: Option<(u32, Rc<Expr>, usize, usize)> = None;
        // A conditional over a parameter comparison costing more than the level: it waits as a
        // pending decision (a conditional's parts are found long before its own cost level).
        let mut ahead: Option<(u32, Rc<Expr>, usize, usize)> = None;
        for (i1, (m1, e1, c1)) in parts.iter().enumerate() {
            for (i2, (m2, e2, c2)) in parts.iter().enumerate() {
                if m1 | m2 != all || m1 == m2 {
                    continue;
                }
                let need_true = m1 & !m2;
                let need_false = m2 & !m1;
                if need_true == 0 || need_false == 0 {
                    continue;
                }
                let single = m1.count_ones() < 2 || m2.count_ones() < 2;
                // Two branches right on one example each are a fit, unless a yes/no
                // parameter chooses between them (`'DONE: ' + title if done else 'TODO: ' +
                // title`): the flag says what each example shows.
                let flag_only = single && !(constant(e1) || constant(e2));
                for (&g, &(gid, gc)) in &self.guards {
                    // A branch right on one example only needs a guard the examples cannot
                    // have fitted: a parameter's truth.
                    if single && !matches!(&*terms[gid].expr, Expr::Param(_)) {
                        continue;
                    }
                    if flag_only
                        && !matches!(&*terms[gid].expr, Expr::Param(p)
                            if self.input.param_types.get(*p) == Some(&Ty::Bool))
                    {
                        continue;
                    }
                    if g & need_true == need_true && g & need_false == 0 {
                        let total = c1 + c2 + gc + branch;
                        if total <= cost && best.as_ref().is_none_or(|b| better(total, i2, b)) {
                            best = Some((total, terms[gid].expr.clone(), i1, i2));
                        } else if total > cost
                            && flag_only
                            && ahead.as_ref().is_none_or(|b| better(total, i2, b))
                        {
                            // Its parts come long before its level: it waits as a pending
                            // decision, as a comparison of parameters does.
                            ahead = Some((total, terms[gid].expr.clone(), i1, i2));
                        }
                    }
                }
                // Or, where the description states a condition ("adding '...' when something
                // was cut"), a comparison of two parameters with no constant
                // (`len(text) > limit`), on the side the description puts the boundary.
                // (A test with a constant the description states, `name.endswith('s')`, was
                // tried too: on two examples it chose between fits far more often.)
                if single && stated_condition && !flag_only {
                    for (&g, (ge, gc)) in &self.param_guards {
                        if g & need_true == need_true && g & need_false == 0 && self.sided(ge) {
                            let total = c1 + c2 + gc + branch;
                            let slot = if total <= cost { &mut best } else { &mut ahead };
                            if slot.as_ref().is_none_or(|b| better(total, i2, b)) {
                                *slot = Some((total, ge.clone(), i1, i2));
                            }
                        }
                    }
                }
            }
        }
        if let Some((total, g, i1, i2)) = ahead {
            if self
                .pending_decision
                .as_ref()
                .is_none_or(|p| total < p.cost)
            {
                let expr = Rc::new(Expr::Call(
                    Op::IfExp,
                    vec![g, parts[i1].1.clone(), parts[i2].1.clone()],
                ));
                self.pending_decision = Some(PendingDecision {
                    expr,
                    cost: total,
                    level: self.pending_decision.as_ref().map_or(cost, |p| p.level),
                });
            }
        }
        if let Some((total, g, i1, i2)) = best {
            let expr = Rc::new(Expr::Call(
                Op::IfExp,
                vec![g, parts[i1].1.clone(), parts[i2].1.clone()],
            ));
            self.record(expr, total);
        }
        self.attempts(cost, &parts);
    }

    /// `try: return f(x)` / `except ValueError: return None`: a program that raises one
    /// exception class exactly on the examples a constant or a parameter (the fallback) is
    /// right on, and is right on all the others. It needs no guard (the examples cannot have
    /// fitted one); it costs `TRY_COST` more than a conditional's branch, so that a guard by a
    /// parameter's truth (`a / b if b else 0`) reads first where both fit.
    fn attempts(&mut self, cost: u32, parts: &[(u64, Rc<Expr>, u32)]) {
        let branch = self.input.costs.branch;
        let mut best: Option<(u32, Rc<Expr>)> = None;
        for (&raised, a) in &self.raising {
            for (m, fallback, fc) in parts {
                if m & raised != raised || !matches!(&**fallback, Expr::Const(_) | Expr::Param(_)) {
                    continue;
                }
                let total = a.cost + fc + branch + TRY_COST;
                if total <= cost && best.as_ref().is_none_or(|b| total < b.0) {
                    let expr = Rc::new(Expr::Call(
                        Op::TryOr,
                        vec![
                            a.expr.clone(),
                            fallback.clone(),
                            Rc::new(Expr::Const(PyVal::str(caught(a)))),
                        ],
                    ));
                    best = Some((total, expr));
                }
            }
        }
        if let Some((total, expr)) = best {
            self.record(expr, total);
        }
    }
}

/// The class an attempt's `except` names: the one it raises on the examples; for a conversion
/// that raises `ValueError` (`int(value)` on `'abc'`) also `TypeError`, which the same
/// conversion raises on `None` or a list, as a safe conversion's `except (TypeError,
/// ValueError)` does.
fn caught(a: &Attempt) -> &'static str {
    if a.class == PyErr::ValueError
        && (contains_op(&a.expr, Op::IntOf) || contains_op(&a.expr, Op::FloatOf))
    {
        "(TypeError, ValueError)"
    } else {
        a.class.name()
    }
}

/// A program that raises one exception class on some examples (see `Search::raising`).
struct Attempt {
    expr: Rc<Expr>,
    cost: u32,
    class: PyErr,
}

/// What a `try` costs beyond its attempt, its fallback and a conditional's branch.
const TRY_COST: u32 = 2;

/// What a key compared on two parameters costs beyond the key and the comparison: nothing,
/// as two parameters of one type treated alike are what a yes/no question about them usually
/// means (`sorted(xs) == sorted(ys)` before `xs == sorted(ys)`); a key that is a number costs
/// one more (see `try_key`).
const KEY_COST: u32 = 0;

/// A key context's term with its variable bound to parameter `p`.
fn bind_var(e: &Rc<Expr>, p: usize) -> Rc<Expr> {
    match &**e {
        Expr::Var(_) => Rc::new(Expr::Param(p)),
        Expr::Param(_) | Expr::Const(_) => e.clone(),
        Expr::Call(o, args) => Rc::new(Expr::Call(
            *o,
            args.iter().map(|a| bind_var(a, p)).collect(),
        )),
        // Comprehensions are built in the main context only: a key has none.
        Expr::Hof(..) | Expr::ZipMap(..) | Expr::Scan(..) => e.clone(),
    }
}

/// `a < b`, `len(text) > limit`: a comparison of two different parameters' values, no constant.
/// (A parameter's own test, `text.isalpha()`, is not: it fitted `truncate`'s two examples as
/// `text if text.isalpha() else text[:limit] + '...'`.)
fn compares_parameters(e: &Expr) -> bool {
    fn no_const(e: &Expr) -> bool {
        match e {
            Expr::Const(_) => false,
            Expr::Param(_) | Expr::Var(_) => true,
            Expr::Call(_, a) => a.iter().all(|x| no_const(x)),
            _ => false,
        }
    }
    match e {
        Expr::Call(Op::Lt | Op::LtE | Op::Gt | Op::GtE, a) => {
            let (l, r) = (a[0].params_used(), a[1].params_used());
            l != 0 && r != 0 && l & r == 0 && no_const(&a[0]) && no_const(&a[1])
        }
        _ => false,
    }
}

/// Levels a decision list waits, past the one where it was found, before it is recorded as a
/// solution (sooner when the search reaches its cost): a decision list costs more than most
/// programs, and recording it would end the search before a cheaper one is found.
const DECISION_WAIT: u32 = 4;

/// A decision list waiting to be recorded.
struct PendingDecision {
    expr: Rc<Expr>,
    cost: u32,
    /// The level where it was found.
    level: u32,
}

/// Most branches of a decision list (`a if g1 else b if g2 else c if g3 else d`).
const DECISION_BRANCHES: usize = 4;
/// Most examples decision lists are tried on (their masks are enumerated).
const DECISION_EXAMPLES: usize = 10;
/// Costliest branch or guard a decision list is built from.
const DECISION_PART_COST: u32 = 8;

/// The cheapest decision list found for a mask of examples: its cost and expression.
type Cover = Option<(u32, Rc<Expr>)>;

impl Search<'_> {
    /// Decision lists over the description's thresholds: "'child' under 13, 'teen' from 13 to
    /// 19, 'adult' from 20" gives three branches, each right on one example. A list of
    /// branches fits any examples under guards fitted to them, so every guard here compares
    /// with a number the description states (or zero) or a string it quotes, or tests a
    /// parameter for truth; then a branch may be right on a single example. Recorded at its
    /// full cost, which may lie past the current level.
    fn decision_lists(&mut self, level: u32) {
        let n = self.outputs.len();
        if !(3..=DECISION_EXAMPLES).contains(&n) {
            return;
        }
        let seen = (self.partial.len(), self.principled.len());
        if seen == self.decision_seen {
            return;
        }
        self.decision_seen = seen;
        let all = (1u64 << n) - 1;
        let guards: Vec<(u64, Rc<Expr>, u32)> = self
            .principled
            .iter()
            .filter(|(m, _)| **m != 0 && **m != all)
            .map(|(m, (e, c))| (*m, e.clone(), *c))
            .collect();
        if guards.is_empty() {
            return;
        }
        let mut parts: Vec<(u64, Rc<Expr>, u32)> = self
            .branch_parts()
            .filter(|(_, _, c)| *c <= DECISION_PART_COST)
            .collect();
        // The description's own constants, as branches right where an output equals them.
        let stated_from = parts.len();
        for c in self.input.constants.iter().filter(|c| {
            c.cost == 1
                && c.ty != Ty::Pattern
                && self.names_a_threshold(&Expr::Const(c.value.clone()))
        }) {
            let mask = self.outputs.iter().enumerate().fold(0u64, |m, (i, o)| {
                if super::value::exact_eq(o, &c.value) {
                    m | (1 << i)
                } else {
                    m
                }
            });
            if mask != 0 {
                parts.push((mask, Rc::new(Expr::Const(c.value.clone())), c.cost));
            }
        }
        // Either every guard names one of the description's thresholds (`'Fizz' if n % 3 == 0
        // else ... str(n)`), or every branch is one of its constants (`'negative' if n < 0 else
        // ...`): otherwise a list of branches fits any examples.
        let stated_guards: Vec<(u64, Rc<Expr>, u32)> = guards
            .iter()
            .filter(|(_, e, _)| self.names_a_threshold(e))
            .cloned()
            .collect();
        let branch = self.input.costs.branch;
        let mut best: Cover = None;
        for stated_guards_only in [true, false] {
            let mut best_part: FxHashMap<u64, Option<usize>> = FxHashMap::default();
            let mut part_for = |t: u64| -> Option<usize> {
                *best_part.entry(t).or_insert_with(|| {
                    parts
                        .iter()
                        .enumerate()
                        .filter(|(i, (m, _, _))| {
                            m & t == t && (stated_guards_only || *i >= stated_from)
                        })
                        .min_by_key(|(_, (_, _, c))| *c)
                        .map(|(i, _)| i)
                })
            };
            let mut memo: FxHashMap<(u64, usize), Cover> = FxHashMap::default();
            let found = cover(
                all,
                DECISION_BRANCHES,
                if stated_guards_only {
                    &stated_guards
                } else {
                    &guards
                },
                &parts,
                &mut part_for,
                branch,
                &mut memo,
            );
            if let Some((c, e)) = found {
                if best.as_ref().is_none_or(|(b, _)| c < *b) {
                    best = Some((c, e));
                }
            }
        }
        if let Some((total, expr)) = best {
            let better = self
                .pending_decision
                .as_ref()
                .is_none_or(|p| total < p.cost);
            if matches!(&*expr, Expr::Call(Op::IfExp, _)) && better {
                self.pending_decision = Some(PendingDecision {
                    expr,
                    cost: total,
                    level: self.pending_decision.as_ref().map_or(level, |p| p.level),
                });
            }
        }
    }

    /// Whether a guard holds one of the description's own numbers (other than zero) or quoted
    /// strings (`n % 3 == 0` for "multiples of 3", `age < 13`).
    fn names_a_threshold(&self, e: &Expr) -> bool {
        match e {
            Expr::Const(v) => self.stated(v),
            Expr::Call(_, args) => args.iter().any(|a| self.names_a_threshold(a)),
            _ => false,
        }
    }

    /// Whether the description states `v`: a number in its text other than zero, or one of its
    /// quoted strings or decimal numbers (defaults such as 0, 1, 2 are not stated).
    fn stated(&self, v: &PyVal) -> bool {
        match v {
            PyVal::Int(0) => false,
            PyVal::Int(i) => self.input.text_ints.contains(i),
            PyVal::Float(_) | PyVal::Str(_) => {
                self.input.constants.iter().any(|c| {
                    c.cost == 1 && c.ty != Ty::Pattern && super::value::exact_eq(&c.value, v)
                })
            }
            _ => false,
        }
    }

    /// The sides the description's phrases put on the threshold `n` (none when unstated).
    fn bounds_at(&self, n: f64) -> Vec<super::hints::Bound> {
        self.input
            .bounds
            .iter()
            .filter(|b| b.value == n)
            .map(|b| b.bound)
            .collect()
    }

    /// Whether a guard compares with the description's own numbers or strings (or zero), or is
    /// a parameter tested for truth.
    fn principled_guard(&self, e: &Expr) -> bool {
        fn consts_ok(e: &Expr, ok: &dyn Fn(&PyVal) -> bool) -> bool {
            match e {
                Expr::Const(v) => ok(v),
                Expr::Param(_) | Expr::Var(_) => true,
                Expr::Call(_, args) => args.iter().all(|a| consts_ok(a, ok)),
                Expr::Hof(_, a, b) => consts_ok(a, ok) && consts_ok(b, ok),
                Expr::ZipMap(a, b, c) => consts_ok(a, ok) && consts_ok(b, ok) && consts_ok(c, ok),
                Expr::Scan(a, b) => consts_ok(a, ok) && consts_ok(b, ok),
            }
        }
        fn has_const(e: &Expr) -> bool {
            match e {
                Expr::Const(_) => true,
                Expr::Call(_, args) => args.iter().any(|a| has_const(a)),
                _ => false,
            }
        }
        let stated = |v: &PyVal| {
            matches!(v, PyVal::Int(0))
                || matches!(v, PyVal::Float(f) if *f == 0.0)
                || self.stated(v)
        };
        // Small guards only: a stated constant compared with (a simple function of) a
        // parameter, or a parameter's own test (`if not items`, `s.isdigit()`).
        let small = if has_const(e) {
            e.size() <= 5
        } else {
            e.size() <= 2
        };
        if !small || e.params_used() == 0 || !consts_ok(e, &stated) {
            return false;
        }
        // A comparison is of (a simple function of) a parameter with a constant; a remainder
        // is tested for (non)zero only (`n % 3 == 0`, not `n % 5 <= 0`).
        if let Expr::Call(op @ (Op::Lt | Op::GtE | Op::LtE | Op::Gt | Op::Eq | Op::NotEq), args) = e
        {
            let against_const = matches!(args.get(1).map(|a| &**a), Some(Expr::Const(_)));
            let remainder = matches!(args.first().map(|a| &**a), Some(Expr::Call(Op::Mod, _)));
            if !against_const || remainder && !matches!(op, Op::Eq | Op::NotEq) {
                return false;
            }
        }
        self.sided(e)
    }

    /// Whether every comparison with a stated threshold in `e` sits on the side its phrase
    /// puts the boundary ("under 13": `x < 13` or `x >= 13`; "to 19": `x <= 19` or `x > 19`),
    /// and no modulus ("multiples of 3") is compared with (`n == 3`).
    fn sided(&self, e: &Expr) -> bool {
        use super::hints::Bound;
        let Expr::Call(op, args) = e else {
            return true;
        };
        if !args.iter().all(|a| self.sided(a)) {
            return false;
        }
        // A modulus ("multiples of 5") divides and nothing else (`5 - n < 0` is a fit).
        let modulus = |v: &PyVal| {
            v.as_f64().is_ok_and(|n| {
                let bounds = self.bounds_at(n);
                !bounds.is_empty() && bounds.iter().all(|b| *b == Bound::Modulus)
            })
        };
        for (i, a) in args.iter().enumerate() {
            if let Expr::Const(v) = &**a {
                if modulus(v) && !(*op == Op::Mod && i == 1) {
                    return false;
                }
            }
        }
        let side = match op {
            Op::Lt | Op::GtE => Some(Bound::Below),
            Op::LtE | Op::Gt => Some(Bound::UpTo),
            Op::Eq | Op::NotEq => None,
            _ => return true,
        };
        // A parameter stated as a threshold: on its side, read from either end (`p < x` is
        // `x > p`).
        let flipped = |s: Bound| match s {
            Bound::Below => Bound::UpTo,
            Bound::UpTo => Bound::Below,
            Bound::Modulus => Bound::Modulus,
        };
        for (i, a) in args.iter().enumerate().take(2) {
            let Expr::Param(p) = &**a else { continue };
            // (No list is built: `sided` runs on every guard the search keeps.)
            let mut stated = self
                .input
                .param_bounds
                .iter()
                .filter(|(q, _)| q == p)
                .map(|(_, b)| *b)
                .peekable();
            if stated.peek().is_none() {
                continue;
            }
            let here = if i == 1 { side } else { side.map(flipped) };
            return here.is_none_or(|s| stated.any(|b| b == s));
        }
        let Some(n) = args.get(1).and_then(|a| match &**a {
            Expr::Const(v) => v.as_f64().ok(),
            _ => None,
        }) else {
            return true;
        };
        // (A modulus-only `n` was refused above.)
        let bounds = self.bounds_at(n);
        bounds.is_empty() || side.is_none_or(|s| bounds.contains(&s))
    }
}

/// `not g`, written as the opposite comparison where there is one (`x >= 13` for `x < 13`:
/// the guards compare numbers, where the two agree).
fn complement(g: &Rc<Expr>) -> Rc<Expr> {
    let opposite = |op: Op| match op {
        Op::Lt => Some(Op::GtE),
        Op::GtE => Some(Op::Lt),
        Op::LtE => Some(Op::Gt),
        Op::Gt => Some(Op::LtE),
        Op::Eq => Some(Op::NotEq),
        Op::NotEq => Some(Op::Eq),
        Op::In => Some(Op::NotIn),
        Op::NotIn => Some(Op::In),
        _ => None,
    };
    match &**g {
        Expr::Call(op, args) => match opposite(*op) {
            Some(o) => Rc::new(Expr::Call(o, args.clone())),
            None if *op == Op::Not => args[0].clone(),
            None => Rc::new(Expr::Call(Op::Not, vec![g.clone()])),
        },
        _ => Rc::new(Expr::Call(Op::Not, vec![g.clone()])),
    }
}

/// The cheapest decision list right on every example of `mask`, with at most `branches`
/// branches: one term right on all of them, or `part if guard else rest` (and
/// `rest if guard else part`) where the guard splits the mask.
fn cover(
    mask: u64,
    branches: usize,
    guards: &[(u64, Rc<Expr>, u32)],
    parts: &[(u64, Rc<Expr>, u32)],
    part_for: &mut dyn FnMut(u64) -> Option<usize>,
    branch: u32,
    memo: &mut FxHashMap<(u64, usize), Cover>,
) -> Cover {
    if let Some(c) = memo.get(&(mask, branches)) {
        return c.clone();
    }
    let mut best: Cover = part_for(mask).map(|i| (parts[i].2, parts[i].1.clone()));
    if branches > 1 {
        for (g, ge, gc) in guards {
            let (t, f) = (mask & g, mask & !g);
            if t == 0 || f == 0 {
                continue;
            }
            for part_on_true in [true, false] {
                let (part_mask, rest_mask) = if part_on_true { (t, f) } else { (f, t) };
                let Some(pi) = part_for(part_mask) else {
                    continue;
                };
                let (_, pe, pc) = &parts[pi];
                let floor = pc + gc + branch;
                if best.as_ref().is_some_and(|(b, _)| floor >= *b) {
                    continue;
                }
                let Some((rc, re)) = cover(
                    rest_mask,
                    branches - 1,
                    guards,
                    parts,
                    part_for,
                    branch,
                    memo,
                ) else {
                    continue;
                };
                let total = floor + rc;
                if best.as_ref().is_none_or(|(b, _)| total < *b) {
                    // The branch first, the rest of the list after `else`: a part right where
                    // the guard is false goes under the guard's complement.
                    let guard = if part_on_true {
                        ge.clone()
                    } else {
                        complement(ge)
                    };
                    best = Some((
                        total,
                        Rc::new(Expr::Call(Op::IfExp, vec![guard, pe.clone(), re])),
                    ));
                }
            }
        }
    }
    memo.insert((mask, branches), best.clone());
    best
}

/// A one-character string other than a letter or digit (`'.'`, `','`).
/// A string that `int()` reads: optional minus, ASCII digits.
fn integer_text(v: &PyVal) -> bool {
    matches!(v, PyVal::Str(s) if {
        let d = s.strip_prefix('-').unwrap_or(s);
        !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())
    })
}

fn is_separator(v: &PyVal) -> bool {
    match v {
        PyVal::Str(s) => {
            let mut cs = s.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if !c.is_alphanumeric())
        }
        _ => false,
    }
}

/// Whether a comprehension's element of type `e` gets a context: a known type, or a record
/// (a dict with known keys whose values differ in type, `{'name': 'Ann', 'age': 31}`).
fn lambda_elem(e: &Ty) -> bool {
    match e {
        Ty::Dict(k, v) if **v == Ty::Any => !k.has_any(),
        e => !e.has_any(),
    }
}

/// Extra cost of ordering lists or tuples by their elements (see `op_level`).
const LEXICOGRAPHIC_COST: u32 = 2;

/// Whether `op` on a value of type `t` orders sequences lexicographically (`max` of a `str` too:
/// its greatest character, rarely what "the largest word" means).
fn compares_lexicographically(op: Op, t: &Ty) -> bool {
    let ordering = matches!(op, Op::Max | Op::Min | Op::Sorted | Op::SortedRev);
    let extreme_char = matches!(op, Op::Max | Op::Min) && *t == Ty::Str;
    extreme_char
        || ordering
            && t.elem().is_some_and(|e| {
                matches!(
                    e,
                    Ty::List(_) | Ty::Tuple(_) | Ty::TupleN(_) | Ty::Set(_) | Ty::Dict(..)
                )
            })
}

fn mark_vars(e: &Expr, seen: &mut [bool; 2]) {
    match e {
        Expr::Var(i) if *i < 2 => seen[*i] = true,
        Expr::Call(_, args) => args.iter().for_each(|a| mark_vars(a, seen)),
        Expr::Hof(_, a, _) => mark_vars(a, seen),
        Expr::ZipMap(a, b, _) => {
            mark_vars(a, seen);
            mark_vars(b, seen)
        }
        Expr::Scan(a, _) => mark_vars(a, seen),
        _ => {}
    }
}
