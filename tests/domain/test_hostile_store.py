"""Hostile files in the sessions folder: the tool names the damage and carries on.

Each test here was written to break a promise of the README: a damaged file is
never a traceback, and what the folder holds never runs on the terminal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from panel_tui.domain.store.journal import frame
from panel_tui.domain.store.loading import journal_path
from panel_tui.domain.text import RESERVED_NAMES
from tests.domain.builders import titled
from tests.domain.helpers import HR_FILE


@pytest.fixture
def store(tmp_path: Path) -> Store:
    found = Store(tmp_path / "sessions")
    for n in range(2):
        found.save(titled(f"s{n}"))
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


def _with_journal_record(store: Store, record: dict[str, Any]) -> None:
    """Session s0 with one vote, then a whole, checked journal record holding ``record``."""
    with store.open("s0") as opened:
        opened.record_vote("c1", "q1", "m1", "up")
    with journal_path(store.path("s0")).open("ab") as journal:
        journal.write(frame(record))


#: Records that are whole and pass their checksum but are not a change a
#: session can have: what a flipped bit before the checksum was taken, or
#: another program, leaves.
ODD_CHANGES = [
    {"ops": [{"t": "votes", "add": {"abc": {"x": 1}}}]},  # a document number that is not one
    {"ops": [{"t": "votes", "add": {"1" * 5000: {"x": 1}}}]},  # one too long to be a number
    {"ops": [{"t": "session", "put": {"1": 5}}]},  # the session document is not a record
    {"ops": [{"t": "session", "drop": True}]},  # the session table dropped
]


@pytest.mark.parametrize("record", ODD_CHANGES)
def test_a_journal_change_a_session_cannot_have_is_named_as_damage_not_a_traceback(
    store: Store, record: dict[str, Any]
) -> None:
    _with_journal_record(store, record)
    listed = Store(store.root).summaries()
    assert [s.id for s in listed] == ["s1"]


@pytest.mark.parametrize("record", ODD_CHANGES)
def test_export_of_a_session_whose_journal_holds_an_odd_change_says_so_plainly(
    store: Store, record: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    _with_journal_record(store, record)
    code = main(["--data-dir", str(store.root), "export", "s0", "--format", "json"])
    err = capsys.readouterr().err
    assert code != 0 and "s0" in err and "damaged" in err, err


@pytest.mark.parametrize("session_id", ["con", "NUL", "aux", "COM1", "lpt9", "prn"])
def test_a_session_id_windows_keeps_for_a_device_never_names_a_file(
    tmp_path: Path, session_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # On Windows ``nul.json`` is the null device, whatever the extension: votes
    # written there are gone. The exports already avoid these names
    # (``RESERVED_NAMES``); a session's id, taken verbatim from an imported
    # file, must not name such a file either.
    source = tmp_path / "hr.json"
    source.write_text(json.dumps({**HR_FILE, "id": session_id}))
    data = tmp_path / "sessions"
    code = main(["--data-dir", str(data), "import", str(source)])
    capsys.readouterr()
    stems = {p.name.split(".")[0].lower() for p in data.iterdir()} if data.exists() else set()
    assert code != 0 or not (stems & RESERVED_NAMES), sorted(stems)


def test_a_sessions_folder_name_with_escape_sequences_is_not_echoed_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `panel-tui --data-dir "$X" sessions list` with a name from elsewhere:
    # every other command prints such a name through printable().
    folder = tmp_path / "\x1b[31mX\x1b]0;pwned\x07"
    assert main(["--data-dir", str(folder), "sessions", "list"]) == 1  # not there: said
    folder.mkdir()
    assert main(["--data-dir", str(folder), "sessions", "list"]) == 0  # empty: said
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "There is no sessions folder" in said and "No sessions in the folder" in said
    assert "\x1b" not in said and "\x07" not in said, repr(said)


def test_sessions_delete_never_runs_a_catalogued_title_on_the_terminal(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = json.loads(store.catalogue.path.read_bytes())
    for entry in raw["sessions"].values():
        entry["title"] = "\x1b[2J\x1b]0;pwned\x07"
        entry["created"] = "2000-01-01T00:00:00+00:00"
    store.catalogue.path.write_text(json.dumps(raw))
    main(["--data-dir", str(store.root), "sessions", "delete", "--older-than", "1", "--yes"])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "\x1b" not in said and "\x07" not in said, repr(said)


def test_delete_older_than_never_deletes_a_new_session_on_a_damaged_catalogues_word(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # The catalogue "only ever saves reading". A damaged entry (its files
    # still match, so it is trusted) that gives an old start date must not
    # get a session started today deleted, with every vote in it.
    with store.open("s0") as opened:
        opened.record_vote("c1", "q1", "m1", "up")
    store.summaries()
    raw = json.loads(store.catalogue.path.read_bytes())
    for entry in raw["sessions"].values():
        entry["created"] = "2000-01-01T00:00:00+00:00"
    store.catalogue.path.write_text(json.dumps(raw))
    main(["--data-dir", str(store.root), "sessions", "delete", "--older-than", "30", "--yes"])
    capsys.readouterr()
    assert Store(store.root).exists("s0") and Store(store.root).exists("s1")


@pytest.mark.parametrize("damage", ["snapshot", "journal"])
def test_import_replace_over_a_damaged_session_keeps_it_and_says_so_plainly(
    store: Store, tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with store.open("s0") as opened:
        opened.record_vote("c1", "q1", "m1", "up")
    snapshot = store.path("s0")
    if damage == "snapshot":
        snapshot.write_bytes(b'{"session": {"1": {"title": ')
    else:  # a bad record with a good one after it: damage, not a torn tail
        with journal_path(snapshot).open("ab") as journal:
            journal.write(b"\x00\x00\x00\x05\xde\xad\xbe\xefjunk!" + frame({"ops": []}))
    before = snapshot.read_bytes()
    source = tmp_path / "s0.json"
    source.write_text(json.dumps({**HR_FILE, "id": "s0"}))
    code = main(["--data-dir", str(store.root), "import", "--replace", str(source)])
    err = capsys.readouterr().err
    assert "s0" in err, err
    # Refused, or done with the damaged files kept: never a traceback, never lost.
    if code != 0:
        assert snapshot.read_bytes() == before
    else:
        folders = [store.root / name for name in ("replaced", "damaged")]
        kept = [path for folder in folders if folder.exists() for path in folder.iterdir()]
        assert before in [path.read_bytes() for path in kept], "the damaged session was not kept"


def test_a_lone_surrogate_in_a_catalogued_title_is_no_traceback(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # JSON allows "\ud800"; the session files refuse it, the catalogue trusts it,
    # and printing it raises UnicodeEncodeError on a UTF-8 terminal.
    raw = json.loads(store.catalogue.path.read_bytes())
    for entry in raw["sessions"].values():
        entry["title"] = "Round \ud800 one"
    store.catalogue.path.write_text(json.dumps(raw))
    code = main(["--data-dir", str(store.root), "sessions", "list"])
    out = capsys.readouterr().out
    assert code == 0
    out.encode("utf-8")  # what a UTF-8 terminal is sent


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
