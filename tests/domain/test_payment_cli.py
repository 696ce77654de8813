"""``panel-tui payment``: the chair notes a member's rate, expenses and times."""

from __future__ import annotations

import csv
import io
import time
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from tests.domain.helpers import laptop_zone
from tests.domain.payment_day import the_day


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    day = the_day()
    # No notes yet: the chair adds them with the command.
    Store(folder).save(
        day.model_copy(
            update={"panel": [m.model_copy(update={"involvement": None}) for m in day.panel]}
        )
    )
    return folder


def moved(data: Path, to: date, *, second_day: str = "") -> None:
    """The stored day moved to ``to``; the votes on candidate ``second_day`` a day later."""
    store = Store(data)
    session = store.load("s1")
    by = timedelta(days=(to - date(2026, 11, 23)).days)
    votes = [
        v.model_copy(update={"at": v.at + by + timedelta(days=v.candidate == second_day)})
        for v in session.votes
    ]
    notes = [n.model_copy(update={"at": n.at + by}) for n in session.notes]
    store.save(session.model_copy(update={"votes": votes, "notes": notes}), replace=True)


def payment(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "payment", "s1", *args])


def record(data: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    capsys.readouterr()
    assert main(["--data-dir", str(data), "export", "s1", "--format", "involvement-csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_notes_set_one_at_a_time_are_kept_together(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        payment(data, "--seat", "2", "--rate", "£25", "--per", "block", "--block-hours", "2") == 0
    )
    assert payment(data, "--seat", "2", "--expenses", "12.40", "--expenses-note", "Bus") == 0
    assert payment(data, "--seat", "4", "--rate", "60", "--declined") == 0
    out = capsys.readouterr().out
    assert "Seat 2, Member 2, Lived experience: 3.17 hours (from the log)" in out
    rows = record(data, capsys)
    assert (rows[1]["rate"], rows[1]["rate_per"], rows[1]["fee"], rows[1]["expenses"]) == (
        "25.00",
        "block of 2 hours",
        "50.00",
        "12.40",
    )
    assert (rows[1]["expenses_note"], rows[1]["total_payable"]) == ("Bus", "62.40")
    assert (rows[3]["rate_per"], rows[3]["declined_payment"], rows[3]["total_payable"]) == (
        "session",
        "yes",
        "0.00",
    )
    assert payment(data, "--seat", "4", "--accepts") == 0
    assert record(data, capsys)[3]["total_payable"] == "60.00"


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset to change the zone")
def test_times_are_the_laptops_local_time(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    moved(data, date(2026, 7, 1))
    with laptop_zone("Europe/London"):
        # Summer: 09:30 in London is 08:30 UTC; the record gives the times as
        # typed, with the offset, so finance reads the clock the chair read.
        args = ("--seat", "5", "--time", "09:30-11:00", "--day", "2026-07-01")
        assert payment(data, *args) == 0
        fifth = record(data, capsys)[4]
        assert (fifth["times"], fifth["minutes"], fifth["time_from"]) == (
            "2026-07-01 09:30-11:00 UTC+01:00",
            "90",
            "chair",
        )
        assert payment(data, "--seat", "5", "--log-times") == 0
        assert record(data, capsys)[4]["time_from"] == "event log"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--seat", "9", "--rate", "10"), "There is no member in seat 9; the seats are 1, 2"),
        (
            ("--seat", "1", "--rate", "ten"),
            'the rate must be an amount of money of at least 0, such as 15.50 (it is "ten")',
        ),
        (
            ("--seat", "1", "--rate", "10.001"),
            "the rate must have at most two figures after the point, such as 15.50 "
            '(it is "10.001")',
        ),
        (("--seat", "1", "--per", "block"), "a rate per block needs the hours in one block"),
        (
            (
                "--seat",
                "1",
            ),
            "Nothing to change",
        ),
        (
            (
                "--rate",
                "10",
            ),
            "Say whose notes to change with --seat N",
        ),
    ],
)
def test_notes_that_make_no_sense_are_refused_in_plain_words(
    data: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert payment(data, *args) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert all(row["rate"] == "" for row in record(data, capsys))  # nothing was saved


def test_a_rate_per_block_without_its_hours_names_the_option_to_add(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a tester: "Seat 2: the hours in a block a rate per block needs the
    # hours in one block." named no option, and read as two sentences run together.
    assert payment(data, "--seat", "2", "--rate", "15", "--per", "block") == 1
    assert capsys.readouterr().err == (
        "panel-tui: Seat 2: a rate per block needs the hours in one block "
        "(add --block-hours, for example --block-hours 3).\n"
    )
    assert payment(data, "--seat", "2", "--rate", "15", "--per", "block", "--block-hours", "3") == 0


def test_a_badly_written_time_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        payment(data, "--seat", "1", "--time", "half nine")
    assert "write it as start-end, such as 09:30-12:40" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("10:00-10:00", '"10:00-10:00" is no time at all'),  # no time at all
        ("15:00-13:30", '"15:00-13:30" would run past midnight to 13:30 the next day'),  # swapped
        ("9:30-8:00", "22 hours 30 minutes. Write the start first"),
    ],
)
def test_a_time_that_ends_before_it_starts_is_said_once_plainly(
    data: Path, capsys: pytest.CaptureFixture[str], typed: str, said: str
) -> None:
    # Found by a tester: "Seat 1: the times sat the end of a time sat must come
    # after its start." An end before the start is the next day up to 12 hours
    # on (tests/domain/test_times_past_midnight.py); beyond, a slip, said once.
    with pytest.raises(SystemExit):
        payment(data, "--seat", "1", "--time", typed)
    err = capsys.readouterr().err
    assert err.count(said) == 1 and "Traceback" not in err
    assert Store(data).load("s1").member("m1").involvement is None


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset to change the zone")
def test_a_sitting_past_midnight_is_one_time_sat(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found in testing: 23:00 to 01:00 was refused and had to be two times on two days.
    with laptop_zone("Europe/London"):
        assert payment(data, "--seat", "1", "--rate", "20", "--per", "hour") == 0
        assert payment(data, "--seat", "1", "--time", "23:00-01:00") == 0
        out = capsys.readouterr().out
        assert "Times sat by seat 1: 2026-11-23 23:00 UTC to 2026-11-24 01:00 UTC." in out
        first = record(data, capsys)[0]
    assert (first["minutes"], first["hours"], first["fee"], first["fee_basis"]) == (
        "120",
        "2.00",
        "40.00",
        "120 minutes / 60 x 20.00 = 40.00",
    )


def test_each_members_line_reads_as_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A tester saw "1 interviews, 1 answers scored" and "(Observer (does not vote))".
    Store(tmp_path).save(the_day())
    assert main(["--data-dir", str(tmp_path), "payment", "s1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith(
        "Seat 2, Member 2, Lived experience: 3.17 hours (from the log), 1 interview sat, "
        "2 answers scored; "
    )
    assert lines[4].startswith("Seat 5, Member 5, Observer (does not vote): 2.00 hours")


def test_times_for_a_session_of_two_days_need_their_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Votes on two days: --time without --day went on the first day, silently
    # (found by a tester). Now the chair is asked which day.
    day = the_day()
    next_day = day.votes[-1].model_copy(update={"at": day.votes[-1].at + timedelta(days=1)})
    folder = tmp_path / "sessions"
    Store(folder).save(day.model_copy(update={"votes": [*day.votes, next_day]}))
    capsys.readouterr()
    assert payment(folder, "--seat", "1", "--time", "09:30-12:40") == 1
    assert capsys.readouterr().err == (
        "panel-tui: This session ran on 2 days (23 and 24 November 2026): "
        "say which day --time is on with --day, such as --day 2026-11-24.\n"
    )
    assert payment(folder, "--seat", "1", "--time", "09:30-12:40", "--day", "2026-11-24") == 0
    assert record(folder, capsys)[0]["times"] == "2026-11-24 09:30-12:40 UTC"
    # The other day goes in next, and the first stays (it was replaced: found by a review).
    assert payment(folder, "--seat", "1", "--time", "10:00-11:00", "--day", "2026-11-23") == 0
    (first, *_) = record(folder, capsys)
    assert first["times"] == "2026-11-23 10:00-11:00 UTC; 2026-11-24 09:30-12:40 UTC"
    assert first["minutes"] == str(60 + 190)
    # Typed again for a day, that day's times are replaced, not added to; every
    # day's times are said, so one kept on a mistyped day shows.
    assert payment(folder, "--seat", "1", "--time", "10:00-10:30", "--day", "2026-11-23") == 0
    assert (
        "Times sat by seat 1: 2026-11-23 10:00-10:30 UTC; 2026-11-24 09:30-12:40 UTC.\n"
        in capsys.readouterr().out
    )
    # A day is cleared by typing no time for it.
    assert payment(folder, "--seat", "1", "--time", "", "--day", "2026-11-23") == 0
    assert "Times sat by seat 1: 2026-11-24 09:30-12:40 UTC.\n" in capsys.readouterr().out


def test_hours_from_the_log_say_where_they_come_from_when_paid_by_the_hour(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A log of a few minutes gave "0.05 hours (from the log)" and a fee to match,
    # with no word of why or what to do (found by a tester).
    hint = "Hours from the log run from the first to the last vote, note or decision"
    capsys.readouterr()
    assert payment(data, "--seat", "1", "--rate", "15", "--per", "hour") == 0
    assert hint in capsys.readouterr().out
    assert payment(data, "--seat", "1", "--time", "09:00-12:45") == 0
    assert hint not in capsys.readouterr().out  # the chair's times: nothing to say


def test_a_day_the_session_did_not_run_is_refused_and_nothing_changes(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --day 2025-01-01 was saved: the real day then counted no time (found by a tester).
    assert payment(data, "--seat", "1", "--day", "2025-01-01", "--time", "09:30-10:00") == 1
    said = capsys.readouterr().err
    assert (
        "This session did not run on 1 January 2025: it ran on 23 November 2026 "
        "(--day 2026-11-23)." in said
    )
    assert Store(data).load("s1").member("m1").involvement is None


def test_times_that_overlap_are_refused_not_counted_twice(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 09:00-10:00 and 09:30-11:00 were saved as 2.5 hours (found by a tester).
    assert payment(data, "--seat", "3", "--time", "09:00-10:00", "--time", "09:30-11:00") == 1
    said = capsys.readouterr().err
    assert "the times sat 09:00-10:00 and 09:30-11:00 on 23 November 2026 overlap" in said
    assert Store(data).load("s1").member("m3").involvement is None


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset to change the zone")
def test_a_time_the_clocks_skipped_is_said_plainly_with_no_traceback(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In London the clocks went from 01:00 to 02:00 on 29 March 2026; the
    # command printed a traceback where the payment box gave a sentence.
    moved(data, date(2026, 3, 29))
    with laptop_zone("Europe/London"):
        assert payment(data, "--seat", "1", "--time", "01:15-01:45") == 1
    said = capsys.readouterr().err
    assert said.startswith("panel-tui: 01:15 on 29 March 2026 never showed on this laptop's clock")
    assert "Traceback" not in said


def test_a_day_left_without_times_is_said_once_another_has_them(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Times set for one day of two: the other counts no time, which finance
    # would not see from "Saved" alone.
    moved(data, date(2026, 11, 23), second_day="c2")
    assert payment(data, "--seat", "1", "--day", "2026-11-23", "--time", "09:30-10:30") == 0
    said = capsys.readouterr().out
    assert "No times are set for seat 1 on 24 November 2026, so that day counts as no time." in said
    assert payment(data, "--seat", "1", "--day", "2026-11-24", "--time", "11:00-12:30") == 0
    assert "No times are set" not in capsys.readouterr().out


def test_an_hourly_fee_can_be_checked_from_its_own_row(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by finance: 280 minutes at 20.00 an hour is a fee of 93.33, but the row
    # said "hours 4.67", and 4.67 x 20.00 is 93.40. The fee (from the exact minutes)
    # is right; the row now says how it is worked out, from its own figures.
    with laptop_zone("Europe/London"):
        args = ("--rate", "20", "--per", "hour", "--time", "09:30-12:40", "--time", "13:30-15:00")
        assert payment(data, "--seat", "1", *args) == 0
        first = record(data, capsys)[0]
    assert (first["minutes"], first["hours"], first["rate"], first["fee"]) == (
        "280",
        "4.67",  # kept to two decimals, as HR systems read it
        "20.00",
        "93.33",
    )
    assert first["fee_basis"] == "280 minutes / 60 x 20.00 = 93.33"
    # As a spreadsheet checks it: the minutes over 60, times the rate, to the penny.
    worked = Decimal(first["minutes"]) / 60 * Decimal(first["rate"])
    assert worked.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal(first["fee"])
