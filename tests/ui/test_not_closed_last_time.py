"""A session the last run did not close says, once opened, that every vote was kept.

Found by a tester: after ``kill -9`` mid-interview, the next start looked exactly
as after Ctrl+Q, and a nervous chair could not tell whether to ask questions again.
"""

from __future__ import annotations

from textual.widgets._toast import Toast

from panel_tui.domain.models import Session
from panel_tui.domain.records import Cursor
from panel_tui.domain.store import Store
from panel_tui.domain.store.opened import NOT_CLOSED_LAST_TIME
from panel_tui.ui.app import PanelApp
from panel_tui.ui.screens.home import HomeScreen
from panel_tui.ui.screens.summary import SummaryScreen
from tests.ui.helpers import AppFactory, demo_like_session, press, screen_text, widget_text
from tests.ui.test_header_and_timer import forty_seconds_in
from tests.ui.test_snapshots import SnapCompare

SIZE = (80, 24)


def left_open(store: Store, session: Session) -> None:
    """As a killed panel-tui leaves a session: a vote on disk, never closed."""
    opened = store.open(session.id)
    first = session.candidates[0].id, session.bank.questions[0].id, session.panel[0].id
    opened.record_vote(*first, "up")
    opened._lock.release()  # a dead process's lock is free again


async def test_a_session_not_closed_last_time_says_every_vote_was_kept(
    store: Store, session: Session, app_factory: AppFactory
) -> None:
    left_open(store, session)
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        said = widget_text(pilot.app, "#hint")
        assert said == NOT_CLOSED_LAST_TIME
        assert said.startswith("This session was not closed properly last time")
        assert "Every vote shown before then was kept: carry on" in said
        assert "(panel-tui or the computer stopped)" in said  # not "it", the session
        # On the line above the keys, not in a notice over the Vote column (found on the day).
        assert list(pilot.app._notifications) == []
        assert not pilot.app.screen.query(Toast)
        await press(pilot, "1")  # the next key's news takes the line
        assert widget_text(pilot.app, "#hint") != NOT_CLOSED_LAST_TIME


async def test_at_80x24_the_words_show_with_the_whole_vote_column(
    store: Store, app_factory: AppFactory
) -> None:
    session = demo_like_session()
    store.save(session)
    left_open(store, session)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert " ".join(shown.split()).count(NOT_CLOSED_LAST_TIME) == 1
        rows = [line for line in shown.splitlines() if "Voted" in line or "Waiting" in line]
        assert len(rows) == len(session.panel)  # every seat's vote shows, none covered
        assert all(line.rstrip().endswith(("Z", "X", "C", "V")) for line in rows)


async def test_a_finished_session_says_so_on_the_summary(
    store: Store, session: Session, app_factory: AppFactory
) -> None:
    opened = store.open(session.id)
    opened.set_finished()
    opened.set_involvement(1, {"declined": True})  # a change after the finish, in the journal
    opened._lock.release()  # killed on the summary: never closed
    async with app_factory(session.id).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert widget_text(pilot.app, "#exported") == NOT_CLOSED_LAST_TIME
        assert list(pilot.app._notifications) == []


def test_snapshot_not_closed_last_time(
    snap_compare: SnapCompare, store: Store, app_factory: AppFactory
) -> None:
    session = demo_like_session()
    store.save(session)
    left_open(store, session)
    assert snap_compare(app_factory(session.id), terminal_size=SIZE)


async def test_a_session_opened_from_the_list_says_so_too(
    store: Store, session: Session, app_factory: AppFactory
) -> None:
    left_open(store, session)
    async with app_factory().run_test(size=SIZE, notifications=True) as pilot:
        await press(pilot, "enter")  # the first session in the list
        assert widget_text(pilot.app, "#hint") == NOT_CLOSED_LAST_TIME


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
