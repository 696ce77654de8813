"""Reading back from the session file itself: whole, without its journal, or spoilt.

A whole copy reads back as it loads and a stale journal is not replayed again; a
copy with no journal never claims to be whole; a spoilt vote in the file costs that
vote alone, and a snapshot cut short in the session's own record, which the journal
does not hold either, cannot be read back at all (see test_salvage_cut_short.py for
one that can). Something added
after a whole snapshot is left out, and said to be: a second copy of the session
(or another session's file) run on after it is named as such.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from panel_tui.domain.models import Session
from panel_tui.domain.store import DamagedData, DamagedFile, Store, StoreError
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.recovery import read_back_plainly, recovery_words
from panel_tui.domain.store.salvage import read_back
from tests.domain.builders import two_by_two, votes
from tests.domain.crashed_votes import THREE, voted, votes_of
from tests.domain.helpers import store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def test_a_whole_session_reads_back_as_it_loads(store: Store) -> None:
    path, whole = voted(store, THREE)
    read = read_back(path)
    assert read.session == store.load(whole.id)
    assert (read.replayed, read.left_out, read.missing) == (3, False, {})
    assert recovery_words(read, path)[1:] == ["Every change saved in it was read back."]


def test_a_stale_journal_is_not_replayed_again(store: Store) -> None:
    path, whole = voted(store, THREE)
    raw = journal_path(path).read_bytes()
    store.load(whole.id)  # readable: nothing set aside
    with store.open(whole.id) as opened:
        opened.compact()  # the snapshot now holds the three votes
    journal_path(path).write_bytes(raw)  # the old journal back: it names the old snapshot
    read = read_back(path)
    assert votes_of(read.session) == votes_of(whole)
    assert not read.left_out


def test_a_copy_without_its_record_of_changes_never_claims_to_be_whole(store: Store) -> None:
    path, _ = voted(store, THREE)
    journal_path(path).unlink()
    read = read_back(path)
    said = " ".join(recovery_words(read, path))
    assert read.no_journal and read.left_out
    assert "No record of changes (s1.journal) was beside it" in said
    assert "Every change" not in said
    # A copy whose session file reads whole is not called damaged (found by a tester).
    assert "damaged" not in said
    assert said.endswith("The file it was read from is kept as it is.")


def test_a_damaged_snapshot_cannot_be_read_back(store: Store) -> None:
    path, _ = voted(store, THREE)  # the journal holds votes, never the session's record
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.index(b'"session": ') + 40])
    with pytest.raises(DamagedData, match="not complete JSON"):
        read_back(path)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # One spoilt byte in a vote (found by a tester: every vote in the file was lost).
        (b'"value": "middle"', b'"value": "middlf"'),
        # A vote naming a member the panel does not have.
        (b'"member": "m2"', b'"member": "m9"'),
    ],
)
def test_a_spoilt_vote_in_the_session_file_costs_that_vote_alone(
    store: Store, before: bytes, after: bytes
) -> None:
    session = two_by_two("LLP").model_copy(update={"votes": votes(THREE)})
    store.save(session)
    path = store.path(session.id)
    assert path.read_bytes().count(before) == 1
    path.write_bytes(path.read_bytes().replace(before, after))
    assert store.sessions() == []  # set aside, as damaged
    (notice,) = store.damaged
    assert isinstance(notice, DamagedFile) and notice.recoverable
    assert notice.moved_to is not None
    read = read_back(notice.moved_to)
    assert votes_of(read.session) == [votes_of(session)[0], votes_of(session)[2]]
    assert (read.spoiled, read.near, read.left_out) == (1, (("c1", "q1"),), True)
    said = " ".join(recovery_words(read, notice.moved_to))
    assert "Left out: 1 vote, note or decision in the session file itself no longer reads" in said
    assert "Missing as a result: at least 1 vote, change of vote or undo." in said
    assert "Check the votes on Alex Q1 with the panel" in said


# Something added after a whole session file: a sync tool or a bad copy appends bytes
# (found by a tester: every vote was in the file, yet "cannot be recovered").
ADDED = {
    "zeros and text": b"\x00\x00garbage",
    "bytes that are not UTF-8": b"\xff\xfe\x00junk",
    "a second copy, cut short": None,  # the file's own start, written again after it
}


@pytest.mark.parametrize("added", ADDED.values(), ids=ADDED.keys())
@pytest.mark.parametrize("crashed", [True, False], ids=["after a crash", "compacted"])
def test_something_added_after_a_whole_session_file_is_set_aside_then_left_out(
    store: Store, added: bytes | None, crashed: bool
) -> None:
    path, whole = voted(store, THREE)
    if not crashed:
        with store.open(whole.id) as opened:
            opened.compact()  # the votes in the session file itself, the journal empty
    raw = path.read_bytes()
    junk = raw[: len(raw) // 2] if added is None else added
    path.write_bytes(raw + junk)

    # Opening never takes it as it is: set aside, and said.
    later = Store(store.root)
    assert later.sessions() == []
    (notice,) = later.damaged
    assert isinstance(notice, DamagedFile) and notice.moved_to and notice.recoverable
    assert "s1.json is damaged (" in str(notice)
    copy = notice.moved_to
    assert copy.read_bytes() == raw + junk  # kept as it was

    # Recovery reads back the session before what was added, every vote with it.
    read = read_back_plainly(copy)
    assert votes_of(read.session) == votes_of(whole)
    # What the bytes left out held cannot be told: never "every change" (found by a
    # reviewer: a newer copy run on after it was dropped, and that was said).
    assert (read.appended, read.left_out, read.second) == (len(junk), True, None)
    said = recovery_words(read, copy)
    assert said[1:] == [
        "Something that was not part of the session was found after it in the session file "
        f"({len(junk)} bytes, as a sync tool or a bad copy can add): it was left out.",
        "Look over its summary before you rely on it. The damaged copy is kept.",
    ]
    later.recover(read, copy)
    assert votes_of(Store(store.root).load(whole.id)) == votes_of(whole)
    assert copy.read_bytes() == raw + junk


def test_a_session_file_added_to_says_so_when_opened(store: Store) -> None:
    path, _ = voted(store, THREE)
    path.write_bytes(path.read_bytes() + b"\x00\x00garbage")
    with pytest.raises(StoreError, match="something that is not part of it follows its end"):
        Store(store.root).load("s1")


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda raw: b"garbage" + raw, id="rubbish from the start"),
        pytest.param(
            lambda raw: raw[: raw.index(b'"session": ') + 40] + b"\x00\x00garbage",
            id="cut short in the session's record, then rubbish",
        ),
        pytest.param(lambda raw: b'{"a": 1}' + raw, id="other JSON, then the session"),
        # What strict reading refuses is refused in the part read back too.
        pytest.param(
            lambda raw: (
                raw.replace(b'"session": {"1": ', b'"session": {"1": {}, "1": ', 1) + b"\x00garbage"
            ),
            id="a key given twice, then rubbish",
        ),
    ],
)
def test_a_session_file_that_is_not_whole_before_what_follows_is_still_refused(
    store: Store, spoil: Callable[[bytes], bytes]
) -> None:
    session = two_by_two("LLP").model_copy(update={"votes": votes(THREE)})
    store.save(session)
    path = store.path(session.id)
    raw = path.read_bytes()
    assert b'"votes": {"1": ' in raw
    path.write_bytes(spoil(raw))
    with pytest.raises(DamagedData):
        read_back(path)
    with pytest.raises(StoreError, match="cannot be recovered: the session file itself is damaged"):
        read_back_plainly(path)


# Two copies of one session file run together: a sync tool or a bad copy puts an older
# and a newer one in one file (found by a reviewer: the newer one's votes were dropped
# as "something that was not part of the session", and every change said read back).
LOOK_OVER = "Look over its summary before you rely on it. The damaged copy is kept."


def _older_and_newer(store: Store) -> tuple[Path, bytes, Session, bytes, Session]:
    """One session saved with 1 vote, then with 3: its file's bytes and session each time."""
    with store.create(two_by_two("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.compact()
        path, older, first = store.path("s1"), store.path("s1").read_bytes(), opened.session
        opened.record_vote("c1", "q1", "m2", "up")
        opened.record_vote("c1", "q2", "m3", "down")
        opened.compact()
        return path, older, first, path.read_bytes(), opened.session


def _set_aside_copy(store: Store, path: Path, raw: bytes) -> Path:
    path.write_bytes(raw)
    later = Store(store.root)
    assert path.stem not in [session.id for session in later.sessions()]
    (notice,) = later.damaged
    assert isinstance(notice, DamagedFile) and notice.moved_to and notice.recoverable
    return notice.moved_to


@pytest.mark.parametrize("between", [b"", b"\n", b"\x00\x00\r\n "], ids=repr)
@pytest.mark.parametrize("older_first", [True, False], ids=["older first", "newer first"])
def test_a_second_copy_run_on_after_the_session_is_named_with_what_each_holds(
    store: Store, between: bytes, older_first: bool
) -> None:
    path, older, one, newer, three = _older_and_newer(store)
    (first, first_session), (second, second_session) = sorted(
        [(older, one), (newer, three)], key=lambda copy: (len(copy[1].votes) == 1) != older_first
    )
    copy = _set_aside_copy(store, path, first + between + second)

    read = read_back_plainly(copy)
    assert votes_of(read.session) == votes_of(first_session)  # the first only
    assert read.left_out and read.second is not None and read.second.newer is older_first
    said = recovery_words(read, copy)
    assert "Every change saved in it was read back." not in said
    when = "saved after the first: it is newer" if older_first else "saved before the first"
    holds = {
        1: "2 candidates, 3 panel members, 1 vote",
        3: "2 candidates, 3 panel members, 3 votes",
    }
    assert said[1:] == [
        "A second copy of the session was found after the first in the session file (after "
        f"its first {len(first) + len(between)} bytes, as a sync tool or a bad copy can add): "
        f"it holds {holds[len(second_session.votes)]}, where the first, read back, holds "
        f"{holds[len(first_session.votes)]}. It was {when}"
        + (". " if older_first else ": it is older. ")
        + "It was left out: only the first was read back. The damaged copy keeps it: to get "
        "it back, someone can cut the file in two by hand there, save the second part as a "
        "file of its own, and recover from that with panel-tui sessions recover --replace "
        "(the session read back now is then kept aside).",
        LOOK_OVER,
    ]
    assert copy.read_bytes() == first + between + second  # kept as it was


def test_a_second_copy_cut_from_the_file_as_said_brings_the_newer_session_back(
    store: Store, tmp_path: Path
) -> None:
    path, older, _, newer, three = _older_and_newer(store)
    copy = _set_aside_copy(store, path, older + b"\x00" + newer)
    read = read_back_plainly(copy)
    assert read.second is not None
    cut = tmp_path / "second" / "s1.json"
    cut.parent.mkdir()
    cut.write_bytes(copy.read_bytes()[read.second.at :])  # "after its first N bytes"
    assert votes_of(read_back_plainly(cut).session) == votes_of(three)


@pytest.mark.parametrize(
    ("after", "said"),
    [
        (b"", "the same as the first, was found after it in the session file (after its "),
        (b"\x00junk", "with 5 bytes more after it, left out too): it was left out, and nothing"),
    ],
)
def test_the_same_copy_twice_is_said_to_be_the_same(store: Store, after: bytes, said: str) -> None:
    path, _, _, newer, three = _older_and_newer(store)
    copy = _set_aside_copy(store, path, newer + newer + after)
    read = read_back_plainly(copy)
    assert votes_of(read.session) == votes_of(three) and read.left_out
    words = recovery_words(read, copy)
    assert words[1].startswith("A second copy of the session, the same as the first")
    assert said in words[1] and words[2:] == [LOOK_OVER]


def test_a_copy_whose_age_cannot_be_told_may_be_newer(store: Store) -> None:
    # Saved anew in two folders: neither file names the other as one it replaced.
    path, _, _, newer, _ = _older_and_newer(store)
    elsewhere = Store(store.root / "elsewhere")
    elsewhere.save(two_by_two("LLP").model_copy(update={"votes": votes(THREE)}))
    copy = _set_aside_copy(store, path, newer + elsewhere.path("s1").read_bytes())
    read = read_back_plainly(copy)
    assert read.second is not None and read.second.newer is None
    assert "Which was saved last cannot be told: it may be newer." in recovery_words(read, copy)[1]


def test_another_sessions_file_run_on_after_it_is_named(store: Store) -> None:
    path, _, _, newer, three = _older_and_newer(store)
    other = two_by_two("LLP").model_copy(update={"id": "s2", "title": "Other", "votes": []})
    store.save(other)
    copy = _set_aside_copy(store, path, newer + store.path("s2").read_bytes())
    read = read_back_plainly(copy)
    assert votes_of(read.session) == votes_of(three)
    said = recovery_words(read, copy)
    assert said[1:] == [
        "A session file of another session, s2 (Other), was found after this one in the "
        f"session file (after its first {len(newer)} bytes, as a sync tool or a bad copy can "
        "add): it holds 2 candidates, 3 panel members, 0 votes. It was left out. The damaged "
        "copy keeps it: to get it back, someone can cut the file in two by hand there, save "
        "the second part as a file of its own, and recover from that with panel-tui sessions "
        "recover.",
        LOOK_OVER,
    ]
