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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from panel_tui.domain.exports.anonymise import (
    anonymised,
    anonymity_warning,
    anonymous_id,
    without_notes,
)
from panel_tui.domain.exports.documents import html_summary, markdown_summary
from panel_tui.domain.exports.involvement_csv import involvement_csv
from panel_tui.domain.exports.json_record import json_export
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.places import (
    names_said,
    safe_file_stem,
    sessions_folder_problem,
    within,
)
from panel_tui.domain.exports.sheet_kinds import (
    MEMBER_SHEETS,
    PERSON,
    TRAINEE_SHEETS,
    SheetPages,
    sheets_of,
    totals_only_words,
    write_pages,
)
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.exports.spreadsheets import candidates_csv, votes_csv
from panel_tui.domain.exports.trainee_sheets import trainee_pages
from panel_tui.domain.models import Session
from panel_tui.domain.store import make_folder, write_atomically
from panel_tui.domain.words import counted

__all__ = [
    "ALL",
    "FOLDER_FORMATS",
    "FORMATS",
    "MEMBER_SHEETS",
    "TRAINEE_SHEETS",
    "ExportOptions",
    "Exported",
    "Format",
    "all_formats",
    "as_shown",
    "encoded",
    "file_name",
    "left_out_of_all",
    "prepared",
    "render",
    "safe_file_stem",
    "sessions_folder_problem",
    "within",
    "write_all",
    "write_export",
    "write_exports",
    "write_folder_format",
]


@dataclass(frozen=True)
class Format:
    """One export format."""

    extension: str
    render: Callable[[Session, ExportOptions], str]
    #: Whether the text starts with a byte-order mark when written to a file.
    bom: bool = False
    #: Whether the format is the complete record, votes still sealed included.
    complete: bool = False
    #: Added to the file name, so two formats with one extension never clash.
    suffix: str = ""


FORMATS: dict[str, Format] = {
    "md": Format("md", markdown_summary),
    "html": Format("html", html_summary),
    "csv": Format("csv", candidates_csv, bom=True),
    "votes-csv": Format("csv", votes_csv, bom=True, suffix="-votes"),
    "json": Format("json", json_export, complete=True),
    # Complete: it counts the answers each member scored, for payment, and shows no vote.
    "involvement-csv": Format(
        "csv", involvement_csv, bom=True, suffix="-involvement", complete=True
    ),
}


#: Formats that write a page per member or trainee into a folder (``-o DIR``); in
#: ``all``, into a folder of their own. They show the session as the room may see it,
#: as the summaries do.
FOLDER_FORMATS: dict[str, SheetPages] = {
    MEMBER_SHEETS: member_sheets,
    TRAINEE_SHEETS: trainee_pages,
}

#: Every format at once, into a folder.
ALL = "all"


def all_formats(session: Session, options: ExportOptions) -> list[str]:
    """What ``all`` writes: every one-file format, then the session's kind of sheets
    (:func:`.sheet_kinds.sheets_of`), which a totals-only copy leaves out."""
    return [*FORMATS, *([] if options.totals_only else [sheets_of(session)])]


def left_out_of_all(session: Session, options: ExportOptions) -> str:
    """Why ``all`` left the session's sheets out, in one plain line; or ""."""
    return totals_only_words(sheets_of(session)) if options.totals_only else ""


def as_shown(session: Session, options: ExportOptions) -> tuple[Session, ExportOptions]:
    """The session as the room may see it, and options that say how many answers it leaves out."""
    sealed = frozenset(session.sealed_answers())
    if not sealed:
        return session, options
    return session.as_shown(), replace(options, sealed_left_out=sealed)


def prepared(session: Session, options: ExportOptions) -> Session:
    """The session a format renders: anonymised and without notes here, once, when asked."""
    if options.leaves_out_notes:
        session = without_notes(session)
    return anonymised(session) if options.anonymise else session


def render(session: Session, name: str, options: ExportOptions | None = None) -> str:
    """The text of one export format."""
    options = options or ExportOptions()
    chosen = FORMATS[name]
    if not chosen.complete:
        session, options = as_shown(session, options)
    return chosen.render(prepared(session, options), options)


def encoded(session: Session, name: str, options: ExportOptions | None = None) -> bytes:
    """The bytes of one format as written to a file (CSV with a byte-order mark)."""
    bom = "\ufeff" if FORMATS[name].bom else ""
    return (bom + render(session, name, options)).encode()


def file_name(session: Session, name: str, options: ExportOptions | None = None) -> str:
    """The file name an export of this format gets in a folder, safe on any system.

    Options, when given, mark the name (``-anonymised``, ``-totals-only``) so an
    HR folder never confuses a restricted copy with the full one. A folder format
    gets a folder's name: ``2026-11-23-support-worker-a1b2c3-member-sheets``.
    """
    anonymise = options is not None and options.anonymise
    stem = safe_file_stem(anonymous_id(session) if anonymise else session.id)
    if anonymise:
        stem += "-anonymised"
    if options is not None and options.totals_only:
        stem += "-totals-only"
    elif options is not None and options.no_notes:
        stem += "-no-notes"
    if name in FOLDER_FORMATS:
        return f"{stem}-{name}"
    stem += FORMATS[name].suffix
    return f"{stem}.{FORMATS[name].extension}"


