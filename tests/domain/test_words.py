"""The words shared by screens and exports."""

from __future__ import annotations

import pytest

from panel_tui.domain.models import Question, Role
from panel_tui.domain.words import (
    OUTCOME_WORDS,
    VOTE_SYMBOLS,
    VOTE_WORDS,
    counted,
    figure,
    first_of,
    gap_words,
    listed,
    panel_balance,
    percent,
    question_tags,
    utc_text,
    vote_text,
)


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


@pytest.mark.parametrize(
    ("gap", "long", "short"),
    [
        (None, "Not available: no question was scored by both groups.", "Not available"),
        # A gap too small to show as 0.1 points is none, never "0.0 points higher",
        # and it says the figure, so it never reads like "not available".
        (0.0004, "0.0 points: on average the two groups scored alike.", "0.0 points: alike"),
        (
            0.25,
            "Lived-experience members scored 25.0 points higher than professionals.",
            "Lived experience 25.0 points higher",
        ),
        (
            -1 / 6,
            "Professionals scored 16.7 points higher than lived-experience members.",
            "Professionals 16.7 points higher",
        ),
    ],
)
def test_gap_words(gap: float | None, long: str, short: str) -> None:
    assert gap_words(gap) == long
    assert gap_words(gap, short=True) == short


@pytest.mark.parametrize(
    ("gap", "single", "expected"),
    [
        # +100 and -50 points on two questions: the average hides them, the words do not.
        (
            0.0,
            [1.0, -0.5],
            "0.0 points: on average the two groups scored alike. On single questions the "
            "gap was large: lived-experience members up to 100.0 points higher and "
            "professionals up to 50.0 points higher.",
        ),
        # Small gaps on single questions are not worth a sentence.
        (0.05, [0.1, 0.0], "Lived-experience members scored 5.0 points higher than professionals."),
        # One large question the same size as the average adds nothing.
        (
            -0.5,
            [-0.5, None],
            "Professionals scored 50.0 points higher than lived-experience members.",
        ),
        (
            -0.125,
            [-0.5, 0.25],
            "Professionals scored 12.5 points higher than lived-experience members. On single "
            "questions the gap was large: lived-experience members up to 25.0 points higher "
            "and professionals up to 50.0 points higher.",
        ),
    ],
)
def test_gap_words_name_large_gaps_on_single_questions(
    gap: float, single: list[float | None], expected: str
) -> None:
    assert gap_words(gap, single=single) == expected
    assert "large" not in gap_words(gap, single=single, short=True)


def test_figures_and_percentages_have_one_decimal() -> None:
    assert figure(5 / 6) == "83.3"
    assert figure(-1 / 6, signed=True) == "-16.7"
    assert figure(0.25, signed=True) == "+25.0"
    assert figure(None) == ""
    assert percent(0.0) == "0.0%"  # a score of nothing is still a score
    assert percent(None) == "No score"
    assert percent(None, none="no votes") == "no votes"


def test_vote_text_uses_the_symbols_given() -> None:
    assert vote_text("middle") == "● Middle"
    assert vote_text("down", {"up": "+", "middle": "o", "down": "-", "abstain": "/"}) == "- Down"
    assert vote_text(None) == "No vote"


def test_utc_text_writes_any_moment_in_utc_with_a_z() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    assert utc_text(datetime(2026, 11, 23, 10, 2, 11, tzinfo=UTC)) == "2026-11-23T10:02:11Z"
    paris = timezone(timedelta(hours=1))
    assert utc_text(datetime(2026, 11, 23, 11, 2, 11, tzinfo=paris)) == "2026-11-23T10:02:11Z"


@pytest.mark.parametrize(
    ("essential", "weight", "tags"),
    [
        (False, 1.0, ""),
        (True, 1.0, "essential"),
        (False, 1.5, "counts 1.5 times"),
        (True, 2.0, "essential, counts 2 times"),
    ],
)
def test_question_tags_say_what_sets_a_question_apart_in_scoring(
    essential: bool, weight: float, tags: str
) -> None:
    question = Question(id="q", text="Why?", essential=essential, weight=weight)
    assert question_tags(question) == tags


@pytest.mark.parametrize(
    ("roles", "said"),
    [
        # Even: the co-production aim.
        (["lived_experience", "professional"], "Panel: 1 lived experience, 1 professional (even)"),
        # Fewer lived experience, observers and unchosen roles left out.
        (
            ["professional", "observer", "professional", "lived_experience", None],
            "Panel: 1 lived experience, 2 professionals (fewer lived experience)",
        ),
        (
            ["lived_experience"] * 3,
            "Panel: 3 lived experience, 0 professionals (more lived experience)",
        ),
        ([], "Panel: no lived-experience or professional members yet"),
        (["observer", None], "Panel: no lived-experience or professional members yet"),
    ],
)
def test_panel_balance(roles: list[Role | None], said: str) -> None:
    assert panel_balance(roles) == said


@pytest.mark.parametrize(
    ("items", "expected"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_listed(items: list[str], expected: str) -> None:
    assert listed(items) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["C1", "C2", "C3"], "C1, C2, C3"),  # three show whole
        (["C1", "C2", "C3", "C4", "C5"], "C1, C2, C3 and 2 more"),
    ],
)
def test_first_of(items: list[str], expected: str) -> None:
    assert first_of(items) == expected
