//! Renders a program as an idiomatic Python function body: slicing, comprehensions, `sorted`,
//! `sum`, `min`/`max`, `zip` and `itertools.accumulate`, one descriptively named variable per
//! intermediate statement. Where the DSL program is valid, the Python computes the same value
//! (Python's own slicing, `//` and `%` are the DSL's semantics).

use super::dsl::{Lambda, Op, Program};

/// Python keywords and the builtins/modules a rendered body may use.
const RESERVED: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "sum",
    "min",
    "max",
    "sorted",
    "len",
    "zip",
    "list",
    "range",
    "itertools",
    "operator",
    "builtins",
];

/// A rendered body with the imports it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// Unindented body, one statement per line, ending in a `return`.
    pub body: String,
    /// Import lines (`import itertools`), sorted.
    pub imports: Vec<String>,
}

fn base_name(op: Op, lambda: Option<Lambda>) -> &'static str {
    use Lambda as L;
    match (op, lambda) {
        (Op::Head, _) => "first",
        (Op::Last, _) => "last",
        (Op::Take, _) => "prefix",
        (Op::Drop, _) => "suffix",
        (Op::Access, _) => "item",
        (Op::Minimum, _) => "smallest",
        (Op::Maximum, _) => "largest",
        (Op::Reverse, _) => "backwards",
        (Op::Sort, _) => "ordered",
        (Op::Sum, _) => "total",
        (Op::Map, Some(L::PlusOne)) => "incremented",
        (Op::Map, Some(L::MinusOne)) => "decremented",
        (Op::Map, Some(L::TimesTwo)) => "doubled",
        (Op::Map, Some(L::DivTwo)) => "halves",
        (Op::Map, Some(L::Negate)) => "negated",
        (Op::Map, Some(L::Square)) => "squares",
        (Op::Map, Some(L::TimesThree)) => "tripled",
        (Op::Map, Some(L::DivThree)) => "thirds",
        (Op::Map, Some(L::TimesFour)) => "quadrupled",
        (Op::Map, Some(L::DivFour)) => "quarters",
        (Op::Filter, Some(L::IsPositive)) => "positives",
        (Op::Filter, Some(L::IsNegative)) => "negatives",
        (Op::Filter, Some(L::IsEven)) => "evens",
        (Op::Filter, Some(L::IsOdd)) => "odds",
        (Op::Count, Some(L::IsPositive)) => "positive_count",
        (Op::Count, Some(L::IsNegative)) => "negative_count",
        (Op::Count, Some(L::IsEven)) => "even_count",
        (Op::Count, Some(L::IsOdd)) => "odd_count",
        (Op::ZipWith, Some(L::Add)) => "sums",
        (Op::ZipWith, Some(L::Subtract)) => "differences",
        (Op::ZipWith, Some(L::Multiply)) => "products",
        (Op::ZipWith, Some(L::Min)) => "minima",
        (Op::ZipWith, Some(L::Max)) => "maxima",
        (Op::Scanl1, Some(L::Add)) => "running_sums",
        (Op::Scanl1, Some(L::Subtract)) => "running_differences",
        (Op::Scanl1, Some(L::Multiply)) => "running_products",
        (Op::Scanl1, Some(L::Min)) => "running_minima",
        (Op::Scanl1, Some(L::Max)) => "running_maxima",
        _ => "value",
    }
}

/// The expression of a unary lambda applied to `x`.
fn unary_expr(l: Lambda, x: &str) -> String {
    match l {
        Lambda::PlusOne => format!("{x} + 1"),
        Lambda::MinusOne => format!("{x} - 1"),
        Lambda::TimesTwo => format!("{x} * 2"),
        Lambda::DivTwo => format!("{x} // 2"),
        Lambda::Negate => format!("-{x}"),
        Lambda::Square => format!("{x} ** 2"),
        Lambda::TimesThree => format!("{x} * 3"),
        Lambda::DivThree => format!("{x} // 3"),
        Lambda::TimesFour => format!("{x} * 4"),
        Lambda::DivFour => format!("{x} // 4"),
        Lambda::IsPositive => format!("{x} > 0"),
        Lambda::IsNegative => format!("{x} < 0"),
        Lambda::IsEven => format!("{x} % 2 == 0"),
        Lambda::IsOdd => format!("{x} % 2 == 1"),
        _ => x.to_string(),
    }
}

/// The expression of a binary lambda applied to `a` and `b`.
fn binary_expr(l: Lambda, a: &str, b: &str, builtin: &dyn Fn(&str) -> String) -> String {
    match l {
        Lambda::Add => format!("{a} + {b}"),
        Lambda::Subtract => format!("{a} - {b}"),
        Lambda::Multiply => format!("{a} * {b}"),
        Lambda::Min => format!("{}({a}, {b})", builtin("min")),
        Lambda::Max => format!("{}({a}, {b})", builtin("max")),
        _ => a.to_string(),
    }
}

/// Picks the first candidate not in `taken`, else the first with a numeric suffix.
fn fresh(candidates: &[&str], taken: &[String]) -> String {
    for c in candidates {
        if !taken.iter().any(|t| t == c) {
            return c.to_string();
        }
    }
    (2..)
        .map(|i| format!("{}{i}", candidates[0]))
        .find(|n| !taken.contains(n))
        .unwrap_or_default()
}

