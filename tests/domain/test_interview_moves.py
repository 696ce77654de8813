"""The rules of an interview, without a terminal: practice rounds and moving.

Notes and decisions are in test_interview_asks.py.
"""

from __future__ import annotations

import pytest

from panel_tui.domain import interview_lines as lines
from panel_tui.domain.interview import KEYS_HINT
from panel_tui.domain.interview_heading import heading
from panel_tui.domain.interview_outcomes import (
    AskDecision,
    Moved,
    Recorded,
    Refused,
)
from panel_tui.domain.store import StoreError
from tests.domain import builders
from tests.domain.builders import two_by_two
from tests.domain.interviews import MakeInterview, Vote, make
from tests.domain.practice import practice

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py

# -- practice rounds ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("practice_mode", "votes", "expected"),
    [
        # A live interview never votes twice on one answer.
        (False, [], Refused("Voting again in rounds is for practice only.")),
        # Practice: the round's votes must show before the panel votes again.
        (
            True,
            [("p1", "q1", "m1", "up")],
            Refused("Show the votes of this round first", important=True),
        ),
        # Practice, votes shown: round 2 starts and round 1 is kept; the timer starts
        # again from 0:00, as the domain says (the screen decided it: found by a review).
        (
            True,
            [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")],
            Recorded(
                "Round 2: everyone votes on this answer again, sealed as before. "
                "Round 1 is kept for the report. Backspace takes this round back until "
                "someone votes in it or its votes are shown.",
                restarts_timer=True,
            ),
        ),
    ],
)
def test_voting_again_is_for_shown_practice_answers(
    make: MakeInterview, practice_mode: bool, votes: list[Vote], expected: Recorded | Refused
) -> None:
    session = practice(["up"], ["Ann", "Ben"]) if practice_mode else None
    interview = make(votes, session=session)
    answer = interview.new_round()
    if isinstance(expected, Refused) and expected.important:
        assert isinstance(answer, Refused) and answer.important
        assert answer.reason.startswith(expected.reason)
    else:
        assert answer == expected
    started = isinstance(expected, Recorded)
    assert interview.session.round_of(*interview.here) == (2 if started else 1)


# -- moving -------------------------------------------------------------------------

NO_DECISION_ON_ALEX = (
    "Now candidate C2. No decision is recorded yet for Alex (go back and press Ctrl+D)."
)
NO_DECISION_ON_C2 = (
    "Now candidate Alex. No decision is recorded yet for C2 (go back and press Ctrl+D)."
)
LAST_QUESTION = "Last question for this candidate. Ctrl+D records the panel's decision."
PASSED_ALEX_Q1 = "Alex Q1 has no votes yet: the Left arrow goes back to it."
VOTERS = ("m1", "m2", "m3")
#: Every voter's vote on each of Alex's answers and on C2's first: both have been
#: interviewed, and no answer was passed on the way to C2.
BOTH_SEEN: list[Vote] = [
    *((c, q, m, "up") for c, q in (("c1", "q1"), ("c1", "q2"), ("c2", "q1")) for m in VOTERS)
]
#: Every voter's vote on Alex's first answer only.
ALEX_Q1: list[Vote] = [("c1", "q1", m, "up") for m in VOTERS]


@pytest.mark.parametrize(
    ("votes", "start", "move", "expected", "end"),
    [
        # Right from the first question, voted on: the last of two, so the decision
        # is suggested.
        (BOTH_SEEN, 0, "next_question", Moved(LAST_QUESTION), 1),
        # Right from a first question nobody voted on: that is said instead (a key
        # pressed twice passes a question).
        ([], 0, "next_question", Moved(PASSED_ALEX_Q1), 1),
        # Right from a candidate's last question: the next candidate, and Alex,
        # voted on, has no decision.
        (BOTH_SEEN, 1, "next_question", Moved(NO_DECISION_ON_ALEX), 2),
        # The same before any vote on Alex: no decision is due (nothing was heard),
        # but the answers passed on the way are said, every one (found by a tester:
        # only the last was named).
        (
            [],
            1,
            "next_question",
            Moved("Now candidate C2. Alex has no votes on Q1, Q2 yet: the Left arrow goes back."),
            2,
        ),
        # Right from the very last answer: nowhere to go, the summary is suggested.
        (
            [],
            3,
            "next_question",
            Refused("That was the last question of the last candidate. Ctrl+S shows the summary."),
            3,
        ),
        # Left from a last question back to a first: the keys are named again.
        ([], 1, "previous_question", Moved(KEYS_HINT), 0),
        # Left from a candidate's first question: the previous candidate's last.
        (BOTH_SEEN, 2, "previous_question", Moved(NO_DECISION_ON_C2), 1),
        # Found by a new user: back from C2 before C2 was voted on, C2 was said
        # to have no decision, though the panel had not yet heard them.
        (ALEX_Q1, 2, "previous_question", Moved("Now candidate Alex."), 1),
        # Left from the very first answer: nowhere to go.
        (
            [],
            0,
            "previous_question",
            Refused("This is the first question of the first candidate."),
            0,
        ),
        # Page Down from a candidate's second question: the next candidate's first.
        (BOTH_SEEN, 1, "next_candidate", Moved(NO_DECISION_ON_ALEX), 2),
        # Page Down on the last candidate: nowhere to go.
        ([], 2, "next_candidate", Refused("This is the last candidate."), 2),
        # Page Up from the last candidate's last question: the first candidate's first.
        (BOTH_SEEN, 3, "previous_candidate", Moved(NO_DECISION_ON_C2), 0),
        # Page Up on the first candidate: nowhere to go, even from its second question.
        ([], 1, "previous_candidate", Refused("This is the first candidate."), 1),
    ],
)
def test_moves(
    make: MakeInterview,
    votes: list[Vote],
    start: int,
    move: str,
    expected: Moved | Refused,
    end: int,
) -> None:
    interview = make(votes, at=start)
    assert getattr(interview.moves, move)() == expected
    assert interview.moves.position == end
    cursor = interview.session.cursor
    here = interview.moves.positions[end]
    if isinstance(expected, Moved) or start:
        assert cursor is not None and (cursor.candidate, cursor.question) == here


