"""Hostile files in the sessions folder: the tool names the damage and carries on.

Each test here was written to break a promise of the README: a damaged file is
never a traceback, and what the folder holds never runs on the terminal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from tests.domain.builders import two_by_two


def _session(session_id: str) -> Session:
    return two_by_two("LLP").model_copy(update={"id": session_id, "title": f"Title {session_id}"})


@pytest.fixture
def store(tmp_path: Path) -> Store:
    found = Store(tmp_path / "sessions")
    for n in range(2):
        found.save(_session(f"s{n}"))
    found.summaries()  # the catalogue is written
    return found


@pytest.mark.parametrize(
    "content",
    [
        b'{"sessions": []}',  # the table is a list
        b'{"sessions": null}',  # the table is null
        b'{"sessions": {"x": {}}}',  # an entry number that is not a number
        b'{"sessions": {"1": {"id": 5}}}',  # an id that is not text
    ],
)
def test_a_catalogue_of_the_wrong_shape_is_built_again_not_a_traceback(
    store: Store, content: bytes
) -> None:
    expected = sorted(s.id for s in Store(store.root).summaries())
    store.catalogue.path.write_bytes(content)
    assert sorted(s.id for s in Store(store.root).summaries()) == expected


def test_sessions_list_on_a_catalogue_of_the_wrong_shape_gives_no_traceback(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.catalogue.path.write_bytes(b'{"sessions": []}')
    assert main(["--data-dir", str(store.root), "sessions", "list"]) == 0
    out = capsys.readouterr().out
    assert "s0" in out and "s1" in out


def test_a_title_in_an_up_to_date_catalogue_entry_never_runs_on_the_terminal(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # The catalogue is a file in the folder like any other: an entry whose
    # files still match is trusted, so its title must be made printable too.
    raw = json.loads(store.catalogue.path.read_bytes())
    for entry in raw["sessions"].values():
        entry["title"] = "\x1b[31mRED\x1b]0;pwned\x07"
    store.catalogue.path.write_text(json.dumps(raw))
    assert main(["--data-dir", str(store.root), "sessions", "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out, repr(out)
