"""A reader that stops early (``| head -1``) ends panel-tui quietly, as shell tools do."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from panel_tui import cli
from panel_tui.domain.store import Store
from tests.domain.builders import two_by_two


@pytest.mark.parametrize(
    "command",
    [["sessions", "list", "--json"], ["sessions", "list"], ["export", "s1"]],
)
def test_a_pipe_closed_by_its_reader_ends_the_command_without_a_word(
    tmp_path: Path, command: list[str]
) -> None:
    # Found by a tester: 'panel-tui sessions list --json | head -1' printed
    # "panel-tui: broken pipe." on the terminal, where shell tools say nothing.
    data = tmp_path / "sessions"
    Store(data).save(two_by_two())
    reading, writing = os.pipe()
    os.close(reading)  # the reader has gone before anything is written: no race
    try:
        done = subprocess.run(
            [sys.executable, "-m", "panel_tui", "--data-dir", str(data), *command],
            stdout=writing,
            stderr=subprocess.PIPE,
            env={**os.environ, "PANEL_TUI_CONFIG_DIR": str(tmp_path / "config")},
            timeout=60,
        )
    finally:
        os.close(writing)
    assert done.stderr == b""
    assert done.returncode == 1  # as Python's documentation does (no SIGPIPE on Windows)


@pytest.mark.parametrize(("windows", "quiet"), [(True, True), (False, False)])
def test_windows_says_a_pipe_closed_by_its_reader_as_an_invalid_argument(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    windows: bool,
    quiet: bool,
) -> None:
    # Windows has no SIGPIPE, and a write to a pipe whose reader has gone fails there
    # with EINVAL, not EPIPE. Anywhere else EINVAL is a fault of its own, and said.
    def stopped(_: object) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(cli, "WINDOWS", windows)
    monkeypatch.setattr(cli, "_home", stopped)
    assert cli.main([]) == 1
    assert (capsys.readouterr().err == "") is quiet
