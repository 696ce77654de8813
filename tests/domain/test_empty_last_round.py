"""A practice answer whose last round nobody voted in is named as the chair finishes.

Found by a tester: a new round started after reopening a finished practice session
took Mock B's score from 100.0% to "No score yet"; the finish history said "Nothing
was changed after it was reopened", and the Finish box said only "Mock B has no votes
yet, so no score."
"""

from __future__ import annotations

from datetime import timedelta

from panel_tui.domain.finishes import finish_history
from panel_tui.domain.models import Finishing, NewRound, Reveal
from panel_tui.domain.sessions import finish_warnings
from tests.domain.builders import T0
from tests.domain.practice import practice

ROUND_ONE = [("p1", q, m, "up") for q in ("q1", "q2") for m in ("m1", "m2")]


def test_the_finish_box_names_a_last_round_nobody_voted_in_and_what_backspace_does() -> None:
    made = practice(["up", "up"], ["Ann Lee", "Ben Cho"], ROUND_ONE, rounds=[("p1", "q2", 2)])
    assert (
        "Mock A Q2: round 2 has no votes, so round 1's votes do not count; Backspace on "
        "that answer takes the round back."
    ) in finish_warnings(made)


def test_a_shown_empty_round_that_stays_says_what_to_do_instead() -> None:
    made = practice(["up", "up"], ["Ann Lee", "Ben Cho"], ROUND_ONE, rounds=[("p1", "q2", 2)])
    shown = made.model_copy(
        update={"reveals": [Reveal(candidate="p1", question="q2", at=T0, round=2)]}
    )
    assert (
        "Mock A Q2: round 2 has no votes, so round 1's votes do not count; it was shown, "
        "so it stays: Ctrl+G on that answer starts round 3."
    ) in finish_warnings(shown)


def test_a_round_started_after_reopening_is_counted_by_the_finish_history() -> None:
    made = practice(["up", "up"], ["Ann Lee", "Ben Cho"], ROUND_ONE)
    later = T0 + timedelta(hours=2)
    reopened = made.model_copy(
        update={
            "finishes": [
                Finishing(at=T0 + timedelta(hours=1), finished=True),
                Finishing(at=later, finished=False),
            ],
            "rounds": [NewRound(candidate="p1", question="q2", round=2, at=later)],
        }
    )
    assert finish_history(reopened).endswith(
        "After it was first reopened: 1 practice round started or taken back."
    )
