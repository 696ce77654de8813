"""The journal: appended, checked records; compaction; torn tails, damage and old files."""

from __future__ import annotations

import errno
import json
import os
import random
from pathlib import Path

import pytest

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store import journal as journal_module
from panel_tui.domain.store.files import UnsafeFile
from panel_tui.domain.store.journal import FRAME, DamagedJournal, JournalFile, frame, parse
from panel_tui.domain.store.journaled import JournalStorage
from panel_tui.domain.store.loading import journal_path, load
from panel_tui.domain.store.snapshot_meta import META_TABLE
from tests.domain.builders import two_by_two
from tests.domain.helpers import store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _votes(session: Session) -> list[tuple[str, str, str, str | None]]:
    return [(v.candidate, v.question, v.member, v.value) for v in session.votes]


# ------------------------------------------------------------- the format


@pytest.mark.parametrize(
    ("tail", "torn"),
    [
        (b"", False),  # a clean end
        (frame({"ops": []})[:5], True),  # cut inside the length and checksum
        (frame({"ops": []})[:-3], True),  # cut inside the body
        (b"\0" * 40, True),  # zeros where the disk had not written the bytes yet
        (frame({"ops": []})[:-1] + b"X", True),  # whole length, last byte wrong
    ],
)
def test_only_the_last_record_may_be_torn_and_it_is_dropped(tail: bytes, torn: bool) -> None:
    raw = frame({"snapshot": "t"}) + frame({"ops": [1]}) + tail
    parsed = parse(raw)
    assert parsed.snapshot == "t"
    assert parsed.records == [{"ops": [1]}]
    assert parsed.torn is torn
    assert parsed.end == len(raw) - len(tail)


def test_a_bad_record_with_more_after_it_is_damage() -> None:
    second = bytearray(frame({"ops": [2]}))
    second[-2] ^= 0xFF  # a flipped byte inside the record's body
    raw = frame({"snapshot": "t"}) + frame({"ops": [1]}) + bytes(second) + frame({"ops": [3]})
    # Counted as a person counts (not "at byte 34572", which a tester met).
    with pytest.raises(
        DamagedJournal, match=r"change number 2 saved in it no longer reads as it was written"
    ) as caught:
        parse(raw)
    assert caught.value.parsed.snapshot == "t"  # still known: whose journal it is


def test_the_frame_is_length_and_checksum_of_the_body() -> None:
    record = frame({"a": 1})
    length, _ = FRAME.unpack_from(record)
    assert length == len(record) - FRAME.size
    assert json.loads(record[FRAME.size :]) == {"a": 1}


# ------------------------------------------------------------- appending


