"""Slips on the command line: a session, folder or name that is not there, said plainly.

An unknown session, a mistyped sessions or banks folder, an empty output name or a
huge argument each get one plain line and exit code, never a traceback and never a
folder made by mistake.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from tests.domain.cli_runs import data, run

__all__ = ["data"]  # the fixture, shared from tests/domain/cli_runs.py


def test_export_of_an_unknown_session_is_a_plain_error(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(data)  # the folder, with no session in it
    assert run(data, "export", "nope", "--format", "json") == 1
    assert "There is no session nope" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ("export", "s1"),
        ("payment", "s1"),
        ("combine", "s1", "s2", "--format", "md"),
        ("sessions", "delete", "s1", "--yes"),
        ("report", "--all", "--format", "md"),
        ("report", "s1", "--format", "md"),
    ],
)
def test_a_mistyped_sessions_folder_is_said_and_never_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    # Found by a tester: listing a folder that was not there made it, folders and all.
    missing = tmp_path / "sesions" / "deep"
    assert run(missing, *command) == 1
    said = capsys.readouterr().err
    assert (
        f"There is no sessions folder ({missing}): check --data-dir, or PANEL_TUI_DATA_DIR." in said
    )
    assert not (tmp_path / "sesions").exists()


def test_the_installed_command_gives_no_traceback_on_bad_input(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "panel_tui", "--data-dir", str(tmp_path), "export", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "panel-tui: There is no session nope" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("make", "said"), [(False, "is not there"), (True, "is a file, not a folder")]
)
def test_a_banks_folder_that_is_not_there_is_said_not_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: bool, said: str
) -> None:
    named = tmp_path / "my-banks"
    if make:
        named.write_text("")
    assert main(["--banks-dir", str(named), "--data-dir", str(tmp_path), "banks", "list"]) == 1
    assert f"The folder {named} given with --banks-dir {said}." in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", [["export", "s1"], ["report", "--all"], ["combine", "a.json", "b.json"]]
)
def test_an_empty_output_name_is_refused_not_taken_for_this_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(tmp_path), *command, "-o", " "])
    assert caught.value.code == 2
    assert "-o/--output: the name given is empty: give a file name." in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["export", "x/" * 5000],
        ["prepare", "--bank", "b" * 10000, "--panel", "p.csv", "--candidates", "c.csv"],
        ["report", "--all", "--since", "2" * 10000],
        ["sessions", "delete", "--older-than", "9" * 10000],
    ],
)
def test_a_huge_argument_is_echoed_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    try:
        code: object = main(["--data-dir", str(tmp_path), *command])
    except SystemExit as stopped:  # a usage error, from argparse
        code = stopped.code
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert "'..." in err and len(err) < 400
