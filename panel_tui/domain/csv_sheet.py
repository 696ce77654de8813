"""A CSV spreadsheet read by its heading row, each problem named by file, line and column.

As Excel and LibreOffice save them: UTF-8 with or without a byte-order mark,
commas, semicolons or tabs, Windows line ends. A first line such as ``sep=;``
(Excel's own, written by European Excels and HR systems) names the separator;
it is not the heading row, and the lines keep the numbers a person sees.
Columns are found by their heading (any case, spaces or underscores alike, in
any order); other columns are left alone. :mod:`panel_tui.domain.prepare` makes
a panel and candidates from the rows.
"""

from __future__ import annotations

import codecs
import csv
import io
import string
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from panel_tui.domain.csv_separator import (
    SEPARATOR_NAMES,
    delimiter_of,
    sep_text,
    separator_line,
    separator_name,
    unusable_separator_line,
)
from panel_tui.domain.file_text import NotText, no_nul, utf8_text
from panel_tui.domain.records import SESSION_FORMAT
from panel_tui.domain.wording import empty_file, shown
from panel_tui.domain.words import first_of


@dataclass(frozen=True)
class SheetProblem:
    """One thing wrong in a spreadsheet, with where it is."""

    file: str
    message: str
    line: int | None = None
    column: str | None = None  #: e.g. "column C (role)"
    position: int = -1  #: the column's place in the sheet (0: A), for the order of a row's

    def __str__(self) -> str:
        place = ", ".join(
            part for part in (self.file, self.line and f"line {self.line}", self.column) if part
        )
        return f"{place}: {self.message}"


