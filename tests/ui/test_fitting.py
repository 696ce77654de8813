"""Text is cut to the cells it has, with a mark; the heading by its name first (ui/widgets/fitting.py)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from panel_tui.domain.interview_heading import Heading
from panel_tui.domain.interview_lines import Line, plain
from panel_tui.ui.widgets.fitting import cut_apart, cut_to, fitted


def cells(line: Line) -> int:
    return sum(cell_len(text) for text, _ in line)


def test_a_long_name_is_cut_and_the_code_kept() -> None:
    heading = Heading("Candidate 1 of 2: ", "Bartholomew Montgomery", code="C1")
    cut = fitted(heading, 30, ascii_only=False)
    assert cells(cut) == 30
    assert plain(cut) == "Candidate 1 of 2: Bartho… (C1)"


def test_wide_characters_are_counted_by_the_cells_they_take() -> None:
    # A name in Chinese characters takes two cells a character: counted by
    # characters, the line overran its width and Textual cut the code off.
    heading = Heading("Candidate 1 of 2: ", "王小明王小明王小明王小明", code="C1")
    cut = fitted(heading, 30, ascii_only=True)
    assert cells(cut) <= 30
    assert plain(cut) == "Candidate 1 of 2: 王小... (C1)"


@pytest.mark.parametrize(
    ("heading", "width", "ascii_only", "expected"),
    [
        # The count is longer than the name: cut by its longest part, the heading
        # lost "of 12" and its colon ("Candidate 10 of…Candidate Number 10 (C10)").
        (
            Heading("Candidate 10 of 12: ", "Candidate Number 10", code="C10"),
            41,
            False,
            "Candidate 10 of 12: Candidate Numb… (C10)",
        ),
        # A long code is cut (brackets kept) before the name is cut to nothing:
        # "Candidate 1 of 1: M… (LONG-CODE-2026-001)" named nobody.
        (
            Heading("Candidate 1 of 1: ", "Maximilian Worthington", code="LONG-CODE-2026-001"),
            41,
            False,
            "Candidate 1 of 1: Maximilian… (LONG-COD…)",
        ),
        # A long code beside a short name: the name whole, the code cut to the rest.
        (
            Heading("Candidate 1 of 1: ", "Sam Lee", code="LONG-CODE-2026-001-EXTRA"),
            41,
            True,
            "Candidate 1 of 1: Sam Lee (LONG-CODE-...)",
        ),
        # A rehearsal keeps its round after the name.
        (
            Heading("Practice: ", "Mock candidate with a long name", " (1 of 3)"),
            30,
            False,
            "Practice: Mock candi… (1 of 3)",
        ),
        # Narrower than the parts never cut: the line's end, with the mark.
        (
            Heading("Candidate 10 of 12: ", "Sam Lee", code="C10"),
            20,
            True,
            "Candidate 10 of 1...",
        ),
    ],
)
def test_the_heading_cuts_the_name_then_a_long_code_and_never_the_count(
    heading: Heading, width: int, ascii_only: bool, expected: str
) -> None:
    cut = fitted(heading, width, ascii_only=ascii_only)
    assert plain(cut) == expected
    assert cells(cut) <= width


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


NAMES = ("Christopher Robinson", "Christopher Robertson", "Sam Okafor", "Christopherson")


@pytest.mark.parametrize(
    ("name", "others", "width", "ascii_only", "expected"),
    [
        # cut at its end when that reads apart from every other name
        ("Sam Okafor", NAMES, 8, False, "Sam Oka…"),
        ("Christopherson", ("Christopher Robinson", "Sam Okafor"), 10, False, "Christoph…"),
        # two names with one start: initials and the last word
        ("Christopher Robinson", NAMES, 14, False, "C. Robinson"),
        ("Christopher Robertson", NAMES, 10, True, "C. Robe..."),
        # one word each, alike at the start: cut in the middle, keeping the end
        ("Christopherson1", ("Christopherson2",), 12, False, "Chr…pherson1"),
        # alike at both ends too: cut at the end, as before (the seat tells them apart)
        ("Christopher Robinson", ("Christopher Robinson",), 14, False, "Christopher R…"),
        ("Chris Ann Robinson", ("Chris Ann Robertson", "Chris Anne Robinson"), 4, True, "C..."),
        # a name that fits is whole, whatever the others
        ("Sam Okafor", NAMES, 10, False, "Sam Okafor"),
    ],
)
def test_a_cut_name_reads_apart_from_the_others(
    name: str, others: tuple[str, ...], width: int, ascii_only: bool, expected: str
) -> None:
    shown = cut_apart(name, others, width, ascii_only=ascii_only)
    assert shown == expected
    assert cell_len(shown) <= width
