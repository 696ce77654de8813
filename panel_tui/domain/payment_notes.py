"""The chair's payment notes on a panel member, for the involvement record.

Kept apart from :mod:`panel_tui.domain.models` (which holds them on
``Member.involvement``) so the session model stays small. All optional: a
member with no notes shows time, interviews and answers, and no payment.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from panel_tui.domain.moments import Moment
from panel_tui.domain.text import OptionalText

#: How a member's rate is paid: by the hour, by the block of hours, or per session.
PayBasis = Literal["hour", "block", "session"]
#: Money as people write it: digits, then a point and pence if any (a minus sign
#: passes here, for the range check to refuse in its own words).
_AMOUNT = re.compile(r"-?\d+(\.\d+)?")


#: The largest amount of money taken: nine digits, two of them pence (``Money``).
LARGEST_MONEY = Decimal("9999999.99")


def _written_as_money(value: object) -> object:
    """Refuse text a decimal would read but nobody writes as money ("1e3", "1_000", "+5"),
    and an amount too large or not a number, saying so.

    Each was "must be an amount of money of at least 0" (found by a security tester:
    99999999999999999999, 1e308, inf and nan), as though the amount were too small.
    """
    amount = _as_decimal(value)
    if amount is not None and amount.is_nan():
        raise PydanticCustomError("money_not_a_number", "Input is not a number")
    if amount is not None and amount > LARGEST_MONEY:  # infinity too
        raise PydanticCustomError(
            "money_too_large", "Input is too large", {"largest": f"{LARGEST_MONEY:,}"}
        )
    if isinstance(value, str) and not _AMOUNT.fullmatch(value.strip()):
        raise PydanticCustomError("decimal_parsing", "Input should be a valid decimal")
    return value


def _as_decimal(value: object) -> Decimal | None:
    """``value`` as a number, however written ("1e308", "inf"), or ``None`` if it is none."""
    if isinstance(value, bool):
        return None
    try:
        return Decimal(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (ArithmeticError, TypeError, ValueError):
        return None


#: An amount of money in pounds and pence, never negative, at most :data:`LARGEST_MONEY`.
Money = Annotated[
    Decimal,
    BeforeValidator(_written_as_money),
    Field(ge=0, max_digits=9, decimal_places=2, allow_inf_nan=False),
]


class Record(BaseModel):
    """Part of a session record: extra fields from other tools are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class TimeSat(Record):
    """A stretch of time the chair sets for a member, instead of the event log's."""

    start: Moment
    end: Moment

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.end <= self.start:
            # After the field's words: "the times sat must each end after they start".
            # Typed, an end before the start is the next day (payment_typed.parse_times).
            raise ValueError("must each end after they start")
        return self


#: A problem whose words name its field: said as a sentence of its own, never
#: after the field's words ("the hours in a block a rate per block needs...").
BLOCK_NEEDS_HOURS = "a rate per block needs the hours in one block"


class Involvement(Record):
    """What the chair notes for paying a member: rate, expenses and times."""

    rate: Money | None = None
    per: PayBasis = "session"
    #: For ``per = "block"``: the hours in one block (a block begun is paid whole).
    block_hours: Annotated[float, Field(gt=0, le=24, allow_inf_nan=False)] | None = Field(
        default=None, validate_default=True
    )
    expenses: Money = Decimal("0")
    expenses_note: OptionalText = ""
    #: The member declined payment for their time (expenses are still repaid).
    declined: bool = False
    #: Times the chair sets; when empty, time runs from the first to the last
    #: event of the session on each day.
    times: list[TimeSat] = Field(default_factory=list)

    @field_validator("block_hours")
    @classmethod
    def _block_has_hours(cls, hours: float | None, info: ValidationInfo) -> float | None:
        # Checked on the field, so a file's error names "block_hours" where it
        # belongs and the message itself stays in the chair's words.
        if hours is None and info.data.get("per") == "block":
            raise ValueError(BLOCK_NEEDS_HOURS)
        return hours
