"""Exports of a session: every format reads its figures from ``scoring``.

``render(session, "csv")`` returns the text of one format; ``FORMATS`` lists them
with the file extension each is written with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from panel_tui.domain.interchange import export_json
from panel_tui.domain.models import Session
from panel_tui.domain.store import write_atomically


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


def encoded(session: Session, name: str, options: ExportOptions | None = None) -> bytes:
    """The bytes of one format as written to a file (CSV with a byte-order mark)."""
    fmt = FORMATS[name]
    return (("\ufeff" if fmt.bom else "") + fmt.render(session, options or ExportOptions())).encode()


def file_name(session: Session, name: str) -> str:
    """The file name an export of this format gets in a folder (safe: ids are slugs)."""
    stem = f"{session.id}-votes" if name == "votes-csv" else session.id
    return f"{stem}.{FORMATS[name].extension}"


def write_export(
    session: Session,
    name: str,
    folder: Path,
    options: ExportOptions | None = None,
    *,
    overwrite: bool = False,
) -> Path:
    """Write one format into ``folder`` (made if missing), readable by the owner only.

    Raises:
        FileExistsError: the file is there and ``overwrite`` is false.
        OSError: the folder or disk refuses.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(session, name)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    write_atomically(path, encoded(session, name, options))
    return path
