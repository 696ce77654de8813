"""A session from two spreadsheets: the panel and the candidates, as HR keeps them.

The files are CSV as Excel and LibreOffice save them: UTF-8 with or without a
byte-order mark, commas or semicolons, Windows line ends. Columns are found by
their heading (any case, spaces or underscores alike, in any order); other
columns are left alone, so HR's own columns may stay in the sheet.

``panel.csv``: ``name`` (required), ``role`` (required: lived experience,
professional or observer), ``seat`` (1 to 9; left blank, the next free seat in
row order), ``pronouns`` (optional).

``candidates.csv``: ``code`` (required, unique), ``name`` (optional).

Every problem in both files is found before anything is made, each named by
file, line and column; nothing is made unless all is valid.
"""

from __future__ import annotations

import csv
import io
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from panel_tui.domain.models import (
    FROM_ELSEWHERE,
    MAX_SEATS,
    Bank,
    Candidate,
    Member,
    Role,
    Session,
    Settings,
)
from panel_tui.domain.sessions import new_session
from panel_tui.domain.store import files
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import compared, without_invisible
from panel_tui.domain.wording import explain, shown

PANEL_COLUMNS = ("name", "role", "seat", "pronouns")
#: How a panel sheet is laid out, in the words of ``prepare``'s and ``practice``'s help.
PANEL_SHEET = (
    "a header row naming the columns name, role (lived experience, professional or "
    "observer), seat (optional) and pronouns (optional), then one person a line; "
    "other columns are left alone"
)
CANDIDATE_COLUMNS = ("code", "name")
ROLES: dict[str, Role] = {
    "lived_experience": "lived_experience",
    "lived": "lived_experience",
    "professional": "professional",
    "staff": "professional",
    "observer": "observer",
}
ROLE_CHOICES = "lived experience, professional or observer"


@dataclass(frozen=True)
class SheetProblem:
    """One thing wrong in a spreadsheet, with where it is."""

    file: str
    message: str
    line: int | None = None
    column: str | None = None  #: e.g. "column C (role)"

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
    """One row of a sheet: its line and its cells by column name."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet read: its name, rows and where each known column is."""

    name: str
    rows: list[Row]
    letters: dict[str, str]  #: column name -> spreadsheet letter, e.g. "C"

    def column(self, name: str) -> str:
        """``"column C (role)"``: how a person finds the cell."""
        return f"column {self.letters[name]} ({name})" if name in self.letters else name

    def problem(self, row: Row, name: str, message: str) -> SheetProblem:
        """A problem in one cell."""
        return SheetProblem(self.name, message, row.line, self.column(name))


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _key(heading: str) -> str:
    return "_".join(heading.strip().lower().replace("-", " ").replace("_", " ").split())


