"""Small sessions built from tables, for the domain tests."""

from __future__ import annotations

from collections.abc import Sequence
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

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ROLES = {"L": "lived_experience", "P": "professional", "O": "observer"}


def bank(*questions: tuple[str, float, bool]) -> Bank:
    """A bank of (id, weight, essential) questions."""
    return Bank(
        id="b",
        title="Bank",
        questions=[
            Question(id=qid, text=f"Question {qid}?", weight=w, essential=e)
            for qid, w, e in questions
        ],
    )


def panel(roles: str) -> list[Member]:
    """Members m1, m2... with roles from letters: ``"LLP"`` is two lived, one professional."""
    return [
        Member(id=f"m{n}", name=f"Member {n}", role=ROLES[r], seat=n)  # type: ignore[arg-type]
        for n, r in enumerate(roles, start=1)
    ]


def votes(rows: Sequence[tuple[str, str, str, str | None]]) -> list[VoteEvent]:
    """Vote events (candidate, question, member, value), a second apart, in order."""
    return [
        VoteEvent(candidate=c, question=q, member=m, value=v, at=T0 + timedelta(seconds=n))  # type: ignore[arg-type]
        for n, (c, q, m, v) in enumerate(rows)
    ]


def session(
    roles: str,
    rows: Sequence[tuple[str, str, str, str | None]] = (),
    *,
    questions: Sequence[tuple[str, float, bool]] = (("q1", 1.0, False),),
    candidates: Sequence[tuple[str, str | None]] = (("c1", "Alex"),),
    settings: Settings | None = None,
) -> Session:
    """A session from a compact description."""
    return Session(
        id="s1",
        title="Test",
        created=T0,
        settings=settings or Settings(),
        bank=bank(*questions),
        panel=panel(roles),
        candidates=[Candidate(id=cid, code=cid.upper(), name=name) for cid, name in candidates],
        votes=votes(rows),
    )


def two_by_two(roles: str = "LLPO") -> Session:
    """Two candidates (Alex, and C2 with no name) answering q1, and q2 (essential, weight 2).

    The panel is from ``roles``: by default m4 observes.
    """
    return session(
        roles,
        questions=[("q1", 1.0, False), ("q2", 2.0, True)],
        candidates=[("c1", "Alex"), ("c2", None)],
    )


def titled(session_id: str) -> Session:
    """:func:`two_by_two` (m3 a professional, no observer) as session ``session_id``, titled after it."""
    return two_by_two("LLP").model_copy(update={"id": session_id, "title": f"Title {session_id}"})


def one_vote(session_id: str = "s1") -> Session:
    """A lived-experience member and a professional; m1 has voted up on C1's q1."""
    return session("LP", [("c1", "q1", "m1", "up")]).model_copy(update={"id": session_id})
