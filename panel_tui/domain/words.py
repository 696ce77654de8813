"""The words and symbols for votes and decisions, shared by screens and exports.

A vote always shows as a symbol *and* a word, so colour or shape is never the
only signal.
"""

from __future__ import annotations

from panel_tui.domain.models import Outcome, VoteValue

VOTE_SYMBOLS: dict[VoteValue, str] = {"up": "▲", "middle": "●", "down": "▼", "abstain": "–"}
VOTE_WORDS: dict[VoteValue, str] = {
    "up": "Up",
    "middle": "Middle",
    "down": "Down",
    "abstain": "Abstain",
}
OUTCOME_WORDS: dict[Outcome, str] = {
    "recommend": "Recommend",
    "do_not_recommend": "Do not recommend",
    "undecided": "Undecided",
}


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` with its noun: "1 answer", "2 answers" (``many`` for other plurals)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
