"""What the line above the keys says when a member votes on an answer they voted on.

Found on the day: "Vote given again" was said for a sealed vote changed, which read as
the same vote twice. Sealed, the words are the same whether the value changed or not
(PRODUCT.md 5: the screen shows who has voted, not how), and true in both cases; once
the votes show, a change and the same vote are each said as what they are.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panel_tui.domain.interview import Interview
from panel_tui.domain.interview_outcomes import NeedsConfirmation, Recorded
from tests.domain.interviews import SHOWN, MakeInterview, Vote, make

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py

UP: Vote = ("c1", "q1", "m1", "up")
AGAIN = "Seat 1, Member 1 voted again: only their latest vote counts."


def answered(asked: object) -> object:
    """The outcome once a question to the chair is answered yes."""
    return asked.then() if isinstance(asked, NeedsConfirmation) else asked


@pytest.mark.parametrize(
    ("before", "request_", "said", "recorded"),
    [
        # A first vote, sealed: recorded.
        ([], lambda i: i.cast("m1", "up"), "Vote recorded for Seat 1, Member 1.", True),
        # Sealed, the same key again: nothing new to record, and said as "voted again"...
        ([UP], lambda i: i.cast("m1", "up"), AGAIN, False),
        # ...and so is a sealed change, in the same words, so they never tell how it went.
        ([UP], lambda i: i.cast("m1", "down"), AGAIN, True),
        # An abstention after a vote, sealed: the same again.
        ([UP], lambda i: i.cast("m1", "abstain"), AGAIN, True),
        # Shown, the same vote: nothing changed, said so with the vote.
        (
            SHOWN,
            lambda i: i.cast("m1", "up"),
            "Seat 1, Member 1 already voted <up>: nothing changed.",
            False,
        ),
        # Shown, a change (asked first): said to be a change.
        (
            SHOWN,
            lambda i: answered(i.cast("m3", "up")),
            "Vote changed for Seat 3, Member 3.",
            True,
        ),
    ],
)
def test_what_is_said_when_a_member_votes_again(
    make: MakeInterview,
    before: list[Vote],
    request_: Callable[[Interview], object],
    said: str,
    recorded: bool,
) -> None:
    interview = make(before)
    votes = len(interview.session.votes)
    outcome = request_(interview)
    assert isinstance(outcome, Recorded)
    assert outcome.message == said
    assert len(interview.session.votes) == votes + recorded  # true: recorded or not
