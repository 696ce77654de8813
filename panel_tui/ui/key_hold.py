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
reach the app as one key, as a terminal sends Alt with that key. panel-tui binds
no Alt key, so both were lost: the chair's Esc left a box open and a member's
vote typed just after never counted. Such a key is taken apart again
(:func:`as_typed`): Esc, then the key. Textual reads a few of these pairs as
other keys, for Mac terminals (Esc then 1 as "¡", Esc then 3 as "£", Esc then f
as Ctrl+Right); :func:`read_esc_pairs` makes them Alt keys like the rest,
so a "£" typed on a UK keyboard stays a "£", and reads Esc then Enter or Space
as two keys (Textual dropped that Esc).

What is left is Textual's reading of keys, out of reach here. Esc then another
key that is not a letter or digit (such as "," or ".") arrives without its Esc.
Esc, a key, then an arrow or another Esc within the delay arrive as "^", the key
and the arrow. The delay cannot be shortened: ``ESCDELAY`` is read, but the drivers
look at the keyboard only every 0.1 s, and a key come by then joins the Esc.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any, Protocol, TypeVar

from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual.app import App
from textual.keys import Keys
from textual.message_pump import MessagePump

#: How often held input is looked at.
CHECK_SECONDS = 0.001
#: How many looks the first event in line waits for the screens before it goes on.
HOLD_CHECKS = 500

ReturnType = TypeVar("ReturnType")

#: What waits its turn: keys, and the clicks and pastes that may come between them.
Held = events.Key | events.MouseDown | events.MouseUp | events.Paste


class Gate(Protocol):
    """What decides whether input, its turn come, still goes to the screen on top."""

    def takes(self, event: Held) -> bool:
        """Whether ``event`` goes to the screen."""

    def caught_up(self) -> None:
        """The input held has all been handed on (or none was held)."""


class TakesAll:
    """A gate that lets all input through."""

    def takes(self, event: Held) -> bool:
        """Always."""
        return True

    def caught_up(self) -> None:
        """Nothing to do."""


def _busy(pump: MessagePump) -> bool:
    # A pump takes the message after the one it handles off its queue early, to
    # see whether it replaces it (``_pending_message``): that one is waiting too.
    return (
        not pump._message_queue.empty()
        or pump._pending_message is not None
        or bool(pump._next_callbacks)
    )


def read_esc_pairs() -> None:
    """Have Textual read Esc and a printable key as Alt and that key, every time, and
    Esc then Enter or Space as two keys.

    Its table of key sequences reads some such pairs as keys of Mac terminals
    (WezTerm's Option and a digit, iTerm's word moves), so that Esc then 3 was
    "£" and Esc then f was Ctrl+Right. Without those entries the pairs are read
    as Alt and the key, which :func:`as_typed` takes apart.

    Esc then Enter, and Esc then Space, are read as those two keys: Textual
    dropped the Esc, so Esc then Enter on "Show the votes now?" showed them.
    Windows Terminal keeps Alt+Enter and Alt+Space for itself; terminals that
    send Alt+Enter as Esc then Enter now close a box with it rather than save.
    """
    table = ANSI_SEQUENCES_KEYS
    if isinstance(table, dict):  # else Textual changed it: the tests of the premise fail
        for sequence in [s for s in table if _esc_pair(s) and s not in TWO_KEYS]:
            del table[sequence]
        table.update(TWO_KEYS)


#: Esc and a key Textual would read as that key alone: read as the two keys.
TWO_KEYS = {"\x1b\r": (Keys.Escape, Keys.Enter), "\x1b ": (Keys.Escape, Keys.Space)}


def _esc_pair(sequence: str) -> bool:
    return len(sequence) == 2 and sequence[0] == "\x1b" and sequence[1].isprintable()


#: The characters of keys Textual reads from a pair with none (a space typed needs its " ").
CHARACTERS = {"escape": "\x1b", "enter": "\r", "space": " "}


def as_typed(key: events.Key) -> list[events.Key]:
    """The keys a person typed: Esc then the key, for one Textual reads as Alt with it."""
    character = key.character
    if key.key.startswith("alt+") and character is not None and character.isalnum():
        typed = [events.Key("escape", "\x1b"), events.Key(character, character)]
    elif character is None and key.key in CHARACTERS:
        typed = [events.Key(key.key, CHARACTERS[key.key])]
    else:
        return [key]
    for each in typed:
        each.time = key.time  # when it was typed, not when taken apart (ui/opening.py)
    return typed


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
        read_esc_pairs()
        self._held: deque[Held] = deque()
        self._checks = 0
        self._checking = False
        #: Whether input, its turn come, still goes to the screen (PanelApp's: ui/opening.py).
        self.gate: Gate = TakesAll()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            for key in as_typed(event):
                await self._take_turn(key)
        elif isinstance(event, Held) and not event.is_forwarded:
            await self._take_turn(event)
        else:
            await super().on_event(event)

    async def _take_turn(self, event: Held) -> None:
        """Hand ``event`` on now if nothing is held and the screens are settled, else hold it."""
        if not self._held and settled(self):
            await self._hand_on(event)
            return
        self._held.append(event)
        self._check_soon()

    def _check_soon(self) -> None:
        if not self._checking:
            self._checking = True
            # Not Textual's set_timer: its one-shot timer counts its one tick as
            # skipped, and never calls back, if its first two looks at the clock
            # fall more than the delay apart. A hiccup of a millisecond (a
            # collection, another thread) did that, and the input held stayed
            # held for good (tests/ui/test_key_hold.py shows the premise).
            asyncio.get_running_loop().call_later(CHECK_SECONDS, self.call_next, self._hand_on_held)

    async def _hand_on_held(self) -> None:
        self._checking = False
        while self._held:
            self._checks += 1
            if self._checks < HOLD_CHECKS and not settled(self):
                self._check_soon()
                return
            self._checks = 0
            await self._hand_on(self._held.popleft())

    async def _hand_on(self, event: Held) -> None:
        if self.gate.takes(event):
            await super().on_event(event)
        if not self._held:
            self.gate.caught_up()


__all__ = [
    "CHECK_SECONDS",
    "HOLD_CHECKS",
    "Gate",
    "Held",
    "TakesAll",
    "TurnTakingApp",
    "as_typed",
    "read_esc_pairs",
    "settled",
]
