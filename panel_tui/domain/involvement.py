"""The involvement record: each member's time, interviews and answers, for payment.

Lived-experience members are paid for their time (PRODUCT.md section 8). For
each member of a session this works out:

- **time**: the times the chair set for the member
  (:attr:`~panel_tui.domain.models.Involvement.times`) or, when none are set,
  from the first to the last event of the session (vote, note, reveal or
  decision) on each day (the laptop's day, as the summary is dated), added up
  over the days; to the minute;
- **interviews sat**: for a voting member, the candidates on whom a vote of
  theirs stands (an abstention included: they were in the room; a vote still
  sealed too: they sat the interview all the same); for an observer, the
  interviews the panel held (:func:`interviews_held`: candidates with any vote
  that stands), which the rounds report counts as the round's interviews;
- **answers scored**: the member's votes of up, middle or down that stand
  (from :func:`panel_tui.domain.scoring.score_session`);
- **payment**, when the chair noted a rate: per session, per hour (hours times
  the rate), or per block of hours (a block begun is paid whole), to the penny,
  rounded half up; plus expenses. A member who declined payment is paid no fee,
  and the record says so; expenses they noted are still repaid.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from panel_tui.domain.models import Member, Session, laptop_day
from panel_tui.domain.payment_notes import BLOCK_NEEDS_HOURS, Involvement, PayBasis
from panel_tui.domain.scoring import score_session
from panel_tui.domain.wording import explain
from panel_tui.domain.words import day_words, rounded

PENNY = Decimal("0.01")


@dataclass(frozen=True)
class Span:
    """One stretch of time on the panel."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        """Whole minutes, rounded to the nearest (a half minute up, as a spreadsheet rounds)."""
        return int(rounded((self.end - self.start).total_seconds() / 60))


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
        """Time on the panel in minutes; time in two overlapping stretches counts once."""
        return sum(span.minutes for span in _merged(self.spans))

    @property
    def hours(self) -> Decimal:
        """Time on the panel in hours, to two decimals (for the record)."""
        return (Decimal(self.minutes) / 60).quantize(PENNY, ROUND_HALF_UP)

    @property
    def days(self) -> list[date]:
        """The days sat, in order."""
        return _days(self.spans)

    @property
    def paid_on_log_hours(self) -> bool:
        """Paid by the hour or block on the log's hours, which may be fewer than were sat
        (not when payment is declined).

        The log runs from the first to the last vote, note or decision of a day:
        a paid hour from a log of minutes is worth a word (found by a tester).
        """
        paid_by_time = self.rate is not None and self.per != "session" and not self.declined
        return paid_by_time and not self.chair_set

    @property
    def blocks(self) -> int:
        """The blocks of hours begun, each paid whole; 0 unless paid by the block."""
        if self.per != "block" or self.block_hours is None:
            return 0
        return math.ceil(self.minutes / (self.block_hours * 60) - 1e-9)

    @property
    def fee(self) -> Decimal | None:
        """The fee for the time before any is declined; ``None`` with no rate.

        By the hour, from the exact minutes (not the hours rounded for the record).
        """
        if self.rate is None:
            return None
        if self.per == "session":
            units = Decimal(1)
        elif self.per == "hour":
            units = Decimal(self.minutes) / 60
        else:
            units = Decimal(self.blocks)
        return (self.rate * units).quantize(PENNY, ROUND_HALF_UP)

    @property
    def payable(self) -> Decimal:
        """What finance pays: the fee (none if declined) and the expenses."""
        fee = Decimal(0) if self.declined or self.fee is None else self.fee
        return fee + self.expenses


def _merged(spans: list[Span]) -> list[Span]:
    """The stretches in order, those that overlap joined into one.

    The chair's times are refused when they overlap (:func:`with_involvement`);
    a record kept before that was checked still counts each minute once.
    """
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start < merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def clock_times(start: datetime, end: datetime) -> str:
    """A time sat as the chair types it, ``"09:30-12:40"``, on the laptop's clock."""
    return f"{start.astimezone():%H:%M}-{end.astimezone():%H:%M}"


def _event_times(session: Session) -> list[datetime]:
    moments = [v.at for v in session.votes]
    moments += [n.at for n in session.notes]
    moments += [r.at for r in session.reveals]
    moments += [d.at for d in session.decisions if d.at is not None]
    return moments


def day_spans(session: Session) -> list[Span]:
    """From the first to the last event of the session on each day (the laptop's day)."""
    by_day: dict[date, list[datetime]] = {}
    for moment in _event_times(session):
        by_day.setdefault(laptop_day(moment), []).append(moment)
    return [Span(min(times), max(times)) for _, times in sorted(by_day.items())]


def days_sat(session: Session) -> list[date]:
    """The days the panel sat by its log, in order (none before the first event)."""
    return _days(day_spans(session))


def days_to_type(session: Session) -> list[date]:
    """The days times sat are typed for, a day at a time (the payment box's fields,
    ``payment --day``): each day the panel sat by its log and each day a member
    has times noted on; before any vote, the session's day."""
    noted = {
        laptop_day(t.start) for m in session.panel if m.involvement for t in m.involvement.times
    }
    return sorted({*days_sat(session), *noted}) or [session.first_day]


