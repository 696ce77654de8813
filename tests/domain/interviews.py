"""What the interview's unit tests share: interviews built on a small session."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from panel_tui.domain.interview import Interview
from panel_tui.domain.interview_outcomes import Moved
from panel_tui.domain.models import Session, VoteValue
from panel_tui.domain.store import OpenSession, Store
from tests.domain.builders import two_by_two

Vote = tuple[str, str, str, VoteValue | None]
MakeInterview = Callable[..., Interview]

#: Every voter has voted on Alex's first answer, so its votes show.
SHOWN: list[Vote] = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up"), ("c1", "q1", "m3", "down")]


def mark(value: VoteValue | None) -> str:
    """Votes as ``<up>`` in messages, so the tests read the words around them."""
    return f"<{value}>"


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
            assert isinstance(interview.moves.go(at), Moved)
        return interview

    yield build_interview
    for one in opened:
        one.close()
