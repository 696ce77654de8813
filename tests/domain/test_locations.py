"""PRODUCT.md 6: ``--data-dir DIR`` (also ``PANEL_TUI_DATA_DIR``), default ``./sessions``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.cli import main
from panel_tui.domain.store import Store
from tests.domain.builders import titled


@pytest.mark.parametrize(
    ("flag", "env", "expected"),
    [
        (None, None, Path("sessions")),  # the default, beside where it runs
        (None, "from-env", Path("from-env")),  # the environment when no flag
        ("from-flag", "from-env", Path("from-flag")),  # the flag wins over the environment
        (None, "", Path("sessions")),  # an empty variable is as good as none
    ],
)
def test_the_sessions_folder_is_the_flag_then_the_environment_then_sessions(
    flag: str | None, env: str | None, expected: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if env is None:
        monkeypatch.delenv(locations.DATA_DIR_ENV, raising=False)
    else:
        monkeypatch.setenv(locations.DATA_DIR_ENV, env)
    assert locations.data_dir(flag) == expected


def test_the_command_line_reads_the_environment_and_the_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(tmp_path / "env").save(titled("in-env"))
    Store(tmp_path / "flag").save(titled("in-flag"))
    monkeypatch.setenv(locations.DATA_DIR_ENV, str(tmp_path / "env"))

    def listed(*given: str) -> list[str]:
        capsys.readouterr()
        assert main([*given, "sessions", "list", "--json"]) == 0
        return [row["id"] for row in json.loads(capsys.readouterr().out)]

    assert listed() == ["in-env"]
    assert listed("--data-dir", str(tmp_path / "flag")) == ["in-flag"]
