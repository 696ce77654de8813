"""The app's display settings and voice: plain ASCII, high contrast, reading aloud.

Each is switched by a key anywhere (Ctrl+A, Ctrl+T, Ctrl+E; Ctrl+L reads the
screen), remembered in the settings file when there is one, and mirrored onto
every screen by :class:`~panel_tui.ui.display_mode.DisplayMode`. The panel's
App (``ui/app.py``) builds on this; nothing here knows about sessions.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual import events
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, OptionList, RadioButton, RadioSet

from panel_tui.domain.display import DisplaySettings, load_settings, save_settings
from panel_tui.domain.speech import Speaker
from panel_tui.ui.box_reading import pointer_list, spoken_box, spoken_focus, spoken_pointer
from panel_tui.ui.contracts import FillsBehind, Readable
from panel_tui.ui.focus_mark import mark_focus
from panel_tui.ui.key_hold import TurnTakingApp
from panel_tui.ui.keys import key_words
from panel_tui.ui.plain import use_ascii_scrollbars
from panel_tui.ui.themes import HIGH_CONTRAST, NORMAL_THEME, PANEL_DARK


def say_screen(speaker: Speaker, screen: Readable, before: object) -> Screen[object]:
    """A screen with a reading of its own says it as it shows, at once (the help and
    the summary opened and closed in silence; found by a tester); returns it.

    ``before``: the screen shown before. Not once a box with none closes over it
    (the question was read again after each answer), nor while it is being read.
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
        speaker.say_over(text)
    return screen


