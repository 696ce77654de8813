"""A disk that fails partway: what the panel is told must be what the disk holds."""

from __future__ import annotations

import errno
import os

import pytest

from panel_tui.domain.store import Store, StoreError
from tests.domain.builders import two_by_two
from tests.domain.helpers import store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def test_a_vote_said_not_saved_never_comes_back_when_the_cut_back_fails_too(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A USB stick or network drive that stops answering: the append's fsync
    # fails and so does the ftruncate that should take the record off again.
    # The record was written whole, so it is no torn tail: it is replayed.
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m2", "down")

    def failing(*_: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    monkeypatch.setattr(os, "ftruncate", failing)
    with pytest.raises(StoreError, match="could not be saved"):
        opened.record_vote("c1", "q1", "m1", "up")
    monkeypatch.undo()
    # The panel was told the up vote of m1 was not saved: it must not turn up
    # in the session as read from disk, nor on the screen after the next change.
    assert [v.member for v in store.load("s1").votes] == ["m2"]
    opened.record_vote("c1", "q2", "m3", "middle")
    assert [v.member for v in opened.session.votes] == ["m2", "m3"]
    opened.close()
