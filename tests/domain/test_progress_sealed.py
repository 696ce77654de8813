"""A trainee's progress over rehearsals counts only votes the room has seen.

Votes stay sealed until everyone has voted or the chair shows them (PRODUCT.md
5); every figure but the json backup is of the session as the room may see it.
A rehearsal whose answers are still sealed must not lend its sealed votes to
the progress table of a later rehearsal's summary or sheets.
"""

from __future__ import annotations

from datetime import timedelta

from panel_tui.domain.calibration import progress
from tests.domain.builders import T0
from tests.domain.practice import practice

NAMES = ["Ann", "Bob"]


def test_sealed_votes_of_an_earlier_rehearsal_are_not_in_the_progress() -> None:
    # Bob voted on q1 of the first rehearsal; Ann never did, and nobody showed the votes.
    sealed = practice(["up"], NAMES, [("p1", "q1", "m2", "up")], session_id="first")
    # On the second rehearsal both voted, so the votes were shown.
    later = practice(
        ["up"],
        NAMES,
        [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")],
        session_id="second",
        created=T0 + timedelta(days=7),
    )
    assert [r.session for r in progress("Bob", [sealed, later])] == ["second"]
    # Once everyone has voted on the first, it counts.
    shown = sealed.model_copy(
        update={"votes": [*sealed.votes, *later.votes[:1]]}  # Ann's vote on q1 too
    )
    assert [(r.session, r.agreement) for r in progress("Bob", [shown, later])] == [
        ("first", 1.0),
        ("second", 0.0),
    ]
