"""Answers still sealed when the session is finished are shown then, not early by the chair.

Found by a tester: finishing with an answer sealed showed its votes, and the record
then called it an early reveal by the chair, with "Voted after the reveal: Nobody",
and the report counted it among the answers revealed early.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.exports.rounds_words import first_choice_words
from panel_tui.domain.reveals import early_reveals
from panel_tui.domain.rounds import compare_rounds
from panel_tui.domain.store import Store
from panel_tui.domain.summary import Summary, build_summary
from tests.domain.builders import session as build


def test_an_answer_sealed_at_the_finish_is_said_to_be_shown_then(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.create(build("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")  # m2 and m3 have not voted: sealed
        opened.set_finished()
    session = store.load("s1")
    (shown,) = session.reveals
    assert shown.at_finish
    assert early_reveals(session) == []
    summary = build_summary(session, ExportOptions())
    assert summary.early_reveals == []
    # Not "the votes stayed sealed until everyone had voted": they did not.
    assert summary.no_early_reveals == Summary.NONE_BY_THE_CHAIR
    said = "Still sealed when the session was finished, so its votes were shown then: Alex Q1."
    assert said in summary.status
    assert said in render(session, "md")
    (row,) = csv.DictReader(io.StringIO(render(session, "csv")))
    assert row["early_reveals"] == "0"
    (only,) = compare_rounds([session]).rounds
    assert only.revealed_early == 0


def test_a_reveal_by_the_chair_is_still_early(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.create(build("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.reveal("c1", "q1")
        opened.set_finished()
    session = store.load("s1")
    assert [r.at_finish for r in session.reveals] == [False]
    assert len(early_reveals(session)) == 1
    assert "when the session was finished" not in build_summary(session, ExportOptions()).status


def test_a_candidate_left_out_for_an_answer_still_sealed_is_said_so() -> None:
    # Found by a tester: "C2 left out: scored on 2 of 3 questions", and the method's
    # "interviewed only in part", of a candidate interviewed in full with an answer sealed.
    questions = [("q1", 1.0, False), ("q2", 1.0, False)]
    rows = [(c, q, m, "up") for c in ("c1", "c2") for q in ("q1", "q2") for m in ("m1", "m2")]
    rows = [r for r in rows if r[:3] != ("c2", "q2", "m2")]  # c2's q2: m2 has not voted
    made = build("LP", rows, questions=questions, candidates=[("c1", "Alex"), ("c2", "Bo")])
    assert made.sealed_answers() == {("c2", "q2")}
    (only,) = compare_rounds([made]).rounds
    assert first_choice_words(only).endswith("(C2 left out: 1 answer still sealed)")
    assert "still sealed" in compare_rounds([made]).method
