"""The summary's one way to write an export: the Export box and the Sheets key (T) alike."""

from __future__ import annotations

from pathlib import Path

from panel_tui.domain.exports import MEMBER_SHEETS, file_name
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.summary import SummaryScreen
from tests.platforms import link_to
from tests.ui.helpers import SIZE, AppFactory, widget_text


async def test_the_sheets_are_never_written_through_a_link_out_of_the_export_folder(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a review: T wrote the pages through a link the Export box refused.
    exports, elsewhere = tmp_path / "exports", tmp_path / "elsewhere"
    exports.mkdir()
    elsewhere.mkdir()
    link_to(exports / file_name(session, MEMBER_SHEETS), elsewhere)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "t")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        said = widget_text(app, "#exported")
        assert said.startswith("Could not write to ")
        assert [n.message for n in app._notifications] == [said]
    assert list(elsewhere.iterdir()) == []


async def test_the_sheets_are_never_written_into_the_sessions_folder(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id, export_dir=store.root).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "t")
        await pilot.pause()
        said = widget_text(pilot.app, "#exported")
        assert f"is inside the sessions folder {store.root}, so nothing was written" in said
    assert not (store.root / file_name(session, MEMBER_SHEETS)).exists()
