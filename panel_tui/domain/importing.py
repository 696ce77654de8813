"""Reading a session record: a json export, or a file HR prepared (PRODUCT.md section 7).

An export carries ``results`` too (see :mod:`panel_tui.domain.exports.json_record`);
import ignores them and computes its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from panel_tui.domain.file_text import NotText, no_nul, utf8_text
from panel_tui.domain.models import FROM_ELSEWHERE, Session
from panel_tui.domain.prepare import role_of
from panel_tui.domain.reveals import with_reveal_marks
from panel_tui.domain.session_checks import LEFT_OUT_KINDS
from panel_tui.domain.store import files
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.storage import SESSION_TABLE
from panel_tui.domain.strict_json import JSONProblem, blank, strict_json_loads
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable
from panel_tui.domain.wording import empty_file, problems
from panel_tui.domain.words import counted, first_problems

_FROM_A_SESSIONS_FOLDER = (
    "{name}: is a {file} from a sessions folder, not an export. To take in a session "
    "set aside as damaged: panel-tui sessions recover {name}"
)


class SessionFileError(Exception):
    """A file that cannot be imported, with every reason in plain words."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)
        """Each problem with a value of the file, where there are any (else the message says)."""


#: Which file import and report take, for one given another (a new user gave the csv
#: or the summary); said in words for either command (found by a security tester).
_TAKES = (
    "A session is read from the .json file that 'panel-tui export SESSION --format json' "
    'writes (or the summary screen\'s "Complete record").'
)

#: What to do with an export saved again in another encoding (old Notepad, PowerShell 5).
_SAVE_AS_UTF8 = (
    "save it again as UTF-8 (in Notepad: Save As, then the encoding UTF-8), or export it "
    "again with 'panel-tui export SESSION --format json --output FILE'"
)


def parse_session(raw: bytes, name: str) -> Session:
    """Read a session record (an export, or a file HR prepared).

    Raises:
        SessionFileError: naming the file and each field that is wrong.
    """
    if blank(raw):
        raise SessionFileError(f"{name}: {empty_file('it holds no session.')} {_TAKES}")
    try:
        # Its encoding said before any JSON: found by a tester, an export saved again as
        # UTF-16 (Windows PowerShell 5's ">") was "not a panel-tui json export".
        text = no_nul(utf8_text(raw, save_as=_SAVE_AS_UTF8), kind="a json export")
    except NotText as error:
        where = f"{name}, line {error.line}" if error.line else name
        raise SessionFileError(f"{where}: {error.words}") from None
    try:
        data = strict_json_loads(text)
    except JSONProblem as problem:
        if not problem.line:
            raise SessionFileError(f"{name}: cannot be read: {problem.reason}.") from None
        if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            # A json file, damaged: the right file, so not sent looking for another.
            raise SessionFileError(
                f"{name}, line {problem.line}: the JSON stops making sense here; the file "
                "may have been cut short or edited by hand. Export it again from the "
                "laptop that holds the session."
            ) from None
        # HR may give the csv or the summary: say which file import takes (a new user).
        raise SessionFileError(
            f"{name}, line {problem.line}: does not read as JSON, so it is not a panel-tui "
            f"json export. {_TAKES}"
        ) from None
    if isinstance(data, dict) and SESSION_TABLE in data and "format" not in data:
        # A sessions folder's own file (TinyDB's tables), most likely one set aside.
        raise SessionFileError(_FROM_A_SESSIONS_FOLDER.format(name=name, file="file"))
    if not isinstance(data, dict) or data.get("format") != "panel-tui/session":
        raise SessionFileError(
            f'{name}: is not a panel-tui session (it needs "format": "panel-tui/session").'
        )
    export = data.get("export")
    if isinstance(export, dict) and export.get("totals_only") is True:
        raise SessionFileError(
            f"{name}: is a totals-only export: it holds the totals but no one's votes, so "
            "it cannot be read as a session. Use a json export made without "
            "--totals-only (an anonymised one will do)."
        )
    unknown = _unmarked_votes(data)
    _roles_as_typed_in_a_sheet(data)
    made = data.get("created")
    dated = isinstance(made, str) and bool(made.strip())
    try:
        session = Session.model_validate(data, context=FROM_ELSEWHERE)
    except ValidationError as error:
        found = problems(error, data)
        across = _across_the_rest(data, error)
        found += across or []
        heading = (
            f"{name}: cannot be imported ({counted(len(found), 'problem')}); nothing was changed."
        )
        lines = [heading, *(f"{name}: {p}" for p in first_problems(found))]
        if across is None:
            lines.append(f"{name}: {_MORE_CHECKS}")
        raise SessionFileError("\n".join(lines), found) from None
    return with_reveal_marks(session if dated else _dated_by_first_record(session), unknown)


