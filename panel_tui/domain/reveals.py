"""Early reveals: the answers whose votes were shown before everyone had voted.

Sealed votes are the point of the panel: each member judges alone. When the
chair shows the votes early, the votes given after that were not independent;
HR reads which, from :func:`early_reveals`. A vote's ``after_reveal`` mark is
set as it is given (:meth:`Session.new_vote`), or worked out on import by
:func:`with_reveal_marks` when a file does not say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from panel_tui.domain.after_reveal import after_reveal
from panel_tui.domain.models import Session


@dataclass(frozen=True)
class EarlyReveal:
    """An answer whose votes were shown before every voting member had voted."""

    candidate: str
    question: str
    voted_before: int  #: voting members with a vote standing when it was shown
    voters: int  #: voting members on the panel
    voted_after: tuple[str, ...]  #: member ids who voted (or changed) after, in order
    #: those of ``voted_after`` whose vote was then withdrawn, and stands withdrawn
    withdrawn: tuple[str, ...] = ()
    #: those of ``voted_after`` who had voted before it was shown: they changed their vote
    changed: tuple[str, ...] = ()
    #: those of ``voted_after`` whose vote after was undone: the one before it stands
    undone: tuple[str, ...] = ()


def with_reveal_marks(session: Session, unknown: Iterable[int]) -> Session:
    """This session with ``after_reveal`` worked out for the votes at ``unknown``.

    For a file that does not say (one an HR system wrote): the order of the
    log and the times of the votes and reveals tell. Only an answer's own votes
    and reveals tell of its votes, so each answer is worked out from its own
    log: the work grows with the file, not with its square (a tester's file of
    28,800 votes took 85 seconds to import).
    """
    votes = list(session.votes)
    wanted = set(unknown)
    by_answer: dict[tuple[str, str, int], list[int]] = {}
    for index, vote in enumerate(votes):
        by_answer.setdefault((vote.candidate, vote.question, vote.round), []).append(index)
    for indices in by_answer.values():
        if wanted.isdisjoint(indices):
            continue
        alone = session.model_copy(update={"votes": [votes[i] for i in indices]})
        for place, index in enumerate(indices):
            if index in wanted:
                vote = votes[index]
                marked = alone.after_reveal_at(
                    place, vote.candidate, vote.question, vote.member, vote.value
                )
                votes[index] = vote.model_copy(update={"after_reveal": marked})
    return session.model_copy(update={"votes": votes})


def early_reveals(session: Session) -> list[EarlyReveal]:
    """The answers the chair revealed before every voting member had voted: not those
    still sealed when the session was finished, shown then (:func:`shown_at_finish`).

    In log order of the reveals; an answer revealed twice is listed once.
    """
    if not session.settings.sealed:
        return []
    voters = {m.id for m in session.voting_members}
    found: list[EarlyReveal] = []
    seen: set[tuple[str, str, int]] = set()
    for reveal in session.reveals:
        if reveal.at_finish:  # shown as the chair finished, not early (found by a tester)
            continue
        # Practice rounds are each sealed, and shown, on their own.
        answer = (reveal.candidate, reveal.question, reveal.round)
        if answer in seen:
            continue
        seen.add(answer)
        events = [v for v in session.votes if (v.candidate, v.question, v.round) == answer]
        standing: set[str] = set()
        after: list[str] = []
        for vote in events:
            if vote.after_reveal:
                if vote.value is not None and vote.member not in after:
                    after.append(vote.member)
                continue
            if after:
                continue  # an unmarked vote after a marked one repeats a shown vote
            if vote.value is None:
                standing.discard(vote.member)
            else:
                standing.add(vote.member)
        if voters <= standing:
            continue  # everyone had voted: nothing was shown early
        last = {vote.member: vote.value for vote in events}
        story = after_reveal(session, reveal.candidate, reveal.question)
        taken_back = story.taken_back if reveal.round == story.current_round else frozenset()
        found.append(
            EarlyReveal(
                candidate=reveal.candidate,
                question=reveal.question,
                voted_before=len(standing & voters),
                voters=len(voters),
                voted_after=tuple(after),
                withdrawn=tuple(m for m in after if last[m] is None),
                changed=tuple(m for m in after if m in standing),
                undone=tuple(m for m in after if m in taken_back),
            )
        )
    return found
