"""In tests, the screen is drawn when something reads it, and once more at the end.

A screen draws what changed into a frame after each change, and the headless
driver of ``run_test()`` throws every frame away. Drawing them was about a quarter
of the processor time of the Pilot tests. So in the tests a frame is not drawn:
the screen forgets what changed and goes on as if it had drawn it.

Nothing a test reads depends on those frames. What the screen shows is drawn
afresh when a test reads it (``screen_text``, the snapshots, a screenshot), and
layout, focus, styles and messages run as before. What the frames also did was
run every widget's drawing code, so a mistake there (a ``render`` that raises)
failed the test. That stays true for what the screen shows at the end: before
the app shuts down, the whole screen is drawn once, and an error there fails the
test as an error in any frame did (``test_headless_frames.py`` shows both).

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


def _forget_the_frame(screen: Screen[Any]) -> None:
    """The top screen of a headless app marks what changed as drawn, without drawing it."""
    app = screen.app
    if not (app.is_headless and not app.is_inline and screen is app.screen):
        _draw_frame(screen)
        return
    screen._compositor._dirty_regions.clear()
    screen._dirty_widgets.clear()
    app._update_mouse_over(screen)


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
    """Headless screens draw no frame of their own, only the last one and what tests read."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Screen, "_compositor_refresh", _forget_the_frame)
        patch.setattr(App, "_shutdown", _draw_the_last_frame_then_shut_down)
        yield
