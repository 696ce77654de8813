"""The export formats: how each renders, and the name each is written under.

The package's own docstring (:mod:`panel_tui.domain.exports`) says what each
format holds; :mod:`.plan` says which files a choice of them writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from panel_tui.domain.exports.anonymise import anonymised, anonymous_id, without_notes
from panel_tui.domain.exports.documents import html_summary, markdown_summary
from panel_tui.domain.exports.involvement_csv import involvement_csv
from panel_tui.domain.exports.json_record import json_export
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.places import safe_file_stem
from panel_tui.domain.exports.sheet_kinds import (
    MEMBER_SHEETS,
    TRAINEE_SHEETS,
    SheetPages,
    sheets_of,
    totals_only_words,
)
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.exports.spreadsheets import candidates_csv, votes_csv
from panel_tui.domain.exports.trainee_sheets import trainee_pages
from panel_tui.domain.finishes import finish_history
from panel_tui.domain.models import Session


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
    """The session as the room may see it, and options that say how many answers it leaves out
    and what was changed after it was reopened (of the whole session, notes included)."""
    options = replace(options, finish_history=finish_history(session))
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
