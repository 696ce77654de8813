"""Hostile panel and candidate spreadsheets: plain words, the right column, never a hang."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from panel_tui.domain.csv_sheet import read_sheet
from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.prepare import PrepareError, load_panel
from tests.domain.builders import two_by_two
from tests.domain.helpers import pipe_with_a_writer

PANEL = b"name,role,seat\nSam,lived_experience,1\n"


def test_a_cell_too_long_for_pythons_csv_module_is_said_in_plain_words() -> None:
    raw = b"name,role,seat\n" + b"a" * 200_000 + b",lived_experience,1\n"
    with pytest.raises(PrepareError) as refused:
        read_sheet(raw, "panel.csv", ("name", "role", "seat"), ("name", "role"))
    said = "\n".join(str(p) for p in refused.value.problems)
    assert "panel.csv, line 2" in said, said
    # The csv module's own words ("field larger than field limit (131072)").
    assert "field limit" not in said and "131072" not in said, said


def test_a_heading_given_twice_is_named_not_silently_the_last_one_taken() -> None:
    raw = b"name,name,role,seat\nSam Okafor,Bo Lee,lived_experience,1\n"
    try:
        sheet = read_sheet(raw, "panel.csv", ("name", "role", "seat"), ("name", "role"))
    except PrepareError as refused:
        said = "\n".join(str(p) for p in refused.problems)
        assert "panel.csv" in said and "name" in said, said
        return
    # Accepted: then the sheet must at least hold the first column's name,
    # as a person reading the sheet left to right would take it.
    assert sheet.rows[0].cells["name"] == "Sam Okafor", sheet.rows[0].cells


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_given_as_the_panel_sheet_is_refused_not_waited_on(tmp_path: Path) -> None:
    # Path.read_bytes on a pipe waits for ever for a writer. A writer stands by
    # here so that a read returns (and the test fails) rather than hangs.
    with (
        pipe_with_a_writer(tmp_path / "panel.csv", PANEL) as pipe,
        pytest.raises(PrepareError) as refused,
    ):
        load_panel(pipe)
    said = "\n".join(str(p) for p in refused.value.problems)
    assert "panel.csv" in said and "not a plain file" in said, said


def refused_panel(raw: bytes) -> list[str]:
    """What a panel sheet is refused for, one problem a line."""
    with pytest.raises(PrepareError) as refused:
        load_panel((raw, "panel.csv"))
    return [str(problem) for problem in refused.value.problems]


def test_a_line_break_in_a_cell_is_named_at_the_row_a_spreadsheet_shows() -> None:
    # Found by a tester: Alt+Enter in Excel put a line break in Alex's name, on
    # row 2; the problem was named at line 3 (Jo's row), in the words
    # "a control character (U+000A)".
    raw = b'name,role\r\n"Alex\nMorgan",lived_experience\r\nJo,professional\r\nBo,x\r\n'
    said = refused_panel(raw)
    assert said[0].startswith("panel.csv, line 2, column A (name): ")
    assert "a line break" in said[0] and "U+000A" not in said[0], said
    # A row after it keeps the number a spreadsheet gives it: Bo is row 4.
    assert said[1].startswith("panel.csv, line 4, column B (role)"), said


def test_a_tab_in_a_cell_is_called_a_tab() -> None:
    # Found by a tester: "contains a control character (U+0009)".
    (said,) = refused_panel(b'name,role\n"Alex\tMorgan",lived_experience\nJo,professional\n')
    assert said == "panel.csv, line 2, column A (name): contains a tab; remove it and try again"


def test_a_rows_problems_are_listed_in_the_order_of_its_columns() -> None:
    # Found by a tester: line 2's column C (seat) came before its column B (role).
    said = refused_panel(b"seat,name,role,x\n0,Al\x1bex,boss\nx,Jo,professional\n")
    assert [problem.split(": ")[0] for problem in said] == [
        "panel.csv, line 2, column A (seat)",
        "panel.csv, line 2, column B (name)",
        "panel.csv, line 2, column C (role)",
        "panel.csv, line 3, column A (seat)",
    ]
    said = refused_panel(b"role,x,name,seat\nboss,,Al\x1bex,0\n")
    assert [problem.split(": ")[0] for problem in said] == [
        "panel.csv, line 2, column A (role)",
        "panel.csv, line 2, column C (name)",
        "panel.csv, line 2, column D (seat)",
    ]


def test_a_notes_column_with_line_breaks_leaves_the_row_numbers_alone() -> None:
    # HR's own columns are left alone, and their line breaks too.
    raw = b'name,role,notes\nSam,lived_experience,"met at\nthe day centre"\nJo,x,\n'
    (said,) = refused_panel(raw)
    assert said.startswith("panel.csv, line 3, column B (role)"), said


def zipped(*entries: tuple[str, bytes]) -> bytes:
    """A zip file holding these entries, as Office and LibreOffice files are."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return packed.getvalue()


