"""What a totals-only export hides besides the votes themselves.

A voice gap is the lived-experience mean minus the professional mean. Where a
group has a single voice, its mean *is* that member's vote, so a totals-only
export leaves the gap out there: per question when a group gave one counted
vote, per candidate when a group has one voting member on the panel.
"""

from __future__ import annotations

from panel_tui.domain.models import Role, Session
from panel_tui.domain.scoring import QuestionResult

GROUPS: tuple[Role, ...] = ("lived_experience", "professional")


def lone_group(session: Session) -> bool:
    """Whether a group on the panel has exactly one voting member."""
    return any(sum(m.role == role for m in session.voting_members) == 1 for role in GROUPS)


def single_voice(session: Session, question: QuestionResult) -> bool:
    """Whether a group gave exactly one counted vote on this answer."""
    roles = {m.id: m.role for m in session.panel}
    counted = [roles[m] for m, v in question.votes.items() if v != "abstain"]
    return any(counted.count(role) == 1 for role in GROUPS)
