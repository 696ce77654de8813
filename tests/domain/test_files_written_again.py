"""The chair is told, once, when the session's files, changed or removed outside
panel-tui while the session is open, were written again from this window.

Found by a tester: the votes were kept (``test_files_removed.py``) but nothing said
that another program had been at the files, so nobody could ask IT to stop it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from panel_tui.domain.store import OpenSession, Store
from panel_tui.domain.store.loading import journal_path
from tests.domain.builders import two_by_two
from tests.domain.helpers import store

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _journal_removed(opened: OpenSession, _: Path) -> None:
    os.remove(journal_path(opened.path))


def _session_file_removed(opened: OpenSession, _: Path) -> None:
    opened.path.unlink()


def _older_session_file_put_back(opened: OpenSession, older: Path) -> None:
    shutil.copy2(older, opened.path)


def _nothing(opened: OpenSession, _: Path) -> None:
    opened.compact()  # the app's own rewrite (finishing, a long run) is not news


@pytest.mark.parametrize(
    ("done", "told"),
    [
        (_journal_removed, 1),
        (_session_file_removed, 1),
        # Last night's backup restored over it (OneDrive, a restore).
        (_older_session_file_put_back, 1),
        # Nobody touched the files: nothing to say, at any change.
        (_nothing, 0),
    ],
)
def test_files_written_again_are_told_once(
    store: Store, tmp_path: Path, done: Callable[[OpenSession, Path], None], told: int
) -> None:
    opened = store.create(two_by_two("LLP"))
    said: list[str] = []
    opened.on_written_again = said.append
    older = tmp_path / "older.json"
    shutil.copy2(opened.path, older)
    opened.record_vote("c1", "q1", "m1", "up")
    opened.compact()
    done(opened, older)
    opened.record_vote("c1", "q1", "m2", "down")
    # Once written again the files are whole: the next changes are not news.
    opened.add_note("c1", "q1", "Warm.")
    opened.record_vote("c1", "q1", "m3", "middle")
    assert len(said) == told, said
    for words in said:
        assert words.startswith("This session's files were changed or removed outside")
        assert words.endswith(f"away from {opened.path.parent}.")
        assert "wrote them again from this window, with every vote" in words


def test_files_written_again_twice_are_told_once_a_window(store: Store) -> None:
    # A sync tool at work all day would put the notice over the seats at every vote.
    opened = store.create(two_by_two("LLP"))
    said: list[str] = []
    opened.on_written_again = said.append
    for member in ("m1", "m2"):
        os.remove(journal_path(opened.path))
        opened.record_vote("c1", "q1", member, "up")
    assert len(said) == 1
    assert _votes_on_disk(store, opened) == {"m1", "m2"}


def _votes_on_disk(store: Store, opened: OpenSession) -> set[str]:
    return {v.member for v in Store(store.root).load(opened.session.id).votes}
