#!/usr/bin/env python3
"""Runs one function's doctest examples from a Python file, in a fresh interpreter.

Usage: check_function.py FILE FUNCTION

Only the function's own definition is executed (not the rest of the module, whose other stubs or
top-level asserts may fail), so the exit code says whether that function passes its examples:
0 = every example passed (at least one ran), 1 = some failed or none ran, 2 = bad input.
"""

from __future__ import annotations

import ast
import doctest
import sys


def load_function(path: str, name: str) -> tuple[str, dict[str, object]]:
    """Executes the file's imports and the named function's definition; returns its docstring and namespace."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=path)
    keep: list[ast.stmt] = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    if not defs:
        raise LookupError(f"no top-level function {name!r} in {path}")
    keep.append(defs[-1])
    namespace: dict[str, object] = {"__name__": "docsynth_check"}
    exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), namespace)  # noqa: S102
    return ast.get_docstring(defs[-1], clean=False) or "", namespace


def main(argv: list[str]) -> int:
    """Entry point; returns the exit code."""
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, name = argv[1], argv[2]
    try:
        docstring, namespace = load_function(path, name)
    except (OSError, SyntaxError, LookupError) as err:
        print(f"check_function: {err}", file=sys.stderr)
        return 2
    test = doctest.DocTestParser().get_doctest(docstring, namespace, name, path, 0)
    runner = doctest.DocTestRunner(verbose=False)
    result = runner.run(test)
    print(f"{name}: {result.attempted - result.failed}/{result.attempted} examples pass")
    return 0 if result.attempted > 0 and result.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
