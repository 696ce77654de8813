"""The export box on the summary: a format, what to leave out, and a folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from panel_tui.domain.exports import ALL, ExportOptions, could_not_write, sessions_folder_problem
from panel_tui.domain.exports.sheet_kinds import PERSON, sheets_of
from panel_tui.domain.models import Session
from panel_tui.ui.contracts import cursor_blink
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.screens.dialogs import FormDialog
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


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where."""

    formats: list[str]  #: the formats chosen: one, or ``all`` (what it writes is the plan's)
    folder: Path
    options: ExportOptions


class ExportDialog(FormDialog[ExportRequest]):
    """Choose a format, options and a folder for an export."""

    SUBMIT = "export"

    def __init__(
        self, session: Session, formats: list[str], folder: Path, *, sessions: Path | None = None
    ) -> None:
        """Ask for an export.

        Args:
            session: the session exported: "every format" adds its kind of sheets.
            formats: the formats offered.
            folder: the folder suggested.
            sessions: the sessions folder, which exports never go into.
        """
        super().__init__()
        self.session = session
        self.formats = formats
        self.folder = folder
        self.sessions = sessions

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
        """A folder typed over the one suggested: the only typing an export box holds."""
        return self.query_one("#folder", Input).value.strip() != str(self.folder)

    def submit(self) -> None:
        pressed = self.query_one("#format", ChoiceList).pressed_button
        name = (pressed.id or "").removeprefix("format-") if pressed else ""
        folder = self.query_one("#folder", Input).value.strip()
        if not folder:
            self.refuse("Type the folder to write to.")
            return
        chosen = Path(folder).expanduser()
        try:
            problem = (
                None if self.sessions is None else sessions_folder_problem(chosen, self.sessions)
            )
        except OSError as error:  # a link that leads round in a circle
            problem = could_not_write(chosen, error)
        if problem:
            self.refuse(problem)
            return
        if not name or (name != ALL and name not in self.formats):
            self.refuse("Choose a format first.")
            return
        options = ExportOptions(
            anonymise=self.query_one("#anonymise", AnsweringCheckbox).value,
            totals_only=self.query_one("#totals", AnsweringCheckbox).value,
            no_notes=self.query_one("#no-notes", AnsweringCheckbox).value,
        )
        # "all" is planned by the domain, as the command line's --format all is.
        self.dismiss(ExportRequest([name], chosen, options))
