"""Snapshots of a practice round at 80x24: the interview in a second round, the summary.

Look at the report before accepting a change with ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.sessions import practice_session
from panel_tui.domain.store import Store
from tests.domain.builders import T0
from tests.ui.conftest import AppFactory

SnapCompare = Callable[..., bool]
#: Round 1: up, middle, down, up (seats 1 to 4); then a new round, seats 1 and 2 vote again.
ROUND_TWO = ["1", "w", "d", "4", "ctrl+g", "1", "2"]


@pytest.fixture
def practice_id(store: Store) -> str:
    bank = load_bank(locations.shipped_banks_dir() / "practice-support-worker.toml")
    session = practice_session(bank).model_copy(update={"id": "practice-fixed", "created": T0})
    store.save(session)
    return session.id


def test_practice_interview_in_a_second_round(
    snap_compare: SnapCompare, app_factory: AppFactory, practice_id: str
) -> None:
    assert snap_compare(app_factory(practice_id), press=ROUND_TWO, terminal_size=(80, 24))


def test_practice_summary_starts_with_the_calibration_report(
    snap_compare: SnapCompare, app_factory: AppFactory, practice_id: str
) -> None:
    press = [*ROUND_TWO, "3", "4", "ctrl+s"]
    assert snap_compare(app_factory(practice_id), press=press, terminal_size=(80, 24))
