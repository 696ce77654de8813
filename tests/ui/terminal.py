"""The app in a real terminal: a tmux server of its own, for tests run as a person would.

Textual draws on the terminal, so the app's output is read back with
``capture-pane`` rather than redirected.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 30
#: How often the screen is read while waiting: each read is a short tmux command.
POLL_SECONDS = 0.03

#: Put on a test module that needs tmux.
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


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
        """Run ``command`` in a UTF-8 terminal of 80x24, with no tmux status line."""
        env = {"LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "TEXTUAL_ANIMATIONS": "none"}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as config:
            config.write("set -g status off\n")  # the status line would take the 24th row
        try:
            subprocess.run(
                ["tmux", "-L", self.socket, "-f", config.name, "new-session", "-d", "-s", "app",
                 "-x", "80", "-y", "24", "-c", str(ROOT), f"{exports} exec {command}"],
                check=True,
            )  # fmt: skip
        finally:
            os.unlink(config.name)

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
            time.sleep(POLL_SECONDS)

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())
