"""Where the sessions are: the folder panel-tui started with, checked before each write.

Found by a tester: with the sessions folder moved away while a session was open
(or a USB stick taken out), the next vote built the whole path again (the lock
library makes missing folders, open to other users), wrote the session into the
new, empty folder and said a sync tool had changed its files. With a stick taken
out, the empty folder it is mounted on took the session, hidden again when the
stick came back. Panel-tui makes the sessions folder only at the start; after that
a write checks that it is still there, on the same disk, and is refused if not.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FolderGone(OSError):
    """The sessions folder is not where it was (moved, renamed, or its disk taken out).

    An ``OSError``, so that code which words the system's refusals words this one
    too (see :func:`panel_tui.domain.store.errors.plain_os_error`).

    Attributes:
        folder: the sessions folder.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(errno.ENOENT, "the sessions folder is gone", str(folder))
        self.folder = folder


class SessionsFolder:
    """The sessions folder, and the disk it was on when panel-tui started.

    Args:
        root: the folder.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._device: int | None = None

    def settle(self) -> None:
        """Note the disk the folder is on now (once it is made, at the start).

        Raises:
            OSError: it cannot be looked at.
        """
        self._device = os.stat(self.root).st_dev

    def there(self) -> bool:
        """Whether the folder is there now, on its disk (one the system refuses to look
        at counts as there: the next write says what is wrong)."""
        try:
            self.check()
        except FolderGone:
            return False
        except OSError:
            return True
        return True

    def check(self) -> None:
        """Before a write: the folder is still there, on the disk it was on.

        Another disk at the same name is the empty folder a USB stick is mounted
        on, once the stick is out: what is written there is hidden when it is back.
        The folder's own file number is not compared, as some network shares
        change it between looks.

        Raises:
            FolderGone: it is not there, is not a folder, or is on another disk.
            OSError: the system refuses to look (a disk failing, no permission).
        """
        try:
            info = os.stat(self.root)
        except (FileNotFoundError, NotADirectoryError):
            raise FolderGone(self.root) from None
        if not stat.S_ISDIR(info.st_mode):
            raise FolderGone(self.root)
        if self._device is not None and info.st_dev != self._device:
            raise FolderGone(self.root)
