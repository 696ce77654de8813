"""What the app and its screens ask of each other, each said as a ``Protocol``.

Dialogs and form rows also run inside small test apps, so they cannot assume
the :class:`~panel_tui.ui.app.PanelApp`; a protocol names what they need
instead of ``getattr`` with a default. The other way round, the app asks a
screen for its words to read aloud and its palette entries through a protocol,
so no screen has to declare that it has none.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from textual.app import SystemCommand


@runtime_checkable
class BlinkSetting(Protocol):
    """An app that says whether text fields blink their cursor (``PanelApp`` does)."""

    cursor_blink: bool


@runtime_checkable
class DisplaySettingsSource(Protocol):
    """An app holding the display settings as reactives (``DisplayApp`` does).

    :class:`~panel_tui.ui.display_mode.DisplayMode` mirrors them onto each
    screen; in an app without them, screens show the usual symbols.
    """

    ascii_only: bool
    read_aloud: bool


@runtime_checkable
class Readable(Protocol):
    """A screen with something to read aloud (the question, the help)."""

    def spoken_text(self) -> str | None:
        """The words to read aloud now, or ``None``."""


@runtime_checkable
class FillsBehind(Protocol):
    """A screen whose lists may still be filled in behind (the home screen).

    Where the keys are is said aloud only once ``reading_behind`` is false, from
    the list as it then shows: a list painted from an out-of-date catalogue
    was heard with figures the screen no longer showed (found by a tester).
    """

    @property
    def reading_behind(self) -> bool:
        """Whether the lists are still being filled in."""


@runtime_checkable
class SaysFocus(Protocol):
    """An app that says aloud where the keys are (``DisplayApp`` does)."""

    def focus_settled(self) -> None:
        """Say where the keys are, if that waited for a screen's lists to be filled in."""

    def focus_held(self) -> None:
        """A session chosen on this screen is about to open over it: where the keys
        are here is not said meanwhile, and said after only if it did not open."""


@runtime_checkable
class TellsNews(Protocol):
    """An app that, with each question read aloud, reads news in its turn (``DisplayApp``)."""

    def tell(self, news: str) -> None:
        """Read ``news`` after what is read now, if each question is read aloud."""


@runtime_checkable
class OffersCommands(Protocol):
    """A screen whose main actions come first in the command palette."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The screen's entries for the command palette."""


@runtime_checkable
class NamedRow(Protocol):
    """A row of fields that says whose they are when read aloud ("member 2")."""

    def row_words(self) -> str:
        """Whose row this is, as a listener hears it."""


@runtime_checkable
class NamedField(Protocol):
    """A field with no label of its own, named when read aloud ("Role: Staff").

    A member's role and the payment box's rate choices were heard as "Staff"
    alone, where each text box in the row says its name.
    """

    spoken_name: str
    """The field's name as a listener hears it ("Role"), or ``""`` for none."""


@runtime_checkable
class MakesWay(Protocol):
    """An app whose notices make way for a box, except those said nowhere else."""

    def notices_make_way(self) -> None:
        """Take the notices away before a box opens over them (one said nowhere else waits)."""


@runtime_checkable
class SaysDone(Protocol):
    """A screen with a line that says what a key did (the interview's, the summary's)."""

    def say_done(self, message: str) -> None:
        """Show ``message`` on that line, and read it with each question read aloud."""


@runtime_checkable
class SaysOnArrival(SaysDone, Protocol):
    """A screen whose line may carry news as it comes up (the session was not closed
    properly last time), which what is said next as it opens should not replace."""

    def say_on_arrival(self, message: str) -> None:
        """Say ``message`` as :meth:`say_done` does, after the news it came up with."""


def cursor_blink(app: object) -> bool:
    """Whether text fields blink their cursor: the app's setting, else Textual's default."""
    return app.cursor_blink if isinstance(app, BlinkSetting) else True


def tell(app: object, news: str) -> None:
    """Read ``news`` in its turn, with each question read aloud, if the app reads news."""
    if isinstance(app, TellsNews):
        app.tell(news)


__all__ = [
    "BlinkSetting",
    "DisplaySettingsSource",
    "FillsBehind",
    "MakesWay",
    "NamedField",
    "NamedRow",
    "OffersCommands",
    "Readable",
    "SaysDone",
    "SaysFocus",
    "SaysOnArrival",
    "TellsNews",
    "cursor_blink",
    "tell",
]
