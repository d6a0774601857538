//! Ranking consistent candidates by how likely they are the program the user meant.
//!
//! - [`Features`]: what a reviewer looks at, read off the rendered Python (size, constants and
//!   where they come from, magic offsets, unused parameters, words shared with the docstring)
//!   plus what the search knows (DSL size, prior or model score, behaviour-cluster size).
//! - [`rsa_scores`]: the pragmatic listener (Rational Speech Acts, as in the lectures in
//!   `shared/papers/`): a program ranks higher when the examples the user chose single it out
//!   among the programs that fit them.
//! - [`LearnedRanker`]: a logistic model over the features, trained by `models/train/ranker.py`
//!   on self-generated tasks labelled by held-out agreement and shipped in `models/ranker/`.

use crate::value::Value;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Features of one candidate. Named fields; [`Features::vector`] gives them in
/// [`FEATURE_NAMES`] order for the model.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Python tokens in the rendered body (imports included).
    pub code_tokens: f64,
    /// Statements (non-empty lines) in the body.
    pub lines: f64,
    /// Size of the program in its DSL.
    pub dsl_size: f64,
    /// String and number literals in the body (0, 1 and -1 aside).
    pub constants: f64,
    /// Literals found neither in the inputs nor in the docstring (they came from the outputs).
    pub unexplained_constants: f64,
    /// Literals quoted in the docstring.
    pub docstring_constants: f64,
    /// Integer literals of absolute value ≥ 2 used as an index or slice bound.
    pub magic_offsets: f64,
    /// Parameters the body never reads.
    pub unused_params: f64,
    /// Names in the body (methods, builtins) that share a word with the docstring.
    pub docstring_words: f64,
    /// The writer's score minus the best score among this function's candidates (≤ 0).
    pub relative_score: f64,
    /// 1 when the neural model wrote it.
    pub neural: f64,
    /// ln(1 + number of consistent programs with the same behaviour).
    pub cluster_size: f64,
    /// The pragmatic listener's log score, minus the best among the candidates (≤ 0).
    pub rsa: f64,
}

/// The model's feature order.
pub const FEATURE_NAMES: [&str; 13] = [
    "code_tokens",
    "lines",
    "dsl_size",
    "constants",
    "unexplained_constants",
    "docstring_constants",
    "magic_offsets",
    "unused_params",
    "docstring_words",
    "relative_score",
    "neural",
    "cluster_size",
    "rsa",
];

impl Features {
    /// The values in [`FEATURE_NAMES`] order.
    pub fn vector(&self) -> [f64; 13] {
        [
            self.code_tokens,
            self.lines,
            self.dsl_size,
            self.constants,
            self.unexplained_constants,
            self.docstring_constants,
            self.magic_offsets,
            self.unused_params,
            self.docstring_words,
            self.relative_score,
            self.neural,
            self.cluster_size,
            self.rsa,
        ]
    }
}

/// What the text features are read against.
pub struct TextContext<'a> {
    /// Parameter names.
    pub params: &'a [String],
    /// The cleaned docstring ("" when none).
    pub docstring: &'a str,
    /// The examples' inputs, as values.
    pub inputs: &'a [Vec<Value>],
}

/// A lexed piece of Python that matters to the features.
#[derive(Debug, PartialEq)]
enum Lexeme {
    Name(String),
    Str(String),
    Int(i64),
    OpenBracket,
    CloseBracket,
    Other,
}

/// A small Python lexer: names, string and number literals, brackets, other punctuation.
fn lex(code: &str) -> Vec<Lexeme> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // String prefixes (r'', f'', b'').
            if i < chars.len() && (chars[i] == '\'' || chars[i] == '"') && word.len() <= 2 {
                let (s, next) = string_at(&chars, i);
                out.push(Lexeme::Str(s));
                i = next;
            } else {
                out.push(Lexeme::Name(word));
            }
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(match text.parse::<i64>() {
                Ok(n) => Lexeme::Int(n),
                Err(_) => Lexeme::Other,
            });
        } else if c == '\'' || c == '"' {
            let (s, next) = string_at(&chars, i);
            out.push(Lexeme::Str(s));
            i = next;
        } else {
            out.push(match c {
                '[' => Lexeme::OpenBracket,
                ']' => Lexeme::CloseBracket,
                _ => Lexeme::Other,
            });
            i += 1;
        }
    }
    out
}

