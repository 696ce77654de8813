"""Keys wait their turn: the app hands a key on only once the key before it is dealt with.

Textual reads a key and hands it to the focused widget's own queue at once, then
reads the next. Inside a box with fields that broke the order typed when keys
came in a burst (a fast typist, or keys typed while a save runs on a slow disk):
the Enter that saves a note was still on its way through the note's field when
the vote typed behind it arrived, so the vote went into the note as well; after
a Tab, the next keys went to the field it was leaving.

:class:`TurnTakingApp` holds such input. A key, a click or a paste the app reads
while the screens still have messages to handle, or while input is already held,
waits behind it; held input is handed on one event at a time, each once the
screens have settled. Settling is looked at every :data:`CHECK_SECONDS` on a
timer, so that the app goes on handling what the input before caused (a field's
own keys run in the app, after the key has passed through the screen). At a
person's pace nothing is held and each key goes straight on.

The first event in line is looked at :data:`HOLD_CHECKS` times at most (about
half a second) before it goes on regardless, so a screen that never settles
slows input down but never loses any. Time the app spends blocked, in a slow
save, is not counted: the event after it still waits for the screens.

Esc and the key typed straight after it (within Textual's escape delay, 0.1 s)
reach the app as one key, as a terminal sends Alt with that key: Alt and the
letter, or for a digit the character a Mac types with Option (Esc then 1 arrives
as "¡"). panel-tui binds neither, so both were lost: the chair's Esc left a box
open and a member's vote typed just after never counted. Such a key is taken
apart again (:func:`as_typed`): Esc, then the key; an Option character only
where no text is being typed, since "£" in a field is meant.
"""

from __future__ import annotations

from collections import deque
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.widgets import Input

#: How often held input is looked at.
CHECK_SECONDS = 0.001
#: How many looks the first event in line waits for the screens before it goes on.
HOLD_CHECKS = 500

ReturnType = TypeVar("ReturnType")

#: What waits its turn: keys, and the clicks and pastes that may come between them.
Held = events.Key | events.MouseDown | events.MouseUp | events.Paste


def _busy(pump: MessagePump) -> bool:
    # A pump takes the message after the one it handles off its queue early, to
    # see whether it replaces it (``_pending_message``): that one is waiting too.
    return (
        not pump._message_queue.empty()
        or pump._pending_message is not None
        or bool(pump._next_callbacks)
    )


#: What Textual makes of Esc then a digit (as WezTerm on a Mac sends Option with it).
ESC_DIGITS = dict(zip("¡™£¢∞§¶•ªº", "1234567890", strict=True))


def as_typed(key: events.Key, *, typing: bool) -> list[events.Key]:
    """The keys a person typed: Esc then the key, for one Textual reads as Alt with it.

    Args:
        key: the key as Textual read it.
        typing: whether a text field has the focus (then "£" is a pound sign).
    """
    character = key.character
    if key.key.startswith("alt+") and character is not None and character.isalnum():
        typed = character
    elif not typing and character is not None and character in ESC_DIGITS:
        typed = ESC_DIGITS[character]
    else:
        return [key]
    return [events.Key("escape", "\x1b"), events.Key(typed, typed)]


def settled(app: App[Any]) -> bool:
    """Whether the app and each widget of the screens on its stack have no messages waiting.

    Messages queued, taken early to compare, or due straight after the one in
    hand (``call_next``). Work outside messages (a worker, a handler paused at an
    ``await``) is not seen; panel-tui's keys run none.
    """
    return not _busy(app) and not any(
        _busy(node) for screen in app.screen_stack for node in screen.walk_children(with_self=True)
    )


class TurnTakingApp(App[ReturnType]):
    """An app whose keys, clicks and pastes each wait for the screens to handle the one before."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: deque[Held] = deque()
        self._checks = 0
        self._checking = False

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            for key in as_typed(event, typing=isinstance(self.focused, Input)):
                await self._take_turn(key)
        elif isinstance(event, Held) and not event.is_forwarded:
            await self._take_turn(event)
        else:
            await super().on_event(event)

    async def _take_turn(self, event: Held) -> None:
        """Hand ``event`` on now if nothing is held and the screens are settled, else hold it."""
        if not self._held and settled(self):
            await super().on_event(event)
            return
        self._held.append(event)
        self._check_soon()

    def _check_soon(self) -> None:
        if not self._checking:
            self._checking = True
            self.set_timer(CHECK_SECONDS, self._hand_on_held)

    async def _hand_on_held(self) -> None:
        self._checking = False
        while self._held:
            self._checks += 1
            if self._checks < HOLD_CHECKS and not settled(self):
                self._check_soon()
                return
            self._checks = 0
            await super().on_event(self._held.popleft())


__all__ = ["CHECK_SECONDS", "HOLD_CHECKS", "TurnTakingApp", "as_typed", "settled"]
