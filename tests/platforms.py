"""What a test needs of the system it runs on, as pytest marks."""

from __future__ import annotations

import sys

import filelock
import pytest

WINDOWS = sys.platform == "win32"

#: Forks, SIGKILL, FIFOs, symlinks and modes as POSIX has them.
posix_only = pytest.mark.skipif(WINDOWS, reason="uses fork, signals, links or modes of POSIX")

#: The operating system's own lock (flock, LockFileEx): a dead process's lock is
#: free again and the holder's process id can be shown. Missing only when the
#: suites run with ``fcntl`` blocked on Linux (``-p tests.no_fcntl``), where
#: ``filelock`` can only offer its soft lock.
os_lock = pytest.mark.skipif(
    not (WINDOWS or filelock.has_fcntl), reason="needs the system's own file lock"
)
