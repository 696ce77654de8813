"""The summary screen: ranking, every vote, flags, voice gap, method; export.

Every figure comes from :func:`panel_tui.domain.scoring.score_session` and every
file is written by :func:`panel_tui.domain.exports.write_export`, so the screen
and the exports always agree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from panel_tui.domain.exports import FORMATS, ExportOptions, safe_file_stem, write_export
from panel_tui.domain.exports.calibration_report import PRACTICE_BANNER, build_calibration
from panel_tui.domain.exports.trainee_sheets import SheetError, write_trainee_sheets
from panel_tui.domain.models import Session
from panel_tui.domain.scoring import CandidateResult, Results, score_session
from panel_tui.domain.sessions import finish_warnings
from panel_tui.domain.store import StoreError
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.words import (
    counted,
    figure,
    gap_base,
    gap_words,
    on_questions,
    panel_balance,
    percent,
    question_tags,
    sealed_words,
)
from panel_tui.ui.glyphs import OUTCOME_WORDS
from panel_tui.ui.keys import palette_command
from panel_tui.ui.screens.calibration_view import calibration_text
from panel_tui.ui.screens.dialogs import ConfirmDialog, ExportDialog, ExportRequest
from panel_tui.ui.screens.payment import PaymentChange, PaymentDialog
from panel_tui.ui.screens.session_screen import SessionScreen


class SummaryScreen(SessionScreen):
    """What the panel decided, ready to read aloud, check and export."""

    CSS_PATH = "summary.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b", "back", "Back", tooltip="Back to the interview."),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="Write the summary to a file (choose format and folder).",
        ),
        Binding(
            "p",
            "payment",
            "Payment",
            tooltip="Note a member's rate, expenses, times sat, or that they declined payment.",
        ),
        Binding(
            "f",
            "finish",
            "Finish / reopen",
            tooltip="Mark the session finished (votes then cannot change), or reopen it.",
        ),
        Binding(
            "t",
            "trainee_sheets",
            "Sheets",
            tooltip="Practice only: write a printable page per trainee into the export folder.",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Trainee sheets are offered (and shown in the footer) in practice only."""
        if action == "trainee_sheets":
            return self.session.mode == "practice"
        return True

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(id="heading", markup=False)
            # Practice: the calibration report comes first, before any score.
            yield Static(id="practice", markup=False)
            yield Static(id="method", markup=False)
            yield Static(id="early", markup=False)
            yield Static(id="ranking", markup=False, classes="table")
            yield Static(id="questions", markup=False)
            yield Static(id="candidates", markup=False, classes="table")
        yield Static(id="exported", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        #: Practice: the other practice rounds kept, for each trainee's progress.
        self.rehearsals: list[Session] = []
        if self.session.mode == "practice":
            try:
                found = self.panel_app.store.sessions()
            except (OSError, StoreError):
                found = []  # progress is a nicety: the round itself still shows
            self.rehearsals = [s for s in found if s.mode == "practice"]
        self.refresh_view()
        self.query_one("#summary").focus()

    def refresh_view(self) -> None:
        """Show the figures of the session as it is on disk."""
        session = self.session
        sealed = len(session.sealed_answers())
        results = score_session(session.as_shown())
        practice = session.mode == "practice"
        heading = Text()
        if practice:
            heading.append(f" {PRACTICE_BANNER} \n", style="bold reverse")
        heading.append("Summary: ", style="bold")
        heading.append_text(Text(session.title, style="bold"))
        heading.append(" (finished)" if session.finished else " (in progress)")
        if sealed:
            heading.append(f"\n{sealed_words(sealed)}", style="italic")
        self.query_one("#heading", Static).update(heading)
        self.query_one("#method", Static).update(Text(results.method))
        early = self.query_one("#early", Static)
        early.display = bool(results.early_reveals)
        early.update(self._early_reveals(results))
        questions = Text()
        questions.append("Questions:", style="bold")
        for number, question in enumerate(session.bank.questions, start=1):
            questions.append(f"\n Q{number} ")
            questions.append_text(Text(question.text))
            tags = question_tags(question)
            if tags:
                questions.append(f" ({tags})", style="italic")
        questions.append(
            "\n\nGap (voice gap): the lived-experience members' mean minus the "
            "professionals' mean, in points; it shows when the two groups heard an "
            "answer differently. Split: both up and down on one answer. Concern: an "
            "essential question scored below half."
        )
        self.query_one("#questions", Static).update(questions)
        self.query_one("#ranking", Static).update(self._ranking(results))
        self.query_one("#candidates", Static).update(
            Group(*(self._candidate(result) for result in results.ranking))
        )
        calibration = self.query_one("#practice", Static)
        calibration.display = practice
        if practice:
            view = build_calibration(session.as_shown(), ExportOptions(), self.rehearsals)
            calibration.update(calibration_text(view, self.marks.bullet))

    def watch_ascii_only(self) -> None:
        self.refresh_view()

    def _box(self) -> box.Box:
        return box.ASCII if self.ascii_only else box.SIMPLE_HEAD

    def _ranking(self, results: Results) -> Table:
        table = Table(title="Ranking", title_justify="left", box=self._box(), title_style="bold")
        table.add_column("Rank", justify="right", no_wrap=True)
        table.add_column("Candidate", ratio=2, overflow="fold")
        table.add_column("Score", justify="right", no_wrap=True)
        table.add_column("Questions", overflow="fold")
        table.add_column("Splits", justify="right", no_wrap=True)
        table.add_column("Concerns", justify="right", no_wrap=True)
        table.add_column("Decision", ratio=1, overflow="fold")
        for result in results.ranking:
            candidate = self.session.candidate(result.candidate)
            decision = self.session.decision(result.candidate)
            table.add_row(
                Text(str(result.rank) if result.rank else "none"),
                Text(candidate.label),
                Text(percent(result.score, none="no votes")),
                Text(
                    (
                        f"{result.scored} of {len(result.questions)}"
                        if result.score is not None
                        else ""
                    )
                    + (" (fewer)" if result.fewer_questions else "")
                ),
                Text(str(len(result.splits))),
                Text(str(len(result.concerns))),
                Text(OUTCOME_WORDS[decision.outcome] if decision else "not recorded"),
            )
        return table

    def _early_reveals(self, results: Results) -> Text:
        """Each answer shown before everyone had voted, and who voted after."""
        session = self.session
        numbers = {q.id: n for n, q in enumerate(session.bank.questions, start=1)}
        text = Text("Early reveals", style="bold")
        text.append(" (votes shown before everyone had voted; later votes are marked ")
        text.append(f"{self.marks.changed!r}):".replace("'", '"'))
        for early in results.early_reveals:
            text.append(f"\n {self.marks.bullet} ")
            text.append_text(Text(session.candidate(early.candidate).label))
            text.append(
                f", Q{numbers[early.question]}: {early.voted_before} of "
                f"{early.voters} had voted; voted after: "
            )
            after = [session.member(m) for m in early.voted_after]
            text.append_text(
                Text("; ").join(Text(f"{m.seat} ") + Text(m.name) for m in after)
                if after
                else Text("nobody")
            )
        return text

    def _candidate(self, result: CandidateResult) -> Group:
        session = self.session
        marks = self.marks
        candidate = session.candidate(result.candidate)
        numbers = {q.id: n for n, q in enumerate(session.bank.questions, start=1)}
        heading = Text("\n")
        heading.append_text(Text(candidate.label, style="bold underline"))
        if candidate.name:
            heading.append_text(Text(" (") + Text(candidate.code) + Text(")"))
        score = percent(result.score, none="no votes")
        heading.append(f": {score}", style="bold")
        if result.score is not None:
            heading.append(f" {on_questions(result.scored, len(result.questions))}")
        if result.fewer_questions:
            heading.append(" (fewer than other candidates: compare with care)", style="italic")
        if result.rank:
            heading.append(f", rank {result.rank}")
        lines = Text()
        decision = session.decision(result.candidate)
        lines.append("Decision: ", style="bold")
        if decision is None:
            lines.append("not recorded")
        else:
            lines.append(OUTCOME_WORDS[decision.outcome])
            if decision.reason:
                lines.append(". Reason: ")
                lines.append_text(Text(decision.reason))
        lines.append("\nVotes: ", style="bold")
        lines.append(marks.tally(result.tally))
        lines.append("\nSplits (up and down on one answer): ", style="bold")
        lines.append(", ".join(f"Q{numbers[q]}" for q in result.splits) or "none")
        lines.append("\nConcerns (essential question below half): ", style="bold")
        lines.append(", ".join(f"Q{numbers[q]}" for q in result.concerns) or "none")
        total = len(result.questions)
        for group, group_score, scored in (
            (
                "Lived-experience members",
                result.lived_experience_score,
                result.lived_experience_scored,
            ),
            ("Professionals", result.professional_score, result.professional_scored),
        ):
            lines.append(f"\n{group}' own score: ", style="bold")
            lines.append(
                "no votes"
                if group_score is None
                else f"{percent(group_score)} {on_questions(scored, total)}"
            )
        lines.append("\nVoice gap: ", style="bold")
        lines.append(gap_words(result.voice_gap, single=[q.voice_gap for q in result.questions]))
        if result.voice_gap is not None:
            lines.append(f" {gap_base(result.gap_scored, total)}")

        grid = Table(box=self._box(), pad_edge=False)
        grid.add_column("Q", no_wrap=True)
        members = session.voting_members
        for member in members:
            grid.add_column(
                Text(f"{member.seat} ") + Text(member.name), min_width=8, overflow="fold"
            )
        grid.add_column("Score", justify="right")
        grid.add_column("Gap", justify="right")
        grid.add_column("Flags", min_width=7)
        for answer in result.questions:
            cells = []
            for member in members:
                value = answer.votes.get(member.id)
                cell = Text(marks.vote(value) if value else "no vote", no_wrap=True)
                if member.id in answer.changed:
                    cell.append(f"\n{marks.changed}", style="italic")
                cells.append(cell)
            flags = []
            if answer.split:
                flags.append("Split")
            if answer.concern:
                flags.append("Concern")
            grid.add_row(
                Text(f"Q{numbers[answer.question]}"),
                *cells,
                Text(percent(answer.score, none="")),
                Text(figure(answer.voice_gap, signed=True)),
                Text(", ".join(flags), style="bold"),
            )
        notes = Text()
        for note in session.notes:
            if note.candidate != result.candidate:
                continue
            where = f"Q{numbers[note.question]}" if note.question else "General"
            notes.append(f"\n {marks.bullet} {where}: ")
            notes.append_text(Text(note.text))
        if notes:
            notes = Text.assemble(("Notes:", "bold"), notes)
        parts: list[Text | Table] = [heading, lines, grid]
        if notes:
            parts.append(notes)
        return Group(*parts)

    # -- actions --------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the interview."""
        self.dismiss()

    def action_export(self) -> None:
        """Ask for a format and folder, then write the export."""
        if not FORMATS:
            self.app.notify("There are no export formats in this version.", severity="error")
            return

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.export(request)

        dialog = ExportDialog(
            list(FORMATS), self.panel_app.export_dir, sessions=self.panel_app.store.root
        )
        self.app.push_screen(dialog, chosen)

    def export(self, request: ExportRequest, *, overwrite: bool = False) -> list[Path]:
        """Write the formats asked for; asks before replacing files that exist.

        Returns:
            The files written.
        """
        written: list[Path] = []
        existing: list[tuple[str, Path]] = []
        if self.rehearsals:  # each trainee's progress over rehearsals, in the report
            options = dataclasses.replace(request.options, rehearsals=self.rehearsals)
            request = ExportRequest(request.formats, request.folder, options)
        for name in request.formats:
            try:
                written.append(
                    write_export(
                        self.session, name, request.folder, request.options, overwrite=overwrite
                    )
                )
            except FileExistsError as error:
                existing.append((name, Path(str(error.args[0]))))
            except OSError as error:
                message = f"Could not write to {request.folder} ({os_reason(error)})."
                self.app.notify(
                    message, title="Not exported", severity="error", markup=False, timeout=15
                )
                self.query_one("#exported", Static).update(Text(message, style="bold"))
                return written
        if written:
            folder = written[0].parent.resolve()
            message = f"Exported to the folder {folder}: " + ", ".join(p.name for p in written)
            sealed = len(self.session.sealed_answers())
            if sealed and any(FORMATS[name].complete for name in request.formats):
                message += (
                    f". The json file includes the votes on {counted(sealed, 'answer')}"
                    " still sealed: keep it from the panel until the votes are shown."
                )
            self.query_one("#exported", Static).update(Text(message))
            self.app.notify(message, title="Exported", markup=False, timeout=10)
        if existing:
            names = "\n".join(str(path) for _, path in existing)

            def replace(yes: bool | None) -> None:
                if yes:
                    again = ExportRequest([n for n, _ in existing], request.folder, request.options)
                    self.export(again, overwrite=True)

            self.app.push_screen(
                ConfirmDialog(
                    Text("These files already exist:\n") + Text(names) + Text("\n\nReplace them?"),
                    yes="Replace",
                    no="Keep them",
                ),
                replace,
            )
        return written

    def action_trainee_sheets(self) -> None:
        """Practice: write each trainee's page into a folder of the export folder."""
        folder = self.panel_app.export_dir / f"{safe_file_stem(self.session.id)}-trainee-sheets"
        options = ExportOptions(rehearsals=self.rehearsals)
        try:
            paths = write_trainee_sheets(self.session.as_shown(), folder, options)
        except SheetError as error:
            message = str(error)
        except FileExistsError:
            message = f"The folder {folder} already holds these sheets; nothing was replaced."
        except OSError as error:
            message = f"Could not write to {folder} ({os_reason(error)})."
        else:
            message = f"Wrote {counted(len(paths), 'trainee sheet')} into the folder {folder}."
        self.query_one("#exported", Static).update(Text(message))
        self.app.notify(message, markup=False, timeout=10)

    def action_payment(self) -> None:
        """Note a member's payment, for the involvement record."""

        def save(change: PaymentChange) -> None:
            self.opened.set_involvement(change.seat, change.changes)

        def saved(change: PaymentChange | None) -> None:
            if change is None:
                return
            message = f"Saved the payment notes for seat {change.seat}."
            self.query_one("#exported", Static).update(message)
            self.app.notify(message, title="Payment notes", markup=False)

        self.app.push_screen(PaymentDialog(self.session, save=save), saved)

    def action_finish(self) -> None:
        """Mark the session finished, or reopen it, after asking."""
        finished = self.session.finished
        question = (
            "Reopen this session? Votes can be changed again."
            if finished
            else "Mark this session finished? Votes cannot change until it is reopened."
        )
        if not finished:
            # The balance the scores came from, so it is in mind at the last step.
            question += "\n\n" + panel_balance(m.role for m in self.session.panel) + "."
            left = finish_warnings(self.session)
            if left:
                question += "\n\nStill to do:\n" + "\n".join(f"- {w}" for w in left)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.opened.set_finished(not finished)
            except StoreError as error:
                self.app.notify(str(error), severity="error", markup=False, timeout=15)
                return
            self.refresh_view()
            self.query_one("#exported", Static).update(
                "The session is reopened." if finished else "The session is marked finished."
            )

        self.app.push_screen(
            ConfirmDialog(question, yes="Reopen" if finished else "Finish", no="Cancel"), confirmed
        )

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The summary's main actions, for the command palette."""
        for title, action in (
            ("Export", self.action_export),
            ("Finish or reopen the session", self.action_finish),
            ("Payment notes for a member", self.action_payment),
            ("Back to the interview", self.action_back),
            *(
                (("Trainee sheets", self.action_trainee_sheets),)
                if self.session.mode == "practice"
                else ()
            ),
        ):
            yield palette_command(self, title, action, ascii_only=self.ascii_only)
