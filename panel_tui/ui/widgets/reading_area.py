"""A scrolling column to read, where Home, End and the page keys move at once."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.containers import VerticalScroll


class ReadingArea(VerticalScroll):
    """A column of text to read: Home, End, Page Up and Page Down jump, as the arrows move.

    Textual's Home and End glide there over a second, slowing at the end: a tester
    who looked as the key was let go found the top 3 lines still hidden after Home,
    and End short of the foot of the summary. Page Up and Page Down glided a page
    over a moment in the same way: each now moves a whole page in one step.
    """

    def _scrolls(self) -> None:
        """Go on only if there is anything to scroll: otherwise the key is the screen's."""
        if not self.allow_vertical_scroll:
            raise SkipAction()

    def action_scroll_home(self) -> None:
        """To the very top, at once."""
        self._scrolls()
        self.scroll_home(animate=False, x_axis=False)

    def action_scroll_end(self) -> None:
        """To the very foot, at once."""
        self._scrolls()
        self.scroll_end(animate=False, x_axis=False)

    def action_page_up(self) -> None:
        """A page up, at once."""
        self._scrolls()
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        """A page down, at once."""
        self._scrolls()
        self.scroll_page_down(animate=False)
