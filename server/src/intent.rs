//! What the description (docstring prose and function name) asks the code to do, as a reviewer
//! reads it: "the *sum* of the *even* numbers" asks for a sum and a parity test. Each intent is
//! named by word stems and recognised in a candidate's rendered Python by the names and
//! operators that carry it out (`sum`, `%`), whatever program space wrote it.
//!
//! The ranking charges a candidate for each intent it leaves out (two examples rarely tell
//! `nums[0]` from `sorted(nums)[-2]`, "the second largest number" does), the python space
//! searches on past its first solutions until one covers them, and the evidence test withholds a
//! top candidate that covers none of several intents when the examples are few.
//!
//! Only intents whose words name an operation precisely are here; words as loose as "first",
//! "each" or "word" still lower operation costs in the search's prior but are not required.

/// A regular expression compiled once, on first use (`None` if the pattern does not compile).
macro_rules! cached_regex {
    ($pattern:expr) => {{
        static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new($pattern).ok()).as_ref()
    }};
}
pub(crate) use cached_regex;

/// One thing a description can ask for.
#[derive(Debug)]
pub(crate) struct Intent {
    /// Short name (reports and tests).
    pub(crate) name: &'static str,
    /// Word stems that ask for it, matched at word starts in the lowercased description.
    stems: &'static [&'static str],
    /// Names (identifiers, methods) and operator or literal fragments that carry it out.
    code: &'static [&'static str],
}

/// A sign said of the result rather than asked of the inputs (see
/// [`Intents::from_description`]).
const RESULT_SIGN: &[&str] = &[
    "negative when",
    "negative if",
    "negative for",
    "positive when",
    "positive if",
    "positive for",
];

/// Phrases that say some inputs are invalid ("return default if s is not a valid integer"):
/// the code tells them apart, and a `try` falling back to a default is one way.
pub(crate) const INVALID_INPUT: &[&str] = &[
    "not a valid",
    "not valid",
    "invalid",
    "malformed",
    "cannot be parsed",
    "can't be parsed",
    "cannot be converted",
    "can't be converted",
    "fails to parse",
    "unparsable",
    "not parseable",
];

