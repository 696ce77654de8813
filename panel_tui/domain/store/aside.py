"""The sub-folders of the sessions folder a file is set aside in: ``damaged/`` and ``replaced/``.

Split from :mod:`files`: each is checked never to be a link (a Windows junction
is one) before anything goes into it, and a copy put there gets an unused,
time-stamped name.
"""

from __future__ import annotations

import os
import secrets
import stat
import time
from pathlib import Path

from panel_tui.domain.store.files import FOLDER_MODE, UnsafeFile, is_link, owner_only_folder


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
