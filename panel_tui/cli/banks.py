"""``panel-tui banks validate`` and ``banks list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from panel_tui.cli.common import EXIT_ERROR, FolderOptions, bank_folders
from panel_tui.domain.banks import BankError, find_banks, load_bank, same_file
from panel_tui.domain.text import printable
from panel_tui.domain.words import counted, first_problems


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``banks validate`` and ``banks list``."""
    banks = commands.add_parser(
        "banks",
        parents=[folders.banks],
        help="question banks",
        description="Check question bank files, or list the banks you can use.",
    )
    actions = banks.add_subparsers(
        dest="banks_command", metavar="ACTION", required=True, help="what to do with the banks"
    )
    validate = actions.add_parser(
        "validate",
        parents=[folders.banks],
        help="check bank files",
        description="Check bank files before a panel uses them: each problem is named with "
        "its file, line and field. Exits with 0 when every bank is valid.",
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", type=Path, help="a bank file, or a folder of banks"
    )
    validate.set_defaults(run=run_validate)
    listing = actions.add_parser(
        "list",
        parents=[folders.banks],
        help="the banks you can use",
        description="List the question banks you can use: the sample banks and your own.",
    )
    listing.set_defaults(run=run_list)


def _clash_words(path: Path, bank_id: str, other: Path) -> str:
    """The warning for two banks with one id, naming both files."""
    return printable(
        f"panel-tui: {path}: the id {bank_id!r} is also used by {other}, so "
        f"'--bank {bank_id}' and 'practice {bank_id}' take neither: name the file "
        "instead, or give each bank an id of its own."
    )


def run_validate(args: argparse.Namespace) -> int:
    """Check bank files: exit 0 when all are valid (a clash of ids is warned of)."""
    failed = False
    known = [e for e in find_banks(bank_folders(args)) if e.bank is not None]
    for path in _bank_files(args.paths):
        if path.is_dir():
            failed = True
            print(printable(f"{path}: holds no question bank (no .toml file)."), file=sys.stderr)
            continue
        try:
            bank = load_bank(path)
        except BankError as error:
            failed = True
            for problem in first_problems([str(p) for p in error.problems]):
                print(problem, file=sys.stderr)
        else:
            kind = "practice bank" if bank.is_practice else "bank"
            count = len(bank.questions)
            shown = printable(f"{path}: valid {kind} '{bank.title}'")
            print(f"{shown}, {counted(count, 'question')}")
            same = [e.path for e in known if e.bank is not None and e.bank.id == bank.id]
            others = [other for other in same if not same_file(other, path)]
            if others:  # a warning, not a fault: the file itself is a valid bank
                print(_clash_words(path, bank.id, others[0]), file=sys.stderr)
    return EXIT_ERROR if failed else 0


def _bank_files(paths: list[Path]) -> list[Path]:
    """Each path given, with a folder standing for its ``.toml`` files (itself when it has none)."""
    files: list[Path] = []
    for path in paths:
        inside = sorted(path.glob("*.toml")) if path.is_dir() else []
        files.extend(inside or [path])
    return files


def run_list(args: argparse.Namespace) -> int:
    """The banks that ship and the user's own."""
    entries = find_banks(bank_folders(args))
    if not entries:
        print("No question banks found.")
    seen: dict[str, Path] = {}
    for entry in entries:
        if entry.bank is None:
            print(printable(f"{entry.path}  NOT VALID ({entry.source}):"), file=sys.stderr)
            for problem in first_problems([p.in_file for p in entry.problems]):
                print(f"    {printable(problem)}", file=sys.stderr)
            continue
        count = len(entry.bank.questions)
        kind = ", practice" if entry.bank.is_practice else ""
        print(
            printable(
                f"{entry.bank.id:<28} {entry.bank.title}  "
                f"({counted(count, 'question')}{kind}; {entry.source}: {entry.path})"
            )
        )
        if entry.bank.id in seen:
            other = seen[entry.bank.id]
            print(_clash_words(entry.path, entry.bank.id, other), file=sys.stderr)
        seen.setdefault(entry.bank.id, entry.path)
    return 0
