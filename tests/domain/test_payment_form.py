"""The payment box's fields (domain/payment_form.py): filled from notes, read back into them."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from panel_tui.domain.involvement import (
    InvolvementError,
    days_to_type,
    days_without_times,
    involvement,
    notes_of,
    with_involvement,
)
from panel_tui.domain.models import Session
from panel_tui.domain.payment_form import (
    PaymentTyped,
    notes_changes,
    typed_from,
    unsaved,
)
from panel_tui.domain.payment_notes import Involvement, TimeSat
from tests.domain.helpers import laptop_zone
from tests.domain.payment_day import DAY, PAY, the_day

#: The one day the_day() ran, on the laptop: the box has one field of times sat.
ONE_DAY = date(2026, 11, 23)


def local(hour: int, minute: int) -> datetime:
    """A time on the day of the_day(), in the laptop's time, as the chair types it."""
    return datetime(2026, 11, 23, hour, minute).astimezone()


def test_no_notes_show_empty_fields_and_no_expenses() -> None:
    assert typed_from(None, []) == PaymentTyped()
    assert typed_from(None, [ONE_DAY]).times == {ONE_DAY: ""}
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
    assert typed_from(notes, [ONE_DAY]) == PaymentTyped(
        rate="25.00",
        per="block",
        block="2.5",
        expenses="12.40",
        note="Bus fare",
        declined=True,
        times={ONE_DAY: "09:30-12:40; 13:30-15:00"},
    )


@pytest.mark.parametrize("member", sorted(PAY))
def test_notes_shown_then_saved_unchanged_are_the_same_notes(member: str) -> None:
    session = the_day()
    seat = next(m.seat for m in session.panel if m.id == member)
    before = next(m.involvement for m in session.panel if m.id == member)
    changes = notes_changes(session, seat, typed_from(before, days_to_type(session)))
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
    # An empty rate is no rate; times cleared are no times (the log's are used).
    assert notes_changes(the_day(), 1, PaymentTyped())["rate"] is None
    seat_5 = typed_from(PAY["m5"], [ONE_DAY])
    assert seat_5.times[ONE_DAY] != ""
    cleared = PaymentTyped(**{**seat_5.__dict__, "times": {ONE_DAY: ""}})
    assert notes_changes(the_day(), 5, cleared) == {"times": []}


@pytest.mark.parametrize(
    ("typed", "seat", "message"),
    [
        # Not an amount: named as the rate.
        (PaymentTyped(rate="fifteen"), 1, "the rate"),
        # Too large an amount says so, rather than that it cannot be read.
        (PaymentTyped(rate="12345678.90"), 1, "the rate must be at most 9,999,999.99"),
        # A rate per block needs the block's hours, in the chair's words.
        (PaymentTyped(rate="25", per="block"), 1, "a rate per block needs the hours in one block"),
        # Times not written start-end.
        (
            PaymentTyped(times={ONE_DAY: "9 till 5"}),
            1,
            '"9 till 5" is not a time sat: write it as start-end',
        ),
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


def _seat_1_typed(**typed: object) -> PaymentTyped:
    """Seat 1's notes (15.00 per hour) as shown, with ``typed`` typed over them."""
    return PaymentTyped(**{**typed_from(PAY["m1"], [ONE_DAY]).__dict__, **typed})


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # As shown.
        (_seat_1_typed(), False),
        # The same notes written another way are no change.
        (_seat_1_typed(rate="15"), False),
        (_seat_1_typed(rate=" £15.0 ", expenses="0"), False),
        # Another rate is.
        (_seat_1_typed(rate="15.01"), True),
        # So is text that cannot be read: closing would lose it.
        (_seat_1_typed(rate="fifteen"), True),
        (_seat_1_typed(times={ONE_DAY: "9 till 5"}), True),
        # A note typed, a time added.
        (_seat_1_typed(note="Taxi"), True),
        (_seat_1_typed(times={ONE_DAY: "09:30-10:00"}), True),
    ],
)
def test_unsaved_means_what_was_typed_would_change_the_notes(
    typed: PaymentTyped, expected: bool
) -> None:
    assert unsaved(the_day(), 1, typed) is expected


def _saved_unchanged(notes: Involvement) -> Involvement:
    """Seat 1's notes after the box shows them and the chair saves without a change."""
    session = with_involvement(the_day(), 1, notes.model_dump())
    typed = typed_from(notes, days_to_type(session))
    after = with_involvement(session, 1, notes_changes(session, 1, typed))
    kept = next(m.involvement for m in after.panel if m.seat == 1)
    assert kept is not None
    return kept


def test_times_on_another_day_keep_their_day_when_saved_unchanged() -> None:
    # Set with `panel-tui payment --day` for the session's second day; the box
    # shows only hours and minutes, and read back it put them on the first day.
    second_day = DAY + timedelta(days=1, hours=9)
    notes = Involvement(times=[TimeSat(start=second_day, end=second_day + timedelta(hours=1))])
    assert _saved_unchanged(notes).times == notes.times


