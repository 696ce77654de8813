"""Two session files whose names were swapped without their records of changes.

Found by a review: ``aaa.json`` holding session bbb and ``bbb.json`` holding aaa,
each ``.journal`` left in place, were each set aside as "an older copy may have
been put back", with the other session's record of changes; recovery then said
their votes were missing, and nothing said where they were. A record of changes
names the session file it goes with, so the swap is told, and how to undo it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store, StoreError, storage
from panel_tui.domain.store.journal import CHANGE_ROOM
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.salvage import read_back
from tests.domain.builders import one_vote, two_by_two
from tests.domain.helpers import crash, store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _swapped(store: Store, pending: tuple[str, ...]) -> tuple[Path, Path]:
    """Sessions aaa and bbb, each with a vote in its file and those ``pending`` with one
    in their record of changes only (as after a crash); the session files then swapped."""
    for name in ("aaa", "bbb"):
        store.save(one_vote(name))
        opened = store.open(name)
        if name in pending:
            opened.record_vote("c1", "q1", "m2", "down")
            crash(opened)
        else:
            opened.close()
    first, second = store.root / "aaa.json", store.root / "bbb.json"
    held = first.read_bytes()
    first.write_bytes(second.read_bytes())
    second.write_bytes(held)
    return first, second


def _swap_back(first: Path, second: Path) -> None:
    spare = first.with_name("spare.json")
    first.rename(spare)
    second.rename(first)
    spare.rename(second)


@pytest.mark.parametrize(
    "pending",
    [
        ("aaa", "bbb"),  # each record of changes holds a vote not yet in its file
        ("bbb",),  # one holds a vote; the other is empty, as after a quit
    ],
)
def test_session_files_swapped_alone_are_said_to_be_and_swapped_back_lose_nothing(
    store: Store, pending: tuple[str, ...]
) -> None:
    first, second = _swapped(store, pending)
    listed = Store(store.root)
    assert listed.sessions() == []
    assert not (store.root / "damaged").exists()  # never set aside with another's record
    assert [str(n) for n in listed.damaged] == [
        f"{first} holds the session bbb, but panel-tui finds a session by its file's name, "
        "and bbb.json holds another session (aaa): the session files' names were swapped, "
        "but not their records of changes, so bbb.journal goes with this one. Delete "
        "nothing and move nothing out: with panel-tui closed, rename aaa.json to bbb.json "
        "and bbb.json to aaa.json (one of them to a spare name first), leaving the records "
        "of changes as they are. It was left as it is.",
        f"{second} holds the session aaa, but panel-tui finds a session by its file's name, "
        "and aaa.json holds another session (bbb): the session files' names were swapped, "
        "but not their records of changes, so aaa.journal goes with this one. Delete "
        "nothing and move nothing out: with panel-tui closed, rename bbb.json to aaa.json "
        "and aaa.json to bbb.json (one of them to a spare name first), leaving the records "
        "of changes as they are. It was left as it is.",
    ]
    # Nor is either replaced over (an import --replace): refused, nothing moved.
    with pytest.raises(StoreError, match=r"names were swapped.*So it was not replaced"):
        listed.save(two_by_two("LLP").model_copy(update={"id": "bbb"}), replace=True)
    # The advice, followed: both sessions whole, each with every vote.
    _swap_back(first, second)
    back = Store(store.root)
    votes = {"aaa": 1 + ("aaa" in pending), "bbb": 1 + ("bbb" in pending)}
    assert {s.id: len(s.votes) for s in back.sessions()} == votes
    assert back.damaged == []


def test_a_file_under_another_name_with_no_record_of_changes_naming_it_is_set_aside(
    store: Store,
) -> None:
    # A session file holding another session, whose record of changes is not there to
    # name it, is no swap that can be told: its own record holds another copy's
    # changes, and both are set aside together, as before.
    _, second = _swapped(store, ("aaa", "bbb"))
    journal_path(second).unlink()  # bbb's record, which names the file aaa.json is now
    listed = Store(store.root)
    listed.sessions()
    said = [str(n) for n in listed.damaged]
    assert any("an older copy may have been put back" in line for line in said)


def test_copies_set_aside_with_each_others_records_of_changes_are_got_back_whole(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Set aside as an older version did, each with the other's record of changes: the
    # record that names each session file is found beside it and read back.
    _swapped(store, ("aaa", "bbb"))
    damaged = store.root / "damaged"
    damaged.mkdir()
    for name in ("aaa", "bbb"):
        for suffix in (".json", ".journal"):
            (store.root / f"{name}{suffix}").rename(damaged / f"{name}.20261126T000000Z{suffix}")
    for copy, session, own in (("aaa", "bbb", "bbb"), ("bbb", "aaa", "aaa")):
        aside = damaged / f"{copy}.20261126T000000Z.json"
        assert main(["--data-dir", str(store.root), "sessions", "recover", str(aside)]) == 0
        said = capsys.readouterr().out.splitlines()
        assert said[:3] == [
            f"Recovered {session} (Test) from {aside}: 1 candidate, 2 panel members, 2 votes.",
            "The record of changes named as it is was another session's: the session files' "
            f"names had been swapped. Its own, {own}.20261126T000000Z.journal, in the same "
            "folder, was read instead.",
            "Every change saved in it was read back.",
        ]
    back = Store(store.root)
    assert {s.id: len(s.votes) for s in back.sessions()} == {"aaa": 2, "bbb": 2}


def test_a_crash_tail_in_the_record_read_from_under_another_name_is_measured_as_its_own(
    store: Store,
) -> None:
    # Found by a review: the record of changes read from under another name was
    # measured against its longest change alone, not the session's own record as
    # the one beside it is: a crash's tail as long as that record was damage there.
    _swapped(store, ("aaa", "bbb"))
    aside = store.root / "aaa.json"  # holds bbb, whose record of changes is bbb.journal
    tables = storage.decode(aside.read_bytes())
    with (store.root / "bbb.journal").open("ab") as journal:
        journal.write(bytes(storage.own_bytes(tables) + CHANGE_ROOM))  # zeros, as a crash
    read = read_back(aside)
    assert read.changes_from == store.root / "bbb.journal"
    assert (read.replayed, read.unreadable, read.torn) == (1, 0, True)
