"""What the interview and summary screens share: an open session and the app's mode."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from panel_tui.domain.models import Session
from panel_tui.domain.store import OpenSession
from panel_tui.ui.glyphs import Glyphs, glyphs

if TYPE_CHECKING:
    from panel_tui.ui.app import PanelApp


class SessionScreen(Screen[None]):
    """A screen showing one open session; every change goes through ``opened``."""

    def __init__(self, opened: OpenSession) -> None:
        super().__init__()
        self.opened = opened

    @property
    def session(self) -> Session:
        """The session as it is on disk."""
        return self.opened.session

    @property
    def panel_app(self) -> PanelApp:
        """The app, typed."""
        return cast("PanelApp", self.app)

    @property
    def marks(self) -> Glyphs:
        """The symbols of the current display mode."""
        return glyphs(self.panel_app.ascii_only)
