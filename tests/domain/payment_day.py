"""The day of the payment tests, worked out by hand in test_involvement.py.

Two candidates answer two questions; the first vote is at 09:30, the last at
12:15 and a note at 12:40. Four of the five members have a rate noted: by the
hour, by the block, by the session (declined), and by the hour for times the
chair set.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from panel_tui.domain.models import Note, Session, VoteEvent
from panel_tui.domain.payment_notes import Involvement, TimeSat
from tests.domain.builders import session as build

DAY = datetime(2026, 11, 23, tzinfo=UTC)


def at(hour: int, minute: int) -> datetime:
    """A time on the day."""
    return DAY + timedelta(hours=hour, minutes=minute)


VOTES = [
    ("c1", "q1", "m1", "up", at(9, 30)),
    ("c1", "q1", "m2", "up", at(9, 31)),
    ("c1", "q1", "m3", "abstain", at(9, 32)),
    ("c1", "q2", "m1", "middle", at(10, 0)),
    ("c1", "q2", "m2", "up", at(10, 1)),
    ("c2", "q1", "m1", "down", at(11, 0)),
    ("c2", "q1", "m4", "middle", at(11, 1)),
    ("c2", "q2", "m1", "abstain", at(12, 10)),
    ("c2", "q2", "m4", "up", at(12, 15)),
]
PAY = {
    "m1": Involvement(rate=Decimal("15.00"), per="hour"),
    "m2": Involvement(
        rate=Decimal("25"),
        per="block",
        block_hours=2,
        expenses=Decimal("12.40"),
        expenses_note="=Bus fare",
    ),
    "m4": Involvement(rate=Decimal("60"), per="session", declined=True),
    "m5": Involvement(
        rate=Decimal("10.50"), per="hour", times=[TimeSat(start=at(9, 0), end=at(11, 0))]
    ),
}


def the_day() -> Session:
    """The day, with each member's rate noted."""
    base = build(
        "LLPPO",
        questions=(("q1", 1.0, False), ("q2", 1.0, False)),
        candidates=(("c1", "Alex"), ("c2", "Bo")),
    )
    panel = [m.model_copy(update={"involvement": PAY.get(m.id)}) for m in base.panel]
    return base.model_copy(
        update={
            "panel": panel,
            "votes": [
                VoteEvent(candidate=c, question=q, member=m, value=v, at=t)  # type: ignore[arg-type]
                for c, q, m, v, t in VOTES
            ],
            "notes": [Note(candidate="c2", text="Thanks all.", at=at(12, 40))],
        }
    )
