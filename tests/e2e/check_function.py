#!/usr/bin/env python3
"""Runs one function's examples from a Python file, in a fresh interpreter.

Usage: check_function.py FILE FUNCTION

Examples are the doctest lines of the function's docstring, `# FUNCTION(args) -> expected`
comment lines in it, and module-level `assert FUNCTION(...) == expected` statements. Only the
file's imports and that function's definition are executed (not the rest of the module, whose
other stubs or top-level asserts may fail), so the exit code says whether that function passes:
0 = every example passed (at least one ran), 1 = some failed or none ran, 2 = bad input.
"""

from __future__ import annotations

import ast
import doctest
import re
import sys
from dataclasses import dataclass


@dataclass
class Tally:
    """Examples run and failed."""

    attempted: int = 0
    failed: int = 0


def load(path: str, name: str) -> tuple[ast.Module, ast.FunctionDef, dict[str, object]]:
    """Parses the file and executes its imports and the named function's definition."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=path)
    keep: list[ast.stmt] = [
        n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))
    ]
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    if not defs:
        raise LookupError(f"no top-level function {name!r} in {path}")
    keep.append(defs[-1])
    namespace: dict[str, object] = {"__name__": "docsynth_check"}
    exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), namespace)  # noqa: S102
    return tree, defs[-1], namespace


def run_doctests(
    docstring: str, namespace: dict[str, object], name: str, path: str, tally: Tally
) -> None:
    """Runs the docstring's doctest lines."""
    test = doctest.DocTestParser().get_doctest(docstring, namespace, name, path, 0)
    result = doctest.DocTestRunner(verbose=False).run(test)
    tally.attempted += result.attempted
    tally.failed += result.failed


def run_comment_examples(
    docstring: str, namespace: dict[str, object], name: str, tally: Tally
) -> None:
    """Runs `# name(args) -> expected` lines."""
    pattern = re.compile(rf"^\s*#\s*({re.escape(name)}\(.*\))\s*->\s*(.+?)\s*$")
    for line in docstring.splitlines():
        match = pattern.match(line)
        if match is None:
            continue
        tally.attempted += 1
        call, expected = match.group(1), match.group(2)
        try:
            got = eval(call, namespace)
            ok = got == eval(expected, namespace)
        except Exception as err:  # noqa: BLE001 - any failure of the example counts
            got, ok = f"raised {err!r}", False
        if not ok:
            tally.failed += 1
            print(f"Failed example: {call} -> {expected}; got {got!r}")


def calls(node: ast.AST, name: str) -> bool:
    """True when the expression calls `name`."""
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name
        for n in ast.walk(node)
    )


def run_asserts(
    tree: ast.Module, namespace: dict[str, object], name: str, path: str, tally: Tally
) -> None:
    """Runs module-level `assert` statements that call the function."""
    for node in tree.body:
        if not (isinstance(node, ast.Assert) and calls(node.test, name)):
            continue
        tally.attempted += 1
        try:
            code = compile(ast.Module(body=[node], type_ignores=[]), path, "exec")
            exec(code, namespace)  # noqa: S102
        except Exception as err:  # noqa: BLE001 - any failure of the example counts
            tally.failed += 1
            print(f"Failed example (line {node.lineno}): {ast.unparse(node)}: {err!r}")


def main(argv: list[str]) -> int:
    """Entry point; returns the exit code."""
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, name = argv[1], argv[2]
    try:
        tree, func, namespace = load(path, name)
    except (OSError, SyntaxError, LookupError) as err:
        print(f"check_function: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # noqa: BLE001 - the definition itself failed to execute
        print(f"check_function: defining {name} failed: {err!r}", file=sys.stderr)
        return 1
    docstring = ast.get_docstring(func, clean=False) or ""
    tally = Tally()
    run_doctests(docstring, namespace, name, path, tally)
    run_comment_examples(docstring, namespace, name, tally)
    run_asserts(tree, namespace, name, path, tally)
    print(f"{name}: {tally.attempted - tally.failed}/{tally.attempted} examples pass")
    return 0 if tally.attempted > 0 and tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
