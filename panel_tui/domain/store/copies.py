"""The copies of sessions set aside: found in ``damaged/`` and ``replaced/``, and told apart.

A copy is set aside in its sessions folder's ``damaged/`` (a session that no
longer opened) or ``replaced/`` (a session saved over). :func:`copies_set_aside`
finds the copies to offer again at each start; the rest say which folder a copy
lies in, and whether a file is the session itself rather than a copy.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from panel_tui.domain.models import Session
from panel_tui.domain.store import files
from panel_tui.domain.store.aside import DAMAGED_FOLDER, REPLACED_FOLDER
from panel_tui.domain.store.catalogue import CATALOGUE_NAME
from panel_tui.domain.store.errors import StoreError
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.salvage import ReadBack, read_back, snapshot_of
from panel_tui.domain.store.storage import DamagedData, session_id_in


def read_or_none(copy: Path) -> ReadBack | None:
    """What :func:`salvage.read_back` gets back from this copy; ``None`` if nothing."""
    try:
        return read_back(copy)
    except (DamagedData, OSError):
        return None


@dataclass
class SetAside:
    """The newest copy of each session set aside in ``damaged/`` whose session is not back."""

    recoverable: dict[Path, Session] = field(default_factory=dict)
    """Copies that read back, with the session each holds."""
    unreadable: list[Path] = field(default_factory=list)
    """Copies too damaged to read back: kept for someone who can mend them by hand."""
    older: dict[Path, list[Path]] = field(default_factory=dict)
    """For a copy of ``recoverable`` or ``unreadable``, the older copies of the same
    session, set aside before it, oldest first (not read: they are only named)."""
    alone: list[Path] = field(default_factory=list)
    """Records of changes set aside with no session file beside them (``StrayChanges``)."""


def copies_set_aside(root: Path, taken: Callable[[str], bool]) -> SetAside:
    """The copies of each session set aside in ``root/damaged`` that is not ``taken``.

    Named once when set aside, they would be out of mind by the next start: the
    home screen and ``sessions list`` name them each time, until the session is
    back or the copy is moved out (found by a tester: a session whose own file
    was damaged was named once, then looked deleted). The newest of each is
    offered; older ones are named too (found by adversarial testing: they were
    never named). Paths are in full, as the notices name them.
    """
    found = SetAside()
    folder = (root / DAMAGED_FOLDER).absolute()
    found.alone = sorted(
        changes
        for changes in folder.glob(f"*{JOURNAL_SUFFIX}")
        if not changes.with_suffix(files.SUFFIX).exists()
    )
    for session_id, copies in _by_session(folder).items():
        kept = copies[-1]
        with contextlib.suppress(StoreError):  # a name no session could have
            if taken(session_id):
                continue
            if (read := read_or_none(kept)) is not None:
                found.recoverable[kept] = read.session
            else:
                found.unreadable.append(kept)
            if copies[:-1]:
                found.older[kept] = copies[:-1]
    return found


def copies_of(folder: Path, session_id: str) -> list[Path]:
    """The copies of the session ``session_id`` set aside in ``folder``, oldest first."""
    return _by_session(folder).get(session_id, [])


def _by_session(folder: Path) -> dict[str, list[Path]]:
    """The copies set aside in ``folder`` by session, oldest first.

    Copies are named ``<id>.<when set aside>[-<4 random>].json``: the newest is the
    last by that time, then (set aside in the same second) by when it was last written.
    """
    copies: dict[str, list[Path]] = {}
    for kept in sorted(folder.glob(f"*{files.SUFFIX}"), key=_set_aside_when):
        copies.setdefault(kept.name.split(".")[0], []).append(kept)
    return copies


def _set_aside_when(copy: Path) -> tuple[str, int]:
    stamp = copy.name.split(".")[1].split("-")[0] if copy.name.count(".") > 1 else ""
    with contextlib.suppress(OSError):
        return stamp, copy.stat().st_mtime_ns
    return stamp, 0


def sessions_folder_of(copy: Path) -> Path | None:
    """The sessions folder a copy in its ``damaged/`` or ``replaced/`` came from;
    ``None`` if it is not one.

    Only a folder that holds a sessions catalogue counts: a copy in some other
    folder named damaged never makes its parent a sessions folder.

    Raises:
        OSError: a link on the way leads round in a circle (see :func:`files.resolved`).
    """
    return files.resolved(copy).parent.parent if aside_in(copy) else None


def live_in(copy: Path, root: Path) -> bool:
    """Whether ``copy`` is the session file itself in the sessions folder ``root`` (the
    file of the id it holds), however it is named (a link, ``..``, another case).

    Recovering it saved the session over itself, and could leave out the latest votes
    in its record of changes (found by a tester). A copy beside it ("s1 - Copy.json")
    is not it, and is recovered as any other.

    Raises:
        OSError: a link on the way leads round in a circle (see :func:`files.resolved`).
    """
    snapshot = files.resolved(snapshot_of(copy))
    session_id = session_id_in(snapshot) or snapshot.stem  # unreadable: its name says
    with contextlib.suppress(OSError):  # not there: said so when it is read
        return os.path.samefile(snapshot, root / f"{session_id}{files.SUFFIX}")
    return False


def aside_in(copy: Path) -> str | None:
    """The folder of a sessions folder ``copy`` lies in, ``damaged`` or ``replaced``;
    ``None`` when it is not in one.

    Raises:
        OSError: a link on the way leads round in a circle (see :func:`files.resolved`).
    """
    folder = files.resolved(copy).parent
    name = folder.name.casefold()
    if name in {DAMAGED_FOLDER, REPLACED_FOLDER} and (folder.parent / CATALOGUE_NAME).is_file():
        return name
    return None


def kept_whole(copy: Path) -> bool:
    """Whether ``copy`` is a session the store kept in ``replaced/``, written whole."""
    with contextlib.suppress(OSError):
        return aside_in(copy) == REPLACED_FOLDER
    return False
