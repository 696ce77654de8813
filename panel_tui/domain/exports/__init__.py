"""Exports of a session: every format reads its figures from ``scoring``.

``render(session, "csv", options)`` returns the text of one format; ``FORMATS``
lists them with the file extension each is written with:

- ``md`` and ``html``: the panel summary for HR (see :mod:`.documents`).
- ``csv`` and ``votes-csv``: spreadsheet data (see :mod:`.spreadsheets`),
  written with a byte-order mark so spreadsheets read them as UTF-8.
- ``json``: the complete session record (see :mod:`.json_record`), which
  ``import`` reads back (see :mod:`panel_tui.domain.importing`).
- ``involvement-csv``: each member's time, interviews, answers and payment, for
  finance (see :mod:`.involvement_csv`).

``FOLDER_FORMATS`` write a page per person into a folder: ``member-sheets``
(see :mod:`.sheets`) and ``trainee-sheets`` (see :mod:`.trainee_sheets`). ``all``
(:func:`all_formats`) writes every format: each one-file format, and the
session's own kind of sheets (:func:`.sheet_kinds.sheets_of`: trainee sheets for
a practice round, member sheets otherwise) in a folder of their own beside them,
named as the files are (``...-member-sheets``). A totals-only copy leaves the
sheets out and says so (:func:`left_out_of_all`): each shows one person's own
votes. An anonymised copy keeps them, anonymised as every format is.

Which files a choice of formats writes is said once, by :func:`.plan.plan_export`:
``export`` into a folder (``all``, or the sheets: :func:`write_all`) refuses when any
of them is there, and the summary's Export box and Sheets key (:func:`write_plan`)
write the others and ask about those.

Every format but ``json`` shows the session as the room may see it, as the
summary screen does: votes on answers still sealed are left out (and each
says how many answers it leaves out), so a sealed vote never lands in a file
the panel could open, and every figure matches the screen. ``json`` is the
complete record, the backup that ``import`` reads, sealed votes included.

Options apply to every format. ``anonymise`` is done once, on the session,
before any format renders (:func:`.anonymise.anonymised`), so no format can
show a name. ``totals_only`` is honoured by each format; in ``json`` it empties
the ``votes`` event log, leaves out a practice round's agreement per member and
adds ``"export": {"anonymised": ..., "totals_only": true}``. The ``results``
(totals and scores, figured from the full record) are kept, but a voice gap
that would be one member's vote is ``null`` (see :mod:`.privacy`). Importing such a
file gives a session with no votes: it is a report, not a backup.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from panel_tui.domain.exports.anonymise import anonymity_warning
from panel_tui.domain.exports.formats import (
    ALL,
    FOLDER_FORMATS,
    FORMATS,
    Format,
    all_formats,
    as_shown,
    encoded,
    file_name,
    left_out_of_all,
    prepared,
    render,
)
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.places import (
    names_said,
    safe_file_stem,
    sessions_folder_problem,
    within,
)
from panel_tui.domain.exports.plan import ExportPlan, Planned, plan_export
from panel_tui.domain.exports.sheet_kinds import (
    MEMBER_SHEETS,
    PERSON,
    TRAINEE_SHEETS,
    write_pages,
)
from panel_tui.domain.models import Session
from panel_tui.domain.store import make_folder, write_atomically
from panel_tui.domain.store.files import TEMP_MARK, resolved
from panel_tui.domain.system_words import not_written
from panel_tui.domain.words import counted

__all__ = [
    "ALL",
    "FOLDER_FORMATS",
    "FORMATS",
    "MEMBER_SHEETS",
    "TRAINEE_SHEETS",
    "AlreadyThere",
    "ExportOptions",
    "ExportPlan",
    "Exported",
    "Format",
    "PartlyWritten",
    "Planned",
    "all_formats",
    "as_shown",
    "could_not_write",
    "encoded",
    "file_name",
    "left_out_of_all",
    "plan_export",
    "prepared",
    "render",
    "safe_file_stem",
    "sessions_folder_problem",
    "within",
    "write_all",
    "write_over",
    "write_plan",
]


class AlreadyThere(FileExistsError):
    """Files an export into a folder would write are there, so nothing was written.

    Attributes:
        paths: each of them (a page of sheets each), in the order they are written.
    """

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(str(path) for path in paths))
        self.paths = paths


def write_all(plan: ExportPlan, *, overwrite: bool = False) -> Iterator[Path]:
    """Write every file of ``plan``, or none when any is there and ``overwrite`` is false
    (``panel-tui export`` into a folder), yielding each file once it is written (so a disk
    that fails part way leaves them named).

    Raises:
        AlreadyThere: files or pages are there and ``overwrite`` is false (each is
            named; nothing was written).
        PartlyWritten: the folder or disk refused some formats (the others were written).
    """
    taken = plan.taken()
    if taken and not overwrite:
        raise AlreadyThere(taken)
    written: list[tuple[str, Path]] = []
    failed: list[tuple[str, Path, OSError]] = []
    for planned in plan.formats:
        try:
            paths = _write(plan, planned)
        except OSError as error:
            failed.append((planned.name, planned.path, error))
            continue  # the others are written all the same (see write_plan)
        written.append((planned.name, planned.path))
        yield from paths
    if failed:
        exported = Exported(written, [], plan.options, plan.left_out, failed=failed)
        raise PartlyWritten(failed[0][2], exported)


def _write(plan: ExportPlan, planned: Planned) -> list[Path]:
    """Write one format of ``plan``, replacing what is there; returns each file written."""
    # Owner-only, as the sheets' own folder (a parent made for it would not be).
    make_folder(plan.folder)
    if planned.pages is not None:
        return write_pages(planned.pages, planned.path, overwrite=True)
    write_atomically(planned.path, encoded(plan.session, planned.name, plan.options))
    return [planned.path]


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
    #: Sheets some of whose pages (not all) were there: how many were, of how many in all.
    #: The others were written (and the sheets are in ``written`` and ``existing`` both).
    partly_there: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Each format the system refused, with its file and why (the others were written).
    failed: list[tuple[str, Path, OSError]] = field(default_factory=list)

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
            return f"{said} The other files were written."
        return (
            f"{said} The other files were written, except {self._already(self.existing)}, "
            "left unchanged."
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
        if name in self.partly_there and (name, path) not in self.replaced:
            there, all_ = self.partly_there[name]
            return f"{counted(all_ - there, f'new {PERSON[name]} sheet')} in the folder {path.name}"
        return f"{_sheets_called(name)} in the folder {path.name}"

    def sheets_there(self, name: str) -> str:
        """The sheets of ``name`` that were there: "the member sheets", or "4 of the 5 ..."."""
        if name not in self.partly_there:
            return _sheets_called(name)
        there, all_ = self.partly_there[name]
        return f"{there} of the {counted(all_, f'{PERSON[name]} sheet')}"

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


def could_not_write(folder: Path, error: OSError, *, again: str = "export again") -> str:
    """Why an export into ``folder`` was not (all) written, for the chair, in plain words
    (:func:`.system_words.not_written`; ``again`` is the way on, once a file held open
    in another program is closed).

    The place said is the one the system named when it named one (a link in a circle, or
    the sheets' folder leading out of ``folder``), so the chair can find it; else ``folder``.
    """
    return not_written([(_refused_place(folder, error), error)], again=again)


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
    :attr:`Exported.failed` each refusal.
    """

    def __init__(self, error: OSError, exported: Exported) -> None:
        super().__init__(error.errno, error.strerror, error.filename, None, error.filename2)
        self.error = error
        self.exported = exported


def write_plan(plan: ExportPlan, *, overwrite: bool = False) -> Exported:
    """Write each format planned; one with a file already there is left, unless ``overwrite``.

    Raises:
        PartlyWritten: the folder or disk refused some formats (the others were
            written, and it says which were which).
    """
    written: list[tuple[str, Path]] = []
    existing: list[tuple[str, Path]] = []
    partly_there: dict[str, tuple[int, int]] = {}
    failed: list[tuple[str, Path, OSError]] = []

    def so_far() -> Exported:
        return Exported(written, existing, plan.options, plan.left_out, [], partly_there, failed)

    for planned in plan.formats:
        taken = [] if overwrite else planned.taken()
        if taken:
            existing.append((planned.name, planned.path))
        if taken and planned.pages is not None and len(taken) < len(planned.pages):
            # Sheets partly there (a member added since): the pages not there are written.
            partly_there[planned.name] = (len(taken), len(planned.pages))
            planned = planned.without(taken)
        elif taken:
            continue
        try:
            _write(plan, planned)
        except OSError as error:
            # The others are written all the same: found by a tester, a CSV held open in
            # Excel stopped "all" there, and the files after it were never written.
            failed.append((planned.name, planned.path, error))
            continue
        written.append((planned.name, planned.path))
    if failed:
        raise PartlyWritten(failed[0][2], so_far())
    return so_far()


def write_over(plan: ExportPlan, first: Exported) -> Exported:
    """Write the files :func:`write_plan` left in ``first`` because they were there (the chair
    chose to replace them): what both wrote, in the plan's order, and which were replaced.

    Raises:
        PartlyWritten: the folder or disk refused some formats (what both passes wrote
            stays, and it says which were which).
    """
    try:
        again = write_plan(plan.only([name for name, _ in first.existing]), overwrite=True)
    except PartlyWritten as refused:
        raise PartlyWritten(refused.error, _both(plan, first, refused.exported)) from refused.error
    return _both(plan, first, again)


def _both(plan: ExportPlan, first: Exported, again: Exported) -> Exported:
    """What :func:`write_plan` wrote (``first``) and then wrote over (``again``), in order."""
    done = {*first.written, *again.written}
    written = [(p.name, p.path) for p in plan.formats if (p.name, p.path) in done]
    return replace(
        first, written=written, existing=again.existing, replaced=again.written, failed=again.failed
    )
