"""A one-line box that keeps a pasted text whole.

Textual's box keeps only the first line of a paste: a decision's reason pasted
from an email lost all but its first line, and the box said nothing (found by a
tester). Here the lines are kept, one after another on the box's one line.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TextBox(Input):
    """A one-line box for a note or a reason: a pasted text's lines are joined by spaces."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Textual's own would paste the first line again
        event.stop()
        lines = [line.strip() for line in event.text.splitlines()]
        text = " ".join(line for line in lines if line)
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
