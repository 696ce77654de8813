"""The new-session form's rules, without a terminal: a table per rule, a comment per case.

The rows and the whole form; the single boxes (text, the share, the rule's words)
are in test_setup_boxes.py. The form's screen only reads its boxes and shows what
:mod:`panel_tui.domain.setup_form` answers; ``tests/ui/test_home.py`` keeps the
journeys that prove it shows each problem beside its box and stores a valid
session as typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from panel_tui.domain import setup_form
from panel_tui.domain.banks import BankEntry, banks_for
from panel_tui.domain.models import Candidate, Member, Session, Settings
from panel_tui.domain.setup_form import (
    NOT_SAVED,
    CandidateTyped,
    FormProblems,
    FormTyped,
    MemberTyped,
    RowProblems,
    check_candidates,
    check_form,
    check_members,
    mock_words,
    next_code,
    next_seat,
)
from tests.domain.form_rows import BANK, PRACTICE_BANK, SAM
from tests.domain.helpers import plain

C1, C2 = CandidateTyped("C1"), CandidateTyped("C2")


# -- the panel --------------------------------------------------------------------

MEMBER_PROBLEMS: list[tuple[list[MemberTyped], dict[int, dict[str, str]]]] = [
    # the second member on the first member's seat
    (
        [SAM, MemberTyped("Dan", "", "professional", "1")],
        {1: {"seat": "Member 2: Seat 1 is already taken by member 1 in this list; "}},
    ),
    # nothing typed but the seat
    (
        [MemberTyped("", "", None, "1")],
        {
            0: {
                "name": "Member 1: The name is empty: type it in.",
                "role": "Member 1: Choose a role: lived experience, professional or observer.",
            }
        },
    ),
    # no seat
    ([MemberTyped("Sam", "", "observer", "")], {0: {"seat": "Member 1: Give a seat number"}}),
    # a seat no panel has (the form's box takes 1 to 9 only; the rule holds anyway)
    (
        [MemberTyped("Sam", "", "observer", "10")],
        {0: {"seat": "Member 1: The seat must be a whole number from 1 to 9."}},
    ),
    # a control character pasted into a name
    (
        [MemberTyped("Sam\x1b[2J", "", "professional", "1")],
        {0: {"name": "Member 1: The name holds a control character (U+001B)"}},
    ),
    # a text-direction override in the second member's pronouns
    (
        [SAM, MemberTyped("Dan", "he\u202eevil", "professional", "2")],
        {1: {"pronouns": "Member 2: The pronouns holds a text-direction control character"}},
    ),
    # a name longer than a line may be
    (
        [MemberTyped("x" * 201, "", "professional", "1")],
        {0: {"name": "Member 1: The name is too long: at most 200 characters."}},
    ),
]


def assert_named_beside_boxes(found: object, expected: dict[int, dict[str, str]]) -> None:
    """Each row's problems, beside the boxes expected, each starting with the words expected."""
    assert isinstance(found, RowProblems) and found.whole is None
    # The same rows, and in each the same boxes in the same order (the first gets the focus).
    assert {row: list(boxes) for row, boxes in found.rows.items()} == {
        row: list(boxes) for row, boxes in expected.items()
    }
    for row, boxes in expected.items():
        for box, said in boxes.items():
            assert plain(found.rows[row][box]).startswith(said)


@pytest.mark.parametrize(("typed", "expected"), MEMBER_PROBLEMS)
def test_each_member_problem_is_named_beside_its_box(
    typed: list[MemberTyped], expected: dict[int, dict[str, str]]
) -> None:
    assert_named_beside_boxes(check_members(typed), expected)


def test_a_panel_with_no_member_is_refused_kindly() -> None:
    assert check_members([]) == RowProblems(whole="Add at least one panel member.")


def test_a_panel_is_made_as_typed() -> None:
    typed = [
        MemberTyped(" Sam ", "she", "lived_experience", "1"),
        MemberTyped("Dan", "  ", "professional", "4"),  # pronouns of spaces are none
        MemberTyped("Jo", "", "observer", "7"),
    ]
    assert check_members(typed) == [
        Member(id="m1", name="Sam", pronouns="she", role="lived_experience", seat=1),
        Member(id="m2", name="Dan", role="professional", seat=4),
        Member(id="m3", name="Jo", role="observer", seat=7),
    ]


