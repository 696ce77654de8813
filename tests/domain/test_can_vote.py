"""Who votes on a panel: ``Member.can_vote``, worked out from the role and never stored."""

from __future__ import annotations

import pytest

from panel_tui.domain.models import Member, Role


@pytest.mark.parametrize(
    ("role", "can_vote"),
    [
        # People with lived experience vote.
        ("lived_experience", True),
        # Staff on the panel vote.
        ("professional", True),
        # Observers take notes and do not vote.
        ("observer", False),
    ],
)
def test_only_observers_do_not_vote(role: Role, can_vote: bool) -> None:
    assert Member(id="m1", name="Ann", role=role, seat=1).can_vote is can_vote


def test_the_stored_member_has_the_same_fields_as_before() -> None:
    # can_vote is derived from the role: session files and the JSON export keep their shape.
    member = Member(id="m1", name="Ann", role="observer", seat=1)
    assert set(member.model_dump(mode="json")) == {
        "id",
        "name",
        "pronouns",
        "role",
        "seat",
        "involvement",
    }
    old = {"id": "m1", "name": "Ann", "role": "professional", "seat": 2}
    assert Member.model_validate(old).can_vote
