"""The domain stays free of Textual, so it is tested without a terminal."""

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import panel_tui.domain

DOMAIN = Path(panel_tui.domain.__file__).parent
DOMAIN_PATH = list(panel_tui.domain.__path__)


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
    assert len(modules) >= 6  # models, text, banks, scoring, store, importing...
    offenders = {
        str(p.relative_to(DOMAIN)): sorted(_imports(p) & {"textual", "rich"}) for p in modules
    }
    assert {k: v for k, v in offenders.items() if v} == {}


#: Imports every module of the domain in a fresh process and prints what got loaded.
PROBE = """
import importlib, json, pkgutil, sys
import panel_tui.domain as domain
names = [m.name for m in pkgutil.walk_packages(domain.__path__, "panel_tui.domain.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": names, "loaded": sorted(sys.modules)}))
"""


def test_importing_the_whole_domain_loads_no_textual_or_rich() -> None:
    # In a subprocess: this test process has loaded Textual for the screen tests,
    # and a dependency that pulls in rich (directly or not) shows only here.
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    found = json.loads(out)
    expected = [m.name for m in pkgutil.walk_packages(DOMAIN_PATH, "panel_tui.domain.")]
    assert found["imported"] == expected
    assert "panel_tui.domain.interview" in found["imported"]
    assert "panel_tui.domain.store.opened" in found["imported"]
    ui = [m for m in found["loaded"] if m.split(".")[0] in {"textual", "rich"}]
    assert ui == []


def test_the_probe_would_see_textual_if_the_domain_loaded_it() -> None:
    # The same probe, with Textual imported alongside, does see it: the check can fail.
    probe = PROBE.replace(
        "import panel_tui.domain as domain", "import textual.app, panel_tui.domain as domain"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert "textual" in json.loads(out)["loaded"]