def test_a_vote_appends_to_the_journal_and_leaves_the_snapshot_alone(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    snapshot = opened.path.read_bytes()
    journal = journal_path(opened.path)
    sizes = [journal.stat().st_size]
    opened.record_vote("c1", "q1", "m1", "up")
    opened.add_note("c1", "q1", "Warm.")
    opened.move_to("c1", "q2")
    sizes.append(journal.stat().st_size)
    assert opened.path.read_bytes() == snapshot  # not rewritten
    assert sizes[1] > sizes[0]
    assert len(parse(journal.read_bytes()).records) == 3  # one record per change
    assert store.load("s1") == opened.session  # snapshot and journal together
    opened.close()


def test_the_bytes_a_vote_writes_do_not_grow_with_the_session(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = store.create(two_by_two("LLP"))
    written: list[int] = []
    real = os.write

    def counting(fd: int, data: bytes) -> int:
        written.append(len(data))
        return real(fd, data)

    def vote_bytes() -> int:
        written.clear()
        monkeypatch.setattr(os, "write", counting)
        opened.record_vote("c1", "q1", "m1", "up")
        monkeypatch.undo()
        return sum(written)

    first = vote_bytes()
    for n in range(300):
        opened.record_vote(f"c{n % 2 + 1}", f"q{n % 2 + 1}", f"m{n % 3 + 1}", "middle")
    assert vote_bytes() <= first + 8  # the same record, give or take a digit of its id
    opened.close()


def test_compaction_at_close_folds_the_journal_into_the_snapshot(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.close()
    tables = json.loads(opened.path.read_bytes())
    assert len(tables["votes"]) == 1  # TinyDB's own format
    token = tables[META_TABLE]["1"]["snapshot"]
    parsed = parse(journal_path(opened.path).read_bytes())
    assert (parsed.snapshot, parsed.records) == (token, [])


def test_a_long_journal_is_compacted_on_the_way(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(two_by_two("LLP"))
    path = store.path("s1")
    storage = JournalStorage(path, compact_at=2000)
    storage.compact()
    tables = storage.read()
    assert tables is not None
    for n in range(40):
        votes = dict(tables.get("votes", {}))
        votes[str(n + 1)] = {"n": n}
        tables = {**tables, "votes": votes}
        storage.write(tables)
    storage.close()
    assert journal_path(path).stat().st_size <= 2000
    assert len(json.loads(path.read_bytes())["votes"]) > 10  # folded in on the way
    loaded = load(path)
    assert loaded is not None and len(loaded.tables["votes"]) == 40


# ------------------------------------------------------------- crashes


def test_a_torn_last_record_is_dropped_and_the_rest_kept(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.record_vote("c1", "q1", "m2", "down")
    kept = _votes(opened.session)
    opened._db.storage.close()  # as a crash: no compaction
    opened._lock.release()
    journal = journal_path(opened.path)
    with journal.open("ab") as file:  # the next vote, cut short by the crash
        file.write(frame({"ops": [{"t": "votes", "add": {"3": {}}}]})[:-7])
    assert _votes(store.load("s1")) == kept
    with store.open("s1") as reopened:
        assert _votes(reopened.session) == kept
        reopened.record_vote("c1", "q1", "m3", "middle")  # appends after good records only
    assert _votes(store.load("s1")) == [*kept, ("c1", "q1", "m3", "middle")]


def test_a_bad_record_mid_journal_sets_both_files_aside_untouched(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    for member in ("m1", "m2", "m3"):
        opened.record_vote("c1", "q1", member, "up")
    opened._db.storage.close()
    opened._lock.release()
    journal = journal_path(opened.path)
    raw = bytearray(journal.read_bytes())
    raw[len(frame({"snapshot": "0123456789abcdef"})) + FRAME.size + 5] ^= 0x20
    journal.write_bytes(bytes(raw))
    snapshot = opened.path.read_bytes()
    with pytest.raises(StoreError, match=r"s1\.journal, is damaged") as caught:
        store.load("s1")
    assert "damaged" in str(caught.value)
    assert not opened.path.exists() and not journal.exists()
    [aside] = (store.root / "damaged").glob("*.json")
    assert aside.read_bytes() == snapshot
    assert journal_path(aside).read_bytes() == bytes(raw)  # never truncated or mended
    assert store.summaries() == []  # the other sessions (none here) go on


def test_a_crash_between_snapshot_and_journal_reset_never_applies_twice(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.record_vote("c1", "q1", "m2", "down")

    def crash(self: JournalFile, snapshot: str) -> None:
        raise OSError(errno.EIO, "the power went")

    monkeypatch.setattr(JournalFile, "reset", crash)
    opened.close()  # the snapshot is written, the journal is not emptied
    monkeypatch.undo()
    parsed = parse(journal_path(opened.path).read_bytes())
    assert len(parsed.records) == 2  # the old journal is still there...
    assert len(json.loads(opened.path.read_bytes())["votes"]) == 2  # ...and in the snapshot
    assert len(store.load("s1").votes) == 2  # once each, not twice
    with store.open("s1") as reopened:
        assert len(reopened.session.votes) == 2
        reopened.record_vote("c1", "q1", "m3", "up")
    assert [v.member for v in store.load("s1").votes] == ["m1", "m2", "m3"]


def test_a_disk_that_refuses_the_journal_reset_still_keeps_every_vote(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = store.create(two_by_two("LLP"))
    real = JournalFile.reset

    def refuse(self: JournalFile, snapshot: str) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(JournalFile, "reset", refuse)
    opened.set_finished(False)  # a compaction whose reset fails
    opened.record_vote("c1", "q1", "m1", "up")  # compacts again: slower, never wrong
    monkeypatch.setattr(JournalFile, "reset", real)
    opened.record_vote("c1", "q1", "m2", "up")
    opened.close()
    assert [v.member for v in store.load("s1").votes] == ["m1", "m2"]


# ------------------------------------------------------------- old files


def test_a_file_an_older_version_wrote_opens_and_is_converted_on_first_write(
    store: Store,
) -> None:
    session = two_by_two("LLP")
    tables = {
        name: {str(n): doc for n, doc in enumerate(session.model_dump(mode="json")[name], 1)}
        for name in ("votes", "notes", "reveals", "decisions")
    }
    record = session.model_dump(mode="json")
    for name in tables:
        record.pop(name)
    tables["session"] = {"1": record}
    store.root.joinpath("s1.json").write_bytes(json.dumps(tables).encode())
    assert store.load("s1") == session  # read as it is
    assert [s.id for s in store.summaries()] == ["s1"]
    with store.open("s1") as opened:
        assert META_TABLE in json.loads(opened.path.read_bytes())  # converted at once
        opened.record_vote("c1", "q1", "m1", "up")
    assert [v.member for v in store.load("s1").votes] == ["m1"]


def test_replacing_a_session_drops_the_old_journal_and_keeps_it_folded_in(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened._db.storage.close()
    opened._lock.release()  # left with a journal holding the vote
    kept = store.save(two_by_two("LLP").model_copy(update={"title": "New"}), replace=True)
    assert kept is not None
    assert len(json.loads(kept.read_bytes())["votes"]) == 1  # the copy has the vote
    assert not journal_path(store.path("s1")).exists()
    fresh = store.load("s1")
    assert (fresh.title, fresh.votes) == ("New", [])


def test_reading_a_journal_that_cannot_be_read_is_a_plain_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create(two_by_two("LLP")).close()

    def refuse(path: Path, *how: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(journal_module, "read", refuse)
    with pytest.raises(StoreError, match="cannot be read"):
        store.load("s1")


def test_a_vote_is_marked_as_the_whole_session_would_mark_it(store: Store) -> None:
    rng = random.Random(9)
    opened = store.create(two_by_two("LLP"))
    for _ in range(300):
        candidate, question = rng.choice(["c1", "c2"]), rng.choice(["q1", "q2"])
        action = rng.random()
        if action < 0.1:
            opened.reveal(candidate, question)
        elif action < 0.2:
            opened.undo(candidate, question)
        else:
            member = rng.choice(["m1", "m2", "m3"])
            value = rng.choice(["up", "middle", "down", "abstain", None])
            expected = opened.session.new_vote(candidate, question, member, value)  # type: ignore[arg-type]
            given = opened.record_vote(candidate, question, member, value)  # type: ignore[arg-type]
            assert given.after_reveal == expected.after_reveal
    assert any(v.after_reveal for v in opened.session.votes)  # the case did come up
    assert store.load("s1").votes == opened.session.votes
    opened.close()


def test_a_flipped_length_mid_journal_is_damage_not_a_torn_tail() -> None:
    second = bytearray(frame({"ops": [2]}))
    second[0] = 0x7F  # the length now reaches past the end of the file
    raw = frame({"snapshot": "t"}) + frame({"ops": [1]}) + bytes(second) + frame({"ops": [3]})
    with pytest.raises(DamagedJournal):
        parse(raw)


def test_a_snapshot_replaced_while_being_opened_is_read_again(store: Store) -> None:
    store.create(two_by_two("LLP")).close()
    path = store.path("s1")
    races = [path]  # the first read of the snapshot meets a compaction elsewhere

    def racing(file: Path) -> bytes:
        if file in races:
            races.remove(file)
            raise UnsafeFile(file, "it was replaced while panel-tui opened it")
        return file.read_bytes()

    loaded = load(path, racing)
    assert loaded is not None and races == []  # the race was met, then read again
    link = store.root / "s2.json"
    link.symlink_to(path)
    with pytest.raises(StoreError, match="not read as a session"):
        store.load("s2")  # a link stays refused


def test_a_link_put_in_place_of_the_journal_is_refused_plainly(store: Store) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened._db.storage.close()  # the journal is opened again on the next write
    journal = journal_path(opened.path)
    target = store.root.parent / "elsewhere"
    target.write_bytes(journal.read_bytes())
    journal.unlink()
    journal.symlink_to(target)
    with pytest.raises(StoreError, match="link to somewhere else, which panel-tui never follows"):
        opened.record_vote("c1", "q1", "m2", "down")
    assert target.read_bytes() == journal.read_bytes()  # nothing written through the link
    opened._lock.release()


def test_a_link_in_place_of_the_catalogue_is_never_followed(store: Store) -> None:
    store.save(two_by_two("LLP"))
    outside = store.root.parent / "outside.json"
    outside.write_bytes(b'{"sessions": {}}')
    store.catalogue.path.unlink()
    store.catalogue.path.symlink_to(outside)
    assert [s.id for s in store.summaries()] == ["s1"]
    assert outside.read_bytes() == b'{"sessions": {}}'
    assert not store.catalogue.path.is_symlink()  # replaced by the catalogue itself


@pytest.mark.parametrize("left", [0, 5, 20])  # bytes of the new header on disk at the crash
def test_a_crash_while_the_journal_is_emptied_keeps_every_vote(store: Store, left: int) -> None:
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.close()  # compacted: the snapshot holds the vote
    journal = journal_path(opened.path)
    journal.write_bytes(journal.read_bytes()[:left])  # cut inside (or before) the header
    assert [v.member for v in store.load("s1").votes] == ["m1"]
    with store.open("s1") as reopened:
        reopened.record_vote("c1", "q1", "m2", "down")
    assert [v.member for v in store.load("s1").votes] == ["m1", "m2"]


def test_a_damaged_session_open_in_another_panel_tui_is_never_moved_from_under_it(
    store: Store,
) -> None:
    # Moved, the other one's next vote would go into the copy set aside, and its
    # next compaction would empty that copy (found by a review).
    opened = store.create(two_by_two("LLP"))
    for member in ("m1", "m2", "m3"):
        opened.record_vote("c1", "q1", member, "up")
    journal = journal_path(opened.path)
    raw = bytearray(journal.read_bytes())
    raw[len(frame({"snapshot": "0123456789abcdef"})) + FRAME.size + 5] ^= 0x20
    journal.write_bytes(bytes(raw))
    elsewhere = Store(store.root)  # another panel-tui, reading the folder
    with pytest.raises(
        StoreError, match="Another panel-tui has the session open, so both were left where"
    ):
        elsewhere.load("s1")
    assert opened.path.exists() and journal.read_bytes() == bytes(raw)
    assert not (store.root / "damaged").exists()
    opened.close()  # which folds its whole memory into a new snapshot: the damage is gone
    assert [v.member for v in elsewhere.load("s1").votes] == ["m1", "m2", "m3"]
    assert not (store.root / "damaged").exists()
