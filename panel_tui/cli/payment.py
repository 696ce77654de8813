"""``panel-tui payment``: the chair's payment notes for the involvement record.

Without ``--seat`` it shows each member's time, interviews, answers and what is
payable. With ``--seat`` it changes that member's notes (rate, expenses,
declined, times sat) and keeps everything else; the session must not be open
in the app at the same time. The session as it was is kept in ``replaced/``.
"""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime

from panel_tui.cli.common import CommandError, store
from panel_tui.domain.exports.involvement_csv import money, rate_per
from panel_tui.domain.involvement import InvolvementError, involvement, with_involvement
from panel_tui.domain.models import Session
from panel_tui.domain.words import ROLE_WORDS

_TIMES = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


def _amount(text: str) -> str:
    """An amount of money as typed, "15", "15.50" or "£15.50"."""
    return text.strip().lstrip("£").replace(",", "")


def _times(text: str) -> tuple[int, int, int, int]:
    found = _TIMES.match(text.strip())
    if not found:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time sat; write it as start-end, such as 09:30-12:40"
        )
    h1, m1, h2, m2 = (int(part) for part in found.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time of day")
    return h1, m1, h2, m2


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as year-month-day, such as 2026-11-23"
        ) from None


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``payment``."""
    parser = commands.add_parser(
        "payment",
        parents=[common],
        help="the chair's payment notes: rate, expenses, times, declined",
        description=(
            "Show the involvement record of a session, or with --seat change one "
            "member's payment notes. Times are the laptop's local time."
        ),
    )
    parser.add_argument("session", metavar="SESSION")
    parser.add_argument("--seat", type=int, metavar="N", help="the member to change")
    parser.add_argument("--rate", type=_amount, metavar="AMOUNT", help="e.g. 15.00")
    parser.add_argument("--per", choices=("hour", "block", "session"), help="how the rate is paid")
    parser.add_argument("--block-hours", type=float, metavar="H", help="hours in one block")
    parser.add_argument("--no-rate", action="store_true", help="take the rate away")
    parser.add_argument("--expenses", type=_amount, metavar="AMOUNT")
    parser.add_argument("--expenses-note", metavar="TEXT", help="e.g. 'Bus, both ways'")
    declined = parser.add_mutually_exclusive_group()
    declined.add_argument("--declined", action="store_true", default=None, help="declined payment")
    declined.add_argument(
        "--accepts", dest="declined", action="store_false", help="takes payment after all"
    )
    parser.add_argument(
        "--time", type=_times, action="append", metavar="HH:MM-HH:MM", help="a time sat (repeat)"
    )
    parser.add_argument("--day", type=_day, metavar="DATE", help="the day of --time")
    parser.add_argument(
        "--log-times", action="store_true", help="forget the times set: use the session's log"
    )
    parser.set_defaults(run=run)


def _changes(args: argparse.Namespace, session: Session) -> dict[str, object]:
    changes: dict[str, object] = {}
    if args.no_rate:
        changes["rate"] = None
    elif args.rate is not None:
        changes["rate"] = args.rate
    for name in ("per", "block_hours", "expenses", "expenses_note", "declined"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.log_times:
        changes["times"] = []
    elif args.time:
        day = args.day or min((v.at for v in session.votes), default=session.created).date()
        changes["times"] = [
            {
                # A naive time read as the laptop's local time on that day (summer or winter).
                "start": datetime(day.year, day.month, day.day, h1, m1).astimezone(),
                "end": datetime(day.year, day.month, day.day, h2, m2).astimezone(),
            }
            for h1, m1, h2, m2 in args.time
        ]
    return changes


def _show(session: Session) -> None:
    for row in involvement(session):
        member = row.member
        pay = "no rate noted"
        if row.rate is not None:
            pay = f"{money(row.rate)} a {rate_per(row)}, fee {money(row.fee)}"
        if row.declined:
            pay += ", declined payment"
        print(
            f"Seat {member.seat}, {member.name} ({ROLE_WORDS[member.role]}): "
            f"{row.hours} hours ({'set by the chair' if row.chair_set else 'from the log'}), "
            f"{row.interviews} interviews, {row.answers} answers scored; {pay}; "
            f"expenses {money(row.expenses)}; payable {money(row.payable)}."
        )


def run(args: argparse.Namespace) -> int:
    """Show the record, or change one member's notes and show it."""
    found = store(args)
    session = found.load(args.session)
    changes = _changes(args, session)
    if changes and args.seat is None:
        raise CommandError("Say whose notes to change with --seat N (see the seats below).")
    if args.seat is not None:
        if not changes:
            raise CommandError("Nothing to change: give --rate, --expenses, --declined or --time.")
        try:
            session = with_involvement(session, args.seat, changes)
        except InvolvementError as error:
            raise CommandError(str(error)) from None
        found.save(session, replace=True)
        print(f"Saved the payment notes for seat {args.seat}.")
    _show(session)
    return 0
