"""What an export wrote, left and was refused, and how each is said to the chair.

:class:`Exported` is what :func:`.write_plan`, :func:`.write_over` and :func:`.write_all`
did; :class:`PartlyWritten` carries it when the system refused some files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from panel_tui.domain.exports.anonymise import anonymity_warning
from panel_tui.domain.exports.formats import FOLDER_FORMATS, FORMATS
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.places import names_said
from panel_tui.domain.exports.sheet_kinds import PERSON
from panel_tui.domain.models import Session
from panel_tui.domain.store.files import TEMP_MARK, resolved
from panel_tui.domain.system_words import not_written
from panel_tui.domain.words import counted, listed


@dataclass(frozen=True)
class Exported:
    """What :func:`write_plan` did (and :func:`write_over` after it)."""

    written: list[tuple[str, Path]]  #: each format written, with its file (sheets: folder)
    existing: list[tuple[str, Path]]  #: each format left because its file is there
    options: ExportOptions = field(default_factory=ExportOptions)  #: how they were written
    left_out: str = (
        ""  #: what the choice left out, and why, in one line (:class:`.plan.ExportPlan`)
    )
    #: Of ``written``, each written over a file already there (the chair chose to replace it).
    replaced: list[tuple[str, Path]] = field(default_factory=list)
    #: Sheets some of whose pages (not all) were there: how many were (of ``pages``). The
    #: others were written (and the sheets are in ``written`` and ``existing`` both).
    partly_there: dict[str, int] = field(default_factory=dict)
    #: Each file the system refused (a page of sheets each), with its format and why (the
    #: others were written).
    failed: list[tuple[str, Path, OSError]] = field(default_factory=list)
    #: Sheets: how many pages each has (said when some were refused).
    pages: dict[str, int] = field(default_factory=dict)

    def words(self, session: Session) -> str:
        """What was written, for the chair; warns when a file holds votes still sealed."""
        if not self.written:
            return ""
        folder = resolved(self.written[0][1].parent)
        files = [path.name for name, path in self.written if name in FORMATS]
        parts = [names_said(files)] if files else []
        parts += [
            self._written_sheets(name, path)
            for name, path in self.written
            if name in FOLDER_FORMATS
        ]
        # Each written over what was there: said here, not named again by replaced_words.
        replacing = ", replacing what was there" if self.all_replaced else ""
        message = f"Exported to the folder {folder}{replacing}: {', and '.join(parts)}"
        sealed = len(session.sealed_answers())
        if sealed and any(name in FORMATS and FORMATS[name].complete for name, _ in self.written):
            message += (
                f". The json file includes the votes on {counted(sealed, 'answer')}"
                " still sealed: keep it from the panel until the votes are shown."
            )
        leave_out = 'tick "Leave out notes and reasons"'
        if warning := anonymity_warning(session, self.options, leave_out):
            message += f". {warning}"
        return message

    def refused_words(self, again: str) -> str:
        """Each file the system refused, and why; then that the others were written.

        ``again`` is the way on once a file held open in another program is closed.
        Found by a tester: "Could not write x.csv" alone, and HR took it that the
        other files were written, when none after it were.
        """
        said = not_written(
            [(_refused_place(path, error), error) for _, path, error in self.failed], again=again
        )
        if not self.written:
            return said
        if not self.existing:
            return f"{said} The other files were written.{self._earlier()}"
        return (
            f"{said} The other files were written, except {self._already(self.existing)}, "
            f"left unchanged.{self._earlier()}"
        )

    def _earlier(self) -> str:
        """Each file refused whose earlier copy is still there, beside this export's files.

        Found by a tester: last week's CSV, held open in Excel, stayed beside this
        week's md, html and json, and HR may file the mixed set.
        """
        earlier = list(dict.fromkeys(path for _, path, _ in self.failed if path.is_file()))
        if not earlier:
            return ""
        names = listed([path.name for path in earlier])
        are, them = ("is", "it") if len(earlier) == 1 else ("are", "them")
        return (
            f" The {names} there now {are} from an earlier export: "
            f"do not file {them} with the others."
        )

    def kept_words(self) -> str:
        """The files left as they were, for the chair who chose to keep them."""
        if not self.existing:
            return ""
        return f"Kept {self._already(self.existing)}: nothing was replaced."

    @property
    def all_replaced(self) -> bool:
        """Whether every file (or whole set of sheets) written was written over one there."""
        return (
            bool(self.replaced)
            and set(self.written) == set(self.replaced)
            and not any(name in self.partly_there for name, _ in self.replaced)
        )

    def replaced_words(self) -> str:
        """The files written over, for the chair who chose to replace them.

        Empty when each file written was one, as :meth:`words` then says: after
        Replace of the sheets alone, they were named twice, once as exported and
        once as replaced.
        """
        if not self.replaced or self.all_replaced:
            return ""
        return f"Replaced {self._already(self.replaced)}."

    def existing_lines(self) -> list[str]:
        """Each file left, and each folder of sheets with whose they are, for the chair."""
        return [
            f"{path} ({self.sheets_there(name)})" if name in FOLDER_FORMATS else str(path)
            for name, path in self.existing
        ]

    def _written_sheets(self, name: str, path: Path) -> str:
        """Sheets written: "the member sheets in the folder ...", or "1 new member sheet ..."
        when the others were there and kept."""
        refused = sum(1 for n, page, _ in self.failed if n == name and page.parent == path)
        if name in self.partly_there and (name, path) not in self.replaced:
            new = counted(
                self.pages[name] - self.partly_there[name] - refused, f"new {PERSON[name]} sheet"
            )
            return f"{new} in the folder {path.name}"
        if refused and name in self.pages:
            all_ = self.pages[name]
            sheets = counted(all_, f"{PERSON[name]} sheet")
            return f"{all_ - refused} of the {sheets} in the folder {path.name}"
        return f"{_sheets_called(name)} in the folder {path.name}"

    def sheets_there(self, name: str) -> str:
        """The sheets of ``name`` that were there: "the member sheets", or "4 of the 5 ..."."""
        if name not in self.partly_there:
            return _sheets_called(name)
        sheets = counted(self.pages[name], f"{PERSON[name]} sheet")
        return f"{self.partly_there[name]} of the {sheets}"

    def _already(self, formats: list[tuple[str, Path]]) -> str:
        """Files and sheets that were there: "1 file already there (x.csv) and the member ..."."""
        files = [path.name for name, path in formats if name in FORMATS]
        said = (
            [f"{counted(len(files), 'file')} already there ({', '.join(files)})"] if files else []
        )
        sheets = [
            f"{self.sheets_there(name)} in the folder {path.name}"
            for name, path in formats
            if name in FOLDER_FORMATS
        ]
        return " and ".join(said + sheets)


def could_not_write(folder: Path, error: OSError) -> str:
    """Why an export into ``folder`` was not written, for the chair, in plain words
    (:func:`.system_words.not_written`; a file held open in another program: close it
    there and export again).

    The place said is the one the system named when it named one (a link in a circle, or
    the sheets' folder leading out of ``folder``), so the chair can find it; else ``folder``.
    """
    return not_written([(_refused_place(folder, error), error)], again="export again")


def _refused_place(place: Path, error: OSError) -> Path:
    """The place the system named in ``error`` when it named one, else ``place``."""
    for name in (error.filename2, error.filename):  # os.replace names the file replaced second
        if isinstance(name, str | bytes | os.PathLike):
            named = Path(os.fsdecode(name))
            # A file still being written has a temporary name, gone now: look in its folder.
            if named.name.startswith(".") and TEMP_MARK in named.name:
                return named.parent
            return named
    return place


def _sheets_called(name: str) -> str:
    """A folder format, as the chair is told of it: "the member sheets"."""
    return f"the {PERSON[name]} sheets"


class PartlyWritten(OSError):
    """The folder or disk refused some of what :func:`write_all`, :func:`write_plan` or
    :func:`write_over` wrote; the rest was written all the same.

    An ``OSError`` worded as the first refusal (``error``), so code that words the
    system's refusals words this one too; ``exported`` is what was written, and
    :attr:`Exported.failed` each refusal (at least one).
    """

    def __init__(self, exported: Exported) -> None:
        error = exported.failed[0][2]
        super().__init__(error.errno, error.strerror, error.filename, None, error.filename2)
        self.error = error
        self.exported = exported
