"""A character no bank file can hold is said as that, with its line and column.

Found in testing: a NUL just after a question's text was reported as a quote
problem (tomllib's "Expected newline or end of document"), and one at the start
of a line as "the line is not a setting"; the editor looked for a quote mark or
a setting that was fine.
"""

from __future__ import annotations

import pytest

from panel_tui.domain.banks import BankError, parse_bank

BANK = 'id = "b"\ntitle = "Bank"\n\n[[questions]]\nid = "q1"\ntext = "Why this work?"\n'


@pytest.mark.parametrize(
    ("before", "said", "line", "column"),
    [
        ('text = "Why this work?"', "a NUL character (U+0000)", 6, 24),  # after the text
        ("text = ", "a NUL character (U+0000)", 6, 8),  # before the value
        ('text = "Why', "a NUL character (U+0000)", 6, 12),  # inside the text
        ("", "a NUL character (U+0000)", 6, 1),  # at the start of a line
        ('text = "Why this work?"', "a control character (U+001B)", 6, 24),
    ],
)
def test_a_character_a_bank_cannot_hold_is_named_where_it_is(
    before: str, said: str, line: int, column: int
) -> None:
    char = "\x1b" if "U+001B" in said else "\x00"
    raw = BANK.replace(before, before + char, 1) if before else BANK.replace("text", char + "text")
    with pytest.raises(BankError) as raised:
        parse_bank(raw.encode(), "bank.toml")
    (problem,) = raised.value.problems
    assert str(problem) == (
        f"bank.toml, line {line}: The line holds {said} at column {column}, which cannot be in a "
        "bank file; delete it (it often comes from copying from another program, or from "
        "a damaged file)"
    )


def test_a_mistake_before_the_character_is_said_first() -> None:
    raw = BANK.replace('title = "Bank"', "title = Bank") + "# \x00\n"
    with pytest.raises(BankError) as raised:
        parse_bank(raw.encode(), "bank.toml")
    (problem,) = raised.value.problems
    assert problem.line == 2 and "double quotes" in str(problem)
