"""The session file's checksum: a changed byte in it is told, never taken as what was saved.

Found by a tester: the journal's records are checked, the snapshot they are replayed
onto was not, so one flipped bit ("m2" to "m3", a weight 1.0 to 3.0) moved a vote to
another member or changed what a question counts without a word, and the next save
made it permanent. A file an older version wrote, with no checksum, opens as before.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from panel_tui.domain.store import DamagedFile, Store, StoreError
from panel_tui.domain.store.checksum import SUM_KEY
from panel_tui.domain.store.recovery import read_back_plainly, recovery_words
from panel_tui.domain.store.snapshot_meta import META_TABLE
from panel_tui.domain.store.storage import dumps
from tests.domain.builders import two_by_two
from tests.domain.helpers import store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _closed_with_votes(store: Store) -> Path:
    """A session with two votes, closed: its snapshot holds them (the journal is empty)."""
    with store.create(two_by_two("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m2", "down")
    return store.path("s1")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (b'"member": "m2"', b'"member": "m3"'),  # the vote moves to another member
        (b'"weight": 1.0', b'"weight": 3.0'),  # the question counts three times
    ],
    ids=["member", "weight"],
)
def test_a_changed_byte_in_the_session_file_sets_it_aside_and_says_so(
    store: Store, before: bytes, after: bytes
) -> None:
    path = _closed_with_votes(store)
    raw = path.read_bytes()
    assert raw.count(before) == 1
    path.write_bytes(raw.replace(before, after))

    later = Store(store.root)
    with pytest.raises(StoreError, match="changed outside panel-tui"):
        later.load("s1")
    (notice,) = later.damaged
    assert isinstance(notice, DamagedFile) and notice.moved_to is not None
    said = str(notice)
    assert (
        "is damaged (what it holds no longer matches the checksum panel-tui saved with it: it "
        "was changed outside panel-tui, or damaged on disk)" in said
    )
    assert f"panel-tui sessions recover {notice.moved_to}" in said
    assert notice.recoverable and not path.exists()

    # Recovering takes what reads, and says it may not be what was saved.
    read = read_back_plainly(notice.moved_to)
    assert read.changed
    assert [(v.member, v.value) for v in read.session.votes] == (
        [("m1", "up"), ("m3", "down")]
        if after.startswith(b'"member"')
        else [("m1", "up"), ("m2", "down")]
    )
    words = " ".join(recovery_words(read, notice.moved_to))
    assert "Its session file had been changed outside panel-tui, or damaged" in words
    later.recover(read, notice.moved_to)
    assert Store(store.root).load("s1").id == "s1"  # saved again, with a checksum that holds


def test_a_session_file_an_older_version_wrote_opens_without_a_word(store: Store) -> None:
    path = _closed_with_votes(store)
    tables = json.loads(path.read_bytes())
    assert SUM_KEY in tables[META_TABLE]["1"]
    del tables[META_TABLE]["1"][SUM_KEY]  # as written before the checksum was
    path.write_bytes(dumps(tables))

    later = Store(store.root)
    assert [(v.member, v.value) for v in later.load("s1").votes] == [("m1", "up"), ("m2", "down")]
    assert later.damaged == []
    with later.open("s1") as opened:  # and is written with one from then on
        opened.record_vote("c2", "q1", "m1", "up")
        opened.compact()
    assert SUM_KEY in json.loads(path.read_bytes())[META_TABLE]["1"]
    assert len(Store(store.root).load("s1").votes) == 3


def test_a_recovered_copy_with_a_checksum_that_holds_is_not_said_to_be_changed(
    store: Store,
) -> None:
    path = _closed_with_votes(store)
    read = read_back_plainly(path)
    assert not read.changed
    assert "changed outside panel-tui" not in " ".join(recovery_words(read, path))


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda raw: raw + b"\n", id="a newline after it"),
        pytest.param(lambda raw: raw + b"\r\n", id="a Windows line end after it"),
        pytest.param(lambda raw: codecs.BOM_UTF8 + raw, id="a byte-order mark before it"),
    ],
)
def test_white_space_an_editor_adds_around_a_session_file_is_no_damage(
    store: Store, edit: Callable[[bytes], bytes]
) -> None:
    # Found by a review: an editor's save that added a newline (or Notepad's
    # byte-order mark) set a healthy session aside as "changed outside
    # panel-tui", while reading the same bytes back called every change whole.
    path = _closed_with_votes(store)
    path.write_bytes(edit(path.read_bytes()))
    assert read_back_plainly(path).changed is False
    assert len(Store(store.root).load("s1").votes) == 2
