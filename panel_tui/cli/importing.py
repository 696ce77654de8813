"""``panel-tui import``: sessions exported as json, or prepared by HR."""

from __future__ import annotations

import argparse
from pathlib import Path

from panel_tui.cli.common import store
from panel_tui.domain.interchange import load_session_file
from panel_tui.domain.text import printable
from panel_tui.domain.words import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``import``."""
    importing = commands.add_parser("import", parents=[common], help="import a json export")
    importing.add_argument("file", type=Path, metavar="FILE.json")
    importing.add_argument(
        "--replace", action="store_true", help="replace a session with the same id"
    )
    importing.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import one file, all or nothing."""
    session = load_session_file(args.file)
    kept = store(args).save(session, replace=args.replace)
    if kept is not None:
        print(f"The session that was there is kept as {printable(str(kept))}.")
    contents = [
        counted(len(session.candidates), "candidate"),
        counted(len(session.panel), "panel member"),
        counted(len(session.votes), "vote event"),
    ]
    print(f"Imported {session.id} ({session.title}): {', '.join(contents)}.")
    return 0
