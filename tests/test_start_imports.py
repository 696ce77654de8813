"""Each command imports only what it needs, checked in a fresh process.

The home screen must paint without the exports (jinja2) and without the
screens it has not shown yet; ``sessions list`` without any screen.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from panel_tui.cli import COMMAND_MODULES, COMMANDS, _module, _parser
from panel_tui.cli.common import FolderOptions

PROBE = """
import json, sys
from panel_tui.cli import _parser
argv = json.loads(sys.argv[1])
args = _parser(argv).parse_args(argv)
if sys.argv[2] == "home":
    import panel_tui.ui.app  # what the home command imports to show the app
print(json.dumps(sorted(sys.modules)))
"""


def imported(argv: list[str], what: str = "") -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv), what],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out))


LATER = {
    "jinja2",
    "panel_tui.domain.exports",
    "panel_tui.cli.export",
    "panel_tui.cli.prepare",
    "panel_tui.ui.screens.interview",
    "panel_tui.ui.screens.summary",
    "panel_tui.ui.screens.setup_session",
    "panel_tui.domain.setup_form",
}


def test_the_home_screen_starts_without_the_exports_or_the_screens_not_yet_shown() -> None:
    modules = imported(["--data-dir", "x"], "home")
    assert "panel_tui.ui.screens.home" in modules  # the probe did load the app
    assert not LATER & modules, LATER & modules


@pytest.mark.parametrize(
    "argv", [["sessions", "list"], ["--data-dir", "x", "banks", "list"], ["import", "f.json"]]
)
def test_a_command_without_screens_loads_no_textual_and_no_exports(argv: list[str]) -> None:
    modules = imported(argv)
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}
    assert "jinja2" not in modules


def test_every_command_module_adds_the_commands_the_table_says() -> None:
    import argparse

    for name in COMMANDS:
        parser = argparse.ArgumentParser()
        commands = parser.add_subparsers()
        _module(name).register(commands, FolderOptions.made(argparse.ArgumentParser))
        added = set(commands.choices)
        assert added == {c for c, m in COMMAND_MODULES.items() if m == name}, name
    # With no command line given, every command is there (for --help).
    full = _parser()
    subparsers = [a for a in full._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(subparsers[0].choices) == set(COMMAND_MODULES)
