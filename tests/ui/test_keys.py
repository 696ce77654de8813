"""The vote keys and how keys are named on screen: pure functions, a table each."""

from __future__ import annotations

import pytest

from panel_tui.domain.models import VOTE_VALUES, VoteValue
from panel_tui.ui.keys import (
    SEATS,
    key_label,
    key_words,
    vote_bindings,
    vote_key,
    with_capitals,
)


def test_every_seat_and_value_has_its_own_key() -> None:
    keys = [vote_key(seat, value) for seat in SEATS for value in VOTE_VALUES]
    assert len(set(keys)) == len(SEATS) * len(VOTE_VALUES)


@pytest.mark.parametrize(
    ("seat", "value", "label"), [(1, "up", "1"), (3, "middle", "E"), (8, "abstain", ",")]
)
def test_key_labels_are_as_printed_on_keyboards(seat: int, value: VoteValue, label: str) -> None:
    assert key_label(seat, value) == label


@pytest.mark.parametrize(
    ("keys", "ascii_only", "words"),
    [
        ("backspace,ctrl+z", False, "Backspace or Ctrl+Z"),
        ("ctrl+r", False, "Ctrl+R"),
        ("pagedown", False, "Page Down"),
        ("f1,question_mark", False, "F1 or ?"),
        ("left", False, "←"),
        ("left", True, "<-"),  # ASCII mode never shows an arrow character
        ("escape,b", False, "Esc or B"),
        ("escape,b,B", False, "Esc or B"),  # with Caps Lock or without, one key
    ],
)
def test_key_words(keys: str, ascii_only: bool, words: str) -> None:
    assert key_words(keys, ascii_only=ascii_only) == words


@pytest.mark.parametrize(
    ("key", "action"),
    [
        ("1", "vote(1, 'up')"),
        ("q", "vote(1, 'middle')"),
        ("Q", "vote(1, 'middle')"),  # Caps Lock never stops a vote
        ("L", "vote(9, 'down')"),
        ("o", "vote(9, 'middle')"),
        ("z", "vote(1, 'abstain')"),
        ("comma", "vote(8, 'abstain')"),  # Textual's names for , and .
        ("full_stop", "vote(9, 'abstain')"),
    ],
)
def test_vote_bindings(key: str, action: str) -> None:
    bound = {k: b.action for b in vote_bindings() for k in b.key.split(",")}
    assert bound[key] == action


def test_a_vote_binding_for_every_seat_and_value_handled_as_keys_arrive() -> None:
    bindings = vote_bindings()
    assert {b.action for b in bindings} == {
        f"vote({seat}, {value!r})" for seat in SEATS for value in VOTE_VALUES
    }
    assert all(b.priority and not b.show for b in bindings)


@pytest.mark.parametrize(
    ("keys", "with_them"),
    [
        ("n", "n,N"),
        ("escape,b", "escape,b,B"),  # only letters: Escape has no capital
        ("ctrl+s,f1", "ctrl+s,f1"),
        ("f,F", "f,F"),  # never twice
    ],
)
def test_letter_keys_take_their_capitals_too(keys: str, with_them: str) -> None:
    assert with_capitals(keys) == with_them
