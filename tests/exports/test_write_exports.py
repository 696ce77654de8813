"""Writing several formats at once, as the summary screen's Export does."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from panel_tui.domain.exports import (
    ALL,
    MEMBER_SHEETS,
    ExportOptions,
    all_formats,
    encoded,
    file_name,
    left_out_of_all,
    plan_export,
    write_all,
)
from panel_tui.domain.exports.sheet_kinds import SheetError, sheets_of
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import Session
from panel_tui.domain.system_words import os_reason
from tests.domain.practice import practice
from tests.exports.helpers import build_session, write_exports
from tests.platforms import posix_only

WARNING = "The json file includes the votes on 1 answer still sealed"


def test_each_format_is_written_and_named_in_the_chairs_words(tmp_path: Path) -> None:
    session = build_session()  # one answer still sealed
    folder = tmp_path / "out"
    exported = write_exports(session, ["md", "json"], folder)
    assert [name for name, _ in exported.written] == ["md", "json"] and not exported.existing
    for name, path in exported.written:
        assert path == folder / file_name(session, name) and path.read_bytes() == encoded(
            session, name
        )
    words = exported.words(session)
    assert words.startswith(f"Exported to the folder {folder.resolve()}: ")
    # the json is the complete record: it holds the sealed votes, and the chair is told
    assert WARNING in words


def test_files_of_one_session_are_named_once_then_by_how_each_ends(tmp_path: Path) -> None:
    # Six names in full took 8 of the screen's 24 lines under the summary.
    session = build_session()
    exported = write_exports(session, ["md", "html", "votes-csv", "json"], tmp_path)
    stem = file_name(session, "md").removesuffix(".md")
    assert exported.words(session).startswith(
        f"Exported to the folder {tmp_path.resolve()}: {stem}.md, .html, -votes.csv, .json."
    )
    alone = write_exports(session, ["csv"], tmp_path / "one").words(session)
    assert alone == f"Exported to the folder {(tmp_path / 'one').resolve()}: {stem}.csv"


def test_no_warning_when_no_file_holds_a_sealed_vote(tmp_path: Path) -> None:
    session = build_session()
    assert WARNING not in write_exports(session, ["md", "csv"], tmp_path).words(session)


def test_a_file_that_is_there_is_left_unless_overwrite(tmp_path: Path) -> None:
    session = build_session()
    kept = tmp_path / file_name(session, "md")
    kept.write_text("HR's own edits")
    exported = write_exports(session, ["md", "csv"], tmp_path)
    assert exported.existing == [("md", kept)] and kept.read_text() == "HR's own edits"
    assert [name for name, _ in exported.written] == ["csv"]
    again = write_exports(session, ["md"], tmp_path, overwrite=True)
    assert again.written == [("md", kept)] and kept.read_bytes() == encoded(session, "md")
    left = write_exports(session, ["md"], tmp_path)
    assert left.words(session) == ""  # nothing written...
    assert left.kept_words() == f"Kept 1 file already there ({kept.name}): nothing was replaced."
    assert again.kept_words() == ""  # ...and nothing kept when all was written


def test_a_folder_that_is_a_file_is_refused_in_plain_words(tmp_path: Path) -> None:
    # The chair typed a file's name as the folder: the screen said "These files
    # already exist: 17" (the system's error number), and Replace did nothing.
    session = build_session()
    not_a_folder = tmp_path / "results.xlsx"
    not_a_folder.write_text("HR's spreadsheet")
    with pytest.raises(OSError) as refused:
        write_exports(session, ["md", "csv"], not_a_folder)
    assert not isinstance(refused.value, FileExistsError)  # never taken for a kept file
    assert os_reason(refused.value) == "part of the path is a file, not a folder"
    assert not_a_folder.read_text() == "HR's spreadsheet"


@posix_only
def test_a_folder_made_for_exports_is_the_owners_only_and_one_already_there_is_left(
    tmp_path: Path,
) -> None:
    # The files were owner-only but the folder made for them was open to every
    # user of the computer (755), so others could read the member sheets' names.
    session = build_session()
    write_exports(session, ["md"], tmp_path / "new")
    assert list(
        write_all(plan_export(session, [MEMBER_SHEETS], tmp_path / "sheets", pages_here=True))
    )
    for made in (tmp_path / "new", tmp_path / "sheets"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700
    own = tmp_path / "own"
    own.mkdir(mode=0o755)
    own.chmod(0o755)
    write_exports(session, ["md"], own)
    assert stat.S_IMODE(own.stat().st_mode) == 0o755  # the user's own folder, as it was


def test_member_sheets_go_in_a_folder_of_their_own_kept_unless_overwrite(tmp_path: Path) -> None:
    # "Every format" on the summary writes them too, as --format all does.
    session = build_session()
    exported = write_exports(session, ["md", MEMBER_SHEETS], tmp_path)
    sheets = tmp_path / file_name(session, MEMBER_SHEETS)
    assert exported.written == [
        ("md", tmp_path / file_name(session, "md")),
        (MEMBER_SHEETS, sheets),
    ]
    assert sorted(p.name for p in sheets.iterdir()) == sorted(member_sheets(session))
    assert exported.words(session) == (
        f"Exported to the folder {tmp_path.resolve()}: {file_name(session, 'md')}, "
        f"and the member sheets in the folder {sheets.name}"
    )
    page = next(sheets.iterdir())
    page.write_text("old")
    left = write_exports(session, [MEMBER_SHEETS, "md"], tmp_path)
    assert left.existing == [(MEMBER_SHEETS, sheets), ("md", tmp_path / file_name(session, "md"))]
    assert page.read_text() == "old"
    assert left.kept_words() == (
        f"Kept 1 file already there ({file_name(session, 'md')}) and the member sheets in "
        f"the folder {sheets.name}: nothing was replaced."
    )
    write_exports(session, [MEMBER_SHEETS], tmp_path, overwrite=True)
    assert page.read_text() == member_sheets(session)[page.name]


@pytest.mark.parametrize(
    ("made", "person"),
    [(build_session, "member"), (lambda: practice(["up"], ["Ann Lee"]), "trainee")],
    ids=["member-sheets", "trainee-sheets"],
)
def test_sheets_refuse_a_totals_only_copy_in_the_words_all_leaves_them_out_with(
    made: Callable[[], Session], person: str, tmp_path: Path
) -> None:
    # Found by a review: asked for member sheets alone, totals only, the exports wrote
    # each member's own votes (only the command line refused them).
    session, totals = made(), ExportOptions(totals_only=True)
    with pytest.raises(SheetError) as refused:
        write_exports(session, [sheets_of(session)], tmp_path / "hr", totals)
    assert not (tmp_path / "hr").exists()  # nothing written, not even the folder
    said = (
        f"{person.capitalize()} sheets were not written: each shows one {person}'s own "
        "votes, and this copy is totals only."
    )
    assert str(refused.value) == said == left_out_of_all(session, totals)


def one_file_formats(stem: str) -> list[str]:
    """The six files a person expects of "every format", by name."""
    ends = (".md", ".html", ".csv", "-votes.csv", ".json", "-involvement.csv")
    return [f"{stem}{end}" for end in ends]


LIVE = "2026-11-23-support-worker-a1b2c3"
MEMBER_PAGES = [
    "seat-1-sam-okafor.html",
    "seat-2-priya-bold-shah.html",
    "seat-3-hyperlink-http-x-dan-reilly.html",
    "seat-4-hannah-a-b-cole.html",
    "seat-5-sum-a1-kit-marsh.html",
]


def rehearsal() -> Session:
    return practice(["up"], ["Ann Lee", "Ben Cho"], [("p1", "q1", "m1", "up")])


ANONYMOUS = "2026-11-23-support-worker-anonymised-no-notes"


@pytest.mark.parametrize(
    ("made", "options", "expected"),
    [
        (
            build_session,
            ExportOptions(),
            [*one_file_formats(LIVE), *(f"{LIVE}-member-sheets/{page}" for page in MEMBER_PAGES)],
        ),
        (  # anonymised as every format is: seat labels, and a name from the date and bank
            build_session,
            ExportOptions(anonymise=True, no_notes=True),
            [
                *one_file_formats(ANONYMOUS),
                *(f"{ANONYMOUS}-member-sheets/seat-{seat}.html" for seat in range(1, 6)),
            ],
        ),
        (  # each sheet is one member's own votes
            build_session,
            ExportOptions(totals_only=True),
            one_file_formats(f"{LIVE}-totals-only"),
        ),
        (  # a practice round's are its trainee sheets, as the Sheets key writes
            rehearsal,
            ExportOptions(),
            [
                *one_file_formats("p1"),
                "p1-trainee-sheets/p1-seat-1-ann-lee.html",
                "p1-trainee-sheets/p1-seat-2-ben-cho.html",
            ],
        ),
        (rehearsal, ExportOptions(totals_only=True), one_file_formats("p1-totals-only")),
    ],
    ids=["live", "anonymised", "totals-only", "practice", "practice-totals-only"],
)
def test_every_format_writes_each_file_and_the_sessions_own_sheets(
    made: Callable[[], Session], options: ExportOptions, expected: list[str], tmp_path: Path
) -> None:
    # The command's --format all and the Export box's "Every format above" write the same.
    session = made()
    command, box = tmp_path / "command", tmp_path / "box"
    assert sorted(
        str(p.relative_to(command))
        for p in write_all(plan_export(session, [ALL], command, options))
    ) == (sorted(expected))
    write_exports(session, all_formats(session, options), box, options)
    for folder in (command, box):
        files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
        assert sorted(files) == sorted(expected)
