"""What the interview and summary screens share: an open session and the app's mode."""

from __future__ import annotations

from textual import getters
from textual.screen import Screen

from panel_tui.domain.models import Session
from panel_tui.domain.store import OpenSession
from panel_tui.ui.app import PanelApp
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.glyphs import Glyphs, glyphs


class SessionScreen(DisplayMode, Screen[None]):
    """A screen showing one open session; every change goes through ``opened``."""

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