def write_all(
    session: Session, folder: Path, options: ExportOptions | None = None, *, overwrite: bool = False
) -> Iterator[Path]:
    """Write what ``all`` writes (:func:`all_formats`) into ``folder``, yielding each file
    once it is written (so a disk that fails part way leaves them named).

    The sheets are made once, their pages checked with the files and then written.

    Raises:
        FileExistsError: files or pages are there and ``overwrite`` is false (each is
            named; nothing was written).
        OSError: the folder or disk refuses.
    """
    options = options or ExportOptions()
    names = all_formats(session, options)
    made = {
        name: FOLDER_FORMATS[name](session, options) for name in names if name in FOLDER_FORMATS
    }
    places = {name: _place(session, name, folder, options) for name in names}
    planned = [
        *(places[name] for name in names if name not in made),
        *(places[name] / page for name, pages in made.items() for page in pages),
    ]
    taken = [str(path) for path in planned if path.exists() or path.is_symlink()]
    if taken and not overwrite:
        raise FileExistsError(", ".join(taken))
    for name in names:
        if name in made:
            yield from _write_sheets(made[name], folder, places[name], overwrite=True)
        else:
            yield write_export(session, name, folder, options, overwrite=True)


def _place(session: Session, name: str, folder: Path, options: ExportOptions | None) -> Path:
    """Where a format goes in ``folder``: its file, or its sheets' own folder."""
    path = folder / file_name(session, name, options)
    # The name is a slug, so this holds; checked because a file must never land elsewhere.
    if path.resolve().parent != folder.resolve():
        raise OSError(f"{path.name} would not be inside {folder}")
    return path


def _write_sheets(
    pages: dict[str, str], folder: Path, path: Path, *, overwrite: bool
) -> list[Path]:
    """The sheets' pages into their folder ``path`` inside ``folder`` (each made if missing)."""
    make_folder(folder)  # owner-only, as the sheets' own folder (a parent made for it would not be)
    try:
        return write_pages(pages, path, overwrite=overwrite)
    except FileExistsError:
        raise FileExistsError(path) from None  # the folder, for the chair to keep or replace


def write_folder_format(
    session: Session,
    name: str,
    folder: Path,
    options: ExportOptions | None = None,
    *,
    overwrite: bool = False,
) -> list[Path]:
    """Write each page of a folder format (member or trainee sheets) into ``folder``.

    Raises:
        SheetError: the sheets cannot be made, in plain words.
        FileExistsError: a page is there and ``overwrite`` is false (nothing written).
        OSError: the folder or disk refuses.
    """
    return write_pages(FOLDER_FORMATS[name](session, options), folder, overwrite=overwrite)


def write_export(
    session: Session,
    name: str,
    folder: Path,
    options: ExportOptions | None = None,
    *,
    overwrite: bool = False,
) -> Path:
    """Write one format into ``folder`` (made if missing), readable by the owner only.

    A folder format (member or trainee sheets) goes into a folder of its own inside
    ``folder``: that folder is returned.

    Raises:
        SheetError: the sheets cannot be made (totals only): nothing is written.
        FileExistsError: the file (or a page of the sheets) is there and ``overwrite`` is false.
        OSError: the folder or disk refuses.
    """
    path = _place(session, name, folder, options)
    if name in FOLDER_FORMATS:
        pages = FOLDER_FORMATS[name](session, options)  # refused before a folder is made
        _write_sheets(pages, folder, path, overwrite=overwrite)
        return path
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    make_folder(folder)
    write_atomically(path, encoded(session, name, options))
    return path


@dataclass(frozen=True)
class Exported:
    """What :func:`write_exports` did."""

    written: list[tuple[str, Path]]  #: each format written, with its file (sheets: folder)
    existing: list[tuple[str, Path]]  #: each format left because its file is there
    options: ExportOptions = field(default_factory=ExportOptions)  #: how they were written

    def words(self, session: Session) -> str:
        """What was written, for the chair; warns when a file holds votes still sealed."""
        if not self.written:
            return ""
        folder = self.written[0][1].parent.resolve()
        files = [path.name for name, path in self.written if name in FORMATS]
        parts = [names_said(files)] if files else []
        parts += self._sheets(self.written)
        message = f"Exported to the folder {folder}: {', and '.join(parts)}"
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

    def kept_words(self) -> str:
        """The files left as they were, for the chair who chose to keep them."""
        if not self.existing:
            return ""
        files = [path.name for name, path in self.existing if name in FORMATS]
        kept = (
            [f"{counted(len(files), 'file')} already there ({', '.join(files)})"] if files else []
        )
        kept += self._sheets(self.existing)
        return f"Kept {' and '.join(kept)}: nothing was replaced."

    def existing_lines(self) -> list[str]:
        """Each file left, and each folder of sheets with whose they are, for the chair."""
        return [
            f"{path} ({_sheets_called(name)})" if name in FOLDER_FORMATS else str(path)
            for name, path in self.existing
        ]

    @staticmethod
    def _sheets(formats: list[tuple[str, Path]]) -> list[str]:
        """The folders of the sheets among ``formats``: "the member sheets in the folder ..."."""
        return [
            f"{_sheets_called(name)} in the folder {path.name}"
            for name, path in formats
            if name in FOLDER_FORMATS
        ]


def _sheets_called(name: str) -> str:
    """A folder format, as the chair is told of it: "the member sheets"."""
    return f"the {PERSON[name]} sheets"


def write_exports(
    session: Session,
    names: Sequence[str],
    folder: Path,
    options: ExportOptions | None = None,
    *,
    overwrite: bool = False,
) -> Exported:
    """Write each format into ``folder``; one whose file is there is left, unless ``overwrite``.

    Raises:
        SheetError: sheets were asked for in a totals-only copy (the files written before stay).
        OSError: the folder or disk refuses (the files written before stay).
    """
    written: list[tuple[str, Path]] = []
    existing: list[tuple[str, Path]] = []
    for name in names:
        try:
            written.append(
                (name, write_export(session, name, folder, options, overwrite=overwrite))
            )
        except FileExistsError as error:
            existing.append((name, Path(str(error.args[0]))))
    return Exported(written, existing, options or ExportOptions())
