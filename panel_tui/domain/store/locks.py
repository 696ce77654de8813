"""One writer per session: an exclusive lock on ``<id>.lock``.

The lock is held with ``flock`` while the session is open; the kernel lets go
of it when a process dies, so a stale lock is taken over safely.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from panel_tui.domain.store.errors import SessionLocked, plain_os_error
from panel_tui.domain.store.files import FILE_MODE


class SessionLock:
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
