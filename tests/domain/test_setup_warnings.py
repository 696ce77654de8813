"""The new-session form's warnings, which never block: a table per rule, a comment per case.

They are also what ``prepare`` prints as notes (``tests/domain/test_prepare.py``).
"""

from __future__ import annotations

import pytest

from panel_tui.domain.models import Weighting
from panel_tui.domain.setup_form import (
    CandidateTyped,
    FormTyped,
    MemberTyped,
    form_warnings,
    mock_words,
)
from tests.domain.form_rows import BANK, DAN, PRACTICE_BANK, SAM

# -- warnings, which never block ------------------------------------------------------

WARNINGS: list[tuple[list[MemberTyped], int, list[str]]] = [
    # two lived-experience members: nothing to say
    ([SAM, DAN], 1, []),
    # fewer lived-experience members than professionals
    (
        [
            SAM,
            MemberTyped("Dan", "", "professional", "2"),
            MemberTyped("H", "", "professional", ""),
        ],
        1,
        ["fewer lived-experience members (1) than professionals (2)"],
    ),
    # no lived-experience member at all: the equal-groups rule cannot help
    # (a tester was told to choose it), so the warning says what is missing
    (
        [MemberTyped("Dan", "", "professional", "1"), MemberTyped("H", "", "professional", "")],
        1,
        ["There is no lived-experience member among the 2 who vote: co-production needs"],
    ),
    # a row with no role yet is not counted
    ([SAM, MemberTyped("", "", None, "2")], 1, []),
    # more interviews than a panel does well in a day
    ([SAM, DAN], 7, ["7 interviews are planned"]),
    # only observers: nobody votes
    ([MemberTyped("Jo", "", "observer", "1")], 1, ["Nobody on the panel votes yet"]),
    # two members with one name (found by a new user): the records could not tell
    # them apart; the seats are those typed, and capitals and spaces do not count
    (
        [
            MemberTyped("Sam Okafor", "", "lived_experience", "3"),
            MemberTyped("Dan", "", "lived_experience", "1"),
            MemberTyped(" sam okafor", "", "lived_experience", "2"),
        ],
        1,
        ["Seats 2 and 3 have the same name, sam okafor: add an initial or a surname"],
    ),
    # three, and a name not yet typed is no name
    (
        [MemberTyped(name, "", "lived_experience", str(n)) for n, name in enumerate("AA A", 1)],
        1,
        ["Seats 1, 2 and 4 have the same name, A:"],
    ),
]


def test_two_candidates_of_one_name_are_said() -> None:
    # Found by a tester: two rows for José Núñez (a row pasted twice?) said nothing.
    typed = [
        CandidateTyped("C1", "José Núñez"),
        CandidateTyped("C2", "Jo"),
        CandidateTyped("C6", " josé  núñez"),
    ]
    form = FormTyped(bank=BANK, title="", members=[SAM, DAN], candidates=typed)
    assert form_warnings(form) == [
        "Candidates C1 and C6 have the same name, José Núñez: check that both are meant. "
        "The screens and records tell them apart by code."
    ]
    # Found by a review: codes not typed yet read "Candidates  and  have".
    blank = FormTyped(
        bank=BANK, title="", members=[SAM, DAN], candidates=[CandidateTyped("", "Alex Smith")] * 2
    )
    assert form_warnings(blank)[0].startswith("2 candidates have the same name, Alex Smith")


@pytest.mark.parametrize(("members", "candidates", "said"), WARNINGS)
def test_warnings_speak_of_the_panel_as_typed(
    members: list[MemberTyped], candidates: int, said: list[str]
) -> None:
    form = FormTyped(
        bank=BANK, title="", members=members, candidates=[CandidateTyped("")] * candidates
    )
    found = form_warnings(form)
    assert len(found) == len(said)
    for warning, words in zip(found, said, strict=True):
        assert words in warning


@pytest.mark.parametrize(
    ("weighting", "fewer"),
    [
        # Each member counts the same: fewer lived-experience members have less say.
        ("per_person", True),
        # Found by a tester: prepare told HR to choose the equal-groups rule when
        # it was chosen, and when the panel had agreed a share. Under either rule
        # the groups' weights do not hang on their numbers.
        ("equal_groups", False),
        ("lived_experience_share", False),
    ],
)
def test_fewer_lived_experience_members_is_said_only_when_each_member_counts_the_same(
    weighting: Weighting, fewer: bool
) -> None:
    professionals = [MemberTyped(n, "", "professional", "") for n in ("Dan", "H")]
    form = FormTyped(
        bank=BANK,
        title="",
        members=[SAM, *professionals],
        candidates=[CandidateTyped("")],
        weighting=weighting,
        share="0.3",
    )
    assert any("fewer lived-experience members" in w for w in form_warnings(form)) == fewer
    # With nobody of lived experience, no rule helps: said under every rule.
    nobody = FormTyped(
        bank=BANK,
        title="",
        members=professionals,
        candidates=[CandidateTyped("")],
        weighting=weighting,
    )
    assert any("no lived-experience member" in w for w in form_warnings(nobody))


def test_practice_warnings_count_the_mock_candidates() -> None:
    form = FormTyped(bank=PRACTICE_BANK, title="", members=[SAM], practice=True)
    assert form_warnings(form) == []  # three mock candidates are a short day
    assert mock_words(None).startswith("Choose the practice bank")
