"""Reading back past changes that no longer read: each left out, counted, its answers named.

A record of the journal spoilt, cut short or lost side by side with another: the
rest is replayed, undos still name their own votes, and what is missing is said
as at least what the gap shows.
"""

from __future__ import annotations

import errno
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.journal import frame, parse
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.recovery import recovery_words, with_recovery_notes
from panel_tui.domain.store.salvage import read_back
from tests.domain.builders import two_by_two
from tests.domain.crashed_votes import THREE, Vote, standing, voted, votes_of
from tests.domain.helpers import crash, journal_offsets, spoil_record, store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


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
    path, whole = voted(store, THREE)
    spoil_record(path, 2)  # the second vote
    read = read_back(path)
    assert votes_of(read.session) == [votes_of(whole)[0], votes_of(whole)[2]]
    assert (read.replayed, read.unreadable, read.torn, read.left_out) == (2, 1, False, True)
    assert read.missing == {"votes": 1}
    # The votes either side were on C1's Q1 and Q2: named, and each given a note.
    assert read.near == (("c1", "q1"), ("c1", "q2"))
    said = " ".join(recovery_words(read, path))
    assert "Missing as a result: at least 1 vote, change of vote or undo." in said
    assert "Check the votes on Alex Q1 and Alex Q2 with the panel" in said
    notes = with_recovery_notes(read).notes
    assert [(n.candidate, n.question) for n in notes] == [("c1", "q1"), ("c1", "q2")]
    assert all("recovered this session from a damaged file" in n.text for n in notes)


def test_an_undo_still_names_the_vote_it_undid_across_the_gap(store: Store) -> None:
    # m2's vote is lost; m1 then votes on q2 and undoes it: the undo named the
    # vote by its place (3, counting from 0), which is 2 once the gap closes.
    path, whole = voted(store, [*THREE, ("c1", "q2", "m1", "undo")])
    assert whole.votes[3].undoes == 2
    spoil_record(path, 2)
    session = read_back(path).session
    assert session.votes[2].undoes == 1
    assert session.votes[session.votes[2].undoes] == whole.votes[2]
    assert ("c1", "q2", "m1") not in standing(session)  # the undo still stands


def test_an_undo_of_a_vote_that_is_missing_is_left_out_too(store: Store) -> None:
    # Kept, it would stand as a plain vote of no value, to be undone again.
    path, whole = voted(store, [("c1", "q1", "m1", "up"), ("c1", "q1", "m1", "undo")])
    spoil_record(path, 1)  # the vote the undo took back
    read = read_back(path)
    assert read.session.votes == []
    assert standing(read.session) == standing(whole) == {}
    assert read.missing == {"votes": 2}


def test_changes_that_cannot_be_matched_to_the_snapshot_are_left_out(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.compact()
    opened.record_vote("c1", "q1", "m1", "up")
    path = crash(opened)
    spoil_record(path, 0)
    read = read_back(path)
    assert read.session.votes == []
    assert (read.unmatched, read.unreadable, read.replayed) == (1, 1, 0)
    assert "1 change could not be matched to the session file" in " ".join(
        recovery_words(read, path)
    )


def test_two_changes_lost_side_by_side_are_said_as_at_least_what_the_gap_shows(
    store: Store,
) -> None:
    path, whole = voted(store, [*THREE, ("c2", "q1", "m1", "up")])
    spoil_record(path, 2)
    spoil_record(path, 3)  # the next record too: one stretch of damage
    read = read_back(path)
    assert votes_of(read.session) == [votes_of(whole)[0], votes_of(whole)[3]]
    assert (read.unreadable, read.missing) == (1, {"votes": 2})
    said = " ".join(recovery_words(read, path))
    assert "1 part of its record of changes, s1.journal, no longer reads as written" in said
    assert "at least 2 votes, changes of vote or undos" in said


def test_a_last_change_that_does_not_read_is_said_and_its_answer_named(store: Store) -> None:
    path, whole = voted(store, THREE)
    spoil_record(path, 3)  # the last vote: read as cut short, never silently
    read = read_back(path)
    assert votes_of(read.session) == votes_of(whole)[:2]
    assert read.torn and read.near == (("c1", "q1"),)
    said = " ".join(recovery_words(read, path))
    assert "the last change in its record of changes, s1.journal, did not read back" in said


def test_votes_in_a_round_whose_start_was_lost_are_left_out_and_the_rest_kept(
    store: Store,
) -> None:
    opened = store.create(two_by_two("LLP").model_copy(update={"mode": "practice"}))
    for member in ("m1", "m2", "m3"):
        opened.record_vote("c1", "q1", member, "up")
    opened.new_round("c1", "q1")
    opened.record_vote("c1", "q1", "m1", "down")
    opened.record_vote("c1", "q2", "m2", "middle")
    path = crash(opened)
    spoil_record(path, 4)  # the second round's start
    read = read_back(path)  # never "the session file itself is damaged"
    # Only the vote in the round whose start was lost; the vote on Q2 is kept.
    assert votes_of(read.session) == [*votes_of(opened.session)[:3], ("c1", "q2", "m2", "middle")]
    assert (read.unreadable, read.unfitting, read.replayed) == (1, 1, 4)
    assert read.missing == {"votes": 1} and ("c1", "q1") in read.near
    said = " ".join(recovery_words(read, path))
    assert "1 later change no longer fitted without what was lost" in said


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.floats(min_value=0, max_value=1, exclude_max=True), flip=st.integers(1, 255))
def test_one_spoilt_byte_in_the_journal_costs_the_one_change_it_is_in(
    tmp_path_factory: pytest.TempPathFactory, position: float, flip: int
) -> None:
    """A checksum catches any one byte changed, so only that byte's record is lost."""
    store = Store(tmp_path_factory.mktemp("sessions"))
    path, whole = voted(store, [*THREE, ("c2", "q1", "m3", "up")])
    journal = journal_path(path)
    raw = bytearray(journal.read_bytes())
    offsets = journal_offsets(bytes(raw))
    spoilt = int(position * len(raw))
    hit = max(number for number, offset in enumerate(offsets) if offset <= spoilt)
    raw[spoilt] ^= flip
    journal.write_bytes(bytes(raw))
    read = read_back(path)
    recorded = votes_of(whole)  # one record each, after the header (record 0)
    if hit == 0:  # whose changes these are cannot be told: none is replayed
        assert votes_of(read.session) == []
        assert read.unmatched == len(recorded)
    else:
        assert votes_of(read.session) == recorded[: hit - 1] + recorded[hit:]
        if hit < len(offsets) - 1:  # the last record spoilt reads as a torn append
            assert (read.unreadable, read.missing) == (1, {"votes": 1})


