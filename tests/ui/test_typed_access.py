"""Screens and widgets say what they need: typed access, no attribute looked up by name.

``getattr(self.app, "x", default)`` hides what a widget needs from the app and
from mypy; the display settings reach every screen one way, through
:class:`~panel_tui.ui.display_mode.DisplayMode`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from textual.widget import Widget

import panel_tui.ui
from panel_tui.ui.display_mode import DisplayMode
from tests.ui.helpers import screen_classes

UI = Path(panel_tui.ui.__file__).parent
#: Built-ins that reach an attribute by a name in a string.
BY_NAME = {"getattr", "hasattr", "setattr", "delattr"}
#: The app's display settings, which screens take from DisplayMode instead.
SETTINGS = {"ascii_only", "read_aloud", "theme"}


def _modules() -> list[Path]:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) >= 20  # the app, the screens, the widgets
    return modules


def _where(path: Path, node: ast.expr) -> str:
    return f"{path.relative_to(UI)}:{node.lineno}"


def test_no_attribute_is_reached_by_a_name_in_a_string() -> None:
    found = [
        _where(path, node)
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in BY_NAME
    ]
    assert found == []


def test_no_screen_or_widget_reads_the_display_settings_off_the_app() -> None:
    # ``self.app.ascii_only`` or ``self.panel_app.read_aloud``: each screen has
    # them itself (DisplayMode), and its widgets take them with data_bind.
    found = [
        _where(path, node)
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr in SETTINGS
        and isinstance(node.value, ast.Attribute)
        and node.value.attr in {"app", "panel_app"}
    ]
    assert found == []


def test_every_screen_mirrors_the_display_settings_before_it_composes() -> None:
    # DisplayMode sets the screen's settings in a Compose handler, which must run
    # before Widget's (which makes the widgets): it comes before Screen in the MRO.
    mirroring = [s for s in screen_classes() if issubclass(s, DisplayMode)]
    assert len(mirroring) >= 5  # interview, summary, help, the form, the form dialogs
    late = [s.__name__ for s in mirroring if s.__mro__.index(DisplayMode) > s.__mro__.index(Widget)]
    assert late == []
