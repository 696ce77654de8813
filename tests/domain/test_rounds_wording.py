"""The report across rounds words a decision of "Undecided" the same way always."""

from __future__ import annotations

from datetime import date

from panel_tui.domain.exports.rounds_report import first_choice_words
from panel_tui.domain.rounds import compare_rounds
from tests.domain.rounds_sessions import made_round


def test_a_first_choice_decided_undecided_is_never_said_to_have_no_decision() -> None:
    # The panel saved the decision "Undecided" on C1, its lived-experience first
    # choice. Tied with C2, the report says "C1: Undecided"; alone, the same
    # decision reads "C1: No decision yet", as if the panel had not decided.
    rows = [("c1", "q1", "m1", "up"), ("c2", "q1", "m1", "down")]
    rows += [("c1", "q1", "m2", "up"), ("c2", "q1", "m2", "up")]  # nothing sealed
    alone = made_round("a", date(2026, 2, 2), "LP", rows, {"c1": "undecided"}, minutes=5)
    (only,) = compare_rounds([alone]).rounds
    assert only.first_choices == ["C1"]
    assert first_choice_words(only) == "C1: Undecided"