def _delimiter(first_line: str) -> str:
    """Semicolons where a European Excel used them; tabs; else commas."""
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_sheet(raw: bytes, name: str, columns: Sequence[str], required: Sequence[str]) -> Sheet:
    """Read a CSV spreadsheet's rows by heading.

    Raises:
        PrepareError: the file is not UTF-8 text, is empty, or lacks a column.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PrepareError(
            [
                SheetProblem(
                    name,
                    "is not UTF-8 text; in Excel save it as 'CSV UTF-8 (Comma delimited)', "
                    "in LibreOffice choose the character set 'Unicode (UTF-8)'",
                    line,
                )
            ]
        ) from None
    if not text.strip():
        raise PrepareError([SheetProblem(name, "is empty; it needs a heading row and rows")])
    first = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    header: list[str] | None = None
    rows: list[Row] = []
    letters: dict[str, str] = {}
    header_line = 1
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # a blank row, as spreadsheets leave at the end
            if header is None:
                header = [_key(cell) for cell in cells]
                header_line = reader.line_num
                continue
            named = {
                heading: (cells[i] if i < len(cells) else "")
                for i, heading in enumerate(header)
                if heading in columns
            }
            rows.append(Row(reader.line_num, named))
    except csv.Error as error:
        raise PrepareError([SheetProblem(name, _csv_words(str(error)), reader.line_num)]) from None
    assert header is not None  # the text is not blank, so a row was read
    problems = []
    for twice in sorted({h for h in header if h in columns and header.count(h) > 1}):
        at = " and ".join(_letter(i) for i, h in enumerate(header) if h == twice)
        problems.append(
            SheetProblem(
                name, f"has the heading '{twice}' twice (columns {at}); keep one", header_line
            )
        )
    for wanted in columns:
        if wanted in header:
            letters[wanted] = _letter(header.index(wanted))
    for wanted in required:
        if wanted not in header:
            found = ", ".join(shown(h) or "?" for h in header if h) or "none"
            problems.append(
                SheetProblem(
                    name,
                    f"has no '{wanted}' column; the heading row must name it "
                    f"(the headings found are {found})",
                    header_line,
                )
            )
    if problems:
        raise PrepareError(problems)
    return Sheet(name, rows, letters)


def _csv_words(reason: str) -> str:
    """Why the csv module could not read a line, in the words of someone with a spreadsheet."""
    if "field limit" in reason:
        return "has a cell too long to be a name, role or code; is it the right file?"
    return "cannot be read as a spreadsheet: a cell's quotes may not be closed"


def _model_problems(sheet: Sheet, row: Row, error: ValidationError) -> list[SheetProblem]:
    found = []
    for detail in error.errors(include_url=False):
        location = tuple(detail["loc"])
        column = str(location[0]) if location else ""
        found.append(sheet.problem(row, column, explain(detail)))
    return found


def _seats(sheet: Sheet) -> tuple[dict[int, int | None], list[SheetProblem]]:
    """Each row's seat by line (``None`` where it is wrong), and the problems.

    A blank seat takes the next seat no row asked for, in row order.
    """
    problems: list[SheetProblem] = []
    right = f"must be a whole number from 1 to {MAX_SEATS}"
    taken: dict[int, int] = {}  # seat -> line
    seats: dict[int, int | None] = {}
    for row in sheet.rows:
        typed = row.cells.get("seat", "").strip()
        if not typed:
            continue
        try:
            seat = int(float(typed))
            if seat != float(typed) or not 1 <= seat <= MAX_SEATS:
                raise ValueError
        except ValueError:
            problems.append(sheet.problem(row, "seat", f"{right} (it is {shown(typed)})"))
            seats[row.line] = None
            continue
        if seat in taken:
            problems.append(
                sheet.problem(
                    row,
                    "seat",
                    f"seat {seat} is already given on line {taken[seat]}; "
                    "each member needs their own seat",
                )
            )
            seats[row.line] = None
            continue
        taken[seat] = row.line
        seats[row.line] = seat
    free = iter(s for s in range(1, MAX_SEATS + 1) if s not in taken)
    for row in sheet.rows:
        if row.line not in seats:
            seats[row.line] = next(free, None)
            if seats[row.line] is None:
                full = f"there is no free seat left: a panel has at most {MAX_SEATS}"
                problems.append(sheet.problem(row, "seat", full))
    return seats, problems


def panel_from(sheet: Sheet) -> tuple[list[Member], list[SheetProblem]]:
    """The panel members of a sheet, and every problem with it, row by row."""
    seats, problems = _seats(sheet)
    members: list[Member] = []
    for number, row in enumerate(sheet.rows, start=1):
        typed_role = row.cells.get("role", "")
        role = ROLES.get(_key(typed_role))
        if role is None:
            said = shown(typed_role.strip()) if typed_role.strip() else None
            message = (
                f"must be {ROLE_CHOICES} (it is {said})"
                if said
                else (f"is empty: give {ROLE_CHOICES}")
            )
            problems.append(sheet.problem(row, "role", message))
        seat = seats[row.line]
        data = {
            "id": f"m{number}",
            "name": row.cells.get("name", ""),
            "pronouns": row.cells.get("pronouns"),
            "role": role or "observer",  # checked above; here the other cells are
            "seat": seat or 1,
        }
        try:
            member = Member.model_validate(data, context=FROM_ELSEWHERE)
        except ValidationError as error:
            problems.extend(_model_problems(sheet, row, error))
            continue
        if role is not None and seat is not None:
            members.append(member)
    if not sheet.rows:
        problems.append(SheetProblem(sheet.name, "has no panel members below the heading row"))
    elif not problems and not any(m.can_vote for m in members):
        problems.append(
            SheetProblem(sheet.name, "has no one who votes: every member is an observer")
        )
    return members, sorted(problems, key=lambda p: p.line or 0)


def load_panel(source: Source) -> list[Member]:
    """The panel of one sheet (``panel-tui practice BANK --panel panel.csv`` uses it).

    Raises:
        PrepareError: every problem with the sheet, by file, line and column.
    """
    members, problems = panel_from(read_sheet(*_load(source), PANEL_COLUMNS, ("name", "role")))
    if problems:
        raise PrepareError(problems)
    return members


def candidates_from(sheet: Sheet) -> tuple[list[Candidate], list[SheetProblem]]:
    """The candidates of a sheet, and every problem with it."""
    problems: list[SheetProblem] = []
    seen: dict[str, int] = {}  # code as compared -> line
    candidates: list[Candidate] = []
    for number, row in enumerate(sheet.rows, start=1):
        code = row.cells.get("code", "").strip()
        key = compared(code)  # "c1" and "C1" with a zero-width space are "C1" too
        if key in seen and key:
            problems.append(
                sheet.problem(
                    row,
                    "code",
                    f"the code {shown(without_invisible(code))} is already used on line "
                    f"{seen[key]}; each candidate needs their own code",
                )
            )
            continue
        seen[key] = row.line
        data = {"id": f"c{number}", "code": code, "name": row.cells.get("name")}
        try:
            candidates.append(Candidate.model_validate(data, context=FROM_ELSEWHERE))
        except ValidationError as error:
            problems.extend(_model_problems(sheet, row, error))
    if not sheet.rows:
        problems.append(SheetProblem(sheet.name, "has no candidates below the heading row"))
    return candidates, sorted(problems, key=lambda p: p.line or 0)


#: A sheet: its file, or its bytes with the name messages give it.
Source = Path | tuple[bytes, str]


def prepare_session(
    bank: Bank, panel: Source, candidates: Source, title: str, settings: Settings
) -> Session:
    """A session ready for the chair, from the two sheets.

    Raises:
        PrepareError: every problem in both sheets, by file, line and column.
    """
    problems: list[SheetProblem] = []
    members: list[Member] = []
    people: list[Candidate] = []
    try:
        members, found = panel_from(read_sheet(*_load(panel), PANEL_COLUMNS, ("name", "role")))
        problems += found
    except PrepareError as error:
        problems += error.problems
    try:
        people, found = candidates_from(
            read_sheet(*_load(candidates), CANDIDATE_COLUMNS, ("code",))
        )
        problems += found
    except PrepareError as error:
        problems += error.problems
    if problems:
        raise PrepareError(problems)
    try:
        return new_session(bank, title, members, people, settings)
    except ValidationError as error:
        raise PrepareError(
            [SheetProblem("the session", explain(d)) for d in error.errors(include_url=False)]
        ) from None


def _load(source: Source) -> tuple[bytes, str]:
    """A sheet's bytes and the name messages give it.

    Raises:
        PrepareError: the file cannot be read.
    """
    if not isinstance(source, Path):
        return source
    path = source
    try:
        return files.read_regular(path, follow_links=True), str(path)  # a pipe never hangs
    except OSError as error:
        raise PrepareError(
            [SheetProblem(str(path), f"cannot be read ({os_reason(error)})")]
        ) from None
