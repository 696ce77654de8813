"""The report across rounds: a decision of "Undecided" worded one way, what was left out named."""

from __future__ import annotations

import csv
import io
from datetime import date

from panel_tui.domain.exports.rounds_report import first_choice_words, render_rounds
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


def test_the_csv_names_each_round_left_out_as_the_md_and_html_do() -> None:
    # Found by a tester: the csv alone gave no sign that six files were left out.
    held = made_round("a", date(2026, 2, 2), "LP", [("c1", "q1", "m1", "up")], {}, minutes=5)
    report = compare_rounds([held], left_out=["=Left out, as it could not be read: x.json"])
    rows = list(csv.DictReader(io.StringIO(render_rounds(report, "csv"))))
    (left,) = [row for row in rows if row["row"] == "left_out"]
    assert left["title"] == "'=Left out, as it could not be read: x.json"  # never a formula
    assert {v for k, v in left.items() if k not in ("row", "title")} == {""}
