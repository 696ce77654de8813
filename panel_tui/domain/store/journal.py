"""A session's journal: changes appended as self-checking records, as SQLite's write-ahead log.

``<id>.journal`` sits beside the snapshot ``<id>.json``. Each record is framed
as eight bytes (the body's length and its CRC-32, both big-endian) and a JSON
body. The first record is the header, naming the snapshot the journal applies
to (the token the snapshot carries); each later record is one change.

A journal whose header names another snapshot is stale: the snapshot already
holds its changes (compaction wrote the snapshot, then a crash came before the
journal was emptied), so it is never replayed twice. A last record cut short is a
torn append, never acknowledged, and is dropped; one of full length failing its
checksum is dropped too, but may be damage to one acknowledged: it is kept and told
(:mod:`journal_damage`). A bad record with more after it is damage, and the file is
set aside, never mended. So
is a start that does not read in a journal longer than its header: a crash while
the header is written leaves no more than the header (found by adversarial
testing: a journal zeroed whole was passed over as torn, its votes unsaid).

So, too, is a tail longer than one change could be (:func:`longest_change`).
Each append is fsynced before the next, so a crash leaves after the last good
record at most the append under way: cut short, or zeros no longer than it
where the disk had grown the file but not written the bytes. More than that held
records written and acknowledged (found by adversarial testing: a journal zeroed
from the middle to its end was passed over as torn). A tail no longer than one
change still reads as a crash's, whatever it replaced: its bytes cannot tell
the two apart, and a crash must not raise an alarm.

File access is portable: ``os.open`` (never through a link, binary on Windows),
``os.write``, ``os.fsync`` and ``os.ftruncate`` only; no folder fsync on Windows.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panel_tui.domain.store.durable import fsync_folder
from panel_tui.domain.store.files import open_no_follow, read_regular
from panel_tui.domain.store.journal_damage import lost
from panel_tui.domain.text import MAX_TEXT

JOURNAL_SUFFIX = ".journal"
FRAME = struct.Struct(">II")
#: Written over the frame of a record the disk would not take back: a length
#: longer than any journal, so the record reads as cut short.
SPOILED = b"\xff" * FRAME.size
#: What one change can add to the longest record before it, with room to spare: a
#: text at its longest (a note, a reason), four bytes a character, and its fields.
CHANGE_ROOM = 4 * MAX_TEXT + 4096


class JournalRemoved(OSError):
    """The journal's file was taken out of its folder while open (by another program).

    What was appended went into a file no one can open again. The handle is let
    go, so the next write makes the file afresh.
    """


class DamagedJournal(Exception):
    """A record in the middle of the journal fails its check."""

    def __init__(self, reason: str, parsed: Parsed) -> None:
        super().__init__(reason)
        self.parsed = parsed
        """What was read before the damage (its header says whose journal it is)."""


def frame(body: dict[str, Any]) -> bytes:
    """One record: length, checksum and the JSON body."""
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return FRAME.pack(len(payload), zlib.crc32(payload)) + payload


@dataclass
class Parsed:
    """What a journal's bytes hold."""

    snapshot: str | None = None
    """The snapshot token the header names (``None``: no header that could be read)."""
    records: list[dict[str, Any]] = field(default_factory=list)
    """The change records after the header, in order."""
    end: int = 0
    """Where the last good record ends: the next append goes here."""
    torn: bool = False
    """The file ends in a record cut short (a crash mid-append)."""
    unread_last: bytes | None = None
    """Of a last record ``torn`` that is of its full length but fails its check, the body:
    damage to a change maybe shown, kept and told (see :mod:`journal_damage`)."""
    unreadable: list[int] = field(default_factory=list)
    """Where stretches that no longer read begin (read back with ``salvage`` only)."""
    lost_at: list[int] = field(default_factory=list)
    """For each of ``unreadable``, how many of ``records`` come before it."""
    size: int = 0
    """The journal's size as read, torn tail and all."""
    longest: int = 0
    """The longest record read, or ``own`` when longer (see :func:`longest_change`)."""


def header(snapshot: str) -> bytes:
    """The record a journal starts with: it names the snapshot ``snapshot`` it goes with."""
    return frame({"snapshot": snapshot})


