//! Function signatures: parameters (with `/`, `*`, `*args`, `**kwargs`), return annotation and
//! decorators, read from tree-sitter nodes.

use super::{Param, ParamKind};
use tree_sitter::Node;

/// The source text of `node` (empty if the range is not valid in `src`).
pub fn node_text<'a>(node: Node, src: &'a str) -> &'a str {
    src.get(node.byte_range()).unwrap_or("")
}

/// Parameters of a `parameters` node, in order.
pub fn parameters(params: Node, src: &str) -> Vec<Param> {
    let mut out: Vec<Param> = Vec::new();
    let mut keyword_only = false;
    let mut cursor = params.walk();
    for child in params.named_children(&mut cursor) {
        let kind_here = |splat: Option<ParamKind>| {
            splat.unwrap_or(if keyword_only {
                ParamKind::KeywordOnly
            } else {
                ParamKind::PositionalOrKeyword
            })
        };
        match child.kind() {
            "positional_separator" => {
                for p in out.iter_mut() {
                    if p.kind == ParamKind::PositionalOrKeyword {
                        p.kind = ParamKind::PositionalOnly;
                    }
                }
            }
            "keyword_separator" => keyword_only = true,
            "identifier" | "tuple_pattern" => out.push(Param {
                name: node_text(child, src).to_string(),
                annotation: None,
                default: None,
                kind: kind_here(None),
            }),
            "list_splat_pattern" | "dictionary_splat_pattern" => {
                let (name, kind) = splat(child, src);
                keyword_only |= kind == ParamKind::VarPositional;
                out.push(Param {
                    name,
                    annotation: None,
                    default: None,
                    kind,
                });
            }
            "typed_parameter" => {
                let annotation = field_text(child, "type", src);
                let mut c2 = child.walk();
                let inner = child
                    .named_children(&mut c2)
                    .find(|n| n.kind() != "type" && n.kind() != "comment");
                let (name, kind) = match inner {
                    Some(n) if n.kind().ends_with("splat_pattern") => splat(n, src),
                    Some(n) => (node_text(n, src).to_string(), kind_here(None)),
                    None => (String::new(), kind_here(None)),
                };
                keyword_only |= kind == ParamKind::VarPositional;
                out.push(Param {
                    name,
                    annotation,
                    default: None,
                    kind,
                });
            }
            "default_parameter" | "typed_default_parameter" => out.push(Param {
                name: field_text(child, "name", src).unwrap_or_default(),
                annotation: field_text(child, "type", src),
                default: field_text(child, "value", src),
                kind: kind_here(None),
            }),
            _ => {}
        }
    }
    out
}

fn splat(node: Node, src: &str) -> (String, ParamKind) {
    let kind = if node.kind() == "dictionary_splat_pattern" {
        ParamKind::VarKeyword
    } else {
        ParamKind::VarPositional
    };
    let name = node_text(node, src)
        .trim_start_matches('*')
        .trim()
        .to_string();
    (name, kind)
}

/// The text of field `field` of `node`, if present.
pub fn field_text(node: Node, field: &str, src: &str) -> Option<String> {
    node.child_by_field_name(field)
        .map(|n| node_text(n, src).to_string())
}

/// Decorator texts (without `@`) of a `decorated_definition`.
pub fn decorators(decorated: Node, src: &str) -> Vec<String> {
    let mut cursor = decorated.walk();
    decorated
        .named_children(&mut cursor)
        .filter(|n| n.kind() == "decorator")
        .map(|n| node_text(n, src).trim_start_matches('@').trim().to_string())
        .collect()
}

/// True when the `function_definition` node is `async def`.
pub fn is_async(function: Node, src: &str) -> bool {
    node_text(function, src).starts_with("async")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::parse::parse_text;

    fn params_of(code: &str) -> Vec<Param> {
        let tree = parse_text(code).expect("parse");
        let root = tree.root_node();
        let f = root.named_child(0).expect("def");
        let p = f.child_by_field_name("parameters").expect("params");
        parameters(p, code)
    }

    #[test]
    fn all_parameter_kinds() {
        let ps = params_of("def f(a, b: int = 2, /, c=3, *args: str, d, e: float, **kw): pass\n");
        let summary: Vec<(String, ParamKind, Option<String>, Option<String>)> = ps
            .into_iter()
            .map(|p| (p.name, p.kind, p.annotation, p.default))
            .collect();
        use ParamKind::*;
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            summary,
            vec![
                ("a".into(), PositionalOnly, None, None),
                ("b".into(), PositionalOnly, s("int"), s("2")),
                ("c".into(), PositionalOrKeyword, None, s("3")),
                ("args".into(), VarPositional, s("str"), None),
                ("d".into(), KeywordOnly, None, None),
                ("e".into(), KeywordOnly, s("float"), None),
                ("kw".into(), VarKeyword, None, None),
            ]
        );
        let bare = params_of("def g(x, *, y=1): pass\n");
        assert_eq!(bare[1].kind, ParamKind::KeywordOnly);
    }
}
