"""A date and time in a file must be written as one: a number is never read as a time.

Found by a tester: an import with ``"at": 12345`` (or ``"1700000000"``, ``1.7e9``,
``"created": 0``) went in without a word, and the exports showed votes cast on
1 January 1970; pydantic reads numbers as seconds since 1970.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from panel_tui.domain.importing import SessionFileError, parse_session
from panel_tui.domain.models import Note, Session
from tests.domain.test_wording import RECORD, put

MOMENT = "must be a date and time such as 2026-11-23T10:02:11Z"

PLACES: list[tuple[int | str, ...]] = [
    ("created",),
    ("votes", 0, "at"),
    ("notes", 0, "at"),
    ("reveals", 0, "at"),
    ("decisions", 0, "at"),
    ("panel", 0, "involvement", "times", 0, "start"),
    ("panel", 0, "involvement", "times", 0, "end"),
]

NUMBERS: list[object] = [
    12345,
    0,
    -1,
    1.7e9,
    1700000000.5,
    "1700000000",
    "1700000000.5",
    "1.7e9",
    "-1",
    "+1700000000",
]


def with_times() -> dict[str, Any]:
    """The wording test's record, with a time sat noted for its member."""
    record = copy.deepcopy(RECORD)
    record["panel"][0]["involvement"] = {
        "times": [{"start": "2026-11-23T09:00:00Z", "end": "2026-11-23T12:00:00Z"}]
    }
    return record


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("number", NUMBERS)
def test_a_number_where_a_date_and_time_belongs_is_refused_on_import(
    place: tuple[int | str, ...], number: object
) -> None:
    raw = json.dumps(put(with_times(), place, number)).encode()
    with pytest.raises(SessionFileError) as refused:
        parse_session(raw, "x.json")
    assert f"field '{place[-1]}': {MOMENT}" in str(refused.value)


@pytest.mark.parametrize("place", PLACES)
def test_a_number_where_a_date_and_time_belongs_is_refused_in_a_session_file(
    place: tuple[int | str, ...],
) -> None:
    with pytest.raises(ValueError, match="a date and time"):
        Session.model_validate(put(with_times(), place, 12345))


def test_dates_and_times_written_as_panel_tui_writes_them_still_load() -> None:
    session = Session.model_validate(with_times())
    again = Session.model_validate_json(session.model_dump_json())
    assert again == session
    assert again.votes[0].at == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    times = again.panel[0].involvement
    assert times is not None
    assert times.times[0].end == datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    spaced = put(with_times(), ("votes", 0, "at"), "2026-11-23 10:00:00+01:00")
    assert Session.model_validate(spaced).votes[0].at.hour == 10


def test_the_app_still_makes_records_with_datetimes() -> None:
    moment = datetime(2026, 11, 23, 10, 2, 11, tzinfo=UTC)
    assert Note(candidate="c1", text="Good.", at=moment).at == moment
