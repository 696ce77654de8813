"""The App: wires the store to the screens and holds the global keys.

Its display settings and voice (ASCII, contrast, reading aloud) are
:class:`~panel_tui.ui.display_app.DisplayApp`'s, which it builds on; the
notices that only pass (the start's, the window's size) are
:class:`~panel_tui.ui.passing_notices.PassingNotices`'.

:func:`make_app` builds the App from objects already loaded and :func:`run_app`
runs it; the command line calls ``run_app`` and the tests call ``make_app``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath
from typing import ClassVar

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from panel_tui.domain.display import DisplaySettings
from panel_tui.domain.speech import Speaker
from panel_tui.domain.store import OpenSession, Store, StoreError
from panel_tui.ui.asking import Asking, HoldsTyping, asks
from panel_tui.ui.console import is_legacy_windows_console
from panel_tui.ui.contracts import OffersCommands
from panel_tui.ui.display_app import DisplayApp
from panel_tui.ui.keys import READ_ALOUD_KEY, palette_command
from panel_tui.ui.opening import Opening
from panel_tui.ui.passing_notices import PassingNotices, StartNotice
from panel_tui.ui.plain import use_ascii_scrollbars
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.home import HomeScreen, PracticeRequest
from panel_tui.ui.screens.palette import PlainPalette

#: How long "Files written again" shows, boxes opening over it or not.
WRITTEN_AGAIN_SECONDS = 15


class PanelApp(DisplayApp):
    """panel-tui on one shared laptop; every key waits its turn (ui/key_hold.py).

    The display settings and the voice are :class:`DisplayApp`'s (ui/display_app.py).
    """

    TITLE = "panel-tui"
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "widgets/widgets.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help", tooltip="Show every key, and what each does."),
        # Textual names it "palette", a word a panel member need not know.
        Binding(
            "ctrl+p",
            "command_palette",
            "Actions",  # as long as "palette": the form's footer is full at 80 columns
            show=False,
            priority=True,
            tooltip="Actions: search every action by name.",
        ),
        # Never in a footer: the screens with something to read name it in their own words.
        Binding(
            READ_ALOUD_KEY,
            "read_aloud",
            "Read aloud",
            show=False,
            tooltip="Read this screen aloud (the question, the summary, a box); again stops it.",
        ),
        Binding(
            "ctrl+e",
            "toggle_read_aloud",
            "Read each",
            show=False,
            tooltip=(
                "Read each question aloud as it comes up, and say each vote recorded"
                " (never how): on or off."
            ),
        ),
        Binding(
            "ctrl+t",
            "toggle_contrast",
            "Contrast",
            show=False,
            tooltip="Switch the high-contrast theme on or off.",
        ),
        Binding(
            "ctrl+a",
            "toggle_ascii",
            "ASCII",
            show=False,
            tooltip="Switch plain ASCII symbols on or off, for terminals without them.",
        ),
    ]

    def __init__(
        self,
        store: Store,
        *,
        session_id: str | None = None,
        bank_folders: Sequence[tuple[Path, str]] = (),
        ascii_only: bool = False,
        display: DisplaySettings | None = None,
        settings_path: Path | None = None,
        notices: Sequence[StartNotice] = (),
        clock: Callable[[], float] = time.monotonic,
        export_dir: Path | None = None,
        cursor_blink: bool = True,
        speaker: Speaker | None = None,
        practice: PracticeRequest | None = None,
        legacy_console: bool | None = None,
    ) -> None:
        """Make the app.

        Args:
            store: the sessions folder.
            session_id: a session to open at once (demo, practice); ``None`` shows home.
            bank_folders: where question banks are looked for, with their source.
            ascii_only: start with plain ASCII symbols (as ``--ascii``).
            display: the display settings for this run (saved file, environment
                and flags already applied); ``ascii_only`` adds to it.
            settings_path: where a change of setting is saved; ``None`` keeps
                changes for this run only.
            notices: notices to give once the app is up (a damaged settings
                file, an unknown word in the environment, a new demo).
            clock: seconds, for the answer timer (tests freeze it).
            export_dir: the folder the export dialog suggests.
            cursor_blink: whether text fields blink their cursor (tests turn it off).
            speaker: the voice that reads aloud (tests pass one with a fake engine).
            practice: open the practice form at once (``panel-tui practice``).
            legacy_console: whether this is the old Windows console; ``None``
                finds out from the system and the environment.
        """
        settings = display or DisplaySettings()
        if ascii_only:
            settings = settings.model_copy(update={"ascii_only": True})
        super().__init__(settings, settings_path, speaker or Speaker())
        self.store = store
        self.start_session = session_id
        self.bank_folders = list(bank_folders)
        self.clock = clock
        self.export_dir = export_dir or Path.cwd() / "exports"
        self.cursor_blink = cursor_blink
        self.opened: OpenSession | None = None
        self.practice = practice
        self._passing = PassingNotices(self)
        self._opening = self.gate = Opening(self)  # keys typed while a session opens
        #: "Quit anyway?" is on screen: a second Ctrl+Q waits for its answer.
        self._asking_to_quit = False
        self.notices = list(notices)
        self.legacy_console = (
            is_legacy_windows_console(sys.platform, os.environ)
            if legacy_console is None
            else legacy_console
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._passing.key_pressed(event.key)  # the start's notices, or a setting's, go
        await super().on_event(event)

    def say_setting(self, words: str, kept: str | None, *, told: bool = True) -> None:
        """Say which way a setting went; the next key takes it away, as it lies over
        the lines above the keys ("Votes sealed: 1 of 4 voted" at 80x24, found in testing).

        Unless it could not be saved: the warning saying why stays its time (a review).
        """
        super().say_setting(words, kept, told=told)
        if kept is not None:
            self._passing.going_at_next_key()

    def notices_showing(self) -> list[str]:
        """The start's notices showing: Ctrl+L reads them before the screen."""
        return self._passing.start_words()

    def notices_unheard(self) -> list[str]:
        """The start's notices not yet read with each question read aloud: read first."""
        return self._passing.take_unheard()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notice; while an error shows, notices are only ever left to time out.

        "Cannot open" came just after the notices of the start, and went with
        them at the first key (found by a review).
        """
        if severity == "error":
            self._passing.error_shown(self.NOTIFICATION_TIMEOUT if timeout is None else timeout)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        self.show_display_settings()
        # A box closed, however it was opened: a notice it held back shows again.
        self.screen_change_signal.subscribe(self, self._passing.screen_changed)
        self._passing.give_start(self.notices, legacy_console=self.legacy_console)
        if self.start_session is None:
            self.push_screen(HomeScreen(self.store, self.bank_folders, practice=self.practice))
        else:
            self.open_session(self.start_session)

    def on_unmount(self) -> None:
        use_ascii_scrollbars(False)
        self.speaker.stop()
        self._close_session()

    def on_resize(self, event: events.Resize) -> None:
        """Say so when the window is too small to show every member's keys."""
        self._passing.resized(event.size.width, event.size.height)

    # -- sessions -------------------------------------------------------------

    def _close_session(self) -> None:
        if self.opened is not None:
            self.opened.on_written_again = None  # the window is closing: no one to tell
            self.opened.close()
            self.opened = None

    def open_session(self, session_id: str) -> None:
        """Open a session and show it: the interview, or the summary when finished."""
        self._close_session()
        self._opening.began()  # keys typed until its screen shows are not taken (ui/opening.py)
        try:
            opened = self.store.open(session_id)
        except StoreError as error:
            self._opening.failed()
            self.notify(str(error), title="Cannot open", severity="error", markup=False, timeout=20)
            if not any(isinstance(s, HomeScreen) for s in self.screen_stack):
                self.push_screen(HomeScreen(self.store, self.bank_folders))
            return
        # Imported when first shown, so the home screen paints without them.
        from panel_tui.ui.screens.interview import InterviewScreen
        from panel_tui.ui.screens.summary import SummaryScreen

        self.opened = opened
        opened.on_written_again = self._files_written_again
        on_top: InterviewScreen | SummaryScreen = InterviewScreen(opened, self.clock)
        self.push_screen(on_top)
        if opened.session.finished:
            on_top = SummaryScreen(opened)
            self.push_screen(on_top)
        # Once its screen has been composed and mounted, and so is drawn (that screen's
        # queue; the app's call_after_refresh waited for the interview to be idle).
        self.screen.call_later(self._opening.shown)
        on_top.arrival_news = self._passing.how_it_was_left(opened)

    def _files_written_again(self, words: str) -> None:
        notice = StartNotice("Files written again", words, "warning")
        self._passing.say_only_here(notice, WRITTEN_AGAIN_SECONDS)  # said once a window

    def notices_make_way(self) -> None:
        """Before a box opens: the notices go; one said nowhere else waits (PassingNotices)."""
        self._passing.make_way()

    def on_home_screen_session_chosen(self, message: HomeScreen.SessionChosen) -> None:
        try:
            self.open_session(message.session_id)
        finally:
            self.focus_reading.release()  # home said where the keys are only if still shown

    def action_home(self) -> None:
        """Close the session and go back to the list of sessions."""
        self._close_session()  # first: a screen popped is gone from the stack at once
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen(self.store, self.bank_folders))

    # -- display --------------------------------------------------------------

    def action_command_palette(self) -> None:
        """Open the command palette (the terminal may have no emoji for Textual's icon)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.notices_make_way()  # as before any box (asking.py): none lies over it
            self.push_screen(PlainPalette())

    async def action_quit(self) -> None:
        """Quit; first ask, while a box or form holds typing not yet saved (votes always are)."""
        self._quit()

    @asks
    def _quit(self) -> Asking:
        from panel_tui.domain.interview_outcomes import what_quitting_loses
        from panel_tui.ui.screens.dialogs import ConfirmDialog

        if self._asking_to_quit:
            return  # the question is on screen: only its answer quits
        # Any screen on the stack: the help may be over a box holding a note.
        typing = any(isinstance(s, HoldsTyping) and s.unsaved() for s in self.screen_stack)
        question = "" if self.opened is None else what_quitting_loses(self.opened)
        if not question and typing:
            question = "What you typed here is not saved yet. Quit anyway? Every vote is saved."
        if question:
            self._asking_to_quit = True
            quit_anyway = yield ConfirmDialog(question, yes="Quit", no="Go back", safe_first=True)
            self._asking_to_quit = False
            if not quit_anyway:
                return
        self.exit()

    def action_help(self) -> None:
        """Show every key."""
        if isinstance(self.screen, HelpScreen):
            return
        session = self.opened.session if self.opened else None
        self.notices_make_way()  # as before any box (asking.py): none lies over it
        # The screen under any box: its keys are the ones the help lists.
        under = next((s for s in reversed(self.screen_stack) if not s.is_modal), None)
        self.push_screen(HelpScreen(session, self.settings_path, under))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: the current screen's main actions, then the app's."""
        if isinstance(screen, OffersCommands):
            yield from screen.palette_commands()
        for title, action in (
            ("Help", self.action_help),
            ("High contrast", self.action_toggle_contrast),
            ("ASCII symbols", self.action_toggle_ascii),
            ("Read aloud", self.action_read_aloud),
            ("Read each question aloud", self.action_toggle_read_aloud),
        ):
            yield palette_command(self, title, action)
        if self.opened is not None:
            yield SystemCommand(
                "Sessions", "Close this session and go to the list of sessions", self.action_home
            )
        # Textual's own commands (theme picker, keys panel, maximise, screenshot)
        # speak of widgets and themes: a panel member gets only Quit, in plain words.
        # Its key named as every other entry names its own (found by a tester).
        yield SystemCommand(
            "Quit", "Ctrl+Q: close panel-tui; every vote is already saved", self.action_quit
        )


def make_app(
    store: Store,
    session_id: str | None = None,
    bank_folders: Sequence[tuple[Path, str]] = (),
    ascii_only: bool = False,
    **options: object,
) -> PanelApp:
    """Build the app from objects already loaded (the tests pass ``clock`` and friends)."""
    return PanelApp(
        store,
        session_id=session_id,
        bank_folders=bank_folders,
        ascii_only=ascii_only,
        **options,  # type: ignore[arg-type]
    )


def run_app(
    store: Store,
    session_id: str | None = None,
    bank_folders: Sequence[tuple[Path, str]] = (),
    *,
    display: DisplaySettings | None = None,
    settings_path: Path | None = None,
    notices: Sequence[StartNotice] = (),
    practice: PracticeRequest | None = None,
) -> None:
    """Run the app until the chair quits."""
    make_app(
        store,
        session_id,
        bank_folders,
        display=display,
        settings_path=settings_path,
        notices=notices,
        practice=practice,
    ).run()
