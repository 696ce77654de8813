"""The command line (PRODUCT.md section 6).

Each command lives in a module of its own with ``register(commands, common)``,
which adds its parser and sets ``run`` to the function that carries it out.
Errors go to standard error in plain words with a non-zero exit, never a
traceback. The screens are imported only by the commands that show them, so
``banks``, ``sessions``, ``export`` and ``import`` start quickly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from panel_tui import __version__, locations
from panel_tui.cli import banks, display, export, importing, prepare, sessions, show
from panel_tui.cli.common import EXIT_ERROR, CommandError
from panel_tui.cli.parser import PlainParser
from panel_tui.domain.banks import BankError
from panel_tui.domain.interchange import SessionFileError
from panel_tui.domain.store import StoreError
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable

#: The command modules, in the order ``--help`` lists them.
COMMANDS = (show, banks, sessions, prepare, export, importing)


def _parser() -> argparse.ArgumentParser:
    common = PlainParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"the sessions folder (also {locations.DATA_DIR_ENV}; default ./sessions)",
    )
    common.add_argument(
        "--banks-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="your own question banks (default ./question_banks)",
    )
    display.add_arguments(common)
    parser = PlainParser(
        prog="panel-tui",
        description="Thumbs up, middle or down: co-produced recruitment panels.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"panel-tui {__version__}")
    parser.set_defaults(run=show.home)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except (CommandError, StoreError, BankError, SessionFileError) as error:
        # Messages quote files (names, keys, ids): never let them reach the terminal raw.
        print(f"panel-tui: {printable(str(error), lines=True)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:  # a last resort: the store turns the usual ones into words
        where = f"{error.filename}: " if error.filename else ""
        print(printable(f"panel-tui: {where}{os_reason(error)}."), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("panel-tui: stopped.", file=sys.stderr)
        return 130


__all__ = ["CommandError", "main"]
