//! The tree-sitter Python grammar, a per-thread parser and the compiled queries (compiled once).

use std::cell::RefCell;
use std::sync::OnceLock;
use tree_sitter::{Language, Parser, Query, Tree};

/// The tree-sitter Python language.
pub fn language() -> Language {
    tree_sitter_python::LANGUAGE.into()
}

/// A fresh parser for Python. The grammar ships with the crate, so setting it cannot fail in
/// practice; a version mismatch would be a build problem, reported as an error.
pub fn new_parser() -> Result<Parser, tree_sitter::LanguageError> {
    let mut parser = Parser::new();
    parser.set_language(&language())?;
    Ok(parser)
}

thread_local! {
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

/// Parses `text` with this thread's parser (`None` only if tree-sitter gives up, which it does
/// not do without a timeout or cancellation flag).
pub fn parse_text(text: &str) -> Option<Tree> {
    PARSER.with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        if slot.is_none() {
            *slot = new_parser().ok();
        }
        slot.as_mut()?.parse(text, None)
    })
}

/// The queries in `grammars/python/`, compiled once per process. `identifiers` serves
/// [`super::referenced_names`]; the others state what the statement-level walk
/// ([`super::walk`]) and [`super::context::module_context`] must find, and unit tests check
/// that they agree (the walk is the fast path used by extraction).
pub struct Queries {
    /// `functions.scm`: functions, classes and decorated definitions.
    pub functions: Query,
    /// `asserts.scm`: `assert a == b` statements.
    pub asserts: Query,
    /// `comments.scm`: every comment.
    pub comments: Query,
    /// `imports.scm`: module-level imports and definitions.
    pub imports: Query,
    /// `identifiers.scm`: every identifier (names a definition refers to).
    pub identifiers: Query,
}

/// The compiled queries. Panics only if a bundled `.scm` file does not compile, which the unit
/// test `queries_compile` catches at build time.
pub fn queries() -> &'static Queries {
    static QUERIES: OnceLock<Queries> = OnceLock::new();
    QUERIES.get_or_init(|| {
        let lang = language();
        let q = |name: &str, src: &str| {
            Query::new(&lang, src)
                .unwrap_or_else(|e| panic!("bundled query {name} is invalid: {e}"))
        };
        Queries {
            functions: q(
                "functions.scm",
                include_str!("../../../grammars/python/functions.scm"),
            ),
            asserts: q(
                "asserts.scm",
                include_str!("../../../grammars/python/asserts.scm"),
            ),
            comments: q(
                "comments.scm",
                include_str!("../../../grammars/python/comments.scm"),
            ),
            imports: q(
                "imports.scm",
                include_str!("../../../grammars/python/imports.scm"),
            ),
            identifiers: q(
                "identifiers.scm",
                include_str!("../../../grammars/python/identifiers.scm"),
            ),
        }
    })
}

/// Index of capture `name` in `query` (the bundled queries always define the names asked for).
pub fn capture_index(query: &Query, name: &str) -> Option<u32> {
    query.capture_index_for_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_compile() {
        let q = queries();
        assert!(capture_index(&q.functions, "function").is_some());
        assert!(capture_index(&q.asserts, "comparison").is_some());
        assert!(capture_index(&q.comments, "comment").is_some());
        assert!(capture_index(&q.imports, "import").is_some());
        assert!(capture_index(&q.identifiers, "identifier").is_some());
    }

    #[test]
    fn parses_python() {
        let tree = parse_text("def f(x):\n    return x\n");
        assert!(tree.is_some_and(|t| !t.root_node().has_error()));
    }
}
