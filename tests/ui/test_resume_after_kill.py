"""A real app process is killed mid-session; the next one has every vote and the place.

The app runs in tmux as a person would run it in a terminal. A vote counts as
shown once the screen says so; the process is then killed with SIGKILL, so no
clean-up code runs, and a new process must resume at the same candidate and
question with every vote.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from panel_tui.domain.store import Store
from tests.platforms import posix_only

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 30

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    posix_only,  # tmux and SIGKILL
]


class Terminal:
    """One tmux server of its own, holding one 80x24 window."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def start(self, command: str) -> None:
        env = {"LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "TEXTUAL_ANIMATIONS": "none"}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-s", "app",
             "-x", "80", "-y", "24", "-c", str(ROOT), f"{exports} exec {command}"],
            check=True,
        )  # fmt: skip

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def wait_for(self, *texts: str) -> str:
        """Wait until the screen shows every text; fail with the screen if it never does."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            shown = self.screen()
            if all(text in shown for text in texts):
                return shown
            if time.monotonic() > deadline:
                pytest.fail(f"the screen never showed {texts}:\n{shown}")
            time.sleep(0.1)

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    made = Terminal(f"panel-tui-test-{os.getpid()}-{time.monotonic_ns()}")
    yield made
    made.tmux("kill-server")


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
    terminal.send("Left")
    terminal.wait_for("Question 1 of 6", "▲ Up", "● Middle", "▼ Down")
    pid = terminal.pid()
    terminal.send("C-q")  # quits cleanly, at any moment
    wait_until_gone(pid)