SEATS: list[tuple[list[str], int | None]] = [
    ([], 1),  # the first row
    (["1"], 2),  # the next seat
    (["1", "3"], 2),  # a gap is filled first
    (["2", ""], 1),  # a row with no seat yet holds none
    ([str(n) for n in range(1, 10)], None),  # every seat held
    (["1", "", "", "", "", "", "", "", ""], None),  # a row per seat, some still empty
]


@pytest.mark.parametrize(("seats", "free"), SEATS)
def test_a_new_member_row_takes_the_first_free_seat(seats: list[str], free: int | None) -> None:
    assert next_seat(seats) == free


# -- the candidates ---------------------------------------------------------------

CANDIDATE_PROBLEMS: list[tuple[list[CandidateTyped], dict[int, dict[str, str]]]] = [
    # an empty code
    ([CandidateTyped(""), C2], {0: {"code": "Candidate 1: The code is empty: type it in."}}),
    # two candidates may not share a code, whatever the case
    (
        [C1, CandidateTyped("c1")],
        {1: {"code": "Candidate 2: The code c1 is already used by candidate 1; "}},
    ),
    # nor a code that differs only by an invisible character (a zero-width space)
    (
        [C1, CandidateTyped("C1\u200b")],
        {1: {"code": "Candidate 2: The code C1\u200b is already used by candidate 1"}},
    ),
    # a candidate's optional name is checked too
    (
        [CandidateTyped("C1", "A\x07"), C2],
        {0: {"name": "Candidate 1: The name holds a control character (U+0007)"}},
    ),
    # both boxes of a row at once, in the order of the boxes
    (
        [CandidateTyped("", "A\x07")],
        {
            0: {
                "code": "Candidate 1: The code is empty",
                "name": "Candidate 1: The name holds a control character",
            }
        },
    ),
]


@pytest.mark.parametrize(("typed", "expected"), CANDIDATE_PROBLEMS)
def test_each_candidate_problem_is_named_beside_its_box(
    typed: list[CandidateTyped], expected: dict[int, dict[str, str]]
) -> None:
    assert_named_beside_boxes(check_candidates(typed), expected)


def test_a_list_with_no_candidate_is_refused_kindly() -> None:
    assert check_candidates([]) == RowProblems(whole="Add at least one candidate.")


def test_candidates_are_made_as_typed() -> None:
    typed = [CandidateTyped("C1", " Alex "), CandidateTyped("B7", "")]
    assert check_candidates(typed) == [
        Candidate(id="c1", code="C1", name="Alex"),
        Candidate(id="c2", code="B7"),
    ]


CODES: list[tuple[list[str], str]] = [
    ([], "C1"),  # the first row
    (["C1"], "C2"),  # the next code
    (["C1", "c3"], "C2"),  # a gap is filled first, whatever the case
    (["C2", "C1\u200b"], "C3"),  # a code with an invisible character is that code
    (["B7"], "C1"),  # codes of another form leave C1 free
]


@pytest.mark.parametrize(("codes", "free"), CODES)
def test_a_new_candidate_row_takes_the_first_free_code(codes: list[str], free: str) -> None:
    assert next_code(codes) == free


# -- the whole form ---------------------------------------------------------------


def test_an_untouched_form_names_each_missing_choice() -> None:
    found = check_form(FormTyped(bank=None, title="", members=[MemberTyped("", "", None, "1")]))
    assert isinstance(found, FormProblems)
    assert found.boxes == {
        "bank": "Choose the question bank to use.",
        "title": "The title is empty: type it in.",
    }
    assert found.members.rows[0]["name"] == "Member 1: The name is empty: type it in."
    assert found.members.rows[0]["role"].startswith("Member 1: Choose a role")
    assert found.candidates == RowProblems(whole="Add at least one candidate.")


def test_every_problem_is_found_at_once() -> None:
    form = FormTyped(
        bank=BANK,
        title="Round\x1b",
        members=[SAM, MemberTyped("Dan", "", "professional", "1")],
        candidates=[C1, CandidateTyped("c1")],
        weighting="lived_experience_share",
        share="2",
    )
    found = check_form(form)
    assert isinstance(found, FormProblems)
    assert list(found.boxes) == ["title", "share"]
    assert list(found.members.rows) == [1] and list(found.candidates.rows) == [1]


