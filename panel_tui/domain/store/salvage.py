"""Reading back a damaged session: every change that still reads, and what may be missing.

A session is set aside in ``damaged/`` when a change in the middle of its
journal no longer reads (:mod:`folder`), and nothing there is ever mended. Its
snapshot and the other changes usually still read: :func:`read_back` replays
every change that checks and leaves out what does not, so that
``panel-tui sessions recover`` (or the home screen's button) can save the
session again and say what to check.

What is left out cannot always be told. Votes, notes, reveals and decisions are
numbered as they were recorded and never change once written, so one left out
from the middle shows as a gap in their numbers; one at the end leaves none,
and a stretch of damage may hold several changes. So counts are said as "at
least", and the answers either side of a gap in the votes are named and given
a note in the session itself, for HR's record too. A vote that undid another
names it by its place in the list of votes; those places are renumbered across
the gaps.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from panel_tui.domain.models import Session, now
from panel_tui.domain.records import Decision, Note, Reveal, VoteEvent
from panel_tui.domain.store import files, journal, storage
from panel_tui.domain.store.errors import StoreError
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.journaled import META_TABLE, apply, journal_path, token_of
from panel_tui.domain.store.storage import (
    DOC_ID,
    EVENT_TABLES,
    SESSION_TABLE,
    DamagedData,
    NotASession,
    session_from_tables,
)
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable
from panel_tui.domain.words import counted, day_words, holds_words, listed

DAMAGED_FOLDER = "damaged"
"""Where, in the sessions folder, a damaged session's files are set aside."""


class Event(NamedTuple):
    """What an event table's documents must be, and what one and many are called."""

    model: type[BaseModel]
    one: str
    many: str


EVENTS = {
    "votes": Event(VoteEvent, "vote, change of vote or undo", "votes, changes of vote or undos"),
    "notes": Event(Note, "note", "notes"),
    "reveals": Event(Reveal, "record of votes shown early", "records of votes shown early"),
    "decisions": Event(Decision, "decision", "decisions"),
}


@dataclass(frozen=True)
class ReadBack:
    """A damaged session as far as it still reads, and what could not be read."""

    session: Session
    replayed: int
    """Changes in the journal read back and replayed."""
    unreadable: int = 0
    """Stretches of the journal that no longer read as written (each one change or more)."""
    torn: bool = False
    """The journal's last change did not read (cut short by a crash, or damaged)."""
    senseless: int = 0
    """Changes that read but make no sense on the session."""
    unfitting: int = 0
    """Changes that read but no longer fit the session without what was left out."""
    unmatched: int = 0
    """Changes not replayed: the journal's first record, naming the session file
    it belongs to, no longer reads."""
    no_journal: bool = False
    """No journal was beside the snapshot, so changes saved in one are not here."""
    missing: dict[str, int] = field(default_factory=dict)
    """For votes, notes, reveals and decisions: how many at least are missing."""
    near: tuple[tuple[str, str], ...] = ()
    """The answers (candidate, question) of the votes either side of what is missing."""

    @property
    def left_out(self) -> bool:
        """Whether anything saved may be missing from the session read back."""
        return bool(
            self.unreadable
            or self.torn
            or self.senseless
            or self.unfitting
            or self.unmatched
            or self.no_journal
        )

    def words(self, copy: Path) -> list[str]:
        """What was read back from ``copy`` and what was left out, in sentences for HR."""
        session = self.session
        said = [
            printable(f"Recovered {session.id} ({session.title}) from {copy}: ")
            + f"{holds_words(session)}."
        ]
        if self.no_journal:
            said.append(
                f"No record of changes ({copy.stem}{JOURNAL_SUFFIX}) was beside it, so only "
                "what the session file itself holds was read back. Keep the two files together."
            )
        if not self.left_out:
            return [*said, "Every change saved in it was read back."]
        parts = []
        if self.unreadable:
            reads = "reads" if self.unreadable == 1 else "read"
            parts.append(
                f"{counted(self.unreadable, 'part')} of its record of changes no longer "
                f"{reads} as written"
            )
        if self.torn:
            parts.append("its last change did not read back (cut short, or damaged)")
        if self.senseless:
            parts.append(f"{counted(self.senseless, 'change')} made no sense")
        if self.unfitting:
            parts.append(f"{counted(self.unfitting, 'later change')} no longer fitted without them")
        if self.unmatched:
            parts.append(
                f"{counted(self.unmatched, 'change')} could not be matched to the session file, "
                "as the start of its record of changes no longer reads"
            )
        if parts:
            said.append(
                f"{counted(self.replayed, 'change')} read back. Left out: {'; '.join(parts)}."
            )
        missing = [
            counted(count, EVENTS[name].one, EVENTS[name].many)
            for name, count in self.missing.items()
        ]
        if missing:
            said.append(f"Missing as a result: at least {listed(missing)}.")
        if self.near:
            answers = listed([session.answer_name(*answer) for answer in self.near])
            said.append(
                f"The votes either side of what is missing were on {answers}; each has a note "
                "saying so. A lost undo can make a withdrawn vote count again, and show "
                "votes that were still sealed: check those answers with the panel."
            )
        said.append("Look over its summary before you rely on it. The damaged copy is kept.")
        return said


