"""A last change in the journal that is whole in length but fails its check: kept and told.

Found by an adversarial tester: one flipped bit in the last record (a vote shown,
then ``kill -9``) dropped that vote as a torn append; the next opening said every
vote shown was kept, and compacted the journal away, so the loss could not even be
seen. A record cut short is a crash's (a vote shows only once its append is on
disk), and stays quiet; one of full length that fails its check may be damage to a
vote shown, so the files are kept as they were, and the chair is told.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from panel_tui.domain.store import Store, StoreError, durable
from panel_tui.domain.store.aside import DAMAGED_FOLDER
from panel_tui.domain.store.loading import journal_path
from tests.domain.builders import two_by_two
from tests.domain.helpers import store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _left_open_with_two_votes(store: Store) -> Path:
    """Two votes on one answer, the session let go of as a kill leaves it."""
    opened = store.open(store.create(two_by_two("LLP")).session.id)
    opened.record_vote("c1", "q1", "m1", "up")
    opened.record_vote("c1", "q1", "m2", "down")
    opened._lock.release()  # the dead process's lock is free again
    return journal_path(opened.path)


def _flip_in_last_time(changes: Path) -> bytes:
    """One bit flipped in the last record's "at" time; the journal's bytes after."""
    raw = bytearray(changes.read_bytes())
    at = raw.rindex(b'"at":"') + len(b'"at":"') + 3  # a digit of the year
    raw[at] ^= 0x01
    changes.write_bytes(bytes(raw))
    return bytes(raw)


def _kept(store: Store) -> list[Path]:
    folder = store.root / DAMAGED_FOLDER
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_a_last_change_failing_its_check_is_kept_byte_for_byte_and_told(store: Store) -> None:
    changes = _left_open_with_two_votes(store)
    snapshot = changes.with_suffix(".json").read_bytes()
    damaged = _flip_in_last_time(changes)
    with store.open("s1") as opened:
        assert len(opened.session.votes) == 1  # the second vote does not read back
        assert not opened.closed_properly_last_time
        words = opened.last_change_unread
        assert words is not None
    kept = _kept(store)
    assert [p.suffix for p in kept] == [".journal", ".json"]
    assert kept[0].read_bytes() == damaged  # as it was, byte for byte
    assert kept[1].read_bytes() == snapshot
    assert "Every vote" not in words
    assert "could not be read back" in words
    assert str(kept[1]) in words
    assert "check" in words and "with the panel" in words
    assert "Alex" in words  # the answer the record seems to be about, said as such
    # Told once: the journal is folded in now, and the next opening is quiet.
    with store.open("s1") as again:
        assert again.last_change_unread is None
        assert again.closed_properly_last_time
    assert len(_kept(store)) == 2


def test_a_last_change_cut_short_stays_quiet(store: Store) -> None:
    # A crash mid-append: never shown, so nothing is kept and nothing more is said.
    changes = _left_open_with_two_votes(store)
    raw = changes.read_bytes()
    changes.write_bytes(raw[:-5])
    with store.open("s1") as opened:
        assert len(opened.session.votes) == 1
        assert not opened.closed_properly_last_time
        assert opened.last_change_unread is None
    assert _kept(store) == []


def test_a_kept_copy_reads_back_with_the_last_change_named_as_not_read(store: Store) -> None:
    changes = _left_open_with_two_votes(store)
    _flip_in_last_time(changes)
    with store.open("s1"):
        pass
    copy = next(p for p in _kept(store) if p.suffix == ".json")
    from panel_tui.domain.store.recovery import read_back_plainly, recovery_words

    read = read_back_plainly(copy)
    assert len(read.session.votes) == 1
    assert read.torn
    assert any("did not read back" in line for line in recovery_words(read, copy))


def _last_body_zeroed(changes: Path) -> None:
    """The last record's body as zeros, its frame whole: an append after which the
    disk had written the frame, and grown the file, but not yet the body's bytes."""
    from panel_tui.domain.store.journal import FRAME, parse

    raw = changes.read_bytes()
    start = parse(raw[: parse(raw).end - 1]).end + FRAME.size  # the last record's body
    changes.write_bytes(raw[:start] + b"\0" * (len(raw) - start))


def test_a_last_change_whose_body_is_all_zeros_stays_quiet(store: Store) -> None:
    # Found by a review: power lost before an append reached the disk left its body
    # as zeros, and the next opening said the last change "could not be read back".
    changes = _left_open_with_two_votes(store)
    _last_body_zeroed(changes)
    with store.open("s1") as opened:
        assert len(opened.session.votes) == 1
        assert not opened.closed_properly_last_time
        assert opened.last_change_unread is None
    assert _kept(store) == []


def test_a_body_of_zeros_is_read_as_cut_short() -> None:
    from panel_tui.domain.store.journal import FRAME, frame, parse

    last = frame({"ops": [2]})
    zeroed = last[: FRAME.size] + b"\0" * (len(last) - FRAME.size)
    parsed = parse(frame({"snapshot": "t"}) + frame({"ops": [1]}) + zeroed)
    assert parsed.records == [{"ops": [1]}]
    assert parsed.torn and parsed.unread_last is None
    # Not all zeros: of full length and failing its check, kept and told as before.
    spoiled = zeroed[:-1] + b"}"
    assert parse(frame({"snapshot": "t"}) + spoiled).unread_last == spoiled[FRAME.size :]


def test_opens_refused_after_the_read_keep_one_copy_and_the_words_wait(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a review: the copy was made on reading, so each opening refused after it
    # (the compaction, here a full disk) kept another copy of the same files.
    changes = _left_open_with_two_votes(store)
    _flip_in_last_time(changes)
    real = durable.write_atomically

    def full_but_for_damaged(path: Path, payload: bytes) -> None:
        if path.parent.name != DAMAGED_FOLDER:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, payload)

    monkeypatch.setattr(durable, "write_atomically", full_but_for_damaged)
    for _ in range(2):
        with pytest.raises(StoreError):
            store.open("s1")
    monkeypatch.setattr(durable, "write_atomically", real)
    with store.open("s1") as opened:
        words = opened.last_change_unread
    kept = _kept(store)
    assert [p.suffix for p in kept] == [".journal", ".json"]
    assert words is not None and str(kept[1]) in words and "Alex" in words


def test_the_vote_a_damaged_change_seems_to_be_is_named_only_when_it_is_one() -> None:
    from panel_tui.domain.store.journal_damage import vote_in

    vote = {"candidate": "c1", "question": "q1", "member": "m1"}
    assert vote_in(json.dumps({"ops": [{"t": "votes", "add": {"3": vote}}]}).encode()) == (
        "c1",
        "q1",
    )
    two = {"ops": [{"t": "votes", "add": {"3": vote, "4": {**vote, "question": "q2"}}}]}
    for body in (
        two,
        {"ops": 5},
        {"ops": None},
        [1],
        {"ops": [{"t": "notes", "add": {"1": vote}}]},
    ):
        assert vote_in(json.dumps(body).encode()) is None
    assert vote_in(b'{"ops": [') is None
