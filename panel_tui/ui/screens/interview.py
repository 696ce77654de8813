"""The interview screen: one answer at a time, voted on by the whole panel.

The screen shows the current candidate and question, asks the store to record
each vote, and only then shows the vote as recorded: ``OpenSession`` returns
once the change is fsynced. Votes stay sealed (who has voted, not how) until
every voting member has voted or the chair shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from panel_tui.domain.interview import (
    KEYS_HINT,
    Answer,
    Interview,
    Moved,
    NeedsConfirmation,
    NotSaved,
    Refused,
)
from panel_tui.domain.models import Question, VoteValue
from panel_tui.domain.scoring import score_question
from panel_tui.domain.speech import spoken_question
from panel_tui.domain.store import OpenSession
from panel_tui.domain.words import counted, panel_balance, question_tags
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.glyphs import OUTCOME_WORDS
from panel_tui.ui.keys import palette_command, vote_bindings
from panel_tui.ui.screens.dialogs import (
    ConfirmDialog,
    DecisionChoice,
    DecisionDialog,
    NoteDialog,
)
from panel_tui.ui.screens.session_screen import SessionScreen
from panel_tui.ui.widgets.timer import QuestionTimer
from panel_tui.ui.widgets.vote_grid import SeatState, VoteGrid

#: Left and right show as one footer entry, to leave room at 80 columns.
MOVE = Binding.Group("Move")
#: Lines the rest of the interview screen needs, at the least, around the vote grid.
ROOM_AROUND_GRID = 14
#: Seconds between keeping the timer's place on disk (at most this much is lost in a crash).
KEEP_TIME_EVERY = 15


class InterviewScreen(SessionScreen):
    """The shared screen of the panel during an interview.

    Every key of this screen, the vote keys included, is a priority binding.
    Textual runs priority bindings as each key arrives, one key at a time, while
    other keys pass through the screen first and run their bindings later, behind
    keys typed after them. So a vote typed just after an arrow (or while a save
    blocks the app) is given on the answer the arrow moved to, never the one before.
    """

    CSS_PATH = "interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "previous_question",
            "Back",
            group=MOVE,
            tooltip="Go to the previous question.",
            priority=True,
        ),
        Binding(
            "right",
            "next_question",
            "Next",
            group=MOVE,
            tooltip="Go to the next question; after the last one, the next candidate.",
            priority=True,
        ),
        Binding(
            "backspace,ctrl+z",
            "undo",
            "Undo",
            tooltip="Undo the last vote given on this answer.",
            priority=True,
        ),
        Binding(
            "ctrl+r",
            "reveal",
            "Show votes",
            tooltip="Show the votes on this answer before everyone has voted.",
            priority=True,
        ),
        Binding("ctrl+n", "note", "Note", tooltip="Add a note to this answer.", priority=True),
        Binding(
            "ctrl+d",
            "decide",
            "Decide",
            tooltip="Record the panel's decision on this candidate, with a reason.",
            priority=True,
        ),
        Binding(
            "ctrl+s",
            "summary",
            "Summary",
            tooltip="Show the summary, ranking and export.",
            priority=True,
        ),
        Binding(
            "ctrl+g",
            "new_round",
            "Vote again",
            show=False,
            tooltip=(
                "Practice only: after the votes are shown and discussed, the panel "
                "votes on this answer again as a new round; earlier rounds are kept."
            ),
            priority=True,
        ),
        # Help stays out of this footer, which is full at 80 columns; the hint line names it.
        Binding("f1,question_mark", "app.help", "Help", show=False, priority=True),
        # Read aloud too (the footer has no room left at 80 columns); the hint line names it.
        Binding("ctrl+l", "app.read_aloud", "Read aloud", show=False, priority=True),
        Binding(
            "pagedown",
            "next_candidate",
            "Next candidate",
            show=False,
            tooltip="Go to the first question of the next candidate.",
            priority=True,
        ),
        Binding(
            "pageup",
            "previous_candidate",
            "Previous candidate",
            show=False,
            tooltip="Go to the first question of the previous candidate.",
            priority=True,
        ),
        Binding(
            "up",
            "scroll_question(-1)",
            "Scroll up",
            show=False,
            tooltip="Scroll the question text up.",
            priority=True,
        ),
        Binding(
            "down",
            "scroll_question(1)",
            "Scroll down",
            show=False,
            tooltip="Scroll the question text down.",
            priority=True,
        ),
        *vote_bindings(),
    ]

    def __init__(self, opened: OpenSession, clock: Callable[[], float]) -> None:
        super().__init__(opened)
        self.clock = clock
        #: The position and the rules; this screen shows its state and asks its questions.
        self.interview = Interview(opened, lambda value: self.marks.vote(value))

    # -- state ----------------------------------------------------------------

    @property
    def candidate_id(self) -> str:
        """The candidate being interviewed."""
        return self.interview.candidate_id

    @property
    def question_id(self) -> str:
        """The question being answered."""
        return self.interview.question_id

    @property
    def question(self) -> Question:
        """The current question."""
        return self.interview.question

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session = self.session
        with Horizontal(id="top"):
            yield Static(id="candidate", markup=False)
            yield Static(id="position", markup=False)
            yield QuestionTimer(self.clock, id="timer").data_bind(DisplayMode.ascii_only)
        yield Static(panel_balance(m.role for m in session.panel), id="balance", markup=False)
        with VerticalScroll(id="question-area", can_focus=False):
            yield Static(id="question", markup=False)
            yield Static(id="about", markup=False)
            yield Static(id="sample", markup=False)
            yield Static(id="look-for", markup=False)
        yield VoteGrid(session.voting_members, id="votes").data_bind(DisplayMode.ascii_only)
        observers = [m for m in session.panel if not m.can_vote]
        if observers:
            names = Text("Observers (take notes, do not vote): ")
            names.append_text(Text(", ").join(Text(m.name) for m in observers))
            yield Static(names, id="observers", markup=False)
        yield Static(id="status", markup=False)
        yield Static(KEYS_HINT, id="hint", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        #: Held, so that the time can still be kept as the screen closes.
        self.timer = self.query_one(QuestionTimer)
        # The timer's place is kept now and then, apart from votes (see keep_time).
        self.set_interval(KEEP_TIME_EVERY, self.keep_time)
        self._fit_rows(self.app.size.height)
        if not self.session.candidates:
            self.query_one("#status", Static).update("This session has no candidates yet.")
            return
        self._question_changed()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_rows(event.size.height)

    def _fit_rows(self, height: int) -> None:
        # Two lines a member (pronouns wrapping) fit five members at 24 lines; more
        # get one line each, so that every member's row shows without scrolling.
        voters = len(self.session.voting_members)
        self.query_one(VoteGrid).set_class(2 * voters > height - ROOM_AROUND_GRID, "-compact")

    def on_screen_resume(self) -> None:
        if self.session.candidates:
            self.refresh_view()

    def watch_ascii_only(self) -> None:
        if self.session.candidates:
            self.refresh_view()

    def on_unmount(self) -> None:
        self.keep_time()

    def keep_time(self) -> None:
        """Keep the time spent on this answer, so that a resume carries on from it."""
        self.interview.keep_time(self.timer.elapsed)

    def _question_changed(self) -> None:
        carried = self.interview.carried_seconds()
        self.query_one(QuestionTimer).restart(self.question.time_guide_minutes, carried)
        self.query_one("#question-area", VerticalScroll).scroll_home(animate=False)
        self.refresh_view()
        # The voice never reads on over a new question; it starts again when asked to.
        self.panel_app.speaker.stop()
        if self.read_aloud:
            self.panel_app.say(self.spoken_text())

    def spoken_text(self) -> str:
        """The question, what the panel listens for and any sample answer, to read aloud."""
        question = self.question
        questions = self.session.bank.questions
        where = f"Question {questions.index(question) + 1} of {len(questions)}"
        sample = self.session.sample_answer(self.candidate_id, question.id)
        return spoken_question(
            where, question.text, question.look_for, sample.text if sample else None
        )

    def refresh_view(self) -> None:
        """Show the session as it is on disk."""
        session = self.session
        candidate = session.candidate(self.candidate_id)
        question = self.question
        questions = session.bank.questions
        number = self.interview.question_number
        candidate_number = self.interview.candidate_number

        count = f"{candidate_number} of {len(session.candidates)}"
        # Mock candidates: short, so the round fits beside it at 80 columns.
        if self.interview.practice:
            heading = Text("Practice: ", style="bold")
            heading.append_text(Text(candidate.label, style="bold"))
            heading.append(f" ({count})")
        else:
            heading = Text(f"Candidate {count}: ", style="bold")
            heading.append_text(Text(candidate.label, style="bold"))
        if candidate.name:
            heading.append_text(Text(" (") + Text(candidate.code) + Text(")"))
        self.query_one("#candidate", Static).update(heading)
        round_number = session.round_of(self.candidate_id, question.id)
        where = f"Question {number} of {len(questions)}"
        self.query_one("#position", Static).update(
            where + (f", round {round_number}" if round_number > 1 else "")
        )
        self.query_one("#question", Static).update(Text(question.text))
        self.query_one("#about", Static).update(self._about(question))
        self._show_sample(question)
        look_for = Text()
        if question.look_for:
            look_for.append("Listen for:", style="bold")
            for item in question.look_for:
                look_for.append(f"\n {self.marks.bullet} ")
                look_for.append_text(Text(item))
        look_for_widget = self.query_one("#look-for", Static)
        look_for_widget.update(look_for)
        look_for_widget.display = bool(question.look_for)
        self._show_votes()

    def _about(self, question: Question) -> Text:
        tags = question_tags(question)
        decision = self.session.decision(self.candidate_id)
        text = Text(tags[:1].upper() + tags[1:])
        if tags:
            text.append(f" {self.marks.dash} ")
        text.append("Decision: ")
        if decision is None:
            text.append("not recorded yet")
        else:
            text.append(OUTCOME_WORDS[decision.outcome], style="bold")
        notes = self.session.notes_on(self.candidate_id, self.question_id)
        if notes:
            text.append(f" {self.marks.dash} {counted(len(notes), 'note')} on this answer")
        return text

    def _show_sample(self, question: Question) -> None:
        sample = self.session.sample_answer(self.candidate_id, question.id)
        widget = self.query_one("#sample", Static)
        widget.display = sample is not None
        if sample is None:
            return
        text = Text()
        text.append("Sample answer: ", style="bold")
        text.append_text(Text(sample.text, style="italic"))
        if self.session.is_revealed(self.candidate_id, question.id):
            text.append("\nReference rating: ", style="bold")
            text.append(self.marks.vote(sample.rating))
            if sample.why:
                text.append(". ")
                text.append_text(Text(sample.why))
        widget.update(text)

    def _show_votes(self) -> None:
        session = self.session
        c, q = self.candidate_id, self.question_id
        votes = session.current_votes(c, q)
        revealed = session.is_revealed(c, q)
        states = {}
        for member in session.voting_members:
            vote = votes.get(member.id)
            states[member.id] = SeatState(
                voted=vote is not None,
                shown=vote.value if revealed and vote is not None else None,
                revealed=revealed,
                changed=revealed and vote is not None and vote.after_reveal,
            )
        self.query_one(VoteGrid).show(states)
        self.query_one("#status", Static).update(self._status(len(votes), revealed))

    def _status(self, voted: int, revealed: bool) -> Text:
        session = self.session
        voters = len(session.voting_members)
        if not voters:
            return Text("Nobody on this panel votes: add a member who is not an observer.")
        if session.finished:
            return Text(
                "This session is finished, so votes cannot change. "
                "To change them, reopen it from the summary (Ctrl+S).",
                style="bold",
            )
        if not revealed:
            return Text(
                f"Votes sealed: {voted} of {voters} voted. They show when all have voted, "
                "or on Ctrl+R."
            )
        result = score_question(session, self.candidate_id, self.question_id)
        tally = result.tally
        marks = self.marks
        counts = marks.tally(tally)
        text = Text()
        text.append("Votes shown: ", style="bold")
        text.append(counts + ".")
        if voted < voters:
            text.append(f" {voters - voted} not voted.")
        if result.split:
            text.append(" Split: both up and down, talk it through.", style="bold")
        if result.concern:
            text.append(" Concern: an essential question scored below half.", style="bold")
        if self.interview.practice:
            text.append(" Ctrl+G: vote on this answer again (a new round).")
        return text

    def hint(self, message: Text | str) -> None:
        """Say what just happened, on the line above the keys."""
        self.query_one("#hint", Static).update(
            message if isinstance(message, Text) else Text(message)
        )

    def _error(self, error: object) -> None:
        self.app.notify(str(error), title="Not saved", severity="error", markup=False, timeout=15)
        self.hint(Text(str(error), style="bold"))

    def show(self, answer: Answer) -> None:
        """Show the interview's answer to a request, asking its question first if it has one."""
        if isinstance(answer, NeedsConfirmation):
            asked = answer

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.show(asked.then())
                elif asked.declined is not None:
                    self.hint(asked.declined)

            dialog = ConfirmDialog(Text(asked.question), yes=asked.yes, no=asked.no)
            self.app.push_screen(dialog, confirmed)
        elif isinstance(answer, NotSaved):
            self._error(answer.reason)
        elif isinstance(answer, Refused):
            self.hint(Text(answer.reason, style="bold") if answer.important else answer.reason)
        elif answer.message is not None:
            self.refresh_view()
            self.hint(answer.message)

    # -- voting ---------------------------------------------------------------

    def action_vote(self, seat: int, value: VoteValue) -> None:
        """A vote key: the member in ``seat`` gives ``value`` on the answer shown."""
        self.show(self.interview.vote_from_seat(seat, value))

    def on_vote_grid_vote_cast(self, message: VoteGrid.VoteCast) -> None:
        message.stop()
        self.cast_vote(message.member_id, message.value)

    def cast_vote(self, member_id: str, value: VoteValue) -> None:
        """Record a member's vote, asking first when it changes a shown vote."""
        self.show(self.interview.cast(member_id, value))

    def action_undo(self) -> None:
        """Undo the last vote on this answer (asking first if the votes are shown)."""
        self.show(self.interview.undo())

    def action_reveal(self) -> None:
        """Show the votes before everyone has voted, after asking."""
        self.show(self.interview.reveal())

    def action_new_round(self) -> None:
        """Practice: the panel votes on this answer again; earlier rounds are kept."""
        self.show(self.interview.new_round())

    # -- notes and decisions -------------------------------------------------

    def action_note(self) -> None:
        """Add a note to this answer."""
        asked = self.interview.note()
        if isinstance(asked, Refused):
            self.show(asked)
            return

        def saved(text: str | None) -> None:
            self.show(asked.done(text))

        dialog = NoteDialog(Text(asked.heading), asked.earlier, save=asked.save)
        self.app.push_screen(dialog, saved)

    def action_decide(self) -> None:
        """Record the panel's decision on this candidate."""
        asked = self.interview.decide()
        if isinstance(asked, Refused):
            self.show(asked)
            return

        def save(choice: DecisionChoice) -> None:
            asked.save(choice.outcome, choice.reason)

        def saved(choice: DecisionChoice | None) -> None:
            self.show(asked.done(None if choice is None else choice.outcome))

        current = asked.current
        given = DecisionChoice(current.outcome, current.reason) if current else None
        self.app.push_screen(DecisionDialog(Text(asked.heading), given, save=save), saved)

    # -- moving ---------------------------------------------------------------

    def _moved(self, moved: Moved | Refused) -> None:
        if isinstance(moved, Refused):
            self.hint(moved.reason)
            return
        self._question_changed()
        self.hint(moved.message)
        if moved.warning is not None:
            self.app.notify(
                moved.warning,
                title="Position not saved",
                severity="warning",
                markup=False,
                timeout=15,
            )
            self.hint(Text(moved.warning, style="bold"))

    def action_next_question(self) -> None:
        """The next question; after the last one, the next candidate's first."""
        self._moved(self.interview.next_question())

    def action_previous_question(self) -> None:
        """The previous question (back to the previous candidate from the first)."""
        self._moved(self.interview.previous_question())

    def action_next_candidate(self) -> None:
        """The first question of the next candidate."""
        self._moved(self.interview.next_candidate())

    def action_previous_candidate(self) -> None:
        """The first question of the previous candidate."""
        self._moved(self.interview.previous_candidate())

    def action_scroll_question(self, lines: int) -> None:
        """Scroll a long question up or down."""
        self.query_one("#question-area", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_summary(self) -> None:
        """Show the summary screen."""
        from panel_tui.ui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.opened))

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The interview's main actions, for the command palette."""
        for title, action in (
            ("Show votes", self.action_reveal),
            ("Undo last vote", self.action_undo),
            ("Add a note", self.action_note),
            ("Record decision", self.action_decide),
            ("Next question", self.action_next_question),
            ("Previous question", self.action_previous_question),
            ("Next candidate", self.action_next_candidate),
            ("Previous candidate", self.action_previous_candidate),
            ("Summary", self.action_summary),
            *(
                (("Vote again (practice)", self.action_new_round),)
                if self.interview.practice
                else ()
            ),
        ):
            yield palette_command(self, title, action, ascii_only=self.ascii_only)


__all__ = ["InterviewScreen"]