/// The string literal starting at `chars[i]` (a quote) and the index after it.
fn string_at(chars: &[char], i: usize) -> (String, usize) {
    let quote = chars[i];
    let triple = chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote);
    let mut j = if triple { i + 3 } else { i + 1 };
    let mut s = String::new();
    while j < chars.len() {
        if chars[j] == '\\' {
            if let Some(&n) = chars.get(j + 1) {
                s.push(n);
            }
            j += 2;
            continue;
        }
        if chars[j] == quote
            && (!triple || (chars.get(j + 1) == Some(&quote) && chars.get(j + 2) == Some(&quote)))
        {
            return (s, if triple { j + 3 } else { j + 1 });
        }
        s.push(chars[j]);
        j += 1;
    }
    (s, j)
}

/// Words of a text, lower-cased, for docstring overlap.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Whether a body name (`startswith`, `isdigit`, `sorted`) shares a word with the docstring:
/// a docstring word of 4+ letters that is a prefix of the name or the name of it (`sort` and
/// `sorted`, `digit` and `isdigit`).
fn shares_word(name: &str, doc_words: &[String]) -> bool {
    let name = name.to_lowercase();
    let core = name.strip_prefix("is").unwrap_or(&name);
    doc_words.iter().any(|w| {
        w.len() >= 4 && (core.starts_with(w.as_str()) || w.starts_with(core) && core.len() >= 4)
    })
}

/// Python keywords and names that every body uses; they say nothing about intent.
const PLAIN_NAMES: &[&str] = &[
    "return", "if", "else", "elif", "for", "in", "not", "and", "or", "import", "lambda", "None",
    "True", "False", "is", "def", "while", "re", "len",
];

/// The text features of one rendered candidate.
pub fn text_features(body: &str, imports: &[String], ctx: &TextContext<'_>) -> Features {
    let code = format!("{}\n{body}", imports.join("\n"));
    let lexemes = lex(&code);
    let doc_words = words(ctx.docstring);
    let input_text: String = ctx
        .inputs
        .iter()
        .flatten()
        .map(|v| format!("{} ", v.to_python_repr()))
        .collect();
    let mut f = Features {
        code_tokens: lexemes.len() as f64,
        lines: body.lines().filter(|l| !l.trim().is_empty()).count() as f64,
        ..Features::default()
    };
    let mut depth = 0i32;
    let mut used: Vec<&str> = Vec::new();
    for lx in &lexemes {
        match lx {
            Lexeme::OpenBracket => depth += 1,
            Lexeme::CloseBracket => depth -= 1,
            Lexeme::Int(n) => {
                if n.abs() >= 2 {
                    f.constants += 1.0;
                    let text = n.to_string();
                    let in_doc = ctx.docstring.contains(&text);
                    if in_doc {
                        f.docstring_constants += 1.0;
                    }
                    if depth > 0 {
                        f.magic_offsets += 1.0;
                        if !in_doc {
                            f.unexplained_constants += 1.0;
                        }
                    }
                }
            }
            Lexeme::Str(s) => {
                f.constants += 1.0;
                let in_doc = !s.is_empty() && ctx.docstring.contains(s.as_str());
                if in_doc {
                    f.docstring_constants += 1.0;
                } else if !s.is_empty() && !s.trim().is_empty() && !input_text.contains(s.as_str())
                {
                    f.unexplained_constants += 1.0;
                }
            }
            Lexeme::Name(n) => {
                if let Some(p) = ctx.params.iter().find(|p| *p == n) {
                    used.push(p.as_str());
                } else if !PLAIN_NAMES.contains(&n.as_str()) && shares_word(n, &doc_words) {
                    f.docstring_words += 1.0;
                }
            }
            Lexeme::Other => {}
        }
    }
    f.unused_params = ctx
        .params
        .iter()
        .filter(|p| !used.contains(&p.as_str()))
        .count() as f64;
    f
}

/// The pragmatic listener's log score for each program, from every consistent program's outputs
/// on a pool of inputs (`None`: it raises there). A literal speaker chooses, among the examples
/// a program could show, those that leave the listener the fewest alternatives; the pragmatic
/// listener then prefers the programs for which the user's actual examples were the informative
/// choice: `S(p) = 1 / Σ_x 1/n_x(p)`, with `n_x(p)` the programs agreeing with `p` on input `x`
/// (the given examples leave all of them, so they cancel). Returned as ln S.
pub fn rsa_scores(outputs: &[Vec<Option<Value>>]) -> Vec<f64> {
    let pool = outputs.first().map_or(0, Vec::len);
    outputs
        .iter()
        .map(|mine| {
            let denominator: f64 = (0..pool)
                .map(|x| {
                    let agreeing = outputs
                        .iter()
                        .filter(|other| other.get(x) == mine.get(x))
                        .count()
                        .max(1);
                    1.0 / agreeing as f64
                })
                .sum();
            if denominator > 0.0 {
                -denominator.ln()
            } else {
                0.0
            }
        })
        .collect()
}

