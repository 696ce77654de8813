"""The home screen: carry on with a session, start a new one, practise, or look back.

The screen reads the store's catalogue and the question banks and posts
:class:`HomeScreen.SessionChosen` when the chair picks a session; the App opens
it. It writes only a new session (``Store.save``) or a session got back from a
copy set aside as damaged (``Store.recover``, through
:class:`~panel_tui.domain.damaged_copies.DamagedCopies`). It paints
what the catalogue holds at once; sessions changed since (or new to it) are read
by a worker thread and filled in behind, so keys are never held up.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from panel_tui.domain.banks import BankEntry, banks_for, find_banks, same_file
from panel_tui.domain.damaged_copies import DamagedCopies
from panel_tui.domain.models import Member
from panel_tui.domain.more_to_read import TABS
from panel_tui.domain.store import SessionSummary, Store
from panel_tui.domain.store.catalogue import practice_apart
from panel_tui.domain.store.copies import SetAside, copies_set_aside
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable
from panel_tui.domain.words import (
    candidates_words,
    made_as_words,
    question_name,
    sessions_folder_words,
    votes_words,
)
from panel_tui.ui.asking import Asking, asks
from panel_tui.ui.contracts import SaysFocus, tell
from panel_tui.ui.keys import letters_said, with_capitals
from panel_tui.ui.screens.home_lists import ListsInParts
from panel_tui.ui.widgets.keys_footer import KeysFooter
from panel_tui.ui.widgets.more_to_read import ListSayingMore, MoreToRead


@dataclass(frozen=True)
class PracticeRequest:
    """``panel-tui practice BANK [--panel panel.csv]``: the practice form to open at once."""

    bank: BankEntry
    panel: Sequence[Member] = field(default=())


def session_prompt(session: SessionSummary) -> Content:
    """Two lines describing a session; names are shown exactly as typed."""
    details = [
        # The time too, so sessions with the same title are told apart.
        made_as_words(session.mode, session.created),
        candidates_words(session.candidates, session.codes),
        votes_words(session.standing_votes),
    ]
    where: list[str | tuple[str, str]] = []
    if session.where is not None:
        label, number = session.where
        where = ["\n  Up to: ", label, f", {question_name(number)} of {session.questions}"]
    return Content.assemble(
        (session.title, "bold"),
        "\n  ",
        ", ".join(details),
        *where,
    )


def folder_shown(folder: Path) -> str:
    """The whole path of ``folder``, as a chair can find it, safe to show on a terminal."""
    return printable(os.path.abspath(folder))


class HomeScreen(Screen[None]):
    """The first screen: resume, new session, practice and finished sessions."""

    CSS_PATH = "home.tcss"
    AUTO_FOCUS = ""  # refresh_lists chooses: the resume list when there is one
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(with_capitals(key), action, words, tooltip=tooltip)
        for key, action, words, tooltip in (
            ("n", "new_session", "New session", "Start a new session."),
            ("c", "focus_list('resume')", "Carry on", "Go to the sessions to carry on."),
            ("p", "focus_list('practice')", "Practice", "Go to the practice banks."),
            ("f", "focus_list('finished')", "Finished", "Go to the finished sessions."),
        )
    ]

    @property
    def reading_behind(self) -> bool:
        """Sessions changed since the catalogue was written are being read in behind,
        or a long list is still being filled in parts.

        Where the keys are is said aloud once they show (``FillsBehind``): said from
        the catalogue, a session a killed run left open was heard with the figures
        from before (found by a tester), while the screen showed those on disk; a
        list come back to said "1 of 40" of 45 sessions (found by a review).
        """
        return self._reading or self._lists.filling

    class SessionChosen(Message):
        """The chair chose a session to run (new or unfinished) or to look at (finished)."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id
            """The id of the chosen session, as the store knows it."""

    def __init__(
        self,
        store: Store,
        bank_folders: list[tuple[Path, str]],
        *,
        today: date | None = None,
        practice: PracticeRequest | None = None,
    ) -> None:
        """Make the home screen.

        Args:
            store: the sessions folder.
            bank_folders: where question banks are looked for, each with its
                source (``"shipped"`` or ``"yours"``).
            today: the date new sessions' titles carry (tests fix it).
            practice: a practice form to open at once, over this screen.
        """
        super().__init__()
        self._store = store
        self._bank_folders = bank_folders
        self._today = today
        self._practice_banks: dict[str, BankEntry] = {}
        self._practice_request = practice
        self._lists = ListsInParts(self, session_prompt, self._settle)
        self._reading = False  #: sessions are being read in behind
        self._damaged = DamagedCopies(store)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home-body", can_focus=False):
            yield Static("panel-tui", id="home-heading", classes="heading")
            yield Static(
                "Thumbs up, middle or down: interview panels on one shared laptop. "
                f"Use Tab and Enter, the mouse, or the letters {letters_said(self.BINDINGS)}.",
                classes="about",
            )
            yield Static(id="home-problem", classes="problem", markup=False)
            yield Static(id="damaged", markup=False)
            yield Button("Get back what still reads", id="recover")
            yield Button("Start a new session", id="new-session", variant="primary")

            yield Label("Carry on where you left off", classes="section")
            yield ListSayingMore(id="resume")
            yield Static("No unfinished sessions.", id="resume-empty", classes="empty")

            yield Label("Practise with sample answers", classes="section")
            yield Static(
                "A rehearsal with mock candidates, to compare the panel's thumbs with the "
                "reference. Nothing from practice goes to HR.",
                classes="about",
            )
            yield ListSayingMore(id="practice")
            yield Static("No practice banks found.", id="practice-empty", classes="empty")
            yield Label("Practice rounds so far (not for HR)", classes="section")
            yield ListSayingMore(id="rehearsals")
            yield Static("No practice rounds yet.", id="rehearsals-empty", classes="empty")

            yield Label("Finished sessions", classes="section")
            yield ListSayingMore(id="finished")
            yield Static("No finished sessions yet.", id="finished-empty", classes="empty")
            yield Static(id="where-kept", classes="about", markup=False)
        yield MoreToRead("#home-body", TABS)
        yield KeysFooter()

    # -- filling the lists -----------------------------------------------------

    def on_screen_resume(self) -> None:
        """Read the store and banks again each time the screen comes back."""
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """Show the sessions and practice banks as they are on disk now."""
        try:
            sessions, more = self._store.catalogued()
        except OSError as error:
            sessions, more = [], False
            self._say(
                f"The {sessions_folder_words(self._store.root)} cannot be read "
                f"({os_reason(error)})."
            )
        self._reading = more  # before the lists move: their figures may be out of date
        self._show_sessions(sessions)
        if more:
            self._read_sessions()
        self._find_copies()

        entries = find_banks(self._bank_folders)
        practice = banks_for(entries, practice=True)
        self._practice_banks = {str(e.path): e for e in practice}
        practice_list = self.query_one("#practice", OptionList)
        practice_list.clear_options()
        practice_list.add_options(
            Option(Content.assemble((e.bank.title, "bold")), id=str(e.path))
            for e in practice
            if e.bank is not None
        )
        if practice:
            practice_list.highlighted = 0
        practice_list.display = bool(practice)
        self.query_one("#practice-empty").display = not practice
        # The whole path, so that a chair who started in the wrong folder sees why the
        # sessions are missing (found by a tester: it said "the folder sessions.").
        # Wrapped by the screen, never cut; a control character in it shown, never run.
        self.query_one("#where-kept", Static).update(
            Content(f"Sessions are saved in the folder {folder_shown(self._store.root)}.")
        )
        if self.focused is None:
            resume = self.query_one("#resume", OptionList)
            (resume if resume.option_count else self.query_one("#new-session")).focus()
        if not more:
            self._filled_in(None)

    @work(thread=True, exclusive=True, group="sessions")
    def _read_sessions(self) -> None:
        """Read the sessions the catalogue was out of date on, then show them."""
        try:
            sessions: list[SessionSummary] | None = self._store.summaries()
        except OSError:
            sessions = None  # the lists keep what the catalogue said
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._filled_in, sessions)

    def _filled_in(self, sessions: Sequence[SessionSummary] | None) -> None:
        """Show ``sessions`` read in behind (``None``: the lists stay), then say where
        the keys are, if that waited: the voice and the screen say the same figures."""
        if sessions is not None:
            self._show_sessions(sessions)
        self._reading = False
        self._settle()

    def _settle(self) -> None:
        """Say where the keys are, if that waited, once every list shows all it holds."""
        if not self.reading_behind and isinstance(self.app, SaysFocus):
            self.app.focus_settled()

    @work(thread=True, exclusive=True, group="copies")
    def _find_copies(self) -> None:
        """Find the copies set aside earlier, then offer those that still read back."""
        try:
            copies = copies_set_aside(self._store.root, self._store.exists)
        except OSError:
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_copies, copies)

    def _show_copies(self, copies: SetAside) -> None:
        self._damaged.found_earlier(copies)
        self._show_damaged()

    def _show_sessions(self, sessions: Sequence[SessionSummary]) -> None:
        live, practice = practice_apart(sessions)
        self._lists.fill("resume", [s for s in live if not s.finished])
        self._lists.fill("finished", [s for s in live if s.finished])
        self._lists.fill("rehearsals", practice)
        self._show_damaged()

    def _show_damaged(self) -> None:
        said = self._damaged.words()
        box = self.query_one("#damaged", Static)
        box.display = bool(said)
        box.update(Content("\n".join(said)))
        self.query_one("#recover").display = bool(self._damaged.recoverable())

    @on(Button.Pressed, "#recover")
    def recover(self) -> None:
        """Save again what each copy set aside still holds, and say what was left out."""
        self._damaged.recover()
        self.refresh_lists()
        resume = self.query_one("#resume", OptionList)
        (resume if resume.option_count else self.query_one("#new-session")).focus()

    def _say(self, message: str | None) -> None:
        box = self.query_one("#home-problem", Static)
        box.update(Content(message or ""))
        box.display = message is not None

    # -- choosing --------------------------------------------------------------

    def action_focus_list(self, list_id: str) -> None:
        """Go to one of the lists (or say that it is empty)."""
        options = self.query_one(f"#{list_id}", OptionList)
        if options.option_count:
            options.focus()
            options.scroll_visible()
        else:  # said too: the key was silent (found by a tester)
            (empty := self.query_one(f"#{list_id}-empty", Static)).scroll_visible()
            tell(self.app, str(empty.content))

    def on_mount(self) -> None:
        if self._practice_request is not None:
            request, self._practice_request = self._practice_request, None
            self.call_after_refresh(self.open_practice_form, request)

    @on(OptionList.OptionSelected, "#resume, #finished, #rehearsals")
    def _session_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.SessionChosen(event.option.id))

    @on(OptionList.OptionSelected, "#practice")
    def _practice_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._practice_banks.get(event.option.id or "")
        if entry is None or entry.bank is None:
            return
        self.open_practice_form(PracticeRequest(entry))

    @asks
    def open_practice_form(self, request: PracticeRequest) -> Asking:
        """The new-session form for a rehearsal, with the practice bank chosen.

        The trainer enters the trainees as any panel; the mock candidates come
        from the bank. A round saved there is then chosen.
        """
        self._say(None)
        banks = find_banks(self._bank_folders)
        chosen = next((e for e in banks if same_file(e.path, request.bank.path)), None)
        if chosen is None:
            chosen = request.bank  # a bank file named on the command line
            banks.append(chosen)
        from panel_tui.ui.screens.setup_session import SetupSessionScreen  # when first asked for

        form = SetupSessionScreen(
            self._store,
            banks,
            self._today or date.today(),
            practice=True,
            bank_path=chosen.path,
            panel=request.panel,
        )
        self._created((yield form))

    @on(Button.Pressed, "#new-session")
    @asks
    def action_new_session(self) -> Asking:
        """Open the new-session form; a session saved there is then chosen."""
        self._say(None)
        from panel_tui.ui.screens.setup_session import SetupSessionScreen  # when first asked for

        form = SetupSessionScreen(
            self._store, find_banks(self._bank_folders), self._today or date.today()
        )
        self._created((yield form))

    def _created(self, session_id: str | None) -> None:
        """A session saved in the new-session form is then chosen."""
        if session_id is not None:
            if isinstance(self.app, SaysFocus):
                # Home's list, back from the form, was heard for a moment before the
                # question cut it short (found by a tester).
                self.app.focus_held()
            self.post_message(self.SessionChosen(session_id))
