"""The payment box's fields as typed: filled from a member's notes, and read back into them.

The box (``ui/screens/payment.py``) only shows these fields and hands them here:
:func:`typed_from` gives what to show for notes kept before, and
:func:`notes_changes` turns what was typed into the changes
:func:`panel_tui.domain.involvement.with_involvement` keeps, or says in plain
words what is wrong (the refusals of :mod:`panel_tui.domain.involvement`, the
same ``panel-tui payment`` gives).

Times sat are typed a day at a time (``involvement.days_to_type``), as ``panel-tui
payment --day`` takes them: a session that ran on two days has a field for each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from panel_tui.domain.involvement import (
    InvolvementError,
    clock_times,
    day_times,
    involvement,
    notes_of,
    with_involvement,
)
from panel_tui.domain.models import Session, laptop_day
from panel_tui.domain.payment_notes import Involvement, PayBasis, TimeSat
from panel_tui.domain.payment_typed import parse_times, typed_amount
from panel_tui.domain.wording import typed_problem
from panel_tui.domain.words import day_words

#: Said when P is pressed on a practice round's summary, where the key is not offered.
NO_PAY_IN_PRACTICE = "No payment notes in practice: trainees are not paid for a rehearsal."


def takes_payment(session: Session) -> bool:
    """Whether the chair keeps payment notes for the session's members: not in practice,
    where trainees rehearse and are not paid (found on a rehearsal day)."""
    return session.mode != "practice"


@dataclass(frozen=True)
class PaymentTyped:
    """What the payment box holds, as the chair sees and types it."""

    rate: str = ""
    per: PayBasis = "session"
    block: str = ""
    expenses: str = "0.00"
    note: str = ""
    declined: bool = False
    #: Times sat on each day, ``"09:30-12:40; 13:30-15:00"``, in the laptop's time.
    #: A day not here keeps the times noted on it.
    times: Mapping[date, str] = field(default_factory=dict)


def typed_from(notes: Involvement | None, days: Sequence[date]) -> PaymentTyped:
    """The fields as they show a member's notes (empty notes for none kept), with
    the times sat on each of ``days``."""
    notes = notes or Involvement()
    return PaymentTyped(
        rate="" if notes.rate is None else f"{notes.rate:.2f}",
        per=notes.per,
        block="" if notes.block_hours is None else f"{notes.block_hours:g}",
        expenses=f"{notes.expenses:.2f}",
        note=notes.expenses_note,
        declined=notes.declined,
        times={day: "; ".join(_span(t) for t in _on_day(notes, day)) for day in days},
    )


def notes_changes(session: Session, seat: int, typed: PaymentTyped) -> dict[str, object]:
    """The changes to the notes of the member in ``seat``, checked against the session.

    Only the fields the chair changed from what the box showed: a field left as
    shown keeps what was noted exactly (times on another day than the first,
    hours in a block with more digits than are shown).

    Raises:
        InvolvementError: what is wrong with what was typed, in plain words.
    """
    notes = notes_of(session, seat)
    shown = typed_from(notes, list(typed.times))
    note = typed.note.strip()
    problem = typed_problem(note, "What the expenses were for", multiline=True, required=False)
    if problem:
        raise InvolvementError(problem)
    every: dict[str, object] = {
        "rate": typed_amount(typed.rate) or None,
        "per": typed.per,
        "block_hours": typed.block.strip() or None,
        "expenses": typed_amount(typed.expenses) or "0",
        "expenses_note": note,
        "declined": typed.declined,
        "times": day_times(
            notes, {day: _times(text, day, notes) for day, text in typed.times.items()}
        ),
    }
    was, now = asdict(shown), asdict(typed)
    changes = {kept: every[kept] for field, kept in _FIELDS.items() if now[field] != was[field]}
    with_involvement(session, seat, changes)  # checks, in plain words
    return changes


def saved_words(session: Session, seat: int, changes: Mapping[str, object]) -> str:
    """What the summary says once the notes of the member in ``seat`` are saved
    with ``changes`` (as :func:`notes_changes` gave them).

    A time sat past midnight, typed "22:30-00:30", is said back with its days in
    the save that set the times, not again in each later save (of the rate alone).

    Paid by the hour on the log's hours, the hours are said with where they
    come from: a chair who left the times empty under-paid a member who sat
    longer than the votes ran (found by a new user).
    """
    said = f"Saved the payment notes for Seat {seat}."
    for time in notes_of(session, seat).times if "times" in changes else []:
        start, end = time.start.astimezone(), time.end.astimezone()
        if end.date() - start.date() == timedelta(days=1):  # "22:30-00:30", in words
            said += (
                f" Seat {seat} sat {start:%H:%M} on {day_words(start.date())} to "
                f"{end:%H:%M} the next day."
            )
    row = next(r for r in involvement(session) if r.member.seat == seat)
    if row.paid_on_log_hours:
        said += (
            f" {row.hours} hours from the log, from the first to the last vote, note or "
            "decision of each day: where they sat longer, type the times sat."
        )
    return said


def unsaved(session: Session, seat: int, typed: PaymentTyped) -> bool:
    """Whether the fields hold what the notes of the member in ``seat`` do not.

    Text that cannot be read counts (closing the box would lose it); the same
    notes written another way do not ("15" where "15.00" was shown).
    """
    try:
        changes = notes_changes(session, seat, typed)
    except InvolvementError:
        return True
    changed = with_involvement(session, seat, changes)
    return notes_of(changed, seat) != notes_of(session, seat)


def _times(typed: str, day: date, notes: Involvement) -> list[dict[str, datetime]]:
    """Times sat as typed for ``day``; a time shown and left as it was is kept exactly.

    The box shows hours and minutes only: a time noted to the second (by
    ``panel-tui payment`` or an import) stays as it was when another is added.
    """
    kept: dict[str, list[dict[str, datetime]]] = {}
    for time in _on_day(notes, day):
        kept.setdefault(_span(time), []).append({"start": time.start, "end": time.end})
    spans: list[dict[str, datetime]] = []
    for part in (p.strip() for p in typed.split(";")):
        same = kept.get(part)
        try:
            spans += [same.pop(0)] if same else parse_times(part, day)
        except InvolvementError as error:  # which of the box's days, when it has several
            raise InvolvementError(f"{day_words(day)}: {error}") from None
    return spans


def _on_day(notes: Involvement, day: date) -> list[TimeSat]:
    """The times noted on ``day`` (the laptop's day)."""
    return [t for t in notes.times if laptop_day(t.start) == day]


def _span(time: TimeSat) -> str:
    """A time sat as the box shows it, ``"09:30-12:40"``, in the laptop's time."""
    return clock_times(time.start, time.end)


#: The box's fields by the names the notes keep them under.
_FIELDS = {
    "rate": "rate",
    "per": "per",
    "block": "block_hours",
    "expenses": "expenses",
    "note": "expenses_note",
    "declined": "declined",
    "times": "times",
}


__all__ = ["PaymentTyped", "notes_changes", "typed_from", "unsaved"]
