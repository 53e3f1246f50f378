"""Imports flow one way: cli -> tracker -> projections -> database, and
everything may use domain; nothing outside the tests imports them.

Read from the sources with ``ast`` (every import, at the top of a module or
inside a function), so a lazy import that goes upward fails here too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Each layer and the layers below it that it may import.
LAYERS = {
    "domain": set(),
    "database": {"domain"},
    "projections": {"database", "domain"},
    "tracker": {"projections", "database", "domain"},
    "cli": {"tracker", "projections", "database", "domain"},
    "bench": {"cli", "tracker", "projections", "database", "domain"},
}
# The bottom layer may use the domain's errors, which carry the exit codes.
ALLOWED = {("database", "domain.errors")}


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every absolute module name ``path`` imports, with its line."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def offences() -> list[str]:
    found = []
    for layer, below in LAYERS.items():
        for path in sorted((ROOT / layer).rglob("*.py")):
            for line, module in imports(path):
                top = module.split(".")[0]
                if top == layer or (layer, module) in ALLOWED:
                    continue
                if top == "tests" or (top in LAYERS and top not in below):
                    where = path.relative_to(ROOT)
                    found.append(f"{where}:{line} imports {module}")
    return found


def test_no_package_imports_upward_or_from_the_tests() -> None:
    assert offences() == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("def later():\n    from cli.main import main\n")
    assert list(imports(module)) == [(2, "cli.main")]
