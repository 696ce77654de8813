"""The heading line is cut to the cells it has, by its longest part (ui/widgets/heading.py)."""

from __future__ import annotations

from rich.cells import cell_len

from panel_tui.domain.interview_lines import Line
from panel_tui.ui.widgets.heading import fitted


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
