"""A session the last run did not close says, once opened, that every vote was kept.

Found by a tester: after ``kill -9`` mid-interview, the next start looked exactly
as after Ctrl+Q, and a nervous chair could not tell whether to ask questions again.
"""

from __future__ import annotations

from textual.widgets._toast import Toast

from panel_tui.domain.models import Session
from panel_tui.domain.records import Cursor
from panel_tui.domain.store import Store
from panel_tui.ui.app import PanelApp
from panel_tui.ui.screens.home import HomeScreen
from tests.ui.helpers import AppFactory, press
from tests.ui.test_header_and_timer import forty_seconds_in

SIZE = (80, 24)


def left_open(store: Store, session: Session) -> None:
    """As a killed panel-tui leaves a session: a vote on disk, never closed."""
    opened = store.open(session.id)
    opened.record_vote("c1", "q1", "m1", "up")
    opened._lock.release()  # a dead process's lock is free again


async def test_a_session_not_closed_last_time_says_every_vote_was_kept(
    store: Store, session: Session, app_factory: AppFactory
) -> None:
    left_open(store, session)
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        [notice] = pilot.app._notifications
        assert (notice.title, notice.severity) == ("Every vote kept", "information")
        assert notice.message.startswith(
            "panel-tui did not get to close this session properly last time"
        )
        assert "Every vote shown before then was kept: carry on" in notice.message
        assert "goes at the first key" in notice.message
        [toast] = pilot.app.screen.query(Toast)
        assert "did not get to close" in str(toast.render())
        await press(pilot, "right")  # read: it goes at the first key, as the start's do
        assert list(pilot.app._notifications) == []


async def test_a_session_opened_from_the_list_says_so_too(
    store: Store, session: Session, app_factory: AppFactory
) -> None:
    left_open(store, session)
    async with app_factory().run_test(size=SIZE, notifications=True) as pilot:
        await press(pilot, "enter")  # the first session in the list
        assert [n.title for n in pilot.app._notifications] == ["Every vote kept"]


async def test_a_session_closed_properly_says_nothing(
    store: Store, session: Session, app_factory: AppFactory
) -> None:
    with store.open(session.id) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert list(pilot.app._notifications) == []


async def test_going_back_to_the_sessions_closes_properly_with_the_time_kept(
    store: Store, session: Session, app_factory: AppFactory
) -> None:
    # Found by a review: the screen kept its time as it went, after Sessions had
    # closed the session, so the journal was written without the lock and the next
    # open said the session had not been closed properly.
    async with forty_seconds_in(app_factory, session) as (pilot, _clock, _timer):
        await press(pilot, "1")
        app = pilot.app
        assert isinstance(app, PanelApp)
        app.action_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.open_session(session.id)
        await pilot.pause()
        assert list(app._notifications) == []  # closed as Sessions closes it: nothing said
        assert store.load(session.id).cursor == Cursor(candidate="c1", question="q1", elapsed=40)
