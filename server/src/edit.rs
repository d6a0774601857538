//! The text edits that implement a function: its stub body replaced by a candidate body, and the
//! imports the body needs added once at the top of the module (after the module docstring and
//! the existing imports). Pure functions over byte offsets: the language server converts them to
//! LSP ranges, `docsynth synth --write` applies them to the file.

use crate::spec::Spec;

/// The file's line ending: `\r\n` when it uses one anywhere, else `\n`.
pub fn line_ending(source: &str) -> &'static str {
    if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// Replace `start..end` (UTF-8 byte offsets) with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByteEdit {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Replacement text.
    pub text: String,
}

/// The edits that replace `spec`'s stub body with `body` and add the missing `imports`.
/// Edits are returned in document order and never overlap.
pub fn implement(
    source: &str,
    spec: &Spec,
    body: &str,
    imports: &[String],
    eol: &str,
) -> Vec<ByteEdit> {
    let mut edits = Vec::new();
    if let Some(e) = import_edit(source, imports, eol) {
        edits.push(e);
    }
    edits.push(body_edit(source, spec, body, eol));
    edits.sort_by_key(|e| e.start);
    edits
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn line_start(s: &str, i: usize) -> usize {
    s[..i].rfind('\n').map_or(0, |p| p + 1)
}

fn leading_ws(line: &str) -> &str {
    let n = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..n]
}

use crate::text::dedent_lines as dedent;

/// The edit replacing the stub statements of `spec` with `body`.
pub fn body_edit(source: &str, spec: &Spec, body: &str, eol: &str) -> ByteEdit {
    let mut start = floor_boundary(source, spec.body_range.start_byte);
    let end = floor_boundary(source, spec.body_range.end_byte.max(start));
    let ls = line_start(source, start);
    let before = &source[ls..start];
    let def_start = floor_boundary(source, spec.def_range.start_byte);
    let def_line_start = line_start(source, def_start);
    let def_indent = leading_ws(&source[def_line_start..]).to_string();
    let on_own_line = before.trim().is_empty();
    let indent = if spec.body_indent.len() > def_indent.len() {
        spec.body_indent.clone()
    } else {
        format!("{def_indent}    ")
    };
    let lines = dedent(body);
    let mut text = String::new();
    if on_own_line {
        start = ls;
    } else {
        text.push_str(eol);
    }
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push_str(eol);
        }
        if !line.is_empty() {
            text.push_str(&indent);
            text.push_str(line);
        }
    }
    if lines.is_empty() {
        text.push_str(&indent);
        text.push_str("pass");
    }
    ByteEdit { start, end, text }
}

/// A top-level import statement of the module.
struct ModuleImport {
    text: String,
}

/// What the top of the module looks like.
struct ModuleTop {
    imports: Vec<ModuleImport>,
    /// Byte offset after the last import of the leading block, if any.
    after_last_import: Option<usize>,
    /// Byte offset after the module docstring, if any.
    after_docstring: Option<usize>,
    /// Byte offset of the first line after leading comments (shebang, license headers).
    after_comments: usize,
}

fn module_top(source: &str) -> ModuleTop {
    let mut top = ModuleTop {
        imports: Vec::new(),
        after_last_import: None,
        after_docstring: None,
        after_comments: 0,
    };
    let mut parser = tree_sitter::Parser::new();
    if parser
        .set_language(&tree_sitter_python::LANGUAGE.into())
        .is_err()
    {
        return top;
    }
    let Some(tree) = parser.parse(source, None) else {
        return top;
    };
    let root = tree.root_node();
    let mut cursor = root.walk();
    let mut leading = true;
    let mut first_statement = true;
    for child in root.named_children(&mut cursor) {
        let kind = child.kind();
        let text = source.get(child.byte_range()).unwrap_or("");
        match kind {
            "import_statement" | "import_from_statement" | "future_import_statement" => {
                top.imports.push(ModuleImport {
                    text: text.to_string(),
                });
                if leading {
                    top.after_last_import = Some(child.end_byte());
                }
                first_statement = false;
            }
            "comment" => {
                if leading && first_statement && top.after_docstring.is_none() {
                    let end = child.end_byte();
                    top.after_comments = source[end..]
                        .find('\n')
                        .map_or(source.len(), |p| end + p + 1);
                }
            }
            "expression_statement"
                if first_statement
                    && child.named_child_count() == 1
                    && child.named_child(0).is_some_and(|c| c.kind() == "string") =>
            {
                top.after_docstring = Some(child.end_byte());
                first_statement = false;
            }
            _ => {
                // A conditional import block (`try: import x`) still counts as leading.
                if kind != "try_statement" && kind != "if_statement" {
                    leading = false;
                }
                first_statement = false;
            }
        }
    }
    top
}

