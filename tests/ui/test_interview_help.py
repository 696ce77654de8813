"""Pilot tests of the interview's display settings, help, command palette and window size."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.app import PanelApp
from panel_tui.ui.passing_notices import RESETTLE_SECONDS
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from panel_tui.ui.screens.dialogs import ConfirmDialog, NoteDialog
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.home import HomeScreen
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.themes import HIGH_CONTRAST
from tests.ui.helpers import (
    CLOSE_UNSAVED,
    MARKUP_NAME,
    SIZE,
    AppFactory,
    broken_only_at_hyphens,
    row_text,
    screen_text,
)


async def test_ascii_mode_and_its_key(app_factory: AppFactory, session: Session) -> None:
    async with app_factory(session.id, ascii_only=True).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        await pilot.press("1", "w", "d")
        assert [row_text(app, s) for s in (1, 2, 3)] == ["+ Up", "o Middle", "- Down"]
        assert not any(ord(char) > 127 for char in screen_text(app)), screen_text(app)
        await pilot.press("ctrl+a")
        assert [row_text(app, s) for s in (1, 2, 3)] == ["▲ Up", "● Middle", "▼ Down"]


async def test_high_contrast_is_one_key_away(app_factory: AppFactory, session: Session) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+t")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.press("ctrl+t")
        assert app.theme != HIGH_CONTRAST.name


async def test_esc_with_no_box_open_says_where_to_go_then_closes_a_box(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)  # nowhere else: the chair stays here
        said = "Esc closes boxes; none is open. Ctrl+S shows the summary, Ctrl+Q quits."
        assert said in [line.strip() for line in screen_text(app).splitlines()]  # one line
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)  # a box still closes on Esc


async def test_help_lists_every_key(app_factory: AppFactory, session: Session) -> None:
    async with app_factory(session.id).run_test(size=(120, 200)) as pilot:
        app = pilot.app
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in (
            "Backspace or Ctrl+Z",
            "Ctrl+R",
            "Ctrl+N",
            "Ctrl+D",
            "Ctrl+S",
            "Page Down",
            "Ctrl+T",
            "Ctrl+A",
            "Ctrl+Q",
            "Esc or B",
        ):
            assert words in text, words
        # The vote keys of seat 9 and the names of the seated members.
        seat_nine = next(line for line in text.splitlines() if "(no one)" in line and " 9 " in line)
        assert seat_nine.split()[1:6] == ["9", "9", "O", "L", "."]
        assert MARKUP_NAME in text
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_an_observers_seat_shows_no_vote_keys_at_80x24(
    app_factory: AppFactory, session: Session, ascii_only: bool
) -> None:
    # Found by a tester: the help gave the observer's seat its keys ("4 R F V Olu Ade,
    # observer"), and pressing them was refused. It has none, as the help says.
    async with app_factory(session.id, ascii_only=ascii_only).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        lines = screen_text(pilot.app).splitlines()
    [observer] = [line for line in lines if "Olu Ade" in line]
    # The seat, no key under any vote, and why: the box's edges and the table's lines aside.
    said = [word for word in re.split(r"[\s|█]+", observer) if word]
    assert said == ["4", "Olu", "Ade,", "observer:", "no", "vote"]
    seat_nine = next(line for line in lines if "(no one)" in line and " 9 " in line)
    assert "9" in seat_nine and "." in seat_nine  # every seat still on the first screen


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_help_wraps_a_long_member_name_at_its_hyphens_at_80x24(
    app_factory: AppFactory, store: Store, session: Session, ascii_only: bool
) -> None:
    # Found by a tester: the help's member column folded a long name wherever the
    # column ended ("Cole-Montgomery-Fitzwillia" over "m (she/her)"). It now wraps as
    # the summary's grid does: at spaces, and a word too wide after its hyphens.
    name = "Dr Hannah Cole-Montgomery-Fitzwilliam"
    panel = list(session.panel)
    panel[2] = panel[2].model_copy(update={"name": name, "pronouns": "she/her"})
    store.save(session.model_copy(update={"panel": panel}), replace=True)
    async with app_factory(session.id, ascii_only=ascii_only).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(pilot.app)
    assert "Fitzwilliam" in text and broken_only_at_hyphens(text, name), text
    assert "(she/her)" in text.split()


async def test_help_in_ascii_mode_names_the_keys_without_arrows(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id, ascii_only=True).run_test(size=(120, 200)) as pilot:
        await pilot.press("f1")
        text = screen_text(pilot.app)
        assert "<-" in text and "->" in text  # previous and next question
        assert not {"←", "→", "▲", "▼", "●"} & set(text)


async def test_the_palette_offers_the_main_actions(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Show votes", "Undo last vote", "Add a note", "Record decision", "Summary"):
            assert title in titles
        assert {"Help", "High contrast", "ASCII symbols", "Quit"} <= set(titles)
        # none of Textual's own commands, worded for developers, is offered
        assert not {"Theme", "Keys", "Maximize", "Screenshot"} & set(titles)
        # Each names the keys the screen answers, as the help does.
        helps = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert helps["Undo last vote"].startswith("Backspace or Ctrl+Z: ")
        assert helps["Next candidate"].startswith("Page Down: ")
        assert helps["Quit"].startswith("Ctrl+Q: ")  # found by a tester: Quit alone named none
        await pilot.press("ctrl+s")
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert commands["Export"].help.startswith("E: ")
        commands["Back to the interview"].callback()
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


@pytest.mark.parametrize(
    "keys",
    [
        (),
        # Found by a tester: from the summary the app stopped with a traceback, as
        # the interview under it, closing, was asked what more it had to show.
        ("ctrl+s",),
        ("ctrl+s", "p"),  # the payment box, on the summary
        ("f1",),
    ],
)
async def test_the_palette_goes_back_to_the_sessions(
    app_factory: AppFactory, store: Store, session: Session, keys: tuple[str, ...]
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        await pilot.press(*keys)
        go_home = next(c for c in app.get_system_commands(app.screen) if c.title == "Sessions")
        go_home.callback()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.opened is None
        with store.open(session.id):  # the lock was let go
            pass


async def test_a_window_smaller_than_80_by_24_is_told_once(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        told = [n.message for n in pilot.app._notifications]
        assert sum("This window is 60 by 18" in m for m in told) == 1
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any("Window" in (n.title or "") for n in pilot.app._notifications)


async def test_a_window_made_smaller_still_is_told_its_new_size(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: 70 by 22, then 60 by 20, still read "This window is 70 by 22".
    async with app_factory(session.id).run_test(size=(70, 22)) as pilot:
        app = pilot.app

        def told() -> list[str]:
            return [n.message for n in app._notifications if n.title == "Window too small"]

        assert [m.split(".")[0] for m in told()] == ["This window is 70 by 22"]
        await pilot.resize_terminal(60, 20)
        await pilot.pause(RESETTLE_SECONDS + 0.3)
        assert [m.split(".")[0] for m in told()] == ["This window is 60 by 20"]  # in its place
        # Big enough: gone from over the seats' rows; too small again: said again.
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert told() == []
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert [m.split(".")[0] for m in told()] == ["This window is 60 by 20"]


async def test_an_error_showing_is_never_taken_away_with_the_windows_notice(
    app_factory: AppFactory, session: Session
) -> None:
    # The window's notice goes once the window fits, and a new size replaces the
    # old: never an error notice with it (a disk that refused a vote, say).
    async with app_factory(session.id).run_test(size=(70, 22)) as pilot:
        app = pilot.app
        app.notify("The disk is full, so the vote was not saved.", severity="error", timeout=15)
        await pilot.resize_terminal(60, 20)
        await pilot.pause(RESETTLE_SECONDS + 0.3)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert "The disk is full, so the vote was not saved." in [
            n.message for n in app._notifications
        ]


async def test_the_command_palette_shows_no_emoji(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"undo")
        for _ in range(50):  # the palette searches in the background
            await pilot.pause(0.1)
            text = screen_text(pilot.app)
            if "Undo last vote" in text:
                break
        assert "Undo last vote" in text  # the palette is open, with its results
        assert "🔎" not in text
        assert not any(ord(char) > 0x1F000 for char in text)  # nothing from the emoji planes


async def test_f1_shows_the_help_over_a_box_or_the_palette_and_escape_returns(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"warm", "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        box = pilot.app.screen
        assert isinstance(box, NoteDialog)
        assert box.query_one("#note", Input).value == "warm"
        # A question box too (a vote changed once shown asks first).
        await pilot.press(*CLOSE_UNSAVED, *"123", "a", "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        # The command palette: F1 closes it and shows the help, as choosing "Help"
        # does; Escape then goes back to the interview.
        await pilot.press("escape", "ctrl+p", "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, InterviewScreen)


async def test_question_mark_shows_the_help_over_a_box_but_is_typed_in_a_field(
    app_factory: AppFactory, session: Session
) -> None:
    # The line under every box says "F1 or ? shows every key".
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"why?")
        box = pilot.app.screen
        assert isinstance(box, NoteDialog)
        assert box.query_one("#note", Input).value == "why?"
        await pilot.press(*CLOSE_UNSAVED, "ctrl+d", "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, DecisionDialog)


async def test_the_settings_keys_work_over_a_box(app_factory: AppFactory, session: Session) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        # In the note box, with the note field taking the keys.
        await pilot.press("ctrl+n", *"ok", "ctrl+t")
        assert isinstance(app.screen, NoteDialog) and app.theme == HIGH_CONTRAST.name
        # In a box of choices: Ctrl+A switches to plain ASCII, and the box shows it.
        await pilot.press(*CLOSE_UNSAVED, "ctrl+d", "ctrl+a")
        assert isinstance(app.screen, DecisionDialog) and app.ascii_only
        assert not any(ord(char) > 127 for char in screen_text(app)), screen_text(app)
        await pilot.press("ctrl+e")
        assert app.read_aloud
        # In a field, Ctrl+A and Ctrl+E move to the start and the end, as anywhere.
        await pilot.press("escape", "ctrl+n", *"bc", "ctrl+a", "a", "ctrl+e", "d")
        note = app.screen
        assert isinstance(note, NoteDialog)
        assert note.query_one("#note", Input).value == "abcd"
        assert app.ascii_only and app.read_aloud


async def test_quitting_asks_first_while_a_box_holds_typing_not_saved(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a new user: Ctrl+Q in the note box quit at once and the note was lost.
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"slow start", "ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        assert "not saved yet. Quit anyway?" in screen_text(app)
        await pilot.press("escape")  # Go back: the note as typed
        box = app.screen
        assert isinstance(box, NoteDialog)
        assert box.query_one("#note", Input).value == "slow start"
        # An empty box, or the decision as it was, loses nothing: Ctrl+Q quits.
        await pilot.press(*CLOSE_UNSAVED, "ctrl+d", "ctrl+q")
        assert not app.is_running
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        # Enter starts on "Go back": Quit throws the note away (found by a tester).
        await pilot.press("ctrl+n", *"warm", "ctrl+q", "enter")
        assert app.is_running and isinstance(app.screen, NoteDialog)
        assert "Go back (Enter or Esc)" not in screen_text(app)
        await pilot.press("ctrl+q")
        assert "Go back (Enter or Esc)" in screen_text(app)
        await pilot.press("left", "enter")  # Quit
        assert not app.is_running


@pytest.mark.parametrize(
    ("where", "keys"),
    [
        # A rate typed in the payment box.
        ("session", ("ctrl+s", "p", "tab", *"15")),
        # A title typed in the new-session form (Enter chooses the first bank).
        ("home", ("n", "enter", "tab", *"Round two")),
        # A decision chosen, not yet saved.
        ("session", ("ctrl+d", "down", "enter")),
        # A folder typed in the export box.
        ("session", ("ctrl+s", "e", "tab", "tab", "tab", "tab", "end", *"/board")),
    ],
)
async def test_quitting_asks_first_from_each_box_that_holds_typing(
    app_factory: AppFactory, session: Session, where: str, keys: tuple[str, ...]
) -> None:
    app = app_factory(session.id if where == "session" else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        typed_in = app.screen
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert app.screen is typed_in and app.is_running


@pytest.mark.parametrize("size", [(60, 20), (40, 16), (79, 23)])
async def test_the_too_small_notice_reads_whole_in_the_window_it_is_about(
    app_factory: AppFactory, session: Session, size: tuple[int, int]
) -> None:
    # Found by a tester: at 60 by 20 the notice ran past the window's right edge
    # ("...or some keys and votes may b"), the one notice that must read whole there.
    async with app_factory(session.id).run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        shown = [line for line in screen_text(pilot.app).splitlines() if "▌" in line]
    words = " ".join(" ".join(line.split("▌", 1)[1].split()) for line in shown)
    assert f"This window is {size[0]} by {size[1]}." in words, shown
    assert "or some keys and votes may be hidden." in words, shown
