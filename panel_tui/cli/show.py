"""The commands that open the app: home (no command), ``demo`` and ``practice``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from panel_tui import locations
from panel_tui.cli import display
from panel_tui.cli.common import (
    CommandError,
    FolderOptions,
    bank_folders,
    find_bank,
    store,
    warn_damaged,
)
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Bank, Member
from panel_tui.domain.prepare import PANEL_SHEET, PrepareError, load_panel
from panel_tui.domain.sessions import demo_session
from panel_tui.domain.store import Store
from panel_tui.domain.words import NEW_DEMO

if TYPE_CHECKING:
    from panel_tui.ui.passing_notices import StartNotice

DEMO_BANK = "support-worker"


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``demo`` and ``practice``."""
    demo = commands.add_parser(
        "demo",
        parents=[*folders, display.options()],
        help="a ready demo session on the sample bank",
        description="Open the demo session on the sample question bank (the unfinished "
        "one, or a new one), to try the screens with. It is kept in the sessions folder "
        "like any other.",
    )
    demo.set_defaults(run=run_demo)
    practice = commands.add_parser(
        "practice",
        parents=[*folders, display.options()],
        help="rehearse a mock interview with sample answers",
        description="Rehearse a mock interview on a practice bank, whose questions come "
        "with sample answers: the practice form opens with the bank chosen.",
    )
    practice.add_argument("bank", metavar="BANK", help="a practice bank's id or file")
    practice.add_argument(
        "--panel",
        type=Path,
        metavar="PANEL_CSV",
        help=f"a CSV of the trainees, read as prepare reads a panel: {PANEL_SHEET}. "
        "The new-session form opens filled in.",
    )
    practice.set_defaults(run=run_practice)


def home(args: argparse.Namespace) -> int:
    """The home screen."""
    found = _opened_store(args)
    return _show(args, found, None)


def run_demo(args: argparse.Namespace) -> int:
    """The unfinished demo session, or a new one."""
    from panel_tui.ui.passing_notices import StartNotice  # the screens load only when shown

    found = _opened_store(args)
    demo = _demo(found)
    news = [StartNotice("A new demo", NEW_DEMO, "information")] if demo.after_finished else []
    return _show(args, found, demo.id, news=news)


def run_practice(args: argparse.Namespace) -> int:
    """The practice form with the bank chosen (and the trainees filled in from ``--panel``)."""
    path = find_bank(args, args.bank)
    bank = load_bank(path)
    if not bank.is_practice:
        raise CommandError(
            f"The bank {bank.id} has no sample answers, so it cannot be used for practice. "
            "'panel-tui banks list' shows the practice banks."
        )
    panel = []
    if args.panel is not None:
        try:
            panel = load_panel(args.panel)
        except PrepareError as error:
            raise CommandError(str(error)) from None
    found = _opened_store(args)
    return _show(args, found, None, practice=(path, bank, panel))


def _opened_store(args: argparse.Namespace) -> Store:
    # No session is read here: the home screen lists them from the catalogue
    # and names damaged files as it meets them.
    return store(args)


def _show(
    args: argparse.Namespace,
    found: Store,
    session_id: str | None,
    practice: tuple[Path, Bank, list[Member]] | None = None,
    news: Sequence[StartNotice] = (),
) -> int:
    """Run the app on ``session_id`` (or home), giving ``news`` as it starts."""
    from panel_tui.domain.banks import BankEntry
    from panel_tui.ui.app import run_app  # the screens load only when shown
    from panel_tui.ui.passing_notices import settings_notices
    from panel_tui.ui.screens.home import PracticeRequest

    request = None
    if practice is not None:
        path, bank, panel = practice
        request = PracticeRequest(BankEntry(path, "yours", bank), panel)
    settings, said = display.resolve(args)
    notices = [*settings_notices(said), *news]
    run_app(
        found,
        session_id=session_id,
        bank_folders=bank_folders(args),
        display=settings,
        settings_path=locations.settings_file(getattr(args, "config_dir", None)),
        notices=notices,
        practice=request,
    )
    return 0


class Demo(NamedTuple):
    """The demo to show, and whether it was made because the last one was finished."""

    id: str
    after_finished: bool = False


def _demo(found: Store) -> Demo:
    summaries = found.summaries()
    warn_damaged(found)
    demos = [summary for summary in summaries if summary.mode == "demo"]
    for summary in demos:
        if not summary.finished:
            return Demo(summary.id)
    bank = load_bank(locations.shipped_banks_dir() / f"{DEMO_BANK}.toml")
    session = demo_session(bank)
    found.save(session)
    # A new one when the last was finished is said: the chair may have meant that one.
    return Demo(session.id, after_finished=bool(demos))
