"""Plain ASCII drawing for the parts of Textual that have no style for it.

Borders, inputs and the footer take ASCII from the ``.-ascii`` rules in the
``.tcss`` files; scrollbars are drawn by a renderer class, which Textual lets an
app swap (``ScrollBar.renderer``, as its own docs show).
"""

from __future__ import annotations

from typing import ClassVar

from textual.scrollbar import ScrollBar, ScrollBarRender


class AsciiScrollBarRender(ScrollBarRender):
    """A scrollbar of whole cells: the thumb in reverse video, never a block glyph."""

    # One "bar" each way means the thumb starts and ends on whole cells, and the
    # renderer skips a blank glyph at its ends rather than draw ``▁▂▃``.
    VERTICAL_BARS: ClassVar[list[str]] = [" "]
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "]


def use_ascii_scrollbars(ascii_only: bool) -> None:
    """Draw every scrollbar in plain cells (one app runs in a process)."""
    ScrollBar.renderer = AsciiScrollBarRender if ascii_only else ScrollBarRender
