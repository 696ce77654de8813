"""The home screen over a hostile sessions folder: it names the damage and stays open."""

from __future__ import annotations

from textual.widgets import OptionList

from panel_tui.domain.store import Store
from panel_tui.domain.store.journal import frame
from panel_tui.domain.store.journaled import journal_path
from tests.ui.home_app import HomeApp, app, store, stored, workdir

__all__ = ["app", "store", "workdir"]  # the fixtures, shared from tests/ui/home_app.py


async def test_a_catalogue_of_the_wrong_shape_leaves_the_home_screen_open(
    app: HomeApp, store: Store
) -> None:
    fine = stored(store, "Fine round")
    store.summaries()
    store.catalogue.path.write_bytes(b'{"sessions": []}')
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # the sessions are read behind
        await pilot.pause()
        assert app.is_running and app.return_code is None
        resume = app.screen.query_one("#resume", OptionList)
        assert [resume.get_option_at_index(i).id for i in range(resume.option_count)] == [fine.id]


async def test_a_journal_with_an_odd_change_leaves_the_home_screen_open(
    app: HomeApp, store: Store
) -> None:
    fine = stored(store, "Fine round")
    odd = stored(store, "Odd round", day=22)
    with store.open(odd.id):
        pass  # the journal is started on the snapshot
    with journal_path(store.path(odd.id)).open("ab") as journal:
        journal.write(frame({"ops": [{"t": "votes", "add": {"abc": {}}}]}))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        resume = app.screen.query_one("#resume", OptionList)
        assert [resume.get_option_at_index(i).id for i in range(resume.option_count)] == [fine.id]
