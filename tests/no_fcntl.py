"""A pytest plugin that makes ``fcntl`` unimportable, as it is on Windows.

``.ci/run`` runs the domain and command-line suites with ``-p tests.no_fcntl``:
any module of panel-tui that imports ``fcntl`` then fails there as it would on
a council's Windows laptop. Loaded with ``-p``, it runs before the tests import
panel-tui or ``filelock``.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

BLOCKED = "fcntl"


class _NoFcntl(importlib.abc.MetaPathFinder):
    """Refuses ``fcntl`` as a Windows Python would: ``ModuleNotFoundError``."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == BLOCKED:
            raise ModuleNotFoundError(f"No module named {BLOCKED!r}", name=BLOCKED)
        return None


def block() -> None:
    """Make ``import fcntl`` fail from now on in this process."""
    sys.modules.pop(BLOCKED, None)
    # None in sys.modules makes an import fail even where a finder was bypassed.
    sys.modules[BLOCKED] = None  # type: ignore[assignment]
    sys.meta_path.insert(0, _NoFcntl())


if "filelock" in sys.modules or any(m.startswith("panel_tui") for m in sys.modules):
    raise RuntimeError("tests.no_fcntl must load before filelock and panel_tui (use -p)")
block()
