"""Practice rounds taken back: Backspace takes back a round nobody has voted in yet (a stray
Ctrl+G), and an answer's current round is the same whatever order its rounds are listed in."""

from __future__ import annotations

import pytest

from panel_tui.domain.interview_outcomes import Recorded, Refused
from panel_tui.domain.models import NewRound
from tests.domain.builders import T0
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


# Whatever order a file lists its rounds in, the answer's round is the highest one still
# standing; a take-back cancels the start of the round it names (found by a review: a
# hand-made file listing round 3 before round 2 had its round-3 votes refused).
@pytest.mark.parametrize(
    ("rounds", "current"),
    [
        ([(3, False), (2, False)], 3),  # listed out of order
        ([(2, False), (3, False), (3, True)], 2),  # round 3 taken back
        ([(3, True), (2, False), (3, False)], 2),  # the same, listed in another order
        ([(2, False), (2, True), (2, False)], 2),  # taken back, then started again
        ([(2, False), (2, True)], 1),  # back to round 1
    ],
)
def test_the_current_round_does_not_hang_on_the_order_rounds_are_listed_in(
    rounds: list[tuple[int, bool]], current: int
) -> None:
    listed = [
        NewRound(candidate="p1", question="q1", round=n, at=T0, taken_back=back)
        for n, back in rounds
    ]
    session = practice(["up"], ["Ann"]).model_copy(update={"rounds": listed})
    assert session.round_of("p1", "q1") == current


def test_a_file_listing_round_3_before_round_2_imports_with_its_round_3_votes() -> None:
    imported = practice(
        ["up"], ["Ann"], [("p1", "q1", "m1", "up", 3)], rounds=[("p1", "q1", 3), ("p1", "q1", 2)]
    )
    assert imported.round_of("p1", "q1") == 3


@pytest.mark.parametrize(
    ("shown_empty", "expected"),
    [
        # Found by a tester: round 2 shown with nobody voting (Ctrl+R, "Show them"), then
        # Backspace said only "There is no vote to undo on this answer", and round 1's
        # votes had stopped counting, unsaid. The round stays (its reveal names it, and a
        # round taken back is started again under the same number), so the words say why
        # and what to do.
        (
            True,
            "Round 2 was shown, so it stays and cannot be taken back. Nobody's vote stands "
            "in it, so round 1's votes no longer count for this answer. Ctrl+G starts "
            "round 3 to vote again.",
        ),
        # Found by a tester: a vote in round 2 and its undo; the round message had promised
        # "Backspace takes this round back until someone votes in it".
        (
            False,
            "Round 2 stays: a vote was given in it and undone, and the record keeps both. "
            "Nobody's vote stands in it, so round 1's votes no longer count for this "
            "answer until the panel votes in round 2.",
        ),
    ],
)
def test_backspace_on_a_kept_round_with_no_vote_standing_says_why_and_what_to_do(
    make: MakeInterview, shown_empty: bool, expected: str
) -> None:
    shown: list[Vote] = [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")]
    interview = make(shown, session=practice(["up"], ["Ann", "Ben"]))
    started = interview.new_round()
    assert isinstance(started, Recorded)
    assert "until someone votes in it or its votes are shown" in (started.message or "")
    if shown_empty:
        interview.opened.reveal("p1", "q1")
    else:
        interview.opened.record_vote("p1", "q1", "m1", "down")
        assert isinstance(interview.undo(), Recorded)
    answer = interview.undo()
    assert isinstance(answer, Refused)
    assert answer.reason == expected
    assert interview.session.round_of("p1", "q1") == 2
