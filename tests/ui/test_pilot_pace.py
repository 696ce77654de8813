"""The suite's quicker Pilot (``pilot_pace``) reaches what Textual reads at run time.

If Textual renamed these, ``quick_pilot`` fails to set them (monkeypatch refuses a
missing name); if it stopped reading them, these tests fail.
"""

from __future__ import annotations

import asyncio

import pytest
import textual._wait
from textual.app import App

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.key_hold import TurnTakingApp
from tests.ui import pilot_pace
from tests.ui.helpers import AppFactory, burst
from tests.ui.pilot_pace import REDRAW_SECONDS, SLICE_SECONDS, HeldInputTimeout


async def test_screens_redraw_on_the_shorter_period() -> None:
    async with App[None]().run_test() as pilot:
        # Textual reads UPDATE_PERIOD when a screen starts its redraw timer.
        assert pilot.app.screen._update_timer._interval == REDRAW_SECONDS


async def test_an_idle_wait_sleeps_in_short_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await asyncio.sleep(seconds)

    monkeypatch.setattr(textual._wait, "sleep", sleep)
    async with App[None]().run_test() as pilot:
        await pilot.press("a")
    assert slept and set(slept) == {SLICE_SECONDS}


async def test_pilot_waits_for_held_keys_even_when_every_slice_looks_idle(
    app_factory: AppFactory, store: Store, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a machine busy with other work the test process is given little of the
    # processor, so a slice can pass with almost no processor time while keys
    # still wait their turn (ui/key_hold.py): Pilot called the app idle, and the
    # test read the screen before the keys typed last were handled. Seen under
    # load as a vote or a seat number missing. A clock that never moves makes
    # every slice look idle.
    monkeypatch.setattr(textual._wait, "process_time", lambda: 0.0)
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        await burst(pilot, "ctrl+n", *"slow", "enter", "1", "2", "3")
        app = pilot.app
        assert isinstance(app, TurnTakingApp)
        assert not app._held
    on_disk = store.load(session.id)
    assert [n.text for n in on_disk.notes_on("c1", "q1")] == ["slow"]
    assert sorted(on_disk.current_votes("c1", "q1")) == ["m1", "m2", "m3"]


async def test_a_wait_that_never_settles_fails_saying_so(
    app_factory: AppFactory, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading the screen while the app still holds keys looks like keys lost
    # (seen under coverage on a loaded machine, when the wait was a count of
    # slices): the wait says what happened instead.
    monkeypatch.setattr(pilot_pace, "MOST_EXTRA_SECONDS", 0.05)
    monkeypatch.setattr(pilot_pace, "settled", lambda app: False)
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        with pytest.raises(HeldInputTimeout, match="still held"):
            await pilot.press("1")
