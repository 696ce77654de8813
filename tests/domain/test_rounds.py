"""The report across rounds, against figures worked out by hand.

The rounds, their votes and the hand figures are described in
``tests/domain/rounds_sessions.py``, which builds them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.exports.rounds_words import first_choice_words
from panel_tui.domain.rounds import compare_rounds
from panel_tui.domain.store import Store
from tests.domain.rounds_sessions import (
    every_session,
    made_round,
    on,
    r1,
    r2,
    r3,
)
from tests.exports.chromium import CHROMIUM, pdf_pages, print_and_screenshot


def test_each_round_against_the_hand_figures() -> None:
    report = compare_rounds(every_session(), since=date(2026, 1, 1))
    got = [
        (
            r.session_id,
            (r.lived_experience, r.professional, r.observers),
            r.interviews,
            r.first_choices,
            r.first_choice,
            r.recommended,
            (r.changed_after_reveal, r.first_after_reveal),
            r.revealed_early,
        )
        for r in report.rounds
    ]
    # r1: member 3 changes a vote once C1's votes show; member 4 first votes on
    # C2 after the chair showed its votes early.
    assert got == [
        ("r1", (2, 2, 0), 2, ["C1"], "not recommended", ["C2"], (1, 1), 1),
        ("r2", (1, 1, 1), 2, ["C1"], "recommended", ["C1"], (0, 0), 0),
        ("r3", (0, 2, 0), 1, [], "no lived-experience member", ["C1"], (0, 0), 0),
    ]
    assert [r.mean_gap for r in report.rounds] == [
        pytest.approx(0.125),
        pytest.approx(0.25),
        None,
    ]


def test_totals_against_the_hand_figures() -> None:
    report = compare_rounds(every_session(), since=date(2026, 1, 1))
    assert len(report.rounds) == 3
    assert report.interviews == 5
    assert (report.counts["recommended"], report.decided) == (1, 2)
    assert report.first_choice_share == pytest.approx(0.5)
    assert report.counts["no lived-experience member"] == 1
    assert report.mean_gap == pytest.approx(0.1875)
    assert (report.changed_after_reveal, report.first_after_reveal) == (1, 1)
    assert report.revealed_early == 1
    assert report.left_out == [
        "Session p1 is a practice round, left out (add --include-practice to count it)."
    ]


def test_practice_counts_only_when_asked() -> None:
    report = compare_rounds(every_session(), since=date(2026, 1, 1), include_practice=True)
    assert [r.session_id for r in report.rounds] == ["r1", "r2", "p1", "r3"]
    assert report.rounds[2].practice
    assert report.left_out == []


def test_member_totals_over_the_rounds() -> None:
    report = compare_rounds(every_session(), since=date(2026, 1, 1))
    member_1 = next(m for m in report.members if m.name == "Member 1")
    assert member_1.roles == ["lived_experience", "professional"]
    assert (member_1.sessions, member_1.minutes, member_1.interviews, member_1.answers) == (
        3,
        180,
        5,
        5,
    )
    assert (member_1.fees, member_1.expenses, member_1.payable) == (
        Decimal("100.00"),
        Decimal("5"),
        Decimal("105.00"),
    )


def test_tied_first_choices_are_all_first_and_one_recommended_counts() -> None:
    rows = [("c1", "q1", "m1", "up"), ("c2", "q1", "m1", "up")]
    rows += [("c1", "q1", "m2", "down"), ("c2", "q1", "m2", "down")]  # nothing sealed
    tied = made_round("t", date(2026, 2, 2), "LP", rows, {"c2": "recommend"}, minutes=5)
    (only,) = compare_rounds([tied]).rounds
    assert (only.first_choices, only.first_choice) == (["C1", "C2"], "recommended")


def test_tied_first_choices_are_each_named_with_their_decision() -> None:
    # Found by a new user: "C1, C2: No decision yet" hid that C1 had a decision.
    rows = [("c1", "q1", "m1", "up"), ("c2", "q1", "m1", "up")]
    rows += [("c1", "q1", "m2", "down"), ("c2", "q1", "m2", "down")]  # nothing sealed
    tied = made_round("t", date(2026, 2, 2), "LP", rows, {"c1": "do_not_recommend"}, minutes=5)
    (only,) = compare_rounds([tied]).rounds
    assert only.first_choice == "undecided"
    said = "C1: Not recommended; C2: No decision yet"
    assert first_choice_words(only) == said
    assert said in render_rounds(compare_rounds([tied]), "md")
    # One first choice reads as before.
    (single,) = compare_rounds([r1()]).rounds
    assert first_choice_words(single) == "C1: Not recommended"


def test_a_session_given_twice_counts_once() -> None:
    report = compare_rounds([r1(), r1()])
    assert len(report.rounds) == 1
    assert report.left_out == ["Session r1 was given twice; it is counted once."]


def test_one_session_exported_mid_interview_and_after_counts_once_from_the_fuller() -> None:
    # Found by a review: an export taken before the last vote and the finished
    # session differ, and were counted as two rounds.
    full = r1()
    partial = full.model_copy(update={"votes": full.votes[:-1]})
    for given in ([partial, full], [full, partial]):
        report = compare_rounds(given)
        assert report.rounds == compare_rounds([full]).rounds
        assert report.left_out == [
            "Session r1 was given twice; it is counted once, from the copy with the most votes."
        ]


def test_anonymised_exports_of_two_rounds_on_one_day_are_each_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Anonymised copies are named by day and bank only, so two rounds held on
    # one day share an id: a tester's three laptops' exports made a report of
    # one round, and the csv said nothing.
    moved = on(date(2026, 1, 10)) - on(date(2026, 3, 5))
    second = r2()
    second = second.model_copy(
        update={
            "votes": [v.model_copy(update={"at": v.at + moved}) for v in second.votes],
            "decisions": [
                d.model_copy(update={"at": d.at and d.at + moved}) for d in second.decisions
            ],
        }
    )
    exports = tmp_path / "exports"
    exports.mkdir()
    for name, session in (("laptop1", r1()), ("laptop2", second)):
        copy = render(session, "json", ExportOptions(anonymise=True))
        (exports / f"{name}.json").write_text(copy, encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "none"), "report", str(exports), "--format", "csv"]
    assert main(args) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out.lstrip("\ufeff"))))
    assert [r["session"] for r in rows if r["row"] == "round"] == [
        "2026-01-10-b (laptop1.json)",
        "2026-01-10-b (laptop2.json)",
    ]
    # The notes the csv has no place for are said on the terminal.
    assert "is an anonymised export: its members are left out" in captured.err


def test_a_session_not_held_yet_is_not_a_round() -> None:
    # Prepared sessions with no votes were counted as rounds and charted under
    # "No lived-experience votes" (found by a tester).
    prepared = r2().model_copy(update={"id": "later", "votes": [], "reveals": []})
    report = compare_rounds([r1(), prepared])
    assert [r.session_id for r in report.rounds] == ["r1"]
    assert report.left_out == ["Session later has no votes yet, so it is not counted as a round."]


# ------------------------------------------------------------ the command line


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sessions as json exports from several laptops, and a file that is not one."""
    exports = tmp_path / "exports"
    exports.mkdir()
    for session in every_session():
        (exports / f"{session.id}.json").write_text(export_json(session), encoding="utf-8")
    (exports / "notes.json").write_text('{"not": "a session"}', encoding="utf-8")
    return exports


