"""``panel-tui practice BANK --panel panel.csv``: the trainees' panel from a sheet.

The sheet is read as ``prepare`` reads HR's panel sheet (see test_prepare.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from panel_tui.cli import main


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
