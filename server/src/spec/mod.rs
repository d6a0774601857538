//! Specifications of Python functions: signature, docstring, body state and embedded examples,
//! extracted from source text with tree-sitter. Nothing here knows about LSP or the runner.

use crate::text::TextRange;
use serde::{Deserialize, Serialize};

/// How a parameter is passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamKind {
    /// Before a `/` marker.
    PositionalOnly,
    /// Ordinary parameter.
    PositionalOrKeyword,
    /// `*args`.
    VarPositional,
    /// After `*` or `*args`.
    KeywordOnly,
    /// `**kwargs`.
    VarKeyword,
}

/// One parameter of a function.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param {
    /// Parameter name without stars.
    pub name: String,
    /// Annotation source text, if any.
    pub annotation: Option<String>,
    /// Default value source text, if any.
    pub default: Option<String>,
    /// How it is passed.
    pub kind: ParamKind,
}

/// Where an example came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleKind {
    /// A `>>> ` block in the docstring.
    Doctest,
    /// A `# f(x) -> y` (or `==`, `=>`) comment in the body or in the comment block right
    /// above the `def`, or a `# f(x) -> y` line inside the docstring (there also without the
    /// `#` when the expected side parses as one Python expression).
    Comment,
    /// An `assert f(x) == y` (or `assert y == f(x)`) anywhere in the same file. Methods match
    /// `obj.m(...)` calls (the receiver is not among the call's arguments); other functions
    /// match plain `f(...)` calls only.
    Assert,
    /// A call inside a sentence of the docstring's prose, with a literal result:
    /// `For example, f(3) ➞ 9.`, "`f(2)` should return `4`", `f(1) is True`. Arguments and
    /// result must be literals. Plain functions only.
    Prose,
    /// An `Input: …` line and the `Output: …` line after it in the docstring (also several
    /// pairs under `Examples:`, and LeetCode's `Input: nums = [2, 7], target = 9`, whose names
    /// are mapped onto the parameters). `source` is the call built from the input. Plain
    /// functions only.
    InputOutput,
}

/// A direct call of the function in an example, split into argument source texts. For a
/// method called through an attribute (`obj.m(1)`), the receiver is not among the arguments.
/// Calls with `*args`/`**kwargs` splats are not split (`Example::call` is `None`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleCall {
    /// Positional argument source texts, in order.
    pub args: Vec<String>,
    /// Keyword arguments `(name, source)`, in order.
    pub kwargs: Vec<(String, String)>,
}

/// One example the function must satisfy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// Where it came from.
    pub kind: ExampleKind,
    /// Range of the whole example in the file: for doctests from `>>>` to the end of the last
    /// expected-output line; for comments from `#` to the end of the expected expression; for
    /// prose from the call to the end of the expected value; for input/output pairs from the
    /// `Input` label to the end of the output value; for asserts the whole `assert` statement.
    /// Exact for docstrings without escapes; inside a
    /// docstring with escape sequences each character maps to its escape's source bytes.
    pub range: TextRange,
    /// The Python source to evaluate: the doctest source (continuations joined with newlines,
    /// prompts stripped), the call expression of a comment/prose/assert example, or the call
    /// built from an `Input:` line.
    pub source: String,
    /// Expected result: doctest expected output text (may be multi-line, without the final
    /// newline, `<BLANKLINE>` lines turned into empty lines, empty when the example expects no
    /// output; for a traceback, the whole traceback text), or the expected expression's source
    /// for comments and asserts.
    pub expected: String,
    /// For doctests that expect a `Traceback`: the exception line (e.g. `ValueError: bad`).
    pub expected_exception: Option<String>,
    /// `# doctest:` directives found on the example (e.g. `+ELLIPSIS`).
    pub directives: Vec<String>,
    /// Set when `source` is a single direct call of this function.
    pub call: Option<ExampleCall>,
}

/// Whether a function has a real body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyState {
    /// Only a docstring, `...`, `pass` or `raise NotImplementedError(...)` (comments allowed).
    Unimplemented,
    /// Anything else.
    Implemented,
}

