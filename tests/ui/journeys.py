"""Every screen of the app, reached by keys from a start, for checks over all screens.

Each journey starts the app on the small session (or on home when it opens no
session) and presses its keys; the screen it ends on is what is checked.
"""

from __future__ import annotations

from typing import NamedTuple

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.sessions import practice_session
from panel_tui.domain.store import Store
from tests.ui.helpers import small_session


class Journey(NamedTuple):
    """A screen, whether it starts in a session (else home) and the keys that reach it."""

    name: str
    opens_session: bool
    keys: tuple[str, ...]
    practice: bool = False


def begin(journey: Journey, store: Store) -> str | None:
    """Save the journey's session in ``store``; the id to open, or ``None`` for home."""
    if journey.practice:
        bank = load_bank(locations.shipped_banks_dir() / "practice-support-worker.toml")
        session = practice_session(bank)
    else:
        session = small_session()
    store.save(session)
    return session.id if journey.opens_session else None


JOURNEYS = (
    Journey("home", False, ()),
    Journey("new session form", False, ("n",)),
    Journey("new session form, typed in", False, ("n", *"Round one", "tab", *"Sam", "tab")),
    Journey("new session form, problems", False, ("n", "ctrl+s")),
    Journey("interview", True, ()),
    Journey("interview, votes shown", True, ("1", "w", "d")),
    Journey("show the votes question", True, ("1", "ctrl+r")),
    # A second note, so the box lists the first above the field.
    Journey("note", True, ("ctrl+n", *"slow start", "enter", "ctrl+n", *"warmer")),
    Journey("decision", True, ("ctrl+d",)),
    Journey("summary", True, ("1", "w", "d", "ctrl+s")),
    Journey("export", True, ("ctrl+s", "e")),
    Journey("finish question", True, ("ctrl+s", "f")),
    Journey("payment notes", True, ("ctrl+s", "p")),
    Journey("help", True, ("f1",)),
    Journey("help, scrolled", True, ("f1", "pagedown")),
    Journey("command palette", True, ("ctrl+p",)),
    Journey("command palette, searching", True, ("ctrl+p", *"note")),
    Journey("a notice", True, ("ctrl+t",)),
    Journey("practice, sample answer", True, (), practice=True),
    Journey("practice, rating shown", True, ("1", "w", "e", "r"), practice=True),
)
