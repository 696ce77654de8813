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
from textual import events, getters
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from panel_tui.domain import interview_lines as lines
from panel_tui.domain.interview import ASKED_ALOUD, KEYS_HINT, NO_CANDIDATES, Interview
from panel_tui.domain.interview_heading import heading
from panel_tui.domain.interview_outcomes import (
    Answer,
    Moved,
    NeedsConfirmation,
    NotSaved,
    Refused,
)
from panel_tui.domain.models import Question, VoteValue
from panel_tui.domain.store import OpenSession
from panel_tui.ui.asking import Asking, asks
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.keys import palette_command
from panel_tui.ui.lines import line_drawn
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.interview_dialogs import deciding, noting
from panel_tui.ui.screens.interview_keys import INTERVIEW_KEYS, show_vote_again
from panel_tui.ui.screens.session_screen import SessionScreen
from panel_tui.ui.widgets.fitting import HeadingLine
from panel_tui.ui.widgets.hint_line import HintLine
from panel_tui.ui.widgets.keys_footer import KeysFooter
from panel_tui.ui.widgets.question_area import QuestionArea
from panel_tui.ui.widgets.timer import QuestionTimer
from panel_tui.ui.widgets.vote_grid import VoteGrid

#: Lines the rest of the interview screen needs, at the least, around the vote grid.
ROOM_AROUND_GRID = 14
#: Seconds between keeping the timer's place on disk (at most this much is lost in a crash).
KEEP_TIME_EVERY = 15


