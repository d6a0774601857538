//! Building [`Spec`]s for every function of a parsed file.

use super::arrow::parse_arrow_example;
use super::body::{body_indent, is_stub_statement};
use super::calls::{example_call, example_call_in_snippet};
use super::chunks::parse_chunks;
use super::context::module_context;
use super::docstring::{docstring_value, prose_without};
use super::doctest::{line_ranges, parse_doctests};
use super::mapped::cleandoc;
use super::parse::queries;
use super::positions::LineIndex;
use super::signature::{decorators, field_text, is_async, node_text, parameters};
use super::{BodyState, Docstring, Example, ExampleKind, FileSpecs, ModuleContext, Spec};
use rustc_hash::FxHashMap;
use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, QueryCursor, Tree};

/// Extracts every function of `text`, already parsed into `tree`. When the tree has syntax
/// errors, the file is re-parsed in top-level chunks (see [`super::chunks`]) so that an error
/// in one place does not hide the functions elsewhere.
pub fn extract_from_tree(text: &str, tree: &Tree) -> FileSpecs {
    let root = tree.root_node();
    if !root.has_error() {
        return extract_from_roots(text, &[root], false);
    }
    let chunk_trees = parse_chunks(text);
    if chunk_trees.is_empty() {
        return extract_from_roots(text, &[root], true);
    }
    let roots: Vec<Node> = chunk_trees.iter().map(|t| t.root_node()).collect();
    extract_from_roots(text, &roots, true)
}

fn extract_from_roots(text: &str, roots: &[Node], has_syntax_errors: bool) -> FileSpecs {
    let file = FileIndex::new(text, roots);
    let defs: Vec<Definition> = roots.iter().flat_map(|r| collect_definitions(*r)).collect();
    let mut functions = Vec::new();
    // Enclosing definitions: (end byte, name, is_class).
    let mut scopes: Vec<(usize, String, bool)> = Vec::new();
    for def in &defs {
        let node = def.node;
        while scopes.last().is_some_and(|s| s.0 <= node.start_byte()) {
            scopes.pop();
        }
        let Some(name_node) = node.child_by_field_name("name") else {
            continue;
        };
        let name = node_text(name_node, text).to_string();
        if name.is_empty() {
            continue;
        }
        let mut qualified = String::new();
        for (_, scope, is_class) in &scopes {
            qualified.push_str(scope);
            qualified.push_str(if *is_class { "." } else { ".<locals>." });
        }
        qualified.push_str(&name);
        if !def.is_class {
            let enclosing_class = scopes.last().is_some_and(|s| s.2);
            let spec = function_spec(
                &file,
                def,
                name.clone(),
                qualified,
                scopes.is_empty(),
                enclosing_class,
            );
            functions.push(spec);
        }
        scopes.push((node.end_byte(), name, def.is_class));
    }
    let mut context = ModuleContext::default();
    for root in roots {
        let part = module_context(*root, text);
        context.imports.extend(part.imports);
        context.definitions.extend(part.definitions);
        context.definition_refs.extend(part.definition_refs);
    }
    FileSpecs {
        functions,
        context,
        has_syntax_errors,
    }
}

/// A function or class node, with its `decorated_definition` wrapper if any.
struct Definition<'t> {
    node: Node<'t>,
    decorated: Option<Node<'t>>,
    is_class: bool,
}

fn collect_definitions(root: Node) -> Vec<Definition> {
    let q = &queries().functions;
    let mut cursor = QueryCursor::new();
    let mut wrappers: FxHashMap<usize, Node> = FxHashMap::default();
    let mut defs = Vec::new();
    let names = q.capture_names();
    let mut matches = cursor.matches(q, root, &[] as &[u8]);
    while let Some(m) = matches.next() {
        for cap in m.captures {
            match names[cap.index as usize] {
                "decorated" => {
                    if let Some(inner) = cap.node.child_by_field_name("definition") {
                        wrappers.insert(inner.id(), cap.node);
                    }
                }
                "function" | "class" => defs.push(Definition {
                    node: cap.node,
                    decorated: None,
                    is_class: names[cap.index as usize] == "class",
                }),
                _ => {}
            }
        }
    }
    for d in &mut defs {
        d.decorated = wrappers.get(&d.node.id()).copied();
    }
    defs.sort_by_key(|d| (d.node.start_byte(), std::cmp::Reverse(d.node.end_byte())));
    defs
}

/// Per-file data shared by all functions: text, line index, comments and asserts.
struct FileIndex<'t> {
    text: &'t str,
    lines: LineIndex,
    /// Comment nodes in file order.
    comments: Vec<Node<'t>>,
    /// `assert a == b` comparisons: callee name → (assert node, call node, other operand).
    asserts: FxHashMap<&'t str, Vec<AssertSite<'t>>>,
}

struct AssertSite<'t> {
    statement: Node<'t>,
    call: Node<'t>,
    other: Node<'t>,
    via_attribute: bool,
}

