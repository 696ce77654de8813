"""An amount of money too large, or not a number at all, is said so, with the
largest amount taken (found by a security tester: a rate of
99999999999999999999 was "must be an amount of money of at least 0").

The command and the payment box say it in one set of words: both pass what was
typed through the payment notes' model, and :func:`panel_tui.domain.wording.explain`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic_core import ErrorDetails

from panel_tui.cli import main
from panel_tui.domain.involvement import InvolvementError
from panel_tui.domain.payment_form import PaymentTyped, notes_changes
from panel_tui.domain.store import Store
from panel_tui.domain.wording import explain
from tests.domain.payment_day import the_day

TOO_LARGE = "the rate must be at most 9,999,999.99, the largest amount panel-tui takes"
PLACES = "the rate must have at most two figures after the point, such as 15.50"
#: What was typed, and what is said of it after "Seat 1: ".
CASES = pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("99999999999999999999", f'{TOO_LARGE} (it is "99999999999999999999").'),
        ("10000000", f'{TOO_LARGE} (it is "10000000").'),
        ("1e308", f'{TOO_LARGE} (it is "1e308").'),
        ("inf", f'{TOO_LARGE} (it is "inf").'),
        (
            "-Infinity",
            'the rate must be an amount of money of at least 0, such as 15.50 (it is "-Infinity").',
        ),
        (
            "nan",
            "the rate must be a number: an amount of money of at least 0, such as "
            '15.50 (it is "nan").',
        ),
        # Too many figures after the point: said so, not "at least 0" (found by a review).
        ("0.001", f'{PLACES} (it is "0.001").'),
        ("15.505", f'{PLACES} (it is "15.505").'),
        ("1234567.123", f'{PLACES} (it is "1234567.123").'),
        # Below 0 as well: the field's own words.
        (
            "-0.001",
            'the rate must be an amount of money of at least 0, such as 15.50 (it is "-0.001").',
        ),
    ],
)


@CASES
def test_the_command_says_why_a_rate_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, said: str
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(the_day())
    args = ["--data-dir", str(data), "payment", "s1", "--seat", "1", f"--rate={typed}"]
    assert main([*args, "--per", "hour"]) == 1
    assert capsys.readouterr().err == f"panel-tui: Seat 1: {said}\n"


@CASES
def test_the_payment_box_says_it_in_the_same_words(typed: str, said: str) -> None:
    with pytest.raises(InvolvementError) as refused:
        notes_changes(the_day(), 1, PaymentTyped(rate=typed, per="hour"))
    assert str(refused.value) == f"Seat 1: {said}"


def test_the_largest_amount_is_taken() -> None:
    changes = notes_changes(the_day(), 1, PaymentTyped(rate="9,999,999.99", per="hour"))
    assert str(changes["rate"]) == "9999999.99"


#: pydantic's own errors on an amount of money, and the words for each after "the rate".
#: The amount's own checks (nine digits, two of them pence; a finite number) give them.
WORDED = pytest.mark.parametrize(
    ("kind", "field", "typed", "said"),
    [
        # More digits than an amount holds: too large, with the largest amount taken.
        ("decimal_max_digits", "rate", "99999999999999999999", TOO_LARGE.removeprefix("the rate ")),
        # More than seven digits before the point: too large too.
        ("decimal_whole_digits", "expenses", "10000000", TOO_LARGE.removeprefix("the rate ")),
        # Ten digits, but not too large: too many figures after the point, said so.
        ("decimal_max_digits", "rate", "1234567.123", PLACES.removeprefix("the rate ")),
        ("decimal_max_places", "rate", "0.001", PLACES.removeprefix("the rate ")),
        (
            "decimal_max_places",
            "expenses",
            "6.405",
            "must have at most two figures after the point, such as 6.40",
        ),
        # Below 0 as well: the field's own words.
        ("decimal_max_places", "rate", "-0.001", "must be an amount of money of at least 0"),
        # Infinity is too large; minus infinity below 0; nan is no number.
        ("finite_number", "rate", "inf", TOO_LARGE.removeprefix("the rate ")),
        ("finite_number", "rate", "-Infinity", "must be an amount of money of at least 0"),
        ("finite_number", "expenses", "nan", "must be a number: an amount of money of at least 0"),
        # Not money: a number of hours keeps its own words.
        ("finite_number", "block_hours", "inf", "must be a number of hours from more than 0 to 24"),
    ],
)


@WORDED
def test_pydantic_s_own_errors_on_an_amount_say_what_is_wrong(
    kind: str, field: str, typed: str, said: str
) -> None:
    detail: ErrorDetails = {"type": kind, "loc": (field,), "msg": "", "input": typed}
    assert explain(detail).startswith(said)
    assert explain(detail).endswith(f'(it is "{typed}")')
