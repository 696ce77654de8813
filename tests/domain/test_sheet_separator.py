"""A first line ``sep=;`` names a sheet's separator, as Excel reads it.

Excel in much of Europe, and HR systems copying it, save CSV with a first line
naming the separator. Found by a tester: ``prepare`` took that line for the
heading row and refused both sheets for want of every column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.prepare import PrepareError, load_panel
from tests.domain.cli_runs import data, run
from tests.domain.hr_sheets import BOM, make, problems, sheets

__all__ = ["data"]  # the fixture, shared from tests/domain/cli_runs.py

PANEL_ROWS = b"Name;Role;Seat\r\nSam Okafor;Lived experience;1\r\nDan Reilly;Professional;\r\n"


@pytest.mark.parametrize(
    "first",
    [
        b"sep=;\r\n",  # as Excel writes it
        BOM + b"sep=;\r\n",  # with the byte-order mark of "CSV UTF-8"
        b"SEP=;\r\n",  # any case
        b"Sep=;;;\r\n",  # padded with empty cells by a spreadsheet saving it again
        b"sep=; \r\n",  # a space after it
        b"sep=;\n",  # LF line ends
    ],
    ids=["excel", "bom", "capitals", "padded", "space", "lf"],
)
def test_a_sep_line_names_the_separator_and_is_not_the_heading_row(first: bytes) -> None:
    members = load_panel((first + PANEL_ROWS, "panel.csv"))
    assert [(m.name, m.role, m.seat) for m in members] == [
        ("Sam Okafor", "lived_experience", 1),
        ("Dan Reilly", "professional", 2),
    ]


@pytest.mark.parametrize(
    ("separator", "name"),
    [(b",", "Lee; Jo"), (b"\t", "Lee, Jo; Jr"), (b"|", "Lee, Jo; Jr")],
    ids=["comma", "tab", "bar"],
)
def test_only_the_separator_named_splits_the_cells(separator: bytes, name: str) -> None:
    # Unquoted names holding the other separators stay whole.
    raw = b"sep=" + separator + b"\r\n" + separator.join([b"name", b"role"]) + b"\r\n"
    raw += separator.join([name.encode(), b"professional"]) + b"\r\n"
    assert [(m.name, m.role) for m in load_panel((raw, "panel.csv"))] == [(name, "professional")]


def test_both_sheets_with_sep_lines_make_a_session() -> None:
    candidates = BOM + b"sep=;\r\nCode;Name\r\nC1;Morgan, Alex\r\nC2;\r\n"
    session = make(b"sep=;\r\n" + PANEL_ROWS, candidates)
    assert [m.name for m in session.panel] == ["Sam Okafor", "Dan Reilly"]
    assert [(c.code, c.name) for c in session.candidates] == [
        ("C1", "Morgan, Alex"),
        ("C2", None),
    ]


def test_problems_are_named_at_the_lines_a_person_sees_with_the_sep_line_as_line_1() -> None:
    panel = BOM + b"sep=;\r\nName;Role;Seat\r\nSam;chair;1\r\nDan;professional;x\r\n"
    candidates = b"sep=,\r\nCode,Name\r\nC1,Alex\r\nc1,Jo\r\n"
    assert problems(panel, candidates) == [
        "panel.csv, line 3, column B (role): must be lived experience, professional or "
        'observer (it is "chair")',
        'panel.csv, line 4, column C (seat): must be a whole number from 1 to 9 (it is "x")',
        'candidates.csv, line 4, column A (code): the code "c1" is already used on line 3; '
        "each candidate needs their own code",
    ]


@pytest.mark.parametrize(
    ("last", "said"),
    [
        (b'"Priya;professional\r\n', "panel.csv, line 4: opens a quote mark"),
        (b"Pri\xffya;professional\r\n", "panel.csv, line 4: is not UTF-8 text"),
        (b"Priya;professional;extra\r\n", "panel.csv, line 4: has text in column C"),
    ],
    ids=["quote never closed", "not utf-8", "past the headings"],
)
def test_whole_sheet_problems_count_the_sep_line_too(last: bytes, said: str) -> None:
    raw = b"sep=;\r\nname;role\r\nSam;professional\r\n" + last
    with pytest.raises(PrepareError) as refused:
        load_panel((raw, "panel.csv"))
    (problem,) = [str(p) for p in refused.value.problems]
    assert problem.startswith(said), problem


def test_a_sep_line_that_does_not_match_the_sheet_says_what_was_expected() -> None:
    # The tester's sheets: "sep=," over semicolons, "sep=;" over commas. Each is
    # named once, with the line to change, not as every column missing.
    panel = b"sep=,\r\nName;Role;Seat\r\nSam;professional;1\r\n"
    candidates = BOM + b"sep=;\r\nCode,Name\r\nC1,Alex\r\n"
    assert problems(panel, candidates) == [
        'panel.csv, line 2: the heading row "Name;Role;Seat" has semicolons between its '
        "headings, but line 1, 'sep=,', says the cells are separated by commas; change that "
        "line to 'sep=;', or delete it",
        'candidates.csv, line 2: the heading row "Code,Name" has commas between its '
        "headings, but line 1, 'sep=;', says the cells are separated by semicolons; change "
        "that line to 'sep=,', or delete it",
    ]


def test_a_sheet_with_only_its_sep_line_is_said_to_be_empty() -> None:
    assert problems(b"sep=;\r\n", BOM + b"sep=,\r\n\r\n") == [
        "panel.csv: has only the line naming its separator (sep=); it needs a heading row and rows",
        "candidates.csv: has only the line naming its separator (sep=); it needs a heading "
        "row and rows",
    ]


def test_prepare_takes_sheets_with_sep_lines(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sheets(tmp_path, BOM + b"sep=;\r\n" + PANEL_ROWS, b"sep=;\r\nCode;Name\r\nC1;Alex\r\n")
    assert run(data, "prepare", "--bank", "support-worker", *files) == 0
    assert "1 candidate, 2 panel members" in capsys.readouterr().out


CANNOT_USE = (
    "is Excel's line naming the separator ({}), but panel-tui cannot use it as written (it "
    "should be 'sep=' and one separator alone, such as 'sep=;'); "
)
COMMAS = "the rest of the sheet has commas between its cells, so delete that line"


@pytest.mark.parametrize(
    ("candidates", "line", "quoted", "advice"),
    [
        # The line kept as a cell by a spreadsheet and saved again with commas.
        (b"sep=;,,,\r\nCode,Name,Notes,Email\r\nC1,Alex,,\r\n", 1, '"sep=;,,,"', COMMAS),
        (BOM + b"sep=;,\r\nCode,Name\r\nC1,Alex\r\n", 1, '"sep=;,"', COMMAS),
        # A backslash and a t, typed by hand for a tab.
        (
            b"sep=\\t\r\nCode\tName\r\nC1\tAlex\r\n",
            1,
            '"sep=\\t"',
            "the rest of the sheet has tabs between its cells, so delete that line",
        ),
        # A real tab, then a comma: not quoted, as a tab would not show.
        (
            b"SEP=\t,\r\nCode\tName\r\nC1\tAlex\r\n",
            1,
            "it begins 'sep='",
            "the rest of the sheet has tabs between its cells, so delete that line",
        ),
        # Quoted, as LibreOffice saves a cell holding a semicolon in a semicolon sheet.
        (
            b'"sep=;";;\r\nCode;Name\r\nC1;Alex\r\n',
            1,
            '""sep=;";;"',
            "the rest of the sheet has semicolons between its cells, so delete that line",
        ),
        # A separator found only by the line: the line to write instead.
        (
            b"sep=|,\r\nCode|Name\r\nC1|Alex\r\n",
            1,
            '"sep=|,"',
            "the rest of the sheet has '|' characters between its cells, so change that line "
            "to 'sep=|'",
        ),
        # Blank lines before it: the line a person sees; one column, so no separator to name.
        (b"\r\n\r\nsep = ;,\r\nCode\r\nC1\r\n", 3, '"sep = ;,"', "delete that line"),
        (b"sep=\r\n", 1, '"sep="', "delete that line, and give the sheet a heading row and rows"),
    ],
    ids=["saved again", "comma", "backslash t", "tab comma", "quoted", "bar", "blanks", "alone"],
)
def test_a_sep_line_that_cannot_be_used_is_said_once_with_what_to_do(
    candidates: bytes, line: int, quoted: str, advice: str
) -> None:
    # Found by a review: each was taken for the heading row, and refused with
    # advice to save as comma CSV, or as the headings "sep=", ",".
    assert problems(PANEL_ROWS, candidates) == [
        f"candidates.csv, line {line}: {CANNOT_USE.format(quoted)}{advice}"
    ]
