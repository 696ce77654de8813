"""One writer per session: an exclusive lock on ``<id>.lock``, from ``filelock``.

``filelock`` (tox-dev, used by pip, tox and virtualenv) takes the operating
system's own lock: ``flock`` on Linux and macOS, ``LockFileEx`` on Windows. The
system lets go of it when a process dies, so a lock left by a crash is free
again, with no stale-lock guessing. The lock file is never followed if it is a
link: ``filelock`` opens it with ``O_NOFOLLOW`` (or as a reparse point on
Windows), and the store refuses a link there before it gets that far.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

import filelock

from panel_tui.domain.store.errors import SessionLocked, StoreError, plain_os_error
from panel_tui.domain.store.files import (
    FILE_MODE,
    WINDOWS,
    UnsafeFile,
    check_plain,
    open_no_follow,
)

#: Windows locks the first byte of the lock file, so the holder's process id
#: is written after it, where another process can still read it.
_PID_OFFSET = 1
#: Room for any process id, padded so that a shorter one overwrites a longer.
_PID_WIDTH = 20
#: Without the system's lock (only when ``fcntl`` is missing off Windows),
#: ``filelock`` keeps its own record in the file: the process id is not added.
_NATIVE = WINDOWS or filelock.has_fcntl


def lock_holder(path: Path) -> str | None:
    """The process id written in a lock file, if it can be read."""
    try:
        fd = open_no_follow(path, os.O_RDONLY)
        try:
            if _NATIVE:  # read past the byte Windows locks
                os.lseek(fd, _PID_OFFSET, os.SEEK_SET)
            raw = os.read(fd, _PID_WIDTH)
        finally:
            os.close(fd)
    except OSError:
        return None
    # filelock's soft lock keeps "pid\nhost" from the first byte.
    text = raw.split(b"\n")[0].strip(b"\x00 ").decode(errors="replace")
    return text if text.isdigit() else None


class SessionLock:
    """An exclusive OS lock on ``<id>.lock``; released when the process ends.

    Args:
        path: the lock file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock: filelock.BaseFileLock | None = None

    def acquire(self, session_id: str, not_done: str | None = None) -> None:
        """Take the lock, or say plainly why not.

        Args:
            session_id: the session, for the messages.
            not_done: what does not happen when the lock cannot be taken
                ("the session s1 was not saved"); ``None`` when opening it in
                a window.

        Raises:
            SessionLocked: another panel-tui process holds it.
            StoreError: the lock file is a link or not a file, or the system refuses.
        """
        opening = f"the session {session_id} was not opened"
        try:
            check_plain(self.path)
        except UnsafeFile as unsafe:
            raise _refused_link(unsafe, not_done or opening) from None
        lock = filelock.FileLock(self.path, timeout=0, mode=FILE_MODE, thread_local=False)
        try:
            lock.acquire()
        except filelock.Timeout:
            holder = lock_holder(self.path)
            raise SessionLocked(_busy(session_id, holder, not_done)) from None
        except OSError as error:
            not_done = not_done or opening
            if error.errno in (errno.ELOOP, errno.EMLINK):
                raise _refused_link(UnsafeFile(self.path, "it is a link"), not_done) from None
            raise plain_os_error(error, self.path, not_done) from None
        self._lock = lock
        if _NATIVE:
            self._write_holder()

    def _write_holder(self) -> None:
        # Who holds it, for the message another process shows; the lock itself
        # is the system's, so failing to write this is no danger.
        with contextlib.suppress(OSError):
            fd = open_no_follow(self.path, os.O_WRONLY)
            try:
                os.lseek(fd, _PID_OFFSET, os.SEEK_SET)
                os.write(fd, str(os.getpid()).ljust(_PID_WIDTH).encode())
            finally:
                os.close(fd)

    def release(self) -> None:
        """Let another process take the lock."""
        if self._lock is not None:
            self._lock.release(force=True)
            self._lock = None


def _busy(session_id: str, holder: str | None, not_done: str | None) -> str:
    who = f" (process {holder})" if holder else ""
    if not_done is None:
        return (
            f"The session {session_id} is open in another panel-tui window{who}. "
            "Close it there first, then try again."
        )
    return (
        f"Another panel-tui{who} is using the session {session_id} just now (open in a "
        f"window, or saving or importing it), so {not_done}. Try again once it has finished."
    )


def _refused_link(unsafe: UnsafeFile, not_done: str) -> StoreError:
    return StoreError(
        f"The lock file {unsafe.path} is not a plain file ({unsafe.reason}), so {not_done}. "
        "Someone may have put it there on purpose: remove it, then try again."
    )