/// Renders `program` as the body of a function whose parameters are `params` (one per input).
pub fn render(program: &Program, params: &[String]) -> Rendered {
    let n_in = program.input_types.len();
    let mut names: Vec<String> = (0..n_in)
        .map(|i| params.get(i).cloned().unwrap_or_else(|| format!("x{i}")))
        .collect();
    let mut taken: Vec<String> = names.clone();
    taken.extend(RESERVED.iter().map(|s| s.to_string()));
    // Statement names.
    for s in &program.statements {
        let base = base_name(s.op, s.lambda);
        let name = if taken.iter().any(|t| t == base) {
            (2..)
                .map(|i| format!("{base}_{i}"))
                .find(|n| !taken.contains(n))
                .unwrap_or_default()
        } else {
            base.to_string()
        };
        taken.push(name.clone());
        names.push(name);
    }
    let shadowed = |b: &str| params.iter().any(|p| p == b);
    let mut imports: Vec<String> = Vec::new();
    let mut need = |line: &str| {
        if !imports.iter().any(|i| i == line) {
            imports.push(line.to_string());
        }
    };
    let builtin = |b: &str| -> String {
        if shadowed(b) {
            format!("builtins.{b}")
        } else {
            b.to_string()
        }
    };
    let module = |m: &str| -> String {
        if shadowed(m) {
            format!("{m}_")
        } else {
            m.to_string()
        }
    };
    let element = fresh(&["x", "v", "item", "elem"], &taken);
    let (za, zb) = if !taken.iter().any(|t| t == "a" || t == "b") {
        ("a".to_string(), "b".to_string())
    } else if !taken.iter().any(|t| t == "x" || t == "y") {
        ("x".to_string(), "y".to_string())
    } else {
        (fresh(&["left"], &taken), fresh(&["right"], &taken))
    };
    let mut lines = Vec::new();
    let last = program.statements.len().saturating_sub(1);
    for (k, s) in program.statements.iter().enumerate() {
        let arg = |i: usize| names[s.args[i] as usize].clone();
        let x = &element;
        let expr = match s.op {
            Op::Head => format!("{}[0]", arg(0)),
            Op::Last => format!("{}[-1]", arg(0)),
            Op::Take => format!("{}[:{}]", arg(1), arg(0)),
            Op::Drop => format!("{}[{}:]", arg(1), arg(0)),
            Op::Access => format!("{}[{}]", arg(1), arg(0)),
            Op::Minimum => format!("{}({})", builtin("min"), arg(0)),
            Op::Maximum => format!("{}({})", builtin("max"), arg(0)),
            Op::Reverse => format!("{}[::-1]", arg(0)),
            Op::Sort => format!("{}({})", builtin("sorted"), arg(0)),
            Op::Sum => format!("{}({})", builtin("sum"), arg(0)),
            Op::Map => {
                let l = s.lambda.unwrap_or(Lambda::PlusOne);
                format!("[{} for {x} in {}]", unary_expr(l, x), arg(0))
            }
            Op::Filter => {
                let l = s.lambda.unwrap_or(Lambda::IsPositive);
                format!("[{x} for {x} in {} if {}]", arg(0), unary_expr(l, x))
            }
            Op::Count => {
                let l = s.lambda.unwrap_or(Lambda::IsPositive);
                format!(
                    "{}(1 for {x} in {} if {})",
                    builtin("sum"),
                    arg(0),
                    unary_expr(l, x)
                )
            }
            Op::ZipWith => {
                let l = s.lambda.unwrap_or(Lambda::Add);
                format!(
                    "[{} for {za}, {zb} in {}({}, {})]",
                    binary_expr(l, &za, &zb, &builtin),
                    builtin("zip"),
                    arg(0),
                    arg(1)
                )
            }
            Op::Scanl1 => {
                let itertools = module("itertools");
                need(&if itertools == "itertools" {
                    "import itertools".to_string()
                } else {
                    format!("import itertools as {itertools}")
                });
                let func = match s.lambda.unwrap_or(Lambda::Add) {
                    Lambda::Add => String::new(),
                    Lambda::Min => format!(", {}", builtin("min")),
                    Lambda::Max => format!(", {}", builtin("max")),
                    other => {
                        let operator = module("operator");
                        need(&if operator == "operator" {
                            "import operator".to_string()
                        } else {
                            format!("import operator as {operator}")
                        });
                        let f = if other == Lambda::Multiply {
                            "mul"
                        } else {
                            "sub"
                        };
                        format!(", {operator}.{f}")
                    }
                };
                format!(
                    "{}({itertools}.accumulate({}{func}))",
                    builtin("list"),
                    arg(0)
                )
            }
        };
        if k == last {
            lines.push(format!("return {expr}"));
        } else {
            lines.push(format!("{} = {expr}", names[n_in + k]));
        }
    }
    let body = lines.join("\n");
    if body.contains("builtins.") {
        need("import builtins");
    }
    imports.sort();
    Rendered { body, imports }
}
