"""The interview's place and time: where a resume carries on, and the timer of each answer."""

from __future__ import annotations

import pytest

from panel_tui.domain.models import Cursor
from tests.domain.builders import two_by_two
from tests.domain.interviews import MakeInterview, make

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py


@pytest.mark.parametrize(
    ("cursor", "position", "carried"),
    [
        # A fresh session starts at the first answer with no time carried.
        (None, 0, 0),
        # A resume carries on at the answer and the time kept.
        (Cursor(candidate="c2", question="q1", elapsed=75), 2, 75),
        # A cursor on the first answer with time kept carries the time.
        (Cursor(candidate="c1", question="q1", elapsed=30), 0, 30),
    ],
)
def test_an_interview_resumes_where_the_panel_was(
    make: MakeInterview, cursor: Cursor | None, position: int, carried: int
) -> None:
    session = two_by_two().model_copy(update={"cursor": cursor})
    interview = make(session=session)
    assert (interview.moves.position, interview.times.carried()) == (position, carried)


@pytest.mark.parametrize(
    ("finished", "kept"),
    [
        # The timer's place is kept for a resume.
        (False, 42),
        # A finished session is left alone: nothing is written.
        (True, None),
    ],
)
def test_the_time_is_kept_unless_finished(
    make: MakeInterview, finished: bool, kept: int | None
) -> None:
    interview = make(finished=finished)
    interview.times.keep(42)
    cursor = interview.session.cursor
    assert (cursor.elapsed if cursor else None) == kept


def test_going_back_to_an_answer_carries_on_from_its_time(make: MakeInterview) -> None:
    # Found by two testers: a look back at the question before and a return put
    # the timer at 0:00 again, and the time guide was lost.
    interview = make()
    interview.times.leave(95)  # 1:35 on the first question
    interview.moves.next_question()
    assert interview.times.carried() == 0  # a new answer starts at 0:00
    interview.times.leave(20)
    interview.moves.previous_question()
    assert interview.times.carried() == 95
    interview.times.leave(100)
    interview.moves.next_question()
    assert interview.times.carried() == 20
