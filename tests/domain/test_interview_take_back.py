"""Backspace takes back a practice round nobody has voted in yet (a stray Ctrl+G)."""

from __future__ import annotations

import pytest

from panel_tui.domain.interview_outcomes import Recorded
from tests.domain.interviews import MakeInterview, Vote, make
from tests.domain.practice import practice

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py


@pytest.mark.parametrize(
    ("in_round_two", "expected", "round_after"),
    [
        # A stray Ctrl+G: nobody has voted in round 2, so Backspace takes it back and
        # round 1's votes count again, unasked (nothing is lost; found by a tester).
        (
            [],
            Recorded("Round 2 taken back: nobody had voted in it. Round 1's votes count again."),
            1,
        ),
        # Someone voted in round 2: Backspace undoes that vote, as ever (sealed, unasked).
        ([("p1", "q1", "m1", "down")], Recorded("Undone: the last vote of Seat 1, Ann."), 2),
    ],
)
def test_backspace_takes_back_a_round_nobody_voted_in(
    make: MakeInterview, in_round_two: list[Vote], expected: Recorded, round_after: int
) -> None:
    shown: list[Vote] = [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")]
    interview = make(shown, session=practice(["up"], ["Ann", "Ben"]))
    assert isinstance(interview.new_round(), Recorded)
    for vote in in_round_two:
        interview.opened.record_vote(*vote)
    answer = interview.undo()
    assert isinstance(answer, Recorded)
    assert answer.message == expected.message
    assert interview.session.round_of("p1", "q1") == round_after
    if round_after == 1:  # round 1's votes are the answer's again, shown as before
        votes = interview.session.current_votes("p1", "q1")
        assert {m: v.value for m, v in votes.items()} == {"m1": "up", "m2": "down"}
        assert interview.session.is_revealed("p1", "q1")