def parse(
    raw: bytes, *, salvage: bool = False, snapshot: str | None = None, own: int = 0
) -> Parsed:
    """Read a journal's records: the one loop that reads a journal, for a session
    opened and for one read back, which differ only in what a bad record costs.

    Args:
        raw: the journal's bytes.
        salvage: read on past damage, to get back what can still be read: a
            record that fails its check is noted in ``unreadable`` and reading
            goes on at the next whole record. Without a header that reads, the
            records are read but ``snapshot`` stays ``None``.
        snapshot: the token of the snapshot beside it, when known. A crash
            while the header is written leaves at most that header; a journal
            longer than it whose start does not read was wiped or overwritten,
            and is damage, never a torn header passed over.
        own: how long the session's own record is in the snapshot beside it
            (see :func:`longest_change`), when known.

    Raises:
        DamagedJournal: a record other than the last fails its check, the start
            does not read and more follows, or more than one change after the
            last good record does not read (never when salvaging).
    """
    parsed = Parsed(size=len(raw), longest=own)
    offset = 0
    while offset < len(raw):
        record = _record_at(raw, offset)
        first = offset == 0
        if record is None:
            after = _next_record(raw, offset + 1)
            wiped = first and snapshot is not None and len(raw) > len(header(snapshot))
            past = not first and len(raw) - offset > longest_change(parsed.longest)
            if after is None and not (wiped or past):
                # Cut short, garbage or zeros where the disk had not yet written
                # the bytes, with nothing good after and no longer than one change:
                # the last append, which a crash interrupted before it was
                # acknowledged.
                parsed.torn = True
                parsed.unread_last = _whole_length(raw, offset)
                break
            # A good record further on, or more than a torn header or append: this
            # part was written whole once. Only salvage reads on past it; the
            # session is otherwise set aside, as it is, for that to be done.
            if not salvage:
                raise DamagedJournal(lost(len(parsed.records), first, after is None), parsed)
            parsed.unreadable.append(offset)
            parsed.lost_at.append(len(parsed.records))
            if after is None:
                break
            offset = after
            continue
        length = FRAME.size + _length_at(raw, offset)
        parsed.longest = max(parsed.longest, length)
        offset += length
        parsed.end = offset
        if not first:
            parsed.records.append(record)
        elif isinstance(record.get("snapshot"), str):
            parsed.snapshot = record["snapshot"]
        elif salvage:
            # Cut at a record: the header is gone, and whose changes follow
            # cannot be told; this first one is still a change that reads.
            parsed.unreadable.append(0)
            parsed.lost_at.append(0)
            parsed.records.append(record)
        else:
            raise DamagedJournal(
                "its first record does not name the session file it goes with", parsed
            )
    return parsed


def longest_change(longest: int) -> int:
    """The most bytes one append can take, after a record ``longest`` bytes long at most.

    A change adds one vote, note, reveal or decision, or writes the session's own
    record whole again (the panel moved on, a round begun): no longer than the
    longest of that record as the snapshot holds it (``own`` of :func:`parse`)
    and of the records since, which hold each later version of it, with what the
    change adds (:data:`CHANGE_ROOM`). A crash leaves no longer a tail than this.
    One that would be longer (payment notes: any number of stretches of time) is
    written whole instead (:class:`~panel_tui.domain.store.journaled.JournalStorage`).
    """
    return longest + CHANGE_ROOM


def read(path: Path, read_bytes: Callable[[Path], bytes] = read_regular) -> bytes | None:
    """The bytes of the journal at ``path``; ``None`` when there is none.

    Parsed (:func:`parse`) once the snapshot beside it is read: its token says
    how long a header cut short by a crash can be.

    Raises:
        UnsafeFile: a link, pipe or folder is there instead.
        OSError: the file is there but cannot be read.
    """
    try:
        return read_bytes(path)
    except FileNotFoundError:
        return None


def _length_at(raw: bytes, offset: int) -> int:
    """The body's length the frame at ``offset`` gives."""
    length: int = FRAME.unpack_from(raw, offset)[0]
    return length


def _whole_length(raw: bytes, offset: int) -> bytes | None:
    """The body of the record at ``offset`` if the file holds all the bytes its frame gives,
    and they are not all zeros (the disk had grown the file, and maybe written the frame,
    but not the body: cut short, not "could not be read back"; found by a review)."""
    start = offset + FRAME.size
    length = _length_at(raw, offset) if start <= len(raw) else 0
    body = raw[start : start + length] if 0 < length <= len(raw) - start else b""
    return body if body.strip(b"\0") else None


def _record_at(raw: bytes, offset: int) -> dict[str, Any] | None:
    """The record whose frame begins at ``offset``, if it is whole and checks.

    The one test of a record, for reading on (:func:`parse`) and for looking
    past damage (:func:`_next_record`): a body that is a JSON object, of the
    length and checksum its frame gives.
    """
    start = offset + FRAME.size
    if start > len(raw):
        return None
    length, checksum = FRAME.unpack_from(raw, offset)
    body = raw[start : start + length]
    if len(body) != length or zlib.crc32(body) != checksum:
        return None
    try:
        record = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested past reading
        return None
    return record if isinstance(record, dict) else None


