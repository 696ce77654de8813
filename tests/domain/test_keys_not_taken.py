"""What a question to the chair says of the keys typed while it waited for its answer."""

from __future__ import annotations

import pytest

from panel_tui.domain.interview_lines import keys_not_taken, keys_typed_while_opening

KEYS_TAIL = "answer this first, then press them again."


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # One key, named alone.
        (["2"], "The 2 key was not taken: answer this first, then press it again."),
        # In the order typed, a key typed again named again (found by a tester: a list
        # naming each key once, typed again, left votes on the wrong answer).
        (
            ["3", "Right arrow", "3", "Backspace"],
            f"The keys 3, Right arrow, 3 and Backspace were not taken, in that order: {KEYS_TAIL}",
        ),
        # Twelve named in full.
        (
            [str(n % 10) for n in range(12)],
            f"The keys 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0 and 1 were not taken, in that order: "
            f"{KEYS_TAIL}",
        ),
        # A longer burst: the first twelve, and the rest counted.
        (
            [str(n % 10) for n in range(15)],
            f"The keys 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1 and 3 more were not taken, in that "
            f"order: {KEYS_TAIL}",
        ),
    ],
)
def test_a_question_names_the_keys_it_did_not_take_in_order(typed: list[str], said: str) -> None:
    assert keys_not_taken(typed) == said


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # One key (found by a tester: home's C became seat 3's abstention).
        (["C"], "The C key was typed while the session was opening, so it was not taken."),
        # Several, as a box names them.
        (
            ["C", "Enter", "3"],
            "The keys C, Enter and 3 were typed while the session was opening, "
            "so they were not taken.",
        ),
        # A long burst: the first twelve, and the rest counted.
        (
            [str(n % 10) for n in range(13)],
            "The keys 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1 and 1 more were typed while the "
            "session was opening, so they were not taken.",
        ),
    ],
)
def test_keys_typed_while_a_session_opened_are_named_in_the_same_words(
    typed: list[str], said: str
) -> None:
    assert keys_typed_while_opening(typed) == said
