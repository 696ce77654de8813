"""The store: one TinyDB file per session, written so that no vote is ever lost.

TinyDB's own ``JSONStorage`` truncates its file and rewrites it in place, so a
crash mid-write could destroy a whole session. :class:`AtomicJSONStorage`
serialises first, writes a temporary file in the same folder, flushes, fsyncs,
replaces the old file atomically and fsyncs the folder: at any instant the file
on disk is either the old session or the new one, complete.

A session file holds five TinyDB tables: ``session`` (one document: the bank
copy, panel, candidates, settings and where the panel is) and the event logs
``votes``, ``notes``, ``reveals`` and ``decisions`` (a document per event, in
order). A lock file per session, held with ``flock`` while the session is open,
keeps two processes from writing it; the kernel lets go of it when a process
dies, so a stale lock is taken over safely.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage

from panel_tui.domain.models import (
    Cursor,
    Decision,
    Note,
    Outcome,
    Reveal,
    Session,
    Settings,
    VoteEvent,
    VoteValue,
    now,
)
from panel_tui.domain.text import IDENT_PATTERN

EVENT_TABLES = ("votes", "notes", "reveals", "decisions")
SESSION_TABLE = "session"
SUFFIX = ".json"
TEMP_MARK = ".tmp-"
DAMAGED_FOLDER = "damaged"
REPLACED_FOLDER = "replaced"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


class StoreError(Exception):
    """Something the store cannot do, said in plain words for the person at the laptop."""


class SessionLocked(StoreError):
    """The session is open in another panel-tui process."""


class SessionNotFound(StoreError):
    """No session has that id."""


@dataclass(frozen=True)
class DamagedFile:
    """A session file that could not be read, and where it was moved to."""

    path: Path
    moved_to: Path | None
    reason: str

    def __str__(self) -> str:
        where = (
            f" It was moved to {self.moved_to} so that nothing overwrites it."
            if self.moved_to
            else " It was left where it is."
        )
        return f"The session file {self.path} is damaged ({self.reason}).{where}"


@dataclass(frozen=True)
class SessionSummary:
    """A line of ``sessions list``."""

    id: str
    title: str
    mode: str
    created: datetime
    finished: bool
    candidates: int
    votes: int


def plain_os_error(error: OSError, path: Path) -> StoreError:
    """Turn an operating-system error into words a chair can act on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreError(
            f"The disk is full, so the last change was not saved to {path}. Free some "
            "space and try again; everything saved before is safe."
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreError(
            f"panel-tui is not allowed to write to {path.parent} (read-only or no "
            "permission), so the last change was not saved. Choose another folder with "
            "--data-dir; everything saved before is safe."
        )
    return StoreError(
        f"The last change could not be saved to {path} ({error.strerror or error}). "
        "Everything saved before is safe."
    )


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file.

    The file is readable by its owner only. On failure the old file is untouched
    and the temporary file removed.

    Raises:
        OSError: when the folder or disk refuses.
    """
    temp = path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


class DamagedData(Exception):
    """The bytes of a session file are not a session."""


class NotASession(DamagedData):
    """Whole JSON, but not panel-tui's: another program's file in the folder."""


def decode(raw: bytes) -> dict[str, Any]:
    """Parse a session file's bytes into TinyDB's tables.

    TinyDB would treat an empty file as an empty database and the next write
    would destroy what was there, so an empty file is damaged here.
    """
    if not raw.strip():
        raise DamagedData("the file is empty")
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        raise DamagedData("it is not complete JSON" + (f", line {line}" if line else "")) from None
    if not isinstance(data, dict) or not isinstance(data.get(SESSION_TABLE), dict):
        raise NotASession("it does not hold a panel-tui session")
    return data


class AtomicJSONStorage(Storage):
    """A TinyDB storage that keeps the tables in memory and writes atomically.

    The file is parsed once; later reads return the tables in memory. TinyDB
    changes the dict it read before it writes, so when a write fails the memory
    is dropped and the next read parses the file again: memory never shows a
    change that is not on disk.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        """The tables, parsed from disk on the first read (``None`` for a new file)."""
        if self._data is None:
            try:
                raw = self._path.read_bytes()
            except FileNotFoundError:
                return None
            self._data = decode(raw)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Write every table, durably, before the change counts as made."""
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            write_atomically(self._path, payload)
        except BaseException:
            self._data = None
            raise
        self._data = data

    def close(self) -> None:
        """Nothing is held open between writes."""


def _tables_to_record(tables: Mapping[str, Any]) -> dict[str, Any]:
    documents = tables[SESSION_TABLE]
    if "1" not in documents:
        raise DamagedData("it does not hold a panel-tui session")
    record = dict(documents["1"])
    for name in EVENT_TABLES:
        table = tables.get(name) or {}
        record[name] = [table[key] for key in sorted(table, key=int)]
    return record


def _record_to_tables(session: Session) -> dict[str, Any]:
    record = session.model_dump(mode="json")
    tables: dict[str, Any] = {
        name: {str(n): doc for n, doc in enumerate(record.pop(name), 1)} for name in EVENT_TABLES
    }
    tables[SESSION_TABLE] = {"1": record}
    return tables


def session_from_bytes(raw: bytes) -> Session:
    """Read a session file's bytes.

    Raises:
        DamagedData: the bytes are not a complete, valid session.
    """
    record = _tables_to_record(decode(raw))
    try:
        return Session.model_validate(record)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "the session"
        raise DamagedData(f"{where}: {first['msg']}") from None


class _Lock:
    """An exclusive ``flock`` on ``<id>.lock``; released when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, session_id: str) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            raise plain_os_error(error, self.path) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise SessionLocked(
                f"The session {session_id} is open in another panel-tui window "
                f"(process {holder}). Close it there first, then try again."
            ) from None
        try:
            # Who holds it, for the message another process shows; the lock
            # itself is the flock, so failing to write this is no danger.
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError as error:
            os.close(fd)  # closing lets go of the lock
            raise plain_os_error(error, self.path) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class OpenSession:
    """A session opened for writing: every change is on disk when a method returns.

    ``session`` is the state as it is on disk; screens read it after each call.
    """

    def __init__(self, path: Path, lock: _Lock) -> None:
        self.path = path
        self._lock = lock
        self._db = TinyDB(path, storage=AtomicJSONStorage)
        session = self._from_disk()
        if session is None:
            raise SessionNotFound(f"There is no session file {path}.")
        self.session = session

    def _from_disk(self) -> Session | None:
        tables = self._db.storage.read()
        return None if tables is None else Session.model_validate(_tables_to_record(tables))

    # -- writing ------------------------------------------------------------

    def _append(self, table: str, record: Any) -> None:
        try:
            self._db.table(table).insert(record.model_dump(mode="json"))
        except OSError as error:
            self._reload()
            raise plain_os_error(error, self.path) from None
        events = getattr(self.session, table)
        self.session = self.session.model_copy(update={table: [*events, record]})

    def _update_meta(self, **changes: Any) -> None:
        updated = self.session.model_copy(update=changes)
        record = updated.model_dump(mode="json", include=set(changes))
        try:
            self._db.table(SESSION_TABLE).update(record, doc_ids=[1])
        except OSError as error:
            self._reload()
            raise plain_os_error(error, self.path) from None
        self.session = updated

    def _reload(self) -> None:
        """After a failed write, take the state from disk again.

        A write can fail after the new file is in place (the folder's fsync), so
        the disk may hold the change: the screen then shows what the disk holds.
        """
        # If the disk cannot be read, the state in memory stays as before the write.
        with contextlib.suppress(OSError, DamagedData, ValidationError):
            self.session = self._from_disk() or self.session

    def record_vote(
        self, candidate: str, question: str, member: str, value: VoteValue | None
    ) -> VoteEvent:
        """Record a vote (``None`` withdraws one); returns once it is on disk."""
        if not self.session.member(member).votes:
            raise StoreError("Observers take notes and do not vote.")
        vote = self.session.new_vote(candidate, question, member, value)
        self._append("votes", vote)
        return vote

    def undo(self, candidate: str, question: str) -> VoteEvent | None:
        """Undo the last vote given on this answer, bringing back what stood before.

        Returns the event written, or ``None`` when there is nothing to undo.
        """
        found = self.session.undoable_vote(candidate, question)
        if found is None:
            return None
        index, vote = found
        revealed = self.session.is_revealed(candidate, question)
        # Once the votes show, an undo withdraws the vote rather than bring back
        # an earlier one the room may never have seen while it was sealed.
        restored = None if revealed else self.session.value_before(index)
        event = VoteEvent(
            candidate=candidate,
            question=question,
            member=vote.member,
            value=restored,
            at=now(),
            after_reveal=revealed and restored != vote.value,
            undoes=index,
        )
        self._append("votes", event)
        return event

    def reveal(self, candidate: str, question: str) -> None:
        """Show the votes on an answer before everyone has voted."""
        if not self.session.is_revealed(candidate, question):
            self._append("reveals", Reveal(candidate=candidate, question=question, at=now()))

    def add_note(self, candidate: str, question: str | None, text: str) -> Note:
        """Add a note on an answer (or on the candidate)."""
        note = Note(candidate=candidate, question=question, text=text, at=now())
        self._append("notes", note)
        return note

    def decide(self, candidate: str, outcome: Outcome, reason: str) -> Decision:
        """Record the panel's decision on a candidate (the latest one counts)."""
        decision = Decision(candidate=candidate, outcome=outcome, reason=reason, at=now())
        self._append("decisions", decision)
        return decision

    def move_to(self, candidate: str, question: str) -> None:
        """Remember where the panel is, so a restart resumes there."""
        cursor = Cursor(candidate=candidate, question=question)
        if cursor != self.session.cursor:
            self._update_meta(cursor=cursor)

    def change_settings(self, settings: Settings) -> None:
        """Change the settings; only before the first vote, as agreed beforehand."""
        if self.session.votes:
            raise StoreError("The scoring rule and sealing are fixed once the first vote is given.")
        self._update_meta(settings=settings)

    def set_finished(self, finished: bool = True) -> None:
        """Mark the session finished (or open it again).

        Finishing shows the votes on answers still sealed, as a reveal in the
        history, so the summary on screen and every export hold the same votes.
        """
        if finished:
            for candidate, question in sorted(self.session.sealed_answers()):
                self.reveal(candidate, question)
        self._update_meta(finished=finished)

    def close(self) -> None:
        """Let another process open the session."""
        self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class Store:
    """The sessions folder: one ``<id>.json`` per session, plus locks.

    Damaged files met along the way are moved into ``damaged/`` and listed in
    ``damaged``; the other sessions go on working.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.damaged: list[DamagedFile] = []
        try:
            if not root.is_dir():
                root.mkdir(parents=True, mode=FOLDER_MODE)
                os.chmod(root, FOLDER_MODE)  # mkdir's mode is masked by the umask
        except OSError as error:
            raise StoreError(
                f"panel-tui cannot use the folder {root} for sessions "
                f"({error.strerror or error}). Choose another with --data-dir."
            ) from None
        self._clean_temporary_files()

    def path(self, session_id: str) -> Path:
        """Where a session's file is (whether or not it exists).

        Raises:
            SessionNotFound: the id could not be a session's (say ``../x``), so
                no file outside the folder is ever named.
        """
        if not re.fullmatch(IDENT_PATTERN, session_id):
            raise SessionNotFound(
                f"There is no session {session_id!r}: session ids hold only letters, "
                "digits, - and _. 'panel-tui sessions list' shows them."
            )
        return self.root / f"{session_id}{SUFFIX}"

    def _lock_path(self, session_id: str) -> Path:
        return self.path(session_id).with_suffix(".lock")

    def _clean_temporary_files(self) -> None:
        """Remove what a crash mid-write left, unless its session is open now."""
        for temp in self.root.glob(f".*{SUFFIX}{TEMP_MARK}*"):
            session_id = temp.name[1:].split(SUFFIX + TEMP_MARK)[0]
            if not re.fullmatch(IDENT_PATTERN, session_id):
                continue  # not a name this store writes: someone else's file
            lock = _Lock(self._lock_path(session_id))
            try:
                lock.acquire(session_id)
            except (SessionLocked, OSError):
                continue
            try:
                temp.unlink(missing_ok=True)
            finally:
                lock.release()

    def _session_files(self) -> Iterator[Path]:
        yield from sorted(p for p in self.root.glob(f"*{SUFFIX}") if not p.name.startswith("."))

    def _aside(self, folder_name: str, path: Path) -> Path:
        """An unused, time-stamped name for ``path`` in a sub-folder, made if missing."""
        folder = self.root / folder_name
        folder.mkdir(exist_ok=True, mode=FOLDER_MODE)
        stamp = now().strftime("%Y%m%dT%H%M%SZ")
        target = folder / f"{path.stem}.{stamp}{path.suffix}"
        while target.exists():
            target = folder / f"{path.stem}.{stamp}-{secrets.token_hex(2)}{path.suffix}"
        return target

    def _set_aside(self, path: Path, reason: str) -> DamagedFile:
        try:
            target = self._aside(DAMAGED_FOLDER, path)
            os.rename(path, target)
        except OSError:
            found = DamagedFile(path, None, reason)
        else:
            found = DamagedFile(path, target, reason)
        self.damaged.append(found)
        return found

    def _read(self, path: Path) -> Session:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise SessionNotFound(
                f"There is no session {path.stem} in {self.root}. "
                "'panel-tui sessions list' shows the sessions there."
            ) from None
        except OSError as error:
            raise StoreError(
                f"The session file {path} cannot be read ({error.strerror})."
            ) from None
        try:
            return session_from_bytes(raw)
        except NotASession:
            # Some other program's JSON file: not ours to move.
            raise StoreError(f"{path} does not hold a panel-tui session.") from None
        except DamagedData as error:
            raise StoreError(str(self._set_aside(path, str(error)))) from None

    def load(self, session_id: str) -> Session:
        """Read a session without opening it for writing (for exports and lists)."""
        return self._read(self.path(session_id))

    def sessions(self) -> list[Session]:
        """Every readable session, newest first; damaged files are set aside."""
        found = []
        for path in self._session_files():
            try:
                found.append(self._read(path))
            except StoreError:
                continue
        return sorted(found, key=lambda s: (s.created, s.id), reverse=True)

    def summaries(self) -> list[SessionSummary]:
        """A line for each readable session, newest first."""
        return [
            SessionSummary(
                s.id, s.title, s.mode, s.created, s.finished, len(s.candidates), len(s.votes)
            )
            for s in self.sessions()
        ]

    def exists(self, session_id: str) -> bool:
        """Whether a session file has this id."""
        return self.path(session_id).exists()

    def open(self, session_id: str) -> OpenSession:
        """Open a session for writing; only one process may have it open.

        Raises:
            SessionLocked: another panel-tui has it open.
            SessionNotFound: there is no such session.
            StoreError: the file is damaged (it is set aside).
        """
        lock = _Lock(self._lock_path(session_id))
        lock.acquire(session_id)
        try:
            self._read(self.path(session_id))  # sets a damaged file aside, with a message
            return OpenSession(self.path(session_id), lock)
        except BaseException:
            lock.release()
            raise

    def save(self, session: Session, *, replace: bool = False) -> Path | None:
        """Write a whole session (a new one, or an import), durably.

        Replacing never destroys the session that was there: its file is kept
        in ``replaced/`` first, and that copy's path is returned.

        Raises:
            StoreError: the id is taken and ``replace`` is false, the session is
                open elsewhere, or the disk refuses.
        """
        path = self.path(session.id)
        lock = _Lock(self._lock_path(session.id))
        lock.acquire(session.id)
        kept = None
        try:
            if path.exists():
                if not replace:
                    raise StoreError(
                        f"A session with the id {session.id} is already in {self.root}. "
                        "Use --replace to replace it (the one there is kept in "
                        "replaced/), or delete it first."
                    )
                kept = self._keep_copy(path)
            payload = json.dumps(_record_to_tables(session), ensure_ascii=False).encode()
            write_atomically(path, payload)
        except OSError as error:
            raise plain_os_error(error, path) from None
        finally:
            lock.release()
        return kept

    def _keep_copy(self, path: Path) -> Path:
        target = self._aside(REPLACED_FOLDER, path)
        write_atomically(target, path.read_bytes())
        return target

    def create(self, session: Session) -> OpenSession:
        """Save a new session and open it."""
        self.save(session)
        return self.open(session.id)

    def delete(self, session_id: str) -> None:
        """Delete a session's file, lock file and kept copies from disk.

        Raises:
            SessionLocked: it is open in another panel-tui.
            SessionNotFound: there is no such session.
        """
        path = self.path(session_id)
        if not path.exists():
            raise SessionNotFound(f"There is no session {session_id} in {self.root}.")
        lock_path = self._lock_path(session_id)
        lock = _Lock(lock_path)
        lock.acquire(session_id)
        try:
            path.unlink()
            for copy in (self.root / REPLACED_FOLDER).glob(f"{session_id}.*{SUFFIX}"):
                copy.unlink()
            fsync_folder(self.root)
        finally:
            lock.release()
            lock_path.unlink(missing_ok=True)
