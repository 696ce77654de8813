"""Radio buttons and checkboxes whose state shows by shape, not only by colour.

Textual draws a chosen and an unchosen radio button with the same character in
two colours; these draw an empty box when not chosen.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class ClearRadioButton(RadioButton):
    """A radio button: a dot when chosen, empty when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the button."""
        if not self.value:
            return " "
        return "*" if getattr(self.app, "ascii_only", False) else "●"


class ClearCheckbox(Checkbox):
    """A checkbox: a cross when ticked, empty when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the box."""
        return "X" if self.value else " "
