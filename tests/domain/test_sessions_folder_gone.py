"""The sessions folder moved away, or its USB stick taken out, while a session is open.

Found by a tester: ``mv`` of a folder above the sessions folder, then a vote. The
lock library made the whole path again (open to other users), the session was
written into the new, empty folder, and the chair was told a sync tool had
changed its files; the next start then warned of files it could not read. With
a stick taken out, the empty folder it is mounted on took the votes, hidden again
once the stick was back. Now nothing is written, the chair is told plainly, and
once the folder is back every vote is there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from panel_tui.domain.store import OpenSession, Store, StoreError
from panel_tui.domain.store.locks import SessionLock
from panel_tui.domain.store.place import SessionsFolder
from tests.domain.builders import two_by_two

GONE = "is not there any more (a USB stick taken out, or the folder moved, renamed or deleted"
PUT_BACK = "Put the stick or the folder back where it was, then try again"

#: Each kind of change a window makes, after the folder went.
CHANGES: dict[str, Callable[[OpenSession], object]] = {
    "vote": lambda opened: opened.record_vote("c1", "q1", "m2", "down"),
    "note": lambda opened: opened.add_note("c1", "q1", "Warm."),
    "decision": lambda opened: opened.decide("c1", "recommend", "Strong."),
    "compaction": lambda opened: opened.compact(),
    "position": lambda opened: opened.move_to("c2", "q2"),
}


@pytest.fixture
def above(tmp_path: Path) -> Path:
    """The folder above the sessions folder, as on a USB stick: ``pp/a/sessions``."""
    return tmp_path / "pp"


@pytest.fixture
def store(above: Path) -> Store:
    (above / "a").mkdir(parents=True)
    return Store(above / "a" / "sessions")


def _votes(root: Path, session_id: str) -> set[tuple[str, str | None]]:
    # A fresh store, as after a restart: only what is on disk.
    return {(v.member, v.value) for v in Store(root).load(session_id).votes}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_change_after_the_folder_moved_away_makes_no_folder_and_says_so(
    store: Store, above: Path, change: Callable[[OpenSession], object]
) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")  # in the journal only
    moved = above.with_name("pp.gone")
    os.rename(above, moved)
    with pytest.raises(StoreError) as refused:
        change(opened)
    said = str(refused.value)
    assert f"The sessions folder {store.root} {GONE}" in said
    assert PUT_BACK in said and "this window holds every vote until then, so do not quit" in said
    assert not above.exists()  # nothing made again: not the folder, not its parents
    assert [v.member for v in opened.session.votes] == ["m1"]  # not shown as recorded
    os.rename(moved, above)  # the folder is back
    opened.record_vote("c1", "q1", "m3", "middle")
    opened.close()
    assert _votes(store.root, "s1") == {("m1", "up"), ("m3", "middle")}
    assert Store(store.root).damaged == []  # the next start warns of nothing


def test_the_vote_is_refused_again_until_the_folder_is_back(store: Store, above: Path) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    moved = above.with_name("pp.gone")
    os.rename(above, moved)
    for _ in range(2):
        with pytest.raises(StoreError, match="not there any more"):
            opened.record_vote("c1", "q1", "m2", "down")
    opened.close()  # quitting meanwhile writes nothing either
    assert not above.exists()
    os.rename(moved, above)
    assert _votes(store.root, "s1") == {("m1", "up")}


def test_a_stick_taken_out_leaves_its_empty_mount_point_unwritten(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stick taken out leaves the empty folder it was mounted on: the same name,
    # another disk. What is written there is hidden when the stick is back.
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    real_stat = os.stat
    root = os.fspath(store.root)

    def other_disk(path: str | os.PathLike[str], *args: Any, **kwargs: Any) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)
        if os.fspath(path) != root:
            return found
        fields = list(found)
        fields[2] += 1  # st_dev
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", other_disk)
    before = sorted(p.name for p in store.root.iterdir())
    with pytest.raises(StoreError, match="not there any more"):
        opened.record_vote("c1", "q1", "m2", "down")
    with pytest.raises(StoreError, match="not there any more"):
        store.save(two_by_two("LLP").model_copy(update={"id": "s2"}))
    assert store.summaries()  # the catalogue is not written there either
    assert sorted(p.name for p in store.root.iterdir()) == before


def test_a_new_session_after_the_folder_moved_away_makes_no_folder(
    store: Store, above: Path
) -> None:
    os.rename(above, above.with_name("pp.gone"))
    with pytest.raises(StoreError) as refused:
        store.save(two_by_two("LLP"))
    assert f"The sessions folder {store.root} {GONE}" in str(refused.value)
    assert "so the session s1 was not saved" in str(refused.value)
    assert not above.exists()


def test_the_lock_never_makes_a_missing_folder(tmp_path: Path) -> None:
    # filelock makes the folders above a lock file when they are missing.
    sessions = tmp_path / "gone" / "sessions"
    lock = SessionLock(sessions / "s1.lock", SessionsFolder(sessions))
    with pytest.raises(StoreError, match="not there any more"):
        lock.acquire("s1", "the session s1 was not saved")
    assert not (tmp_path / "gone").exists()
