"""In tests, a screen is drawn once per Pilot step, not at every frame; and once more at the end.

A screen draws what changed into a frame after each change, and the headless
driver of ``run_test()`` throws every frame away. Drawing each frame was about a
quarter of the processor time of the Pilot tests. So in the tests a frame is not
drawn when Textual would draw it: what changed stays marked, and is drawn once
at the end of each Pilot step (:func:`draw_what_changed`, called by
``pilot_pace``'s idle wait), and the whole screen once more before the app shuts
down. A test reading the screen draws it afresh, as before.

Drawing runs every widget's drawing code, so a mistake there (a ``render`` that
raises) must still fail the test: in a state a test passes through (a dialog
shown, then closed), as in the state it ends in. ``test_headless_frames.py``
shows both. What is no longer drawn: a state that comes and goes within one
Pilot step (a burst of keys), which no frame of a real terminal need show either.

``Screen._compositor_refresh`` and ``App._shutdown`` are Textual's private names;
monkeypatch refuses a name that no longer exists, so a rename fails the suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen

_draw_frame = Screen._compositor_refresh
_shut_down = App._shutdown


def _leave_the_frame(screen: Screen[Any]) -> None:
    """The top screen of a headless app leaves what changed marked, for the Pilot step to draw."""
    app = screen.app
    if not (app.is_headless and not app.is_inline and screen is app.screen):
        _draw_frame(screen)
        return
    screen._dirty_widgets.clear()
    app._update_mouse_over(screen)


def draw_what_changed(app: App[Any]) -> None:
    """Draw what changed on the top screen since it was last drawn (an error fails the step)."""
    if app.is_headless and not app.is_inline and app._running and app._screen_stack:
        app.screen._compositor.render_update(screen_stack=app._background_screens)


async def _draw_the_last_frame_then_shut_down(app: App[Any]) -> None:
    """Draw the whole screen once (an error in it fails the test), then shut down as Textual does."""
    if app.is_headless and app._running and app._screen_stack:
        try:
            screen = app.screen
            screen._compositor.render_update(full=True, screen_stack=app._background_screens)
        except Exception as error:  # handed to run_test, which raises it after shutting down
            if app._exception is None:
                app._exception = error
    await _shut_down(app)


@contextmanager
def frames_drawn_when_read() -> Iterator[None]:
    """Headless screens draw once per Pilot step and at the end, not at every frame."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Screen, "_compositor_refresh", _leave_the_frame)
        patch.setattr(App, "_shutdown", _draw_the_last_frame_then_shut_down)
        yield
