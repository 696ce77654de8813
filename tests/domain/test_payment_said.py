"""What the payment box says: notes saved on the log's hours, and refusals kept short."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from panel_tui.domain.involvement import InvolvementError
from panel_tui.domain.payment_form import PaymentTyped, notes_changes, saved_words
from panel_tui.domain.payment_notes import Involvement
from tests.domain.payment_day import the_day

#: The one day the_day() ran, on the laptop.
ONE_DAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("seat", "log_hours"),
    [
        (1, "3.17"),  # m1: by the hour, on the log's 09:30 to 12:40
        (2, "3.17"),  # m2: by the block, on the log's hours too
        (4, None),  # m4: by the session: hours change nothing
        (5, None),  # m5: by the hour, on the times the chair set
        (3, None),  # m3: no rate noted
    ],
)
def test_notes_saved_say_when_pay_rests_on_the_logs_hours(seat: int, log_hours: str | None) -> None:
    # Found by a new user: a chair who left the times empty under-paid a member
    # who sat longer than the votes ran, and only the command line said so.
    said = saved_words(the_day(), seat, {})
    assert said.startswith(f"Saved the payment notes for Seat {seat}.")
    if log_hours is None:
        assert said == f"Saved the payment notes for Seat {seat}."
    else:
        assert f" {log_hours} hours from the log, from the first to the last vote" in said
        assert said.endswith("where they sat longer, type the times sat.")


def test_a_member_who_declined_payment_is_not_told_of_the_logs_hours() -> None:
    session = the_day()
    declined = [
        m.model_copy(
            update={"involvement": Involvement(rate=Decimal("15"), per="hour", declined=True)}
        )
        if m.seat == 1
        else m
        for m in session.panel
    ]
    said = saved_words(session.model_copy(update={"panel": declined}), 1, {})
    assert said == "Saved the payment notes for Seat 1."


def test_a_long_text_refused_as_times_is_quoted_short() -> None:
    # Found by a tester: a page pasted into the times was quoted whole, and the
    # refusal's nineteen lines hid the box's buttons at 80x24.
    typed = PaymentTyped(times={ONE_DAY: "x" * 1000})
    with pytest.raises(InvolvementError) as refused:
        notes_changes(the_day(), 1, typed)
    said = str(refused.value)
    assert len(said) < 160 and '"xxxx' in said and '..." is not a time sat' in said
