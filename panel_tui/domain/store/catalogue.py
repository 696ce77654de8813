"""The catalogue: one small TinyDB file of session summaries, so a list reads no session.

``catalogue.tinydb`` in the sessions folder holds a summary of each session and
the size, modification time and file number of the session's snapshot and
journal when the summary was taken. An entry whose files have changed since
(votes appended since the last compaction, a file copied in by hand, a crash),
or a session with no entry, is rebuilt from that one session; an entry whose
session is gone is dropped. The catalogue only ever saves reading: when it is
missing or damaged it is built again from the sessions.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from panel_tui.domain.models import Session
from panel_tui.domain.sessions import DEMO_TITLE
from panel_tui.domain.store.files import SUFFIX, TEMP_MARK, WINDOWS, UnsafeFile
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.store.place import SessionsFolder
from panel_tui.domain.store.storage import AtomicJSONStorage, DamagedData
from panel_tui.domain.text import unsafe_character

CATALOGUE_NAME = "catalogue.tinydb"
TABLE = "sessions"


@dataclass(frozen=True)
class SessionSummary:
    """What a list of sessions shows of one session."""

    id: str
    title: str
    mode: str
    created: datetime
    finished: bool
    candidates: int
    votes: int
    """Vote events, changes and undos included (``sessions list --json`` vote_events)."""
    standing_votes: int = 0
    """Votes that stand (changes and undos not counted twice): the count people see."""
    questions: int = 0
    where: tuple[str, int] | None = None
    """Where an unfinished session is: the candidate's label and the question's number."""
    codes: tuple[str, ...] = ()
    """The candidates' codes, in order: HR tells sessions prepared one a candidate apart."""


def summarise(session: Session) -> SessionSummary:
    """The summary of a session."""
    where = None
    questions = [q.id for q in session.bank.questions]
    labels = {c.id: c.label for c in session.candidates}
    cursor = session.cursor
    # A cursor naming what is not there (only code that skips validation can make
    # one) leaves the position unsaid rather than stopping the list.
    if (
        cursor is not None
        and not session.finished
        and cursor.question in questions
        and cursor.candidate in labels
    ):
        where = (labels[cursor.candidate], session.bank.number(cursor.question))
    return SessionSummary(
        id=session.id,
        title=session.title,
        mode=session.mode,
        created=session.created,
        finished=session.finished,
        candidates=len(session.candidates),
        votes=len(session.votes),
        standing_votes=session.standing_votes(),
        questions=len(questions),
        where=where,
        codes=tuple(c.code for c in session.candidates),
    )


Stamp = list[int] | None


def stamp(path: Path) -> Stamp:
    """Size, modification time and file number: any write changes one of them.

    A compaction replaces the snapshot by a new file (a new number) and an
    append makes the journal longer, so two states of a session never share
    a stamp, however coarse the clock.
    """
    try:
        status = path.stat()
    except OSError:
        # Gone, or never readable (a link to itself, found by a tester, stopped
        # every list): no stamp, and reading the session says what is wrong.
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def stamps(snapshot: Path) -> list[Stamp]:
    """The stamps of a session's snapshot and journal."""
    return [stamp(snapshot), stamp(journal_path(snapshot))]


def _to_doc(summary: SessionSummary, files: list[Stamp]) -> dict[str, Any]:
    doc = asdict(summary)
    doc["created"] = summary.created.isoformat()
    doc["where"] = list(summary.where) if summary.where else None
    doc["files"] = files
    return doc


