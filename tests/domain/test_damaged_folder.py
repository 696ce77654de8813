"""A session that must be set aside, with ``damaged`` in the sessions folder a link or a file.

Found by a tester: "A link named `damaged` leaves a session stuck, silently". The
session was left unread at every start, "left where it is", with no word of why.
Now nothing is ever moved or deleted through such a link, the session's files stay
as they were, and the notice names ``damaged`` and says to move it away; once it
is moved, the session is set aside and got back as any damaged session is.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store, StoreError, aside, files
from panel_tui.domain.store.catalogue import CATALOGUE_NAME
from panel_tui.domain.store.loading import journal_path
from tests.domain.builders import titled, two_by_two
from tests.domain.helpers import store, three_votes_the_second_spoilt
from tests.platforms import link_in_a_circle, posix_only

LINK = "it is a link, which panel-tui never writes through"
FILE = "it is a file, not a folder"

__all__ = ["store"]  # the fixture, shared from tests/domain/helpers.py


def _to_a_folder(name: Path) -> None:
    (name.parent.parent / "outside").mkdir(exist_ok=True)
    name.symlink_to(name.parent.parent / "outside", target_is_directory=True)


def _to_nothing(name: Path) -> None:
    name.symlink_to(name.parent.parent / "nothing", target_is_directory=True)


def _round_in_a_circle(name: Path) -> None:
    link_in_a_circle(name)


def _a_file(name: Path) -> None:
    name.write_text("a note someone left")


#: What ``damaged`` (or ``replaced``) is, and what the notice says it is.
KINDS = pytest.mark.parametrize(
    ("make", "said"),
    [
        pytest.param(_to_a_folder, LINK, marks=posix_only, id="link-to-a-folder"),
        pytest.param(_to_nothing, LINK, marks=posix_only, id="link-to-nothing"),
        pytest.param(_round_in_a_circle, LINK, marks=posix_only, id="link-in-a-circle"),
        pytest.param(_a_file, FILE, id="file"),
    ],
)


def _files(folder: Path) -> dict[str, bytes]:
    """Every plain file under ``folder`` but the catalogue (which only saves reading),
    by its path inside it (links not followed)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != CATALOGUE_NAME
    }


def _said(capsys: pytest.CaptureFixture[str]) -> str:
    return " ".join(capsys.readouterr().err.split())


@KINDS
def test_a_damaged_folder_in_the_way_is_named_with_what_to_do_and_nothing_is_lost(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], None],
    said: str,
) -> None:
    data = tmp_path / "sessions"
    snapshot = three_votes_the_second_spoilt(Store(data))
    damaged = data / "damaged"
    make(damaged)
    before = _files(tmp_path)
    for _ in range(2):  # said at each start, until it is moved
        assert main(["--data-dir", str(data), "sessions", "list"]) == 0
        assert (
            "s1.json can be read, but its record of changes, s1.journal, is damaged (change number "
            "2 saved in it no longer reads as it was written). Both were left where they "
            f"are, unchanged: panel-tui sets damaged files aside in {damaged}, and {said}. "
            f"Move {damaged} out of the sessions folder, then start panel-tui again: the "
            "session is set aside then, and what still reads can be got back."
        ) in _said(capsys)
        # Never moved, nor written through the link: every file as it was.
        assert _files(tmp_path) == before
        assert snapshot.exists() and journal_path(snapshot).exists()

    # As the notice says: moved away, the session is set aside, then got back.
    os.rename(damaged, tmp_path / "moved")
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    typed = shlex.split(_said(capsys).split("To get back all that still reads: ")[1])
    assert main(typed[1:]) == 0
    assert [v.member for v in Store(data).load("s1").votes] == ["m1", "m3"]  # m2's was spoilt


