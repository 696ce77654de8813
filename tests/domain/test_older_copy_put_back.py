"""An older copy of a session file put back while the app is closed (a backup restored,
a sync tool): the changes saved since, in its record of changes, are never passed over.

Found by an adversarial tester: votes, a kill, then the session file of an earlier
quit copied back. The record of changes named the newer file, so it was taken as
left over from a compaction (stale) and emptied at the next start: five votes gone
without a word. A snapshot now says which snapshots it replaced; a record of changes
naming none of them belongs to another copy, and the session is set aside and named.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from panel_tui.domain.store import OpenSession, Store
from panel_tui.domain.store.errors import DamagedFile
from panel_tui.domain.store.journal import FRAME
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.recovery import recovery_words, with_recovery_notes
from panel_tui.domain.store.salvage import read_back
from panel_tui.domain.store.snapshot_meta import META_TABLE
from tests.domain.builders import two_by_two
from tests.domain.helpers import crash, journal_offsets, store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _votes_on_disk(store: Store, session_id: str) -> list[tuple[str, str, str | None]]:
    return [(v.question, v.member, v.value) for v in Store(store.root).load(session_id).votes]


def _put_back_after_newer_changes(
    store: Store, tmp_path: Path, more: int = 0
) -> tuple[OpenSession, Path]:
    """A vote, a copy of the file, a vote compacted in, a vote (and ``more``) in the
    journal only: the copy put back once the session is closed."""
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.compact()
    older = tmp_path / "older.json"
    shutil.copy2(opened.path, older)
    opened.record_vote("c1", "q1", "m2", "down")
    opened.compact()
    opened.record_vote("c1", "q2", "m3", "middle")  # in the journal only
    for member in ("m1", "m2")[:more]:
        opened.record_vote("c2", "q1", member, "up")
    crash(opened)
    shutil.copy2(older, opened.path)
    return opened, older


def test_an_older_copy_put_back_is_set_aside_and_the_votes_it_lacks_are_named(
    store: Store, tmp_path: Path
) -> None:
    opened, _ = _put_back_after_newer_changes(store, tmp_path)
    fresh = Store(store.root)
    assert fresh.sessions() == []  # never opened as if whole
    (found,) = fresh.damaged
    assert isinstance(found, DamagedFile)
    said = str(found)
    assert "holds changes saved to another copy of the session file" in said
    assert "an older copy may have been put back" in said
    assert found.moved_to is not None
    # Set aside with its record of changes, both as they were.
    assert journal_path(found.moved_to).exists()
    read = read_back(found.moved_to)
    assert read.another_copy and read.unmatched == 1
    # The vote on Q2 is in no session file: named, for the panel to check.
    assert read.unmatched_answers == (("c1", "q2"),)
    words = " ".join(recovery_words(read, found.moved_to))
    assert "1 change could not be matched to the session file, as it was saved to another" in words
    assert "saved to another copy of it (an older copy was put back" in words
    (note,) = with_recovery_notes(read).notes
    assert "in the record of changes of another copy of the session file" in note.text
    assert opened.session.id not in [s.id for s in fresh.sessions()]


def test_a_record_of_changes_left_by_a_crash_after_two_compactions_is_stale(
    store: Store,
) -> None:
    # A crash after a compaction, before the record of changes was emptied, leaves
    # one naming the snapshot before; a reader that read it just before two
    # compactions sees the same. Its changes are in the snapshot: passed over.
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    left = journal_path(opened.path).read_bytes()
    opened.compact()
    opened.record_vote("c1", "q1", "m2", "down")
    opened.compact()
    crash(opened)
    journal_path(opened.path).write_bytes(left)
    fresh = Store(store.root)
    assert [s.id for s in fresh.sessions()] == [opened.session.id]
    assert fresh.damaged == []
    assert _votes_on_disk(store, opened.session.id) == [("q1", "m1", "up"), ("q1", "m2", "down")]


def test_a_file_an_older_version_wrote_takes_a_record_of_another_snapshot_as_stale(
    store: Store, tmp_path: Path
) -> None:
    # An older version's snapshot does not say what it replaced: its journal is
    # passed over as before, rather than every session kept so far set aside.
    opened, _ = _put_back_after_newer_changes(store, tmp_path)
    whole = json.loads(opened.path.read_text(encoding="utf-8"))
    del whole[META_TABLE]["1"]["replaces"]
    opened.path.write_text(json.dumps(whole), encoding="utf-8")
    fresh = Store(store.root)
    assert [s.id for s in fresh.sessions()] == [opened.session.id]
    assert fresh.damaged == []


def test_a_copy_from_before_the_first_compaction_put_back_is_told_too(store: Store) -> None:
    # Found by a review: a session as made (written whole) said nothing of what it
    # replaced, so a copy taken during its first sitting was never told apart.
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")  # in the journal only
    older = store.root.parent / "older.json"
    shutil.copy2(opened.path, older)
    opened.close()
    opened = store.open(opened.session.id)
    opened.record_vote("c1", "q2", "m2", "down")  # in the journal only
    crash(opened)
    shutil.copy2(older, opened.path)
    fresh = Store(store.root)
    assert fresh.sessions() == []
    (found,) = fresh.damaged
    assert "an older copy may have been put back" in str(found)


def test_a_damaged_record_of_changes_of_another_copy_is_set_aside_too(
    store: Store, tmp_path: Path
) -> None:
    # Found by a review: one bit flipped in such a journal, and it was passed over as
    # stale, then emptied as the session opened: every change in it gone.
    opened, _ = _put_back_after_newer_changes(store, tmp_path, more=2)
    logged = journal_path(opened.path)
    raw = bytearray(logged.read_bytes())
    raw[journal_offsets(bytes(raw))[1] + FRAME.size + 2] ^= 0x01  # the first of three
    logged.write_bytes(bytes(raw))
    fresh = Store(store.root)
    assert fresh.sessions() == []
    (found,) = fresh.damaged
    assert isinstance(found, DamagedFile) and found.moved_to is not None
    assert journal_path(found.moved_to).read_bytes() == bytes(raw)  # kept as it was
    assert read_back(found.moved_to).another_copy
