"""The tests' screens draw once per Pilot step (``headless_frames``), and still catch drawing errors.

If Textual renamed what ``frames_drawn_when_read`` replaces, the suite's fixture
fails to set it; if it stopped calling it, the first test here fails.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static


class Drawn(Static):
    """A line that counts how often it is drawn, and can be made to fail when drawn."""

    def __init__(self) -> None:
        super().__init__("drawn")
        self.draws = 0
        self.broken = False

    def render_lines(self, crop: Region) -> list[Strip]:
        self.draws += 1
        if self.broken:
            raise RuntimeError("drawing went wrong")
        return super().render_lines(crop)


class OneLine(App[None]):
    def compose(self) -> ComposeResult:
        yield Drawn()

    def key_b(self) -> None:
        self.query_one(Drawn).broken = True
        self.query_one(Drawn).refresh()

    def key_f(self) -> None:
        self.query_one(Drawn).broken = False
        self.query_one(Drawn).refresh()

    def key_r(self) -> None:
        self.query_one(Drawn).refresh()


async def test_a_change_is_drawn_at_the_end_of_its_pilot_step() -> None:
    async with OneLine().run_test() as pilot:
        line = pilot.app.query_one(Drawn)
        before = line.draws
        await pilot.press("r")
        assert line.draws > before


async def test_an_error_drawing_a_state_the_test_passes_through_fails_it() -> None:
    # Found by a review: with only the last screen drawn, a dialog that could not
    # be drawn, then closed, went unseen; a terminal would have shown it.
    with pytest.raises(RuntimeError, match="drawing went wrong"):
        async with OneLine().run_test() as pilot:
            await pilot.press("b")  # cannot be drawn...
            await pilot.press("f")  # ...and mended before the end


async def test_an_error_drawing_the_last_screen_fails_the_test() -> None:
    with pytest.raises(RuntimeError, match="drawing went wrong"):
        async with OneLine().run_test() as pilot:
            await pilot.press("b", "r")


async def test_the_last_screen_is_drawn_once_though_nothing_read_it() -> None:
    async with OneLine().run_test() as pilot:
        line = pilot.app.query_one(Drawn)
        await pilot.press("r")
        before = line.draws
    assert line.draws == before + 1
