"""``involvement-csv``: the involvement record of a session, for finance.

One row per panel member, by seat. Columns: ``session``, ``days`` (the days
sat on the laptop's clock, as the summary is dated, separated by "; "),
``times`` (each stretch in the laptop's time with its offset from UTC, as
``2026-11-23 09:30-12:40 UTC`` in a UK winter or ``2026-07-10 10:30-13:40
UTC+01:00`` in summer; both ends in full past midnight or across a change of
the clocks), ``time_from`` (``event log``: first to last
event of each day; or ``chair``: times the chair set), ``minutes``, ``hours`` (two decimals),
``seat``, ``member``, ``role``, ``interviews_sat``, ``answers_scored``,
``rate``, ``rate_per`` (hour, block of N hours, or session), ``fee`` (0.00 for
a member who declined payment), ``declined_payment`` (yes/no), ``expenses``,
``expenses_note``,
``total_payable`` (the fee unless declined, plus expenses), ``fee_basis`` (how
the fee is worked out from the row's own figures: ``280 minutes / 60 x 20.00 =
93.33``, ``2 blocks of 3 hours x 50.00 = 100.00``, ``1 session x 60.00 = 60.00``,
or ``payment declined``; empty where no rate was noted), ``finished`` (yes/no)
and ``mode`` (``live``, ``practice`` for a rehearsal or ``demo``, as in every CSV).
Amounts are plain numbers with two decimals, in the currency the chair noted the
rate in (pounds, in the UK); empty where no rate was noted.

An hourly fee is paid on the exact minutes: ``hours`` is rounded to two
decimals for the record, so ``hours`` times ``rate`` can differ from the fee by
pennies (4.67 x 20.00 is 93.40, where 280 minutes are 93.33). ``fee_basis`` says
how to check it (found by finance). ``hours`` keeps its two decimals, as HR
systems read it; no number of decimals would make every rate come out right.

With ``totals_only`` the ``answers_scored`` column is empty: beside the
interviews sat it would show where a member abstained.

Text from a person is neutralised as in the other CSVs (see
:func:`.spreadsheets.neutralise`); figures are ours.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.spreadsheets import ROW_END, Cell, neutralise, row_end, table
from panel_tui.domain.involvement import MemberInvolvement, Span, involvement
from panel_tui.domain.models import Session
from panel_tui.domain.words import ROLE_WORDS, counted

COLUMNS = (
    "session",
    "days",
    "times",
    "time_from",
    "minutes",
    "hours",
    "seat",
    "member",
    "role",
    "interviews_sat",
    "answers_scored",
    "rate",
    "rate_per",
    "fee",
    "declined_payment",
    "expenses",
    "expenses_note",
    "total_payable",
    # New columns go after the others, so a sheet reading columns by place still
    # reads them; but before finished and mode, which end every row of every CSV of a
    # session (spreadsheets.py).
    "fee_basis",
    *ROW_END,
)


def money(amount: Decimal | None) -> str:
    """An amount with two decimals, or an empty string."""
    return "" if amount is None else f"{amount:.2f}"


def rate_per(row: MemberInvolvement) -> str:
    """How the rate is paid, in words: ``hour``, ``block of 3 hours`` or ``session``."""
    if row.rate is None:
        return ""
    if row.per == "block":
        return f"block of {row.block_hours:g} hours"
    return row.per


def fee_basis(row: MemberInvolvement) -> str:
    """How the fee is worked out from the row's own minutes and rate, to check it by hand."""
    if row.rate is None or row.fee is None:
        return ""
    if row.declined:
        return "payment declined"
    rate = money(row.rate)
    if row.per == "hour":
        how = f"{counted(row.minutes, 'minute')} / 60 x {rate}"
    elif row.per == "block":
        how = f"{counted(row.blocks, 'block')} of {row.block_hours:g} hours x {rate}"
    else:
        how = f"1 session x {rate}"
    return f"{how} = {money(row.fee)}"


def stretch(span: Span) -> str:
    """A stretch of time on the laptop's clock, with its offset from UTC.

    Written in full at both ends when it runs past midnight or across a change
    of the clocks, so the minutes beside it can be checked.
    """
    start, end = span.start.astimezone(), span.end.astimezone()
    if start.date() == end.date() and start.utcoffset() == end.utcoffset():
        return f"{start:%Y-%m-%d %H:%M}-{end:%H:%M} {_zone(start)}"
    return f"{start:%Y-%m-%d %H:%M} {_zone(start)} to {end:%Y-%m-%d %H:%M} {_zone(end)}"


def _zone(moment: datetime) -> str:
    offset = moment.strftime("%z")  # "+0100"; Python 3.11 has no "%:z"
    return "UTC" if offset in ("+0000", "-0000") else f"UTC{offset[:3]}:{offset[3:]}"


def _row(row: MemberInvolvement, *, totals_only: bool) -> tuple[Cell, ...]:
    times = "; ".join(stretch(span) for span in row.spans)
    return (
        neutralise(row.session_id),
        "; ".join(day.isoformat() for day in row.days),
        times,
        "chair" if row.chair_set else "event log",
        row.minutes,
        f"{row.hours:.2f}",
        row.member.seat,
        neutralise(row.member.name),
        ROLE_WORDS[row.member.role],
        row.interviews,
        "" if totals_only else row.answers,
        money(row.rate),
        rate_per(row),
        # Declined: no fee, as the rounds report counts it (found by an HR officer: a
        # payroll clerk adding up the column would have paid it).
        money(Decimal(0) if row.declined and row.fee is not None else row.fee),
        "yes" if row.declined else "no",
        money(row.expenses),
        neutralise(row.expenses_note),
        money(row.payable),
        fee_basis(row),
    )


def involvement_csv(session: Session, options: ExportOptions) -> str:
    """One row per panel member with their time, interviews, answers and payment."""
    # Names are already anonymised when asked. A totals-only copy leaves out the
    # answers each member scored: with the interviews, it would show who abstained.
    rows = [
        (*_row(r, totals_only=options.totals_only), *row_end(session)) for r in involvement(session)
    ]
    return table(COLUMNS, rows)
