"""Keys wait their turn: the app reads the next key only once the last one is dealt with.

Textual reads a key and hands it to the focused widget's own queue at once, then
reads the next. Inside a box with fields that broke the order typed when keys
came in a burst (a fast typist, or keys typed while a save runs on a slow disk):
the Enter that saves a note was still on its way through the note's field when
the vote typed behind it arrived, so the vote went into the note as well; after
a Tab, the next keys went to the field it was leaving.

:class:`KeyTurns` holds such keys. A key the app reads while the screens still
have messages to handle, or while keys are already held, waits behind them; the
held keys are let through one at a time, each once the screens have settled
(checked every :data:`CHECK_SECONDS`, on a timer, so that the app goes on handling
the messages the key before caused: a field's own keys run in the app, after the
key has passed through the screen). At a person's pace nothing is held and each
key goes straight on. A held key waits at most :data:`HOLD_LIMIT_SECONDS`, so a
screen that never settles slows keys down but never loses one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from time import monotonic
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

#: How often held keys are looked at.
CHECK_SECONDS = 0.001
#: The longest a key is held while the screens catch up.
HOLD_LIMIT_SECONDS = 0.5

Handle = Callable[[events.Key], Awaitable[None]]


def _busy(pump: MessagePump) -> bool:
    # A pump takes the message after the one it handles off its queue early, to
    # see whether it replaces it (``_pending_message``): that one is waiting too.
    return (
        not pump._message_queue.empty()
        or pump._pending_message is not None
        or bool(pump._next_callbacks)
    )


def settled(app: App[Any]) -> bool:
    """Whether the app and every widget of every screen have handled all they were sent."""
    return not _busy(app) and not any(
        _busy(node) for screen in app.screen_stack for node in screen.walk_children(with_self=True)
    )


class KeyTurns:
    """Hands the app's keys to ``handle`` in the order typed, each once the screens are ready."""

    def __init__(self, app: App[Any], handle: Handle) -> None:
        self._app = app
        self._handle = handle
        self._held: deque[events.Key] = deque()
        self._held_since = 0.0
        self._checking = False

    async def key(self, event: events.Key) -> None:
        """Handle ``event`` now if nothing is before it, else hold it behind the others."""
        if not self._held and settled(self._app):
            await self._handle(event)
            return
        if not self._held:
            self._held_since = monotonic()
        self._held.append(event)
        self._check_soon()

    def _check_soon(self) -> None:
        if not self._checking:
            self._checking = True
            self._app.set_timer(CHECK_SECONDS, self._let_through)

    async def _let_through(self) -> None:
        self._checking = False
        while self._held:
            waited = monotonic() - self._held_since
            if waited < HOLD_LIMIT_SECONDS and not settled(self._app):
                self._check_soon()
                return
            self._held_since = monotonic()
            await self._handle(self._held.popleft())