fn normalize(import: &str) -> String {
    import.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Names bound by `from M import a, b as c` (without parentheses), with M.
fn from_import(import: &str) -> Option<(String, Vec<String>)> {
    let norm = normalize(&import.replace(['(', ')'], " ").replace(',', " , "));
    let rest = norm.strip_prefix("from ")?;
    let (module, names) = rest.split_once(" import ")?;
    let names = names
        .split(',')
        .map(normalize)
        .filter(|n| !n.is_empty())
        .collect();
    Some((module.trim().to_string(), names))
}

fn already_imported(existing: &[ModuleImport], wanted: &str) -> bool {
    let want = normalize(wanted);
    if existing.iter().any(|e| normalize(&e.text) == want) {
        return true;
    }
    // `import a, b` covers `import a`.
    if let Some(m) = want.strip_prefix("import ") {
        if !m.contains(',') {
            return existing.iter().any(|e| {
                normalize(&e.text)
                    .strip_prefix("import ")
                    .is_some_and(|list| list.split(',').any(|x| x.trim() == m))
            });
        }
    }
    // `from m import a, b` covers `from m import a`.
    if let Some((module, names)) = from_import(&want) {
        return existing.iter().any(|e| {
            from_import(&e.text)
                .is_some_and(|(em, en)| em == module && names.iter().all(|n| en.contains(n)))
        });
    }
    false
}

/// The edit adding the `imports` not already in the module, or `None` when all are present.
pub fn import_edit(source: &str, imports: &[String], eol: &str) -> Option<ByteEdit> {
    let top = module_top(source);
    let mut missing: Vec<String> = Vec::new();
    for imp in imports {
        let line = imp.trim();
        if line.is_empty() || already_imported(&top.imports, line) {
            continue;
        }
        if !missing.iter().any(|m| normalize(m) == normalize(line)) {
            missing.push(line.to_string());
        }
    }
    if missing.is_empty() {
        return None;
    }
    let block = missing.join(eol);
    if let Some(at) = top.after_last_import {
        return Some(ByteEdit {
            start: at,
            end: at,
            text: format!("{eol}{block}"),
        });
    }
    if let Some(at) = top.after_docstring {
        return Some(ByteEdit {
            start: at,
            end: at,
            text: format!("{eol}{eol}{block}"),
        });
    }
    let at = top.after_comments.min(source.len());
    let rest = &source[at..];
    let sep = if rest.trim().is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n") {
        eol.to_string()
    } else {
        format!("{eol}{eol}")
    };
    Some(ByteEdit {
        start: at,
        end: at,
        text: format!("{block}{sep}"),
    })
}

/// Applies non-overlapping edits (in any order) to `source`.
pub fn apply(source: &str, edits: &[ByteEdit]) -> String {
    let mut sorted: Vec<&ByteEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.start));
    let mut out = source.to_string();
    for e in sorted {
        let s = floor_boundary(&out, e.start);
        let t = floor_boundary(&out, e.end.max(s));
        out.replace_range(s..t, &e.text);
    }
    out
}

