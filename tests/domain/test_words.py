"""The words shared by screens and exports."""

from __future__ import annotations

import pytest

from panel_tui.domain.words import OUTCOME_WORDS, VOTE_SYMBOLS, VOTE_WORDS, counted


@pytest.mark.parametrize(
    ("count", "one", "many", "expected"),
    [
        (0, "answer", None, "0 answers"),
        (1, "answer", None, "1 answer"),
        (2, "answer", None, "2 answers"),
        (1, "voting member", None, "1 voting member"),
        (3, "with lived experience", "with lived experience", "3 with lived experience"),
        (2, "person", "people", "2 people"),
    ],
)
def test_counted_puts_the_noun_in_the_plural_only_when_it_is_not_one(
    count: int, one: str, many: str | None, expected: str
) -> None:
    assert counted(count, one, many) == expected


def test_every_vote_has_a_symbol_and_a_word_and_symbols_differ() -> None:
    assert VOTE_SYMBOLS.keys() == VOTE_WORDS.keys()
    assert len(set(VOTE_SYMBOLS.values())) == len(VOTE_SYMBOLS)
    assert len(set(OUTCOME_WORDS.values())) == len(OUTCOME_WORDS)
