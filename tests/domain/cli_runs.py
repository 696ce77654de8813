"""What the command-line tests share: a sessions folder in tmp_path, and panel-tui run on it.

``data`` is a pytest fixture: a module using it imports it by name and lists it
in ``__all__``, so that the import is kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.cli import main


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])
