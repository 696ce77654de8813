"""The TOML wording table names the likely mistake, not a wrong one."""

from __future__ import annotations

import pytest

from panel_tui.domain.banks import BankError, parse_bank


@pytest.mark.parametrize(
    "line",
    [
        'text = "Tell us about a time you "went the extra mile""',
        "text = 'Tell us about a time you didn't know what to do'",
    ],
)
def test_a_quote_inside_a_question_is_named_not_a_second_setting(line: str) -> None:
    # The commonest slip in a question's text: its own quote marks end the text
    # early. tomllib says "Expected newline or end of document after a
    # statement", which the table turns into "more follows a setting on the
    # same line; give each its own line": the editor looks for a second
    # setting that is not there. What ended the text early is the quote.
    raw = f'id = "b"\ntitle = "Bank"\n\n[[questions]]\nid = "q1"\n{line}\n'
    with pytest.raises(BankError) as raised:
        parse_bank(raw.encode(), "bank.toml")
    (problem,) = raised.value.problems
    assert problem.line == 6
    assert "quote" in str(problem), str(problem)
