"""A question is named one way in every document HR reads: "Question 3", by its place.

Found by testers: the candidates CSV named the split and concern questions by
their bank id ("choices"), which an HR officer cannot match to the summary's
"Question 2: Someone you support...".
"""

from __future__ import annotations

import csv
import io

import pytest

from panel_tui.domain.exports import render, spreadsheets
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.models import Session
from panel_tui.domain.scoring import score_session
from panel_tui.domain.words import question_name


def _by_code(session: Session) -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in csv.DictReader(io.StringIO(render(session, "csv")))}


def test_the_candidates_csv_names_split_and_concern_questions_by_number(session: Session) -> None:
    # The fixed session's bank asks "why", "choices", "mistake" in that order:
    # C2 is split on "why" with a concern on "choices"; C1 is split on "mistake".
    rows = _by_code(session)
    assert (rows["C2"]["split_questions"], rows["C2"]["concern_questions"]) == (
        "Question 1",
        "Question 2",
    )
    assert rows["C1"]["split_questions"] == "Question 3"
    assert rows["C4"]["split_questions"] == ""


def test_each_name_in_the_csv_is_the_one_the_summary_lists(session: Session) -> None:
    rows = list(csv.DictReader(io.StringIO(render(session, "csv"))))  # in rank order
    md = render(session, "md")
    numbers = {q.id: n for n, q in enumerate(session.bank.questions, start=1)}
    for row, result in zip(rows, score_session(session).ranking, strict=True):
        for column, ids in (
            ("split_questions", result.splits),
            ("concern_questions", result.concerns),
        ):
            names = [question_name(numbers[i]) for i in ids]
            assert row[column] == "; ".join(names)
            for name, qid in zip(names, ids, strict=True):
                text = session.bank.question(qid).text.replace("|", "\\|")
                assert f"- {name}: {text}" in md


def test_a_sheet_matches_each_name_to_the_votes_csv_by_its_question_number(
    session: Session,
) -> None:
    # Found by a review: split_questions held bank ids, which matched the votes CSV's
    # question_id; the names they hold now match its question_number, in the votes
    # CSV and its totals-only copy alike.
    rows = _by_code(session)
    for options in (ExportOptions(), ExportOptions(totals_only=True)):
        votes = list(csv.DictReader(io.StringIO(render(session, "votes-csv", options))))
        for result in score_session(session).ranking:
            code = spreadsheets.neutralise(session.candidate(result.candidate).code)  # as written
            for column, ids in (
                ("split_questions", result.splits),
                ("concern_questions", result.concerns),
            ):
                matched = [
                    question_name(int(v["question_number"]))
                    for qid in ids
                    for v in votes
                    if v["code"] == code and v["question_id"] == qid
                ]
                named = rows[code][column].split("; ") if ids else []
                assert sorted(set(matched)) == sorted(named), (options, code, column)


def test_the_names_are_neutralised_as_any_text_is(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The names are ours, but their cell is made safe whatever they hold, as every
    # other cell of words is: a spreadsheet never runs one as a formula.
    monkeypatch.setattr(spreadsheets, "question_name", lambda n: f"=HYPERLINK({n})")
    assert _by_code(session)["C1"]["split_questions"] == "'=HYPERLINK(3)"
