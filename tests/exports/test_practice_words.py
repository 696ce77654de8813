"""Practice words: a rehearsal's mock candidates are never hired, so no export or screen
reads as if they were (found by a trainer: "Concern" on answers the trainees rightly
rated down, and mock candidates ranked with "No decision recorded").
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from panel_tui.domain import interview_lines as lines
from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.models import Candidate, Decision, Session
from panel_tui.domain.scoring import score_session
from panel_tui.domain.summary import Summary, build_summary
from panel_tui.ui.glyphs import UNICODE
from panel_tui.ui.screens.summary_view import ranking
from tests.domain.builders import T0
from tests.domain.practice import practice


def rated_down() -> Session:
    """Two trainees rate down an essential answer whose reference is down: they were right."""
    session = practice(
        ["down", "up"],
        ["Ann Lee", "Ben Cho"],
        [("p1", "q1", "m1", "down"), ("p1", "q1", "m2", "down")],
    )
    questions = [q.model_copy(update={"essential": q.id == "q1"}) for q in session.bank.questions]
    return session.model_copy(
        update={"bank": session.bank.model_copy(update={"questions": questions})}
    )


def live(session: Session) -> Session:
    return session.model_copy(update={"mode": "live"})


def test_a_low_essential_answer_is_no_concern_in_practice() -> None:
    session = rated_down()
    assert not score_session(session).ranking[0].questions[0].concern
    # The same votes in a live round are a concern (an essential answer below half).
    assert score_session(live(session)).ranking[0].questions[0].concern


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_summary_file_of_practice_says_concern(fmt: str) -> None:
    assert "Concern" not in render(rated_down(), fmt)
    assert "Concern" in render(live(rated_down()), fmt)


def test_the_summary_key_and_the_interview_say_no_concern_in_practice() -> None:
    session = rated_down()
    summary = build_summary(session, ExportOptions())
    assert [term for term, _ in summary.key] == ["Split", "Voice gap"]
    assert summary.candidates[0].no_flags == "No splits were flagged."
    status = lines.plain(lines.answer_votes(session, "p1", "q1").status)
    assert "Concern" not in status
    assert "Concern" in lines.plain(lines.answer_votes(live(session), "p1", "q1").status)


def two_mocks() -> Session:
    """Mock B scores above Mock A; a decision on Mock A is left from an older version."""
    session = rated_down()
    mock_b = Candidate(id="p2", code="Mock B", sample_answers={"q1": 0, "q2": 0})
    session = session.model_copy(
        update={
            "candidates": [*session.candidates, mock_b],
            "decisions": [Decision(candidate="p1", outcome="recommend", reason="Kind", at=T0)],
        }
    )
    votes = [session.new_vote("p2", "q1", m, "up") for m in ("m1", "m2")]
    return session.model_copy(update={"votes": [*session.votes, *votes]})


def test_mock_candidates_are_listed_as_interviewed_with_no_rank_or_decision() -> None:
    summary = build_summary(two_mocks(), ExportOptions())
    assert [c.code for c in summary.candidates] == ["Mock A", "Mock B"]
    assert summary.ranking_heading == "Mock candidates"
    for c in summary.candidates:
        assert [label for label, _ in c.facts if label in ("Rank", "Decision", "Reason")] == []
        assert c.rank_badge == ""
    # Live, the same votes rank Mock B first, with ranks and decisions.
    live_summary = build_summary(live(two_mocks()), ExportOptions())
    assert [c.code for c in live_summary.candidates] == ["Mock B", "Mock A"]
    assert live_summary.ranking_heading == "Ranking"
    assert ("Decision", "Recommend") in live_summary.candidates[1].facts


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_summary_file_of_practice_ranks_or_decides(fmt: str) -> None:
    text = render(two_mocks(), fmt)
    listed = text[text.index(Summary.MOCK_LIST) :]
    assert listed.index("Mock A") < listed.index("Mock B")  # as interviewed; B scored higher
    for words in ("Ranking", "Rank", "rank 1", "Decision", "No decision recorded", "Recommend"):
        assert words not in text, words
    assert "Mock candidates" in text
    assert "Rank" in render(live(two_mocks()), fmt)


def test_the_practice_csv_lists_mock_candidates_as_interviewed_with_no_rank_or_decision() -> None:
    # Found reading the csv beside the summary: the summary listed the mock candidates
    # as interviewed and unranked, while the csv ranked them and gave an old decision.
    def rows(session: Session) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(render(session, "csv"))))

    practice_rows = rows(two_mocks())
    assert [r["code"] for r in practice_rows] == ["Mock A", "Mock B"]  # B scored higher
    assert {(r["rank"], r["decision"], r["decision_reason"]) for r in practice_rows} == {
        ("", "", "")
    }
    # Live, the same votes rank Mock B first, and Mock A's decision is given.
    live_rows = rows(live(two_mocks()))
    assert [(r["code"], r["rank"]) for r in live_rows] == [("Mock B", "1"), ("Mock A", "2")]
    assert (live_rows[1]["decision"], live_rows[1]["decision_reason"]) != ("", "")


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(totals_only=True)])
def test_the_practice_json_lists_mock_candidates_as_interviewed_with_no_rank(
    options: ExportOptions,
) -> None:
    # Found by a trainer: the json's results ranked the mock candidates that the
    # summary, the md, the html and the csv list as interviewed, with no rank.
    def listed(session: Session) -> list[tuple[str, int | None]]:
        ranking = json.loads(render(session, "json", options))["results"]["ranking"]
        return [(r["candidate"], r["rank"]) for r in ranking]

    assert listed(two_mocks()) == [("p1", None), ("p2", None)]  # Mock B scored higher
    assert listed(live(two_mocks())) == [("p2", 1), ("p1", 2)]  # live, the same votes rank


def test_the_summary_screen_lists_mock_candidates_with_no_rank_or_decision() -> None:
    summary = build_summary(two_mocks(), ExportOptions())
    console = Console(width=80, record=True)
    console.print(ranking(summary, UNICODE))
    shown = console.export_text()
    assert "Mock candidates" in shown
    for words in ("Ranking", "Rank", "Decision", "No decision"):
        assert words not in shown, words
    assert shown.index("Mock A") < shown.index("Mock B")
