"""A finished session keeps its results, whoever asks the store to change them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from panel_tui.domain.interview_lines import panel_and_rule
from panel_tui.domain.interview_outcomes import NotSaved, Recorded, finish_or_reopen
from panel_tui.domain.store import OpenSession, Store, StoreError
from tests.domain.builders import session as build
from tests.domain.practice import practice

Write = Callable[[OpenSession], object]

#: Every change to a session's results, each on an answer where it would otherwise work.
RESULT_WRITES: list[tuple[str, Write]] = [
    # A vote on an answer nobody has voted on.
    ("vote", lambda o: o.record_vote("c1", "q2", "m1", "up")),
    # A vote withdrawn.
    ("withdraw", lambda o: o.record_vote("c1", "q1", "m1", None)),
    # An undo of the last vote given.
    ("undo", lambda o: o.undo("c1", "q1")),
    # A note on an answer.
    ("note", lambda o: o.add_note("c1", "q1", "Missed the example.")),
    # A note on the candidate.
    ("candidate note", lambda o: o.add_note("c1", None, "Arrived late.")),
    # A decision.
    ("decision", lambda o: o.decide("c1", "recommend", "Clear examples.")),
]


@pytest.fixture
def finished(tmp_path: Path) -> Iterator[tuple[Store, OpenSession]]:
    """A finished session with one vote given, open for writing."""
    store = Store(tmp_path / "sessions")
    opened = store.create(build("LLP", questions=[("q1", 1.0, False), ("q2", 1.0, False)]))
    opened.record_vote("c1", "q1", "m1", "up")
    opened.set_finished()
    yield store, opened
    opened.close()


@pytest.mark.parametrize(("name", "write"), RESULT_WRITES, ids=[n for n, _ in RESULT_WRITES])
def test_a_finished_session_refuses_changes_to_its_results(
    finished: tuple[Store, OpenSession], name: str, write: Write
) -> None:
    store, opened = finished
    before = opened.session
    with pytest.raises(StoreError, match=r"finished.*reopen it: on its summary \(Ctrl\+S\)"):
        write(opened)
    assert opened.session == before
    opened.close()
    assert store.load("s1") == before  # nothing reached the disk either


def test_a_finished_session_with_no_votes_keeps_its_scoring_rule(tmp_path: Path) -> None:
    # No vote to fix the rule, but the rule makes the results a finished session keeps.
    store = Store(tmp_path)
    with store.create(build("LLP", questions=[("q1", 1.0, False)])) as opened:
        opened.set_finished()
        unsealed = opened.session.settings.model_copy(update={"sealed": False})
        with pytest.raises(StoreError, match="finished"):
            opened.change_settings(unsealed)
    assert store.load("s1").settings.sealed is True


def test_a_finished_session_refuses_an_early_reveal(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.create(build("LLP", questions=[("q1", 1.0, False)])) as opened:
        opened.set_finished()  # q1 had no votes, so it stays unrevealed
        with pytest.raises(StoreError, match="finished"):
            opened.reveal("c1", "q1")
        assert opened.session.reveals == []


def test_a_finished_practice_refuses_a_new_round(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(practice(["up"], ["Ann", "Ben"]))
    with store.open("p1") as opened:
        opened.record_vote("p1", "q1", "m1", "up")
        opened.record_vote("p1", "q1", "m2", "up")
        opened.set_finished()
        with pytest.raises(StoreError, match="finished"):
            opened.new_round("p1", "q1")
        assert opened.session.rounds == []


@pytest.mark.parametrize(
    ("name", "write", "changed"),
    [
        # Moving about a finished session (to read it) keeps the resume position.
        ("move", lambda o: o.move_to("c1", "q2"), lambda s: s.cursor.question == "q2"),
        # The timer's place is not a result.
        ("time", lambda o: o.keep_time("c1", "q1", 30), lambda s: s.cursor.elapsed == 30),
        # Payment notes are written after the panel, so a finished session takes them.
        (
            "payment",
            lambda o: o.set_involvement(1, {"declined": True}),
            lambda s: s.panel[0].involvement.declined,
        ),
    ],
)
def test_a_finished_session_still_takes_what_is_not_a_result(
    finished: tuple[Store, OpenSession],
    name: str,
    write: Write,
    changed: Callable[[object], bool],
) -> None:
    store, opened = finished
    write(opened)
    opened.close()
    assert changed(store.load("s1"))


@pytest.mark.parametrize(("name", "write"), RESULT_WRITES, ids=[n for n, _ in RESULT_WRITES])
def test_a_reopened_session_takes_changes_again(
    finished: tuple[Store, OpenSession], name: str, write: Write
) -> None:
    _, opened = finished
    opened.set_finished(False)
    before = len(opened.session.votes) + len(opened.session.notes) + len(opened.session.decisions)
    write(opened)
    after = len(opened.session.votes) + len(opened.session.notes) + len(opened.session.decisions)
    assert after == before + 1


# -- finishing and reopening, as the summary asks (interview_outcomes.finish_or_reopen)


def test_finishing_is_asked_first_with_the_panel_the_rule_and_what_is_left(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "sessions")
    with store.create(build("LLP", questions=[("q1", 1.0, False), ("q2", 1.0, False)])) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        asked = finish_or_reopen(opened)
        assert (asked.yes, asked.no, asked.declined) == ("Finish", "Cancel", None)
        question = asked.question
        assert question.startswith(
            "Mark this session finished? Votes cannot change until it is reopened.\n\n"
            + panel_and_rule(opened.session)
        )
        assert "\n\nStill to do:\n- " in question
        assert not opened.session.finished  # nothing changes before the chair agrees
        assert asked.then() == Recorded("The session is marked finished.")
        assert store.load(opened.session.id).finished
        again = finish_or_reopen(opened)
        assert again.question == "Reopen this session? Votes can be changed again."
        assert (again.yes, again.no) == ("Reopen", "Cancel")
        assert again.then() == Recorded("The session is reopened.")
        assert not store.load(opened.session.id).finished


def test_a_finish_the_disk_refuses_is_said_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "sessions")
    with store.create(build("LLP", questions=[("q1", 1.0, False)])) as opened:
        asked = finish_or_reopen(opened)

        def refuse(finished: bool = True) -> None:
            raise StoreError("The disk is full, so the session was not marked finished.")

        monkeypatch.setattr(opened, "set_finished", refuse)
        assert asked.then() == NotSaved("The disk is full, so the session was not marked finished.")
        assert not opened.session.finished
