"""The command line says what is wrong in plain words, never argparse's or the system's."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.cli import main
from panel_tui.cli.parser import plain_usage_error
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Session
from panel_tui.domain.sessions import demo_session
from panel_tui.domain.store import Store
from panel_tui.domain.system_words import os_reason
from tests.platforms import posix_only

#: argparse's and the operating system's phrasing, which no message may hold.
LIBRARY_WORDS = (
    "invalid choice",
    "choose from",
    "unrecognized arguments",
    "expected one argument",
    "the following arguments",
    "error:",
    "No such file or directory",
    "Is a directory",
    "File exists",
    "rgument --",  # argparse's "argument --share:" before our own check's words
)


def said(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    for words in LIBRARY_WORDS:
        assert words not in err, err
    return err


def demo_saved(tmp_path: Path) -> tuple[list[str], Session]:
    """The demo session saved in a sessions folder, and the option that names the folder."""
    session = demo_session(load_bank(locations.shipped_banks_dir() / "support-worker.toml"))
    Store(tmp_path / "sessions").save(session)
    return ["--data-dir", str(tmp_path / "sessions")], session


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["export", "s1", "--format", "pdf"],
            "--format cannot be 'pdf': choose md, html, csv, votes-csv, json, ",
        ),
        # A slip of the keys is matched to what was most likely meant.
        (["export", "s1", "--format", "hmtl"], "choose md, html, csv, votes-csv, json, "),
        (["export", "s1", "--format", "hmtl"], "or all. Did you mean html?"),
        (["sesions", "list"], "Did you mean sessions?"),
        # The word a command needs, with its choices (found by a new user).
        (["sessions"], "ACTION is needed: choose list, delete or recover."),
        (["banks"], "ACTION is needed: choose validate or list."),
        (["sessions", "list", "--bogus"], "--bogus is not something this command understands"),
        (["prepare"], "--bank, --panel and --candidates are needed."),
        (["export", "s1", "--format"], "--format needs a value after it."),
        (
            ["prepare", "--bank", "b", "--panel", "p", "--candidates", "c", "--share", "half"],
            "panel-tui prepare: --share: 'half' is not a share from 0 to 1; give one such as "
            "0.3, or 30%.",
        ),
        # HR meant 30%: quoted as typed, never "30.0" (found by a tester).
        (
            ["prepare", "--bank", "b", "--panel", "p", "--candidates", "c", "--share", "30"],
            "panel-tui prepare: --share: '30' is not a share from 0 to 1; give one such as "
            "0.3, or 30%.",
        ),
        (["bogus"], "'bogus' is not something panel-tui can do: choose demo, practice"),
        (
            ["combine", "a", "b", "--share", "2", "--format", "md"],
            "panel-tui combine: --share: '2' is not a share from 0 to 1; give one such as "
            "0.3, or 30%.",
        ),
        (
            ["sessions", "delete", "--older-than", "x"],
            "--older-than: 'x' is not a number of days from 0 to 36500.",
        ),
    ],
)
def test_a_command_line_argparse_refuses_is_said_plainly(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = said(capsys)
    assert expected in err
    assert "--help" in err


def test_an_unknown_complaint_is_passed_on_as_a_sentence() -> None:
    assert plain_usage_error("something new went wrong") == "Something new went wrong."


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.ENOENT, "there is no such file or folder"),
        (errno.EISDIR, "it is a folder, not a file"),
        (errno.EEXIST, "something of that name is already there"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "you do not have permission"),
    ],
)
def test_system_errors_are_said_in_plain_words(number: int, expected: str) -> None:
    assert os_reason(OSError(number, "the system's own words")) == expected


def test_a_system_error_with_no_plain_words_keeps_its_own_inside_a_sentence() -> None:
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "invalid cross-device link"
    )


def test_export_all_onto_a_file_and_into_a_missing_folder_say_so_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, session = demo_saved(tmp_path)
    existing = tmp_path / "existing.html"
    existing.write_text("kept")
    assert main([*data, "export", session.id, "--format", "all", "-o", str(existing)]) == 1
    assert "is a file, not a folder, so nothing was written" in said(capsys)
    assert existing.read_text() == "kept"
    # Member sheets onto a file said "These files already exist ... (add --force to
    # replace them): [Errno 17] File exists", and --force could not help.
    sheets = [*data, "export", session.id, "--format", "member-sheets", "-o", str(existing)]
    assert main(sheets) == 1
    assert said(capsys) == (
        f"panel-tui: {existing} is a file, not a folder, so nothing was written: "
        "--format member-sheets writes several files into the folder -o names.\n"
    )
    assert main([*sheets, "--force"]) == 1 and existing.read_text() == "kept"
    assert "is a file, not a folder, so nothing was written" in said(capsys)
    inside = existing / "x.md"  # said "There is no folder ...", though there is a file
    assert main([*data, "export", session.id, "--format", "md", "-o", str(inside)]) == 1
    assert said(capsys) == (
        f"panel-tui: {existing} is a file, not a folder, so x.md was not written: "
        "choose another place.\n"
    )
    missing = tmp_path / "no" / "such" / "x.md"
    assert main([*data, "export", session.id, "--format", "md", "-o", str(missing)]) == 1
    assert f"There is no folder {missing.parent}" in said(capsys)
    assert main([*data, "import", str(tmp_path / "nothere.json")]) == 1
    assert "there is no such file or folder" in said(capsys)


def test_banks_list_gives_the_lines_validate_gives_in_line_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "bad.toml").write_text(
        'id = "bad"\ntitle = "Bad"\n\n[[questions]]\ntext = "Why?"\nweight = -1\n\n'
        '[[questions]]\nid = "q2"\ntext = "x"\n'
    )
    assert main(["banks", "validate", str(banks / "bad.toml")]) == 1
    validated = said(capsys).splitlines()
    assert main(["--banks-dir", str(banks), "banks", "list"]) == 0
    listed = [line.strip() for line in said(capsys).splitlines() if line.startswith("    ")]
    assert validated == [f"{banks / 'bad.toml'}, {line}" for line in listed]
    assert listed[0].startswith("line 4: Question 1, field 'id' is missing")
    assert "such as why-this-work" in listed[0] and "c1" not in listed[0]
    assert listed[1].startswith("line 6: ")


@posix_only
def test_force_never_replaces_a_device_or_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a tester: -o /dev/full --force, run as root, replaced the device
    # with an ordinary file and said "Wrote /dev/full".
    data, session = demo_saved(tmp_path)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert main([*data, "export", session.id, "--format", "md", "-o", str(pipe), "--force"]) == 1
    assert said(capsys) == (
        f"panel-tui: {pipe} is not an ordinary file (a device or a pipe), so nothing was "
        "written: give the name of a file.\n"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_session_named_without_its_ending_or_by_its_title_is_offered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    folder, session = demo_saved(tmp_path)
    without_ending = session.id.rsplit("-", 1)[0]
    for typed in (without_ending, session.title.upper()):
        assert main([*folder, command, typed]) == 1
        err = said(capsys)
        assert f"There is no session '{typed}' in " in err
        assert f"Did you mean {session.id} ('{session.title}')?" in err


def test_a_format_in_capitals_is_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, session = demo_saved(tmp_path)
    assert main([*folder, "export", session.id, "--format", "CSV"]) == 0
    assert capsys.readouterr().out.lstrip("\ufeff").startswith("rank,")


def test_export_all_under_a_file_blames_the_file_not_the_folder_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a review: it said "report.md/sheets is a file, not a folder".
    data, session = demo_saved(tmp_path)
    report = tmp_path / "report.md"
    report.write_text("kept")
    under = report / "sheets"
    assert main([*data, "export", session.id, "--format", "all", "-o", str(under)]) == 1
    assert said(capsys) == (
        f"panel-tui: Could not write to {under} (part of the path is a file, not a folder).\n"
    )
    assert report.read_text() == "kept"
