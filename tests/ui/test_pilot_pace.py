"""The suite's quicker Pilot (``pilot_pace``) reaches what Textual reads at run time.

If Textual renamed these, ``quick_pilot`` fails to set them (monkeypatch refuses a
missing name); if it stopped reading them, these tests fail.
"""

from __future__ import annotations

import asyncio

import pytest
import textual._wait
from textual.app import App

from tests.ui.pilot_pace import REDRAW_SECONDS, SLICE_SECONDS


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
