"""A session the last run did not close says so when it is opened again, and only then.

Found by a tester: after ``kill -9`` mid-interview the next start looked exactly
as after Ctrl+Q, and a nervous chair could not tell every vote shown was kept.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store import durable as durable_module
from panel_tui.domain.store.opened import NOT_CLOSED_LAST_TIME
from tests.domain.builders import two_by_two
from tests.domain.helpers import store
from tests.platforms import os_lock, posix_only

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def killed_while_open(store: Store) -> None:
    """A child opens the session, records a vote and is killed with SIGKILL: no clean-up."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the panel-tui that is killed mid-session
        try:
            opened = store.open("s1")  # kept open: never closed
            opened.record_vote("c1", "q1", "m1", "up")
            os.write(write_fd, b"vote")
            time.sleep(30)
        finally:
            os._exit(0)
    try:
        assert os.read(read_fd, 4) == b"vote"  # the vote is on disk: the screen shows it
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        os.close(write_fd)


@posix_only
@os_lock
def test_a_session_whose_process_was_killed_says_so_once_with_every_vote(store: Store) -> None:
    store.save(two_by_two("LLP"))
    killed_while_open(store)
    with store.open("s1") as opened:
        assert not opened.closed_properly_last_time
        assert [v.value for v in opened.session.votes] == ["up"]
    # Closed properly this time: the next opening says nothing.
    with store.open("s1") as opened:
        assert opened.closed_properly_last_time


def test_a_session_closed_properly_says_nothing(store: Store) -> None:
    with store.create(two_by_two("LLP")) as opened:
        assert opened.closed_properly_last_time  # new
        opened.record_vote("c1", "q1", "m1", "up")
        opened.move_to("c1", "q2")
    with store.open("s1") as opened:
        assert opened.closed_properly_last_time


def test_a_session_left_open_without_closing_says_so(store: Store) -> None:
    # As a kill leaves it, in one process: the open session let go of, never closed.
    opened = store.open(store.create(two_by_two("LLP")).session.id)
    opened.record_vote("c1", "q1", "m1", "up")
    opened._lock.release()  # the dead process's lock is free again
    with store.open("s1") as again:
        assert not again.closed_properly_last_time
        assert len(again.session.votes) == 1


def test_a_close_the_disk_refused_is_said_in_words_still_true(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files are as a crash leaves them, so the words say the program "may have" stopped."""
    opened = store.create(two_by_two("LLP"))
    opened.record_vote("c1", "q1", "m1", "up")

    def refused(*_: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as disk:
        disk.setattr(durable_module, "write_atomically", refused)
        opened.close()  # every vote is in the journal: the close says nothing
    with store.open("s1") as again:
        assert not again.closed_properly_last_time
        assert len(again.session.votes) == 1
    assert "was not closed properly last time" in NOT_CLOSED_LAST_TIME
    assert "(panel-tui or the computer stopped)" in NOT_CLOSED_LAST_TIME
    assert "Every vote shown before then was kept" in NOT_CLOSED_LAST_TIME


def test_a_closed_session_writes_nothing_more(store: Store) -> None:
    # Found by a review: the interview kept its time just after the session closed,
    # writing the journal without the lock; the next open then said it was not closed.
    store.save(two_by_two("LLP"))
    opened = store.open("s1")
    opened.record_vote("c1", "q1", "m1", "up")
    opened.close()
    on_disk = sorted((p.name, p.read_bytes()) for p in store.root.rglob("*") if p.is_file())
    with pytest.raises(StoreError, match="closed in this window: open it again"):
        opened.keep_time("c1", "q1", 45)
    with pytest.raises(StoreError, match="closed in this window"):
        opened.record_vote("c1", "q1", "m2", "up")
    assert sorted((p.name, p.read_bytes()) for p in store.root.rglob("*") if p.is_file()) == on_disk
    with store.open("s1") as again:
        assert again.closed_properly_last_time
