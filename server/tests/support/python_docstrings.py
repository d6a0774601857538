"""Reference extraction with CPython's own ast, inspect and doctest modules.

Prints JSON: one entry per function with its qualified name, raw and cleaned docstring and the
doctest examples (as doctest parses the cleaned docstring).
"""

import ast
import doctest
import inspect
import json
import re
import sys


def examples(doc: str) -> list[dict]:
    out = []
    for ex in doctest.DocTestParser().get_examples(doc):
        want = re.sub(r"(?m)^<BLANKLINE>\s*?$", "", ex.want)
        directives = []
        for opts in doctest.DocTestParser._OPTION_DIRECTIVE_RE.findall(ex.source):
            directives.extend(opts.replace(",", " ").split())
        out.append(
            {
                "source": ex.source.rstrip("\n"),
                "want": want[:-1] if want.endswith("\n") else want,
                "exc_msg": ex.exc_msg.rstrip() if ex.exc_msg is not None else None,
                "directives": directives,
            }
        )
    return out


def walk(node: ast.AST, prefix: str, out: list[dict]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            qual = prefix + child.name
            raw = ast.get_docstring(child, clean=False)
            entry = {"qualified_name": qual, "raw": raw}
            if raw is not None:
                cleaned = inspect.cleandoc(raw)
                entry["cleaned"] = cleaned
                entry["examples"] = examples(cleaned)
            out.append(entry)
            walk(child, qual + ".<locals>.", out)
        elif isinstance(child, ast.ClassDef):
            walk(child, prefix + child.name + ".", out)
        else:
            walk(child, prefix, out)


def main() -> None:
    """One file: a JSON list. Several files: a JSON object by path (files that do not parse
    or that doctest cannot read are left out)."""
    if len(sys.argv) == 2:
        with open(sys.argv[1], "rb") as f:
            tree = ast.parse(f.read())
        out: list[dict] = []
        walk(tree, "", out)
        json.dump(out, sys.stdout)
        return
    by_file: dict[str, list[dict]] = {}
    for path in sys.argv[1:]:
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read())
            out = []
            walk(tree, "", out)
            by_file[path] = out
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
    json.dump(by_file, sys.stdout)


main()
