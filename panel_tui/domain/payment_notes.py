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
    ConfigDict,
    Field,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from panel_tui.domain.moments import Moment
from panel_tui.domain.text import OptionalText

#: How a member's rate is paid: by the hour, by the block of hours, or per session.
PayBasis = Literal["hour", "block", "session"]
#: Money as people write it: digits, then a point and pence if any (a minus sign
#: passes here: the range check has refused a negative amount in its own words).
_AMOUNT = re.compile(r"-?\d+(\.\d+)?")


def _written_as_money(value: object, read: ValidatorFunctionWrapHandler) -> Decimal:
    """Refuse text a decimal would read but nobody writes as money ("1e3", "1_000", "+5").

    Checked once the amount is read (``read``), so one too large ("1e308") or not a number
    ("nan") is refused as such, in the words :func:`panel_tui.domain.wording.explain`
    gives pydantic's own errors.
    """
    amount: Decimal = read(value)
    if isinstance(value, str) and not _AMOUNT.fullmatch(value.strip()):
        raise PydanticCustomError("decimal_parsing", "Input should be a valid decimal")
    return amount


#: An amount of money in pounds and pence, never negative, at most 9,999,999.99
#: (:data:`panel_tui.domain.wording.LARGEST_MONEY`). The field's limits come first, so
#: the check of how it is written wraps them.
Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=9, decimal_places=2, allow_inf_nan=False),
    WrapValidator(_written_as_money),
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
