"""No file, link or byte tricks the store (issue 8): strict JSON, plain files only, modes, words."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.banks import BankError, parse_bank
from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.importing import SessionFileError, parse_session
from panel_tui.domain.models import Session
from panel_tui.domain.store import SessionNotFound, Store, StoreError
from panel_tui.domain.store import files as files_module
from panel_tui.domain.store.errors import DamagedFile, SkippedFile
from panel_tui.domain.strict_json import JSONProblem, strict_json_loads
from tests.domain.builders import session as build
from tests.platforms import os_lock, posix_only


def _session(session_id: str = "s1") -> Session:
    return build("LP", [("c1", "q1", "m1", "up")]).model_copy(update={"id": session_id})


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "sessions")


def _saved_tables(store: Store, session_id: str) -> str:
    return (store.root / f"{session_id}.json").read_text()


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


def test_strict_json_reads_plain_json_with_a_byte_order_mark() -> None:
    assert strict_json_loads('\ufeff{"a": [1, 2.5, "x"], "b": {"a": 1}}'.encode()) == {
        "a": [1, 2.5, "x"],
        "b": {"a": 1},
    }
    with pytest.raises(JSONProblem, match="not UTF-8"):
        strict_json_loads(b'{"a": "\xe9"}')


def test_a_session_file_with_a_key_twice_is_set_aside_not_rewritten(store: Store) -> None:
    store.save(_session("s1"))
    store.save(_session("s2"))
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
    record = json.loads(export_json(_session()))
    text = json.dumps(record)[:-1] + ', "votes": []}'
    with pytest.raises(SessionFileError) as refused:
        parse_session(text.encode(), "hr.json")
    assert (
        str(refused.value)
        == 'hr.json: cannot be imported: the key "votes" is given twice in one place.'
    )


def test_import_with_a_huge_number_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = export_json(_session()).replace('"seat": 1', '"seat": ' + "1" * 5000)
    source = tmp_path / "big.json"
    source.write_text(record)
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(source)]) == 1
    assert "big.json: cannot be imported: it holds a number with more than 100 digits." in (
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
    store.save(_session("s1"))
    store.save(_session("s2"))
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
    store.save(_session("s1"))
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
        "banks/x.toml, line 6: holds a number too long to read"
    ]


# ------------------------------------------------ links, pipes, devices, size


@posix_only
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: os.mkfifo(p), "not a plain file (a pipe"),
        (lambda p: p.symlink_to("/dev/zero"), "it is a link"),
        (lambda p: p.mkdir(), "it is a folder"),
    ],
)
def test_a_pipe_device_link_or_folder_named_json_is_named_and_skipped(
    store: Store, make: object, reason: str
) -> None:
    store.save(_session("s1"))
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
    Store(data).save(_session("s1"))
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
    assert f"{pipe}: cannot be imported: it is not a file." in capsys.readouterr().err
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
    elsewhere.save(_session("s9"))
    target = elsewhere.root / "s9.json"
    before = target.read_bytes()
    (store.root / "s9.json").symlink_to(target)
    with pytest.raises(StoreError, match="it is a link"):
        store.open("s9")
    with pytest.raises(StoreError, match="it is a link"):
        store.load("s9")
    with pytest.raises(StoreError, match="not a plain file"):
        store.save(_session("s9"), replace=True)
    assert target.read_bytes() == before and (store.root / "s9.json").is_symlink()


@posix_only
def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(
    store: Store, tmp_path: Path
) -> None:
    store.save(_session("s1"))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    lock = store.root / "s1.lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(victim)
    with pytest.raises(StoreError, match=r"lock file .*s1.lock is not a plain file"):
        store.open("s1")
    with pytest.raises(StoreError, match="was not saved"):
        store.save(_session("s1"), replace=True)
    with pytest.raises(StoreError, match="was not deleted"):
        store.delete("s1")
    assert victim.read_text() == "precious"


@posix_only
@os_lock
def test_a_lock_link_made_between_the_check_and_the_open_is_refused_by_the_kernel(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(_session("s1"))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    lock = store.root / "s1.lock"
    lock.unlink(missing_ok=True)
    from panel_tui.domain.store import locks

    monkeypatch.setattr(locks, "check_plain", lambda path: lock.symlink_to(victim))
    with pytest.raises(StoreError, match="not a plain file"):
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


# ------------------------------------------------------------- permissions


@posix_only
def test_a_world_readable_session_file_and_folder_are_made_owner_only(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    Store(root).save(_session("s1"))
    (root / "s1.json").chmod(0o644)
    root.chmod(0o755)
    store = Store(root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    store.load("s1")
    assert stat.S_IMODE((root / "s1.json").stat().st_mode) == 0o600
    assert store.damaged == []
    (root / "replaced").mkdir(mode=0o755)
    (root / "replaced").chmod(0o755)
    store.save(_session("s1"), replace=True)
    assert stat.S_IMODE((root / "replaced").stat().st_mode) == 0o700


@posix_only
def test_modes_that_belong_to_another_user_are_named_not_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "sessions"
    Store(root).save(_session("s1"))
    (root / "s1.json").chmod(0o644)
    root.chmod(0o755)
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(root).st_uid + 1)
    store = Store(root)
    store.load("s1")
    said = [str(n) for n in store.damaged]
    assert said == [
        f"The folder {root} is open to other users of this computer (another user's). "
        "Each session file in it is readable by you only, but others can see their names: "
        "choose a folder of your own with --data-dir. It was left as it is.",
        f"{root / 's1.json'} can be read by other users of this computer; it belongs to "
        "another user, so panel-tui cannot change that. It was left as it is.",
    ]
    assert stat.S_IMODE(root.stat().st_mode) == 0o755


def test_a_file_that_cannot_be_read_is_named_not_left_out(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(_session("s1"))
    store.save(_session("s2"))
    real_open = os.open

    def refuse_s2(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("s2.json"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse_s2)
    assert [s.id for s in store.sessions()] == ["s1"]
    assert [str(n) for n in store.damaged] == [
        f"The session file {store.root / 's2.json'} cannot be read (you do not have permission). "
        "It was left as it is."
    ]


def test_another_programs_json_is_named_once_and_left_alone(store: Store) -> None:
    store.save(_session("s1"))
    for name, content in (("list.json", "[1, 2, 3]"), ("package.json", '{"foo": 1}')):
        (store.root / name).write_text(content)
        (store.root / name).chmod(0o644)
    for _ in range(2):
        assert [s.id for s in store.sessions()] == ["s1"]
    assert [str(n) for n in store.damaged] == [
        f"{store.root / 'list.json'} is not a panel-tui session (it holds other JSON). "
        "It was left as it is.",
        f"{store.root / 'package.json'} is not a panel-tui session (it holds other JSON). "
        "It was left as it is.",
    ]
    assert (store.root / "list.json").read_text() == "[1, 2, 3]"
    if sys.platform != "win32":  # not ours: even its mode is left as it was
        assert stat.S_IMODE((store.root / "list.json").stat().st_mode) == 0o644


# ------------------------------------------------------ words that fit


def _fail_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "write", refuse)


def test_a_full_disk_on_import_names_the_session_not_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(export_json(_session()))
    _fail_writes(monkeypatch, errno.ENOSPC)
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "The disk is full, so the session s1 was not saved." in err
    assert ".lock" not in err


def test_a_read_only_folder_on_open_and_delete_says_what_did_not_happen(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(_session("s1"))
    (store.root / "s1.lock").unlink(missing_ok=True)
    real_open = os.open

    def read_only(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(StoreError) as opening:
        store.open("s1")
    assert "(read-only or no permission), so the session s1 was not opened." in str(opening.value)
    with pytest.raises(StoreError) as deleting:
        store.delete("s1")
    assert "so the session s1 was not deleted." in str(deleting.value)
    for refused in (opening.value, deleting.value):
        assert "last change" not in str(refused)


def test_a_data_dir_that_is_a_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert main(["--data-dir", str(a_file), "sessions", "list"]) == 1
    err = capsys.readouterr().err
    assert f"cannot keep sessions in {a_file}: it is a file, not a folder." in err
    assert "File exists" not in err


def test_two_imports_at_once_say_the_session_is_busy_not_open_in_a_window(
    store: Store, tmp_path: Path
) -> None:
    store.save(_session("s1"))
    holding = store.open("s1")  # as another import would hold it mid-write
    try:
        with pytest.raises(StoreError) as refused:
            Store(store.root).save(_session("s1"), replace=True)
    finally:
        holding.close()
    said = str(refused.value)
    assert "is using the session s1 just now" in said and "was not saved" in said
    assert "open in another panel-tui window" not in said


def test_delete_older_than_goes_on_past_a_locked_session_and_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    store = Store(data)
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    for name in ("a", "b", "c"):
        store.save(_session(name).model_copy(update={"created": long_ago}))
    holding = store.open("b")  # open in another window
    try:
        code = main(["--data-dir", str(data), "sessions", "delete", "--older-than", "1", "--yes"])
    finally:
        holding.close()
    out, err = capsys.readouterr()
    assert code == 1
    assert "Deleted a." in out and "Deleted c." in out and "Deleted b." not in out
    assert "Not deleted, 1 session:\n  b: Another panel-tui" in err
    assert "so the session b was not deleted" in err
    assert [s.id for s in Store(data).sessions()] == ["b"]
