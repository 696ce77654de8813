"""The store on disk: atomic, durable writes, locks, damaged files, permissions and deleting.

What an open session records is in test_store.py.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import stat
import time
from pathlib import Path

import pytest

from panel_tui.domain.store import (
    AtomicJSONStorage,
    DamagedFile,
    SessionLocked,
    SessionNotFound,
    Store,
    StoreError,
    durable,
)
from tests.domain.builders import two_by_two
from tests.domain.helpers import store
from tests.platforms import os_lock, posix_only

KILLS = 100

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


@posix_only
def test_permissions_are_owner_only(store: Store) -> None:
    store.create(two_by_two("LLP")).close()
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    for path in store.root.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


# ---------------------------------------------------------------- locks


@posix_only
@os_lock
def test_a_live_lock_refuses_a_second_writer_with_a_plain_message(store: Store) -> None:
    store.save(two_by_two("LLP"))
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the other panel-tui: holds the session open until killed
        try:
            opened = store.open("s1")  # kept: a lock let go with its object is freed
            os.write(write_fd, b"open")
            time.sleep(30)
        finally:
            os._exit(0)
    try:
        assert os.read(read_fd, 4) == b"open"
        with pytest.raises(SessionLocked) as refused:
            store.open("s1")
        assert f"open in another panel-tui window (process {pid})" in str(refused.value)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        os.close(write_fd)
    # The dead process's lock is stale: it is taken over.
    with store.open("s1") as opened:
        opened.record_vote("c1", "q1", "m1", "up")


@posix_only
@os_lock
def test_a_stale_lock_file_is_taken_over(store: Store) -> None:
    store.save(two_by_two("LLP"))
    (store.root / "s1.lock").write_text("99999999")
    with store.open("s1") as opened:
        opened.record_vote("c1", "q1", "m1", "up")
    assert len(store.load("s1").votes) == 1


# --------------------------------------------------------- damaged files


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b'{"session": {"1": {"id": "s2", "tit', "not complete JSON"),
        (b"\x00\x00\x00", "not complete JSON"),
        (b'{"session": {"1": {"id": "s2"}}}', "title"),
    ],
)
def test_a_damaged_file_is_named_moved_aside_and_the_rest_still_work(
    store: Store, content: bytes, reason: str
) -> None:
    store.save(two_by_two("LLP"))
    damaged = store.root / "s2.json"
    damaged.write_bytes(content)
    listed = store.sessions()
    assert [s.id for s in listed] == ["s1"]
    (found,) = store.damaged
    assert isinstance(found, DamagedFile)
    assert found.path == damaged and reason in found.reason
    assert found.moved_to is not None and found.moved_to.read_bytes() == content
    assert not damaged.exists()
    assert "s2.json is damaged" in str(found)
    # A new session with the same id never overwrites the moved file.
    with store.open("s1") as opened:
        opened.record_vote("c1", "q1", "m1", "up")
    assert found.moved_to.read_bytes() == content


@pytest.mark.parametrize("session_id", ["../s1", "a/b", "", ".hidden", "s1.json", "sesiwn-ŵ"])
def test_an_id_that_is_not_an_id_never_names_a_file(store: Store, session_id: str) -> None:
    store.save(two_by_two("LLP"))
    with pytest.raises(SessionNotFound, match="session ids hold only the letters a to z"):
        store.load(session_id)
    with pytest.raises(SessionNotFound):
        store.delete(session_id)


@posix_only
def test_an_existing_shared_folder_keeps_its_permissions(tmp_path: Path) -> None:
    tmp_path.chmod(0o1777)
    Store(tmp_path)
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o1777
    fresh = tmp_path / "new"
    Store(fresh)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700


def test_a_lock_file_that_cannot_be_made_is_a_plain_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(two_by_two("LLP"))
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(StoreError, match="The disk is full"):
        store.open("s1")
    monkeypatch.undo()
    store.open("s1").close()  # nothing was left held


def test_opening_a_damaged_session_says_so_plainly(store: Store) -> None:
    (store.root / "s3.json").write_bytes(b"")
    with pytest.raises(StoreError, match=r"s3.json is damaged \(the file is empty\)"):
        store.open("s3")


def test_a_missing_session_is_named(store: Store) -> None:
    with pytest.raises(SessionNotFound, match="There is no session nope"):
        store.load("nope")


def test_left_over_temporary_files_are_cleaned_up_on_start(tmp_path: Path) -> None:
    first = Store(tmp_path)
    first.save(two_by_two("LLP"))
    leftover = tmp_path / ".s1.json.tmp-deadbeef"
    leftover.write_bytes(b"{half a sess")
    Store(tmp_path)
    assert not leftover.exists()
    assert Store(tmp_path).load("s1").id == "s1"


def test_temporary_file_of_a_session_open_elsewhere_is_left_alone(tmp_path: Path) -> None:
    first = Store(tmp_path)
    first.save(two_by_two("LLP"))
    opened = first.open("s1")  # the lock is held (as by another process)
    leftover = tmp_path / ".s1.json.tmp-cafebabe"
    leftover.write_bytes(b"being written")
    Store(tmp_path)
    assert leftover.exists()
    opened.close()


def test_a_temporary_looking_file_of_another_program_neither_stops_the_store_nor_goes(
    tmp_path: Path,
) -> None:
    # "my notes" could never be a session id: the file is not ours to remove.
    stranger = tmp_path / ".my notes.json.tmp-1234"
    stranger.write_bytes(b"someone else's")
    store = Store(tmp_path)
    store.save(two_by_two("LLP"))
    assert [s.id for s in store.sessions()] == ["s1"]
    assert stranger.read_bytes() == b"someone else's"


# ------------------------------------------------------- failing writes


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "The disk is full"),
        (errno.EROFS, "not allowed to write"),
        (errno.EACCES, "not allowed to write"),
        (errno.EIO, "could not be saved"),
    ],
)
def test_a_failing_disk_gives_a_plain_message_and_keeps_the_file_and_memory_as_on_disk(
    store: Store, monkeypatch: pytest.MonkeyPatch, code: int, message: str
) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    before = opened.path.read_bytes()

    def refuse(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "write", refuse)
    with pytest.raises(StoreError, match=message) as refused:
        opened.record_vote("c1", "q1", "m2", "down")
    monkeypatch.undo()
    # The file the disk refused is named: the vote went to the record of changes, not to
    # the session file (found by a tester: "not saved to .../s1.json" on a full disk).
    said = str(refused.value)
    assert str(opened.path.with_suffix(".journal")) in said and str(opened.path) not in said
    assert opened.path.read_bytes() == before  # the session file is as it was
    assert not list(store.root.glob(".*tmp-*"))  # no temporary file left
    # Neither the model nor TinyDB's memory shows the vote that failed:
    assert [v.member for v in opened.session.votes] == ["m1"]
    opened.record_vote("c1", "q1", "m3", "middle")
    assert [v.member for v in store.load("s1").votes] == ["m1", "m3"]
    opened.close()


def test_storage_drops_its_memory_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.json"
    storage = AtomicJSONStorage(path)
    storage.write({"session": {"1": {"a": 1}}})
    data = storage.read()
    assert data is not None
    data["session"]["2"] = {"b": 2}  # TinyDB changes the dict it read before writing
    monkeypatch.setattr(
        durable,
        "write_atomically",
        lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")),
    )
    with pytest.raises(OSError):
        storage.write(data)
    monkeypatch.undo()
    assert storage.read() == {"session": {"1": {"a": 1}}}


def test_a_write_whose_fsync_fails_leaves_screen_and_disk_agreeing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m2", "down")

    def fsync_fails(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync_fails)
    with pytest.raises(StoreError, match="could not be saved"):
        opened.record_vote("c1", "q1", "m1", "up")
    monkeypatch.undo()
    # The record was cut off again: memory shows exactly what the disk holds.
    assert opened.session.votes == store.load("s1").votes
    assert [v.member for v in opened.session.votes] == ["m2"]
    opened.undo("c1", "q1")
    assert store.load("s1").votes[-1].undoes == 0
    opened.close()


# ------------------------------------------------------------- deleting


@posix_only
@os_lock
def test_delete_removes_file_lock_and_kept_copies(store: Store) -> None:
    store.create(two_by_two("LLP")).close()
    store.save(two_by_two("LLP"), replace=True)
    assert not (store.root / "s1.lock").exists()  # removed when the lock is let go
    store.delete("s1")
    assert list(store.root.rglob("*.*")) == [store.catalogue.path]
    assert store.summaries() == []


@posix_only
def test_delete_refuses_while_open(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            Store(store.root).delete("s1")
        except SessionLocked:
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    opened.close()
    assert os.waitstatus_to_exitcode(status) == 0
    assert store.exists("s1")


# ------------------------------------------------------------ durability


def _child_votes(root: Path, write_fd: int) -> None:
    """In a forked child: record votes forever, telling the parent after each one returns."""
    try:
        opened = Store(root).open("s1")
        n = len(opened.session.votes)
        while True:
            member = f"m{n % 3 + 1}"
            value = ("up", "middle", "down", "abstain")[n % 4]
            opened.record_vote(f"c{n % 2 + 1}", f"q{n % 2 + 1}", member, value)  # type: ignore[arg-type]
            os.write(write_fd, f"{n}\n".encode())
            n += 1
    finally:
        os._exit(1)


def kill_and_check(root: Path, rng: random.Random) -> int:
    """Kill a voting child at a random moment; check every vote it reported is on disk."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child_votes(root, write_fd)
    os.close(write_fd)
    wanted = rng.randint(0, 4)
    received = b""
    while received.count(b"\n") < wanted:
        chunk = os.read(read_fd, 4096)
        if not chunk:
            break
        received += chunk
    time.sleep(rng.random() * 0.004)  # land somewhere inside a write
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 4096):
        received += chunk
    os.close(read_fd)
    reported = [int(line) for line in received.decode().split()]
    stored = Store(root).load("s1").votes
    for n in reported:
        vote = stored[n]
        assert (vote.member, vote.value, vote.candidate) == (
            f"m{n % 3 + 1}",
            ("up", "middle", "down", "abstain")[n % 4],
            f"c{n % 2 + 1}",
        ), n
    # Store(root) cleaned any session file's left-over temporary file. (A catalogue's
    # is left for a minute, since no lock says whether another process is writing it.)
    assert not list(root.glob(".*.json.tmp-*"))
    return len(reported)


@posix_only
@os_lock
def test_sigkill_at_random_moments_never_loses_a_reported_vote(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    Store(root).save(two_by_two("LLP"))
    rng = random.Random(20261123)
    reported = sum(kill_and_check(root, rng) for _ in range(KILLS))
    assert reported > KILLS  # the children did record votes between the kills
    json.loads((root / "s1.json").read_bytes())  # and the file is whole
