"""``panel-tui prepare``: a session ready for the chair, from HR's two spreadsheets."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import get_args

from pydantic import ValidationError

from panel_tui.cli.common import EXIT_ERROR, CommandError, FolderOptions, find_bank, share, store
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Settings, Weighting
from panel_tui.domain.prepare import PANEL_SHEET, PrepareError, prepare_session
from panel_tui.domain.sessions import default_title, setup_warnings
from panel_tui.domain.text import printable
from panel_tui.domain.wording import first_problem, typed_problem
from panel_tui.domain.words import counted, first_problems


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``prepare``."""
    prepare = commands.add_parser(
        "prepare",
        parents=[*folders],
        help="make a session from a panel and a candidates spreadsheet (CSV)",
        description=(
            "Make a session ready for the chair from two CSV files saved from Excel or "
            f"LibreOffice. panel.csv: {PANEL_SHEET}. candidates.csv: a header row naming "
            "the columns code and name (optional), then one candidate a line; other columns "
            "are left alone."
        ),
    )
    prepare.add_argument("--bank", required=True, help="a bank id or a .toml file")
    prepare.add_argument(
        "--panel", required=True, type=Path, metavar="panel.csv", help="the panel's CSV file"
    )
    prepare.add_argument(
        "--candidates",
        required=True,
        type=Path,
        metavar="candidates.csv",
        help="the candidates' CSV file",
    )
    prepare.add_argument("--title", help="the session's title (default: the bank and today)")
    prepare.add_argument(
        "--rule",
        choices=get_args(Weighting),
        default="per_person",
        help="how question scores are worked out (default per_person)",
    )
    prepare.add_argument(
        "--share",
        type=share,
        help="needed with --rule lived_experience_share: the lived-experience share, "
        "0 to 1 (0.3, or 30%%)",
    )
    prepare.add_argument(
        "--open", action="store_true", help="votes show as given (default: sealed)"
    )
    prepare.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check both sheets in full; make and save the session only if all is valid."""
    if args.share is None and args.rule == "lived_experience_share":
        raise CommandError(
            "--rule lived_experience_share needs --share: the share of the say the panel "
            "agreed for its lived-experience members, from 0 to 1, such as 0.3."
        )
    if args.share is not None and args.rule != "lived_experience_share":
        raise CommandError(
            f"--share is used only with --rule lived_experience_share, and this session's "
            f"rule is {args.rule}. Add --rule lived_experience_share, or leave out --share."
        )
    bank = load_bank(find_bank(args, args.bank))
    share = 0.5 if args.share is None else args.share  # unused by the other rules
    try:
        settings = Settings(sealed=not args.open, weighting=args.rule, lived_experience_share=share)
    except ValidationError as error:
        raise CommandError(f"--share {first_problem(error)}.") from None
    found = store(args)  # opened once: opening cleans up after a crash and checks the catalogue
    if args.title is None:
        title = default_title(bank, date.today(), [s.title for s in found.summaries()])
    else:
        title = args.title
    wrong_title = typed_problem(title, "The title (--title)")
    if wrong_title:
        raise CommandError(printable(wrong_title))
    try:
        session = prepare_session(bank, args.panel, args.candidates, title, settings)
    except PrepareError as error:
        for problem in first_problems([str(p) for p in error.problems]):
            # A file's name, as typed, is named: with its controls escaped.
            print(f"panel-tui: {printable(problem)}", file=sys.stderr)
        count = counted(len(error.problems), "problem")
        print(f"panel-tui: nothing was made ({count}).", file=sys.stderr)
        return EXIT_ERROR
    found.save(session)
    contents = [
        counted(len(session.candidates), "candidate"),
        counted(len(session.panel), "panel member"),
        counted(len(session.bank.questions), "question"),
    ]
    print(f"Prepared {session.id} ({session.title}): {', '.join(contents)}.")
    print("The chair opens it from the home screen: run panel-tui and choose it.")
    # The new-session form's kind warnings, which never block.
    for warning in setup_warnings(session.panel, session.candidates, session.settings.weighting):
        print(f"panel-tui: note: {printable(warning)}", file=sys.stderr)
    return 0
