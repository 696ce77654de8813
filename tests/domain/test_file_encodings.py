"""A file saved in another encoding, or holding a NUL, said as such wherever it is read.

Banks, the CSV files ``prepare`` reads and the json files import takes share
one way of saying it (:mod:`panel_tui.domain.file_text`).
"""

from __future__ import annotations

import codecs

import pytest

from panel_tui.domain.banks import BankError, parse_bank
from panel_tui.domain.csv_sheet import PrepareError, read_sheet
from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.importing import SessionFileError, parse_session
from tests.domain.builders import two_by_two

EXPORT = export_json(two_by_two("LLP"))
SAVE_AGAIN = "save it again as UTF-8 (in Notepad: Save As, then the encoding UTF-8)"
NUL_WORDS = (
    "the line holds a NUL character (U+0000) at column {column}, which cannot be in {kind}; "
    "delete it (it often comes from copying from another program, or from a damaged file)"
)


def _refused_import(raw: bytes) -> str:
    with pytest.raises(SessionFileError) as refused:
        parse_session(raw, "u.json")
    return str(refused.value)


def _with_nul(text: str, line: int, column: int) -> bytes:
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1][: column - 1] + "\x00" + lines[line - 1][column - 1 :]
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    "raw",
    [
        # Found by a tester: as iconv and Windows PowerShell 5's ">" write it, with its
        # byte-order mark, it was "does not read as JSON, so it is not a panel-tui json
        # export": the very file import takes.
        codecs.BOM_UTF16_LE + EXPORT.encode("utf-16-le"),
        EXPORT.encode("utf-16"),
        EXPORT.encode("utf-16-be"),  # and without the mark
    ],
    ids=["little-endian", "with its mark", "big-endian, no mark"],
)
def test_an_export_saved_again_as_utf16_is_named_so_not_called_another_file(raw: bytes) -> None:
    said = _refused_import(raw)
    assert said.startswith(f"u.json: is saved as UTF-16, not UTF-8; {SAVE_AGAIN}"), said
    assert "JSON" not in said and "not a panel-tui" not in said, said


def test_an_export_saved_again_as_latin1_says_its_line_is_not_utf8() -> None:
    # Found by a tester: old Notepad's "ANSI" save of an é.
    lines = EXPORT.split("\n")
    at = next(i for i, line in enumerate(lines) if '"name"' in line)
    lines[at] = lines[at].replace('"name": "', '"name": "Ren\u00e9e ')
    said = _refused_import("\n".join(lines).encode("latin-1"))
    assert said.startswith(f"u.json, line {at + 1}: is not UTF-8 text; {SAVE_AGAIN}"), said


def test_a_nul_in_an_export_is_named_with_its_line_and_column() -> None:
    # Found by a tester: "line 24: the JSON stops making sense here".
    said = _refused_import(_with_nul(EXPORT, 24, 8))
    assert said == "u.json, line 24: " + NUL_WORDS.format(column=8, kind="a json export")


def _refused_sheet(raw: bytes) -> str:
    with pytest.raises(PrepareError) as refused:
        read_sheet(raw, "c.csv", ("code", "name"), ("code",))
    (problem,) = refused.value.problems
    return str(problem)


def test_a_nul_in_a_utf8_csv_is_named_not_called_another_encoding() -> None:
    # Found by a tester: "c.csv, line 15: is not UTF-8 text; in Excel save it as 'CSV
    # UTF-8 (Comma delimited)'", which saving again does not mend.
    rows = ["code,name", *(f"C{n},Person {n}" for n in range(1, 14)), "C14,Re\x00nee"]
    said = _refused_sheet("\r\n".join(rows).encode())
    assert said == "c.csv, line 15: " + NUL_WORDS.format(column=7, kind="a CSV file")


def test_a_csv_saved_as_utf16_with_its_mark_is_named_so() -> None:
    # Excel's "Unicode Text" and PowerShell 5 write UTF-16 with a byte-order mark.
    said = _refused_sheet("code,name\nC1,Alex\n".encode("utf-16"))
    assert said.startswith("c.csv: is saved as UTF-16, not UTF-8; in Excel save it as"), said


def test_a_bank_csv_and_export_say_a_nul_in_the_same_words() -> None:
    bank = b'id = "x"\ntitle = "T"\n\x00\n'
    with pytest.raises(BankError) as refused:
        parse_bank(bank, "x.toml")
    (problem,) = refused.value.problems
    assert str(problem) == "x.toml, line 3: T" + NUL_WORDS.format(column=1, kind="a bank file")[1:]


def test_a_bank_saved_as_utf16_is_named_so() -> None:
    with pytest.raises(BankError) as refused:
        parse_bank('id = "x"\ntitle = "T"\n'.encode("utf-16"), "x.toml")
    (problem,) = refused.value.problems
    assert str(problem) == "x.toml: is saved as UTF-16, not UTF-8; save it again as UTF-8"
