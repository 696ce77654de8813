"""A journal wiped from its start: its header, and perhaps changes after it, no longer read.

Found by adversarial testing: with the header gone, whose changes follow cannot
be told, so none is replayed; but recovery then named no answer at all, and a
journal zeroed whole was taken for a crash mid-header and passed over, its
votes gone without a word. Now a journal longer than a torn header could be is
damage, set aside; and recovery names the answers of the changes that still
read and are not in the session file, for the panel to check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.journal import frame, parse
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.recovery import recovery_words, with_recovery_notes
from panel_tui.domain.store.salvage import read_back
from tests.domain.builders import two_by_two
from tests.domain.crashed_votes import THREE, Vote, voted
from tests.domain.helpers import crash, journal_offsets, store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py

FOUR: list[Vote] = [*THREE, ("c2", "q1", "m3", "up")]


def _wipe(snapshot: Path, records: int | None = None) -> bytes:
    """Zero the journal's first ``records`` records (1: the header alone; ``None``: all).

    Returns the journal's bytes as wiped.
    """
    journal = journal_path(snapshot)
    raw = bytearray(journal.read_bytes())
    upto = len(raw) if records is None else journal_offsets(bytes(raw))[records]
    raw[:upto] = bytes(upto)
    journal.write_bytes(bytes(raw))
    return bytes(raw)


def test_a_journal_zeroed_whole_is_set_aside_never_passed_over(store: Store) -> None:
    path, _ = voted(store, FOUR)
    wiped = _wipe(path)
    later = Store(store.root)
    with pytest.raises(
        StoreError,
        match=r"s1\.json can be read, but its record of changes, s1\.journal, is damaged \(it no "
        r"longer reads from its start\)",
    ):
        later.load("s1")
    (copy,) = (store.root / "damaged").glob("s1.*.json")
    assert journal_path(copy).read_bytes() == wiped  # kept as it was, never overwritten
    said = " ".join(recovery_words(read_back(copy), copy))
    assert f"1 part of its record of changes, {copy.stem}.journal, no longer reads as" in said
    assert "did not read back" not in said


def test_a_header_cut_short_by_a_crash_alone_is_still_no_damage(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.compact()  # the vote is in the snapshot; the journal is its header alone
    path = crash(opened)
    journal = journal_path(path)
    journal.write_bytes(bytes(len(journal.read_bytes())))  # the header's bytes not yet written
    assert [v.member for v in Store(store.root).load("s1").votes] == ["m1"]


def test_the_answers_of_changes_after_a_wiped_start_are_named(store: Store) -> None:
    path, _ = voted(store, FOUR)
    _wipe(path, 2)  # the header and m1's vote on Alex Q1
    read = read_back(path)
    assert (read.unmatched, read.unreadable, read.replayed) == (3, 1, 0)
    assert read.unmatched_answers == (("c1", "q1"), ("c1", "q2"), ("c2", "q1"))
    said = " ".join(recovery_words(read, path))
    assert "Missing as a result: at least 4 votes" in said
    assert (
        "The changes that could not be matched hold votes on Alex Q1, Alex Q2 and C2 Q1 "
        "that the session file does not" in said
    )
    notes = with_recovery_notes(read).notes
    assert [(n.candidate, n.question) for n in notes] == list(read.unmatched_answers)
    assert all("A vote on this answer may be missing" in note.text for note in notes)


def test_a_stale_journal_whose_header_was_wiped_names_nothing_as_missing(store: Store) -> None:
    # Its votes were folded into the snapshot before: none of them is missing.
    path, _ = voted(store, THREE)
    stale = journal_path(path).read_bytes()
    store.open("s1").close()  # compacts: the snapshot holds the three votes
    journal_path(path).write_bytes(stale)
    _wipe(path, 1)
    read = read_back(path)
    assert len(read.session.votes) == 3
    assert (read.unmatched, read.missing, read.unmatched_answers, read.near) == (3, {}, (), ())


def test_salvaging_a_journal_cut_at_a_record_keeps_the_first_change() -> None:
    parsed = parse(frame({"ops": [1]}) + frame({"ops": [2]}), salvage=True)
    assert parsed.snapshot is None
    assert parsed.records == [{"ops": [1]}, {"ops": [2]}]
    assert parsed.unreadable == [0]
