"""Where the keys are, said aloud as they move: the field a Tab reaches, the item
under a list's pointer, a box as it opens, a screen with a reading of its own as
it shows. One watcher for every screen, held by the app
(:class:`~panel_tui.ui.display_app.DisplayApp`); the screens only show state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, OptionList, RadioButton, RadioSet

from panel_tui.domain.speech import Speaker
from panel_tui.ui.box_reading import pointer_list, spoken_focus, spoken_pointer
from panel_tui.ui.contracts import FillsBehind, Readable

if TYPE_CHECKING:
    from panel_tui.ui.display_app import DisplayApp


def say_screen(
    speaker: Speaker, screen: Readable, before: object, stale: Callable[[], None]
) -> Screen[object]:
    """A screen with a reading of its own says it as it shows, at once (the help and
    the summary opened and closed in silence; found by a tester); returns it.

    ``before``: the screen shown before. Not once a box with none closes over it
    (the question was read again after each answer), nor while it is being read.
    ``stale``: called as it says it (what was said of the focus is out of date).
    """
    from panel_tui.ui.screens.help import HelpScreen  # here: the screens import this module

    assert isinstance(screen, Screen)
    if isinstance(screen, ModalScreen) and not isinstance(screen, HelpScreen):
        return screen  # a question to the chair says only that it is there: it may name votes
    box_closed = isinstance(before, ModalScreen) and not isinstance(before, Readable)
    if before is screen or (box_closed and before not in screen.app.screen_stack):
        return screen
    text = screen.spoken_text()
    if text and not (speaker.speaking and speaker.reading == text):
        stale()
        speaker.say_over(text)
    return screen


class FocusReading:
    """Says where the keys are, as they move, with reading aloud on."""

    def __init__(self, app: DisplayApp) -> None:
        self._app = app
        #: What was last said of the field with the keys, which the next one may cut short.
        self._focus_said: str | None = None
        #: Where the keys went waits to be said until the screen's lists are filled in.
        self._focus_owed = False
        #: The screen the keys were last on: a move within it is a Tab, not its opening.
        self._focus_screen: Screen[object] | None = None
        #: The screen the keys were last said on: a box opening is said at once.
        self._said_screen: Screen[object] | None = None
        #: A pointer moved while the lists were filled in: said, if changed, once they are.
        self._pointer_owed = False
        #: The item under the pointer of the list with the keys, as last said.
        self._pointer_said = ""
        #: A session chosen on this screen is about to open over it: nothing said here.
        self._held: Screen[object] | None = None

    def focused(self, widget: Widget) -> None:
        """The keys went to ``widget``: say so, or once the screen's lists are filled in."""
        screen = self._app.screen
        if screen is self._held or (isinstance(screen, FillsBehind) and screen.reading_behind):
            self._focus_owed = True  # said from the list as it will show: settled
            return
        self._focus_owed = False
        self._read_focus(widget)

    def hold(self) -> None:
        """A session chosen on the screen shown is about to open over it (Start on the
        new-session form): where the keys are there is not said until :meth:`release`.

        Home, back from the form, said its list at once, and the question cut it
        short 0.4 s later: a listener heard a fragment (found by a tester).
        """
        self._held = self._app.screen

    def release(self) -> None:
        """The chosen session has opened, or failed to: what waited is said if the
        screen held is still shown, else dropped."""
        held, self._held = self._held, None
        if held is not None and self._app.screen is held:
            self.settled()
        elif held is not None:
            self._focus_owed = self._pointer_owed = False

    def settled(self) -> None:
        """The screen's lists are filled in: say where the keys are, if that waited."""
        pointer_owed, self._pointer_owed = self._pointer_owed, False
        if self._focus_owed and self._app.focused is not None:
            self._focus_owed = False
            self._read_focus(self._app.focused)
        elif pointer_owed:
            self._pointer_moved()

    def _read_focus(self, widget: Widget) -> None:
        self._follow_pointer(widget)
        screen = self._app.screen
        before, self._focus_screen = self._focus_screen, screen
        if not self._app.read_aloud:
            return
        if isinstance(screen, Readable):
            say_screen(self._app.speaker, screen, before, self.own_reading)
            if not (before is screen and isinstance(widget, Button)):
                # The screens with a reading of their own (the interview, a question)
                # keep their voice for that, which names the button a question opens
                # on; Tab to its other answer was silent.
                return
        # Where the keys went, as the pointer shows it.
        said = spoken_focus(widget, opening=before is not screen)
        if said:
            self._say_focus(said)

    def _follow_pointer(self, widget: Widget) -> None:
        """Say each move of a list's pointer, and each choice or tick, while it has the keys.

        One way for every list and choice (home's lists, a drop-down's open list,
        the boxes' choices, tick boxes): the arrows and Enter were silent (found
        by a tester). Watched from the widget's own state, so a change the
        screen makes is heard as one the keys make.
        """
        self._pointer_said = spoken_pointer(widget)
        widget = pointer_list(widget)
        watched: list[tuple[Widget, str]] = []
        if isinstance(widget, OptionList):
            watched.append((widget, "highlighted"))
        elif isinstance(widget, RadioSet):
            watched.append((widget, "_selected"))
            watched.extend((button, "value") for button in widget.query(RadioButton))
        elif isinstance(widget, Checkbox):
            watched.append((widget, "value"))
        for node, name in watched:
            self._app.watch(node, name, self._pointer_moved, init=False)  # once: same callback

    def _pointer_moved(self) -> None:
        focused = self._app.focused
        if focused is None or not self._app.read_aloud or isinstance(self._app.screen, Readable):
            return
        screen = self._app.screen
        if screen is self._held or (isinstance(screen, FillsBehind) and screen.reading_behind):
            self._pointer_owed = True  # the list's figures are not yet its own
            return
        said = spoken_pointer(focused)
        if said and said != self._pointer_said:
            # A list filled in as its box opened (the palette's commands, searched
            # aside): its first item follows the box's opening words, which it cut
            # short, and the palette was never heard saying what it is.
            filled = not self._pointer_said
            self._pointer_said = said
            self._say_focus(said, after=filled)

    def _say_focus(self, said: str, *, after: bool = False) -> None:
        """Say where the keys went: over the field said before (Tab, Tab), being read
        or still waiting, never over anything else, which is read to its end first
        (news, the question a box asks). ``after``: after the field said before."""
        last, self._focus_said = self._focus_said, said
        if after:
            last = None
        opened, self._said_screen = self._app.screen is not self._said_screen, self._app.screen
        # A voice missing was said when reading was switched on: nothing to show here.
        if opened and isinstance(self._app.screen, ModalScreen):
            # A box just opened: what was read is behind it now (found by a tester).
            self._app.speaker.say_over(said)
        else:
            self._app.speaker.say_instead(last, said)

    def closing(self) -> None:
        """The screen on top (a box) closes: what was said of its fields is out of date.

        A choice went on being read after its box closed, and what Esc did waited
        behind it (found by a tester).
        """
        last, self._focus_said = self._focus_said, None
        if last is not None:
            self._app.speaker.withdraw(last)

    def own_reading(self) -> None:
        """A screen reads its own words (as it shows, a question as it comes up): what
        was said of where the keys were, on it or the screen before, is out of date.

        Still waiting, it is dropped, never read first: home's list was read with
        the interview on screen, before its first question (found by a tester).
        Being read, the new reading cuts it short.
        """
        last, self._focus_said = self._focus_said, None
        speaker = self._app.speaker
        if last is not None and not (speaker.speaking and speaker.reading == last):
            speaker.withdraw(last)  # dropped from the news waiting: nothing is stopped

    def shown_again(self) -> None:
        """A screen with a reading of its own, shown again, says it (not after a box)."""
        if self._app.read_aloud and isinstance(self._app.screen, Readable):
            self._focus_screen = say_screen(
                self._app.speaker, self._app.screen, self._focus_screen, self.own_reading
            )