def test_a_rehearsal_never_reminds_of_a_decision_on_its_mock_candidates(
    make: MakeInterview,
) -> None:
    # Found by a review: finishing a rehearsal asks no decision, yet moving on said
    # "No decision is recorded yet for Mock A", and read it aloud too.
    rehearsal = two_by_two().model_copy(update={"mode": "practice"})
    interview = make(BOTH_SEEN, session=rehearsal)
    assert interview.moves.next_question() == Moved("Last question for this candidate.")
    assert interview.moves.next_question() == Moved("Now candidate C2.")


def test_a_candidate_decided_on_is_left_without_a_reminder(make: MakeInterview) -> None:
    interview = make(BOTH_SEEN, at=1)
    asked = interview.decide()
    assert isinstance(asked, AskDecision)
    asked.save("recommend", "Clear examples.")
    assert interview.moves.next_question() == Moved("Now candidate C2.")


@pytest.mark.parametrize(
    ("votes", "said"),
    [
        # Found by a tester: a slip of the key gave seat 3's vote for seat 4's, and
        # the panel moved on with seat 4 never voting; the finish named no answer.
        # Said alone, on one line, so the seats' rows do not move under a click.
        (
            [("m1", "up"), ("m2", "down")],
            "Alex Q1 still waits for seat 3; its votes stay sealed.",
        ),
        ([("m1", "up")], "Alex Q1 still waits for seats 2, 3; its votes stay sealed."),
        # Everyone voted, so the votes show: nothing waits.
        ([("m1", "up"), ("m2", "up"), ("m3", "up")], LAST_QUESTION),
        # Nobody voted: said too, but as passed, not as waiting (next test).
        ([], PASSED_ALEX_Q1),
    ],
)
def test_leaving_an_answer_some_have_not_voted_on_says_who(
    make: MakeInterview, votes: list[tuple[str, str]], said: str
) -> None:
    interview = make()
    for member, value in votes:
        interview.opened.record_vote("c1", "q1", member, value)  # type: ignore[arg-type]
    assert interview.moves.next_question() == Moved(said)


def test_leaving_a_candidate_with_an_answer_waiting_names_whose_answer_it_is(
    make: MakeInterview,
) -> None:
    # Found by a review: "Question 2 still waits... Now candidate C2" read as C2's.
    interview = make(at=1)
    interview.opened.record_vote("c1", "q2", "m1", "up")
    assert interview.moves.next_question() == Moved(
        "Alex Q2 still waits for seats 2, 3; its votes stay sealed."
    )
    # Back, the missing votes given, and on again: the decision not made is said.
    interview.moves.previous_question()
    interview.opened.record_vote("c1", "q2", "m2", "up")
    interview.opened.record_vote("c1", "q2", "m3", "up")
    assert interview.moves.next_question() == Moved(NO_DECISION_ON_ALEX)


def test_a_last_question_with_its_decision_recorded_does_not_ask_for_it(
    make: MakeInterview,
) -> None:
    # Found by a tester: "Ctrl+D records the panel's decision" after it was recorded.
    interview = make(BOTH_SEEN)
    interview.opened.decide("c1", "recommend", "Clear.")
    assert interview.moves.next_question() == Moved(
        "Last question for this candidate. The decision is recorded; Ctrl+D changes it."
    )


