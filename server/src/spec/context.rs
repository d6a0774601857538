//! The module context: top-level imports and definitions, the names each definition refers
//! to, and the transitive closure of definitions some code needs.

use super::signature::node_text;
use super::ModuleContext;
use rustc_hash::{FxHashMap, FxHashSet};
use tree_sitter::Node;

/// Top-level imports and definitions of a parsed module (what `imports.scm` matches; read
/// from the module's children directly, which is much faster than a query over the whole
/// tree). Imports nested in `if`/`try` blocks (e.g. under `if TYPE_CHECKING:`) are not
/// included.
pub fn module_context(root: Node, text: &str) -> ModuleContext {
    let mut ctx = ModuleContext::default();
    let mut cursor = root.walk();
    for child in root.named_children(&mut cursor) {
        match child.kind() {
            "import_statement" | "import_from_statement" | "future_import_statement" => {
                ctx.imports.push(node_text(child, text).to_string());
            }
            _ => {
                for name in defined_names(child, text) {
                    ctx.definitions
                        .push((name.to_string(), node_text(child, text).to_string()));
                }
            }
        }
    }
    ctx
}

/// Names a top-level statement defines: functions, classes (decorated or not), assignments
/// to names (`A = 1`, `B, C = ...`, `X: int = 3`) and `type` aliases.
fn defined_names<'a>(stmt: Node, text: &'a str) -> Vec<&'a str> {
    let ident = |n: Option<Node>| {
        n.filter(|n| n.kind() == "identifier")
            .map(|n| node_text(n, text))
    };
    match stmt.kind() {
        "function_definition" | "class_definition" => ident(stmt.child_by_field_name("name"))
            .into_iter()
            .collect(),
        "decorated_definition" => ident(
            stmt.child_by_field_name("definition")
                .and_then(|d| d.child_by_field_name("name")),
        )
        .into_iter()
        .collect(),
        "type_alias_statement" => ident(
            stmt.child_by_field_name("left")
                .and_then(|t| t.named_child(0)),
        )
        .into_iter()
        .collect(),
        "expression_statement" => {
            let mut out = Vec::new();
            let mut c = stmt.walk();
            for a in stmt
                .named_children(&mut c)
                .filter(|n| n.kind() == "assignment")
            {
                let Some(left) = a.child_by_field_name("left") else {
                    continue;
                };
                match left.kind() {
                    "identifier" => out.push(node_text(left, text)),
                    "pattern_list" => {
                        let mut c2 = left.walk();
                        out.extend(
                            left.named_children(&mut c2)
                                .filter(|n| n.kind() == "identifier")
                                .map(|n| node_text(n, text)),
                        );
                    }
                    _ => {}
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Whether `word` (the letters right before a quote) is a string prefix (`r`, `b`, `f`, `rb`,
/// `fr`, `u`, `t`, … in any case).
fn is_string_prefix(word: &str) -> bool {
    word.len() <= 2
        && word
            .chars()
            .all(|c| matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'f' | 'u' | 't'))
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Distinct identifier-like words of `code` outside comments and plain string literals,
/// sorted: a superset of the identifiers tree-sitter finds (keywords, the words of f-string
/// text and of code after a syntax error count too; a larger closure is never wrong). One pass
/// over the text, no parse: linear time and no memory beyond the set of names.
fn scan_identifiers(code: &str) -> Vec<String> {
    let bytes = code.as_bytes();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'#' => i = line_end(bytes, i),
            b'\'' | b'"' => i = skip_string(code, i, StringKind::Plain, &mut seen),
            b'0'..=b'9' => {
                // A number (with its letters: `0x1F`, `1e5`, `2j`), never a name.
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
            }
            _ if b.is_ascii() && !(b == b'_' || b.is_ascii_alphabetic()) => i += 1,
            _ => {
                let Some(c) = code.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                if !is_name_start(c) {
                    i += c.len_utf8();
                    continue;
                }
                let start = i;
                i = code
                    .get(start..)
                    .and_then(|rest| rest.char_indices().find(|&(_, c)| !is_name_char(c)))
                    .map_or(code.len(), |(off, _)| start + off);
                let word = code.get(start..i).unwrap_or_default();
                if matches!(bytes.get(i), Some(b'\'' | b'"')) && is_string_prefix(word) {
                    let kind = if word.bytes().any(|c| matches!(c | 0x20, b'f' | b't')) {
                        StringKind::Formatted
                    } else {
                        StringKind::Plain
                    };
                    i = skip_string(code, i, kind, &mut seen);
                } else {
                    seen.insert(word);
                }
            }
        }
    }
    let mut out: Vec<String> = seen.into_iter().map(str::to_string).collect();
    out.sort();
    out
}

/// The position of the next `\n` at or after `from` (or the end).
fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// Whether a string literal's text holds code (f-strings and t-strings do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StringKind {
    Plain,
    Formatted,
}

/// Skips the string literal whose opening quote is at `at`; returns the position after it. A
/// single-quoted string ends at its line's end if unterminated, so broken code after it is
/// still scanned. In an f-string (and an unterminated literal) every word of the text counts
/// as a name.
fn skip_string<'a>(
    code: &'a str,
    at: usize,
    kind: StringKind,
    seen: &mut FxHashSet<&'a str>,
) -> usize {
    let bytes = code.as_bytes();
    let quote = bytes[at];
    let triple = bytes.get(at + 1) == Some(&quote) && bytes.get(at + 2) == Some(&quote);
    let body_start = at + if triple { 3 } else { 1 };
    let mut i = body_start;
    // (end of the text, end of the literal, whether it was closed)
    let (body_end, end, closed) = loop {
        let Some(&c) = bytes.get(i) else {
            break (bytes.len(), bytes.len(), false);
        };
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == b'\n' && !triple {
            break (i, i, false);
        }
        if c == quote {
            if !triple {
                break (i, i + 1, true);
            }
            if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                break (i, i + 3, true);
            }
        }
        i += 1;
    };
    // An unterminated literal may be code a parser recovers as names: its words count too.
    if kind == StringKind::Formatted || !closed {
        let body = code.get(body_start..body_end.min(code.len())).unwrap_or("");
        for w in body.split(|c: char| !is_name_char(c)) {
            if w.chars().next().is_some_and(is_name_start) {
                seen.insert(w);
            }
        }
    }
    end.min(bytes.len())
}

