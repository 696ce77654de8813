"""What the voice says after each change to the votes, when questions are read aloud.

A member who cannot see the screen hears that the vote went in and how many have
voted (never how, while sealed), then the tally once the votes are shown. The
words are the screen's without its symbols: "middle", never "black circle".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panel_tui.domain.interview import NOTE_OFFER, Interview
from panel_tui.domain.interview_outcomes import NeedsConfirmation, Recorded
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
        # A sealed vote: whose went in and how many have voted, never how.
        ([], lambda i: i.cast("m2", "down"), "Vote recorded for Seat 2, Member 2. 1 of 3 voted."),
        # The same key again says the same.
        ([UP], lambda i: i.cast("m1", "up"), "Vote recorded for Seat 1, Member 1. 1 of 3 voted."),
        # The last vote shows them all: the tally in words, and the note offered.
        (
            [UP, ("c1", "q1", "m2", "middle")],
            lambda i: i.cast("m3", "up"),
            "Everyone has voted: the votes are shown. Some are middle or down. "
            f"{NOTE_OFFER} Votes shown: 2 up, 1 middle, 0 down, 0 abstain.",
        ),
        # A split is said as the screen says it.
        (
            [UP, ("c1", "q1", "m2", "down")],
            lambda i: i.cast("m3", "abstain"),
            "Everyone has voted: the votes are shown. Some are middle or down. "
            f"{NOTE_OFFER} Votes shown: 1 up, 0 middle, 1 down, 1 abstain. "
            "Split: both up and down, talk it through.",
        ),
        # A change once shown (asked first) names the new vote in words.
        (
            SHOWN,
            lambda i: answered(i.cast("m1", "middle")),
            f"Seat 1, Member 1 voted middle. {NOTE_OFFER} "
            "Votes shown: 1 up, 1 middle, 1 down, 0 abstain. "
            "Split: both up and down, talk it through.",
        ),
        # An undo while sealed: whose, and how many votes stand now.
        ([UP], lambda i: i.undo(), "Undone: the last vote of Seat 1, Member 1. 0 of 3 voted."),
        # The chair shows the votes early: the tally, and who has not voted.
        (
            [UP],
            lambda i: answered(i.reveal()),
            "The chair showed the votes. Votes shown: 1 up, 0 middle, 0 down, 0 abstain. "
            "2 not voted.",
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
    assert not any(symbol in said for symbol in "<>▲●▼–")


def test_a_new_practice_round_is_said_with_its_votes_sealed_again(make: MakeInterview) -> None:
    interview = make(
        [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")], session=practice(["up"], ["A", "B"])
    )
    outcome = interview.new_round()
    assert isinstance(outcome, Recorded)
    assert outcome.spoken == (
        "Round 2: everyone votes on this answer again, sealed as before. "
        "Round 1 is kept for the report. 0 of 2 voted."
    )
