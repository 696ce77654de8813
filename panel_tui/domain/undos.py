"""What the chair's undo does to an answer's votes, read from a session's log.

An undo is an event too: it names the vote it takes back (``undoes``) and
gives its member the vote that stands again, if any. These say which vote an
undo takes back (:func:`undoable_vote`), what it brings back
(:func:`undo_brings_back`), the event that records the undo (:func:`undo_event`)
and whether the last change on an answer was an undo (:func:`just_undone`, so a
second undo in a row is asked first). A round nobody has voted in yet (a stray
Ctrl+G in practice) is taken back by an undo too (:func:`round_to_take_back`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from panel_tui.domain.models import NewRound, Reveal, Session, VoteEvent, now


def _answer_now(session: Session, candidate: str, question: str) -> tuple[str, str, int]:
    """The answer in its current round, as :func:`_answer_of` names a vote's."""
    return candidate, question, session.round_of(candidate, question)


def _answer_of(vote: VoteEvent) -> tuple[str, str, int]:
    """The answer a vote is on, with its round."""
    return vote.candidate, vote.question, vote.round


def undoable_vote(session: Session, candidate: str, question: str) -> tuple[int, VoteEvent] | None:
    """The vote an undo on this answer takes back, with its place in the log.

    Undos go back one vote at a time: an undo event, and a vote already
    undone, are passed over. Only the answer's current round is undone.
    """
    votes = session.votes
    answer = _answer_now(session, candidate, question)
    undone = {v.undoes for v in votes if v.undoes is not None}
    for index in range(len(votes) - 1, -1, -1):
        vote = votes[index]
        if _answer_of(vote) != answer:
            continue
        if vote.undoes is None and index not in undone:
            return index, vote
    return None


def undo_brings_back(session: Session, index: int) -> VoteEvent | None:
    """The vote an undo of vote event ``index`` brings back for its member.

    The member's vote before it, when the room could have seen that one:
    while sealed (the room saw neither), or when the undone vote was given
    after the votes were shown (the one before was on screen). ``None``, the
    vote withdrawn, for a vote given while sealed and then shown: never one
    the room did not see. (A vote brought back keeps its own mark of being
    given after the reveal or not.)
    """
    event = session.votes[index]
    if session.is_revealed(event.candidate, event.question) and not event.after_reveal:
        return None
    key = (event.candidate, event.question, event.member, event.round)
    before = [
        v for v in session.votes[:index] if (v.candidate, v.question, v.member, v.round) == key
    ]
    return before[-1] if before and before[-1].value is not None else None


def undo_event(session: Session, candidate: str, question: str) -> VoteEvent | None:
    """The event an undo on this answer writes, or ``None`` with nothing to undo."""
    found = undoable_vote(session, candidate, question)
    if found is None:
        return None
    index, vote = found
    back = undo_brings_back(session, index)
    return VoteEvent(
        candidate=candidate,
        question=question,
        member=vote.member,
        value=None if back is None else back.value,
        at=now(),
        # A withdrawal once shown is a change the room sees; a vote brought
        # back is the one the room saw, marked as it was.
        after_reveal=session.is_revealed(candidate, question)
        and (back is None or back.after_reveal),
        undoes=index,
        round=vote.round,
    )


def just_undone(session: Session, candidate: str, question: str) -> bool:
    """Whether the last change on this answer (in its round) was an undo."""
    answer = _answer_now(session, candidate, question)
    for event in reversed(session.votes):
        if _answer_of(event) == answer:
            return event.undoes is not None
    return False


def round_to_take_back(session: Session, candidate: str, question: str) -> NewRound | None:
    """The event that takes back the answer's latest round, when nobody has voted in it yet.

    A round with any vote event (an undone one too) or shown is never taken back:
    its events would name a round never started. ``None`` when there is none to take.
    """
    number = session.round_of(candidate, question)
    answer = (candidate, question, number)
    events: list[VoteEvent | Reveal] = [*session.votes, *session.reveals]
    if number == 1 or any((e.candidate, e.question, e.round) == answer for e in events):
        return None
    return NewRound(candidate=candidate, question=question, round=number, at=now(), taken_back=True)


#: Why an answer's last round (after the first) holds no vote: nobody has voted in it
#: yet (an undo takes it back), it was shown, or a vote given in it was undone.
_EmptyRound = Literal["not voted in", "shown", "undone"]


def _empty_round(session: Session, candidate: str, question: str) -> tuple[int, _EmptyRound] | None:
    """The answer's last round and why no vote stands in it; ``None`` when a vote stands
    in it or it is the first round."""
    number = session.round_of(candidate, question)
    if number == 1 or session.current_votes(candidate, question):
        return None
    if round_to_take_back(session, candidate, question) is not None:
        return number, "not voted in"
    return number, "shown" if session.is_revealed(candidate, question) else "undone"


def kept_round_words(session: Session, candidate: str, question: str) -> str | None:
    """Why Backspace leaves the answer's round in which no vote stands, and what to do;
    ``None`` when a vote stands in it, it is the first round, or Backspace takes it back.

    Such a round is kept (:func:`round_to_take_back`), and it hides the round before
    from the score: said, so a trainer never finds the votes gone with no word (found
    by a tester, told only "There is no vote to undo on this answer").
    """
    empty = _empty_round(session, candidate, question)
    if empty is None or empty[1] == "not voted in":
        return None
    number, why = empty
    earlier = f"Nobody's vote stands in it, so round {number - 1}'s votes no longer count"
    if why == "shown":
        return (
            f"Round {number} was shown, so it stays and cannot be taken back. {earlier} for "
            f"this answer. Ctrl+G starts round {number + 1} to vote again."
        )
    return (
        f"Round {number} stays: a vote was given in it and undone, and the record keeps both. "
        f"{earlier} for this answer until the panel votes in round {number}."
    )


def empty_round_words(session: Session, candidate_id: str) -> list[str]:
    """Each of the candidate's answers whose last round (after the first) no vote stands
    in, said with what it does to the score and what the chair can do, for the Finish
    box (found by a tester: the box said only "Mock B has no votes yet, so no score")."""
    said = []
    for question in session.bank.questions:
        where = (candidate_id, question.id)
        empty = _empty_round(session, *where)
        if empty is None:
            continue
        number, why = empty
        then = {
            "not voted in": "Backspace on that answer takes the round back.",
            "shown": f"it was shown, so it stays: Ctrl+G on that answer starts round {number + 1}.",
            "undone": "a vote given in it was undone, so it stays: vote on that answer again.",
        }[why]
        said.append(
            f"{session.answer_name(*where)}: round {number} has no votes, so round "
            f"{number - 1}'s votes do not count; {then}"
        )
    return said


def rounds_since(session: Session, moment: datetime) -> int:
    """Practice rounds started or taken back at or after ``moment`` (for the finish
    history: a round started after reopening can take a score away)."""
    return sum(1 for r in session.rounds if r.at >= moment)
