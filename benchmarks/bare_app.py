"""The baseline app: a bare Textual app showing one label, started as panel-tui is."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label


class Bare(App[None]):
    """One label."""

    def compose(self) -> ComposeResult:
        yield Label("Carry on where you left off")


if __name__ == "__main__":
    Bare().run()
