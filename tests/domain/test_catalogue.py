"""The catalogue: lists read summaries, and only a changed session is read again."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from panel_tui.cli import main
from panel_tui.cli.show import _demo
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Cursor, Session
from panel_tui.domain.sessions import demo_session
from panel_tui.domain.store import SessionSummary, Store
from panel_tui.domain.store.catalogue import practice_apart, resembling, summarise
from panel_tui.domain.words import NEW_DEMO
from panel_tui.locations import shipped_banks_dir
from panel_tui.ui.passing_notices import StartNotice
from tests.domain.builders import titled


@pytest.fixture
def store(tmp_path: Path) -> Store:
    found = Store(tmp_path / "sessions")
    for n in range(3):
        found.save(titled(f"s{n}"))
    return found


@pytest.fixture
def reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sessions the store reads in full, by id."""
    seen: list[str] = []
    real = store._read

    def counting(path: Path) -> Session:
        seen.append(path.stem)
        return real(path)

    monkeypatch.setattr(store, "_read", counting)
    return seen


def test_a_list_reads_no_session_when_the_catalogue_is_up_to_date(
    store: Store, reads: list[str]
) -> None:
    listed = Store(store.root).summaries()  # a new process, as `sessions list`
    assert sorted(s.id for s in listed) == ["s0", "s1", "s2"]
    assert store.summaries() == listed
    assert reads == []


def test_practice_sessions_are_found_without_reading_the_live_ones(
    store: Store, reads: list[str]
) -> None:
    practice = titled("p0").model_copy(update={"mode": "practice"})
    store.save(practice)
    store.summaries()  # the catalogue is up to date, as after the home screen
    reads.clear()
    assert [s.id for s in store.practice_sessions()] == ["p0"]
    assert reads == ["p0"]  # s0, s1 and s2 are live: never read for it


def test_a_session_changed_since_is_read_again_alone(store: Store, reads: list[str]) -> None:
    opened = store.open("s1")
    opened.record_vote("c1", "q1", "m1", "up")  # appended: the entry is now out of date
    [summary] = [s for s in store.summaries() if s.id == "s1"]
    assert summary.votes == 1 and summary.standing_votes == 1
    assert summary.where is None
    assert reads == ["s1"]
    store.summaries()
    assert reads == ["s1"]  # rebuilt once, then read from the catalogue
    opened.move_to("c2", "q2")
    opened.close()  # compaction brings the entry up to date itself
    reads.clear()
    [summary] = [s for s in store.summaries() if s.id == "s1"]
    assert summary.where == ("C2", 2) and reads == []


def test_a_missing_entry_is_built_from_that_session_only(
    store: Store, reads: list[str], tmp_path: Path
) -> None:
    other = Store(tmp_path / "elsewhere")
    other.save(titled("s9"))
    (store.root / "s9.json").write_bytes(other.path("s9").read_bytes())  # copied in by hand
    assert "s9" in [s.id for s in store.summaries()]
    assert reads == ["s9"]


def test_an_entry_whose_session_is_gone_is_dropped(store: Store, reads: list[str]) -> None:
    store.path("s2").unlink()
    assert sorted(s.id for s in store.summaries()) == ["s0", "s1"]
    assert reads == []
    assert sorted(d["id"] for d in store.catalogue._docs()) == ["s0", "s1"]


@pytest.mark.parametrize(
    "content",
    [
        b"",  # emptied
        b'{"sessions": {"1": {"id": "s0"',  # cut short
        b"[1, 2]",  # not a catalogue
        b'{"sessions": {"1": {"id": "s0", "title": 5}}}',  # an entry that cannot be one
    ],
)
def test_a_missing_or_damaged_catalogue_is_built_again(
    store: Store, reads: list[str], content: bytes
) -> None:
    expected = store.summaries()
    store.catalogue.path.write_bytes(content)
    assert store.summaries() == expected
    assert sorted(reads) == ["s0", "s1", "s2"]
    reads.clear()
    store.catalogue.path.unlink()
    assert store.summaries() == expected
    assert sorted(reads) == ["s0", "s1", "s2"]
    reads.clear()
    assert store.summaries() == expected and reads == []


