"""The display settings, from the app down to every widget that draws with them.

The app's reactives are the one source (``DisplayApp.ascii_only``, ``read_aloud``
and the theme). Each screen mixes in :class:`DisplayMode`, which mirrors them
onto the screen once, in one place; its widgets take them with
``.data_bind(DisplayMode.ascii_only)`` in ``compose`` and redraw in their own
``watch_`` methods, as the screen does in its own. Nothing reads the app's
settings any other way.

Borders take ASCII from the app's ``-ascii`` class in the ``.tcss`` files, and
scrollbars from :mod:`panel_tui.ui.plain`; both follow the same reactive, in
``DisplayApp.watch_ascii_only``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.dom import DOMNode
from textual.reactive import reactive

from panel_tui.ui.contracts import DisplaySettingsSource
from panel_tui.ui.themes import HIGH_CONTRAST

# Typed as a DOMNode, so that its reactives and ``self.app`` type-check; at run
# time a plain class, so that Textual's CSS inheritance (which follows the first
# DOMNode among a class's bases) still runs through the screen's own bases.
if TYPE_CHECKING:
    _Node = DOMNode
else:
    _Node = object


class DisplayMode(_Node):
    """Mixin for a screen: the app's display settings, mirrored for its widgets.

    Put it first among the bases (``class X(DisplayMode, Screen[None])``), so that
    it mirrors the app before the screen composes and its widgets start with the
    right symbols (tests/ui/test_typed_access.py checks). Widgets bind to these
    reactives in ``compose``::

        yield VoteGrid(...).data_bind(DisplayMode.ascii_only)
    """

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII symbols instead of Unicode ones (the app's setting)."""

    read_aloud: reactive[bool] = reactive(False)
    """Each question is read aloud as it comes up, and each vote (the app's setting)."""

    high_contrast: reactive[bool] = reactive(False)
    """The high-contrast theme is on (from the app's theme)."""

    def on_compose(self, event: events.Compose) -> None:
        """Mirror the app's settings, before the screen's widgets are made.

        Textual calls a handler of each class in the method resolution order;
        this one comes before ``Widget``'s, which composes. The first values are
        set without the screen's watch methods, which redraw widgets not made yet.
        """
        app = self.app
        if isinstance(app, DisplaySettingsSource):
            self.set_reactive(DisplayMode.ascii_only, app.ascii_only)
            self.set_reactive(DisplayMode.read_aloud, app.read_aloud)
            self.watch(app, "ascii_only", self._mirror_ascii_only, init=False)
            self.watch(app, "read_aloud", self._mirror_read_aloud, init=False)
        self.set_reactive(DisplayMode.high_contrast, app.theme == HIGH_CONTRAST.name)
        self.watch(app, "theme", self._mirror_theme, init=False)

    def _mirror_ascii_only(self, ascii_only: bool) -> None:
        self.ascii_only = ascii_only

    def _mirror_read_aloud(self, read_aloud: bool) -> None:
        self.read_aloud = read_aloud

    def _mirror_theme(self, theme: str) -> None:
        self.high_contrast = theme == HIGH_CONTRAST.name


__all__ = ["DisplayMode"]