def _from_doc(doc: dict[str, Any]) -> SessionSummary:
    """The summary an entry holds.

    The catalogue is a file in the folder like any other, so an entry is
    checked as a session file would be: the right kind of value in each field,
    and text that is safe to show (a title can reach the terminal).

    Raises:
        ValueError: the entry is not one panel-tui wrote; its session is read instead.
    """
    fields = {k: v for k, v in doc.items() if k != "files"}
    texts = [fields.get(name) for name in ("id", "title", "mode", "created")]
    codes = fields.get("codes")
    if not isinstance(codes, list):  # an entry from before codes were kept: read again
        raise ValueError("not a catalogue entry")
    title = fields.get("title")
    if fields.get("mode") == "live" and isinstance(title, str) and title.startswith(DEMO_TITLE):
        raise ValueError("perhaps a demo made before it was a kind of its own: read again")
    texts += codes
    where = fields.get("where")
    if where is not None:
        if not (isinstance(where, list) and len(where) == 2 and _is_count(where[1])):
            raise ValueError("not a catalogue entry")
        texts.append(where[0])
    counts = [
        fields.get(name, 0) for name in ("candidates", "votes", "standing_votes", "questions")
    ]
    if not (
        all(
            isinstance(text, str) and unsafe_character(text, multiline=False) is None
            for text in texts
        )
        and all(_is_count(count) for count in counts)
        and isinstance(fields.get("finished"), bool)
    ):
        raise ValueError("not a catalogue entry")
    fields["created"] = datetime.fromisoformat(fields["created"])
    if fields["created"].tzinfo is None:  # every time panel-tui keeps has its zone
        raise ValueError("not a catalogue entry")
    fields["where"] = tuple(where) if where else None
    fields["codes"] = tuple(codes)
    return SessionSummary(**fields)


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


class _Storage(AtomicJSONStorage):
    def decode(self, raw: bytes) -> dict[str, Any]:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise DamagedData("not JSON") from None
        # TinyDB reads a table as entries numbered "1", "2"...: any other shape is
        # damage, and the catalogue is built again from the sessions.
        if not isinstance(data, dict):
            raise DamagedData("not a catalogue")
        table = data.get(TABLE, {})
        if not isinstance(table, dict) or not all(
            isinstance(key, str) and key.isascii() and key.isdigit() and isinstance(doc, dict)
            for key, doc in table.items()
        ):
            raise DamagedData("not a catalogue")
        return data


@dataclass
class Checked:
    """The catalogue checked against the files in the folder."""

    fresh: dict[str, SessionSummary] = field(default_factory=dict)
    """Entries whose files are as they were when the summary was taken."""
    outdated: dict[str, SessionSummary] = field(default_factory=dict)
    """Entries whose files changed since: good enough to show until rebuilt."""
    stale: list[Path] = field(default_factory=list)
    """Session files to read again: their entry is out of date or missing."""
    gone: set[str] = field(default_factory=set)
    """Entries with no session file any more."""


