"""A joint score and the gap between panels stand on the questions both panels scored.

Found by a co-production lead: panel A2 scored D1 on five questions and panel B2 on
one, and the joint ranking set A2's five-question 40% beside B2's one-question 100%:
a joint of 70%, above every answer's joint (50%), and first in the ranking; the gap
said B2 was 60 points higher where the one answer both scored said 100. The joint
score and the gap are now taken over the questions both panels scored, each panel's
by its bank's weights, as the session's voice gap is (scoring.CandidateResult).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import pytest

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.exports.combined import render_combined
from panel_tui.domain.joint import Combined
from panel_tui.domain.models import Session
from panel_tui.domain.words import figure
from tests.domain.builders import session as build

Q5 = tuple((f"q{n}", 1.0, False) for n in range(1, 6))
#: q1 counts three times as much as q2.
Q3_UNEQUAL = (("q1", 3.0, False), ("q2", 1.0, False), ("q3", 1.0, False))

Rows = Sequence[tuple[str, str, str, str | None]]


def panels(a_rows: Rows, b_rows: Rows, questions: tuple[tuple[str, float, bool], ...]) -> Combined:
    # One member a panel: an answer not every member voted on stays sealed.
    a = build("L", a_rows, questions=questions).model_copy(update={"id": "a", "title": "A2"})
    b = build("P", b_rows, questions=questions).model_copy(update={"id": "b", "title": "B2"})
    return combine_sessions(a, b)


def votes(member: str, values: dict[str, str]) -> list[tuple[str, str, str, str | None]]:
    return [("c1", q, member, v) for q, v in values.items()]


@pytest.mark.parametrize(
    ("a_rows", "b_rows", "questions", "joint", "gap", "both", "words"),
    [
        # Both scored all: A 1 on q1, 0.5 on q2; B 0.5 and 0.5. Joint 0.5 x 0.75 +
        # 0.5 x 0.5, the mean of the answers' joints (0.75, 0.5); as before the fix.
        (
            votes("m1", {"q1": "up", "q2": "middle"}),
            votes("m1", {"q1": "middle", "q2": "middle"}),
            Q5[:2],
            0.625,
            0.25,
            2,
            "62.5%",
        ),
        # One scored part (the lead's D1): A down on q1, middle on q2..q5 (40% on 5);
        # B up on q1 only (100% on 1). Over q1 alone: A 0, B 1, joint 0.5, gap -1,
        # not 0.7 and -0.6 as taken from each panel's own score.
        (
            votes("m1", {"q1": "down", **dict.fromkeys(["q2", "q3", "q4", "q5"], "middle")}),
            votes("m1", {"q1": "up"}),
            Q5,
            0.5,
            -1.0,
            1,
            "50.0% on 1 question both panels scored",
        ),
        # No shared question: A scored q1 only, B q2 only. No joint, no gap, no rank,
        # rather than one panel's score standing for the two.
        (
            votes("m1", {"q1": "up"}),
            votes("m1", {"q2": "down"}),
            Q5[:2],
            None,
            None,
            0,
            "No question both panels scored",
        ),
        # Weights unequal (q1 x3): A up q1, down q2, up q3 (own score 0.8); B middle q1,
        # up q2. Over q1 and q2: A 3/4 = 0.75, B (1.5 + 1)/4 = 0.625; joint 0.6875, the
        # weighted mean of the answers' joints (3 x 0.75 + 0.5)/4; gap 0.125.
        (
            votes("m1", {"q1": "up", "q2": "down", "q3": "up"}),
            votes("m1", {"q1": "middle", "q2": "up"}),
            Q3_UNEQUAL,
            0.6875,
            0.125,
            2,
            "68.8% on 2 questions both panels scored",
        ),
    ],
)
def test_joint_score_and_gap_are_over_the_questions_both_panels_scored(
    a_rows: Rows,
    b_rows: Rows,
    questions: tuple[tuple[str, float, bool], ...],
    joint: float | None,
    gap: float | None,
    both: int,
    words: str,
) -> None:
    combined = panels(a_rows, b_rows, questions)
    (row,) = combined.ranking
    assert row.joint == pytest.approx(joint)
    assert row.gap == pytest.approx(gap)
    assert row.both_scored == both
    assert (row.rank is None) == (joint is None)
    # Every format says the same, from the one view-model.
    md = render_combined(combined, "md")
    assert f"| {words} |" in md
    assert words in render_combined(combined, "html")
    (record,) = json.loads(render_combined(combined, "json"))["ranking"]
    assert (record["joint"], record["gap"], record["both_questions"]) == (
        pytest.approx(joint),
        pytest.approx(gap),
        both,
    )
    first = next(csv.DictReader(io.StringIO(render_combined(combined, "csv"))))
    # The csv says what the joint and the gap stand on (found by an HR tester).
    stands_on = (first["joint_pct"], first["gap_pct"], first["both_panels_questions"])
    assert stands_on == (figure(joint), figure(gap), str(both))


def test_a_candidate_one_panel_scored_in_part_no_longer_ranks_first_on_it() -> None:
    # The lead's example beside D2, whom both panels scored on all five (60% each):
    # D1 ranked first on 70% before; over the one answer both scored it has 50%.
    def panel(roles: str, rows: Rows, title: str) -> Session:
        made = build(roles, rows, questions=Q5, candidates=(("d1", "Eve Long"), ("d2", "Flo")))
        return made.model_copy(update={"id": title.lower(), "title": title})

    middling = {"q1": "up", "q2": "up", "q3": "middle", "q4": "down", "q5": "middle"}
    lived = [("d1", "q1", m, "down") for m in ("m1", "m2")]
    lived += [("d1", q, m, "middle") for q in ("q2", "q3", "q4", "q5") for m in ("m1", "m2")]
    lived += [("d2", q, m, v) for q, v in middling.items() for m in ("m1", "m2")]
    staff = [("d1", "q1", "m1", "up"), *[("d2", q, "m1", v) for q, v in middling.items()]]
    combined = combine_sessions(panel("LL", lived, "A2"), panel("P", staff, "B2"))
    assert [(c.code, c.rank) for c in combined.ranking] == [("D2", 1), ("D1", 2)]
    md = render_combined(combined, "md")
    assert (
        "| 2 | D1: Eve Long | 40.0% on 5 of 5 questions | 100.0% on 1 of 5 questions "
        "| 50.0% on 1 question both panels scored "
        "| B2 100.0 points higher on 1 question both panels scored |"
    ) in md  # the gap says what it stands on too: 40.0 and 100.0 are not 100 apart
    # An answer only one panel scored has no joint of its own: which panel scored it.
    assert "| 2. Question q2? | 50.0% | No score | Only A2 scored it | Not available |" in md
