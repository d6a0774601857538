//! Direct calls of a function in examples, split into argument source texts.

use super::parse::parse_text;
use super::signature::node_text;
use super::ExampleCall;
use tree_sitter::Node;

/// True when `call` (a `call` node) calls `name` directly (`name(...)`), or for methods through
/// an attribute (`obj.name(...)`).
pub fn calls_name(call: Node, src: &str, name: &str, method: bool) -> bool {
    if call.kind() != "call" {
        return false;
    }
    let Some(func) = call.child_by_field_name("function") else {
        return false;
    };
    match func.kind() {
        "identifier" => node_text(func, src) == name,
        "attribute" if method => func
            .child_by_field_name("attribute")
            .is_some_and(|a| node_text(a, src) == name),
        _ => false,
    }
}

/// Splits the arguments of `call` when it calls `name`; `None` for other calls and for calls
/// with `*args`/`**kwargs` splats or a bare generator argument.
pub fn example_call(call: Node, src: &str, name: &str, method: bool) -> Option<ExampleCall> {
    if !calls_name(call, src, name, method) {
        return None;
    }
    let args = call.child_by_field_name("arguments")?;
    if args.kind() != "argument_list" {
        return None;
    }
    let mut out = ExampleCall {
        args: Vec::new(),
        kwargs: Vec::new(),
    };
    let mut cursor = args.walk();
    for arg in args.named_children(&mut cursor) {
        match arg.kind() {
            "comment" => {}
            "list_splat" | "dictionary_splat" => return None,
            "keyword_argument" => {
                let key = arg.child_by_field_name("name")?;
                let value = arg.child_by_field_name("value")?;
                out.kwargs.push((
                    node_text(key, src).to_string(),
                    node_text(value, src).to_string(),
                ));
            }
            _ => out.args.push(node_text(arg, src).to_string()),
        }
    }
    Some(out)
}

/// Parses `snippet` on its own; when it is exactly one expression that is a direct call of
/// `name`, returns its arguments.
pub fn example_call_in_snippet(snippet: &str, name: &str, method: bool) -> Option<ExampleCall> {
    if !snippet.contains(name) {
        return None;
    }
    let tree = parse_text(snippet)?;
    let root = tree.root_node();
    if root.has_error() {
        return None;
    }
    let mut cursor = root.walk();
    let mut stmts = root
        .named_children(&mut cursor)
        .filter(|n| n.kind() != "comment");
    let stmt = stmts.next()?;
    if stmts.next().is_some() || stmt.kind() != "expression_statement" {
        return None;
    }
    let mut c2 = stmt.walk();
    let mut exprs = stmt
        .named_children(&mut c2)
        .filter(|n| n.kind() != "comment");
    let expr = exprs.next()?;
    if exprs.next().is_some() {
        return None;
    }
    example_call(expr, snippet, name, method)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_arguments() {
        let c = example_call_in_snippet("f(1, 'a,b', x=[1, 2])", "f", false);
        assert_eq!(
            c,
            Some(ExampleCall {
                args: vec!["1".into(), "'a,b'".into()],
                kwargs: vec![("x".into(), "[1, 2]".into())],
            })
        );
        assert_eq!(
            example_call_in_snippet("f()", "f", false),
            Some(ExampleCall {
                args: vec![],
                kwargs: vec![]
            })
        );
    }

    #[test]
    fn rejects_indirect_calls() {
        for s in [
            "g(1)",
            "print(f(1))",
            "f(*xs)",
            "f(1); f(2)",
            "x = f(1)",
            "f(x for x in y)",
            "f(1",
        ] {
            assert_eq!(example_call_in_snippet(s, "f", false), None, "{s}");
        }
        assert!(example_call_in_snippet("o.f(1)", "f", true).is_some());
        assert!(example_call_in_snippet("o.f(1)", "f", false).is_none());
    }
}