def test_cli_csv_over_a_folder_of_exports(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rounds.csv"
    args = ["report", str(folder), "--since", "2026-01-01", "--format", "csv", "-o", str(out)]
    # Written all the same, but the exit says a file was left out (found by a tester).
    assert main(["--data-dir", str(tmp_path / "none"), *args]) == 1
    err = capsys.readouterr().err
    assert "Left out, as it could not be read: " in err and "notes.json" in err
    assert not (tmp_path / "none").exists()  # files named need no sessions folder
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    rounds = [r for r in rows if r["row"] == "round"]
    assert [r["session"] for r in rounds] == ["r1", "r2", "r3"]
    # Plain numbers, as the session csv writes a gap: no "+".
    assert [r["mean_voice_gap_pct"] for r in rounds] == ["12.5", "25.0", ""]
    assert [r["first_choice_recommended"] for r in rounds] == [
        "Not recommended",
        "Recommended",
        "No lived-experience member on the panel",
    ]
    (total,) = [r for r in rows if r["row"] == "total"]
    assert (total["interviews"], total["first_choice_recommended"]) == ("5", "1 of 2")
    assert total["mean_voice_gap_pct"] == "18.8"
    late = ("votes_changed_after_reveal", "first_votes_after_early_reveal")
    assert [tuple(r[c] for c in late) for r in [*rounds, total]] == [
        ("1", "1"),
        ("0", "0"),
        ("0", "0"),
        ("1", "1"),
    ]
    member_1 = next(r for r in rows if r["member"] == "Member 1")
    assert (member_1["hours"], member_1["total_payable"], member_1["sessions"]) == (
        "3.00",
        "105.00",
        "3",
    )
    assert member_1["fees"] == "100.00"
    # No rate noted is not a fee of 0.00 (the md says "No rate noted"; payroll
    # would read 0.00 as agreed unpaid): the cell is left empty.
    member_2 = next(r for r in rows if r["member"] == "Member 2")
    assert member_2["fees"] == ""


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_total_payable_without_a_rate_says_no_fee_was_counted(fmt: str) -> None:
    # Found by a tester: "0.00" payable beside "No rate noted" read as owed nothing.
    text = render_rounds(compare_rounds(every_session()), fmt)
    member_2 = next(line for line in text.splitlines() if "Member 2" in line and "00" in line)
    assert "0.00 (no fee counted for 4 rounds: no rate noted)" in member_2, member_2
    # Member 1 has a rate in R1 and R2, none in R0 and R3 (no --since here).
    member_1 = next(line for line in text.splitlines() if "Member 1" in line and "00" in line)
    assert "(no fee counted for 2 rounds: no rate noted)" in member_1, member_1


def test_cli_md_and_html_over_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "sessions"
    store = Store(data)
    for session in every_session():
        store.save(session)
    base = ["--data-dir", str(data), "report", "--all", "--since", "2026-01-01"]
    assert main([*base, "--format", "md"]) == 0
    text = capsys.readouterr().out
    assert (
        "- **Lived-experience first choice recommended:** 1 of 2 rounds decided (50.0%)\n" in text
    )
    assert "Session p1 is a practice round, left out" in text
    assert "- **Mean voice gap:** +18.8 points\n" in text
    assert ("- **Votes changed after a reveal:** 1\n- **First votes after a reveal:** 1\n") in text
    assert main([*base, "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.count('<circle class="point"') == 2  # R3 has no gap to draw
    assert "<script" not in page and "http:" not in page


def test_cli_needs_sessions_and_a_real_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "report"]) == 1
    assert "--all" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "report", "--all", "--since", "last year"])
    assert "is not a date" in capsys.readouterr().err


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on the PATH")
def test_the_html_report_renders_in_chromium_without_requests(tmp_path: Path) -> None:
    report = compare_rounds(every_session(), since=date(2026, 1, 1))
    page = tmp_path / "rounds.html"
    page.write_text(render_rounds(report, "html"), encoding="utf-8")
    pdf, png = tmp_path / "rounds.pdf", tmp_path / "rounds.png"
    assert print_and_screenshot(page, tmp_path, pdf, png) == []
    assert pdf_pages(pdf) >= 2
    assert png.stat().st_size > 20_000


