"""The HTML grid of votes reads for any panel of 1 to 9 members and any bank.

Members are rows and questions columns (at most 8 to a table), so the number
of columns never grows with the panel; a candidate with no votes gets one line,
not a grid of "No vote".
"""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import pytest

from panel_tui.domain.exports import render
from panel_tui.domain.models import Candidate, Member, Question, Session, VoteEvent
from tests.exports.helpers import T0, build_session


class _Grids(HTMLParser):
    """The rows of every ``table.grid``: each row a list of its cells' text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._in_grid = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table":
            self._in_grid = "grid" in classes
            if self._in_grid:
                self.tables.append([])
        elif self._in_grid and tag == "tr":
            self.tables[-1].append([])
        elif self._in_grid and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_grid = False
        elif self._in_grid and tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def grids(html: str) -> list[list[list[str]]]:
    parser = _Grids()
    parser.feed(html)
    return parser.tables


def panel_of(size: int, questions: int) -> Session:
    """``size`` members and ``questions`` questions; C1 has every vote, C2 none."""
    session = build_session()
    bank = session.bank.model_copy(
        update={"questions": [Question(id=f"q{n}", text=f"Q {n}?") for n in range(questions)]}
    )
    panel = [
        Member(
            id=f"m{n}",
            name=f"Member with a long name {n}",
            role="lived_experience" if n % 2 else "professional",
            seat=n,
        )
        for n in range(1, size + 1)
    ]
    votes = [
        VoteEvent(
            candidate="c1",
            question=q.id,
            member=m.id,
            value=("up", "middle", "down", "abstain")[(i + m.seat) % 4],
            at=T0 + timedelta(seconds=i * 10 + m.seat),
        )
        for i, q in enumerate(bank.questions)
        for m in panel
    ]
    return session.model_copy(
        update={
            "bank": bank,
            "panel": panel,
            "candidates": [Candidate(id="c1", code="C1"), Candidate(id="c2", code="C2")],
            "votes": votes,
            "reveals": [],
            "notes": [],
            "decisions": [],
        }
    )


@pytest.mark.parametrize("size", [1, 4, 9])
@pytest.mark.parametrize("questions", [3, 8, 11])
def test_members_are_rows_and_tables_hold_at_most_eight_questions(
    size: int, questions: int
) -> None:
    tables = grids(render(panel_of(size, questions), "html"))
    assert len(tables) == -(-questions // 8)  # C1's grids only: C2 has no votes
    seen = []
    for table in tables:
        header, *rows = table
        assert header[0] == "Member"
        assert 2 <= len(header) <= 9  # the member column and at most 8 questions
        members, results = rows[:size], rows[size:]
        assert [row[0].split(",")[0] for row in members] == [
            f"Seat {n}" for n in range(1, size + 1)
        ]
        assert [row[0] for row in results] == ["Score", "Voice gap", "Flags"]
        assert all(len(row) == len(header) for row in rows)
        seen += header[1:]
    assert seen == [f"Question {n}" for n in range(1, questions + 1)]


def test_a_candidate_with_no_votes_gets_one_line_not_a_grid_of_no_vote() -> None:
    html = render(panel_of(9, 6), "html")
    c2 = html[html.index('id="candidate-2"') :]
    assert "No votes were recorded for this candidate." in c2
    assert "No vote<" not in c2
    assert '<section class="candidate unscored"' in html  # printed after the one before
