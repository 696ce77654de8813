"""What the interview and summary screens share: an open session and the app's mode."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import getters
from textual.screen import Screen
from textual.widgets import Static

from panel_tui.domain.models import Session
from panel_tui.domain.store import OpenSession
from panel_tui.ui.app import PanelApp
from panel_tui.ui.contracts import tell
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.glyphs import Glyphs, glyphs


class SessionScreen(DisplayMode, Screen[None]):
    """A screen showing one open session; every change goes through ``opened``."""

    NEWS_LINE: ClassVar[str] = ""
    """The screen's own line for news, where what a key did is said."""

    panel_app = getters.app(PanelApp)
    """The app, typed: its store, folders and voice."""

    def __init__(self, opened: OpenSession) -> None:
        super().__init__()
        self.opened = opened
        #: Said on the screen's own news line as it comes up (the session was not closed
        #: properly last time): there it covers nothing, where a notice lay over the votes.
        self.arrival_news = ""

    @property
    def session(self) -> Session:
        """The session as it is on disk."""
        return self.opened.session

    @property
    def marks(self) -> Glyphs:
        """The symbols of the current display mode."""
        return glyphs(self.ascii_only)

    def show_news(self, line: Text) -> None:
        """Show ``line`` on the screen's own news line (the interview's above the keys)."""
        self.query_one(self.NEWS_LINE, Static).update(line)

    def say_done(self, message: str) -> None:
        """Show ``message`` on the screen's news line, and read it aloud in its turn (with
        each question read aloud): saves and exports only showed (found by a tester)."""
        self.show_news(Text(message))
        tell(self.app, message)

    def show_arrival_news(self) -> None:
        """Show the news the screen came up with, if any, in bold on its news line."""
        if self.arrival_news:
            self.show_news(Text(self.arrival_news, style="bold"))

    def say_on_arrival(self, message: str) -> None:
        """Say ``message`` as :meth:`say_done` does, after the news the screen came up
        with, on the same line: keys typed while a session opened replaced the words
        that every vote was kept after a crash, which the impatient chair needs most."""
        self.say_done(message)
        if self.arrival_news:
            self.show_news(Text.assemble((self.arrival_news, "bold"), " ", message))
