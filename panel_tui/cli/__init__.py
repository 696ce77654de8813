"""The command line (PRODUCT.md section 6).

Each command lives in a module of its own with ``register(commands, folders)``,
which adds its parser and sets ``run`` to the function that carries it out.
Errors go to standard error in plain words with a non-zero exit, never a
traceback.

Only the module of the command that runs is imported (:data:`COMMAND_MODULES`
says which module adds which command), so the home screen never loads the
exports and jinja2, and ``sessions list`` never loads the screens. ``--help``,
or a command panel-tui does not know, loads them all to list them.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from panel_tui import __version__
from panel_tui.cli import display
from panel_tui.cli.common import EXIT_ERROR, CommandError, FolderOptions
from panel_tui.cli.parser import PlainParser
from panel_tui.domain.banks import BankError
from panel_tui.domain.importing import SessionFileError
from panel_tui.domain.store import StoreError
from panel_tui.domain.store.files import WINDOWS
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable, quoted

#: The command modules (in ``panel_tui.cli``), in the order ``--help`` lists them.
COMMANDS = (
    "show",
    "banks",
    "sessions",
    "prepare",
    "export",
    "importing",
    "combine",
    "report",
    "payment",
)
#: The module that adds each command (a test checks each module adds these).
COMMAND_MODULES = {
    "demo": "show",
    "practice": "show",
    "banks": "banks",
    "sessions": "sessions",
    "prepare": "prepare",
    "export": "export",
    "import": "importing",
    "combine": "combine",
    "report": "report",
    "payment": "payment",
}
#: The module that runs with no command: the home screen.
HOME = "show"


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"panel_tui.cli.{name}")


def _chosen(argv: Sequence[str], before: Sequence[argparse.ArgumentParser]) -> str | None:
    """The command word in ``argv``: the first word that is not an option or its value
    (the options ``before`` offer before a command)."""
    takes_value = {
        option
        for parser in before
        for action in parser._actions
        if action.nargs != 0
        for option in action.option_strings
    }
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in takes_value:
            next(words, None)  # the option's value, such as the folder of --data-dir
        elif not word.startswith("-"):
            return word
    return None


def _modules(argv: Sequence[str], before: Sequence[argparse.ArgumentParser]) -> list[ModuleType]:
    """The command modules this command line needs: the chosen one, or all to list them."""
    chosen = _chosen(argv, before)
    if chosen is None and not {"-h", "--help"} & set(argv):
        return [_module(HOME)]
    if chosen in COMMAND_MODULES:
        return [_module(COMMAND_MODULES[chosen])]
    return [_module(name) for name in COMMANDS]  # --help, or a word to say is unknown


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the commands ``argv`` needs (every command when ``None``)."""
    folders = FolderOptions.made(PlainParser)
    before = [*folders, display.options()]  # the home screen opens without a command
    modules = [_module(name) for name in COMMANDS] if argv is None else _modules(argv, before)
    parser = PlainParser(
        prog="panel-tui",
        description="Thumbs up, middle or down: co-produced recruitment panels.",
        parents=before,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"panel-tui {__version__}",
        help="say which version of panel-tui this is",
    )
    parser.set_defaults(run=_home)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="what to do (without one, the home screen opens)"
    )
    for module in modules:
        module.register(commands, folders)
    return parser


def _home(args: argparse.Namespace) -> int:
    code: int = _module(HOME).home(args)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    given = sys.argv[1:] if argv is None else list(argv)
    args = _parser(given).parse_args(given)
    try:
        code: int = args.run(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a reader gone is met here, not as Python exits
        return code
    except (CommandError, StoreError, BankError, SessionFileError) as error:
        # Messages quote files (names, keys, ids): never let them reach the terminal raw.
        print(f"panel-tui: {printable(str(error), lines=True)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:  # a last resort: the store turns the usual ones into words
        if _reader_gone(error):
            return _quietly()
        where = f"{quoted(str(error.filename), 200)}: " if error.filename else ""
        print(printable(f"panel-tui: {where}{os_reason(error)}."), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("panel-tui: stopped.", file=sys.stderr)
        return 130


def _reader_gone(error: OSError) -> bool:
    """Whether ``error`` is a write to a pipe whose reader has gone (``| head -1``).

    Windows has no SIGPIPE, and says so with EINVAL there, not EPIPE (as Python's
    own subprocess module allows for). The commands turn a file's errors into
    words before here: what is left is standard output's, which names no file.
    """
    if isinstance(error, BrokenPipeError):
        return True
    return WINDOWS and error.errno == errno.EINVAL and error.filename is None


def _quietly() -> int:
    """End as shell tools do when the reader of their output has gone: without a word.

    Standard output goes to the null device, so that Python's last flush as it
    exits finds no pipe to complain of (Python's documentation, "Note on SIGPIPE").
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no file behind it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_ERROR


__all__ = ["CommandError", "main"]
