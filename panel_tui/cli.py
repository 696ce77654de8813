"""The command line (PRODUCT.md section 6).

Errors go to standard error in plain words with a non-zero exit, never a
traceback. The screens are imported only by the commands that show them, so
``banks``, ``sessions``, ``export`` and ``import`` start quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from panel_tui import __version__, locations
from panel_tui.domain.banks import BankError, find_banks, load_bank
from panel_tui.domain.exports import (
    FORMATS,
    ExportOptions,
    encoded,
    file_name,
    render,
    write_export,
)
from panel_tui.domain.interchange import SessionFileError, load_session_file
from panel_tui.domain.models import Session, now
from panel_tui.domain.sessions import demo_session, practice_session
from panel_tui.domain.store import Store, StoreError, write_atomically
from panel_tui.domain.words import counted, utc_text

DEMO_BANK = "support-worker"
EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A plain message for standard error; the command exits non-zero."""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
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
    common.add_argument(
        "--ascii",
        action="store_true",
        default=argparse.SUPPRESS,
        help="plain ASCII symbols, for any terminal",
    )
    parser = argparse.ArgumentParser(
        prog="panel-tui",
        description="Thumbs up, middle or down: co-produced recruitment panels.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"panel-tui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("demo", parents=[common], help="a ready demo session on the sample bank")
    practice = commands.add_parser(
        "practice", parents=[common], help="rehearse a mock interview with sample answers"
    )
    practice.add_argument("bank", metavar="BANK", help="a practice bank's id or file")

    banks = commands.add_parser("banks", parents=[common], help="question banks")
    bank_commands = banks.add_subparsers(dest="banks_command", metavar="ACTION", required=True)
    validate = bank_commands.add_parser("validate", parents=[common], help="check bank files")
    validate.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    bank_commands.add_parser("list", parents=[common], help="the banks you can use")

    sessions = commands.add_parser("sessions", parents=[common], help="stored sessions")
    session_commands = sessions.add_subparsers(
        dest="sessions_command", metavar="ACTION", required=True
    )
    listing = session_commands.add_parser("list", parents=[common], help="list sessions")
    listing.add_argument("--json", action="store_true", help="a JSON array, for scripts")
    delete = session_commands.add_parser("delete", parents=[common], help="delete sessions")
    which = delete.add_mutually_exclusive_group(required=True)
    which.add_argument("session", nargs="?", metavar="SESSION")
    which.add_argument("--older-than", type=_days, metavar="DAYS")
    delete.add_argument("--yes", action="store_true", help="do not ask to confirm")

    export = commands.add_parser("export", parents=[common], help="export a session")
    export.add_argument("session", metavar="SESSION")
    export.add_argument("--format", choices=[*FORMATS, "all"], default="md")
    export.add_argument("--anonymise", action="store_true", help="seat labels and codes, no names")
    export.add_argument("--totals-only", action="store_true", help="no individual votes")
    export.add_argument("-o", "--output", type=Path, metavar="PATH")

    importing = commands.add_parser("import", parents=[common], help="import a json export")
    importing.add_argument("file", type=Path, metavar="FILE.json")
    importing.add_argument(
        "--replace", action="store_true", help="replace a session with the same id"
    )
    return parser


def _days(text: str) -> int:
    """A number of days for --older-than: a whole number from 0 to 36500."""
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 36500:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days from 0 to 36500")
    return days


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (CommandError, StoreError, BankError, SessionFileError) as error:
        print(f"panel-tui: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:  # a last resort: the store turns the usual ones into words
        where = f" ({error.filename})" if error.filename else ""
        print(f"panel-tui: {error.strerror or error}{where}.", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("panel-tui: stopped.", file=sys.stderr)
        return 130


def _store(args: argparse.Namespace) -> Store:
    return Store(locations.data_dir(getattr(args, "data_dir", None)))


def _bank_folders(args: argparse.Namespace) -> list[tuple[Path, str]]:
    return [
        (locations.shipped_banks_dir(), "shipped"),
        (locations.user_banks_dir(getattr(args, "banks_dir", None)), "yours"),
    ]


def _run(args: argparse.Namespace) -> int:
    command = args.command
    if command == "banks":
        return _banks_validate(args) if args.banks_command == "validate" else _banks_list(args)
    if command == "sessions":
        if args.sessions_command == "list":
            return _sessions_list(args)
        return _sessions_delete(args)
    if command == "export":
        return _export(args)
    if command == "import":
        return _import(args)
    store = _store(args)
    _warn_damaged(store)
    if command == "demo":
        return _show(args, store, _demo(store))
    if command == "practice":
        return _show(args, store, _practice(args, store))
    return _show(args, store, None)


def _show(args: argparse.Namespace, store: Store, session_id: str | None) -> int:
    from panel_tui.ui.app import run_app  # the screens load only when shown

    run_app(
        store,
        session_id=session_id,
        bank_folders=_bank_folders(args),
        ascii_only=getattr(args, "ascii", False),
    )
    return 0


def _warn_damaged(store: Store) -> None:
    store.sessions()  # sets damaged files aside
    for damaged in store.damaged:
        print(f"panel-tui: {damaged}", file=sys.stderr)


def _find_bank(args: argparse.Namespace, name: str) -> Path:
    given = Path(name)
    if given.suffix == ".toml" or given.exists():
        return given
    for folder, _ in _bank_folders(args):
        candidate = folder / f"{name}.toml"
        if candidate.exists():
            return candidate
    raise CommandError(
        f"There is no question bank {name!r}. 'panel-tui banks list' shows the banks you can use."
    )


def _demo(store: Store) -> str:
    """The unfinished demo session, or a new one."""
    for session in store.sessions():
        if session.title.startswith("Demo: ") and not session.finished:
            return session.id
    bank = load_bank(locations.shipped_banks_dir() / f"{DEMO_BANK}.toml")
    session = demo_session(bank)
    store.save(session)
    return session.id


def _practice(args: argparse.Namespace, store: Store) -> str:
    bank = load_bank(_find_bank(args, args.bank))
    try:
        session = practice_session(bank)
    except ValueError as error:
        raise CommandError(str(error)) from None
    store.save(session)
    return session.id


def _banks_validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        try:
            bank = load_bank(path)
        except BankError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
        else:
            kind = "practice bank" if bank.is_practice else "bank"
            count = len(bank.questions)
            print(f"{path}: valid {kind} '{bank.title}', {counted(count, 'question')}")
    return EXIT_ERROR if failed else 0


def _banks_list(args: argparse.Namespace) -> int:
    entries = find_banks(_bank_folders(args))
    if not entries:
        print("No question banks found.")
    seen: dict[str, Path] = {}
    for entry in entries:
        if entry.bank is None:
            print(f"{entry.path}  NOT VALID ({entry.source}):", file=sys.stderr)
            for problem in entry.problems:
                print(f"    {problem.message}", file=sys.stderr)
            continue
        count = len(entry.bank.questions)
        kind = ", practice" if entry.bank.is_practice else ""
        print(
            f"{entry.bank.id:<28} {entry.bank.title}  "
            f"({counted(count, 'question')}{kind}; {entry.source}: {entry.path})"
        )
        if entry.bank.id in seen:
            print(
                f"    The id {entry.bank.id!r} is also used by {seen[entry.bank.id]}; "
                f"'panel-tui practice {entry.bank.id}' takes that one. Give this bank "
                "an id of its own.",
                file=sys.stderr,
            )
        seen.setdefault(entry.bank.id, entry.path)
    return 0


def _sessions_list(args: argparse.Namespace) -> int:
    store = _store(args)
    summaries = store.summaries()
    for damaged in store.damaged:
        print(f"panel-tui: {damaged}", file=sys.stderr)
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "mode": s.mode,
                "created": utc_text(s.created),
                "finished": s.finished,
                "candidates": s.candidates,
                "votes": s.votes,
            }
            for s in summaries
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not summaries:
        print(f"No sessions in {store.root}.")
    for s in summaries:
        state = "finished" if s.finished else "open"
        print(
            f"{s.id}  {s.title}  ({s.mode}, {state}, {counted(s.candidates, 'candidate')}, "
            f"{counted(s.votes, 'vote event')}, started {s.created:%d %b %Y})"
        )
    return 0


def _confirm(question: str, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CommandError("Nothing was deleted: add --yes to delete without being asked.")
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def _sessions_delete(args: argparse.Namespace) -> int:
    store = _store(args)
    if args.session:
        targets = [store.load(args.session)]
    else:
        cutoff = now() - timedelta(days=args.older_than)
        targets = [s for s in store.sessions() if s.created < cutoff]
        if not targets:
            print(f"No sessions older than {counted(args.older_than, 'day')}.")
            return 0
    print("This will delete, from disk, for good:")
    for session in targets:
        print(f"  {session.id}  {session.title}  (started {session.created:%d %b %Y})")
    if not _confirm(f"Delete {counted(len(targets), 'session')}?", args.yes):
        print("Nothing was deleted.")
        return 0
    for session in targets:
        store.delete(session.id)
        print(f"Deleted {session.id}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    store = _store(args)
    session = store.load(args.session)
    options = ExportOptions(anonymise=args.anonymise, totals_only=args.totals_only)
    if args.format == "all":
        if args.output is None:
            raise CommandError("--format all writes several files: name a folder with -o.")
        return _export_all(session, options, args.output)
    if args.output is None:
        # Bytes, so a terminal or pipe that is not UTF-8 still gets every name.
        sys.stdout.flush()
        sys.stdout.buffer.write(render(session, args.format, options).encode())
        sys.stdout.buffer.flush()
        return 0
    _write_new(args.output, encoded(session, args.format, options))
    print(f"Wrote {args.output}", file=sys.stderr)
    return 0


def _write_new(path: Path, payload: bytes) -> None:
    if path.is_dir():
        raise CommandError(f"{path} is a folder: give a file name with -o.")
    try:
        write_atomically(path, payload)
    except OSError as error:
        raise CommandError(f"Could not write {path} ({error.strerror or error}).") from None


def _export_all(session: Session, options: ExportOptions, folder: Path) -> int:
    paths = [folder / file_name(session, name, options) for name in FORMATS]
    taken = [str(path) for path in paths if path.exists()]
    if taken:
        raise CommandError("These files already exist, so nothing was written: " + ", ".join(taken))
    for name in FORMATS:
        try:
            path = write_export(session, name, folder, options)
        except OSError as error:
            raise CommandError(
                f"Could not write into {folder} ({error.strerror or error})."
            ) from None
        print(f"Wrote {path}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    session = load_session_file(args.file)
    store = _store(args)
    kept = store.save(session, replace=args.replace)
    if kept is not None:
        print(f"The session that was there is kept as {kept}.")
    contents = [
        counted(len(session.candidates), "candidate"),
        counted(len(session.panel), "panel member"),
        counted(len(session.votes), "vote event"),
    ]
    print(f"Imported {session.id} ({session.title}): {', '.join(contents)}.")
    return 0
