"""``panel-tui practice BANK --panel panel.csv``: the trainees' panel from a sheet.

The sheet is read as ``prepare`` reads HR's panel sheet (see test_prepare.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from panel_tui.cli import main
from panel_tui.domain.prepare import load_panel


def test_practice_command_opens_the_form_filled_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def fake_run_app(store: object, **kwargs: Any) -> None:
        seen.update(kwargs)

    monkeypatch.setattr("panel_tui.ui.app.run_app", fake_run_app)
    panel = tmp_path / "panel.csv"
    panel.write_text(
        "\ufeffName;Pronouns;Role;Seat\r\nAnn Lee;she/her;lived experience;2\r\nBen;;professional;\r\n"
    )
    data = ["--data-dir", str(tmp_path / "sessions")]
    assert main([*data, "practice", "practice-support-worker", "--panel", str(panel)]) == 0
    request = seen["practice"]
    assert request.bank.bank.id == "practice-support-worker"
    assert [(m.name, m.pronouns, m.role, m.seat) for m in request.panel] == [
        ("Ann Lee", "she/her", "lived_experience", 2),
        ("Ben", None, "professional", 1),
    ]
    assert seen["session_id"] is None  # nothing is saved until the trainer starts the form

    panel.write_text("name,role\nAnn,chair\n")
    assert main([*data, "practice", "practice-support-worker", "--panel", str(panel)]) == 1
    err = capsys.readouterr().err
    assert "panel.csv, line 2, column B (role): must be lived experience" in err
    assert main([*data, "practice", "support-worker"]) == 1
    assert "has no sample answers" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["practice", "x"], ["prepare"]])
def test_help_describes_the_panel_sheet_as_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    # practice's help said "one a line: name,pronouns,role,seat", as if the
    # columns went by place; they go by the header row, as prepare's do.
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "a header row naming the columns name, role (lived experience" in said
    assert "name,pronouns,role,seat" not in said
    # Read as described: the columns in the order named, one of HR's own beside.
    sheet = tmp_path / "panel.csv"
    sheet.write_text("name,role,seat,pronouns,team\nAnn Lee,professional,,she/her,North\n")
    assert [(m.name, m.role, m.seat, m.pronouns) for m in load_panel(sheet)] == [
        ("Ann Lee", "professional", 1, "she/her")
    ]
