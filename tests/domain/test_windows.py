"""What differs on Windows, simulated here (issue 10): a busy replace, no O_NOFOLLOW, no folder fsync."""

from __future__ import annotations

import ast
import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

import panel_tui
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store, StoreError, durable
from panel_tui.domain.store import files as files_module
from tests.domain.builders import session as build
from tests.platforms import posix_only

PACKAGE = Path(panel_tui.__file__).parent


def _session() -> Session:
    return build("LP", questions=[("q1", 1.0, False)], candidates=[("c1", "Alex")])


def _busy(winerror: int = 32) -> PermissionError:
    """What Windows raises while a scanner holds the file: errno 13 with a winerror."""
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = winerror  # type: ignore[attr-defined]  # set by Python on Windows only
    return error


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The waits between attempts, recorded instead of slept."""
    waited: list[float] = []
    monkeypatch.setattr(time, "sleep", waited.append)
    yield waited


def _replace_busy_for(monkeypatch: pytest.MonkeyPatch, failures: int | None) -> list[Path]:
    """``os.replace`` raises winerror 32 ``failures`` times (``None``: always), then works."""
    real = os.replace
    attempts: list[Path] = []

    def busy(source: str | Path, target: str | Path) -> None:
        attempts.append(Path(target))
        if failures is None or len(attempts) <= failures:
            raise _busy()
        real(source, target)

    monkeypatch.setattr(os, "replace", busy)
    return attempts


@pytest.mark.parametrize("winerror", [5, 32, 33])
def test_a_replace_held_up_for_a_moment_records_the_vote_exactly_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float], winerror: int
) -> None:
    store = Store(tmp_path)
    opened = store.create(_session())
    real = os.replace
    attempts: list[int] = []

    def busy_three_times(source: str | Path, target: str | Path) -> None:
        if Path(target) != opened.path:
            return real(source, target)  # the catalogue: not what is held up here
        attempts.append(1)
        if len(attempts) <= 3:
            raise _busy(winerror)
        real(source, target)

    opened.record_vote("c1", "q1", "m1", "up")  # appended to the journal: no replace
    monkeypatch.setattr(os, "replace", busy_three_times)
    opened.compact()  # the snapshot is replaced here
    monkeypatch.undo()
    assert len(attempts) == 4 and sleeps == list(durable.REPLACE_DELAYS[:3])
    assert [(v.member, v.value) for v in opened.session.votes] == [("m1", "up")]
    assert [(v.member, v.value) for v in store.load("s1").votes] == [("m1", "up")]
    assert not list(tmp_path.glob(".*tmp-*"))
    opened.close()


def test_a_replace_that_stays_busy_gives_the_plain_message_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    store = Store(tmp_path)
    opened = store.create(_session())
    opened.record_vote("c1", "q1", "m1", "up")
    before = opened.path.read_bytes()
    opened.record_vote("c1", "q1", "m2", "down")  # in the journal: safe already
    attempts = _replace_busy_for(monkeypatch, None)
    with pytest.raises(StoreError) as refused:
        opened.compact()
    monkeypatch.undo()
    assert str(refused.value) == (
        f"Another program (often an antivirus scanner or the search indexer) held "
        f"{opened.path} for too long, so the last change was not saved to {opened.path}. "
        "Try again in a moment; everything saved before is safe."
    )
    # Bounded: a few attempts, well under a second of waiting in all.
    assert len(attempts) == len(durable.REPLACE_DELAYS) + 1
    assert sleeps == list(durable.REPLACE_DELAYS) and sum(sleeps) < 0.5
    # The snapshot is as it was; with its journal it still holds every vote.
    assert opened.path.read_bytes() == before
    assert [v.member for v in opened.session.votes] == ["m1", "m2"]
    assert [v.member for v in store.load("s1").votes] == ["m1", "m2"]
    assert not list(tmp_path.glob(".*tmp-*"))
    opened.close()


def test_a_permission_error_without_a_windows_code_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    store = Store(tmp_path)
    opened = store.create(_session())
    attempts: list[int] = []

    def refused(source: str | Path, target: str | Path) -> None:
        attempts.append(1)
        raise PermissionError(errno.EACCES, "Permission denied")

    opened.record_vote("c1", "q1", "m1", "up")
    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(StoreError, match="not allowed to write"):
        opened.compact()
    assert attempts == [1] and sleeps == []
    opened.close()


def test_no_folder_fsync_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []

    def no_folders(path: object, *args: object, **kwargs: object) -> int:
        opened.append(path)
        raise PermissionError(errno.EACCES, "Access is denied")  # as Windows says for a folder

    monkeypatch.setattr(durable, "WINDOWS", True)
    monkeypatch.setattr(os, "open", no_folders)
    durable.fsync_folder(tmp_path)
    assert opened == []  # the folder is never opened there
    monkeypatch.setattr(durable, "WINDOWS", False)
    with pytest.raises(PermissionError):
        durable.fsync_folder(tmp_path)  # elsewhere it is, and fsynced
    assert opened == [tmp_path]


@posix_only
def test_without_o_nofollow_a_link_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "target.json"
    target.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    monkeypatch.setattr(files_module, "_NOFOLLOW", 0)  # as on Windows
    with pytest.raises(files_module.UnsafeFile, match="it is a link"):
        files_module.read_regular(link)
    with pytest.raises(files_module.UnsafeFile, match="it is a link"):
        files_module.open_no_follow(link, os.O_WRONLY)


def test_modes_are_left_to_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.json"
    path.write_text("{}")
    os.chmod(path, 0o644)
    monkeypatch.setattr(files_module, "WINDOWS", True)
    assert files_module.make_owner_only(path) is None
    assert files_module.owner_only_folder(tmp_path) is None
    if sys.platform != "win32":
        assert os.stat(path).st_mode & 0o777 == 0o644  # untouched: best effort there


POSIX_ONLY_MODULES = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix"}
POSIX_ONLY_CALLS = {"getuid", "geteuid", "getgid", "fork", "setsid", "killpg", "getpgid", "fchmod"}
#: Calls made only after ``if WINDOWS: return`` (files.owner_only, owner_only_folder).
GUARDED = {("domain/store/files.py", "geteuid"), ("domain/store/files.py", "fchmod")}


def test_no_posix_only_module_or_call_on_any_path_of_the_app() -> None:
    offenders = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                used = {alias.name.split(".")[0] for alias in node.names} & POSIX_ONLY_MODULES
            elif isinstance(node, ast.ImportFrom) and node.module:
                used = {node.module.split(".")[0]} & POSIX_ONLY_MODULES
            elif isinstance(node, ast.Attribute):
                used = {node.attr} & POSIX_ONLY_CALLS
            else:
                used = set()
            offenders |= {(where, name) for name in used}
    assert offenders == GUARDED


def test_fcntl_cannot_be_imported_when_the_ci_blocks_it() -> None:
    if "tests.no_fcntl" not in sys.modules:
        pytest.skip("runs in the CI step with -p tests.no_fcntl")
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401


@pytest.mark.parametrize(
    ("tag", "link"),
    [
        (0xA000000C, True),  # a symbolic link
        (0xA0000003, True),  # a junction
        (0x9000001A, False),  # a file OneDrive keeps online: a plain file to read
        (0, False),  # no reparse point
    ],
)
def test_windows_links_and_junctions_are_links_and_onedrive_files_are_not(
    tag: int, link: bool
) -> None:
    info = SimpleNamespace(st_mode=stat.S_IFREG | 0o644, st_reparse_tag=tag)
    assert files_module.is_link(cast(os.stat_result, info)) is link
