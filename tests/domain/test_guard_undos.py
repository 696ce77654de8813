"""The chair's undo, guarded against small slips in what it brings back and takes back.

Written by a mutation audit: each test failed with the slip its comment names,
where no other domain or export test did.
"""

from __future__ import annotations

from datetime import timedelta

from panel_tui.domain.models import Reveal, Session
from panel_tui.domain.undos import undo_event
from tests.domain.builders import T0, session


def _shown_early(made: Session) -> Session:
    reveal = Reveal(candidate="c1", question="q1", at=T0 + timedelta(minutes=5))
    return made.model_copy(update={"reveals": [reveal]})


def test_undoing_a_sealed_change_once_shown_withdraws_it_and_never_brings_back_an_unseen_vote() -> (
    None
):
    # Protects undo_brings_back's first rule: member 1 voted Up then Down while sealed,
    # and the chair showed the votes early (Down on screen). Undo withdraws Down; it
    # must not bring back Up, a vote the room never saw.
    made = _shown_early(session("LLP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m1", "down")]))
    event = undo_event(made, "c1", "q1")
    assert event is not None
    assert (event.member, event.value, event.undoes) == ("m1", None, 1)


def test_undoing_a_sealed_change_before_it_is_shown_brings_back_the_vote_before() -> None:
    # The other side of the same rule: while sealed nobody saw either vote, so Up returns.
    made = session("LLP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m1", "down")])
    event = undo_event(made, "c1", "q1")
    assert event is not None
    assert (event.member, event.value, event.undoes) == ("m1", "up", 1)
