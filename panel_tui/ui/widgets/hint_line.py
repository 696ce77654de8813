"""The line above the keys, where the interview screen says what each key did.

The same news goes further when it matters: a change that was not saved (a
full disk) is a notice as well, and with each question read aloud, the news
is read too, in its turn.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.notifications import SeverityLevel
from textual.widgets import Static

from panel_tui.ui.display_app import DisplayApp


class HintLine(Static):
    """What the last key did, in the words the interview chose."""

    display_app = getters.app(DisplayApp)
    """The app, typed: its voice."""

    def say(self, message: Text | str) -> None:
        """Say what just happened."""
        self.update(message if isinstance(message, Text) else Text(message))

    def not_saved(
        self, problem: str, title: str = "Not saved", severity: SeverityLevel = "error"
    ) -> None:
        """Say, in bold and in a notice, what was not saved and why."""
        # Only the latest problem shows: on a full disk each key fails alike, and a
        # stack of notices would hide the seat rows.
        self.app.clear_notifications()
        self.app.notify(problem, title=title, severity=severity, markup=False, timeout=15)
        self.say(Text(problem, style="bold"))

    def tell(self, news: str) -> None:
        """With each question read aloud, the news of a key is read too, in its turn.

        Never over the question being read, and never how anyone voted (the
        interview words it so). Said only if nothing can read it.
        """
        self.display_app.tell(news)  # which reads it only with each question read aloud


__all__ = ["HintLine"]
