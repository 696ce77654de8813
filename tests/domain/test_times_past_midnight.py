"""Times sat past midnight: an evening sitting typed as one time, "22:30-00:30".

Found in testing: "22:30-00:30" was refused ("the times sat must each end after
they start, on the same day"), so an HR officer had to split one sitting into
two times on two days. An end before the start now means the next day, up to
12 hours on: longer than that is far more likely a slip (start and end swapped,
or 1pm written as 01:00) than a sitting, and is refused in words that say so.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from panel_tui.domain.exports.involvement_csv import fee_basis, stretch
from panel_tui.domain.involvement import (
    InvolvementError,
    Span,
    days_without_times,
    involvement,
    with_involvement,
)
from panel_tui.domain.payment_form import PaymentTyped, notes_changes, saved_words, unsaved
from panel_tui.domain.payment_typed import parse_times
from tests.domain.helpers import laptop_zone
from tests.domain.payment_day import the_day

#: The one day the_day() ran, on the laptop.
ONE_DAY = date(2026, 11, 23)

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")


@pytest.fixture(autouse=True)
def london() -> Iterator[None]:
    with laptop_zone("Europe/London"):
        yield


@pytest.mark.parametrize(
    ("typed", "start", "end", "minutes"),
    [
        ("09:30-12:40", (23, 9, 30), (23, 12, 40), 190),  # the same day, as before
        ("22:30-00:30", (23, 22, 30), (24, 0, 30), 120),  # past midnight
        ("23:00-01:00", (23, 23, 0), (24, 1, 0), 120),
        ("23:59-00:00", (23, 23, 59), (24, 0, 0), 1),
        ("18:00-06:00", (23, 18, 0), (24, 6, 0), 720),  # the longest past midnight
    ],
)
def test_an_end_before_the_start_is_the_next_day(
    typed: str, start: tuple[int, int, int], end: tuple[int, int, int], minutes: int
) -> None:
    (span,) = parse_times(typed, ONE_DAY)
    assert span["start"] == datetime(2026, 11, *start).astimezone()
    assert span["end"] == datetime(2026, 11, *end).astimezone()
    assert Span(span["start"], span["end"]).minutes == minutes


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "10:00-10:00",
            '"10:00-10:00" is no time at all: the end must come after the start, '
            "such as 10:00-11:30.",
        ),
        (
            "15:00-13:30",
            '"15:00-13:30" would run past midnight to 13:30 the next day, 22 hours 30 minutes. '
            "Write the start first, on the 24-hour clock (1pm is 13:00); a time sat past "
            "midnight, such as 22:30-00:30, can be up to 12 hours.",
        ),
        (
            "12:00-01:00",  # 1pm written as 01:00
            '"12:00-01:00" would run past midnight to 01:00 the next day, 13 hours. '
            "Write the start first, on the 24-hour clock (1pm is 13:00); a time sat past "
            "midnight, such as 22:30-00:30, can be up to 12 hours.",
        ),
        (
            "18:00-06:01",
            '"18:00-06:01" would run past midnight to 06:01 the next day, 12 hours 1 minute. '
            "Write the start first, on the 24-hour clock (1pm is 13:00); a time sat past "
            "midnight, such as 22:30-00:30, can be up to 12 hours.",
        ),
    ],
)
def test_no_time_or_a_slip_past_midnight_is_refused_in_words(typed: str, said: str) -> None:
    with pytest.raises(InvolvementError) as refused:
        parse_times(typed, ONE_DAY)
    assert str(refused.value) == said


def test_a_sitting_past_midnight_is_paid_and_explained_on_its_minutes() -> None:
    # Seat 1 is paid 15.00 by the hour: two hours past midnight are 30.00, and
    # the hours, the fee and finance's fee_basis all read the same 120 minutes.
    session = the_day()
    typed = PaymentTyped(rate="15.00", per="hour", times={ONE_DAY: "22:30-00:30"})
    saved = with_involvement(session, 1, notes_changes(session, 1, typed))
    row = next(r for r in involvement(saved) if r.member.seat == 1)
    assert (row.minutes, str(row.hours), str(row.fee)) == (120, "2.00", "30.00")
    assert fee_basis(row) == "120 minutes / 60 x 15.00 = 30.00"
    assert [stretch(s) for s in row.spans] == ["2026-11-23 22:30 UTC to 2026-11-24 00:30 UTC"]
    assert row.days == [ONE_DAY]  # the day the sitting began, where the box shows it
    # Shown back as typed, and saved again unchanged.
    assert not unsaved(saved, 1, typed)
    # The saved line says which day the end is on.
    changes = notes_changes(session, 1, typed)
    assert "Seat 1 sat 22:30 on 23 November 2026 to 00:30 the next day." in saved_words(
        saved, 1, changes
    )


def test_a_sitting_past_midnight_is_said_only_in_the_save_that_set_its_times() -> None:
    # Found by a review: every later save said the sitting again, even of the rate alone.
    session = the_day()
    typed = PaymentTyped(rate="15.00", per="hour", times={ONE_DAY: "22:30-00:30"})
    saved = with_involvement(session, 1, notes_changes(session, 1, typed))
    new_rate = PaymentTyped(rate="16.00", per="hour", times={ONE_DAY: "22:30-00:30"})
    changes = notes_changes(saved, 1, new_rate)
    assert changes == {"rate": "16.00"}
    assert saved_words(with_involvement(saved, 1, changes), 1, changes) == (
        "Saved the payment notes for Seat 1."
    )


def test_a_sitting_past_midnight_overlapping_the_next_days_time_is_refused() -> None:
    session = the_day()
    typed = PaymentTyped(
        times={ONE_DAY: "22:30-00:30", ONE_DAY + timedelta(days=1): "00:00-01:00"},
    )
    with pytest.raises(InvolvementError) as refused:
        notes_changes(session, 1, typed)
    assert "22:30-00:30 and 00:00-01:00" in str(refused.value)
    assert "overlap" in str(refused.value)


#: The day after the_day(): a sitting past midnight ends on it.
NEXT_DAY = ONE_DAY + timedelta(days=1)


@pytest.mark.parametrize(
    ("next_day_votes", "typed", "without_times"),
    [
        # The panel voted on past midnight, within the sitting: the next day's
        # votes are covered by the time typed on the first day.
        ([(0, 10)], "22:30-00:30", []),
        # The sitting typed ended before those votes: the next day needs its times.
        ([(0, 10)], "22:30-23:50", [NEXT_DAY]),
        # A separate sitting on the next day (found by a reviewer: no warning,
        # and the morning was paid nothing).
        ([(10, 0)], "22:30-00:30", [NEXT_DAY]),
        # Both: votes within the sitting and a sitting of its own later that day.
        ([(0, 10), (10, 0)], "22:30-00:30", [NEXT_DAY]),
        # A vote at the very minute the sitting ends is within it.
        ([(0, 30)], "22:30-00:30", []),
    ],
)
def test_a_day_a_sitting_past_midnight_reaches_needs_times_only_after_it_ends(
    next_day_votes: list[tuple[int, int]], typed: str, without_times: list[date]
) -> None:
    day = the_day()
    later = [
        day.votes[-1].model_copy(update={"at": datetime(2026, 11, 24, hour, minute).astimezone()})
        for hour, minute in next_day_votes
    ]
    session = day.model_copy(update={"votes": [*day.votes, *later]})
    changes: dict[str, object] = {"times": parse_times(typed, ONE_DAY)}
    assert days_without_times(with_involvement(session, 1, changes), 1) == without_times


def test_a_sitting_of_one_minute_is_explained_in_the_singular() -> None:
    # Found by an HR officer: finance's fee_basis read "1 minutes / 60 x 18.50".
    session = the_day()
    typed = PaymentTyped(rate="18.50", per="hour", times={ONE_DAY: "09:00-09:01"})
    saved = with_involvement(session, 1, notes_changes(session, 1, typed))
    row = next(r for r in involvement(saved) if r.member.seat == 1)
    assert fee_basis(row) == "1 minute / 60 x 18.50 = 0.31"
