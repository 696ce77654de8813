"""What is said on arriving at an answer: the answer left behind, if it still
waits for votes or was passed with none, else where the panel now is.

The interview's moves (``interview_moves.py``) say it on the line above the keys.
"""

from __future__ import annotations

from panel_tui.domain.interview_lines import KEYS_HINT
from panel_tui.domain.models import Session
from panel_tui.domain.sessions import numbered, unvoted_numbers


def arrival(
    session: Session,
    left: tuple[str, str],
    candidate_id: str,
    question_id: str,
    *,
    next_in_order: bool,
) -> str:
    """What to say on arriving at an answer, coming from the answer ``left``
    (``next_in_order``: the answer after it in interview order, whatever key went there).

    An answer left waiting for votes, or passed with none, is said instead, alone
    on the line: one line keeps the seats' rows where they were, under a hand
    about to click one. Once it has every vote, leaving it says the rest (a
    decision not yet recorded).
    """
    waiting = still_waiting(session, *left)
    if waiting:
        return waiting
    passed = passed_unvoted(session, *left) if next_in_order else None
    if passed is None:
        return arriving(session, left[0], candidate_id, question_id)
    if candidate_id != left[0]:
        if len(unvoted := unvoted_numbers(session, left[0])) > 1:
            # Every one, in the finish's words (found by a tester: only the last was
            # named, and Q3 and Q4 waited unseen until the finish).
            label = session.candidate(left[0]).label
            passed = f"{label} has no votes on {numbered(unvoted)} yet: the Left arrow goes back."
        # Never "no decision is recorded yet" here: an answer of theirs is unscored.
        return f"Now candidate {session.candidate(candidate_id).label}. {passed}"
    return passed


def passed_unvoted(session: Session, candidate_id: str, question_id: str) -> str | None:
    """On to the next answer in interview order from one nobody voted on: said, so
    that a key pressed twice, which passes a question, is noticed now, not at the
    finish (found by a tester), the next candidate's first question included
    (Page Down from a last question too). Going back, or a jump past other
    answers (Page Down from mid-way), says nothing of it (the caller knows which);
    nor does a finished session, where nothing is left to vote on."""
    if session.finished or session.current_votes(candidate_id, question_id):
        return None
    name = session.answer_name(candidate_id, question_id)
    return f"{name} has no votes yet: the Left arrow goes back to it."


def still_waiting(session: Session, candidate_id: str, question_id: str) -> str | None:
    """Leaving an answer some have voted on and others not: who, so that a vote
    missed (a slip of the key gave another seat's) is found now, not at the finish
    (found by a tester). ``None`` when nobody voted there, or its votes show."""
    votes = session.current_votes(candidate_id, question_id)
    if not votes or session.is_revealed(candidate_id, question_id):
        return None
    seats = [str(m.seat) for m in session.voting_members if m.id not in votes]
    who = f"seat {seats[0]}" if len(seats) == 1 else f"seats {', '.join(seats)}"
    # Whose answer, named: after a move to the next candidate, "Question 6" read
    # as theirs (found by a review).
    name = session.answer_name(candidate_id, question_id)
    return f"{name} still waits for {who}; its votes stay sealed."


def arriving(session: Session, previous: str, candidate_id: str, question_id: str) -> str:
    """What to say on arriving at an answer, coming from candidate ``previous``."""
    if candidate_id != previous:
        message = f"Now candidate {session.candidate(candidate_id).label}."
        # A candidate not yet voted on is one the panel has not yet seen (or
        # passed on the way): no decision is due (found by a new user).
        voted_on = len(unvoted_numbers(session, previous)) < len(session.bank.questions)
        # A rehearsal's mock candidates need no decision, as its finish says.
        if session.decision(previous) is None and voted_on and session.decides:
            message += (
                f" No decision is recorded yet for {session.candidate(previous).label}"
                " (go back and press Ctrl+D)."
            )
        return message
    if question_id == session.bank.questions[-1].id:
        if not session.decides:
            return "Last question for this candidate."
        if session.decision(candidate_id) is not None:
            return "Last question for this candidate. The decision is recorded; Ctrl+D changes it."
        return "Last question for this candidate. Ctrl+D records the panel's decision."
    return KEYS_HINT
