"""The ``.lock`` file goes when the lock is let go, without breaking the lock.

A holder unlinks the file only while it still holds it and only when the name
still points to the file it locked; a taker checks, once it holds a lock, that
the name points to the file it locked, and tries again if a holder letting go
unlinked it meanwhile.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import filelock
import pytest

from panel_tui.domain.store import OpenSession, SessionLocked, Store
from panel_tui.domain.store.locks import SessionLock
from panel_tui.domain.store.place import SessionsFolder
from tests.domain.builders import session as build
from tests.platforms import os_lock, posix_only


@os_lock
def test_no_lock_file_is_left_after_a_clean_close_an_import_or_a_delete(tmp_path: Path) -> None:
    store = Store(tmp_path / "sessions")
    store.save(build("LP"))  # as an import does
    assert list(store.root.glob("*.lock")) == []
    opened = store.open("s1")
    assert (store.root / "s1.lock").exists()  # there while the session is open
    opened.close()
    assert list(store.root.glob("*.lock")) == []
    store.delete("s1")
    assert list(store.root.glob("*.lock")) == []


@os_lock
def test_a_held_lock_keeps_its_file_and_keeps_others_out(tmp_path: Path) -> None:
    path = tmp_path / "s1.lock"
    first = SessionLock(path, SessionsFolder(path.parent))
    first.acquire("s1")
    with pytest.raises(SessionLocked):
        SessionLock(path, SessionsFolder(path.parent)).acquire("s1")
    assert path.exists()
    first.release()
    assert not path.exists()
    second = SessionLock(path, SessionsFolder(path.parent))
    second.acquire("s1")  # free again, on a new file
    assert path.exists()
    second.release()


@posix_only
@os_lock
def test_letting_go_never_removes_a_file_that_is_not_the_one_locked(tmp_path: Path) -> None:
    path = tmp_path / "s1.lock"
    lock = SessionLock(path, SessionsFolder(path.parent))
    lock.acquire("s1")
    path.unlink()  # someone removed it by hand, and another file took the name
    path.write_text("not ours")
    lock.release()
    assert path.read_text() == "not ours"


@posix_only
@os_lock
def test_a_lock_on_a_file_unlinked_before_it_was_held_is_taken_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s1.lock"
    real = filelock.FileLock
    unlinked: list[int] = []

    def racing(lock_path: Path, **kwargs: Any) -> filelock.BaseFileLock:
        told = kwargs["on_acquired"]

        def on_acquired(fd: int) -> None:
            if not unlinked:  # a holder letting go unlinked the file just before we held it
                unlinked.append(fd)
                os.unlink(lock_path)
            told(fd)

        return real(lock_path, **{**kwargs, "on_acquired": on_acquired})

    monkeypatch.setattr(filelock, "FileLock", racing)
    lock = SessionLock(path, SessionsFolder(path.parent))
    lock.acquire("s1")
    assert len(unlinked) == 1
    monkeypatch.undo()
    # The lock now held is the one on the file at the name: nobody else gets it.
    with pytest.raises(SessionLocked):
        SessionLock(path, SessionsFolder(path.parent)).acquire("s1")
    lock.release()


def _lock_file_removed(tmp_path: Path) -> tuple[Store, OpenSession]:
    """A session open with m1's vote, its lock file then removed by hand."""
    store = Store(tmp_path / "sessions")
    store.save(build("LP"))
    opened = store.open("s1")
    opened.record_vote("c1", "q1", "m1", "up")
    os.remove(store.root / "s1.lock")
    return store, opened


@os_lock
@posix_only
def test_a_lock_file_removed_by_hand_never_lets_two_windows_write(tmp_path: Path) -> None:
    # Found by an adversarial tester: the .lock removed, a second window opened the
    # session too, and the two overwrote each other's votes (3 of 11 lost).
    store, first = _lock_file_removed(tmp_path)
    second = Store(store.root).open("s1")  # the name is free: a second window opens it
    second.record_vote("c1", "q1", "m2", "down")
    with pytest.raises(SessionLocked, match="after its lock file was removed, so this change"):
        first.record_vote("c1", "q1", "m1", "middle")
    second.close()
    on_disk = Store(store.root).load("s1")
    assert {(v.member, v.value) for v in on_disk.votes} == {("m1", "up"), ("m2", "down")}
    first.close()


@os_lock
@posix_only
def test_a_lock_file_removed_by_hand_is_taken_again_at_the_next_change(tmp_path: Path) -> None:
    store, opened = _lock_file_removed(tmp_path)  # m1's vote, then the lock file removed
    opened.record_vote("c1", "q1", "m2", "down")  # nobody else has it: carried on
    assert (store.root / "s1.lock").exists()
    with pytest.raises(SessionLocked):
        Store(store.root).open("s1")  # and a second window is kept out again
    opened.close()
    assert list(store.root.glob("*.lock")) == []
    assert [v.value for v in Store(store.root).load("s1").votes] == ["up", "down"]
