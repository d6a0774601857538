//! What the docstring and the examples say about the program: constants (docstring first, then
//! the examples, then a few defaults) and the cost table the search reads (operation priors
//! from the docstring's words). The cost table is plain data so a learned model can supply it.

use super::ast::{Hof, Op, ALL_HOFS, ALL_OPS};
use super::types::Ty;
use super::value::PyVal;
use rustc_hash::FxHashMap;

/// A constant leaf and its cost.
#[derive(Clone, Debug)]
pub(crate) struct ConstLeaf {
    pub(crate) value: PyVal,
    pub(crate) ty: Ty,
    pub(crate) cost: u32,
}

/// Costs of every construct (a probabilistic grammar in integer −log-probability units).
#[derive(Clone, Debug)]
pub(crate) struct CostTable {
    pub(crate) op: FxHashMap<Op, u32>,
    pub(crate) hof: FxHashMap<Hof, u32>,
    pub(crate) zip: u32,
    pub(crate) param: u32,
    pub(crate) var: u32,
    /// Extra cost of a conditional (`x if c else y`) over its three parts.
    pub(crate) branch: u32,
}

fn base_op_cost(op: Op) -> u32 {
    use Op::*;
    match op {
        Add | Sub | Mul | Eq | Lt | Gt | Len | Index | In | Not | Sum | First | Last | Fst
        | Snd => 1,
        // A remainder the description gives no reason for (parity, divisibility, digits, a
        // clock, mixed units) is how two examples are fitted far more often than meant
        // (`sum(range(stock, point)) % target`): cheap only where `NAMED_OPS` finds a reason.
        Mod => 3,
        TrueDiv | FloorDiv | NotEq | LtE | GtE | And | Or | Max | Min | Sorted | Reverse
        | SliceFrom | SliceTo | Lower | Upper | Split | SplitWs | Join | StrOf | IntOf | SetOf
        | Neg | Abs | Pow | Strip | StartsWith | EndsWith | CountSub | CountL | Replace
        | IsDigit | IsAlpha | Title | Capitalize | Max2 | Min2 | SortedRev | MkTuple2 | NotIn
        | Find => 2,
        Range1 | Range2 | SliceRange | Step | FloatOf | Ord | Chr | Round1 | Round2 | IsAlnum
        | IsUpper | IsLower | IsSpace | Swapcase | Lstrip | Rstrip | Zfill | IndexL | Get
        | Keys | Values | Items | AnyB | AllB | TupleOf | ListOf | Counter | MostCommon | Sqrt
        | Gcd | Divmod | SetAnd | SetOr | SetSub | Partition | RPartition | ListOf1
        | StripChars | Prod | Floor | Ceil | Isqrt | Factorial => 3,
        Ljust | Rjust | Center | GetDefault | Comb | FindallDigits | FindallWords
        | FindallUpperWords | ReSubNonAlnum | IfExp => 4,
        AccSum | AccMax | AccMin | Unique | DictInvert | DictMerge | Pad2 | Flatten | Chunk
        | Transpose | IsNotNone => 3,
        Lcm | Hypot | Between | Median | Palindrome => 5,
        MkTuple3 | ReSubNonNumeric => 4,
        DictOf => 1,
        IsLeap | MonthDays | Radians | Degrees => 5,
        Splitext | Dirname | Basename => 4,
        IsNone | Format => 2,
        TryOr => 5,
        DeepGet => 3,
        SumByKey => 3,
        MaxByKey | MinByKey | ListByKey => 4,
        DictPairs => 3,
        ClockMinutes | ClockSeconds => 5,
        // Offered only where an input holds an ISO date (`enumerate.rs`).
        DaysBetween | AddDays | Weekday | DateFormat => 2,
        DayOfYear => 3,
        RemovePrefix | RemoveSuffix => 4,
        BitAnd | BitOr | BitXor | LShift | RShift => 4,
        // Cheaper where the description asks for a format check or an extraction
        // (`patterns::names_a_format`, `patterns::names_an_extraction`).
        ReFullmatch | ReFindall => 3,
    }
}

fn base_hof_cost(h: Hof) -> u32 {
    match h {
        Hof::Map
        | Hof::Filter
        | Hof::SumMap
        | Hof::CountIf
        | Hof::ItemsFilter
        | Hof::ItemsKeyMap
        | Hof::ItemsValMap => 2,
        Hof::MaxKeyOrNone | Hof::MinKeyOrNone => 4,
        _ => 3,
    }
}

