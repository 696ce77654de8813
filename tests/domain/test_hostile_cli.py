"""Hostile command lines: each refusal names the option given, never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from panel_tui.cli import main
from tests.domain.helpers import HR_FILE


@pytest.fixture
def sheets(tmp_path: Path) -> list[str]:
    panel = tmp_path / "panel.csv"
    panel.write_text("name,role,seat\nSam,lived_experience,1\n")
    candidates = tmp_path / "candidates.csv"
    candidates.write_text("code,name\nC1,Alex\n")
    return ["--bank", "support-worker", "--panel", str(panel), "--candidates", str(candidates)]


@pytest.mark.parametrize(
    "title", ["x" * 300, "Round\x1b[31m 1", "Round\u202e 1"], ids=["long", "escape", "bidi"]
)
def test_a_title_that_cannot_be_one_names_the_title_option(
    tmp_path: Path, sheets: list[str], title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(tmp_path / "s"), "prepare", *sheets, "--title", title])
    err = capsys.readouterr().err
    assert code != 0
    # It says "the session: is too long: at most 200 characters": the chair
    # cannot tell that it is the --title they typed.
    assert "--title" in err or "title" in err.replace("panel-tui", ""), err


def test_export_to_a_closed_standard_output_is_a_plain_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `panel-tui export ID >&-` (a job run with its output closed): Python
    # sets sys.stdout to None, and the export must say it wrote nothing.
    source = tmp_path / "hr.json"
    source.write_text(json.dumps(HR_FILE))
    data = tmp_path / "sessions"
    assert main(["--data-dir", str(data), "import", str(source)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["--data-dir", str(data), "export", str(HR_FILE["id"]), "--format", "md"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code != 0 and "panel-tui" in err, err


@pytest.mark.parametrize("sheet", ["--panel", "--candidates"])
def test_a_sheet_named_with_control_characters_is_named_harmlessly(
    tmp_path: Path, sheets: list[str], sheet: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by an adversarial tester: the name turned the terminal red and set its title.
    hostile = tmp_path / "\x1b[31mRED\x1b]0;TITLE\x07.csv"
    hostile.write_text(
        "name,role,seat\nSam,lived_experience,x\n" if sheet == "--panel" else "code\n\n"
    )
    given = list(sheets)
    given[given.index(sheet) + 1] = str(hostile)
    assert main(["--data-dir", str(tmp_path / "s"), "prepare", *given]) != 0
    err = capsys.readouterr().err
    assert "RED" in err  # the file is named
    assert not any(ord(c) < 32 and c != "\n" for c in err), repr(err)
