"""``panel-tui import``: sessions exported as json, or prepared by HR, many at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from panel_tui.cli.common import EXIT_ERROR, FolderOptions, store, warn_damaged
from panel_tui.domain.importing import SessionFileError, load_session_file
from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.recovery import kept_words
from panel_tui.domain.text import printable
from panel_tui.domain.words import counted, holds_words


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``import``."""
    importing = commands.add_parser(
        "import",
        parents=[folders.sessions],
        help="import json exports (many at once)",
        description="Take in sessions exported as json (panel-tui export --format json), "
        "from this laptop or another, into the sessions folder. Each file is taken in "
        "whole or not at all.",
    )
    importing.add_argument(
        "files", type=Path, nargs="+", metavar="FILE.json", help="a session exported as json"
    )
    importing.add_argument(
        "--replace", action="store_true", help="replace a session with the same id"
    )
    importing.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import each file, all or nothing, with a line for each; non-zero if any failed."""
    found = store(args)
    refused = [path for path in args.files if not _import_one(found, path, args.replace)]
    warn_damaged(found)  # a damaged session replaced is kept in damaged/, and named
    if len(args.files) > 1:
        done = len(args.files) - len(refused)
        print(
            f"Imported {done} of {counted(len(args.files), 'file')}"
            + (f"; {len(refused)} refused, nothing taken from them." if refused else "."),
            file=sys.stderr if refused else sys.stdout,
        )
    return EXIT_ERROR if refused else 0


def _import_one(found: Store, path: Path, replace: bool) -> bool:
    """Import one file: a line on standard output, or on standard error when refused."""
    try:
        session = load_session_file(path)
        kept = found.save(session, replace=replace)
    except (SessionFileError, StoreError) as error:
        message = str(error)
        if not message.startswith(str(path)):
            message = f"{path}: {message}"
        # A refusal may list several problems, a line each.
        print(f"panel-tui: {printable(message, lines=True)}", file=sys.stderr)
        return False
    line = f"Imported {session.id} ({session.title}) from {path}: {holds_words(session)}."
    if kept is not None:
        line += f" {kept_words(kept, session, path)}"
    print(printable(line))  # a title or file name never runs on the terminal
    return True
