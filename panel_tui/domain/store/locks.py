"""One writer per session: an exclusive lock on ``<id>.lock``, from ``filelock``.

``filelock`` (tox-dev, used by pip, tox and virtualenv) takes the operating
system's own lock: ``flock`` on Linux and macOS, ``LockFileEx`` on Windows. The
system lets go of it when a process dies, so a lock left by a crash is free
again, with no stale-lock guessing. The lock file is never followed if it is a
link: ``filelock`` opens it with ``O_NOFOLLOW`` (or as a reparse point on
Windows), and the store refuses a link there before it gets that far.

The lock file is removed on release, so a clean quit or an import leaves no
``.lock`` behind. ``filelock`` leaves it on Unix because unlinking a locked
file can split waiters across two files (one waits on the old, unlinked file
while a newcomer locks a new one at the same name). Here that cannot happen:

- the holder unlinks the file *before* it unlocks, and only when the name
  still points to the file it locked, then does nothing more under the lock;
- whoever takes a lock checks, once it holds it, that the name still points to
  the file it locked (:meth:`SessionLock.acquire`); if not, the file was
  unlinked by a holder letting go, and it tries again on the new file.

Windows removes the file itself on release (``filelock`` does it), and the
fallback without ``fcntl`` removes its own marker; this applies to the Unix
lock only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import filelock

from panel_tui.domain.store.errors import SessionLocked, StoreError, plain_os_error
from panel_tui.domain.store.files import (
    FILE_MODE,
    SUFFIX,
    TEMP_MARK,
    WINDOWS,
    UnsafeFile,
    check_plain,
    open_no_follow,
)
from panel_tui.domain.store.place import SessionsFolder
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import IDENT_PATTERN

#: Windows locks the first byte of the lock file, so the holder's process id
#: is written after it, where another process can still read it.
_PID_OFFSET = 1
#: Room for any process id, padded so that a shorter one overwrites a longer.
_PID_WIDTH = 20
#: Without the system's lock (only when ``fcntl`` is missing off Windows),
#: ``filelock`` keeps its own record in the file: the process id is not added.
_NATIVE = WINDOWS or filelock.has_fcntl
#: Unix's own lock (flock): the one whose file this module removes on release.
_UNIX_NATIVE = filelock.has_fcntl and not WINDOWS
#: How often to take the lock again when its file was unlinked under us.
_ATTEMPTS = 5


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
        folder: the sessions folder it is in (the store's own), checked before each
            try: ``filelock`` makes a missing folder, and with it every missing
            folder above (open to other users), so a folder moved away or a USB
            stick taken out would be built again under the lock.
    """

    def __init__(self, path: Path, folder: SessionsFolder) -> None:
        self.path = path
        self.folder = folder
        self._lock: filelock.BaseFileLock | None = None
        self._held: os.stat_result | None = None

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
        for _ in range(_ATTEMPTS):
            if self._take(not_done, opening):
                break
        else:  # held by another process (or taken and let go each time we looked)
            self._refuse_if_cannot_make(not_done or opening)
            raise SessionLocked(_busy(session_id, lock_holder(self.path), not_done))
        if _NATIVE:
            self._write_holder()

    def keep(self, session_id: str) -> None:
        """Before a write: make sure this window still holds the session's lock.

        Found by an adversarial tester: with the lock file removed by hand, a second
        window locked a new file at its name, and the two overwrote each other's
        votes. The lock is taken again at the name; held there by another window,
        nothing more is written from this one.

        Raises:
            SessionLocked: another panel-tui window holds the session's lock now.
            StoreError: the lock file is a link, or the system refuses.
        """
        if self._lock is None or self._held is None or self._names(self._held):
            return
        old, not_done = self._lock, "this change was not saved here"
        if not any(self._take(not_done, not_done) for _ in range(_ATTEMPTS)):
            self._refuse_if_cannot_make(not_done)
            raise SessionLocked(
                f"Another panel-tui window{_who(lock_holder(self.path))} opened the session "
                f"{session_id} after its lock file was removed, so {not_done}. Carry on in "
                "that window only, and close this one: what it saved before is kept."
            )
        old.release(force=True)  # the lock of a file no name leads to any more
        self._write_holder()

    def _take(self, not_done: str | None, opening: str, *, watch: bool = _UNIX_NATIVE) -> bool:
        """Take the lock once, without waiting; ``False`` if held elsewhere or its file is gone.

        Args:
            not_done: as for :meth:`acquire`.
            opening: what does not happen when a window cannot open the session.
            watch: note which file was locked, to check the name and to remove
                it on release (Unix's own lock only; ``filelock`` refuses the
                hook for the fallback lock, which removes its own file).
        """
        try:
            self.folder.check()  # never a folder made by filelock
        except OSError as error:
            raise plain_os_error(error, self.path, not_done or opening) from None
        held: list[os.stat_result] = []
        hook: Callable[[int], None] | None = (
            (lambda fd: held.append(os.fstat(fd))) if watch else None
        )
        lock = filelock.FileLock(
            self.path, timeout=0, mode=FILE_MODE, thread_local=False, on_acquired=hook
        )
        try:
            lock.acquire()
        except filelock.Timeout:
            # Held elsewhere, or its file was unlinked by a holder letting go
            # between our open and our lock: the caller tries a few times.
            return False
        except OSError as error:
            if watch and error.errno == errno.ENOSYS:
                # A file system without flock: filelock falls back to a lock file of
                # its own only without the hook, and removes that file itself.
                return self._take(not_done, opening, watch=False)
            not_done = not_done or opening
            if error.errno in (errno.ELOOP, errno.EMLINK):
                raise _refused_link(UnsafeFile(self.path, "it is a link"), not_done) from None
            if error.errno == errno.ENOENT:  # the folder is there (checked): no file made in it
                raise _cannot_make(self.path, error, not_done) from None
            raise plain_os_error(error, self.path, not_done) from None
        if held and not self._names(held[-1]):
            # A holder letting go unlinked the file between our open and our lock:
            # this lock guards no name. Let go of it and take the one at the name.
            lock.release(force=True)
            return False
        self._lock = lock
        self._held = held[-1] if held else None
        return True

    def _refuse_if_cannot_make(self, not_done: str) -> None:
        """When the lock could not be taken and no lock file is there, say why it was not made.

        ``filelock`` takes a lock file its folder refuses to make (``ENOENT`` from a
        folder such as ``/proc/self``; ``EACCES`` on Windows) for one held by another
        process, and waits in vain: the chair was told another panel-tui was using
        the session (found by a tester). A lock held elsewhere has its file at the
        name; without one, a file made in the folder (and gone at once) tells why.

        Raises:
            StoreError: the folder does not let the lock file be made, and why.
        """
        if os.path.lexists(self.path):
            return  # held by another panel-tui, as said
        try:
            with tempfile.TemporaryFile(dir=self.path.parent):
                return  # files can be made there: it was let go just as we looked
        except OSError as error:
            if error.errno in _TAKES_NO_FILES:
                raise _cannot_make(self.path, error, not_done) from None
            raise plain_os_error(error, self.path, not_done) from None

    def _names(self, held: os.stat_result) -> bool:
        """Whether the lock file's name still points to the file that was locked."""
        try:
            return os.path.samestat(os.lstat(self.path), held)
        except OSError:
            return False

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
        """Remove the lock file (see the module's notes on why it is safe), then let go."""
        if self._lock is None:
            return
        if self._held is not None and self._names(self._held):
            # Still held: nobody else can unlink or replace the name meanwhile.
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._lock.release(force=True)
        self._lock = None
        self._held = None


