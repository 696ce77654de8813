"""The export box on the summary: a format, what to leave out, and a folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from panel_tui.domain.exports import ALL, ExportOptions
from panel_tui.domain.exports.sheet_kinds import PERSON, sheets_of
from panel_tui.domain.exports.steps import (
    ExportStep,
    ExportSteps,
    ReplaceQuestion,
    export_problem,
)
from panel_tui.domain.models import Session
from panel_tui.ui.asking import Asking, asks
from panel_tui.ui.contracts import cursor_blink
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.screens.dialogs import ConfirmDialog, FormDialog
from panel_tui.ui.widgets.choices import AnsweringCheckbox, ChoiceList, ClearRadioButton

#: What each export format is for, in the chair's words.
FORMAT_WORDS: dict[str, str] = {
    "md": "Summary as text (.md)",
    "html": "Summary to print or file (.html)",
    "csv": "Spreadsheet, a row per candidate (.csv)",
    "votes-csv": "Spreadsheet, a row per vote (.csv)",
    "json": "Complete record, can be imported (.json)",
    "involvement-csv": "Time and payment, a row per member (.csv)",
}

#: Said in the box after Keep, below what was written and kept.
ANOTHER_FOLDER = (
    "To write the export to another folder too, type the folder and press Export; "
    "Esc closes the box."
)


def replace_dialog(asked: ReplaceQuestion) -> ConfirmDialog:
    """The domain's question before replacing files already there (the box's and T's)."""
    return ConfirmDialog(Text(asked.question), yes=asked.yes, no=asked.no)


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where."""

    formats: list[str]  #: the formats chosen: one, or ``all`` (what it writes is the plan's)
    folder: Path
    options: ExportOptions


@dataclass(frozen=True)
class ExportDone:
    """An export the box wrote: where, and what its last step did (for the summary's line)."""

    request: ExportRequest
    step: ExportStep  #: what was written, replaced or kept, and why nothing more was


class ExportDialog(FormDialog[ExportDone]):
    """Choose a format, options and a folder, and write the export.

    The box writes the export itself and closes once it is written. A problem the
    chair can put right in the box (a folder that is a file, a folder that cannot
    be written, a link refused) is said beside the folder, with the choices kept:
    found by a tester, the box closed on it, and the new folder typed "into the
    box" went to the summary's keys (T wrote sheets, P opened the payment notes).

    Files already there are asked about over the box, which stays open beneath:
    Replace writes over them and closes it; Keep leaves them, says so beside the
    folder and keeps the choices, so the chair can write the export to another
    folder, or close the box (the summary then says what was written and kept).
    Found in testing: the box closed before the question, and after "Keep" the
    chair had to choose the format, ticks and folder all over again.
    """

    SUBMIT = "export"

    def __init__(
        self,
        session: Session,
        formats: list[str],
        folder: Path,
        *,
        steps_for: Callable[[ExportRequest], ExportSteps],
    ) -> None:
        """Ask for an export.

        Args:
            session: the session exported: "every format" adds its kind of sheets.
            formats: the formats offered.
            folder: the folder suggested.
            steps_for: the steps of the export asked for (the screen's way of writing it).
        """
        super().__init__()
        self.session = session
        self.formats = formats
        self.folder = folder
        self.steps_for = steps_for
        #: What an export kept the files of (the chair chose Keep): said on closing.
        self.kept: ExportDone | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Static("Export the summary", classes="title")
            with ChoiceList(id="format"):
                for number, name in enumerate(self.formats):
                    words = FORMAT_WORDS.get(name, name)
                    yield ClearRadioButton(words, value=number == 0, id=f"format-{name}").data_bind(
                        DisplayMode.ascii_only
                    )
                sheets = PERSON[sheets_of(self.session)]
                yield ClearRadioButton(
                    f"Every format above, and the {sheets} sheets", id=f"format-{ALL}"
                ).data_bind(DisplayMode.ascii_only)
            yield AnsweringCheckbox(
                "Anonymise: seats and codes, not names (notes stay as written)", id="anonymise"
            ).data_bind(DisplayMode.ascii_only)
            yield AnsweringCheckbox(
                "Totals only: no individual votes, no notes", id="totals"
            ).data_bind(DisplayMode.ascii_only)
            yield AnsweringCheckbox("Leave out notes and reasons", id="no-notes").data_bind(
                DisplayMode.ascii_only
            )
            yield Label("Folder to write to:")
            yield Input(value=str(self.folder), id="folder")
            yield Label("", id="problem", classes="problem")
            with Horizontal(classes="buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#folder", Input).cursor_blink = cursor_blink(self.app)
        self.query_one("#format", ChoiceList).focus()

    def unsaved(self) -> bool:
        """A folder typed over the one suggested (the only typing an export box holds),
        and not the one just written to."""
        typed = self.query_one("#folder", Input).value.strip()
        used = self.kept is not None and Path(typed).expanduser() == self.kept.request.folder
        return typed != str(self.folder) and not used

    def closed_answer(self) -> ExportDone | None:
        """Closed after Keep: what that export wrote and kept, for the summary to say."""
        return self.kept

    @asks
    def submit(self) -> Asking:
        pressed = self.query_one("#format", ChoiceList).pressed_button
        name = (pressed.id or "").removeprefix("format-") if pressed else ""
        folder = self.query_one("#folder", Input).value.strip()
        if problem := export_problem(folder, name, self.formats):
            self.refuse(problem)
            return
        chosen = Path(folder).expanduser()
        options = ExportOptions(
            anonymise=self.query_one("#anonymise", AnsweringCheckbox).value,
            totals_only=self.query_one("#totals", AnsweringCheckbox).value,
            no_notes=self.query_one("#no-notes", AnsweringCheckbox).value,
            # Written as the screen shows it (found by a tester: symbols in ASCII
            # mode), as the command line's --ascii writes it.
            ascii_only=self.ascii_only,
        )
        # "all" is planned by the domain, as the command line's --format all is.
        request = ExportRequest([name], chosen, options)
        steps = self.steps_for(request)
        step = steps.start()  # never into the sessions folder: the domain refuses it
        if step.nothing_written:
            self.refuse(step.refused)
            self.query_one("#folder", Input).focus()
            return
        if step.ask is not None:
            replace = yield replace_dialog(step.ask)
            step = steps.answer(bool(replace))
            if not replace:
                self.kept = ExportDone(request, step)
                # In short: the whole of it would push the buttons off at 80x24. The
                # summary's line says it all (which files) once the box is closed.
                self.refuse(f"{step.briefly}\n{ANOTHER_FOLDER}")
                self.query_one("#folder", Input).focus()
                return
        self.dismiss(ExportDone(request, step))
