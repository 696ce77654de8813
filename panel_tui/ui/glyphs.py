"""The words and symbols the screens show, in one place.

A vote always shows as a symbol *and* a word, so colour or shape is never the
only signal. ASCII mode swaps the symbols for characters any terminal has.
"""

from __future__ import annotations

from dataclasses import dataclass

from panel_tui.domain.models import Role, VoteValue
from panel_tui.domain.words import (
    ASCII_VOTE_SYMBOLS,
    OUTCOME_WORDS,
    VOTE_SYMBOLS,
    VOTE_WORDS,
    vote_text,
)

ROLE_SHORT: dict[Role, str] = {
    "lived_experience": "Lived exp.",
    "professional": "Professional",
    "observer": "Observer",
}


@dataclass(frozen=True)
class Glyphs:
    """The symbols of one display mode."""

    votes: dict[VoteValue, str]
    voted: str
    waiting: str
    bullet: str
    changed: str
    dash: str
    guide_reached: str

    def vote(self, value: VoteValue | None) -> str:
        """A vote as symbol and word, e.g. ``"▲ Up"``; ``None`` is no vote."""
        return vote_text(value, self.votes)


UNICODE = Glyphs(
    votes=VOTE_SYMBOLS,
    voted="✓ Voted",
    waiting="… Waiting",
    bullet="•",
    changed="after reveal",
    dash="—",
    guide_reached="◆",
)

ASCII = Glyphs(
    votes=ASCII_VOTE_SYMBOLS,
    voted="* Voted",
    waiting=". Waiting",
    bullet="-",
    changed="after reveal",
    dash="-",
    guide_reached="!",
)


def glyphs(ascii_only: bool) -> Glyphs:
    """The symbols for the display mode."""
    return ASCII if ascii_only else UNICODE


def minutes_seconds(seconds: int) -> str:
    """``125`` -> ``"2:05"``."""
    return f"{seconds // 60}:{seconds % 60:02d}"


__all__ = ["OUTCOME_WORDS", "VOTE_WORDS", "Glyphs", "glyphs", "minutes_seconds"]
