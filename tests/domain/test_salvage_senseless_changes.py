"""Reading back past changes that read whole but make no sense: left out and counted.

Whatever a whole, checked record of the journal holds (a table that is not one,
an entry numbered oddly, two kinds of change at once, nesting past reading, an
undo naming no vote), reading back keeps the rest and never ends in a traceback.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.journal import FRAME, frame
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.recovery import recovery_words
from panel_tui.domain.store.salvage import read_back
from tests.domain.crashed_votes import THREE, voted, votes_of
from tests.domain.helpers import journal_offsets, store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def test_a_change_that_makes_no_sense_is_left_out_and_the_rest_kept(store: Store) -> None:
    path, whole = voted(store, THREE)
    with journal_path(path).open("ab") as journal:  # whole and checked, but no change
        journal.write(frame({"ops": [{"t": "votes", "put": "not a table"}]}))
        journal.write(frame({"ops": [{"t": "notes", "add": {"1": {"x": 1}}}]}))
    with pytest.raises(StoreError, match="makes no sense"):
        store.load(whole.id)
    read = read_back(next((store.root / "damaged").glob("*.json")))
    assert votes_of(read.session) == votes_of(whole)
    assert (read.senseless, read.unreadable, read.missing) == (2, 0, {})


def test_a_change_numbering_its_entry_oddly_is_left_out_never_a_traceback(
    store: Store,
) -> None:
    path, whole = voted(store, THREE)
    vote = {**whole.votes[0].model_dump(mode="json"), "member": "m3"}
    with journal_path(path).open("ab") as journal:  # "04": a number TinyDB never writes
        journal.write(frame({"ops": [{"t": "votes", "add": {"04": vote}}]}))
        journal.write(frame({"ops": [{"t": "notes", "add": {}}]}))
    read = read_back(path)
    assert votes_of(read.session) == votes_of(whole)
    assert read.senseless == 1


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=12,
)


CHANGE = st.fixed_dictionaries(
    {
        "ops": st.lists(
            st.fixed_dictionaries(
                {"t": st.sampled_from(["votes", "notes", "session", "x"])},
                optional={
                    "add": st.none()
                    | st.dictionaries(st.sampled_from(["1", "7", "07", "x", "9" * 20]), JSON),
                    "put": JSON,
                    "drop": JSON,
                },
            ),
            max_size=3,
        )
    }
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.lists(CHANGE, min_size=1, max_size=3))
def test_whatever_whole_changes_a_journal_holds_reading_back_never_fails(
    tmp_path_factory: pytest.TempPathFactory, changes: list[dict[str, object]]
) -> None:
    store = Store(tmp_path_factory.mktemp("sessions"))
    path, whole = voted(store, THREE)
    with journal_path(path).open("ab") as journal:
        for change in changes:
            journal.write(frame(change))
    read = read_back(path)  # a session, whatever the changes were
    # Each change is replayed, or left out and counted: none goes unsaid.
    assert read.replayed + read.senseless + read.unfitting == len(whole.votes) + len(changes)
    assert recovery_words(read, path)[0].startswith("Recovered s1 (Test)")


@pytest.mark.parametrize(
    "change",
    [
        {"ops": [{"t": "votes", "add": None, "drop": True}]},
        {"ops": [{"t": "votes", "put": None, "drop": True}]},
        {"ops": [{"t": "votes", "add": {}, "put": {}}]},
        {"ops": [{"t": "votes", "drop": "yes"}]},
    ],
)
def test_a_change_that_is_two_kinds_at_once_is_left_out_never_a_traceback(
    store: Store, change: dict[str, object]
) -> None:
    path, whole = voted(store, THREE)
    with journal_path(path).open("ab") as journal:
        journal.write(frame(change))
    read = read_back(path)
    assert (votes_of(read.session), read.senseless) == (votes_of(whole), 1)


def test_a_change_nested_past_reading_is_damage_never_a_traceback(store: Store) -> None:
    path, whole = voted(store, THREE)
    deep = b'{"ops":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    raw = journal_path(path).read_bytes()
    offsets = journal_offsets(raw)
    middle = raw[: offsets[2]] + FRAME.pack(len(deep), zlib.crc32(deep)) + deep
    journal_path(path).write_bytes(middle + raw[offsets[2] :])
    read = read_back(path)
    assert votes_of(read.session) == votes_of(whole)
    assert read.unreadable == 1


def test_an_undo_naming_no_vote_is_said_missing_never_all_read_back(store: Store) -> None:
    path, whole = voted(store, THREE)
    undo = {**whole.votes[0].model_dump(mode="json"), "undoes": 40, "value": None}
    odd = {**whole.votes[0].model_dump(mode="json"), "candidate": "c2"}
    with journal_path(path).open("ab") as journal:
        journal.write(frame({"ops": [{"t": "votes", "add": {"4": undo}}]}))
        journal.write(frame({"ops": [{"t": "notes", "add": {"999999999999": {}}}]}))
        journal.write(frame({"ops": [{"t": "votes", "add": {"5": odd}}]}))
    read = read_back(path)
    assert read.left_out and read.missing["votes"] == 1
    assert "Every change" not in " ".join(recovery_words(read, path))
    assert read.missing.get("notes", 0) < 1000  # a number no journal this size could reach


@pytest.mark.parametrize(
    "change",
    [
        lambda vote: {"ops": [{"t": "votes", "add": {}, "put": {}}]},
        lambda vote: {"ops": [{"t": "elsewhere", "add": {"1": vote}}]},
        lambda vote: {"ops": [{"t": "votes", "add": {"04": vote}}]},
    ],
    ids=["two-kinds", "no-such-table", "numbered-oddly"],
)
def test_a_change_reading_back_leaves_out_is_never_applied_on_opening(
    store: Store, change: Callable[[dict[str, object]], dict[str, object]]
) -> None:
    # One test of a change for both (found by a review: "the recover loops differ"):
    # opening applied these, where reading back called them senseless.
    path, whole = voted(store, THREE)
    with journal_path(path).open("ab") as journal:
        journal.write(frame(change({**whole.votes[0].model_dump(mode="json"), "member": "m3"})))
    assert read_back(path).senseless == 1
    with pytest.raises(StoreError, match="holds a change that makes no sense"):
        store.load(whole.id)
