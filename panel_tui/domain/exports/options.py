"""What HR asked of an export, shared by every format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from panel_tui.domain.finishes import finish_history
from panel_tui.domain.words import ASCII_VOTE_SYMBOLS, VOTE_SYMBOLS

if TYPE_CHECKING:
    from panel_tui.domain.models import Session, VoteValue


@dataclass(frozen=True)
class ExportOptions:
    """What HR asked of an export.

    Attributes:
        anonymise: member names become seat labels and candidate names become
            candidate codes, and the session's title and id (which may hold a
            name) are replaced, in every format and file name. Notes and reasons
            are free text, kept as written: the copy says they are not anonymised.
        totals_only: no individual member's vote appears anywhere, only totals;
            notes and reasons are left out too (a note may say who voted what).
        no_notes: notes and decision reasons are left out.
        ascii_only: md, csv and HTML use only ASCII characters of their own:
            votes as "+ Up", "o Middle", "- Down", "/ Abstain". Text a person
            typed (a name, a note) is kept as written: changing it would change
            the record. json is unchanged; a csv file still starts with the
            mark that tells Excel it is UTF-8.
        sealed_left_out: the (candidate, question) answers still sealed that this
            copy leaves out. Set
            by :func:`panel_tui.domain.exports.render`, not by the user: every
            format but json shows the session as the room may see it.
        rehearsals: practice only: the other practice sessions kept, so a
            report can show each trainee's progress over rehearsals.
        candidate_names: member sheets only: the chair allows candidates' names
            beside their codes (the sheets name candidates by code otherwise).
        finish_history: when the session was finished and reopened, and what was
            changed after (:func:`.finishes.finish_history`), of the whole session:
            set with ``sealed_left_out``, before sealed votes and notes are left out of
            the copy (found by a review: "Nothing was changed" where a note or a sealed
            vote was added); ``None``: worked out from the session given.
    """

    anonymise: bool = False
    totals_only: bool = False
    no_notes: bool = False
    ascii_only: bool = False
    sealed_left_out: frozenset[tuple[str, str]] = frozenset()
    rehearsals: Sequence[Session] = field(default=(), compare=False, hash=False)
    candidate_names: bool = False
    finish_history: str | None = None

    def history_of(self, session: Session) -> str:
        """:attr:`finish_history`, or that of ``session`` when it was not set."""
        if self.finish_history is not None:
            return self.finish_history
        return finish_history(session)

    @property
    def vote_symbols(self) -> dict[VoteValue, str]:
        """The marks of the votes: ASCII ones with ``ascii_only``."""
        return ASCII_VOTE_SYMBOLS if self.ascii_only else VOTE_SYMBOLS

    @property
    def leaves_out_notes(self) -> bool:
        """Whether notes and reasons are left out of this copy."""
        return self.no_notes or self.totals_only
