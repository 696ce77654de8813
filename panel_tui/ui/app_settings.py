"""What screens and widgets read from the app they run in, said as a ``Protocol``.

Dialogs and form rows also run inside small test apps, so they cannot assume
the :class:`~panel_tui.ui.app.PanelApp`; a protocol names what they need
instead of ``getattr`` with a default.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class BlinkSetting(Protocol):
    """An app that says whether text fields blink their cursor (``PanelApp`` does)."""

    cursor_blink: bool


@runtime_checkable
class DisplaySettingsSource(Protocol):
    """An app holding the display settings as reactives (``PanelApp`` does).

    :class:`~panel_tui.ui.display_mode.DisplayMode` mirrors them onto each
    screen; in an app without them, screens show the usual symbols.
    """

    ascii_only: bool
    read_aloud: bool


def cursor_blink(app: object) -> bool:
    """Whether text fields blink their cursor: the app's setting, else Textual's default."""
    return app.cursor_blink if isinstance(app, BlinkSetting) else True


__all__ = ["BlinkSetting", "DisplaySettingsSource", "cursor_blink"]
