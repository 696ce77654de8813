"""A journal with a long damaged tail is read in time that grows with its size, not its square."""

from __future__ import annotations

import contextlib
import random
import zlib

import pytest

from panel_tui.domain.store.journal import DamagedJournal, frame, parse


def test_a_long_garbage_tail_is_checked_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # After a bad record, every later offset is tried as the start of a good
    # record, and each try checksums up to the rest of the file: a few MB of
    # garbage (what some file systems leave after a crash, or any damaged file
    # up to the 64 MB the store reads) costs the square of its size. Measured:
    # 4 MB took 1 s, 8 MB 5 s, so 64 MB would keep `sessions list` and the home
    # screen busy for minutes, on every read. Counted here in bytes checksummed.
    size = 2 * 1024 * 1024
    garbage = random.Random(7).randbytes(size)
    raw = frame({"snapshot": "t"}) + frame({"ops": []}) + garbage
    checked = 0
    real = zlib.crc32

    def counting(data: bytes, value: int = 0) -> int:
        nonlocal checked
        checked += len(data)
        return real(data, value)

    monkeypatch.setattr(zlib, "crc32", counting)  # the module journal.py calls it through
    with contextlib.suppress(DamagedJournal):
        parse(raw)
    assert checked <= 8 * len(raw), f"{checked / len(raw):.0f} times the journal's size"
