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

These are Textual's private names: ``test_pilot_pace.py`` fails if the slice or the
redraw period stops being read, rather than letting the suite slow down unnoticed
(the quiet threshold it does not check: if that stopped being read, waits would
only be as careful as Textual's own).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import textual._wait
import textual.screen

#: Pilot's idle check: sleep this long, and call the app idle if it worked under a twentieth.
SLICE_SECONDS = 1 / 200
#: How often a screen draws what changed: a little under one slice, as in Textual.
REDRAW_SECONDS = 1 / 240


@contextmanager
def quick_pilot() -> Iterator[None]:
    """Shorten Pilot's idle slices and the screen's redraw period while inside."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual._wait, "SLEEP_GRANULARITY", SLICE_SECONDS)
        patch.setattr(textual._wait, "SLEEP_IDLE", SLICE_SECONDS / 20)
        patch.setattr(textual.screen, "UPDATE_PERIOD", REDRAW_SECONDS)
        yield
