"""Practice rounds are kept by the store like any other change, and survive reopening."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.models import NewRound
from panel_tui.domain.store import Store, StoreError
from tests.domain.practice import practice


def test_a_new_round_is_saved_and_resumed(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(practice(["up"], ["Ann", "Ben"]))
    with store.open("p1") as opened:
        opened.record_vote("p1", "q1", "m1", "up")
        with pytest.raises(StoreError, match="Show the votes of this round first"):
            opened.new_round("p1", "q1")
        opened.record_vote("p1", "q1", "m2", "down")
        started = opened.new_round("p1", "q1")
        assert started.round == 2
        opened.record_vote("p1", "q1", "m2", "up")
        opened.undo("p1", "q1")  # takes back the round-2 vote only
        opened.record_vote("p1", "q1", "m2", "middle")
        opened.reveal("p1", "q1")
    again = store.load("p1")
    assert again.round_of("p1", "q1") == 2
    assert [(v.member, v.value, v.round) for v in again.votes] == [
        ("m1", "up", 1),
        ("m2", "down", 1),
        ("m2", "up", 2),
        ("m2", None, 2),
        ("m2", "middle", 2),
    ]
    assert [r.round for r in again.reveals] == [2]
    assert {m: v.value for m, v in again.current_votes("p1", "q1").items()} == {"m2": "middle"}
    assert {m: v.value for m, v in again.round_votes("p1", "q1", 1).items()} == {
        "m1": "up",
        "m2": "down",
    }


def test_a_live_session_has_no_rounds(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(practice(["up"], ["Ann"]).model_copy(update={"mode": "live"}))
    with store.open("p1") as opened:
        opened.record_vote("p1", "q1", "m1", "up")
        with pytest.raises(StoreError, match="Only practice rounds"):
            opened.new_round("p1", "q1")


def test_undo_takes_back_a_round_nobody_voted_in_added_to_the_record(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(practice(["up"], ["Ann", "Ben"]))
    with store.open("p1") as opened:
        opened.record_vote("p1", "q1", "m1", "up")
        opened.record_vote("p1", "q1", "m2", "down")
        opened.new_round("p1", "q1")
        back = opened.undo("p1", "q1")  # nobody has voted in round 2: it is taken back
        assert isinstance(back, NewRound) and (back.round, back.taken_back) == (2, True)
    again = store.load("p1")
    # Added, never taken out: an older copy's rounds are all still in the record.
    assert [(r.round, r.taken_back) for r in again.rounds] == [(2, False), (2, True)]
    assert again.round_of("p1", "q1") == 1
    with store.open("p1") as opened:
        assert opened.new_round("p1", "q1").round == 2  # Ctrl+G again starts round 2 afresh
        opened.record_vote("p1", "q1", "m1", "middle")
        opened.undo("p1", "q1")
        # A round with a vote in it, undone or not, is never taken back.
        assert opened.undo("p1", "q1") is None
    assert store.load("p1").round_of("p1", "q1") == 2