class Catalogue:
    """The summaries of the sessions in one folder.

    Args:
        folder: the sessions folder (the store's own), checked before each write.
    """

    def __init__(self, folder: SessionsFolder) -> None:
        self.path = folder.root / CATALOGUE_NAME
        self._folder = folder

    def clean(self, older_than: float = 60.0) -> None:
        """Remove temporary files a crash mid-write left (not one being written now)."""
        for temp in self.path.parent.glob(f".{CATALOGUE_NAME}{TEMP_MARK}*"):
            with contextlib.suppress(OSError):
                if time.time() - temp.lstat().st_mtime > older_than:
                    temp.unlink()

    def _docs(self) -> list[dict[str, Any]]:
        """The entries as stored (the storage's tables, not a Document per entry)."""
        try:
            with TinyDB(self.path, storage=_Storage) as db:
                tables = db.storage.read() or {}
        except (OSError, DamagedData, UnsafeFile):
            return []  # built again from the sessions
        table = tables.get(TABLE)
        return (
            [doc for doc in table.values() if isinstance(doc, dict)]
            if isinstance(table, dict)
            else []
        )

    def _files_here(self) -> dict[str, Stamp]:
        """Every snapshot and journal in the folder with its stamp, from one pass over it.

        Session snapshots are the ``*.json`` names not starting with a dot. On
        Windows a folder listing gives no file number, so the files are then
        stamped one by one, as :func:`stamp` records them.
        """
        found: dict[str, Stamp] = {}
        with contextlib.suppress(OSError), os.scandir(self.path.parent) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(".") or not name.endswith((SUFFIX, JOURNAL_SUFFIX)):
                    continue
                with contextlib.suppress(OSError):
                    if WINDOWS:
                        found[name] = stamp(Path(entry.path))
                    else:
                        status = entry.stat(follow_symlinks=False)
                        found[name] = [status.st_size, status.st_mtime_ns, status.st_ino]
        return found

    def check(self) -> Checked:
        """Compare each entry with its session's files (one pass over the folder)."""
        here = self._files_here()
        docs: dict[str, dict[str, Any] | None] = {}
        for entry in self._docs():
            if isinstance(entry.get("id"), str):  # else the session is read instead
                docs[entry["id"]] = entry
        checked = Checked()
        folder = self.path.parent
        for name in sorted(n for n in here if n.endswith(SUFFIX)):
            session_id = name[: -len(SUFFIX)]
            doc = docs.pop(session_id, None)
            summary = None
            if doc is not None:
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    summary = _from_doc(doc)
            now = [here[name], here.get(session_id + JOURNAL_SUFFIX)]
            if summary is not None and doc is not None and doc.get("files") == now:
                checked.fresh[session_id] = summary
                continue
            if summary is not None:
                checked.outdated[session_id] = summary
            checked.stale.append(folder / name)
        checked.gone = set(docs)
        return checked

    def update(
        self, put: Sequence[tuple[SessionSummary, list[Stamp]]], remove: Iterable[str] = ()
    ) -> None:
        """Put these summaries in (each with the stamps taken before its session was read).

        Two writes, each atomic: a crash between them loses entries, which are
        then rebuilt from their sessions. Two processes may race; the loser's
        entries are found out of date and rebuilt.

        Raises:
            OSError: the folder refuses.
        """
        ids = {summary.id for summary, _ in put} | set(remove)
        if not ids:
            return
        self._folder.check()  # never written into a folder made again, or a stick's mount point
        entry = Query()
        with TinyDB(self.path, storage=_Storage) as db:
            table = db.table(TABLE)
            try:
                table.remove(entry.id.one_of(sorted(ids)))
            except (DamagedData, UnsafeFile):
                # Only copies were in it (or a link was put in its place, which
                # the write replaces, never follows): the sessions fill it in.
                db.storage.write({TABLE: {}})
            if put:
                table.insert_multiple(_to_doc(summary, files) for summary, files in put)


def newest_first(summaries: Iterable[SessionSummary]) -> list[SessionSummary]:
    """Summaries newest first, as every list of sessions shows them."""
    # Made in the same second (prepare run for each candidate): "... (10)" before
    # "... (2)" before the first, as they were made, not by the id's random part.
    return sorted(summaries, key=lambda s: (s.created, _numbered(s.title), s.id), reverse=True)


def practice_apart(
    summaries: Iterable[SessionSummary],
) -> tuple[list[SessionSummary], list[SessionSummary]]:
    """The interview sessions (the demo's too), then the practice ones, each in order.

    Every list of sessions shows practice apart, so a rehearsal is never taken
    for a real round.
    """
    summaries = list(summaries)
    return (
        [s for s in summaries if s.mode != "practice"],
        [s for s in summaries if s.mode == "practice"],
    )


def _numbered(title: str) -> tuple[str | int, ...]:
    """A title to sort by, its numbers as numbers: "x (10)" after "x (9)".

    Only the parts split off as ASCII digits are numbers ("²" is a digit to
    ``str.isdigit`` but no number ``int`` reads).
    """
    parts = re.split(r"([0-9]+)", title)
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


#: How many sessions a mistyped id is said to resemble, at most.
MOST_RESEMBLING = 3


def resembling(summaries: Iterable[SessionSummary], typed: str) -> list[SessionSummary]:
    """The sessions someone who typed ``typed`` for an id most likely meant, newest first.

    An id typed without its random ending (``2026-11-25-support-worker``), a
    session's title typed instead of its id, or an id with a slip of the keys.
    """
    wanted = typed.strip().casefold()
    if not wanted:
        return []
    listed = newest_first(summaries)
    found = [
        s
        for s in listed
        if s.id.casefold().startswith(wanted) or (len(wanted) >= 3 and wanted in s.title.casefold())
    ]
    if not found:
        close = set(
            difflib.get_close_matches(wanted, [s.id.casefold() for s in listed], cutoff=0.8)
        )
        found = [s for s in listed if s.id.casefold() in close]
    return found[:MOST_RESEMBLING]
