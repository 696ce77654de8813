"""What the voice says after each change to the votes, when questions are read aloud.

A member who cannot see the screen hears that the vote went in and, while the
votes are sealed, how many have voted. Never how anyone voted, even once shown:
the candidate may be in the room and hear the voice, though the screen faces
the panel.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from panel_tui.domain.interview import NOTE_OFFER, Interview
from panel_tui.domain.interview_outcomes import NeedsConfirmation, Recorded
from panel_tui.domain.models import Session
from tests.domain.builders import two_by_two
from tests.domain.interviews import MakeInterview, Vote, make
from tests.domain.practice import practice

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py

UP = ("c1", "q1", "m1", "up")
SHOWN = [UP, ("c1", "q1", "m2", "up"), ("c1", "q1", "m3", "down")]


def answered(asked: object) -> object:
    """The outcome once a question to the chair is answered yes."""
    return asked.then() if isinstance(asked, NeedsConfirmation) else asked


@pytest.mark.parametrize(
    ("before", "request_", "said"),
    [
        # A sealed vote: whose went in and how many have voted.
        ([], lambda i: i.cast("m2", "down"), "Vote recorded for Seat 2, Member 2. 1 of 3 voted."),
        # The same key again, or another value, says the member voted again:
        # alike, so the words never tell how the sealed vote went.
        (
            [UP],
            lambda i: i.cast("m1", "up"),
            "Seat 1, Member 1 voted again: only their latest vote counts. 1 of 3 voted.",
        ),
        (
            [UP],
            lambda i: i.cast("m1", "down"),
            "Seat 1, Member 1 voted again: only their latest vote counts. 1 of 3 voted.",
        ),
        # So does an abstention.
        (
            [UP],
            lambda i: i.cast("m2", "abstain"),
            "Vote recorded for Seat 2, Member 2. 2 of 3 voted.",
        ),
        # The last vote shows them all: said, but not the tally nor that some are low;
        # the offer of a note, on screen, is said too (found by a blind panel member).
        (
            [UP, ("c1", "q1", "m2", "middle")],
            lambda i: i.cast("m3", "down"),
            f"Everyone has voted: the votes are shown. {NOTE_OFFER}",
        ),
        # A change once shown (asked first) says whose, not what.
        (SHOWN, lambda i: answered(i.cast("m1", "middle")), "Vote changed for Seat 1, Member 1."),
        # A late first vote once the chair showed them: whose, not what.
        (
            [UP, ("c1", "q1", "m2", "up")],
            lambda i: (answered(i.reveal()), i.cast("m3", "down"))[1],
            "Vote recorded for Seat 3, Member 3.",
        ),
        # An undo while sealed: whose, and how many votes stand now.
        ([UP], lambda i: i.undo(), "Undone: the last vote of Seat 1, Member 1. 0 of 3 voted."),
        # An undo once shown (asked first): whose.
        (SHOWN, lambda i: answered(i.undo()), "Undone: the last vote of Seat 3, Member 3."),
        # The chair shows the votes early.
        ([UP], lambda i: answered(i.reveal()), "The chair showed the votes."),
        (
            [UP, ("c1", "q1", "m2", "down")],
            lambda i: answered(i.reveal()),
            f"The chair showed the votes. {NOTE_OFFER}",
        ),
    ],
)
def test_what_the_voice_says_after_a_change(
    make: MakeInterview,
    before: list[Vote],
    request_: Callable[[Interview], object],
    said: str,
) -> None:
    outcome = request_(make(before))
    assert isinstance(outcome, Recorded)
    assert outcome.spoken == said
    assert not re.search(r"<|\b(up|middle|down|abstain|split|concern)\b", said, re.IGNORECASE)


def test_a_new_practice_round_is_said_with_its_votes_sealed_again(make: MakeInterview) -> None:
    interview = make(
        [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")], session=practice(["up"], ["A", "B"])
    )
    outcome = interview.new_round()
    assert isinstance(outcome, Recorded)
    assert outcome.spoken == (
        "Round 2: everyone votes on this answer again, sealed as before. "
        "Round 1 is kept for the report. Backspace takes this round back until someone "
        "votes in it or its votes are shown. 0 of 2 voted."
    )


ONE_VOTER = two_by_two("LO")  # m1 votes; m2 observes


@pytest.mark.parametrize(
    ("session", "before", "request_", "said"),
    [
        # One voting member: the votes show as they vote, and the offer would say
        # how (found by a review: a late vote already kept it unsaid for that reason).
        (ONE_VOTER, [], lambda i: i.cast("m1", "down"), "Everyone has voted: the votes are shown."),
        (
            ONE_VOTER,
            [],
            lambda i: i.cast("m1", "middle"),
            "Everyone has voted: the votes are shown.",
        ),
        # One vote counted, the others abstentions: the offer would tell that one.
        (
            None,
            [("c1", "q1", "m1", "abstain"), ("c1", "q1", "m2", "abstain")],
            lambda i: i.cast("m3", "down"),
            "Everyone has voted: the votes are shown.",
        ),
        # The chair shows one vote early.
        (
            None,
            [("c1", "q1", "m1", "down")],
            lambda i: answered(i.reveal()),
            "The chair showed the votes.",
        ),
        # Two votes counted: the offer names no one's.
        (
            None,
            [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")],
            lambda i: answered(i.reveal()),
            f"The chair showed the votes. {NOTE_OFFER}",
        ),
    ],
)
def test_the_offer_of_a_note_is_not_said_when_it_would_tell_how_one_member_voted(
    make: MakeInterview,
    session: Session | None,
    before: list[Vote],
    request_: Callable[[Interview], object],
    said: str,
) -> None:
    outcome = request_(make(before, session=session))
    assert isinstance(outcome, Recorded)
    assert outcome.spoken == said
    # Still on screen, for the chair.
    assert outcome.message is not None and outcome.message.endswith(NOTE_OFFER)
    assert outcome.offer_note