def test_a_lost_change_of_vote_with_a_move_after_it_still_names_its_answer(
    store: Store,
) -> None:
    # No gap in the votes' numbers shows it: the panel moved on after it, so the
    # last change saved is the move (found by an adversarial tester).
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.record_vote("c1", "q1", "m2", "down")
    opened.record_vote("c1", "q1", "m2", "up")  # the change of mind, to be lost
    opened.move_to("c1", "q2")
    path = crash(opened)
    spoil_record(path, 3)
    read = read_back(path)
    assert standing(read.session) == {("c1", "q1", "m1"): "up", ("c1", "q1", "m2"): "down"}
    assert read.missing == {} and read.near == (("c1", "q1"),)
    said = " ".join(recovery_words(read, path))
    assert "What was left out cannot be told from what remains: a vote, an undo" in said
    assert "Check the votes on Alex Q1 with the panel" in said


@pytest.mark.parametrize("later", [[], [("c2", "q2", "m1", "down")]])
def test_undos_after_a_lost_undone_vote_still_name_their_own_vote(
    store: Store, later: list[Vote]
) -> None:
    # The lost vote's undo is left out too; every later undo then named the
    # vote one place on, or itself, and was dropped (found by a review).
    votes: list[Vote] = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "up"),
        ("c1", "q2", "m1", "up"),  # lost
        ("c1", "q2", "m1", "undo"),
        ("c2", "q1", "m1", "up"),
        *later,
        ("c2", "q1", "m1", "undo"),
    ]
    path, whole = voted(store, votes)
    spoil_record(path, 3)
    read = read_back(path)
    session = read.session
    undo = session.votes[-1]
    assert session.votes[undo.undoes or 0] == whole.votes[4]  # m1's up on C2 Q1
    assert ("c2", "q1", "m1") not in standing(session)  # withdrawn, as it was
    assert standing(session) == standing(whole)
    assert read.missing == {"votes": 2} and read.unfitting == 0


def test_a_vote_the_disk_refused_leaves_no_gap_that_reads_back_as_a_lost_vote(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A refused vote used up its number, so the votes after it were numbered one
    # on: read back past damage, the gap counted as one more vote lost, and m2's
    # undo, its place no longer matching its vote's number, was left out and m2's
    # withdrawn vote counted again (found looking into "named but not replayed").
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")

    def refuse(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", refuse)
    with pytest.raises(StoreError, match="The disk is full"):
        opened.record_vote("c1", "q1", "m2", "down")
    monkeypatch.undo()
    opened.record_vote("c1", "q1", "m2", "up")
    opened.undo("c1", "q1")
    opened.record_vote("c1", "q2", "m1", "down")
    path, whole = crash(opened), opened.session
    spoil_record(path, 1)  # m1's vote, before the refusal
    read = read_back(path)
    assert votes_of(read.session) == votes_of(whole)[1:]
    assert ("c1", "q1", "m2") not in standing(read.session)  # the undo still stands
    assert read.missing == {"votes": 1}
