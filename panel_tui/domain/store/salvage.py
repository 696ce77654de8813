"""Reading back a damaged session: every change that still reads, and what may be missing.

A session is set aside in ``damaged/`` when a change in the middle of its
journal, or an entry of its snapshot, no longer reads (:mod:`folder`), and
nothing there is ever mended. The rest usually still reads: :func:`read_back`
keeps the snapshot's votes, notes, reveals and decisions that check, replays
every change that checks, leaves out what does not, and works out what it can
of what is missing. :mod:`recovery` words it and saves the session again.

What is missing cannot always be told. Votes, notes, reveals and decisions are
numbered as they were recorded and never change once written, so one left out
shows as a gap in their numbers, up to the highest number any change still
shows; one after that leaves no trace, and a stretch of damage may hold several
changes. So counts are "at least", and the answers of the votes either side of
each stretch are named, to be checked with the panel. A vote that undid another
names it by its place in the list of votes; those places are renumbered across
the gaps.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from panel_tui.domain.models import Session
from panel_tui.domain.records import Decision, Note, Reveal, VoteEvent
from panel_tui.domain.store import changes, checksum, files, journal, storage
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.missing import Answer, answer_of, answers, either_side, missing
from panel_tui.domain.store.second_copy import SecondCopy, second_copy
from panel_tui.domain.store.snapshot_meta import (
    META_TABLE,
    names_another_copy,
    own_changes,
    token_of,
)
from panel_tui.domain.store.storage import (
    EVENT_TABLES,
    SESSION_TABLE,
    DamagedData,
    EmptyFile,
    NotASession,
    session_from_tables,
)
from panel_tui.domain.store.whole_part import CutShort, cut_short_tables

#: The fewest bytes an entry takes in a journal (a frame, and a vote's fields).
MIN_ENTRY_BYTES = 40

#: Changes that no longer fit found and left out one at a time before the rest
#: are left out untried: each is found by a few replays of the whole session.
FIT_TRIES = 50


class Event(NamedTuple):
    """What an event table's documents must be, and what one and many are called."""

    model: type[BaseModel]
    one: str
    many: str


EVENTS = {
    "votes": Event(VoteEvent, "vote, change of vote or undo", "votes, changes of vote or undos"),
    "notes": Event(Note, "note", "notes"),
    "reveals": Event(Reveal, "record of votes shown early", "records of votes shown early"),
    "decisions": Event(Decision, "decision", "decisions"),
}


@dataclass(frozen=True)
class ReadBack:
    """A damaged session as far as it still reads, and what could not be read."""

    session: Session
    replayed: int = 0
    """Changes in the journal read back and replayed."""
    unreadable: int = 0
    """Stretches of the journal that no longer read as written (each one change or more)."""
    torn: bool = False
    """The journal's last change did not read (cut short by a crash, or damaged)."""
    senseless: int = 0
    """Changes that read but make no sense on the session."""
    unfitting: int = 0
    """Changes that read but no longer fit the session without what was left out."""
    untried: int = 0
    """Changes that read, left out untried after too many that no longer fitted."""
    unmatched: int = 0
    """Changes not replayed: the journal's first record, naming the session file
    it belongs to, no longer reads, or names another copy (``another_copy``)."""
    another_copy: bool = False
    """The journal holds changes saved to another copy of the session file (an older
    copy was put back), so none of them is replayed."""
    spoiled: int = 0
    """Votes, notes, reveals and decisions in the snapshot itself that no longer read
    as one, or name a member, candidate or question the session does not have."""
    no_journal: bool = False
    """No journal was beside the snapshot, so changes saved in one are not here."""
    appended: int = 0
    """Bytes after the session in the snapshot, not part of it, left out (a sync tool or
    a bad copy can add such: found by a tester, and the session could not be got back).
    What they held cannot be told, so they count as something left out."""
    second: SecondCopy | None = None
    """Of ``appended``, a whole session file at their start, if one is."""
    changed: bool = False
    """The snapshot does not match the checksum saved with it: changed outside panel-tui,
    or damaged, so what it holds may not be what was saved (see :mod:`checksum`)."""
    changes_from: Path | None = None
    """Its record of changes, read from under another name: the one beside it was another
    session's, its session file's name swapped with that one's (see :func:`own_changes`)."""
    missing: dict[str, int] = field(default_factory=dict)
    """For votes, notes, reveals and decisions: how many at least are missing."""
    near: tuple[Answer, ...] = ()
    """The answers of the votes either side of what is missing, and of votes left out."""
    unmatched_answers: tuple[Answer, ...] = ()
    """Of ``near``, the answers of the votes in changes not matched to the snapshot
    (see ``unmatched``) that the snapshot does not hold: perhaps missing themselves."""

    cut_short: CutShort | None = None
    """The snapshot does not read to its end (cut short): only what reads whole was read."""

    @property
    def left_out(self) -> bool:
        """Whether anything saved may be missing from the session read back."""
        lost = (self.spoiled, self.unreadable, self.torn, self.senseless, self.unfitting)
        held = (self.untried, self.unmatched, self.no_journal, self.missing, self.appended)
        return self.cut_short is not None or any(lost) or any(held)


