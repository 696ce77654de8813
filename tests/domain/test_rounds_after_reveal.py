"""The report across rounds counts what was done after a reveal as the summaries list it.

Found by testers: a vote withdrawn once the votes showed was left out of "votes
changed after a reveal" (the method says "changed or withdrawn"), and a member whose
first vote came after an early reveal, then changed, was counted only as a change.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.models import Session
from panel_tui.domain.rounds import compare_rounds
from panel_tui.domain.store import Store
from panel_tui.domain.summary import build_summary
from tests.domain.builders import session as build


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
