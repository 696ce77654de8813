"""The store: atomic, durable writes, locks, damaged files and permissions."""

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

from panel_tui.domain.models import Session
from panel_tui.domain.store import (
    AtomicJSONStorage,
    DamagedFile,
    SessionLocked,
    SessionNotFound,
    Store,
    StoreError,
)
from panel_tui.domain.store import files as files_module
from panel_tui.domain.store import storage as storage_module
from panel_tui.domain.store.journaled import journal_path
from tests.domain.builders import session as build
from tests.platforms import os_lock, posix_only

KILLS = 100


def _session(roles: str = "LLP") -> Session:
    return build(
        roles,
        questions=[("q1", 1.0, False), ("q2", 2.0, True)],
        candidates=[("c1", "Alex"), ("c2", None)],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "sessions")


def test_votes_and_events_survive_reopening(store: Store) -> None:
    with store.create(_session()) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m2", "down")
        opened.add_note("c1", "q1", "Warm, specific.")
        opened.reveal("c1", "q2")
        opened.decide("c1", "recommend", "Strong on choice.")
        opened.move_to("c2", "q2")
        in_memory = opened.session
    on_disk = store.load("s1")
    assert on_disk == in_memory
    assert [(v.member, v.value) for v in on_disk.votes] == [("m1", "up"), ("m2", "down")]
    assert on_disk.notes[0].text == "Warm, specific."
    assert on_disk.decision("c1") is not None and on_disk.decision("c1").outcome == "recommend"  # type: ignore[union-attr]
    assert on_disk.cursor is not None and (on_disk.cursor.candidate, on_disk.cursor.question) == (
        "c2",
        "q2",
    )


def test_undo_brings_back_what_stood_before_and_keeps_history(store: Store) -> None:
    with store.create(_session()) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m1", "down")  # a slip
        opened.record_vote("c1", "q1", "m2", "middle")
        opened.undo("c1", "q1")  # takes back m2's middle
        assert opened.session.current_votes("c1", "q1").keys() == {"m1"}
        opened.undo("c1", "q1")  # takes back m1's down: up stands again
        assert opened.session.current_votes("c1", "q1")["m1"].value == "up"
        opened.undo("c1", "q1")  # takes back m1's up: nothing stands
        assert opened.session.current_votes("c1", "q1") == {}
        assert opened.undo("c1", "q1") is None  # nothing left to undo
    assert len(store.load("s1").votes) == 6  # three votes and three undos: history kept


def test_a_changed_vote_after_the_reveal_is_marked(store: Store) -> None:
    with store.create(_session("LP")) as opened:
        first = opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m1", "down")  # sealed, not yet revealed: a plain change
        opened.record_vote("c1", "q1", "m2", "up")  # all voted: revealed
        changed = opened.record_vote("c1", "q1", "m1", "middle")
    assert not first.after_reveal
    assert [v.after_reveal for v in store.load("s1").votes] == [False, False, False, True]
    assert changed.after_reveal


def test_observers_cannot_vote(store: Store) -> None:
    with store.create(_session("LPO")) as opened, pytest.raises(StoreError, match="Observers"):
        opened.record_vote("c1", "q1", "m3", "up")


def test_settings_are_fixed_after_the_first_vote(store: Store) -> None:
    with store.create(_session()) as opened:
        opened.change_settings(opened.session.settings.model_copy(update={"sealed": False}))
        opened.record_vote("c1", "q1", "m1", "up")
        with pytest.raises(StoreError, match="fixed once the first vote"):
            opened.change_settings(opened.session.settings)
    assert store.load("s1").settings.sealed is False


