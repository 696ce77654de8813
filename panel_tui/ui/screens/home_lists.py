"""Home's lists of sessions, filled in parts: the newest at once, a long history after.

A year of sessions never holds up the first paint or a key. While a list is
not yet whole, its pointer's figures ("1 of 40") are not the list's, so where
the keys are is said only once every list is whole (``FillsBehind``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from panel_tui.domain.store import SessionSummary

FIRST_PAINT = 40
"""Sessions per list on the first paint; a year of them follows straight after."""
FILL_PART = 100
"""Sessions added to a list after each refresh until all are shown."""


class ListsInParts:
    """Fills a screen's lists of sessions a part at a time, and knows which are not yet whole."""

    def __init__(
        self,
        screen: Screen[Any],
        prompt: Callable[[SessionSummary], Content],
        whole: Callable[[], None],
    ) -> None:
        """Fill the lists of ``screen``, each session shown as ``prompt`` words it;
        ``whole`` is called as the last part of a long list goes in."""
        self._screen = screen
        self._prompt = prompt
        self._whole = whole
        self._filling: dict[str, object] = {}
        self._parts_left: set[str] = set()

    @property
    def filling(self) -> bool:
        """Whether a list still has parts to add."""
        return bool(self._parts_left)

    def fill(self, list_id: str, sessions: Sequence[SessionSummary]) -> None:
        """Show ``sessions`` in a list: the newest at once, a long history in parts after.

        The first paint holds :data:`FIRST_PAINT` of them; the rest are added
        a part at a time after each refresh.
        """
        self._filling[list_id] = token = object()
        # Marked before the pointer moves, whose count would not yet be the list's.
        self._parts_left.discard(list_id)
        if len(sessions) > FIRST_PAINT:
            self._parts_left.add(list_id)
        screen = self._screen
        options = screen.query_one(f"#{list_id}", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(self._prompt(s), id=s.id) for s in sessions[:FIRST_PAINT])
        if sessions:
            options.highlighted = min(highlighted or 0, len(sessions[:FIRST_PAINT]) - 1)
        options.display = bool(sessions)
        screen.query_one(f"#{list_id}-empty").display = not sessions
        if len(sessions) > FIRST_PAINT:
            screen.call_after_refresh(self._fill_more, list_id, sessions[FIRST_PAINT:], token)

    def _fill_more(self, list_id: str, rest: Sequence[SessionSummary], token: object) -> None:
        if self._filling.get(list_id) is not token:
            return  # the list was filled again since: these are out of date
        options = self._screen.query_one(f"#{list_id}", OptionList)
        options.add_options(Option(self._prompt(s), id=s.id) for s in rest[:FILL_PART])
        if len(rest) > FILL_PART:
            self._screen.call_after_refresh(self._fill_more, list_id, rest[FILL_PART:], token)
        else:
            self._parts_left.discard(list_id)
            self._whole()


__all__ = ["FILL_PART", "FIRST_PAINT", "ListsInParts"]