/// The docstring of a function.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Docstring {
    /// The string literal's value (escapes resolved for non-raw strings, newlines normalised
    /// to `\n` as Python reads source files), as `ast.get_docstring(node, clean=False)`.
    pub raw: String,
    /// Cleaned as `inspect.cleandoc` does.
    pub cleaned: String,
    /// The cleaned text without the examples (doctest blocks, `# f(x) -> y` lines), without
    /// section headers they leave empty (`Examples:`, NumPy `Examples` + `-------`), blank-line
    /// runs collapsed.
    pub prose: String,
    /// Range of the docstring literal (prefix and quotes included).
    pub range: TextRange,
}

/// Everything docsynth knows about one function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spec {
    /// Function name.
    pub name: String,
    /// Dotted qualified name (`Class.method`, `outer.<locals>.inner` as Python spells it).
    pub qualified_name: String,
    /// Parameters in order.
    pub params: Vec<Param>,
    /// Return annotation source, if any.
    pub return_annotation: Option<String>,
    /// Decorator source texts without `@`.
    pub decorators: Vec<String>,
    /// `async def`.
    pub is_async: bool,
    /// True for functions defined at module level (the runner can only import those directly).
    pub is_top_level: bool,
    /// The docstring, if any.
    pub docstring: Option<Docstring>,
    /// Whether the body is a stub.
    pub body_state: BodyState,
    /// Range of the whole `def` (including decorators).
    pub def_range: TextRange,
    /// Range of the body to replace when implementing: from the first statement after the
    /// docstring to the end of the last statement (comments before that first statement and
    /// after the last stay outside). For a docstring-only body it is an empty range right after
    /// the docstring's closing quotes, so an edit inserts `"\n" + body_indent + code` there.
    pub body_range: TextRange,
    /// Indentation of the body's first statement (the `def` line's indentation plus four
    /// spaces when the body sits on the `def` line).
    pub body_indent: String,
    /// The examples, in file order.
    pub examples: Vec<Example>,
}

/// The module-level context a function needs to run outside its file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleContext {
    /// Source of each top-level import statement, in order.
    pub imports: Vec<String>,
    /// Top-level definitions (functions, classes, simple assignments) by name, with their source.
    pub definitions: Vec<(String, String)>,
}

/// Result of extracting one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileSpecs {
    /// Every function found, in source order.
    pub functions: Vec<Spec>,
    /// The module context.
    pub context: ModuleContext,
    /// True when the parse contained errors (results cover only intact regions).
    pub has_syntax_errors: bool,
}

pub mod arrow;
pub mod body;
pub mod calls;
pub mod chunks;
pub mod context;
pub mod decode;
pub mod docstring;
pub mod doctest;
pub mod extract;
pub mod fastcall;
pub mod incremental;
pub mod literal;
pub mod mapped;
pub mod parse;
pub mod positions;
pub mod prose;
pub mod signature;
pub mod walk;

pub use context::referenced_names;
pub use decode::{decode_source, DecodeError};
pub use incremental::{EditError, SpecExtractor};
pub use positions::LineIndex;

/// Extracts every function (top level, nested, methods), its docstring, examples and body
/// state, plus the module context, from Python source. Never panics; broken files give what
/// is intact and set `has_syntax_errors`.
pub fn extract(source: &str) -> FileSpecs {
    extract_with_threads(source, extract::worker_threads(source))
}

/// [`extract`] on at most `threads` threads (1: everything on the calling thread). Large files
/// are parsed in top-level pieces in parallel; the result is the same for any thread count.
pub fn extract_with_threads(source: &str, threads: usize) -> FileSpecs {
    if threads > 1 {
        if let Some(specs) = extract::extract_parallel(source, threads) {
            return specs;
        }
    }
    match parse::parse_text(source) {
        Some(tree) => extract::extract_from_tree_with(source, &tree, threads.max(1)),
        None => FileSpecs {
            has_syntax_errors: true,
            ..FileSpecs::default()
        },
    }
}

/// The decoded texts of `tests/fixtures/spec/*` (for tests comparing readings of them).
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spec");
    std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| std::fs::read(e.path()).ok())
                .filter_map(|b| decode_source(&b).ok().map(|s| s.into_owned()))
                .collect()
        })
        .unwrap_or_default()
}
