"""Snapshots of the live panel's screens at 80x24 and 120x40, and in ASCII mode.

The clock is frozen and there is no cursor blink, so the pictures only change
when the screens do. Look at the report before accepting a change with
``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panel_tui.domain.store import Store
from tests.ui.helpers import AppFactory, demo_like_session, small_session

SnapCompare = Callable[..., bool]

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
#: Seats 1 and 2 have voted; 3 and 4 have not.
SEALED = ["1", "w"]
#: Every seat has voted: up, middle, down, up.
REVEALED = ["1", "w", "d", "4"]


@pytest.fixture
def demo_id(store: Store) -> str:
    session = demo_like_session()
    store.save(session)
    return session.id


@pytest.mark.parametrize("size", SIZES)
def test_interview_sealed(
    snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str, size: tuple[int, int]
) -> None:
    assert snap_compare(app_factory(demo_id), press=SEALED, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_interview_revealed(
    snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str, size: tuple[int, int]
) -> None:
    assert snap_compare(app_factory(demo_id), press=REVEALED, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_summary(
    snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str, size: tuple[int, int]
) -> None:
    press = [*REVEALED, "right", "1", "q", "a", "z", "ctrl+s"]
    assert snap_compare(app_factory(demo_id), press=press, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help(
    snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str, size: tuple[int, int]
) -> None:
    assert snap_compare(app_factory(demo_id), press=["f1"], terminal_size=size)


def test_payment_notes(snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str) -> None:
    """At 80x24 the fields scroll between the title and the buttons, which show."""
    assert snap_compare(app_factory(demo_id), press=["ctrl+s", "p"])


def test_interview_revealed_ascii(
    snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str
) -> None:
    assert snap_compare(app_factory(demo_id, ascii_only=True), press=REVEALED)


def test_interview_sealed_ascii(
    snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str
) -> None:
    assert snap_compare(app_factory(demo_id, ascii_only=True), press=SEALED)


def test_summary_ascii(snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str) -> None:
    press = [*REVEALED, "ctrl+s", "pagedown", "pagedown"]
    assert snap_compare(app_factory(demo_id, ascii_only=True), press=press)


def test_help_ascii(snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str) -> None:
    assert snap_compare(app_factory(demo_id, ascii_only=True), press=["f1"])


def test_interview_high_contrast(
    snap_compare: SnapCompare, app_factory: AppFactory, demo_id: str
) -> None:
    assert snap_compare(app_factory(demo_id), press=[*REVEALED, "ctrl+t"])


def test_markup_like_names_show_literally(
    snap_compare: SnapCompare, app_factory: AppFactory, store: Store
) -> None:
    session = small_session()
    store.save(session)
    assert snap_compare(app_factory(session.id), press=["1", "w", "d"])
