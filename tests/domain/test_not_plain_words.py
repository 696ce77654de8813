"""A pipe, a device or a socket where a file was expected is said once, in one pair
of brackets at most: "is not a plain file (it is not a plain file (a pipe...))"
said it twice (found by a security tester)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from tests.domain.builders import one_vote
from tests.platforms import posix_only

PIPE = "it is a pipe, a device or a socket, not a plain file"


def _said_once(said: str) -> None:
    assert said.count("plain file") == 1, said
    assert "((" not in said and "))" not in said and "(it is not" not in said


@posix_only
def test_a_pipe_for_a_sessions_record_of_changes_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(one_vote("j2"))
    os.mkfifo(data / "j2.journal")
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    [said] = [line for line in capsys.readouterr().err.splitlines() if "j2.journal" in line]
    assert said == (
        f"panel-tui: The session j2 is not read, as its record of changes {data}/j2.journal "
        f"cannot be read ({PIPE}). Someone may have put it there on purpose: move it away, "
        "then try again. It was left as it is."
    )
    _said_once(said)


@posix_only
def test_a_pipe_given_to_prepare_or_import_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "panel.csv"
    os.mkfifo(pipe)
    candidates = tmp_path / "candidates.csv"
    candidates.write_text("code\nC1\n", encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "sessions")]
    sheets = ["--panel", str(pipe), "--candidates", str(candidates)]
    assert main([*data, "prepare", *sheets, "--bank", "support-worker"]) == 1
    said = capsys.readouterr().err.splitlines()[0]
    assert said == f"panel-tui: {pipe}: cannot be read ({PIPE})"
    _said_once(said)
    json_pipe = tmp_path / "hr.json"
    os.mkfifo(json_pipe)
    assert main([*data, "import", str(json_pipe)]) == 1
    said = capsys.readouterr().err.strip()
    assert said == f"panel-tui: {json_pipe}: cannot be read: {PIPE}."
    _said_once(said)