SAVE_AS = (
    "in Excel choose File, Save As, and the type 'CSV UTF-8 (Comma delimited)' "
    "(in LibreOffice, 'Text CSV')"
)
WORKBOOK = f"panel.csv: is a workbook, not a CSV file; {SAVE_AS}"


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        # Found by a tester: a workbook was refused as "line 1: is not UTF-8 text".
        # .xlsx: a zip with Excel's sheets under xl/.
        (zipped(("[Content_Types].xml", b"<x/>"), ("xl/workbook.xml", b"<x/>")), WORKBOOK),
        # .ods: LibreOffice names the kind of document first.
        (zipped(("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")), WORKBOOK),
        # .xls, Excel 97 to 2003.
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4, WORKBOOK),
        # A zip too damaged to read: most likely the workbook it looks like.
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4, WORKBOOK),
        # Found by a review: a Word document (.docx, a zip too) was called a workbook.
        (
            zipped(("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"<x/>")),
            "panel.csv: is a document or a zip file, not a CSV file; put the list in a "
            f"spreadsheet, then {SAVE_AS}",
        ),
    ],
    ids=["xlsx", "ods", "xls", "damaged zip", "docx"],
)
def test_a_workbook_or_document_given_for_a_csv_is_named_as_one(raw: bytes, said: str) -> None:
    assert refused_panel(raw) == [said]


@pytest.mark.parametrize(
    ("last", "said"),
    [
        # Found by a review: a quote never closed, and a character that is not
        # UTF-8, were still named by lines of text, one too far on after Sam's.
        (b'"Priya,professional,2\n', "panel.csv, line 3: opens a quote mark"),
        (b"Pri\xffya,professional,2\n", "panel.csv, line 3: is not UTF-8 text"),
    ],
)
def test_every_problem_after_a_line_break_in_a_cell_keeps_the_row_number(
    last: bytes, said: str
) -> None:
    raw = b'name,role,seat\n"Sam\nOkafor",lived_experience,1\n' + last
    (problem,) = refused_panel(raw)
    assert problem.startswith(said), problem


def test_a_heading_given_twice_is_quoted_as_typed() -> None:
    # Found by a review: the heading was quoted as looked up ("name"), not as typed.
    (said,) = refused_panel(b"Name,NAME,Role\nSam,Sam,professional\n")
    assert "has the heading 'Name' twice (columns A and B)" in said, said


def test_cells_past_the_last_heading_are_named_not_dropped() -> None:
    # Found by a tester: Eve's row had two cells more than the headings, and an
    # unquoted formula was split at its comma; the extra cells went unsaid.
    raw = b"name,role\nSam,professional\nEve,lived experience,extra,cells\nJo,observer,,\n"
    (said,) = refused_panel(raw)
    assert said == (
        "panel.csv, line 3: has text in column D, past the last heading (column B); a name "
        "or note with a comma in it needs quote marks around it, or give that column a heading"
    )


def test_a_row_too_wide_is_said_with_every_other_rows_problem() -> None:
    # Found by a tester: a note typed past the last column (line 6) hid the four
    # mistakes above it, which the next attempt then showed one round later.
    raw = (
        b"Name;Role;Seat;Pronouns\r\n"
        b"Sian;Lived experience;1;she/her\r\n"
        b"Rhodri;volunteer;1;he/him\r\n"
        b"Zoe;Staff;12;she/her\r\n"
        b"Dafydd;professional;one;\r\n"
        b"Olu;observer;;they/them;extra cell\r\n"
    )
    said = refused_panel(raw)
    assert [p.split(":")[0] for p in said] == [
        "panel.csv, line 3, column B (role)",
        "panel.csv, line 3, column C (seat)",
        "panel.csv, line 4, column C (seat)",
        "panel.csv, line 5, column C (seat)",
        "panel.csv, line 6",
    ], said
    assert "past the last heading" in said[-1]


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        # Found by a review: a sheet Excel saved again keeps empty headings on the
        # end, and the cells split into them were still dropped.
        (b"name,role,,\nSam,professional,,\nEve,lived experience,extra,\n", "column C"),
        # A sheet of semicolons says so, not "comma".
        (b"name;role\nEve;lived experience;extra\n", "with a semicolon in it"),
    ],
)
def test_text_past_the_last_heading_is_found_however_the_sheet_was_saved(
    raw: bytes, said: str
) -> None:
    (problem,) = refused_panel(raw)
    assert said in problem, problem


def test_an_empty_column_past_the_headings_is_no_problem() -> None:
    raw = b"name,role,,\nSam,professional,,\nEve,lived experience,,\n"
    assert [m.name for m in load_panel((raw, "panel.csv"))] == ["Sam", "Eve"]


def test_a_json_export_given_for_the_panel_is_named_as_one() -> None:
    # Found by a tester: a one-line export was "has no 'name' column ... its headings
    # are" all 693 comma pieces (16,084 characters), then the same for 'role'.
    raw = json.dumps(json.loads(export_json(two_by_two("LLP")))).encode()
    assert refused_panel(raw) == [
        "panel.csv: is a panel-tui json export, not a CSV file; prepare makes a session "
        "from a panel and a candidates list saved as CSV files, and 'panel-tui import' "
        "takes in an export"
    ]


def test_missing_columns_are_said_together_with_the_first_few_headings_cut_short() -> None:
    headings = ",".join(f"heading number {n} with a long tail of words" for n in range(700))
    (said,) = refused_panel(f"{headings}\n{headings}\n".encode())
    assert said == (
        "panel.csv, line 1: has no 'name' or 'role' column; the heading row (the first row "
        "that is not empty) must name them; its headings are "
        + ", ".join(f'"heading number {n} with a long tail of wor..."' for n in range(6))
        + " and 694 more"
    )
