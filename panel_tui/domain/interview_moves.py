"""Where the panel is in an interview, and the chair's moves from answer to answer.

The answers are taken in interview order: each candidate in turn, each question
of the bank. :class:`Moves` knows the one shown, moves to the next or previous
question or candidate (refused in words at either end) and keeps the place on
disk, so a restart carries on from it. An
:class:`~panel_tui.domain.interview.Interview` holds one as ``moves``; the
interview screen answers each move key with it.
"""

from __future__ import annotations

from panel_tui.domain.interview_arrival import arrival
from panel_tui.domain.interview_outcomes import Moved, Refused
from panel_tui.domain.store import OpenSession, StoreError


class Moves:
    """The answers of an interview in order, the one shown, and the moves between them.

    Args:
        opened: the session, opened for writing; each move is kept in it for a restart.
    """

    def __init__(self, opened: OpenSession) -> None:
        self.opened = opened
        session = opened.session
        #: Every (candidate, question) in interview order; fixed once a session starts.
        self.positions = [(c.id, q.id) for c in session.candidates for q in session.bank.questions]
        cursor = session.cursor
        where = (cursor.candidate, cursor.question) if cursor else None
        #: Index into ``positions`` of the answer shown (a resume carries on where it was).
        self.position = self.positions.index(where) if where in self.positions else 0

    @property
    def here(self) -> tuple[str, str]:
        """The (candidate, question) being answered."""
        return self.positions[self.position]

    def next_question(self) -> Moved | Refused:
        """The next question; after the last one, the next candidate's first."""
        if self.position + 1 >= len(self.positions):
            return Refused(
                "That was the last question of the last candidate. Ctrl+S shows the summary."
            )
        return self.go(self.position + 1)

    def previous_question(self) -> Moved | Refused:
        """The previous question (back to the previous candidate from the first)."""
        if self.position == 0:
            return Refused("This is the first question of the first candidate.")
        return self.go(self.position - 1)

    def next_candidate(self) -> Moved | Refused:
        """The first question of the next candidate."""
        count = len(self.opened.session.bank.questions)
        start = (self.position // count + 1) * count
        if start >= len(self.positions):
            return Refused("This is the last candidate.")
        return self.go(start)

    def previous_candidate(self) -> Moved | Refused:
        """The first question of the previous candidate."""
        count = len(self.opened.session.bank.questions)
        index = self.position // count
        if index == 0:
            return Refused("This is the first candidate.")
        return self.go((index - 1) * count)

    def go(self, position: int) -> Moved | Refused:
        """Go to ``positions[position]``, remembering it for a restart."""
        if not 0 <= position < len(self.positions):
            return Refused("There is no such question.")
        c, q = self.positions[position]
        warning = None
        try:
            self.opened.move_to(c, q)
        except StoreError as error:
            # Only the resume position is lost: the panel must still be able to move
            # (every vote shown is saved), so move, and say what a restart would do.
            warning = (
                f"{error} Moving still works, but if panel-tui is closed now it may reopen "
                "at an earlier question. Every vote shown as recorded is saved."
            )
        left, next_in_order = self.here, position == self.position + 1
        self.position = position
        said = arrival(self.opened.session, left, c, q, next_in_order=next_in_order)
        return Moved(said, warning)