const INTENTS: &[Intent] = &[
    Intent {
        name: "sum",
        stems: &["sum", "total", "add up", "added"],
        code: &["sum", "+", "+=", "fsum", "accumulate"],
    },
    Intent {
        name: "sort",
        stems: &[
            "sort",
            "ascending",
            "descending",
            "non-decreasing",
            "increasing order",
        ],
        code: &["sorted", "sort", "<=", ">=", "<", ">"],
    },
    Intent {
        name: "unique",
        stems: &[
            "unique",
            "distinct",
            "duplicate",
            "dedup",
            "without repeat",
            "no repeat",
            "never repeat",
            "not repeat",
        ],
        code: &[DEDUPLICATING_SET, "fromkeys", "Counter", "count"],
    },
    Intent {
        name: "reverse",
        stems: &["revers", "backward", "palindrome"],
        code: &["reversed", "reverse", "[::-1]"],
    },
    Intent {
        name: "anagram",
        stems: &["anagram"],
        code: &["sorted", "Counter"],
    },
    Intent {
        name: "parity",
        stems: &["even", "odd", "divisible", "multiple of", "leap"],
        code: &["%", "&", "divmod", "gcd", "isleap"],
    },
    Intent {
        name: "count",
        stems: &[
            "count",
            "how many",
            "number of times",
            "occurrences",
            "frequen",
            "tally",
        ],
        // A count of items: `sum` only over a generator (`sum(1 for x in xs if ...)`,
        // `sum(c in 'aeiou' for c in s)`), not a total (`max(sum(xs), 0)`).
        code: &["count", "len", "sum(…for ", "Counter", "get"],
    },
    Intent {
        name: "max",
        stems: &[
            "max",
            "largest",
            "biggest",
            "greatest",
            "highest",
            "longest",
            "latest",
            "newest",
            "most recent",
        ],
        code: &["max", "sorted", "sort", "nlargest"],
    },
    Intent {
        name: "min",
        // Not "minus" or "minutes".
        stems: &[
            "minim", "min ", "min,", "min.", "min)", "smallest", "least", "lowest", "shortest",
            "fewest", "earliest", "oldest",
        ],
        code: &["min", "sorted", "sort", "nsmallest"],
    },
    Intent {
        name: "upper",
        stems: &["upper", "capital", "title case"],
        code: &[
            "upper",
            "isupper",
            "capitalize",
            "title",
            "swapcase",
            "A-Z",
            "0-9A-F]",
        ],
    },
    Intent {
        name: "lower",
        stems: &[
            "lower",
            "case-insensitive",
            "case insensitive",
            "ignoring case",
            "ignore case",
            "ignores case",
            "regardless of case",
            // "Ignoring spaces and case".
            "and case",
        ],
        // (`'aeiouAEIOU'`: a named class in both cases.)
        // (`[0-9a-f]`: lowercase hexadecimal digits.)
        code: &[
            "lower", "islower", "casefold", "swapcase", "a-z", "AEIOU", "0-9a-f]",
        ],
    },
    Intent {
        name: "mean",
        stems: &["average", "mean"],
        // A total over a count (`sum(xs) / len(xs)`, `distance / minutes`), or a sum of a few
        // halved (`(a + b) / 2`), not a sum over a number (`sum(xs) / 2 / 2`).
        code: &["mean", "fmean", "+…/ 2", "+…/ 3", "+…* 0.5", MEAN_DIVISION],
    },
    // "Limit value to the range [low, high]": a bound on each side.
    Intent {
        name: "clamp-low",
        stems: &["clamp", "clip", "limit"],
        code: &["max", "<", ">"],
    },
    Intent {
        name: "clamp-high",
        stems: &["clamp", "clip", "limit"],
        code: &["min", "<", ">"],
    },
    // "Return default if s is not a valid integer": the code tells valid input from invalid.
    Intent {
        name: "fallback",
        stems: INVALID_INPUT,
        code: &[
            "except",
            "isdigit",
            "isdecimal",
            "isnumeric",
            "isalpha",
            "isalnum",
            "fullmatch",
            "match",
        ],
    },
    Intent {
        name: "product",
        stems: &["product", "multiply", "multiplied", "multiplication"],
        code: &["*", "prod", "*="],
    },
    Intent {
        name: "power",
        stems: &["square", "cube", "power", "exponent"],
        code: &["**", "*", "pow", "sqrt", "isqrt"],
    },
    Intent {
        name: "root",
        stems: &["root"],
        code: &["sqrt", "isqrt", "**"],
    },
    Intent {
        name: "digits",
        stems: &["digit"],
        code: &[
            "isdigit",
            "isnumeric",
            "isdecimal",
            "str",
            "int",
            "%",
            "//",
            "digits",
            "0-9",
            "\\d",
            "0123456789",
        ],
    },
    Intent {
        name: "replace",
        stems: &["replac", "substitut"],
        code: &["replace", "sub", "translate", "join"],
    },
    Intent {
        name: "trim",
        stems: &["trim", "whitespace", "strip"],
        // `strip_extension`: a path's parts stripped.
        code: &[
            "strip", "lstrip", "rstrip", "split", "replace", "join", "splitext",
        ],
    },
    // "Ignoring spaces": the spaces removed, not only trimmed.
    Intent {
        name: "spaces",
        stems: &[
            "ignoring spaces",
            "ignore spaces",
            "ignores spaces",
            "ignoring all spaces",
            "ignoring any spaces",
            "ignoring whitespace",
            "ignore whitespace",
            "excluding spaces",
            "not counting spaces",
            "spaces ignored",
            "spaces are ignored",
        ],
        code: &[
            "replace", "split", "isspace", "isalpha", "isalnum", "sub", "join",
        ],
    },
    // "Ignoring anything that is not a letter or digit": only the alphanumerics compared.
    Intent {
        name: "alnum",
        stems: &[
            "non-alphanumeric",
            "nonalphanumeric",
            "not alphanumeric",
            "not a letter or digit",
            "not a letter or a digit",
            "not letters or digits",
            "ignoring punctuation",
            "ignore punctuation",
            "spaces and punctuation",
        ],
        code: &[
            "isalnum",
            "isalpha",
            "sub",
            "translate",
            "punctuation",
            "findall",
        ],
    },
    // A file's extension: what `os.path.splitext` splits off (none for `README` or
    // `.bashrc`), not whatever follows the last dot; or a test for the dot.
    Intent {
        name: "extension",
        stems: &["extension"],
        code: &["splitext", "rfind", "if"],
    },
    Intent {
        name: "starts",
        stems: &[
            "starts with",
            "start with",
            "begins with",
            "begin with",
            "prefix",
        ],
        code: &["startswith", "[:", "[0]", "find", "index", "match"],
    },
    // "The part after the last '/'", "everything before the last dot": a split or search from
    // the right, not at the first occurrence.
    Intent {
        name: "last occurrence",
        stems: &[
            "after the last",
            "before the last",
            "last occurrence",
            "rightmost",
            "right-most",
        ],
        code: &[
            "[-1]",
            "rsplit",
            "rpartition",
            "rfind",
            "rindex",
            "basename",
            "dirname",
            "splitext",
        ],
    },
    Intent {
        name: "ends",
        stems: &["ends with", "end with", "suffix"],
        code: &["endswith", "[-", "rfind"],
    },
    Intent {
        name: "abs",
        stems: &[
            "absolute",
            "distance",
            // "Differ by at most tolerance": the size of a difference.
            "differ by",
            "differs by",
            // "The sign of a negative number is ignored", "not counting a minus sign".
            "sign is ignored",
            "sign ignored",
            "ignoring the sign",
            "ignore the sign",
            "ignoring sign",
            "regardless of sign",
            "regardless of the sign",
            "minus sign",
        ],
        code: &["abs", "-", "lstrip"],
    },
    Intent {
        name: "round",
        stems: &["round"],
        code: &["round", "//", "int", "ceil", "floor"],
    },
    Intent {
        name: "gcd",
        stems: &["gcd", "greatest common divisor", "greatest common factor"],
        code: &["gcd", "%"],
    },
    Intent {
        name: "lcm",
        stems: &["lcm", "least common multiple", "lowest common multiple"],
        code: &["lcm", "gcd"],
    },
    Intent {
        name: "hypot",
        stems: &["hypotenuse"],
        code: &["hypot", "sqrt", "**"],
    },
    Intent {
        name: "decimals",
        stems: &[
            "to cents",
            "to the cent",
            "nearest cent",
            "decimal place",
            "two decimals",
            "2 decimals",
            "one decimal",
            "1 decimal",
        ],
        code: &["round", ".1f", ".2f", ".3f"],
    },
    Intent {
        name: "factorial",
        stems: &["factorial"],
        code: &["factorial", "prod", "*"],
    },
    Intent {
        name: "vowels",
        stems: &["vowel", "consonant"],
        code: &["aeiou", "AEIOU"],
    },
    Intent {
        name: "contains",
        stems: &["occurs in", "appears in", "present in", "any of"],
        code: &["in", "any", "find", "count", "index", "search"],
    },
    Intent {
        name: "default",
        stems: &[
            "missing", "default", "absent", "or none", "none if", "if empty", "is empty",
        ],
        code: &["get", "if", "or", "None", "in", "except"],
    },
    Intent {
        name: "length",
        stems: &[
            "length",
            "longer than",
            "shorter than",
            "longest",
            "shortest",
            "characters long",
            "how long",
        ],
        code: &["len"],
    },
    Intent {
        name: "merge",
        stems: &["merge", "combine the dict", "union"],
        // Dicts (`{**a, **b}`, `a | b`) or lists (`a + b`, `heapq.merge`).
        code: &[
            "**", "|", "update", "dict", "union", "+", "merge", "extend", "chain",
        ],
    },
    Intent {
        // "Rounded to the nearest pixel": `round`, not the floor of `//` or `int`.
        name: "nearest",
        stems: &[
            "to the nearest",
            "to the closest",
            "nearest whole",
            "nearest integer",
        ],
        code: &["round"],
    },
    Intent {
        // "The value closest to target": the smallest distance, `min(..., key=abs(v - t))`
        // (not "rounded to the nearest cent", the intent above).
        name: "closest",
        stems: &[
            "closest to ",
            "nearest to ",
            "closest match",
            "nearest match",
        ],
        code: &["abs", "min"],
    },
    Intent {
        // "Empty or only whitespace": a string tested after stripping (`if line.strip()`).
        name: "blank",
        stems: &[
            "blank",
            "only whitespace",
            "whitespace only",
            "whitespace-only",
            "only spaces",
            "just spaces",
            "just whitespace",
        ],
        code: &["strip", "isspace", "split"],
    },
    Intent {
        // Each element with the one next to it: `zip(xs, xs[1:])`, `xs[i - 1]`, runs.
        name: "neighbours",
        stems: &[
            "consecutive",
            "adjacent",
            "neighbo",
            "successive",
            "right before",
            "right after",
            "the one before",
            "the one after",
            "previous one",
            "previous value",
            "previous item",
            "preceding",
        ],
        code: &[
            "zip", "[1:]", "[:-1]", "[i - 1]", "[i + 1]", "pairwise", "groupby",
        ],
    },
    Intent {
        // Two sequences position by position: `zip(a, b)`.
        name: "elementwise",
        stems: &[
            "element-wise",
            "elementwise",
            "position by position",
            "positions at which",
            "at the same position",
            "at the same index",
        ],
        code: &["zip", "enumerate", "range"],
    },
    Intent {
        name: "swap",
        stems: &["swap", "invert"],
        code: &["items", "reversed", "[::-1]", "swapcase", "zip"],
    },
    Intent {
        name: "compare",
        stems: &[
            "positive",
            "negative",
            "greater than",
            "less than",
            "more than",
            "at least",
            "at most",
            "above",
            "below",
            "exceed",
            "within",
            "between",
            "in range",
            "capped",
            "a cap of",
            "caps at",
            "a maximum of",
            "a minimum of",
        ],
        code: &["<", ">", "<=", ">=", "abs", "max", "min", "range", "sorted"],
    },
    Intent {
        name: "all",
        stems: &[
            "if every",
            "whether every",
            "if all the",
            "if all of",
            "whether all",
            "if each",
            "whether each",
        ],
        code: &["all", "issubset", "<=", ">=", "any"],
    },
    Intent {
        name: "any",
        stems: &["if any", "whether any", "at least one"],
        code: &[
            "any",
            "in",
            "&",
            "intersection",
            "or",
            "count",
            "min",
            "max",
        ],
    },
    // A format the description names ("a valid email", "an IPv4 address", "a #rrggbb hex
    // colour"): checked or extracted by a regular expression, not by a fit to the examples'
    // characters (`'.' in email`, `address.endswith(address[0])`).
    Intent {
        name: "format",
        stems: &[
            "email",
            "e-mail",
            "url",
            "hashtag",
            "ipv4",
            "ip address",
            "hex colo",
            "hex digit",
            "zip code",
            "postal code",
            "phone number",
            "regex",
            "regular expression",
        ],
        code: &["fullmatch", "findall", "match", "search", "finditer"],
    },
    Intent {
        name: "percent",
        stems: &["percent"],
        code: &["100", "%}"],
    },
];

/// "Sort the pairs by age", "ordered by their length": a sort under a key, not the elements'
/// own order.
static SORT_KEY: Intent = Intent {
    name: "sort-key",
    stems: &[],
    code: &["key="],
};

/// "Ties are ordered alphabetically", "keys with equal values in alphabetical order": a second
/// sort key, either in a tuple (`key=lambda k: (-d[k], k)`) or as a sort of the sorted
/// elements (`sorted(sorted(d), key=d.get)`, stable).
static TIE_BREAK: Intent = Intent {
    name: "tie-break",
    stems: &[],
    code: &["(-", "sorted(sorted(", "max(sorted(", "min(sorted("],
};

/// Whether the description breaks ties by the elements' own order ("alphabetically", "by
/// name"), in either order of the two phrases within a clause.
fn breaks_ties(text: &str) -> bool {
    cached_regex!(r"\b(ties?|tied|equal|same)\b[^.;]{0,60}?\b(alphabetic|lexicographic|by name|by key)|\b(alphabetic|lexicographic)\w*[^.;]{0,60}?\b(ties?|tied|equal|same)\b")
    .is_some_and(|re| re.is_match(text))
}

/// Whether the description sorts by something: a sort word followed, within the same clause,
/// by "by" and a noun other than "default" or "value".
fn sorts_by_key(text: &str) -> bool {
    cached_regex!(r"\b(sort|sorted|sorts|sorting|order|ordered|rank|ranked)\b[^.;:]{0,40}?\bby (their |its |the |each )?([a-z]+)")
    .and_then(|re| re.captures(text))
    .and_then(|c| c.get(3))
    .is_some_and(|noun| !matches!(noun.as_str(), "default" | "value" | "values" | "itself" | "size" | "magnitude"))
}

