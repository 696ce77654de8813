"""What the screen tests share: a small session, the demo session, a frozen clock, screen text,
and what the interview's tests read off the screen and the disk.

The session's names are chosen to look like Textual markup, so every test also
checks that text from people is shown literally.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot, _get_mouse_message_arguments
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

import panel_tui.ui.screens
from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Bank, Candidate, Member, Question, Session
from panel_tui.domain.sessions import DEMO_CANDIDATES, DEMO_PANEL
from panel_tui.domain.store import Store
from panel_tui.ui.app import PanelApp
from panel_tui.ui.widgets.vote_grid import VoteRow

#: What the frozen clock says; the timer never moves in tests.
FROZEN_CLOCK = 1000.0

CREATED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

#: Esc, then Close: a box that holds typing asks before it throws the typing away.
CLOSE_UNSAVED = ("escape", "left", "enter")

MARKUP_NAME = "[bold]x[/]"

CLICK_NAME = "[@click=app.quit]y"

BROKEN_MARKUP = "[/"


def small_session() -> Session:
    """Two questions, three voters (two with markup-like names), one observer, two candidates."""
    bank = Bank(
        id="test-bank",
        title="Test bank",
        questions=[
            Question(
                id="q1",
                text="Tell us about a time you [b]listened[/b] well.",
                look_for=["Gives a real example", "[red]Not[/red] a lecture"],
                time_guide_minutes=4,
            ),
            Question(
                id="q2",
                text="What would you do if someone said no?",
                weight=2,
                essential=True,
            ),
        ],
    )
    panel = [
        Member(id="m1", name=MARKUP_NAME, pronouns=BROKEN_MARKUP, role="lived_experience", seat=1),
        Member(id="m2", name=CLICK_NAME, role="lived_experience", seat=2),
        Member(id="m3", name="Dan Reilly", pronouns="he/him", role="professional", seat=3),
        Member(id="m4", name="Olu Ade", role="observer", seat=4),
    ]
    candidates = [
        Candidate(id="c1", code="C1", name="[red]Alex[/red]"),
        Candidate(id="c2", code="C2"),
    ]
    return Session(
        id="test-session",
        title="Test round",
        created=CREATED,
        bank=bank,
        panel=panel,
        candidates=candidates,
    )


def demo_like_session() -> Session:
    """The demo session with a fixed id and date, for snapshots that look like the real thing."""
    bank = load_bank(locations.shipped_banks_dir() / "support-worker.toml")
    return Session(
        id="demo-snapshot",
        title=f"Demo: {bank.title}",
        created=CREATED,
        bank=bank,
        panel=list(DEMO_PANEL),
        candidates=list(DEMO_CANDIDATES),
    )


AppFactory = Callable[..., PanelApp]


def screen_text(app: App[Any]) -> str:
    """What the terminal shows now, as plain text, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def screen_classes() -> list[type[Screen[Any]]]:
    """Every screen class of panel-tui, its modules imported first."""
    for module in pkgutil.iter_modules(panel_tui.ui.screens.__path__, "panel_tui.ui.screens."):
        importlib.import_module(module.name)
    found: list[type[Screen[Any]]] = []
    todo: list[type[Screen[Any]]] = [Screen]
    while todo:
        subclasses = todo.pop().__subclasses__()
        found += subclasses
        todo += subclasses
    return [s for s in found if s.__module__.startswith("panel_tui.")]


#: The interview tests' window: the smallest the product supports.
SIZE = (80, 24)


VOTE_WORDS = ("Up", "Middle", "Down", "Abstain")


def row_text(app: App[Any], seat: int) -> str:
    """What one member's vote cell shows."""
    row = app.screen.query_one(f"#seat-{seat}", VoteRow)
    return str(row.query_one(".state", Label).render())


def widget_text(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def scrolled_text(pilot: Pilot[None], pages: int = 6) -> str:
    """Everything a long screen shows, page by page (Page Down scrolls it)."""
    seen = [screen_text(pilot.app)]
    for _ in range(pages):
        await pilot.press("pagedown")
        seen.append(screen_text(pilot.app))
    return "\n".join(seen)


def broken_only_at_hyphens(shown: str, name: str) -> bool:
    """Whether each word of ``name`` is on the screen whole, or in pieces that each end
    at one of its hyphens (as a table's column wraps a long name), never cut mid-letter."""
    words = {word for line in shown.splitlines() for word in line.replace("|", " ").split()}

    def pieced(word: str) -> bool:
        # Whole, or a first piece up to one of its hyphens and the rest pieced alike.
        cuts = [m.end() for m in re.finditer("-", word[:-1])]
        return word in words or any(word[:cut] in words and pieced(word[cut:]) for cut in cuts)

    return all(pieced(word) for word in name.split())


def standing(store: Store, candidate: str, question: str) -> dict[str, str | None]:
    """The votes that count, as the store has them on disk."""
    session = store.load("test-session")
    return {m: v.value for m, v in session.current_votes(candidate, question).items()}


def assert_sealed(app: App[Any]) -> None:
    """No vote value shows anywhere but in the column headings."""
    lines = screen_text(app).splitlines()
    heading = next(i for i, line in enumerate(lines) if "Seat" in line and "Member" in line)
    below = "\n".join(lines[heading + 1 :])
    for word in VOTE_WORDS:
        assert word not in below, f"{word!r} shows while the votes are sealed:\n{below}"
    for symbol in "▲●▼–":
        assert symbol not in below
    assert not app.screen.query(".-chosen")


async def burst(pilot: Pilot[Any], *keys: str | events.Paste | Widget) -> None:
    """Send every key at once, as a terminal delivers a burst, then let the app finish.

    Besides key names, a paste (``events.Paste("text")``) or a widget, clicked
    (mouse down and up on it), may come between the keys.
    """
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for key in keys:
        sent: list[events.Event]
        if isinstance(key, str):
            sent = [events.Key(key, key if len(key) == 1 else None)]
        elif isinstance(key, events.Paste):
            sent = [key]
        else:
            where = _get_mouse_message_arguments(key, (1, 0), button=1)
            sent = [events.MouseDown(**where), events.MouseUp(**where)]
        for event in sent:
            event.set_sender(app)
            driver.send_message(event)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


#: How a test sends keys: :func:`burst` or :func:`press`.
Sender = Callable[..., Awaitable[None]]


async def export_from_summary(pilot: Pilot[Any], chosen: str) -> None:
    """From the interview: the summary (Ctrl+S), its Export box (E), one format
    (``md``, ``json``, ``all``...), then Export."""
    await pilot.press("ctrl+s", "e")
    assert await pilot.click(f"#format-{chosen}")
    assert await pilot.click("#export")


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Pilot's own key presses, one after another with no pause."""
    await pilot.press(*keys)


def recorded(store: Store, session: Session) -> list[tuple[str, str, str, str | None]]:
    """Every vote event on disk: candidate, question, member, value, in order."""
    on_disk = store.load(session.id)
    return [(v.candidate, v.question, v.member, v.value) for v in on_disk.votes]


def screen_names(app: App[Any]) -> list[str]:
    """The screens on the stack above the app's own blank one, bottom to top."""
    return [type(screen).__name__ for screen in app.screen_stack[1:]]


def current(store: Store, session: Session) -> dict[str, tuple[str, bool]]:
    """Each member's vote on the first answer, and whether it came after the reveal."""
    votes = store.load(session.id).current_votes("c1", "q1")
    return {m: (v.value, v.after_reveal) for m, v in votes.items() if v.value is not None}
