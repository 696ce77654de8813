"""A file another program has open (Excel holding a CSV, on Windows), as an export meets it.

Found by a tester: re-exporting while HR had the CSV open in Excel said "you do not
have permission", which sent HR to IT about the folder's permissions.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from panel_tui.cli.common import EXIT_ERROR
from panel_tui.domain.exports import could_not_write, file_name
from panel_tui.domain.models import Session
from tests.exports.helpers import export
from tests.platforms import held_open


def _held(path: Path, winerror: int | None) -> PermissionError:
    error = PermissionError(errno.EACCES, "Access is denied", f"{path}.tmp", None, str(path))
    if winerror is not None:
        error.winerror = winerror  # type: ignore[attr-defined]  # set by Python on Windows only
    return error


@pytest.mark.parametrize("winerror", [32, 33])  # a sharing violation, a lock violation
def test_a_file_held_open_is_said_to_be_open_in_another_program(
    tmp_path: Path, winerror: int
) -> None:
    csv = tmp_path / "x.csv"
    assert could_not_write(tmp_path, _held(csv, winerror)) == (
        f"Could not write {csv}: it is open in another program (a spreadsheet, perhaps). "
        "Close it there and export again."
    )


@pytest.mark.parametrize("winerror", [None, 5])  # no winerror (POSIX), access denied
def test_a_file_truly_refused_keeps_its_permission_words(
    tmp_path: Path, winerror: int | None
) -> None:
    csv = tmp_path / "x.csv"
    assert could_not_write(tmp_path, _held(csv, winerror)) == (
        f"Could not write to {csv} (you do not have permission)."
    )


def test_one_format_to_a_file_held_open_says_so(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.csv"
    target.write_text("HR's copy, open in Excel")
    held_open(monkeypatch, target)
    assert export(data, "--format", "csv", "-o", str(target), "--force") == EXIT_ERROR
    assert capsys.readouterr().err == (
        f"panel-tui: Could not write {target}: it is open in another program "
        "(a spreadsheet, perhaps). Close it there and try again.\n"
    )
    assert target.read_text() == "HR's copy, open in Excel"


def test_all_into_a_folder_with_its_csv_held_open_names_the_csv_and_why(
    data: Path,
    tmp_path: Path,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "out1"
    assert export(data, "--format", "all", "-o", str(folder)) == 0
    csv = folder / file_name(session, "csv")
    held_open(monkeypatch, csv)
    capsys.readouterr()
    assert export(data, "--format", "all", "-o", str(folder), "--force") == EXIT_ERROR
    refused = capsys.readouterr().err.splitlines()[-1]
    assert refused.startswith(
        f"panel-tui: Could not write {csv}: it is open in another program "
        "(a spreadsheet, perhaps). Close it there and export again"
    )
    assert "permission" not in refused
