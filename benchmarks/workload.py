"""Sessions of a given size for the benchmarks: realistic text, every vote given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from panel_tui.domain.models import (
    Bank,
    Candidate,
    Member,
    Question,
    Session,
    Settings,
    VoteEvent,
)

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
VALUES = ("up", "middle", "down", "up", "abstain")


def bank(questions: int) -> Bank:
    """A bank of ``questions`` questions with plain text and what to listen for."""
    return Bank(
        id="bench",
        title="Support worker, supported living",
        questions=[
            Question(
                id=f"q{n + 1}",
                text=f"Question {n + 1}: tell us about a time you supported someone to make "
                "their own choice, even when you would have chosen differently.",
                look_for=["Talks about the person, not only the task", "Respects choice"],
                weight=1.0 + (n % 3) * 0.5,
                essential=n % 4 == 0,
            )
            for n in range(questions)
        ],
    )


def session(
    candidates: int = 10,
    questions: int = 10,
    members: int = 8,
    *,
    filled: bool = True,
    session_id: str = "bench",
) -> Session:
    """A session with ``candidates`` x ``questions`` answers and a panel of ``members``.

    ``filled``: every member has voted on every answer (10 x 10 x 8 = 800 votes).
    """
    panel = [
        Member(
            id=f"m{n + 1}",
            name=f"Member {n + 1}",
            role="lived_experience" if n % 2 == 0 else "professional",
            seat=n + 1,
        )
        for n in range(members)
    ]
    people = [
        Candidate(id=f"c{n + 1}", code=f"C{n + 1}", name=f"Candidate {n + 1}")
        for n in range(candidates)
    ]
    votes: list[VoteEvent] = []
    if filled:
        for c in people:
            for q in range(questions):
                for m in panel:
                    votes.append(
                        VoteEvent(
                            candidate=c.id,
                            question=f"q{q + 1}",
                            member=m.id,
                            value=VALUES[len(votes) % len(VALUES)],  # type: ignore[arg-type]
                            at=T0 + timedelta(seconds=len(votes)),
                        )
                    )
    return Session(
        id=session_id,
        title=f"Bench {session_id}",
        created=T0,
        settings=Settings(sealed=False),
        bank=bank(questions),
        panel=panel,
        candidates=people,
        votes=votes,
    )
