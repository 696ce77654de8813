"""A line under a scrolling area saying more is out of sight, and the key to it.

The scroll bar alone showed it, by colour only in plain ASCII: a tester missed
the last sessions on the home screen and the last figures of the summary. The
words come from :func:`~panel_tui.domain.interview_lines.more_to_read`, as the
interview and the payment box say them; the line is blank when nothing is
out of sight.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from panel_tui.domain.interview_lines import ARROWS, more_to_read


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

    def _say(self) -> None:
        area = self.screen.query_one(self._area, Widget)
        said = more_to_read(area.scroll_y > 0, area.scroll_y < area.max_scroll_y, self._keys)
        self.update(f"{said}." if said else "")
