"""Radio buttons and checkboxes whose state shows by shape, not only by colour.

Textual draws a chosen and an unchosen radio button with the same character in
two colours; these draw an empty box when not chosen. In ASCII mode the sides
are brackets, ``( )`` and ``[ ]``, rather than half blocks; the screen binds
``ascii_only`` down (``.data_bind(DisplayMode.ascii_only)``).
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Checkbox, RadioButton


class ClearRadioButton(RadioButton):
    """A radio button: a dot when chosen, empty when not."""

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII sides and dot (bound to the screen's)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the button."""
        if not self.value:
            return " "
        return "*" if self.ascii_only else "●"

    @property
    def BUTTON_LEFT(self) -> str:  # type: ignore[override]
        """The left side of the button."""
        return "(" if self.ascii_only else "▐"

    @property
    def BUTTON_RIGHT(self) -> str:  # type: ignore[override]
        """The right side of the button."""
        return ")" if self.ascii_only else "▌"


class ClearCheckbox(Checkbox):
    """A checkbox: a cross when ticked, empty when not."""

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII sides (bound to the screen's)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the box."""
        return "X" if self.value else " "

    @property
    def BUTTON_LEFT(self) -> str:  # type: ignore[override]
        """The left side of the box."""
        return "[" if self.ascii_only else "▐"

    @property
    def BUTTON_RIGHT(self) -> str:  # type: ignore[override]
        """The right side of the box."""
        return "]" if self.ascii_only else "▌"