/// An edit adding the example `call` → `expected` (Python sources) to `spec`, in the style of
/// its last example: a doctest line pair after the last doctest, a comment after the last
/// comment example (same arrow), or an assert after the last assert; otherwise a
/// `# call -> expected` comment above the `def`.
pub fn add_example(source: &str, spec: &Spec, call: &str, expected: &str, eol: &str) -> ByteEdit {
    use crate::spec::ExampleKind;
    let last = |kind: ExampleKind| spec.examples.iter().rfind(|e| e.kind == kind);
    let after = |end_byte: usize, text: String| {
        let at = floor_boundary(source, end_byte);
        // The end of the line the example ends on.
        let line_end = source[at..]
            .find(['\n', '\r'])
            .map_or(source.len(), |p| at + p);
        ByteEdit {
            start: line_end,
            end: line_end,
            text: format!("{eol}{text}"),
        }
    };
    let indent_of = |byte: usize| {
        let at = floor_boundary(source, byte);
        let ls = line_start(source, at);
        leading_ws(&source[ls..]).to_string()
    };
    if let Some(e) = last(ExampleKind::Doctest) {
        let indent = indent_of(e.range.start_byte);
        return after(
            e.range.end_byte,
            format!("{indent}>>> {call}{eol}{indent}{expected}"),
        );
    }
    if let Some(e) = last(ExampleKind::Comment) {
        let indent = indent_of(e.range.start_byte);
        let at = floor_boundary(source, e.range.start_byte);
        let end = floor_boundary(source, e.range.end_byte.max(at));
        let text = &source[at..end];
        let arrow = ["->", "=>", "=="]
            .into_iter()
            .find(|a| text.contains(a))
            .unwrap_or("->");
        let hash = if text.trim_start().starts_with('#') {
            "# "
        } else {
            ""
        };
        return after(
            e.range.end_byte,
            format!("{indent}{hash}{call} {arrow} {expected}"),
        );
    }
    if let Some(e) = last(ExampleKind::Assert) {
        let indent = indent_of(e.range.start_byte);
        return after(
            e.range.end_byte,
            format!("{indent}assert {call} == {expected}"),
        );
    }
    let at = line_start(source, floor_boundary(source, spec.def_range.start_byte));
    let indent = leading_ws(&source[at..]).to_string();
    ByteEdit {
        start: at,
        end: at,
        text: format!("{indent}# {call} -> {expected}{eol}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_go_after_docstring_and_existing_imports_without_duplicates() {
        let src = "\"\"\"Doc.\"\"\"\n\nimport os\n\n\ndef f():\n    pass\n";
        let e = import_edit(
            src,
            &["import re".into(), "import os".into(), "import re".into()],
            "\n",
        )
        .expect("edit");
        assert_eq!(
            apply(src, &[e]),
            "\"\"\"Doc.\"\"\"\n\nimport os\nimport re\n\n\ndef f():\n    pass\n"
        );
        let src2 = "\"\"\"Doc.\"\"\"\n\n\ndef f():\n    pass\n";
        let e2 = import_edit(src2, &["import re".into()], "\n").expect("edit");
        assert_eq!(
            apply(src2, &[e2]),
            "\"\"\"Doc.\"\"\"\n\nimport re\n\n\ndef f():\n    pass\n"
        );
        let src3 = "#!/usr/bin/env python3\ndef f():\n    pass\n";
        let e3 = import_edit(src3, &["import re".into()], "\n").expect("edit");
        assert_eq!(
            apply(src3, &[e3]),
            "#!/usr/bin/env python3\nimport re\n\ndef f():\n    pass\n"
        );
    }

    #[test]
    fn covered_imports_are_not_added() {
        let src = "import os, re\nfrom typing import List, Dict\n";
        assert!(import_edit(
            src,
            &["import re".into(), "from typing import Dict".into()],
            "\n"
        )
        .is_none());
        assert!(import_edit(src, &["from typing import Any".into()], "\n").is_some());
    }

    fn implemented(source: &str, name: &str, body: &str, imports: &[&str]) -> String {
        let specs = crate::spec::extract(source);
        let spec = specs
            .functions
            .iter()
            .find(|f| f.name == name)
            .expect("function found");
        let imports: Vec<String> = imports.iter().map(|s| s.to_string()).collect();
        apply(source, &implement(source, spec, body, &imports, "\n"))
    }

    #[test]
    fn stub_bodies_are_replaced_in_place() {
        let src = "\"\"\"Mod.\"\"\"\n\n\ndef f(s: str) -> str:\n    \"\"\"Doc.\n\n    >>> f('a')\n    'A'\n    \"\"\"\n    ...\n\n\ndef g():\n    pass\n";
        let out = implemented(
            src,
            "f",
            "    t = s.upper()\n    return t\n",
            &["import re"],
        );
        assert_eq!(
            out,
            "\"\"\"Mod.\"\"\"\n\nimport re\n\n\ndef f(s: str) -> str:\n    \"\"\"Doc.\n\n    >>> f('a')\n    'A'\n    \"\"\"\n    t = s.upper()\n    return t\n\n\ndef g():\n    pass\n"
        );
        let method = "class A:\n    def m(self, x):\n        # m(1) -> 2\n        raise NotImplementedError\n";
        assert_eq!(
            implemented(method, "m", "return x + 1", &[]),
            "class A:\n    def m(self, x):\n        # m(1) -> 2\n        return x + 1\n"
        );
        let docstring_only = "def h(x):\n    \"\"\"Doc.\"\"\"\n";
        assert_eq!(
            implemented(docstring_only, "h", "return x", &[]),
            "def h(x):\n    \"\"\"Doc.\"\"\"\n    return x\n"
        );
        let one_liner = "def k(x): ...\n";
        assert_eq!(
            implemented(one_liner, "k", "return x", &[]),
            "def k(x): \n    return x\n"
        );
    }

    #[test]
    fn dedent_strips_common_indent_and_blank_edges() {
        assert_eq!(dedent("\n    a = 1\n      b\n\n"), vec!["a = 1", "  b"]);
    }
}