@pytest.mark.parametrize(
    ("session", "votes", "start", "moves", "said"),
    [
        # Found by a tester: Right pressed twice after Q1's votes showed went past
        # Q2, nobody voted on, to Q3; the panel voted on Q3 and nothing was said
        # until the finish. Three questions, so the last move lands mid-bank.
        ("three", ALEX_Q1, 0, ["next_question", "next_question"], "Alex Q2 has no votes yet"),
        # Found by a review: the same past a candidate's last question. The next
        # candidate is named first, and no decision is asked for on Alex, whose Q2
        # is unscored.
        (
            "two",
            ALEX_Q1,
            0,
            ["next_question", "next_question"],
            "Now candidate C2. Alex Q2 has no votes yet: the Left arrow goes back to it.",
        ),
        # Found by a tester: leaving a candidate with several questions without votes
        # named only the last; each is named, as the finish names them.
        (
            "three",
            ALEX_Q1,
            1,
            ["next_question", "next_question"],
            "Now candidate C2. Alex has no votes on Q2, Q3 yet: the Left arrow goes back.",
        ),
        # A bank of one question: every Right is on to the next candidate.
        ("one", [], 0, ["next_question"], "Now candidate C2. Alex Q1 has no votes yet"),
        # Everyone abstained: each abstention is a vote given, so nothing was passed.
        (
            "two",
            [("c1", "q1", m, "abstain") for m in ("m1", "m2", "m3")],
            0,
            ["next_question"],
            "Last question",
        ),
        # Back from an answer nobody voted on: the chair is looking, not passing.
        ("two", [], 1, ["previous_question"], KEYS_HINT),
        # A jump to the next candidate (Page Down) from a first question: the chair
        # skipped on purpose, so only the candidate is said.
        ("two", [], 0, ["next_candidate"], "Now candidate C2."),
        # Page Down from a last question goes where Right goes, and says the same
        # (found by a review: the rule was said to name only the candidate).
        ("two", ALEX_Q1, 1, ["next_candidate"], "Now candidate C2. Alex Q2 has no votes yet"),
        # A finished session: nothing is left to vote on, so nothing is passed.
        ("finished", [], 0, ["next_question"], "Last question"),
        # A rehearsal is told too: its votes are what the trainees learn from.
        ("practice", [], 0, ["next_question"], "Alex Q1 has no votes yet"),
    ],
)
def test_going_on_past_a_question_nobody_voted_on_says_so(
    make: MakeInterview,
    session: str,
    votes: list[Vote],
    start: int,
    moves: list[str],
    said: str,
) -> None:
    made = {
        "two": two_by_two(),
        "finished": two_by_two(),
        "three": builders.session(
            "LLPO",
            questions=[("q1", 1.0, False), ("q2", 1.0, False), ("q3", 1.0, False)],
            candidates=[("c1", "Alex"), ("c2", None)],
        ),
        "one": builders.session(
            "LLPO", questions=[("q1", 1.0, False)], candidates=[("c1", "Alex"), ("c2", None)]
        ),
        "practice": two_by_two().model_copy(update={"mode": "practice"}),
    }[session]
    interview = make(votes, at=start, session=made, finished=session == "finished")
    for move in moves:
        moved = getattr(interview.moves, move)()
    assert isinstance(moved, Moved) and moved.message.startswith(said), moved
    # What is shown is also read aloud first, before the question.
    assert moved.spoken == (None if said == KEYS_HINT else moved.message)


def test_moving_on_from_a_decided_candidate_just_names_the_next(make: MakeInterview) -> None:
    interview = make(BOTH_SEEN, at=1)
    interview.opened.decide("c1", "recommend", "Clear.")
    assert interview.moves.next_question() == Moved("Now candidate C2.")


def test_a_move_the_disk_refuses_still_moves_and_warns(
    make: MakeInterview, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview = make()

    def refuse(*_: object) -> None:
        raise StoreError("The disk is full.")

    monkeypatch.setattr(interview.opened, "move_to", refuse)
    moved = interview.moves.next_question()
    assert isinstance(moved, Moved)
    assert moved.warning is not None and moved.warning.startswith("The disk is full. Moving")
    assert interview.here == ("c1", "q2")


def test_the_position_line_numbers_count_from_one(make: MakeInterview) -> None:
    interview = make(at=3)
    session, question = interview.session, interview.question
    assert question.id == "q2"
    assert lines.plain(heading(session, interview.candidate_id, False).line()).startswith(
        "Candidate 2 of 2: "
    )
    assert lines.position(session, interview.candidate_id, question) == "Question 2 of 2"


def test_a_session_without_candidates_leaves_nowhere(make: MakeInterview) -> None:
    assert make().has_answers  # a session with candidates has answers to show
    interview = make(session=two_by_two().model_copy(update={"candidates": []}))
    assert not interview.has_answers  # the screen shows none, and says why
    interview.times.leave(10)  # a move key on an empty session: nothing to remember
    assert interview.times.carried() == 0
    assert isinstance(interview.moves.next_question(), Refused)
