"""``--ascii``: no screen shows a character outside ASCII.

Checked twice: with Pilot over every screen of :mod:`tests.ui.journeys` (a run of
the app for each run of journeys), and in a real terminal (tmux) as a person
would run ``panel-tui --ascii``.
"""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Checkbox, RadioButton, Select
from textual.widgets._footer import FooterKey

from panel_tui.domain.store import Store
from panel_tui.ui.widgets.keys_footer import KeysFooter
from tests.ui.helpers import AppFactory, screen_text, small_session
from tests.ui.journeys import JOURNEYS, RUNS, Journey, begin, run_id, steps
from tests.ui.terminal import POLL_SECONDS, WAIT_SECONDS, Terminal, needs_tmux


def not_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order, once each."""
    return "".join(dict.fromkeys(c for c in text if ord(c) > 127))


@pytest.mark.parametrize("run", RUNS, ids=[run_id(run) for run in RUNS])
async def test_every_screen_is_plain_ascii(
    app_factory: AppFactory, store: Store, run: tuple[Journey, ...]
) -> None:
    app = app_factory(begin(run[0], store), ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for journey, keys in steps(run):
            await pilot.press(*keys)
            await pilot.pause()
            shown = screen_text(app)
            assert not_ascii(shown) == "", f"{journey.name}:\n{shown}"
            # Radio buttons and checkboxes out of sight (below a scroll) too.
            toggles = [*app.screen.query(RadioButton), *app.screen.query(Checkbox)]
            drawn = "".join(t.BUTTON_LEFT + t.BUTTON_INNER + t.BUTTON_RIGHT for t in toggles)
            assert not_ascii(drawn) == "", journey.name


async def test_an_open_drop_down_list_is_plain_ascii(app_factory: AppFactory) -> None:
    # Textual draws an open list's frame itself, with block characters.
    async with app_factory(None, ascii_only=True).run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter")  # the new-session form; its bank list opens
        await pilot.pause()
        assert pilot.app.screen.query_one(Select).expanded
        shown = screen_text(pilot.app)
        assert not_ascii(shown) == "", shown


async def test_switching_to_ascii_redraws_every_glyph(
    app_factory: AppFactory, store: Store
) -> None:
    session = small_session()
    store.save(session)
    app = app_factory(session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert not_ascii(screen_text(app)) != ""  # symbols and a scrollbar to start with
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert not_ascii(screen_text(app)) == "", screen_text(app)


#: Screens drawn with symbols of their own (the vote grid, the timer, radio
#: buttons and checkboxes, tables): each takes a change of mode while it shows.
SWITCHED = [
    j
    for j in JOURNEYS
    if j.name
    in {
        "new session form",
        "interview, votes shown",
        "decision",
        "export",
        "summary",
        "practice, rating shown",
    }
]


@pytest.mark.parametrize("journey", SWITCHED, ids=[j.name for j in SWITCHED])
async def test_switching_ascii_redraws_the_screen_showing_and_back_again(
    app_factory: AppFactory, store: Store, journey: Journey
) -> None:
    app = app_factory(begin(journey, store))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*journey.keys)
        await pilot.pause()
        symbols = not_ascii(screen_text(app))
        assert symbols != ""  # the screen draws symbols to start with
        # What Ctrl+A does (a box on top, such as the export, does not take the key).
        app.action_toggle_ascii()
        await pilot.pause()
        assert not_ascii(screen_text(app)) == "", screen_text(app)
        assert_keys_whole(app)  # ASCII draws some keys wider ("<- ->", "Bksp")
        app.action_toggle_ascii()
        await pilot.pause()
        assert not_ascii(screen_text(app)) == symbols
        assert_keys_whole(app)


def assert_keys_whole(app: App[Any]) -> None:
    """Every key in the footer shows whole at 80 columns, its words too.

    Found in practice at 80x24 in ASCII: "Ctrl+G Vote again" ran off the edge.
    """
    for footer in app.screen.query(KeysFooter):
        line = screen_text(app).splitlines()[-1]
        for key in footer.query(FooterKey):
            assert f"{key.key_display} {key.description}" in line, line


#: What a person does in the real app, and a text that shows each screen is up.
DEMO_WALK: list[tuple[tuple[str, ...], str]] = [
    ((), "Question 1 of 6"),
    (("1", "w"), "2 of 4 voted"),
    (("C-n",), "Note on Question 1"),
    (("Escape",), "No note added"),
    (("C-d",), "decision on"),
    (("Escape",), "decision was not changed"),
    (("C-r",), "Show the votes now?"),
    (("Escape",), "-Show the votes now?"),
    (("F1",), "Vote keys"),
    (("End",), "In a box on top of the screen"),
    (("Escape",), "-Help: every key"),
    (("C-p",), "Search for a command"),
    (("n", "o", "t", "e"), "Add a note"),
    (("Escape",), "-Add a note"),
    (("Escape",), "->  note"),
    (("C-s",), "Ranking"),
    (("e",), "Export"),
    (("Escape",), "F Finish"),
    (("f",), "Finish"),
]

HOME_WALK: list[tuple[tuple[str, ...], str]] = [
    ((), "New session"),
    (("n",), "Add member"),
    (("Tab",), "Title"),
    (("R", "o", "u", "n", "d"), "Round"),
    (("Tab", "S", "a", "m"), "Sam"),
    (("C-t",), "High contrast on"),
]


#: ``practice`` opens the form with the trainees from the sheet; Ctrl+S starts the round.
PRACTICE_WALK: list[tuple[tuple[str, ...], str]] = [
    ((), "New practice round"),
    (("C-s",), "Sample answer"),
    (("C-s",), "Calibration"),
]
TRAINEES = "name,role,seat\nAnn Lee,lived experience,1\nBen Cho,professional,2\n"


def _wait(terminal: Terminal, shows: str) -> str:
    """Wait for ``shows`` on screen, or with a leading ``-`` for it to go away."""
    if not shows.startswith("-"):
        return terminal.wait_for(shows)
    deadline, shown = time.monotonic() + WAIT_SECONDS, ""
    while time.monotonic() < deadline:
        shown = terminal.screen()
        if shows[1:] not in shown:
            return shown
        time.sleep(POLL_SECONDS)
    pytest.fail(f"{shows[1:]!r} never went away:\n{shown}")


def _walk(terminal: Terminal, command: str, walk: list[tuple[tuple[str, ...], str]]) -> None:
    terminal.start(command)
    for keys, shows in walk:
        for key in keys:  # one at a time, as typed: a burst can outrun a new screen's focus
            terminal.send(key)
            time.sleep(0.05)
        shown = _wait(terminal, shows)
        assert not_ascii(shown) == "", f"after {keys}:\n{shown}"
    terminal.send("C-q")


@needs_tmux
@pytest.mark.parametrize(
    ("start", "walk"),
    [
        ("demo", DEMO_WALK),
        ("", HOME_WALK),
        ("practice practice-support-worker --panel {panel}", PRACTICE_WALK),
    ],
    ids=["demo", "home", "practice"],
)
def test_a_terminal_run_in_ascii_shows_only_ascii(
    terminal: Terminal, tmp_path: Path, start: str, walk: list[tuple[tuple[str, ...], str]]
) -> None:
    data = shlex.quote(str(tmp_path / "sessions"))
    panel = tmp_path / "trainees.csv"
    panel.write_text(TRAINEES, encoding="utf-8")
    start = start.format(panel=shlex.quote(str(panel)))
    command = f"{shlex.quote(sys.executable)} -m panel_tui --ascii --data-dir {data} {start}"
    _walk(terminal, command, walk)
