"""The time spent on each answer, which the interview's timer shows against the time guide.

The answer shown is kept on disk now and then, so that a restart carries on
from its time, and so is each answer the panel leaves, so that going back carries
on from its time too: it started at 0:00 again, and a look back at the question
before lost the time guide (found by two testers); after a restart, it did for
every answer but the one shown (found by a tester). The session's cursor holds
them all (:class:`~panel_tui.domain.records.Cursor`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from panel_tui.domain.store import OpenSession, StoreError

#: Where an answer is: (candidate, question).
Place = tuple[str, str]


class AnswerTimes:
    """Seconds spent on each answer, over ``opened``; ``here`` is the answer shown."""

    def __init__(self, opened: OpenSession, here: Callable[[], Place | None]) -> None:
        self.opened = opened
        self.here = here
        #: The times of answers left in this run, whether or not the disk took them: a
        #: finished session keeps no time, and a disk may refuse (found by a review).
        self._left: dict[Place, int] = {}

    def carried(self) -> int:
        """Seconds already spent on the answer shown: before leaving it, or before a restart."""
        here, cursor = self.here(), self.opened.session.cursor
        if here is None:
            return 0
        if here in self._left:
            return self._left[here]
        return 0 if cursor is None else cursor.spent_on(*here)

    def leave(self, elapsed: int) -> None:
        """The panel is about to move: coming back, now or after a restart, carries on
        from ``elapsed``."""
        here = self.here()
        if here is not None:  # a session without candidates is nowhere
            self._left[here] = elapsed
        self.keep(elapsed)

    def restart(self) -> None:
        """A new round on the answer shown is a new answer to time: from 0:00, kept so
        for a resume (found by a tester: round 2's timer counted on from round 1's)."""
        here = self.here()
        if here is not None:
            self._left.pop(here, None)
        self.keep(0)

    def keep(self, elapsed: int) -> None:
        """Keep the time spent on the answer shown on disk, so a resume carries on from it."""
        here, session = self.here(), self.opened.session
        if here is None or session.finished:
            return
        with contextlib.suppress(StoreError):  # the timer is a guide; a vote is never lost
            self.opened.keep_time(*here, elapsed)
