"""The summary screen: ranking, every vote, flags, voice gap, method; export.

The screen shows the one :class:`~panel_tui.domain.summary.Summary` the md and
html files render (laid out by :mod:`.summary_view`), and an export (the Export
box, or the sheets with T) goes step by step as
:class:`panel_tui.domain.exports.steps.ExportSteps` says, writing the files
:func:`panel_tui.domain.exports.plan.plan_export` plans, as the command line's
``export`` does, so the screen and the exports agree in figures and in words;
the screen (or the Export box, over which it asks) only asks the question it is
given and shows the words.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import Static

from panel_tui.domain.exports import FORMATS, ExportOptions, as_shown
from panel_tui.domain.exports.sheet_kinds import PERSON, sheets_of
from panel_tui.domain.exports.steps import ExportStep, ExportSteps
from panel_tui.domain.interview import ASKED_ALOUD
from panel_tui.domain.interview_outcomes import NotSaved, Recorded, finish_or_reopen
from panel_tui.domain.models import Session
from panel_tui.domain.payment_form import NO_PAY_IN_PRACTICE, saved_words, takes_payment
from panel_tui.domain.store import StoreError
from panel_tui.domain.summary import build_summary
from panel_tui.domain.summary.spoken import spoken_summary
from panel_tui.ui.asking import Asking, asks
from panel_tui.ui.contracts import tell
from panel_tui.ui.keys import palette_command, with_capitals
from panel_tui.ui.screens import summary_view
from panel_tui.ui.screens.calibration_view import calibration_text
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.export_dialog import (
    ExportDialog,
    ExportDone,
    ExportRequest,
    replace_dialog,
)
from panel_tui.ui.screens.payment import PaymentChange, PaymentDialog
from panel_tui.ui.screens.session_screen import SessionScreen
from panel_tui.ui.widgets.keys_footer import KeysFooter
from panel_tui.ui.widgets.more_to_read import MoreToRead
from panel_tui.ui.widgets.reading_area import ReadingArea


def refused(binding: Binding, session: Session) -> str | None:
    """Why the summary's ``binding`` does not work on ``session``, or ``None`` when it
    does: no payment notes in practice, where trainees are not paid."""
    if binding.action == "payment" and not takes_payment(session):
        return NO_PAY_IN_PRACTICE
    return None


class SummaryScreen(SessionScreen):
    """What the panel decided, ready to read aloud, check and export."""

    CSS_PATH = "summary.tcss"
    NEWS_LINE = "#exported"
    # Priority bindings, as on the interview: each key is acted on as the app reads
    # it, so in a burst the key after P or F reaches the dialog it opened.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            with_capitals("escape,b"),
            "back",
            "Back",
            tooltip="Back to the interview.",
            priority=True,
        ),
        Binding(
            with_capitals("e"),
            "export",
            "Export",
            tooltip="Write the summary to a file (choose format and folder).",
            priority=True,
        ),
        Binding(
            with_capitals("p"),
            "payment",
            "Payment",
            tooltip="Note a member's rate, expenses, times sat, or that they declined payment.",
            priority=True,
        ),
        Binding(
            with_capitals("f"),
            "finish",
            "Finish / reopen",
            tooltip="Mark the session finished (votes then cannot change), or reopen it.",
            priority=True,
        ),
        Binding(
            with_capitals("t"),
            "sheets",
            "Sheets",
            tooltip="Write a printable page for each member (Easy Read), or in practice for "
            "each trainee, into the export folder.",
            priority=True,
        ),
    ]

    @classmethod
    def keys_for(cls, session: Session) -> list[BindingType]:
        """The summary's keys that work on ``session``: no payment notes in practice,
        where trainees are not paid (the footer, the help and the palette agree)."""
        return [b for b in cls.BINDINGS if not isinstance(b, Binding) or not refused(b, session)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide (and turn off) the keys :meth:`keys_for` leaves out for this session."""
        return not any(refused(b, self.session) for b in self._bound(action=action))

    def on_key(self, event: events.Key) -> None:
        """A key left out (P on a practice round) is not offered, and pressing it is answered."""
        for binding in self._bound(key=event.key):
            if why := refused(binding, self.session):
                event.stop()
                self.say_done(why)

    @classmethod
    def _bound(cls, *, action: str | None = None, key: str | None = None) -> list[Binding]:
        """The screen's bindings to ``action``, or of ``key``."""
        return [
            b
            for b in cls.BINDINGS
            if isinstance(b, Binding) and (b.action == action or key in b.key.split(","))
        ]

    def compose(self) -> ComposeResult:
        with ReadingArea(id="summary"):
            yield Static(id="heading", markup=False)
            # Practice: the calibration report comes first, before any score.
            yield Static(id="practice", markup=False)
            yield Static(id="method", markup=False)
            yield Static(id="early", markup=False)
            yield Static(id="ranking", markup=False, classes="table")
            yield Static(id="questions", markup=False)
            yield Static(id="candidates", markup=False, classes="table")
        yield MoreToRead("#summary")
        yield Static(id="exported", markup=False)
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        #: Practice: the other practice rounds kept, for each trainee's progress.
        self.rehearsals: list[Session] = []
        if self.session.mode == "practice":
            # Progress is a nicety: the round itself still shows without it.
            with contextlib.suppress(OSError, StoreError):
                self.rehearsals = self.panel_app.store.practice_sessions()
        self.refresh_view()
        self.query_one("#summary").focus()
        self.show_arrival_news()

    def refresh_view(self) -> None:
        """Show the summary of the session as it is on disk, as the room may see it."""
        options = ExportOptions(ascii_only=self.ascii_only, rehearsals=self.rehearsals)
        session, options = as_shown(self.session, options)
        summary = build_summary(session, options)
        #: The summary shown, for reading aloud.
        self.summary = summary
        marks = self.marks
        self.query_one("#heading", Static).update(summary_view.heading(summary))
        calibration = self.query_one("#practice", Static)
        calibration.display = summary.calibration is not None
        if summary.calibration is not None:
            calibration.update(calibration_text(summary.calibration, marks.bullet))
        self.query_one("#method", Static).update(Text(summary.method))
        early = self.query_one("#early", Static)
        early.display = summary.sealed  # as the files: unsealed, nothing was revealed early
        early.update(summary_view.early_reveals(summary, marks))
        self.query_one("#ranking", Static).update(summary_view.ranking(summary, marks))
        self.query_one("#questions", Static).update(summary_view.questions(summary))
        self.query_one("#candidates", Static).update(summary_view.candidates(summary, marks))

    def watch_ascii_only(self) -> None:
        self.refresh_view()

    def spoken_text(self) -> str:
        """The summary read aloud: the title, then each candidate's facts, best first."""
        return spoken_summary(self.summary)

    # -- actions --------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the interview."""
        self.dismiss()

    @asks
    def action_export(self) -> Asking:
        """Ask for a format and folder, then say what the box wrote (it asks before replacing)."""
        if not FORMATS:
            self.app.notify("There are no export formats in this version.", severity="error")
            return
        dialog = ExportDialog(
            self.session, list(FORMATS), self.panel_app.export_dir, steps_for=self.steps_for
        )
        # The box writes the files itself, asks before replacing any, and stays open on
        # a folder it cannot use.
        done: ExportDone | None = yield dialog
        if done is not None:
            self.show(done.step, done.request.folder)

    @asks
    def action_sheets(self) -> Asking:
        """A page per member (Easy Read), or per trainee in practice, into the export folder.

        Written as the Export box writes them (in a folder of their own there),
        asking before replacing the pages of an earlier go.
        """
        request = ExportRequest(
            [sheets_of(self.session)], self.panel_app.export_dir, ExportOptions()
        )
        steps = self.steps_for(request)
        yield from self.carry_on(steps, steps.start(), request.folder)

    def steps_for(self, request: ExportRequest) -> ExportSteps:
        """The steps of the export asked for (the Export box's and T's way)."""
        options = request.options
        if self.rehearsals:  # each trainee's progress over rehearsals, in the report
            options = dataclasses.replace(options, rehearsals=self.rehearsals)
        return ExportSteps(
            self.session,
            request.formats,
            request.folder,
            options,
            sessions=self.panel_app.store.root,
        )

    def carry_on(self, steps: ExportSteps, step: ExportStep, folder: Path) -> Asking:
        """Say what the export's first step did, then ask the question the domain asks
        (before replacing files there), and say what was done."""
        self.show(step, folder)
        if step.ask is not None:
            replace = yield replace_dialog(step.ask)
            self.show(steps.answer(bool(replace)), folder)

    def show(self, step: ExportStep, folder: Path) -> None:
        """Say what a step of the export did, and why nothing more was written."""
        if step.folder_used:
            # The folder chosen is the export folder for the rest of the run: the next
            # export box starts on it, and the sheets (T) go there too (found by a
            # new user: the sheets went to the folder first suggested).
            self.panel_app.export_dir = folder
        if step.refused:
            self.not_exported(step.refused, step.said)
        elif step.said:
            # Said on the screen's own line only: a notice over it said it again, and hid it.
            self.say_done(step.said)

    def not_exported(self, message: str, written: str = "") -> None:
        """Say why nothing (more) was exported, in a notice and on the screen, there after
        what was (``written``)."""
        self.app.notify(message, title="Not exported", severity="error", markup=False, timeout=15)
        tell(self.app, message)
        shown = Text(message, style="bold")
        self.show_news(Text(f"{written}\n") + shown if written else shown)

    @asks
    def action_payment(self) -> Asking:
        """Note a member's payment, for the involvement record (the dialog saves it)."""

        def save(change: PaymentChange) -> None:
            self.opened.set_involvement(change.seat, change.changes)

        dialog = PaymentDialog(self.session, save=save)
        change: PaymentChange | None = yield dialog
        if change is None and dialog.discarded:
            # Not the "Saved ..." of an earlier save left standing (found by a tester).
            message = "Payment notes not saved: the box was closed with changes in it."
        elif change is None:
            return
        else:
            message = saved_words(self.opened.session, change.seat, change.changes)
        self.say_done(message)

    @asks
    def action_finish(self) -> Asking:
        """Mark the session finished, or reopen it, after asking (the domain's question)."""
        asked = finish_or_reopen(self.opened)
        tell(self.app, ASKED_ALOUD)  # as the interview's boxes say they are there
        if not (yield ConfirmDialog(Text(asked.question), yes=asked.yes, no=asked.no)):
            return
        done = asked.then()
        if isinstance(done, NotSaved):
            self.app.notify(done.reason, severity="error", markup=False, timeout=15)
            tell(self.app, done.reason)
            return
        self.refresh_view()
        if isinstance(done, Recorded) and done.message:
            self.say_done(done.message)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The summary's main actions, for the command palette."""
        sheets = PERSON[sheets_of(self.session)]
        for title, action in (
            ("Export", self.action_export),
            ("Finish or reopen the session", self.action_finish),
            ("Payment notes for a member", self.action_payment),
            ("Back to the interview", self.action_back),
            (
                "Trainee sheets" if sheets == "trainee" else "Member sheets (Easy Read)",
                self.action_sheets,
            ),
        ):
            if self.check_action(action.__name__.removeprefix("action_"), ()) is not False:
                yield palette_command(self, title, action, ascii_only=self.ascii_only)
