//! Building [`Spec`]s for every function of a parsed file.

use super::arrow::parse_arrow_example;
use super::body::{body_indent, is_stub_statement};
use super::calls::{example_call, resolve_snippet_calls, SnippetCall};
use super::chunks::parse_chunks;
use super::context::module_context;
use super::docstring::{docstring_value, prose_without};
use super::doctest::{line_ranges, parse_doctests};
use super::mapped::cleandoc;
use super::positions::LineIndex;
use super::prose::{io_blocks, sentence_examples};
use super::signature::{decorators, field_text, is_async, node_text, parameters};
use super::walk::{walk, Found};
use super::{BodyState, Docstring, Example, ExampleKind, FileSpecs, ModuleContext, Spec};
use rustc_hash::FxHashMap;
use tree_sitter::{Node, Tree};

/// Extracts every function of `text`, already parsed into `tree`. When the tree has syntax
/// errors, the file is re-parsed in top-level chunks (see [`super::chunks`]) so that an error
/// in one place does not hide the functions elsewhere.
pub fn extract_from_tree(text: &str, tree: &Tree) -> FileSpecs {
    extract_from_tree_with(text, tree, worker_threads(text))
}

/// [`extract_from_tree`] building specs on up to `threads` threads.
pub fn extract_from_tree_with(text: &str, tree: &Tree, threads: usize) -> FileSpecs {
    let root = tree.root_node();
    if !root.has_error() {
        return extract_from_roots(text, &[root], false, threads);
    }
    let chunk_trees = parse_chunks(text);
    if chunk_trees.is_empty() {
        return extract_from_roots(text, &[root], true, threads);
    }
    let roots: Vec<Node> = chunk_trees.iter().map(|t| t.root_node()).collect();
    extract_from_roots(text, &roots, true, threads)
}

