"""Rounds compared, over a folder of generated sessions, against figures by hand.

Four live rounds and a practice round, one question each (up 1, middle 0.5,
down 0); members are "Member 1", "Member 2"... in every round.

R0, 1 Dec 2025: before --since 2026-01-01, so never counted below.
R1, 10 Jan 2026, panel LLPP:
    C1: up up | down down -> lived 1, professional 0, gap +1
    C2: middle down | up up -> lived 0.25, professional 1, gap -0.75
    The lived-experience members rank C1 first; the panel recommended C2 and not
    C1: first choice NOT recommended. Mean gap (1 - 0.75) / 2 = +12.5 points.
    Two votes after a reveal: member 3 changed C1 from middle to down once all
    had voted, and member 4 gave a first vote on C2 after the chair showed its
    votes early (three of four in): 2 votes after a reveal, 1 answer revealed
    early. Interviews: 2.
R2, 5 Mar 2026, panel LPO:
    C1: up | middle -> gap +0.5; C2: middle | middle -> gap 0; C3 not heard.
    First choice C1, recommended. Mean gap +25.0 points. Interviews: 2.
P, 1 Apr 2026: a practice round: left out unless asked for.
R3, 1 Jun 2026, panel PP: no lived-experience member; no gap.
    Interviews: 1.

Totals (R1-R3): 3 rounds, 5 interviews, first choice recommended 1 of 2 rounds
decided (50.0%), 1 with no lived-experience member; mean gap over the four candidates with one:
(1 - 0.75 + 0.5 + 0) / 4 = +18.75 points; 2 votes after a reveal; 1 answer
revealed early.

Member 1 sat R1 (lived experience, 60 minutes, 2 interviews, 2 answers, 50 a
session), R2 (lived experience, 30 minutes, 2 interviews, 2 answers, 50 a
session and 5 expenses) and R3 (professional, 90 minutes, 1 interview, 1
answer): 3 rounds, 3.00 hours, 5 interviews, 5 answers, fees 100.00, expenses
5.00, payable 105.00.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from panel_tui.domain.models import Decision, Reveal, Session, VoteEvent
from panel_tui.domain.payment_notes import Involvement
from tests.domain.builders import T0
from tests.domain.builders import session as build

PER_SESSION = Involvement(rate=Decimal("50"), per="session")


def made_round(
    session_id: str,
    day: date,
    roles: str,
    rows: Sequence[tuple[str, str, str, str | None]],
    decisions: dict[str, str],
    *,
    minutes: int,
    candidates: tuple[tuple[str, str | None], ...] = (("c1", "Alex"), ("c2", "Bo")),
    pay: dict[str, Involvement] | None = None,
) -> Session:
    made = build(roles, rows, candidates=candidates)
    panel = [m.model_copy(update={"involvement": (pay or {}).get(m.id)}) for m in made.panel]
    # The panel sits on the round's day: its votes and decisions are dated then.
    start = on(day)
    return made.model_copy(
        update={
            "id": session_id,
            "title": f"Round {session_id}",
            "created": datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            "panel": panel,
            "votes": [v.model_copy(update={"at": v.at - T0 + start}) for v in made.votes],
            "decisions": [
                Decision(candidate=c, outcome=o, at=start + timedelta(minutes=minutes))  # type: ignore[arg-type]
                for c, o in decisions.items()
            ],
        }
    )


def on(day: date) -> datetime:
    """10:00 UTC on ``day``, when the builders' first vote is given (T0 is 10:00 too)."""
    return datetime(day.year, day.month, day.day, T0.hour, tzinfo=UTC)


def r0() -> Session:
    return made_round("r0", date(2025, 12, 1), "LP", [("c1", "q1", "m1", "up")], {}, minutes=10)


def r1() -> Session:
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "up"),
        ("c1", "q1", "m3", "middle"),
        ("c1", "q1", "m4", "down"),
        ("c2", "q1", "m1", "middle"),
        ("c2", "q1", "m2", "down"),
        ("c2", "q1", "m3", "up"),
    ]
    made = made_round(
        "r1",
        date(2026, 1, 10),
        "LLPP",
        rows,
        {"c1": "do_not_recommend", "c2": "recommend"},
        minutes=60,
        pay={"m1": PER_SESSION},
    )
    later = on(date(2026, 1, 10)) + timedelta(minutes=1)
    change = VoteEvent(
        candidate="c1", question="q1", member="m3", value="down", at=later, after_reveal=True
    )
    # The chair shows C2's votes with three of four in; member 4 votes after.
    reveal = Reveal(candidate="c2", question="q1", at=later)
    after = VoteEvent(
        candidate="c2", question="q1", member="m4", value="up", at=later, after_reveal=True
    )
    return made.model_copy(update={"votes": [*made.votes, change, after], "reveals": [reveal]})


def r2() -> Session:
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "middle"),
        ("c2", "q1", "m1", "middle"),
        ("c2", "q1", "m2", "middle"),
    ]
    pay = {"m1": PER_SESSION.model_copy(update={"expenses": Decimal("5")})}
    return made_round(
        "r2",
        date(2026, 3, 5),
        "LPO",
        rows,
        {"c1": "recommend"},
        minutes=30,
        candidates=(("c1", "Alex"), ("c2", "Bo"), ("c3", "Cy")),
        pay=pay,
    )


def practice() -> Session:
    rows = [("c1", "q1", "m1", "down"), ("c1", "q1", "m2", "up")]
    made = made_round("p1", date(2026, 4, 1), "LP", rows, {}, minutes=20)
    return made.model_copy(update={"mode": "practice"})


def r3() -> Session:
    rows = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up")]
    return made_round("r3", date(2026, 6, 1), "PP", rows, {"c1": "recommend"}, minutes=90)


def every_session() -> list[Session]:
    return [r3(), practice(), r1(), r0(), r2()]  # any order: the report sorts by date