def read_back(path: Path, read: Callable[[Path], bytes] = files.read_regular) -> ReadBack:
    """Read a session's snapshot and every change in its journal that still reads.

    Args:
        path: the snapshot (``.json``) or its journal (``.journal``), as set aside.
        read: how a file's bytes are read (plain files only, never through a link).

    Raises:
        DamagedData: the snapshot itself is damaged.
        UnsafeFile: a link, pipe or folder where a file should be.
        OSError: a file is there but cannot be read.
    """
    if path.suffix == JOURNAL_SUFFIX:
        path = path.with_suffix(files.SUFFIX)
    base = storage.decode(read(path))
    token = token_of(base.pop(META_TABLE, None))
    try:
        parsed: journal.Parsed | None = journal.parse(read(journal_path(path)), salvage=True)
    except FileNotFoundError:
        parsed = None
    found = ReadBack(session=_session_of(base), replayed=0, no_journal=parsed is None)
    if parsed is None:
        return found
    unreadable = len(parsed.unreadable)
    if parsed.snapshot is None:  # its first record, the header, is one of the unreadable
        return _with_gaps(
            replace(found, unreadable=unreadable, unmatched=len(parsed.records)), base
        )
    if parsed.snapshot != token:
        # Stale: written before the snapshot was last saved, which holds its changes.
        return found
    records = [record for record in parsed.records if _makes_sense(record)]
    fitting = _fitting(base, records)
    tables = _replayed(base, records[:fitting])
    return _with_gaps(
        replace(
            found,
            replayed=fitting,
            unreadable=unreadable,
            torn=parsed.torn,
            senseless=len(parsed.records) - len(records),
            unfitting=len(records) - fitting,
        ),
        tables,
    )


def read_back_plainly(path: Path) -> ReadBack:
    """:func:`read_back`, with what stops it said in plain words.

    Raises:
        StoreError: the file is missing, not a plain file, not a session, or
            its session file itself is damaged.
    """
    named = printable(str(path))  # a file's name never runs on the terminal
    try:
        return read_back(path)
    except FileNotFoundError:
        raise StoreError(f"There is no file {named}.") from None
    except files.UnsafeFile as unsafe:
        raise StoreError(
            printable(f"{unsafe.path} cannot be recovered: {unsafe.reason}.")
        ) from None
    except NotASession:
        raise StoreError(
            f"{named} is not a session file panel-tui keeps, so there is nothing to recover "
            "from it. (An exported session is taken in with panel-tui import.)"
        ) from None
    except DamagedData as error:
        raise StoreError(
            f"{named} cannot be recovered: the session file itself is damaged ({error}). "
            "Keep it: what was saved is still in it, for someone who can mend it by hand."
        ) from None
    except OSError as error:
        raise StoreError(f"{named} cannot be read ({os_reason(error)}).") from None


def can_read_back(path: Path) -> bool:
    """Whether :func:`read_back` gets a session back from these files."""
    try:
        read_back(path)
    except (DamagedData, OSError):
        return False
    return True


def copies_to_recover(root: Path, taken: Callable[[str], bool]) -> list[Path]:
    """The copies set aside in ``root/damaged`` that read back, for sessions not ``taken``.

    Named once when set aside, they would be out of mind by the next start: the
    home screen offers them each time, until the session is back.
    """
    found = []
    for kept in sorted((root / DAMAGED_FOLDER).glob(f"*{files.SUFFIX}")):
        session_id = kept.name.split(".")[0]
        with contextlib.suppress(StoreError):  # a name no session could have
            if not taken(session_id) and can_read_back(kept):
                found.append(kept)
    return found


def with_recovery_notes(read: ReadBack) -> Session:
    """The session read back, with a note on each answer near what is missing."""
    when = now()
    notes = [
        Note(
            candidate=candidate,
            question=question,
            text=(
                f"panel-tui recovered this session from a damaged file on {day_words(when)}. "
                "A vote near this answer may be missing, or a withdrawn vote may count "
                "again: check these votes with the panel."
            ),
            at=when,
        )
        for candidate, question in read.near
    ]
    session = read.session
    return session.model_copy(update={"notes": [*session.notes, *notes]}) if notes else session


