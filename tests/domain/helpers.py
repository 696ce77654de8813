"""What the domain tests share beyond the session builders: a store, HR's file, plain words.

``store`` is a pytest fixture: a module using it imports it by name and lists it
in ``__all__``, so that the import is kept.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from panel_tui.domain.store import OpenSession, Store
from panel_tui.domain.store.journal import FRAME
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.wording import LIBRARY_PHRASES
from tests.domain.builders import two_by_two

# The example of PRODUCT.md section 7: what HR may prepare by hand.
HR_FILE = {
    "format": "panel-tui/session",
    "version": 1,
    "id": "2026-11-23-support-worker",
    "title": "Support worker, November",
    "mode": "live",
    "settings": {"sealed": True, "weighting": "per_person"},
    "bank": {
        "id": "support-worker",
        "title": "Support worker",
        "questions": [
            {
                "id": "q1",
                "text": "Why this work?",
                "look_for": [],
                "weight": 1.0,
                "essential": False,
            }
        ],
    },
    "panel": [
        {"id": "m1", "name": "Sam", "pronouns": "they/them", "role": "lived_experience", "seat": 1}
    ],
    "candidates": [{"id": "c1", "code": "C1", "name": "Alex Doe"}],
    "votes": [
        {
            "candidate": "c1",
            "question": "q1",
            "member": "m1",
            "value": "up",
            "at": "2026-11-23T10:02:11Z",
        }
    ],
    "notes": [
        {
            "candidate": "c1",
            "question": "q1",
            "text": "Warm, specific.",
            "at": "2026-11-23T10:02:30Z",
        }
    ],
    "decisions": [{"candidate": "c1", "outcome": "recommend", "reason": "..."}],
    "an_extra_field_from_an_hr_system": {"kept": "out"},
}


def plain(message: str) -> str:
    """The message, after checking that none of pydantic's own words got through."""
    for phrase in LIBRARY_PHRASES:
        assert phrase.lower() not in message.lower(), message
    return message


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An empty sessions folder in tmp_path."""
    return Store(tmp_path / "sessions")


@contextmanager
def pipe_with_a_writer(path: Path, payload: bytes) -> Iterator[Path]:
    """A named pipe at ``path`` with a writer standing by to send ``payload``.

    Code that reads the pipe gets ``payload`` (and the test fails) rather than
    waiting for ever; the writer is let go afterwards, whatever happened.
    """
    os.mkfifo(path)

    def writer() -> None:
        # A reader that opens the pipe and lets go unread (as refusing it may) leaves
        # the write nowhere to go: that is the test passing, not a failure.
        with contextlib.suppress(BrokenPipeError), path.open("wb") as end:
            end.write(payload)

    standing_by = threading.Thread(target=writer, daemon=True)
    standing_by.start()
    try:
        yield path
    finally:
        reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        standing_by.join()
        os.close(reader)


@contextmanager
def laptop_zone(zone: str) -> Iterator[None]:
    """The laptop's clock in ``zone`` (an IANA name; needs ``time.tzset``, not on Windows)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", zone)
        time.tzset()
        try:
            yield
        finally:
            patch.undo()
            time.tzset()


# -- a damaged journal ---------------------------------------------------------------


def crash(opened: OpenSession) -> Path:
    """Leave a session as a crash would (its journal not folded in); its snapshot's path."""
    opened._db.storage.close()
    opened._lock.release()
    return opened.path


def journal_offsets(raw: bytes) -> list[int]:
    """Where each record of a journal begins (the header first)."""
    found, offset = [], 0
    while offset < len(raw):
        found.append(offset)
        length, _ = FRAME.unpack_from(raw, offset)
        offset += FRAME.size + length
    return found


def spoil_record(snapshot: Path, record: int) -> None:
    """Flip a byte in the body of one record of the snapshot's journal (0: the header)."""
    journal = journal_path(snapshot)
    raw = bytearray(journal.read_bytes())
    raw[journal_offsets(bytes(raw))[record] + FRAME.size + 3] ^= 0x20
    journal.write_bytes(bytes(raw))


def three_votes_the_second_spoilt(store: Store) -> Path:
    """Session s1 with up from m1, m2 and m3 on C1's Q1, m2's spoilt, after a crash."""
    opened = store.create(two_by_two("LLP"))
    for member in ("m1", "m2", "m3"):
        opened.record_vote("c1", "q1", member, "up")
    path = crash(opened)
    spoil_record(path, 2)
    return path
