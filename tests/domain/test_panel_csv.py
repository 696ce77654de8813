"""The trainees' panel read from a CSV file, and the practice command that uses it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from panel_tui.domain.panel_csv import PanelFileError, load_panel, parse_panel


def test_a_panel_file_is_read_with_spreadsheet_habits() -> None:
    text = (
        "\ufeffName , Pronouns,ROLE,Seat\n"
        "Ann Lee,she/her,Lived experience,2\n"
        "Ben Cho,,professional,\n"  # no seat: the next free one
        "\n"
        "Cat Diaz,they/them,lived_experience,1\n"
    )
    members = parse_panel(text, "panel.csv")
    assert [(m.name, m.pronouns, m.role, m.seat) for m in members] == [
        ("Ann Lee", "she/her", "lived_experience", 2),
        ("Ben Cho", None, "professional", 3),
        ("Cat Diaz", "they/them", "lived_experience", 1),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "panel.csv: is empty"),
        ("who,what\nAnn,x\n", "panel.csv, line 1: the header has no name or role column"),
        ("name,role,seat\nAnn,chair,1\n", "panel.csv, line 2, role: 'chair' is not a role"),
        ("name,role,seat\nAnn,observer,12\n", "panel.csv, line 2, seat: give a seat number"),
        (
            "name,role,seat\nAnn,observer,1\nBen,professional,1\n",
            "panel.csv, line 3, seat: seat 1 is already taken on line 2",
        ),
        ("name,role,seat\n,observer,1\n", "panel.csv, line 2, name:"),
        ("name,role,seat\n", "panel.csv: has no members"),
    ],
)
def test_problems_name_the_file_line_and_column(text: str, message: str) -> None:
    with pytest.raises(PanelFileError) as caught:
        parse_panel(text, "panel.csv")
    assert message in str(caught.value)


def test_a_file_that_is_not_utf8_is_said_plainly(tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_bytes("name,role\nRené,observer\n".encode("cp1252"))
    with pytest.raises(PanelFileError, match="is not UTF-8 text"):
        load_panel(path)


def test_practice_command_opens_the_form_filled_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from panel_tui.cli import main

    seen: dict[str, Any] = {}

    def fake_run_app(store: object, **kwargs: Any) -> None:
        seen.update(kwargs)

    monkeypatch.setattr("panel_tui.ui.app.run_app", fake_run_app)
    panel = tmp_path / "panel.csv"
    panel.write_text("name,pronouns,role,seat\nAnn,,lived experience,1\nBen,,professional,2\n")
    data = ["--data-dir", str(tmp_path / "sessions")]
    assert main([*data, "practice", "practice-support-worker", "--panel", str(panel)]) == 0
    request = seen["practice"]
    assert request.bank.bank.id == "practice-support-worker"
    assert [m.name for m in request.panel] == ["Ann", "Ben"]
    assert seen["session_id"] is None  # nothing saved until the trainer starts the form

    panel.write_text("name,role\nAnn,chair\n")
    assert main([*data, "practice", "practice-support-worker", "--panel", str(panel)]) == 1
    assert "line 2, role: 'chair' is not a role" in capsys.readouterr().err
    assert main([*data, "practice", "support-worker"]) == 1
    assert "has no sample answers" in capsys.readouterr().err