class DisplayApp(TurnTakingApp[None]):
    """An app whose symbols, theme and voice follow the person using it.

    The keys that switch them are the App's (``PanelApp.BINDINGS``), in the
    order the help lists them.
    """

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII symbols instead of Unicode ones (screens mirror it: ``DisplayMode``)."""

    read_aloud: reactive[bool] = reactive(False)
    """Read each question aloud as it comes up, and each vote (``DisplayMode`` mirrors it)."""

    def __init__(
        self, display: DisplaySettings, settings_path: Path | None, speaker: Speaker
    ) -> None:
        """Start with ``display`` (saved file, environment and flags already applied).

        ``settings_path`` is where a change is saved (``None``: this run only);
        ``speaker`` is the voice that reads aloud.
        """
        super().__init__()
        self.display_settings = display
        self.settings_path = settings_path
        self.speaker = speaker
        speaker.on_trouble = self._heard_nothing
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
        #: "Ctrl+L again stops" was said: once a run is enough.
        self._told_how_to_stop = False
        self.set_reactive(DisplayApp.ascii_only, display.ascii_only)
        self.set_reactive(DisplayApp.read_aloud, display.read_aloud)

    @property
    def few_colours(self) -> bool:
        """Whether the terminal shows only its 16 colours (``TERM=xterm``, the Linux console).

        The usual look's colours then turn into pairs such as bright red on grey
        (about 1:1, found by a tester); high contrast's stay white and yellow on black.
        """
        return self.console.color_system == "standard"

    def show_display_settings(self) -> None:
        """Apply the settings once mounted: the themes, ASCII borders and scrollbars."""
        self.register_theme(PANEL_DARK)
        self.register_theme(HIGH_CONTRAST)
        self.theme = HIGH_CONTRAST.name if self.display_settings.high_contrast else NORMAL_THEME
        self.set_class(self.ascii_only, "-ascii")
        use_ascii_scrollbars(self.ascii_only)

    def watch_ascii_only(self, ascii_only: bool) -> None:
        self.set_class(ascii_only, "-ascii")
        use_ascii_scrollbars(ascii_only)
        if self.focused is not None:
            mark_focus(self.focused, ascii_only=ascii_only)
        self.refresh(layout=True)
        for screen in self.screen_stack:
            # Footers show keys in the new symbols, under a box on top too.
            screen.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        mark_focus(event.widget, ascii_only=self.ascii_only)
        screen = self.screen
        if isinstance(screen, FillsBehind) and screen.reading_behind:
            self._focus_owed = True  # said from the list as it will show: focus_settled
            return
        self._focus_owed = False
        self._read_focus(event.widget)

    def focus_settled(self) -> None:
        """The screen's lists are filled in: say where the keys are, if that waited."""
        pointer_owed, self._pointer_owed = self._pointer_owed, False
        if self._focus_owed and self.focused is not None:
            self._focus_owed = False
            self._read_focus(self.focused)
        elif pointer_owed:
            self._pointer_moved()

    def _read_focus(self, widget: Widget) -> None:
        self._follow_pointer(widget)
        screen = self.screen
        before, self._focus_screen = self._focus_screen, screen
        if not self.read_aloud:
            return
        if isinstance(screen, Readable):
            say_screen(self.speaker, screen, before)
            if not (before is screen and isinstance(widget, Button)):
                # The screens with a reading of their own (the interview, a question)
                # keep their voice for that, which names the button a question opens
                # on; Tab to its other answer was silent.
                return
        # Where the keys went, as the pointer shows it.
        said = spoken_focus(widget)
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
            self.watch(node, name, self._pointer_moved, init=False)  # once: same callback

    def _pointer_moved(self) -> None:
        focused = self.focused
        if focused is None or not self.read_aloud or isinstance(self.screen, Readable):
            return
        screen = self.screen
        if isinstance(screen, FillsBehind) and screen.reading_behind:
            self._pointer_owed = True  # the list's figures are not yet its own
            return
        said = spoken_pointer(focused)
        if said and said != self._pointer_said:
            self._pointer_said = said
            self._say_focus(said)

    def _say_focus(self, said: str) -> None:
        """Say where the keys went: over the field said before (Tab, Tab), being read
        or still waiting, never over anything else, which is read to its end first
        (news, the question a box asks)."""
        last, self._focus_said = self._focus_said, said
        opened, self._said_screen = self.screen is not self._said_screen, self.screen
        # A voice missing was said when reading was switched on: nothing to show here.
        if opened and isinstance(self.screen, ModalScreen):
            # A box just opened: what was read is behind it now (found by a tester).
            self.speaker.say_over(said)
        else:
            self.speaker.say_instead(last, said)

    def pop_screen(self) -> AwaitComplete:
        """Close the screen on top (a box): what was said of its fields is out of date.

        A choice went on being read after its box closed, and what Esc did waited
        behind it (found by a tester).
        """
        last, self._focus_said = self._focus_said, None
        if last is not None:
            self.speaker.withdraw(last)
        shown = super().pop_screen()
        self.call_after_refresh(self._shown_again)
        return shown

    def _shown_again(self) -> None:
        """A screen with a reading of its own, shown again, says it (not after a box)."""
        if self.read_aloud and isinstance(self.screen, Readable):
            self._focus_screen = say_screen(self.speaker, self.screen, self._focus_screen)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        mark_focus(event.widget, ascii_only=None)

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as a chair reads them (``Ctrl+R``, not ``^r``)."""
        if binding.key == "backspace":
            return "Bksp" if self.ascii_only else "⌫"
        if binding.key_display:
            return binding.key_display
        return key_words(binding.key, ascii_only=self.ascii_only)

    def action_read_aloud(self) -> None:
        """Read the screen's main text aloud; pressed while that reads, stop the voice.

        Over something else being read (news of a vote, the question before a
        box opened), the screen is read at once: the key never just stops.
        """
        screen = self.screen
        # A screen without a reading of its own is read as it shows.
        shown = screen.spoken_text() if isinstance(screen, Readable) else spoken_box(screen)
        # The notices of the start first, as they show over it (the key leaves them).
        text = "\n".join(part for part in (*self.notices_showing(), shown or "") if part)
        speaker = self.speaker
        # Whether it reads them or not: the question read as it came up took them first.
        if speaker.stop_if_reading(text or None) or (
            shown and text != shown and speaker.stop_if_reading(shown)
        ):
            self.notify("Stopped reading aloud.", timeout=3)
            return
        if not text:
            # Said aloud too: a listener who pressed the key hears why nothing follows.
            nothing = "There is nothing to read aloud on this screen."
            self.notify(speaker.say(nothing) or nothing, timeout=4)
            return
        self.say(text, asked=True)

    def say(self, text: str, *, asked: bool = False, first: str | None = None) -> None:
        """Start reading ``text`` aloud in its own process; say so if nothing can speak.

        ``asked``: Ctrl+L was pressed, and the notice answers it. A reading the
        chair switched on (each question as it comes up) has none: they stacked
        over the seats' votes (found by a tester). ``first``: news read before it,
        after any notice of the start not yet heard.
        """
        if not asked:
            first = "\n".join([*self.notices_unheard(), *([first] if first else [])]) or None
        problem = self.speaker.say(text, first=first)
        if problem:
            self._warn_of_voice(problem)
        elif asked and self.speaker.trouble:
            # The reading before could not be heard: this one is not likely to be.
            self._warn_of_voice(self.speaker.trouble)
        elif asked and not self._told_how_to_stop:
            # A muted or unplugged speaker reports nothing to the engine. Once a
            # run: each time, it hid the line under it at 80x24 ("Votes sealed",
            # what the last key did, "Exported to ..."; found by a tester).
            self._told_how_to_stop = True
            self.notify(
                "Reading aloud. Ctrl+L again stops. If you hear nothing, check the speakers.",
                timeout=4,
            )

    def notices_showing(self) -> list[str]:
        """The words of the notices showing that Ctrl+L reads before the screen (none here)."""
        return []

    def notices_unheard(self) -> list[str]:
        """The words of notices to read before a reading as it comes up, taken so (none here)."""
        return []

    def tell(self, news: str) -> None:
        """With each question read aloud, read ``news`` (a key's) in its turn.

        Never over what is being read. Said in a notice only if nothing can read it.
        """
        if not self.read_aloud:
            return
        if problem := self.speaker.tell(news):
            self._warn_of_voice(problem)

    def _warn_of_voice(self, problem: str) -> None:
        """Say why nothing could be heard, long enough to read."""
        self.notify(problem, title="Read aloud", severity="warning", markup=False, timeout=10)

    def _heard_nothing(self, problem: str) -> None:
        """From the voice's thread: the engine reported an error (no sound card, say)."""
        with contextlib.suppress(RuntimeError):  # the app has closed meanwhile
            self.call_from_thread(self._warn_of_voice, problem)

    def _remember(self, **change: bool) -> str | None:
        """Keep a changed setting for this run and, when there is a file, for the next:
        the words that say so, or ``None`` when it could not be saved (a warning said why)."""
        self.display_settings = self.display_settings.model_copy(update=change)
        if self.settings_path is None:
            return ""
        # Only the changed setting is written: a flag given for this run stays this run's.
        saved = load_settings(self.settings_path).settings.model_copy(update=change)
        problem = save_settings(self.settings_path, saved)
        if problem:
            self.notify(problem, title="Not saved", severity="warning", markup=False, timeout=15)
            return None
        return " Remembered for next time."

    def say_setting(self, words: str, kept: str | None, *, told: bool = True) -> None:
        """Say which way a setting went, and whether it is kept (``kept``: see _remember).

        ``told``: read aloud too, with each question read aloud (Ctrl+E says its own).
        """
        self.notify(words + (kept or ""), timeout=4)
        if told:
            self.tell(words)

    def action_toggle_contrast(self) -> None:
        """Switch the high-contrast theme on or off."""
        high = self.theme != HIGH_CONTRAST.name
        self.theme = HIGH_CONTRAST.name if high else NORMAL_THEME
        kept = self._remember(high_contrast=high)
        self.say_setting("High contrast on." if high else "High contrast off.", kept)

    def action_toggle_ascii(self) -> None:
        """Switch plain ASCII symbols on or off."""
        self.ascii_only = not self.ascii_only
        kept = self._remember(ascii_only=self.ascii_only)
        self.say_setting("Plain ASCII symbols on." if self.ascii_only else "Symbols on.", kept)

    def action_toggle_read_aloud(self) -> None:
        """Switch reading aloud each question as it comes up, and each vote, on or off."""
        self.read_aloud = not self.read_aloud
        kept = self._remember(read_aloud=self.read_aloud)
        said = (
            "Each question is read aloud as it comes up, and each vote recorded is said"
            " (never how)."
            if self.read_aloud
            else "Questions are read aloud only when asked."
        )
        # Said aloud too: a member who cannot see the notice hears which way it went.
        # Switched off, the news waiting is forgotten with the reading, as at a stop.
        if not self.read_aloud:
            self.speaker.stop()
        problem = self.speaker.say(said)
        if problem:  # why nothing is heard: long enough to read, whatever keys come
            self.notify(f"{said}{kept or ''} {problem}", timeout=10)
        else:
            self.say_setting(said, kept, told=False)
