"""The interview's heading, in parts, so that a narrow screen cuts the right one.

At 80 columns the heading shares its line with the question's number and the
timer, and a long name or code does not fit. Cut by its longest part, it lost
"of 12" and its colon ("Candidate 10 of…Candidate Number 10") or all of a name
beside a long code ("M… (LONG-CODE-2026-001)") (found by a tester). The parts
say what may be cut: the name, then a long code, never which candidate of how many.
"""

from __future__ import annotations

from dataclasses import dataclass

from panel_tui.domain.interview_lines import Line
from panel_tui.domain.models import Session


@dataclass(frozen=True)
class Heading:
    """``Candidate 1 of 2: Alex (C1)``, or ``Practice: Alex (1 of 3) (C1)`` in a rehearsal."""

    #: ``Candidate 1 of 2: `` or ``Practice: ``; never cut.
    lead: str
    #: The candidate's name, or their code when they have no name; cut first.
    name: str
    #: `` (1 of 3)`` in a rehearsal, after the name; never cut.
    place: str = ""
    #: The code HR files the candidate under, shown in brackets after a name; cut if long.
    code: str = ""

    def line(self, name: str | None = None, code: str | None = None) -> Line:
        """The heading as a line, all strong, with ``name`` and ``code`` as cut to fit."""
        name = self.name if name is None else name
        code = self.code if code is None else code
        line: Line = ((self.lead, "strong"), (name, "strong"))
        if self.place:
            line += ((self.place, "strong"),)
        if code:
            line += ((f" ({code})", "strong"),)
        return line


def heading(session: Session, candidate_id: str, practice: bool) -> Heading:
    """The heading of the candidate shown (see :class:`Heading`)."""
    candidate = session.candidate(candidate_id)
    count = f"{session.candidates.index(candidate) + 1} of {len(session.candidates)}"
    code = candidate.code if candidate.name else ""
    # Mock candidates: short, so the round fits beside it at 80 columns.
    if practice:
        return Heading("Practice: ", candidate.label, f" ({count})", code)
    return Heading(f"Candidate {count}: ", candidate.label, code=code)
