"""``panel-tui payment``: the chair's payment notes for the involvement record.

Without ``--seat`` it shows each member's time, interviews, answers and what is
payable. With ``--seat`` it changes that member's notes (rate, expenses,
declined, times sat) and keeps everything else; the session must not be open
in the app at the same time. The session as it was is kept in ``replaced/``.
"""

from __future__ import annotations

import argparse
from datetime import date

from panel_tui.cli.common import CommandError, FolderOptions, day, load, store
from panel_tui.domain.exports.involvement_csv import money, rate_per, stretch
from panel_tui.domain.involvement import (
    InvolvementError,
    Span,
    day_times,
    days_to_type,
    days_without_times,
    involvement,
    notes_of,
    with_involvement,
)
from panel_tui.domain.models import Session
from panel_tui.domain.payment_typed import parse_times, typed_amount
from panel_tui.domain.words import ROLE_WORDS, counted, day_words, days_words


def _times(text: str) -> str:
    """A time sat as typed; checked by the domain once the day is known."""
    try:
        parse_times(text, date(2000, 1, 1))
    except InvolvementError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``payment``."""
    parser = commands.add_parser(
        "payment",
        parents=[folders.sessions],
        help="the chair's payment notes: rate, expenses, times, declined",
        description=(
            "Show the involvement record of a session, or with --seat change one "
            "member's payment notes. Times are the laptop's local time."
        ),
    )
    parser.add_argument(
        "session", metavar="SESSION", help="the session's id, as 'panel-tui sessions list' shows it"
    )
    parser.add_argument("--seat", type=int, metavar="N", help="the member to change")
    parser.add_argument("--rate", type=typed_amount, metavar="AMOUNT", help="e.g. 15.00")
    parser.add_argument(
        "--per", type=str.lower, choices=("hour", "block", "session"), help="how the rate is paid"
    )
    parser.add_argument("--block-hours", type=float, metavar="H", help="hours in one block")
    parser.add_argument("--no-rate", action="store_true", help="take the rate away")
    parser.add_argument(
        "--expenses", type=typed_amount, metavar="AMOUNT", help="the member's expenses, e.g. 4.50"
    )
    parser.add_argument("--expenses-note", metavar="TEXT", help="e.g. 'Bus, both ways'")
    declined = parser.add_mutually_exclusive_group()
    declined.add_argument("--declined", action="store_true", default=None, help="declined payment")
    declined.add_argument(
        "--accepts", dest="declined", action="store_false", help="takes payment after all"
    )
    parser.add_argument(
        "--time", type=_times, action="append", metavar="HH:MM-HH:MM", help="a time sat (repeat)"
    )
    parser.add_argument(
        "--day",
        type=day,
        metavar="DATE",
        help="the day of --time; other days' times are kept (--time '' --day DATE clears a day)",
    )
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
        on = _day_of_times(args.day, session)
        typed = parse_times("; ".join(args.time), on)
        changes["times"] = day_times(notes_of(session, args.seat), {on: typed})
    return changes


def _day_of_times(given: date | None, session: Session) -> date:
    """The day --time is on: --day, which must be one of the session's, or its one day."""
    days = days_to_type(session)
    listed = days_words(days)
    if given is None and len(days) > 1:
        raise CommandError(
            f"This session ran on {len(days)} days ({listed}): say which day --time "
            f"is on with --day, such as --day {days[-1].isoformat()}."
        )
    if given is not None and given not in days:
        # Another day would quietly leave the real days with no time (found by a tester).
        typed = " or ".join(f"--day {d.isoformat()}" for d in days)
        raise CommandError(
            f"This session did not run on {day_words(given)}: it ran on {listed} ({typed})."
        )
    return given or days[0]


def _say_days_without_times(session: Session, seat: int) -> None:
    """Once some times are set, a day of the panel's without any counts no time: say so."""
    for missing in days_without_times(session, seat):
        print(
            f"No times are set for seat {seat} on {day_words(missing)}, so that day counts "
            f"as no time. Set them with --day {missing.isoformat()} --time HH:MM-HH:MM, "
            "or use the log's times on every day again with --log-times."
        )


def _show(session: Session) -> None:
    rows = involvement(session)
    for row in rows:
        member = row.member
        pay = "no rate noted"
        if row.rate is not None:
            pay = f"{money(row.rate)} per {rate_per(row)}, fee {money(row.fee)}"
        if row.declined:
            pay += ", declined payment"
        print(
            f"Seat {member.seat}, {member.name}, {ROLE_WORDS[member.role]}: "
            f"{row.hours} hours ({'set by the chair' if row.chair_set else 'from the log'}), "
            f"{counted(row.interviews, 'interview')} sat, {counted(row.answers, 'answer')} scored; "
            f"{pay}; "
            f"expenses {money(row.expenses)}; payable {money(row.payable)}."
        )
    # The log's time runs from the first to the last event of a day: a paid hour
    # from a log of minutes is worth a word (found by a tester).
    if any(r.paid_on_log_hours for r in rows):
        print(
            "Hours from the log run from the first to the last vote, note or decision of "
            "each day; where a member sat longer, set the times with --seat N --time."
        )


#: The option that sets a field of the notes, with a value to show as an example.
_OPTIONS = {"block_hours": ("--block-hours", "3")}


def _with_option(error: InvolvementError, args: argparse.Namespace) -> str:
    """The domain's words, and the option to add when the field at fault was not given.

    Found by a tester: "a rate per block needs the hours in one block" named
    no option, and a chair could not tell what to type.
    """
    option = _OPTIONS.get(error.field or "")
    if option is None or getattr(args, error.field or "") is not None:
        return str(error)
    name, example = option
    return f"{str(error).removesuffix('.')} (add {name}, for example {name} {example})."


def run(args: argparse.Namespace) -> int:
    """Show the record, or change one member's notes and show it."""
    found = store(args, existing=True)
    session = load(found, args.session)
    try:
        changes = _changes(args, session)
    except InvolvementError as error:  # such as a time the clocks skipped
        raise CommandError(str(error)) from None
    if changes and args.seat is None:
        raise CommandError("Say whose notes to change with --seat N (see the seats below).")
    if args.seat is not None:
        if not changes:
            raise CommandError("Nothing to change: give --rate, --expenses, --declined or --time.")
        try:
            session = with_involvement(session, args.seat, changes)
        except InvolvementError as error:
            raise CommandError(_with_option(error, args)) from None
        found.save(session, replace=True)
        print(f"Saved the payment notes for seat {args.seat}.")
        if "times" in changes:
            # Every day's, so a time kept on a day mistyped shows (found by a review).
            noted = notes_of(session, args.seat).times
            sat = "; ".join(stretch(Span(t.start, t.end)) for t in noted) or "none (from the log)"
            print(f"Times sat by seat {args.seat}: {sat}.")
            _say_days_without_times(session, args.seat)
    _show(session)
    return 0
