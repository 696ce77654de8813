"""A line under a scrolling area saying more is out of sight, and the key to it.

The scroll bar alone showed it, by colour only in plain ASCII: a tester missed
the last sessions on the home screen and the last figures of the summary. The
words come from :func:`~panel_tui.domain.more_to_read.more_to_read`, as the
interview and the payment box say them; the line is blank when nothing is
out of sight.

Where it names Tab (a column of buttons, lists and fields), Tab has to bring the
rest into view: found by a tester, the home screen said "More below: Tab moves
on." but Tab went from its last list back to the top, and the words below that
list (where the sessions are saved) never showed. So the last place Tab stops
in the column shows its foot too, and the first its head.

A list of sessions says it in its own bottom border (:class:`ListSayingMore`),
with how many are out of sight: found by a tester, the home screen's list of
unfinished sessions showed four and closed, and the fifth showed only on
pressing the down arrow in it. A line under the list could itself be out of
view when the list is brought into view; the border comes with the list.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import OptionList, Static

from panel_tui.domain.more_to_read import ARROWS, TABS, more_in_list, more_to_read, out_of_sight


class MoreToRead(Static):
    """The words for what runs past a scrolling area; blank when it all shows.

    Its line is kept when blank: shown and hidden, it would change the area's
    height, and so what runs past it, as it is said.
    """

    def __init__(self, area: str, keys: tuple[str, str, str] = ARROWS) -> None:
        """Say what runs past ``area`` (a selector on the screen), naming ``keys``."""
        super().__init__(markup=False, classes="more-to-read")
        self._area = area
        self._keys = keys

    def on_mount(self) -> None:
        area = self.screen.query_one(self._area, Widget)
        for moved in ("scroll_y", "virtual_size", "show_vertical_scrollbar"):
            self.watch(area, moved, self._say, init=False)
        self.call_after_refresh(self._say)  # once laid out
        if self._keys == TABS:
            self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _focus_moved(self, focused: Widget | None) -> None:
        """Tab reached the first or last stop in the area: show its head or its foot."""
        area = self.screen.query_one(self._area, Widget)
        # The area itself is a stop too while it scrolls (its arrows scroll it).
        chain = self.screen.focus_chain
        stops = [widget for widget in chain if widget is area or area in widget.ancestors]
        if focused is None or not stops:
            return
        # After Textual's own scroll to the widget focused, which would undo it.
        if focused is stops[-1]:
            self.call_after_refresh(area.scroll_end, animate=False)
        elif focused is stops[0]:
            self.call_after_refresh(area.scroll_home, animate=False)

    def _say(self) -> None:
        area = self.screen.query_one(self._area, Widget)
        said = more_to_read(area.scroll_y > 0, area.scroll_y < area.max_scroll_y, self._keys)
        self.update(f"{said}." if said else "")


class ListSayingMore(OptionList):
    """A list whose bottom border says how many items are out of sight, and the key to them.

    Blank when every item shows whole. The pointer to the focused box is in the
    top border (``ui/focus_mark.py``), so the two never meet.
    """

    def on_mount(self) -> None:
        for moved in ("scroll_y", "virtual_size"):
            self.watch(self, moved, self._say_more, init=False)
        self.call_after_refresh(self._say_more)  # once laid out

    def on_resize(self, event: events.Resize) -> None:
        self._say_more()

    def _say_more(self) -> None:
        # Each option's height in lines, as Textual's OptionList keeps it (an
        # option not yet measured counts nothing; measuring changes the size).
        heights = self._heights
        counts = out_of_sight(
            [heights.get(index, 0) for index in range(self.option_count)],
            round(self.scroll_y),
            self.scrollable_content_region.height,
        )
        self.border_subtitle = more_in_list(*counts)
