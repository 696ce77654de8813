"""The sub-folders of the sessions folder a file is set aside in: ``damaged/`` and ``replaced/``.

Split from :mod:`files`: each is checked never to be a link (a Windows junction
is one) before anything goes into it, a copy put there gets an unused,
time-stamped name, and a file moved there goes into the folder checked.
"""

from __future__ import annotations

import fnmatch
import os
import secrets
import stat
import time
from collections.abc import Sequence
from pathlib import Path

from panel_tui.domain.store.files import (
    FOLDER_MODE,
    WINDOWS,
    UnsafeFile,
    is_link,
    open_folder_no_follow,
    owner_only_folder,
)

DAMAGED_FOLDER = "damaged"
"""Where, in the sessions folder, a damaged session's files are set aside."""
REPLACED_FOLDER = "replaced"
"""Where, in the sessions folder, a session replaced is kept, written whole."""

#: Whether files are moved into, and deleted from, a folder held open (not on
#: Windows, where ``os.rename`` takes no folder): the folder is then opened once,
#: never through a link, and each file goes into, or from, the folder so opened.
BY_FOLDER = (
    not WINDOWS and {os.rename, os.unlink} <= os.supports_dir_fd and os.listdir in os.supports_fd
)


def check_folder(folder: Path) -> bool:
    """Whether a folder of panel-tui's (``damaged/``, ``replaced/``) is there, never
    following a link (a Windows junction is one): ``False`` when nothing is.

    Raises:
        UnsafeFile: it is a link (to a folder, to nothing, round in a circle) or a file.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return False
    if is_link(info):
        raise UnsafeFile(folder, "it is a link, which panel-tui never writes through")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFile(folder, "it is a file, not a folder")
    return True


def unused_name_in(folder: Path, path: Path) -> Path:
    """An unused, time-stamped name for ``path`` in a sub-folder, made if missing.

    Raises:
        UnsafeFile: the sub-folder is a link or a file (see :func:`check_folder`):
            nothing is moved through it.
    """
    if not check_folder(folder):
        folder.mkdir(exist_ok=True, mode=FOLDER_MODE)
    owner_only_folder(folder)  # copies of sessions: as private as the sessions
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    while os.path.lexists(target):
        target = folder / f"{path.stem}.{stamp}-{secrets.token_hex(2)}{path.suffix}"
    return target


def move_into(folder: Path, moves: Sequence[tuple[Path, Path]]) -> None:
    """Move each ``(source, target)``, every target a name in ``folder``, into ``folder``
    as checked: never through a link another program put there since the look.

    Found by adversarial testing: between :func:`check_folder` and the moves,
    ``damaged/`` swapped for a link took a session's files wherever it led.
    Where files are moved by name (:data:`BY_FOLDER` false: Windows), the folder
    is checked again just before, which leaves only a moment's gap.

    Raises:
        UnsafeFile: ``folder`` is now a link or a file.
        OSError: the system refused a move; the moves before it are made.
    """
    if not BY_FOLDER:
        check_folder(folder)
        for source, target in moves:
            os.rename(source, target)
        return
    fd = _opened(folder)
    try:
        for source, target in moves:
            os.rename(source, target.name, dst_dir_fd=fd)
    finally:
        os.close(fd)


def remove_copies(folder: Path, pattern: str) -> None:
    """Delete the files in ``folder`` whose names match ``pattern`` (a session's copies),
    never through a link put there since it was looked at (as :func:`move_into`).

    Found by adversarial testing: files of like names elsewhere were deleted
    through a link named ``damaged`` or ``replaced``.

    Raises:
        UnsafeFile: ``folder`` is a link or a file.
        OSError: the system refused a deletion.
    """
    if not BY_FOLDER:
        if check_folder(folder):
            for copy in folder.glob(pattern):
                copy.unlink()
        return
    try:
        fd = _opened(folder)
    except FileNotFoundError:
        return
    try:
        for name in os.listdir(fd):
            if fnmatch.fnmatch(name, pattern):
                os.unlink(name, dir_fd=fd)
    finally:
        os.close(fd)


def _opened(folder: Path) -> int:
    """``folder`` opened to move files into or delete from, never through a link.

    Raises:
        UnsafeFile: a link or a file is there.
        OSError: the system refused (``FileNotFoundError``: nothing is there).
    """
    try:
        return open_folder_no_follow(folder)
    except OSError:
        check_folder(folder)  # a link or a file put there: refused as such
        raise