def test_cli_names_totals_only_exports_and_keeps_anonymised_ones_out_of_member_totals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "r1.json").write_text(
        render(r1(), "json", ExportOptions(totals_only=True)), encoding="utf-8"
    )
    (exports / "r2.json").write_text(
        render(r2(), "json", ExportOptions(anonymise=True)), encoding="utf-8"
    )
    (exports / "r3.json").write_text(export_json(r3()), encoding="utf-8")
    # The report is written, and the exit says a file could not count.
    assert main(["--data-dir", str(tmp_path / "none"), "report", str(exports)]) == 1
    text = capsys.readouterr().out
    assert "r1.json: is a totals-only export" in text
    # (An anonymised export's id is made from no name; its file tells it apart.)
    assert re.search(r"Session \S+ \(r2.json\) is an anonymised export: its members are left", text)
    assert "| 5 Mar 2026 |" in text  # the round itself still counts
    assert "Seat 1" not in text
    assert "| Member 1 | Professional | 1 |" in text  # from r3 alone


def test_a_file_left_out_of_the_report_has_each_problem_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "r1.json").write_text(export_json(r1()), encoding="utf-8")
    broken = json.loads(export_json(r2()))
    broken["title"] = ""
    broken["votes"][0]["value"] = "sideways"
    (exports / "r2.json").write_text(json.dumps(broken), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "none"), "report", str(exports)]) == 1
    captured = capsys.readouterr()
    where = exports / "r2.json"
    [line] = [line for line in captured.out.splitlines() if "r2.json" in line]
    assert line.startswith("- Left out, as it could not be read: ")  # the path md-escaped
    assert line.endswith("r2.json (2 problems; the first, field 'title': is empty: give a value)")
    err = captured.err.splitlines()
    assert err[0] == f"panel-tui: Left out, as it could not be read: {where} (2 problems):"
    assert [line.split(": ", 2)[2][:13] for line in err[1:3]] == ["field 'title'", "vote 1, field"]
    assert "| Round r1 (not finished yet) |" in captured.out  # r1 still counts


