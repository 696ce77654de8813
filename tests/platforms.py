"""What a test needs of the system it runs on: pytest marks, and links made where they can be."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

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


def link_in_a_circle(name: Path, *, through: str | None = None) -> Path:
    """Make ``name`` a link to itself, or (``through``) to a link of that name beside it
    that leads back: each leads round in a circle, where Python 3.11 and 3.12 raise a
    ``RuntimeError`` from ``Path.resolve``. Skips the test where links cannot be made.
    """
    other = name if through is None else name.with_name(through)
    try:
        name.symlink_to(other)
        if other != name:
            other.symlink_to(name)
    except (OSError, NotImplementedError):
        pytest.skip("links cannot be made here")
    return name


def link_to(name: Path, target: Path) -> Path:
    """Make ``name`` a link to ``target`` (a file or a folder); skips the test where links
    cannot be made."""
    try:
        name.symlink_to(target, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError):
        pytest.skip("links cannot be made here")
    return name


def held_open(monkeypatch: pytest.MonkeyPatch, *held: Path) -> None:
    """Make ``os.replace`` refuse each of ``held`` as Windows does while another program
    (Excel, say) has it open: errno 13 with winerror 32, the sharing violation, naming the
    temporary file and the file replaced. The store's waits between attempts are skipped.
    """
    from panel_tui.domain.store import durable

    real = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if Path(target) in held:
            error = PermissionError(
                errno.EACCES,
                "The process cannot access the file because it is being used by another process",
                str(source),
                None,
                str(target),
            )
            error.winerror = 32  # type: ignore[attr-defined]  # set by Python on Windows only
            raise error
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(durable, "REPLACE_DELAYS", ())
