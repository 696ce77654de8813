"""A snapshot's own table: which journal goes with it, and which journals it replaced.

Each snapshot ``<id>.json`` holds, in the table :data:`META_TABLE`, a token its
journal must name to be replayed, and (``replaces``) the tokens of the snapshots
before it, whose journals' changes it holds. A journal naming one of those is
stale; one naming neither belongs to another copy of the session file (see
:func:`names_another_copy`).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from panel_tui.domain.store import files, journal, storage
from panel_tui.domain.store.journal import JOURNAL_SUFFIX, Parsed

META_TABLE = "_journal"
"""The snapshot's own table: the token its journal must name to be replayed, and the
tokens of the journals it holds the changes of (``replaces``)."""
KEPT_TOKENS = 8
"""How many earlier snapshots' tokens a snapshot keeps (``replaces``)."""


def names_another_copy(parsed: Parsed | None, meta: Any) -> bool:
    """Whether a journal belongs to another copy of the session file than ``meta``'s:
    its header names neither the snapshot nor one the snapshot replaced.

    A journal naming another snapshot is stale when that snapshot replaced the
    one it names (compaction, then a crash before the journal was emptied): its
    changes are in the snapshot. When the snapshot is an older copy put back (a
    backup restored, a sync tool; found by an adversarial tester), the journal
    names a newer one, and its changes are in no file: passing over it as stale
    would lose them without a word. A snapshot an older version wrote does not
    say what it replaced, so its journal is taken as stale, as before.
    """
    if parsed is None or parsed.snapshot is None:
        return False
    token, replaced = token_of(meta), replaces_of(meta)
    return parsed.snapshot != token and replaced is not None and parsed.snapshot not in replaced


def token_of(meta: Any) -> str | None:
    """The snapshot token its own table holds (``None``: an older version's file)."""
    if isinstance(meta, dict) and isinstance(meta.get("1"), dict):
        token = meta["1"].get("snapshot")
        return token if isinstance(token, str) else None
    return None


def replaces_of(meta: Any) -> list[str] | None:
    """The tokens whose journals' changes the snapshot holds (``None``: not said)."""
    if isinstance(meta, dict) and isinstance(meta.get("1"), dict):
        replaced = meta["1"].get("replaces")
        if isinstance(replaced, list) and all(isinstance(t, str) for t in replaced):
            return replaced
    return None


def named_by(changes: Path) -> str | None:
    """The snapshot token the record of changes at ``changes`` names (``None``: there is
    none, or its start does not read)."""
    with contextlib.suppress(OSError):  # an unsafe file is an OSError too
        raw = journal.read(changes)
        return None if raw is None else journal.parse(raw, salvage=True).snapshot
    return None


def names(changes: Path, token: str | None) -> bool:
    """Whether the record of changes at ``changes`` names the session file whose token is
    ``token`` (never when that is ``None``): it goes with that file, whatever their names."""
    return token is not None and named_by(changes) == token


def token_in(snapshot: Path) -> str | None:
    """The token the session file at ``snapshot`` holds (``None``: none that reads)."""
    with contextlib.suppress(OSError, storage.DamagedData):
        return token_of(storage.decode(files.read_regular(snapshot)).get(META_TABLE))
    return None


def own_changes(snapshot: Path, token: str | None) -> Path | None:
    """The record of changes beside ``snapshot``, under another name than its own, that
    names its token ``token``: the session files' names were swapped, but not their
    records (found by a review: set aside so, each with the other's record, its votes
    were said to be missing). ``None`` when none does."""
    beside = snapshot.with_suffix(JOURNAL_SUFFIX)
    for changes in sorted(snapshot.parent.glob(f"*{JOURNAL_SUFFIX}")):
        if changes != beside and names(changes, token):
            return changes
    return None
