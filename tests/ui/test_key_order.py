"""Keys are handled strictly in the order typed, each against the answer then on screen.

The store is made slow on purpose (every fsync sleeps first), so a vote's save
blocks the app while the next keys arrive, as on a slow disk or a big session.
Keys are sent in one burst, as ``tmux send-keys Right 1`` or a fast typist does.

Seats in the small session: 1 and 2 are lived-experience members, 3 a
professional; their keys are ``1 q a z``, ``2 w s x``, ``3 e d c``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.interview import InterviewScreen
from tests.ui.helpers import AppFactory

SIZE = (80, 24)
#: Long enough that every key of a burst arrives while a save is running.
SLOW_FSYNC_SECONDS = 0.03


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fsync sleeps first, as on a slow disk."""
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(SLOW_FSYNC_SECONDS)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Send every key at once, as a terminal delivers a burst, then let the app finish."""
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for key in keys:
        character = key if len(key) == 1 else None
        event = events.Key(key, character)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


Sender = Callable[..., Awaitable[None]]


def recorded(store: Store, session: Session) -> list[tuple[str, str, str, str | None]]:
    """Every vote event on disk: candidate, question, member, value, in order."""
    on_disk = store.load(session.id)
    return [(v.candidate, v.question, v.member, v.value) for v in on_disk.votes]


def position(app: App[Any]) -> tuple[str, str]:
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen.candidate_id, screen.question_id


# A chair's burst: each vote must land on the answer shown when its key came.
BURST = ("1", "right", "2", "right", "3", "left", "q", "pagedown", "e", "pageup", "w")
EXPECTED = [
    ("c1", "q1", "m1", "up"),
    ("c1", "q2", "m2", "up"),
    ("c2", "q1", "m3", "up"),
    ("c1", "q2", "m1", "middle"),
    ("c2", "q1", "m3", "middle"),
    ("c1", "q1", "m2", "middle"),
]


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Pilot's own key presses, one after another with no pause."""
    await pilot.press(*keys)


@pytest.mark.usefixtures("slow_disk")
@pytest.mark.parametrize("send", [burst, press], ids=["burst", "press"])
async def test_each_vote_lands_on_the_question_shown_when_its_key_came(
    app_factory: AppFactory, store: Store, session: Session, send: Sender
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await send(pilot, *BURST)
        assert recorded(store, session) == EXPECTED
        assert position(pilot.app) == ("c1", "q1")


@pytest.mark.usefixtures("slow_disk")
async def test_undo_in_a_burst_undoes_the_vote_on_the_answer_shown(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "right", "2", "backspace", "3", "left", "w")
        on_disk = store.load(session.id)
        assert {m: v.value for m, v in on_disk.current_votes("c1", "q1").items()} == {
            "m1": "up",
            "m2": "middle",
        }
        assert {m: v.value for m, v in on_disk.current_votes("c1", "q2").items()} == {"m3": "up"}


@pytest.mark.usefixtures("slow_disk")
async def test_a_key_after_a_dialog_opens_goes_to_the_dialog(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Ctrl+R asks first; the vote key typed after it answers nothing and votes nothing.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "ctrl+r", "2", "escape", "3")
        assert recorded(store, session) == [("c1", "q1", "m1", "up"), ("c1", "q1", "m3", "up")]


@pytest.mark.usefixtures("slow_disk")
async def test_answers_to_a_question_in_a_burst_go_where_they_were_typed(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # All three vote, so the votes show; seat 1 changes (asked, Enter says yes),
    # seat 2 changes (asked, Escape says no), then seat 3 votes again unchanged.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "2", "3", "a", "enter", "w", "escape", "3")
        on_disk = store.load(session.id)
        votes = on_disk.current_votes("c1", "q1")
        assert {m: v.value for m, v in votes.items()} == {"m1": "down", "m2": "up", "m3": "up"}
        assert votes["m1"].after_reveal
        assert isinstance(pilot.app.screen, InterviewScreen)


@pytest.mark.parametrize(
    ("key", "vote"),
    [
        ("Q", ("m1", "middle")),  # Caps Lock never stops a vote
        ("E", ("m3", "middle")),
        ("c", ("m3", "abstain")),
    ],
)
async def test_every_vote_key_is_a_binding(
    app_factory: AppFactory, store: Store, session: Session, key: str, vote: tuple[str, str]
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert [
            (m, v.value) for m, v in store.load(session.id).current_votes("c1", "q1").items()
        ] == [vote]


@pytest.mark.usefixtures("slow_disk")
async def test_a_vote_typed_just_after_closing_help_is_given(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "f1", "2", "escape", "3", "right", "question_mark", "escape", "e")
        assert recorded(store, session) == [
            ("c1", "q1", "m1", "up"),
            ("c1", "q1", "m3", "up"),
            ("c1", "q2", "m3", "middle"),
        ]
