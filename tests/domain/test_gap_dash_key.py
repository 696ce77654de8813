"""The key to a dash under Voice gap says why each dash shows, and nothing untrue.

Found by a tester: the key said "one group has not voted on that question" under a
sealed row both groups voted on, and under a row where everyone abstained.
"""

from __future__ import annotations

from panel_tui.domain.exports import ExportOptions, as_shown
from panel_tui.domain.models import Session
from panel_tui.domain.summary import build_summary
from tests.domain.builders import session as build

NOT_VOTED = "one group has not voted"


def _key(session: Session) -> str:
    shown, options = as_shown(session, ExportOptions())
    return build_summary(shown, options).no_gap_key


def test_a_sealed_row_both_groups_voted_on_is_said_to_be_sealed() -> None:
    # Everyone voted on q1, so it shows, with a gap; on q2 a lived-experience member
    # and the professional voted, but m2 has not, so it is still sealed.
    rows = [("c1", "q1", m, "up") for m in ("m1", "m2", "m3")]
    rows += [("c1", "q2", "m1", "up"), ("c1", "q2", "m3", "down")]
    made = build("LLP", rows, questions=[("q1", 1.0, False), ("q2", 1.0, False)])
    assert made.sealed_answers() == {("c1", "q2")}
    key = _key(made)
    assert "its votes are still sealed" in key
    assert "no counted vote" not in key and NOT_VOTED not in key


def test_a_row_where_everyone_abstained_is_said_to_have_no_counted_vote() -> None:
    made = build("LP", [("c1", "q1", "m1", "abstain"), ("c1", "q1", "m2", "abstain")])
    unsealed = made.settings.model_copy(update={"sealed": False})
    key = _key(made.model_copy(update={"settings": unsealed}))
    assert "gave no counted vote on it (no vote, or only abstentions)" in key
    assert "sealed" not in key and NOT_VOTED not in key


def test_a_panel_of_one_group_says_the_other_has_no_member_on_screen_and_in_the_files() -> None:
    # Found by a review: staff only, both Up, the key said one group "gave no counted
    # vote on it", where the report says "No lived-experience member on the panel".
    from panel_tui.domain.exports import render

    made = build("PP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up")])
    key = _key(made)
    assert "the panel has no lived-experience member" in key
    assert "no counted vote" not in key
    md = render(made, "md")
    assert "- **Voice gap:** Not available: the panel has no lived-experience member." in md
    only_lived = build("LL", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up")])
    assert "the panel has no professional member" in _key(only_lived)


def test_the_key_has_no_reason_the_screen_never_shows() -> None:
    # A gap left out for one voice is in totals-only copies only, which have no key.
    assert "one voice" not in build_summary(build("LP"), ExportOptions()).NO_GAP_WHY
