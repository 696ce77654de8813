"""Input waits its turn (ui/key_hold.py): in the order typed, and never lost.

The journeys in test_key_order.py show what the hold is for (a vote typed straight
after the Enter that saves a note); these show the hold's own promises on a
small app: input with nothing before it goes straight on, held input keeps its
order (keys, clicks and pastes alike), a screen that never settles delays input
but never swallows it, and a slow save does not use up the wait.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

import pytest
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Input

from panel_tui.ui import key_hold
from panel_tui.ui.key_hold import TurnTakingApp, settled
from tests.ui.helpers import burst


class Recorder(TurnTakingApp[None]):
    """A field, a button, and F2, F3 and the button's presses noted in order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "note('f2')", priority=True),
        Binding("f3", "note('f3')", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.noted: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Button("Press", id="press")

    def action_note(self, what: str) -> None:
        self.noted.append(what)

    def on_button_pressed(self) -> None:
        self.noted.append("button")


async def test_a_key_with_nothing_before_it_is_handed_on_as_it_is_read() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert settled(app)
        # Straight to the binding: handled before on_event returns, no timer needed.
        await app.on_event(events.Key("f2", None))
        assert app.noted == ["f2"]


async def test_keys_in_a_burst_reach_the_field_in_the_order_typed() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        # The field's own keys (Left, Backspace) run in the app after the key has
        # passed through the field: the letters behind them wait for them.
        await burst(pilot, *"xy", "left", "q", "f2", "left", "backspace", "z", "f3")
        assert app.query_one("#first", Input).value == "zqy"
        assert app.noted == ["f2", "f3"]


async def test_a_click_and_a_paste_keep_their_places_among_the_keys() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        button = app.query_one("#press", Button)
        await burst(pilot, "f2", "a", "b", events.Paste("P"), "c", button, "f3")
        assert app.query_one("#first", Input).value == "abPc"
        assert app.noted == ["f2", "button", "f3"]


async def test_a_screen_that_never_settles_delays_input_but_loses_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(key_hold, "HOLD_CHECKS", 3)
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        looks: list[object] = []

        def never(app: Any) -> bool:
            looks.append(app)
            return False

        monkeypatch.setattr(key_hold, "settled", never)
        await burst(pilot, "f2", "f3", "f2")
        assert app.noted == ["f2", "f3", "f2"]
        # Each was held, the screens looked at until the limit's last look, then
        # handed on regardless.
        assert len(looks) >= 3 * (3 - 1)


class SlowSaver(Recorder):
    """F4 saves slowly (blocking the app, as on a slow disk), then moves on to a second field."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("f4", "save_and_move_on", priority=True)]

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")

    def action_save_and_move_on(self) -> None:
        time.sleep(0.05)
        self.call_later(self.query_one("#second").focus)


async def test_a_slow_save_does_not_use_up_the_wait_of_the_key_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The wait counts looks at the screens, not time: 50 ms blocked in a save
    # counts for nothing, and the key after it still waits for the focus to move.
    monkeypatch.setattr(key_hold, "HOLD_CHECKS", 2)
    app = SlowSaver()
    async with app.run_test() as pilot:
        await pilot.pause()
        await burst(pilot, "f4", "q")
        assert app.query_one("#first", Input).value == ""
        assert app.query_one("#second", Input).value == "q"


async def test_a_message_still_on_its_way_means_not_settled() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.query_one("#first", Input)
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
        # replaces the one in hand: Textual's own peek leaves the queue empty and
        # the message still on its way.
        field.post_message(events.Key("r", "r"))
        assert field._peek_message() is not None and field._message_queue.empty()
        assert not settled(app)
        await pilot.pause()
        assert settled(app) and field.value == "qr"
