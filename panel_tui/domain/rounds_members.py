"""Each member's involvement over the rounds compared (:mod:`panel_tui.domain.rounds`).

A person is matched across rounds by name as written; their time, interviews,
answers and money are summed from :func:`panel_tui.domain.involvement.involvement`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from panel_tui.domain.involvement import MemberInvolvement
from panel_tui.domain.models import Role
from panel_tui.domain.text import compared


@dataclass(frozen=True)
class MemberTotal:
    """One person's involvement over the rounds, matched by name as written."""

    name: str
    roles: list[Role]
    sessions: int
    minutes: int
    interviews: int
    answers: int
    fees: Decimal
    expenses: Decimal
    payable: Decimal
    declined: int  #: sessions in which they declined payment
    rated: int  #: sessions with a rate noted
    unpriced: int = 0  #: sessions with no rate noted, not declined: no fee is counted


def member_totals(rows: Iterable[MemberInvolvement]) -> list[MemberTotal]:
    """Each person's involvement over the rounds, matched by name as written, by name."""
    by_name: dict[str, list[MemberInvolvement]] = {}
    for row in rows:
        by_name.setdefault(compared(row.member.name), []).append(row)
    totals = []
    for group in by_name.values():
        totals.append(
            MemberTotal(
                name=group[0].member.name,
                roles=sorted({r.member.role for r in group}),
                sessions=len(group),
                minutes=sum(r.minutes for r in group),
                interviews=sum(r.interviews for r in group),
                answers=sum(r.answers for r in group),
                fees=sum(
                    (r.fee for r in group if r.fee is not None and not r.declined), Decimal(0)
                ),
                expenses=sum((r.expenses for r in group), Decimal(0)),
                payable=sum((r.payable for r in group), Decimal(0)),
                declined=sum(r.declined for r in group),
                rated=sum(r.rate is not None for r in group),
                unpriced=sum(r.rate is None and not r.declined for r in group),
            )
        )
    return sorted(totals, key=lambda t: (t.name.casefold(), t.name))
