//! Function bodies: whether they are stubs, and the exact range to replace when implementing.

use super::signature::node_text;
use tree_sitter::Node;

/// True when `stmt` is a stub statement: `pass`, `...`, or `raise NotImplementedError`
/// (bare or called).
pub fn is_stub_statement(stmt: Node, src: &str) -> bool {
    match stmt.kind() {
        "pass_statement" => true,
        "expression_statement" => {
            let mut cursor = stmt.walk();
            let exprs: Vec<Node> = stmt
                .named_children(&mut cursor)
                .filter(|n| n.kind() != "comment")
                .collect();
            matches!(exprs.as_slice(), [e] if e.kind() == "ellipsis")
        }
        "raise_statement" => {
            if stmt.child_by_field_name("cause").is_some() {
                return false;
            }
            let mut cursor = stmt.walk();
            let exprs: Vec<Node> = stmt
                .named_children(&mut cursor)
                .filter(|n| n.kind() != "comment")
                .collect();
            let [e] = exprs.as_slice() else {
                return false;
            };
            let callee = if e.kind() == "call" {
                e.child_by_field_name("function")
            } else {
                Some(*e)
            };
            callee.is_some_and(|c| {
                c.kind() == "identifier" && node_text(c, src) == "NotImplementedError"
            })
        }
        _ => false,
    }
}

/// The whitespace before the first body statement when it starts its own line; otherwise the
/// `def` line's indentation plus four spaces.
pub fn body_indent(src: &str, first_stmt_start: Option<usize>, def_start: usize) -> String {
    let line_prefix = |offset: usize| {
        let line_start = src[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        &src[line_start..offset]
    };
    if let Some(start) = first_stmt_start {
        let prefix = line_prefix(start);
        if prefix
            .chars()
            .all(|c| c == ' ' || c == '\t' || c == '\u{c}')
        {
            return prefix.to_string();
        }
    }
    let def_prefix = line_prefix(def_start);
    let indent: String = def_prefix
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    format!("{indent}    ")
}