def test_an_undo_and_a_new_vote_after_everyone_voted_are_changes_not_first_votes() -> None:
    # Found by a review: the vote after the undo was counted as a first vote after
    # an early reveal, in a round with no early reveal.
    rows: list[tuple[str, str, str, str | None]] = [
        ("c1", "q1", m, "up") for m in ("m1", "m2", "m3", "m4")
    ]
    rows += [("c1", "q1", "m4", None), ("c1", "q1", "m4", "down")]
    made = made_round("u", date(2026, 2, 2), "LLPP", rows, {}, minutes=5)
    marked = [v.model_copy(update={"after_reveal": n >= 4}) for n, v in enumerate(made.votes)]
    shown = made.model_copy(update={"votes": marked})
    (only,) = compare_rounds([shown]).rounds
    # One member's change of mind, counted once (found by an HR officer: 2 here beside
    # one row in the votes csv), in the report and the candidates csv alike.
    assert (only.changed_after_reveal, only.first_after_reveal, only.revealed_early) == (1, 0, 0)
    alex, _ = csv.DictReader(io.StringIO(render(shown, "csv")))  # ranked first, Bo unvoted
    assert (alex["candidate"], alex["after_reveal_votes"]) == ("Alex", "1")


def test_the_demo_never_counts_as_a_round_nor_its_made_up_members() -> None:
    # Found by a new user: the demo counted as a recruitment round, and its
    # made-up Dan Reilly's time was added to a real Dan Reilly's.
    demo = r2().model_copy(update={"id": "d1", "mode": "demo"})
    for practice in (False, True):
        # Given twice (an export beside the folder's copy): named once.
        report = compare_rounds([*every_session(), demo, demo], include_practice=practice)
        assert "d1" not in [r.session_id for r in report.rounds]
        said = "Session d1 is the demo, with made-up people: it is never counted."
        assert report.left_out.count(said) == 1
    with_demo = compare_rounds([*every_session(), demo])
    without = compare_rounds(every_session())
    assert with_demo.members == without.members
