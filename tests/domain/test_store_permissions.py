"""No file mode tricks the store (issue 8), and its words say what did not happen.

Strict JSON and plain files only are in test_store_files.py.
"""

from __future__ import annotations

import errno
import os
import shlex
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.store import Store, StoreError
from tests.domain.builders import one_vote
from tests.domain.helpers import crash, store
from tests.platforms import posix_only

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


# ------------------------------------------------------------- permissions


@posix_only
def test_a_world_readable_session_file_and_folder_are_made_owner_only(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    Store(root).save(one_vote("s1"))
    (root / "s1.json").chmod(0o644)
    root.chmod(0o755)
    store = Store(root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    store.load("s1")
    assert stat.S_IMODE((root / "s1.json").stat().st_mode) == 0o600
    assert store.damaged == []
    (root / "replaced").mkdir(mode=0o755)
    (root / "replaced").chmod(0o755)
    store.save(one_vote("s1"), replace=True)
    assert stat.S_IMODE((root / "replaced").stat().st_mode) == 0o700


@posix_only
@pytest.mark.parametrize(
    ("mode", "after"),
    [
        # Open to others: their access goes, the owner's stays.
        (0o755, 0o700),
        (0o777, 0o700),
        # Read-only for its owner too: narrowed, never made writable (found by a tester).
        (0o555, 0o500),
        (0o544, 0o500),
    ],
)
def test_a_sessions_folder_is_only_ever_narrowed(tmp_path: Path, mode: int, after: int) -> None:
    root = tmp_path / "sessions"
    Store(root).save(one_vote("s1"))
    root.chmod(mode)
    try:
        store = Store(root)
        assert stat.S_IMODE(root.stat().st_mode) == after
        assert store.damaged == []
    finally:
        root.chmod(0o700)


@posix_only
def test_a_fresh_clones_sessions_folder_is_panel_tuis(tmp_path: Path) -> None:
    # Found running the README's command from a fresh clone: the sessions folder
    # git makes holds only the project's README.md, and the first run called it
    # someone else's folder, open to other users, and left it so.
    root = tmp_path / "sessions"
    root.mkdir(mode=0o755)
    root.chmod(0o755)
    (root / "README.md").write_text("# sessions/\n")
    store = Store(root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert store.damaged == []


@posix_only
@pytest.mark.parametrize(
    ("mode", "files", "whose"),
    [
        # A team's share (set-group-ID) holding sessions.
        (0o2775, ["s1.json"], "shared on purpose"),
        # A folder of someone's other files, named as the sessions folder by mistake.
        (0o755, ["budget.xlsx"], "panel-tui did not make it, and found files in it already"),
        # A session file copied into a folder of one's own (found by a tester: it was
        # said to hold "other files").
        (0o755, ["copied.json"], "panel-tui did not make it, and found files in it already"),
    ],
)
def test_a_shared_folder_or_one_of_other_files_is_named_and_left(
    tmp_path: Path, mode: int, files: list[str], whose: str
) -> None:
    root = tmp_path / "team"
    if files == ["s1.json"]:
        Store(root).save(one_vote("s1"))
    else:
        root.mkdir()
        (root / files[0]).write_text("x")
    root.chmod(mode)
    store = Store(root)
    assert stat.S_IMODE(root.stat().st_mode) == mode
    assert [str(n) for n in store.damaged] == [
        f"The folder {root} is open to other users of this computer ({whose}). "
        "Each session file in it is readable by you only, but others can see their names: "
        "choose a folder of your own with --data-dir. It was left as it is."
    ]


@posix_only
def test_modes_that_belong_to_another_user_are_named_not_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "sessions"
    Store(root).save(one_vote("s1"))
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
    store.save(one_vote("s1"))
    store.save(one_vote("s2"))
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
    store.save(one_vote("s1"))
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


def test_a_copy_or_a_renamed_session_file_is_named_with_what_to_do(store: Store) -> None:
    # Found by a tester: Windows' "s1 - Copy.json" was listed as s1 (beside s1, or
    # alone once s1 was deleted) and then "There is no session 's1'".
    store.save(one_vote("s1"))
    copy = store.root / "s1 - Copy.json"
    copy.write_bytes((store.root / "s1.json").read_bytes())
    assert [s.id for s in store.sessions()] == ["s1"]
    assert [s.id for s in store.summaries()] == ["s1"]
    # Beside the session it copies: never offered to be taken in over it (found by
    # a tester: a copy made while the session was open held none of its votes).
    assert [str(n) for n in store.damaged] == [
        f"{copy} holds the session s1, but panel-tui finds a session by its file's name, "
        "and s1.json is here: this is an older copy, or another version, of it. Keep it "
        "elsewhere, or delete it once you are sure it is not needed. It was left as it is."
    ]
    # Alone, as the session: renamed, or taken in.
    (store.root / "s1.json").unlink()
    alone = Store(store.root)
    assert alone.summaries() == []
    assert [str(n) for n in alone.damaged] == [
        f"{copy} holds the session s1, but panel-tui finds a session by its file's name, "
        "s1.json: rename it s1.json, or take it in with: panel-tui sessions recover "
        f"{shlex.quote(str(copy))}. It was left as it is."
    ]
    assert copy.exists()  # left, not set aside as damaged
    # The advice works (found by a review: 'panel-tui import' refused such a file).
    assert main(["--data-dir", str(store.root), "sessions", "recover", str(copy)]) == 0
    assert [s.id for s in Store(store.root).sessions()] == ["s1"]
    # Nor is a renamed file opened for writing by its name: a vote would go into it.
    renamed = store.root / "renamed.json"
    renamed.write_bytes(copy.read_bytes())
    with pytest.raises(StoreError, match=r"renamed\.json holds the session s1"):
        Store(store.root).open("renamed")
    assert renamed.read_bytes() == copy.read_bytes()


def _swapped(store: Store) -> tuple[Path, Path]:
    """Sessions aaa and bbb, each with a vote in its file and one still only in its record
    of changes (as after a crash), their names then swapped: each pair under the other's."""
    for name in ("aaa", "bbb"):
        store.save(one_vote(name))
        opened = store.open(name)
        opened.record_vote("c1", "q1", "m2", "down")
        crash(opened)
    for suffix in (".json", ".journal"):
        first, second = store.root / f"aaa{suffix}", store.root / f"bbb{suffix}"
        held = first.read_bytes()
        first.write_bytes(second.read_bytes())
        second.write_bytes(held)
    return store.root / "aaa.json", store.root / "bbb.json"


def test_two_session_files_with_swapped_names_are_each_kept_and_the_advice_gets_both_back(
    store: Store, tmp_path: Path
) -> None:
    # Each file holds the session the other is named after. "Delete it once you
    # are sure", said of each as an older copy of the other, lost both sessions.
    first, second = _swapped(store)
    assert Store(store.root).sessions() == []
    listed = Store(store.root)
    listed.summaries()
    assert [str(n) for n in listed.damaged] == [
        f"{first} holds the session bbb, but panel-tui finds a session by its file's name, "
        "and bbb.json holds another session (aaa): the files' names are mixed up. Delete "
        "neither: move both out of this folder, each with its record of changes (aaa.journal, "
        "bbb.journal) if there is one, then take each back in with: panel-tui sessions "
        "recover FILE. It was left as it is.",
        f"{second} holds the session aaa, but panel-tui finds a session by its file's name, "
        "and aaa.json holds another session (bbb): the files' names are mixed up. Delete "
        "neither: move both out of this folder, each with its record of changes (bbb.journal, "
        "aaa.journal) if there is one, then take each back in with: panel-tui sessions "
        "recover FILE. It was left as it is.",
    ]
    # The advice, followed: both sessions back, each under its own name, with both votes.
    away = tmp_path / "away"
    away.mkdir()
    for file in (*store.root.glob("*.json"), *store.root.glob("*.journal")):
        file.rename(away / file.name)
    for name in ("aaa.json", "bbb.json"):
        assert main(["--data-dir", str(store.root), "sessions", "recover", str(away / name)]) == 0
    back = Store(store.root)
    assert sorted((s.id, len(s.votes)) for s in back.sessions()) == [("aaa", 2), ("bbb", 2)]
    assert back.damaged == []


def test_a_record_of_changes_left_without_its_session_file_is_never_deleted(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a review: the advice above, followed with the session files only,
    # left their records of changes behind; each was deleted as stale when the
    # other session was taken in under its name, and its vote was lost for good.
    first, second = _swapped(store)
    away = tmp_path / "away"
    away.mkdir()
    for file in (first, second):
        file.rename(away / file.name)
    data = ["--data-dir", str(store.root)]
    assert main([*data, "sessions", "recover", str(away / "aaa.json")]) == 0  # session bbb
    said = capsys.readouterr().err
    (kept,) = (store.root / "damaged").glob("bbb.*.journal")  # aaa's record of changes
    assert (
        f"A record of changes, {store.root / 'bbb.journal'}, was in the sessions folder "
        "without its session file. It holds 1 change (votes, notes or decisions) that may be "
        "in no session file: it may belong to one that was moved or renamed. It was moved to "
        f"{kept} so that nothing deletes it: keep it."
    ) in " ".join(said.split())
    # Put beside its session file, as the words say, it gives back the vote.
    kept.rename(away / "bbb.journal")
    assert main([*data, "sessions", "recover", "--replace", str(away / "bbb.json")]) == 0
    assert len(Store(store.root).load("aaa").votes) == 2


# ------------------------------------------------------ words that fit


def _fail_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "write", refuse)


def test_a_full_disk_on_import_names_the_session_not_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(export_json(one_vote()))
    _fail_writes(monkeypatch, errno.ENOSPC)
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "The disk is full, so the session s1 was not saved." in err
    assert ".lock" not in err


def test_a_read_only_folder_on_open_and_delete_says_what_did_not_happen(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(one_vote("s1"))
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
    store.save(one_vote("s1"))
    holding = store.open("s1")  # as another import would hold it mid-write
    try:
        with pytest.raises(StoreError) as refused:
            Store(store.root).save(one_vote("s1"), replace=True)
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
        store.save(one_vote(name).model_copy(update={"created": long_ago}))
    holding = store.open("b")  # open in another window
    try:
        code = main(["--data-dir", str(data), "sessions", "delete", "--older-than", "1", "--yes"])
    finally:
        holding.close()
    out, err = capsys.readouterr()
    assert code == 1
    assert "Deleted a." in out and "Deleted c." in out and "Deleted b." not in out
    assert "Not deleted, 1 session:\n  b  " in err
    assert "it is open in another panel-tui window" in err and "close it there first" in err
    assert [s.id for s in Store(data).sessions()] == ["b"]
