"""The interview's rule for showing the votes early, without a terminal: one table per
rule, a comment per case (split from test_interview.py, which holds the other vote rules)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panel_tui.domain.interview import NOTE_OFFER, Interview
from panel_tui.domain.interview_outcomes import Moved, NeedsConfirmation, Recorded, Refused
from tests.domain.interviews import SHOWN, MakeInterview, Vote, make

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py


@pytest.mark.parametrize(
    ("before", "question", "then"),
    [
        # Nobody has voted: all three voters are named (never the observer).
        (
            [],
            "Show the votes now? Not voted yet: Seat 1, Member 1; Seat 2, Member 2; "
            "Seat 3, Member 3.",
            Recorded("The chair showed the votes.", revealed_now=True),
        ),
        # Two have voted, one down: the note is offered once they show.
        (
            [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")],
            "Show the votes now? Not voted yet: Seat 3, Member 3.",
            Recorded(
                f"The chair showed the votes. Some are middle or down. {NOTE_OFFER}",
                revealed_now=True,
                offer_note=True,
            ),
        ),
    ],
)
def test_showing_the_votes_early_is_asked_first(
    make: MakeInterview, before: list[Vote], question: str, then: Recorded
) -> None:
    interview = make(before)
    asked = interview.reveal()
    assert isinstance(asked, NeedsConfirmation)
    assert (asked.question, asked.yes, asked.no, asked.declined) == (
        question,
        "Show them",
        "Not yet",
        None,
    )
    assert not interview.session.is_revealed("c1", "q1")
    assert asked.then() == then
    assert interview.session.is_revealed("c1", "q1")


def test_votes_already_shown_are_not_shown_again(make: MakeInterview) -> None:
    interview = make(SHOWN)
    assert interview.reveal() == Refused("The votes on this answer are already shown.")
    assert interview.session.reveals == []  # shown by the last vote, not by the chair


@pytest.mark.parametrize(
    "ask",
    [
        # A change to a shown vote confirmed after the chair moved on.
        lambda i: i.cast("m1", "down"),
        # An undo of a shown vote confirmed after the chair moved on.
        lambda i: i.undo(),
    ],
)
def test_a_change_confirmed_after_moving_on_is_saved_quietly(
    make: MakeInterview, ask: Callable[[Interview], object]
) -> None:
    interview = make(SHOWN)
    asked = ask(interview)
    assert isinstance(asked, NeedsConfirmation)
    assert isinstance(interview.moves.next_question(), Moved)
    written = len(interview.session.votes)
    assert asked.then() == Recorded(None)  # saved on c1/q1, not news on c1/q2
    assert len(interview.session.votes) == written + 1
    assert interview.session.votes[-1].question == "q1"


def test_the_early_reveal_confirmed_after_moving_on_is_saved_quietly(
    make: MakeInterview,
) -> None:
    interview = make()
    asked = interview.reveal()
    assert isinstance(asked, NeedsConfirmation)
    interview.moves.next_question()
    assert asked.then() == Recorded(None)
    assert interview.session.is_revealed("c1", "q1")