/// The identifiers `code` uses: a superset of its free names (see [`scan_identifiers`];
/// linear in the length of `code`, which may be a 200 KB expression or a 2M-element list).
pub fn referenced_names(code: &str) -> Vec<String> {
    scan_identifiers(code)
}

impl ModuleContext {
    /// Indices into `definitions` of everything `names` need, transitively, in source order.
    /// Definitions named in `exclude` (the function being replaced) are left out. Only the
    /// definitions pulled in are parsed (for their own references), so this is cheap.
    pub fn required_definitions(&self, names: &[String], exclude: &[&str]) -> Vec<usize> {
        let mut by_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, (name, _)) in self.definitions.iter().enumerate() {
            by_name.entry(name.as_str()).or_default().push(i);
        }
        let mut chosen: FxHashSet<usize> = FxHashSet::default();
        let mut pending: Vec<String> = names.to_vec();
        let mut seen_names: FxHashSet<String> = FxHashSet::default();
        while let Some(name) = pending.pop() {
            if exclude.contains(&name.as_str()) || seen_names.contains(&name) {
                continue;
            }
            let indices = by_name.get(name.as_str()).cloned().unwrap_or_default();
            seen_names.insert(name);
            for i in indices {
                if chosen.insert(i) {
                    let refs = referenced_names(&self.definitions[i].1);
                    pending.extend(refs);
                }
            }
        }
        let mut out: Vec<usize> = chosen.into_iter().collect();
        out.sort_unstable();
        out
    }

    /// A module prelude for running `code` on its own: every top-level import, then the
    /// definitions `code` needs (transitively), in source order, minus those named in
    /// `exclude`.
    pub fn prelude_for(&self, code: &str, exclude: &[&str]) -> String {
        let needed = self.required_definitions(&referenced_names(code), exclude);
        let mut out = String::new();
        for import in &self.imports {
            out.push_str(import);
            out.push('\n');
        }
        for i in needed {
            if let Some((_, src)) = self.definitions.get(i) {
                out.push_str(src);
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::{parse_text, queries};
    use super::*;
    use streaming_iterator::StreamingIterator;
    use tree_sitter::QueryCursor;

    /// Distinct identifiers under `node`, sorted, by the `identifiers.scm` query: the reference
    /// [`scan_identifiers`] is tested against (it is slow on deep trees: a 200 KB `x+x+…` took
    /// 37 s).
    fn identifiers_in(cursor: &mut QueryCursor, node: Node, text: &str) -> Vec<String> {
        let q = &queries().identifiers;
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut caps = cursor.captures(q, node, &[] as &[u8]);
        while let Some((m, i)) = caps.next() {
            seen.insert(node_text(m.captures[*i].node, text));
        }
        let mut out: Vec<String> = seen.into_iter().map(str::to_string).collect();
        out.sort();
        out
    }

    #[test]
    fn imports_definitions_and_closure() {
        let code = "import os\nfrom typing import List as L\nif TYPE_CHECKING:\n    import x\nA = 1\nB, C = 2, A\ndef helper(x):\n    return x + B\nclass K:\n    pass\n@dec\ndef f(y):\n    return helper(y)\ndef unrelated():\n    return K\n";
        let tree = parse_text(code).expect("parse");
        let ctx = module_context(tree.root_node(), code);
        assert_eq!(
            ctx.imports,
            vec!["import os", "from typing import List as L"]
        );
        let names: Vec<&str> = ctx.definitions.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["A", "B", "C", "helper", "K", "f", "unrelated"]);
        let need = ctx.required_definitions(
            &referenced_names("def f(y):\n    return helper(y)\n"),
            &["f"],
        );
        let need: Vec<&str> = need
            .iter()
            .map(|&i| ctx.definitions[i].0.as_str())
            .collect();
        // helper -> B -> the `B, C = 2, A` line -> A.
        assert_eq!(need, vec!["A", "B", "C", "helper"]);
        let prelude = ctx.prelude_for("def f(y):\n    return helper(y)\n", &["f"]);
        assert!(prelude.starts_with("import os\nfrom typing import List as L\nA = 1\n"));
        assert!(!prelude.contains("class K"));
    }

    /// The direct reading agrees with `imports.scm` on every fixture.
    #[test]
    fn agrees_with_imports_query() {
        let mut texts = crate::spec::fixture_texts();
        texts.push("type X = int\nA: int = 1\nB = C = 2\n".to_string());
        let q = &queries().imports;
        let names = q.capture_names();
        for text in &texts {
            let tree = parse_text(text).expect("tree");
            let root = tree.root_node();
            let ctx = module_context(root, text);
            let mut imports = Vec::new();
            let mut defs = Vec::new();
            let mut cursor = QueryCursor::new();
            let mut matches = cursor.matches(q, root, text.as_bytes());
            while let Some(m) = matches.next() {
                let mut name = None;
                let mut def = None;
                for cap in m.captures {
                    match names[cap.index as usize] {
                        "import" => imports.push(node_text(cap.node, text).to_string()),
                        "name" => name = Some(node_text(cap.node, text).to_string()),
                        _ => def = Some(node_text(cap.node, text).to_string()),
                    }
                }
                if let (Some(n), Some(d)) = (name, def) {
                    defs.push((n, d));
                }
            }
            assert_eq!(ctx.imports, imports);
            let mut ours = ctx.definitions.clone();
            ours.sort();
            defs.sort();
            defs.dedup();
            assert_eq!(ours, defs);
        }
    }

    /// The scan finds every identifier the `identifiers.scm` query finds, on the fixtures and
    /// on tricky snippets (strings, f-strings, comments, numbers, non-ASCII names).
    #[test]
    fn scan_is_a_superset_of_the_identifier_query() {
        let mut texts = crate::spec::fixture_texts();
        texts.extend(
            [
                r#"x = f'{a + b!r:>{width}}' + rb'\'' + "c"  # d
e"#,
                r#"s = '''multi
line {g}''' ; h(i=1e5, j=0x1F, k=1.5j)"#,
                r#"ünï = größe.ä_b ; print(r"\"" , F"{über}")"#,
                "def f(x):\n    return [y for y in x if y is not None]\n",
                "broken = 'unterminated\nafter_error = 1",
                "match cmd:\n    case [Point(x=0)]: pass\n",
            ]
            .map(str::to_string),
        );
        for text in &texts {
            let tree = parse_text(text).expect("tree");
            let reference = identifiers_in(&mut QueryCursor::new(), tree.root_node(), text);
            let scanned: FxHashSet<String> = scan_identifiers(text).into_iter().collect();
            let missing: Vec<&String> =
                reference.iter().filter(|n| !scanned.contains(*n)).collect();
            assert!(missing.is_empty(), "missing {missing:?} in {text:.200}");
        }
        assert_eq!(
            referenced_names("'not_a_name' # nor_this\nyes(1e5, 'x')"),
            vec!["yes"]
        );
    }

    /// Linear time on what made the query slow: a 200 KB `x+x+…` expression and a
    /// 2M-element list (37 s and 35 s / 870 MB before).
    #[test]
    fn scanning_huge_expressions_is_fast() {
        let expr = vec!["x"; 100_000].join("+");
        let list = format!(
            "[{}]",
            (0..2_000_000)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let t = std::time::Instant::now();
        assert_eq!(referenced_names(&expr), vec!["x"]);
        assert!(referenced_names(&list).is_empty());
        let took = t.elapsed();
        // Generous for unoptimized test builds; the release build takes milliseconds.
        assert!(took < std::time::Duration::from_secs(10), "{took:?}");
    }
}
