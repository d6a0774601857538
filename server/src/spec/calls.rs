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
    if stmts.next().is_some() {
        return None;
    }
    call_of_statement(stmt, snippet, name, method)
}

/// A request to split the call in an example's source snippet.
#[derive(Clone, Debug)]
pub struct SnippetCall {
    /// Who asked: (function index, example index).
    pub owner: (usize, usize),
    /// The example's source.
    pub snippet: String,
    /// The function's name.
    pub name: String,
    /// True for methods (`obj.name(...)` calls count).
    pub method: bool,
}

/// Resolves many snippets at once: they are parsed together as one module (one tree-sitter
/// parse instead of thousands), and a snippet whose region of that module is not a clean,
/// self-contained statement is parsed on its own instead, so the answer is always the same as
/// [`example_call_in_snippet`]'s.
pub fn resolve_snippet_calls(requests: &[SnippetCall]) -> Vec<Option<ExampleCall>> {
    let alone = |r: &SnippetCall| example_call_in_snippet(&r.snippet, &r.name, r.method);
    // Snippets the fast path settles never reach tree-sitter.
    let fast: Vec<Option<Option<ExampleCall>>> = requests
        .iter()
        .map(|r| super::fastcall::fast_example_call(&r.snippet, &r.name, r.method))
        .collect();
    if fast.iter().all(Option::is_some) {
        return fast.into_iter().map(Option::flatten).collect();
    }
    let slow: Vec<usize> = (0..requests.len()).filter(|&i| fast[i].is_none()).collect();
    let slow_requests: Vec<SnippetCall> = slow.iter().map(|&i| requests[i].clone()).collect();
    let slow_answers = resolve_batch(&slow_requests, alone);
    let mut out: Vec<Option<ExampleCall>> = fast.into_iter().map(Option::flatten).collect();
    for (i, answer) in slow.into_iter().zip(slow_answers) {
        out[i] = answer;
    }
    out
}

/// Parses `requests` together as one module (see [`resolve_snippet_calls`]).
fn resolve_batch(
    requests: &[SnippetCall],
    alone: impl Fn(&SnippetCall) -> Option<ExampleCall>,
) -> Vec<Option<ExampleCall>> {
    let mut batch = String::new();
    let mut spans = Vec::with_capacity(requests.len());
    for r in requests {
        let start = batch.len();
        batch.push_str(&r.snippet);
        spans.push((start, batch.len()));
        batch.push_str("\n\n");
    }
    let Some(tree) = parse_text(&batch) else {
        return requests.iter().map(alone).collect();
    };
    let root = tree.root_node();
    let mut cursor = root.walk();
    let children: Vec<Node> = root
        .children(&mut cursor)
        .filter(|n| n.kind() != "comment")
        .collect();
    let mut k = 0;
    let mut out = Vec::with_capacity(requests.len());
    for (r, &(start, end)) in requests.iter().zip(&spans) {
        // Skip statements that end before this snippet.
        while k < children.len() && children[k].end_byte() <= start {
            k += 1;
        }
        let spanning = children
            .get(k)
            .is_some_and(|c| c.start_byte() < start && c.end_byte() > start);
        let mut inside = children[k.min(children.len())..]
            .iter()
            .take_while(|c| c.start_byte() < end);
        let first = inside.next();
        let more = inside.next().is_some();
        let answer = match first {
            _ if spanning || more => alone(r),
            None => None,
            Some(stmt) if stmt.end_byte() > end || stmt.has_error() || stmt.is_missing() => {
                alone(r)
            }
            Some(stmt) => call_of_statement(*stmt, &batch, &r.name, r.method),
        };
        out.push(answer);
    }
    out
}

fn call_of_statement(stmt: Node, src: &str, name: &str, method: bool) -> Option<ExampleCall> {
    if stmt.kind() != "expression_statement" {
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
    example_call(expr, src, name, method)
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

    /// Batch resolution gives exactly the one-by-one answers, whatever the neighbours are.
    #[test]
    fn batch_equals_one_by_one() {
        let snippets = [
            "f(1,",
            "f(2)",
            "f(3)  # doctest: +SKIP",
            "if x:",
            "f(4)",
            "'''",
            "f(5)",
            "f(6)",
            "  f(7)",
            "for i in f(8):\n    print(i)",
            "f(9)\nf(10)",
            "f(x=\n1)",
            "",
            "f(\"\\\n\")",
            "f(11) \\",
            "f(12)",
            "print(f(13))",
            "f(*a)",
            "(f(14))",
            "f(15);",
            "f(16)",
            "\"\"\"",
            "f(17)",
            "f(18)",
        ];
        let requests: Vec<SnippetCall> = snippets
            .iter()
            .enumerate()
            .map(|(i, s)| SnippetCall {
                owner: (0, i),
                snippet: s.to_string(),
                name: "f".into(),
                method: false,
            })
            .collect();
        let batch = resolve_snippet_calls(&requests);
        for (r, got) in requests.iter().zip(batch) {
            assert_eq!(
                got,
                example_call_in_snippet(&r.snippet, "f", false),
                "{:?}",
                r.snippet
            );
        }
    }
}
