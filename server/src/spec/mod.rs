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
    /// A `# f(x) -> y` comment in the body or above the `def`.
    Comment,
    /// An `assert f(x) == y` in the same file.
    Assert,
}

/// A direct call of the function in an example, split into argument source texts.
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
    /// Range of the whole example in the file (for doctests: prompt lines and expected output).
    pub range: TextRange,
    /// The Python source to evaluate: the doctest source (continuations joined with newlines,
    /// prompts stripped) or the call expression of a comment/assert.
    pub source: String,
    /// Expected result: doctest expected output text (may be multi-line, empty when the example
    /// expects no output), or the expected expression's source for comments and asserts.
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
    /// The string literal's value as written (escapes resolved for plain strings).
    pub raw: String,
    /// Cleaned as `inspect.cleandoc` does.
    pub cleaned: String,
    /// The prose without the examples.
    pub prose: String,
    /// Range of the docstring literal.
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
    /// Range of the body to replace when implementing (statements after the docstring, or the
    /// whole body when there is no docstring).
    pub body_range: TextRange,
    /// Indentation of the body's first statement.
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
    /// For each entry of `definitions`, the distinct identifiers its source uses (a superset of
    /// the names it refers to); see [`ModuleContext::required_definitions`].
    #[serde(default)]
    pub definition_refs: Vec<Vec<String>>,
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
pub mod incremental;
pub mod literal;
pub mod mapped;
pub mod parse;
pub mod positions;
pub mod signature;

pub use context::referenced_names;
pub use decode::{decode_source, DecodeError};
pub use incremental::{EditError, SpecExtractor};
pub use positions::LineIndex;

/// Extracts every function (top level, nested, methods), its docstring, examples and body
/// state, plus the module context, from Python source. Never panics; broken files give what
/// is intact and set `has_syntax_errors`.
pub fn extract(source: &str) -> FileSpecs {
    match parse::parse_text(source) {
        Some(tree) => extract::extract_from_tree(source, &tree),
        None => FileSpecs {
            has_syntax_errors: true,
            ..FileSpecs::default()
        },
    }
}
