"""A scrolling column to read, where Home and End go to the top and the foot at once."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.containers import VerticalScroll


class ReadingArea(VerticalScroll):
    """A column of text to read: Home and End jump, as the arrows and pages move.

    Textual's Home and End glide there over a second, slowing at the end: a tester
    who looked as the key was let go found the top 3 lines still hidden after Home,
    and End short of the foot of the summary.
    """

    def action_scroll_home(self) -> None:
        """To the very top, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()  # nothing to scroll: the key is the screen's
        self.scroll_home(animate=False, x_axis=False)

    def action_scroll_end(self) -> None:
        """To the very foot, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_end(animate=False, x_axis=False)
