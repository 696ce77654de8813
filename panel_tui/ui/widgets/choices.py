"""Radio buttons and checkboxes whose state shows by shape, not only by colour.

Textual draws a chosen and an unchosen radio button with the same character in
two colours; these draw an empty box when not chosen. In ASCII mode the sides
are brackets, ``( )`` and ``[ ]``, rather than half blocks.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


def _ascii(widget: RadioButton | Checkbox) -> bool:
    return bool(getattr(widget.app, "ascii_only", False))


class ClearRadioButton(RadioButton):
    """A radio button: a dot when chosen, empty when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the button."""
        if not self.value:
            return " "
        return "*" if _ascii(self) else "●"

    @property
    def BUTTON_LEFT(self) -> str:  # type: ignore[override]
        """The left side of the button."""
        return "(" if _ascii(self) else "▐"

    @property
    def BUTTON_RIGHT(self) -> str:  # type: ignore[override]
        """The right side of the button."""
        return ")" if _ascii(self) else "▌"


class ClearCheckbox(Checkbox):
    """A checkbox: a cross when ticked, empty when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the box."""
        return "X" if self.value else " "

    @property
    def BUTTON_LEFT(self) -> str:  # type: ignore[override]
        """The left side of the box."""
        return "[" if _ascii(self) else "▐"

    @property
    def BUTTON_RIGHT(self) -> str:  # type: ignore[override]
        """The right side of the box."""
        return "]" if _ascii(self) else "▌"
