"""What a session file cut short still holds whole: for getting the session back.

A session file cut short mid-line (a USB stick pulled, a sync tool copying half)
is not JSON as a whole, but the part before the cut holds its tables in order, the
votes first: each table, and each vote, note, reveal or decision in the table cut,
that reads whole is read (found by an adversarial tester: such a copy could not be
recovered at all). Each value is read by the strict JSON reader, never by hand. The
session's own record, when cut off, is taken from the last one its record of
changes holds whole (the panel moved on, a round begun): :func:`cut_short_tables`.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from panel_tui.domain.store import journal
from panel_tui.domain.store.storage import EVENT_TABLES, SESSION_TABLE
from panel_tui.domain.strict_json import after_space, strict_json_at


@dataclass(frozen=True)
class CutShort:
    """What a session file cut short still holds whole."""

    tables: dict[str, Any]
    """Its tables as far as they read whole, the session's own record included."""
    own_from_changes: bool
    """The session's own record (its questions, panel and candidates) was cut off, and
    was read from its record of changes."""


def whole_part(raw: bytes) -> dict[str, Any]:
    """The tables at the start of the session file ``raw`` that read whole, and of the
    event table it stops reading in, the entries that do; empty when none reads."""
    text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")
    tables: dict[str, Any] = {}
    for name, at, table in _pairs(text, 0):
        if name in tables:  # a key given twice: refused, as the strict reader does
            break
        if table is None:
            if name in EVENT_TABLES:
                tables[name] = _entries(text, at)
            break
        if isinstance(table[0], dict):
            tables[name] = table[0]
    return tables


def cut_short_tables(raw: bytes, changes: bytes | None) -> CutShort | None:
    """The tables a session file cut short (``raw``) still holds whole, with the
    session's own record from its record of changes (``changes``) when cut off there;
    ``None`` when neither holds it."""
    tables = whole_part(raw)
    own_from_changes = SESSION_TABLE not in tables
    if own_from_changes and changes is not None:
        for record in reversed(journal.parse(changes, salvage=True).records):
            put = _session_put(record)
            if put is not None:
                tables[SESSION_TABLE] = put
                break
    return CutShort(tables, own_from_changes) if SESSION_TABLE in tables else None


def _session_put(record: dict[str, Any]) -> dict[str, Any] | None:
    """The session table a change writes whole, if it does."""
    for op in record.get("ops") or []:
        if isinstance(op, dict) and op.get("t") == SESSION_TABLE:
            put = op.get("put")
            if isinstance(put, dict) and isinstance(put.get("1"), dict):
                return put
    return None


def _entries(text: str, at: int) -> dict[str, Any]:
    """The entries of the table starting at ``at`` that read whole, up to the first that
    does not."""
    entries: dict[str, Any] = {}
    for key, _, entry in _pairs(text, at):
        if entry is None or not isinstance(entry[0], dict) or key in entries:
            break
        entries[key] = entry[0]
    return entries


def _pairs(text: str, at: int) -> Iterator[tuple[str, int, tuple[Any, int] | None]]:
    """The ``"key": value`` pairs of the object starting at ``at``, in order, while their
    keys read whole: each key, where its value starts, and the value with where it ends
    (``None`` when it does not read whole: nothing follows it)."""
    at_pair = _past(text, at, "{")
    while at_pair is not None and (named := _named(text, at_pair)) is not None:
        key, at_value = named
        value = strict_json_at(text, at_value)
        yield key, at_value, value
        if value is None:
            return
        at_pair = _past(text, value[1], ",")


def _named(text: str, at: int) -> tuple[str, int] | None:
    """A key (a JSON string) at ``at`` and where what it names starts, past the colon."""
    key = strict_json_at(text, at)
    if key is None or not isinstance(key[0], str):
        return None
    after = _past(text, key[1], ":")
    return None if after is None else (key[0], after)


def _past(text: str, at: int, mark: str) -> int | None:
    """Where ``text`` goes on after ``mark``, found at ``at`` past white space."""
    at = after_space(text, at)
    return at + 1 if text.startswith(mark, at) else None
