//! The module context: top-level imports and definitions, the names each definition refers
//! to, and the transitive closure of definitions some code needs.

use super::parse::{parse_text, queries};
use super::signature::node_text;
use super::ModuleContext;
use rustc_hash::{FxHashMap, FxHashSet};
use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, QueryCursor};

/// Top-level imports and definitions of a parsed module. Imports nested in `if`/`try` blocks
/// (e.g. under `if TYPE_CHECKING:`) are not included.
pub fn module_context(root: Node, text: &str) -> ModuleContext {
    let q = &queries().imports;
    let names = q.capture_names();
    let mut cursor = QueryCursor::new();
    cursor.set_max_start_depth(Some(0));
    let mut imports = Vec::new();
    let mut defs: Vec<(String, Node)> = Vec::new();
    let mut matches = cursor.matches(q, root, &[] as &[u8]);
    while let Some(m) = matches.next() {
        let mut name = None;
        let mut def = None;
        for cap in m.captures {
            match names[cap.index as usize] {
                "import" => {
                    imports.push((cap.node.start_byte(), node_text(cap.node, text).to_string()))
                }
                "name" => name = Some(node_text(cap.node, text).to_string()),
                "definition" => def = Some(cap.node),
                _ => {}
            }
        }
        if let (Some(name), Some(def)) = (name, def) {
            defs.push((name, def));
        }
    }
    imports.sort_by_key(|i| i.0);
    imports.dedup();
    defs.sort_by_key(|(n, d)| (d.start_byte(), n.clone()));
    defs.dedup_by(|a, b| a.0 == b.0 && a.1.id() == b.1.id());
    let mut id_cursor = QueryCursor::new();
    let definition_refs = defs
        .iter()
        .map(|(_, node)| identifiers_in(&mut id_cursor, *node, text))
        .collect();
    ModuleContext {
        imports: imports.into_iter().map(|(_, s)| s).collect(),
        definitions: defs
            .iter()
            .map(|(n, d)| (n.clone(), node_text(*d, text).to_string()))
            .collect(),
        definition_refs,
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
    /// Definitions named in `exclude` (the function being replaced) are left out.
    pub fn required_definitions(&self, names: &[String], exclude: &[&str]) -> Vec<usize> {
        let mut by_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, (name, _)) in self.definitions.iter().enumerate() {
            by_name.entry(name.as_str()).or_default().push(i);
        }
        let mut chosen: FxHashSet<usize> = FxHashSet::default();
        let mut work: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut seen_names: FxHashSet<&str> = FxHashSet::default();
        while let Some(name) = work.pop() {
            if exclude.contains(&name) || !seen_names.insert(name) {
                continue;
            }
            for &i in by_name.get(name).map(Vec::as_slice).unwrap_or(&[]) {
                if chosen.insert(i) {
                    if let Some(refs) = self.definition_refs.get(i) {
                        work.extend(refs.iter().map(String::as_str));
                    }
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
}
