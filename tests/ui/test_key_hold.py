"""Input waits its turn (ui/key_hold.py): in the order typed, and never lost.

The journeys in test_key_order.py show what the hold is for (a vote typed straight
after the Enter that saves a note); these show the hold's own promises on a
small app: input with nothing before it goes straight on, held input keeps its
order (keys, clicks and pastes alike), a screen that never settles delays input
but never swallows it, and a slow save does not use up the wait.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, ClassVar

import pytest
import textual._time
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Button, Input

from panel_tui.ui import key_hold
from panel_tui.ui.key_hold import TurnTakingApp, settled
from tests.ui import pilot_pace
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


async def test_textuals_one_shot_timer_never_calls_back_if_its_clock_jumps() -> None:
    # The premise of the hold's own check timer (key_hold._check_soon): Textual's
    # one-shot timer reads its clock as it starts and again before it waits; more
    # than its delay apart, it counts its one tick as skipped and never calls back.
    # A hiccup of a millisecond (a collection, another thread) does that to a 1 ms
    # timer. If Textual stops doing so, this fails, and the hold could use it again.
    real = textual._time.get_time
    jumps = [0.0]

    def jumpy() -> float:
        jumps[0] += 0.01
        return real() + jumps[0]

    called: list[bool] = []
    timer = Timer(Recorder(), 0.001, callback=lambda: called.append(True), repeat=0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual._time, "get_time", jumpy)
        await asyncio.wait_for(timer._run(), timeout=1)  # ends at once, having called nothing
    assert called == []


async def test_held_input_goes_on_though_a_timer_would_never_call_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen once in a dozen full runs: six keys held for two minutes, as the
    # hold's check was such a timer (above). It no longer is.
    monkeypatch.setattr(pilot_pace, "MOST_EXTRA_SECONDS", 3.0)
    app = SlowSaver()
    async with app.run_test() as pilot:
        await pilot.pause()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(app, "set_timer", lambda *args, **kwargs: None)
            await burst(pilot, "f4", "q")
        assert app.query_one("#second", Input).value == "q"