def test_hours_in_a_block_keep_every_digit_and_the_fee_when_saved_unchanged() -> None:
    # 20-minute blocks show as 0.333333; read back, an hour became 4 blocks, not 3.
    notes = Involvement(rate=Decimal("5"), per="block", block_hours=0.3333333333)
    after = _saved_unchanged(notes)
    assert after.block_hours == notes.block_hours
    hour = [TimeSat(start=DAY, end=DAY + timedelta(hours=1))]
    fees = [
        involvement(with_involvement(the_day(), 1, {**n.model_dump(), "times": hour}))[0].fee
        for n in (notes, after)
    ]
    assert fees == [Decimal("15.00"), Decimal("15.00")]


def test_only_the_fields_the_chair_changed_are_changed() -> None:
    notes = PAY["m2"]
    typed = typed_from(notes, [ONE_DAY])
    assert notes_changes(the_day(), 2, typed) == {}
    changed = PaymentTyped(**{**typed.__dict__, "rate": "30", "declined": True})
    assert notes_changes(the_day(), 2, changed) == {"rate": "30", "declined": True}


@pytest.fixture
def in_sydney() -> Iterator[None]:
    """The laptop's clock in Sydney, 11 hours ahead of UTC in November."""
    with laptop_zone("Australia/Sydney"):
        yield


@pytest.mark.usefixtures("in_sydney")
def test_typed_times_fall_on_the_laptops_day_of_the_first_vote() -> None:
    # The day's first vote is at 09:30 UTC on 23 November: 20:30 that day in
    # Sydney. At 23:00 UTC it would already be the 24th there.
    session = the_day()
    assert session.first_day == date(2026, 11, 23)
    late = session.model_copy(
        update={
            "votes": [v.model_copy(update={"at": DAY + timedelta(hours=23)}) for v in session.votes]
        }
    )
    assert late.first_day == date(2026, 11, 24)
    changes = notes_changes(late, 1, PaymentTyped(times={late.first_day: "09:00-10:00"}))
    assert changes["times"] == [
        {
            "start": datetime(2026, 11, 24, 9, 0).astimezone(),
            "end": datetime(2026, 11, 24, 10, 0).astimezone(),
        }
    ]


def test_times_on_another_day_keep_their_day_when_a_time_is_added() -> None:
    # The box shows a time on each day as "09:00-10:00", each in its day's field;
    # the chair adds a time to the first day's and saves: both shown keep their days.
    second_day = DAY + timedelta(days=1, hours=9)
    first_day_too = DAY + timedelta(hours=9)
    notes = Involvement(
        times=[
            TimeSat(start=first_day_too, end=first_day_too + timedelta(hours=1)),
            TimeSat(start=second_day, end=second_day + timedelta(hours=1)),
        ]
    )
    session = with_involvement(the_day(), 1, notes.model_dump())
    days = days_to_type(session)
    assert days == [ONE_DAY, date(2026, 11, 24)]
    shown = typed_from(notes, days)
    assert shown.times == {day: "09:00-10:00" for day in days}
    typed = {**shown.times, ONE_DAY: "09:00-10:00; 14:00-15:00"}
    added = PaymentTyped(**{**shown.__dict__, "times": typed})
    after = with_involvement(session, 1, notes_changes(session, 1, added))
    kept = next(m.involvement for m in after.panel if m.seat == 1)
    assert kept is not None
    new = datetime(2026, 11, 23, 14, 0).astimezone()
    assert [t.start for t in kept.times] == [first_day_too, new, second_day]


SECOND_DAY = date(2026, 11, 24)
#: 09:00 on each day of _two_days(), on the laptop's clock.
NINES = [datetime(d.year, d.month, d.day, 9).astimezone() for d in (ONE_DAY, SECOND_DAY)]


def _two_days() -> Session:
    """the_day() with its second candidate interviewed the next morning."""
    session = the_day()
    moved = [
        v.model_copy(update={"at": v.at + timedelta(days=1)}) if v.candidate == "c2" else v
        for v in session.votes
    ]
    notes = [n.model_copy(update={"at": n.at + timedelta(days=1)}) for n in session.notes]
    return session.model_copy(update={"votes": moved, "notes": notes})


