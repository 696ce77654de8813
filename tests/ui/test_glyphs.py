"""The symbols of each display mode, said with their words."""

from __future__ import annotations

import pytest

from panel_tui.domain.scoring import Tally
from panel_tui.ui.glyphs import ASCII, UNICODE, Glyphs


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        # Each value's own count beside its symbol and word, in the order of the keys.
        (UNICODE, "3 ▲ Up, 2 ● Middle, 1 ▼ Down, 4 – Abstain"),
        # The same in plain ASCII.
        (ASCII, "3 + Up, 2 o Middle, 1 - Down, 4 / Abstain"),
    ],
)
def test_a_tally_names_each_value_with_its_own_count(marks: Glyphs, expected: str) -> None:
    assert marks.tally(Tally(up=3, middle=2, down=1, abstain=4)) == expected
