"""The folder ``panel-tui export --format all -o DIR`` writes into: never through a link,
and, when files are there already, what the HR officer can do about it."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.exports import ExportOptions, file_name, plan_export
from panel_tui.domain.exports.steps import ExportSteps
from panel_tui.domain.models import Session
from panel_tui.domain.store.files import UnsafeFile
from tests.exports.helpers import export
from tests.platforms import link_to, posix_only


@posix_only
@pytest.mark.parametrize("fmt", ["all", "member-sheets"])
def test_a_folder_that_is_a_link_is_refused_and_named(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # Found by a tester: -o naming a link wrote every file through it, wherever it led
    # (a link planted in a shared folder could send the summaries elsewhere).
    real = tmp_path / "elsewhere"
    real.mkdir()
    link = link_to(tmp_path / "hr", real)
    assert export(data, "--format", fmt, "-o", str(link)) == 1
    err = capsys.readouterr().err
    assert err == (
        f"panel-tui: Could not write to {link} (it is a link to the folder {real}, and "
        "panel-tui never writes through a link: name that folder instead).\n"
    )
    assert list(real.iterdir()) == []


@posix_only
@pytest.mark.parametrize(
    ("made", "which"), [(False, "which is not there"), (True, "which is a file")]
)
def test_a_link_to_no_folder_is_refused_and_said_to_be_no_folder(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], made: bool, which: str
) -> None:
    # Found by a review: a link leading nowhere, or to a file, was called "a link to
    # the folder ..." with "name that folder instead", of a folder that is not one.
    target = tmp_path / "missing"
    if made:
        target.write_text("HR's own notes")
    link = link_to(tmp_path / "hr", target)
    assert export(data, "--format", "all", "-o", str(link)) == 1
    assert capsys.readouterr().err == (
        f"panel-tui: Could not write to {link} (it is a link to {target}, {which}, and "
        "panel-tui never writes through a link: name a folder instead).\n"
    )
    assert sorted(tmp_path.iterdir()) == sorted([data, link, *([target] if made else [])])
    assert not made or target.read_text() == "HR's own notes"


@posix_only
def test_the_plan_refuses_a_folder_that_is_a_link(session: Session, tmp_path: Path) -> None:
    # The summary's Export box plans the same way, so it refuses too.
    real = tmp_path / "elsewhere"
    real.mkdir()
    link = link_to(tmp_path / "hr", real)
    with pytest.raises(UnsafeFile) as refused:
        plan_export(session, ["all"], link)
    assert refused.value.path == link


@posix_only
def test_the_export_box_refuses_a_folder_that_is_a_link(session: Session, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir()
    link = link_to(tmp_path / "hr", real)
    steps = ExportSteps(session, ["all"], link, ExportOptions(), sessions=tmp_path / "sessions")
    step = steps.start()
    assert step.nothing_written and step.ask is None
    assert step.refused == (
        f"Could not write to {link} (it is a link to the folder {real}, and panel-tui never "
        "writes through a link: name that folder instead)."
    )
    assert list(real.iterdir()) == []


def test_a_folder_under_a_link_is_still_written(
    data: Path, tmp_path: Path, session: Session
) -> None:
    # Only the folder named is checked: a home or a /tmp reached through a link
    # (as on macOS) is the user's own place, and stays usable.
    real = tmp_path / "elsewhere"
    real.mkdir()
    try:
        (tmp_path / "via").symlink_to(real, target_is_directory=True)
    except (OSError, NotImplementedError):
        pytest.skip("links cannot be made here")
    assert export(data, "--format", "all", "-o", str(tmp_path / "via" / "hr")) == 0
    assert (real / "hr" / file_name(session, "md")).is_file()


@pytest.mark.parametrize("fmt", ["md", "csv"])  # the first written, and one written after
def test_one_file_there_is_named_with_the_ways_out(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # Found in testing: "These files already exist" of one file, and only
    # --force offered, which replaces every file (their own edits too). Nothing is
    # written, not even the files --format all writes before the one there.
    folder = tmp_path / "hr"
    folder.mkdir()
    kept = folder / file_name(session, fmt)
    kept.write_text("HR's own edits")
    assert export(data, "--format", "all", "-o", str(folder)) == 1
    assert capsys.readouterr().err == (
        f"panel-tui: {kept} already exists, so nothing was written. Add --force to "
        "replace it, or name another folder with -o.\n"
    )
    assert kept.read_text() == "HR's own edits"
    assert list(folder.iterdir()) == [kept]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_folder_where_a_file_goes_is_named_and_force_is_not_offered(
    data: Path,
    tmp_path: Path,
    session: Session,
    capsys: pytest.CaptureFixture[str],
    force: list[str],
) -> None:
    # Found by a tester: "blk/x.csv already exists ... Add --force to replace it", when
    # --force cannot replace a folder (the others were rewritten, and the folder refused).
    folder = tmp_path / "blk"
    in_the_way = folder / file_name(session, "csv")
    in_the_way.mkdir(parents=True)
    assert export(data, "--format", "all", "-o", str(folder), *force) == 1
    assert capsys.readouterr().err == (
        f"panel-tui: {in_the_way} is a folder, which an export never replaces, so nothing "
        "was written. Move it, or name another folder with -o.\n"
    )
    assert list(folder.iterdir()) == [in_the_way]


def test_files_there_are_each_named_with_the_ways_out(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hr"
    folder.mkdir()
    md, csv = folder / file_name(session, "md"), folder / file_name(session, "csv")
    md.write_text("kept")
    csv.write_text("kept")
    assert export(data, "--format", "all", "-o", str(folder)) == 1
    assert capsys.readouterr().err == (
        f"panel-tui: These files already exist, so nothing was written: {md}, {csv}. "
        "Add --force to replace them, or name another folder with -o.\n"
    )
    assert sorted(folder.iterdir()) == sorted([md, csv])
