"""Audit claimcmp/ for the two code-shape rules of issue 11 (standard library only).

    python3 scripts/audit_code.py [ROOT]      (ROOT defaults to the claimcmp/ package beside
                                               this script; exit status 0 whatever it finds)

1. Long functions: every function and method (nested ones too), its length counted from the
   `def` line (decorators excluded) to its last line, blank lines and comments inside it
   included. Listed are those over 40 lines; the ones over 60 are marked.
2. Word lists in Python: a literal list, set, tuple or dict with more than five string
   entries, and a `"w1 w2 ...".split()` of more than five words. An entry is a string
   element, a nested tuple/list holding a string ("(\"ied\", \"y\")"), or a dict item whose
   key or value is a string and whose key and value are both constants (a dict built of
   computed values is a record, not a table). A literal inside a reported literal is not
   reported again. Not word lists: `__slots__` and `typing.Literal[...]` (names of Python's).

The loaders are not audited for word lists (their tables describe the data files, not the
language): claimcmp/lexicons.py and claimcmp/knowledge/lexicons.py (the cue and stance
lexicon), claimcmp/knowledge/resource_loader.py (the file registry: field names of each
format) and claimcmp/knowledge/resource_check.py (the overlay validator, which checks those
fields). Every other module is audited, the pipeline's included.

A literal that is code rather than vocabulary (a table of units, a parser's tag set) may stay
if the line it starts on or the first line of its statement, or the line above either,
carries the marker `audit: code` followed by the
reason; such lists are printed under "kept" and not counted.

Regex alternations of more than five words inside string constants are printed for
information ("regex"), not counted: a pattern is code, but a long alternation of words is
worth a look.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

LONG, TOO_LONG, MIN_ENTRIES = 40, 60, 6
LOADERS = frozenset({
    "lexicons.py",
    "knowledge/lexicons.py",
    "knowledge/resource_loader.py",
    "knowledge/resource_check.py",
})
MARKER = "audit: code"
_ALTERNATION = re.compile(r"\((?:\?:)?((?:[A-Za-z' \\-]+\|){5,}[A-Za-z' \\-]+)\)")


def functions(tree: ast.AST, prefix: str = ""):
    """(qualified name, first line, length) of every function, nested ones too."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = prefix + node.name
            yield name, node.lineno, node.end_lineno - node.lineno + 1
            yield from functions(node, name + ".")
        elif isinstance(node, ast.ClassDef):
            yield from functions(node, prefix + node.name + ".")
        else:
            yield from functions(node, prefix)


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _holds_str(node: ast.AST | None) -> bool:
    if node is None:
        return False
    if _is_str(node):
        return True
    return isinstance(node, (ast.Tuple, ast.List)) and any(_is_str(e) for e in node.elts)


def _constant(node: ast.AST | None) -> bool:
    """A constant, or a tuple/list/set of constants: a table value, not computed."""
    if isinstance(node, ast.Constant):
        return True
    return isinstance(node, (ast.Tuple, ast.List, ast.Set)) and all(isinstance(e, ast.Constant) for e in node.elts)


def entries(node: ast.AST) -> int:
    """String entries of a literal collection or of a `"...".split()` call (0 otherwise)."""
    if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
        return sum(_holds_str(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return sum((_holds_str(k) or _holds_str(v)) and _constant(k) and _constant(v)
                   for k, v in zip(node.keys, node.values))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and _is_str(node.func.value) and not node.args):
        return len(node.func.value.value.split())
    return 0


def _not_vocabulary(node: ast.AST) -> bool:
    """Names that are Python's, not the language's: `__slots__ = (...)` and `Literal[...]`."""
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == "__slots__" for t in node.targets)
    if isinstance(node, ast.Subscript):
        value = node.value
        return (isinstance(value, ast.Name) and value.id == "Literal") or (
            isinstance(value, ast.Attribute) and value.attr == "Literal")
    return False


def word_lists(tree: ast.AST):
    """(first line, first line of its statement, kind, entries) of each literal word list,
    outermost only."""
    found = []

    def visit(node: ast.AST, statement: int) -> None:
        if _not_vocabulary(node):
            return
        if isinstance(node, ast.stmt):
            statement = node.lineno
        n = entries(node)
        if n >= MIN_ENTRIES:
            kind = "split" if isinstance(node, ast.Call) else type(node).__name__
            found.append((node.lineno, statement, kind, n))
            return
        for child in ast.iter_child_nodes(node):
            visit(child, statement)

    visit(tree, 1)
    return found


def alternations(tree: ast.AST):
    for node in ast.walk(tree):
        if _is_str(node):
            for match in _ALTERNATION.finditer(node.value):
                yield node.lineno, match.group(1).count("|") + 1


def marked(lines: list[str], *starts: int) -> bool:
    """Does the marker stand on one of these lines or on the line above one?"""
    return any(MARKER in lines[i - 1] for start in starts for i in (start - 1, start) if 0 < i <= len(lines))


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "claimcmp"
    long_fns, lists, kept, regexes = [], [], [], []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(path))
        long_fns += [(length, name, rel, line) for name, line, length in functions(tree) if length > LONG]
        if rel in LOADERS:
            continue
        lines = source.splitlines()
        for line, statement, kind, n in word_lists(tree):
            (kept if marked(lines, line, statement) else lists).append((rel, line, kind, n))
        regexes += sorted((rel, line, n) for line, n in alternations(tree))

    print(f"Functions over {LONG} lines (* over {TOO_LONG}):")
    for length, name, rel, line in sorted(long_fns, reverse=True):
        print(f"  {'*' if length > TOO_LONG else ' '} {length:4d}  {name}  ({rel}:{line})")
    print(f"\nWord lists of more than {MIN_ENTRIES - 1} string entries outside the loaders:")
    for rel, line, kind, n in lists:
        print(f"    {rel}:{line}  {kind}, {n} entries")
    print(f"\nKept as code (marked '{MARKER}'):")
    for rel, line, kind, n in kept:
        print(f"    {rel}:{line}  {kind}, {n} entries")
    print(f"\nRegex alternations of more than five words (information, not counted):")
    for rel, line, n in regexes:
        print(f"    {rel}:{line}  {n} words")
    over_60 = sum(length > TOO_LONG for length, *_ in long_fns)
    print(f"\nfunctions over {LONG}: {len(long_fns)}; over {TOO_LONG}: {over_60}; "
          f"word lists: {len(lists)} ({sum(n for *_, n in lists)} entries); kept as code: {len(kept)}; "
          f"regex alternations: {len(regexes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
