"""The help (F1) and Ctrl+L name the keys of the screen they were opened from."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.app import App
from textual.widgets import Input

from panel_tui.domain.models import Session
from panel_tui.ui.display_app import DisplayApp
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.home import HomeScreen
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from tests.ui.helpers import AppFactory
from tests.ui.speaking import FakeSpeaker


def _help_lines(app: App[Any]) -> list[str]:
    """The help's own lines (not the screen under it), spaces run together."""
    assert isinstance(app.screen, HelpScreen)
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(app.screen._content())  # what the help shows
    return [" ".join(line.split()) for line in console.export_text().splitlines()]


def _has(lines: list[str], start: str) -> bool:
    return any(line.startswith(start) for line in lines)


async def test_the_help_on_home_lists_homes_letters_and_no_interview_keys(
    app_factory: AppFactory,
) -> None:
    async with app_factory().run_test(size=(120, 200)) as pilot:
        app = pilot.app
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        lines = _help_lines(app)
        for key in ("N ", "C ", "P ", "F "):
            assert _has(lines, key), (key, lines)
        assert not _has(lines, "Ctrl+N")  # the interview's note key does nothing here
        assert not _has(lines, "Ctrl+S")
        assert not any("Vote keys" in line for line in lines)  # C is not a vote here
        shown = app.screen
        assert isinstance(shown, HelpScreen)
        said = shown.spoken_text()
        assert "N: Start a new session." in said and "Ctrl+N" not in said


async def test_the_help_on_the_form_lists_its_keys_and_not_the_interviews(
    app_factory: AppFactory,
) -> None:
    async with app_factory().run_test(size=(120, 200)) as pilot:
        app = pilot.app
        await pilot.press("n")
        assert isinstance(app.screen, SetupSessionScreen)
        title = app.screen.query_one("#title", Input)
        title.focus()
        await pilot.press(*"abc", "ctrl+a", "X", "ctrl+e", "Y")
        assert title.value == "XabcY"  # a text box's own keys there
        assert isinstance(app, DisplayApp)
        assert not app.ascii_only and not app.read_aloud
        await pilot.press("f1")
        text = "\n".join(_help_lines(app))
        for words in ("Ctrl+S Start", "Ctrl+N Add", "Ctrl+O Add"):
            assert words in text, (words, text)
        assert "Add a note to this answer" not in text
        assert "Show the summary" not in text
        # In a text box Ctrl+A and Ctrl+E move to the start and the end, as in any,
        # where the help said only "switches it" (found by a tester).
        assert "Ctrl+A (out of a text box) switches it" in text, text
        assert "Ctrl+E (out of a text box) switches it" in text, text
        assert "Ctrl+T switches it" in text, text  # works in a box too
        await pilot.press("escape")
        assert isinstance(app.screen, SetupSessionScreen)


async def test_the_help_on_the_interview_still_lists_its_keys(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(120, 200)) as pilot:
        await pilot.press("f1")
        text = "\n".join(_help_lines(pilot.app))
        assert "Vote keys" in text and "During the interview" in text


async def test_ctrl_l_on_home_reads_the_letters(app_factory: AppFactory) -> None:
    speaker = FakeSpeaker()
    async with app_factory(speaker=speaker).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        said = "\n".join(speaker.said)
        for words in ("N new session", "C carry on", "P practice", "F finished"):
            assert words in said.replace(",", ""), (words, said)
