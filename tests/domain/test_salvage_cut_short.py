"""A session file cut short mid-line (a USB stick pulled, a sync tool's half copy).

Found by an adversarial tester: such a copy could not be recovered at all, though
every vote in the half kept was whole, and the record of changes beside it may hold
the session's own record and later votes. What reads whole is read back, and what
could not be read is said; with the session itself (bank, panel, candidates) in
neither file, it is still refused. The session's own table is written first, so a
cut after it keeps it (a second tester's half copy cut the table, written after the
votes, and lost every vote).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.recovery import read_back_plainly, recovery_words
from tests.domain.builders import two_by_two
from tests.domain.crashed_votes import votes_of
from tests.domain.helpers import store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _three_votes_then_more(store: Store, *, moved: bool) -> Path:
    """Three votes folded into the session file; then (left open, as a kill leaves it) a
    fourth vote in its record of changes, after the panel moved on (``moved``: the
    session's own record written whole into it)."""
    with store.create(two_by_two("LLP")) as opened:
        for member in ("m1", "m2", "m3"):
            opened.record_vote("c1", "q1", member, "up")
    opened = store.open("s1")
    if moved:
        opened.move_to("c1", "q2")
    opened.record_vote("c1", "q2", "m1", "down")
    opened._lock.release()  # the dead process's lock is free again
    return opened.path


def _cut_in_third_vote(path: Path) -> None:
    raw = path.read_bytes()
    assert raw.index(b'"session": ') < raw.index(b'"votes": ')  # the session's table first
    path.write_bytes(raw[: raw.index(b'"3": {') + 30])  # mid-line, in the third vote


def _cut_in_the_sessions_record(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.index(b'"session": ') + 60])


@pytest.mark.parametrize("moved", [True, False])
def test_a_session_file_cut_in_its_votes_gives_back_what_reads_whole_and_the_journal(
    store: Store, moved: bool
) -> None:
    # The session's own table is whole, before the cut, whatever the record of
    # changes holds: a half copy keeps the votes before the cut.
    path = _three_votes_then_more(store, moved=moved)
    _cut_in_third_vote(path)
    read = read_back_plainly(path)
    assert votes_of(read.session) == [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "up"),
        ("c1", "q2", "m1", "down"),  # from the record of changes
    ]
    assert read.session.title == two_by_two("LLP").title
    said = " ".join(recovery_words(read, path))
    assert "Every change" not in said
    assert "The session file is cut short" in said
    assert "were read from its record" not in said  # the session file held them
    assert "Missing as a result: at least 1 vote, change of vote or undo" in said
    assert "check" in said.lower() and "with the panel" in said


def test_a_session_file_cut_in_its_own_record_takes_it_from_the_journal(store: Store) -> None:
    path = _three_votes_then_more(store, moved=True)
    _cut_in_the_sessions_record(path)
    read = read_back_plainly(path)
    # The votes after the cut are lost; the one in the record of changes is kept.
    assert votes_of(read.session) == [("c1", "q2", "m1", "down")]
    assert read.session.title == two_by_two("LLP").title  # from the session's own put
    said = " ".join(recovery_words(read, path))
    assert "details (its questions, panel and candidates) were read from its record" in said


def test_a_session_file_cut_short_with_the_session_in_neither_file_is_still_refused(
    store: Store,
) -> None:
    path = _three_votes_then_more(store, moved=False)
    _cut_in_the_sessions_record(path)
    with pytest.raises(StoreError, match="cannot be recovered: the session file itself"):
        read_back_plainly(path)


def test_a_session_file_cut_after_the_session_reads_back_without_the_journal(
    store: Store,
) -> None:
    path = _three_votes_then_more(store, moved=False)
    journal_path(path).unlink()
    raw = path.read_bytes()
    path.write_bytes(raw[:-20])  # in the record of which snapshot it is, at the end
    read = read_back_plainly(path)
    assert len(read.session.votes) == 3
    assert read.left_out
    said = " ".join(recovery_words(read, path))
    assert "The session file is cut short" in said
