"""The command palette (Ctrl+P), as panel-tui shows it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import CommandPalette, SearchIcon

from panel_tui.ui.keys import READ_ALOUD_KEY


class PlainPalette(CommandPalette):
    """The command palette with a plain ``>`` for its search icon, never an emoji.

    F1 shows the help here too (``?`` is typed into the search): the palette
    closes first, as when "Help" is chosen from it, so Escape in the help goes
    back to the screen the palette was opened over. Ctrl+L reads it, as any box.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", show=False),
        # Textual stops the app's keys at a box: Ctrl+L said nothing here (found by a tester).
        Binding(READ_ALOUD_KEY, "app.read_aloud", "Read aloud", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(placeholder="Search for a command by name...", id="--command-palette")

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = ">"

    def action_help(self) -> None:
        """Close the palette and show every key."""
        self.dismiss()
        self.app.call_later(self.app.run_action, "app.help")


__all__ = ["PlainPalette"]