/// Whether the description ignores a number's sign in words the `abs` stems do not list
/// contiguously: "the sign of a negative number is ignored", "ignores the minus sign".
fn ignores_sign(text: &str) -> bool {
    cached_regex!(r"\bsign\b[^.;:]{0,40}?\b(ignor|disregard|drop)|\b(ignor|disregard|drop)\w*\b[^.;:]{0,40}?\bsign\b")
    .is_some_and(|re| re.is_match(text))
}

/// The intents of what a description ignores or skips, listed after the verb in any order:
/// "ignoring case and spaces", "skipping spaces and punctuation" (`lower`, `spaces`, `alnum`).
fn ignored_kinds(text: &str) -> Vec<&'static str> {
    let Some(re) = cached_regex!(
        r"\b(ignor\w*|disregard\w*|skip\w*|excluding|not counting|without counting)\b([^.;:!?]{0,60})"
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let listed = c.get(2).map_or("", |m| m.as_str());
        let words: Vec<&str> = listed
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for (stems, name) in [
            (&["case", "capitalization", "capitalisation"][..], "lower"),
            (&["space", "spaces", "whitespace", "blanks"][..], "spaces"),
            (&["punctuation", "symbols"][..], "alnum"),
        ] {
            if words.iter().any(|w| stems.contains(w)) && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// "One of 'jpg', 'png' or 'gif'": membership in the listed strings, not equality with the one
/// an example happens to use.
static ONE_OF: Intent = Intent {
    name: "one-of",
    stems: &[],
    code: &["in (", "in {", "in [", "startswith((", "endswith(("],
};

/// "A port number (1 to 65535)", "between 0 and 100", "from 18 to 65": a range of numbers the
/// code compares with (or iterates), not a fit to the examples' digits (`len(str(port)) == 2`).
/// "Whitespace left at the end of the line", "trailing zeros": one end trimmed, not both
/// (`line.rstrip()`, not `line.strip()`).
static TRAILING: Intent = Intent {
    name: "trailing",
    stems: &[],
    code: &["rstrip", "removesuffix", "endswith", "[:-"],
};

/// "Leading zeros", "a leading '?'": the start trimmed, not both ends.
static LEADING: Intent = Intent {
    name: "leading",
    stems: &[],
    code: &["lstrip", "removeprefix", "startswith", "[1:]"],
};

/// Whether the description trims one end: "trailing", or "at the end" with whitespace named,
/// a word of trimming ("remove", "strip", "ignoring") and nothing said of the other end (`Some(true)`: the end; `Some(false)`:
/// the start, "leading").
pub(crate) fn trims_one_end(text: &str) -> Option<bool> {
    let both = [
        "both ends",
        "surrounding",
        "leading and trailing",
        "trailing and leading",
    ]
    .iter()
    .any(|p| text.contains(p));
    // Trimmed, not added ("pad with leading zeros").
    let trims = [
        "remov", "strip", "trim", "drop", "ignor", "without", "delet", "discard",
    ]
    .iter()
    .any(|v| text.contains(v))
        && !text.contains("pad");
    if both || !trims {
        return None;
    }
    let trailing = mentions(text, "trailing")
        || (text.contains("at the end") && (text.contains("whitespace") || text.contains("space")));
    let leading = mentions(text, "leading")
        || (text.contains("at the start")
            && (text.contains("whitespace") || text.contains("space")));
    match (trailing, leading) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// "No more than budget", "at least the minimum": a comparison that includes its bound, with
/// a name for the bound (a stated number is a threshold, whose slack allows `> 7` for "at
/// least 8").
static INCLUSIVE: Intent = Intent {
    name: "inclusive",
    stems: &[],
    code: &["<=", ">="],
};

/// Whether the description compares inclusively with a named bound (see [`INCLUSIVE`]).
pub(crate) fn compares_inclusively(text: &str) -> bool {
    cached_regex!(
        r"\b(?:no more than|no less than|not more than|not less than|no greater than|no larger than|no later than|no earlier than|at most|at least|does not exceed|doesn't exceed|not exceeding) (?:the |its |their |a |an )?([a-z_]+)"
    )
    .is_some_and(|re| {
        re.captures_iter(text).any(|c| {
            c.get(1).is_some_and(|w| {
                let w = w.as_str();
                !matches!(
                    w,
                    "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight"
                        | "nine" | "ten" | "once" | "twice" | "half" | "zero" | "n" | "k"
                )
            })
        })
    })
}

static RANGE: Intent = Intent {
    name: "range",
    stems: &[],
    code: &["<", ">", "range"],
};

/// Whether the description states a range of numbers: two numbers joined by "to", "and",
/// "through" or a dash, the first after "between", "from" or an opening parenthesis, or the
/// pair alone in parentheses or brackets.
pub(crate) fn states_a_range(text: &str) -> bool {
    cached_regex!(
        r"(\bbetween|\bfrom|\brange|[(\[])\s*-?\d+(\.\d+)?\s*(to|and|through|-|–|\.\.)\s*-?\d+"
    )
    .is_some_and(|re| re.is_match(text))
}

/// Whether the description lists quoted strings as a set to choose from.
fn names_a_set_of_strings(text: &str) -> bool {
    let quoted = text.split('\'').count().saturating_sub(1) / 2
        + text.split('"').count().saturating_sub(1) / 2;
    quoted >= 2
        && [
            "one of",
            "any of",
            "among",
            "is in",
            "are true",
            "are false",
            "are valid",
        ]
        .iter()
        .any(|s| mentions(text, s))
        || starts_or_ends_with_either(text)
}

/// "Starts with '#' or ';'", "ends with '.jpg', '.png' or '.gif'": one affix of several
/// (`line.startswith(('#', ';'))`).
fn starts_or_ends_with_either(text: &str) -> bool {
    cached_regex!(
        r#"\b(starts?|begins?|ends?|starting|beginning|ending)( \w+)? with ['"][^'"]*['"],? (or|and) ['"]"#
    )
    .is_some_and(|re| re.is_match(text))
}

/// Whether `text` (lowercase) mentions `stem` at a word start.
fn mentions(text: &str, stem: &str) -> bool {
    text.match_indices(stem).any(|(i, _)| {
        i == 0
            || !text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
    })
}

/// The intents a description asks for.
#[derive(Clone, Debug, Default)]
pub struct Intents {
    wanted: Vec<&'static Intent>,
    /// Results the description states for a case ("or 0.0 for an empty list").
    results: Vec<StatedResult>,
    /// Fields of the records the examples pass in that the description names ("the names of
    /// the active users": `'name'`, `'active'`): the code reads each.
    fields: Vec<String>,
    /// Numbers the description compares with ("greater than zero", "at least 8"): the code
    /// states each (a fit to the examples that never compares with 0 is not "greater than
    /// zero").
    thresholds: Vec<Threshold>,
    /// The description, lowercased with `_` read as a space (to match field names).
    text: String,
}

/// Name of the intent of a named field (reports and tests).
const FIELD: &str = "field";

/// String keys (identifier-like, 3 characters or more) of the dicts in `v`, the dicts of a
/// list or tuple included.
fn record_keys(v: &crate::value::Value, out: &mut Vec<String>) {
    use crate::value::Value;
    match v {
        Value::Dict(items) => {
            for (k, _) in items {
                if let Value::Str(k) = k {
                    let word = k.len() >= 3
                        && k.chars().all(|c| c.is_alphabetic() || c == '_')
                        && k.chars().any(char::is_alphabetic);
                    if word && !out.contains(k) {
                        out.push(k.clone());
                    }
                }
            }
        }
        Value::List(xs) | Value::Tuple(xs) => {
            for x in xs.iter().take(8) {
                if let Value::Dict(_) = x {
                    record_keys(x, out);
                }
            }
        }
        _ => {}
    }
}

/// A literal result the description states for a case the examples may not show: "return
/// 0.0 for an empty list", "or None if there is none", "returning '' when it has no dot". The
/// code that carries it out contains the literal (`... if nums else 0.0`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum StatedResult {
    None,
    /// A number, and whether it is written as a float (`0.0`).
    Number(f64, bool),
    /// A quoted string's text (empty for `''` and "an empty string").
    Text(String),
    /// An empty list (`[]`) or dict (`{}`), as written in code.
    Empty(&'static str),
}

/// A code fragment that stands for a division a mean is: by a name (`total / count`,
/// `a / len(xs)`), or by a number where nothing is summed (see [`CodeText::has`]).
const MEAN_DIVISION: &str = "/ mean";

/// Marker of a `set` that drops repeats: any but the container of a membership test (`x in
/// set(b)` keeps the repeats of the `x`s).
const DEDUPLICATING_SET: &str = "set dedup";

/// Quantities a library function computes whole, by the words that name them and the
/// function's name (see [`Intents::missing`]).
const NAMED_QUANTITIES: &[(&[&str], &str)] = &[
    (&["median"], "median"),
    (&["leap year"], "isleap"),
    (&["hypotenuse"], "hypot"),
    (&["lcm"], "lcm"),
    (&["gcd"], "gcd"),
    (&["factorial"], "factorial"),
    (&["binomial", "combinations"], "comb"),
];

/// Name of the intent of a stated result (reports and tests).
const STATED_RESULT: &str = "stated-result";

/// Name of the intent of a stated threshold (reports and tests).
const THRESHOLD: &str = "threshold";

/// How much leaving out the intent `name` weighs against a candidate, in left-out intents: a
/// stated threshold half ("fewer than two values give an empty list" states an edge case the
/// code may handle without the number; "numbers greater than zero" a test it makes).
pub(crate) fn weight(name: &str) -> f64 {
    if name == THRESHOLD || name == INCLUSIVE.name {
        0.5
    } else {
        1.0
    }
}

/// A number the description compares with, and how far from it the code's literal may be
/// (a range's bound: `0 < port` for "from 1 to 65535").
#[derive(Clone, Copy, Debug, PartialEq)]
struct Threshold {
    value: i64,
    slack: i64,
}

/// The whole numbers a description compares with: "greater than zero", "at least 8
/// characters", "no more than 3", and the bounds of a stated range ("in the range 1 to
/// 65535").
fn stated_thresholds(text: &str) -> Vec<Threshold> {
    let mut out: Vec<Threshold> = compared_numbers(text)
        .into_iter()
        .map(|value| Threshold { value, slack: 0 })
        .collect();
    if let Some(re) = cached_regex!(
        r"(?:\bbetween|\bfrom|\brange|[(\[])\s*(-?\d+)\s*(?:to|and|through|-|–|\.\.)\s*(-?\d+)\b"
    ) {
        for c in re.captures_iter(text) {
            for g in [1, 2] {
                if let Some(value) = c.get(g).and_then(|m| m.as_str().parse().ok()) {
                    let t = Threshold { value, slack: 1 };
                    if !out.iter().any(|o| o.value == value) {
                        out.push(t);
                    }
                }
            }
        }
    }
    out
}

/// The whole numbers after a comparison word ("greater than zero", "at least 8", "over 65")
/// or before one in digits ("100 dollars or more"; "one or more spaces" is a quantity of a
/// pattern, not a bound).
fn compared_numbers(text: &str) -> Vec<i64> {
    let Some(re) = cached_regex!(
        r"\b(?:greater|more|less|fewer|larger|smaller|bigger|higher|lower|longer|shorter) than (?:or equal to )?(-?\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b|\b(?:at least|at most|above|below|exceeds?|exceeding|over|under|capped at|caps at|a cap of|a maximum of|a minimum of) (-?\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b|\b(-?\d+)(?: [a-z]+)? (?:or|and) (?:more|greater|higher|above|over|up|less|fewer|lower|below|under)\b"
    ) else {
        return Vec::new();
    };
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let Some(word) = c
            .get(1)
            .or_else(|| c.get(2))
            .or_else(|| c.get(3))
            .map(|m| m.as_str())
        else {
            continue;
        };
        let n = WORDS
            .iter()
            .position(|x| *x == word)
            .map(|p| p as i64)
            .or_else(|| word.parse().ok());
        if let Some(n) = n.filter(|n| !out.contains(n)) {
            out.push(n);
        }
    }
    out
}

/// The results `description` states: a literal after "return", "returning", "or", "else" or
/// "otherwise", followed by the case it answers ("if", "when", "for", ...) or the clause's end.
/// `True` and `False` are left out: "Return True if ..." is how every predicate is described.
fn stated_results(description: &str) -> Vec<StatedResult> {
    let mut out: Vec<StatedResult> = Vec::new();
    for (_, result) in stated_result_spans(description) {
        if !out.contains(&result) {
            out.push(result);
        }
    }
    out
}

/// Each stated result of `description` (see [`stated_results`]) with the byte range of the
/// words that state it ("or 0.0", "gives an empty list").
pub(crate) fn stated_result_spans(
    description: &str,
) -> Vec<(std::ops::Range<usize>, StatedResult)> {
    // After a verb ("or 0.0", "gives an empty list"), or opening a clause before its case
    // ("; 0 when there are no readings", "(None for an empty list)").
    let after_verb = cached_regex!(
        r#"(?i)\b(?:return|returns|returning|or|else|otherwise|give|gives|giving)\s+(None|-?\d+(?:\.\d+)?|'[^'\n]*'|"[^"\n]*"|\[\]|\{\}|(?:an |the )?empty (?:string|list|dict(?:ionary)?)|zero)(?:\s*(?:[,.;:)]|$)|\s+(?:if|when|for|on|otherwise|in case|where|unless|instead|else|as)\b)"#
    );
    let opening_clause = cached_regex!(
        r#"(?i)(?:^|[;(]|[.:]\s)\s*(None|-?\d+(?:\.\d+)?|'[^'\n]*'|"[^"\n]*"|\[\]|\{\}|(?:an |the )?empty (?:string|list|dict(?:ionary)?))\s+(?:if|when|for|in case|is returned (?:if|when|for))\b"#
    );
    let mut out = Vec::new();
    let captures = [after_verb, opening_clause]
        .into_iter()
        .flatten()
        .flat_map(|re| re.captures_iter(description));
    for c in captures {
        let (Some(whole), Some(lit_match)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let lit = lit_match.as_str();
        // "like '2xx' or '4xx'", "'odd' or 'even'": a list of answers, not one case's result.
        let literal_start = |t: &str| t.starts_with(['\'', '"']);
        let listed = c.get(0).is_some_and(|m| {
            description[..m.start()]
                .trim_end()
                .ends_with(|ch: char| ch == '\'' || ch == '"' || ch.is_ascii_digit())
        }) || c.get(1).is_some_and(|m| {
            let rest = description[m.end()..].trim_start();
            let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
            let rest = rest.strip_prefix("or ").unwrap_or(rest).trim_start();
            literal_start(rest)
        });
        if listed {
            continue;
        }
        let lower = lit.to_lowercase();
        let result = if lit == "None" {
            StatedResult::None
        } else if lower == "zero" {
            StatedResult::Number(0.0, false)
        } else if let Ok(n) = lit.parse::<f64>() {
            StatedResult::Number(n, lit.contains('.'))
        } else if lit == "[]" || lower.ends_with("empty list") {
            StatedResult::Empty("[]")
        } else if lit == "{}" || lower.contains("empty dict") {
            StatedResult::Empty("{}")
        } else if lower.ends_with("empty string") {
            StatedResult::Text(String::new())
        } else if lit.len() >= 2 {
            StatedResult::Text(lit[1..lit.len() - 1].to_string())
        } else {
            continue;
        };
        out.push((whole.start()..lit_match.end(), result));
    }
    out
}

impl StatedResult {
    /// Whether `code` returns the literal: it follows `return`, `else` or `or`, or is the
    /// default of a `.get` or a `next`, not used inside arithmetic (`x + 0.0`,
    /// `max(x, 0.0) / 2`) or as an index or a rounding's digits. A stated float needs a float literal; a stated string's text
    /// may sit anywhere in the code's literals.
    fn in_code(&self, code: &CodeText) -> bool {
        if let StatedResult::Text(t) = self {
            if !t.is_empty() {
                return code.literals.contains(t.as_str());
            }
        }
        returned_literals(&code.raw)
            .iter()
            .any(|r| match (self, r) {
                (StatedResult::Number(n, float), StatedResult::Number(m, returned_float)) => {
                    n == m && (!float || *returned_float)
                }
                _ => self == r,
            })
    }
}

/// The literals a rendered body returns (see [`StatedResult::in_code`]); a float is one
/// written with a decimal point.
fn returned_literals(body: &str) -> Vec<StatedResult> {
    let Some(re) = cached_regex!(r#"None\b|''|""|\[\]|\{\}|-?\d+(?:\.\d+)?"#) else {
        return Vec::new();
    };
    re.find_iter(body)
        .filter(|m| {
            let before = body[..m.start()].trim_end();
            let after = body[m.end()..].trim_start();
            if body[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            {
                return false;
            }
            // Not the start of a longer expression (`return 0.0 - b`, `or 1 + x`).
            if after.starts_with(|c: char| "+-*/%[.(".contains(c)) {
                return false;
            }
            let word = |w: &str| {
                before.ends_with(w)
                    && !before[..before.len() - w.len()]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
            };
            word("return")
                || word("else")
                || word("or")
                || before.ends_with("default=")
                || (before.ends_with(',') && after.starts_with(')') && defaults_call(before))
        })
        .filter_map(|m| match m.as_str() {
            "None" => Some(StatedResult::None),
            "''" | "\"\"" => Some(StatedResult::Text(String::new())),
            "[]" => Some(StatedResult::Empty("[]")),
            "{}" => Some(StatedResult::Empty("{}")),
            n => n
                .parse()
                .ok()
                .map(|v| StatedResult::Number(v, n.contains('.'))),
        })
        .collect()
}

/// Whether the call whose last argument follows `before` (which ends with its comma) takes a
/// default there: `next(...)`, `.get(...)`, `getattr`, `.pop`, `.setdefault`.
fn defaults_call(before: &str) -> bool {
    let mut depth = 0usize;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' if depth > 0 => depth -= 1,
            '(' => {
                let name: String = before[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let name: String = name.chars().rev().collect();
                return matches!(
                    name.as_str(),
                    "next" | "get" | "getattr" | "pop" | "setdefault"
                );
            }
            '[' | '{' => return false,
            _ => {}
        }
    }
    false
}

/// A description as the intents and the search's prior read it: lowercase, `_` read as a
/// space, and phrases whose words would ask for the wrong operation rewritten ("least common
/// multiple" asks for no minimum, "keeping duplicates" for no deduplication).
pub(crate) fn plain_text(description: &str) -> String {
    // Phrases wrap across docstring lines: whitespace runs read as one space.
    let mut text = description
        .replace('_', " ")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // Named quantities are one word each: "least common multiple" asks for no minimum.
    for (phrase, name) in [
        ("least common multiple", "lcm"),
        ("lowest common multiple", "lcm"),
        ("greatest common divisor", "gcd"),
        ("greatest common factor", "gcd"),
        // "The difference between a and b" compares nothing.
        ("difference between", "difference of"),
        ("differences between", "differences of"),
        // Neither do "the gaps between consecutive values" or "a space between each word".
        ("between each", "among each"),
        ("between consecutive", "among consecutive"),
        ("between adjacent", "among adjacent"),
        ("between successive", "among successive"),
        ("between neighbo", "among neighbo"),
        // "Keeping duplicates" asks for no deduplication.
        ("keeping duplicates", "keeping repeats"),
        ("keep duplicates", "keep repeats"),
        ("keeps duplicates", "keeps repeats"),
        ("including duplicates", "including repeats"),
        ("duplicates count", "repeats count"),
        ("duplicates are kept", "repeats are kept"),
        ("duplicates included", "repeats included"),
        ("duplicates allowed", "repeats allowed"),
        ("duplicates are allowed", "repeats are allowed"),
        ("allowing duplicates", "allowing repeats"),
        ("distance between", "distance of"),
        ("gap between", "gap of"),
    ] {
        text = text.replace(phrase, name);
    }
    // "The digits of a non-negative integer" states what the input is, not a comparison
    // to make.
    for before in [
        "of", "for", "given", "takes", "from", "to", "into", "convert", "converts", "accepts",
    ] {
        for article in ["a", "an"] {
            for sign in ["non-negative", "nonnegative", "non negative", "positive"] {
                for noun in ["integer", "int ", "number", "whole number"] {
                    let phrase = format!("{before} {article} {sign} {noun}");
                    if text.contains(&phrase) {
                        text = text.replace(&phrase, &format!("{before} {article} given {noun}"));
                    }
                }
            }
        }
    }
    text
}

impl Intents {
    /// From a task description (docstring prose and the function's name; `_` reads as a space).
    pub fn from_description(description: &str) -> Intents {
        let text = plain_text(description);
        // (A space at the end, for stems that end a word: "min ".) The result's own sign
        // ("negative when under par", "positive if the account gained") says what the result
        // is, not a comparison to make.
        let padded = RESULT_SIGN
            .iter()
            .fold(format!("{text} "), |t, phrase| t.replace(phrase, " "));
        let mut wanted: Vec<&'static Intent> = INTENTS
            .iter()
            .filter(|i| i.stems.iter().any(|s| mentions(&padded, s)))
            .collect();
        if sorts_by_key(&text) {
            wanted.push(&SORT_KEY);
        }
        if breaks_ties(&text) {
            wanted.push(&TIE_BREAK);
        }
        if names_a_set_of_strings(&text) {
            wanted.push(&ONE_OF);
        }
        if states_a_range(&text) {
            wanted.push(&RANGE);
        }
        match trims_one_end(&text) {
            Some(true) => wanted.push(&TRAILING),
            Some(false) => wanted.push(&LEADING),
            None => {}
        }
        if compares_inclusively(&text) {
            wanted.push(&INCLUSIVE);
        }
        let mut named = ignored_kinds(&text);
        if ignores_sign(&text) {
            named.push("abs");
        }
        for name in named {
            if !wanted.iter().any(|i| i.name == name) {
                wanted.extend(INTENTS.iter().filter(|i| i.name == name));
            }
        }
        Intents {
            wanted,
            results: stated_results(description),
            fields: Vec::new(),
            thresholds: stated_thresholds(&text),
            text,
        }
    }

    /// With the fields of the examples' records (dict keys) that the description names.
    pub fn reading_fields(mut self, examples: &[crate::domain::IoExample]) -> Intents {
        let mut keys = Vec::new();
        for e in examples {
            for v in &e.inputs {
                record_keys(v, &mut keys);
            }
        }
        self.fields = keys
            .into_iter()
            .filter(|k| mentions(&self.text, &k.replace('_', " ").to_lowercase()))
            .collect();
        self
    }

    /// How many intents the description asks for.
    pub fn len(&self) -> usize {
        self.wanted.len() + self.results.len() + self.fields.len()
    }

    /// Whether the description compares with `value` ("capped at 500", "at least 1").
    pub fn states_threshold(&self, value: i64) -> bool {
        self.thresholds.iter().any(|t| t.value == value)
    }

    /// The record fields the description names (see [`Intents::reading_fields`]).
    pub fn fields(&self) -> &[String] {
        &self.fields
    }

    /// Whether the description asks for the intent named `name`.
    pub fn wants(&self, name: &str) -> bool {
        self.wanted.iter().any(|i| i.name == name)
    }

    /// Whether the description states a result for some case ("or 0.0 for an empty list"),
    /// names fields of the records, or pairs elements ("each value with the one before it"):
    /// a guard, a fallback, a field read or a `zip` costs the program a few levels more than
    /// a fit of the examples does.
    pub fn asks_for_more_than_a_fit(&self) -> bool {
        !self.results.is_empty()
            || !self.fields.is_empty()
            || self.wants("neighbours")
            || self.wants("elementwise")
    }

    /// Whether the description states `None` as a result ("or None if there is none").
    pub fn states_none(&self) -> bool {
        self.results.contains(&StatedResult::None)
    }

    /// Whether it asks for none.
    pub fn is_empty(&self) -> bool {
        self.wanted.is_empty()
            && self.results.is_empty()
            && self.fields.is_empty()
            && self.thresholds.is_empty()
    }

    /// Names of the wanted intents.
    #[cfg(test)]
    pub fn names(&self) -> Vec<&'static str> {
        let stated = self.results.iter().map(|_| STATED_RESULT);
        let fields = self.fields.iter().map(|_| FIELD);
        let thresholds = self.thresholds.iter().map(|_| THRESHOLD);
        self.wanted
            .iter()
            .map(|i| i.name)
            .chain(stated)
            .chain(fields)
            .chain(thresholds)
            .collect()
    }

    /// How many wanted intents a rendered body (with its imports) leaves out: none of the
    /// intent's names or fragments occurs in it. Names match whole identifiers (`sum`, not
    /// `summary`); fragments match anywhere outside string literals, except those that are
    /// themselves literal text (`aeiou`).
    #[cfg(test)]
    pub fn uncovered(&self, body: &str) -> usize {
        self.missing(body).len()
    }

    /// Names of the wanted intents a rendered body leaves out (see [`Intents::uncovered`]).
    pub fn missing(&self, body: &str) -> Vec<&'static str> {
        self.missing_settled(body, &[])
    }

    /// As [`Intents::missing`], with the stated results in `settled` left out: those whose
    /// case the ranking checks on the program's behaviour instead of its literals.
    pub(crate) fn missing_settled(
        &self,
        body: &str,
        settled: &[StatedResult],
    ) -> Vec<&'static str> {
        if self.is_empty() {
            return Vec::new();
        }
        let code = CodeText::new(body);
        // A named quantity the code computes whole ("the median": `statistics.median`) covers
        // the words that define it ("with an even count, the mean of the two middle values").
        let named = NAMED_QUANTITIES
            .iter()
            .any(|(stems, name)| stems.iter().any(|s| mentions(&self.text, s)) && code.has(name));
        let stated = self
            .results
            .iter()
            .filter(|r| !settled.contains(r) && !r.in_code(&code))
            .map(|_| STATED_RESULT);
        let fields = self
            .fields
            .iter()
            .filter(|k| {
                // Read as a field (`user['active']`, `.get('active')`), not used as text.
                !["['", "[\"", "get('", "get(\""].iter().any(|open| {
                    code.raw
                        .contains(&format!("{open}{k}{}", &open[open.len() - 1..]))
                })
            })
            .map(|_| FIELD);
        // One left out at most (however many numbers it misses), and none for a regular
        // expression, whose pattern states numbers its own way (`25[0-5]`).
        let numbers = code.numbers();
        let pattern = ["fullmatch", "match", "search", "findall"]
            .iter()
            .any(|f| code.has(f));
        let thresholds = self
            .thresholds
            .iter()
            .filter(|t| !pattern && !numbers.iter().any(|n| (n - t.value).abs() <= t.slack))
            .take(1)
            .map(|_| THRESHOLD);
        self.wanted
            .iter()
            .filter(|i| !named && !i.code.iter().any(|c| code.has(c)))
            .map(|i| i.name)
            .chain(stated)
            .chain(fields)
            .chain(thresholds)
            .collect()
    }
}

