"""Exports of a session: every format reads its figures from ``scoring``.

``render(session, "csv")`` returns the text of one format; ``FORMATS`` lists them
with the file extension each is written with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from panel_tui.domain.interchange import export_json
from panel_tui.domain.models import Session


@dataclass(frozen=True)
class ExportOptions:
    """What HR asked of an export."""

    anonymise: bool = False
    totals_only: bool = False


@dataclass(frozen=True)
class Format:
    """One export format."""

    extension: str
    render: Callable[[Session, ExportOptions], str]
    #: Whether the text starts with a byte-order mark when written to a file.
    bom: bool = False


def _json(session: Session, options: ExportOptions) -> str:
    return export_json(session)


FORMATS: dict[str, Format] = {
    "json": Format("json", _json),
}


def render(session: Session, name: str, options: ExportOptions | None = None) -> str:
    """The text of one export format."""
    return FORMATS[name].render(session, options or ExportOptions())
