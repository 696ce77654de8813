"""Every CSV of a session says on each row whether the session is finished.

Found by a newcomer: the README says every file exported after the chair finishes
says so, and one exported before says the interviews may still change; the md,
html, json and sheets did, but a CSV given to HR read the same either way.
"""

from __future__ import annotations

import csv
import io

import pytest

from panel_tui.domain.exports import ExportOptions, render
from tests.exports.helpers import build_session


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("csv", ExportOptions()),  # a row per candidate
        ("votes-csv", ExportOptions()),  # a row per vote
        ("votes-csv", ExportOptions(totals_only=True)),  # a row per question's totals
        ("involvement-csv", ExportOptions()),  # a row per panel member
    ],
)
def test_each_row_says_whether_the_session_is_finished(fmt: str, options: ExportOptions) -> None:
    def ends(finished: bool) -> set[tuple[str, str]]:
        session = build_session().model_copy(update={"finished": finished})
        rows = list(csv.DictReader(io.StringIO(render(session, fmt, options))))
        assert rows, fmt
        assert list(rows[0])[-2:] == ["finished", "mode"]  # at the end, before nothing
        return {(row["finished"], row["mode"]) for row in rows}

    assert ends(finished=True) == {("yes", "live")}
    assert ends(finished=False) == {("no", "live")}
