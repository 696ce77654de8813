"""The report across rounds: a decision of "Undecided" worded one way, what was left out named."""

from __future__ import annotations

import csv
import io
import re
import time
from datetime import date, timedelta
from decimal import Decimal

import pytest

from panel_tui.domain.exports.anonymise import anonymised
from panel_tui.domain.exports.rounds_days import day_labels
from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.exports.rounds_words import first_choice_words
from panel_tui.domain.models import Session
from panel_tui.domain.rounds import compare_rounds
from tests.domain.helpers import laptop_zone
from tests.domain.rounds_sessions import PER_SESSION, made_round


def test_a_first_choice_decided_undecided_is_never_said_to_have_no_decision() -> None:
    # The panel saved the decision "Undecided" on C1, its lived-experience first
    # choice. Tied with C2, the report says "C1: Undecided"; alone, the same
    # decision reads "C1: No decision yet", as if the panel had not decided.
    rows = [("c1", "q1", "m1", "up"), ("c2", "q1", "m1", "down")]
    rows += [("c1", "q1", "m2", "up"), ("c2", "q1", "m2", "up")]  # nothing sealed
    alone = made_round("a", date(2026, 2, 2), "LP", rows, {"c1": "undecided"}, minutes=5)
    (only,) = compare_rounds([alone]).rounds
    assert only.first_choices == ["C1"]
    assert first_choice_words(only) == "C1: Undecided"


def test_the_csv_names_each_round_left_out_as_the_md_and_html_do() -> None:
    # Found by a tester: the csv alone gave no sign that six files were left out.
    held = made_round("a", date(2026, 2, 2), "LP", [("c1", "q1", "m1", "up")], {}, minutes=5)
    report = compare_rounds([held], left_out=["=Left out, as it could not be read: x.json"])
    rows = list(csv.DictReader(io.StringIO(render_rounds(report, "csv"))))
    (left,) = [row for row in rows if row["row"] == "left_out"]
    assert left["title"] == "'=Left out, as it could not be read: x.json"  # never a formula
    assert {v for k, v in left.items() if k not in ("row", "title")} == {""}


def test_gaps_both_ways_show_their_size_beside_a_mean_near_zero() -> None:
    # Found by a tester: gaps of -62.5 and +71.9 points read as "Mean voice gap
    # +4.7 points", as if the groups had nearly agreed. Here the lived-experience
    # member scores Alex up and Bo down, the professional the other way round:
    # gaps of +100 and -100 points, a mean of 0 and a size of 100.
    rows = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")]
    rows += [("c2", "q1", "m1", "down"), ("c2", "q1", "m2", "up")]
    split = made_round("a", date(2026, 2, 2), "LP", rows, {}, minutes=5)
    agreed = made_round("b", date(2026, 2, 3), "LP", rows[:2], {}, minutes=5)
    report = compare_rounds([split, agreed])
    assert [(r.mean_gap, r.mean_gap_size) for r in report.rounds] == [(0.0, 1.0), (1.0, 1.0)]
    assert (report.mean_gap, report.mean_gap_size) == (1 / 3, 1.0)
    rows_read = list(csv.DictReader(io.StringIO(render_rounds(report, "csv"))))
    assert [
        (row["row"], row["mean_voice_gap_pct"], row["mean_voice_gap_size_pct"])
        for row in rows_read
        if row["row"] in ("round", "total")
    ] == [("round", "0.0", "100.0"), ("round", "100.0", "100.0"), ("total", "33.3", "100.0")]
    for fmt in ("md", "html"):
        text = render_rounds(report, fmt)
        assert "Size of the voice gap, either way" in text
        assert "100.0 points" in text and "disagreed in both directions" in text


def test_each_round_row_of_the_csv_says_whether_it_was_a_rehearsal() -> None:
    # Found by a tester: only the md and html said "(practice)"; in a spreadsheet a
    # rehearsal's interviews and gaps read as a live round's.
    held = made_round("a", date(2026, 2, 2), "LP", [("c1", "q1", "m1", "up")], {}, minutes=5)
    rehearsal = held.model_copy(update={"id": "p", "mode": "practice"})
    report = compare_rounds([held, rehearsal], include_practice=True)
    rows = list(csv.DictReader(io.StringIO(render_rounds(report, "csv"))))
    assert [(row["row"], row["session"], row["mode"]) for row in rows] == [
        ("round", "a", "live"),
        ("round", "p", "practice"),
        ("total", "", ""),
        ("member", "", ""),
        ("member", "", ""),
    ]


