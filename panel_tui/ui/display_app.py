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

from panel_tui.domain.display import DisplaySettings, load_settings, save_settings
from panel_tui.domain.speech import Speaker
from panel_tui.ui.box_reading import spoken_box
from panel_tui.ui.contracts import Readable
from panel_tui.ui.focus_mark import mark_focus
from panel_tui.ui.focus_reading import FocusReading
from panel_tui.ui.key_hold import TurnTakingApp
from panel_tui.ui.keys import key_words
from panel_tui.ui.plain import use_ascii_scrollbars
from panel_tui.ui.themes import HIGH_CONTRAST, NORMAL_THEME, PANEL_DARK


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
        #: Says where the keys are as they move (fields, lists, boxes, screens).
        self.focus_reading = FocusReading(self)
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
        self.focus_reading.focused(event.widget)

    def focus_settled(self) -> None:
        """The screen's lists are filled in: say where the keys are, if that waited."""
        self.focus_reading.settled()

    def focus_held(self) -> None:
        """A session chosen on this screen is about to open over it: not said meanwhile."""
        self.focus_reading.hold()

    def pop_screen(self) -> AwaitComplete:
        """Close the screen on top (a box): what was said of its fields is out of date."""
        self.focus_reading.closing()
        shown = super().pop_screen()
        self.call_after_refresh(self.focus_reading.shown_again)
        return shown

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
        self.focus_reading.own_reading()  # where the keys were is never read before it
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
