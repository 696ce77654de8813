"""The involvement record for payment, against a day worked out by hand.

The day (built in tests/domain/payment_day.py): the first vote at 09:30, the last
at 12:15, a note at 12:40, so the panel sat from 09:30 to 12:40: 190 minutes,
3.17 hours.

| Seat | Role         | Rate noted              | Fee by hand                      | Expenses | Payable |
|------|--------------|-------------------------|----------------------------------|----------|---------|
| 1    | lived exp.   | 15.00 an hour           | 15 x 190 / 60 = 47.50            |          | 47.50   |
| 2    | lived exp.   | 25.00 a block of 2 h    | 190 min begins 2 blocks = 50.00  | 12.40    | 62.40   |
| 3    | professional | none                    | none                             |          | 0.00    |
| 4    | professional | 60.00 a session         | 60.00, declined                  |          | 0.00    |
| 5    | observer     | 10.50 an hour, 09:00-11:00 set by the chair | 10.50 x 2 = 21.00 |    | 21.00   |

Answers scored (up, middle or down that stand) and interviews sat:
m1 3 answers (an abstention on C2 q2 is not scored), 2 interviews; m2 2 and 1;
m3 0 and 1 (abstained, but was in the room); m4 2 and 1; the observer sat the
2 interviews held.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from pydantic import ValidationError

from panel_tui.domain.exports import render
from panel_tui.domain.exports.involvement_csv import stretch
from panel_tui.domain.involvement import InvolvementError, Span, involvement, with_involvement
from panel_tui.domain.models import Member, Session, VoteEvent
from panel_tui.domain.payment_notes import Involvement, TimeSat
from tests.domain.helpers import laptop_zone
from tests.domain.payment_day import at, the_day


def test_the_hand_worked_day() -> None:
    got = [
        (
            r.member.seat,
            r.minutes,
            r.hours,
            r.interviews,
            r.answers,
            r.fee,
            r.declined,
            r.payable,
        )
        for r in involvement(the_day())
    ]
    assert got == [
        (1, 190, Decimal("3.17"), 2, 3, Decimal("47.50"), False, Decimal("47.50")),
        (2, 190, Decimal("3.17"), 1, 2, Decimal("50.00"), False, Decimal("62.40")),
        (3, 190, Decimal("3.17"), 1, 0, None, False, Decimal("0")),
        (4, 190, Decimal("3.17"), 1, 2, Decimal("60.00"), True, Decimal("0")),
        (5, 120, Decimal("2.00"), 2, 0, Decimal("21.00"), False, Decimal("21.00")),
    ]


def test_the_csv_for_finance() -> None:
    rows = list(csv.DictReader(io.StringIO(render(the_day(), "involvement-csv"))))
    first, second, third, fourth, fifth = rows
    assert first["days"] == "2026-11-23"
    assert first["times"] == "2026-11-23 09:30-12:40 UTC"
    assert (first["time_from"], first["minutes"], first["hours"]) == ("event log", "190", "3.17")
    assert (first["member"], first["role"]) == ("Member 1", "Lived experience")
    assert (first["rate"], first["rate_per"], first["fee"], first["total_payable"]) == (
        "15.00",
        "hour",
        "47.50",
        "47.50",
    )
    assert (second["rate_per"], second["fee"], second["expenses"]) == (
        "block of 2 hours",
        "50.00",
        "12.40",
    )
    assert second["expenses_note"] == "'=Bus fare"  # neutralised
    assert second["total_payable"] == "62.40"
    assert (third["rate"], third["fee"], third["total_payable"]) == ("", "", "0.00")
    # Declined: no fee in the column a payroll clerk adds up (found by an HR officer).
    assert (fourth["rate"], fourth["declined_payment"], fourth["fee"]) == ("60.00", "yes", "0.00")
    assert fourth["total_payable"] == "0.00"
    assert (fifth["time_from"], fifth["times"], fifth["interviews_sat"]) == (
        "chair",
        "2026-11-23 09:00-11:00 UTC",
        "2",
    )
    # How each fee is worked out, from the row's own figures (found by finance:
    # the hours, rounded for the record, times the rate did not give the fee).
    assert [row["fee_basis"] for row in rows] == [
        "190 minutes / 60 x 15.00 = 47.50",  # 3.17 x 15.00 would be 47.55
        "2 blocks of 2 hours x 25.00 = 50.00",
        "",
        "payment declined",
        "120 minutes / 60 x 10.50 = 21.00",
    ]


def test_time_over_two_days_adds_up_each_day() -> None:
    day = the_day()
    later = VoteEvent(candidate="c1", question="q1", member="m1", value="up", at=at(24 + 9, 0))
    earlier = later.model_copy(update={"at": at(24 + 8, 30)})
    two_days = day.model_copy(update={"votes": [*day.votes, earlier, later]})
    (first, *_) = involvement(two_days)
    assert first.minutes == 190 + 30
    assert [d.isoformat() for d in first.days] == ["2026-11-23", "2026-11-24"]


def test_a_session_file_without_payment_notes_still_loads() -> None:
    data = the_day().model_dump(mode="json")
    for member in data["panel"]:
        del member["involvement"]
    loaded = Session.model_validate(data)
    assert all(m.involvement is None for m in loaded.panel)


def test_payment_notes_read_back_from_json_exactly() -> None:
    data = the_day().model_dump(mode="json")
    assert data["panel"][1]["involvement"]["expenses"] == "12.40"
    assert Session.model_validate(data) == the_day()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"rate": "10", "per": "block"},
            "block_hours\n.*a rate per block needs the hours in one block",
        ),
        ({"rate": "-5"}, "greater than or equal to 0"),
        ({"rate": "10.001"}, "decimal places"),
        (
            {"times": [{"start": "2026-11-23T12:00:00Z", "end": "2026-11-23T11:00:00Z"}]},
            "must each end after they start",
        ),
    ],
)
def test_payment_notes_that_make_no_sense_are_refused(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Member(id="m1", name="Sam", role="lived_experience", seat=1, involvement=fields)  # type: ignore[arg-type]


def test_a_rate_per_block_without_its_hours_is_said_as_one_sentence() -> None:
    # Found by a tester: "Seat 2: the hours in a block a rate per block needs the
    # hours in one block." (the field's words before a sentence of its own).
    with pytest.raises(InvolvementError) as refused:
        with_involvement(the_day(), 2, {"rate": "15", "per": "block", "block_hours": None})
    assert str(refused.value) == "Seat 2: a rate per block needs the hours in one block."
    assert refused.value.field == "block_hours"
    # A problem that is only the end of a sentence still follows the field's words.
    with pytest.raises(InvolvementError) as refused:
        with_involvement(the_day(), 2, {"per": "block", "block_hours": 30})
    assert str(refused.value) == (
        "Seat 2: the hours in a block must be a number of hours from more than 0 to 24, "
        "such as 3 (it is 30)."
    )


def test_days_and_their_spans_are_the_laptops_days() -> None:
    # In Sydney (UTC+11 in November) a morning panel begins the day before in
    # UTC. Its payment record gives the day it sat, the summary's date, and one
    # span from the first event to the last, not two split at UTC's midnight.
    day = the_day()
    morning = [
        VoteEvent(candidate="c1", question="q1", member="m1", value="up", at=at(22, 30)),
        VoteEvent(candidate="c1", question="q2", member="m1", value="up", at=at(24 + 0, 30)),
    ]
    sydney = day.model_copy(update={"votes": morning, "notes": []})
    with laptop_zone("Australia/Sydney"):
        (first, *_) = involvement(sydney)
        assert first.days == [sydney.first_day] == [date(2026, 11, 24)]
        assert first.minutes == 120
        # Finance reads the same day and the clock the panel saw, with its offset.
        assert [stretch(span) for span in first.spans] == ["2026-11-24 09:30-11:30 UTC+11:00"]
    (in_utc, *_) = involvement(sydney)
    assert [d.isoformat() for d in in_utc.days] == ["2026-11-23", "2026-11-24"]


@pytest.mark.parametrize(
    ("zone", "shown"),
    [
        # A UK summer: the clock on the wall, an hour ahead of UTC.
        ("Europe/London", "2026-07-10 10:30-13:40 UTC+01:00"),
        # West of UTC the offset is negative.
        ("America/New_York", "2026-07-10 05:30-08:40 UTC-04:00"),
        # UTC itself is just "UTC".
        ("UTC", "2026-07-10 09:30-12:40 UTC"),
        # Half-hour zones keep their minutes.
        ("Asia/Kolkata", "2026-07-10 15:00-18:10 UTC+05:30"),
    ],
)
def test_times_for_finance_are_the_panels_clock_with_its_offset(zone: str, shown: str) -> None:
    start = datetime(2026, 7, 10, 9, 30, tzinfo=UTC)
    with laptop_zone(zone):
        assert stretch(Span(start, start + timedelta(hours=3, minutes=10))) == shown


@pytest.mark.parametrize(
    ("zone", "start", "shown"),
    [
        # The clocks go back at 02:00 in London: two hours read "01:30-02:30"
        # with one offset (found by a review). Both ends are written in full.
        (
            "Europe/London",
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
            "2026-10-25 01:30 UTC+01:00 to 2026-10-25 02:30 UTC",
        ),
        # Past midnight: the end's own day.
        (
            "Australia/Sydney",
            datetime(2026, 11, 23, 12, 30, tzinfo=UTC),
            "2026-11-23 23:30 UTC+11:00 to 2026-11-24 01:30 UTC+11:00",
        ),
    ],
)
def test_a_stretch_past_midnight_or_a_clock_change_is_written_in_full(
    zone: str, start: datetime, shown: str
) -> None:
    with laptop_zone(zone):
        assert stretch(Span(start, start + timedelta(hours=2))) == shown


def test_times_kept_before_overlaps_were_refused_count_each_minute_once() -> None:
    # A record saved with 09:00-10:00 and 09:30-11:00 counted 2.5 hours; it loads
    # as it was kept, and its time is the 2 hours the member sat.
    session = the_day()
    times = [TimeSat(start=at(9, 0), end=at(10, 0)), TimeSat(start=at(9, 30), end=at(11, 0))]
    panel = [
        m.model_copy(update={"involvement": Involvement(times=times)}) if m.seat == 3 else m
        for m in session.panel
    ]
    third = involvement(session.model_copy(update={"panel": panel}))[2]
    assert (third.member.seat, third.minutes, len(third.spans)) == (3, 120, 2)
