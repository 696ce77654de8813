"""Each screen's ``.tcss`` styles that screen only.

Textual reads a screen's ``CSS_PATH`` into the app's one stylesheet, so a rule
such as ``#heading`` in one screen's file would style another screen's
``#heading`` too. Every rule in a file beside the screens therefore starts with
the type of a screen that loads it (``InterviewScreen #votes``), after at most
the app's mode classes (``.-ascii InterviewScreen #votes``). App-wide rules live
in ``ui/app.tcss`` and ``ui/widgets/widgets.tcss``.

And no rule anywhere uses a pseudo-class that turns off Textual's style cache.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from pathlib import Path, PurePath

import pytest
from textual.app import App
from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet

import panel_tui.ui.screens
from tests.ui.helpers import screen_classes

SCREENS = Path(panel_tui.ui.screens.__file__).parent


def _loaded_by() -> dict[Path, set[str]]:
    """Each ``.tcss`` file named in a screen's ``CSS_PATH``, with the screens naming it."""
    loaded: dict[Path, set[str]] = defaultdict(set)
    for screen in screen_classes():
        own = screen.__dict__.get("CSS_PATH")
        if own is not None:
            paths = [own] if isinstance(own, str | PurePath) else own
            for path in paths:
                file = (Path(inspect.getfile(screen)).parent / path).resolve()
                loaded[file].add(screen.__name__)
    return loaded


LOADED = _loaded_by()
FILES = sorted(SCREENS.glob("*.tcss"))
EVERY_FILE = sorted(SCREENS.parent.rglob("*.tcss"))


def test_every_style_file_beside_the_screens_is_loaded_by_a_screen() -> None:
    assert len(FILES) >= 5  # home, setup, interview, summary, help, dialogs
    assert {f.resolve() for f in FILES} == set(LOADED)


def _unscoped(path: Path, screens: set[str]) -> list[str]:
    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.read(path)
    sheet.parse()
    wrong = []
    for rule in sheet.rules:
        for selectors in rule.selector_set:
            parts = selectors.selectors
            at = next(
                (
                    n
                    for n, part in enumerate(parts)
                    if part.type is SelectorType.TYPE and part.name in screens
                ),
                None,
            )
            # Before the screen: only the app's mode classes, such as ``.-ascii``.
            if at is None or any(part.type is not SelectorType.CLASS for part in parts[:at]):
                wrong.append(selectors.css)
    return wrong


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_every_rule_is_scoped_to_its_screen(path: Path) -> None:
    screens = LOADED.get(path.resolve(), set())
    assert screens, f"{path.name} is loaded by no screen"
    assert _unscoped(path, screens) == []


def test_a_rule_outside_its_screen_is_found(tmp_path: Path) -> None:
    # The check itself: a bare id, another screen's type, and a mode class are caught.
    sheet = tmp_path / "leaky.tcss"
    sheet.write_text(
        "InterviewScreen #votes { height: 1; }\n"
        "#heading { padding: 1; }\n"
        "SummaryScreen #heading { padding: 1; }\n"
        ".-ascii InterviewScreen #sample { padding: 1; }\n"
        ".-ascii #sample { padding: 1; }\n"
        "Footer InterviewScreen { padding: 1; }\n",
        encoding="utf-8",
    )
    assert _unscoped(sheet, {"InterviewScreen"}) == [
        "#heading",
        "SummaryScreen #heading",
        ".-ascii #sample",
        "Footer InterviewScreen",
    ]


def _uncached(path: Path) -> list[tuple[str, set[str]]]:
    """The rules of ``path`` whose pseudo-class keeps Textual from caching styles, and those."""
    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.read(path)
    sheet.parse()
    return [
        (rule.selector_set[0].css, uncached)
        for rule in sheet.rules
        if (uncached := rule.pseudo_classes & Stylesheet._EXCLUDE_PSEUDO_CLASSES_FROM_CACHE)
    ]


@pytest.mark.parametrize("path", EVERY_FILE, ids=[f.name for f in EVERY_FILE])
def test_no_rule_turns_off_the_style_cache(path: Path) -> None:
    # One rule with ``:last-child`` or ``:odd`` (or ``:focus-within``) and Textual
    # works out every widget's style afresh on the screen that loads it, at every
    # change, and again after each is mounted: the new-session form had 79 such
    # widgets, each key there costing about a tenth more processor time (15 ms
    # against 13 ms, measured without a profiler). Name the widget by a class instead.
    assert _uncached(path) == []


def test_a_rule_that_turns_off_the_style_cache_is_found(tmp_path: Path) -> None:
    # Textual's own list, private: were it emptied or renamed, the test above would
    # check nothing, so this one fails instead.
    assert {"last-child", "odd"} <= Stylesheet._EXCLUDE_PSEUDO_CLASSES_FROM_CACHE
    sheet = tmp_path / "ordered.tcss"
    sheet.write_text(
        "SetupSessionScreen .row-fields > *:last-child { margin-right: 0; }\n"
        "SetupSessionScreen .row-fields > .remove { margin-right: 0; }\n"
        "SetupSessionScreen ListItem:odd { padding: 1; }\n",
        encoding="utf-8",
    )
    assert _uncached(sheet) == [
        ("SetupSessionScreen .row-fields > *", {"last-child"}),
        ("SetupSessionScreen ListItem:odd", {"odd"}),
    ]
