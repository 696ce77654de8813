"""Sizes a reader can hold: no module over 400 lines, no class over 300.

Over the package and the tests alike. A module or class that grows past these
has taken on a second job, which wants a name and a file of its own.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "panel_tui"  # the source, even with a wheel installed
TESTS = Path(__file__).parent

MOST_MODULE_LINES = 400
MOST_CLASS_LINES = 300


def _modules() -> list[Path]:
    found = sorted([*PACKAGE.rglob("*.py"), *TESTS.rglob("*.py")])
    assert len(found) > 100  # the whole package and suite, not an empty folder
    return found


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def test_no_module_is_over_400_lines() -> None:
    lines = {_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}
    assert {name: n for name, n in lines.items() if n > MOST_MODULE_LINES} == {}


def test_no_class_is_over_300_lines() -> None:
    over = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MOST_CLASS_LINES:
                    over[f"{_name(path)}: {node.name}"] = size
    assert over == {}
