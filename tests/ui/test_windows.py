"""Windows, as far as it can be shown here: the old console, the keys, a busy replace."""

from __future__ import annotations

import errno
import importlib
import os
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding

import panel_tui.ui
from panel_tui.domain.exports import FORMATS, MEMBER_SHEETS, file_name
from panel_tui.domain.exports.places import names_said
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.app import PanelApp
from panel_tui.ui.console import is_legacy_windows_console, legacy_console_advice, windows_sends
from panel_tui.ui.keys import VOTE_KEY_ROWS
from tests.exports.helpers import last_weeks_export
from tests.platforms import held_open
from tests.ui.helpers import SIZE, AppFactory, export_from_summary, row_text, widget_text


@pytest.mark.parametrize(
    ("platform", "environ", "legacy"),
    [
        ("win32", {}, True),  # cmd.exe or PowerShell in the old console (conhost)
        ("win32", {"PROMPT": "$P$G", "TERM": ""}, True),  # an empty mark is no mark
        ("win32", {"WT_SESSION": "c0ffee"}, False),  # Windows Terminal
        ("win32", {"TERM_PROGRAM": "vscode"}, False),  # VS Code's terminal
        ("win32", {"ConEmuANSI": "ON"}, False),  # ConEmu, Cmder
        ("win32", {"TERM": "xterm-256color"}, False),  # mintty, Git Bash
        ("linux", {}, False),  # any other system
        ("darwin", {}, False),
    ],
)
def test_the_old_windows_console_is_told_apart(
    platform: str, environ: dict[str, str], legacy: bool
) -> None:
    assert is_legacy_windows_console(platform, environ) is legacy


def test_the_advice_names_windows_terminal_and_ascii_only_when_it_helps() -> None:
    # The key that switches now, before the flag for a restart: the boxes go at once.
    assert legacy_console_advice(ascii_only=False).endswith(
        "Where you cannot use it, press Ctrl+A now for plain symbols (kept for next "
        "time), or start panel-tui with --ascii."
    )
    plain = legacy_console_advice(ascii_only=True)
    assert "Windows Terminal shows panel-tui properly" in plain and "--ascii" not in plain


@pytest.mark.parametrize(
    ("key", "sent"),
    [
        ("r", True),
        ("question_mark", True),
        ("f1", True),
        ("f11", False),  # Windows Terminal's full screen
        ("ctrl+r", True),
        ("ctrl+h", False),  # the same byte as Backspace
        ("ctrl+m", False),  # the same byte as Enter
        ("ctrl+v", False),  # Windows Terminal pastes
        ("ctrl+@", False),  # Ctrl pressed alone arrives so
        ("ctrl+left", False),  # differs from terminal to terminal
        ("ctrl+1", False),
        ("alt+x", False),
        ("pagedown", True),
        ("shift+tab", True),
    ],
)
def test_which_keys_windows_terminals_send(key: str, sent: bool) -> None:
    assert windows_sends(key) is sent


def _bindings() -> list[tuple[str, Binding]]:
    """Every binding a class of the app declares."""
    found = []
    package = panel_tui.ui
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        for owner in vars(module).values():
            if not isinstance(owner, type) or owner.__module__ != module.__name__:
                continue
            for binding in vars(owner).get("BINDINGS", []):
                if isinstance(binding, Binding):
                    found.append((f"{owner.__name__}.{binding.action}", binding))
    return found


def test_every_action_has_a_key_that_windows_terminals_send() -> None:
    bindings = _bindings()
    assert len(bindings) >= 20  # the screens were found
    without = [
        where
        for where, binding in bindings
        if not any(windows_sends(key.strip()) for key in binding.key.split(","))
    ]
    assert without == []
    # The vote keys are typed characters, one per seat and value.
    assert all(windows_sends(key) for row in VOTE_KEY_ROWS.values() for key in row)


async def test_the_old_console_is_told_once_to_use_windows_terminal(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id, legacy_console=True).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        app.action_home()
        app.open_session(session.id)
        await pilot.pause()
        told = [n for n in app._notifications if "Windows Terminal" in n.message]
        assert len(told) == 1 and "--ascii" in told[0].message
    async with app_factory(session.id, legacy_console=False).run_test(size=SIZE) as pilot:
        assert not [n for n in pilot.app._notifications if "Windows Terminal" in n.message]


async def test_a_replace_windows_keeps_busy_shows_no_vote_and_says_so(
    app_factory: AppFactory, store: Store, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (store.root / f"{session.id}.json").read_bytes()

    def busy(*args: object) -> int:
        error = PermissionError(errno.EACCES, "The process cannot access the file")
        error.winerror = 32  # type: ignore[attr-defined]
        raise error

    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        # A vote is appended to the session's journal: the write is held up.
        monkeypatch.setattr(os, "write", busy)
        monkeypatch.setattr(os, "replace", busy)
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        monkeypatch.undo()
        assert row_text(app, 1) == "… Waiting"
        assert "was not saved" in widget_text(app, "#hint")
        assert any("antivirus" in n.message for n in app._notifications)
    assert (store.root / f"{session.id}.json").read_bytes() == before
    assert store.load(session.id).votes == []


async def test_the_export_box_says_a_csv_held_open_is_open_in_another_program(
    app_factory: AppFactory, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: re-exporting while Excel held the CSV said "you do not have
    # permission", and HR asked IT about the folder's permissions.
    folder = tmp_path / "exports"
    folder.mkdir()
    csv = folder / file_name(session, "csv")
    csv.write_text("HR's copy, open in Excel")
    held_open(monkeypatch, csv)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "csv")
        await pilot.press("enter")  # Replace
        await pilot.pause()
        said = widget_text(app, "#exported")
    assert said == (
        f"Could not write {csv}: it is open in another program (a spreadsheet, perhaps). "
        "Close it there and export again."
    )
    assert csv.read_text() == "HR's copy, open in Excel"


async def test_every_format_writes_the_others_when_the_csv_is_held_open_and_says_so(
    app_factory: AppFactory, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: "Every format" stopped at the CSV Excel held, and said only that,
    # so HR thought the other files were written: none of those after it were.
    folder = tmp_path / "exports"
    folder.mkdir()
    plan = last_weeks_export(session, folder)
    csv = folder / file_name(session, "csv")
    held_open(monkeypatch, csv)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "all")
        await pilot.press("enter")  # Replace
        await pilot.pause()
        written, refused = widget_text(app, "#exported").splitlines()
    others = [path for _, path in plan.files if path != csv]
    assert all(path.read_text(encoding="utf-8") != "last week's" for path in others)
    assert csv.read_text() == "last week's"
    names = [file_name(session, name) for name in FORMATS if name != "csv"]
    assert written == (
        f"Exported to the folder {folder}, replacing what was there: {names_said(names)}, "
        f"and the member sheets in the folder {file_name(session, MEMBER_SHEETS)}"
    )
    assert refused == (
        f"Could not write {csv}: it is open in another program (a spreadsheet, perhaps). "
        "Close it there and export again. The other files were written. "
        f"The {csv.name} there now is from an earlier export: do not file it with the others."
    )
