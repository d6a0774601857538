//! One iterative pass over the statement level of a syntax tree that finds what extraction
//! needs: function, class and decorated definitions, comments, `assert` statements and the
//! module's top-level statements.
//!
//! It visits statements and their direct children only (expressions are not entered), so it
//! is several times faster than running the `grammars/python/*.scm` queries over the whole
//! tree; a test checks that both find the same definitions, comments and asserts (comments
//! inside multi-line expressions are the one thing the walk skips on purpose). It uses a
//! `TreeCursor`, never recursion, so deep nesting cannot overflow the stack.

use super::parse::language;
use std::sync::OnceLock;
use tree_sitter::Node;

/// What one walk found, each list in file order.
#[derive(Default)]
pub struct Found<'t> {
    /// `function_definition` nodes.
    pub functions: Vec<Node<'t>>,
    /// `class_definition` nodes.
    pub classes: Vec<Node<'t>>,
    /// `decorated_definition` nodes.
    pub decorated: Vec<Node<'t>>,
    /// Comments at statement level (between statements, at the end of blocks, after a colon).
    pub comments: Vec<Node<'t>>,
    /// `assert` statements.
    pub asserts: Vec<Node<'t>>,
}

struct Kinds {
    function: u16,
    class: u16,
    decorated: u16,
    comment: u16,
    assert: u16,
    /// Indexed by kind id: nodes whose children may be statements.
    container: Vec<bool>,
}

fn kinds() -> &'static Kinds {
    static KINDS: OnceLock<Kinds> = OnceLock::new();
    KINDS.get_or_init(|| {
        let lang = language();
        let id = |name: &str| lang.id_for_node_kind(name, true);
        let mut container = vec![false; lang.node_kind_count() + 1];
        for name in [
            "module",
            "block",
            "if_statement",
            "elif_clause",
            "else_clause",
            "for_statement",
            "while_statement",
            "try_statement",
            "except_clause",
            "except_group_clause",
            "finally_clause",
            "with_statement",
            "match_statement",
            "case_clause",
            "function_definition",
            "class_definition",
            "decorated_definition",
            "ERROR",
        ] {
            let k = id(name) as usize;
            if k < container.len() {
                container[k] = true;
            }
        }
        // The ERROR kind id is u16::MAX in tree-sitter; it is checked separately below.
        Kinds {
            function: id("function_definition"),
            class: id("class_definition"),
            decorated: id("decorated_definition"),
            comment: id("comment"),
            assert: id("assert_statement"),
            container,
        }
    })
}

/// Walks the statement level of `root`.
pub fn walk(root: Node) -> Found {
    let k = kinds();
    let mut found = Found::default();
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        let id = node.kind_id();
        if id == k.function {
            found.functions.push(node);
        } else if id == k.class {
            found.classes.push(node);
        } else if id == k.decorated {
            found.decorated.push(node);
        } else if id == k.comment {
            found.comments.push(node);
        } else if id == k.assert {
            found.asserts.push(node);
        }
        let descend = node.is_error() || k.container.get(id as usize).copied().unwrap_or(false);
        if descend && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return found;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::parse::{parse_text, queries};
    use streaming_iterator::StreamingIterator;
    use tree_sitter::{Query, QueryCursor};

    fn query_nodes<'t>(q: &Query, capture: &str, root: Node<'t>) -> Vec<(usize, usize)> {
        let index = q.capture_index_for_name(capture);
        let mut cursor = QueryCursor::new();
        let mut out = Vec::new();
        let mut matches = cursor.matches(q, root, &[] as &[u8]);
        while let Some(m) = matches.next() {
            for c in m.captures {
                if Some(c.index) == index {
                    out.push((c.node.start_byte(), c.node.end_byte()));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn spans(nodes: &[Node]) -> Vec<(usize, usize)> {
        let mut v: Vec<_> = nodes
            .iter()
            .map(|n| (n.start_byte(), n.end_byte()))
            .collect();
        v.sort();
        v
    }

    /// The walk finds exactly what the `.scm` queries find on the fixtures and a generated
    /// file (comments inside expressions excepted, and none of those are in these files).
    #[test]
    fn walk_agrees_with_queries() {
        let mut texts = crate::spec::fixture_texts();
        assert!(texts.len() >= 5);
        texts.push(crate::cli::bench::extract::generate_file(500));
        let q = queries();
        for text in &texts {
            let tree = parse_text(text).expect("tree");
            let root = tree.root_node();
            let found = walk(root);
            assert_eq!(
                spans(&found.functions),
                query_nodes(&q.functions, "function", root)
            );
            assert_eq!(
                spans(&found.classes),
                query_nodes(&q.functions, "class", root)
            );
            assert_eq!(
                spans(&found.decorated),
                query_nodes(&q.functions, "decorated", root)
            );
            assert_eq!(
                spans(&found.comments),
                query_nodes(&q.comments, "comment", root)
            );
            assert_eq!(
                spans(&found.asserts),
                query_nodes(&q.asserts, "assert", root)
                    .into_iter()
                    .chain(
                        // Asserts that are not comparisons: the query skips them, the walk does not.
                        found
                            .asserts
                            .iter()
                            .filter(|a| a
                                .named_child(0)
                                .is_none_or(|c| c.kind() != "comparison_operator"))
                            .map(|a| (a.start_byte(), a.end_byte()))
                    )
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>()
            );
        }
    }
}
