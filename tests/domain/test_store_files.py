"""No file, link or byte tricks the store (issue 8): strict JSON, plain files only.

Modes, unreadable files and the words for what did not happen are in
test_store_permissions.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.banks import BankError, parse_bank
from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.importing import SessionFileError, parse_session
from panel_tui.domain.store import SessionNotFound, Store, StoreError
from panel_tui.domain.store import files as files_module
from panel_tui.domain.store.errors import DamagedFile, SkippedFile
from panel_tui.domain.strict_json import JSONProblem, strict_json_leading, strict_json_loads
from tests.domain.builders import one_vote
from tests.domain.helpers import store
from tests.platforms import os_lock, posix_only

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


# ------------------------------------------------------------ strict JSON


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the same key twice keeps only the last in Python's json: refused
        ('{"votes": [1], "votes": []}', 'the key "votes" is given twice'),
        ('{"a": {"b": 1, "b": 2}}', 'the key "b" is given twice'),
        # more digits than any count: Python would raise a bare ValueError past 4,300
        ('{"n": ' + "9" * 5000 + "}", "more than 100 digits"),
        ('{"n": -' + "9" * 101 + "}", "more than 100 digits"),
        # numbers JSON does not have, or that overflow to infinity
        ('{"n": NaN}', "NaN"),
        ('{"n": -Infinity}', "-Infinity"),
        ('{"n": 1e400}', "too large"),
        # nesting Python cannot follow
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a": 1', "not complete JSON, line 1"),
    ],
)
def test_strict_json_refuses_what_loses_or_hides_data(text: str, reason: str) -> None:
    with pytest.raises(JSONProblem) as refused:
        strict_json_loads(text.encode())
    assert reason in str(refused.value)


@pytest.mark.parametrize(
    ("raw", "value", "taken"),
    [
        (b'{"a": 1}\x00\x00garbage', {"a": 1}, 8),
        (b'\xef\xbb\xbf {"a": "\xc3\xa9"}\n\xff\xfe', {"a": "\u00e9"}, 16),  # mark, space
        (b'{"a": 1}{"a": 1', {"a": 1}, 8),  # a second copy, cut short
    ],
)
def test_strict_json_reads_the_value_at_the_start_and_says_where_it_ends(
    raw: bytes, value: object, taken: int
) -> None:
    assert strict_json_leading(raw) == (value, taken)
    # Read whole, it is refused (what follows is not UTF-8, or is said to follow it).
    with pytest.raises(JSONProblem, match=r"not UTF-8 text|not part of it follows its end"):
        strict_json_loads(raw)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'garbage{"a": 1}', "not complete JSON"),
        (b'{"a": 1', "not complete JSON"),
        (b'{"a": 1, "a": 2}junk', "given twice"),
        (b'{"n": NaN}junk', "NaN"),
        (b'{"a": "\x80"}junk', "not UTF-8"),
    ],
)
def test_strict_json_reading_the_start_refuses_as_strictly(raw: bytes, reason: str) -> None:
    with pytest.raises(JSONProblem, match=reason):
        strict_json_leading(raw)


def test_strict_json_reads_plain_json_with_a_byte_order_mark() -> None:
    assert strict_json_loads('\ufeff{"a": [1, 2.5, "x"], "b": {"a": 1}}'.encode()) == {
        "a": [1, 2.5, "x"],
        "b": {"a": 1},
    }
    with pytest.raises(JSONProblem, match="not UTF-8"):
        strict_json_loads(b'{"a": "\xe9"}')
    # Where: for whoever mends a damaged session file by hand (found by a tester).
    with pytest.raises(JSONProblem, match=r"^it is not UTF-8 text, line 3$"):
        strict_json_loads(b'{\n"a": 1,\n"b": "\x80"}')
    with pytest.raises(JSONProblem, match=r"^it is not UTF-8 text, line 4$"):  # as Notepad saves
        strict_json_loads(b'\xef\xbb\xbf{\n"a": 1,\n"b": 2,\n"c": "\x80"}')


def test_a_session_file_with_a_key_twice_is_set_aside_not_rewritten(store: Store) -> None:
    store.save(one_vote("s1"))
    store.save(one_vote("s2"))
    path = store.root / "s2.json"
    text = path.read_text()
    # "votes" twice: the first holds the vote, the second is empty.
    doubled = text[:-1] + ', "votes": {}}'
    path.write_text(doubled)
    assert [s.id for s in store.sessions()] == ["s1"]
    (found,) = store.damaged
    assert isinstance(found, DamagedFile) and 'the key "votes" is given twice' in str(found)
    assert found.moved_to is not None and found.moved_to.read_text() == doubled
    with pytest.raises(SessionNotFound):
        store.open("s2")  # nothing at s2.json to be rewritten without the vote


def test_import_with_a_key_twice_is_refused_naming_the_key() -> None:
    record = json.loads(export_json(one_vote()))
    text = json.dumps(record)[:-1] + ', "votes": []}'
    with pytest.raises(SessionFileError) as refused:
        parse_session(text.encode(), "hr.json")
    assert (
        str(refused.value)
        == 'hr.json: cannot be read: the key "votes" is given twice in one place.'
    )


def test_import_with_a_huge_number_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = export_json(one_vote()).replace('"seat": 1', '"seat": ' + "1" * 5000)
    source = tmp_path / "big.json"
    source.write_text(record)
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(source)]) == 1
    assert "big.json: cannot be read: it holds a number with more than 100 digits." in (
        capsys.readouterr().err
    )


# ----------------------------------------------------------- malformed files


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        # a vote under a key that is not a number
        (lambda t: t["votes"].update({"x": t["votes"]["1"]}), "votes table holds an entry"),
        # an event table that is a list
        (lambda t: t.update({"votes": [1, 2]}), "votes table is not a table"),
        # the session document is a string
        (lambda t: t["session"].update({"1": "hello"}), "session table holds an entry"),
        # a table that is a string
        (lambda t: t.update({"session": "x"}), "session table is not a table"),
    ],
)
def test_a_malformed_session_file_is_named_and_set_aside_and_the_rest_work(
    store: Store, change: object, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store.save(one_vote("s1"))
    store.save(one_vote("s2"))
    path = store.root / "s2.json"
    tables = json.loads(path.read_text())
    change(tables)  # type: ignore[operator]
    path.write_text(json.dumps(tables))
    # The command line, as a chair would: no traceback, s2 named, s1 listed.
    assert main(["--data-dir", str(store.root), "sessions", "list"]) == 0
    out, err = capsys.readouterr()
    assert "s1  Test" in out and "s2" not in out
    assert "s2.json is damaged" in err and reason in err and "Traceback" not in err
    assert not path.exists()
    with Store(store.root).open("s1") as opened:
        opened.record_vote("c1", "q1", "m2", "down")


def test_a_session_with_a_huge_number_is_set_aside(store: Store) -> None:
    store.save(one_vote("s1"))
    path = store.root / "s1.json"
    text = path.read_text()
    assert '"seat": 1' in text
    path.write_text(text.replace('"seat": 1', '"seat": ' + "1" * 5000))
    assert store.sessions() == []
    (found,) = store.damaged
    assert "more than 100 digits" in str(found)


def test_a_bank_with_a_huge_number_is_refused_naming_the_line() -> None:
    raw = b'id = "x"\ntitle = "t"\n[[questions]]\nid = "q1"\ntext = "Why?"\nweight = '
    with pytest.raises(BankError) as refused:
        parse_bank(raw + b"1" * 5000 + b"\n", "banks/x.toml")
    assert [str(p) for p in refused.value.problems] == [
        "banks/x.toml, line 6: The line holds a number too long to read"
    ]


# ------------------------------------------------ links, pipes, devices, size


@posix_only
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: os.mkfifo(p), "it is a pipe, a device or a socket"),
        (lambda p: p.symlink_to("/dev/zero"), "it is a link"),
        (lambda p: p.mkdir(), "it is a folder"),
    ],
)
def test_a_pipe_device_link_or_folder_named_json_is_named_and_skipped(
    store: Store, make: object, reason: str
) -> None:
    store.save(one_vote("s1"))
    odd = store.root / "odd.json"
    make(odd)  # type: ignore[operator]
    assert [s.id for s in store.sessions()] == ["s1"]
    assert [s.id for s in store.sessions()] == ["s1"]
    (found,) = store.damaged  # named once, though read twice
    assert isinstance(found, SkippedFile) and found.path == odd and reason in str(found)
    assert os.path.lexists(odd)  # left alone
    with pytest.raises(StoreError, match=reason.split(" (")[0]):
        store.open("odd")


@posix_only
def test_sessions_list_never_hangs_on_a_pipe(tmp_path: Path) -> None:
    data = tmp_path / "sessions"
    Store(data).save(one_vote("s1"))
    os.mkfifo(data / "fifo.json")
    done = subprocess.run(
        [sys.executable, "-m", "panel_tui", "--data-dir", str(data), "sessions", "list"],
        capture_output=True,
        text=True,
        timeout=120,  # a guard against a hang, not a measure of speed
        check=False,
    )
    assert done.returncode == 0 and "s1  Test" in done.stdout
    assert "fifo.json is not read as a session" in done.stderr


@posix_only
def test_an_import_of_a_pipe_or_a_missing_file_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "import", str(pipe)]) == 1  # returns: never waits
    assert (
        f"{pipe}: cannot be read: it is a pipe, a device or a socket, not a plain file."
        in capsys.readouterr().err
    )
    assert main(["--data-dir", data, "import", str(tmp_path / "gone.json")]) == 1
    assert "gone.json: cannot be read (there is no such file or folder)." in capsys.readouterr().err


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    with pytest.raises(files_module.UnsafeFile, match="larger than"):
        files_module.read_regular(big, limit=1024)
    assert files_module.read_regular(big, limit=4096) == b" " * 2048


@posix_only
def test_a_symlinked_session_file_is_refused_and_its_target_untouched(
    store: Store, tmp_path: Path
) -> None:
    elsewhere = Store(tmp_path / "elsewhere")
    elsewhere.save(one_vote("s9"))
    target = elsewhere.root / "s9.json"
    before = target.read_bytes()
    (store.root / "s9.json").symlink_to(target)
    with pytest.raises(StoreError, match="it is a link"):
        store.open("s9")
    with pytest.raises(StoreError, match="it is a link"):
        store.load("s9")
    with pytest.raises(StoreError, match="cannot be used"):
        store.save(one_vote("s9"), replace=True)
    assert target.read_bytes() == before and (store.root / "s9.json").is_symlink()


@posix_only
@pytest.mark.parametrize("target", ["loop.json", "nowhere/at/all.json"])
def test_a_link_in_the_folder_that_leads_nowhere_is_named_and_the_rest_are_listed(
    store: Store, target: str
) -> None:
    # Found by a tester: a link to itself stopped every list of sessions (the
    # home screen's too) with "Too many levels of symbolic links".
    store.save(one_vote("s1"))
    (store.root / "loop.json").symlink_to(target)
    assert [s.id for s in store.summaries()] == ["s1"]
    assert any("loop.json is not read as a session" in str(n) for n in store.damaged)


def _linked_to_a_victim(store: Store, tmp_path: Path, name: str) -> tuple[Path, Path]:
    """Session s1 saved, with its file ``name`` replaced by a link to a file of value."""
    store.save(one_vote("s1"))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = store.root / name
    link.unlink(missing_ok=True)
    link.symlink_to(victim)
    return link, victim


@posix_only
def test_a_link_in_place_of_a_sessions_record_of_changes_names_the_session(
    store: Store, tmp_path: Path
) -> None:
    # Found by a tester: the session went from every list, and the notice named
    # only the .journal file, not the session it hid, nor what to do.
    journal, victim = _linked_to_a_victim(store, tmp_path, "s1.journal")
    assert store.summaries() == []
    assert [str(n) for n in store.damaged] == [
        f"The session s1 is not read, as its record of changes {journal} cannot be "
        "read (it is a link to somewhere else, which panel-tui never follows). Someone may "
        "have put it there on purpose: move it away, then try again. It was left as it is."
    ]
    assert victim.read_text() == "precious"
    journal.unlink()  # moved away: the session reads again
    assert [s.id for s in Store(store.root).summaries()] == ["s1"]


@posix_only
def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(
    store: Store, tmp_path: Path
) -> None:
    _, victim = _linked_to_a_victim(store, tmp_path, "s1.lock")
    with pytest.raises(StoreError, match=r"lock file .*s1.lock cannot be used"):
        store.open("s1")
    with pytest.raises(StoreError, match="was not saved"):
        store.save(one_vote("s1"), replace=True)
    with pytest.raises(StoreError, match="was not deleted"):
        store.delete("s1")
    assert victim.read_text() == "precious"


@posix_only
@os_lock
def test_a_lock_link_made_between_the_check_and_the_open_is_refused_by_the_kernel(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(one_vote("s1"))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    lock = store.root / "s1.lock"
    lock.unlink(missing_ok=True)
    from panel_tui.domain.store import locks

    monkeypatch.setattr(locks, "check_plain", lambda path: lock.symlink_to(victim))
    with pytest.raises(StoreError, match="cannot be used"):
        store.open("s1")
    assert victim.read_text() == "precious"


@posix_only
def test_a_linked_damaged_folder_is_never_written_through(store: Store, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (store.root / "damaged").symlink_to(outside)
    (store.root / "s2.json").write_bytes(b"{broken")
    assert store.sessions() == []
    (found,) = store.damaged
    assert isinstance(found, DamagedFile) and found.moved_to is None
    assert list(outside.iterdir()) == [] and (store.root / "s2.json").exists()
