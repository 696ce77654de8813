"""Reading back a damaged session: every change that still reads, and what is missing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panel_tui.domain.models import Session, VoteValue
from panel_tui.domain.store import DamagedData, Store, StoreError
from panel_tui.domain.store.journal import frame, parse
from panel_tui.domain.store.journaled import journal_path
from panel_tui.domain.store.salvage import read_back
from tests.domain.builders import two_by_two
from tests.domain.helpers import crash, journal_offsets, spoil_record, store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py

Vote = tuple[str, str, str, VoteValue | Literal["undo"] | None]
"""A vote as the tests give it: "undo" undoes the last on that answer."""


def _votes(session: Session) -> list[Vote]:
    return [(v.candidate, v.question, v.member, v.value) for v in session.votes]


def _standing(session: Session) -> dict[tuple[str, str, str], str]:
    """Each member's vote that stands on each answer: the latest event's value."""
    latest = {(v.candidate, v.question, v.member): v.value for v in session.votes}
    return {answer: value for answer, value in latest.items() if value is not None}


def _voted(store: Store, votes: Sequence[Vote]) -> tuple[Path, Session]:
    """A session with ``votes`` recorded one change each, left as after a crash."""
    opened = store.create(two_by_two("LLP"))
    for candidate, question, member, value in votes:
        if value == "undo":
            opened.undo(candidate, question)
        else:
            opened.record_vote(candidate, question, member, value)
    return crash(opened), opened.session


THREE: list[Vote] = [
    ("c1", "q1", "m1", "up"),
    ("c1", "q1", "m2", "middle"),
    ("c1", "q2", "m1", "down"),
]


# ------------------------------------------------------------- the journal


def test_salvaging_reads_on_past_a_bad_record_and_says_where_it_was() -> None:
    records = [frame({"snapshot": "t"}), frame({"ops": [1]}), frame({"ops": [2]})]
    spoilt = bytearray(records[1])
    spoilt[-2] ^= 0x20
    raw = records[0] + bytes(spoilt) + records[2] + frame({"ops": [3]})
    parsed = parse(raw, salvage=True)
    assert parsed.snapshot == "t"
    assert parsed.records == [{"ops": [2]}, {"ops": [3]}]
    assert parsed.unreadable == [len(records[0])]


def test_salvaging_a_journal_whose_header_no_longer_reads_keeps_whose_it_is_unknown() -> None:
    header = bytearray(frame({"snapshot": "t"}))
    header[-3] ^= 0x20
    parsed = parse(bytes(header) + frame({"ops": [1]}), salvage=True)
    assert parsed.snapshot is None
    assert parsed.records == [{"ops": [1]}]
    assert parsed.unreadable == [0]


# ------------------------------------------------------------- the session


def test_a_vote_that_no_longer_reads_is_left_out_and_counted_as_missing(store: Store) -> None:
    path, whole = _voted(store, THREE)
    spoil_record(path, 2)  # the second vote
    read = read_back(path)
    assert _votes(read.session) == [_votes(whole)[0], _votes(whole)[2]]
    assert (read.changes, read.unreadable, read.left_out) == (2, 1, 1)
    assert read.missing == {"votes": 1}


def test_an_undo_still_names_the_vote_it_undid_across_the_gap(store: Store) -> None:
    # m2's vote is lost; m1 then votes on q2 and undoes it: the undo named the
    # vote by its place (3, counting from 0), which is 2 once the gap closes.
    path, whole = _voted(store, [*THREE, ("c1", "q2", "m1", "undo")])
    assert whole.votes[3].undoes == 2
    spoil_record(path, 2)
    session = read_back(path).session
    assert session.votes[2].undoes == 1
    assert session.votes[session.votes[2].undoes] == whole.votes[2]
    assert ("c1", "q2", "m1") not in _standing(session)  # the undo still stands


def test_an_undo_of_a_vote_that_is_missing_stays_as_the_vote_that_stands(store: Store) -> None:
    path, whole = _voted(store, [("c1", "q1", "m1", "up"), ("c1", "q1", "m1", "undo")])
    spoil_record(path, 1)  # the vote the undo took back
    read = read_back(path)
    assert [v.undoes for v in read.session.votes] == [None]
    assert _standing(read.session) == _standing(whole) == {}


def test_a_whole_session_reads_back_as_it_loads(store: Store) -> None:
    path, whole = _voted(store, THREE)
    read = read_back(path)
    assert read.session == store.load(whole.id)
    assert (read.changes, read.left_out, read.missing) == (3, 0, {})


def test_a_change_that_makes_no_sense_is_left_out_and_the_rest_kept(store: Store) -> None:
    path, whole = _voted(store, THREE)
    with journal_path(path).open("ab") as journal:  # whole and checked, but no change
        journal.write(frame({"ops": [{"t": "votes", "put": "not a table"}]}))
        journal.write(frame({"ops": [{"t": "notes", "add": {"1": {"x": 1}}}]}))
    with pytest.raises(StoreError, match="makes no sense"):
        store.load(whole.id)
    read = read_back(next((store.root / "damaged").glob("*.json")))
    assert _votes(read.session) == _votes(whole)
    assert (read.senseless, read.unreadable, read.missing) == (2, 0, {})


def test_changes_that_cannot_be_matched_to_the_snapshot_are_left_out(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.compact()
    opened.record_vote("c1", "q1", "m1", "up")
    path = crash(opened)
    spoil_record(path, 0)
    read = read_back(path)
    assert read.session.votes == []
    assert (read.unmatched, read.unreadable, read.left_out) == (1, 1, 2)


def test_a_stale_journal_is_not_replayed_again(store: Store) -> None:
    path, whole = _voted(store, THREE)
    raw = journal_path(path).read_bytes()
    store.load(whole.id)  # readable: nothing set aside
    with store.open(whole.id) as opened:
        opened.compact()  # the snapshot now holds the three votes
    journal_path(path).write_bytes(raw)  # the old journal back: it names the old snapshot
    read = read_back(path)
    assert _votes(read.session) == _votes(whole)
    assert read.left_out == 0


def test_a_damaged_snapshot_cannot_be_read_back(store: Store) -> None:
    path, _ = _voted(store, THREE)
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(DamagedData, match="not complete JSON"):
        read_back(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.floats(min_value=0, max_value=1, exclude_max=True), flip=st.integers(1, 255))
def test_one_spoilt_byte_in_the_journal_costs_the_one_change_it_is_in(
    tmp_path_factory: pytest.TempPathFactory, position: float, flip: int
) -> None:
    """A checksum catches any one byte changed, so only that byte's record is lost."""
    store = Store(tmp_path_factory.mktemp("sessions"))
    path, whole = _voted(store, [*THREE, ("c2", "q1", "m3", "up")])
    journal = journal_path(path)
    raw = bytearray(journal.read_bytes())
    offsets = journal_offsets(bytes(raw))
    spoilt = int(position * len(raw))
    hit = max(number for number, offset in enumerate(offsets) if offset <= spoilt)
    raw[spoilt] ^= flip
    journal.write_bytes(bytes(raw))
    read = read_back(path)
    recorded = _votes(whole)  # one record each, after the header (record 0)
    if hit == 0:  # whose changes these are cannot be told: none is replayed
        assert _votes(read.session) == []
        assert read.unmatched == len(recorded)
    else:
        assert _votes(read.session) == recorded[: hit - 1] + recorded[hit:]
        if hit < len(offsets) - 1:  # the last record spoilt reads as a torn append
            assert (read.unreadable, read.missing) == (1, {"votes": 1})
