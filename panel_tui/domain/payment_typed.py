"""What the chair types into payment notes: times sat and amounts of money.

Used by the payment box (``payment_form``) and by ``panel-tui payment``, so both
read "09:30-12:40; 13:30-15:00" and "£1,015.50" the same way and refuse what
they cannot read in the same words.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from panel_tui.domain.involvement import InvolvementError
from panel_tui.domain.wording import shown
from panel_tui.domain.words import counted, day_words

_TIMES = re.compile(r"^(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})$")


def parse_times(text: str, day: date) -> list[dict[str, datetime]]:
    """Times sat as the chair types them, ``"09:30-12:40; 13:30-15:00"``, on ``day``.

    Times are the laptop's local time on that day (summer or winter time as it
    was then). An empty text is no times (the log's are used).

    Raises:
        InvolvementError: a part that is not start-end in hours and minutes.
    """
    spans = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        found = _TIMES.match(part)
        numbers = [int(n) for n in found.groups()] if found else []
        if not found or numbers[0] > 23 or numbers[2] > 23 or numbers[1] > 59 or numbers[3] > 59:
            clock = (
                " on the 24-hour clock, such as 13:00-15:00 for 1pm to 3pm"
                if re.search(r"[ap]\.?m", part, re.IGNORECASE)
                else ", such as 09:30-12:40"
            )
            # Quoted short: a page pasted in was quoted whole, over the box's buttons
            # (found by a tester).
            said = shown(part) or "What was typed"
            raise InvolvementError(f"{said} is not a time sat: write it as start-end{clock}.")
        h1, m1, h2, m2 = numbers
        later = _minutes_on(part, (h2 * 60 + m2) - (h1 * 60 + m1))
        end_day = day + timedelta(days=later < 0)
        spans.append({"start": _on_clock(day, h1, m1), "end": _on_clock(end_day, h2, m2)})
    return spans


#: The longest time sat past midnight typed as one, "22:30-00:30": longer, an end
#: before the start is likelier a slip (start and end swapped, 1pm typed as 01:00,
#: which always comes out over 12 hours) than an evening's sitting.
PAST_MIDNIGHT_HOURS = 12


def _minutes_on(part: str, later: int) -> int:
    """The minutes from start to end on the clock, negative past midnight.

    Raises:
        InvolvementError: no time at all, or past midnight by more than
            :data:`PAST_MIDNIGHT_HOURS`.
    """
    said = shown(part) or "What was typed"
    if later == 0:
        raise InvolvementError(
            f"{said} is no time at all: the end must come after the start, such as 10:00-11:30."
        )
    if later > 0 or 24 * 60 + later <= PAST_MIDNIGHT_HOURS * 60:
        return later
    hours, minutes = divmod(24 * 60 + later, 60)
    long = " ".join([counted(hours, "hour")] + [counted(minutes, "minute")] * (minutes > 0))
    end = part.split("-")[1].strip()
    raise InvolvementError(
        f"{said} would run past midnight to {end} the next day, {long}. Write the start "
        "first, on the 24-hour clock (1pm is 13:00); a time sat past midnight, such as "
        f"22:30-00:30, can be up to {PAST_MIDNIGHT_HOURS} hours."
    )


def _on_clock(day: date, hour: int, minute: int) -> datetime:
    """``hour:minute`` on ``day`` on the laptop's clock, kept with its offset.

    Raises:
        InvolvementError: a time the clock skipped as it went forward for summer
            (in some zones at midnight, so the time would fall on the day before).
    """
    typed = datetime(day.year, day.month, day.day, hour, minute)
    kept = typed.astimezone()
    if kept.replace(tzinfo=None) != typed:
        raise InvolvementError(
            f"{hour:02}:{minute:02} on {day_words(day)} never showed on this laptop's clock: "
            "the clocks went forward then. Write the time as the clock showed it."
        )
    return kept


#: Commas that group thousands, "1,015.50"; any other comma ("15,50") is left to be refused.
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def typed_amount(text: str) -> str:
    """An amount of money as typed, "15", "15.50", "£1,015.50", ready to check.

    A pound sign and commas between thousands go; "15,50" keeps its comma, so
    the check refuses it rather than reading fifteen pounds fifty as 1550.
    """
    cleaned = text.strip().lstrip("£").strip()
    return cleaned.replace(",", "") if _THOUSANDS.fullmatch(cleaned) else cleaned
