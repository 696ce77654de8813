"""A window whose session another window changed saves nothing more over it, and says so.

Found by a tester: the lock file removed by hand, a second window opened the session,
saved votes and quit; the first window's next vote wrote the session again from its
own memory, "Files written again", and the second window's votes were gone.
"""

from __future__ import annotations

import os

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from tests.ui.helpers import SIZE, AppFactory, row_text


async def test_a_vote_over_another_windows_changes_is_refused_and_said(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("1")
        os.remove(store.root / f"{session.id}.lock")  # "stale", to whoever removed it
        second = Store(store.root).open(session.id)
        second.record_vote("c1", "q1", "m3", "down")
        second.close()
        await pilot.press("2")
        assert row_text(app, 2) == "… Waiting"  # never shown as recorded
        assert [n.title for n in app._notifications] == ["Not saved"]
        said = next(iter(app._notifications)).message
        assert "was changed in another window or by another copy of panel-tui" in said
        assert "Close this window and open the session again." in said
    # The other window's vote is kept, and nothing of this one's was lost.
    assert {v.member for v in store.load(session.id).votes} == {"m1", "m3"}
