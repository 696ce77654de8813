"""The report across rounds counts and words each round as the summaries would.

Found by testers: a vote withdrawn once the votes showed was left out of "votes
changed after a reveal" (the method says "changed or withdrawn"), and a member whose
first vote came after an early reveal, then changed, was counted only as a change.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.exports.rounds_words import first_choice_words
from panel_tui.domain.models import Session
from panel_tui.domain.rounds import compare_rounds
from panel_tui.domain.store import Store
from panel_tui.domain.summary import build_summary
from tests.domain.builders import session as build
from tests.domain.rounds_sessions import made_round


def _shown_early(tmp_path: Path) -> Session:
    """m1 votes; the chair shows the votes early; m2 votes then changes, m3 votes, and
    m1 withdraws."""
    store = Store(tmp_path)
    with store.create(build("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.reveal("c1", "q1")
        opened.record_vote("c1", "q1", "m2", "up")
        opened.record_vote("c1", "q1", "m2", "down")
        opened.record_vote("c1", "q1", "m3", "up")
        opened.record_vote("c1", "q1", "m1", None)
    return store.load("s1")


def test_a_vote_withdrawn_after_the_reveal_is_counted_as_the_method_says(tmp_path: Path) -> None:
    session = _shown_early(tmp_path)
    (only,) = compare_rounds([session]).rounds
    # m2's change and m1's withdrawal: changed or withdrawn once the votes were shown.
    assert only.changed_after_reveal == 2
    summary = build_summary(session, ExportOptions(totals_only=True))
    (alex,) = summary.candidates
    said = " ".join(line for q in alex.questions for line in q.changes)
    assert "1 vote was withdrawn after the votes were shown." in said
    row, *_ = csv.DictReader(io.StringIO(render(session, "csv")))
    # The votes that stand given after (the votes csv's rows), and the one withdrawn.
    assert (row["after_reveal_votes"], row["withdrawn_after_reveal"]) == ("2", "1")


def test_a_first_vote_after_an_early_reveal_then_changed_is_still_a_first_vote(
    tmp_path: Path,
) -> None:
    session = _shown_early(tmp_path)
    (only,) = compare_rounds([session]).rounds
    # m2 and m3 had not voted when the chair showed the votes, as the summary names them.
    assert only.first_after_reveal == 2
    (early,) = build_summary(session, ExportOptions()).early_reveals
    assert early.after.count("Seat") == 2


def test_a_round_with_no_lived_experience_member_is_told_from_one_where_they_abstained() -> None:
    # Found by a co-production lead: both read "None: No lived-experience votes" and
    # were counted together.
    day = date(2026, 3, 2)
    nobody = made_round("p", day, "PP", [("c1", "q1", "m1", "up")], {}, minutes=5)
    abstained = made_round(
        "a", day, "LP", [("c1", "q1", "m1", "abstain"), ("c1", "q1", "m2", "up")], {}, minutes=5
    )
    report = compare_rounds([nobody, abstained])
    words = {r.session_id: first_choice_words(r) for r in report.rounds}
    assert words == {
        "p": "None: No lived-experience member on the panel",
        "a": "None: No counted lived-experience votes",
    }
    assert (report.counts["no lived-experience member"], report.counts["not applicable"]) == (1, 1)
    md = render_rounds(report, "md")
    assert "- **No lived-experience member on the panel:** 1" in md
    assert "- **No counted lived-experience votes:** 1" in md


def test_a_first_vote_after_an_early_reveal_then_undone_is_counted_once(tmp_path: Path) -> None:
    # Found by a review: m2's vote, undone, was both "changed after a reveal" and a
    # "first vote after an early reveal", where the summary tells one thing done.
    store = Store(tmp_path)
    with store.create(build("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.reveal("c1", "q1")
        opened.record_vote("c1", "q1", "m2", "up")
        opened.undo("c1", "q1")
    session = store.load("s1")
    (only,) = compare_rounds([session]).rounds
    # Withdrawn once shown, as the candidates csv and a totals-only summary count it;
    # not a first vote, as no vote of m2's stands.
    assert (only.changed_after_reveal, only.first_after_reveal, only.revealed_early) == (1, 0, 1)
    row, *_ = csv.DictReader(io.StringIO(render(session, "csv")))
    assert (row["after_reveal_votes"], row["withdrawn_after_reveal"]) == ("0", "1")


def test_first_votes_after_the_reveal_at_finish_are_counted_but_it_is_not_early(
    tmp_path: Path,
) -> None:
    # Found by a review: finished with m1's vote alone (shown then), reopened, m2 and
    # m3 voted: the summary lists 2 votes given after the reveal, the report 0.
    store = Store(tmp_path)
    with store.create(build("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.set_finished()
        opened.set_finished(False)
        opened.record_vote("c1", "q1", "m2", "up")
        opened.record_vote("c1", "q1", "m3", "down")
    session = store.load("s1")
    row, *_ = csv.DictReader(io.StringIO(render(session, "csv")))
    assert row["after_reveal_votes"] == "2"
    (only,) = compare_rounds([session]).rounds
    assert (only.changed_after_reveal, only.first_after_reveal, only.revealed_early) == (0, 2, 0)
