"""Reading a session's files: the snapshot, with the changes its journal holds replayed.

:func:`load` is the one reading of a session as snapshot and journal hold it
together, for a session opened (:class:`~panel_tui.domain.store.journaled.JournalStorage`)
and for one listed or exported without opening it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from panel_tui.domain.store import changes, checksum, files, journal, storage
from panel_tui.domain.store import snapshot_meta as meta_table
from panel_tui.domain.store.errors import another_copys_changes
from panel_tui.domain.store.journal import JOURNAL_SUFFIX, DamagedJournal, Parsed
from panel_tui.domain.store.snapshot_meta import META_TABLE, token_of
from panel_tui.domain.store.storage import DamagedChanges, DamagedData

REREADS = 5
"""Tries at reading a session that another process keeps compacting."""


def journal_path(snapshot: Path) -> Path:
    """Where the journal of the snapshot ``snapshot`` is."""
    return snapshot.with_suffix(JOURNAL_SUFFIX)


@dataclass
class Loaded:
    """A session's tables as snapshot and journal hold them together."""

    tables: dict[str, Any]
    token: str | None
    """The snapshot's token; ``None`` for a file an older version wrote."""
    replaces: list[str]
    """The tokens of the snapshots before it, newest first (see :data:`KEPT_TOKENS`)."""
    journal: Parsed | None
    """The journal as read (``None``: there is none)."""
    replayed: bool
    """Whether the journal was replayed (it names this snapshot)."""


def load(path: Path, read: Callable[[Path], bytes] = files.read_regular) -> Loaded | None:
    """Read a session's snapshot and replay its journal; ``None`` when there is no snapshot.

    The journal is read before the snapshot: compaction replaces the snapshot
    before it empties the journal, so a reader racing a writer sees either a
    journal that names the snapshot it then reads, or a snapshot that already
    holds the journal's changes.

    Args:
        path: the snapshot.
        read: how a file's bytes are read (plain files only, never through a link).

    Raises:
        DamagedData: the snapshot is not a session, or holds none of the changes its
            journal holds (an older copy put back).
        MisnamedFile: it holds another session, whose record of changes beside it
            names this file (the session files' names swapped without their records).
        DamagedChanges: a record mid-journal is bad, or a change makes no sense.
        UnsafeFile: a link, pipe or folder where a file should be.
        OSError: a file is there but cannot be read.
    """
    for attempt in range(REREADS):
        try:
            return _load_once(path, read)
        except files.UnsafeFile:
            # A compaction in another process replaced the file as it was
            # opened: read again. A link or a pipe stays refused.
            files.check_plain(path)
            files.check_plain(journal_path(path))
            if attempt == REREADS - 1:
                raise
    raise AssertionError("unreachable")


def _load_once(path: Path, read: Callable[[Path], bytes]) -> Loaded | None:
    jpath = journal_path(path)
    logged = journal.read(jpath, read)
    try:
        raw = read(path)
    except FileNotFoundError:
        return None
    tables = storage.decode(raw)  # through the module: tests count the parses
    meta = tables.pop(META_TABLE, None)
    checksum.check(raw, meta)
    token = token_of(meta)
    damage: DamagedJournal | None = None
    try:
        own = storage.own_bytes(tables)
        parsed = None if logged is None else journal.parse(logged, snapshot=token, own=own)
    except DamagedJournal as error:
        parsed, damage = error.parsed, error
    replayed = parsed is not None and token is not None and parsed.snapshot == token
    elsewhere = meta_table.names_another_copy(parsed, meta)
    if damage is not None and (replayed or parsed is None or parsed.snapshot is None or elsewhere):
        # Stale journals are never replayed, so damage in one costs nothing; one of
        # another copy may hold the only record of its changes (found by a review).
        raise DamagedChanges(str(damage))
    if elsewhere and parsed is not None and parsed.records:
        raise another_copys_changes(path, tables, token)  # put back, or names swapped
    if replayed and parsed is not None:
        # A change that does not pass sets the whole session aside: opening never
        # leaves one out, as reading it back (salvage) does.
        try:
            if not all(changes.well_formed(record) for record in parsed.records):
                raise DamagedData("a change that is not one")
            for record in parsed.records:
                changes.apply(tables, record)
            # Whole, checked records may still leave what no session can be
            # (the session table dropped).
            storage.check_tables(tables)
        except DamagedData:
            raise DamagedChanges("it holds a change that makes no sense") from None
    return Loaded(tables, token, meta_table.replaces_of(meta) or [], parsed, replayed)
