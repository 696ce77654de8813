"""Small practice sessions built from tables, for the calibration tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from panel_tui.domain.models import (
    Bank,
    Candidate,
    Member,
    NewRound,
    Question,
    Reveal,
    SampleAnswer,
    Session,
    VoteEvent,
)
from tests.domain.builders import T0

#: A vote row: (candidate, question, member, value) or with a round number as fifth item.
Row = tuple[str, str, str, str | None] | tuple[str, str, str, str | None, int]


def practice_bank(references: Sequence[str]) -> Bank:
    """A practice bank: question q1, q2... each with one sample answer of that reference."""
    return Bank(
        id="practice",
        title="Practice: support worker",
        questions=[
            Question(
                id=f"q{n}",
                text=f"Question {n}?",
                sample_answers=[
                    SampleAnswer(rating=rating, text=f"Answer {n}.", why=f"Why {n}.")  # type: ignore[arg-type]
                ],
            )
            for n, rating in enumerate(references, start=1)
        ],
    )


def practice(
    references: Sequence[str],
    names: Sequence[str],
    rows: Sequence[Row] = (),
    *,
    session_id: str = "p1",
    created: datetime = T0,
    rounds: Sequence[tuple[str, str, int]] = (),
) -> Session:
    """A practice session: one mock candidate ``p1`` giving the sample answer to each question.

    Members m1, m2... are the ``names`` (the first half lived experience).
    """
    bank = practice_bank(references)
    half = (len(names) + 1) // 2
    return Session(
        id=session_id,
        title="Practice: support worker",
        mode="practice",
        created=created,
        bank=bank,
        panel=[
            Member(
                id=f"m{n}",
                name=name,
                role="lived_experience" if n <= half else "professional",
                seat=n,
            )
            for n, name in enumerate(names, start=1)
        ],
        candidates=[
            Candidate(id="p1", code="Mock A", sample_answers={q.id: 0 for q in bank.questions})
        ],
        votes=[
            VoteEvent(
                candidate=row[0],
                question=row[1],
                member=row[2],
                value=row[3],  # type: ignore[arg-type]
                at=T0 + timedelta(seconds=n),
                round=row[4] if len(row) == 5 else 1,
            )
            for n, row in enumerate(rows)
        ],
        rounds=[
            NewRound(candidate=c, question=q, round=r, at=T0 + timedelta(minutes=1))
            for c, q, r in rounds
        ],
    )


def shown_early_then_voted(session: Session, *votes: tuple[str, str]) -> Session:
    """The chair shows q1's votes (and so the reference) early; then ``votes`` are given."""
    session = session.model_copy(
        update={"reveals": [Reveal(candidate="p1", question="q1", at=T0 + timedelta(minutes=1))]}
    )
    for member, value in votes:
        vote = session.new_vote("p1", "q1", member, value)  # type: ignore[arg-type]
        assert vote.after_reveal
        session = session.model_copy(update={"votes": [*session.votes, vote]})
    return session