/// Word stems and the operations they make cheaper.
const PRIORS: &[(&[&str], &[Op], &[Hof])] = &[
    (
        &["sum", "total", "add"],
        &[Op::Sum, Op::Add],
        &[Hof::SumMap],
    ),
    (
        &["running", "cumulative", "prefix", "so far", "accumulat"],
        &[Op::AccSum, Op::AccMax, Op::AccMin],
        &[],
    ),
    (
        &["sort", "order", "ascending", "descending", "arrange"],
        &[Op::Sorted, Op::SortedRev],
        &[Hof::SortedKey, Hof::SortedKeyRev],
    ),
    (
        &[
            "unique",
            "distinct",
            "duplicate",
            "different",
            "without repeat",
            "no repeat",
            "never repeat",
            "not repeat",
        ],
        &[Op::SetOf, Op::Len, Op::Unique],
        &[],
    ),
    (&["revers", "backward"], &[Op::Reverse, Op::SortedRev], &[]),
    (
        &["highest", "top ", "best"],
        &[Op::SortedRev],
        &[Hof::SortedKeyRev],
    ),
    (
        &["even", "odd", "divisible", "multiple"],
        &[Op::Mod, Op::Eq],
        &[Hof::Filter],
    ),
    (
        &["count", "number of", "how many", "occurrence"],
        &[Op::CountSub, Op::CountL, Op::Len],
        &[Hof::CountIf],
    ),
    (
        &["first", "begin", "head"],
        &[Op::First, Op::Index, Op::SliceTo, Op::StartsWith],
        &[],
    ),
    (
        &["last", "end", "tail"],
        &[Op::Last, Op::SliceFrom, Op::EndsWith],
        &[],
    ),
    (
        &[
            "max",
            "largest",
            "biggest",
            "greatest",
            "longest",
            "highest",
            "most",
            "top",
            "best",
            "latest",
            "newest",
            "most recent",
        ],
        &[Op::Max, Op::Max2],
        &[Hof::MaxKey, Hof::MaxKeyOrNone],
    ),
    (
        &[
            "min", "smallest", "least", "shortest", "lowest", "earliest", "oldest",
        ],
        &[Op::Min, Op::Min2],
        &[Hof::MinKey, Hof::MinKeyOrNone],
    ),
    // "The value closest to target": the smallest distance, `abs(v - target)`.
    (
        &["closest", "nearest"],
        &[Op::Abs, Op::Sub],
        &[Hof::MinKey, Hof::MinKeyOrNone],
    ),
    (
        &["upper", "capital"],
        &[Op::Upper, Op::Capitalize, Op::Title, Op::IsUpper],
        &[],
    ),
    (&["lower"], &[Op::Lower, Op::IsLower], &[]),
    (&["word"], &[Op::SplitWs, Op::Join], &[]),
    (&["split", "separat"], &[Op::Split, Op::SplitWs], &[]),
    (&["join", "concat", "combine"], &[Op::Join, Op::Add], &[]),
    (&["length", "len", "long", "size"], &[Op::Len], &[]),
    (&["average", "mean"], &[Op::TrueDiv, Op::Sum, Op::Len], &[]),
    (&["product", "multipl", "times"], &[Op::Mul, Op::Prod], &[]),
    (
        &["square", "power", "cube", "exponent"],
        &[Op::Pow, Op::Mul],
        &[],
    ),
    (&["root"], &[Op::Sqrt, Op::Isqrt], &[]),
    (
        &["digit"],
        &[Op::IsDigit, Op::StrOf, Op::IntOf, Op::Mod, Op::FloorDiv],
        &[],
    ),
    (&["replace", "substitut"], &[Op::Replace], &[]),
    (
        &["remov", "delet", "strip", "without"],
        &[Op::Replace, Op::Strip],
        &[Hof::Filter, Hof::JoinFilter],
    ),
    (&["start", "prefix"], &[Op::StartsWith], &[]),
    (&["ends", "suffix"], &[Op::EndsWith], &[]),
    (
        &["contain", "present", "exist", "includ", "member"],
        &[Op::In],
        &[Hof::Any],
    ),
    (&["all", "every"], &[Op::AllB], &[Hof::All, Hof::Map]),
    (&["any", "some"], &[Op::AnyB], &[Hof::Any]),
    (&["absolute"], &[Op::Abs], &[]),
    (&["round"], &[Op::Round1, Op::Round2], &[]),
    (
        &["gcd", "divisor", "common factor"],
        &[Op::Gcd, Op::Mod],
        &[],
    ),
    (&["factorial"], &[Op::Factorial], &[]),
    (&["combination", "choose", "binomial"], &[Op::Comb], &[]),
    (
        &["frequen", "common", "often", "occur"],
        &[Op::Counter, Op::MostCommon, Op::CountL],
        &[],
    ),
    (&["palindrome"], &[Op::Reverse, Op::Eq], &[]),
    (&["anagram"], &[Op::Sorted, Op::Counter, Op::Eq], &[]),
    (
        &["parse", "price", "amount", "currency"],
        &[Op::ReSubNonNumeric, Op::FloatOf, Op::IntOf],
        &[],
    ),
    (
        &["index", "indices", "position", "locat", "find"],
        &[Op::Find, Op::IndexL],
        &[Hof::IndicesWhere, Hof::FirstIndexWhere],
    ),
    (
        &[
            "until",
            "before the first",
            "stop at",
            "stops at",
            "as long as",
            "while",
        ],
        &[],
        &[Hof::TakeWhile],
    ),
    (
        &[
            "by its",
            "by their",
            "keyed by",
            "index by",
            "indexed by",
            "to the record",
        ],
        &[],
        &[Hof::KeyBy],
    ),
    (
        &["ascii", "character code", "unicode"],
        &[Op::Ord, Op::Chr],
        &[],
    ),
    (&["tuple"], &[Op::TupleOf, Op::MkTuple2], &[]),
    (
        &["filter", "only", "keep", "select"],
        &[],
        &[Hof::Filter, Hof::JoinFilter],
    ),
    (
        &["each", "every", "all element", "apply"],
        &[],
        &[Hof::Map, Hof::JoinMap],
    ),
    (
        &[
            "positive",
            "negative",
            "greater",
            "less",
            "more than",
            "above",
            "below",
        ],
        &[Op::Gt, Op::Lt],
        &[],
    ),
    (
        &["dict", "key", "value", "lookup", "map"],
        &[Op::Get, Op::Keys, Op::Values, Op::Items],
        &[],
    ),
    (&["whitespace", "trim", "spaces"], &[Op::Strip], &[]),
    (&["title"], &[Op::Title], &[]),
    (&["capitaliz"], &[Op::Capitalize], &[]),
    (
        &["half", "divide", "quotient", "ratio"],
        &[Op::TrueDiv, Op::FloorDiv],
        &[],
    ),
    (&["remainder", "modulo"], &[Op::Mod], &[]),
    // "The differences between neighbours" are signed; "absolute" and "differ by" name `abs`.
    (&["differen", "subtract", "minus"], &[Op::Sub], &[]),
    (
        &[
            "absolute", "distance", "differ ", "differs ", "sign ", "sign,", "sign.",
        ],
        &[Op::Abs],
        &[],
    ),
    (&["integer", "int"], &[Op::IntOf], &[]),
    (&["float", "decimal"], &[Op::FloatOf], &[]),
    (
        &["range", "between", "natural numbers", "first n"],
        &[Op::Range1, Op::Range2],
        &[],
    ),
    (
        &["intersect", "common element", "shared"],
        &[Op::SetAnd],
        &[],
    ),
    (&["union"], &[Op::SetOr], &[]),
    (
        &[
            "bit",
            "xor",
            "shift",
            "power of 2",
            "power of two",
            "binary",
        ],
        &[Op::BitAnd, Op::BitOr, Op::BitXor, Op::LShift, Op::RShift],
        &[],
    ),
    (&["alphabet", "letter"], &[Op::IsAlpha], &[]),
    (&["numeric", "number"], &[Op::IsDigit], &[]),
    (&["duplicate", "unique", "distinct"], &[Op::Unique], &[]),
    (&["swap", "invert", "inverse"], &[Op::DictInvert], &[]),
    (&["merge", "combine", "update"], &[Op::DictMerge], &[]),
    (
        &["format", "pad", "zero", "digit"],
        &[Op::Pad2, Op::StrOf, Op::Format],
        &[],
    ),
    (
        &[
            "decimal", "thousand", "comma", "percent", "binary", "hex", "octal", "currency",
            "align", "column", "width",
        ],
        &[Op::Format],
        &[],
    ),
    (
        &["missing", "default", "absent"],
        &[Op::GetDefault, Op::Get],
        &[],
    ),
    (&["map each", "mapping", "dictionary"], &[], &[Hof::DictMap]),
    (
        &["group", "bucket", "categor"],
        &[Op::SumByKey, Op::ListByKey],
        &[Hof::GroupBy],
    ),
    (
        &["per ", "each key", "each name", "for each "],
        &[Op::SumByKey, Op::MaxByKey, Op::MinByKey, Op::ListByKey],
        &[],
    ),
];

