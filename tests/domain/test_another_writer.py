"""A window never writes over another writer's changes to the session it has open.

Found by a tester: window A had s1 open; its lock file was removed by hand (it looked
stale), window B opened s1, saved three votes and quit. A's next change found the
files not as it left them and wrote the whole session again from its memory (as it
does for files a sync tool removed), and B's three votes were gone, with no copy in
``replaced/`` or ``damaged/``. The same with the sessions folder deleted and made
again, and the session imported again in another window.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from panel_tui.domain.records import Rating
from panel_tui.domain.store import OpenSession, Store, StoreError, durable
from panel_tui.domain.store.aside import REPLACED_FOLDER
from panel_tui.domain.store.salvage import read_back
from tests.domain.builders import session as build

REFUSED = "was changed in another window or by another copy of panel-tui since this window"


def _votes(session_votes: object) -> set[tuple[str, str, str | None]]:
    assert isinstance(session_votes, list)
    return {(v.question, v.member, v.value) for v in session_votes}


def _first_window(tmp_path: Path) -> tuple[Store, OpenSession]:
    """Window A: s1 open, with m1's vote saved."""
    store = Store(tmp_path / "sessions")
    store.save(build("LLLP", questions=(("q1", 1.0, False), ("q2", 1.0, False))))
    opened = store.open("s1")
    opened.record_vote("c1", "q1", "m1", "up")
    return store, opened


def _second_window_votes_and_quits(root: Path) -> None:
    """Window B: opens s1, saves three votes, quits (compacted, its record reset)."""
    second = Store(root).open("s1")
    for member in ("m2", "m3", "m4"):
        second.record_vote("c1", "q2", member, "down")
    second.close()


B_VOTES = {("q2", "m2", "down"), ("q2", "m3", "down"), ("q2", "m4", "down")}


def _refused_and_kept(store: Store, first: OpenSession) -> str:
    """A's next change is refused, shows nowhere, and leaves the disk as it is."""
    on_disk = Store(store.root).load("s1")
    shown = first.session
    with pytest.raises(StoreError) as refused:
        first.record_vote("c1", "q1", "m2", "middle")
    said = str(refused.value)
    assert REFUSED in said, said
    assert "Close this window and open the session again" in said
    assert first.session == shown  # the change refused is not shown as saved
    with pytest.raises(StoreError, match=REFUSED):
        first.add_note("c1", "q1", "Warm.")  # nor any change after it
    first.close()  # nothing written at quitting either
    assert Store(store.root).load("s1") == on_disk
    return said


def _made_again(store: Store, created_in: int | None = None) -> None:
    """The sessions folder deleted and made again, the session saved in it anew
    (``created_in`` another year: another session under the same id)."""
    shutil.rmtree(store.root)
    store.root.mkdir()
    again = build("LLLP", questions=(("q1", 1.0, False), ("q2", 1.0, False)))
    if created_in is not None:
        again = again.model_copy(update={"created": again.created.replace(year=created_in)})
    Store(store.root).save(again)


def test_a_window_whose_lock_file_was_removed_never_writes_over_another_windows_votes(
    tmp_path: Path,
) -> None:
    store, first = _first_window(tmp_path)
    os.remove(store.root / "s1.lock")  # "stale", to whoever removed it
    _second_window_votes_and_quits(store.root)
    _refused_and_kept(store, first)
    assert _votes(Store(store.root).load("s1").votes) == {("q1", "m1", "up"), *B_VOTES}


def test_a_session_imported_again_in_a_folder_made_again_is_not_written_over(
    tmp_path: Path,
) -> None:
    store, first = _first_window(tmp_path)
    _made_again(store)
    _second_window_votes_and_quits(store.root)
    said = _refused_and_kept(store, first)
    assert _votes(Store(store.root).load("s1").votes) == B_VOTES
    # m1's vote, saved in A alone now, is kept aside whole, and the words say where.
    copies = sorted((store.root / REPLACED_FOLDER).glob("s1.*.json"))
    assert len(copies) == 1, copies
    assert str(copies[0]) in said
    assert _votes(read_back(copies[0]).session.votes) == {("q1", "m1", "up")}


