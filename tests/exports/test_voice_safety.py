"""The joint summary and the rounds report keep hostile text harmless, like every export.

The fixed session's names, codes and title hold spreadsheet formulas, HTML and
Markdown table breakers (see ``helpers``); here it is matched up with a copy
of itself and compared as a round.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.exports.combined import render_combined
from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.rounds import compare_rounds
from tests.exports.helpers import SCRIPT, build_session, runs_as_formula

RENDERERS = {
    "combine": lambda fmt: render_combined(
        combine_sessions(build_session(), build_session().model_copy(update={"id": "copy"})),
        fmt,
    ),
    "report": lambda fmt: render_rounds(
        compare_rounds([build_session().model_copy(update={"title": f"{SCRIPT} | =1+1"})]), fmt
    ),
}


@pytest.mark.parametrize("what", RENDERERS)
def test_no_csv_cell_can_run_as_a_formula(what: str) -> None:
    rows = list(csv.reader(io.StringIO(RENDERERS[what]("csv"))))
    cells = [c for row in rows for c in row]
    assert any(c.startswith("'") for c in cells), "hostile text reached the table"
    assert [c for c in cells if runs_as_formula(c)] == []


@pytest.mark.parametrize("what", RENDERERS)
def test_html_escapes_and_fetches_nothing(what: str) -> None:
    page = RENDERERS[what]("html")
    assert "&lt;script&gt;" in page, "hostile text reached the page"
    assert "<script" not in page
    assert not re.search(r"\b(href|src)=", page)
    assert "default-src 'none'" in page


@pytest.mark.parametrize("what", RENDERERS)
def test_markdown_tables_keep_their_shape(what: str) -> None:
    tables: list[list[str]] = [[]]
    for line in RENDERERS[what]("md").splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    assert len(tables) > 1
    for rows in tables:
        widths = {row.replace("\\|", "").count("|") for row in rows}
        assert len(widths) <= 1, rows
