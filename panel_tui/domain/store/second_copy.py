"""A second session file run on after the first in one snapshot: found, not read back.

A sync tool or a bad copy can run an older and a newer copy of a session file
together in one ``<id>.json``. :mod:`salvage` reads back the first and leaves
the rest out; :func:`second_copy` finds out whether what it left out is itself
a session file, so that it is named rather than passed over as rubbish (found by
a reviewer: the newer copy's votes were dropped, and every change was said to
be read back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from panel_tui.domain.models import Session
from panel_tui.domain.store import storage
from panel_tui.domain.store.snapshot_meta import META_TABLE, replaces_of, token_of
from panel_tui.domain.store.storage import DamagedData

#: What may stand between two copies of a session file run together: JSON's white space
#: and the zeros a sync tool or a disk can leave.
BETWEEN = b" \t\r\n\x00"


@dataclass(frozen=True)
class SecondCopy:
    """A whole session file found after the session in a snapshot, and left out."""

    at: int
    """How many bytes of the snapshot are before it."""
    after: int
    """How many bytes follow it, not part of it either."""
    session_id: str | None
    """The id its session file names (``None``: none that reads)."""
    session: Session | None
    """Its session (``None``: it does not read as a whole session)."""
    newer: bool | None
    """Whether it was saved after the first (``None``: that cannot be told)."""
    same: bool
    """It holds just what the first holds."""


def second_copy(rest: bytes, at: int, first: dict[str, Any]) -> SecondCopy | None:
    """The session file at the start of ``rest``, past white space and zeros; ``None``
    when no whole one is there.

    Args:
        rest: what follows the first session file in the snapshot.
        at: how many bytes of the snapshot the first takes.
        first: the first's tables, as the snapshot holds them (its own table too).
    """
    skipped = len(rest) - len(rest.lstrip(BETWEEN))
    try:
        tables, after = storage.decode_leading(rest[skipped:])
    except DamagedData:
        return None
    session: Session | None
    try:
        session = storage.session_from_tables(tables)
    except DamagedData:
        session = None
    return SecondCopy(
        at=at + skipped,
        after=after,
        session_id=storage.session_id_of(tables),
        session=session,
        newer=_newer(first.get(META_TABLE), tables.get(META_TABLE)),
        same=tables == first,
    )


def _newer(first: Any, second: Any) -> bool | None:
    """Whether the snapshot whose own table is ``second`` was saved after ``first``'s:
    each names the snapshots it replaced (``None``: neither names the other)."""
    if (token := token_of(first)) is not None and token in (replaces_of(second) or []):
        return True
    if (token := token_of(second)) is not None and token in (replaces_of(first) or []):
        return False
    return None