class PrepareError(Exception):
    """The spreadsheets cannot make a session; ``problems`` holds every reason."""

    def __init__(self, problems: Sequence[SheetProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Row:
    """One row of a sheet: its line (the row's number in a spreadsheet) and its cells."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet read: its name, rows and where each known column is."""

    name: str
    rows: list[Row]
    places: dict[str, int]  #: column name -> its place in the sheet (0: column A)
    #: Rows with text past the last heading, left out of ``rows``: their cells may have
    #: moved along (a comma outside quote marks), so only this is said of them.
    wide: list[SheetProblem] = field(default_factory=list)

    def column(self, name: str) -> str:
        """``"column C (role)"``: how a person finds the cell."""
        return f"column {_letter(self.places[name])} ({name})" if name in self.places else name

    def problem(self, row: Row, name: str, message: str) -> SheetProblem:
        """A problem in one cell."""
        place = self.places.get(name, -1)
        return SheetProblem(self.name, message, row.line, self.column(name), place)


def in_order(problems: Sequence[SheetProblem]) -> list[SheetProblem]:
    """Problems as a person works down a sheet: the whole sheet's, then by line, and a
    row's by column (found by a tester: column C came before column B)."""
    return sorted(problems, key=lambda p: (p.line or 0, p.position))


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def heading_key(heading: str) -> str:
    """A heading or a typed word as looked up: any case, spaces, hyphens or underscores alike."""
    return "_".join(heading.strip().lower().replace("-", " ").replace("_", " ").split())


#: How a zip file begins: .xlsx and LibreOffice's .ods are zips, and so is a .docx.
ZIP_START = b"PK\x03\x04"
#: How Excel 97's .xls begins (and Word 97's .doc, which nobody gives for a list).
OLD_WORKBOOK_START = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS_CSV = (
    "in Excel choose File, Save As, and the type 'CSV UTF-8 (Comma delimited)' "
    "(in LibreOffice, 'Text CSV')"
)
_SAVE_AS_UTF8 = (
    "in Excel save it as 'CSV UTF-8 (Comma delimited)', in LibreOffice choose the "
    "character set 'Unicode (UTF-8)'"
)
WORKBOOK = f"is a workbook, not a CSV file; {SAVE_AS_CSV}"
DOCUMENT = (
    "is a document or a zip file, not a CSV file; put the list in a spreadsheet, then "
    + SAVE_AS_CSV
)


#: A session's json export, given for a list (found by a tester: its 693 "headings").
JSON_EXPORT = (
    "is a panel-tui json export, not a CSV file; prepare makes a session from a panel "
    "and a candidates list saved as CSV files, and 'panel-tui import' takes in an export"
)


def _not_csv(raw: bytes) -> str | None:
    """What a workbook, document or export given for a CSV file is, or ``None``."""
    start = raw.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"{") and f'"{SESSION_FORMAT}"'.encode() in start:
        return JSON_EXPORT
    if raw.startswith(OLD_WORKBOOK_START):
        return WORKBOOK
    if not raw.startswith(ZIP_START):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as packed:
            names = packed.namelist()
            small = "mimetype" in names and packed.getinfo("mimetype").file_size < 100
            kind = packed.read("mimetype") if small else b""
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return WORKBOOK  # a damaged zip: most likely the workbook it looks like
    # Excel keeps its sheets under xl/; LibreOffice names its kind of document.
    spreadsheet = b"spreadsheet" in kind or any(name.startswith("xl/") for name in names)
    return WORKBOOK if spreadsheet else DOCUMENT


def read_sheet(raw: bytes, name: str, columns: Sequence[str], required: Sequence[str]) -> Sheet:
    """Read a CSV spreadsheet's rows by heading.

    Raises:
        PrepareError: the file is a workbook or document, is not UTF-8 text, is empty, or
            lacks a column.
    """
    not_csv = _not_csv(raw)
    if not_csv:
        raise PrepareError([SheetProblem(name, not_csv)])
    try:
        text = no_nul(utf8_text(raw, save_as=_SAVE_AS_UTF8), kind="a CSV file")
    except NotText as error:
        line = _row_at(error.before) if error.line else None  # as a spreadsheet numbers rows
        raise PrepareError([SheetProblem(name, error.words, line)]) from None
    if not text.strip():
        raise PrepareError([SheetProblem(name, empty_file("it needs a heading row and rows"))])
    if unusable := unusable_separator_line(text):
        line, message = unusable
        raise PrepareError([SheetProblem(name, message, line)])
    delimiter = delimiter_of(text)
    sep_named = separator_line(text)
    if opened := _unclosed_quote(text, delimiter):
        raise PrepareError([SheetProblem(name, UNCLOSED_QUOTE, opened)])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    typed_header: list[str] = []
    rows: list[Row] = []
    places: dict[str, int] = {}
    header_line = 1
    named_width = 0  #: columns up to the last heading with a name
    wide: list[SheetProblem] = []  #: rows with cells past the last heading
    # Rows are numbered as a spreadsheet numbers them, not by lines of text: a
    # cell with a line break in it (Alt+Enter in Excel) stays in its one row, and
    # the rows after it keep their numbers (found by a tester).
    number = 0
    sep_line = 0  #: the line of a "sep=;" line, kept so later lines keep their numbers
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue  # a blank row, as spreadsheets leave at the end
            if sep_named and not sep_line:
                sep_line = number  # Excel's "sep=;": the separator, not the heading row
                continue
            if header is None:
                typed_header = [cell.strip() for cell in cells]
                header = [heading_key(cell) for cell in cells]
                header_line = number
                named_width = max((i + 1 for i, h in enumerate(typed_header) if h), default=0)
                continue
            if any(cell.strip() for cell in cells[named_width:]):
                wide.append(
                    SheetProblem(name, _past_headings(cells, named_width, delimiter), number)
                )
                continue
            named = {
                heading: (cells[i] if i < len(cells) else "")
                for i, heading in enumerate(header)
                if heading in columns
            }
            rows.append(Row(number, named))
    except csv.Error as error:
        raise PrepareError([SheetProblem(name, _csv_words(str(error)), number + 1)]) from None
    if header is None:  # nothing but the "sep=;" line
        raise PrepareError(
            [
                SheetProblem(
                    name,
                    "has only the line naming its separator (sep=); "
                    "it needs a heading row and rows",
                )
            ]
        )
    problems: list[SheetProblem] = []
    for twice in sorted({h for h in header if h in columns and header.count(h) > 1}):
        at = " and ".join(_letter(i) for i, h in enumerate(header) if h == twice)
        problems.append(
            SheetProblem(
                name,
                f"has the heading '{typed_header[header.index(twice)]}' twice (columns {at}); "
                "keep one",
                header_line,
            )
        )
    for wanted in columns:
        if wanted in header:
            places[wanted] = header.index(wanted)
    missing = [wanted for wanted in required if wanted not in header]
    if missing and (wrong := _wrong_separator(typed_header, delimiter, sep_line)):
        raise PrepareError([SheetProblem(name, wrong, header_line)])
    if missing:
        problems.append(SheetProblem(name, _no_columns(missing, typed_header), header_line))
    if problems:  # a heading row at fault makes rows look too wide: it is said alone
        raise PrepareError(problems)
    # A row too wide is said with the other rows' problems, not alone (found by a
    # tester: a note typed past the last column hid four mistakes in other rows).
    return Sheet(name, rows, places, wide)


#: Headings quoted when a column is missing, and how much of each (found by a tester:
#: a json export given as the panel quoted 693 "headings", 16,000 characters, twice).
_HEADINGS_SHOWN = 6


def _no_columns(missing: Sequence[str], headings: Sequence[str]) -> str:
    """The columns a sheet lacks, said together, with the first of the headings it has."""
    named = " or ".join(f"'{wanted}'" for wanted in missing)
    found = first_of([shown(h) or "?" for h in headings if h], _HEADINGS_SHOWN)
    return (
        f"has no {named} column; the heading row (the first row that is not empty) must "
        f"name {'it' if len(missing) == 1 else 'them'}; its headings are {found}"
    )


def _wrong_separator(headings: Sequence[str], delimiter: str, sep_line: int) -> str | None:
    """The heading row read as one cell holding another separator, said as such.

    Found by a tester: a first line ``sep=,`` over a sheet of semicolons was
    refused for want of each column in turn, its headings quoted as one.
    """
    typed = [heading for heading in headings if heading]
    if len(typed) != 1:
        return None
    others = [d for d in SEPARATOR_NAMES if d != delimiter and d in typed[0]]
    if not others:
        return None
    other = max(others, key=typed[0].count)
    row = f"the heading row {quoted}" if (quoted := shown(typed[0])) else "the heading row"
    found = f"{row} has {separator_name(other, plural=True)} between its headings"
    if sep_line:
        return (
            f"{found}, but line {sep_line}, {sep_text(delimiter)}, says the cells are "
            f"separated by {separator_name(delimiter, plural=True)}; change that line to "
            f"{sep_text(other)}, or delete it"
        )
    return (
        f"{found}, but its first line has {separator_name(delimiter, plural=True)}, so they "
        f"were expected; {SAVE_AS_CSV}"
    )


UNCLOSED_QUOTE = (
    'opens a quote mark (") in a cell and never closes it, so every line after it would '
    "read as that one cell; close the quote or remove it"
)


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """The row (as a spreadsheet numbers it) whose quote mark is never closed, if one is.

    Python's csv module would read the rest of the sheet into that cell, so
    such a row is always the last one read: only that row is read again
    strictly (a quirk earlier in the sheet, such as a space after a closing
    quote, is not its business).
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    started = last = 1
    number = 0
    try:
        for _ in reader:
            number += 1
            last, started = started, reader.line_num + 1
    except csv.Error:
        return None  # another fault (a cell too long): the reading itself says it
    lines = io.StringIO(text, newline="").readlines()  # split as the reader splits them
    row = "".join(lines[last - 1 :])
    try:
        list(csv.reader(io.StringIO(row, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        return number if "unexpected end of data" in str(error) else None
    return None


def _row_at(before: str) -> int:
    """The row (as a spreadsheet numbers it) that the text ``before`` ends in."""
    rows = csv.reader(io.StringIO(before + "x", newline=""), delimiter=delimiter_of(before))
    return sum(1 for _ in rows)


def _past_headings(cells: Sequence[str], named: int, delimiter: str) -> str:
    """A row with text past the last heading, which would be dropped without a word.

    Most often a cell split at a comma outside quote marks (found by a tester: an
    unquoted formula lost its second half); the columns after the last heading
    count, empty headings too, as a spreadsheet saved again leaves them.
    """
    used = max(i + 1 for i, cell in enumerate(cells) if cell.strip())
    mark = separator_name(delimiter)
    return (
        f"has text in column {_letter(used - 1)}, past the last heading (column "
        f"{_letter(named - 1) if named else 'none'}); a name or note with a {mark} in it "
        "needs quote marks around it, or give that column a heading"
    )


def _csv_words(reason: str) -> str:
    """Why the csv module could not read a line, in the words of someone with a spreadsheet."""
    if "field limit" in reason:
        return "has a cell too long to be a name, role or code; is it the right file?"
    return "cannot be read as a spreadsheet: a cell's quotes may not be closed"
