"""Figures across panels and rounds leave a sealed answer's votes out too."""

from __future__ import annotations

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.models import Settings
from panel_tui.domain.rounds import round_of
from tests.domain.builders import one_vote, session


def test_combine_never_scores_votes_still_sealed() -> None:
    # b645c9b: "the json's figures leave the sealed answer out as every other
    # export does". combine scores each session whole: panel A's sealed Up on
    # C1 (nobody in the room has seen it) gives C1 100% in the joint ranking.
    sealed = one_vote("a")
    assert sealed.sealed_answers() == {("c1", "q1")}
    shown = session("LP", [("c1", "q1", "m1", "down")], settings=Settings(sealed=False))
    combined = combine_sessions(sealed, shown.model_copy(update={"id": "b"}))
    (c1,) = combined.ranking
    assert c1.a is None, f"panel A's score {c1.a} comes from a vote still sealed"


def test_the_report_across_rounds_never_names_a_first_choice_from_sealed_votes() -> None:
    # The lived-experience first choice is worked out from votes nobody has seen.
    sealed = one_vote("a")
    assert sealed.sealed_answers()
    assert round_of(sealed).first_choices == round_of(sealed.as_shown()).first_choices == []
