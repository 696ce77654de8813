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

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from panel_tui.domain.exports.exported import Exported, PartlyWritten, could_not_write
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
    safe_file_stem,
    sessions_folder_problem,
    within,
)
from panel_tui.domain.exports.plan import ExportPlan, Planned, plan_export
from panel_tui.domain.exports.sheet_kinds import (
    MEMBER_SHEETS,
    TRAINEE_SHEETS,
    write_pages,
)
from panel_tui.domain.store import make_folder, write_atomically
from panel_tui.domain.words import listed

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
    "FolderInTheWay",
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


class FolderInTheWay(IsADirectoryError):
    """A folder is where a file an export writes goes, so nothing was written: no export
    replaces a folder, whatever it is told.

    Attributes:
        paths: each of them, in the order they are written.
    """

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(str(path) for path in paths))
        self.paths = paths

    def words(self, instead: str) -> str:
        """What is in the way, and the ways on: move it, or ``instead`` (another folder).

        Found by a tester: a folder named as the CSV was said to "already exist", with
        "Add --force to replace it", when --force cannot replace a folder.
        """
        one = len(self.paths) == 1
        named = listed([str(path) for path in self.paths])
        is_, it = ("is a folder", "it") if one else ("are folders", "them")
        return (
            f"{named} {is_}, which an export never replaces, so nothing was written. "
            f"Move {it}, or {instead}."
        )


def _check_no_folder_in_the_way(plan: ExportPlan) -> None:
    """Raises :class:`FolderInTheWay` when a folder is where a file of ``plan`` goes."""
    if blocked := plan.folders_in_the_way():
        raise FolderInTheWay(blocked)


def write_all(plan: ExportPlan, *, overwrite: bool = False) -> Iterator[Path]:
    """Write every file of ``plan``, or none when any is there and ``overwrite`` is false
    (``panel-tui export`` into a folder), yielding each file once it is written (so a disk
    that fails part way leaves them named).

    Raises:
        FolderInTheWay: a folder is where a file goes (nothing was written).
        AlreadyThere: files or pages are there and ``overwrite`` is false (each is
            named; nothing was written).
        PartlyWritten: the folder or disk refused some formats (the others were written).
    """
    _check_no_folder_in_the_way(plan)  # before those there: --force cannot help
    taken = plan.taken()
    if taken and not overwrite:
        raise AlreadyThere(taken)
    written: list[tuple[str, Path]] = []
    failed: list[tuple[str, Path, OSError]] = []
    for planned in plan.formats:
        # The others are written all the same (see write_plan), a page of sheets too.
        paths, refused = _write(plan, planned)
        failed += refused
        if paths:
            written.append((planned.name, planned.path))
        yield from paths
    if failed:
        raise PartlyWritten(Exported(written, [], plan.options, plan.left_out, failed=failed))


def _write(
    plan: ExportPlan, planned: Planned
) -> tuple[list[Path], list[tuple[str, Path, OSError]]]:
    """Write one format of ``plan``, replacing what is there: each file written, and each
    the system refused, with its format and why (a page of sheets refused leaves the
    others written), as :attr:`Exported.failed` holds them."""
    try:
        # Owner-only, as the sheets' own folder (a parent made for it would not be).
        make_folder(plan.folder)
        if planned.pages is not None:
            paths, refused = write_pages(planned.pages, planned.path)
            return paths, [(planned.name, path, error) for path, error in refused]
        write_atomically(planned.path, encoded(plan.session, planned.name, plan.options))
    except OSError as error:
        return [], [(planned.name, planned.path, error)]
    return [planned.path], []


def _pages(plan: ExportPlan) -> dict[str, int]:
    """How many pages each of the plan's sheets has."""
    return {p.name: len(p.pages) for p in plan.formats if p.pages is not None}


def write_plan(plan: ExportPlan, *, overwrite: bool = False) -> Exported:
    """Write each format planned; one with a file already there is left, unless ``overwrite``.

    Raises:
        FolderInTheWay: a folder is where a file goes (nothing was written).
        PartlyWritten: the folder or disk refused some formats (the others were
            written, and it says which were which).
    """
    _check_no_folder_in_the_way(plan)
    written: list[tuple[str, Path]] = []
    existing: list[tuple[str, Path]] = []
    partly_there: dict[str, int] = {}
    failed: list[tuple[str, Path, OSError]] = []

    def so_far() -> Exported:
        return Exported(
            written, existing, plan.options, plan.left_out, [], partly_there, failed, _pages(plan)
        )

    for planned in plan.formats:
        taken = [] if overwrite else planned.taken()
        if taken:
            existing.append((planned.name, planned.path))
        if taken and planned.pages is not None and len(taken) < len(planned.pages):
            # Sheets partly there (a member added since): the pages not there are written.
            partly_there[planned.name] = len(taken)
            planned = planned.without(taken)
        elif taken:
            continue
        # The others are written all the same: found by a tester, a CSV held open in
        # Excel stopped "all" there, and the files after it were never written.
        paths, refused = _write(plan, planned)
        failed += refused
        if paths:
            written.append((planned.name, planned.path))
    if failed:
        raise PartlyWritten(so_far())
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
        raise PartlyWritten(_both(plan, first, refused.exported)) from refused.error
    return _both(plan, first, again)


def _both(plan: ExportPlan, first: Exported, again: Exported) -> Exported:
    """What :func:`write_plan` wrote (``first``) and then wrote over (``again``), in order."""
    done = {*first.written, *again.written}
    written = [(p.name, p.path) for p in plan.formats if (p.name, p.path) in done]
    return replace(
        first, written=written, existing=again.existing, replaced=again.written, failed=again.failed
    )
