"""The home screen on its own in a small App, and how the tests drive its new-session form.

``HomeApp`` pushes ``HomeScreen`` and records ``SessionChosen`` messages, so the
tests do not depend on the real App. Each test gets its own sessions folder and
question_banks folder under ``tmp_path`` (relative paths, as the command line
gives them, so that snapshots do not show a temporary folder).

``workdir``, ``store`` and ``app`` are pytest fixtures: a module using them
imports them by name and lists them in ``__all__``, so that the import is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Candidate, Member, Session
from panel_tui.domain.sessions import new_session
from panel_tui.domain.store import Store
from panel_tui.ui.key_hold import TurnTakingApp
from panel_tui.ui.screens.home import HomeScreen
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from panel_tui.ui.widgets.home_rows import CandidateRow, MemberRow

TODAY = date(2026, 11, 23)
CREATED = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
SHIPPED = locations.shipped_banks_dir()
BANK = load_bank(SHIPPED / "support-worker.toml")
PRACTICE_BANK = load_bank(SHIPPED / "practice-support-worker.toml")


class HomeApp(TurnTakingApp[None]):
    """Just the home screen, recording the sessions chosen on it; keys wait their turn as in the app."""

    def __init__(self, store: Store, bank_folders: list[tuple[Path, str]]) -> None:
        super().__init__()
        self.store = store
        self.bank_folders = bank_folders
        self.chosen: list[str] = []
        # Scrolling to a focused field animates; tests need not wait for it.
        self.animation_level = "none"
        #: Read by the form, as the real App offers it: no blinking in pictures.
        self.cursor_blink = False

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.store, self.bank_folders, today=TODAY))

    def on_home_screen_session_chosen(self, message: HomeScreen.SessionChosen) -> None:
        self.chosen.append(message.session_id)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """tmp_path as the working folder, with an empty question_banks folder in it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "question_banks").mkdir()
    yield tmp_path


@pytest.fixture
def store(workdir: Path) -> Store:
    """An empty sessions folder, named relative to the working folder."""
    return Store(Path("sessions"))


@pytest.fixture
def app(store: Store) -> HomeApp:
    """The small App over the store, with the shipped banks and the working folder's."""
    return HomeApp(store, [(SHIPPED, "shipped"), (Path("question_banks"), "yours")])


def stored(
    store: Store,
    title: str,
    *,
    finished: bool = False,
    candidates: list[Candidate] | None = None,
    session_id: str | None = None,
    day: int = 23,
) -> Session:
    """Save a session with a fixed date and id, as if made on that day."""
    panel = [
        Member(id="m1", name="Sam", role="lived_experience", seat=1),
        Member(id="m2", name="Dan", role="professional", seat=2),
    ]
    cands = candidates or [Candidate(id="c1", code="C1", name="Alex")]
    session = new_session(BANK, title, panel, cands).model_copy(
        update={
            "id": session_id or f"2026-11-{day}-support-worker-{len(title):06x}",
            "created": CREATED.replace(day=day),
            "finished": finished,
        }
    )
    store.save(session)
    return session


# -- driving the form ------------------------------------------------------------


async def choose(pilot: Pilot[Any], select: Select[Any], value: object) -> None:
    """Open a Select with the keyboard and pick the option holding ``value``."""
    values = [v for _, v in select._options]  # the blank prompt comes first
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*["down"] * values.index(value), "enter")
    await pilot.pause()
    assert select.value == value


async def type_into(pilot: Pilot[Any], field: Input, text: str) -> None:
    """Focus a field, clear it and type ``text`` key by key."""
    field.focus()
    await pilot.pause()
    field.clear()
    await pilot.press(*text)


def rows(app: App[Any], kind: type[MemberRow | CandidateRow]) -> list[Any]:
    """The member or candidate rows of the form, top to bottom."""
    return list(app.screen.query(kind))


async def fill_member(
    pilot: Pilot[Any], row: MemberRow, name: str, role: str, seat: str, pronouns: str = ""
) -> None:
    """Type a member's name (and pronouns), choose the role and type the seat."""
    await type_into(pilot, row.query_one("#name", Input), name)
    if pronouns:
        await type_into(pilot, row.query_one("#pronouns", Input), pronouns)
    await choose(pilot, row.query_one("#role", Select), role)
    await type_into(pilot, row.query_one("#seat", Input), seat)


async def open_form(pilot: Pilot[Any]) -> SetupSessionScreen:
    """Press N on the home screen; the new-session form it opens."""
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SetupSessionScreen)
    return screen


async def quick_valid_form(pilot: Pilot[Any]) -> SetupSessionScreen:
    """A form holding a valid session, filled by setting values (fast)."""
    screen = await open_form(pilot)
    screen.query_one("#bank", Select).value = str(SHIPPED / "support-worker.toml")
    await pilot.press("ctrl+n")
    await pilot.pause()
    first, second = rows(pilot.app, MemberRow)
    first.query_one("#name", Input).value = "Sam"
    first.query_one("#role", Select).value = "lived_experience"
    second.query_one("#name", Input).value = "Dan"
    second.query_one("#role", Select).value = "lived_experience"
    await pilot.pause()
    return screen


def shown(app: App[Any]) -> str:
    """Every visible message on the screen, as plain text."""
    messages = app.screen.query(".problem, .row-problem, #warnings").results(Static)
    return "\n".join(str(w.render()) for w in messages if w.display)


async def start(pilot: Pilot[Any]) -> None:
    """Press Ctrl+S: start the session, as the form's key does."""
    await pilot.press("ctrl+s")
    await pilot.pause()