def test_votes_are_not_reparsed_from_disk_for_every_vote(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = store.create(_session())
    reads: list[bytes] = []
    real = storage_module.decode

    def counting(raw: bytes) -> dict[str, object]:
        reads.append(raw)
        return real(raw)

    monkeypatch.setattr(storage_module, "decode", counting)
    for n in range(20):
        opened.record_vote("c1", "q1", "m1", "up" if n % 2 else "down")
    opened.close()
    assert reads == []


@posix_only
def test_permissions_are_owner_only(store: Store) -> None:
    store.create(_session()).close()
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    for path in store.root.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


# ---------------------------------------------------------------- locks


@posix_only
@os_lock
def test_a_live_lock_refuses_a_second_writer_with_a_plain_message(store: Store) -> None:
    store.save(_session())
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
    store.save(_session())
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
    store.save(_session())
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


@pytest.mark.parametrize("session_id", ["../s1", "a/b", "", ".hidden", "s1.json"])
def test_an_id_that_is_not_an_id_never_names_a_file(store: Store, session_id: str) -> None:
    store.save(_session())
    with pytest.raises(SessionNotFound, match="session ids hold only letters"):
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
    store.save(_session())
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
    first.save(_session())
    leftover = tmp_path / ".s1.json.tmp-deadbeef"
    leftover.write_bytes(b"{half a sess")
    Store(tmp_path)
    assert not leftover.exists()
    assert Store(tmp_path).load("s1").id == "s1"


def test_temporary_file_of_a_session_open_elsewhere_is_left_alone(tmp_path: Path) -> None:
    first = Store(tmp_path)
    first.save(_session())
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
    store.save(_session())
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
    opened = store.create(_session())
    opened.record_vote("c1", "q1", "m1", "up")
    before = opened.path.read_bytes()

    def refuse(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "write", refuse)
    with pytest.raises(StoreError, match=message):
        opened.record_vote("c1", "q1", "m2", "down")
    monkeypatch.undo()
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
        files_module,
        "write_atomically",
        lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")),
    )
    with pytest.raises(OSError):
        storage.write(data)
    monkeypatch.undo()
    assert storage.read() == {"session": {"1": {"a": 1}}}


def test_import_of_an_existing_id_refuses_unless_replace(store: Store) -> None:
    store.save(_session())
    with pytest.raises(StoreError, match="already in"):
        store.save(_session())
    changed = _session().model_copy(update={"title": "New title"})
    kept = store.save(changed, replace=True)
    assert store.load("s1").title == "New title"
    assert kept is not None and kept.parent == store.root / "replaced"
    assert json.loads(kept.read_bytes())["session"]["1"]["title"] == "Test"


@posix_only
@os_lock
def test_delete_removes_file_lock_and_kept_copies(store: Store) -> None:
    store.create(_session()).close()
    store.save(_session(), replace=True)
    assert not (store.root / "s1.lock").exists()  # removed when the lock is let go
    store.delete("s1")
    assert list(store.root.rglob("*.*")) == [store.catalogue.path]
    assert store.summaries() == []


@posix_only
def test_delete_refuses_while_open(store: Store) -> None:
    opened = store.create(_session())
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
    Store(root).save(_session())
    rng = random.Random(20261123)
    reported = sum(kill_and_check(root, rng) for _ in range(KILLS))
    assert reported > KILLS  # the children did record votes between the kills
    json.loads((root / "s1.json").read_bytes())  # and the file is whole


