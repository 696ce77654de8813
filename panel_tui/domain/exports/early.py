"""The early reveals in words, for the summaries: which answers, who had voted, who after.

With ``totals_only`` who voted after is only counted, as every other
individual fact is in a totals-only summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.models import Session
from panel_tui.domain.reveals import EarlyReveal
from panel_tui.domain.scoring import Results
from panel_tui.domain.words import counted, question_name

#: Beside a member who voted after the votes were shown, then withdrew that vote.
WITHDRAWN_LATER = "vote withdrawn later"
#: Said of a member who had voted before the votes were shown, and voted again after.
CHANGED_AFTER = "changed their vote"
#: Said of a member who changed their vote after the votes were shown, and the chair
#: undid the change: the vote they gave before stands.
CHANGE_UNDONE = "changed their vote, then it was undone"
#: Beside a member whose vote after the votes were shown was undone, another standing.
UNDONE_LATER = "undone later"
#: Who voted after the votes were shown, when no one did.
NOBODY = "Nobody"


class Labelled(Protocol):
    """A panel member as a summary names them (``"Seat 3, Dan Reilly"``)."""

    @property
    def label(self) -> str:
        """The member's label."""
        ...


@dataclass(frozen=True)
class EarlyRevealView:
    """An answer whose votes were shown before every voting member had voted."""

    candidate: str  #: e.g. "C1: Alex Morgan"
    number: int  #: the question's place in the bank, from 1
    text: str  #: the question as the bank words it
    voted: str  #: e.g. "2 of 3 voting members had voted"
    after: str  #: e.g. "Seat 3; Seat 4 (vote withdrawn later)" or "Nobody"

    @property
    def question(self) -> str:
        """The question as a heading names it: "Question 2: Tell us about a time..."."""
        return f"{question_name(self.number)}: {self.text}"


def early_reveal_views(
    session: Session, results: Results, seats: Mapping[str, Labelled], options: ExportOptions
) -> list[EarlyRevealView]:
    """The early reveals in words; totals only counts who voted after, not whom."""
    numbers = {q.id: n for n, q in enumerate(session.bank.questions, start=1)}
    views = []
    for early in results.early_reveals:
        candidate = session.candidate(early.candidate)
        name = f"{candidate.code}: {candidate.name}" if candidate.name else candidate.code
        question = session.bank.question(early.question)
        views.append(
            EarlyRevealView(
                candidate=name,
                number=numbers[question.id],
                text=question.text,
                voted=(
                    f"{early.voted_before} of {counted(early.voters, 'voting member')} had voted"
                ),
                after=_after(early, seats, options),
            )
        )
    return views


def _after(early: EarlyReveal, seats: Mapping[str, Labelled], options: ExportOptions) -> str:
    """Who voted after the reveal, and whose vote was then withdrawn (only counted in totals)."""
    if options.totals_only:
        # "3 members (1 changed their vote)": it reads alone in a table cell and in
        # the joint summary's sentence (found by a tester: "3 members, 1 changing
        # their vote voted after").
        notes = [f"{len(early.changed)} {CHANGED_AFTER}"] if early.changed else []
        notes += [f"{len(early.withdrawn)} withdrawn later"] if early.withdrawn else []
        notes += [f"{len(early.undone)} {UNDONE_LATER}"] if early.undone else []
        said = f" ({'; '.join(notes)})" if notes else ""
        return counted(len(early.voted_after), "member") + said if early.voted_after else NOBODY
    # One who had voted before it was shown changed their vote: said, never taken
    # for a first vote (found by a tester: "2 of 4 had voted" and all 3 "after").
    named = [seats[m].label + _marks(early, m) for m in early.voted_after]
    return "; ".join(named) or NOBODY


def _marks(early: EarlyReveal, member: str) -> str:
    """What is said beside a member who voted after the reveal: a change, and whether it stands."""
    changed, undone = member in early.changed, member in early.undone
    if changed and undone:
        return f" ({CHANGE_UNDONE})"
    return (
        (f" ({CHANGED_AFTER})" if changed else "")
        + (f" ({UNDONE_LATER})" if undone else "")
        + (f" ({WITHDRAWN_LATER})" if member in early.withdrawn else "")
    )
