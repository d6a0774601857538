//! The module context: top-level imports and definitions, the names each definition refers
//! to, and the transitive closure of definitions some code needs.

use super::parse::{parse_text, queries};
use super::signature::node_text;
use super::ModuleContext;
use rustc_hash::{FxHashMap, FxHashSet};
use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, QueryCursor};

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

/// Distinct identifiers under `node`, sorted (attribute and keyword names included: a
/// superset of the free names, which only makes the closure larger, never wrong).
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

/// The identifiers `code` uses (parsed with tree-sitter; broken code gives what parses).
pub fn referenced_names(code: &str) -> Vec<String> {
    match parse_text(code) {
        Some(tree) => identifiers_in(&mut QueryCursor::new(), tree.root_node(), code),
        None => Vec::new(),
    }
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
    use super::*;

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
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spec");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .filter_map(|e| std::fs::read(e.path()).ok())
                    .filter_map(|b| crate::spec::decode_source(&b).ok().map(|s| s.into_owned()))
                    .collect()
            })
            .unwrap_or_default();
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
}
