"""The two kinds of sheets, a printable page per person, and what they share.

A live round has member sheets (an Easy Read page per member, see :mod:`.sheets`);
a practice round has trainee sheets (a page per trainee, see
:mod:`.trainee_sheets`). :func:`sheets_of` is the one rule that says which a
session has: the summary's Sheets key and ``export --format all`` both follow it.
Each page shows one person's own votes, so neither kind is made for a totals-only
copy; :func:`totals_only_words` says so, for both, in one way.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.models import Session
from panel_tui.domain.store import make_folder, write_atomically

MEMBER_SHEETS = "member-sheets"
TRAINEE_SHEETS = "trainee-sheets"

#: Whose page each kind of sheet is, in the words the sheets are named by.
PERSON: dict[str, str] = {MEMBER_SHEETS: "member", TRAINEE_SHEETS: "trainee"}


class SheetError(Exception):
    """Sheets cannot be made, in plain words."""


class SheetPages(Protocol):
    """Makes one kind of sheet: each page's HTML, by file name."""

    def __call__(
        self, session: Session, options: ExportOptions | None = None
    ) -> dict[str, str]: ...


def sheets_of(session: Session) -> str:
    """The kind of sheets a session has: trainee sheets for a practice round, else member sheets."""
    return TRAINEE_SHEETS if session.mode == "practice" else MEMBER_SHEETS


def totals_only_words(name: str) -> str:
    """Why sheets of this kind are not made for a totals-only copy, in one plain line.

    Said when they are asked for alone (a :class:`SheetError`) and when ``all``
    leaves them out.
    """
    person = PERSON[name]
    return (
        f"{person.capitalize()} sheets were not written: each shows one {person}'s own "
        "votes, and this copy is totals only."
    )


def write_pages(
    pages: Mapping[str, str], folder: Path
) -> tuple[list[Path], list[tuple[Path, OSError]]]:
    """Write each page into ``folder`` (made if missing), replacing one there: the files
    written, and each page the system refused, with why (whether to replace pages
    there is the export plan's to ask, :meth:`.ExportPlan.taken`).

    A page refused does not stop the others: found by a review, seat 1's page held open
    left seats 2 to 5 with last week's pages.

    Raises:
        OSError: the folder cannot be made.
    """
    make_folder(folder)
    paths = [folder / name for name in pages]
    written: list[Path] = []
    refused: list[tuple[Path, OSError]] = []
    for path, text in zip(paths, pages.values(), strict=True):
        try:
            write_atomically(path, text.encode())
        except OSError as error:
            refused.append((path, error))
            continue
        written.append(path)
    return written, refused