impl<'t> FileIndex<'t> {
    fn new(text: &'t str, roots: &[Node<'t>]) -> Self {
        let q = queries();
        let mut cursor = QueryCursor::new();
        let mut comments = Vec::new();
        for root in roots {
            let mut caps = cursor.captures(&q.comments, *root, &[] as &[u8]);
            while let Some((m, i)) = caps.next() {
                comments.push(m.captures[*i].node);
            }
        }
        comments.sort_by_key(|n| n.start_byte());
        let mut asserts: FxHashMap<&'t str, Vec<AssertSite<'t>>> = FxHashMap::default();
        let cmp_index = q.asserts.capture_index_for_name("comparison");
        let assert_index = q.asserts.capture_index_for_name("assert");
        for root in roots {
            let mut matches = cursor.matches(&q.asserts, *root, &[] as &[u8]);
            while let Some(m) = matches.next() {
                let find = |idx: Option<u32>| {
                    m.captures
                        .iter()
                        .find(|c| Some(c.index) == idx)
                        .map(|c| c.node)
                };
                let (Some(cmp), Some(stmt)) = (find(cmp_index), find(assert_index)) else {
                    continue;
                };
                if let Some((name, site)) = assert_site(cmp, stmt, text) {
                    asserts.entry(name).or_default().push(site);
                }
            }
        }
        Self {
            text,
            lines: LineIndex::new(text),
            comments,
            asserts,
        }
    }

    fn range(&self, a: usize, b: usize) -> crate::text::TextRange {
        self.lines.range(self.text, a, b)
    }

    /// Comments whose start lies in `a..b`.
    fn comments_in(&self, a: usize, b: usize) -> &[Node<'t>] {
        let lo = self.comments.partition_point(|n| n.start_byte() < a);
        let hi = self.comments.partition_point(|n| n.start_byte() < b);
        &self.comments[lo..hi.max(lo)]
    }

    /// The contiguous block of whole-line comments right above byte `start` (no blank line in
    /// between), in file order.
    fn comments_above(&self, start: usize) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        let mut line = self.lines.line_of(start);
        let mut k = self.comments.partition_point(|n| n.start_byte() < start);
        while line > 0 && k > 0 {
            let c = self.comments[k - 1];
            let c_line = self.lines.line_of(c.start_byte());
            let line_start = self.lines.line_start(c_line);
            let before = &self.text[line_start..c.start_byte()];
            if c_line + 1 != line || !before.trim().is_empty() {
                break;
            }
            out.push(c);
            line = c_line;
            k -= 1;
        }
        out.reverse();
        out
    }
}

fn assert_site<'t>(
    cmp: Node<'t>,
    stmt: Node<'t>,
    text: &'t str,
) -> Option<(&'t str, AssertSite<'t>)> {
    let mut cursor = cmp.walk();
    let operands: Vec<Node> = cmp
        .named_children(&mut cursor)
        .filter(|n| n.kind() != "comment")
        .collect();
    let [left, right] = operands.as_slice() else {
        return None;
    };
    let ops: Vec<&str> = {
        let mut c2 = cmp.walk();
        cmp.children_by_field_name("operators", &mut c2)
            .map(|o| node_text(o, text))
            .collect()
    };
    if ops != ["=="] {
        return None;
    }
    for (call, other) in [(*left, *right), (*right, *left)] {
        if call.kind() != "call" {
            continue;
        }
        let Some(func) = call.child_by_field_name("function") else {
            continue;
        };
        let (name, via_attribute) = match func.kind() {
            "identifier" => (node_text(func, text), false),
            "attribute" => match func.child_by_field_name("attribute") {
                Some(a) => (node_text(a, text), true),
                None => continue,
            },
            _ => continue,
        };
        return Some((
            name,
            AssertSite {
                statement: stmt,
                call,
                other,
                via_attribute,
            },
        ));
    }
    None
}

fn function_spec(
    file: &FileIndex,
    def: &Definition,
    name: String,
    qualified_name: String,
    is_top_level: bool,
    is_method: bool,
) -> Spec {
    let text = file.text;
    let node = def.node;
    let outer = def.decorated.unwrap_or(node);
    let params = node
        .child_by_field_name("parameters")
        .map(|p| parameters(p, text))
        .unwrap_or_default();
    let body = node.child_by_field_name("body");
    let stmts: Vec<Node> = body
        .map(|b| {
            let mut cursor = b.walk();
            b.named_children(&mut cursor)
                .filter(|n| n.kind() != "comment")
                .collect()
        })
        .unwrap_or_default();
    let doc_value = stmts.first().and_then(|s| docstring_value(*s, text));
    let rest = if doc_value.is_some() {
        &stmts[1..]
    } else {
        &stmts[..]
    };
    let body_range = match (rest.first(), rest.last()) {
        (Some(first), Some(last)) => file.range(first.start_byte(), last.end_byte()),
        _ => {
            let at = stmts
                .first()
                .map(|s| s.end_byte())
                .or_else(|| body.map(|b| b.end_byte()))
                .unwrap_or(node.end_byte());
            file.range(at, at)
        }
    };
    let body_has_error = body.is_none_or(|b| b.has_error() || b.is_missing());
    let body_state = if !body_has_error && rest.iter().all(|s| is_stub_statement(*s, text)) {
        BodyState::Unimplemented
    } else {
        BodyState::Implemented
    };
    let mut examples = Vec::new();
    let docstring = match (doc_value, stmts.first()) {
        (Some(raw), Some(stmt)) => Some(docstring_examples(
            file,
            raw,
            *stmt,
            &name,
            is_method,
            &mut examples,
        )),
        _ => None,
    };
    comment_examples(file, outer, &name, is_method, &mut examples);
    assert_examples(file, &name, is_method, &mut examples);
    examples.sort_by_key(|e| (e.range.start_byte, e.range.end_byte));
    examples.dedup_by(|a, b| a.range == b.range && a.kind == b.kind);
    Spec {
        name,
        qualified_name,
        params,
        return_annotation: field_text(node, "return_type", text),
        decorators: def
            .decorated
            .map(|d| decorators(d, text))
            .unwrap_or_default(),
        is_async: is_async(node, text),
        is_top_level,
        docstring,
        body_state,
        def_range: file.range(outer.start_byte(), outer.end_byte()),
        body_range,
        body_indent: body_indent(
            text,
            stmts.first().map(|s| s.start_byte()),
            outer.start_byte(),
        ),
        examples,
    }
}

