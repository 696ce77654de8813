"""What the home screen says of damaged session files, and getting back what still reads.

Without a terminal: the home screen's box shows :meth:`DamagedCopies.words`
(tests/ui/test_home.py drives it through the screen).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from panel_tui.domain.damaged_copies import DamagedCopies
from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.copies import copies_set_aside
from panel_tui.domain.store.loading import journal_path
from tests.domain.builders import two_by_two
from tests.domain.helpers import crash, store, three_votes_the_second_spoilt

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def test_a_folder_with_nothing_damaged_has_nothing_to_say(store: Store) -> None:
    store.save(two_by_two("LLP"))
    store.sessions()
    damaged = DamagedCopies(store)
    assert (damaged.words(), damaged.recoverable()) == ([], [])


def test_a_copy_set_aside_now_is_named_once_and_got_back(store: Store) -> None:
    three_votes_the_second_spoilt(store)
    with pytest.raises(StoreError):
        store.load("s1")
    damaged = DamagedCopies(store)
    # Named on this run, and found again as an earlier copy: offered once.
    damaged.found_earlier(copies_set_aside(store.root, store.exists))
    (copy,) = damaged.recoverable()
    said = damaged.words()
    assert said[0] == "Some session files could not be read; any other sessions are fine."
    # The home screen names the file at fault: the journal, not the session file.
    assert "s1.json can be read, but its record of changes, s1.journal, is damaged" in said[1]
    assert "s1.json is damaged" not in said[1]
    assert len(said) == 2
    damaged.recover()
    (got_back,) = damaged.words()
    assert got_back.startswith(f"Recovered s1 (Test) from {copy}")
    assert f"1 part of its record of changes, {copy.stem}.journal, no longer" in got_back
    assert damaged.recoverable() == []
    assert [v.member for v in store.load("s1").votes] == ["m1", "m3"]


def test_a_copy_whose_session_is_back_already_is_not_got_back_twice(store: Store) -> None:
    three_votes_the_second_spoilt(store)
    with pytest.raises(StoreError):
        Store(store.root).load("s1")  # set aside on an earlier run
    damaged = DamagedCopies(store)
    damaged.found_earlier(copies_set_aside(store.root, store.exists))
    (copy,) = damaged.recoverable()
    store.save(two_by_two("LLP"))  # meanwhile, s1 made again from HR's file
    damaged.recover()
    assert damaged.words() == [f"{copy} was not recovered: a session with its id is already here."]
    assert store.load("s1").votes == []  # the one there is kept as it is


def test_a_copy_too_damaged_to_read_back_is_named_at_every_start(store: Store) -> None:
    # Found by a tester: a session whose own file was damaged was named once,
    # then looked deleted on every start after.
    store.save(two_by_two("LLP"))
    path = store.root / "s1.json"
    path.write_bytes(path.read_bytes().replace(b'"Test"', b'"T\x80st"'))
    with pytest.raises(StoreError):
        Store(store.root).load("s1")  # set aside on an earlier run
    (copy,) = (store.root / "damaged").glob("s1.*.json")
    for _ in range(2):  # two later starts
        later = Store(store.root)
        damaged = DamagedCopies(later)
        damaged.found_earlier(copies_set_aside(later.root, later.exists))
        assert damaged.recoverable() == []
        said = damaged.words()
        assert said[0].startswith("Set aside as damaged on an earlier run, and too damaged")
        assert said[1:] == [str(copy.absolute())]


def test_a_copy_too_damaged_set_aside_now_is_named_once(store: Store) -> None:
    store.save(two_by_two("LLP"))
    path = store.root / "s1.json"
    path.write_bytes(path.read_bytes().replace(b'"Test"', b'"T\x80st"'))
    with pytest.raises(StoreError):
        store.load("s1")
    damaged = DamagedCopies(store)
    damaged.found_earlier(copies_set_aside(store.root, store.exists))
    said = damaged.words()
    assert said[0] == "Some session files could not be read; any other sessions are fine."
    assert "not UTF-8 text, line 1" in said[1]  # where, for whoever mends it
    assert len(said) == 2


def _an_older_copy(copy: Path, stamp: str = "20200101T000000Z") -> Path:
    """A copy of ``copy`` (snapshot and journal) as if set aside at ``stamp``, long before."""
    older = copy.with_name(f"s1.{stamp}.json")
    shutil.copyfile(copy, older)
    shutil.copyfile(journal_path(copy), journal_path(older))
    return older


def test_every_copy_of_a_session_set_aside_on_earlier_runs_is_named(store: Store) -> None:
    # Found by adversarial testing: only the newest was named, the others never.
    three_votes_the_second_spoilt(store)
    with pytest.raises(StoreError):
        Store(store.root).load("s1")  # set aside on an earlier run
    (newest,) = (store.root / "damaged").glob("s1.*.json")
    oldest, older = _an_older_copy(newest), _an_older_copy(newest, "20210101T000000Z")
    later = Store(store.root)
    damaged = DamagedCopies(later)
    damaged.found_earlier(copies_set_aside(later.root, later.exists))
    assert damaged.recoverable() == [newest.absolute()]  # the newest is the one got back
    said = damaged.words()
    assert said[-3].startswith("Older copies of the same sessions, set aside as damaged before")
    assert said[-2:] == [str(oldest.absolute()), str(older.absolute())]


def test_a_copy_set_aside_now_says_how_many_older_copies_are_beside_it(store: Store) -> None:
    three_votes_the_second_spoilt(store)
    with pytest.raises(StoreError):
        Store(store.root).load("s1")
    (first,) = (store.root / "damaged").glob("s1.*.json")
    _an_older_copy(first)
    shutil.copyfile(first, store.root / "s1.json")  # s1 back, and damaged again
    shutil.copyfile(journal_path(first), journal_path(store.root / "s1.json"))
    with pytest.raises(
        StoreError, match="2 older copies of the session, set aside before, are kept"
    ):
        store.load("s1")


def test_a_record_of_changes_set_aside_alone_is_named_at_every_start(store: Store) -> None:
    # Found by a review: named once, when moved, then never again, as the list of
    # copies in damaged/ looked at session files only.
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    crash(opened)
    opened.path.unlink()  # its session file gone: the record of changes left alone
    store.save(two_by_two("LLP"))  # s1 saved in its place: the record is moved aside
    (alone,) = (store.root / "damaged").glob("s1.*.journal")
    for _ in range(2):
        later = Store(store.root)
        damaged = DamagedCopies(later)
        damaged.found_earlier(copies_set_aside(later.root, later.exists))
        said = damaged.words()
        assert said == [
            "Records of changes set aside on an earlier run without their session file. "
            "They may hold votes that are in no session file, so keep them: to read one "
            "back, put it beside its session file, named as that file but ending in "
            ".journal, then: panel-tui sessions recover FILE. Once one is not needed, move "
            "it out of the damaged folder:",
            str(alone.absolute()),
        ]
        assert damaged.recoverable() == []
    # Named on the run that moves it, by its own notice only: never twice.
    assert [str(n).count(str(alone.absolute())) for n in store.damaged] == [1]
    now = DamagedCopies(store)
    now.found_earlier(copies_set_aside(store.root, store.exists))
    assert sum(line.count(alone.name) for line in now.words()) == 1


def _a_folder_open_to_others(store: Store, tmp_path: Path) -> Store:
    """A folder of a session file copied in by hand, then opened to everyone (``chmod 777``)."""
    store.save(two_by_two("LLP"))
    shared = tmp_path / "x"
    shared.mkdir()
    shutil.copyfile(store.root / "s1.json", shared / "s1.json")
    shared.chmod(0o777)
    return Store(shared)


OPEN = "The folder {} is open to other users of this computer (panel-tui did not make it"


def test_a_folder_open_to_others_is_named_without_saying_a_file_was_not_read(
    store: Store, tmp_path: Path
) -> None:
    # Found by a tester: 'sessions list' named every session, then said "Some session
    # files could not be read", when every one was read: only the folder is open.
    shared = _a_folder_open_to_others(store, tmp_path)
    assert [s.id for s in shared.sessions()] == ["s1"]
    damaged = DamagedCopies(shared)
    damaged.found_earlier(copies_set_aside(shared.root, shared.exists))
    (said,) = damaged.words()
    assert said.startswith(OPEN.format(shared.root))
    assert "could not be read" not in said


def test_a_damaged_file_in_a_folder_open_to_others_is_named_under_its_heading(
    store: Store, tmp_path: Path
) -> None:
    shared = _a_folder_open_to_others(store, tmp_path)
    (shared.root / "s2.json").write_bytes(b'{"format": "panel-tui/session", "id": "s2"')
    shared.sessions()
    said = DamagedCopies(shared).words()
    assert said[0] == "Some session files could not be read; any other sessions are fine."
    assert "s2" in said[1]
    assert said[2].startswith(OPEN.format(shared.root))
    assert len(said) == 3
