"""Figures as HR reads them, against tables worked out by hand.

Percentages round half up as a spreadsheet's ROUND does; each group's own
score is over the questions that group scored; the voice gap is over the
questions both groups scored; a score says how many questions it stands on.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from panel_tui.domain.exports import render
from panel_tui.domain.exports.calibration_figures import _kappa_value
from panel_tui.domain.involvement import Span
from panel_tui.domain.models import Settings
from panel_tui.domain.scoring import score_session
from panel_tui.domain.setup_form import rule_about
from panel_tui.domain.words import figure, gap_words, on_questions, percent, rounded
from tests.domain.builders import session


@pytest.mark.parametrize(
    ("fraction", "shown", "signed"),
    [
        (0.5625, "56.3", "+56.3"),  # 56.25: ROUND gives 56.3; Python's round() gives 56.2
        (0.8125, "81.3", "+81.3"),  # 81.25
        (0.1125, "11.3", "+11.3"),  # 11.25 is 11.249999999999998 as a float product
        (-0.5625, "-56.3", "-56.3"),  # away from zero, as ROUND(-56.25, 1)
        (2 / 3, "66.7", "+66.7"),
        (1 / 3, "33.3", "+33.3"),
        (0.0, "0.0", "+0.0"),
        (-0.0001, "0.0", "+0.0"),  # never "-0.0"
        (0.0005, "0.1", "+0.1"),  # 0.05 rounds up
        (1.0, "100.0", "+100.0"),
    ],
)
def test_percentages_round_half_up_like_a_spreadsheet(
    fraction: float, shown: str, signed: str
) -> None:
    assert figure(fraction) == shown
    assert figure(fraction, signed=True) == signed
    assert percent(fraction) == f"{shown}%"


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (2.5, 0, "3"),  # round() gives 2
        (3.5, 0, "4"),
        (-2.5, 0, "-3"),  # away from zero, as ROUND(-2.5, 0)
        (0.125, 2, "0.13"),  # format(0.125, ".2f") gives 0.12
        (-0.001, 2, "0.00"),  # never "-0.00"
        (12.35, 1, "12.4"),  # 12.35 is 12.349999999999999 as a float
        (1, 2, "1.00"),
    ],
)
def test_every_figure_rounds_half_away_from_zero(value: float, places: int, shown: str) -> None:
    assert str(rounded(value, places)) == shown


def test_minutes_kappa_and_shares_round_as_the_percentages_do() -> None:
    # Each of these used Python's round() or a format string, which round half to
    # even: 2.5 minutes was 2, a kappa of 0.125 was 0.12, a 12.5% share was 12.
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert Span(start, start + timedelta(minutes=2.5)).minutes == 3
    assert Span(start, start + timedelta(minutes=1.5)).minutes == 2
    assert _kappa_value(0.125, "slight agreement") == "0.13 (slight agreement)"
    assert rule_about("lived_experience_share", "0.3").endswith(
        "Now: lived experience 30%, professionals 70%."
    )
    assert rule_about("lived_experience_share", "0.1235").endswith(
        "Now: lived experience 12.4%, professionals 87.6%."  # round() gave 12.3
    )


def test_a_gap_that_rounds_to_nothing_says_none() -> None:
    assert gap_words(0.0004) == "0.0 points: on average the two groups scored alike."
    assert gap_words(-0.1125, short=True) == "Professionals 11.3 points higher"


def test_on_questions() -> None:
    assert on_questions(3, 6) == "on 3 of 6 questions"
    assert on_questions(1, 1) == "on 1 of 1 question"


QUESTIONS = (("q1", 1.0, False), ("q2", 2.0, False), ("q3", 1.0, False))


def test_each_group_over_its_own_questions_and_the_gap_over_both() -> None:
    # Members 1-2 lived experience, 3-4 professionals.
    #          q1 (w1)       q2 (w2)         q3 (w1)
    # lived    up, middle    middle, up      (none)
    # prof     middle, mid   middle, down    up, up
    # Lived:        q1 0.75, q2 0.75          -> (0.75 + 2*0.75)/3 = 0.75  on 2 of 3
    # Professional: q1 0.5, q2 0.25, q3 1.0   -> (0.5 + 0.5 + 1)/4 = 0.5   on 3 of 3
    # Gap over q1, q2: lived 0.75 - prof (0.5 + 2*0.25)/3 = 1/3  -> 0.41666...
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "middle"),
        ("c1", "q1", "m3", "middle"),
        ("c1", "q1", "m4", "middle"),
        ("c1", "q2", "m1", "middle"),
        ("c1", "q2", "m2", "up"),
        ("c1", "q2", "m3", "middle"),
        ("c1", "q2", "m4", "down"),
        ("c1", "q3", "m3", "up"),
        ("c1", "q3", "m4", "up"),
    ]
    (result,) = score_session(session("LLPP", rows, questions=QUESTIONS)).ranking
    assert result.lived_experience_score == pytest.approx(0.75)
    assert result.lived_experience_scored == 2
    assert result.professional_score == pytest.approx(0.5)
    assert result.professional_scored == 3
    assert result.voice_gap == pytest.approx(0.75 - 1 / 3)
    assert result.gap_scored == 2
    # Per person: q1 0.625, q2 0.5, q3 1.0 -> (0.625 + 1.0 + 1.0)/4 = 0.65625
    assert result.score == pytest.approx(0.65625)
    assert result.score_pct == "65.6"
    assert result.scored == 3


def test_the_ranking_says_how_many_questions_and_flags_fewer() -> None:
    # Alex: scored on all three questions (up, up, down: (1 + 2 + 0)/4 = 0.75).
    # Sam: voted on q1 only (up: 1.0), ranked first on 1 of 3 questions: flagged.
    # Jo: no votes: no score, no rank, not flagged (nothing to compare).
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q2", "m1", "up"),
        ("c1", "q3", "m1", "down"),
        ("c2", "q1", "m1", "up"),
    ]
    made = session(
        "L", rows, questions=QUESTIONS, candidates=(("c1", "Alex"), ("c2", "Sam"), ("c3", "Jo"))
    )
    ranking = score_session(made).ranking
    assert [(r.candidate, r.rank, r.score_pct, r.scored, r.fewer_questions) for r in ranking] == [
        ("c2", 1, "100.0", 1, True),
        ("c1", 2, "75.0", 3, False),
        ("c3", None, "", 0, False),
    ]


def test_the_summaries_and_csv_label_what_each_figure_stands_on() -> None:
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q2", "m1", "up"),
        ("c1", "q3", "m1", "down"),
        ("c2", "q1", "m1", "up"),
        ("c2", "q1", "m2", "down"),
    ]
    made = session(
        "LP",
        rows,
        questions=QUESTIONS,
        candidates=(("c1", "Alex"), ("c2", "Sam")),
        settings=Settings(sealed=False),  # every vote shown as given, so all count here
    )
    md = render(made, "md")
    assert "| 2 | C2: Sam | 50.0% on 1 of 3 questions (fewer questions than others) |" in md
    assert "- **Lived-experience members' own score:** 75.0% on 3 of 3 questions\n" in md
    assert "- **Professionals' own score:** No votes from this group\n" in md
    assert "Over the 1 of 3 questions both groups scored." in md
    html = render(made, "html")
    assert "Fewer questions than others" in html
    by_code = {r["code"]: r for r in csv.DictReader(io.StringIO(render(made, "csv")))}
    assert {k: by_code["C2"][k] for k in ("questions_scored", "questions_total")} == {
        "questions_scored": "1",
        "questions_total": "3",
    }
    assert by_code["C2"]["fewer_questions"] == "yes"
    assert by_code["C1"]["fewer_questions"] == "no"
    assert (by_code["C2"]["voice_gap_pct"], by_code["C2"]["voice_gap_questions"]) == ("100.0", "1")


def test_a_zero_average_gap_over_large_single_gaps_is_said_truthfully_everywhere() -> None:
    # Q1 +100 points, Q2 (counting twice) -50 points, Q3 alike: on average the groups agree.
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "down"),
        ("c1", "q2", "m1", "middle"),
        ("c1", "q2", "m2", "up"),
        ("c1", "q3", "m1", "up"),
        ("c1", "q3", "m2", "up"),
    ]
    made = session("LP", rows, questions=QUESTIONS)
    (result,) = score_session(made).ranking
    assert [q.voice_gap for q in result.questions] == [1.0, -0.5, 0.0]
    expected = gap_words(result.voice_gap, single=[1.0, -0.5, 0.0])
    assert expected.startswith("0.0 points: on average the two groups scored alike.")
    assert "up to 100.0 points higher" in expected
    for name in ("md", "html"):
        text = render(made, name)
        assert expected in text, name
        assert "None: both groups scored alike" not in text
