"""A journal wiped from the middle to its end: votes saved and acknowledged, then zeroed.

A crash tears only the append under way, so what it leaves after the last
good record is never longer than one change. A run of zeros (or anything
else that does not read) from the middle to the end that is longer than the
longest change the session could make was written once, record by record,
each acknowledged: it was read as a crash's torn tail and passed over, its
votes gone without a word. Now it is damage, set aside as damage elsewhere
is; a tail a crash can leave, up to the longest change, is still dropped.
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from panel_tui.domain.models import VOTE_VALUES, Note
from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.journal import frame, parse
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.recovery import recovery_words
from panel_tui.domain.store.salvage import read_back
from panel_tui.domain.text import MAX_TEXT
from tests.domain.builders import session as build
from tests.domain.crashed_votes import Vote, voted, votes_of
from tests.domain.helpers import crash, journal_offsets, store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py

_ANSWERS = [(c, q, m) for c in ("c1", "c2") for q in ("q1", "q2") for m in ("m1", "m2", "m3")]
#: 250 votes and changes of vote: a day's morning, and more than one change could be.
MANY: list[Vote] = [
    (c, q, m, v)
    for (c, q, m), v in itertools.islice(
        zip(itertools.cycle(_ANSWERS), itertools.cycle(VOTE_VALUES)), 250
    )
]


def _zero_from(snapshot: Path, record: int) -> bytes:
    """Zero the journal from its record number ``record`` (0: the header) to its end."""
    journal = journal_path(snapshot)
    raw = bytearray(journal.read_bytes())
    start = journal_offsets(bytes(raw))[record]
    raw[start:] = bytes(len(raw) - start)
    journal.write_bytes(bytes(raw))
    return bytes(raw)


def test_a_journal_zeroed_from_the_middle_to_the_end_is_set_aside(store: Store) -> None:
    path, _ = voted(store, MANY)
    wiped = _zero_from(path, 2)  # the header and the first vote still read
    with pytest.raises(
        StoreError,
        match=r"s1\.json can be read, but its record of changes, s1\.journal, is damaged "
        r"\(everything saved in it after change number 1 no longer reads, more than a "
        r"change cut short by a crash could leave\)",
    ):
        Store(store.root).load("s1")
    (copy,) = (store.root / "damaged").glob("s1.*.json")
    assert journal_path(copy).read_bytes() == wiped  # kept as it was, never mended
    read = read_back(copy)
    assert (read.replayed, read.unreadable, read.torn) == (1, 1, False)
    assert votes_of(read.session) == MANY[:1]
    said = " ".join(recovery_words(read, copy))
    assert f"1 part of its record of changes, {copy.stem}.journal, no longer reads as" in said
    assert "Every change saved in it was read back" not in said


def test_a_journal_zeroed_after_its_header_is_set_aside(store: Store) -> None:
    path, _ = voted(store, MANY)
    _zero_from(path, 1)
    with pytest.raises(StoreError, match=r"none of the changes saved in it reads any more"):
        Store(store.root).load("s1")
    assert len(list((store.root / "damaged").glob("s1.*.journal"))) == 1


def _longest_note() -> bytes:
    """The record of a note at its longest, every character four bytes long."""
    at = datetime(2026, 11, 26, 10, tzinfo=UTC)
    note = Note(candidate="c1", question="q1", text="\U0001f600" * MAX_TEXT, at=at)
    return frame({"ops": [{"t": "notes", "add": {"1": note.model_dump(mode="json")}}]})


@pytest.mark.parametrize("torn", ["zeros", "cut short"])
def test_the_longest_change_torn_by_a_crash_is_still_dropped_without_a_word(
    store: Store, torn: str
) -> None:
    path, session = voted(store, MANY[:3])
    record = _longest_note()
    tail = bytes(len(record)) if torn == "zeros" else record[:-1]
    with journal_path(path).open("ab") as journal:
        journal.write(tail)
    assert votes_of(Store(store.root).load("s1")) == votes_of(session)
    assert not (store.root / "damaged").exists()


def test_a_torn_record_of_the_session_itself_is_still_dropped_without_a_word(
    store: Store,
) -> None:
    # The session's own record is written whole when the panel moves on (its
    # cursor): the longest change of all in a session with a large bank.
    path, session = voted(store, MANY[:3])
    tables = json.loads(path.read_bytes())
    put = frame({"ops": [{"t": "session", "put": tables["session"]}]})
    with journal_path(path).open("ab") as journal:
        journal.write(bytes(len(put)))
    assert votes_of(Store(store.root).load("s1")) == votes_of(session)


def test_a_long_tail_past_the_longest_change_is_damage_when_parsed_alone() -> None:
    good = frame({"snapshot": "t"}) + frame({"ops": [1]})
    longest = len(_longest_note())
    assert parse(good + bytes(longest)).torn
    assert parse(good + bytes(2 * longest), salvage=True).unreadable == [len(good)]


def test_a_crash_cutting_short_the_longest_payment_change_is_not_damage(store: Store) -> None:
    # Found by a review: a member's payment notes (a note at its longest and 80
    # stretches of a minute, as `payment --time` repeated takes) made one record
    # longer than a crash's torn tail was taken to be; cut 5 bytes short by a crash,
    # the session was set aside as damaged. A change that long is written whole.
    store.save(build("LLLP"))
    opened = store.open("s1")
    opened.record_vote("c1", "q1", "m1", "up")
    day = datetime(2026, 11, 23, 8, tzinfo=UTC)
    times = [
        {
            "start": (day + timedelta(minutes=2 * n)).isoformat(),
            "end": (day + timedelta(minutes=2 * n + 1)).isoformat(),
        }
        for n in range(80)
    ]
    opened.set_involvement(1, {"expenses_note": "\U0001f68c" * MAX_TEXT, "times": times})
    journal = journal_path(crash(opened))
    journal.write_bytes(journal.read_bytes()[:-5])  # all but its last bytes on disk
    session = Store(store.root).load("s1")
    assert [vote.member for vote in session.votes] == ["m1"]
    assert not (store.root / "damaged").exists()