# -- replaying ---------------------------------------------------------------------


def _makes_sense(record: Any) -> bool:
    """Whether a change could be applied: whole tables of records, events that are events.

    Checked before anything is applied, so applying cannot fail half-way.
    (Whether the events fit the session together is checked on the whole.)
    """
    ops = record.get("ops") if isinstance(record, dict) else None
    if not isinstance(ops, list):
        return False
    for op in ops:
        # Only a session's own tables: a change to any other is none of ours.
        if not isinstance(op, dict) or op.get("t") not in (SESSION_TABLE, *EVENT_TABLES):
            return False
        documents = op.get("add", op.get("put"))
        if documents is None:
            if op.get("drop") is not True:
                return False
            continue
        if not isinstance(documents, dict) or not all(
            isinstance(key, str) and DOC_ID.fullmatch(key) and isinstance(doc, dict)
            for key, doc in documents.items()
        ):
            return False
        if op["t"] in EVENTS:
            try:
                for document in documents.values():
                    EVENTS[op["t"]].model.model_validate(document)
            except ValidationError:
                return False
    return True


def _replayed(base: dict[str, Any], records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The snapshot's tables with ``records`` applied (``base`` is left as it was)."""
    tables = copy.deepcopy(base)
    for record in records:
        apply(tables, record)
    return tables


def _fitting(base: dict[str, Any], records: Sequence[dict[str, Any]]) -> int:
    """How many of ``records``, from the first, still make a whole session.

    Usually all. When one left out was needed by later ones (a round begun,
    then voted in), the longest run that fits is kept: a halving search, so a
    long journal is replayed a few times, never once per change.
    """
    if _is_session(_replayed(base, records)):
        return len(records)
    low, high = 0, len(records) - 1  # the first ``low`` fit; all of them do not
    while low < high:
        middle = (low + high + 1) // 2
        if _is_session(_replayed(base, records[:middle])):
            low = middle
        else:
            high = middle - 1
    return low


def _is_session(tables: dict[str, Any]) -> bool:
    try:
        _session_of(tables)
    except DamagedData:
        return False
    return True


def _session_of(tables: dict[str, Any]) -> Session:
    """The session the tables hold, each event table numbered from 1 again.

    Raises:
        DamagedData: they do not hold a whole, valid session.
    """
    storage.check_tables(tables)
    renumbered = dict(tables)
    for name in EVENT_TABLES:
        renumbered[name] = _closed_up(name, tables.get(name) or {})
    return session_from_tables(renumbered)


def _closed_up(name: str, table: dict[str, Any]) -> dict[str, Any]:
    """A table numbered from 1 without gaps; an undo's vote renumbered likewise.

    An undo of a vote that is missing is left out too: it would stand as a plain
    vote (of no value, or the one brought back), to be undone again.
    """
    keys = sorted(table, key=int)
    place = {int(key) - 1: index for index, key in enumerate(keys)}
    documents = []
    for key in keys:
        document = table[key]
        undoes = document.get("undoes") if name == "votes" else None
        if isinstance(undoes, int) and not isinstance(undoes, bool):
            if undoes not in place:
                continue
            document = {**document, "undoes": place[undoes]}
        documents.append(document)
    return {str(number): document for number, document in enumerate(documents, 1)}


def _with_gaps(found: ReadBack, tables: dict[str, Any]) -> ReadBack:
    """``found`` with its session from ``tables``, and what the gaps in them show."""
    session = _session_of(tables)
    missing = {}
    for name in EVENT_TABLES:
        numbers = sorted(int(key) for key in tables.get(name) or {})
        gaps = sum(max(0, after - before - 1) for before, after in pairwise([0, *numbers]))
        dropped = len(numbers) - len(getattr(session, name))  # undos of votes that are missing
        if gaps + dropped:
            missing[name] = gaps + dropped
    return replace(found, session=session, missing=missing, near=_near(tables, found.torn))


def _near(tables: dict[str, Any], torn: bool) -> tuple[tuple[str, str], ...]:
    """The answers of the votes either side of each gap in the votes' numbers, and
    of the last vote when the last change did not read."""
    votes = tables.get("votes") or {}
    numbers = sorted(int(key) for key in votes)
    sides = [
        number
        for before, after in pairwise(numbers)
        if after - before > 1
        for number in (before, after)
    ]
    if torn and numbers:
        sides.append(numbers[-1])
    near = {(votes[str(n)]["candidate"], votes[str(n)]["question"]): None for n in sides}
    return tuple(near)
