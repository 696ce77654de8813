"""Keys typed while a session was opening never act on the screen it opens on.

Found by a tester: opening a session reads the store at once, which blocks the
app for a second on a slow laptop while home stays on screen. Home's C (carry
on), pressed again meanwhile, reached the interview once it showed, as seat 3's
sealed abstention. Each key is handled against what was on screen when it was
typed (PRODUCT.md section 5): a key typed before the session's screen showed
(Textual stamps each key with the time its driver read it) is not taken, and
the screen names it, as a box names the keys it did not take.

At start-up (``panel-tui demo``, ``panel-tui resume``) the session opens the
same way, so keys typed before its screen first showed are named and not taken
either: nothing was on screen to vote on.

Clicks and pastes wait their turn with the keys (ui/key_hold.py) and are timed
the same way: a click made before the screen showed is dropped, unnamed. The
second click of a double-click on a home row, the everyday way to open a
session, landed on the interview and was recorded as a vote.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual._time import get_time
from textual.app import App

from panel_tui.domain.interview_lines import keys_typed_while_opening
from panel_tui.ui.contracts import SaysDone, SaysOnArrival
from panel_tui.ui.key_hold import Held
from panel_tui.ui.keys import spoken_key_words


class Opening:
    """When the last session opened showed, and the keys typed before it did."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._under_way = False
        self._shown_at = 0.0
        self._not_taken: list[str] = []  #: in words, as typed, not named yet

    def began(self) -> None:
        """A session is opening: keys from now until its screen shows are not taken."""
        self._under_way = True
        self._not_taken = []

    def shown(self) -> None:
        """Its screen has been composed and mounted: keys typed from now on are taken,
        and it names those that were not."""
        if self._under_way:
            self._under_way = False
            self._shown_at = get_time()
            self._say()

    def failed(self) -> None:
        """Nothing opened: the screen stays, and so do the keys typed meanwhile."""
        self._under_way = False

    def takes(self, event: Held) -> bool:
        """Whether ``event``, its turn come, goes to the screen: not a key typed before
        the screen opened showed. Such a key is named; a click or paste is dropped."""
        if not self._under_way and event.time >= self._shown_at:
            return True
        if not isinstance(event, events.Key):
            return False
        self._not_taken.append(spoken_key_words(event.key))
        return False

    def caught_up(self) -> None:
        """The app has handed on all the input it held: keys typed before the screen
        showed that reached the app after it did are named, together, once."""
        if not self._under_way:
            self._say()

    def _say(self) -> None:
        """Name the keys not taken that are not named yet: one typed before the screen
        showed may reach the app after it did, and is named on its own."""
        screen = self._app.screen
        if self._not_taken and isinstance(screen, SaysOnArrival):
            screen.say_on_arrival(keys_typed_while_opening(self._not_taken))
        elif self._not_taken and isinstance(screen, SaysDone):
            screen.say_done(keys_typed_while_opening(self._not_taken))
        self._not_taken = []


__all__ = ["Opening"]
