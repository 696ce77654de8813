"""What HR asked of an export, shared by every format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panel_tui.domain.models import Session


@dataclass(frozen=True)
class ExportOptions:
    """What HR asked of an export.

    Attributes:
        anonymise: member names become seat labels and candidate names become
            candidate codes, in every format; notes and reasons are kept as written.
        totals_only: no individual member's vote appears anywhere, only totals.
        rehearsals: practice only: the other practice sessions kept, so a
            report can show each trainee's progress over rehearsals.
    """

    anonymise: bool = False
    totals_only: bool = False
    rehearsals: Sequence[Session] = field(default=(), compare=False, hash=False)
