"""A score is never shown on the other side of 50% from where it is.

A concern is an essential question scored below 0.5 (PRODUCT.md section 4), and
scores show with one decimal, half up. Found by a tester: with a 33.3% share, a
lived-experience up and two professionals' middle and down score
0.333 + 0.667 * 0.25 = 0.49975, a concern, shown as "50.0%" under "Concerns,
essential questions scored below 50%". Such a score now takes the decimals it
needs. The figures here are exact fractions, so no float noise decides them.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction

import pytest

from panel_tui.domain.exports import ExportOptions, as_shown, render
from panel_tui.domain.models import Settings
from panel_tui.domain.scoring import score_session
from panel_tui.domain.summary import build_summary
from panel_tui.domain.words import below_half, figure, gap_words, percent
from tests.domain.builders import session


@pytest.mark.parametrize(
    ("exact", "shown"),
    [
        (Fraction(1999, 4000), "49.98"),  # 49.975: one decimal half up would say 50.0
        (Fraction(999, 2000), "49.95"),  # 49.95
        (Fraction(4999, 10000), "49.99"),  # 49.99
        (Fraction(49999, 100000), "49.999"),  # 49.999: 49.99 would be 50.00 half up
        (Fraction(4999999, 10000000), "49.99999"),
        (Fraction(998, 2000), "49.9"),  # 49.9 needs no more than one decimal
        (Fraction(1, 2), "50.0"),  # half is not below half
        (Fraction(5001, 10000), "50.0"),  # 50.01: half up never shows 0.5 or more below 50.0
        (Fraction(1, 2) - Fraction(1, 10**11), "50.0"),  # float noise for 0.5: not a concern
    ],
)
def test_a_score_near_half_shows_on_its_own_side(exact: Fraction, shown: str) -> None:
    score = float(exact)
    assert figure(score) == shown
    assert percent(score) == f"{shown}%"
    # The figure and the concern rule agree: below 50 exactly when below half.
    assert (float(shown) < 50) == below_half(score)


def test_a_gap_near_half_keeps_one_decimal_either_side_of_zero() -> None:
    # Found by a reviewer: the score's rule reached the signed gap, "+49.996"
    # beside "-50.0". A gap has no line at 50 to keep to.
    gap = float(Fraction(49996, 100000))
    assert (figure(gap, signed=True), figure(-gap, signed=True)) == ("+50.0", "-50.0")
    assert gap_words(gap, short=True) == "Lived experience 50.0 points higher"
    assert gap_words(-gap, short=True) == "Professionals 50.0 points higher"


def test_the_testers_concern_reads_below_50_everywhere() -> None:
    share = Fraction(333, 1000)  # --share 33.3%
    made = session(
        "LPP",
        [("c1", "q2", "m1", "up"), ("c1", "q2", "m2", "middle"), ("c1", "q2", "m3", "down")],
        questions=[("q1", 1.0, False), ("q2", 1.0, True)],
        settings=Settings(
            sealed=False, weighting="lived_experience_share", lived_experience_share=float(share)
        ),
    )
    exact = share * 1 + (1 - share) * Fraction(1, 4)
    assert exact == Fraction(1999, 4000)  # 0.49975, below half
    question = score_session(made).ranking[0].questions[1]
    assert question.concern
    assert question.score == float(exact)

    summary = build_summary(*as_shown(made, ExportOptions()))
    (candidate,) = summary.candidates
    assert candidate.concerns == ["Question 2: Question q2?"]
    assert candidate.score == "49.98%"
    assert candidate.questions[1].score == "49.98%"
    md = render(made, "md")
    assert "| 1 | C1: Alex | 49.98% on " in md
    assert "50.0%" not in md
    assert "49.98%" in render(made, "html")
    (row,) = csv.DictReader(io.StringIO(render(made, "csv")))
    assert row["score_pct"] == "49.98"