/// Files smaller than this are extracted on the calling thread only.
pub const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// How many threads to use for `text`: 1 for ordinary files, up to 4 for very large ones.
pub fn worker_threads(text: &str) -> usize {
    if text.len() < PARALLEL_MIN_BYTES {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Extracts a large file by parsing top-level pieces of it in parallel. `None` when a piece
/// has syntax errors (the caller then does the ordinary full parse and error recovery). When
/// every piece parses cleanly, the pieces' trees hold exactly the statements a full parse
/// would, because pieces start at column-0 `def`/`class`/decorator lines.
pub fn extract_parallel(text: &str, threads: usize) -> Option<FileSpecs> {
    let starts = super::chunks::chunk_starts(text);
    let target = text.len().div_ceil(threads.max(1));
    let mut bounds = vec![0usize];
    for &s in &starts {
        if s >= bounds[bounds.len() - 1] + target {
            bounds.push(s);
        }
    }
    bounds.push(text.len());
    let trees: Vec<Option<Tree>> = std::thread::scope(|scope| {
        let handles: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                scope.spawn(move || super::chunks::parse_range(text, a, b))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let trees: Vec<Tree> = trees.into_iter().collect::<Option<Vec<_>>>()?;
    if trees.iter().any(|t| t.root_node().has_error()) {
        return None;
    }
    let roots: Vec<Node> = trees.iter().map(|t| t.root_node()).collect();
    Some(extract_from_roots(text, &roots, false, threads))
}

/// Extracts from one or more trees covering disjoint parts of `text` (one tree normally;
/// several for chunked parses), building the specs on up to `threads` threads.
pub(crate) fn extract_from_roots(
    text: &str,
    roots: &[Node],
    has_syntax_errors: bool,
    threads: usize,
) -> FileSpecs {
    let mut found = Found::default();
    for root in roots {
        let part = walk(*root);
        found.functions.extend(part.functions);
        found.classes.extend(part.classes);
        found.decorated.extend(part.decorated);
        found.comments.extend(part.comments);
        found.asserts.extend(part.asserts);
    }
    let defs = collect_definitions(&found);
    let file = FileIndex::new(text, &found);
    let plan = plan_functions(text, &defs);
    let functions = if threads > 1 && plan.len() >= 2 * threads {
        let per = plan.len().div_ceil(threads);
        let file = &file;
        std::thread::scope(|scope| {
            let handles: Vec<_> = plan
                .chunks(per)
                .map(|part| scope.spawn(move || build_specs(file, part)))
                .collect();
            let mut out = Vec::with_capacity(plan.len());
            for h in handles {
                match h.join() {
                    Ok(specs) => out.extend(specs),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            out
        })
    } else {
        build_specs(&file, &plan)
    };
    let mut context = ModuleContext::default();
    for root in roots {
        let part = module_context(*root, text);
        context.imports.extend(part.imports);
        context.definitions.extend(part.definitions);
    }
    FileSpecs {
        functions,
        context,
        has_syntax_errors,
    }
}

/// A function to build, with what its enclosing definitions tell about it.
struct Planned<'d, 't> {
    def: &'d Definition<'t>,
    name: String,
    qualified: String,
    is_top_level: bool,
    is_method: bool,
}

/// Names every function, rebuilding nesting from byte ranges (definitions are sorted by start).
fn plan_functions<'d, 't>(text: &str, defs: &'d [Definition<'t>]) -> Vec<Planned<'d, 't>> {
    let mut plan = Vec::new();
    // Enclosing definitions: (end byte, name, is_class).
    let mut scopes: Vec<(usize, String, bool)> = Vec::new();
    for def in defs {
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
        if !def.is_class {
            let mut qualified = String::new();
            for (_, scope, is_class) in &scopes {
                qualified.push_str(scope);
                qualified.push_str(if *is_class { "." } else { ".<locals>." });
            }
            qualified.push_str(&name);
            plan.push(Planned {
                def,
                name: name.clone(),
                qualified,
                is_top_level: scopes.is_empty(),
                is_method: scopes.last().is_some_and(|s| s.2),
            });
        }
        scopes.push((node.end_byte(), name, def.is_class));
    }
    plan
}

/// Builds the specs of `plan`, then fills in the calls of snippet examples (doctests,
/// comments), parsed in one batch.
fn build_specs(file: &FileIndex, plan: &[Planned]) -> Vec<Spec> {
    let mut pending: Vec<SnippetCall> = Vec::new();
    let mut functions: Vec<Spec> = Vec::with_capacity(plan.len());
    for p in plan {
        let spec = function_spec(
            file,
            p.def,
            p.name.clone(),
            p.qualified.clone(),
            p.is_top_level,
            p.is_method,
            (functions.len(), &mut pending),
        );
        functions.push(spec);
    }
    let calls = resolve_snippet_calls(&pending);
    for (request, call) in pending.iter().zip(calls) {
        if let Some(example) = functions
            .get_mut(request.owner.0)
            .and_then(|f| f.examples.get_mut(request.owner.1))
        {
            example.call = call;
        }
    }
    functions
}

/// A function or class node, with its `decorated_definition` wrapper if any.
struct Definition<'t> {
    node: Node<'t>,
    decorated: Option<Node<'t>>,
    is_class: bool,
}

fn collect_definitions<'t>(found: &Found<'t>) -> Vec<Definition<'t>> {
    let wrappers: FxHashMap<usize, Node> = found
        .decorated
        .iter()
        .filter_map(|d| {
            d.child_by_field_name("definition")
                .map(|inner| (inner.id(), *d))
        })
        .collect();
    let mut defs: Vec<Definition> = found
        .functions
        .iter()
        .map(|n| (n, false))
        .chain(found.classes.iter().map(|n| (n, true)))
        .map(|(node, is_class)| Definition {
            node: *node,
            decorated: wrappers.get(&node.id()).copied(),
            is_class,
        })
        .collect();
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
    fn new(text: &'t str, found: &Found<'t>) -> Self {
        let mut comments = found.comments.clone();
        comments.sort_by_key(|n| n.start_byte());
        let mut asserts: FxHashMap<&'t str, Vec<AssertSite<'t>>> = FxHashMap::default();
        for stmt in &found.asserts {
            // As `asserts.scm`: the assert's first expression is a comparison.
            let Some(cmp) = stmt
                .named_child(0)
                .filter(|c| c.kind() == "comparison_operator")
            else {
                continue;
            };
            if let Some((name, site)) = assert_site(cmp, *stmt, text) {
                asserts.entry(name).or_default().push(site);
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
    (index, pending): (usize, &mut Vec<SnippetCall>),
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
            Callee {
                name: &name,
                method: is_method,
                params: &params,
            },
            &mut examples,
        )),
        _ => None,
    };
    comment_examples(file, outer, &name, is_method, &mut examples);
    assert_examples(file, &name, is_method, &mut examples);
    examples.sort_by_key(|e| (e.range.start_byte, e.range.end_byte));
    examples.dedup_by(|a, b| a.range == b.range && a.kind == b.kind);
    for (k, e) in examples.iter().enumerate() {
        if e.kind != ExampleKind::Assert && e.source.contains(name.as_str()) {
            pending.push(SnippetCall {
                owner: (index, k),
                snippet: e.source.clone(),
                name: name.clone(),
                method: is_method,
            });
        }
    }
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

/// The function whose examples are being collected.
#[derive(Clone, Copy)]
struct Callee<'a> {
    name: &'a str,
    method: bool,
    params: &'a [super::Param],
}

fn docstring_examples(
    file: &FileIndex,
    raw: super::mapped::MappedText,
    stmt: Node,
    callee: Callee,
    examples: &mut Vec<Example>,
) -> Docstring {
    let Callee {
        name,
        method,
        params,
    } = callee;
    let cleaned = cleandoc(&raw);
    let text = cleaned.as_str();
    let lines = line_ranges(text);
    let mut removed = vec![false; lines.len()];
    for block in parse_doctests(text) {
        for flag in &mut removed[block.lines.0..block.lines.1] {
            *flag = true;
        }
        if block.blank_or_comment {
            continue;
        }
        let (a, b) = cleaned.source_span(block.start, block.end);
        examples.push(Example {
            kind: ExampleKind::Doctest,
            range: file.range(a, b),
            source: block.source,
            expected: block.want,
            expected_exception: block.exception,
            directives: block.directives,
            call: None,
        });
    }
    // `Input: …` / `Output: …` pairs (methods have no receiver to call them on).
    if !method {
        for block in io_blocks(text, &lines, &removed, name, params) {
            removed[block.input_line] = true;
            removed[block.output_line] = true;
            let (a, b) = cleaned.source_span(block.start, block.end);
            examples.push(Example {
                kind: ExampleKind::InputOutput,
                range: file.range(a, b),
                source: block.source,
                expected: block.expected,
                expected_exception: None,
                directives: Vec::new(),
                call: None,
            });
        }
    }
    for (k, &(a, b)) in lines.iter().enumerate() {
        if removed[k] {
            continue;
        }
        let line = &text[a..b];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        // `# f(x) -> y` lines, and bare `f(x) -> y` lines whose expected side is a valid
        // Python expression (so prose like `f(a) -> the sum` is not taken for an example).
        let (content, offset, lead) = match trimmed.strip_prefix('#') {
            Some(rest) => (rest, a + indent + 1, 1),
            None => (trimmed, a + indent, 0),
        };
        let arrow = arrow_example(file, content, offset, lead, name, method, |i, j| {
            cleaned.source_span(i, j)
        })
        .filter(|ex| lead == 1 || is_single_expression(&ex.expected));
        if let Some(ex) = arrow {
            removed[k] = true;
            examples.push(ex);
        } else if lead == 0 && !method {
            // Calls inside a sentence: the line stays in the prose.
            for found in sentence_examples(line, name) {
                let (s, e) = cleaned.source_span(a + found.call.0, a + found.expected.1);
                examples.push(Example {
                    kind: ExampleKind::Prose,
                    range: file.range(s, e),
                    source: line[found.call.0..found.call.1].to_string(),
                    expected: line[found.expected.0..found.expected.1].to_string(),
                    expected_exception: None,
                    directives: Vec::new(),
                    call: None,
                });
            }
        }
    }
    Docstring {
        raw: raw.as_str().to_string(),
        prose: prose_without(text, &removed),
        cleaned: text.to_string(),
        range: file.range(stmt.start_byte(), stmt.end_byte()),
    }
}

/// True when `src` parses as exactly one Python expression.
pub(crate) fn is_single_expression(src: &str) -> bool {
    let Some(tree) = super::parse::parse_text(src) else {
        return false;
    };
    let root = tree.root_node();
    if root.has_error() || root.named_child_count() != 1 {
        return false;
    }
    root.named_child(0).is_some_and(|stmt| {
        stmt.kind() == "expression_statement"
            && stmt.named_child_count() == 1
            && stmt
                .named_child(0)
                .is_some_and(|e| !matches!(e.kind(), "assignment" | "augmented_assignment"))
    })
}

/// An arrow example in `content` (the text after `#`, or the whole line when `lead` is 0),
/// whose byte 0 is at `offset` in the text that `span` maps to the source; the example's range
/// starts `lead` bytes earlier (at the `#`).
fn arrow_example(
    file: &FileIndex,
    content: &str,
    offset: usize,
    lead: usize,
    name: &str,
    method: bool,
    span: impl Fn(usize, usize) -> (usize, usize),
) -> Option<Example> {
    let parts = parse_arrow_example(content, name, method)?;
    let source = content[parts.call.0..parts.call.1].to_string();
    let expected = content[parts.expected.0..parts.expected.1].to_string();
    let (a, b) = span(offset - lead, offset + parts.expected.1);
    Some(Example {
        kind: ExampleKind::Comment,
        range: file.range(a, b),
        source,
        expected,
        expected_exception: None,
        directives: Vec::new(),
        call: None,
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
        if let Some(ex) = arrow_example(file, content, 1, 1, name, method, |i, j| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::parse::parse_text;

    /// Parallel extraction (pieces parsed on threads, specs built on threads) gives exactly
    /// what one thread and one full parse give.
    #[test]
    fn parallel_equals_sequential() {
        let mut texts = vec![crate::cli::bench::extract::generate_file(3_000)];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spec");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                if let Ok(text) = crate::spec::decode_source(&bytes) {
                    // Repeat the fixture so it has several pieces.
                    texts.push(text.repeat(4));
                }
            }
        }
        for text in &texts {
            let tree = parse_text(text).expect("tree");
            let root = tree.root_node();
            let sequential = if root.has_error() {
                extract_from_tree(text, &tree)
            } else {
                extract_from_roots(text, &[root], false, 1)
            };
            match extract_parallel(text, 3) {
                Some(parallel) => assert_eq!(parallel, sequential),
                None => assert!(root.has_error() || sequential.has_syntax_errors),
            }
            let threaded = if root.has_error() {
                None
            } else {
                Some(extract_from_roots(text, &[root], false, 3))
            };
            if let Some(threaded) = threaded {
                assert_eq!(threaded, sequential);
            }
        }
    }
}