def test_files_removed_with_no_other_writer_are_still_written_again(tmp_path: Path) -> None:
    # What was done before stays: nobody else wrote, so this window writes it all again.
    store, first = _first_window(tmp_path)
    shutil.rmtree(store.root)
    store.root.mkdir()
    first.record_vote("c1", "q1", "m2", "middle")
    first.close()
    assert _votes(Store(store.root).load("s1").votes) == {
        ("q1", "m1", "up"),
        ("q1", "m2", "middle"),
    }
    assert not (store.root / REPLACED_FOLDER).exists()


def test_own_snapshot_in_place_after_a_refused_folder_fsync_is_no_other_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a review: the token of a snapshot this window wrote was known only once
    # the write returned; the folder's fsync refused after the file was in place, and
    # the window's next change took its own snapshot for another window's.
    store, first = _first_window(tmp_path)
    os.remove(store.root / "s1.journal")  # a sync tool takes the record: next, a snapshot
    real, refused = durable.fsync_folder, list[Path]()

    def refuses_once(folder: Path) -> None:
        if not refused:
            refused.append(folder)
            raise OSError(errno.EIO, "I/O error")
        real(folder)

    monkeypatch.setattr(durable, "fsync_folder", refuses_once)
    with pytest.raises(StoreError, match="could not be saved"):
        first.record_vote("c1", "q1", "m2", "middle")
    assert refused
    first.record_vote("c1", "q1", "m3", "down")  # the disk is well again: saved
    first.close()
    assert _votes(Store(store.root).load("s1").votes) == {("q1", "m1", "up"), ("q1", "m3", "down")}
    assert not (store.root / REPLACED_FOLDER).exists()


@pytest.mark.parametrize("saves_ago", [3, 10])
def test_an_older_copy_of_its_own_put_back_is_written_again_however_old(
    tmp_path: Path, saves_ago: int
) -> None:
    # Found by a review: a window knew the tokens of the snapshots it read or wrote and
    # the 8 each names as replaced; a backup from 10 saves ago, put back by a sync tool
    # while the session was open, named none of them, so it was taken for another
    # window's and every change after it refused. It holds nothing memory lacks.
    store = Store(tmp_path / "sessions")
    store.save(build("LLLP", questions=(("q1", 1.0, False), ("q2", 1.0, False))))
    backup = tmp_path / "backup.json"
    shutil.copy2(store.path("s1"), backup)  # the sync tool's copy, first thing
    values: tuple[Rating, Rating] = ("up", "middle")
    for n in range(saves_ago):  # the laptop quit and opened again over the day
        with store.open("s1") as opened:
            opened.record_vote("c1", "q1", "m1", values[n % 2])
    opened = store.open("s1")
    opened.move_to("c1", "q2")  # where the panel is differs from the copy's: no matter
    opened.record_vote("c1", "q2", "m2", "up")
    shutil.copy2(backup, store.path("s1"))  # put back while the session is open
    opened.record_vote("c1", "q2", "m3", "down")
    opened.close()
    back = Store(store.root).load("s1")
    assert _votes(back.votes) == {
        *{("q1", "m1", values[n % 2]) for n in range(saves_ago)},
        ("q2", "m2", "up"),
        ("q2", "m3", "down"),
    }
    assert back.cursor is not None and back.cursor.question == "q2"
    assert not (store.root / REPLACED_FOLDER).exists()


def test_a_session_made_again_in_its_place_is_not_written_over_though_it_has_no_votes(
    tmp_path: Path,
) -> None:
    # Another session made again under the same id holds no event memory lacks, but is
    # no older copy of this window's own: made at another time.
    store, first = _first_window(tmp_path)
    _made_again(store, created_in=2030)
    _refused_and_kept(store, first)
    assert Store(store.root).load("s1").votes == []
