"""What HR asked of an export, shared by every format."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportOptions:
    """What HR asked of an export.

    Attributes:
        anonymise: member names become seat labels and candidate names become
            candidate codes, in every format; notes and reasons are kept as written.
        totals_only: no individual member's vote appears anywhere, only totals.
    """

    anonymise: bool = False
    totals_only: bool = False
