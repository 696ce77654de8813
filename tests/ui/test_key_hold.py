"""Keys wait their turn (ui/key_hold.py): in the order typed, and never lost.

The journeys in test_key_order.py show what the hold is for (a vote typed straight
after the Enter that saves a note); these show the hold's own promises on a
small app: a key with nothing before it goes straight on, held keys keep their
order, and a screen that never settles delays keys but never swallows one.
"""

from __future__ import annotations

from itertools import pairwise
from time import monotonic
from typing import ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input

from panel_tui.ui import key_hold
from panel_tui.ui.key_hold import KeyTurns, settled
from tests.ui.helpers import burst


class Recorder(App[None]):
    """A field, and F2 and F3 recorded (with the time) by priority bindings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "note('f2')", priority=True),
        Binding("f3", "note('f3')", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.noted: list[tuple[str, float]] = []
        self.turns = KeyTurns(self, super().on_event)

    def compose(self) -> ComposeResult:
        yield Input()

    async def on_event(self, event: events.Event) -> None:
        # As PanelApp does.
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.turns.key(event)
        else:
            await super().on_event(event)

    def action_note(self, letter: str) -> None:
        self.noted.append((letter, monotonic()))


async def test_a_key_with_nothing_before_it_is_handled_as_it_is_read() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert settled(app)
        # Straight to the binding: handled before key() returns, no timer needed.
        await app.turns.key(events.Key("f2", None))
        assert [key for key, _ in app.noted] == ["f2"]


async def test_keys_in_a_burst_reach_the_field_in_the_order_typed() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        # The field's own keys (Left, Backspace) run in the app after the key has
        # passed through the field: the letters behind them wait for them.
        await burst(pilot, *"xy", "left", "q", "f2", "left", "backspace", "z", "f3")
        assert app.query_one(Input).value == "zqy"
        assert [key for key, _ in app.noted] == ["f2", "f3"]


async def test_a_screen_that_never_settles_delays_keys_but_loses_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(key_hold, "HOLD_LIMIT_SECONDS", 0.05)
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        monkeypatch.setattr(key_hold, "settled", lambda app: False)
        sent = monotonic()
        await burst(pilot, "f2", "f3", "f2")
        await pilot.pause(0.3)
        assert [key for key, _ in app.noted] == ["f2", "f3", "f2"]
        # Each key waited out the limit in turn (give or take the clock's reading
        # between letting one key through and noting it), and then went on.
        times = [sent] + [at for _, at in app.noted]
        gaps = [later - earlier for earlier, later in pairwise(times)]
        assert all(gap >= 0.045 for gap in gaps), gaps


async def test_a_message_still_on_its_way_means_not_settled() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.query_one(Input)
        assert settled(app)
        field.post_message(events.Key("q", "q"))
        assert not settled(app)
        await pilot.pause()
        assert settled(app) and field.value == "q"
        app.screen.call_next(lambda: None)
        assert not settled(app)
        await pilot.pause()
        assert settled(app)
        # A pump takes the next message off its queue early, to see whether it
        # replaces the one it handles: held there, it is still on its way.
        app._pending_message = events.Key("r", "r")
        assert not settled(app)
        app._pending_message = None
        assert settled(app)