/// A body split into its identifiers, its code outside string literals and its literal text.
struct CodeText {
    /// The body as given.
    raw: String,
    idents: Vec<String>,
    code: String,
    literals: String,
}

impl CodeText {
    /// The whole-number literals of the code (outside strings), a leading `-` read as a sign.
    fn numbers(&self) -> Vec<i64> {
        let cs: Vec<char> = self.code.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < cs.len() {
            let starts = cs[i].is_ascii_digit()
                && (i == 0
                    || !(cs[i - 1].is_alphanumeric() || cs[i - 1] == '_' || cs[i - 1] == '.'));
            if !starts {
                i += 1;
                continue;
            }
            let start = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            if cs.get(i) == Some(&'.') && cs.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
                // A float literal: not a whole number.
                while i < cs.len() && (cs[i].is_ascii_digit() || cs[i] == '.') {
                    i += 1;
                }
                continue;
            }
            let text: String = cs[start..i].iter().collect();
            if let Ok(n) = text.parse::<i64>() {
                let negative = start > 0 && cs[start - 1] == '-';
                out.push(if negative { -n } else { n });
            }
        }
        out
    }

    fn new(body: &str) -> CodeText {
        let mut idents = Vec::new();
        let mut code = String::new();
        let mut literals = String::new();
        let mut chars = body.chars().peekable();
        let mut word = String::new();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() || c == '_' {
                word.push(c);
                code.push(c);
                continue;
            }
            if !word.is_empty() {
                idents.push(std::mem::take(&mut word));
            }
            if c == '\'' || c == '"' {
                // A string literal (f-string braces stay code: `f'{x:.1%}'`).
                code.push(c);
                let mut in_brace = false;
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            literals.push(d);
                            literals.push(e);
                        }
                        continue;
                    }
                    if d == c && !in_brace {
                        break;
                    }
                    if d == '{' {
                        in_brace = true;
                    } else if d == '}' {
                        in_brace = false;
                        code.push(d);
                        continue;
                    }
                    if in_brace {
                        code.push(d);
                    } else {
                        literals.push(d);
                    }
                }
                code.push(c);
                continue;
            }
            code.push(c);
        }
        if !word.is_empty() {
            idents.push(word);
        }
        CodeText {
            raw: body.to_string(),
            idents,
            code,
            literals,
        }
    }

    fn has(&self, fragment: &str) -> bool {
        if fragment == DEDUPLICATING_SET {
            return self.code.match_indices("set").any(|(i, _)| {
                let word_start = self.code[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                let word_end = self.code[i + 3..]
                    .chars()
                    .next()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                let probed = self.code[..i].trim_end().ends_with(" in");
                word_start && word_end && !probed
            });
        }
        if fragment == MEAN_DIVISION {
            // A division by a name, or by a number where nothing is summed (`n // 2 + 1`,
            // the mean of the even numbers up to `n`).
            let cs: Vec<char> = self.code.chars().collect();
            let mut divides = false;
            for (i, &c) in cs.iter().enumerate() {
                if c != '/' || cs.get(i + 1) == Some(&'/') {
                    continue;
                }
                divides = true;
                let by_a_name = cs[i + 1..]
                    .iter()
                    .find(|d| !d.is_whitespace() && **d != '(')
                    .is_some_and(|d| d.is_alphabetic() || *d == '_');
                if by_a_name {
                    return true;
                }
            }
            return divides && !self.idents.iter().any(|i| i == "sum");
        }
        // `a…b`: both parts, in that order.
        if let Some((a, b)) = fragment.split_once('…') {
            return self
                .code
                .find(a)
                .is_some_and(|i| self.code[i + a.len()..].contains(b));
        }
        let word = fragment.chars().all(|c| c.is_alphanumeric() || c == '_');
        let name = word && !fragment.starts_with(|c: char| c.is_ascii_digit());
        if name && fragment != "aeiou" && fragment != "AEIOU" {
            return self.idents.iter().any(|i| i == fragment);
        }
        if self.code.contains(fragment) {
            return true;
        }
        // Character classes and runs live in string literals (`r'[A-Z]'`, `'aeiou'`, `r'\d'`);
        // operators do not (`'%'` is text, not a modulo).
        fragment.chars().any(char::is_alphanumeric) && self.literals.contains(fragment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_quantity_covers_the_words_that_define_it() {
        let i = Intents::from_description(
            "Return the median of a non-empty list as a float, averaging the two middle values when the length is even.",
        );
        assert!(!i.missing("return sum(values) / len(values)").is_empty());
        assert!(i
            .missing("import statistics\nreturn float(statistics.median(values))")
            .is_empty());
    }

    #[test]
    fn an_invalid_input_asks_for_a_fallback() {
        let i = Intents::from_description(
            "Parse s as a base-10 integer (surrounding whitespace and a leading sign are allowed) and return default if s is not a valid integer.",
        );
        assert!(i.names().contains(&"fallback"), "{:?}", i.names());
        assert!(i
            .missing(
                "    try:\n        return int(s)\n    except ValueError:\n        return default\n"
            )
            .iter()
            .all(|m| *m != "fallback"));
        assert!(i
            .missing("    return default if default else int(s)\n")
            .contains(&"fallback"));
    }

    #[test]
    fn a_stated_result_asks_for_its_literal() {
        let i = Intents::from_description("Return the mean of numbers, or 0.0 for an empty list.");
        assert_eq!(i.names(), vec!["mean", STATED_RESULT]);
        assert_eq!(
            i.missing("return sum(numbers) / 3"),
            vec!["mean", STATED_RESULT]
        );
        assert!(i
            .missing("return sum(numbers) / len(numbers) if numbers else 0.0")
            .is_empty());
        // An index is no stated result.
        let i = Intents::from_description("Return the first item, or 0 if there is none.");
        assert_eq!(i.missing("return items[0]"), vec![STATED_RESULT]);
        assert!(i.missing("return items[0] if items else 0").is_empty());
        let i = Intents::from_description("Look the user up; returns None when not found.");
        assert_eq!(i.missing("return users[0]"), vec![STATED_RESULT]);
        assert!(i.missing("return users.get(key, None)").is_empty());
        assert!(i
            .missing("return next((u for u in users if u['name'] == name), None)")
            .is_empty());
        assert!(i
            .missing("return max(users, key=lambda u: u['age'], default=None)")
            .is_empty());
        let i = Intents::from_description("Return the mean of numbers, or 0.0 for an empty list.");
        assert_eq!(
            i.missing("return max(sum(numbers) - 2, 0.0) / 2"),
            vec!["mean", STATED_RESULT]
        );
        assert!(i
            .missing("return len(numbers[1:]) + 0.0")
            .contains(&STATED_RESULT));
        assert_eq!(
            i.missing("return round(len(numbers) / 2, 0)"),
            vec![STATED_RESULT]
        );
        let i = Intents::from_description("Return the extension, or '' if there is none.");
        assert!(i
            .missing("return name.split('.')[-1] if '.' in name else ''")
            .is_empty());
        let i = Intents::from_description("How many digits n has, not counting a minus sign.");
        assert_eq!(i.missing("return len(str(n))"), vec!["abs"]);
        assert!(i.missing("return len(str(abs(n)))").is_empty());
        let i =
            Intents::from_description("Whether a and b are anagrams, ignoring spaces and case.");
        assert_eq!(
            i.missing("return sorted(a) == sorted(b)"),
            vec!["lower", "spaces"]
        );
        assert!(i
            .missing(
                "return sorted(a.lower().replace(' ', '')) == sorted(b.lower().replace(' ', ''))"
            )
            .is_empty());
        let i = Intents::from_description("Ignoring anything that is not a letter or digit.");
        assert!(i.missing("return s == s[::-1]").contains(&"alnum"));
        assert!(!i
            .missing(
                "return re.sub(r'[^a-zA-Z0-9]', '', s) == re.sub(r'[^a-zA-Z0-9]', '', s)[::-1]"
            )
            .contains(&"alnum"));
        let i = Intents::from_description(
            "Add up the decimal digits of n; the sign of a negative number is ignored.",
        );
        assert!(i
            .missing("return sum(int(d) for d in str(n))")
            .contains(&"abs"));
        assert!(!i
            .missing("return sum(int(d) for d in str(abs(n)))")
            .contains(&"abs"));
        // "Between" asks for no comparison; "the one before it" for neighbours.
        let i = Intents::from_description("Differences between each value and the one before it.");
        assert_eq!(i.names(), vec!["neighbours"]);
        let i = Intents::from_description(
            "Check whether two phrases are anagrams of each other, ignoring case and spaces.",
        );
        assert_eq!(
            i.missing("return sorted(a.lower()) == sorted(b.lower())"),
            vec!["spaces"]
        );
        let i = Intents::from_description(
            "Count each character, skipping spaces and punctuation and ignoring case.",
        );
        let mut missing = i.missing("return dict(Counter(text))");
        missing.sort_unstable();
        assert_eq!(missing, vec!["alnum", "lower", "spaces"]);
        let i = Intents::from_description("Add up only the numbers that are greater than zero.");
        assert_eq!(i.missing("return max(nums) + 1"), vec![THRESHOLD]);
        assert!(i.missing("return sum(n for n in nums if n > 0)").is_empty());
        let i = Intents::from_description("At least 8 characters, and a score above 1.");
        assert!(i.missing("return len(p) >= 8").contains(&THRESHOLD));
        assert!(!i
            .missing("return len(p) >= 8 and score > 1")
            .contains(&THRESHOLD));
        // `-1` is not the 1 of "above 1".
        assert!(i
            .missing("return 8 <= len(p) and score > -1")
            .contains(&THRESHOLD));
        // "100 dollars or more", "over 65", "under 18": numbers compared with too.
        let i = Intents::from_description("A bonus when the purchase is 100 dollars or more.");
        assert!(i.missing("return amount >= 100").is_empty());
        assert_eq!(i.missing("return amount * 2"), vec![THRESHOLD]);
        let i = Intents::from_description("Collapse one or more spaces into one.");
        assert!(!i
            .missing("return ' '.join(text.split())")
            .contains(&THRESHOLD));
        // "Capped at 500": a bound the code states.
        let i = Intents::from_description("A fee of 25 cents a day, capped at 500.");
        assert!(i.missing("return days * 25").contains(&THRESHOLD));
        assert!(i.missing("return min(days * 25, 500)").is_empty());
        let i = Intents::from_description("Discounted for people over 65 or under 18.");
        assert!(i.missing("return age > 65 or age < 18").is_empty());
        assert_eq!(i.missing("return age > 65"), vec![THRESHOLD]);
        // A range's bounds, each within one.
        let i = Intents::from_description("True if port lies in the range 1 to 65535.");
        assert!(i.missing("return port <= 65535").contains(&THRESHOLD));
        assert!(i.missing("return 1 <= port <= 65535").is_empty());
        assert!(i.missing("return 0 < port < 65536").is_empty());
        let i = Intents::from_description("Four numbers from 0 to 255, and 3 dots or more.");
        assert_eq!(i.missing("return len(s) > 9"), vec![THRESHOLD]);
        assert!(!i
            .missing(r"return re.fullmatch(r'(25[0-5]|2[0-4]\d|1?\d?\d)', s) is not None")
            .contains(&THRESHOLD));
        // "More than once" says when a case arises, not a number the code compares with.
        let i = Intents::from_description(
            "Index of the largest value (the first one if the maximum appears more than once).",
        );
        assert!(!i.names().contains(&THRESHOLD));
        let i = Intents::from_description(
            "Merge two sorted lists into one sorted list, keeping\n    duplicates.",
        );
        assert!(i.missing("return sorted(a + b)").is_empty());
        assert!(!i.names().contains(&"unique"), "{:?}", i.names());
        let i = Intents::from_description("Items in both lists, without repeats.");
        assert_eq!(i.missing("return [x for x in a if x in b]"), vec!["unique"]);
        let i = Intents::from_description("Convert a duration to minutes.");
        assert!(i.missing("return seconds // 60").is_empty());
        let i = Intents::from_description("The extension of a file name, without the dot.");
        assert_eq!(i.missing("return name.split('.')[-1]"), vec!["extension"]);
        assert!(i.missing("return os.path.splitext(name)[1][1:]").is_empty());
        let i = Intents::from_description("Return -1 when no item matches.");
        assert!(i.missing("return -1").is_empty());
        assert_eq!(i.missing("return x - 1"), vec![STATED_RESULT]);
        // Listed answers are no stated result.
        let i =
            Intents::from_description("Return the class of a status code, like '2xx' or '4xx'.");
        assert!(!i.names().contains(&STATED_RESULT));
        let i = Intents::from_description("Return 'positive', 'negative' or 'zero'.");
        assert!(!i.names().contains(&STATED_RESULT));
        // Predicates and plain counts state no result.
        let i = Intents::from_description("Return True if n is even.");
        assert!(!i.names().contains(&STATED_RESULT));
        let i = Intents::from_description("Return 5 largest values.");
        assert!(!i.names().contains(&STATED_RESULT));
    }

    #[test]
    fn fields_the_description_names_are_read() {
        use crate::value::Value;
        let user = |name: &str, active: bool| {
            Value::Dict(vec![
                (Value::Str("name".into()), Value::Str(name.into())),
                (Value::Str("active".into()), Value::Bool(active)),
                (Value::Str("id".into()), Value::Int(1)),
            ])
        };
        let examples = vec![crate::domain::IoExample {
            inputs: vec![Value::List(vec![user("a", true), user("b", false)])],
            output: Value::List(vec![Value::Str("a".into())]),
        }];
        let i = Intents::from_description("Return the names of the active users.")
            .reading_fields(&examples);
        assert_eq!(i.names(), vec![FIELD, FIELD]);
        assert_eq!(
            i.missing("return sorted('name'[1:len(users)])"),
            vec![FIELD, FIELD]
        );
        assert_eq!(
            i.missing("return [user.get('name') for user in users if user['active']][:1]"),
            Vec::<&str>::new()
        );
        assert!(i
            .missing("return [user['name'] for user in users if user['active']]")
            .is_empty());
        // Keys the description does not name ask for nothing.
        let i = Intents::from_description("Return the users.").reading_fields(&examples);
        assert!(i.is_empty());
    }

    #[test]
    fn a_predicate_over_every_item_asks_for_all() {
        let i = Intents::from_description(
            "Return True if every field name in fields is a key of record.",
        );
        assert!(i.missing("return fields[-1] in record").contains(&"all"));
        assert!(!i
            .missing("return all(field in record for field in fields)")
            .contains(&"all"));
        let i = Intents::from_description("Return True if ext is one of 'jpg', 'png' or 'gif'.");
        assert!(i.missing("return ext == 'png'").contains(&"one-of"));
        assert!(i.missing("return ext in ('jpg', 'png', 'gif')").is_empty());
    }

    #[test]
    fn a_named_format_asks_for_a_regular_expression() {
        let i =
            Intents::from_description("Return True if email is a valid address.\nis_valid_email");
        assert!(i.names().contains(&"format"), "{:?}", i.names());
        assert_eq!(i.missing("return '.' in email"), vec!["format"]);
        assert!(i
            .missing(r"return re.fullmatch(r'[\w.+-]+@[\w-]+\.[\w.-]+', email) is not None")
            .is_empty());
        // "Hexadecimal" names a conversion, not a format.
        let h = Intents::from_description("Convert n to hexadecimal.");
        assert!(!h.names().contains(&"format"), "{:?}", h.names());
    }

    #[test]
    fn ties_broken_alphabetically_ask_for_a_second_key() {
        for doc in [
            "Keys of d ordered by their value, highest first; keys with equal values are \
             ordered alphabetically.",
            "Return the names with the n highest scores, highest first; ties are ordered \
             alphabetically.",
            "Sort by count; alphabetical order for ties.",
        ] {
            let i = Intents::from_description(doc);
            assert_eq!(
                i.missing("return sorted(d, key=d.get, reverse=True)"),
                vec!["tie-break"],
                "{doc}"
            );
            assert!(i
                .missing("return sorted(sorted(d), key=d.get, reverse=True)")
                .is_empty());
            assert!(!i
                .missing("return sorted(d, key=lambda k: (-d[k], k))")
                .contains(&"tie-break"));
        }
        let i = Intents::from_description("Sort the words; equal words stay in their order.");
        assert!(!i.names().contains(&"tie-break"), "{:?}", i.names());
    }

    #[test]
    fn sorting_by_a_field_asks_for_a_key() {
        let i = Intents::from_description("Sort (name, age) pairs by age, youngest first.");
        assert!(i.names().contains(&"sort-key"), "{:?}", i.names());
        assert_eq!(
            i.missing("return sorted(people, reverse=True)"),
            vec!["sort-key"]
        );
        assert!(i
            .missing("return sorted(people, key=lambda p: p[1])")
            .is_empty());
        let i = Intents::from_description("Return the numbers sorted by value.");
        assert!(!i.names().contains(&"sort-key"), "{:?}", i.names());
        let i = Intents::from_description("Sort the list. Then split it by commas.");
        assert!(!i.names().contains(&"sort-key"), "{:?}", i.names());
    }

    #[test]
    fn money_asks_for_rounding_and_named_formulas_for_their_function() {
        let i = Intents::from_description(
            "Return the balance after compounding yearly, rounded to cents.",
        );
        assert_eq!(
            i.missing("return int(principal) * (rate + 1) ** years"),
            vec!["decimals"]
        );
        assert!(i
            .missing("return round(principal * (1 + rate) ** years, 2)")
            .is_empty());
        let i =
            Intents::from_description("Return the least common multiple of two positive integers.");
        assert!(!i.names().contains(&"min"), "{:?}", i.names());
        assert!(i.missing("return b * (a % 2 + 2)").contains(&"lcm"));
        assert!(!i.missing("return math.lcm(a, b)").contains(&"lcm"));
    }

    #[test]
    fn a_stated_range_asks_for_a_comparison() {
        for text in [
            "Whether port is a valid TCP port number (1 to 65535).",
            "True if the age is between 18 and 65.",
            "A score from 0-100.",
        ] {
            let i = Intents::from_description(text);
            assert!(i.names().contains(&"range"), "{text}: {:?}", i.names());
            assert!(i.missing("return len(str(port)) == 2").contains(&"range"));
            assert!(!i.missing("return 1 <= port <= 65535").contains(&"range"));
        }
        for text in [
            "Format seconds as HH:MM:SS.",
            "Return the 2 largest numbers.",
        ] {
            let i = Intents::from_description(text);
            assert!(!i.names().contains(&"range"), "{text}: {:?}", i.names());
        }
    }

    #[test]
    fn words_and_the_name_ask_for_intents() {
        let i = Intents::from_description("Return the second largest number.\nsecond largest");
        assert_eq!(i.names(), vec!["max"]);
        let i = Intents::from_description("\nsum_even");
        assert_eq!(i.names(), vec!["sum", "parity"]);
        // Word starts only: "summary" is not "sum"... but "sum" stems at word start do match.
        let i = Intents::from_description("Make an assumption.");
        assert!(i.is_empty(), "{:?}", i.names());
    }

    #[test]
    fn a_body_covers_an_intent_by_its_names_and_operators() {
        let i = Intents::from_description("Return the second largest number.");
        assert_eq!(i.uncovered("return nums[0]"), 1);
        assert_eq!(i.uncovered("return sorted(nums)[-2]"), 0);
        let i = Intents::from_description("Return True if n is even.");
        assert_eq!(i.uncovered("return n % 2 == 0"), 0);
        assert_eq!(i.uncovered("return n < 3"), 1);
        // A string's text is not code: '%' inside a literal does not test parity.
        assert_eq!(i.uncovered("return '%' in str(n)"), 1);
        let i = Intents::from_description("Count the vowels in s.");
        assert_eq!(i.uncovered("return sum(c in 'aeiou' for c in s)"), 0);
        assert_eq!(i.uncovered("return len(s)"), 1);
        // A total is no count.
        let i = Intents::from_description("Count the numbers greater than zero.");
        assert_eq!(i.missing("return max(sum(numbers), 0)"), vec!["count"]);
        // "between" in "the difference between" asks for no comparison.
        let i = Intents::from_description(
            "Return the difference between each value and the one before it.",
        );
        assert!(i
            .missing("return [x - value for value, x in zip(values, values[1:])]")
            .is_empty());
        assert!(Intents::from_description("Return True if n is between 1 and 9.").wants("compare"));
        // The result's sign is no comparison to make; the inputs' is.
        assert!(!Intents::from_description(
            "Return the total strokes minus the total par, negative when under par."
        )
        .wants("compare"));
        assert!(Intents::from_description("Count the negative numbers.").wants("compare"));
        assert_eq!(
            i.missing("return sum(1 for number in numbers if number > 0)"),
            vec!["neighbours"]
        );
        // "To the nearest" rounds; a floor division does not.
        let i =
            Intents::from_description("The height for that width, rounded to the nearest pixel.");
        assert_eq!(
            i.missing("return width // ratio_w * ratio_h"),
            vec!["nearest"]
        );
        assert!(i
            .missing("return round(width * ratio_h / ratio_w)")
            .is_empty());
        // "After the last '/'" reads from the right.
        let i = Intents::from_description(
            "True if its own name (the part after the last '/') starts with a dot.",
        );
        assert_eq!(
            i.missing("return path.split('.')[0].endswith('/')"),
            vec!["last occurrence"]
        );
        assert!(i
            .missing("return path.split('/')[-1].startswith('.')")
            .is_empty());
        // A set as the container of a membership test drops no repeats.
        let i = Intents::from_description("Items in both lists, without repeats.");
        assert_eq!(
            i.missing("return [x for x in a if x in set(b)]"),
            vec!["unique"]
        );
        assert!(i.missing("return sorted(set(a) & set(b))").is_empty());
        assert!(i.missing("return list(set(a))").is_empty());
        // An identifier must match whole: `summary` is not `sum`.
        let i = Intents::from_description("Return the total.");
        assert_eq!(i.uncovered("return summary"), 1);
        // Character classes in regular expressions carry their intent.
        let i = Intents::from_description("Split a string at uppercase letters.");
        assert_eq!(i.uncovered("return re.findall(r'[A-Z][a-z]*', text)"), 0);
        let i = Intents::from_description("Find the digits in s.");
        assert_eq!(i.uncovered("return re.findall(r'\\d', s)"), 0);
        assert_eq!(i.uncovered("return re.findall(r'\\w', s)"), 1);
        // f-string braces are code.
        let i = Intents::from_description("Return the average.");
        assert_eq!(i.uncovered("return f'{(a + b) / 2}'"), 0);
        assert_eq!(i.uncovered("return f'(a + b) / 2 = {a}'"), 1);
        // A mean is a total over a count, or a few values halved; not any division.
        assert_eq!(i.uncovered("return (a + b) / 2"), 0);
        assert_eq!(i.uncovered("return sum(xs) / 2 / 2"), 1);
        assert_eq!(i.uncovered("return sum(xs) // 2"), 1);
        assert_eq!(i.uncovered("return n // 2 + 1"), 0);
        assert_eq!(i.uncovered("return round(distance / minutes * 60, 1)"), 0);
    }

    #[test]
    fn one_end_and_inclusive_bounds_are_read() {
        let end = |d: &str| trims_one_end(&plain_text(d));
        assert_eq!(
            end("Remove a comment, together with the whitespace left at the end of the line."),
            Some(true)
        );
        assert_eq!(
            end("Strip trailing zeros from a decimal string."),
            Some(true)
        );
        assert_eq!(end("Remove leading zeros."), Some(false));
        assert_eq!(end("Remove leading and trailing whitespace."), None);
        assert_eq!(end("Pad the number with leading zeros."), None);
        let inclusive = |d: &str| compares_inclusively(&plain_text(d));
        assert!(inclusive("True if the total is no more than budget."));
        assert!(inclusive("Whether the score is at least the pass mark."));
        // A stated number is a threshold (`> 7` is "at least 8"); "at least one" is `any`.
        assert!(!inclusive("At least 8 characters long."));
        assert!(!inclusive("True if at least one value is negative."));
    }
}
