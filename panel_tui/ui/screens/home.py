"""The home screen: carry on with a session, start a new one, practise, or look back.

The screen reads the store and the question banks and posts
:class:`HomeScreen.SessionChosen` when the chair picks a session; the App opens
it. The only file it writes is a new session, through ``Store.save``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from panel_tui.domain.banks import BankEntry, find_banks
from panel_tui.domain.models import Member, Session
from panel_tui.domain.store import Store
from panel_tui.domain.words import counted
from panel_tui.ui.screens.setup_session import SetupSessionScreen


@dataclass(frozen=True)
class PracticeRequest:
    """``panel-tui practice BANK [--panel panel.csv]``: the practice form to open at once."""

    bank: BankEntry
    panel: Sequence[Member] = field(default=())


def _day(session: Session) -> str:
    when = session.created.astimezone()
    return f"{when.day} {when:%b %Y}"


def session_prompt(session: Session) -> Content:
    """Two lines describing a session; names are shown exactly as typed."""
    details = [
        f"{'Practice, started' if session.mode == 'practice' else 'Started'} {_day(session)}",
        counted(len(session.candidates), "candidate"),
        counted(session.standing_votes(), "vote"),
    ]
    where: list[str | tuple[str, str]] = []
    if session.cursor is not None and not session.finished:
        questions = [q.id for q in session.bank.questions]
        number = questions.index(session.cursor.question) + 1
        where = [
            "\n  Up to: ",
            session.candidate(session.cursor.candidate).label,
            f", question {number} of {len(questions)}",
        ]
    return Content.assemble(
        (session.title, "bold"),
        "\n  ",
        ", ".join(details),
        *where,
    )


class HomeScreen(Screen[None]):
    """The first screen: resume, new session, practice and finished sessions."""

    CSS_PATH = "home.tcss"
    AUTO_FOCUS = ""  # refresh_lists chooses: the resume list when there is one
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_session", "New session"),
        Binding("c", "focus_list('resume')", "Carry on"),
        Binding("p", "focus_list('practice')", "Practice"),
        Binding("f", "focus_list('finished')", "Finished"),
    ]

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

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home-body"):
            yield Static("panel-tui", id="home-heading", classes="heading")
            yield Static(
                "Thumbs up, middle or down: interview panels on one shared laptop. "
                "Use Tab and Enter, the letters below, or the mouse.",
                classes="about",
            )
            yield Static(id="home-problem", classes="problem", markup=False)
            yield Static(id="damaged", markup=False)
            yield Button("Start a new session", id="new-session", variant="primary")

            yield Label("Carry on where you left off", classes="section")
            yield OptionList(id="resume")
            yield Static("No unfinished sessions.", id="resume-empty", classes="empty")

            yield Label("Practise with sample answers", classes="section")
            yield Static(
                "A rehearsal with mock candidates, to compare the panel's thumbs with the "
                "reference. Nothing from practice goes to HR.",
                classes="about",
            )
            yield OptionList(id="practice")
            yield Static("No practice banks found.", id="practice-empty", classes="empty")
            yield Label("Practice rounds so far (not for HR)", classes="section")
            yield OptionList(id="rehearsals")
            yield Static("No practice rounds yet.", id="rehearsals-empty", classes="empty")

            yield Label("Finished sessions", classes="section")
            yield OptionList(id="finished")
            yield Static("No finished sessions yet.", id="finished-empty", classes="empty")
            yield Static(id="where-kept", classes="about", markup=False)
        yield Footer()

    # -- filling the lists -----------------------------------------------------

    def on_screen_resume(self) -> None:
        """Read the store and banks again each time the screen comes back."""
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """Show the sessions and practice banks as they are on disk now."""
        try:
            sessions = self._store.sessions()
        except OSError as error:
            sessions = []
            self._say(
                f"The sessions folder {self._store.root} cannot be read "
                f"({error.strerror or error})."
            )
        live = [s for s in sessions if s.mode != "practice"]
        self._fill("resume", [s for s in live if not s.finished])
        self._fill("finished", [s for s in live if s.finished])
        # Practice is listed apart, so a rehearsal is never taken for a real round.
        self._fill("rehearsals", [s for s in sessions if s.mode == "practice"])
        self._show_damaged()

        entries = find_banks(self._bank_folders)
        practice = [e for e in entries if e.bank is not None and e.bank.is_practice]
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
        self.query_one("#where-kept", Static).update(
            Content(f"Sessions are saved in the folder {self._store.root}.")
        )
        if self.focused is None:
            resume = self.query_one("#resume", OptionList)
            (resume if resume.option_count else self.query_one("#new-session")).focus()

    def _fill(self, list_id: str, sessions: Sequence[Session]) -> None:
        options = self.query_one(f"#{list_id}", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(session_prompt(s), id=s.id) for s in sessions)
        if sessions:
            options.highlighted = min(highlighted or 0, len(sessions) - 1)
        options.display = bool(sessions)
        self.query_one(f"#{list_id}-empty").display = not sessions

    def _show_damaged(self) -> None:
        box = self.query_one("#damaged", Static)
        damaged = list(dict.fromkeys(str(d) for d in self._store.damaged))
        box.display = bool(damaged)
        if damaged:
            box.update(
                Content(
                    "Some session files could not be read. The other sessions are fine.\n"
                    + "\n".join(damaged)
                )
            )

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
        else:
            self.query_one(f"#{list_id}-empty").scroll_visible()

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

    def open_practice_form(self, request: PracticeRequest) -> None:
        """The new-session form for a rehearsal, with the practice bank chosen.

        The trainer enters the trainees as any panel; the mock candidates come
        from the bank. A round saved there is then chosen.
        """
        self._say(None)
        banks = find_banks(self._bank_folders)
        wanted = request.bank.path.resolve()
        chosen = next((e for e in banks if e.path.resolve() == wanted), None)
        if chosen is None:
            chosen = request.bank  # a bank file named on the command line
            banks.append(chosen)
        form = SetupSessionScreen(
            self._store,
            banks,
            self._today or date.today(),
            practice=True,
            bank_path=chosen.path,
            panel=request.panel,
        )
        self.app.push_screen(form, callback=self._created)

    @on(Button.Pressed, "#new-session")
    def action_new_session(self) -> None:
        """Open the new-session form; a session saved there is then chosen."""
        self._say(None)
        form = SetupSessionScreen(
            self._store, find_banks(self._bank_folders), self._today or date.today()
        )
        self.app.push_screen(form, callback=self._created)

    def _created(self, session_id: str | None) -> None:
        if session_id is not None:
            self.post_message(self.SessionChosen(session_id))
