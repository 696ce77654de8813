"""Keys typed while a session was opening never act on its screen (found by a tester).

Opening reads the store at once, blocking the app for a second on a slow laptop
while home stays on screen; home's C (carry on), pressed again, became seat 3's
sealed abstention once the interview showed. Such a key is named and not taken;
keys typed once the screen shows count as ever.
"""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any, cast

import pytest
from textual import events
from textual.app import App
from textual.widgets import Static

from panel_tui.domain.models import Session
from panel_tui.domain.store import OpenSession, Store
from panel_tui.domain.store.opened import NOT_CLOSED_LAST_TIME
from panel_tui.ui.app import PanelApp
from panel_tui.ui.opening import Opening
from panel_tui.ui.screens.interview import InterviewScreen
from tests.ui.helpers import AppFactory, burst, recorded, widget_text
from tests.ui.test_not_closed_last_time import left_open

SIZE = (80, 24)


@pytest.fixture
def slow_open(monkeypatch: pytest.MonkeyPatch) -> list[str | events.Event]:
    """Opening takes a while, and the keys (or clicks, pastes) put in the list are
    typed meanwhile (the driver reads them as it would, with the time they were read)."""
    typed: list[str | events.Event] = []
    open_now = Store.open

    def slow(store: Store, session_id: str) -> OpenSession:
        from textual._context import active_app

        if not typed:  # opened outside an app, before the test types
            return open_now(store, session_id)
        driver = active_app.get()._driver
        assert driver is not None
        for key in typed:
            time.sleep(0.05)
            if isinstance(key, str):
                key = events.Key(key, key if len(key) == 1 else None)
            driver.send_message(key)
        time.sleep(0.05)
        return open_now(store, session_id)

    monkeypatch.setattr(Store, "open", slow)
    return typed


def hint(app: Any) -> str:
    return str(app.screen.query_one("#hint", Static).render())


async def test_a_key_typed_while_a_session_opens_from_home_is_named_not_taken(
    app_factory: AppFactory, store: Store, session: Session, slow_open: list[str | events.Event]
) -> None:
    slow_open.extend(["c", "enter"])  # home's "carry on" again, impatient
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the session home has chosen
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)
        assert recorded(store, session) == []
        assert " ".join(hint(pilot.app).split()) == (
            "The keys C and Enter were typed while the session was opening, so they were not taken."
        )
        await pilot.press("3")  # typed once the interview shows: a vote
        assert recorded(store, session) == [("c1", "q1", "m3", "up")]


async def test_keys_typed_in_one_burst_with_the_enter_that_opens_are_not_taken(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await burst(pilot, "enter", "c")
        assert isinstance(pilot.app.screen, InterviewScreen)
        assert recorded(store, session) == []
        assert "The C key was typed while the session was opening" in hint(pilot.app)
        await burst(pilot, "c")
        assert recorded(store, session) == [("c1", "q1", "m3", "abstain")]


async def test_a_key_typed_while_the_session_opens_at_start_is_not_taken(
    app_factory: AppFactory, store: Store, session: Session, slow_open: list[str | events.Event]
) -> None:
    # panel-tui demo or resume: nothing was on screen to vote on yet.
    slow_open.append("1")
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert recorded(store, session) == []
        assert "The 1 key was typed while the session was opening" in hint(pilot.app)
        await pilot.press("1")
        assert recorded(store, session) == [("c1", "q1", "m1", "up")]


def clicked_at(x: int, y: int) -> list[str | events.Event]:
    """A click, mouse down and up, at a place on the screen."""
    where: dict[str, Any] = dict(x=x, y=y, delta_x=0, delta_y=0, button=1, shift=False)
    where.update(meta=False, ctrl=False, screen_x=x, screen_y=y)
    return [events.MouseDown(None, **where), events.MouseUp(None, **where)]


async def test_a_click_made_while_a_session_opens_is_not_taken(
    app_factory: AppFactory, store: Store, session: Session, slow_open: list[str | events.Event]
) -> None:
    # A double-click on a home row, the everyday way to open: the second click
    # landed on the interview, here on seat 1's up key, and was recorded as a vote.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.pause()
        up = pilot.app.screen.query_one("#seat-1 VoteButton.-up").region
    slow_open.extend(clicked_at(up.x + 1, up.y))
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)
        assert pilot.app.screen.query_one("#seat-1 VoteButton.-up").region == up
        assert recorded(store, session) == []
        assert "typed while the session was opening" not in hint(pilot.app)  # not a key
        await pilot.click("#seat-1 VoteButton.-up")  # clicked once it shows: a vote
        assert recorded(store, session) == [("c1", "q1", "m1", "up")]


async def test_a_paste_made_while_a_session_opens_is_not_taken(
    app_factory: AppFactory, session: Session, slow_open: list[str | events.Event]
) -> None:
    slow_open.append(events.Paste("carry on"))
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)
        assert "typed while the session was opening" not in hint(pilot.app)
        late = events.Paste("late")
        late.time = 0.0  # made before the screen showed
        assert not cast(PanelApp, pilot.app).gate.takes(late)
        assert cast(PanelApp, pilot.app).gate.takes(events.Paste("now"))


class Saying:
    """A screen that keeps what it was told to say."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.arrival_news = ""

    def say_done(self, message: str) -> None:
        self.said.append(message)


def test_keys_named_once_the_screen_showed_are_not_named_again() -> None:
    # Keys typed before the screen showed may reach the app after it did: those
    # are named, and not those named already.
    screen = Saying()
    opening = Opening(cast(App[Any], SimpleNamespace(screen=screen)))
    opening.began()
    assert not opening.takes(events.Key("c", "c"))
    opening.shown()
    late = [events.Key("enter", None), events.Key("1", "1")]
    late[0].time = late[1].time = 0.0  # typed before it showed
    for key in late:
        assert not opening.takes(key)
    opening.caught_up()
    assert screen.said == [
        "The C key was typed while the session was opening, so it was not taken.",
        "The keys Enter and 1 were typed while the session was opening, so they were not taken.",
    ]


async def test_after_a_crash_the_keys_are_named_after_the_words_that_every_vote_was_kept(
    app_factory: AppFactory, store: Store, session: Session, slow_open: list[str | events.Event]
) -> None:
    # The impatient chair, after a crash, needs the reassurance most: the keys' words
    # follow it on the same line, and do not take its place.
    left_open(store, session)
    slow_open.append("1")
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert widget_text(pilot.app, "#hint") == (
            f"{NOT_CLOSED_LAST_TIME} "
            "The 1 key was typed while the session was opening, so it was not taken."
        )