def test_a_session_of_two_days_has_its_times_typed_for_each_day() -> None:
    # The box had one field, read as the first day: a member who sat only the
    # second morning was paid for a morning on the first.
    session = _two_days()
    second = date(2026, 11, 24)
    assert days_to_type(session) == [ONE_DAY, second]
    typed = PaymentTyped(times={ONE_DAY: "", second: "09:00-12:30"})
    changes = notes_changes(session, 3, typed)
    start = datetime(2026, 11, 24, 9, 0).astimezone()
    assert changes["times"] == [{"start": start, "end": start + timedelta(hours=3.5)}]
    after = with_involvement(session, 3, changes)
    assert typed_from(notes_of(after, 3), days_to_type(after)).times == {
        ONE_DAY: "",
        second: "09:00-12:30",
    }


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Both days as shown.
        ({}, False),
        # The second day's time changed; the first day's cleared.
        ({SECOND_DAY: "09:00-10:30"}, True),
        ({ONE_DAY: ""}, True),
        # The same time written another way.
        ({SECOND_DAY: "9.00-10:00"}, False),
    ],
)
def test_unsaved_reads_each_day_of_a_session_of_two_days(
    typed: dict[date, str], expected: bool
) -> None:
    hour = [{"start": at_nine, "end": at_nine + timedelta(hours=1)} for at_nine in NINES]
    session = with_involvement(_two_days(), 1, {"times": hour})
    shown = typed_from(notes_of(session, 1), days_to_type(session))
    assert shown.times == {ONE_DAY: "09:00-10:00", SECOND_DAY: "09:00-10:00"}
    changed = PaymentTyped(**{**shown.__dict__, "times": {**shown.times, **typed}})
    assert unsaved(session, 1, changed) is expected


def test_the_days_to_type_are_the_logs_and_any_noted_or_before_a_vote_the_day_made() -> None:
    session = the_day()
    assert days_to_type(session) == [ONE_DAY]
    # A briefing the day before, noted with `panel-tui payment --day`: its field shows.
    before = DAY - timedelta(hours=10)
    briefed = with_involvement(
        session, 2, {"times": [{"start": before, "end": before + timedelta(hours=1)}]}
    )
    assert days_to_type(briefed) == [date(2026, 11, 22), ONE_DAY]
    unsat = session.model_copy(update={"votes": [], "notes": [], "panel": briefed.panel[:1]})
    assert days_to_type(unsat) == [date(2026, 11, 23)]  # the day it was made (builders.T0)


@pytest.mark.parametrize("typed", ["15,50", "1e3", "1_000", "+5", "1,5"])
def test_amounts_nobody_writes_as_money_are_refused_not_misread(typed: str) -> None:
    # "15,50" was read as 1550 and "1e3" as 1000.
    with pytest.raises(
        InvolvementError, match=f'must be an amount of money.*it is "{re.escape(typed)}"'
    ):
        notes_changes(the_day(), 1, PaymentTyped(rate=typed, per="hour"))


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset (not on Windows)")
def test_a_time_the_clock_skipped_is_refused_not_moved_to_the_day_before() -> None:
    # In Santiago the clocks go forward at midnight on 6 September 2026: "00:30"
    # typed for that day was kept as 23:30 on the 5th, shown in the 5th's field,
    # and a chair typing it again would have paid it twice (found by a review).
    day = date(2026, 9, 6)
    with laptop_zone("America/Santiago"):
        with pytest.raises(InvolvementError, match="00:30 on 6 September 2026 never showed"):
            notes_changes(the_day(), 1, PaymentTyped(times={day: "00:30-02:00"}))
        changes = notes_changes(the_day(), 1, PaymentTyped(times={day: "01:30-02:00"}))
    times = changes["times"]
    assert isinstance(times, list)
    assert [t["start"].date() for t in times] == [day]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        # Which day's field, when the box has one for each day (found by a tester).
        ("9-5", '24 November 2026: "9-5" is not a time sat: write it as start-end, such as'),
        # A time written with am or pm is told of the 24-hour clock.
        ("1pm-3pm", "on the 24-hour clock, such as 13:00-15:00 for 1pm to 3pm."),
    ],
)
def test_a_time_that_cannot_be_read_names_its_day_and_how_to_write_it(
    typed: str, message: str
) -> None:
    with pytest.raises(InvolvementError, match=re.escape(message)):
        notes_changes(_two_days(), 1, PaymentTyped(times={ONE_DAY: "", SECOND_DAY: typed}))


def test_a_day_of_the_panel_without_times_is_named_once_another_has_them() -> None:
    session = _two_days()
    assert days_without_times(session, 1) == []  # no times: every day from the log
    hour = [{"start": NINES[0], "end": NINES[0] + timedelta(hours=1)}]
    assert days_without_times(with_involvement(session, 1, {"times": hour}), 1) == [SECOND_DAY]


def test_a_control_character_in_a_note_from_the_command_line_names_the_note() -> None:
    # Found by a tester: "Seat 1: contains a control character" named no field.
    with pytest.raises(InvolvementError) as raised:
        with_involvement(the_day(), 1, {"expenses_note": "\x1b[31mBus"})
    assert str(raised.value) == (
        "Seat 1: the note on expenses contains a control character (U+001B); "
        "remove it and try again."
    )
