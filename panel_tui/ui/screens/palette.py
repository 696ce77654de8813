"""The command palette (Ctrl+P), as panel-tui shows it."""

from __future__ import annotations

from textual.command import CommandPalette, SearchIcon


class PlainPalette(CommandPalette):
    """The command palette with a plain ``>`` for its search icon, never an emoji."""

    def __init__(self) -> None:
        super().__init__(placeholder="Search for a command by name...", id="--command-palette")

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = ">"


__all__ = ["PlainPalette"]
