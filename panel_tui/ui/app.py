"""The App: wires the store to the screens, holds global keys and display settings.

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
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, SearchIcon
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme

from panel_tui.domain.store import OpenSession, Store, StoreError
from panel_tui.ui.console import is_legacy_windows_console, legacy_console_advice
from panel_tui.ui.keys import key_words, palette_command
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.home import HomeScreen, PracticeRequest
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.screens.summary import SummaryScreen

#: White and yellow on black, for low vision and bright rooms.
HIGH_CONTRAST = Theme(
    name="panel-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffffff",
    warning="#ffff00",
    error="#ff8080",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#262626",
    dark=True,
    variables={
        "text-muted": "#ffffff",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
    },
)
NORMAL_THEME = "textual-dark"


#: The smallest window everything is designed for (columns, rows).
MIN_SIZE = (80, 24)


class PlainPalette(CommandPalette):
    """The command palette with a plain ``>`` for its search icon, never an emoji."""

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = ">"


class PanelApp(App[None]):
    """panel-tui on one shared laptop."""

    TITLE = "panel-tui"
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "widgets/widgets.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help", tooltip="Show every key (this help)."),
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

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII symbols instead of Unicode ones."""

    def __init__(
        self,
        store: Store,
        *,
        session_id: str | None = None,
        bank_folders: Sequence[tuple[Path, str]] = (),
        ascii_only: bool = False,
        clock: Callable[[], float] = time.monotonic,
        export_dir: Path | None = None,
        cursor_blink: bool = True,
        practice: PracticeRequest | None = None,
        legacy_console: bool | None = None,
    ) -> None:
        """Make the app.

        Args:
            store: the sessions folder.
            session_id: a session to open at once (demo, practice); ``None`` shows home.
            bank_folders: where question banks are looked for, with their source.
            ascii_only: start with plain ASCII symbols.
            clock: seconds, for the answer timer (tests freeze it).
            export_dir: the folder the export dialog suggests.
            cursor_blink: whether text fields blink their cursor (tests turn it off).
            practice: open the practice form at once (``panel-tui practice``).
            legacy_console: whether this is the old Windows console; ``None``
                finds out from the system and the environment.
        """
        super().__init__()
        self.store = store
        self.start_session = session_id
        self.bank_folders = list(bank_folders)
        self.clock = clock
        self.export_dir = export_dir or Path.cwd() / "exports"
        self.cursor_blink = cursor_blink
        self.opened: OpenSession | None = None
        self.practice = practice
        self._said_too_small = False
        self.legacy_console = (
            is_legacy_windows_console(sys.platform, os.environ)
            if legacy_console is None
            else legacy_console
        )
        self.set_reactive(PanelApp.ascii_only, ascii_only)

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.set_class(self.ascii_only, "-ascii")
        if self.legacy_console:
            self.notify(
                legacy_console_advice(self.ascii_only),
                title="Use Windows Terminal",
                severity="warning",
                timeout=30,
                markup=False,
            )
        if self.start_session is None:
            self.push_screen(HomeScreen(self.store, self.bank_folders, practice=self.practice))
        else:
            self.open_session(self.start_session)

    def on_unmount(self) -> None:
        self._close_session()

    def on_resize(self, event: events.Resize) -> None:
        """Say so when the window is too small to show every member's keys."""
        small = event.size.width < MIN_SIZE[0] or event.size.height < MIN_SIZE[1]
        if small and not self._said_too_small:
            self.notify(
                f"This window is {event.size.width} by {event.size.height}. Make it at "
                f"least {MIN_SIZE[0]} wide and {MIN_SIZE[1]} tall, or some keys and votes "
                "may be hidden.",
                title="Window too small",
                severity="warning",
                timeout=30,
            )
        self._said_too_small = small

    def watch_ascii_only(self, ascii_only: bool) -> None:
        self.set_class(ascii_only, "-ascii")
        if self.screen_stack:
            self.screen.refresh_bindings()  # the footer shows keys in the new symbols

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as a chair reads them (``Ctrl+R``, not ``^r``)."""
        if binding.key == "backspace":
            return "Bksp" if self.ascii_only else "⌫"
        if binding.key_display:
            return binding.key_display
        return key_words(binding.key, ascii_only=self.ascii_only)

    # -- sessions -------------------------------------------------------------

    def _close_session(self) -> None:
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    def open_session(self, session_id: str) -> None:
        """Open a session and show it: the interview, or the summary when finished."""
        self._close_session()
        try:
            opened = self.store.open(session_id)
        except StoreError as error:
            self.notify(str(error), title="Cannot open", severity="error", markup=False, timeout=20)
            if not any(isinstance(s, HomeScreen) for s in self.screen_stack):
                self.push_screen(HomeScreen(self.store, self.bank_folders))
            return
        self.opened = opened
        self.push_screen(InterviewScreen(opened, self.clock))
        if opened.session.finished:
            self.push_screen(SummaryScreen(opened))

    def on_home_screen_session_chosen(self, message: HomeScreen.SessionChosen) -> None:
        self.open_session(message.session_id)

    def action_home(self) -> None:
        """Close the session and go back to the list of sessions."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        self._close_session()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen(self.store, self.bank_folders))

    # -- display --------------------------------------------------------------

    def action_command_palette(self) -> None:
        """Open the command palette (the terminal may have no emoji for Textual's icon)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(PlainPalette(id="--command-palette"))

    def action_help(self) -> None:
        """Show every key."""
        if isinstance(self.screen, HelpScreen):
            return
        session = self.opened.session if self.opened else None
        self.push_screen(HelpScreen(session))

    def action_toggle_contrast(self) -> None:
        """Switch the high-contrast theme on or off."""
        self.theme = NORMAL_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def action_toggle_ascii(self) -> None:
        """Switch plain ASCII symbols on or off."""
        self.ascii_only = not self.ascii_only
        self.notify("Plain ASCII symbols on." if self.ascii_only else "Symbols on.", timeout=3)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: the current screen's main actions, then the app's."""
        palette: Callable[[], Iterable[SystemCommand]] | None = getattr(
            screen, "palette_commands", None
        )
        if palette is not None:
            yield from palette()
        for title, action in (
            ("Help", "help"),
            ("High contrast", "toggle_contrast"),
            ("ASCII symbols", "toggle_ascii"),
        ):
            yield palette_command(self, title, action)
        if self.opened is not None:
            yield SystemCommand(
                "Sessions", "Close this session and go to the list of sessions", self.action_home
            )
        yield from super().get_system_commands(screen)


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
    ascii_only: bool = False,
    practice: PracticeRequest | None = None,
) -> None:
    """Run the app until the chair quits."""
    make_app(store, session_id, bank_folders, ascii_only, practice=practice).run()
