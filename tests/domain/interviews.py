"""What the interview's unit tests share: a small session, and interviews built on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from panel_tui.domain.interview import Interview
from panel_tui.domain.interview_outcomes import Moved
from panel_tui.domain.models import Session, VoteValue
from panel_tui.domain.store import OpenSession, Store
from tests.domain.builders import session as build

Vote = tuple[str, str, str, VoteValue | None]
MakeInterview = Callable[..., Interview]


def mark(value: VoteValue | None) -> str:
    """Votes as ``<up>`` in messages, so the tests read the words around them."""
    return f"<{value}>"


def two_by_two(roles: str = "LLPO") -> Session:
    """Two candidates (Alex, and C2 with no name) answering q1 and q2; m4 observes."""
    return build(
        roles,
        questions=[("q1", 1.0, False), ("q2", 2.0, True)],
        candidates=[("c1", "Alex"), ("c2", None)],
    )


@pytest.fixture
def make(tmp_path: Path) -> Iterator[MakeInterview]:
    """Builds an interview on a session saved in tmp_path; closes every one at the end."""
    opened: list[OpenSession] = []

    def build_interview(
        votes: Sequence[Vote] = (),
        *,
        session: Session | None = None,
        revealed: Sequence[tuple[str, str]] = (),
        finished: bool = False,
        at: int = 0,
    ) -> Interview:
        store = Store(tmp_path / f"sessions{len(opened)}")
        one = store.create(session or two_by_two())
        opened.append(one)
        for c, q, m, v in votes:
            one.record_vote(c, q, m, v)
        for c, q in revealed:
            one.reveal(c, q)
        if finished:
            one.set_finished()
        interview = Interview(one, mark)
        if at:
            assert isinstance(interview.go(at), Moved)
        return interview

    yield build_interview
    for one in opened:
        one.close()
