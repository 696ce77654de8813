"""Every table in the Markdown files has a heading row that names its columns.

Found by testers: the summary's, the rounds report's and the joint summary's
facts sat in tables headed by an empty row (``| | |``), which shows as an empty
bar above the facts once rendered and as noise in the raw file. The facts are a
list of "**Field:** value" lines instead.
"""

from __future__ import annotations

import re

import pytest

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.exports import render
from panel_tui.domain.exports.combined import render_combined
from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.rounds import compare_rounds
from tests.domain.rounds_sessions import every_session
from tests.domain.test_combine import panel_a, panel_b
from tests.exports.helpers import build_session

#: A table's line under its heading row: ``|---|---|``.
_RULE = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")


def _headings(markdown: str) -> list[list[str]]:
    """The cells of each table's heading row (the line above each rule)."""
    lines = markdown.splitlines()
    return [
        [cell.strip() for cell in lines[n - 1].strip().strip("|").split("|")]
        for n, line in enumerate(lines)
        if n and _RULE.match(line.strip())
    ]


def _documents() -> dict[str, str]:
    return {
        "summary": render(build_session(), "md"),
        "rounds": render_rounds(compare_rounds(every_session()), "md"),
        "combine": render_combined(combine_sessions(panel_a(), panel_b()), "md"),
    }


@pytest.mark.parametrize("name", ["summary", "rounds", "combine"])
def test_no_table_has_an_empty_heading(name: str) -> None:
    headings = _headings(_documents()[name])
    assert headings  # each has tables, so the check checks something
    empty = [cells for cells in headings if not all(cells)]
    assert not empty, f"{name}: a table headed by empty cells: {empty}"


@pytest.mark.parametrize(
    ("name", "fact"),
    [
        ("summary", "- **Status:** Live interviews, finished."),
        ("summary", "- **Decision:** Recommend"),
        ("rounds", "- **Mean voice gap:** +18.8 points"),
        ("combine", "- **Joint score:**"),
    ],
)
def test_the_facts_are_a_list_of_fields(name: str, fact: str) -> None:
    assert fact in _documents()[name]