def test_a_report_counting_rehearsals_says_where_the_trainees_figures_are() -> None:
    # Found by a trainer: the rounds report held the rehearsals' mock candidates and
    # voice gaps, and no word of the trainees.
    held = made_round("a", date(2026, 2, 2), "LP", [("c1", "q1", "m1", "up")], {}, minutes=5)
    rehearsal = held.model_copy(update={"id": "p", "mode": "practice"})
    said = "--format trainee-sheets"
    for fmt in ("md", "html"):
        assert said in render_rounds(compare_rounds([held, rehearsal], include_practice=True), fmt)
        assert said not in render_rounds(compare_rounds([held, rehearsal]), fmt)


def test_a_named_export_and_its_anonymised_copy_are_one_round() -> None:
    # Found by an HR officer: both copies filed in one folder counted one day as two
    # rounds, six interviews for three. The copy keeps its session's moment of making.
    rows = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")]
    named = made_round("day", date(2026, 2, 2), "LP", rows, {}, minutes=5)
    copy = anonymised(named).model_copy(update={"id": "2026-02-02-bank (copy.json)"})
    other = made_round("next", date(2026, 2, 3), "LP", rows, {}, minutes=5)
    for given in ([named, copy, other], [copy, named, other]):
        report = compare_rounds(given, anonymised=[copy.id])
        assert [r.session_id for r in report.rounds] == ["day", "next"]
        said = f"Session {copy.id} is an anonymised copy of day: it is counted once."
        assert said in report.left_out
    # Alone, an anonymised export is a round of its own.
    assert len(compare_rounds([copy, other], anonymised=[copy.id]).rounds) == 2


def test_a_member_who_declined_payment_has_it_said_beside_their_total() -> None:
    # Found by testers: Member 1 declined payment in one of two rounds; the total
    # of 55.00 (one fee of 50.00 and 5.00 expenses) showed no word of declining,
    # and was read as money owed for both rounds.
    declined = PER_SESSION.model_copy(update={"declined": True, "expenses": Decimal("5")})
    rows = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up")]
    paid = made_round("a", date(2026, 2, 2), "LP", rows, {}, minutes=5, pay={"m1": PER_SESSION})
    unpaid = made_round("b", date(2026, 2, 3), "LP", rows, {}, minutes=5, pay={"m1": declined})
    report = compare_rounds([paid, unpaid])
    # How many rounds is in the Declined payment column beside it (found by a
    # review: "1 round" was said in both).
    said = "55.00 (no fee counted where payment was declined)"
    for fmt in ("md", "html"):
        text = render_rounds(report, fmt)
        (line,) = [line for line in text.splitlines() if "Member 1" in line]
        assert said in line and line.count("1 round") == 1, fmt
        assert "In 1 round" in line, fmt  # beside it, worded alike in both
        (other,) = [line for line in text.splitlines() if "Member 2" in line]
        assert "declined" not in other and "no rate noted" in other, fmt
    table = list(csv.DictReader(io.StringIO(render_rounds(report, "csv"))))
    member_1 = next(row for row in table if row["member"] == "Member 1")
    assert (
        member_1["total_payable"],
        member_1["declined_payment_sessions"],
        member_1["total_payable_note"],
    ) == ("55.00", "1", "no fee counted where payment was declined")
    assert list(member_1)[-1] == "mode"  # every row of every CSV still ends with it
    # A round with no rate noted as well: how many is said, as no column says it.
    unrated = made_round("c", date(2026, 2, 4), "LP", rows, {}, minutes=5)
    md = render_rounds(compare_rounds([paid, unpaid, unrated]), "md")
    (line,) = [line for line in md.splitlines() if "Member 1" in line]
    assert (
        "55.00 (no fee counted for 1 round: no rate noted; nor where payment was declined)" in line
    )


