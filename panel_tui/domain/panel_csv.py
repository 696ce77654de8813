"""A panel read from a CSV file: a row per member with ``name``, ``pronouns``, ``role``, ``seat``.

Trainers (``panel-tui practice BANK --panel panel.csv``) and HR type the panel
in a spreadsheet. Column names are matched ignoring case and spaces; ``pronouns``
may be empty or left out; ``role`` takes ``lived experience``,
``professional`` or ``observer`` (also with an underscore, in any case); a
missing ``seat`` gives the next free one. Every problem names the file, the
line and the column, in plain words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from panel_tui.domain.models import MAX_SEATS, Member, Role

COLUMNS = ("name", "pronouns", "role", "seat")
ROLES: dict[str, Role] = {
    "lived experience": "lived_experience",
    "lived_experience": "lived_experience",
    "lived-experience": "lived_experience",
    "professional": "professional",
    "staff": "professional",
    "observer": "observer",
}


class PanelFileError(Exception):
    """A panel file that cannot be used, with every problem in plain words."""


def _key(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold()


def parse_panel(text: str, name: str) -> list[Member]:
    """The members in the CSV text of a file called ``name``.

    Raises:
        PanelFileError: naming the file, line and column of each problem.
    """
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise PanelFileError(
            f"{name}: is empty; it needs a header line: name,pronouns,role,seat"
        ) from None
    columns = {_key(h): n for n, h in enumerate(header)}
    missing = [c for c in ("name", "role") if c not in columns]
    if missing:
        raise PanelFileError(
            f"{name}, line 1: the header has no {' or '.join(missing)} column "
            "(it needs name, pronouns, role and seat)."
        )
    problems: list[str] = []
    rows: list[tuple[int, dict[str, str]]] = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        cells = {c: (row[n].strip() if n < len(row) else "") for c, n in columns.items()}
        rows.append((reader.line_num, cells))
    taken = {cells.get("seat", "") for _, cells in rows}
    members: list[Member] = []
    seats: dict[int, int] = {}
    for line, cells in rows:
        where = f"{name}, line {line}"
        role = ROLES.get(_key(cells["role"]))
        if role is None:
            problems.append(
                f"{where}, role: {cells['role']!r} is not a role; use lived experience, "
                "professional or observer."
            )
            continue
        seat_text = cells.get("seat", "")
        if not seat_text:
            free = [n for n in range(1, MAX_SEATS + 1) if str(n) not in taken and n not in seats]
            seat_text = str(free[0]) if free else ""
        if not seat_text.isdigit() or not 1 <= int(seat_text) <= MAX_SEATS:
            problems.append(f"{where}, seat: give a seat number from 1 to {MAX_SEATS}.")
            continue
        seat = int(seat_text)
        if seat in seats:
            problems.append(f"{where}, seat: seat {seat} is already taken on line {seats[seat]}.")
            continue
        seats[seat] = line
        try:
            members.append(
                Member(
                    id=f"m{len(members) + 1}",
                    name=cells["name"],
                    pronouns=cells.get("pronouns") or None,
                    role=role,
                    seat=seat,
                )
            )
        except ValidationError as error:
            detail = error.errors(include_url=False)[0]
            field = str(detail["loc"][0]) if detail["loc"] else "name"
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "string_too_short":
                message = "is empty: type it in"
            problems.append(f"{where}, {field}: {message}.")
    if len(rows) > MAX_SEATS:
        problems.append(f"{name}: {len(rows)} members, but a panel has at most {MAX_SEATS} seats.")
    if problems:
        raise PanelFileError("\n".join(problems))
    if not members:
        raise PanelFileError(f"{name}: has no members below its header line.")
    return members


def load_panel(path: Path) -> list[Member]:
    """The members in a panel CSV file (UTF-8, with or without a byte-order mark).

    Raises:
        PanelFileError: the file cannot be read or holds problems.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PanelFileError(f"{path}: cannot be read ({error.strerror or error}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PanelFileError(
            f"{path}: is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'."
        ) from None
    return parse_panel(text, str(path))


def panel_rows(members: Sequence[Member]) -> list[tuple[str, str, Role, str]]:
    """(name, pronouns, role, seat) of each member, as a form shows them."""
    return [(m.name, m.pronouns or "", m.role, str(m.seat)) for m in members]
