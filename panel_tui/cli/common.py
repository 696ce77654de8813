"""What every command shares: plain errors, the store, the bank folders, writing files."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from panel_tui import locations
from panel_tui.domain.banks import find_banks
from panel_tui.domain.models import Session
from panel_tui.domain.store import SessionNotFound, Store, StoreError, write_atomically
from panel_tui.domain.store.catalogue import resembling
from panel_tui.domain.system_words import not_written, os_reason
from panel_tui.domain.text import parse_share, printable, quoted
from panel_tui.domain.words import listed, sessions_folder_words

EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A plain message for standard error; the command exits non-zero."""


class FolderOptions(NamedTuple):
    """The folder options, each a parent parser: a command takes those it reads.

    Found by a tester: ``--banks-dir`` was offered by every command, where most
    never read a bank, so a script's folder there did nothing without a word.
    """

    sessions: argparse.ArgumentParser  #: ``--data-dir``: the sessions folder
    banks: argparse.ArgumentParser  #: ``--banks-dir``: your own question banks

    @classmethod
    def made(cls, parser: type[argparse.ArgumentParser]) -> FolderOptions:
        """The two options, each in a parent parser of the kind given."""
        sessions, banks = parser(add_help=False), parser(add_help=False)
        sessions.add_argument(
            "--data-dir",
            metavar="DIR",
            default=argparse.SUPPRESS,
            help=f"the sessions folder (also {locations.DATA_DIR_ENV}; default ./sessions)",
        )
        banks.add_argument(
            "--banks-dir",
            metavar="DIR",
            default=argparse.SUPPRESS,
            help="your own question banks (default ./question_banks)",
        )
        return cls(sessions, banks)


def store(args: argparse.Namespace, *, existing: bool = False) -> Store:
    """The sessions folder the command works on: made if missing, unless ``existing``.

    A command that works on sessions already made never makes the folder: a
    mistyped ``--data-dir`` was made, folders and all, and listed as empty
    (found by a tester).

    Raises:
        CommandError: ``existing``, and there is no such folder.
    """
    named = getattr(args, "data_dir", None)
    root = locations.data_dir(named)
    if existing and not os.path.lexists(root):
        where = (
            "check --data-dir, or PANEL_TUI_DATA_DIR"
            if locations.data_dir_named(named)
            else "no session has been made in this folder yet"
        )
        raise CommandError(printable(f"There is no {sessions_folder_words(root)}: {where}."))
    return Store(root)


def load(found: Store, session_id: str) -> Session:
    """The session named on the command line; when there is none, the likely ones named.

    Raises:
        CommandError: there is no such session (with the ids most like it), or
            it cannot be read (the store's words).
    """
    try:
        return found.load(session_id)
    except SessionNotFound:
        try:
            likely = resembling(found.summaries(), session_id)
        except (StoreError, OSError):
            likely = []
        if not likely:
            raise
        said = [f"{s.id} ({quoted(s.title)})" for s in likely]
        meant = said[0] if len(said) == 1 else f"one of: {', '.join(said)}"
        raise CommandError(
            f"There is no session {quoted(session_id)} in {found.root}. Did you mean {meant}?"
        ) from None


def bank_folders(args: argparse.Namespace) -> list[tuple[Path, str]]:
    """The shipped banks, then the user's own.

    Raises:
        CommandError: ``--banks-dir`` names no folder (a typo would otherwise
            leave the user's banks out without a word).
    """
    named = getattr(args, "banks_dir", None)
    yours = locations.user_banks_dir(named)
    if named and not yours.is_dir():
        try:
            yours.stat()
            what = "is a file, not a folder"
        except FileNotFoundError:
            what = "is not there"
        except OSError as error:  # a link that leads round in a circle
            what = f"cannot be used ({os_reason(error)})"
        raise CommandError(
            f"The folder {yours} given with --banks-dir {what}. Name the folder "
            "your own question banks are in."
        )
    return [(locations.shipped_banks_dir(), "shipped"), (yours, "yours")]


def find_bank(args: argparse.Namespace, name: str) -> Path:
    """A bank's file, from a path or the id ``banks list`` shows.

    An id is looked up in the banks the folders hold (the file's name may
    differ from it). Where two banks share an id, neither is taken: found by a
    tester, a copy made in Explorer ("admin - Copy.toml") was listed first and
    taken in place of the file being edited. A file named after the id is the
    last resort.
    """
    given = Path(name)
    # A link round in a circle does not "exist" to Python, so lexists: reading it says
    # what is wrong with it, where it was called no bank at all (found in testing).
    if given.suffix == ".toml" or os.path.lexists(given):
        return given
    folders = bank_folders(args)
    matching = [e.path for e in find_banks(folders) if e.bank is not None and e.bank.id == name]
    if len(matching) > 1:
        raise CommandError(
            f"{len(matching)} question banks have the id {quoted(name)}: "
            f"{listed([str(path) for path in matching])}. Name the file to use "
            "instead of the id, or give each bank an id of its own."
        )
    if matching:
        return matching[0]
    for folder, _ in folders:
        candidate = folder / f"{name}.toml"
        if os.path.lexists(candidate):
            return candidate
    raise CommandError(
        f"There is no question bank {quoted(name)}. "
        "'panel-tui banks list' shows the banks you can use."
    )


