"""The store's durable writes, in the order a crash needs, each guarded against one slip.

Written by a mutation audit: each test failed with the slip its comment names
(an fsync left out), where no other domain or export test did. The calls are
recorded as made, so the tests hold on any disk, crash or none.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from panel_tui.domain.store.durable import write_atomically
from panel_tui.domain.store.journal import JournalFile

posix_only = pytest.mark.skipif(os.name == "nt", reason="folders are fsynced on POSIX only")


@contextmanager
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Each write, fsync (of a file or a folder), cut and replace, in the order made."""
    calls: list[str] = []
    real_write, real_fsync = os.write, os.fsync
    real_truncate, real_replace = os.ftruncate, os.replace

    def write(fd: int, data: bytes) -> int:
        calls.append("write")
        return real_write(fd, data)

    def fsync(fd: int) -> None:
        calls.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def ftruncate(fd: int, length: int) -> None:
        calls.append("cut")
        real_truncate(fd, length)

    def replace(source: str | Path, target: str | Path) -> None:
        calls.append("replace")
        real_replace(source, target)

    with monkeypatch.context() as patched:
        patched.setattr(os, "write", write)
        patched.setattr(os, "fsync", fsync)
        patched.setattr(os, "ftruncate", ftruncate)
        patched.setattr(os, "replace", replace)
        yield calls


@posix_only
def test_a_file_is_fsynced_before_its_rename_and_the_rename_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Protects write_atomically's two fsyncs: without the file's (write_all) a crash
    # can leave the new name on empty bytes; without the folder's, the old file back.
    path = tmp_path / "s1.json"
    path.write_bytes(b"old")
    with recorded(monkeypatch) as calls:
        write_atomically(path, b"new")
    assert calls == ["write", "fsync file", "replace", "fsync folder"]
    assert path.read_bytes() == b"new"


def test_each_journal_append_is_fsynced_before_it_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Protects the journal's promise that a vote acknowledged is on the disk: an
    # append whose fsync is left out returns with the record in the cache only.
    journal = JournalFile(tmp_path / "s1.journal")
    journal.reset("snapshot-token")
    with recorded(monkeypatch) as calls:
        journal.append(b"a record")
    journal.close()
    assert calls[-2:] == ["write", "fsync file"]


def test_a_journal_reset_makes_the_cut_durable_before_writing_the_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Protects reset's order: without the fsync after the cut, a crash can leave
    # old records behind the new header, replayed against the wrong snapshot.
    journal = JournalFile(tmp_path / "s1.journal")
    journal.reset("first")
    journal.append(b"an old record")
    with recorded(monkeypatch) as calls:
        journal.reset("second")
    journal.close()
    assert calls == ["cut", "fsync file", "write", "fsync file"]
