"""A scrolling box of fields that keeps the field with the keys in sight.

A tall box (the payment notes) scrolls its fields between its title and its
buttons, so that Save and what is wrong always show at 80x24. When what is
wrong is said, those words take some of the fields' room; the field the keys
were in slid out of sight below them, and what was typed next could not be seen
(found by a new user). Here the box, made smaller, scrolls that field back.
"""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll


class FieldsBox(VerticalScroll, can_focus=False):
    """Fields that scroll; the one with the keys stays in sight as the box shrinks."""

    def on_resize(self, event: events.Resize) -> None:
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            focused.scroll_visible(animate=False)