def test_catalogued_shows_what_is_known_at_once_and_says_when_more_is_to_read(
    store: Store, reads: list[str]
) -> None:
    shown, more = store.catalogued()
    assert (len(shown), more) == (3, False)
    with store.open("s0") as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        shown, more = store.catalogued()
        assert more and [s.votes for s in shown if s.id == "s0"] == [0]  # as it was
    assert reads == []


def test_a_damaged_session_is_named_and_left_out_of_the_list(store: Store) -> None:
    store.path("s1").write_bytes(b'{"session": ')
    assert sorted(s.id for s in store.summaries()) == ["s0", "s2"]
    assert [d.path.name for d in store.damaged] == ["s1.json"]


def test_the_summary_says_where_an_unfinished_session_is() -> None:
    session = titled("s0")
    assert summarise(session) == SessionSummary(
        id="s0",
        title="Title s0",
        mode=session.mode,
        created=session.created,
        finished=False,
        candidates=2,
        votes=0,
        standing_votes=0,
        questions=2,
        where=None,
        codes=("C1", "C2"),  # HR tells sessions prepared one a candidate apart by them
    )


@pytest.mark.parametrize(
    ("candidate", "question", "where"),
    [
        ("c1", "q2", ("Alex", 2)),  # the candidate's label and the question's number
        ("c2", "q1", ("C2", 1)),  # a candidate with no name shows by code
        # a cursor naming what is not there (made only by code that skips
        # validation): the position is left unsaid, the list still shows
        ("gone", "q1", None),
        ("c1", "gone", None),
    ],
)
def test_the_summary_says_where_the_panel_is(
    candidate: str, question: str, where: tuple[str, int] | None
) -> None:
    session = titled("s0")
    cursor = Cursor.model_construct(candidate=candidate, question=question, elapsed=0)
    assert summarise(session.model_copy(update={"cursor": cursor})).where == where


def test_a_left_over_temporary_catalogue_file_is_cleaned_up(store: Store) -> None:
    old = store.root / ".catalogue.tinydb.tmp-dead"
    new = store.root / ".catalogue.tinydb.tmp-busy"
    old.write_bytes(b"{")
    new.write_bytes(b"{")
    os.utime(old, (0, 0))  # left by a crash long ago
    Store(store.root)
    assert not old.exists() and new.exists()  # one being written now is left alone


@pytest.mark.parametrize(
    "entry_codes",
    [
        None,  # written before codes were kept
        ["C1", "\x1b[2J"],  # text unsafe to show on the terminal
    ],
)
def test_an_entry_without_fit_codes_is_read_again_from_its_session(
    store: Store, reads: list[str], entry_codes: list[str] | None
) -> None:
    store.summaries()
    data = json.loads(store.catalogue.path.read_bytes())
    for doc in data["sessions"].values():
        if entry_codes is None:
            doc.pop("codes")
        else:
            doc["codes"] = entry_codes
    store.catalogue.path.write_text(json.dumps(data))
    listed = store.summaries()
    assert sorted(reads) == ["s0", "s1", "s2"]
    assert {s.codes for s in listed} == {("C1", "C2")}


def _listed(*ids_and_titles: tuple[str, str]) -> list[SessionSummary]:
    """Summaries of sessions made a day apart, in the order given."""
    made = []
    for day, (session_id, title) in enumerate(ids_and_titles):
        session = titled(session_id)
        created = session.created + timedelta(days=day)
        made.append(summarise(session.model_copy(update={"title": title, "created": created})))
    return made


