"""The rules of an interview, without a terminal: one table per rule, a comment per case.

Votes: refusing, casting and undo. Showing the votes early is in
test_interview_reveal.py; rounds, notes, decisions and moving in test_interview_moves.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panel_tui.domain.interview import NOTE_OFFER, Interview
from panel_tui.domain.interview_outcomes import (
    NeedsConfirmation,
    NotSaved,
    Recorded,
    Refused,
)
from panel_tui.domain.models import VoteValue
from panel_tui.domain.store import StoreError
from panel_tui.domain.words import FINISHED_REFUSAL
from tests.domain.builders import session as build
from tests.domain.interviews import SHOWN, MakeInterview, Vote, make

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py

# -- refusing ---------------------------------------------------------------------

REQUESTS: dict[str, Callable[[Interview], object]] = {
    "cast": lambda i: i.cast("m1", "up"),
    "seat vote": lambda i: i.vote_from_seat(1, "up"),
    "undo": lambda i: i.undo(),
    "reveal": lambda i: i.reveal(),
    "note": lambda i: i.note(),
    "decide": lambda i: i.decide(),
    "new round": lambda i: i.new_round(),
}


@pytest.mark.parametrize("request_name", sorted(REQUESTS))
@pytest.mark.parametrize(
    ("finished", "no_candidates", "reason"),
    [
        # A finished session changes only after it is reopened: the store's own words.
        (True, False, FINISHED_REFUSAL),
        # A session with nobody to interview has nothing to vote on.
        (False, True, "This session has no candidates, so there is nothing to vote on."),
    ],
)
def test_a_change_is_refused_when_there_is_nothing_to_change(
    make: MakeInterview, request_name: str, finished: bool, no_candidates: bool, reason: str
) -> None:
    if no_candidates:
        interview = make(session=build("LLP", candidates=()))
    else:
        interview = make([("c1", "q1", "m1", "down")])  # something an undo could take back
    if finished:
        interview.opened.set_finished()
    before = interview.session
    answer = REQUESTS[request_name](interview)
    assert isinstance(answer, Refused)
    assert answer.reason.startswith(reason)
    assert interview.session == before  # nothing written


# -- casting a vote -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "revealed", "seat", "value", "expected"),
    [
        # The first vote on an answer is sealed: who voted shows, not how.
        ([], False, 1, "up", Recorded("Vote recorded for Seat 1, Member 1.")),
        # A first vote down while sealed offers no note: the offer would give the vote away.
        ([], False, 2, "down", Recorded("Vote recorded for Seat 2, Member 2.")),
        # A vote changed while sealed is recorded without asking (nobody has seen
        # it), and said to be voted again: a key pressed for the wrong seat shows,
        # and its member can say so.
        (
            [("c1", "q1", "m1", "up")],
            False,
            1,
            "down",
            Recorded("Seat 1, Member 1 voted again: only their latest vote counts."),
        ),
        # The last voter shows the votes; all up, so no note is offered.
        (
            [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up")],
            False,
            3,
            "up",
            Recorded("Everyone has voted: the votes are shown.", revealed_now=True),
        ),
        # The last voter shows the votes; one is middle, so a note is offered.
        (
            [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "middle")],
            False,
            3,
            "up",
            Recorded(
                f"Everyone has voted: the votes are shown. Some are middle or down. {NOTE_OFFER}",
                revealed_now=True,
                offer_note=True,
            ),
        ),
        # A first vote down after the chair showed the votes offers a note at once.
        (
            [],
            True,
            2,
            "down",
            Recorded(f"Seat 2, Member 2 voted <down>. {NOTE_OFFER}", offer_note=True),
        ),
        # A first vote up after the chair showed the votes: just recorded.
        ([], True, 2, "up", Recorded("Vote recorded for Seat 2, Member 2.")),
        # Nobody sits in seat 9.
        ([], False, 9, "up", Refused("Nobody sits in seat 9 on this panel.")),
        # Seat 4 is an observer, who takes notes and does not vote: said by name.
        (
            [],
            False,
            4,
            "up",
            Refused("Seat 4, Member 4, is an observer and does not vote."),
        ),
    ],
)
def test_a_vote_is_recorded_with_what_it_changed(
    make: MakeInterview,
    before: list[Vote],
    revealed: bool,
    seat: int,
    value: VoteValue,
    expected: Recorded | Refused,
) -> None:
    interview = make(before, revealed=[("c1", "q1")] if revealed else [])
    written = len(interview.session.votes)
    assert interview.vote_from_seat(seat, value) == expected
    added = len(interview.session.votes) - written
    assert added == (1 if isinstance(expected, Recorded) else 0)
    if isinstance(expected, Recorded):
        assert interview.session.votes[-1].value == value
        assert interview.session.is_revealed("c1", "q1") == (revealed or expected.revealed_now)


def test_the_same_vote_again_writes_nothing_and_says_what_another_value_says(
    make: MakeInterview,
) -> None:
    # While sealed, the words for a vote given again never tell how the sealed
    # vote went: "changed" for one value and "recorded" for another would.
    said = set()
    for value in ("up", "middle", "down", "abstain"):
        interview = make([("c1", "q1", "m1", "up")])
        said.add(interview.cast("m1", value))
        assert len(interview.session.votes) == (1 if value == "up" else 2)
    assert said == {Recorded("Seat 1, Member 1 voted again: only their latest vote counts.")}
    # Once shown, the vote may be named (a tester read "Vote recorded" as a second vote).
    shown: list[tuple[VoteValue, str]] = [("up", "voted <up>"), ("abstain", "abstained")]
    for given, gave in shown:
        interview = make([("c1", "q1", "m1", given)], revealed=[("c1", "q1")])
        words = f"Seat 1, Member 1 already {gave}: nothing changed."
        assert interview.cast("m1", given) == Recorded(words)
        assert len(interview.session.votes) == 1


@pytest.mark.parametrize(
    ("value", "agree", "then_value", "said"),
    [
        # Changing a shown vote is asked first; yes records it, marked as after the reveal.
        ("down", True, "down", f"Seat 1, Member 1 voted <down>. {NOTE_OFFER}"),
        # To middle too; yes records it.
        ("middle", True, "middle", f"Seat 1, Member 1 voted <middle>. {NOTE_OFFER}"),
        # No keeps the vote shown, and says so.
        ("down", False, "up", "The vote was not changed."),
    ],
)
def test_changing_a_shown_vote_is_confirmed_first(
    make: MakeInterview, value: VoteValue, agree: bool, then_value: VoteValue, said: str
) -> None:
    interview = make(SHOWN)
    asked = interview.cast("m1", value)
    assert isinstance(asked, NeedsConfirmation)
    assert asked.question == (
        f"The votes are showing. Change the vote of Seat 1, Member 1 from <up> to <{value}>?"
        "\n\nThe change is kept and marked as made after the votes were shown."
    )
    assert (asked.yes, asked.no) == ("Change it", "Keep it")
    assert len(interview.session.votes) == 3  # nothing written before the answer
    if agree:
        assert asked.then() == Recorded(said, offer_note=True)
        assert interview.session.votes[-1].after_reveal
    else:
        assert asked.declined == said
    assert interview.session.current_votes("c1", "q1")["m1"].value == then_value


# -- undo ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "expected", "left"),
    [
        # Nothing to undo on a fresh answer.
        ([], Refused("There is no vote to undo on this answer."), {}),
        # A sealed vote is undone at once, without a question.
        (
            [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")],
            Recorded("Undone: the last vote of Seat 2, Member 2."),
            {"m1": "up"},
        ),
        # A sealed change is undone back to the vote before it, and says so: the
        # row still shows "Voted" (found by a person's walk).
        (
            [("c1", "q1", "m1", "up"), ("c1", "q1", "m1", "down")],
            Recorded(
                "Undone: the last vote of Seat 1, Member 1; the vote they gave before it stands."
            ),
            {"m1": "up"},
        ),
        # Votes on another answer are never undone from here.
        ([("c1", "q2", "m1", "up")], Refused("There is no vote to undo on this answer."), {}),
    ],
)
def test_undo_while_sealed(
    make: MakeInterview, before: list[Vote], expected: Recorded | Refused, left: dict[str, str]
) -> None:
    interview = make(before)
    assert interview.undo() == expected
    votes = interview.session.current_votes("c1", "q1")
    assert {m: v.value for m, v in votes.items()} == left


@pytest.mark.parametrize(
    ("agree", "left"),
    [
        # Once the votes show, undo asks first; yes withdraws the last vote.
        (True, {"m1": "up", "m2": "up"}),
        # No keeps every vote, and nothing needs saying.
        (False, {"m1": "up", "m2": "up", "m3": "down"}),
    ],
)
def test_undo_of_a_shown_vote_is_confirmed_first(
    make: MakeInterview, agree: bool, left: dict[str, str]
) -> None:
    interview = make(SHOWN)
    asked = interview.undo()
    assert isinstance(asked, NeedsConfirmation)
    assert asked.question == (
        "The votes are showing. Undo the last vote (<down>), given by Seat 3, Member 3? "
        "They will then have no vote."
    )
    assert (asked.yes, asked.no, asked.declined) == ("Undo it", "Keep it", None)
    if agree:
        assert asked.then() == Recorded("Undone: the last vote of Seat 3, Member 3.")
    votes = interview.session.current_votes("c1", "q1")
    assert {m: v.value for m, v in votes.items()} == left


def test_undo_of_a_change_once_shown_says_the_vote_the_room_saw_comes_back(
    make: MakeInterview,
) -> None:
    interview = make(SHOWN)
    answered = interview.cast("m1", "middle")
    assert isinstance(answered, NeedsConfirmation)
    answered.then()  # changed after the reveal: the room saw the up
    asked = interview.undo()
    assert isinstance(asked, NeedsConfirmation)
    assert asked.question.endswith("given by Seat 1, Member 1? They will then have <up> again.")
    asked.then()
    assert interview.session.current_votes("c1", "q1")["m1"].value == "up"


@pytest.mark.parametrize("agree", [True, False])
def test_a_second_undo_in_a_row_asks_first(make: MakeInterview, agree: bool) -> None:
    # Backspace pressed twice by mistake took back a second member's sealed vote
    # without a word; the second undo now asks, naming whose vote (never how).
    interview = make([("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")])
    assert interview.undo() == Recorded("Undone: the last vote of Seat 2, Member 2.")
    asked = interview.undo()
    assert isinstance(asked, NeedsConfirmation)
    assert (
        asked.question
        == "A vote was just undone here. Undo one more: the vote of Seat 1, Member 1?"
    )
    assert (asked.yes, asked.no) == ("Undo it", "Keep it")
    assert asked.declined == "The vote of Seat 1, Member 1 is kept."
    if agree:
        assert asked.then() == Recorded("Undone: the last vote of Seat 1, Member 1.")
    left = {m: v.value for m, v in interview.session.current_votes("c1", "q1").items()}
    assert left == ({} if agree else {"m1": "up"})
    # A vote given since: the next undo takes it back at once, as before.
    interview.cast("m2", "middle")
    assert interview.undo() == Recorded("Undone: the last vote of Seat 2, Member 2.")


@pytest.mark.parametrize(
    "ask",
    [
        # A vote the disk refuses.
        lambda i: i.cast("m1", "up"),
        # An undo the disk refuses.
        lambda i: i.undo(),
    ],
)
def test_a_change_the_disk_refuses_says_why(
    make: MakeInterview, monkeypatch: pytest.MonkeyPatch, ask: Callable[[Interview], object]
) -> None:
    interview = make([("c1", "q1", "m2", "up")])

    def refuse(*_: object) -> None:
        raise StoreError("The disk is full.")

    monkeypatch.setattr(interview.opened, "record_vote", refuse)
    monkeypatch.setattr(interview.opened, "undo", refuse)
    assert ask(interview) == NotSaved("The disk is full.")