def test_two_rounds_of_one_day_are_told_apart_on_the_chart_and_in_the_table() -> None:
    # Found by testers: two rounds held on 2 Feb had one label, "2 Feb 2026", on the
    # chart. Each now says when its panel began (its first vote, on the laptop's
    # clock: UTC in the tests), as the practice report tells rehearsals of one day apart.
    up_down = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")]  # a gap of +100 points
    up_middle = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "middle")]  # +50 points
    morning = made_round("a", date(2026, 2, 2), "LP", up_down, {}, minutes=5)  # votes at 10:00
    # Made first (its id too), held second: the rounds run in the order they were held.
    afternoon = _later(made_round("0", date(2026, 2, 2), "LP", up_middle, {}, minutes=5), 4.5)
    next_day = made_round("c", date(2026, 2, 3), "LP", up_down, {}, minutes=5)
    report = compare_rounds([next_day, afternoon, morning])
    days = [
        "2 Feb 2026 at 10:00",
        "2 Feb 2026 at 14:30",
        "3 Feb 2026",  # a day of its own keeps the day alone
    ]
    html = render_rounds(report, "html")
    points = re.findall(r'<circle class="point"[^>]*><title>([^<]*)</title>', html)
    assert points == [
        f"{days[0]}: +100.0 points",
        f"{days[1]}: +50.0 points",
        f"{days[2]}: +100.0 points",
    ]
    assert "<dt>From</dt><dd>2 Feb 2026 to 3 Feb 2026</dd>" in html  # a period: days alone
    md = render_rounds(report, "md")
    table = [line for line in md.splitlines() if " | Round " in line][1:]  # under "| Date"
    assert [line.split(" | ")[0] for line in table] == [f"| {day}" for day in days]


def test_a_chart_of_one_round_names_its_day_once_under_its_point() -> None:
    # Found by a co-production lead: with one round, both ends of the axis read
    # "15 Oct 2026", as if the chart ran from that day to itself.
    gap = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")]
    day = made_round("a", date(2026, 10, 15), "LP", gap, {}, minutes=5)
    one = render_rounds(compare_rounds([day]), "html")
    chart = one[one.index('<svg class="chart" viewBox="0 0 560 240"') :]
    chart = chart[: chart.index("</svg>")]
    assert re.findall(r'<text x="([^"]+)" y="225"[^>]*>([^<]*)</text>', chart) == [
        ("305.0", "15 Oct 2026")  # under the point, in the middle of the chart
    ]


def _later(session: Session, hours: float) -> Session:
    """``session`` with every vote ``hours`` later."""
    later = timedelta(hours=hours)
    return session.model_copy(
        update={"votes": [v.model_copy(update={"at": v.at + later}) for v in session.votes]}
    )


def _titled(session: Session, title: str) -> Session:
    return session.model_copy(update={"title": title})


ROWS = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")]  # a gap of +100 points


def test_two_rounds_begun_in_one_minute_are_named_by_their_titles() -> None:
    # Found by a review: a lived-experience panel and a staff panel begun in the same
    # minute read "2 Feb 2026 at 10:00 (1)" and "(2)", which named neither panel.
    staff, lived = (made_round(i, date(2026, 2, 2), "LP", ROWS, {}, minutes=5) for i in "ab")
    titled = [_titled(staff, "Staff panel"), _titled(lived, " Lived panel ")]
    # Finished, so that no line names the rounds still open: each title shows once.
    report = compare_rounds(s.model_copy(update={"finished": True}) for s in titled)
    assert day_labels(report.rounds) == {
        "a": "2 Feb 2026 at 10:00 (Staff panel)",
        "b": "2 Feb 2026 at 10:00 (Lived panel)",
    }
    html = render_rounds(report, "html")
    assert "<title>2 Feb 2026 at 10:00 (Lived panel): +100.0 points</title>" in html
    # Found by a review: the axis's two ends, titles and all, ran into each other, and
    # the table gave each title twice, in the date and in the Round column beside it.
    ends = re.findall(r'<text x="[0-9.]+" y="225"[^>]*>([^<]*)</text>', html)
    assert ends == ["2 Feb 2026 at 10:00", "2 Feb 2026 at 10:00"]
    md = render_rounds(report, "md")
    assert "| 2 Feb 2026 at 10:00 | Staff panel |" in md
    assert md.count("Staff panel") == 1


def test_long_titles_are_cut_short_where_the_cut_ones_still_differ() -> None:
    one, two = (made_round(i, date(2026, 2, 2), "LP", ROWS, {}, minutes=5) for i in "ab")
    report = compare_rounds(
        [
            _titled(one, "Support worker, lived-experience panel, with a long way to go"),
            _titled(two, "Support worker, staff panel, morning"),
        ]
    )
    assert day_labels(report.rounds) == {
        "a": "2 Feb 2026 at 10:00 (Support worker, lived-experience...)",
        "b": "2 Feb 2026 at 10:00 (Support worker, staff panel, morning)",
    }
    # Cut short, both would read "Support worker, March 2026, one..."; whole, they differ.
    same_start = "Support worker, March 2026, one panel of"
    report = compare_rounds(
        [_titled(one, f"{same_start} lived experience"), _titled(two, f"{same_start} staff")]
    )
    assert day_labels(report.rounds) == {
        "a": f"2 Feb 2026 at 10:00 ({same_start} lived experience)",
        "b": f"2 Feb 2026 at 10:00 ({same_start} staff)",
    }


