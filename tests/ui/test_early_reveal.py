"""The early-reveal story, through the app: seat 1 Up, seat 2 Middle, Ctrl+R, seat 3 Up.

Seat 3 voted having seen the others' votes. The record must say so, and the
summary screen and every export must show it to HR.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from textual.widgets import Label

from panel_tui.domain import after_reveal
from panel_tui.domain.exports import FORMATS, ExportOptions, render
from panel_tui.domain.models import Session, VoteEvent
from panel_tui.domain.store import Store
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.screens.summary import SummaryScreen
from panel_tui.ui.widgets.vote_grid import VoteRow
from tests.ui.helpers import AppFactory, screen_text
from tests.ui.speaking import FakeSpeaker


async def test_a_vote_after_the_chair_reveals_early_is_marked_everywhere(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        await pilot.press("1", "w")  # seat 1 Up, seat 2 Middle: still sealed
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the chair shows the votes
        await pilot.press("3")  # seat 3 votes Up, having seen them
        await pilot.pause()
        recorded = store.load(session.id)
        assert [(v.member, v.value, v.after_reveal) for v in recorded.votes] == [
            ("m1", "up", False),
            ("m2", "middle", False),
            ("m3", "up", True),
        ]
        row = app.screen.query_one("#seat-3", VoteRow)
        assert str(row.query_one(".state", Label).render()) == "▲ Up\nafter reveal"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SummaryScreen)
        shown = " ".join(screen_text(app).split())  # as read, wrapped lines joined
        assert "except where listed under early reveals" in shown
        assert "Early reveals" in shown
        assert (
            "2 of 3 voting members had voted. Voted after the reveal: Seat 3, Dan Reilly" in shown
        )
        assert "after reveal" in shown  # seat 3's Up in the grid

    # Every export says it, in its own way.
    texts = {name: render(recorded, name, ExportOptions()) for name in FORMATS}
    # (The involvement record, for payment, holds no votes to mark.)
    assert set(texts) - {"involvement-csv"} == {"md", "html", "csv", "votes-csv", "json"}
    for name in ("md", "html"):
        assert "except where listed under early reveals" in texts[name]
        assert "2 of 3 voting members had voted" in texts[name]
        assert "Seat 3, Dan Reilly" in texts[name]
    assert "| ▲ Up (after reveal) |" in texts["md"]
    assert '▲</span> Up<span class="changed">(after reveal)</span>' in texts["html"]
    rows = list(csv.DictReader(io.StringIO(texts["votes-csv"])))
    assert [(r["seat"], r["after_reveal"], r["changed_after_reveal"]) for r in rows] == [
        ("1", "no", "no"),
        ("2", "no", "no"),
        ("3", "yes", "no"),  # a first vote, not a change
    ]
    (ranked,) = [r for r in csv.DictReader(io.StringIO(texts["csv"])) if r["code"] == "C1"]
    assert ranked["after_reveal_votes"] == "1"
    record = json.loads(texts["json"])
    assert [v["after_reveal"] for v in record["votes"]] == [False, False, True]
    assert record["results"]["early_reveals"] == [
        {
            "candidate": "c1",
            "question": "q1",
            "voted_before": 2,
            "voters": 3,
            "voted_after": ["m3"],
            "withdrawn": [],
            "changed": [],
            "undone": [],
        }
    ]


async def test_the_early_reveal_question_says_what_enter_does_as_the_focus_moves(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: after Tab the question still said "Show them (Enter)",
    # and Enter gave "Not yet", the button with the focus, with no word of it.
    speaker = FakeSpeaker()
    async with app_factory(session.id, speaker=speaker).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("1", "ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)
        shown = screen_text(app)
        assert "Show them (Enter)" in shown and "Not yet (Esc)" in shown
        await pilot.press("tab", "ctrl+l")
        shown = screen_text(app)
        # Each label shown whole: the button grew to fit what it says now.
        assert "Not yet (Enter or Esc)" in shown
        assert "(Enter)" not in shown and "Show them" in shown
        assert speaker.said[-1].endswith("Enter: Not yet. Escape: Not yet.")
        await pilot.press("left")  # back to the first answer
        assert "Show them (Enter)" in screen_text(app)
        await pilot.press("right", "enter")
        assert isinstance(app.screen, InterviewScreen)
        assert not app.screen.session.is_revealed("c1", "q1")


async def test_an_answer_whose_votes_show_is_read_from_its_log_once_per_render(
    app_factory: AppFactory, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The seats' marks of votes given after the reveal and the tally under them
    # each read the answer's log (after_reveal), so every render read it twice.
    reads: list[object] = []

    class Counted(after_reveal._Reader):
        def __init__(self, events: list[VoteEvent]) -> None:
            reads.append(events)
            super().__init__(events)

    async with app_factory(session.id).run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "w")
        await pilot.press("ctrl+r", "enter")  # the chair shows the votes
        await pilot.press("3")  # and seat 3 votes after: a mark on its seat
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, InterviewScreen)
        monkeypatch.setattr(after_reveal, "_Reader", Counted)
        screen.refresh_view()
        row = screen.query_one("#seat-3", VoteRow)
        assert str(row.query_one(".state", Label).render()) == "▲ Up\nafter reveal"
        assert len(reads) == 1
