"""The rounds report says which rounds are not finished: their votes and decisions,
and so their figures, may still change.

Found by a co-production lead: a report over rounds read as final while one
round's session was still open.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.models import Session
from panel_tui.domain.rounds import compare_rounds
from tests.domain.rounds_sessions import r1, r2, r3

R1_OPEN = (
    "Not finished yet, so its votes and decisions, and its figures here, may still change: "
    "Round r1 (10 Jan 2026)."
)


def _done(session: Session) -> Session:
    return session.model_copy(update={"finished": True})


def test_each_round_says_whether_it_is_finished() -> None:
    report = compare_rounds([r1(), _done(r2())])
    assert [(r.session_id, r.finished) for r in report.rounds] == [("r1", False), ("r2", True)]
    assert not report.finished
    assert compare_rounds([_done(r1()), _done(r2())]).finished


@pytest.mark.parametrize("name", ["md", "html"])
def test_the_report_names_the_rounds_not_finished(name: str) -> None:
    text = render_rounds(compare_rounds([r1(), _done(r2())]), name)
    assert R1_OPEN in text
    assert "Round r1 (not finished yet)" in text  # beside the round in its table
    assert "Round r2 (not finished yet)" not in text


@pytest.mark.parametrize("name", ["md", "html"])
def test_several_rounds_not_finished_are_named_together(name: str) -> None:
    text = render_rounds(compare_rounds([r1(), r2(), _done(r3())]), name)
    assert (
        "Not finished yet, so their votes and decisions, and their figures here, may still "
        "change: Round r1 (10 Jan 2026); Round r2 (5 Mar 2026)."
    ) in text


@pytest.mark.parametrize("name", ["md", "html"])
def test_a_report_of_finished_rounds_says_so(name: str) -> None:
    text = render_rounds(compare_rounds([_done(r1()), _done(r2())]), name)
    assert "All 2 rounds are finished." in text
    assert "not finished" not in text.lower()


def test_a_title_not_finished_is_escaped_in_the_html() -> None:
    hostile = r1().model_copy(update={"title": "<b>Staff</b> & co"})
    text = render_rounds(compare_rounds([hostile]), "html")
    assert "&lt;b&gt;Staff&lt;/b&gt; &amp; co (10 Jan 2026)." in text
    assert "<b>Staff</b>" not in text


def _rows(*sessions: Session) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render_rounds(compare_rounds(sessions), "csv"))))


def test_every_round_row_of_the_csv_says_whether_it_is_finished() -> None:
    rows = _rows(r1(), _done(r2()))
    assert list(rows[0])[-2:] == ["finished", "mode"]  # as every csv of a session ends
    assert [(r["row"], r["session"], r["finished"]) for r in rows if r["row"] != "member"] == [
        ("round", "r1", "no"),
        ("round", "r2", "yes"),
        ("total", "", "no"),  # one round still open: the totals may still change
    ]
    assert {r["finished"] for r in rows if r["row"] == "member"} == {""}


def test_the_total_row_is_finished_when_every_round_is() -> None:
    (total,) = [r for r in _rows(_done(r1()), _done(r2())) if r["row"] == "total"]
    assert total["finished"] == "yes"


def test_a_session_given_twice_is_counted_from_its_finished_copy() -> None:
    # An export taken once every vote was in, before the chair finished, beside the
    # finished session: as many votes each, and the finished one is the round.
    (only,) = compare_rounds([r1(), _done(r1())]).rounds
    assert only.finished
    (again,) = compare_rounds([_done(r1()), r1()]).rounds
    assert again.finished


@pytest.mark.parametrize(
    ("given", "said"),
    [
        # As many votes, one finished: the finished one, and said so (found by a review:
        # the note said "from the copy with the most votes", untrue of a tie).
        ((r1, lambda: _done(r1())), ", from the finished copy, as the copies have as many votes"),
        ((lambda: _done(r1()), r1), ", from the finished copy, as the copies have as many votes"),
        # As many votes, both open, a note apart: the first given is kept.
        (
            (r1, lambda: r1().model_copy(update={"title": "Round r1 again"})),
            ", from the copy given first, as the copies have as many votes",
        ),
    ],
)
def test_which_copy_of_a_session_given_twice_is_counted_is_said_truly(
    given: tuple[Callable[[], Session], Callable[[], Session]], said: str
) -> None:
    report = compare_rounds([make() for make in given])
    assert report.left_out == [f"Session r1 was given twice; it is counted once{said}."]