def test_rounds_begun_in_one_minute_with_titles_alike_or_missing_are_numbered() -> None:
    # Two anonymised copies of one day share a title; a title may be empty. The
    # time alone would not tell them apart.
    one, two = (made_round(i, date(2026, 2, 2), "LP", ROWS, {}, minutes=5) for i in "ab")
    for titles in (("Round", "round "), ("", "Staff panel")):
        report = compare_rounds([_titled(one, titles[0]), _titled(two, titles[1])])
        labels = day_labels(report.rounds)
        assert labels == {"a": "2 Feb 2026 at 10:00 (1)", "b": "2 Feb 2026 at 10:00 (2)"}
        assert "<title>2 Feb 2026 at 10:00 (2): +100.0 points</title>" in render_rounds(
            report, "html"
        )


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset (not on Windows)")
def test_the_labels_are_on_the_laptops_clock_as_the_practice_report_has_them() -> None:
    # In London in summer (UTC+1). A panel begun at 23:30 UTC on 1 June began at
    # 00:30 on 2 June where it sat: it shares the 2nd with two panels begun at
    # 10:00 UTC, 11:00 in London, side by side.
    night = _later(made_round("a", date(2026, 6, 1), "LP", ROWS, {}, minutes=5), 13.5)
    staff = _titled(made_round("b", date(2026, 6, 2), "LP", ROWS, {}, minutes=5), "Staff panel")
    lived = _titled(made_round("c", date(2026, 6, 2), "LP", ROWS, {}, minutes=5), "Lived panel")
    with laptop_zone("Europe/London"):
        report = compare_rounds([lived, staff, night])
        assert day_labels(report.rounds) == {
            "a": "2 Jun 2026 at 00:30",
            "b": "2 Jun 2026 at 11:00 (Staff panel)",
            "c": "2 Jun 2026 at 11:00 (Lived panel)",
        }
        assert "<dt>From</dt><dd>2 Jun 2026 to 2 Jun 2026</dd>" in render_rounds(report, "html")


def test_the_md_and_html_explain_each_members_figures_in_the_same_words() -> None:
    # Found by a review: the note under "Each member" was written out in both
    # templates, so one could be reworded without the other.
    rows = [("c1", "q1", "m1", "up")]
    report = compare_rounds([made_round("a", date(2026, 2, 2), "LP", rows, {}, minutes=5)])
    for fmt in ("md", "html"):
        text = render_rounds(report, fmt)
        assert text.count(report.members_note) == 1, fmt
        assert "Matched across rounds by name as written." in text, fmt


def test_every_first_choice_label_fits_left_of_its_bar() -> None:
    # Found by a review: right-aligned 10 px left of bars at 200, in 13 px type,
    # "No lived-experience member on the panel" (275 px) showed as "...member on the panel"
    # cut at the chart's edge. 7.5 px a character is wider than the widest font asked for.
    gap = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")]
    day = made_round("a", date(2026, 10, 15), "LP", gap, {}, minutes=5)
    html = render_rounds(compare_rounds([day]), "html")
    start = html.index('<svg class="chart" viewBox="0 0 ')
    width = float(html[start:].split('viewBox="0 0 ')[1].split()[0])
    chart = html[start : html.index("</svg>", start)]
    labels = re.findall(r'<text x="([^"]+)" y="[^"]+" text-anchor="end">([^<]*)</text>', chart)
    assert len(labels) == 5
    for x, label in labels:
        assert float(x) >= 7.5 * len(label), label
    counts = re.findall(r'<text x="([^"]+)" y="[^"]+">\d+</text>', chart)
    assert all(float(x) + 30 <= width for x in counts)


def test_of_two_anonymised_copies_with_as_many_votes_the_finished_one_is_counted() -> None:
    # As counted_copy keeps the finished copy of a tie (a reread: this rule kept
    # whichever came first, and the round could read as open).
    rows = [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")]
    named = made_round("day", date(2026, 2, 2), "LP", rows, {}, minutes=5)
    early = anonymised(named).model_copy(update={"id": "day-early (copy.json)"})
    done = early.model_copy(update={"id": "day-done (copy.json)", "finished": True})
    for given in ([early, done], [done, early]):
        report = compare_rounds(given, anonymised=[early.id, done.id])
        (kept,) = report.rounds
        assert kept.session_id == done.id and kept.finished
