"""Reading back a damaged session: every change that still reads, and what is missing.

A session is set aside in ``damaged/`` when a change in the middle of its
journal no longer reads (:mod:`folder`), and nothing there is ever mended. Its
snapshot and the other changes usually still read: :func:`read_back` replays
every change that checks, leaves out what does not, and counts what is missing,
so that ``panel-tui sessions recover`` can save the session again and tell the
person what to look over.

Votes, notes, reveals and decisions are numbered as they were recorded and
never change once written, so a change left out shows as a gap in their
numbers. A vote that undid another names it by its place in the list of votes;
those places are renumbered across the gap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from panel_tui.domain.models import Session
from panel_tui.domain.records import Decision, Note, Reveal, VoteEvent
from panel_tui.domain.store import files, journal, storage
from panel_tui.domain.store.errors import StoreError
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.journaled import META_TABLE, apply, journal_path, token_of
from panel_tui.domain.store.storage import (
    EVENT_TABLES,
    DamagedData,
    NotASession,
    session_from_tables,
)
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.words import counted, listed

#: For each event table: what its documents must be (a change adding anything
#: else is left out), and what one and many of them are called.
EVENTS: dict[str, tuple[type[BaseModel], str, str]] = {
    "votes": (VoteEvent, "vote", "votes"),
    "notes": (Note, "note", "notes"),
    "reveals": (Reveal, "record of votes shown early", "records of votes shown early"),
    "decisions": (Decision, "decision", "decisions"),
}


@dataclass(frozen=True)
class ReadBack:
    """A damaged session as far as it still reads, and what could not be read."""

    session: Session
    changes: int
    """Changes in the journal read back and replayed."""
    unreadable: int = 0
    """Changes that no longer read as they were written, left out."""
    senseless: int = 0
    """Changes that read but make no sense on the session, left out."""
    unmatched: int = 0
    """Changes not replayed because the journal's first record, naming the
    session file it belongs to, no longer reads."""
    missing: dict[str, int] = field(default_factory=dict)
    """For votes, notes, reveals and decisions: how many are missing (a gap in their numbers)."""

    @property
    def left_out(self) -> int:
        """Every change saved that is not in the session read back."""
        return self.unreadable + self.senseless + self.unmatched

    def words(self) -> list[str]:
        """What was read back and left out, in sentences for HR."""
        if not self.left_out:
            return ["Every change saved in it was read back."]
        left_out = []
        if self.unreadable:
            left_out.append(
                f"{counted(self.unreadable, 'change')} saved in it no longer "
                f"{'reads' if self.unreadable == 1 else 'read'} as written"
            )
        if self.senseless:
            left_out.append(
                f"{counted(self.senseless, 'change')} "
                f"{'makes' if self.senseless == 1 else 'make'} no sense on the session"
            )
        if self.unmatched:
            left_out.append(
                f"{counted(self.unmatched, 'later change')} cannot be matched to the session, "
                "as the first record of its changes no longer reads"
            )
        missing = [counted(count, *EVENTS[name][1:]) for name, count in self.missing.items()]
        return [
            f"{counted(self.changes, 'change')} read back. Left out: {'; '.join(left_out)}.",
            f"Missing from it as a result: {listed(missing)}."
            if missing
            else "What was left out cannot be told from what remains.",
            "Look over its summary before you rely on it. The damaged copy is kept as it is.",
        ]


def read_back(path: Path, read: Callable[[Path], bytes] = files.read_regular) -> ReadBack:
    """Read a session's snapshot and every change in its journal that still reads.

    Args:
        path: the snapshot (``.json``) or its journal (``.journal``), as set aside.
        read: how a file's bytes are read (plain files only, never through a link).

    Raises:
        DamagedData: the snapshot itself is damaged, or what reads back is not a session.
        UnsafeFile: a link, pipe or folder where a file should be.
        OSError: a file is there but cannot be read.
    """
    if path.suffix == JOURNAL_SUFFIX:
        path = path.with_suffix(files.SUFFIX)
    tables = storage.decode(read(path))
    token = token_of(tables.pop(META_TABLE, None))
    try:
        parsed = journal.parse(read(journal_path(path)), salvage=True)
    except FileNotFoundError:
        parsed = journal.Parsed(snapshot=token)
    replayed = senseless = unmatched = 0
    if parsed.snapshot is None and token is not None:
        unmatched = len(parsed.records)
    elif token is not None and parsed.snapshot == token:
        for record in parsed.records:
            if _replay(tables, record):
                replayed += 1
            else:
                senseless += 1
    # A journal naming another snapshot is stale: the snapshot holds its changes.
    missing = _close_gaps(tables)
    return ReadBack(
        session=session_from_tables(tables),
        changes=replayed,
        unreadable=len(parsed.unreadable),
        senseless=senseless,
        unmatched=unmatched,
        missing={name: count for name, count in missing.items() if count},
    )


def read_back_plainly(path: Path) -> ReadBack:
    """:func:`read_back`, with what stops it said in plain words.

    Raises:
        StoreError: the file is missing, not a plain file, not a session, or
            its session file itself is damaged.
    """
    try:
        return read_back(path)
    except FileNotFoundError:
        raise StoreError(f"There is no file {path}.") from None
    except files.UnsafeFile as unsafe:
        raise StoreError(f"{unsafe.path} cannot be recovered: {unsafe.reason}.") from None
    except NotASession:
        raise StoreError(
            f"{path} is not a session file panel-tui keeps, so there is nothing to recover "
            "from it. (An exported session is taken in with panel-tui import.)"
        ) from None
    except DamagedData as error:
        raise StoreError(
            f"{path} cannot be recovered: the session file itself is damaged ({error}). "
            "Keep it: what was saved is still in it, for someone who can mend it by hand."
        ) from None
    except OSError as error:
        raise StoreError(f"{path} cannot be read ({os_reason(error)}).") from None


def can_read_back(path: Path) -> bool:
    """Whether :func:`read_back` gets a session back from these files."""
    try:
        read_back(path)
    except (DamagedData, OSError):
        return False
    return True


def _replay(tables: dict[str, Any], record: dict[str, Any]) -> bool:
    """Apply one change if it makes sense; whether it did (else ``tables`` is untouched).

    A change makes sense when it leaves a session's tables, and each vote, note,
    reveal or decision it adds is one. (Whether they fit the session together
    is checked once, at the end, as a whole session is when it loads.)
    """
    # Each change adds whole documents or puts a whole table, never edits a
    # document in place, so a copy of each table's mapping keeps a bad change out.
    trial = {
        name: dict(table) if isinstance(table, dict) else table for name, table in tables.items()
    }
    try:
        apply(trial, record)
        storage.check_tables(trial)
        for op in record["ops"]:
            if op["t"] in EVENTS and "add" in op:
                for document in op["add"].values():
                    EVENTS[op["t"]][0].model_validate(document)
    except (KeyError, TypeError, AttributeError, ValueError, DamagedData, ValidationError):
        return False
    tables.clear()
    tables.update(trial)
    return True


def _close_gaps(tables: dict[str, Any]) -> dict[str, int]:
    """Renumber each event table from 1, returning how many entries each is missing.

    An undo names the vote it undid by its place; that place is renumbered, and
    an undo of a vote that is missing becomes a plain vote (its value is still
    the one that stands).
    """
    missing = {}
    for name in EVENT_TABLES:
        table = tables.get(name) or {}
        keys = sorted(table, key=int)
        missing[name] = (int(keys[-1]) if keys else 0) - len(keys)
        place = {int(key) - 1: index for index, key in enumerate(keys)}
        renumbered = {}
        for index, key in enumerate(keys, 1):
            document = dict(table[key])
            undoes = document.get("undoes")
            if name == "votes" and isinstance(undoes, int) and missing[name]:
                document["undoes"] = place.get(undoes)
            renumbered[str(index)] = document
        tables[name] = renumbered
    return missing
