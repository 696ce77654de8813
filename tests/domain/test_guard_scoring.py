"""Scoring rules an interview day leans on, each guarded against one small slip.

Written by a mutation audit: each test failed with the slip its comment names,
where no other domain or export test did.
"""

from __future__ import annotations

from panel_tui.domain.scoring import score_session
from tests.domain.builders import session


def test_a_rehearsal_low_essential_answer_is_no_concern_where_a_live_one_is() -> None:
    # Protects the rehearsal clause of the concern rule: dropping
    # ``session.mode != "practice"`` flags trainees' rightly low rating of a sample answer.
    rows = [("c1", "q1", "m1", "down"), ("c1", "q1", "m2", "down")]
    live = session("LP", rows, questions=[("q1", 1.0, True)])
    practice = live.model_copy(update={"mode": "practice"})
    assert score_session(live).by_candidate["c1"].questions[0].concern is True
    assert score_session(practice).by_candidate["c1"].questions[0].concern is False
    assert score_session(practice).by_candidate["c1"].concerns == []