def read_back(path: Path, read: Callable[[Path], bytes] = files.read_regular) -> ReadBack:
    """Read a session's snapshot and every change in its journal that still reads.

    Args:
        path: the snapshot (``.json``) or its journal (``.journal``), as set aside.
        read: how a file's bytes are read (plain files only, never through a link).

    Raises:
        DamagedData: the snapshot itself is damaged (not when it is a whole session
            with something after it, which is left out, nor when it is cut short and
            the session's own record reads in it or its journal: see :mod:`whole_part`).
        UnsafeFile: a link, pipe or folder where a file should be.
        OSError: a file is there but cannot be read.
    """
    path = snapshot_of(path)
    raw_snapshot = read(path)
    try:
        whole, appended, cut = (*storage.decode_leading(raw_snapshot), None)
    except (EmptyFile, NotASession):
        raise
    except DamagedData:  # cut short: what reads whole, the session from the journal if not
        cut = cut_short_tables(raw_snapshot, journal.read(journal_path(path), read))
        if cut is None:
            raise
        whole, appended = dict(cut.tables), 0
    at = len(raw_snapshot) - appended
    second = second_copy(raw_snapshot[at:], at, whole) if appended else None
    meta = whole.pop(META_TABLE, None)
    changed = not checksum.matches(raw_snapshot[:at], meta)
    token = token_of(meta)
    base, spoiled = _sound(whole)
    alone = _session_of(base)  # the snapshot must be a session on its own
    near = [answer for _, document in spoiled for answer in answer_of(document)]
    if cut is not None:  # the last vote read whole in it: the lost ones come after
        near += [
            a for vote in list((base.get("votes") or {}).values())[-1:] for a in answer_of(vote)
        ]
    # Left out of the snapshot: known to be missing, whatever the journal holds.
    gone = dict(Counter(name for name, _ in spoiled))
    snapshot = ReadBack(
        alone,
        spoiled=len(spoiled),
        missing=gone,
        near=_named(alone, near),
        appended=appended,
        second=second,
        changed=changed,
        cut_short=cut,
    )
    raw = journal.read(journal_path(path), read)
    if raw is None:
        return replace(snapshot, no_journal=True)
    size = storage.own_bytes(whole)  # a crash's torn tail is measured against it
    parsed = journal.parse(raw, salvage=True, snapshot=token, own=size)
    another_copy = names_another_copy(parsed, meta)
    own = own_changes(path, token) if another_copy else None
    if own is not None:  # the session files' names were swapped: its own is read
        raw = read(own)
        parsed, another_copy = journal.parse(raw, salvage=True, snapshot=token, own=size), False
    if parsed.snapshot not in (token, None) and not another_copy and cut is None:
        # Stale: written before the snapshot was last saved, which holds its changes.
        return snapshot
    ours = parsed.snapshot is not None and not another_copy
    records = parsed.records if ours else []
    # Whose changes these are cannot be told (no header, or another copy's, as when an
    # older copy of the snapshot was put back): the votes the snapshot lacks are named.
    held = base.get("votes") or {}
    unmatched = [a for r in parsed.records[len(records) :] for a in answers(r, held)]
    # What the changes that read say was recorded, matched to this file or not.
    recorded = [record for record in parsed.records if _makes_sense(record)]
    sensible = recorded if records else []
    kept, untried, session = _fitting(base, sensible)
    fitted = {*kept, *untried}
    dropped = [record for index, record in enumerate(sensible) if index not in fitted]
    near += [answer for at in parsed.lost_at for answer in either_side(records, at)]
    if parsed.torn:
        near += either_side(records, len(records))
    if cut is not None:
        near += either_side(records, 0)
    near += [answer for record in dropped for answer in answers(record)]
    near += unmatched
    return ReadBack(
        session=session,
        spoiled=len(spoiled),
        replayed=len(kept),
        unreadable=len(parsed.unreadable),
        torn=parsed.torn,
        senseless=len(records) - len(sensible),
        unfitting=len(dropped),
        untried=len(untried),
        unmatched=len(parsed.records) - len(records),
        another_copy=another_copy,
        # An entry takes some bytes: a number past what the journal could hold is no count.
        missing=missing(whole, recorded, session, room=len(raw) // MIN_ENTRY_BYTES),
        near=_named(session, near),
        unmatched_answers=_named(session, unmatched),
        appended=appended,
        second=second,
        changed=changed,
        changes_from=own,
        cut_short=cut,
    )


def _named(session: Session, near: Sequence[Answer]) -> tuple[Answer, ...]:
    """The answers of ``near`` the session has, once each, in order."""
    known = {(c.id, q.id) for c in session.candidates for q in session.bank.questions}
    return tuple(answer for answer in dict.fromkeys(near) if answer in known)


Spoiled = list[tuple[str, dict[str, Any]]]
"""Events left out of a snapshot, each with its table's name."""


def _sound(tables: dict[str, Any]) -> tuple[dict[str, Any], Spoiled]:
    """The snapshot's tables without the events that no longer read, and those left out.

    An event is left out when it is not a whole vote, note, reveal or decision,
    or names a member, candidate or question the session does not have: one
    spoilt byte there once made every vote in the file unreachable (found by a
    tester). A session that does not read as a whole is left to say so.
    """
    storage.check_tables(tables)
    record = tables[SESSION_TABLE].get("1", {})
    known = {
        "member": _ids(record.get("panel")),
        "candidate": _ids(record.get("candidates")),
        "question": _ids((record.get("bank") or {}).get("questions")),
    }
    sound, spoiled = dict(tables), []
    for name, event in EVENTS.items():
        sound[name] = {}
        for key, document in (tables.get(name) or {}).items():
            try:
                event.model.model_validate(document)
            except ValidationError:
                spoiled.append((name, document))
                continue
            if any(f in document and document[f] not in ids for f, ids in known.items()):
                spoiled.append((name, document))  # names someone or something not in it
            else:
                sound[name][key] = document
    return sound, spoiled


def _ids(entries: Any) -> set[Any]:
    """The ids of a list of members, candidates or questions as the file holds them."""
    if not isinstance(entries, list):
        return set()
    return {entry.get("id") for entry in entries if isinstance(entry, dict)}


def snapshot_of(path: Path) -> Path:
    """The snapshot a copy is named by: itself, or the one beside its journal."""
    return path.with_suffix(files.SUFFIX) if path.suffix == JOURNAL_SUFFIX else path


# -- which changes are replayed ----------------------------------------------------


def _makes_sense(record: Any) -> bool:
    """Whether a change can be applied (:func:`changes.well_formed`), each event in it
    whole. (Whether the events fit the session together is checked on the whole.)"""
    if not changes.well_formed(record):
        return False
    for op in record["ops"]:
        if op["t"] in EVENTS and "drop" not in op:
            try:
                for document in op.get("add", op.get("put")).values():
                    EVENTS[op["t"]].model.model_validate(document)
            except ValidationError:
                return False
    return True


def _replayed(base: dict[str, Any], records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The snapshot's tables with ``records`` applied (``base`` is left as it was)."""
    tables = copy.deepcopy(base)
    for record in records:
        changes.apply(tables, record)
    return tables


def _fitting(
    base: dict[str, Any], records: Sequence[dict[str, Any]]
) -> tuple[list[int], list[int], Session]:
    """Which of ``records`` (by index) still make a whole session together, which
    were left out untried, and the session they make.

    Usually all. When one left out was needed by later ones (a round begun,
    then voted in), the first that does not fit is found by halving and left
    out, and the rest tried again, so that only what needed the lost change is
    left out. After :data:`FIT_TRIES` such, the run that fits is kept and the
    rest are left out untried: each try replays and checks the whole session.
    """
    kept = list(range(len(records)))
    for found in range(FIT_TRIES + 1):
        session = _session_or_none(base, [records[index] for index in kept])
        if session is not None:
            return kept, [], session
        low, high = 0, len(kept) - 1  # the first ``low`` fit; all of them do not
        while low < high:
            middle = (low + high + 1) // 2
            if _session_or_none(base, [records[index] for index in kept[:middle]]):
                low = middle
            else:
                high = middle - 1
        if found == FIT_TRIES:
            # The snapshot alone is a session (read_back checks it first): a run fits.
            return (
                kept[:low],
                kept[low + 1 :],
                _session_of(_replayed(base, [records[index] for index in kept[:low]])),
            )
        del kept[low]
    raise AssertionError("unreachable")


def _session_or_none(base: dict[str, Any], records: Sequence[dict[str, Any]]) -> Session | None:
    """The session the snapshot's tables make with ``records`` applied, if they make one."""
    try:
        return _session_of(_replayed(base, records))
    except DamagedData:
        return None


def _session_of(tables: dict[str, Any]) -> Session:
    """The session the tables hold, each event table numbered from 1 again.

    Raises:
        DamagedData: they do not hold a whole, valid session.
    """
    storage.check_tables(tables)
    renumbered = dict(tables)
    for name in EVENT_TABLES:
        renumbered[name] = _closed_up(name, tables.get(name) or {})
    return session_from_tables(renumbered)


def _closed_up(name: str, table: dict[str, Any]) -> dict[str, Any]:
    """A table numbered from 1 without gaps; an undo's vote renumbered likewise.

    An undo of a vote that is missing is left out too: it would stand as a plain
    vote (of no value, or the one brought back), to be undone again.
    """
    place: dict[int, int] = {}  # a vote's place as recorded -> its place as kept
    documents: list[dict[str, Any]] = []
    for key in sorted(table, key=int):
        document = table[key]
        undoes = document.get("undoes") if name == "votes" else None
        if isinstance(undoes, int) and not isinstance(undoes, bool):
            # An undo names a vote before it, so that vote's new place is known.
            if undoes not in place:
                continue
            document = {**document, "undoes": place[undoes]}
        place[int(key) - 1] = len(documents)
        documents.append(document)
    return {str(number): document for number, document in enumerate(documents, 1)}
