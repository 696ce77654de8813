"""The joint summary says which answers are still sealed, as the session's own export does.

Found by a tester: an answer not every voting member had voted on, whose votes were
not shown, read "No score" in the joint summary (empty in the csv), with nothing
under "Worth a look", where the session's export said it was still sealed.
"""

from __future__ import annotations

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.exports.combined import render_combined
from panel_tui.domain.models import Session
from tests.domain.test_combine import panel_a, panel_b


def _without(session: Session, candidate: str, question: str, member: str) -> Session:
    """The session with one member's vote on one answer never given: the answer stays sealed."""
    kept = [
        v
        for v in session.votes
        if (v.candidate, v.question, v.member) != (candidate, question, member)
    ]
    return session.model_copy(update={"votes": kept})


def _sealed_a() -> Session:
    # C1's question 2 and C2's question 1 in panel A: one member of two has voted.
    return _without(_without(panel_a(), "c1", "q2", "m2"), "c2", "q1", "m1")


def test_each_panel_with_answers_still_sealed_is_worth_a_look() -> None:
    combined = combine_sessions(_sealed_a(), _without(panel_b(), "c2", "q2", "m2"))
    assert [w for w in combined.warnings if "sealed" in w] == [
        "Lived-experience panel (panel-a): 2 answers still sealed are left out until their "
        "votes are shown: Question 2 for C1 and Question 1 for C2.",
        "Staff panel (panel-b): 1 answer still sealed is left out until its votes are "
        "shown: Question 2 for C2.",
    ]


def test_nothing_is_said_of_sealed_answers_when_there_are_none() -> None:
    combined = combine_sessions(panel_a(), panel_b())
    assert not [w for w in combined.warnings if "sealed" in w]
    assert "Sealed" not in render_combined(combined, "md")


def test_a_sealed_answer_reads_sealed_in_its_panels_cell() -> None:
    combined = combine_sessions(_sealed_a(), panel_b())
    c1 = next(c for c in combined.ranking if c.code == "C1")
    q2 = next(q for q in c1.questions if q.question == "q2")
    # Still counted nowhere (the votes the room has not seen): A's score is C1's q1 alone.
    assert (q2.a, q2.a_sealed, q2.b_sealed) == (None, True, False)
    assert c1.a == 1.0
    md = render_combined(combined, "md")
    assert (
        "| 2. Question q2? | Sealed | 75.0% | Sealed in Lived-experience panel | Not available |"
        in md
    )
    # The voted row beside it is as before.
    assert "| 1. Question q1? | 100.0% | 25.0% | 62.5% |" in md
    html = render_combined(combined, "html")
    assert (
        '<td>2. Question q2?</td><td class="num">Sealed</td><td class="num">75.0%</td>'
        '<td class="num">Sealed in Lived-experience panel</td>'
    ) in html
    # And said under "Worth a look" in both.
    line = "Lived-experience panel (panel-a): 2 answers still sealed"
    assert line in md and line in html
