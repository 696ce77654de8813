"""Bytes on disk: durable, atomic writes readable by their owner only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SUFFIX = ".json"
TEMP_MARK = ".tmp-"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


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