def warn_damaged(found: Store) -> None:
    """Name on standard error every damaged file the store set aside."""
    for damaged in found.damaged:
        print(f"panel-tui: {printable(str(damaged))}", file=sys.stderr)


def confirm(question: str, yes: bool) -> bool:
    """Ask on the terminal; ``--yes`` answers for scripts."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CommandError("Nothing was deleted: add --yes to delete without being asked.")
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def output_path(text: str) -> Path:
    """The file named with ``-o``: an empty name is refused, never taken for this folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the name given is empty: give a file name")
    return Path(text)


def write_new(path: Path, payload: bytes, *, force: bool = False) -> None:
    """Write one output file the user named, never replacing a file unless ``force``.

    A link in the way is replaced, never written through.
    """
    if path.is_dir():
        raise CommandError(f"{path} is a folder: give a file name with -o.")
    if path.parent.exists() and not path.parent.is_dir():
        raise CommandError(
            f"{path.parent} is a file, not a folder, so {path.name} was not written: "
            "choose another place."
        )
    if not path.parent.is_dir():
        raise CommandError(
            f"There is no folder {path.parent}, so {path.name} was not written: "
            "make the folder first, or choose another place."
        )
    if path.exists() and not path.is_symlink() and not path.is_file():
        # --force replaces a file; a device or a pipe it must never replace.
        raise CommandError(
            f"{path} is not an ordinary file (a device or a pipe), so nothing was written: "
            "give the name of a file."
        )
    if not force and (path.exists() or path.is_symlink()):
        raise CommandError(
            f"{path} already exists, so nothing was written. Add --force to replace it."
        )
    try:
        write_atomically(path, payload)
    except OSError as error:
        raise CommandError(not_written([(path, error)])) from None


def refuse_in_data_folder(args: argparse.Namespace) -> None:
    """Refuse an output (``-o``) inside the sessions folder, where it could replace a session.

    Both paths are resolved, so ``..`` and links (to the folder or into it) are caught.
    """
    # Imported here, so commands that write nothing start without the exports.
    from panel_tui.domain.exports import sessions_folder_problem

    output = getattr(args, "output", None)
    data = locations.data_dir(getattr(args, "data_dir", None))
    problem = None if output is None else sessions_folder_problem(output, data)
    if problem:
        raise CommandError(problem)


def document_options(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    """``--format``, ``-o`` and ``--force``: the options of a command that writes one
    document (:func:`emit`), in one of ``formats`` (the first is the default)."""
    parser.add_argument(
        "--format",
        type=str.lower,
        choices=formats,
        default=formats[0],
        help=f"what to write (default {formats[0]})",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="PATH",
        help="the file to write (without it, printed here)",
    )
    parser.add_argument("--force", action="store_true", help="replace a file that exists")


def emit(text: str, args: argparse.Namespace, *, bom: bool = False) -> None:
    """A command's one document: to standard output, or to the file ``-o`` named.

    Standard output gets bytes, so a terminal or pipe that is not UTF-8 still
    gets every name; a file gets a byte-order mark when ``bom`` (CSV, for Excel),
    is never put in the sessions folder, and replaces a file only with ``--force``.
    """
    output: Path | None = args.output
    if output is None:
        to_standard_output(text)
        return
    refuse_in_data_folder(args)
    write_new(output, (("\ufeff" if bom else "") + text).encode(), force=args.force)
    print(printable(f"Wrote {output}"), file=sys.stderr)


def to_standard_output(text: str) -> None:
    """Write a document to standard output as bytes, so a terminal or pipe that is
    not UTF-8 still gets every name.

    Raises:
        CommandError: standard output is closed (a job run with ``>&-``).
    """
    if sys.stdout is None:
        raise CommandError(
            "Standard output is closed, so nothing was written: name a file with -o."
        )
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode())
    sys.stdout.buffer.flush()


def share(text: str) -> float:
    """A ``--share`` given on the command line: 0 to 1, typed as 0.3 or as 30%."""
    value = parse_share(text)
    if isinstance(value, str) or not 0 <= value <= 1:
        # "30" was echoed back as "30.0" (found by a tester): quoted as typed.
        raise argparse.ArgumentTypeError(
            f"{quoted(text.strip())} is not a share from 0 to 1; give one such as 0.3, or 30%"
        )
    return value


def day(text: str) -> date:
    """A date given on the command line, written year-month-day (2026-11-23)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{quoted(text)} is not a date; write it as year-month-day, such as 2026-11-23"
        ) from None
