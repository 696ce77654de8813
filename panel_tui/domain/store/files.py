"""Bytes on disk: safe reads, and files and folders readable by their owner only.

Every file the store reads or writes is opened through :func:`open_no_follow`,
so a link planted in the sessions folder is never followed and a pipe or a
device named ``*.json`` never hangs the app. The same code runs on Windows:
what differs there (no ``O_NOFOLLOW``, modes that mean little) is handled here
and nowhere else, but for moves into a folder held open (:data:`aside.BY_FOLDER`);
the durable writes, and what differs for them (no folder fsync, a replace that an
antivirus scanner can hold up for a moment), are in ``durable.py``.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from panel_tui.domain.system_words import os_reason, size_words

SUFFIX = ".json"
TEMP_MARK = ".tmp-"
FILE_MODE = 0o600
FOLDER_MODE = 0o700

#: Far above a session of 20,000 events (a few MB), far below what would hurt to read.
MAX_FILE_BYTES = 64 * 1024 * 1024

WINDOWS = sys.platform == "win32"

# Flags that some systems lack are 0 there. O_BINARY stops Windows from
# translating line ends; O_NONBLOCK stops the open of a pipe from waiting for a
# writer (a regular file ignores it).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOINHERIT = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


class UnsafeFile(OSError):
    """A name in the folder that is not a plain file to read or write.

    A link, a pipe, a device, a folder, or a file too large to be a session.
    An ``OSError`` (with the reason as its ``strerror``), so that code which
    words the system's refusals words this one too.

    Attributes:
        path: the name.
        reason: why it is refused, in plain words ("it is a link").
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(None, reason, str(path))
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "it is a link to somewhere else, which panel-tui never follows"
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    # Said once, with no brackets, as messages put the reason in theirs.
    return "it is a pipe, a device or a socket, not a plain file"


#: Windows' symbolic links and junctions. Other reparse points, such as the
#: files OneDrive keeps online, are plain files to read.
_LINK_TAGS = frozenset(
    {
        getattr(stat, "IO_REPARSE_TAG_SYMLINK", 0xA000000C),
        getattr(stat, "IO_REPARSE_TAG_MOUNT_POINT", 0xA0000003),
    }
)


def is_link(info: os.stat_result) -> bool:
    """Whether what ``os.lstat`` found is a link (on Windows, a junction too)."""
    return stat.S_ISLNK(info.st_mode) or getattr(info, "st_reparse_tag", 0) in _LINK_TAGS


