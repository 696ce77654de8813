"""The payment box's fields (domain/payment_form.py): filled from notes, read back into them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from panel_tui.domain.involvement import InvolvementError, with_involvement
from panel_tui.domain.payment_form import PaymentTyped, notes_changes, typed_from
from panel_tui.domain.payment_notes import Involvement, TimeSat
from tests.domain.payment_day import PAY, the_day


def local(hour: int, minute: int) -> datetime:
    """A time on the day of the_day(), in the laptop's time, as the chair types it."""
    return datetime(2026, 11, 23, hour, minute).astimezone()


def test_no_notes_show_empty_fields_and_no_expenses() -> None:
    assert typed_from(None) == PaymentTyped()
    assert PaymentTyped().expenses == "0.00"


def test_notes_show_as_the_chair_would_type_them() -> None:
    notes = Involvement(
        rate=Decimal("25"),
        per="block",
        block_hours=2.5,
        expenses=Decimal("12.4"),
        expenses_note="Bus fare",
        declined=True,
        times=[
            TimeSat(start=local(9, 30), end=local(12, 40)),
            TimeSat(start=local(13, 30), end=local(15, 0)),
        ],
    )
    assert typed_from(notes) == PaymentTyped(
        rate="25.00",
        per="block",
        block="2.5",
        expenses="12.40",
        note="Bus fare",
        declined=True,
        times="09:30-12:40; 13:30-15:00",
    )


@pytest.mark.parametrize("member", sorted(PAY))
def test_notes_shown_then_saved_unchanged_are_the_same_notes(member: str) -> None:
    session = the_day()
    seat = next(m.seat for m in session.panel if m.id == member)
    before = next(m.involvement for m in session.panel if m.id == member)
    changes = notes_changes(session, seat, typed_from(before))
    after = with_involvement(session, seat, changes)
    assert next(m.involvement for m in after.panel if m.id == member) == before


def test_amounts_are_read_as_people_write_them() -> None:
    typed = PaymentTyped(rate=" £1,015.50 ", per="hour", expenses="", note="  Taxi  ")
    changes = notes_changes(the_day(), 1, typed)
    assert (changes["rate"], changes["expenses"], changes["expenses_note"]) == (
        "1015.50",
        "0",
        "Taxi",
    )
    # An empty rate is no rate; no times typed is no times (the log's are used).
    assert notes_changes(the_day(), 1, PaymentTyped())["rate"] is None
    assert notes_changes(the_day(), 1, PaymentTyped())["times"] == []


@pytest.mark.parametrize(
    ("typed", "seat", "message"),
    [
        # Not an amount: named as the rate.
        (PaymentTyped(rate="fifteen"), 1, "the rate"),
        # A rate per block needs the block's hours, in the chair's words.
        (PaymentTyped(rate="25", per="block"), 1, "a rate per block needs the hours in one block"),
        # Times not written start-end.
        (PaymentTyped(times="9 till 5"), 1, '"9 till 5" is not a time sat: write it as start-end'),
        # A control character in the note is named, as in every box.
        (PaymentTyped(note="Bus\x07"), 1, "What the expenses were for"),
        # No member in that seat: the seats there are.
        (PaymentTyped(), 9, "There is no member in seat 9; the seats are 1, 2, 3, 4, 5."),
    ],
)
def test_what_cannot_be_kept_is_said_in_plain_words(
    typed: PaymentTyped, seat: int, message: str
) -> None:
    with pytest.raises(InvolvementError, match=message) as raised:
        notes_changes(the_day(), seat, typed)
    assert "pydantic" not in str(raised.value) and "Decimal" not in str(raised.value)