def _dated_by_first_record(session: Session) -> Session:
    """A file that does not say when it was made, dated by its first record.

    HR's file need not say (PRODUCT.md 7); dated by its import, a session whose
    votes were given on 20 November showed "Made 26 Nov" on the home screen
    (found by a tester). A file with no records is made, here, as it is imported.
    """
    times = session.recorded_times
    return session.model_copy(update={"created": min(times)}) if times else session


_MORE_CHECKS = (
    "once these are put right, the rest of the file is checked: that each vote, note, "
    "reveal and decision names a member, candidate and question the file has."
)


#: Fields no check across records reads, and what stands in for one that does not
#: read while the others are checked (``None``: the field is left out, to its default).
_STAND_INS: dict[str, object] = {
    "id": "stand-in",
    "title": "Stand-in",
    "version": None,
    "mode": None,
    "created": None,
    "finished": None,
    "finishes": None,
    "settings": None,
    "cursor": None,
}


def _across_the_rest(data: dict[str, Any], error: ValidationError) -> list[str] | None:
    """What does not fit across records once those with a field error are left out.

    The checks across records (a vote by a member the panel lacks) run only on a
    session whose every field reads, so HR saw them only after mending the
    fields, and mended the file twice (found in testing). Where every field
    error is in a vote, note, reveal or decision, the others are checked now,
    keeping the file's numbers (a field no such check reads, such as the
    title, has a stand-in); ``None`` where an error leaves too little to
    check (a member, candidate or question that does not read).
    """
    details = error.errors(include_url=False)
    if any(not d["loc"] for d in details):
        return []  # the checks across records ran: every field read
    left_out: dict[str, set[int]] = {}
    rest = dict(data)
    for detail in details:
        kind, place = (*detail["loc"], None, None)[:2]
        if kind in _STAND_INS:
            rest[str(kind)] = _STAND_INS[str(kind)]
        elif kind in LEFT_OUT_KINDS and isinstance(place, int):
            left_out.setdefault(str(kind), set()).add(place)
        else:
            return None
    for kind, out in left_out.items():
        rest[kind] = [r for place, r in enumerate(data[kind]) if place not in out]
    rest = {field: value for field, value in rest.items() if value is not None}
    try:
        Session.model_validate(rest, context={**FROM_ELSEWHERE, "left_out": left_out})
    except ValidationError as again:
        found = problems(again, rest)
        # Only the checks across records: a field error here would be a second report.
        return found if all(not d["loc"] for d in again.errors(include_url=False)) else None
    return []


def _roles_as_typed_in_a_sheet(data: dict[str, Any]) -> None:
    """Each panel member's role read as a panel sheet's is: "lived experience", "Staff".

    HR moving from the csv to a json file wrote the words ``prepare`` had taken
    (found by a new user); anything else is left for the model to refuse.
    """
    panel = data.get("panel")
    for member in panel if isinstance(panel, list) else []:
        if isinstance(member, dict) and isinstance(member.get("role"), str):
            member["role"] = role_of(member["role"]) or member["role"]


def _unmarked_votes(data: dict[str, Any]) -> list[int]:
    """The votes whose file does not say whether they came after the reveal.

    Their ``after_reveal`` key (missing, null or blank) is dropped here and
    worked out from the reveal and vote times once the session is read.
    """
    votes = data.get("votes")
    if not isinstance(votes, list):
        return []
    unknown = []
    for index, vote in enumerate(votes):
        if not isinstance(vote, dict):
            continue
        given = vote.get("after_reveal")
        if given is None or (isinstance(given, str) and not given.strip()):
            vote.pop("after_reveal", None)
            unknown.append(index)
    return unknown


def load_session_file(path: Path) -> Session:
    """Read a session record from a file (a plain file, never a pipe or device).

    Its messages name the file as a terminal shows it (:func:`printable`): they go
    into the reports people read too, where an escape in a file's name would run
    (found by a security tester).
    """
    name = printable(str(path))
    try:
        raw = files.read_regular(path, follow_links=True)
    except files.UnsafeFile as error:  # a pipe would wait for a writer for ever
        raise SessionFileError(f"{name}: cannot be read: {error.reason}.") from None
    except OSError as error:
        raise SessionFileError(f"{name}: cannot be read ({os_reason(error)}).") from None
    if path.suffix == JOURNAL_SUFFIX:
        raise SessionFileError(_FROM_A_SESSIONS_FOLDER.format(name=name, file="record of changes"))
    return parse_session(raw, name)
