"""The payment record's sums, guarded against small slips.

Written by a mutation audit: each test failed with the slip its comment names,
where no other domain or export test did.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from panel_tui.domain.involvement import MemberInvolvement, Span
from tests.domain.builders import T0, panel


def _sat(spans: list[Span], *, declined: bool = False) -> MemberInvolvement:
    return MemberInvolvement(
        session_id="s1",
        member=panel("L")[0],
        spans=spans,
        chair_set=True,
        interviews=1,
        answers=1,
        rate=Decimal("20.00"),
        per="hour",
        block_hours=None,
        expenses=Decimal("12.40"),
        expenses_note="bus fare",
        declined=declined,
    )


def _span(start: int, end: int) -> Span:
    return Span(T0 + timedelta(minutes=start), T0 + timedelta(minutes=end))


def test_a_member_who_declines_the_fee_still_has_expenses_repaid() -> None:
    # Protects payable: declining payment gives up the fee, never the bus fare.
    declined = _sat([_span(0, 60)], declined=True)
    assert declined.payable == Decimal("12.40")
    assert _sat([_span(0, 60)]).payable == Decimal("32.40")


def test_a_stretch_inside_another_adds_no_time_and_takes_none_away() -> None:
    # Protects _merged keeping the later end: 09:00-12:00 with 10:00-11:00 inside is
    # three hours, not two (the inner stretch's end must not cut the outer one short).
    sat = _sat([_span(0, 180), _span(60, 120)])
    assert sat.minutes == 180
    assert sat.fee == Decimal("60.00")
