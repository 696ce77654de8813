"""Another writer's changes in an open session's files: found, and never written over.

Found by a tester: window A had a session open; its lock file was removed by hand
(it looked stale), window B opened the session, saved votes and quit. A's next change
found the files not as it left them and wrote the whole session again from its own
memory, as it does when a sync tool removed them, and B's votes were gone with no
copy kept. The same with the sessions folder deleted, made again, and the session
imported again in another window.

Each snapshot names itself with a token (:mod:`snapshot_meta`), and a window knows
every token it read or wrote (and the few each names as replaced). Files that are gone,
damaged, or name a token it knows are written again from memory, as before. Files that
name a token the window never knew are read (snapshot and record of changes together):
an older copy of its own put back (a backup from ten saves ago, restored while the
session is open; found by a review) holds nothing memory lacks, and is written again
too. Files holding what memory lacks were written by another window or another copy of
panel-tui: this window then writes nothing more over them, and keeps its own copy aside
in ``replaced/``. So do files naming an unknown token that cannot be read whole.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from panel_tui.domain.store import aside, durable, files
from panel_tui.domain.store.aside import REPLACED_FOLDER
from panel_tui.domain.store.errors import MisnamedFile, StoreError
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.loading import load
from panel_tui.domain.store.snapshot_meta import named_by, token_in
from panel_tui.domain.store.storage import SESSION_TABLE, DamagedData, dumps
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable


class ChangedElsewhere(StoreError):
    """The session's files hold another writer's changes: this window saves nothing more."""


def another_writers(snapshot: Path, known: Collection[str], held: Mapping[str, Any]) -> bool:
    """Whether the session's files hold another writer's changes: they name a snapshot
    that is not one of ``known`` (those this window read or wrote), and hold what this
    window's memory (``held``: its tables) lacks, or cannot be read whole.

    A snapshot that is gone, or does not read (damaged, or an older version's), names
    none: written again, as before. With the snapshot gone, its record of changes is
    looked at: another window's may hold the only record of its votes.
    """
    token = token_in(snapshot)
    if token is None and not os.path.lexists(snapshot):
        token = named_by(snapshot.with_suffix(JOURNAL_SUFFIX))
    if token is None or token in known:
        return False
    on_disk = _on_disk(snapshot, known)
    return on_disk is None or not all(
        _held(name, table, held.get(name) or {}) for name, table in on_disk.items()
    )


def _on_disk(snapshot: Path, known: Collection[str]) -> dict[str, Any] | None:
    """The tables the session's files hold together (``None``: they do not read whole).

    A record of changes naming a snapshot this window knows holds changes this window
    made, which memory holds: left out, as it is of an older copy put back beside it.
    """
    changes = snapshot.with_suffix(JOURNAL_SUFFIX)
    ours = named_by(changes) in known

    def read(path: Path) -> bytes:
        if ours and path == changes:
            raise FileNotFoundError(path)
        return files.read_regular(path)

    with contextlib.suppress(OSError, DamagedData, MisnamedFile):
        loaded = load(snapshot, read)
        return None if loaded is None else loaded.tables
    return None


def _held(name: str, theirs: dict[str, Any], mine: dict[str, Any]) -> bool:
    """Whether memory holds the table ``name`` as the files hold it (``theirs``).

    An event (a vote, note, reveal, decision) counts when memory lacks it, or holds
    another under its number. The session's own document counts by what no older copy
    of this window's own can hold and memory lack: which session it is and when it was
    made (another one, or made again), and the practice rounds started. Where the panel
    is, the settings, whether it is finished and the payment notes are not looked at:
    an older copy of its own holds others too, so they cannot tell another writer, and
    memory's are written (a session only finished in another window shows open again).
    """
    if name != SESSION_TABLE:
        return all(mine.get(number) == event for number, event in theirs.items())
    disk, memory = theirs.get("1") or {}, mine.get("1") or {}
    same = all(disk.get(key) == memory.get(key) for key in ("id", "created"))
    rounds = disk.get("rounds", [])
    return same and isinstance(rounds, list) and all(r in memory.get("rounds", []) for r in rounds)


def refusal(snapshot: Path, tables: dict[str, Any]) -> tuple[ChangedElsewhere, bool]:
    """Keep this window's copy of the session (``tables``) in ``replaced/``, never over
    the files, and the words that refuse every change from now on.

    Returns the refusal, and whether the copy was kept.
    """
    saved = False
    try:
        target = aside.unused_name_in(snapshot.parent / REPLACED_FOLDER, snapshot)
        durable.write_atomically(target, dumps(tables))
        kept = f"What this window held, with every change it saved, is kept in {target}."
        saved = True
    except OSError as error:  # a link where replaced/ should be is an OSError too
        kept = (
            f"What this window held could not be kept aside ({os_reason(error)}): "
            "do not close it before you have written down what it shows."
        )
    said = (
        f"The session {snapshot.stem} was changed in another window or by another copy "
        "of panel-tui since this window opened it, so this window saves nothing more, to "
        f"keep those changes: this change was not saved. {kept} Close this window and "
        "open the session again."
    )
    return ChangedElsewhere(printable(said)), saved