SUPPORT = ("2026-11-25-support-worker-2c5557", "Riverside house: support worker")
MANAGER = ("2026-11-25-team-manager-a1b2c3", "Team manager")
OTHER_SUPPORT = ("2026-11-26-support-worker-9f9f9f", "Support worker, second day")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # HR left off the random ending of the id.
        ("2026-11-25-support-worker", [SUPPORT[0]]),
        # The title, or part of it, in any case.
        ("riverside HOUSE", [SUPPORT[0]]),
        # Words in two titles: both, newest first.
        ("support worker", [OTHER_SUPPORT[0], SUPPORT[0]]),
        ("SUPPORT", [OTHER_SUPPORT[0], SUPPORT[0]]),
        # A slip of the keys in a whole id.
        ("2026-11-25-team-manger-a1b2c3", [MANAGER[0]]),
        # Too short to be part of a title; nothing like any id.
        ("te", []),
        ("zzz", []),
        ("", []),
    ],
)
def test_a_mistyped_session_is_matched_to_the_sessions_most_like_it(
    typed: str, meant: list[str]
) -> None:
    summaries = _listed(SUPPORT, MANAGER, OTHER_SUPPORT)
    assert [s.id for s in resembling(summaries, typed)] == meant


def test_no_more_than_three_sessions_are_named() -> None:
    many = _listed(*[(f"s{n}", f"Round {n}") for n in range(5)])
    assert len(resembling(many, "round")) == 3


def test_practice_is_listed_apart_and_the_demo_with_the_interviews() -> None:
    # Every list of sessions (home, sessions list) takes practice apart, so a
    # rehearsal is never taken for a real round; each part keeps its order.
    kinds = {"s0": "live", "p0": "practice", "d0": "demo", "s1": "live", "p1": "practice"}
    summaries = [
        summarise(titled(sid).model_copy(update={"mode": mode})) for sid, mode in kinds.items()
    ]
    live, practice = practice_apart(summaries)
    assert [s.id for s in live] == ["s0", "d0", "s1"]
    assert [s.id for s in practice] == ["p0", "p1"]


def test_a_demo_made_before_the_demo_was_a_kind_of_its_own_is_the_demo(
    tmp_path: Path,
) -> None:
    # Found by a review: a demo an earlier version made ("live", its catalogue
    # entry too) was still counted as a real round, and 'panel-tui demo' made
    # a second one rather than carry it on.
    bank = load_bank(shipped_banks_dir() / "support-worker.toml")
    older = demo_session(bank).model_copy(update={"mode": "live"})
    store = Store(tmp_path / "sessions")
    store.save(older)  # its catalogue entry says "live", as the earlier version's did
    assert store.load(older.id).mode == "demo"
    assert [s.mode for s in Store(store.root).summaries()] == ["demo"]
    assert _demo(Store(store.root)).id == older.id  # carried on
    # A real round that only begins so is left as it is.
    real = older.model_copy(update={"id": "r1", "panel": older.panel[:2]})
    store.save(real)
    assert store.load("r1").mode == "live"


def test_the_demo_command_makes_the_demo_and_carries_it_on(tmp_path: Path) -> None:
    store = Store(tmp_path / "sessions")
    made = _demo(store)
    assert store.load(made.id).mode == "demo"
    assert not made.after_finished  # the first: nothing to say
    assert _demo(store) == made  # unfinished: carried on, not made again


def test_the_demo_command_says_when_it_starts_again_after_the_demo_was_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a new user: after the demo was finished, 'panel-tui demo' opened
    # a new one without saying so; the finished one, and its votes, seemed gone.
    shown: list[dict[str, Any]] = []
    monkeypatch.setattr("panel_tui.ui.app.run_app", lambda store, **kwargs: shown.append(kwargs))
    data = ["--data-dir", str(tmp_path / "sessions")]
    assert main([*data, "demo"]) == 0
    assert main([*data, "demo"]) == 0
    first, again = shown
    assert again["session_id"] == first["session_id"]  # carried on
    assert first["notices"] == again["notices"] == []  # nothing to say
    opened = Store(tmp_path / "sessions").open(first["session_id"])
    opened.set_finished()
    opened.close()
    assert main([*data, "demo"]) == 0
    new = shown[-1]
    assert new["session_id"] != first["session_id"]
    assert new["notices"] == [StartNotice("A new demo", NEW_DEMO, "information")]
    assert "the one you finished is kept" in NEW_DEMO
