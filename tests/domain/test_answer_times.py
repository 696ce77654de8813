"""The time spent on each answer, kept for the interview's timer (domain/answer_times.py)."""

from __future__ import annotations

import pytest

from panel_tui.domain.interview import Interview
from panel_tui.domain.interview_outcomes import Recorded
from panel_tui.domain.store import Store, StoreError
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


def test_each_answer_left_carries_on_from_its_time_after_a_restart(make: MakeInterview) -> None:
    # Found by a tester: after a quit and a restart, only the answer shown carried on
    # from its time; going back to one left before showed 0:00 against the time guide.
    interview = make()
    spent = {0: 40, 1: 25, 2: 7}  # seconds on the first three answers, the last one shown
    for position, seconds in spent.items():
        interview.moves.go(position)
        interview.times.keep(seconds - 5)  # kept now and then while the panel is there
        if position != 2:
            interview.times.leave(seconds)  # then as it moves on
    interview.times.keep(spent[2])  # at quit
    store, session_id = Store(interview.opened.path.parent), interview.session.id
    interview.opened.close()
    with store.open(session_id) as reopened:
        again = Interview(reopened)
        assert again.moves.position == 2  # the restart resumes where the panel was
        carried = {}
        for position in (2, 1, 0, 3):  # and every answer carries on from its own time
            again.moves.go(position)
            carried[position] = again.times.carried()
    assert carried == {**spent, 3: 0}  # an answer never reached starts at 0:00


def test_the_times_kept_are_one_entry_per_answer_and_leave_the_file_alone_when_unchanged(
    make: MakeInterview,
) -> None:
    interview = make()
    for _ in range(3):  # back and forth: one time kept for each answer, the latest
        interview.moves.go(1)
        interview.times.leave(10)
        interview.moves.go(0)
        interview.times.leave(20)
    cursor = interview.session.cursor
    assert cursor is not None and (cursor.question, cursor.elapsed) == ("q1", 20)
    assert [(t.question, t.elapsed) for t in cursor.left] == [("q2", 10)]
    journal = interview.opened.path.with_suffix(".journal")
    size = journal.stat().st_size
    interview.times.keep(20)  # nothing new to keep: nothing written
    assert journal.stat().st_size == size
    interview.times.keep(21)
    assert journal.stat().st_size > size


def test_going_back_carries_on_in_this_run_when_the_disk_refuses_or_the_session_is_finished(
    make: MakeInterview, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a review: with each answer's time kept on disk only, a full disk, or a
    # finished session (which keeps no time), sent the timer back to 0:00 on going back.
    finished = make(finished=True)
    refusing = make()

    def refuse(*_: object) -> None:
        raise StoreError("The disk is full.")

    monkeypatch.setattr(refusing.opened, "keep_time", refuse)
    for interview in (finished, refusing):
        interview.times.leave(40)
        interview.moves.go(1)
        interview.times.leave(25)
        interview.moves.go(0)
        assert interview.times.carried() == 40
        interview.moves.go(1)
        assert interview.times.carried() == 25
