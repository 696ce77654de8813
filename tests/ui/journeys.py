"""Every screen of the app, reached by keys from a start, for checks over all screens.

Each journey starts the app on the small session (or on home when it opens no
session) and presses its keys; the screen it ends on is what is checked.

A journey whose keys carry on from another's is reached in the same run of the
app (:func:`runs`): the earlier screen is checked, then the rest of the keys are
pressed and the later one is checked, as a person would go on from one to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def carries_on(before: Journey, journey: Journey) -> bool:
    """``journey`` starts as ``before`` does and presses its keys, then more."""
    same_start = (before.opens_session, before.practice) == (
        journey.opens_session,
        journey.practice,
    )
    more = len(journey.keys) > len(before.keys)
    return same_start and more and journey.keys[: len(before.keys)] == before.keys


def runs(journeys: Sequence[Journey]) -> list[tuple[Journey, ...]]:
    """The journeys in runs of the app: each joins the run whose last journey it carries on from."""
    made: list[list[Journey]] = []
    for journey in journeys:
        run = next((run for run in made if carries_on(run[-1], journey)), None)
        if run is None:
            made.append([journey])
        else:
            run.append(journey)
    return [tuple(run) for run in made]


def steps(run: Sequence[Journey]) -> list[tuple[Journey, tuple[str, ...]]]:
    """Each journey of a run, with the keys that reach its screen from the one before."""
    pressed: tuple[str, ...] = ()
    made = []
    for journey in run:
        made.append((journey, journey.keys[len(pressed) :]))
        pressed = journey.keys
    return made


def run_id(run: Sequence[Journey]) -> str:
    """A run's test id: its journeys' names, in order."""
    return " > ".join(journey.name for journey in run)


#: Every journey, in runs of the app.
RUNS = runs(JOURNEYS)
