"""The footer of keys, rebuilt only when the keys it shows change.

Textual's footer builds its keys anew whenever the screen's bindings may have
changed: at every move of focus and after every key pressed. Each build mounts and
styles a widget per key, so on the interview about a tenth of the work of a vote
went on a footer that showed the same keys as before. This one compares what it
would show (each key, its words, whether it works now, and how the key is drawn,
which ``--ascii`` changes) with what it shows, and builds only when they differ.

It also fits its keys to the width, as Textual's does not (its keys run off the
right edge, under the Actions key): spaced out when they fit, one cell apart when
only that fits, and without the Actions key (Ctrl+P still works, and the help names
it) when even that is too wide. Found by a tester: with a drop-down list open on the
new-session form, "Esc Close list" in place of "Esc Back" cut the footer to
"Ctrl+O Add can" at 80 columns.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

#: The Actions key's cells beside its words: a bar, a space between, one after.
_PALETTE_EDGES = 3


class Fit(NamedTuple):
    """How the footer shows its keys in the width it has."""

    compact: bool  #: one cell between keys, not two
    palette: bool  #: the Actions key (Ctrl+P) shows, at the right


#: Every way of showing the keys, widest first: spaced, then close, then each again
#: without the Actions key.
_LAYOUTS = (Fit(False, True), Fit(True, True), Fit(False, False), Fit(True, False))


class KeysFooter(Footer):
    """Textual's footer, built again only when what it shows would change."""

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        """A footer, ``compact`` at any width, with the Actions key when ``show_command_palette``
        and there is room."""
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._shown: tuple[Any, ...] | None = None
        #: A build is asked for and has not run yet (see bindings_changed).
        self._build_asked = False
        #: The layouts this footer may take, widest first: only compact ones when asked
        #: for ``compact``, none with the Actions key when asked for none. The last,
        #: compact without the Actions key, is always allowed.
        self._layouts = tuple(
            fit
            for fit in _LAYOUTS
            if (fit.compact or not compact) and (show_command_palette or not fit.palette)
        )

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
        keys = tuple(shown.values()) + (palette[1:] if palette else ())
        return (*keys, self._fit(list(shown.values()), palette))

    def _fit(self, keys: list[tuple[Any, ...]], palette: tuple[Any, ...] | None) -> Fit:
        """The first layout allowed that fits ``keys`` in the width, else the narrowest.

        Each key is drawn as Textual draws it: " Esc Back " spaced, "Esc Back " close;
        the last one's space may lie under the Actions key.
        """
        words = [cell_len(shown[3]) + 1 + cell_len(shown[0].description) for shown in keys]
        actions = 0  # the Actions key's cells, when there is one to show
        if palette is not None:
            _, binding, *_ = palette
            drawn = self.app.get_key_display(binding)
            actions = cell_len(drawn) + cell_len(binding.description) + _PALETTE_EDGES

        def needed(fit: Fit) -> int:
            gap = 1 if fit.compact else 2
            return sum(w + gap for w in words) - 1 + (actions if fit.palette else 0)

        width = self.app.size.width
        return next((fit for fit in self._layouts if needed(fit) <= width), self._layouts[-1])

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_of(self.screen)
            fit: Fit = self._shown[-1]
            self.set_reactive(Footer.compact, fit.compact)
            self.set_class(fit.compact, "-compact")
            self.set_reactive(Footer.show_command_palette, fit.palette)
        yield from super().compose()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the keys again to the new width (they may now fit spaced, or no longer)."""
        keys_changed = self._shown is not None and self._keys_of(self.screen) != self._shown
        if keys_changed and not self._build_asked:  # one build, as for bindings_changed
            self._build_asked = True
            self.call_after_refresh(self._build)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not (self.is_attached and screen is self.screen and screen.app.app_focus):
            super().bindings_changed(screen)  # Textual's: the keys are ready, nothing built
            return
        self._bindings_ready = True
        if self._build_asked or (self._shown is not None and self._keys_of(screen) == self._shown):
            return
        # Textual's footer asks for a build at every change, and a screen's bindings
        # change twice as it starts (the home screen's footer was built twice over).
        # The build asked for reads the keys when it runs, so one is enough.
        self._build_asked = True
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        self._build_asked = False
        await self.recompose()
