"""``panel-tui report``: rounds compared, over the store or over json exports."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from panel_tui.cli.common import (
    EXIT_ERROR,
    CommandError,
    FolderOptions,
    day,
    document_options,
    emit,
    load,
    store,
    warn_damaged,
)
from panel_tui.domain.exports.rounds_report import FORMATS, render_rounds
from panel_tui.domain.importing import SessionFileError, load_session_file
from panel_tui.domain.models import Session
from panel_tui.domain.rounds import compare_rounds
from panel_tui.domain.text import printable
from panel_tui.domain.words import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``report``."""
    parser = commands.add_parser(
        "report",
        parents=[folders.sessions],
        help="rounds compared, for HR and co-production leads",
        description=(
            "Compare rounds: each SESSION is a session id in the store, a json export, "
            "or a folder of json exports (from many laptops). Practice rounds are left "
            "out unless --include-practice."
        ),
    )
    parser.add_argument(
        "sessions",
        nargs="*",
        metavar="SESSION",
        help="a session id, a json export, or a folder of them",
    )
    parser.add_argument("--all", action="store_true", help="every session in the store")
    parser.add_argument("--since", type=day, metavar="DATE", help="rounds on or after DATE")
    parser.add_argument("--include-practice", action="store_true", help="count practice rounds too")
    document_options(parser, FORMATS)
    parser.set_defaults(run=run)


def _from_files(paths: list[Path], left_out: list[str], anonymised: list[str]) -> Iterator[Session]:
    """The sessions in json exports; a file that cannot count is named and left out."""
    for path in paths:
        try:
            session = load_session_file(path)
        except SessionFileError as error:
            said = str(error).splitlines()
            # Each problem on standard error; the report names the file and the first,
            # as the terminal shows them: a file's name is data (found by a tester).
            name = printable(str(path))
            if error.problems:
                count = counted(len(error.problems), "problem")
                left_out.append(
                    printable(
                        f"Left out, as it could not be read: {name} ({count}; the first, "
                        f"{error.problems[0]})"
                    )
                )
                said[0] = f"Left out, as it could not be read: {name} ({count}):"
            else:
                said[0] = f"Left out, as it could not be read: {said[0]}"
                left_out.append(printable(said[0]))
            for line in said:
                print(f"panel-tui: {printable(line)}", file=sys.stderr)
            continue
        # (Import refuses a totals-only export itself: it holds no votes.)
        if export_marks(path).get("anonymised"):
            # Named by day and bank only, so two rounds' copies can share an id:
            # the file's name tells them apart in the report.
            named = printable(path.name)
            session = session.model_copy(update={"id": f"{session.id} ({named})"})
            anonymised.append(session.id)
        yield session


def export_marks(path: Path) -> dict[str, object]:
    """How an export was made (its ``export`` object), or nothing for a full record."""
    try:
        record = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError):
        return {}
    marks = record.get("export") if isinstance(record, dict) else None
    return marks if isinstance(marks, dict) else {}


def _sessions(
    args: argparse.Namespace, left_out: list[str], anonymised: list[str]
) -> list[Session]:
    if not args.sessions and not args.all:
        raise CommandError(
            "Name the sessions to compare, a folder of json exports, or --all for every "
            "session in the store."
        )
    # Opened only for --all or a session id: files named are read without a sessions
    # folder, and a folder not there is said, never made (found by a review).
    ids = [name for name in args.sessions if not _exported(Path(name))]
    found = store(args, existing=True) if args.all or ids else None
    sessions: list[Session] = []
    if found is not None and args.all:
        sessions += found.sessions()
        warn_damaged(found)
    for name in args.sessions:
        given = Path(name)
        if given.is_dir():
            files = sorted(given.glob("*.json"))
            if not files:
                raise CommandError(f"{given} holds no json exports (files ending .json).")
            sessions += _from_files(files, left_out, anonymised)
        elif given.suffix == ".json":
            # Something there that is no file (a link round in a circle) is left out
            # in the words of a file that cannot be read, not called missing.
            if not os.path.lexists(given):
                raise CommandError(f"There is no file {given}.")
            sessions += _from_files([given], left_out, anonymised)
        else:
            assert found is not None  # opened above for each id named
            sessions.append(load(found, name))
    return sessions


def _exported(given: Path) -> bool:
    """Whether a name on the command line is of json exports (a folder or a file), not an id."""
    return given.is_dir() or given.suffix == ".json"


def run(args: argparse.Namespace) -> int:
    """Write the rounds report to standard output or a file; non-zero if a file was left out."""
    left_out: list[str] = []
    anonymised: list[str] = []
    sessions = _sessions(args, left_out, anonymised)
    report = compare_rounds(
        sessions,
        since=args.since,
        include_practice=args.include_practice,
        left_out=left_out,
        anonymised=anonymised,
    )
    # Said here too: the csv has no place for them (unreadable files were said already).
    for note in report.left_out[len(left_out) :]:
        print(f"panel-tui: note: {note}", file=sys.stderr)
    emit(render_rounds(report, args.format), args, bom=args.format == "csv")
    # As cp and grep do: what could be done is done, and the exit says not all.
    return EXIT_ERROR if left_out else 0
