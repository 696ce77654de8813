"""Getting a damaged session back: what to say, where the copies are, notes for HR.

:mod:`salvage` reads back what a copy set aside still holds; this module words
it for the person (:func:`recovery_words`), finds the copies to offer
(:func:`copies_set_aside`) and marks the answers to check in the session
itself (:func:`with_recovery_notes`), so that HR's record says so too.
``Store.recover`` saves the session again.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel

from panel_tui.domain.models import Session, now
from panel_tui.domain.records import Note
from panel_tui.domain.store import files
from panel_tui.domain.store.aside import DAMAGED_FOLDER, REPLACED_FOLDER
from panel_tui.domain.store.catalogue import CATALOGUE_NAME
from panel_tui.domain.store.errors import StoreError, shell_word
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.salvage import EVENTS, ReadBack, read_back, snapshot_of
from panel_tui.domain.store.second_copy import appended_words
from panel_tui.domain.store.snapshot_meta import META_TABLE
from panel_tui.domain.store.storage import DamagedData, EmptyFile, NotASession, session_id_in
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable
from panel_tui.domain.wording import empty_file
from panel_tui.domain.words import counted, day_words, holds_words, listed


def read_back_plainly(copy: Path) -> ReadBack:
    """:func:`salvage.read_back`, with what stops it said in plain words.

    Raises:
        StoreError: the copy's session file is missing, not a plain file, not a
            session, or itself damaged.
    """
    named = printable(str(snapshot_of(copy)))  # a file's name never runs on the terminal
    try:
        read = read_back(copy)
    except FileNotFoundError:
        raise StoreError(f"There is no file {named}.") from None
    except files.UnsafeFile as unsafe:
        raise StoreError(
            printable(f"{unsafe.path} cannot be recovered: {unsafe.reason}.")
        ) from None
    except NotASession:
        raise StoreError(_not_a_session(named, "")) from None
    except DamagedData as error:
        if isinstance(error, EmptyFile) and not _changes_beside(copy):
            nothing = empty_file("there is nothing in it to recover")
            raise StoreError(f"{named}: {nothing}.") from None
        if _never_a_session(copy):  # /etc/passwd, a question bank: said so, not "damaged"
            raise StoreError(_not_a_session(named, " (it does not read as one)")) from None
        raise StoreError(
            f"{named} cannot be recovered: the session file itself is damaged ({error}). "
            "Keep it: what was saved is still in it, for someone who can mend it by hand."
        ) from None
    except OSError as error:
        raise StoreError(f"{named} cannot be read ({os_reason(error)}).") from None
    if read.no_journal and _kept_whole(copy):
        # The store wrote it with its record of changes folded in: nothing is missing.
        return replace(read, no_journal=False)
    return read


def _not_a_session(named: str, why: str) -> str:
    return (
        f"{named} is not a session file panel-tui keeps{why}, so there is nothing to recover "
        "from it. (An exported session is taken in with panel-tui import.)"
    )


def _never_a_session(copy: Path) -> bool:
    """Whether the file ``copy`` names was never a session file: it does not start as one
    (JSON's ``{``), nor holds a session's table names. One cut short, or with a damaged
    start, still does; one wiped to zeros or empty is damaged (found by a tester: a
    system file and a question bank were said to be damaged session files, to keep)."""
    with contextlib.suppress(OSError, files.UnsafeFile):
        raw = files.read_regular(snapshot_of(copy))
        start = raw.lstrip(b" \t\r\n\x00\xef\xbb\xbf")
        tables = (b'"session"', b'"votes"', f'"{META_TABLE}"'.encode())
        return bool(start) and not start.startswith(b"{") and not any(t in raw for t in tables)
    return False


def _changes_beside(copy: Path) -> bool:
    """Whether a record of changes is beside ``copy``, with anything in it: an empty
    session file is then damaged (the changes may hold votes), not merely empty."""
    with contextlib.suppress(OSError):
        return journal_path(snapshot_of(copy)).stat().st_size > 0
    return False


def can_read_back(copy: Path) -> bool:
    """Whether :func:`salvage.read_back` gets a session back from this copy."""
    return _read_or_none(copy) is not None


def _read_or_none(copy: Path) -> ReadBack | None:
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
            if (read := _read_or_none(kept)) is not None:
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
    return files.resolved(copy).parent.parent if _aside_in(copy) else None


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


def _aside_in(copy: Path) -> str | None:
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


def _kept_whole(copy: Path) -> bool:
    """Whether ``copy`` is a session the store kept in ``replaced/``, written whole."""
    with contextlib.suppress(OSError):
        return _aside_in(copy) == REPLACED_FOLDER
    return False


def kept_words(kept: Path, session: Session, source: Path) -> str:
    """Where the session replaced by ``session`` (read from ``source``) is kept, and what
    it holds that ``session`` does not, with how to take it back.

    An export older than the session it replaces drops every vote given since
    (found by a tester): the copy kept has them, and is said to.
    """
    back = f"panel-tui sessions recover --replace {shell_word(kept)}"
    damaged = _aside_in(kept) == DAMAGED_FOLDER
    if damaged:
        # Named above as damaged, with the command without --replace, which would now
        # be refused: the session is back under its id (found by a review).
        said = f"The session that was there was damaged, and is kept as {kept} (see above)."
        how = f" To have what still reads in it back instead of {source}: {back}"
    else:
        said = f"The session that was there is kept as {kept}."
        how = f" If {source} is the older, take that session back with: {back}"
    older = _read_or_none(kept)
    if older is None:  # too damaged to read back: named above, for mending by hand
        return said
    if only := _only_in(older.session, session):
        return f"{said} It holds what {source} does not: {only}.{how}"
    return said + how if damaged else said


def _only_in(kept: Session, session: Session) -> str:
    """What ``kept`` holds that ``session`` does not, as "1 vote, change of vote or undo;
    2 notes"; ``""`` when nothing."""
    only = []
    for name, event in EVENTS.items():
        saved = Counter(_as_saved(getattr(session, name)))
        count = (Counter(_as_saved(getattr(kept, name))) - saved).total()
        if count:
            only.append(counted(count, event.one, event.many))
    return "; ".join(only)


def _as_saved(events: Sequence[BaseModel]) -> list[str]:
    return [event.model_dump_json() for event in events]


def recovery_words(read: ReadBack, copy: Path) -> list[str]:
    """What was read back from ``copy`` and what was left out, in sentences for HR."""
    session = read.session
    said = [
        printable(f"Recovered {session.id} ({session.title}) from {copy}: ")
        + f"{holds_words(session)}."
    ]
    if read.appended:
        said.append(appended_words(read.appended, read.second, session))
    if read.changed:
        said.append(
            "Its session file had been changed outside panel-tui, or damaged: what it holds "
            "no longer matches the checksum panel-tui saved with it, so what was read back "
            "may differ from what was saved (a vote given to another member, a question's "
            "weight). Check the session with the panel before you rely on it."
        )
    if read.changes_from is not None:
        said.append(
            "The record of changes named as it is was another session's: the session files' "
            f"names had been swapped. Its own, {read.changes_from.name}, in the same folder, "
            "was read instead."
        )
    if read.no_journal:
        said.append(
            f"No record of changes ({copy.stem}{JOURNAL_SUFFIX}) was beside it, so only "
            "what the session file itself holds was read back. If it was copied without "
            "one, put that beside it and recover again: the latest votes may be there."
        )
    if not read.left_out:  # never so with something left out after it (``appended``)
        return [*said, "Every change saved in it was read back."]
    parts = []
    # Its record of changes named the first time it is at fault, so that what is damaged
    # is never taken for the session file (found by a tester).
    named = iter([f"its record of changes, {copy.stem}{JOURNAL_SUFFIX},"])

    def changes() -> str:
        return next(named, "its record of changes")

    if read.spoiled:
        reads = "reads" if read.spoiled == 1 else "read"
        parts.append(
            f"{counted(read.spoiled, 'vote, note or decision', 'votes, notes or decisions')} "
            f"in the session file itself no longer {reads} as written"
        )
    if read.unreadable:
        reads = "reads" if read.unreadable == 1 else "read"
        parts.append(
            f"{counted(read.unreadable, 'part')} of {changes()} no longer {reads} as written"
        )
    if read.torn:
        parts.append(f"the last change in {changes()} did not read back (cut short, or damaged)")
    if read.senseless:
        parts.append(f"{counted(read.senseless, 'change')} made no sense")
    if read.unfitting:
        parts.append(
            f"{counted(read.unfitting, 'later change')} no longer fitted without what was lost"
        )
    if read.untried:
        parts.append(f"{counted(read.untried, 'later change')} could not all be tried, so none was")
    if read.unmatched:
        parts.append(
            f"{counted(read.unmatched, 'change')} could not be matched to the session file, "
            + (
                f"as {'it was' if read.unmatched == 1 else 'they were'} saved to another copy "
                "of it (an older copy was put back, perhaps by a backup or a sync tool)"
                if read.another_copy
                else f"as the start of {changes()} no longer reads"
            )
        )
    if parts:
        said.append(f"{counted(read.replayed, 'change')} read back. Left out: {'; '.join(parts)}.")
    missing = [counted(count, EVENTS[n].one, EVENTS[n].many) for n, count in read.missing.items()]
    if missing:
        said.append(f"Missing as a result: at least {listed(missing)}.")
    elif parts:
        said.append(
            "What was left out cannot be told from what remains: a vote, an undo, a note or "
            "a decision may be missing."
        )
    if read.unmatched_answers:
        answers = listed([session.answer_name(*answer) for answer in read.unmatched_answers])
        said.append(
            f"The changes that could not be matched hold votes on {answers} that the session "
            "file does not: they may be missing from what was read back. Check those votes "
            "with the panel; each answer has a note saying so."
        )
    if near := [answer for answer in read.near if answer not in read.unmatched_answers]:
        answers = listed([session.answer_name(*answer) for answer in near])
        said.append(
            f"Check the votes on {answers} with the panel: they were given next to what is "
            "missing, and each has a note saying so."
        )
    if read.near:
        said[-1] += (
            " A lost undo can make a withdrawn vote count again, and show votes that were "
            "still sealed."
        )
    damaged = parts or read.appended
    kept = "The damaged copy is kept." if damaged else "The file it was read from is kept as it is."
    said.append(f"Look over its summary before you rely on it. {kept}")
    return said


def with_recovery_notes(read: ReadBack) -> Session:
    """The session read back, with a note on each answer to check."""
    when = now()
    said = f"panel-tui recovered this session from a damaged file on {day_words(when)}."
    near = (
        f"{said} A vote near this answer may be missing, or a withdrawn vote may count "
        "again: check these votes with the panel."
    )
    # Saved in a change that could not be matched to the session file: the vote itself.
    where = (
        "in the record of changes of another copy of the session file, since lost (an "
        "older copy was put back)"
        if read.another_copy
        else "where the record of changes no longer shows which session file it goes with"
    )
    on = (
        f"{said} A vote on this answer may be missing: it was saved {where}. Check these "
        "votes with the panel."
    )
    notes = [
        Note(
            candidate=candidate,
            question=question,
            text=on if (candidate, question) in read.unmatched_answers else near,
            at=when,
        )
        for candidate, question in read.near
    ]
    session = read.session
    return session.model_copy(update={"notes": [*session.notes, *notes]}) if notes else session
