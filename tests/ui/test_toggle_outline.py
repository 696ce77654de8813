"""A tick box's and a radio button's sides show against the screen in both themes."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.color import Color
from textual.geometry import Region
from textual.widget import Widget

from panel_tui.ui.screens.setup_session import SetupSessionScreen
from panel_tui.ui.widgets.choices import ClearCheckbox, ClearRadioButton
from tests.ui.helpers import SIZE, AppFactory

#: WCAG 1.4.11: the edge of a control against what is next to it.
LEAST = 3.0


def _ratio(a: Color, b: Color) -> float:
    def lum(c: Color) -> float:
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)

    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _sides(widget: Widget, marks: str) -> list[Segment]:
    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    return [s for line in lines for s in line if s.text in tuple(marks)]


@pytest.mark.parametrize("contrast", [False, True], ids=["normal", "high-contrast"])
@pytest.mark.parametrize("ascii_only", [False, True], ids=["symbols", "ascii"])
async def test_an_unticked_box_and_an_unchosen_choice_show_their_sides(
    app_factory: AppFactory, contrast: bool, ascii_only: bool
) -> None:
    async with app_factory(ascii_only=ascii_only).run_test(size=SIZE) as pilot:
        await pilot.press("n", *(["ctrl+t"] if contrast else []))
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SetupSessionScreen)
        sealed = screen.query_one("#sealed", ClearCheckbox)
        sealed.value = False
        unchosen = next(b for b in screen.query(ClearRadioButton) if not b.value)
        await pilot.pause()
        for widget, marks in ((sealed, "[]▐▌"), (unchosen, "()▐▌")):
            sides = _sides(widget, marks)
            assert len(sides) == 2, sides
            for side in sides:
                assert side.style is not None and side.style.color and side.style.bgcolor
                fore = Color.from_rich_color(side.style.color)
                back = Color.from_rich_color(side.style.bgcolor)
                assert _ratio(fore, back) >= LEAST, (widget, side)
