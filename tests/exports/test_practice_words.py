"""Practice words: a rehearsal's mock candidates are never hired, so no export or screen
reads as if they were (found by a trainer: "Concern" on answers the trainees rightly
rated down, and mock candidates ranked with "No decision recorded").
"""

from __future__ import annotations

import pytest

from panel_tui.domain import interview_lines as lines
from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.models import Session
from panel_tui.domain.scoring import score_session
from panel_tui.domain.summary import build_summary
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
