"""A date and time in a record: written as a date and time, never as a number.

Pydantic reads a number (``12345``, ``1.7e9``) or text of one (``"1700000000"``)
as seconds since 1970, so a wrong value in an imported file became a vote cast
in 1970 without a word (found by a tester). A moment here is a datetime (the app
builds records with them) or text that starts with a date, year-month-day, as
every file panel-tui writes holds; anything else goes on to pydantic's checks.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, BeforeValidator
from pydantic_core import PydanticCustomError

#: How a date and time as text begins: 2026-11-23...
_STARTS_AS_A_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _written_as_a_moment(value: object) -> object:
    """Refuse numbers, and text that is not written as a date, where a date and time belongs."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError("datetime_type", "a date and time is needed")
    if isinstance(value, str) and not _STARTS_AS_A_DATE.match(value):
        raise PydanticCustomError("datetime_parsing", "a date and time is needed")
    return value


#: A date and time with its time zone, such as 2026-11-23T10:02:11Z.
Moment = Annotated[AwareDatetime, BeforeValidator(_written_as_a_moment)]
