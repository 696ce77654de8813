"""The one plan of which files an export writes, for the command's ``all`` and the Export box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from panel_tui.domain.exports import (
    ALL,
    FOLDER_FORMATS,
    FORMATS,
    MEMBER_SHEETS,
    TRAINEE_SHEETS,
    ExportOptions,
    PartlyWritten,
    file_name,
    plan_export,
    write_all,
    write_over,
    write_plan,
)
from panel_tui.domain.exports.sheet_kinds import SheetError, totals_only_words
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.exports.trainee_sheets import trainee_pages
from panel_tui.domain.models import Session
from panel_tui.domain.store.files import UnsafeFile
from tests.domain.practice import practice
from tests.exports.helpers import build_session, sheets_made, write_exports
from tests.platforms import link_to, posix_only


def rehearsal() -> Session:
    return practice(["up"], ["Ann Lee", "Ben Cho"], [("p1", "q1", "m1", "up")])


def test_all_plans_each_file_with_the_format_that_writes_it_and_writes_nothing(
    tmp_path: Path,
) -> None:
    session, folder = build_session(), tmp_path / "hr"
    plan = plan_export(session, [ALL], folder)
    sheets = folder / file_name(session, MEMBER_SHEETS)
    assert plan.files == [
        *((name, folder / file_name(session, name)) for name in FORMATS),
        *((MEMBER_SHEETS, sheets / page) for page in member_sheets(session)),
    ]
    assert [planned.name for planned in plan.formats] == [*FORMATS, MEMBER_SHEETS]
    assert plan.formats[-1].path == sheets  # the sheets' own folder, as the box names it
    assert plan.left_out == "" and plan.taken() == []
    assert not folder.exists()  # a plan writes nothing, not even the folder


def test_a_practice_rounds_all_plans_its_trainee_sheets(tmp_path: Path) -> None:
    session = rehearsal()
    plan = plan_export(session, [ALL], tmp_path)
    sheets = tmp_path / file_name(session, TRAINEE_SHEETS)
    assert [path for name, path in plan.files if name in FOLDER_FORMATS] == [
        sheets / page for page in trainee_pages(session)
    ]
    assert MEMBER_SHEETS not in [planned.name for planned in plan.formats]


@pytest.mark.parametrize(
    ("made", "sheets"),
    [(build_session, MEMBER_SHEETS), (rehearsal, TRAINEE_SHEETS)],
    ids=["member-sheets", "trainee-sheets"],
)
def test_a_totals_only_all_leaves_the_sheets_out_and_says_why(
    made: Callable[[], Session], sheets: str, tmp_path: Path
) -> None:
    session, totals = made(), ExportOptions(totals_only=True)
    plan = plan_export(session, [ALL], tmp_path, totals)
    assert [planned.name for planned in plan.formats] == list(FORMATS)
    assert plan.left_out == totals_only_words(sheets)
    # Files of a totals-only copy are named as such, so they never pass for the full one.
    assert all(path.name.startswith(f"{session.id}-totals-only") for _, path in plan.files)
    # Formats named one by one leave nothing out, so nothing is said.
    assert plan_export(session, ["md", "csv"], tmp_path, totals).left_out == ""


def test_sheets_asked_for_by_name_in_a_totals_only_copy_are_refused_before_anything(
    tmp_path: Path,
) -> None:
    with pytest.raises(SheetError) as refused:
        plan_export(
            build_session(), ["md", MEMBER_SHEETS], tmp_path / "hr", ExportOptions(totals_only=True)
        )
    assert str(refused.value) == totals_only_words(MEMBER_SHEETS)
    assert not (tmp_path / "hr").exists()


def test_taken_names_each_planned_file_already_there(tmp_path: Path) -> None:
    session = build_session()
    plan = plan_export(session, [ALL], tmp_path)
    sheets = plan.formats[-1]
    sheets.path.mkdir()  # the sheets' folder alone is no clash: no page is in it
    assert plan.taken() == []
    csv = tmp_path / file_name(session, "csv")
    csv.write_text("HR's own edits")
    page = sheets.path / next(iter(member_sheets(session)))
    page.write_text("the copy the member signed")
    assert plan.taken() == [csv, page]
    assert [p.name for p in plan.formats if p.taken()] == ["csv", MEMBER_SHEETS]


@posix_only
def test_a_link_that_leads_nowhere_is_refused_by_the_command_and_the_box_alike(
    tmp_path: Path,
) -> None:
    # The command refused it; the box wrote over it without asking. panel-tui never
    # writes through a link, so both now refuse it before anything, naming it.
    session = build_session()
    link = tmp_path / file_name(session, "md")
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(UnsafeFile) as refused:
        plan_export(session, [ALL], tmp_path)
    assert refused.value.path == link
    with pytest.raises(UnsafeFile):
        write_exports(session, ["md"], tmp_path)
    assert link.is_symlink() and sorted(tmp_path.iterdir()) == [link]


def test_a_sheets_folder_linked_into_the_sessions_folder_is_refused(tmp_path: Path) -> None:
    # Found by a review: a link beside the sessions folder led into it, and the plan let
    # it pass, so every page went in among the sessions.
    session, sessions = build_session(), tmp_path / "sessions"
    sessions.mkdir()
    sheets = link_to(tmp_path / file_name(session, MEMBER_SHEETS), sessions)
    with pytest.raises(UnsafeFile) as refused:
        plan_export(session, [ALL], tmp_path, sessions=sessions)
    assert refused.value.path == sheets
    assert refused.value.reason == (
        f"it is a link into the sessions folder ({sessions}), where an export could replace "
        "a session"
    )
    # Even where the sessions folder is not said, a link is never written through.
    with pytest.raises(UnsafeFile):
        plan_export(session, [MEMBER_SHEETS], tmp_path)
    assert list(sessions.iterdir()) == []


def test_only_keeps_the_formats_named_and_what_was_left_out(tmp_path: Path) -> None:
    session, totals = build_session(), ExportOptions(totals_only=True)
    plan = plan_export(session, [ALL], tmp_path, totals)
    again = plan.only(["json", "md"])
    assert [planned.name for planned in again.formats] == ["md", "json"]  # in the plan's order
    assert again.left_out == plan.left_out and again.options == totals


def test_both_ways_in_write_exactly_the_files_planned(tmp_path: Path) -> None:
    session, options = build_session(), ExportOptions(anonymise=True)
    command, box = tmp_path / "command", tmp_path / "box"
    planned = [path for _, path in plan_export(session, [ALL], command, options).files]
    assert list(write_all(plan_export(session, [ALL], command, options))) == planned
    write_exports(session, [ALL], box, options)
    for folder in (command, box):
        files = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(command) for p in planned)


def test_the_sheets_are_made_once_and_written_as_planned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Replace in the box writes the plan it asked about: the pages are not made again.
    made = sheets_made(monkeypatch)
    session = build_session()
    plan = plan_export(session, [ALL], tmp_path)
    first = write_plan(plan)
    again = write_plan(plan.only([MEMBER_SHEETS]), overwrite=True)
    assert made == [session.id]
    assert first.existing == [] and again.written == [(MEMBER_SHEETS, plan.formats[-1].path)]


def test_pages_here_plans_the_sheets_straight_into_the_folder(tmp_path: Path) -> None:
    # export --format member-sheets -o DIR: the pages in DIR, not in a folder of their own.
    session = build_session()
    plan = plan_export(session, [MEMBER_SHEETS], tmp_path, pages_here=True)
    assert plan.formats[0].path == tmp_path
    assert plan.files == [(MEMBER_SHEETS, tmp_path / page) for page in member_sheets(session)]
    # A one-file format chosen with them keeps its own file.
    both = plan_export(session, ["md", MEMBER_SHEETS], tmp_path, pages_here=True)
    assert both.formats[0].path == tmp_path / file_name(session, "md")


def test_a_name_that_leads_out_of_the_folder_is_refused_before_anything(tmp_path: Path) -> None:
    session, folder, elsewhere = build_session(), tmp_path / "hr", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    sheets = link_to(folder / file_name(session, MEMBER_SHEETS), elsewhere)
    with pytest.raises(OSError):
        plan_export(session, [ALL], folder)
    sheets.unlink()
    page = link_to(folder / next(iter(member_sheets(session))), elsewhere / "x.html")
    with pytest.raises(OSError):
        plan_export(session, [MEMBER_SHEETS], folder, pages_here=True)
    assert sorted(folder.iterdir()) == [page] and list(elsewhere.iterdir()) == []


def test_write_over_says_what_both_passes_wrote_in_the_plans_order(tmp_path: Path) -> None:
    session = build_session()
    csv = tmp_path / file_name(session, "csv")
    csv.write_text("HR's own edits")
    plan = plan_export(session, ["md", "csv", "json"], tmp_path)
    first = write_plan(plan)
    assert first.existing == [("csv", csv)] and first.replaced == []
    both = write_over(plan, first)
    assert both.written == [(p.name, p.path) for p in plan.formats]  # md, csv, json
    assert both.existing == [] and both.replaced == [("csv", csv)]
    assert both.replaced_words() == f"Replaced 1 file already there ({csv.name})."
    assert first.kept_words() == f"Kept 1 file already there ({csv.name}): nothing was replaced."
    assert csv.read_bytes() != b"HR's own edits"


def test_a_refusal_part_way_says_what_was_written_before_it(tmp_path: Path) -> None:
    session = build_session()
    in_the_way = tmp_path / file_name(session, MEMBER_SHEETS)
    in_the_way.write_text("HR's own notes")
    plan = plan_export(session, [ALL], tmp_path)
    with pytest.raises(PartlyWritten) as refused:
        write_plan(plan)
    assert refused.value.exported.written == [
        (name, tmp_path / file_name(session, name)) for name in FORMATS
    ]
    assert refused.value.filename == refused.value.error.filename == str(in_the_way)
    assert in_the_way.read_text() == "HR's own notes"


def test_sheets_partly_there_have_the_pages_not_there_written_and_the_others_asked_about(
    tmp_path: Path,
) -> None:
    session = build_session()
    plan = plan_export(session, [MEMBER_SHEETS], tmp_path)
    (sheets,) = plan.formats
    *kept, new = sheets.files
    sheets.path.mkdir()
    for page in kept:
        page.write_text("the copy the member signed")
    first = write_plan(plan)
    assert first.written == first.existing == [(MEMBER_SHEETS, sheets.path)]
    there = f"{len(kept)} of the {len(sheets.files)} member sheets"
    assert first.sheets_there(MEMBER_SHEETS) == there
    assert new.exists() and kept[0].read_text() == "the copy the member signed"
    both = write_over(plan, first)
    assert both.replaced_words() == f"Replaced {there} in the folder {sheets.path.name}."
    assert both.words(session).endswith(f": the member sheets in the folder {sheets.path.name}")
    assert kept[0].read_text() != "the copy the member signed"


def test_what_was_all_written_over_is_named_once_and_said_to_be_replaced(tmp_path: Path) -> None:
    # The summary's T, twice, then Replace: "Exported ...: the member sheets in the
    # folder ..." and then "Replaced the member sheets in the folder ...". Each format
    # written was there, so one line names them and says they replaced what was there.
    session = build_session()
    for formats in ([MEMBER_SHEETS], ["md", "csv", MEMBER_SHEETS]):
        plan = plan_export(session, formats, tmp_path)
        write_plan(plan)  # all there now
        both = write_over(plan, write_plan(plan))
        said = both.words(session)
        assert said.startswith(f"Exported to the folder {tmp_path.resolve()}, replacing what ")
        assert said.count("member sheets") == 1
        assert said.endswith(f"the member sheets in the folder {file_name(session, MEMBER_SHEETS)}")
        assert both.replaced_words() == ""
    # Some written new and some over: every file is listed, then those replaced.
    (tmp_path / file_name(session, "md")).unlink()
    plan = plan_export(session, ["md", "csv"], tmp_path)
    both = write_over(plan, write_plan(plan))
    assert both.words(session) == (
        f"Exported to the folder {tmp_path.resolve()}: {file_name(session, 'md')}, .csv"
    )
    assert both.replaced_words() == f"Replaced 1 file already there ({file_name(session, 'csv')})."
