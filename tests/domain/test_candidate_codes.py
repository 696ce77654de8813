"""One rule for a session's candidate codes, wherever they are given.

A code is one line of text (``text.Code``); two codes are one when they differ
only in capitals, spaces at the ends or invisible characters
(``session_checks.code_key``). Found by a tester: import took C1 and c1 in one
session, where ``prepare`` and the new-session form refused them.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from panel_tui.domain.combine import CombineError, combine_sessions
from panel_tui.domain.csv_sheet import read_sheet
from panel_tui.domain.importing import SessionFileError, parse_session
from panel_tui.domain.models import Candidate, Session
from panel_tui.domain.prepare import candidates_from
from panel_tui.domain.session_checks import code_key, repeated_codes
from panel_tui.domain.setup_form import CandidateTyped, RowProblems, check_candidates
from tests.domain.builders import session
from tests.domain.helpers import HR_FILE, plain


@pytest.mark.parametrize(
    ("codes", "repeated"),
    [
        (["C1", "C2"], {}),
        (["C1", "c1"], {1: 0}),  # capitals aside
        (["C1", " C1 "], {1: 0}),  # spaces at the ends
        (["C1", "C\u200b1"], {1: 0}),  # a zero-width space pasted in
        (["C1", "C2", "c2", "c1"], {2: 1, 3: 0}),
        (["", ""], {}),  # empty codes are refused as empty, not as repeats
        (["Mock A", "mock a"], {1: 0}),  # a code may hold a space, as practice's do
    ],
)
def test_which_codes_repeat_an_earlier_one(codes: list[str], repeated: dict[int, int]) -> None:
    assert repeated_codes(codes) == repeated
    assert code_key("X1") == code_key("x1")


def _hr_with_codes(*codes: str) -> bytes:
    record: dict[str, Any] = copy.deepcopy(HR_FILE)
    first = record["candidates"][0]
    record["candidates"] = [
        {**first, "id": f"c{n}", "code": code} for n, code in enumerate(codes, 1)
    ]
    return json.dumps(record).encode()


def test_import_prepare_and_the_form_refuse_codes_alike_but_for_capitals() -> None:
    with pytest.raises(SessionFileError) as caught:
        parse_session(_hr_with_codes("C1", "c1"), "hr.json")
    assert plain(str(caught.value)).splitlines()[1:] == [
        "hr.json: candidate 2 has the code 'c1', which is candidate 1's 'C1': codes that "
        "differ only in capitals are one code; each candidate needs their own code"
    ]
    # Written alike, said as before.
    with pytest.raises(SessionFileError) as caught:
        parse_session(_hr_with_codes("C1", "C1"), "hr.json")
    assert "candidate 2 has the code 'C1', as candidate 1 does; each candidate needs" in str(
        caught.value
    )
    assert [c.code for c in parse_session(_hr_with_codes("C1", "C2"), "hr.json").candidates] == [
        "C1",
        "C2",
    ]

    sheet = read_sheet(
        b"code,name\nC1,Alex\nc1,Bo\n", "candidates.csv", ("code", "name"), ("code",)
    )
    _, problems = candidates_from(sheet)
    assert [str(p) for p in problems] == [
        'candidates.csv, line 3, column A (code): the code "c1" is already used on line 2; '
        "each candidate needs their own code"
    ]

    form = check_candidates([CandidateTyped("C1"), CandidateTyped("c1")])
    assert isinstance(form, RowProblems)
    assert form.rows == {
        1: {
            "code": "Candidate 2: The code c1 is already used by candidate 1; each candidate "
            "needs their own code."
        }
    }


def test_a_session_kept_before_the_rule_still_opens() -> None:
    # Kept sessions are read without the import's context: an earlier import may
    # have taken C1 and c1, and such a session is never set aside for it.
    record = json.loads(_hr_with_codes("C1", "c1"))
    record["votes"] = record["notes"] = record["decisions"] = []
    kept = Session.model_validate(record)
    assert [c.code for c in kept.candidates] == ["C1", "c1"]
    assert isinstance(kept.candidates[0], Candidate)


def test_combine_will_not_guess_between_kept_codes_alike_but_for_capitals() -> None:
    a = session("L", candidates=[("c1", "Alex")]).model_copy(update={"id": "panel-a"})
    b = session("P", candidates=[("c1", "Alex"), ("c2", "Bo")])
    both = [b.candidates[0], b.candidates[1].model_copy(update={"code": "c1"})]
    with pytest.raises(CombineError) as caught:
        combine_sessions(a, b.model_copy(update={"id": "panel-b", "candidates": both}))
    assert str(caught.value) == (
        "panel-b has the candidates C1 and c1, whose codes differ only in capitals, so they "
        "cannot be matched up. Give one another code."
    )
