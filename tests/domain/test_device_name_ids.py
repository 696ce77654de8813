"""A session stored before device names were refused stays readable."""

from __future__ import annotations

from pathlib import Path

from panel_tui.domain.store import Store
from tests.domain.builders import one_vote


def test_a_session_stored_with_a_device_name_id_is_not_set_aside_as_damaged(
    tmp_path: Path,
) -> None:
    # Before 4f536f8 import took the id "aux" (on Linux and macOS "aux.json" is
    # an ordinary file), and the panel voted in it. Refusing such ids on import
    # is right; but the same check on every read makes that session "damaged":
    # it is moved to damaged/ and no longer listed, opened or exported.
    store = Store(tmp_path / "sessions")
    store.save(one_vote("aux"))  # model_copy: the id as an older import took it
    assert (tmp_path / "sessions" / "aux.json").exists()
    assert [s.id for s in store.sessions()] == ["aux"]
    assert list(store.load("aux").votes)
    assert (tmp_path / "sessions" / "aux.json").exists()