@posix_only
def test_deleting_a_session_never_deletes_through_a_damaged_or_replaced_folder(
    tmp_path: Path,
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(two_by_two("LLP"))
    for name in ("damaged", "replaced"):
        _to_a_folder(data / name)
    outside = tmp_path / "outside"
    (outside / "s1.json").write_text("someone else's file")  # named as a copy of s1 is
    (outside / "s1.20261123T100000Z.json").write_text("and another")
    before = _files(outside)
    assert main(["--data-dir", str(data), "sessions", "delete", "s1", "--yes"]) == 0
    assert not Store(data).exists("s1")
    assert _files(outside) == before  # both were deleted through the links


@KINDS
def test_replacing_a_session_with_a_replaced_folder_in_the_way_names_that_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], None], said: str
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(two_by_two("LLP"))
    export = tmp_path / "s1-export.json"
    assert (
        main(["--data-dir", str(data), "export", "s1", "--format", "json", "-o", str(export)]) == 0
    )
    replaced = data / "replaced"
    make(replaced)
    before = _files(tmp_path)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "import", "--replace", str(export)]) == 1
    # It said the session's own file "is not a plain file (it is a link)".
    assert (
        f"The session s1 was not saved: a copy of the session there is kept first in "
        f"{replaced}, and {said}. Move {replaced} out of the sessions folder, then try "
        "again; everything saved before is safe."
    ) in _said(capsys)
    assert _files(tmp_path) == before


@posix_only
def test_a_damaged_folder_swapped_for_a_link_as_a_session_is_set_aside_takes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Between the look that finds damaged/ a folder and the move into it, another
    # program puts a link there: nothing goes through it (found by adversarial testing).
    store = Store(tmp_path / "sessions")
    three_votes_the_second_spoilt(store)
    before = _files(store.root)
    outside = tmp_path / "outside"
    outside.mkdir()
    looked = aside.unused_name_in

    def swapped_after_the_look(folder: Path, path: Path) -> Path:
        target = looked(folder, path)
        folder.rename(tmp_path / "moved-away")
        folder.symlink_to(outside, target_is_directory=True)
        return target

    monkeypatch.setattr(aside, "unused_name_in", swapped_after_the_look)
    with pytest.raises(StoreError, match=f"{LINK}. Move .*damaged out of the sessions folder"):
        store.load("s1")
    assert list(outside.iterdir()) == []
    assert _files(store.root) == before  # the session's files as they were


def test_a_session_is_set_aside_where_files_are_moved_by_name(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on Windows, where a file cannot be moved into a folder held open.
    monkeypatch.setattr(aside, "BY_FOLDER", False)
    path = three_votes_the_second_spoilt(store)
    with pytest.raises(StoreError, match="Both were moved to"):
        store.load("s1")
    (copy,) = (store.root / "damaged").glob("s1.*.json")
    assert journal_path(copy).exists() and not path.exists()


@posix_only
def test_deleting_a_session_never_deletes_through_a_link_put_there_after_the_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "sessions")
    store.save(two_by_two("LLP"))
    (store.root / "damaged").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "s1.20261123T100000Z.json").write_text("someone else's file")
    before = _files(outside)
    looked, opened = aside.check_folder, files.open_folder_no_follow

    def swap(folder: Path) -> None:
        if folder.name == "damaged" and not folder.is_symlink():
            folder.rename(tmp_path / "moved-away")
            folder.symlink_to(outside, target_is_directory=True)

    def look_then_swap(folder: Path) -> bool:
        there = looked(folder)
        swap(folder)
        return there

    def swap_then_open(folder: Path) -> int:
        swap(folder)
        return opened(folder)

    monkeypatch.setattr(aside, "check_folder", look_then_swap)
    monkeypatch.setattr(aside, "open_folder_no_follow", swap_then_open)
    store.delete("s1")
    assert not store.exists("s1")
    assert _files(outside) == before


@pytest.mark.parametrize("by_folder", [True, False], ids=["held-open", "by-name"])
def test_deleting_a_session_deletes_its_copies_set_aside(
    store: Store, monkeypatch: pytest.MonkeyPatch, by_folder: bool
) -> None:
    monkeypatch.setattr(aside, "BY_FOLDER", by_folder)  # by name: as on Windows
    three_votes_the_second_spoilt(store)
    with pytest.raises(StoreError):
        store.load("s1")  # set aside, journal and all
    store.save(two_by_two("LLP"))
    store.save(two_by_two("LLP"), replace=True)  # a copy kept in replaced/
    store.save(titled("s10"))  # a session whose id begins the same: its copies stay
    store.save(titled("s10"), replace=True)
    store.delete("s1")
    left = sorted(p.name.split(".")[0] for p in store.root.glob("*/*"))
    assert left == ["s10"]
