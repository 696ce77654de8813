"""The TinyDB storage of a session: changes appended to its journal, the snapshot compacted.

:class:`JournalStorage` is what TinyDB writes through: each change is one
record appended to ``<id>.journal`` (see :mod:`journal`), and the snapshot
``<id>.json`` is rewritten only when it compacts. :func:`~loading.load` reads a
session as snapshot and journal hold it together.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from itertools import islice
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from panel_tui.domain.store import checksum, durable, journal, other_writer, room, storage
from panel_tui.domain.store import snapshot_meta as meta_table
from panel_tui.domain.store.journal import JournalFile
from panel_tui.domain.store.journal_damage import keep_as_it_was
from panel_tui.domain.store.loading import journal_path, load

UnreadLast = tuple[Path, bytes]
"""A journal's last change of full length that failed its check: where the session's
files were kept as they were, and the change's body (see :mod:`journal_damage`)."""

COMPACT_AT = 1024 * 1024
"""Journal bytes after which a write also compacts (a 10 x 10 x 8 session is ~160 KB)."""


class JournalStorage(Storage):
    """A TinyDB storage that appends each change to the journal and compacts now and then.

    A write appends one record holding what changed (the documents a table
    gained, or a table's whole new content when documents changed in place:
    only the one-document ``session`` table in practice), flushed and fsynced
    before it returns; its cost does not grow with the session. The snapshot
    is written atomically only by :meth:`compact` (and by a write when the
    journal cannot take appends: a file an older version wrote, or a tail a
    failed append left; or when the change is too long to append, see
    :meth:`_framed`). When a write fails the memory is dropped and the next
    read takes the state from disk again: memory never shows a change that is
    not on disk.
    """

    def __init__(self, path: Path, compact_at: int = COMPACT_AT) -> None:
        self._path = path
        self._journal = JournalFile(journal_path(path))
        self._data: dict[str, Any] | None = None
        self._seen: dict[str, Any] = {}
        self._token: str | None = None
        self._replaces: list[str] = []
        """The tokens of the snapshots before this one, newest first."""
        self._journal_names: str | None = None
        """The snapshot the journal on disk names, as read or last reset."""
        self._appendable = False
        self._pending = False
        self._disk_behind = False
        """Another program took the session's files: memory alone holds every change."""
        self.written_again = 0
        """How often the files, found removed or replaced, were written again from memory."""
        self._snapshot: os.stat_result | None = None
        """The snapshot as read or last written, to tell when another program replaced it."""
        self.compact_at = compact_at
        self._known: set[str] = set()  # every snapshot token read or written here
        self._refused: other_writer.ChangedElsewhere | None = None  # another writer found
        self.left_unfolded = False
        """Whether the journal, as last read, held changes not folded in, or one cut short,
        as only a run that never closed leaves it (killed, a crash; or its close refused)."""
        self.unread_last: UnreadLast | None = None
        """Whether the journal, as first read, ended in a change that failed its check: kept
        before anything could rewrite it (:func:`keep_as_it_was`), to be told."""
        self._longest = 0
        """The longest record the journal holds, or the session's own record in the snapshot
        when longer, as :func:`journal.parse` counts them: see :meth:`_framed`."""

    @property
    def disk_behind(self) -> bool:
        """Whether memory alone holds changes: the files were removed by another program,
        and writing them again was refused (a full disk). The next change tries again."""
        return self._disk_behind

    @property
    def pending(self) -> bool:
        """Whether the snapshot lacks changes the journal holds (or is an older version's)."""
        return self._pending

    def read(self) -> dict[str, Any] | None:
        """The tables: snapshot and journal on the first read, memory afterwards."""
        if self._data is None:
            loaded = load(self._path)
            if loaded is None:
                return None
            parsed = loaded.journal
            body = parsed.unread_last if parsed is not None and loaded.replayed else None
            if body is not None and self.unread_last is None:
                # Compacting would lose the only trace of it: a vote maybe shown.
                self.unread_last = keep_as_it_was(self._path, journal_path(self._path)), body
            self._token = loaded.token
            self._replaces = loaded.replaces
            self._journal_names = parsed.snapshot if parsed is not None else None
            self._appendable = loaded.replayed and parsed is not None and not parsed.torn
            self._journal.end = parsed.end if parsed is not None and self._appendable else 0
            if parsed is not None and parsed.snapshot is not None and self._appendable:
                self._journal.known(parsed.snapshot, parsed.size)
            self._pending = loaded.token is None or bool(
                loaded.replayed and parsed is not None and parsed.records
            )
            self.left_unfolded = parsed is not None and bool(parsed.records or parsed.torn)
            self._data = loaded.tables
            self._seen = dict(loaded.tables)
            if parsed is not None and self._appendable:
                self._longest = parsed.longest  # the session's own record counted in
            else:  # nothing of the journal is kept: the snapshot is the tables
                self._longest = storage.own_bytes(loaded.tables)
            self._known.update(t for t in (loaded.token, self._journal_names) if t is not None)
            self._known.update(loaded.replaces)
            self._snapshot = _looked_at(self._path)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Append what changed to the journal, durably, before the change counts as made."""
        try:
            if not self._appendable:
                self._compact(data)
            elif ops := self._changes(data):
                record = self._framed({"ops": ops})
                if record is None:
                    self._compact(data)
                elif not self._appended(record):
                    self._disk_behind = True
                    self._compact(data)
        except BaseException:
            self._forget_the_change()
            raise
        self._written(data)
        self._compact_if_long()

    def _written(self, data: dict[str, Any]) -> None:
        """``data`` is on disk: memory and disk agree again."""
        self.written_again += self._disk_behind
        self._data, self._seen, self._disk_behind = data, dict(data), False

    def _forget_the_change(self) -> None:
        """After the disk refused a change: memory goes back to what is on disk."""
        if self._disk_behind:
            # Memory alone holds the changes before this one (TinyDB changed a
            # copy of each table, ``_seen`` holds the ones before): keep them,
            # and have the next write try to write everything again.
            self._data = dict(self._seen)
            self._appendable, self._pending = False, True
        else:
            self._data = None  # the next read takes the state from disk, which holds it all

    def _compact_if_long(self) -> None:
        if self._journal.end > self.compact_at:
            # The change is on disk already; a compaction the disk refuses
            # only leaves the journal longer.
            with contextlib.suppress(OSError):
                self.compact()

    def _changes(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        """What TinyDB changed since the last read or write.

        TinyDB builds a new dict for each table it changes and leaves the
        others as they were, so an unchanged table is the very same object; a
        table that grew only gained documents, at the end (inserts never touch
        the documents already there).
        """
        ops: list[dict[str, Any]] = []
        for name, table in data.items():
            before = self._seen.get(name)
            if table is before:
                continue
            if before is not None and len(table) > len(before):
                added = list(islice(reversed(table.items()), len(table) - len(before)))
                ops.append({"t": name, "add": dict(reversed(added))})
            else:
                ops.append({"t": name, "put": table})
        ops.extend({"t": name, "drop": True} for name in self._seen.keys() - data.keys())
        return ops

    def insert(self, name: str, doc_id: str, document: dict[str, Any]) -> None:
        """Append one new document to a table: the record holds that document only.

        Memory takes the document only once the record is on disk, and the
        table is not rebuilt, so an insert costs the same in a table of 8 or
        8,000 documents.
        """
        data = self.read()
        change = {"ops": [{"t": name, "add": {doc_id: document}}]}
        record = None if data is None or not self._appendable else self._framed(change)
        if data is None or record is None:
            tables = {} if data is None else data
            self.write({**tables, name: {**tables.get(name, {}), doc_id: document}})
            return
        try:
            appended = self._appended(record)
        except BaseException:
            self._forget_the_change()
            raise
        if not appended:
            self._disk_behind, self._appendable = True, False
            self.write({**data, name: {**data.get(name, {}), doc_id: document}})
            return
        table = data.setdefault(name, {})
        table[doc_id] = document
        self._seen[name] = table
        self._compact_if_long()

    def _framed(self, change: dict[str, Any]) -> bytes | None:
        """``change`` as its journal record (:func:`journal.frame`), or ``None`` when it is
        to be written whole instead (compacted), checked:

        - appended, it might take the session past what is read back (:mod:`room`);
        - it is longer than a crash's torn tail is taken to be (found by a review: a
          member's payment notes, a note and 80 stretches of time, cut short by a crash
          read as damage, and the session was set aside). See :func:`journal.longest_change`.
        """
        record = journal.frame(change)
        snapshot = self._snapshot.st_size if self._snapshot is not None else 0
        if room.near_the_limit(snapshot, self._journal.end, len(record)):
            return None
        return record if len(record) <= journal.longest_change(self._longest) else None

    def _appended(self, record: bytes) -> bool:
        """Append ``record`` (framed) durably; False if the session's files were gone, to be
        written again.

        Another program (a cleaning script, a sync tool) may take the journal or
        the snapshot out of the folder while the session is open. Appends would
        then go on into a file no one can open again, and the votes the journal
        held before would be lost too. Memory holds the whole session, so the
        caller writes it all again (:meth:`_compact`), files and all, and keeps
        memory whole until that is done (:meth:`_forget_the_change`).
        """
        self._refuse_if_changed_elsewhere()
        try:
            self._journal.append(record)
        except journal.JournalRemoved:
            return False
        self._longest = max(self._longest, len(record))
        self._pending = True
        return _is_as_looked(self._path, self._snapshot)

    def compact(self) -> bool:
        """Fold the journal into the snapshot, then empty the journal.

        Returns whether the files changed. Nothing is written when the snapshot
        already holds everything and the journal takes appends.

        Raises:
            OSError: the disk refused; the snapshot and journal on disk are then
                still whole and together hold every change.
        """
        data = self.read()
        if data is None:
            return False
        self._refuse_if_changed_elsewhere()
        if not _is_as_looked(self._path, self._snapshot):
            # Removed or replaced by another program (the folder deleted and made again
            # before a quit; found by an adversarial tester): memory alone holds it all,
            # and keeps it if the disk refuses (found by a review).
            self._pending = self._disk_behind = True
        if self._pending:
            try:
                self._compact(data)
            except BaseException:
                if not self._disk_behind:
                    self._data = None
                raise
            self._written(data)
            return True
        if not self._appendable and self._token is not None:
            self._journal.reset(self._token)
            self._journal_names = self._token
            self._appendable = True
            return True
        return False

    def _refuse_if_changed_elsewhere(self, look: bool = False) -> None:
        """Raise :class:`ChangedElsewhere` once another writer's changes are found in the
        files, looked for (``look``) before all are written: see :mod:`other_writer`."""
        looked = self._refused is None and look and not _is_as_looked(self._path, self._snapshot)
        if looked and other_writer.another_writers(self._path, self._known, self._seen):
            # What memory held before this change: every change said to be saved.
            self._refused, kept = other_writer.refusal(self._path, self._seen)
            self._appendable, self._disk_behind = False, not kept
        if self._refused is not None:
            raise self._refused

    def _compact(self, data: dict[str, Any]) -> None:
        self._refuse_if_changed_elsewhere(look=True)
        token = secrets.token_hex(8)
        # Until the reset below the journal names the snapshot it was last reset for,
        # whose changes memory holds, as it holds every earlier one's (a few are kept).
        earlier = [self._journal_names, self._token, *self._replaces]
        kept = dict.fromkeys(t for t in earlier if t is not None)
        replaces = list(kept)[: meta_table.KEPT_TOKENS]
        meta = {"snapshot": token, "replaces": replaces}
        payload = checksum.sealed(data, meta)
        room.check(self._path, payload)  # never a file that cannot be read back
        # Known before it is written: the file may be in place when the write is refused
        # (the folder's fsync), and is this window's own, never another writer's.
        self._known.add(token)
        durable.write_atomically(self._path, payload)
        self._snapshot = _looked_at(self._path)
        self._longest = storage.own_bytes(data)  # the journal starts again on this snapshot
        # From here the snapshot holds everything: the journal names an older
        # snapshot, so it is stale, never replayed, until the reset makes it ours.
        self._token, self._replaces = token, replaces
        self._pending, self._appendable = False, False
        try:
            self._journal.reset(token)
        except OSError:
            return  # the next write compacts again: slower, never wrong
        self._journal_names = token
        self._appendable = True

    def close(self) -> None:
        """Let go of the journal file."""
        self._journal.close()


def _is_as_looked(path: Path, was: os.stat_result | None) -> bool:
    """Whether the snapshot at ``path`` is still the file read or last written (``was``).

    A sync or backup tool may put an older copy in its place while the
    session is open (OneDrive, a restore): the journal then names another
    snapshot, and would be passed over as stale at the next start, its
    votes with it. Another size or time of writing counts as replaced (not
    the file's number, which some network shares change between looks); a
    false alarm costs one rewrite, a missed one would cost votes.
    """
    now = _looked_at(path)
    if now is None or was is None:
        return False  # gone, or never seen as written: written again to be sure
    return (now.st_size, now.st_mtime_ns) == (was.st_size, was.st_mtime_ns)


def _looked_at(path: Path) -> os.stat_result | None:
    """The file at ``path`` itself (a link is not followed), or ``None`` if there is none."""
    try:
        return os.lstat(path)
    except OSError:
        return None
