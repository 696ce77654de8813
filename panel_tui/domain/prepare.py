"""A session from two spreadsheets: the panel and the candidates, as HR keeps them.

The files are CSV as Excel and LibreOffice save them: UTF-8 with or without a
byte-order mark, commas or semicolons, Windows line ends. Columns are found by
their heading (any case, spaces or underscores alike, in any order); other
columns are left alone, so HR's own columns may stay in the sheet
(:mod:`panel_tui.domain.csv_sheet` reads them).

``panel.csv``: ``name`` (required), ``role`` (required: lived experience,
professional or observer), ``seat`` (1 to 9; left blank, the next free seat in
row order), ``pronouns`` (optional).

``candidates.csv``: ``code`` (required, unique), ``name`` (optional).

Every problem in both files is found before anything is made, each named by
file, line and column; nothing is made unless all is valid.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from panel_tui.domain.csv_sheet import (
    PrepareError,
    Row,
    Sheet,
    SheetProblem,
    heading_key,
    in_order,
    read_sheet,
)
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
from panel_tui.domain.session_checks import repeated_codes
from panel_tui.domain.sessions import new_session
from panel_tui.domain.store import files
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import without_invisible
from panel_tui.domain.wording import explain, shown
from panel_tui.domain.wording import problems as wording_problems  # beside a list of ours

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


def role_of(typed: str) -> Role | None:
    """The role a panel sheet or an HR file means by ``typed``, in any case ("Staff")."""
    return ROLES.get(heading_key(typed))


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
    problems = [*sheet.wide, *problems]
    members: list[Member] = []
    for number, row in enumerate(sheet.rows, start=1):
        typed_role = row.cells.get("role", "")
        role = role_of(typed_role)
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
    if not sheet.rows and not sheet.wide:
        problems.append(SheetProblem(sheet.name, "has no panel members below the heading row"))
    elif not problems and not any(m.can_vote for m in members):
        problems.append(
            SheetProblem(sheet.name, "has no one who votes: every member is an observer")
        )
    return members, in_order(problems)


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
    problems: list[SheetProblem] = list(sheet.wide)
    candidates: list[Candidate] = []
    codes = [row.cells.get("code", "").strip() for row in sheet.rows]
    # "c1" and "C1" with a zero-width space are "C1" too, as everywhere (code_key).
    repeated = repeated_codes(codes)
    for number, (row, code) in enumerate(zip(sheet.rows, codes, strict=True), start=1):
        if number - 1 in repeated:
            problems.append(
                sheet.problem(
                    row,
                    "code",
                    f"the code {shown(without_invisible(code))} is already used on line "
                    f"{sheet.rows[repeated[number - 1]].line}; each candidate needs their own code",
                )
            )
            continue
        data = {"id": f"c{number}", "code": code, "name": row.cells.get("name")}
        try:
            candidates.append(Candidate.model_validate(data, context=FROM_ELSEWHERE))
        except ValidationError as error:
            problems.extend(_model_problems(sheet, row, error))
    if not sheet.rows and not sheet.wide:
        problems.append(SheetProblem(sheet.name, "has no candidates below the heading row"))
    return candidates, in_order(problems)


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
            [SheetProblem("the session", found) for found in wording_problems(error)]
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


__all__ = [
    "CANDIDATE_COLUMNS",
    "PANEL_COLUMNS",
    "PANEL_SHEET",
    "ROLES",
    "ROLE_CHOICES",
    "PrepareError",
    "SheetProblem",
    "candidates_from",
    "load_panel",
    "panel_from",
    "prepare_session",
]
