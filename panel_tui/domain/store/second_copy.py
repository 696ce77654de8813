"""A second session file run on after the first in one snapshot: found, not read back, and said.

A sync tool or a bad copy can run an older and a newer copy of a session file
together in one ``<id>.json``. :mod:`salvage` reads back the first and leaves
the rest out; :func:`second_copy` finds out whether what it left out is itself
a session file, so that it is named rather than passed over as rubbish (found by
a reviewer: the newer copy's votes were dropped, and every change was said to
be read back); :func:`appended_words` says so, for ``recovery_words``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from panel_tui.domain.models import Session
from panel_tui.domain.store import storage
from panel_tui.domain.store.snapshot_meta import META_TABLE, replaces_of, token_of
from panel_tui.domain.store.storage import DamagedData
from panel_tui.domain.text import printable
from panel_tui.domain.words import counted, holds_words

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


def appended_words(appended: int, second: SecondCopy | None, first: Session) -> str:
    """What was found after the session in its session file, and left out: ``appended``
    bytes, starting with ``second`` if that is a session file.

    A newer copy run on after an older one was passed over as bytes not part of the
    session, and every change said to be read back (found by a reviewer).
    """
    if second is None:
        return (
            "Something that was not part of the session was found after it in the session "
            f"file ({counted(appended, 'byte')}, as a sync tool or a bad copy can add): "
            "it was left out."
        )
    where = f"after its first {counted(second.at, 'byte')}"
    if second.after:
        where += f", with {counted(second.after, 'byte')} more after it, left out too"
    cut = (
        "The damaged copy keeps it: to get it back, someone can cut the file in two by hand "
        "there, save the second part as a file of its own, and recover from that with "
        "panel-tui sessions recover"
    )
    if second.session_id != first.id:
        other = second.session_id or "one whose id does not read"
        named = f" ({second.session.title})" if second.session else ""
        return printable(
            f"A session file of another session, {other}{named}, was found after this one "
            f"in the session file ({where}, as a sync tool or a bad copy can add): "
            f"{_second_holds(second)}. It was left out. {cut}."
        )
    if second.same:
        return (
            "A second copy of the session, the same as the first, was found after it in "
            f"the session file ({where}): it was left out, and nothing in it is missing."
        )
    when = {
        True: "It was saved after the first: it is newer.",
        False: "It was saved before the first: it is older.",
        None: "Which was saved last cannot be told: it may be newer.",
    }[second.newer]
    return (
        "A second copy of the session was found after the first in the session file "
        f"({where}, as a sync tool or a bad copy can add): {_second_holds(second)}, where "
        f"the first, read back, holds {holds_words(first)}. {when} It was left out: only "
        f"the first was read back. {cut} --replace (the session read back now is then kept "
        "aside)."
    )


def _second_holds(second: SecondCopy) -> str:
    if second.session is None:
        return "it does not read as a whole session"
    return f"it holds {holds_words(second.session)}"
