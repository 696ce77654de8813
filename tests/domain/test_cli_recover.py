"""``panel-tui sessions recover``: a session set aside as damaged, read back and saved again."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from tests.domain.builders import two_by_two
from tests.domain.helpers import three_votes_the_second_spoilt


def _set_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """Three votes, the second spoilt in the journal, then listed: the notice said."""
    data = tmp_path / "sessions"
    three_votes_the_second_spoilt(Store(data))
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    return data, capsys.readouterr().err


def test_the_command_the_notice_names_brings_the_session_back_with_what_was_lost_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, notice = _set_aside(tmp_path, capsys)
    assert "s1.journal, is damaged" in notice
    typed = shlex.split(notice.split("To get back all that still reads: ")[1])
    assert typed[:3] == ["panel-tui", "sessions", "recover"]
    [aside] = typed[3:]
    damaged = {path: path.read_bytes() for path in (data / "damaged").iterdir()}
    # Run from another folder, with no --data-dir: it goes back where it came from.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PANEL_TUI_DATA_DIR", str(tmp_path / "elsewhere"))
    assert main(typed[1:]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == f"Recovered s1 (Test) from {aside} into {data}: " + (
        "2 candidates, 3 panel members, 2 votes."
    )
    assert said[1:] == [
        "2 changes read back. Left out: 1 change saved in it no longer reads as written.",
        "Missing from it as a result: 1 vote.",
        "Look over its summary before you rely on it. The damaged copy is kept as it is.",
    ]
    voters = [v.member for v in Store(data).load("s1").votes]
    assert voters == ["m1", "m3"]
    assert {path: path.read_bytes() for path in (data / "damaged").iterdir()} == damaged
    assert not (tmp_path / "elsewhere").exists()

    assert main(typed[1:]) == 1  # already back: never replaced unasked
    assert "Use --replace" in capsys.readouterr().err
    assert main([*typed[1:], "--replace"]) == 0
    assert "The session that was there is kept as" in capsys.readouterr().out


def test_importing_a_copy_set_aside_says_to_recover_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = _set_aside(tmp_path, capsys)
    [aside] = (data / "damaged").glob("*.json")
    assert main(["--data-dir", str(data), "import", str(aside)]) == 1
    assert f"To take in a session set aside as damaged: panel-tui sessions recover {aside}" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (None, "There is no file {path}."),
        ("folder", "{path} cannot be recovered: it is a folder, not a file."),
        (
            '{"rows": []}',
            "{path} is not a session file panel-tui keeps, so there is nothing to recover",
        ),
        (
            '{"session": {"1": {',
            "{path} cannot be recovered: the session file itself is damaged (it is not "
            "complete JSON",
        ),
    ],
)
def test_what_cannot_be_recovered_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str | None, said: str
) -> None:
    path = tmp_path / "given.json"
    if make == "folder":
        path.mkdir()
    elif make is not None:
        path.write_text(make)
    assert main(["--data-dir", str(tmp_path / "sessions"), "sessions", "recover", str(path)]) == 1
    err = capsys.readouterr().err
    assert said.format(path=path) in err
    assert "Traceback" not in err
    assert not (tmp_path / "sessions" / "given.json").exists()


def test_a_copy_that_cannot_be_read_back_is_not_offered_for_recovery(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(two_by_two("LLP"))
    snapshot = data / "s1.json"
    snapshot.write_bytes(snapshot.read_bytes()[:-30])  # the session file itself, cut short
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    notice = capsys.readouterr().err
    assert "s1.json is damaged (it is not complete JSON" in notice
    assert "moved to" in notice and "sessions recover" not in notice


def test_a_mistyped_copy_in_a_damaged_folder_makes_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = tmp_path / "nowhere" / "damaged" / "s1.json"
    assert main(["--data-dir", str(tmp_path / "sessions"), "sessions", "recover", str(typed)]) == 1
    assert f"There is no file {typed}." in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()