class InterviewScreen(SessionScreen):
    """The shared screen of the panel during an interview.

    It shows the :class:`Interview`'s state and answers, and asks the chair the
    interview's questions; every rule and every word shown is the domain's.
    """

    CSS_PATH = "interview.tcss"
    NEWS_LINE = "#hint"
    #: Every key a priority binding, so keys are handled in the order typed (see interview_keys).
    BINDINGS: ClassVar[list[BindingType]] = INTERVIEW_KEYS

    question_area = getters.query_one("#question-area", QuestionArea)
    """The question and what goes with it, scrolling when it is long."""
    hint_line = getters.query_one("#hint", HintLine)
    """The line above the keys, where each key's news is said (and read aloud)."""

    def __init__(self, opened: OpenSession, clock: Callable[[], float]) -> None:
        super().__init__(opened)
        self.clock = clock
        #: The position and the rules; this screen shows its state and asks its questions.
        self.interview = Interview(opened, lambda value: self.marks.vote(value))
        if not self.interview.decides:
            show_vote_again(self._bindings)

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
            yield HeadingLine(id="candidate").data_bind(DisplayMode.ascii_only)
            yield Static(id="position", markup=False)
            yield QuestionTimer(self.clock, id="timer").data_bind(DisplayMode.ascii_only)
        yield Static(lines.panel_and_rule(session), id="balance", markup=False)
        yield QuestionArea(id="question-area", can_focus=False)
        yield VoteGrid(session.voting_members, id="votes").data_bind(DisplayMode.ascii_only)
        # Shown only while the rows are one line each (see _fit_rows).
        yield Static(lines.pronouns_hidden(session) or "", id="pronouns-hidden", markup=False)
        observers = lines.observers(session)
        if observers:
            yield Static(Text(observers), id="observers", markup=False)
        yield Static(id="status", markup=False)
        yield HintLine(KEYS_HINT, id="hint", markup=False)
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        #: Held, so that the time can still be kept once the screen is gone.
        self.timer = self.query_one(QuestionTimer)
        # The timer's place is kept now and then (see keep_time), and as the session
        # closes: kept after the close, the next open said it was not closed properly.
        self.set_interval(KEEP_TIME_EVERY, self.keep_time)
        self.opened.on_closing = self.keep_time
        self._fit_rows(self.app.size.height)
        self.watch(self.question_area, "scroll_y", self._say_more, init=False)
        if self.interview.has_answers:
            self._question_changed()
        else:
            self._show_votes()  # the status line says there is nothing to vote on
        self.show_arrival_news()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_rows(event.size.height)
        self.call_after_refresh(self._say_more)

    def _say_more(self) -> None:
        """Say on the line above the votes when the question runs past its space."""
        area = next(iter(self.query("#question-area").results(QuestionArea)), None)
        if area is None:
            # Already closing: "Sessions" (Ctrl+P) from the summary shows this screen
            # again on its way home, and its children are gone when this is asked.
            return
        more = area.more_to_read
        title = f" {more} " if more else None
        grid = self.query_one(VoteGrid)
        if grid.border_title != title:  # setting it redraws the grid, after every vote
            grid.border_title = title

    def _fit_rows(self, height: int) -> None:
        # Two lines a member (pronouns wrapping) fit five members at 24 lines; more
        # get one line each, so that every member's row shows without scrolling.
        voters = len(self.session.voting_members)
        compact = 2 * voters > height - ROOM_AROUND_GRID
        self.query_one(VoteGrid).set_class(compact, "-compact")
        # One line a member leaves the pronouns out: a line under the rows says so,
        # and where they are (a member whose pronouns vanished could feel erased).
        hidden = self.query_one("#pronouns-hidden", Static)
        hidden.display = compact and lines.pronouns_hidden(self.session) is not None

    def on_screen_resume(self) -> None:
        if self.interview.has_answers:
            self.refresh_view()

    watch_ascii_only = on_screen_resume  # drawn again in the symbols chosen

    def keep_time(self) -> None:
        """Keep the time spent on this answer, so that a resume carries on from it."""
        self.interview.times.keep(self.timer.elapsed)

    def _question_changed(self, news: str | None = None) -> None:
        carried = self.interview.times.carried()
        self.query_one(QuestionTimer).restart(self.question.time_guide_minutes, carried)
        self.question_area.scroll_home(animate=False)
        self.refresh_view()
        # The voice never reads on over a new question; it starts again when asked to.
        if self.read_aloud:  # cutting the last short, after the news still waiting
            self.panel_app.say(self.spoken_text(), first=news)
        else:
            self.panel_app.speaker.stop()

    def spoken_text(self) -> str:
        """The question, what the panel listens for and any sample answer, to read aloud."""
        if not self.interview.has_answers:
            # Nothing to ask about: what the screen says instead (found by a tester:
            # Ctrl+L on a session with no candidates stopped the app).
            return NO_CANDIDATES
        return lines.spoken(self.session, self.candidate_id, self.question)

    def refresh_view(self) -> None:
        """Show the session as it is on disk."""
        session, c, question = self.session, self.candidate_id, self.question
        marks = self.marks
        self.timer.finished = session.finished
        self.query_one(HeadingLine).heading = heading(session, c, self.interview.practice)
        self.query_one("#position", Static).update(line_drawn(lines.position(session, c, question)))
        self.question_area.show(
            question.text,
            lines.about(session, c, question, marks),
            lines.sample(session, c, question, marks),
            lines.look_for(question, marks),
        )
        self._show_votes()
        self.call_after_refresh(self._say_more)  # once the new text is laid out

    def _show_votes(self) -> None:
        shown = self.interview.votes()
        if self.interview.has_answers:
            self.query_one(VoteGrid).show(shown.seats)
        self.query_one("#status", Static).update(line_drawn(shown.status))

    def show(self, answer: Answer, *, told: bool = False) -> None:
        """Show the interview's answer, asking its question first; ``told``: a box's, said."""
        line = self.hint_line
        if isinstance(answer, NeedsConfirmation):
            line.tell(ASKED_ALOUD)
            self.confirm(answer)
        elif isinstance(answer, NotSaved):
            line.not_saved(answer.reason)
            line.tell(answer.reason)
        elif isinstance(answer, Refused):
            line.say(Text(answer.reason, style="bold") if answer.important else answer.reason)
            line.tell(answer.reason)
        elif answer.message is not None:
            if answer.restarts_timer:  # e.g. a new round (AnswerTimes.restart)
                self.timer.restart(self.question.time_guide_minutes)
            self.refresh_view()
            line.say(answer.message)
            if answer.spoken is not None or told:  # "Note saved." only showed (a tester)
                line.tell(answer.spoken or str(answer.message))

    @asks
    def confirm(self, asked: NeedsConfirmation) -> Asking:
        """Ask the interview's question; on yes, make the change and show how it went.

        The dialog is on screen before the next key, and the change is made
        straight after the key that answered (see ``ui/asking.py``).
        """
        if (yield ConfirmDialog(Text(asked.question), yes=asked.yes, no=asked.no)):
            self.show(asked.then())
        elif asked.declined is not None:
            self.hint_line.say(asked.declined)

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

    @asks
    def action_note(self) -> Asking:
        """Add a note to this answer (the dialog saves it)."""
        self.show((yield from noting(self.interview.note())), told=True)

    @asks
    def action_decide(self) -> Asking:
        """Record the panel's decision on this candidate (the dialog saves it)."""
        self.show((yield from deciding(self.interview.decide())), told=True)

    # -- moving ---------------------------------------------------------------

    def _move(self, move: Callable[[], Moved | Refused]) -> None:
        self.interview.times.leave(self.timer.elapsed)  # coming back carries on from this time
        moved = move()
        if isinstance(moved, Refused):
            self.show(moved)
            return
        self._question_changed(moved.spoken)
        self.hint_line.say(moved.message)
        if moved.warning is not None:
            self.hint_line.not_saved(moved.warning, "Position not saved", severity="warning")
            self.hint_line.tell(moved.warning)  # heard after the question, as shown (a review)

    def action_next_question(self) -> None:
        """The next question; after the last one, the next candidate's first."""
        self._move(self.interview.moves.next_question)

    def action_previous_question(self) -> None:
        """The previous question (back to the previous candidate from the first)."""
        self._move(self.interview.moves.previous_question)

    def action_next_candidate(self) -> None:
        """The first question of the next candidate."""
        self._move(self.interview.moves.next_candidate)

    def action_previous_candidate(self) -> None:
        """The first question of the previous candidate."""
        self._move(self.interview.moves.previous_candidate)

    def action_scroll_question(self, lines: int) -> None:
        """Scroll a long question up or down."""
        self.question_area.scroll_relative(y=lines, animate=False)

    def action_nothing_to_close(self) -> None:
        """Esc with no box open: say where to go instead of doing nothing."""
        self.show(Refused(lines.NOTHING_TO_CLOSE))

    def action_summary(self) -> None:
        """Show the summary screen."""
        from panel_tui.ui.screens.summary import SummaryScreen

        # Time on the summary is not time on the answer: the clock waits for the panel.
        self.timer.pause()
        self.app.push_screen(SummaryScreen(self.opened), lambda _: self.timer.resume())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No decision key in practice: its mock candidates are never hired."""
        return action != "decide" or self.interview.decides

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The interview's main actions, for the command palette."""
        for title, action in (
            ("Show votes", self.action_reveal),
            ("Undo last vote", self.action_undo),
            ("Add a note", self.action_note),
            ("Next question", self.action_next_question),
            ("Previous question", self.action_previous_question),
            ("Next candidate", self.action_next_candidate),
            ("Previous candidate", self.action_previous_candidate),
            ("Summary", self.action_summary),
            *(
                (("Record decision", self.action_decide),)
                if self.interview.decides
                else (("Vote again (practice)", self.action_new_round),)
            ),
        ):
            yield palette_command(self, title, action, ascii_only=self.ascii_only)


__all__ = ["InterviewScreen"]
