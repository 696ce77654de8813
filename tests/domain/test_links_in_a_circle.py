"""A folder or file named on the command line, or found in a folder, that is a link
leading round in a circle (to itself, or two links to each other).

Python 3.11 and 3.12 raise ``RuntimeError`` from ``Path.resolve`` on one, and a
folder of that name is no folder and no file: each is said in plain words,
naming the path, never a traceback and never "it is a file".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.cli import main
from panel_tui.domain.banks import same_file
from tests.platforms import link_in_a_circle, link_to, posix_only

CIRCLE = "it is a link that leads round in a circle"
#: A link to itself, and two links to each other.
CIRCLES = pytest.mark.parametrize("through", [None, "other"], ids=["itself", "two"])


@posix_only
@CIRCLES
@pytest.mark.parametrize(
    "command", [["sessions", "list"], ["export", "s1"], ["import", "hr.json"], []]
)
def test_a_sessions_folder_in_a_circle_is_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], through: str | None, command: list[str]
) -> None:
    loop = link_in_a_circle(tmp_path / "sessions", through=through)
    assert main(["--data-dir", str(loop), *command]) == 1
    # It said "it is a file, not a folder": there is no file.
    assert capsys.readouterr().err == (
        f"panel-tui: panel-tui cannot use the folder {loop} for sessions ({CIRCLE}). "
        "Choose another with --data-dir.\n"
    )


@posix_only
@CIRCLES
def test_a_banks_folder_in_a_circle_is_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], through: str | None
) -> None:
    loop = link_in_a_circle(tmp_path / "my-banks", through=through)
    assert main(["--banks-dir", str(loop), "--data-dir", str(tmp_path), "banks", "list"]) == 1
    # It said "is not there": there is something there.
    assert capsys.readouterr().err == (
        f"panel-tui: The folder {loop} given with --banks-dir cannot be used ({CIRCLE}). "
        "Name the folder your own question banks are in.\n"
    )


@posix_only
@CIRCLES
def test_a_bank_name_in_a_circle_is_no_bank_file(tmp_path: Path, through: str | None) -> None:
    bank = locations.shipped_banks_dir() / "support-worker.toml"
    loop = link_in_a_circle(tmp_path / "a.toml", through=through)
    assert same_file(bank, bank.parent / ".." / bank.parent.name / bank.name)
    # Path.resolve raised RuntimeError on the link, where a bank's file was looked for.
    assert not same_file(loop, bank) and not same_file(bank, loop) and not same_file(loop, loop)


@posix_only
@CIRCLES
def test_a_json_export_in_a_circle_given_to_report_is_left_out_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], through: str | None
) -> None:
    loop = link_in_a_circle(tmp_path / "hr.json", through=through)
    assert main(["--data-dir", str(tmp_path / "s"), "report", str(loop), "--format", "csv"]) == 1
    # It said "There is no file": the link is there, and cannot be read.
    assert capsys.readouterr().err == (
        f"panel-tui: Left out, as it could not be read: {loop}: cannot be read ({CIRCLE}).\n"
    )


@posix_only
@CIRCLES
@pytest.mark.parametrize("where", ["given", "banks folder"])
def test_practice_on_a_bank_in_a_circle_says_so_not_no_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], through: str | None, where: str
) -> None:
    # It said "There is no question bank 'x'": there is a file, a link that
    # cannot be read (found in testing).
    banks = tmp_path / "banks"
    banks.mkdir()
    if where == "given":
        loop = link_in_a_circle(tmp_path / "my-bank", through=through)
        name = str(loop)
    else:
        loop = link_in_a_circle(banks / "my-bank.toml", through=through and "other.toml")
        name = "my-bank"
    args = ["--data-dir", str(tmp_path / "s"), "--banks-dir", str(banks), "practice", name]
    assert main(args) == 1
    assert capsys.readouterr().err == f"panel-tui: {loop}: cannot be read ({CIRCLE})\n"


@posix_only
def test_practice_on_a_link_to_a_bank_that_is_gone_names_where_it_leads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It said "cannot be read (there is no such file or folder)" of a file that is
    # there: the link is, what it leads to is not.
    banks = tmp_path / "banks"
    banks.mkdir()
    link = link_to(banks / "gone.toml", tmp_path / "moved" / "gone.toml")
    args = ["--data-dir", str(tmp_path / "s"), "--banks-dir", str(banks), "practice", "gone"]
    assert main(args) == 1
    assert capsys.readouterr().err == (
        f"panel-tui: {link}: cannot be read (it is a link to {tmp_path / 'moved' / 'gone.toml'}, "
        "which is not there)\n"
    )
