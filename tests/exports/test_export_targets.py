"""Where ``panel-tui export -o`` may write: never over a file unasked, never into the sessions."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from panel_tui.domain.exports import (
    ALL,
    FORMATS,
    MEMBER_SHEETS,
    could_not_write,
    encoded,
    file_name,
    plan_export,
)
from panel_tui.domain.exports.places import sessions_folder_problem
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.domain.system_words import os_reason
from tests.exports.helpers import SESSION_ID, export
from tests.platforms import link_in_a_circle, link_to, posix_only


def session_files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.iterdir()) if p.is_file()}


def test_an_existing_file_is_kept_unless_forced(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "summary.csv"
    target.write_text("HR's own edits")
    assert export(data, "--format", "csv", "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and "Traceback" not in err
    assert target.read_text() == "HR's own edits"

    assert export(data, "--format", "csv", "-o", str(target), "--force") == 0
    assert target.read_bytes() == encoded(session, "csv")


def test_a_link_in_the_way_counts_as_a_file(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("not an export")
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "missing-target.md")  # dangling: exists() is false
    assert export(data, "-o", str(link)) == 1
    assert "already exists" in capsys.readouterr().err
    assert not (tmp_path / "missing-target.md").exists()


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("inside", ["{s}.json", "new.csv", "sub/new.csv", "../sessions/x.csv"])
def test_nothing_is_written_into_the_sessions_folder(
    data: Path, capsys: pytest.CaptureFixture[str], inside: str, force: bool
) -> None:
    # `export S --format csv -o sessions/S.json` once destroyed the session.
    before = session_files(data)
    target = data / inside.format(s=SESSION_ID)
    assert export(data, "--format", "csv", "-o", str(target), *(["--force"] if force else [])) == 1
    err = capsys.readouterr().err
    assert "inside the sessions folder" in err and "Traceback" not in err
    assert session_files(data) == before
    assert Store(data).load(SESSION_ID).id == SESSION_ID


def test_a_link_into_the_sessions_folder_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = session_files(data)
    link = tmp_path / "innocent.csv"
    link.symlink_to(data / f"{SESSION_ID}.json")
    assert export(data, "--format", "csv", "-o", str(link), "--force") == 1
    assert "inside the sessions folder" in capsys.readouterr().err
    assert session_files(data) == before
    folder_link = tmp_path / "hr"
    folder_link.symlink_to(data, target_is_directory=True)
    assert export(data, "--format", "all", "-o", str(folder_link)) == 1
    assert session_files(data) == before


@pytest.mark.parametrize("where", [".", "exports"])
def test_all_refuses_the_sessions_folder(
    data: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    before = session_files(data)
    assert export(data, "--format", "all", "-o", str(data / where), "--force") == 1
    assert "inside the sessions folder" in capsys.readouterr().err
    assert session_files(data) == before
    assert not (data / "exports").exists()


def test_all_replaces_files_only_when_forced(data: Path, tmp_path: Path, session: Session) -> None:
    folder = tmp_path / "hr"
    assert export(data, "--format", "all", "-o", str(folder)) == 0
    (folder / file_name(session, "md")).write_text("old")
    assert export(data, "--format", "all", "-o", str(folder)) == 1
    assert (folder / file_name(session, "md")).read_text() == "old"
    assert export(data, "--format", "all", "-o", str(folder), "--force") == 0
    for name in FORMATS:
        assert (folder / file_name(session, name)).read_bytes() == encoded(session, name)


async def test_the_export_box_refuses_the_sessions_folder(tmp_path: Path, session: Session) -> None:
    # The summary's export box, asked to write into the sessions folder, says why not.
    from textual.widgets import Input, Label

    from panel_tui.ui.app import make_app
    from panel_tui.ui.screens.export_dialog import ExportDialog

    data = tmp_path / "sessions"
    found = Store(data)
    found.save(session)
    before = session_files(data)
    app = make_app(found, SESSION_ID, [], False, clock=lambda: 0.0, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#folder", Input).value = str(data / ".." / "sessions")
        assert await pilot.click("#format-json")
        assert await pilot.click("#export")
        assert app.screen is dialog
        assert "is inside the sessions folder" in str(dialog.query_one("#problem", Label).render())
    after = session_files(data)
    # Opening the session starts its journal and brings the catalogue up to date
    # (the store's own files); no export appeared, and the session is as it was.
    assert set(after) - set(before) == {f"{SESSION_ID}.journal"}
    assert {n: b for n, b in after.items() if n.endswith(".json")} == {
        n: b for n, b in before.items() if n.endswith(".json")
    }


CIRCLE = "it is a link that leads round in a circle"


@posix_only
def test_a_link_in_a_circle_is_an_os_error_said_in_plain_words(
    tmp_path: Path, session: Session
) -> None:
    loop = link_in_a_circle(tmp_path / "hr")
    for refuse in (
        lambda: sessions_folder_problem(loop, tmp_path / "sessions"),
        lambda: plan_export(session, [ALL], loop),
    ):
        with pytest.raises(OSError) as refused:
            refuse()
        assert refused.value.errno == errno.ELOOP and os_reason(refused.value) == CIRCLE


@posix_only
def test_the_command_says_a_link_in_a_circle_in_plain_words(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = link_in_a_circle(tmp_path / "hr")
    assert export(data, "--format", "all", "-o", str(loop)) == 1
    err = capsys.readouterr().err
    assert err.startswith("panel-tui: ") and str(loop) in err and err.endswith(f"{CIRCLE}.\n")
    assert "Traceback" not in err and len(err.splitlines()) == 1


@posix_only
async def test_the_export_box_says_a_link_in_a_circle_in_plain_words(
    tmp_path: Path, session: Session
) -> None:
    from textual.widgets import Input, Label

    from panel_tui.ui.app import make_app
    from panel_tui.ui.screens.export_dialog import ExportDialog

    loop = link_in_a_circle(tmp_path / "hr")
    found = Store(tmp_path / "sessions")
    found.save(session)
    app = make_app(found, SESSION_ID, [], False, clock=lambda: 0.0, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#folder", Input).value = str(loop)
        assert await pilot.click("#format-json")
        assert await pilot.click("#export")
        assert app.screen is dialog  # the box stays, for another folder
        said = str(dialog.query_one("#problem", Label).render())
        assert said == f"Could not write to {loop} ({CIRCLE})."


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_sheets_format_never_writes_a_page_through_a_link_out_of_its_folder(
    data: Path,
    tmp_path: Path,
    session: Session,
    force: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Found by a review: --format member-sheets went round the plan's check that
    # every file stays in the folder -o names, which --format all makes.
    folder, elsewhere = tmp_path / "sheets", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    kept = elsewhere / "signed.html"
    kept.write_text("the copy the member signed")
    page = folder / next(iter(member_sheets(session)))
    link_to(page, kept)
    assert export(data, "--format", MEMBER_SHEETS, "-o", str(folder), *force) == 1
    assert page.is_symlink() and kept.read_text() == "the copy the member signed"
    assert capsys.readouterr().err == (
        f"panel-tui: Could not write to {page} (it is a link that leads out of the folder {folder}).\n"
    )
    assert [p.name for p in folder.iterdir()] == [page.name]  # no other page written either


@pytest.mark.parametrize(
    ("filename", "filename2", "said"),
    [
        (None, None, "hr"),  # the disk, with no file named: the folder typed
        ("hr/S-member-sheets", None, "hr/S-member-sheets"),  # the place the system named
        ("hr/.S.md.tmp-1a2b3c4d", None, "hr"),  # a file being written, gone now: its folder
        ("hr/.S.md.tmp-1a2b3c4d", "hr/S.md", "hr/S.md"),  # os.replace: the file it replaces
    ],
)
def test_could_not_write_names_the_place_the_system_refused(
    filename: str | None, filename2: str | None, said: str
) -> None:
    error = OSError(errno.EACCES, "Permission denied", filename, None, filename2)
    assert could_not_write(Path("hr"), error) == (
        f"Could not write to {Path(said)} (you do not have permission)."
    )


@posix_only
def test_the_command_names_a_link_in_a_circle_where_the_sheets_go(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hr"
    folder.mkdir()
    sheets = link_in_a_circle(folder / file_name(session, MEMBER_SHEETS))
    assert export(data, "--format", "all", "-o", str(folder)) == 1
    assert capsys.readouterr().err == (
        f"panel-tui: Could not write to {sheets} ({CIRCLE}).\n"  # was: to {folder}
    )
