"""Spreadsheets byte for byte as Excel and LibreOffice save CSV, and a session prepared
from two, for the prepare tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Session, Settings
from panel_tui.domain.prepare import PrepareError, prepare_session
from panel_tui.locations import shipped_banks_dir
from tests.domain.helpers import plain

BOM = b"\xef\xbb\xbf"

# Excel, UK/US: CSV UTF-8 (comma delimited). An extra column HR keeps, a blank
# seat (the next free one), blank pronouns, and a blank row Excel leaves at the end.
EXCEL_PANEL = BOM + (
    b"Name,Role,Seat,Pronouns,Email\r\n"
    b"Sam Okafor,Lived experience,1,they/them,sam@example.org\r\n"
    b"Priya Shah,lived_experience,,she/her,\r\n"
    b"Dan Reilly,Professional,3,,\r\n"
    b"Olu Ade,Observer,,,\r\n"
    b",,,,\r\n"
)
# Excel, much of Europe: semicolons, and a quoted name holding a semicolon.
EXCEL_CANDIDATES = BOM + (
    b"Code;Name;Notes from HR\r\n"
    b'C1;"Morgan; Alex";shortlisted\r\n'
    b"C2;;name withheld\r\n"
    b"C3;  Jordan Lee  ;\r\n"
)
# LibreOffice: no byte-order mark, commas, LF, headings in another order.
LIBRE_PANEL = b"pronouns,seat,role,name\nthey/them,2,professional,Sam\n,1,Lived-Experience,Jo\n"
LIBRE_CANDIDATES = b"name,code\nAlex,A1\n"


def sheets(folder: Path, panel: bytes, candidates: bytes) -> list[str]:
    """Both sheets saved in ``folder``, as ``prepare``'s --panel and --candidates."""
    (folder / "panel.csv").write_bytes(panel)
    (folder / "candidates.csv").write_bytes(candidates)
    return ["--panel", str(folder / "panel.csv"), "--candidates", str(folder / "candidates.csv")]


BANK = load_bank(shipped_banks_dir() / "support-worker.toml")


def make(panel: bytes, candidates: bytes) -> Session:
    """The session ``prepare`` makes from the two sheets, on the support-worker bank."""
    return prepare_session(
        BANK, (panel, "panel.csv"), (candidates, "candidates.csv"), "Round 1", Settings()
    )


def problems(panel: bytes, candidates: bytes) -> list[str]:
    """What ``prepare`` says is wrong with the two sheets, in plain text."""
    with pytest.raises(PrepareError) as caught:
        make(panel, candidates)
    return [plain(str(p)) for p in caught.value.problems]