def _next_record(raw: bytes, start: int) -> int | None:
    """Where the first whole, checked record from ``start`` on begins (``None``: none).

    A torn append leaves at most part of one record at the end; a good record
    after a bad one means damage (a flipped bit, even in a length), never a
    tear, so nothing acknowledged after it is dropped silently.
    """
    # A record's body is a JSON object: only where "{" follows a frame's header,
    # and "}" ends the length it gives, is a record worth checking. So a long
    # tail of garbage costs work in proportion to its size, not to its square.
    brace = raw.find(b"{", start + FRAME.size)
    while brace != -1:
        offset = brace - FRAME.size
        end = brace + _length_at(raw, offset)
        if raw[end - 1 : end] == b"}" and end > brace and _record_at(raw, offset) is not None:
            return offset
        brace = raw.find(b"{", brace + 1)
    return None


class JournalFile:
    """The journal of an open session, held open for appending."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.end = 0
        """Bytes of good records: an append that fails is cut back to here."""
        self._size: int | None = None
        """The file's size as read or last written here; ``None`` when not known."""
        self._header: bytes | None = None
        """The header the file starts with, naming the snapshot it goes with."""

    def known(self, snapshot: str, size: int) -> None:
        """The journal as read: its header names ``snapshot``, and it is ``size`` long."""
        self._header, self._size = header(snapshot), size

    def _handle(self) -> int:
        if self._fd is None:
            existed = self.path.exists()
            self._fd = open_no_follow(self.path, os.O_RDWR | os.O_CREAT)
            if not existed:
                fsync_folder(self.path.parent)  # the new name must survive a crash too
        return self._fd

    def reset(self, snapshot: str) -> None:
        """Empty the journal and start it on the snapshot ``snapshot``.

        The snapshot is durable before this is called, so a crash at any point
        here leaves a journal that is stale, empty or torn: none is replayed.
        The cut is made durable before the header is written, so old bytes can
        never show up behind the new header.
        """
        fd = self._handle()
        os.ftruncate(fd, 0)
        os.fsync(fd)
        self.end = 0
        self._header = header(snapshot)
        self._size = self._write_at_end(self._header)  # all there is after the cut

    def append(self, record: bytes) -> int:
        """Append one change record as framed, flushed and fsynced; returns the journal's size.

        Raises:
            JournalRemoved: another program removed or replaced the journal (the
                record may be in the file that was): write the session again.
            OSError: the disk refused. What was written of the record is cut off
                again when the disk allows, so the next append starts clean.
        """
        if not self._as_left(self._handle()):
            self.close()
            raise JournalRemoved(errno.ESTALE, "The journal was replaced while open")
        end = self._write_at_end(record)
        held = os.fstat(self._handle())
        self._size = held.st_size  # past ``end`` when a torn tail was longer
        if not self._still_named(held):
            self.close()
            raise JournalRemoved(errno.ENOENT, "The journal was removed while the session was open")
        return end

    def _as_left(self, fd: int) -> bool:
        """Whether the file is as read or last written here: its size, and its header.

        Another program may have put an older copy in its place (a backup, a sync
        tool; in place, as Windows can only do), or removed it before the first
        change (the name then opens a new, empty file): its header would name
        another snapshot, or none, and the next start would pass over every
        change appended to it (found by an adversarial tester, and a review).
        """
        if self._size is not None and os.fstat(fd).st_size != self._size:
            return False
        if self._header is None:
            return True
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, len(self._header)) == self._header

    def _still_named(self, held: os.stat_result) -> bool:
        """Whether the file held open (``held``, its ``fstat``) is still the one the
        journal's name leads to.

        By identity rather than by its count of names, which some file systems
        (network shares, FUSE) do not keep.
        """
        try:
            # The name itself: a link put there leads back to the file moved away
            # (found by an adversarial tester: appends went on through it).
            return os.path.samestat(held, os.lstat(self.path))
        except FileNotFoundError:
            return False

    def _write_at_end(self, payload: bytes) -> int:
        fd = self._handle()
        try:
            os.lseek(fd, self.end, os.SEEK_SET)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException as error:
            self._cut_back(fd)
            if isinstance(error, OSError) and error.filename is None:
                error.filename = str(self.path)  # said as the file refused, not the session's
            raise
        self.end += len(payload)
        return self.end

    def _cut_back(self, fd: int) -> None:
        try:
            os.ftruncate(fd, self.end)
            os.fsync(fd)
            self._size = self.end
        except OSError:
            # The record may be there whole, and would be read back though the
            # panel was told it was not saved: spoil its frame so that it reads
            # as a torn last record (dropped), if the disk allows even that.
            # The storage compacts before appending again.
            self._size = None
            with contextlib.suppress(OSError):
                os.lseek(fd, self.end, os.SEEK_SET)
                os.write(fd, SPOILED)
                os.fsync(fd)

    def close(self) -> None:
        """Let go of the file; what was known of it goes too."""
        self._size = self._header = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
