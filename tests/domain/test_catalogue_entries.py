"""A catalogue entry's start time is checked as its other fields are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from tests.domain.builders import titled


@pytest.fixture
def store(tmp_path: Path) -> Store:
    found = Store(tmp_path / "sessions")
    for n in range(2):
        found.save(titled(f"s{n}"))
    found.summaries()  # the catalogue is written
    return found


@pytest.mark.parametrize("created", ["2000-01-01T00:00:00", "2000-01-01"])
def test_a_start_time_without_a_zone_in_the_catalogue_is_no_traceback(
    store: Store, created: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # _from_doc checks every field's kind but takes any ISO text as "created":
    # one without a zone cannot be compared with the others' (TypeError).
    raw = json.loads(store.catalogue.path.read_bytes())
    first = next(iter(raw["sessions"].values()))
    first["created"] = created
    store.catalogue.path.write_text(json.dumps(raw))
    assert sorted(s.id for s in Store(store.root).summaries()) == ["s0", "s1"]
    assert main(["--data-dir", str(store.root), "sessions", "list"]) == 0
    assert "s0" in capsys.readouterr().out


def test_an_entry_number_in_superscript_digits_is_no_traceback(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # _Storage.decode takes str.isdigit() for "a number", and "²" is a digit to
    # it; TinyDB then reads the key with int() when the catalogue is brought up
    # to date: "ValueError: invalid literal for int() with base 10: '²'".
    store.catalogue.path.write_text('{"sessions": {"\u00b2": {}}}')
    assert sorted(s.id for s in Store(store.root).summaries()) == ["s0", "s1"]
    assert main(["--data-dir", str(store.root), "sessions", "list"]) == 0
    assert "s0" in capsys.readouterr().out
