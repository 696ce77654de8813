"""Durable writes: a file replaced whole or not at all, and kept through a crash.

A file is written beside its name, fsynced, put in its place with one rename and
the rename fsynced in the folder: a crash leaves the old file or the new one,
never half of either. What differs on Windows (no folder fsync, a replace that
an antivirus scanner can hold up for a moment) is handled here.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from panel_tui.domain.store.files import TEMP_MARK, WINDOWS, open_no_follow
from panel_tui.domain.system_words import HELD_OPEN_WINERRORS

#: Windows errors a scanner or the search indexer causes while it holds a file
#: for a moment: access denied, sharing violation, lock violation.
TRANSIENT_WINERRORS = HELD_OPEN_WINERRORS | {5}
#: Waits between attempts at a replace, growing as SQLite's ``os_win.c`` does
#: but shorter: under half a second in all.
REPLACE_DELAYS = (0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable.

    Not on Windows: a folder cannot be opened there to be fsynced (``os.open``
    of a folder fails), and NTFS records the rename in its own metadata journal
    instead; the file's own fsync before the replace still holds its bytes.
    """
    if WINDOWS:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retries(
    source: Path, target: Path, *, sleep: Callable[[float], None] | None = None
) -> None:
    """``os.replace``, tried again a few times while Windows says the file is busy.

    An antivirus scanner or the search indexer may hold a file for a moment
    (winerror 5, 32 or 33), as SQLite's ``os_win.c`` also allows for. Other
    errors, and these once the waits are used up, are raised at once.

    Raises:
        OSError: the replace did not happen.
    """
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as error:
            if delay is None or getattr(error, "winerror", None) not in TRANSIENT_WINERRORS:
                raise
            (sleep or time.sleep)(delay)


def write_all(fd: int, payload: bytes) -> None:
    """Write every byte of ``payload`` to ``fd`` and fsync it."""
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def write_atomically(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file.

    The file is readable by its owner only. On failure the old file is untouched
    and the temporary file removed. A link at ``path`` is replaced, never followed.

    Raises:
        OSError: when the folder or disk refuses.
    """
    temp = path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")
    fd = open_no_follow(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        try:
            write_all(fd, payload)
        finally:
            os.close(fd)
        replace_with_retries(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