fn docstring_examples(
    file: &FileIndex,
    raw: super::mapped::MappedText,
    stmt: Node,
    name: &str,
    method: bool,
    examples: &mut Vec<Example>,
) -> Docstring {
    let cleaned = cleandoc(&raw);
    let text = cleaned.as_str();
    let lines = line_ranges(text);
    let mut removed = vec![false; lines.len()];
    for block in parse_doctests(text) {
        for flag in &mut removed[block.lines.0..block.lines.1] {
            *flag = true;
        }
        let (a, b) = cleaned.source_span(block.start, block.end);
        let call = example_call_in_snippet(&block.source, name, method);
        examples.push(Example {
            kind: ExampleKind::Doctest,
            range: file.range(a, b),
            source: block.source,
            expected: block.want,
            expected_exception: block.exception,
            directives: block.directives,
            call,
        });
    }
    for (k, &(a, b)) in lines.iter().enumerate() {
        if removed[k] {
            continue;
        }
        let line = &text[a..b];
        let trimmed = line.trim_start();
        let Some(content) = trimmed.strip_prefix('#') else {
            continue;
        };
        let offset = a + (line.len() - trimmed.len()) + 1;
        if let Some(ex) = arrow_example(file, content, offset, name, method, |i, j| {
            cleaned.source_span(i, j)
        }) {
            removed[k] = true;
            examples.push(ex);
        }
    }
    Docstring {
        raw: raw.as_str().to_string(),
        prose: prose_without(text, &removed),
        cleaned: text.to_string(),
        range: file.range(stmt.start_byte(), stmt.end_byte()),
    }
}

/// An arrow example in `content` (text after `#`), whose byte 0 is at `offset` in the text that
/// `span` maps to the source.
fn arrow_example(
    file: &FileIndex,
    content: &str,
    offset: usize,
    name: &str,
    method: bool,
    span: impl Fn(usize, usize) -> (usize, usize),
) -> Option<Example> {
    let parts = parse_arrow_example(content, name, method)?;
    let source = content[parts.call.0..parts.call.1].to_string();
    let expected = content[parts.expected.0..parts.expected.1].to_string();
    let (a, b) = span(offset - 1, offset + parts.expected.1);
    let call = example_call_in_snippet(&source, name, method);
    Some(Example {
        kind: ExampleKind::Comment,
        range: file.range(a, b),
        source,
        expected,
        expected_exception: None,
        directives: Vec::new(),
        call,
    })
}

fn comment_examples(
    file: &FileIndex,
    outer: Node,
    name: &str,
    method: bool,
    examples: &mut Vec<Example>,
) {
    let above = file.comments_above(outer.start_byte());
    let inside = file.comments_in(outer.start_byte(), outer.end_byte());
    for c in above.iter().chain(inside.iter()) {
        let t = node_text(*c, file.text);
        let Some(content) = t.strip_prefix('#') else {
            continue;
        };
        let base = c.start_byte() + 1;
        if let Some(ex) = arrow_example(file, content, 1, name, method, |i, j| {
            (base + i - 1, base + j - 1)
        }) {
            examples.push(ex);
        }
    }
}

fn assert_examples(file: &FileIndex, name: &str, method: bool, examples: &mut Vec<Example>) {
    let Some(sites) = file.asserts.get(name) else {
        return;
    };
    for site in sites {
        if site.via_attribute != method {
            continue;
        }
        examples.push(Example {
            kind: ExampleKind::Assert,
            range: file.range(site.statement.start_byte(), site.statement.end_byte()),
            source: node_text(site.call, file.text).to_string(),
            expected: node_text(site.other, file.text).to_string(),
            expected_exception: None,
            directives: Vec::new(),
            call: example_call(site.call, file.text, name, method),
        });
    }
}