def test_a_form_typed_right_makes_the_session_as_typed() -> None:
    form = FormTyped(
        bank=BANK,
        title="March",
        members=[
            MemberTyped("Sam", "she", "lived_experience", "1"),
            MemberTyped("Dan", "", "professional", "4"),
            MemberTyped("Jo", "", "observer", "7"),
        ],
        candidates=[CandidateTyped("C1", "Alex"), CandidateTyped("B7")],
        weighting="equal_groups",
        sealed=False,
    )
    session = check_form(form)
    assert isinstance(session, Session)
    assert session.title == "March" and session.bank == BANK and session.mode == "live"
    assert [(m.name, m.pronouns, m.role, m.seat) for m in session.panel] == [
        ("Sam", "she", "lived_experience", 1),
        ("Dan", None, "professional", 4),
        ("Jo", None, "observer", 7),
    ]
    assert [(c.code, c.name) for c in session.candidates] == [("C1", "Alex"), ("B7", None)]
    assert session.settings == Settings(sealed=False, weighting="equal_groups")
    assert not session.votes


def test_a_practice_form_takes_the_mock_candidates_and_no_rows() -> None:
    form = FormTyped(
        bank=PRACTICE_BANK,
        title="Practice: support work",
        members=[MemberTyped("Ann Lee", "", "lived_experience", "1")],
        candidates=[CandidateTyped("")],  # never read in practice
        practice=True,
    )
    session = check_form(form)
    assert isinstance(session, Session)
    assert session.mode == "practice" and session.bank == PRACTICE_BANK
    assert [c.code for c in session.candidates] == ["Mock A", "Mock B", "Mock C"]
    assert mock_words(PRACTICE_BANK).startswith("3 mock candidates (Mock A, Mock B, Mock C)")


@pytest.mark.parametrize(
    ("bank", "practice", "said"),
    [
        # A live round on a practice bank: mock candidates' sample answers would
        # sit beside real candidates (found by a review: made as a live session).
        (
            "practice",
            False,
            "This is a practice bank: choose a bank without sample answers for a live round.",
        ),
        # A rehearsal on a bank with no sample answers (found by a review: an
        # uncaught ValueError).
        (
            "live",
            True,
            "This bank has no sample answers to rehearse with: choose a practice bank.",
        ),
    ],
)
def test_a_bank_of_the_other_kind_is_named_beside_its_box(
    bank: str, practice: bool, said: str
) -> None:
    form = FormTyped(
        bank=PRACTICE_BANK if bank == "practice" else BANK,
        title="March",
        members=[SAM],
        candidates=[C1],
        practice=practice,
    )
    found = check_form(form)
    assert isinstance(found, FormProblems)
    assert found.boxes == {"bank": said}


def test_the_form_offers_only_the_banks_of_its_kind() -> None:
    entries = [
        BankEntry(Path("live.toml"), "shipped", BANK),
        BankEntry(Path("practice.toml"), "shipped", PRACTICE_BANK),
        BankEntry(Path("broken.toml"), "yours", None),
    ]
    assert [e.path.name for e in banks_for(entries, practice=False)] == ["live.toml"]
    assert [e.path.name for e in banks_for(entries, practice=True)] == ["practice.toml"]


def test_a_session_the_models_refuse_is_said_under_the_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> Session:
        Settings(lived_experience_share=2)
        raise AssertionError("Settings accepted a share of 2")

    monkeypatch.setattr(setup_form, "new_session", refuse)
    found = check_form(FormTyped(bank=BANK, title="March", members=[SAM], candidates=[C1]))
    assert isinstance(found, FormProblems)
    assert found.boxes == {
        "form": "The session could not be made: it must be a number between 0 and 1, "
        "such as 0.3 (it is 2)."
    }
    assert not found.members and not found.candidates
    assert NOT_SAVED.startswith("Nothing was saved yet")


def test_models_refuse_what_the_form_would_catch() -> None:
    # The form's own checks come first, but the models stand behind them.
    with pytest.raises(ValidationError):
        Member(id="m1", name="Sam\x1b", role="observer", seat=1)