def check_plain(path: Path) -> os.stat_result | None:
    """What ``path`` itself is, without following it; ``None`` when nothing is there.

    Raises:
        UnsafeFile: it is a link, a folder, a pipe or a device.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if is_link(info):
        raise UnsafeFile(path, _kind(stat.S_IFLNK))
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile(path, _kind(info.st_mode))
    return info


def open_no_follow(path: Path, flags: int, mode: int = FILE_MODE) -> int:
    """``os.open`` that never follows a link and opens only a plain file.

    Where the system has ``O_NOFOLLOW`` the kernel refuses a link; elsewhere
    (Windows) an ``lstat`` looks first. Either way the opened file is checked
    to be a regular file, so a pipe or device is never read or written.

    Raises:
        UnsafeFile: ``path`` is a link or not a regular file.
        OSError: the system refuses (missing, no permission, disk full...).
    """
    before = check_plain(path)
    try:
        fd = os.open(path, flags | _NOFOLLOW | _BINARY | _NONBLOCK | _NOINHERIT, mode)
    except OSError as error:
        # A link put in place after the lstat: O_NOFOLLOW says ELOOP (EMLINK on BSD).
        if error.errno in (errno.ELOOP, errno.EMLINK) and os.path.islink(path):
            raise UnsafeFile(path, _kind(stat.S_IFLNK)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(path, _kind(info.st_mode))
        moved = before is not None and (info.st_dev, info.st_ino) != (before.st_dev, before.st_ino)
        if moved and not WINDOWS:  # Windows' numbers may differ between lstat and fstat
            raise UnsafeFile(path, "it was replaced while panel-tui opened it")
    except BaseException:
        os.close(fd)
        raise
    return fd


def open_folder_no_follow(folder: Path) -> int:
    """``os.open`` of a folder, never through a link, to move files into (not on Windows).

    Raises:
        OSError: a link or a file is there (``ELOOP``, ``ENOTDIR``), or the system refuses.
    """
    return os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _NOINHERIT)


def read_regular(path: Path, limit: int | None = None, *, follow_links: bool = False) -> bytes:
    """The bytes of a plain file, at most ``limit`` of them; never a pipe or a device.

    Args:
        path: the file.
        limit: the most bytes a file may hold; by default :data:`MAX_FILE_BYTES`, read
            at each call (as :mod:`room` reads it), so that a test can make it smaller.
        follow_links: read through a link (a question bank linked into its
            folder); session files never are.

    Raises:
        UnsafeFile: a pipe, device or folder (or a link, unless followed), or a
            file over ``limit``.
        OSError: the system refuses (missing, no permission...).
    """
    if limit is None:
        limit = MAX_FILE_BYTES
    fd = _open_followed(path) if follow_links else open_no_follow(path, os.O_RDONLY)
    try:
        too_large = UnsafeFile(path, f"it is larger than {size_words(limit)}")
        if os.fstat(fd).st_size > limit:
            raise too_large
        chunks = []
        size = 0
        while chunk := os.read(fd, 1024 * 1024):
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _open_followed(path: Path) -> int:
    """``os.open`` for reading through any link, of a plain file only (a pipe never waits)."""
    fd = os.open(path, os.O_RDONLY | _BINARY | _NONBLOCK | _NOINHERIT)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnsafeFile(path, _kind(mode))
    except BaseException:
        os.close(fd)
        raise
    return fd


def make_owner_only(path: Path) -> str | None:
    """Make a plain file of the user's readable by its owner only (never through a link).

    Returns:
        ``None`` when it is (now) owner-only, or why it is left readable by others.

    Raises:
        UnsafeFile: ``path`` is a link or not a plain file.
        OSError: the system refuses.
    """
    fd = open_no_follow(path, os.O_RDONLY)
    try:
        return owner_only(fd, path)
    finally:
        os.close(fd)


def owner_only(fd: int, path: Path) -> str | None:
    """Make an open file readable by its owner only; say why not where that cannot be done.

    Returns:
        ``None`` when the file is (now) owner-only, or the reason it is left
        readable by others. On Windows, where modes mean little (the folder's
        access list decides), nothing is done: best effort, as the README says.
    """
    if WINDOWS or not hasattr(os, "fchmod"):
        return None
    info = os.fstat(fd)
    if not stat.S_IMODE(info.st_mode) & 0o077:
        return None
    shared = f"{path} can be read by other users of this computer"
    if info.st_uid != os.geteuid():
        return f"{shared}; it belongs to another user, so panel-tui cannot change that"
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError as error:
        return f"{shared}, and panel-tui could not change that ({os_reason(error)})"
    return None


def owner_only_folder(folder: Path, *, ours: bool = True) -> str | None:
    """Take other users' access away from a folder of panel-tui's; say why not where it is left.

    It only ever narrows: the owner's own access stays as it was, so a folder
    made read-only stays so. Left as it is, and named: a folder shared on purpose
    (the sticky bit, as ``/tmp``, or set-group-ID, as a team's share), another
    user's, and one that is not panel-tui's (``ours`` false: it did not make it,
    and files were in it before). The session files in it are owner-only all the same.
    Nothing is done on Windows, where modes mean little.

    Returns:
        ``None`` when the folder is (now) owner-only, or what is left as it is.
    """
    if WINDOWS:
        return None
    info = os.stat(folder)
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o077:
        return None
    shared = f"The folder {folder} is open to other users of this computer"
    if info.st_uid != os.geteuid():
        whose = "another user's"
    elif info.st_mode & (stat.S_ISVTX | stat.S_ISGID):
        whose = "shared on purpose"
    elif not ours:
        whose = "panel-tui did not make it, and found files in it already"
    else:
        try:
            os.chmod(folder, mode & ~0o077)
        except OSError as error:
            return f"{shared}, and panel-tui could not change that ({os_reason(error)})"
        return None
    return (
        f"{shared} ({whose}). Each session file in it is readable by you only, but "
        "others can see their names: choose a folder of your own with --data-dir"
    )


def resolved(path: Path) -> Path:
    """``path`` with ``..`` and links resolved, as :meth:`Path.resolve` does.

    Every path panel-tui resolves goes through here: a folder or file a person
    names, or one found in the sessions or banks folder.

    Raises:
        OSError: a link on the way leads round in a circle (``ELOOP``, said in plain
            words by :func:`panel_tui.domain.system_words.os_reason`), where Python
            before 3.13 raises a ``RuntimeError`` that reached the chair as a traceback.
    """
    try:
        return path.resolve()
    except RuntimeError:  # "Symlink loop from ..." (Python 3.11 and 3.12)
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def make_folder(folder: Path) -> None:
    """Make ``folder`` (and its parents) if missing, owner-only as the files put in it.

    A folder already there is left as it is: it is the user's own.

    Raises:
        NotADirectoryError: a file of that name is in the way.
        OSError: the disk refuses.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    except FileExistsError as error:
        # A file of that name: refused as such, never taken for a folder already there.
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder)) from error
