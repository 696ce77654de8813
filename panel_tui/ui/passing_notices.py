"""Notices that pass (the start's, a setting's, the window's size), and the rule that clears them.

The app gives a few notices at the start (a damaged settings file, a terminal
of 16 colours, the old Windows console) and says when the window is too small.
Both lie over the seats' votes, so they go once read; Textual clears every
notice or none, so they are never cleared while an error shows: a window
resized to fit took a disk error away with its own notice, as the first key
had taken "Cannot open".

The start's notices are heard too: with each question read aloud, as they show
(before the first question, which the screen's reading starts with them), and
with Ctrl+L while they show, which leaves them showing: the key that asks to hear
them does not take them away unheard.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import NamedTuple

from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.timer import Timer

from panel_tui.domain.store.opened import NOT_CLOSED_LAST_TIME, OpenSession
from panel_tui.ui.console import legacy_console_advice
from panel_tui.ui.display_app import DisplayApp
from panel_tui.ui.keys import READ_ALOUD_KEY

#: The smallest window everything is designed for (columns, rows).
MIN_SIZE = (80, 24)
#: How long a window still too small keeps a new size before that size is said.
RESETTLE_SECONDS = 0.5


class StartNotice(NamedTuple):
    """A notice (at the start, or one said nowhere else): what it is about, what it says,
    how much it matters."""

    title: str
    message: str
    severity: SeverityLevel = "warning"


def settings_notices(messages: Sequence[str]) -> list[StartNotice]:
    """The notices about the settings (a damaged file, an unknown word in the environment)."""
    return [StartNotice("Settings", message) for message in messages]


def _passing(message: str) -> str:
    """A notice of the start, saying how it goes: it lies over the seats' rows, and a
    tester waited 20 seconds for one to go, not knowing a key would take it."""
    return f"{message}\n(This goes at the first key you press.)"


class PassingNotices:
    """The app's notices that only pass: given, and taken away unless an error shows."""

    def __init__(self, app: DisplayApp) -> None:
        self._app = app
        #: The small size last said, while the window is too small.
        self._said_too_small: tuple[int, int] | None = None
        self._resettle: Timer | None = None
        #: Notices that go at the next key are showing (the start's, a setting's).
        self._going_at_key = False
        #: Until when (``time.monotonic``) an error notice shows: no notice is cleared then.
        self._error_until = 0.0
        #: Until when a notice said nowhere else shows: not even a box clears it then.
        self._kept_until = 0.0
        #: The notice said nowhere else, while it has time left to show.
        self._kept: StartNotice | None = None
        #: Its time left when a box opened over it: shown again for that once no box is up.
        self._held_for = 0.0
        #: The words of the start's notices showing, read aloud before the screen's.
        self._start_words: list[str] = []
        #: Those given with each question read aloud, not yet read.
        self._unheard: list[str] = []

    def error_shown(self, seconds: float) -> None:
        """An error notice shows for ``seconds``: no notice is cleared until then."""
        self._error_until = max(self._error_until, time.monotonic() + seconds)

    def say_only_here(self, notice: StartNotice, seconds: float) -> None:
        """Give a notice whose words are said nowhere else ("Files written again") for
        ``seconds``: no passing notice takes it away until then, and a box only holds
        it back, as it would lie over the box's buttons, till no box is open
        (:meth:`screen_changed`)."""
        self._kept, self._held_for = notice, seconds
        if not self._box_on_top():
            self._show_kept()

    def _show_kept(self) -> None:
        """Show the notice said nowhere else, for the time it has left."""
        notice, seconds = self._kept, self._held_for
        if notice is None:
            return
        self._held_for = 0.0
        self._kept_until = time.monotonic() + seconds
        title, message, severity = notice
        self._app.notify(message, title=title, severity=severity, markup=False, timeout=seconds)

    def _box_on_top(self) -> bool:
        """Whether a box (a question, a form) is open: a notice would lie over its buttons."""
        return isinstance(self._app.screen, ModalScreen)

    def clear(self) -> bool:
        """Take away the notices that only pass (the start's, the window's size), unless
        an error, or a notice said nowhere else, shows: Textual clears every notice or
        none. Whether they went."""
        if time.monotonic() < max(self._error_until, self._kept_until):
            return False
        self._app.clear_notifications()
        self._start_words, self._unheard = [], []
        return True

    def make_way(self) -> None:
        """Before a box opens: the notices go, as they lie over its buttons (found on a
        full disk: "Position not saved" hid a vote change's Yes and No); those about a
        change are on the line above the keys too.

        A notice said nowhere else is held back, not taken away (a review: a note box
        opened at once took "Files written again" away for good), and comes back for
        the time it had left once the box closes (:meth:`screen_changed`): left showing,
        it lay over the buttons of the decision and Export boxes (found in testing).
        """
        left = self._kept_until - time.monotonic()
        if self._kept is not None and left > 0:
            self._held_for = left
            self._kept_until = 0.0
        self._app.clear_notifications()
        self._start_words, self._unheard = [], []

    def screen_changed(self, _screen: object = None) -> None:
        """The screen on top changed: the notice said nowhere else that a box held
        back shows again, once no box is open any more.

        Every box, however it opened: one asked in a flow (``@asks``), and Help or
        the command palette, opened with no question (a review: a notice that came
        while Help was open was held and never shown). The app calls this on
        Textual's ``screen_change_signal``.
        """
        if self._held_for > 0 and not self._box_on_top():
            self._show_kept()

    def give_start(self, notices: Sequence[StartNotice], *, legacy_console: bool) -> None:
        """Give the notices of the start: ``notices`` (the settings', a new demo's), then the
        terminal's."""
        app = self._app
        for notice in notices:
            self.give(notice)
        few_colours = app.few_colours and not app.display_settings.high_contrast
        if few_colours:
            # Said, not switched: a setting (or --no-high-contrast) is the chair's. Such a
            # terminal's font (the Linux console's) may lack marks: ASCII is offered too.
            plain = "" if app.ascii_only else " If marks show as boxes, Ctrl+A shows plain ASCII."
            colours = (
                "This terminal shows only 16 colours, where the usual ones are hard to "
                "read. Ctrl+T switches to high contrast, which reads clearly here, and is "
                f"remembered.{plain}"
            )
            self.give(StartNotice("Settings", colours, "information"), timeout=30)
        if legacy_console:
            advice = legacy_console_advice(app.ascii_only)
            self.give(StartNotice("Use Windows Terminal", advice), timeout=30)

    def give(self, notice: StartNotice, *, timeout: float = 20) -> None:
        """Give a notice as the start's are given: it says so, and goes at the first key.

        With each question read aloud it is read too: first in the screen's reading
        as it comes up (the interview's question), else on its own, in its turn.
        """
        title, message, severity = notice
        self._app.notify(
            _passing(message), title=title, severity=severity, markup=False, timeout=timeout
        )
        self.give_words(message)

    def how_it_was_left(self, opened: OpenSession) -> str:
        """Say what opening ``opened`` found of how it was left; returns the words for
        the screen's own news line ("" when there are none)."""
        if opened.last_change_unread is not None:
            # Never "every vote kept" when the last change failed its check (found by a tester).
            self.give(
                StartNotice("Last change not read back", opened.last_change_unread, "warning")
            )
        elif not opened.closed_properly_last_time:
            # A kill or a crash looked like Ctrl+Q: a chair could not tell that every
            # vote was kept (found by a tester). Said on the screen's news line, where a
            # notice lay over the Vote column at 80x24 (found on the day).
            self.give_words(NOT_CLOSED_LAST_TIME)
            return NOT_CLOSED_LAST_TIME
        return ""

    def give_words(self, message: str) -> None:
        """Words of the start the screen shows on its own line, not in a notice: read
        aloud as :meth:`give` reads a notice's, till the first key."""
        self._going_at_key = True
        self._start_words.append(message)
        if self._app.read_aloud:
            self._unheard.append(message)
            # Once the screen under it is up: its reading, if it reads as it comes up,
            # takes the notice first (take_unheard), rather than stopping it.
            self._app.call_after_refresh(self._tell_unheard)

    def start_words(self) -> list[str]:
        """The words of the start's notices showing, to read before the screen's."""
        return list(self._start_words)

    def take_unheard(self) -> list[str]:
        """The start's notices given with each question read aloud and not yet read;
        from now on they count as read."""
        unheard, self._unheard = self._unheard, []
        return unheard

    def _tell_unheard(self) -> None:
        for words in self.take_unheard():
            self._app.tell(words)

    def going_at_next_key(self) -> None:
        """The notice just given goes at the next key, as the start's do."""
        self._going_at_key = True

    def key_pressed(self, key: str) -> None:
        """A key was read: the notices of the start go with the first, read by then, and
        a setting's with the next.

        They lay over the seats' votes for half a minute (found by a tester). Not with
        Ctrl+L, which reads them: it took them away before they could be read (found
        by a tester), and they go at the next key.
        """
        if key == READ_ALOUD_KEY and self._start_words:
            return
        if self._going_at_key:
            # While an error shows they stay, and go at the first key after it
            # (they say they go at a key: found by a review).
            self._going_at_key = not self.clear()

    def resized(self, width: int, height: int) -> None:
        """Say so when the window is too small to show every member's keys.

        At once when it becomes too small; made smaller or larger but still too
        small, the new size is said once the window has kept it a moment (a drag
        sends a size at every step). A tester read "70 by 22" on a window of 60 by 20.
        """
        size = (width, height)
        if self._resettle is not None:
            self._resettle.stop()
            self._resettle = None
        if size[0] >= MIN_SIZE[0] and size[1] >= MIN_SIZE[1]:
            if self._said_too_small is not None:
                self.clear()  # not left over the seats' rows once it fits
            self._said_too_small = None
        elif self._said_too_small is None:
            self._say_too_small(size)
        elif size != self._said_too_small:
            self._resettle = self._app.set_timer(
                RESETTLE_SECONDS, lambda: self._say_too_small(size)
            )

    def _say_too_small(self, size: tuple[int, int]) -> None:
        if self._said_too_small is not None:
            self.clear()  # the size said before is not the window's now
        self._said_too_small = size
        self._app.notify(
            f"This window is {size[0]} by {size[1]}. Make it at least {MIN_SIZE[0]} wide and "
            f"{MIN_SIZE[1]} tall (or the text smaller), or some keys and votes may be hidden.",
            title="Window too small",
            severity="warning",
            # It lies over the last seats' rows: long enough to read, then gone.
            timeout=12,
        )