/// A logistic model over [`Features`] (standardized), as written by `models/train/ranker.py`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnedRanker {
    /// Feature names, in the order of the other vectors (must equal [`FEATURE_NAMES`]).
    pub features: Vec<String>,
    /// Weights per feature (on standardized values).
    pub weights: Vec<f64>,
    /// Intercept.
    pub bias: f64,
    /// Means used to standardize.
    pub mean: Vec<f64>,
    /// Standard deviations used to standardize (0 treated as 1).
    pub std: Vec<f64>,
}

impl LearnedRanker {
    /// Loads `ranker.json` and checks it matches this build's features.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let model: LearnedRanker = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a ranker model: {e}", path.display()))?;
        let n = FEATURE_NAMES.len();
        if model.features != FEATURE_NAMES
            || model.weights.len() != n
            || model.mean.len() != n
            || model.std.len() != n
        {
            return Err(format!(
                "{} was trained on other features than this build's",
                path.display()
            ));
        }
        Ok(model)
    }

    /// Log-odds that the candidate generalizes.
    pub fn logit(&self, f: &Features) -> f64 {
        let v = f.vector();
        self.bias
            + v.iter()
                .enumerate()
                .map(|(i, x)| {
                    let sd = if self.std[i] > 0.0 { self.std[i] } else { 1.0 };
                    self.weights[i] * (x - self.mean[i]) / sd
                })
                .sum::<f64>()
    }
}

/// The shipped ranker (`models/ranker/ranker.json` above the working directory or the
/// executable), loaded once; `None` when it is missing (the writers' order is kept).
pub fn shipped_ranker() -> Option<&'static LearnedRanker> {
    static MODEL: std::sync::OnceLock<Option<LearnedRanker>> = std::sync::OnceLock::new();
    MODEL
        .get_or_init(|| {
            let path = crate::neural::writer::default_model_dir("ranker")?.join("ranker.json");
            LearnedRanker::load(&path).ok()
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(params: &'a [String], doc: &'a str, inputs: &'a [Vec<Value>]) -> TextContext<'a> {
        TextContext {
            params,
            docstring: doc,
            inputs,
        }
    }

    #[test]
    fn magic_slices_and_unexplained_constants_are_counted() {
        let params = vec!["path".to_string()];
        let inputs = vec![vec![Value::Str("report.txt".into())]];
        let magic = text_features(
            "return path[len(path) - 14:5] + 'x.'",
            &[],
            &ctx(&params, "File name without its extension.", &inputs),
        );
        assert_eq!(magic.magic_offsets, 2.0);
        assert_eq!(magic.unexplained_constants, 3.0);
        let idiomatic = text_features(
            "return path.rsplit('.', 1)[0]",
            &[],
            &ctx(&params, "File name without its extension.", &inputs),
        );
        assert_eq!(idiomatic.magic_offsets, 0.0);
        assert_eq!(idiomatic.unexplained_constants, 0.0);
        assert_eq!(idiomatic.unused_params, 0.0);
    }

    #[test]
    fn docstring_words_and_unused_params() {
        let params = vec!["xs".to_string(), "n".to_string()];
        let f = text_features(
            "return sorted(xs, reverse=True)",
            &[],
            &ctx(&params, "Sort the list in reverse order.", &[]),
        );
        assert_eq!(f.unused_params, 1.0);
        assert!(f.docstring_words >= 2.0, "{f:?}");
    }

    #[test]
    fn rsa_prefers_the_program_the_examples_single_out() {
        // p0 and p1 agree everywhere but on input 2; p2 is an outlier on inputs 0 and 1.
        let i = |n| Some(Value::Int(n));
        let outputs = vec![
            vec![i(1), i(2), i(3)],
            vec![i(1), i(2), i(4)],
            vec![i(9), i(8), i(3)],
        ];
        let s = rsa_scores(&outputs);
        assert!(s[0] > s[2] && s[1] > s[2], "{s:?}");
    }

    #[test]
    fn learned_ranker_checks_its_features() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("ranker.json");
        std::fs::write(
            &path,
            r#"{"features":["x"],"weights":[1],"bias":0,"mean":[0],"std":[1]}"#,
        )
        .expect("write");
        assert!(LearnedRanker::load(&path).is_err());
    }
}
