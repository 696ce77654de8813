"""Text is cut to the cells it has, with a mark, and the heading by its longest part (ui/widgets/fitting.py)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from panel_tui.domain.interview_lines import Line
from panel_tui.ui.widgets.fitting import cut_to, fitted


def cells(line: Line) -> int:
    return sum(cell_len(text) for text, _ in line)


def test_a_long_name_is_cut_and_the_code_kept() -> None:
    line: Line = (
        ("Candidate 1 of 2: ", ""),
        ("Bartholomew Montgomery", "strong"),
        (" (C1)", ""),
    )
    cut = fitted(line, 30, ascii_only=False)
    assert cells(cut) == 30
    assert cut[-1] == (" (C1)", "") and cut[1][0].endswith("…")


def test_wide_characters_are_counted_by_the_cells_they_take() -> None:
    # A name in Chinese characters takes two cells a character: counted by
    # characters, the line overran its width and Textual cut the code off.
    line: Line = (
        ("Candidate 1 of 2: ", ""),
        ("王小明王小明王小明王小明", "strong"),
        (" (C1)", ""),
    )
    cut = fitted(line, 30, ascii_only=True)
    assert cells(cut) <= 30
    assert cut[-1] == (" (C1)", "")


@pytest.mark.parametrize(
    ("text", "width", "ascii_only", "expected"),
    [
        # Fits: as it is, with no mark.
        ("Priya Shah", 10, False, "Priya Shah"),
        # Too long: cut, and the ellipsis says so.
        ("Priya Shah", 8, False, "Priya S…"),
        # Plain ASCII: three full stops, as "…" is not ASCII.
        ("Priya Shah", 8, True, "Priya..."),
        # A space before the mark is dropped, so the mark touches the word.
        ("Priya Shah", 9, True, "Priya..."),
        # Two cells a character: a half character is never left.
        ("王小明王小明", 7, False, "王小明…"),
        # No room for a letter and the mark: the letters, cut.
        ("Priya Shah", 3, True, "Pri"),
    ],
)
def test_text_too_long_is_cut_with_a_mark(
    text: str, width: int, ascii_only: bool, expected: str
) -> None:
    assert cut_to(text, width, ascii_only=ascii_only) == expected
