"""The domain stays free of Textual, so it is tested without a terminal."""

import ast
from pathlib import Path

import panel_tui.domain

DOMAIN = Path(panel_tui.domain.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_domain_modules_do_not_import_textual_or_rich() -> None:
    modules = sorted(DOMAIN.rglob("*.py"))
    assert len(modules) >= 6  # models, text, banks, scoring, store, interchange...
    offenders = {
        str(p.relative_to(DOMAIN)): sorted(_imports(p) & {"textual", "rich"}) for p in modules
    }
    assert {k: v for k, v in offenders.items() if v} == {}