def test_once_shown_an_answer_stays_shown_and_later_changes_are_marked(store: Store) -> None:
    with store.create(_session("LP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m2", "down")  # everyone voted: shown
        assert opened.session.is_revealed("c1", "q1")
        undo = opened.undo("c1", "q1")  # takes back m2's shown vote
        assert undo is not None and undo.after_reveal
        assert opened.session.is_revealed("c1", "q1")  # not sealed again
        again = opened.record_vote("c1", "q1", "m2", "up")  # undo, then a new vote
        assert again.after_reveal
        same = opened.record_vote("c1", "q1", "m1", "up")  # the same vote again: no change
        assert not same.after_reveal
    log = store.load("s1").votes
    assert [(v.member, v.value, v.after_reveal) for v in log] == [
        ("m1", "up", False),
        ("m2", "down", False),
        ("m2", None, True),
        ("m2", "up", True),
        ("m1", "up", False),
    ]


def test_the_room_never_sees_sealed_votes_in_figures(store: Store) -> None:
    with store.create(_session("LP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m2", "down")  # q1 shown
        opened.record_vote("c1", "q2", "m1", "down")  # q2 still sealed
        session = opened.session
    assert session.sealed_answers() == {("c1", "q2")}
    shown = session.as_shown()
    assert [(v.question, v.member) for v in shown.votes] == [("q1", "m1"), ("q1", "m2")]
    assert (
        session.model_copy(
            update={"settings": session.settings.model_copy(update={"sealed": False})}
        )
        .as_shown()
        .votes
        == session.votes
    )


def test_finishing_shows_the_sealed_votes_and_reopening_keeps_them_shown(store: Store) -> None:
    with store.create(_session("LP")) as opened:
        opened.record_vote("c1", "q2", "m1", "down")  # sealed: m2 never voted
        assert opened.session.sealed_answers() == {("c1", "q2")}
        opened.set_finished()
    session = store.load("s1")  # from disk
    assert session.finished
    assert session.sealed_answers() == set()
    assert [(r.candidate, r.question) for r in session.reveals] == [("c1", "q2")]
    assert session.as_shown().votes == session.votes  # the screen's figures are the export's
    with store.open("s1") as opened:
        opened.set_finished(False)
        assert opened.session.sealed_answers() == set()  # once shown, stays shown


def test_finish_warnings_name_unvoted_questions_missing_decisions_and_sealed_answers(
    store: Store,
) -> None:
    from panel_tui.domain.sessions import finish_warnings

    with store.create(_session("LP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")  # q1 sealed for c1, q2 unvoted
        opened.decide("c2", "undecided", "")
        warnings = finish_warnings(opened.session)
        assert warnings == [
            "Alex has no votes on Q2; the score uses only the questions with votes.",
            "Alex has no decision recorded.",
            "C2 has no votes on Q1, Q2; the score uses only the questions with votes.",
            "1 answer still sealed: not everyone voted. Finishing shows the votes given.",
        ]
        for q in ("q1", "q2"):
            for c in ("c1", "c2"):
                opened.record_vote(c, q, "m1", "up")
                opened.record_vote(c, q, "m2", "down")
        opened.decide("c1", "recommend", "Clear.")
        assert finish_warnings(opened.session) == []


def test_undo_after_the_reveal_never_brings_back_a_vote_the_room_did_not_see(
    store: Store,
) -> None:
    with store.create(_session("LP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")  # sealed: nobody saw this
        opened.record_vote("c1", "q1", "m1", "down")
        opened.record_vote("c1", "q1", "m2", "up")  # everyone voted: shown
        opened.undo("c1", "q1")  # m2's up withdrawn
        undo = opened.undo("c1", "q1")  # m1's down withdrawn, not turned back into up
        assert undo is not None and undo.value is None and undo.after_reveal
        assert opened.session.current_votes("c1", "q1") == {}


def test_a_write_whose_fsync_fails_leaves_screen_and_disk_agreeing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = store.create(_session())
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


def test_time_on_an_answer_is_kept_apart_from_votes(store: Store) -> None:
    with store.create(_session()) as opened:
        opened.keep_time("c1", "q1", 75)
        opened.record_vote("c1", "q1", "m1", "up")  # a vote leaves the kept time alone
        assert opened.session.cursor is not None and opened.session.cursor.elapsed == 75
        opened.move_to("c1", "q1")  # staying put keeps the time
        assert store.load("s1").cursor.elapsed == 75  # type: ignore[union-attr]
        opened.move_to("c1", "q2")  # a new answer starts at nought
    cursor = store.load("s1").cursor
    assert cursor is not None and (cursor.question, cursor.elapsed) == ("q2", 0)


def test_keeping_no_new_time_leaves_the_files_alone(store: Store) -> None:
    def on_disk(path: Path) -> tuple[bytes, bytes]:
        return path.read_bytes(), journal_path(path).read_bytes()

    with store.create(_session()) as opened:
        before = on_disk(opened.path)
        opened.keep_time("c1", "q1", 0)  # the first answer, no time spent: nothing to keep
        assert on_disk(opened.path) == before
        opened.keep_time("c1", "q1", 12)
        after = on_disk(opened.path)
        opened.keep_time("c1", "q1", 12)
        assert on_disk(opened.path) == after != before
