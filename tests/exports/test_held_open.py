"""A file another program has open (Excel holding a CSV, on Windows), as an export meets it.

Found by a tester: re-exporting while HR had the CSV open in Excel said "you do not
have permission", which sent HR to IT about the folder's permissions.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from panel_tui.cli.common import EXIT_ERROR
from panel_tui.domain import exports
from panel_tui.domain.exports import (
    ALL,
    MEMBER_SHEETS,
    PartlyWritten,
    could_not_write,
    file_name,
    plan_export,
    write_plan,
)
from panel_tui.domain.models import Session
from panel_tui.domain.store import write_atomically
from tests.exports.helpers import export, last_weeks_export
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


def test_all_writes_every_other_file_when_its_csv_is_held_open_and_says_so(
    data: Path,
    tmp_path: Path,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Found by a tester: writing stopped at the CSV Excel held, so the votes CSV, the json,
    # the involvement CSV and the member sheets were never written, and nothing said so.
    folder = tmp_path / "out1"
    folder.mkdir()
    plan = last_weeks_export(session, folder)
    csv = folder / file_name(session, "csv")
    held_open(monkeypatch, csv)
    assert export(data, "--format", "all", "-o", str(folder), "--force") == EXIT_ERROR
    *wrote, refused = capsys.readouterr().err.splitlines()
    others = [path for _, path in plan.files if path != csv]
    assert wrote == [f"Wrote {path}" for path in others]
    assert all(path.read_text(encoding="utf-8") != "last week's" for path in others)
    assert csv.read_text() == "last week's"
    assert refused == (
        f"panel-tui: Could not write {csv}: it is open in another program (a spreadsheet, "
        "perhaps). Close it there and export again with --force. The other files were written. "
        f"The {csv.name} there now is from an earlier export: do not file it with the others."
    )


def test_the_plan_writes_the_formats_after_one_refused_and_names_the_one(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_export(session, [ALL], tmp_path)
    csv = tmp_path / file_name(session, "csv")
    csv.write_text("last week's")
    held_open(monkeypatch, csv)
    with pytest.raises(PartlyWritten) as refused:
        write_plan(plan, overwrite=True)
    exported = refused.value.exported
    assert exported.written == [(p.name, p.path) for p in plan.formats if p.path != csv]
    assert [(name, path) for name, path, _ in exported.failed] == [("csv", csv)]
    assert exported.refused_words("export again") == (
        f"Could not write {csv}: it is open in another program (a spreadsheet, perhaps). "
        "Close it there and export again. The other files were written. "
        f"The {csv.name} there now is from an earlier export: do not file it with the others."
    )


def test_a_refusal_beside_files_left_there_says_those_were_not_written(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    md = tmp_path / file_name(session, "md")
    md.write_text("HR's own edits")
    json_file = tmp_path / file_name(session, "json")

    def full_at_json(path: Path, payload: bytes) -> None:
        if path == json_file:
            raise OSError(errno.ENOSPC, "No space left on device")
        write_atomically(path, payload)

    monkeypatch.setattr(exports, "write_atomically", full_at_json)
    with pytest.raises(PartlyWritten) as refused:
        write_plan(plan_export(session, ["md", "csv", "json", "html"], tmp_path))
    assert refused.value.exported.refused_words("export again") == (
        f"Could not write to {json_file} (the disk is full). The other files were written, "
        f"except 1 file already there ({md.name}), left unchanged."
    )
    assert md.read_text() == "HR's own edits"
    assert sorted(tmp_path.iterdir()) == sorted(
        tmp_path / file_name(session, name) for name in ["md", "csv", "html"]
    )


def _pages(session: Session, folder: Path) -> list[Path]:
    """Each member sheet's page that ``all`` writes into ``folder``, in order."""
    (sheets,) = [p for p in plan_export(session, [ALL], folder).formats if p.name == MEMBER_SHEETS]
    return sheets.files


def test_a_page_held_open_leaves_the_other_pages_written_and_names_it(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a review: seat 1's page held open stopped the sheets there, so the other
    # pages kept last week's text, and the message said "The other files were written".
    plan = last_weeks_export(session, tmp_path)
    first, *others = _pages(session, tmp_path)
    held_open(monkeypatch, first)
    with pytest.raises(PartlyWritten) as refused:
        write_plan(plan, overwrite=True)
    assert all(page.read_text(encoding="utf-8") != "last week's" for page in others)
    exported = refused.value.exported
    assert [(name, path) for name, path, _ in exported.failed] == [(MEMBER_SHEETS, first)]
    pages = len(others) + 1
    assert f"{len(others)} of the {pages} member sheets in the folder" in exported.words(session)
    said = exported.refused_words("export again")
    # An HTML page: no spreadsheet holds it.
    assert said.startswith(
        f"Could not write {first}: it is open in another program. Close it there and "
        "export again. The other files were written"
    )


def test_all_says_wrote_for_each_page_before_a_page_held_open(
    data: Path,
    tmp_path: Path,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "out1"
    assert export(data, "--format", "all", "-o", str(folder)) == 0
    *before, last = _pages(session, folder)
    held_open(monkeypatch, last)
    capsys.readouterr()
    assert export(data, "--format", "all", "-o", str(folder), "--force") == EXIT_ERROR
    *wrote, refused = capsys.readouterr().err.splitlines()
    assert [f"Wrote {page}" for page in before] == [w for w in wrote if str(last.parent) in w]
    assert refused.startswith(f"panel-tui: Could not write {last}: it is open in another program.")


def test_pages_held_open_from_an_earlier_export_are_said_to_be_the_earlier_ones(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: last week's CSV, held in Excel, stayed beside this week's files,
    # and HR may file the mixed set.
    plan = last_weeks_export(session, tmp_path)
    first, second, *_ = _pages(session, tmp_path)
    held_open(monkeypatch, first, second)
    with pytest.raises(PartlyWritten) as refused:
        write_plan(plan, overwrite=True)
    assert refused.value.exported.refused_words("export again").endswith(
        f"The other files were written. The {first.name} and {second.name} there now are "
        "from an earlier export: do not file them with the others."
    )
