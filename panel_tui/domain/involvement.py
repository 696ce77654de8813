"""The involvement record: each member's time, interviews and answers, for payment.

Lived-experience members are paid for their time (PRODUCT.md section 8). For
each member of a session this works out:

- **time**: the times the chair set for the member
  (:attr:`~panel_tui.domain.models.Involvement.times`) or, when none are set,
  from the first to the last event of the session (vote, note, reveal or
  decision) on each day, in UTC, added up over the days; to the minute;
- **interviews sat**: for a voting member, the candidates they gave a vote on
  (an abstention included: they were in the room); for an observer, the
  interviews the panel held (candidates with any vote);
- **answers scored**: the member's votes of up, middle or down that stand
  (from :func:`panel_tui.domain.scoring.score_session`);
- **payment**, when the chair noted a rate: per session, per hour (hours times
  the rate), or per block of hours (a block begun is paid whole), to the penny,
  rounded half up; plus expenses. A member who declined payment is paid no fee,
  and the record says so; expenses they noted are still repaid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from panel_tui.domain.models import Involvement, Member, PayBasis, Session
from panel_tui.domain.scoring import score_session

PENNY = Decimal("0.01")


@dataclass(frozen=True)
class Span:
    """One stretch of time on the panel."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        """Whole minutes, rounded to the nearest."""
        return round((self.end - self.start).total_seconds() / 60)


@dataclass(frozen=True)
class MemberInvolvement:
    """One member's part in one session."""

    session_id: str
    member: Member
    spans: list[Span]
    chair_set: bool  #: the times are the chair's, not the event log's
    interviews: int
    answers: int
    rate: Decimal | None
    per: PayBasis
    block_hours: float | None
    expenses: Decimal
    expenses_note: str
    declined: bool

    @property
    def minutes(self) -> int:
        """Time on the panel in minutes."""
        return sum(span.minutes for span in self.spans)

    @property
    def hours(self) -> Decimal:
        """Time on the panel in hours, to two decimals (for the record)."""
        return (Decimal(self.minutes) / 60).quantize(PENNY, ROUND_HALF_UP)

    @property
    def days(self) -> list[date]:
        """The days sat, in order."""
        return sorted({span.start.date() for span in self.spans})

    @property
    def fee(self) -> Decimal | None:
        """The fee for the time before any is declined; ``None`` with no rate."""
        if self.rate is None:
            return None
        if self.per == "session":
            units = Decimal(1)
        elif self.per == "hour":
            units = Decimal(self.minutes) / 60
        else:
            assert self.block_hours is not None  # the model requires it
            units = Decimal(math.ceil(self.minutes / (self.block_hours * 60) - 1e-9))
        return (self.rate * units).quantize(PENNY, ROUND_HALF_UP)

    @property
    def payable(self) -> Decimal:
        """What finance pays: the fee (none if declined) and the expenses."""
        fee = Decimal(0) if self.declined or self.fee is None else self.fee
        return fee + self.expenses


def _event_times(session: Session) -> list[datetime]:
    moments = [v.at for v in session.votes]
    moments += [n.at for n in session.notes]
    moments += [r.at for r in session.reveals]
    moments += [d.at for d in session.decisions if d.at is not None]
    return moments


def day_spans(session: Session) -> list[Span]:
    """From the first to the last event of the session on each day (UTC)."""
    by_day: dict[date, list[datetime]] = {}
    for moment in _event_times(session):
        by_day.setdefault(moment.date(), []).append(moment)
    return [Span(min(times), max(times)) for _, times in sorted(by_day.items())]


def involvement(session: Session) -> list[MemberInvolvement]:
    """Every member's involvement in the session, by seat."""
    results = score_session(session)
    held = sum(
        r.tally.up + r.tally.middle + r.tally.down + r.tally.abstain > 0 for r in results.ranking
    )
    log_spans = day_spans(session)
    rows = []
    for member in sorted(session.panel, key=lambda m: m.seat):
        notes = member.involvement or Involvement()
        own = [
            (r.candidate, q.votes[member.id])
            for r in results.ranking
            for q in r.questions
            if member.id in q.votes
        ]
        spans = [Span(t.start, t.end) for t in notes.times]
        rows.append(
            MemberInvolvement(
                session_id=session.id,
                member=member,
                spans=spans or log_spans,
                chair_set=bool(spans),
                interviews=len({c for c, _ in own}) if member.votes else held,
                answers=sum(value != "abstain" for _, value in own),
                rate=notes.rate,
                per=notes.per,
                block_hours=notes.block_hours,
                expenses=notes.expenses,
                expenses_note=notes.expenses_note,
                declined=notes.declined,
            )
        )
    return rows
