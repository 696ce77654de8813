"""The rounds report says when a round was reopened after it was finished, in the
words every summary of the session uses (:func:`finish_history`).

Found on the day: the report said only "finished yes/no", while the summary filed
before the reopening had other scores than the session's summary now.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.finishes import finish_history
from panel_tui.domain.models import Finishing, Session
from panel_tui.domain.rounds import compare_rounds
from tests.domain.rounds_sessions import r1, r2


def _reopened() -> Session:
    """Round r2, finished, reopened and finished again."""
    session = r2()
    last = max(v.at for v in session.votes)
    finishes = [
        Finishing(at=last + timedelta(minutes=5), finished=True),
        Finishing(at=last + timedelta(minutes=20), finished=False),
        Finishing(at=last + timedelta(minutes=31), finished=True),
    ]
    return session.model_copy(update={"finished": True, "finishes": finishes})


def _done(session: Session) -> Session:
    return session.model_copy(
        update={"finished": True, "finishes": [Finishing(at=session.created, finished=True)]}
    )


def test_the_history_is_the_summaries_own_words() -> None:
    history = finish_history(_reopened())
    assert "reopened" in history and "finished again" in history  # the case is a reopening
    report = compare_rounds([_done(r1()), _reopened()])
    assert [r.finish_history for r in report.rounds] == ["", history]


@pytest.mark.parametrize("name", ["md", "html"])
def test_the_report_says_which_round_was_reopened_and_when(name: str) -> None:
    history = finish_history(_reopened())
    text = render_rounds(compare_rounds([_done(r1()), _reopened()]), name)
    assert text.count(history) == 1
    said = next(line for line in text.splitlines() if history in line)
    assert "Round r2 (5 Mar 2026): Finished 5 March" in said  # the round named beside it


@pytest.mark.parametrize("name", ["md", "html"])
def test_a_report_with_no_round_reopened_says_nothing_of_it(name: str) -> None:
    text = render_rounds(compare_rounds([_done(r1()), _done(r2())]), name)
    assert "reopened" not in text.lower()


def test_each_round_row_of_the_csv_carries_its_history() -> None:
    text = render_rounds(compare_rounds([_done(r1()), _reopened()]), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[-3:] == ["finish_history", "finished", "mode"]
    assert [(r["row"], r["session"], r["finish_history"]) for r in rows[:3]] == [
        ("round", "r1", ""),  # finished once: "finished" says it all
        ("round", "r2", finish_history(_reopened())),
        ("total", "", ""),
    ]
