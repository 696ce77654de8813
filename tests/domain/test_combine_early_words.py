"""The joint summary's early reveals read as plain English, a change of vote and all."""

from __future__ import annotations

from datetime import timedelta

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.models import Reveal, Session, VoteValue
from tests.domain.builders import T0
from tests.domain.builders import session as build


def shown_when_one_had_voted() -> Session:
    """Three lived-experience members; the chair showed C1's votes once Seat 1 had voted up;
    then Seats 2 and 3 voted and Seat 1 changed to down."""
    made = build("LLL", [("c1", "q1", "m1", "up")])
    made = made.model_copy(
        update={
            "title": "Lived-experience panel",
            "reveals": [Reveal(candidate="c1", question="q1", at=T0 + timedelta(seconds=1))],
        }
    )
    steps: tuple[tuple[str, VoteValue], ...] = (("m2", "up"), ("m3", "middle"), ("m1", "down"))
    for member, value in steps:
        made = made.model_copy(
            update={"votes": [*made.votes, made.new_vote("c1", "q1", member, value)]}
        )
    return made


def staff_panel() -> Session:
    made = build("PP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up")])
    return made.model_copy(update={"id": "s2", "title": "Staff panel"})


def test_an_early_reveal_with_a_change_of_vote_reads_as_a_sentence() -> None:
    # Found by a tester: "...when 1 of 3 voting members had voted; 3 members, 1
    # changing their vote voted after."
    (said,) = combine_sessions(shown_when_one_had_voted(), staff_panel()).early_reveals
    assert said == (
        "Lived-experience panel, C1: Alex, Question 1 (Question q1?): the votes were shown "
        "when 1 of 3 voting members had voted, and 3 members (1 changed their vote) voted "
        "after that."
    )
