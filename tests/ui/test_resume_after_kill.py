"""A real app process is killed mid-session; the next one has every vote and the place.

The app runs in tmux as a person would run it in a terminal. A vote counts as
shown once the screen says so; the process is then killed with SIGKILL, so no
clean-up code runs, and a new process must resume at the same candidate and
question with every vote.
"""

from __future__ import annotations

import os
import shlex
import signal
import sys
import time
from pathlib import Path

import pytest

from panel_tui.domain.store import Store
from tests.platforms import posix_only
from tests.ui.terminal import WAIT_SECONDS, Terminal, needs_tmux

pytestmark = [needs_tmux, posix_only]  # tmux and SIGKILL


def wait_until_gone(pid: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail(f"process {pid} did not end")


def test_a_killed_app_resumes_with_every_vote(terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "sessions"
    command = f"{shlex.quote(sys.executable)} -m panel_tui --data-dir {shlex.quote(str(data))} demo"

    terminal.start(command)
    terminal.wait_for("Question 1 of 6", "0 of 4 voted")
    for key, voted in (("1", "1 of 4"), ("w", "2 of 4"), ("d", "3 of 4")):
        terminal.send(key)
        terminal.wait_for(f"{voted} voted")
    terminal.send("4")
    terminal.wait_for("Votes shown")
    terminal.send("Right")
    terminal.wait_for("Question 2 of 6")
    terminal.send("1")
    terminal.wait_for("1 of 4 voted", "✓ Voted")

    pid = terminal.pid()
    os.kill(pid, signal.SIGKILL)
    wait_until_gone(pid)

    [session] = Store(data).sessions()
    values = {
        question: {m: v.value for m, v in session.current_votes("c1", question).items()}
        for question in ("why-this-work", "choice-and-control")
    }
    assert values == {
        "why-this-work": {"m1": "up", "m2": "middle", "m3": "down", "m4": "up"},
        "choice-and-control": {"m1": "up"},
    }
    assert session.cursor is not None
    assert (session.cursor.candidate, session.cursor.question) == ("c1", "choice-and-control")

    # A new process takes the lock the dead one held and resumes at the same place.
    terminal.tmux("kill-server")
    terminal.start(command)
    shown = terminal.wait_for("Alex Morgan", "Question 2 of 6", "1 of 4 voted")
    assert shown.count("✓ Voted") == 1
    # Said, not left for the chair to guess (found by a tester: it looked as after Ctrl+Q).
    # On the line above the keys, where it covers no seat's vote (found on the day).
    terminal.wait_for("was not closed properly", "carry on from here", "Waiting")
    terminal.send("Left")
    terminal.wait_for("Question 1 of 6", "▲ Up", "● Middle", "▼ Down")
    pid = terminal.pid()
    terminal.send("C-q")  # quits cleanly, at any moment
    wait_until_gone(pid)
