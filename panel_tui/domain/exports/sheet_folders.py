"""Where a session's sheets go, and writing them: a page per member, or per trainee.

The summary screen writes them into its export folder with one key (T): member
sheets for a live round, trainee sheets for a practice one (the rule of
:func:`.sheet_kinds.sheets_of`), each kind in a folder named after the session,
never inside the sessions folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from panel_tui.domain.exports import file_name, sessions_folder_problem, write_folder_format
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.sheet_kinds import PERSON, SheetError, sheets_of
from panel_tui.domain.models import Session


@dataclass(frozen=True)
class SheetsFolder:
    """The kind of sheets a session has, and the folder they go into."""

    name: str  #: the format: "member-sheets", or "trainee-sheets" for a practice round
    folder: Path

    @property
    def kind(self) -> str:
        """Whose pages they are: "member" or "trainee"."""
        return PERSON[self.name]

    @classmethod
    def of(cls, session: Session, export_dir: Path) -> SheetsFolder:
        """The sheets of ``session``, in a folder of their own inside ``export_dir``,
        named as ``all`` names it (:func:`panel_tui.domain.exports.file_name`)."""
        name = sheets_of(session)
        return cls(name, export_dir / file_name(session, name))


def write_sheets(
    session: Session,
    sheets: SheetsFolder,
    options: ExportOptions,
    *,
    sessions: Path,
    overwrite: bool = False,
) -> list[Path]:
    """Write each page into the sheets' folder (made if missing).

    Args:
        session: the session as stored: each kind leaves out votes still
            sealed itself, and says how many answers it left out.
        options: trainee sheets' options (the rehearsals to show progress over).
        sessions: the sessions folder, which sheets never go into.

    Raises:
        SheetError: the sheets cannot be made, or not there, in plain words.
        FileExistsError: a page is there already (nothing was written).
        OSError: the folder or disk refuses.
    """
    problem = sessions_folder_problem(sheets.folder, sessions)
    if problem:
        raise SheetError(problem)
    return write_folder_format(session, sheets.name, sheets.folder, options, overwrite=overwrite)
