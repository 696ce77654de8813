"""The lived-experience first choice is chosen among the candidates scored on the most questions."""

from __future__ import annotations

import csv
import io

from panel_tui.domain.exports.rounds_report import render_rounds
from panel_tui.domain.exports.rounds_words import first_choice_words
from panel_tui.domain.models import Decision, Session, Settings
from panel_tui.domain.rounds import compare_rounds
from tests.domain.builders import T0, session

SIX = [(f"q{n}", 1.0, False) for n in range(1, 7)]
#: C1 and C2 answered all six questions; C3 was interviewed in part (q1 all up,
#: q2 all middle), so its lived-experience score (75%) stands on 2 of 6 questions.
VOTES = {
    "c1": ["up", "middle", "down", "middle", "up", "down"],  # 50%
    "c2": ["middle", "down", "down", "middle", "up", "down"],  # 33.3%
    "c3": ["up", "middle"],
}


def staff_panel(votes: dict[str, list[str]] = VOTES) -> Session:
    """Found by a co-production lead: two lived-experience members, two professionals,
    equal groups; the panel recommended C1."""
    rows = [
        (c, f"q{n}", m, value)
        for c, values in votes.items()
        for n, value in enumerate(values, start=1)
        for m in ("m1", "m2", "m3", "m4")
    ]
    made = session(
        "LLPP",
        rows,
        questions=SIX,
        candidates=[("c1", "Alex"), ("c2", "Bo"), ("c3", "Cy")],
        settings=Settings(weighting="equal_groups"),
    )
    recommend = Decision(candidate="c1", outcome="recommend", at=T0)
    return made.model_copy(update={"title": "Staff panel", "decisions": [recommend]})


def test_a_candidate_interviewed_in_part_is_never_the_first_choice_and_is_named() -> None:
    # Before: "C3: No decision yet", and the round counted as not yet decided.
    report = compare_rounds([staff_panel()])
    (only,) = report.rounds
    assert (only.first_choices, only.first_choice) == (["C1"], "recommended")
    said = "C1: Recommended (C3 left out: scored on 2 of 6 questions)"
    assert first_choice_words(only) == said
    assert (report.counts["recommended"], report.counts["undecided"]) == (1, 0)
    text = render_rounds(report, "md")
    assert said in text
    assert "the most questions" in report.method
    assert said in render_rounds(report, "html")
    (row,) = [
        r
        for r in csv.DictReader(io.StringIO(render_rounds(report, "csv")))
        if r["title"] == "Staff panel"
    ]
    assert row["lived_experience_first_choice"] == "C1"
    assert row["first_choice_left_out"] == "C3 (scored on 2 of 6 questions)"
    assert list(row)[-1] == "mode"


def test_a_candidate_interviewed_in_part_below_the_first_choice_is_not_named() -> None:
    # C3 all down on its two questions: it would not have been first, so nothing is left out.
    report = compare_rounds([staff_panel({**VOTES, "c3": ["down", "down"]})])
    (only,) = report.rounds
    assert first_choice_words(only) == "C1: Recommended"


def test_a_candidate_interviewed_in_full_stays_in_when_the_lived_experience_members_abstained() -> (
    None
):
    # Both lived-experience members declared a conflict on C1's question 6: the panel
    # still scored C1 on all six (the professionals voted), as the summary counts it,
    # so C1 is no candidate interviewed in part and stays the first choice.
    made = staff_panel()
    votes = [
        v.model_copy(update={"value": "abstain"})
        if (v.candidate, v.question, v.member) in {("c1", "q6", "m1"), ("c1", "q6", "m2")}
        else v
        for v in made.votes
    ]
    (only,) = compare_rounds([made.model_copy(update={"votes": votes})]).rounds
    assert first_choice_words(only) == "C1: Recommended (C3 left out: scored on 2 of 6 questions)"


def test_a_candidate_whose_lived_experience_votes_are_all_sealed_is_named_beside_none() -> None:
    # Found by a tester: the lived-experience members' only votes, on C1, still sealed
    # (the professional has not voted): "None: No counted lived-experience votes", and
    # C1, who would have been first, went unnamed.
    made = session("LLP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up")])
    (only,) = compare_rounds([made]).rounds
    said = "None: No counted lived-experience votes (C1 left out: 1 answer still sealed)"
    assert first_choice_words(only) == said
    rows = csv.DictReader(io.StringIO(render_rounds(compare_rounds([made]), "csv")))
    (row,) = [r for r in rows if r["title"] == "Test"]
    assert row["first_choice_left_out"] == "C1 (1 answer still sealed)"