/// Operations a description names outright ("the hypotenuse", "least common multiple",
/// "between low and high"): the named ones cost this much instead of their default, which
/// keeps them out of the way elsewhere.
const NAMED_OPS: &[(&[&str], Op, u32)] = &[
    // What a remainder computes: parity, divisibility, digits, positions on a clock or in a
    // cycle, and the rest in mixed units (cents of dollars, inches of feet).
    (
        &[
            "even",
            "odd",
            "parity",
            "divisib",
            "divide",
            "multiple",
            "remainder",
            "modul",
            "digit",
            "gcd",
            "divisor",
            "factor",
            "prime",
            "fizz",
            "leap",
            "minute",
            "second",
            "hour",
            "clock",
            "week",
            "wrap",
            "cycl",
            "rotat",
            "circular",
            "alternat",
            "every other",
            "leftover",
            "left over",
            "cent",
            "inch",
            "feet",
            "foot",
            "ounce",
        ],
        Op::Mod,
        1,
    ),
    (&["hypotenuse", "hypot"], Op::Hypot, 1),
    // "Remove the prefix if it is there": `removeprefix`, which `strip(prefix)` and
    // `replace(prefix, '')` equal on most examples.
    (&["prefix"], Op::RemovePrefix, 2),
    (&["suffix"], Op::RemoveSuffix, 2),
    (&["median"], Op::Median, 1),
    // A time of day or a duration as 'H:MM' / 'HH:MM:SS' (the layouts or the unit named).
    (
        &[
            "h:mm",
            "hh:mm",
            "minutes",
            "duration",
            "midnight",
            "time span",
        ],
        Op::ClockMinutes,
        2,
    ),
    (&["hh:mm:ss", "h:mm:ss", "seconds"], Op::ClockSeconds, 2),
    (
        &[
            "palindrom",
            "reads the same",
            "read the same",
            "same backward",
            "same forward",
            "same in reverse",
            "same reversed",
        ],
        Op::Palindrome,
        1,
    ),
    (&["leap"], Op::IsLeap, 1),
    (
        &[
            "dotted",
            "nested",
            "key path",
            "path of key",
            "path such as",
            "path like",
        ],
        Op::DeepGet,
        1,
    ),
    (
        &["transpos", "rows and columns", "columns and rows", "column"],
        Op::Transpose,
        1,
    ),
    (&["extension"], Op::Splitext, 1),
    (&["directory", "folder", "dirname"], Op::Dirname, 1),
    (
        &["file name", "filename", "basename", "base name"],
        Op::Basename,
        2,
    ),
    (&["days in", "number of days"], Op::MonthDays, 1),
    // Calendar arithmetic on ISO dates (offered only where an input holds one).
    (
        &[
            "day", "week", "age", "old", "elapsed", "overdue", "expire", "since", "until", "ago",
            "between", "late",
        ],
        Op::DaysBetween,
        1,
    ),
    (
        &[
            "later",
            "after",
            "add",
            "plus",
            "from now",
            "ahead",
            "before",
            "earlier",
            "ago",
            "tomorrow",
            "yesterday",
            "next",
            "previous",
            "due",
            "shift",
            "move",
        ],
        Op::AddDays,
        1,
    ),
    (
        &[
            "weekday",
            "weekend",
            "day of the week",
            "business day",
            "working day",
            "workday",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
        Op::Weekday,
        1,
    ),
    (
        &[
            "day of the year",
            "day of year",
            "day number",
            "ordinal",
            "julian",
        ],
        Op::DayOfYear,
        1,
    ),
    (
        &[
            "format",
            "display",
            "label",
            "month name",
            "name of the month",
            "written",
            "weekday",
            "day of the week",
            "day name",
            "name of the day",
        ],
        Op::DateFormat,
        1,
    ),
    (&["radian"], Op::Radians, 1),
    (
        &[
            "groups of",
            "group of",
            "in groups",
            "chunk",
            "blocks of",
            "pairs of",
            "batches of",
            "every two characters",
            "every three characters",
            "every four characters",
        ],
        Op::Chunk,
        2,
    ),
    (&["radian"], Op::Degrees, 1),
    (
        &["lcm", "least common multiple", "lowest common multiple"],
        Op::Lcm,
        1,
    ),
    (
        &["between", "in range", "within the range", "inclusive", "<="],
        Op::Between,
        1,
    ),
    // "Return default if s is not a valid integer": `int(s)`, or the default where it raises.
    (crate::intent::INVALID_INPUT, Op::TryOr, 2),
];

/// Words that ask for a descending order, or for the top of one.
const DESCENDING: &[&str] = &[
    "descend",
    "revers",
    "decreas",
    "backward",
    "high to low",
    "highest",
    "largest",
    "biggest",
    "greatest",
    "top",
    "best",
    "most",
    "latest",
    "newest",
    "longest first",
    "oldest first",
    "z to a",
    "last to first",
    "worst",
    "heaviest",
    "richest",
    "max",
    "rank",
];
/// Extra cost of a descending sort where the description asks for none.
const UNASKED_DESCENDING_COST: u32 = 2;

/// Extra cost of a conditional over its parts, and the lower cost where the description states
/// a condition ("if", "otherwise", "when", ...).
pub(crate) const BRANCH_COST: u32 = 3;
const STATED_BRANCH_COST: u32 = 2;

impl CostTable {
    /// The default table lowered by the description's words.
    pub(crate) fn from_description(text: &str) -> CostTable {
        let lower = crate::intent::plain_text(text);
        let mut op: FxHashMap<Op, u32> = ALL_OPS.iter().map(|&o| (o, base_op_cost(o))).collect();
        let mut hof: FxHashMap<Hof, u32> =
            ALL_HOFS.iter().map(|&h| (h, base_hof_cost(h))).collect();
        let mut zip = 3;
        for (words, ops, hofs) in PRIORS {
            if words.iter().any(|w| mentions(&lower, w)) {
                for o in *ops {
                    if let Some(c) = op.get_mut(o) {
                        *c = c.saturating_sub(1).max(1);
                    }
                }
                for h in *hofs {
                    if let Some(c) = hof.get_mut(h) {
                        *c = c.saturating_sub(1).max(1);
                    }
                }
            }
        }
        for (words, o, cost) in NAMED_OPS {
            if words.iter().any(|w| mentions(&lower, w)) {
                op.insert(*o, *cost);
            }
        }
        // A descending order the description never asks for (`sorted(names, key=lambda n:
        // n[0], reverse=True)` for "sort by last name") is a fit to the examples.
        if !DESCENDING.iter().any(|w| mentions(&lower, w)) {
            for o in [Op::SortedRev] {
                if let Some(c) = op.get_mut(&o) {
                    *c += UNASKED_DESCENDING_COST;
                }
            }
            if let Some(c) = hof.get_mut(&Hof::SortedKeyRev) {
                *c += UNASKED_DESCENDING_COST;
            }
        }
        // "A port number (1 to 65535)": a chained comparison with the stated ends.
        if crate::intent::states_a_range(&lower) {
            op.insert(Op::Between, 1);
        }
        // "The whitespace left at the end of the line": one end trimmed. Both ends trimmed
        // equal it on most examples, and the cheaper of equal terms is the one kept.
        let one_end = match crate::intent::trims_one_end(&lower) {
            Some(true) => Some(Op::Rstrip),
            Some(false) => Some(Op::Lstrip),
            None => None,
        };
        if let Some(o) = one_end {
            let strip = op.get(&Op::Strip).copied().unwrap_or(2);
            op.insert(o, strip);
            op.insert(Op::Strip, strip + 1);
        }
        // "No more than budget": the bound included (`<=` before `<`, equal on most examples).
        if crate::intent::compares_inclusively(&lower) {
            for (inclusive, strict) in [(Op::LtE, Op::Lt), (Op::GtE, Op::Gt)] {
                let c = op.get(&strict).copied().unwrap_or(1);
                op.insert(inclusive, c);
                op.insert(strict, c + 1);
            }
        }
        // A format to check ("a valid email", "5-digit zip code") or things to extract: the
        // `re` operations over the learned and named patterns.
        if super::patterns::names_a_format(&lower) {
            op.insert(Op::ReFullmatch, 2);
        }
        if super::patterns::names_an_extraction(&lower) {
            op.insert(Op::ReFindall, 2);
        }
        if [
            "element-wise",
            "elementwise",
            "pair",
            "corresponding",
            "zip",
            "weighted",
            "dot product",
            // Neighbours: `zip(xs, xs[1:])`.
            "consecutive",
            "adjacent",
            "neighbo",
            "successive",
            "previous",
            "preceding",
            "right before",
            "the one before",
            "in a row",
            "positions at which",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            zip = 2;
        }
        let branch = if [
            " if ",
            "otherwise",
            " else",
            "negative",
            "empty",
            "unless",
            "when ",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            STATED_BRANCH_COST
        } else {
            BRANCH_COST
        };
        CostTable {
            op,
            hof,
            zip,
            param: 1,
            var: 1,
            branch,
        }
    }

    /// Cheaper conversions to the type every output has: `tuple(...)` when each result is a
    /// tuple of a different length (`tuple(int(p) for p in version.split('.'))`).
    pub(crate) fn for_outputs(mut self, outputs: &[PyVal]) -> CostTable {
        let tuples: Option<Vec<usize>> = outputs
            .iter()
            .map(|o| match o {
                PyVal::Tuple(items) => Some(items.len()),
                _ => None,
            })
            .collect();
        if let Some(lens) = tuples {
            if lens.iter().any(|&l| l != lens[0]) {
                self.op.insert(Op::TupleOf, 1);
            }
        }
        // A float result parses its number with `float()` (`float(text.rstrip('%')) / 100`
        // also reads '12.5%'), not `int()`, which fits whole-number examples only.
        if !outputs.is_empty() && outputs.iter().all(|o| matches!(o, PyVal::Float(_))) {
            if let Some(c) = self.op.get_mut(&Op::IntOf) {
                *c += 1;
            }
        }
        self
    }

    /// A cheaper `zip` where two list or string parameters have one length in every example
    /// (and some length past one): prices and their quantities, two strings compared position
    /// by position.
    pub(crate) fn for_inputs(mut self, inputs: &[Vec<PyVal>]) -> CostTable {
        let len = |v: &PyVal| match v {
            PyVal::List(xs) | PyVal::Tuple(xs) => Some(xs.len()),
            PyVal::Str(s) => Some(s.chars().count()),
            _ => None,
        };
        let Some(first) = inputs.first() else {
            return self;
        };
        let parallel = (0..first.len()).any(|p| {
            (p + 1..first.len()).any(|q| {
                let lens: Option<Vec<(usize, usize)>> = inputs
                    .iter()
                    .map(|args| Some((len(args.get(p)?)?, len(args.get(q)?)?)))
                    .collect();
                lens.is_some_and(|l| l.iter().all(|(a, b)| a == b) && l.iter().any(|(a, _)| *a > 1))
            })
        });
        if parallel {
            self.zip = self.zip.saturating_sub(1).max(1);
        }
        self
    }

    pub(crate) fn op_cost(&self, op: Op) -> u32 {
        self.op.get(&op).copied().unwrap_or(3)
    }

    /// Whether the description's words made `op` cheaper than its default.
    pub(crate) fn is_named(&self, op: Op) -> bool {
        self.op_cost(op) < base_op_cost(op)
    }

    pub(crate) fn hof_cost(&self, h: Hof) -> u32 {
        self.hof.get(&h).copied().unwrap_or(3)
    }
}

/// Whether the text mentions `w` at a word start.
pub(crate) fn mentions(text: &str, w: &str) -> bool {
    text.match_indices(w).any(|(i, _)| {
        i == 0
            || !text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
    })
}

/// The docstring's prose: doctest lines and their expected outputs removed.
pub(crate) fn prose(doc: &str) -> String {
    let mut out = Vec::new();
    let mut in_example = false;
    for line in doc.lines() {
        let t = line.trim();
        if t.starts_with(">>>") || t.starts_with("...") && in_example {
            in_example = true;
            continue;
        }
        if in_example {
            if t.is_empty() {
                in_example = false;
            }
            continue;
        }
        out.push(line);
    }
    out.join("\n")
}

/// Ordinals as positions from either end: "the second" is `[1]`, "the second largest" `[-2]`
/// of the sorted values.
const ORDINALS: &[(&str, &[i64])] = &[
    ("second", &[1, -2]),
    ("third", &[2, -3]),
    ("fourth", &[3, -4]),
];

pub(super) const NUMBER_WORDS: &[(&str, i64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("twice", 2),
    ("double", 2),
    ("half", 2),
    ("pair", 2),
    ("triple", 3),
    ("thrice", 3),
    ("cube", 3),
    ("square", 2),
    ("dozen", 12),
    ("hundred", 100),
    ("percent", 100),
    ("thousand", 1000),
];

const CHAR_CLASSES: &[(&str, &str)] = &[
    ("vowel", "aeiou"),
    ("consonant", "bcdfghjklmnpqrstvwxyz"),
    ("digit", "0123456789"),
    ("punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    ("comma", ","),
    ("space", " "),
    ("newline", "\n"),
    ("hyphen", "-"),
    ("dash", "-"),
    ("underscore", "_"),
    ("period", "."),
    ("dot", "."),
    ("colon", ":"),
    ("semicolon", ";"),
    ("slash", "/"),
    ("at sign", "@"),
    ("hash", "#"),
    ("asterisk", "*"),
    ("tab", "\t"),
    ("pipe", "|"),
    ("ampersand", "&"),
    ("plus sign", "+"),
    ("equals sign", "="),
];

/// Words that introduce an instance of an input rather than a constant of the code.
const INSTANCE_INTRODUCERS: &[&str] = &[
    "such as",
    "as in",
    "as in:",
    "like",
    "e.g.",
    "e.g.,",
    "for example",
    "for example,",
    "for instance",
    "for instance,",
];

/// The description without its examples (doctests, `f(x) -> y` lines) and without the quoted
/// texts that show data rather than name a constant: those after "such as", "as in", "like",
/// "e.g." and the like (with the texts listed after them). The ranking reads literals against
/// what is left, so a copy of an example's result or of an instance is no explained literal.
pub(crate) fn without_instances(doc: &str) -> String {
    let mut text = prose(doc)
        .lines()
        .filter(|l| !is_call_example(l))
        .collect::<Vec<_>>()
        .join("\n");
    let mut instance = false;
    for q in ['\'', '"'] {
        let parts: Vec<&str> = text.split(q).collect();
        if parts.len() < 3 {
            continue;
        }
        let mut kept = String::with_capacity(text.len());
        for (i, p) in parts.iter().enumerate() {
            if i % 2 == 0 || i + 1 == parts.len() {
                if i > 0 {
                    kept.push(q);
                }
                kept.push_str(p);
                continue;
            }
            instance = shows_an_instance(parts[i - 1], instance);
            let drop = instance && p.chars().count() >= 2;
            kept.push(q);
            if !drop {
                kept.push_str(p);
            }
        }
        text = kept;
    }
    text
}

/// Whether the quoted text after `before` is an instance of data: it follows an introducer
/// ("such as"), or continues a list of instances (`previous`).
fn shows_an_instance(before: &str, previous: bool) -> bool {
    let before = before.trim().to_lowercase();
    INSTANCE_INTRODUCERS.iter().any(|w| before.ends_with(w))
        || (previous
            && (before.is_empty()
                || [",", "or", "and", ", or", ", and"].contains(&before.as_str())))
}

/// Whether a docstring line is a call example (`f(x) -> y`, `f(x) == y`, `f(x) => y`).
fn is_call_example(line: &str) -> bool {
    let t = line.trim();
    let Some(open) = t.find('(') else {
        return false;
    };
    let name = &t[..open];
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && ["->", "==", "=>", "➞", "→"]
            .iter()
            .any(|a| t[open..].contains(a))
}

/// Named quantities that come with domain constants.
/// The literals of the operations the description names (`':'`, `60` and `3600` of a clock
/// time's fields, `int(t.split(':')[0]) * 60`) and the numbers of the time units it names
/// (`1440` for "midnight"), as the ranking reads a rendering's literals: explained. (Not every
/// named quantity's: "31 days" does not explain `len(month) == 7`.)
pub(crate) fn named_literals(description: &str) -> Vec<String> {
    let lower = crate::intent::plain_text(description);
    let mut out: Vec<String> = Vec::new();
    let clock = NAMED_OPS.iter().any(|(words, o, _)| {
        matches!(o, Op::ClockMinutes | Op::ClockSeconds)
            && words.iter().any(|w| mentions(&lower, w))
    });
    if clock {
        out.extend(["':'", "60", "3600"].map(String::from));
    }
    const TIME_UNITS: &[&str] = &[
        "minute", "hour", "second", "hh:mm", "mm:ss", "midnight", "next day",
    ];
    for (w, ns) in NAMED_NUMBERS {
        if TIME_UNITS.contains(w) && mentions(&lower, w) {
            out.extend(ns.iter().map(|n| PyVal::Float(*n).repr()));
            out.extend(
                ns.iter()
                    .filter(|n| n.fract() == 0.0)
                    .map(|n| (*n as i64).to_string()),
            );
        }
    }
    out
}

const NAMED_NUMBERS: &[(&str, &[f64])] = &[
    ("fahrenheit", &[32.0, 1.8, 9.0, 5.0]),
    ("celsius", &[32.0, 1.8, 9.0, 5.0]),
    ("minute", &[60.0]),
    ("hour", &[60.0, 3600.0, 24.0]),
    ("second", &[60.0, 3600.0]),
    ("hh:mm", &[60.0, 3600.0]),
    ("mm:ss", &[60.0]),
    ("day", &[24.0, 7.0, 365.0]),
    ("week", &[7.0]),
    ("midnight", &[1440.0, 86400.0, 24.0]),
    ("next day", &[1440.0, 86400.0, 24.0]),
    ("year", &[365.0, 12.0]),
    ("month", &[12.0]),
    ("feet", &[12.0]),
    ("foot", &[12.0]),
    ("inch", &[12.0, 2.54]),
    ("kilo", &[1000.0]),
    ("pi", &[std::f64::consts::PI]),
    ("circle", &[std::f64::consts::PI]),
    ("area", &[std::f64::consts::PI]),
    ("cent", &[2.0, 100.0]),
    ("percent", &[100.0]),
    ("decimal place", &[2.0]),
    ("two decimal", &[2.0]),
    ("one decimal", &[1.0]),
];

fn push(out: &mut Vec<ConstLeaf>, value: PyVal, ty: Ty, cost: u32) {
    if !out
        .iter()
        .any(|c| c.ty == ty && super::value::exact_eq(&c.value, &value))
    {
        out.push(ConstLeaf { value, ty, cost });
    }
}

/// Constants for a task: from the docstring (quoted strings, numbers, number words, named
/// character classes), then from the examples (separators and common substrings), then
/// defaults.
pub(crate) fn constants(doc: &str, inputs: &[Vec<PyVal>], outputs: &[PyVal]) -> Vec<ConstLeaf> {
    let text = prose(doc);
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    // Quoted strings; two to eight of them also as one tuple, for "one of 'jpg', 'png' or
    // 'gif'" (`ext in ('jpg', 'png', 'gif')`).
    let mut quoted: Vec<PyVal> = Vec::new();
    for q in ['\'', '"', '`'] {
        let parts: Vec<&str> = text.split(q).collect();
        if parts.len() >= 3 {
            // An instance of an input ("a value such as '120'", "like 'AH' or '10S'") is data,
            // not a constant of the code: costlier, and no member of the listed tuple.
            let mut instance = false;
            for (i, p) in parts.iter().enumerate() {
                if i % 2 == 0 {
                    continue;
                }
                instance = shows_an_instance(parts[i - 1], instance);
                if i + 1 < parts.len() && p.chars().count() <= 12 && !p.contains('\n') {
                    // A date or time layout ('YYYY-MM-DD', 'HH:MM'): where its fields start
                    // and end are slice bounds (`date[:7]` for the month), and no more likely
                    // than other numbers elsewhere (see `text_numbers`).
                    for n in layout_bounds(p) {
                        push(&mut out, PyVal::Int(n), Ty::Int, 2);
                    }
                    if instance && p.chars().count() >= 2 {
                        push(&mut out, PyVal::str(p), Ty::Str, 3);
                        continue;
                    }
                    push(&mut out, PyVal::str(p), Ty::Str, 1);
                    let v = PyVal::str(p);
                    if !quoted.iter().any(|o| super::value::exact_eq(o, &v)) {
                        quoted.push(v);
                    }
                }
            }
        }
    }
    if (2..=8).contains(&quoted.len()) {
        push(
            &mut out,
            PyVal::tuple(quoted),
            Ty::TupleN(Box::new(Ty::Str)),
            2,
        );
    }
    // Numbers.
    for tok in standalone(&text, |c| c.is_ascii_digit() || c == '.' || c == '-')
        .into_iter()
        .flat_map(number_tokens)
    {
        let tok = tok.trim_matches('.');
        if tok.is_empty() || tok.len() > 12 {
            continue;
        }
        if let Ok(i) = tok.parse::<i64>() {
            push(&mut out, PyVal::Int(i), Ty::Int, 1);
        } else if let Ok(f) = tok.parse::<f64>() {
            if f.is_finite() {
                push(&mut out, PyVal::Float(f), Ty::Float, 1);
            }
        }
    }
    for (w, n) in NUMBER_WORDS {
        if mentions(&lower, w) {
            push(&mut out, PyVal::Int(*n), Ty::Int, 1);
        }
    }
    for (w, ns) in ORDINALS {
        if mentions(&lower, w) {
            for n in *ns {
                push(&mut out, PyVal::Int(*n), Ty::Int, 1);
            }
        }
    }
    // "Vowels (a, e, i, o, u in either case)": the letters in both cases.
    let both_cases = [
        "either case",
        "any case",
        "both cases",
        "any letter case",
        "upper or lower",
        "upper- or lower",
        "uppercase or lowercase",
        "lowercase or uppercase",
        "upper and lower",
    ]
    .iter()
    .any(|w| lower.contains(w));
    for (w, s) in CHAR_CLASSES {
        if mentions(&lower, w) {
            if both_cases && s.chars().all(|c| c.is_ascii_lowercase()) {
                push(
                    &mut out,
                    PyVal::str(&format!("{s}{}", s.to_ascii_uppercase())),
                    Ty::Str,
                    1,
                );
                push(&mut out, PyVal::str(s), Ty::Str, 2);
            }
            push(&mut out, PyVal::str(s), Ty::Str, 1);
        }
    }
    for (w, ns) in NAMED_NUMBERS {
        if mentions(&lower, w) {
            for n in *ns {
                if n.fract() == 0.0 {
                    push(&mut out, PyVal::Int(*n as i64), Ty::Int, 2);
                } else {
                    push(&mut out, PyVal::Float(*n), Ty::Float, 2);
                }
            }
        }
    }
    // From the examples: separators in every string input or output, common substrings of the
    // outputs (BUSTLE).
    let str_cols: Vec<Vec<&str>> = {
        let mut cols = Vec::new();
        let n_in = inputs.first().map_or(0, Vec::len);
        for j in 0..n_in {
            if let Some(col) = str_column(inputs, j) {
                cols.push(col);
            }
        }
        let outs: Vec<&str> = outputs
            .iter()
            .filter_map(|v| match v {
                PyVal::Str(s) => Some(&**s),
                _ => None,
            })
            .collect();
        if outs.len() == outputs.len() && !outs.is_empty() {
            cols.push(outs.clone());
            for sub in common_substrings(&outs) {
                push(&mut out, PyVal::str(&sub), Ty::Str, 2);
            }
        }
        cols
    };
    for col in &str_cols {
        let mut seps: Vec<char> = col
            .first()
            .map(|s| s.chars().filter(|c| !c.is_alphanumeric()).collect())
            .unwrap_or_default();
        seps.sort_unstable();
        seps.dedup();
        for c in seps {
            if col.iter().all(|s| s.contains(c)) {
                push(&mut out, PyVal::str(c.encode_utf8(&mut [0; 4])), Ty::Str, 2);
            }
        }
    }
    // Keys every example's dict has (`person['age']`), or every record of a list of dicts
    // (`u['name']` for `users`: a record's fields are what code over records reads, cheaper).
    let n_in = inputs.first().map_or(0, Vec::len);
    for j in 0..n_in {
        let mut dicts: Vec<&[(PyVal, PyVal)]> = Vec::new();
        let mut all_dicts = true;
        let mut records = false;
        for row in inputs {
            match row.get(j) {
                Some(PyVal::Dict(d)) => dicts.push(&d[..]),
                Some(PyVal::List(items)) => {
                    records = true;
                    for it in items.iter() {
                        match it {
                            PyVal::Dict(d) => dicts.push(&d[..]),
                            _ => all_dicts = false,
                        }
                    }
                }
                _ => all_dicts = false,
            }
        }
        if !all_dicts {
            continue;
        }
        if let Some(first) = dicts.first() {
            for (k, _) in first.iter().take(8) {
                let everywhere = dicts
                    .iter()
                    .all(|d| d.iter().any(|(k2, _)| super::value::exact_eq(k, k2)));
                if everywhere && matches!(k, PyVal::Str(_)) {
                    push(&mut out, k.clone(), Ty::Str, if records { 1 } else { 2 });
                }
            }
        }
    }
    // `None` when a result is `None`.
    if outputs.iter().any(|o| matches!(o, PyVal::None)) {
        push(&mut out, PyVal::None, Ty::NoneT, 1);
    }
    // Defaults.
    for (v, c) in [(0, 1), (1, 1), (2, 1), (-1, 2), (3, 3), (10, 3)] {
        push(&mut out, PyVal::Int(v), Ty::Int, c);
    }
    push(&mut out, PyVal::str(""), Ty::Str, 2);
    push(&mut out, PyVal::str(" "), Ty::Str, 2);
    // Format specs the outputs' number shapes and the description suggest (only `format`
    // takes them).
    let decimals = if ["decimal", "cent", "round"]
        .iter()
        .any(|w| lower.contains(w))
    {
        decimal_places(doc)
    } else {
        -1
    };
    for (spec, cost) in super::format::suggested_specs(&lower, decimals, outputs) {
        push(&mut out, PyVal::str(&spec), Ty::Spec, cost);
    }
    // Date formats the examples show (`'%B %Y'`: only `strftime` takes them).
    let words = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let unpadded = [
        "no leading zero",
        "without a leading zero",
        "without leading zero",
        "unpadded",
        "not zero-padded",
        "not padded",
    ]
    .iter()
    .any(|w| words.contains(w));
    for f in super::dates::learned_formats(inputs, outputs, unpadded) {
        push(&mut out, PyVal::str(&f), Ty::DateFmt, 1);
    }
    out
}

/// Which side of a stated number a phrase puts its boundary on: "under 13", "from 20", "90 and
/// up" (`x < N`, or its complement `x >= N`) against "to 19", "up to 10000", "over 65"
/// (`x <= N`, or `x > N`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    Below,
    UpTo,
    /// "Multiples of 3", "divisible by 5": a modulus, never compared with directly.
    Modulus,
}

/// A number the description states with the phrase that bounds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct StatedBound {
    pub(crate) value: f64,
    pub(crate) bound: Bound,
}

/// The bounds a description's thresholds state ("'child' under 13, 'teen' from 13 to 19":
/// 13 below, 19 up to).
pub(crate) fn stated_bounds(doc: &str) -> Vec<StatedBound> {
    const NUM: &str = r"\$?(-?\d+(?:\.\d+)?)";
    // Each pattern with the bound of each of its numbers (capture groups in order).
    let patterns: [(String, &[Bound]); 6] = [
        (
            format!(r"\b(?:multiples? of|divisible by|evenly by|every)\s+{NUM}"),
            &[Bound::Modulus],
        ),
        (
            format!(
                r"\b(?:under|below|less than|fewer than|from|at least|starting at|minimum of|min)\s+{NUM}"
            ),
            &[Bound::Below],
        ),
        (
            format!(
                r"\b(?:over|above|more than|greater than|exceeds?|exceeding|to|through|up to|at most|maximum of|max)\s+{NUM}"
            ),
            &[Bound::UpTo],
        ),
        (
            format!(
                r"{NUM}\s*(?:and up|and over|and above|and older|or more|or older|or higher|or over|or above|or greater|or later|\+)"
            ),
            &[Bound::Below],
        ),
        (
            format!(
                r"{NUM}\s*(?:or less|or fewer|or under|or younger|or lower|or below|or smaller|or earlier|and under|and below|and younger)"
            ),
            &[Bound::UpTo],
        ),
        // A range "80-89": from 80, up to 89 (its end is inclusive).
        (format!(r"{NUM}\s*-\s*{NUM}"), &[Bound::Below, Bound::UpTo]),
    ];
    let lower = prose(doc).to_lowercase();
    let mut out = Vec::new();
    for (pattern, bounds) in &patterns {
        let Ok(re) = regex::Regex::new(pattern) else {
            continue;
        };
        for caps in re.captures_iter(&lower) {
            for (k, bound) in bounds.iter().enumerate() {
                if let Some(v) = caps.get(k + 1).and_then(|m| m.as_str().parse::<f64>().ok()) {
                    out.push(StatedBound {
                        value: v,
                        bound: *bound,
                    });
                }
            }
        }
    }
    out
}

/// The bounds a description states with a parameter as the threshold, by the parameter's
/// index: "nothing while the stock is above the reorder point" puts `reorder_point`'s boundary
/// up to it (`stock > reorder_point`, or `stock <= reorder_point`; not `stock < reorder_point`,
/// which the examples cannot tell apart where none is at the boundary).
pub(crate) fn stated_param_bounds(doc: &str, names: &[String]) -> Vec<(usize, Bound)> {
    const BELOW: &str = r"under|below|less than|fewer than|at least|no less than|not below";
    const UP_TO: &str =
        r"over|above|more than|greater than|exceeds?|exceeding|at most|no more than|beyond";
    let lower = prose(doc).to_lowercase();
    let mut out = Vec::new();
    for (j, name) in names.iter().enumerate() {
        let spaced = regex::escape(&name.to_lowercase().replace('_', " "));
        let plain = regex::escape(&name.to_lowercase());
        for (words, bound) in [(BELOW, Bound::Below), (UP_TO, Bound::UpTo)] {
            let pattern = format!(
                r"\b(?:{words})\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:{spaced}|{plain})\b"
            );
            if regex::Regex::new(&pattern).is_ok_and(|re| re.is_match(&lower)) {
                out.push((j, bound));
            }
        }
    }
    out
}

/// Decimal places a description rounds to: "one decimal" 1, "three decimal places" 3, else 2
/// ("to cents", "two decimals", or no number at all).
pub(crate) fn decimal_places(doc: &str) -> i64 {
    let lower = prose(doc).to_lowercase();
    let named = [
        (1, ["one decimal", "1 decimal", "tenth"]),
        (3, ["three decimal", "3 decimal", "thousandth"]),
        (4, ["four decimal", "4 decimal", "ten-thousandth"]),
    ];
    named
        .iter()
        .find(|(_, words)| words.iter().any(|w| mentions(&lower, w)))
        .map_or(2, |(n, _)| *n)
}

/// The runs of `part` characters in `text` that are not part of a word (the `9` of `weight_9`,
/// the `2` of `log2` or `x2` name things, not quantities).
fn standalone(text: &str, part: impl Fn(char) -> bool) -> Vec<&str> {
    let word = |c: char| c.is_alphabetic() || c == '_';
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut before: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (start, part(c)) {
            (None, true) => {
                start = Some(i);
                before = prev;
            }
            (Some(s), false) => {
                if !before.is_some_and(word) && !word(c) {
                    out.push(&text[s..i]);
                }
                start = None;
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        if !before.is_some_and(word) {
            out.push(&text[s..]);
        }
    }
    out
}

/// The numbers in a token of digits, dots and hyphens: a range "80-89" is two numbers, a
/// leading hyphen a sign.
fn number_tokens(tok: &str) -> Vec<&str> {
    let body = tok.strip_prefix('-').unwrap_or(tok);
    if !body.contains('-') {
        return vec![tok];
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in tok.char_indices() {
        if c == '-' && i > 0 {
            parts.push(&tok[start..i]);
            start = i + 1;
        }
    }
    parts.push(&tok[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// Integers the description states (digits and number words), for literal positions.
pub(crate) fn text_numbers(doc: &str) -> Vec<i64> {
    let text = prose(doc).to_lowercase();
    let mut out: Vec<i64> = standalone(&text, |c| c.is_ascii_digit() || c == '-')
        .into_iter()
        .flat_map(number_tokens)
        .filter_map(|t| t.parse::<i64>().ok())
        .collect();
    for (w, n) in NUMBER_WORDS {
        if mentions(&text, w) {
            out.push(*n);
        }
    }
    for (w, ns) in ORDINALS {
        if mentions(&text, w) {
            out.extend_from_slice(ns);
        }
    }
    out.extend(layout_bounds_in(doc));
    out
}

/// The field bounds of the quoted date or time layouts of a description (see
/// `layout_bounds`).
pub(crate) fn layout_bounds_in(doc: &str) -> Vec<i64> {
    let text = prose(doc);
    let parts: Vec<&str> = text.split('\'').collect();
    let mut out = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if i % 2 == 1 && i + 1 < parts.len() {
            out.extend(layout_bounds(p));
        }
    }
    out
}

/// The field boundaries of a quoted date or time layout (`'YYYY-MM-DD'`: 4, 5, 7, 8, 10):
/// runs of one of the letters `Y M D H h m s S` joined by single separators, two runs at least,
/// each of two letters or more (`'H:MM'` has no fixed bounds). Nothing for other text.
pub(crate) fn layout_bounds(quoted: &str) -> Vec<i64> {
    let cs: Vec<char> = quoted.chars().collect();
    let field = |c: char| "YMDHhmsS".contains(c);
    let mut bounds = Vec::new();
    let mut runs = 0;
    let mut i = 0;
    while i < cs.len() {
        if !field(cs[i]) {
            return Vec::new();
        }
        let start = i;
        while i < cs.len() && cs[i] == cs[start] {
            i += 1;
        }
        runs += 1;
        if i - start < 2 {
            return Vec::new();
        }
        if start > 0 {
            bounds.push(start as i64);
        }
        bounds.push(i as i64);
        if i < cs.len() {
            if !"-/:. T".contains(cs[i]) || i + 1 == cs.len() {
                return Vec::new();
            }
            i += 1;
        }
    }
    if runs < 2 {
        return Vec::new();
    }
    bounds
}

/// Substrings of length ≥ 2 (at most 8 characters) that every output contains, longest first,
/// at most three.
fn common_substrings(outs: &[&str]) -> Vec<String> {
    let Some(first) = outs.iter().min_by_key(|s| s.len()) else {
        return Vec::new();
    };
    if outs.len() < 2 {
        return Vec::new();
    }
    let cs: Vec<char> = first.chars().collect();
    let mut found: Vec<String> = Vec::new();
    for len in (2..=cs.len().min(8)).rev() {
        for i in 0..=cs.len() - len {
            let sub: String = cs[i..i + len].iter().collect();
            if outs.iter().all(|o| o.contains(&sub))
                && !found.iter().any(|f| f.contains(&sub))
                && outs.iter().any(|o| *o != sub)
            {
                found.push(sub);
            }
        }
        if found.len() >= 3 {
            break;
        }
    }
    found.truncate(3);
    found
}

/// Argument `j` of every example when it is a string in all of them (and there are some).
pub(super) fn str_column(inputs: &[Vec<PyVal>], j: usize) -> Option<Vec<&str>> {
    let col: Vec<&str> = inputs
        .iter()
        .filter_map(|row| match row.get(j) {
            Some(PyVal::Str(s)) => Some(&**s),
            _ => None,
        })
        .collect();
    (col.len() == inputs.len() && !col.is_empty()).then_some(col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docstring_constants_come_first_and_cheap() {
        let cs = constants("Count the vowels in the text, twice.", &[], &[]);
        assert!(cs
            .iter()
            .any(|c| matches!(&c.value, PyVal::Str(s) if &**s == "aeiou") && c.cost == 1));
        assert!(cs
            .iter()
            .any(|c| matches!(c.value, PyVal::Int(2)) && c.cost == 1));
    }

    #[test]
    fn instances_of_inputs_are_no_cheap_constants() {
        let cost = |doc: &str, s: &str| {
            constants(doc, &[], &[])
                .into_iter()
                .find(|c| matches!(&c.value, PyVal::Str(v) if &**v == s))
                .map(|c| c.cost)
        };
        let doc = "Parse a Retry-After value such as '120'; default when it is 'never'.";
        assert_eq!(cost(doc, "120"), Some(3));
        assert_eq!(cost(doc, "never"), Some(1));
        // A list of instances, and one character (a separator) left cheap.
        let doc = "Each card is like 'AH' or '10S'; split at a separator such as ','.";
        assert_eq!(cost(doc, "AH"), Some(3));
        assert_eq!(cost(doc, "10S"), Some(3));
        assert_eq!(cost(doc, ","), Some(1));
        // The listed alternatives stay cheap, and a tuple.
        let doc = "True if the extension is one of 'jpg', 'png' or 'gif'.";
        assert_eq!(cost(doc, "png"), Some(1));
        assert!(constants(doc, &[], &[])
            .iter()
            .any(|c| matches!(&c.value, PyVal::Tuple(t) if t.len() == 3)));
    }

    #[test]
    fn instances_are_left_out_of_the_explaining_text() {
        let doc = "The title and the unread count, as in 'Inbox (3)'; 'none' when empty.\n\n\
                   tab('Inbox', 3) -> 'Inbox (3)'\n>>> tab('x', 0)\n'x'";
        assert_eq!(
            without_instances(doc),
            "The title and the unread count, as in ''; 'none' when empty.\n"
        );
        let c = constants(doc, &[], &[]);
        assert!(c
            .iter()
            .any(|c| matches!(&c.value, PyVal::Str(s) if &**s == "Inbox (3)") && c.cost == 3));
    }

    #[test]
    fn prose_drops_doctests() {
        let p = prose("Add them.\n\n>>> add(40, 2)\n42\n\nMore words.");
        assert!(!p.contains("42"));
        assert!(p.contains("More words"));
    }

    #[test]
    fn priors_lower_costs() {
        let plain = CostTable::from_description("");
        let sorted = CostTable::from_description("Return the items sorted.");
        assert!(sorted.op_cost(Op::Sorted) < plain.op_cost(Op::Sorted));
    }

    #[test]
    fn parameters_named_as_thresholds_carry_their_side() {
        let names = vec![
            "stock".to_string(),
            "reorder_point".to_string(),
            "limit".to_string(),
        ];
        let b = |doc: &str| stated_param_bounds(doc, &names);
        assert_eq!(
            b("Order nothing while the stock is above the reorder point."),
            vec![(1, Bound::UpTo)]
        );
        assert_eq!(
            b("True when the total is at least limit."),
            vec![(2, Bound::Below)]
        );
        assert_eq!(b("Cut the text to the limit."), vec![]);
    }

    #[test]
    fn thresholds_carry_the_side_of_their_boundary() {
        let b = |doc: &str| -> Vec<(f64, Bound)> {
            stated_bounds(doc)
                .into_iter()
                .map(|s| (s.value, s.bound))
                .collect()
        };
        let age = b("Return 'child' under 13, 'teen' from 13 to 19, and 'adult' from 20.");
        assert!(age.contains(&(13.0, Bound::Below)), "{age:?}");
        assert!(age.contains(&(19.0, Bound::UpTo)), "{age:?}");
        assert!(age.contains(&(20.0, Bound::Below)), "{age:?}");
        assert!(!age.contains(&(19.0, Bound::Below)), "{age:?}");
        let grade = b("Return 'A' for 90 and up, 'B' for 80-89, else 'F'.");
        assert!(grade.contains(&(90.0, Bound::Below)), "{grade:?}");
        assert!(grade.contains(&(80.0, Bound::Below)), "{grade:?}");
        assert!(grade.contains(&(89.0, Bound::UpTo)), "{grade:?}");
        let fizz = b("Return 'Fizz' for multiples of 3, 'Buzz' for multiples of 5.");
        assert!(fizz.contains(&(3.0, Bound::Modulus)), "{fizz:?}");
        assert!(fizz.contains(&(5.0, Bound::Modulus)), "{fizz:?}");
        let adult = b("Return True if age is 18 or over; 'junior' for 12 or younger.");
        assert_eq!(adult, vec![(18.0, Bound::Below), (12.0, Bound::UpTo)]);
        assert_eq!(decimal_places("Round to one decimal place."), 1);
        // Digits inside names are not stated numbers.
        assert_eq!(
            text_numbers("Compute the result.\nweight 9 function_2 log2"),
            vec![9]
        );
        assert_eq!(text_numbers("Return 'B' for 80-89."), vec![80, 89]);
        assert_eq!(decimal_places("Rounded to cents."), 2);
    }
}
