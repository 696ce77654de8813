"""Sessions voted on from a table and left as after a crash, for the salvage tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from panel_tui.domain.models import Session, VoteValue
from panel_tui.domain.store import Store
from tests.domain.builders import two_by_two
from tests.domain.helpers import crash

Vote = tuple[str, str, str, VoteValue | Literal["undo"] | None]
"""A vote as the tests give it: "undo" undoes the last on that answer."""


def votes_of(session: Session) -> list[Vote]:
    """The session's votes as the tests give them: (candidate, question, member, value)."""
    return [(v.candidate, v.question, v.member, v.value) for v in session.votes]


def standing(session: Session) -> dict[tuple[str, str, str], str]:
    """Each member's vote that stands on each answer: the latest event's value."""
    latest = {(v.candidate, v.question, v.member): v.value for v in session.votes}
    return {answer: value for answer, value in latest.items() if value is not None}


def voted(store: Store, votes: Sequence[Vote]) -> tuple[Path, Session]:
    """A session with ``votes`` recorded one change each, left as after a crash."""
    opened = store.create(two_by_two("LLP"))
    for candidate, question, member, value in votes:
        if value == "undo":
            opened.undo(candidate, question)
        else:
            opened.record_vote(candidate, question, member, value)
    return crash(opened), opened.session


THREE: list[Vote] = [
    ("c1", "q1", "m1", "up"),
    ("c1", "q1", "m2", "middle"),
    ("c1", "q2", "m1", "down"),
]
