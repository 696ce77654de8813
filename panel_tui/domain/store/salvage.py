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
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.journaled import META_TABLE, apply, journal_path, token_of
from panel_tui.domain.store.storage import EVENT_TABLES, DamagedData, session_from_tables

#: What each event table's documents must be: a change adding anything else is left out.
EVENTS: dict[str, type[BaseModel]] = {
    "votes": VoteEvent,
    "notes": Note,
    "reveals": Reveal,
    "decisions": Decision,
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
                    EVENTS[op["t"]].model_validate(document)
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
