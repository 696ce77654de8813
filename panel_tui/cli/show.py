"""The commands that open the app: home (no command), ``demo`` and ``practice``."""

from __future__ import annotations

import argparse
from pathlib import Path

from panel_tui import locations
from panel_tui.cli import display
from panel_tui.cli.common import CommandError, bank_folders, find_bank, store, warn_damaged
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Bank, Member
from panel_tui.domain.prepare import PANEL_SHEET, PrepareError, load_panel
from panel_tui.domain.sessions import demo_session
from panel_tui.domain.store import Store

DEMO_BANK = "support-worker"


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``demo`` and ``practice``."""
    demo = commands.add_parser(
        "demo", parents=[common], help="a ready demo session on the sample bank"
    )
    demo.set_defaults(run=run_demo)
    practice = commands.add_parser(
        "practice", parents=[common], help="rehearse a mock interview with sample answers"
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
    found = _opened_store(args)
    return _show(args, found, _demo(found))


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
) -> int:
    from panel_tui.domain.banks import BankEntry
    from panel_tui.ui.app import run_app  # the screens load only when shown
    from panel_tui.ui.screens.home import PracticeRequest

    request = None
    if practice is not None:
        path, bank, panel = practice
        request = PracticeRequest(BankEntry(path, "yours", bank), panel)
    settings, notices = display.resolve(args)
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


def _demo(found: Store) -> str:
    summaries = found.summaries()
    warn_damaged(found)
    for summary in summaries:
        if summary.mode == "demo" and not summary.finished:
            return summary.id
    bank = load_bank(locations.shipped_banks_dir() / f"{DEMO_BANK}.toml")
    session = demo_session(bank)
    found.save(session)
    return session.id
