"""Pilot waits for the app in 5 ms slices instead of 20 ms, and the screen redraws to match.

After every key it sends, Pilot waits twice for the app to go idle: it sleeps in
slices of ``textual._wait.SLEEP_GRANULARITY`` (20 ms) until a slice passes in which
the process used almost no processor time. A screen draws what changed on a timer
of ``textual.screen.UPDATE_PERIOD`` (1/60 s), a little shorter than the slice, so a
slice with nothing to do means the drawing is done too. At 20 ms a key costs at
least 40 ms of waiting: about half of the suite's time went on these sleeps.

Both are shortened by the same factor, so the redraw still falls inside a slice
(4.2 ms against 5 ms, as 16.7 ms against 20 ms before) and a quiet slice still
needs under a twentieth of itself in processor time. This speeds the waits after
each key and in ``pause()``; waits with Textual's default minimum (``exit``,
``wait_for_scheduled_animations``) still last at least 20 ms. What a test sees is
unchanged: Pilot still drains every widget's messages after each key and again
before reading the screen; only the sleeps between are shorter. A test that relied
on 20 ms passing (a second click on a button within Textual's 0.2 s "pressed"
effect is ignored, as it is for a person) waits for what it needs instead.

Pilot's idle test reads the process's processor time, so on a machine busy with
other work (the suite's own workers, or anything else) a slice in which the test
process was simply not given the processor looks idle too. Keys the app holds for
their turn (``ui/key_hold.py``) were then still waiting when the test read the
screen: a vote or a seat number seemed lost. So each idle wait also goes on until
the app holds no input and every screen's messages are handled, as Pilot means
"idle" to say. After :data:`MOST_EXTRA_SECONDS` it fails the test, saying the
app still holds input, rather than let the test read a half-typed screen.

These are Textual's private names: ``test_pilot_pace.py`` fails if the slice or the
redraw period stops being read, rather than letting the suite slow down unnoticed
(the quiet threshold it does not check: if that stopped being read, waits would
only be as careful as Textual's own).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import textual._wait
import textual.app
import textual.pilot
import textual.screen
from textual._context import active_app

from panel_tui.ui.key_hold import TurnTakingApp, _busy, settled
from tests.ui.headless_frames import draw_what_changed

#: Pilot's idle check: sleep this long, and call the app idle if it worked under a twentieth.
SLICE_SECONDS = 1 / 200
#: How often a screen draws what changed: a little under one slice, as in Textual.
REDRAW_SECONDS = 1 / 240
#: How long Pilot goes on waiting for input the app still holds. Waits end as soon as
#: the app is settled (no test in tests/ui comes near this), so it costs nothing
#: else. It was 2,000 idle waits (ten seconds or more), and a run made under
#: coverage on a loaded machine ran out of them in the middle of a burst of 30
#: keys into the new-session form: the test read "Sam Oka" with the rest of the
#: burst still held, and failed as if keys were lost.
MOST_EXTRA_SECONDS = 120.0


class HeldInputTimeout(AssertionError):
    """Pilot waited :data:`MOST_EXTRA_SECONDS` and the app still held input."""


async def wait_for_idle_and_input(
    min_sleep: float = textual._wait.SLEEP_GRANULARITY, max_sleep: float = 1
) -> None:
    """Textual's idle wait, then more until the app holds no input and its screens are settled."""
    await textual._wait.wait_for_idle(min_sleep, max_sleep)
    app = active_app.get(None)
    if isinstance(app, TurnTakingApp):
        await _wait_for_held_input(app, max_sleep)
    if app is not None:
        draw_what_changed(app)  # the state this step ends in, as a terminal would show it


async def _wait_for_held_input(app: TurnTakingApp[Any], max_sleep: float) -> None:
    deadline = time.monotonic() + MOST_EXTRA_SECONDS
    while app._running and (app._held or not settled(app)):
        if time.monotonic() > deadline:
            # Reading the screen now would look like lost keys: say what happened, and
            # what was still busy (whether key_hold's check was due: ``checking``).
            busy = [
                type(node).__name__
                for screen in app.screen_stack
                for node in screen.walk_children(with_self=True)
                if _busy(node)
            ]
            raise HeldInputTimeout(
                f"the app still held {len(app._held)} input events, or its screens still"
                f" had messages, after {MOST_EXTRA_SECONDS:.0f} s of waiting"
                f" (checking: {app._checking}, checks: {app._checks}, busy: {busy})"
            )
        await textual._wait.wait_for_idle(0, max_sleep)


@contextmanager
def quick_pilot() -> Iterator[None]:
    """Shorten Pilot's idle slices and the screen's redraw period, and wait for held input."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual.pilot, "wait_for_idle", wait_for_idle_and_input)
        patch.setattr(textual.app, "wait_for_idle", wait_for_idle_and_input)
        patch.setattr(textual._wait, "SLEEP_GRANULARITY", SLICE_SECONDS)
        patch.setattr(textual._wait, "SLEEP_IDLE", SLICE_SECONDS / 20)
        patch.setattr(textual.screen, "UPDATE_PERIOD", REDRAW_SECONDS)
        yield
