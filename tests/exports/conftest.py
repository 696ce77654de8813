"""Fixtures for the export tests: the fixed session of ``tests.exports.helpers``, saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from tests.exports.helpers import build_session


@pytest.fixture
def session() -> Session:
    """The fixed session with hostile names and notes."""
    return build_session()


@pytest.fixture
def data(tmp_path: Path, session: Session) -> Path:
    """A sessions folder holding the fixed session."""
    folder = tmp_path / "sessions"
    Store(folder).save(session)
    return folder
