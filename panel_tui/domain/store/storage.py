"""A session's tables: their bytes, their mapping to a Session, and a whole-file storage.

A session holds five TinyDB tables: ``session`` (one document: the bank copy,
panel, candidates, settings and where the panel is) and the event logs
``votes``, ``notes``, ``reveals`` and ``decisions`` (a document per event, in
order). They are kept as a snapshot, ``<id>.json`` in TinyDB's own format, and
the journal of changes since, ``<id>.journal`` (see :mod:`journal` for its
records and :mod:`journaled` for the TinyDB storage that writes them).
:class:`AtomicJSONStorage` rewrites a whole small file atomically (the
catalogue).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb.storages import Storage

from panel_tui.domain.models import Session
from panel_tui.domain.sessions import as_made
from panel_tui.domain.store import durable, files
from panel_tui.domain.strict_json import (
    JSONProblem,
    blank,
    strict_json_leading,
    strict_json_loads,
)
from panel_tui.domain.wording import problems

EVENT_TABLES = ("votes", "notes", "reveals", "decisions")
SESSION_TABLE = "session"
#: TinyDB's document ids: a whole number, written in ASCII digits.
DOC_ID = re.compile(r"[0-9]{1,12}")


class DamagedData(Exception):
    """The bytes of a session file are not a session."""


class EmptyFile(DamagedData):
    """Nothing in the session file but white space."""


class NotASession(DamagedData):
    """Whole JSON, but not panel-tui's: another program's file in the folder."""


class DamagedChanges(DamagedData):
    """The session file reads, but its record of changes (the journal) is damaged.

    Said of the journal, never of the session file (found by a tester: a damaged
    change in the journal was told as the session file being damaged).
    """


def decode(raw: bytes) -> dict[str, Any]:
    """Parse a session file's bytes into TinyDB's tables.

    TinyDB would treat an empty file as an empty database and the next write
    would destroy what was there, so an empty file is damaged here.
    """
    if blank(raw):
        raise EmptyFile("the file is empty")
    try:
        data = strict_json_loads(raw)
    except JSONProblem as problem:
        raise DamagedData(str(problem)) from None
    return _as_tables(data)


def _as_tables(data: Any) -> dict[str, Any]:
    """JSON read from a session file, checked to be a session's tables."""
    if not isinstance(data, dict) or SESSION_TABLE not in data:
        raise NotASession("it does not hold a panel-tui session")
    check_tables(data)
    return data


def decode_leading(raw: bytes) -> tuple[dict[str, Any], int]:
    """A session file's tables as :func:`decode` reads them, and how many bytes were left
    out after them: when the file is not a session as a whole, the JSON at its start is
    read, if it is one and something that is not part of it follows.

    For getting a session back only (:mod:`salvage`): a sync tool or a bad copy can add
    bytes after a sound session, which opening refuses, so that it is set aside and said.

    Raises:
        DamagedData: the file, as a whole, is not a session (as :func:`decode` says), and
            the JSON at its start is none either.
    """
    try:
        return decode(raw), 0
    except NotASession:
        raise
    except DamagedData as damage:
        try:
            value, used = strict_json_leading(raw)
            return _as_tables(value), len(raw) - used
        except (JSONProblem, DamagedData):
            raise damage from None


def session_id_in(path: Path) -> str | None:
    """The id of the session ``path``'s snapshot holds, or ``None`` if that cannot be read."""
    try:
        return session_id_of(decode(files.read_regular(path)))
    except (OSError, DamagedData):  # an unsafe file is an OSError too
        return None


def session_id_of(tables: Mapping[str, Any]) -> str | None:
    """The id the session table of ``tables`` names (``None``: none that reads)."""
    held = (tables[SESSION_TABLE].get("1") or {}).get("id")
    return held if isinstance(held, str) else None


def check_tables(data: Mapping[str, Any]) -> None:
    """Check that the tables are a session's, as a file holds them or a journal leaves them.

    Raises:
        DamagedData: the session table is missing, or a table is not numbered records.
    """
    if SESSION_TABLE not in data:
        raise DamagedData(f"its {SESSION_TABLE} table is missing")
    for name in (SESSION_TABLE, *EVENT_TABLES):
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise DamagedData(f"its {name} table is not a table")
        if not all(DOC_ID.fullmatch(key) and isinstance(doc, dict) for key, doc in table.items()):
            raise DamagedData(f"its {name} table holds an entry that is not a record")


def own_bytes(tables: Mapping[str, Any]) -> int:
    """How long the session's own record is, as a change writes it whole into the journal
    (the bound of a crash's torn tail: see :func:`journal.longest_change`)."""
    own = json.dumps(tables.get(SESSION_TABLE), ensure_ascii=False, separators=(",", ":"))
    return len(own.encode())


def dumps(data: Mapping[str, Any]) -> bytes:
    """TinyDB's tables as the bytes of a file (as TinyDB's own storage writes them), the
    session's own table first: a file cut short (half a copy) then keeps what names
    the session and the votes that came before the cut, which can be read back (a
    tester's half copy lost the table, written after the votes, and with it every vote)."""
    first = {SESSION_TABLE: data[SESSION_TABLE]} if SESSION_TABLE in data else {}
    return json.dumps({**first, **data}, ensure_ascii=False).encode()


class AtomicJSONStorage(Storage):
    """A TinyDB storage that keeps the tables in memory and writes atomically.

    The file is parsed once; later reads return the tables in memory. TinyDB
    changes the dict it read before it writes, so when a write fails the memory
    is dropped and the next read parses the file again: memory never shows a
    change that is not on disk.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        """The tables, parsed from disk on the first read (``None`` for a new file)."""
        if self._data is None:
            try:
                raw = files.read_regular(self._path)
            except FileNotFoundError:
                return None
            self._data = self.decode(raw)
        return self._data

    def decode(self, raw: bytes) -> dict[str, Any]:
        """Parse the file's bytes (a session's, unless a subclass says otherwise)."""
        return decode(raw)

    def write(self, data: dict[str, Any]) -> None:
        """Write every table, durably, before the change counts as made."""
        try:
            durable.write_atomically(self._path, dumps(data))
        except BaseException:
            self._data = None
            raise
        self._data = data

    def close(self) -> None:
        """Nothing is held open between writes."""


def tables_to_record(tables: Mapping[str, Any]) -> dict[str, Any]:
    documents = tables[SESSION_TABLE]
    if "1" not in documents:
        raise DamagedData("it does not hold a panel-tui session")
    record = dict(documents["1"])
    for name in EVENT_TABLES:
        table = tables.get(name) or {}
        record[name] = [table[key] for key in sorted(table, key=int)]
    return record


def record_to_tables(session: Session) -> dict[str, Any]:
    record = session.model_dump(mode="json")
    tables: dict[str, Any] = {
        name: {str(n): doc for n, doc in enumerate(record.pop(name), 1)} for name in EVENT_TABLES
    }
    tables[SESSION_TABLE] = {"1": record}
    return tables


def session_from_tables(tables: Mapping[str, Any]) -> Session:
    """Read a session from TinyDB's tables.

    Raises:
        DamagedData: the tables are not a complete, valid session.
    """
    record = tables_to_record(tables)
    try:
        return as_made(Session.model_validate(record))
    except ValidationError as error:
        raise DamagedData(problems(error, record)[0]) from None
