"""A lock file the folder will not let be made is said as such, never as a session in use.

Found by a tester: ``panel-tui --data-dir /proc/self import x.json`` said "Another
panel-tui is using the session ... just now": ``filelock`` takes a lock file that
cannot be created for one held by another process, and waits. The folder here
refuses every new file, as ``/proc`` does (``ENOENT``) or a folder without
permission (``EACCES``); run with and without ``fcntl`` (``-p tests.no_fcntl``).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from panel_tui.domain.store import SessionLocked, Store, StoreError
from panel_tui.domain.store.locks import SessionLock
from panel_tui.domain.store.place import SessionsFolder
from tests.domain.builders import session as build

#: A nameless file made in a folder (Linux), as ``tempfile`` makes one; 0 elsewhere.
NAMELESS = getattr(os, "O_TMPFILE", 0)


def refuse_new_files(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    """Make ``folder`` refuse every new file with ``code``; files there open as before."""
    real_open = os.open

    def open_in(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        where = Path(os.fsdecode(path)).absolute()
        named = flags & os.O_CREAT and where.parent == folder.absolute()
        nameless = NAMELESS and flags & NAMELESS == NAMELESS and where == folder.absolute()
        if (named and not os.path.lexists(where)) or nameless:
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_in)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    made = Store(tmp_path / "sessions")
    made.save(build("LP"))  # a session there before the folder refuses new files
    return made


def test_a_lock_file_the_folder_cannot_make_is_not_said_to_be_in_use(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_new_files(monkeypatch, store.root, errno.ENOENT)
    with pytest.raises(StoreError) as refused:
        store.open("s1")
    said = str(refused.value)
    assert not isinstance(refused.value, SessionLocked)
    assert "Another panel-tui" not in said
    assert f"panel-tui could not make the lock file {store.root / 's1.lock'}" in said
    assert "(the folder does not let files be made in it), so the session s1 was not opened" in said


def test_an_import_into_such_a_folder_says_why(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_new_files(monkeypatch, store.root, errno.ENOENT)
    with pytest.raises(StoreError, match="could not make the lock file") as refused:
        store.save(build("LP").model_copy(update={"id": "s2"}))
    assert "so the session s2 was not saved" in str(refused.value)
    assert not store.exists("s2")


def test_a_folder_without_permission_says_so(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_new_files(monkeypatch, store.root, errno.EACCES)
    with pytest.raises(StoreError) as refused:
        store.open("s1")
    assert not isinstance(refused.value, SessionLocked)
    assert f"panel-tui is not allowed to write to {store.root}" in str(refused.value)


def test_a_lock_really_held_is_still_said_to_be_in_use(tmp_path: Path) -> None:
    path = tmp_path / "s1.lock"
    held = SessionLock(path, SessionsFolder(path.parent))
    held.acquire("s1")
    try:
        with pytest.raises(SessionLocked, match="Another panel-tui"):
            SessionLock(path, SessionsFolder(path.parent)).acquire(
                "s1", "the session s1 was not saved"
            )
    finally:
        held.release()