def open_elsewhere(lock: SessionLock, session_id: str, not_done: str) -> str | None:
    """Why another panel-tui keeps this one from the session now, or ``None`` when free.

    The lock is taken and let go at once, so that a command can leave out (and
    say so) a session open in another window before it lists what it will do:
    ``sessions delete`` listed such a session under "This will delete" and only
    then refused it (found by a tester).

    Args:
        lock: the session's lock (not held by this process).
        session_id: the session.
        not_done: what does not happen when the lock cannot be taken for another
            reason ("the session s1 was not deleted").

    Raises:
        StoreError: the lock cannot be taken for another reason (a link, a folder
            that takes no files), said with ``not_done``.
    """
    try:
        lock.acquire(session_id, not_done)
    except SessionLocked:
        return (
            f"it is open in another panel-tui window{_who(lock_holder(lock.path))}; "
            "close it there first, then try again"
        )
    lock.release()
    return None


def _who(holder: str | None) -> str:
    return f" (process {holder})" if holder else ""


def _busy(session_id: str, holder: str | None, not_done: str | None) -> str:
    who = _who(holder)
    if not_done is None:
        return (
            f"The session {session_id} is open in another panel-tui window{who}. "
            "Close it there first, then try again."
        )
    return (
        f"Another panel-tui{who} is using the session {session_id} just now (open in a "
        f"window, or saving or importing it), so {not_done}. Try again once it has finished."
    )


#: What a folder that is there says when it takes no new files (as /proc does).
_TAKES_NO_FILES = (errno.ENOENT, errno.ENOTDIR, errno.EINVAL, errno.EOPNOTSUPP)


def _cannot_make(path: Path, error: OSError, not_done: str) -> StoreError:
    """The lock file could not be made, and why: never said as another panel-tui using it."""
    # The folder is there: "no such file" means it takes no new files (as /proc).
    why = (
        "the folder does not let files be made in it"
        if error.errno in _TAKES_NO_FILES
        else os_reason(error)
    )
    return StoreError(
        f"panel-tui could not make the lock file {path}, which keeps two panel-tui windows "
        f"from writing one session at once ({why}), so {not_done}. Choose a folder of "
        "your own for sessions with --data-dir."
    )


def _refused_link(unsafe: UnsafeFile, not_done: str) -> StoreError:
    return StoreError(
        f"The lock file {unsafe.path} cannot be used ({unsafe.reason}), so {not_done}. "
        "Someone may have put it there on purpose: remove it, then try again."
    )


def clean_temporary_files(root: Path, lock_for: Callable[[str], SessionLock]) -> None:
    """Remove what a crash mid-write left, unless its session is open now."""
    for temp in root.glob(f".*{SUFFIX}{TEMP_MARK}*"):
        session_id = temp.name[1:].split(SUFFIX + TEMP_MARK)[0]
        if not re.fullmatch(IDENT_PATTERN, session_id):
            continue  # not a name this store writes: someone else's file
        lock = lock_for(session_id)
        try:
            lock.acquire(session_id, "its left-over file was kept")
        except StoreError:
            continue
        try:
            temp.unlink(missing_ok=True)
        finally:
            lock.release()
