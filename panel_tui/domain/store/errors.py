"""What the store says when it cannot do something, in plain words."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from panel_tui.domain.text import printable


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
        # Any file in the folder is named here, so its name is shown with controls escaped.
        return printable(f"The session file {self.path} is damaged ({self.reason}).{where}")


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
