"""A session file's checksum: its content, checked as it is read.

The journal's records each carry a checksum (:mod:`journal`); the snapshot
``<id>.json`` they are replayed onto had none, so a flipped bit there ("m2"
becoming "m3" in a vote, a question's weight 1.0 becoming 3.0) changed who
voted or what counted without a word, and the next save made it permanent
(found by a tester). The snapshot's own table (:data:`META_TABLE`) now holds
the SHA-256 of the file's bytes without that table, written last: taken only
when the whole snapshot is written (a compaction, a close, a save), never per
vote. A file an older version wrote has none and reads as before.

What it does not catch: damage to the checksum's own key or table makes the
file read as an older version's, unchecked (nothing is lost: the votes are as
they were). It is a guard against a flipped bit or a hand edit, not a seal.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Mapping
from typing import Any

from panel_tui.domain.store.snapshot_meta import META_TABLE
from panel_tui.domain.store.storage import DamagedData, dumps

SUM_KEY = "sha256"
"""The key, in the snapshot's own table, of the checksum of the rest of the file."""

CHANGED = (
    "what it holds no longer matches the checksum panel-tui saved with it: it was changed "
    "outside panel-tui, or damaged on disk"
)
"""Why a session file whose checksum does not match is not opened."""


class ChecksumMismatch(DamagedData):
    """The session file's content is not what panel-tui wrote (see :data:`CHANGED`)."""

    def __init__(self) -> None:
        super().__init__(CHANGED)


def sealed(tables: Mapping[str, Any], meta: Mapping[str, Any]) -> bytes:
    """The bytes of a session file: ``tables`` and, last, the snapshot's own table
    holding ``meta`` and the checksum of the rest.

    ``tables`` must not hold :data:`META_TABLE`, and holds the session's table.
    """
    body = dumps(tables)
    return _joined(body, {**meta, SUM_KEY: _digest(body)})


def check(raw: bytes, meta: Any) -> None:
    """Check the bytes ``raw`` of a session file against the checksum its own table
    (``meta``, as read from them) holds. A file with none (an older version's) passes.

    Raises:
        ChecksumMismatch: the content is not what was written with the checksum.
    """
    if not matches(raw, meta):
        raise ChecksumMismatch()


def matches(raw: bytes, meta: Any) -> bool:
    """Whether ``raw`` matches the checksum in ``meta`` (``True`` when there is none).

    White space after the JSON and a byte-order mark before it are not part of
    what was saved (an editor's save adds them, and the JSON reads the same):
    they are no damage (found by a review: a newline at the end set a healthy
    session aside, while reading it back called it whole).
    """
    raw = raw.removeprefix(codecs.BOM_UTF8).rstrip(b" \t\r\n")
    held = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(held, dict) or SUM_KEY not in held:
        return True
    expected = held[SUM_KEY]
    tail = _own(meta)  # as written: the same keys, in the same order, last in the file
    if not isinstance(expected, str) or not raw.endswith(tail) or len(raw) <= len(tail):
        return False
    return _digest(raw[: -len(tail)] + b"}") == expected


def _joined(body: bytes, meta: Mapping[str, Any]) -> bytes:
    """``body`` (a JSON object's bytes, as :func:`dumps` writes them) with the snapshot's
    own table added last, as :func:`dumps` would write the whole."""
    own = {"1": dict(meta)}
    return body[:-1] + _own(own) if body != b"{}" else dumps({META_TABLE: own})


def _own(table: Any) -> bytes:
    """The snapshot's own table as it ends the file: ``, "_journal": {...}}``."""
    return b", " + dumps({META_TABLE: table})[1:]


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
