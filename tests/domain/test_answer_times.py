"""The time spent on each answer, kept for the interview's timer (domain/answer_times.py)."""

from __future__ import annotations

from panel_tui.domain.interview_outcomes import Recorded
from tests.domain.interviews import MakeInterview, make
from tests.domain.practice import practice

__all__ = ["make"]  # the fixture, shared from tests/domain/interviews.py


def test_a_new_round_is_timed_from_nothing(make: MakeInterview) -> None:
    # Round 2 is a new answer to time (found by a tester: its timer counted on from
    # round 1's): its clock starts at 0:00, on disk for a resume too, though the
    # answer had 40 s kept and carried from when the panel left it.
    votes = [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")]
    interview = make(votes, session=practice(["up"], ["Ann", "Ben"]))
    interview.times.keep(40)
    interview.times.leave(40)
    assert interview.times.carried() == 40
    assert isinstance(interview.new_round(), Recorded)
    assert interview.times.carried() == 0
    cursor = interview.session.cursor
    assert cursor is not None and cursor.elapsed == 0
