"""The sessions folder: one ``<id>.json`` per session, plus locks and set-aside copies."""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from panel_tui.domain.models import Session, now
from panel_tui.domain.store import files
from panel_tui.domain.store.errors import (
    DamagedFile,
    SessionLocked,
    SessionNotFound,
    StoreError,
    plain_os_error,
)
from panel_tui.domain.store.files import FOLDER_MODE, SUFFIX, TEMP_MARK
from panel_tui.domain.store.locks import SessionLock
from panel_tui.domain.store.opened import OpenSession
from panel_tui.domain.store.storage import (
    DamagedData,
    NotASession,
    record_to_tables,
    session_from_bytes,
)
from panel_tui.domain.text import IDENT_PATTERN

DAMAGED_FOLDER = "damaged"
REPLACED_FOLDER = "replaced"


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
            lock = SessionLock(self._lock_path(session_id))
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
        lock = SessionLock(self._lock_path(session_id))
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
        lock = SessionLock(self._lock_path(session.id))
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
            payload = json.dumps(record_to_tables(session), ensure_ascii=False).encode()
            files.write_atomically(path, payload)
        except OSError as error:
            raise plain_os_error(error, path) from None
        finally:
            lock.release()
        return kept

    def _keep_copy(self, path: Path) -> Path:
        target = self._aside(REPLACED_FOLDER, path)
        files.write_atomically(target, path.read_bytes())
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
        lock = SessionLock(lock_path)
        lock.acquire(session_id)
        try:
            path.unlink()
            for copy in (self.root / REPLACED_FOLDER).glob(f"{session_id}.*{SUFFIX}"):
                copy.unlink()
            files.fsync_folder(self.root)
        finally:
            lock.release()
            lock_path.unlink(missing_ok=True)