def _days(spans: list[Span]) -> list[date]:
    return sorted({laptop_day(span.start) for span in spans})


def candidates_sat(session: Session) -> dict[str, set[str]]:
    """Each member's candidates (ids) on whom a vote of theirs stands, by member id.

    Every vote that stands counts: an abstention (the member was in the room), a
    vote on an answer still sealed, and one in an earlier round of a practice answer
    asked again. A vote taken back counts not at all.
    """
    standing: dict[tuple[str, str, str, int], bool] = {}
    for vote in session.votes:
        standing[(vote.candidate, vote.question, vote.member, vote.round)] = vote.value is not None
    sat: dict[str, set[str]] = {}
    for (candidate, _, member, _), stands in standing.items():
        if stands:
            sat.setdefault(member, set()).add(candidate)
    return sat


def interviews_held(session: Session, sat: dict[str, set[str]] | None = None) -> int:
    """The interviews the panel held: candidates with any vote that stands (see
    :func:`candidates_sat`, or ``sat`` when already worked out), as every observer sat
    them and the rounds report counts them."""
    return len(set().union(*(candidates_sat(session) if sat is None else sat).values()))


def involvement(session: Session) -> list[MemberInvolvement]:
    """Every member's involvement in the session, by seat."""
    results = score_session(session)
    sat = candidates_sat(session)
    held = interviews_held(session, sat)
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
                interviews=len(sat.get(member.id, ())) if member.can_vote else held,
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


class InvolvementError(ValueError):
    """Payment notes that cannot be kept, in plain words."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        #: The field of the notes at fault (``"block_hours"``), for the command
        #: line to name its option; None when the problem is not one field's.
        self.field = field


def notes_of(session: Session, seat: int) -> Involvement:
    """The notes kept for the member in ``seat`` (empty notes for none, or no such member)."""
    member = next((m for m in session.panel if m.seat == seat), None)
    return (member.involvement if member else None) or Involvement()


def days_without_times(session: Session, seat: int) -> list[date]:
    """The days the panel sat on which the member in ``seat`` has no times, once
    times are set for them on another day: those days count no time.

    A day has times when a time sat begins on it, or when every event logged on it
    falls within a time sat: a sitting past midnight (22:30-00:30) covers the votes
    of the next day before it ends, but not a sitting of that day's own (a vote at
    10:00), which still needs its times.
    """
    times = notes_of(session, seat).times
    started = {laptop_day(t.start) for t in times}
    return [
        laptop_day(span.start)
        for span in day_spans(session)
        if times
        and laptop_day(span.start) not in started
        and not any(t.start <= span.start and span.end <= t.end for t in times)
    ]


def day_times(
    notes: Involvement, typed: dict[date, list[dict[str, datetime]]]
) -> list[dict[str, datetime]]:
    """The times sat once those typed for each day replace the ones noted on it.

    A session of two days has its times typed a day at a time: a day not in
    ``typed`` keeps what was noted on it. In order of start.
    """
    kept = [t.model_dump() for t in notes.times if laptop_day(t.start) not in typed]
    return sorted([*kept, *(t for day in typed.values() for t in day)], key=lambda t: t["start"])


def with_involvement(session: Session, seat: int, changes: dict[str, object]) -> Session:
    """The session with the payment notes of the member in ``seat`` changed.

    Fields not in ``changes`` keep what the chair noted before.

    Raises:
        InvolvementError: no member in that seat, or a value that makes no sense.
    """
    member = next((m for m in session.panel if m.seat == seat), None)
    if member is None:
        seats = ", ".join(str(m.seat) for m in sorted(session.panel, key=lambda m: m.seat))
        raise InvolvementError(f"There is no member in seat {seat}; the seats are {seats}.")
    before = (member.involvement or Involvement()).model_dump()
    try:
        notes = Involvement.model_validate({**before, **changes})
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        field = str(detail["loc"][0]) if detail["loc"] else None
        raise InvolvementError(f"Seat {seat}: {_plain(detail)}", field=field) from None
    if "times" in changes:
        times = sorted(notes.times, key=lambda t: t.start)
        for one, other in itertools.pairwise(times):
            if other.start < one.end:
                raise InvolvementError(
                    f"Seat {seat}: the times sat {clock_times(one.start, one.end)} and "
                    f"{clock_times(other.start, other.end)} on {day_words(laptop_day(one.start))} "
                    "overlap: give each stretch of time once, such as 09:00-11:00."
                )
    panel = [
        m.model_copy(update={"involvement": notes}) if m is member else m for m in session.panel
    ]
    return session.model_copy(update={"panel": panel})


_FIELD_WORDS = {
    "rate": "the rate",
    "expenses": "the expenses",
    "block_hours": "the hours in a block",
    "expenses_note": "the note on expenses",
    "times": "the times sat",
}


def _plain(detail: ErrorDetails) -> str:
    """A problem with payment notes, in the words a chair uses."""
    field = str(detail["loc"][0]) if detail["loc"] else ""
    problem = explain(detail)
    if detail["type"] in ("value_error", "assertion_error") and (
        not field or problem == BLOCK_NEEDS_HOURS
    ):
        return problem + "."  # of the notes as a whole, or naming its field itself
    return f"{_FIELD_WORDS.get(field, field.replace('_', ' '))} {problem}."
