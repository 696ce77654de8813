"""The footer of keys, rebuilt only when the keys it shows change.

Textual's footer builds its keys anew whenever the screen's bindings may have
changed: at every move of focus and after every key pressed. Each build mounts and
styles a widget per key, so on the interview about a tenth of the work of a vote
went on a footer that showed the same keys as before. This one compares what it
would show (each key, its words, whether it works now, and how the key is drawn,
which ``--ascii`` changes) with what it shows, and builds only when they differ.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's footer, built again only when what it shows would change."""

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._shown: tuple[Any, ...] | None = None

    def _keys_of(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """What the footer shows for ``screen``: the first key of each action, and Actions.

        Textual's footer shows one key per action, the first bound (F1 for help,
        not ``?`` too), so a key that comes and goes behind it changes nothing shown.
        """
        bindings = screen.active_bindings
        shown: dict[str, tuple[Any, ...]] = {}
        for _, binding, enabled, tooltip in bindings.values():
            if binding.show:
                display = self.app.get_key_display(binding)
                shown.setdefault(binding.action, (binding, enabled, tooltip, display))
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return tuple(shown.values()) + (palette[1:] if palette else ())

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_of(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if (
            self._shown is not None
            and self.is_attached
            and screen is self.screen
            and self._keys_of(screen) == self._shown
        ):
            return
        super().bindings_changed(screen)
