"""Pilot tests of the summary and exports reached from the interview: sealed votes never given away."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from panel_tui.domain.exports import (
    FOLDER_FORMATS,
    FORMATS,
    MEMBER_SHEETS,
    ExportOptions,
    file_name,
)
from panel_tui.domain.exports.sheet_kinds import SheetError
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.export_dialog import ExportDialog
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.screens.summary import SummaryScreen
from tests.ui.helpers import (
    SIZE,
    AppFactory,
    export_from_summary,
    screen_text,
    scrolled_text,
    standing,
    widget_text,
)


async def test_a_finished_session_opens_on_the_summary_and_keeps_its_votes(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    with store.open(session.id) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.set_finished()
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app.screen, SummaryScreen)
        assert "Live interviews, finished." in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("a")
        assert standing(store, "c1", "q1") == {"m1": "up"}
        assert "finished" in str(app.screen.query_one("#hint", Static).render())
        # Reopening from the summary lets votes change again.
        await pilot.press("ctrl+s", "f", "enter", "escape", "2")
        assert standing(store, "c1", "q1") == {"m1": "up", "m2": "up"}


async def test_caps_lock_never_stops_a_key_on_the_summary(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: with Caps Lock on, F did nothing and said nothing, so the
    # chair could not finish, though the footer shows "F Finish / reopen".
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "F")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape", "B")
        assert isinstance(app.screen, InterviewScreen)


async def test_export_asks_before_replacing_a_file(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "test-session.json").write_text("old", encoding="utf-8")
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "json")
        assert isinstance(app.screen, ConfirmDialog)
        # One file, said as one (found by a tester: "These files already exist").
        asked = screen_text(app)
        assert "This file already exists:" in asked and "Replace it?" in asked
        await pilot.press("escape", "escape")  # keep it, then close the box it went back to
        assert (folder / "test-session.json").read_text(encoding="utf-8") == "old"
        # the chair is told the file was kept, not left reading an older message
        assert "Kept 1 file already there (test-session.json)" in widget_text(app, "#exported")
        await pilot.press("e")
        assert await pilot.click("#format-json")
        assert await pilot.click("#export")
        await pilot.press("enter")
    assert json.loads((folder / "test-session.json").read_text(encoding="utf-8"))["id"] == (
        "test-session"
    )


async def test_the_summary_mid_session_never_gives_sealed_votes_away(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(120, 40)) as pilot:
        # Two of three voters give Down on question 1: still sealed.
        await pilot.press("a", "s", "ctrl+s")
        summary = await scrolled_text(pilot)
        assert "1 answer still sealed is left out until its votes are shown." in summary
        assert "2 down" not in summary and "0.0%" not in summary
        await pilot.press("escape", "d")  # the third voter: all shown
        await pilot.pause()
        await pilot.press("ctrl+s")
        summary = await scrolled_text(pilot)
        assert "still sealed" not in summary
        assert "3 down" in summary and "0.0%" in summary


async def test_an_export_mid_session_warns_that_it_holds_sealed_votes(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        await pilot.press("a", "s", "ctrl+s", "e")  # two of three voted: sealed
        assert await pilot.click("#format-md")
        assert await pilot.click("#export")
        reported = widget_text(app, "#exported")
        assert "Exported to the folder" in reported
        assert "sealed" not in reported  # the summary leaves the sealed votes out
        await pilot.press("e")
        assert await pilot.click("#format-md")  # off
        assert await pilot.click("#format-json")  # the complete record holds them
        assert await pilot.click("#export")
        reported = widget_text(app, "#exported")
        assert "The json file includes the votes on 1 answer still sealed" in reported
        await pilot.press("escape", "d", "ctrl+s", "e")  # the third voter: all shown
        assert await pilot.click("#format-md")
        assert await pilot.click("#export")
        await pilot.press("enter")  # replace the file written before
        reported = widget_text(app, "#exported")
        assert "Exported to the folder" in reported
        assert "sealed" not in reported


async def test_the_summary_marks_a_vote_changed_only_when_the_standing_vote_changed(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        await pilot.press("1", "w", "3")  # all three: the votes show
        await pilot.press("backspace")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # seat 3's Up withdrawn...
        await pilot.press("3")  # ...and given again, the same: no change to confirm
        assert not isinstance(app.screen, ConfirmDialog)
        assert standing(store, "c1", "q1") == {"m1": "up", "m2": "middle", "m3": "up"}
        await pilot.press("ctrl+s")
        assert "after reveal" not in await scrolled_text(pilot)
        await pilot.press("escape", "a", "enter")  # seat 1: Up to Down, a real change
        assert standing(store, "c1", "q1")["m1"] == "down"
        await pilot.press("ctrl+s")
        assert "after reveal" in await scrolled_text(pilot)


async def test_a_change_after_the_reveal_then_undone_is_told_with_its_undo(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: the summary said seat 1 changed to Down, and never that the
    # chair undid it, though the screen said the vote given before stands.
    async with app_factory(session.id).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        await pilot.press("1", "w", "3")  # all three: the votes show
        await pilot.press("a")  # seat 1: Up to Down, a change after the reveal
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.press("backspace")  # the chair undoes it
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        assert standing(store, "c1", "q1")["m1"] == "up"
        await pilot.press("ctrl+s")
        shown = " ".join((await scrolled_text(pilot)).split())
        # (The scroll bar may stand between the last words, where the line wraps.)
        assert (
            "changed from ▲ Up to ▼ Down after the votes were shown, then it was undone: ▲ Up"
            in shown
        )
        assert "after reveal" not in shown  # the Up that stands was given before


async def test_what_an_export_wrote_is_said_once_on_the_summarys_own_line(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "md")
        reported = widget_text(app, "#exported")
        assert reported.startswith("Exported to the folder")
        # A notice saying it again covered that line for ten seconds, over the
        # ranking (seen in a terminal; Pilot does not draw notices at once).
        assert not app._notifications


async def test_the_folder_chosen_for_an_export_is_where_the_next_export_and_the_sheets_go(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a new user: the export went to the folder typed, the sheets (T) to
    # the folder first suggested.
    chosen = tmp_path / "hr-files"
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "e")
        app.screen.query_one("#folder", Input).value = str(chosen)
        assert await pilot.click("#format-json")
        assert await pilot.click("#export")
        assert (chosen / "test-session.json").exists()
        await pilot.press("t")
        assert widget_text(app, "#exported") == (
            f"Exported to the folder {chosen}: the member sheets in the folder "
            "test-session-member-sheets"
        )
        await pilot.press("e")
        assert app.screen.query_one("#folder", Input).value == str(chosen)
    assert sorted(p.name for p in (chosen / "test-session-member-sheets").iterdir())[0].startswith(
        "seat-1"
    )


async def test_every_format_in_the_export_box_writes_the_member_sheets_as_the_command_does(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # An HR officer expected "all" to mean all: the box's "every format" matches --format all.
    folder = tmp_path / "exports"
    sheets = folder / file_name(session, MEMBER_SHEETS)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "e")
        assert "Every format above, and the member sheets" in screen_text(app)
        assert await pilot.click("#format-all")
        assert await pilot.click("#export")
        assert isinstance(app.screen, SummaryScreen)
        assert sorted(p.name for p in sheets.iterdir()) == sorted(member_sheets(session))
        said = widget_text(app, "#exported")
        assert f"and the member sheets in the folder {sheets.name}" in said
        # Totals only: left out, in one plain line, and nothing else changed.
        await pilot.press("e")
        assert await pilot.click("#format-all")
        assert await pilot.click("#totals")
        assert await pilot.click("#export")
        said = widget_text(app, "#exported")
        assert "the member sheets" not in said.splitlines()[0]
        assert said.splitlines()[-1] == (
            "Member sheets were not written: each shows one member's own votes, "
            "and this copy is totals only."
        )
    totals = ExportOptions(totals_only=True)
    assert not (folder / file_name(session, MEMBER_SHEETS, totals)).exists()
    for name in FORMATS:
        assert (folder / file_name(session, name, totals)).exists()


async def test_sheets_that_cannot_be_made_are_said_in_plain_words_and_nothing_is_written(
    app_factory: AppFactory, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No path reaches it today ("every format" leaves a totals-only copy's sheets out),
    # so a maker that refuses is put in: the chair reads its words, never a traceback.
    said = "Member sheets were not written: a reason in plain words."

    def refused(session: Session, options: ExportOptions | None = None) -> dict[str, str]:
        raise SheetError(said)

    monkeypatch.setitem(FOLDER_FORMATS, MEMBER_SHEETS, refused)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await export_from_summary(pilot, "all")
        # Said in the box, which stays open for another choice: nothing was written.
        assert isinstance(app.screen, ExportDialog)
        assert widget_text(app, "#problem") == said
        await pilot.press("escape", "b")  # the screen still answers its keys
        assert isinstance(app.screen, InterviewScreen)
    assert not (tmp_path / "exports").exists()  # the sheets are made before any file is written
