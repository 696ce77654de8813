"""Getting a damaged session back: what to say, and notes for HR.

:mod:`salvage` reads back what a copy set aside still holds (:mod:`copies`
finds the copies to offer); this module words it for the person
(:func:`recovery_words`) and marks the answers to check in the session itself
(:func:`with_recovery_notes`), so that HR's record says so too.
``Store.recover`` saves the session again.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel

from panel_tui.domain.models import Session, now
from panel_tui.domain.records import Note
from panel_tui.domain.store import files
from panel_tui.domain.store.aside import DAMAGED_FOLDER
from panel_tui.domain.store.copies import aside_in, kept_whole, read_or_none
from panel_tui.domain.store.errors import StoreError, shell_word
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.salvage import EVENTS, ReadBack, read_back, snapshot_of
from panel_tui.domain.store.second_copy import appended_words
from panel_tui.domain.store.snapshot_meta import META_TABLE
from panel_tui.domain.store.storage import DamagedData, EmptyFile, NotASession
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
    if read.no_journal and kept_whole(copy):
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
    return read_or_none(copy) is not None


def kept_words(kept: Path, session: Session, source: Path) -> str:
    """Where the session replaced by ``session`` (read from ``source``) is kept, and what
    it holds that ``session`` does not, with how to take it back.

    An export older than the session it replaces drops every vote given since
    (found by a tester): the copy kept has them, and is said to.
    """
    back = f"panel-tui sessions recover --replace {shell_word(kept)}"
    damaged = aside_in(kept) == DAMAGED_FOLDER
    if damaged:
        # Named above as damaged, with the command without --replace, which would now
        # be refused: the session is back under its id (found by a review).
        said = f"The session that was there was damaged, and is kept as {kept} (see above)."
        how = f" To have what still reads in it back instead of {source}: {back}"
    else:
        said = f"The session that was there is kept as {kept}."
        how = f" If {source} is the older, take that session back with: {back}"
    older = read_or_none(kept)
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
    if read.cut_short is not None:
        said.append(
            "The session file is cut short, or does not read from some point on (a USB "
            "stick pulled out, a sync tool that copied half of it): only what reads whole "
            "before that was read back."
            + (
                " Its details (its questions, panel and candidates) were read from its record "
                "of changes, as last saved there."
                if read.cut_short.own_from_changes
                else ""
            )
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
    if read.cut_short is not None:
        parts.append("the end of the session file, which does not read")
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
