"""``panel-tui export`` through :func:`panel_tui.cli.main`, and the files it names."""

from __future__ import annotations

import csv
import errno
import io
import json
import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from panel_tui.cli import main
from panel_tui.cli.common import EXIT_ERROR
from panel_tui.domain import exports
from panel_tui.domain.exports import (
    FORMATS,
    MEMBER_SHEETS,
    ExportOptions,
    encoded,
    file_name,
    render,
    safe_file_stem,
)
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import FROM_ELSEWHERE, Session
from panel_tui.domain.store import write_atomically
from tests.exports.helpers import NAME_WORDS, SESSION_ID, export, sheets_made, write_export
from tests.platforms import link_to

BOM = "\ufeff".encode()


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_format_goes_to_standard_output(
    data: Path, session: Session, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(data, "--format", fmt) == 0
    out = capsys.readouterr().out
    assert out == render(session, fmt)
    assert not out.startswith("\ufeff")  # a BOM is for files, not for a pipe


def test_markdown_is_the_default(
    data: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(data) == 0
    assert capsys.readouterr().out == render(session, "md")


@pytest.mark.parametrize("fmt", ["csv", "votes-csv", "html"])
def test_one_format_to_a_file(data: Path, tmp_path: Path, session: Session, fmt: str) -> None:
    target = tmp_path / "out" / f"export.{fmt}"
    target.parent.mkdir()
    assert export(data, "--format", fmt, "-o", str(target)) == 0
    assert target.read_bytes() == encoded(session, fmt)
    assert target.read_bytes().startswith(BOM) == FORMATS[fmt].bom


def test_options_reach_the_command_line_export(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(data, "--format", "votes-csv", "--anonymise", "--totals-only") == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert "member" not in rows[0]
    assert not any(word in out for word in NAME_WORDS.values())


def test_all_writes_every_format_into_a_new_folder(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hr" / "round-1"  # made, parents too
    assert export(data, "--format", "all", "-o", str(folder)) == 0
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted(file_name(session, name) for name in [*FORMATS, MEMBER_SHEETS])
    assert len(set(written)) == len(FORMATS) + 1
    for name in FORMATS:
        path = folder / file_name(session, name)
        assert path.read_bytes() == encoded(session, name)
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0  # personal data: owner only
    assert json.loads((folder / f"{SESSION_ID}.json").read_text())["id"] == SESSION_ID
    said = capsys.readouterr().err
    # All means all (an HR officer found the member sheets missing): a page per member,
    # in the folder the summary's Sheets key writes them to.
    sheets = folder / file_name(session, MEMBER_SHEETS)
    assert sheets.name == f"{SESSION_ID}-member-sheets"
    pages = member_sheets(session)
    assert sorted(p.name for p in sheets.iterdir()) == sorted(pages)
    for page, text in pages.items():
        assert (sheets / page).read_text(encoding="utf-8") == text
        assert f"Wrote {sheets / page}" in said
    for name in FORMATS:
        assert f"Wrote {folder / file_name(session, name)}" in said


def test_all_makes_the_sheets_once_and_names_each_file_it_wrote(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a review: "Wrote ..." was said of the files it expected to write,
    # made the sheets a second time to name them, and dropped what the writer returned.
    made = sheets_made(monkeypatch)
    folder = tmp_path / "hr"
    assert export(data, "--format", "all", "-o", str(folder)) == 0
    assert made == [SESSION_ID]
    said = capsys.readouterr().err.splitlines()
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    assert sorted(said) == [f"Wrote {path}" for path in files]


def test_all_names_the_files_it_wrote_before_the_disk_refused(
    data: Path,
    tmp_path: Path,
    session: Session,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_at_json(path: Path, text: bytes) -> None:
        if path.suffix == ".json":
            raise OSError(errno.ENOSPC, "No space left on device")
        write_atomically(path, text)

    monkeypatch.setattr(exports, "write_atomically", full_at_json)
    folder = tmp_path / "hr"
    assert export(data, "--format", "all", "-o", str(folder)) == EXIT_ERROR
    said = capsys.readouterr().err.splitlines()
    refused = said[-1]
    others = [name for name in FORMATS if name != "json"]
    assert said[: len(others)] == [f"Wrote {folder / file_name(session, n)}" for n in others]
    # The formats after the one refused are written all the same (found by a tester:
    # a CSV held open in Excel stopped "all" there, and nothing said the rest was not).
    sheets = folder / file_name(session, MEMBER_SHEETS)
    assert sorted(folder.iterdir()) == sorted(
        [*(folder / file_name(session, n) for n in others), sheets]
    )
    # In the summary's words (the command said "Could not write into ..."), naming the file.
    assert refused == (
        f"panel-tui: Could not write to {folder / file_name(session, 'json')} "
        "(the disk is full). The other files were written."
    )


def test_all_leaves_the_member_sheets_out_of_a_totals_only_copy_and_says_so(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each sheet shows one member's own votes, which a totals-only copy never holds.
    folder = tmp_path / "hr"
    options = ExportOptions(totals_only=True)
    assert export(data, "--format", "all", "--totals-only", "-o", str(folder)) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        file_name(session, name, options) for name in FORMATS
    )
    said = capsys.readouterr().err.splitlines()
    assert said[-1] == (
        "Member sheets were not written: each shows one member's own votes, "
        "and this copy is totals only."
    )


def test_member_sheets_alone_are_refused_as_a_totals_only_copy(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a review: each member's own votes were written into a copy asked to
    # hold totals only. Refused, as trainee sheets are, and nothing is written.
    folder = tmp_path / "sheets"
    assert (
        export(data, "--format", "member-sheets", "--totals-only", "-o", str(folder)) == EXIT_ERROR
    )
    assert not folder.exists()
    said = capsys.readouterr().err
    assert (
        "Member sheets were not written: each shows one member's own votes, "
        "and this copy is totals only."
    ) in said


def test_all_names_candidates_on_the_sheets_only_when_the_chair_allows(
    data: Path, tmp_path: Path, session: Session
) -> None:
    folder = tmp_path / "hr"
    assert export(data, "--format", "all", "--candidate-names", "-o", str(folder)) == 0
    sheets = folder / file_name(session, MEMBER_SHEETS)
    allowed = member_sheets(session, ExportOptions(candidate_names=True))
    assert {p.name: p.read_text(encoding="utf-8") for p in sheets.iterdir()} == allowed


def test_all_never_overwrites_a_member_sheet(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hr"
    sheets = folder / file_name(session, MEMBER_SHEETS)
    sheets.mkdir(parents=True)
    kept = sheets / next(iter(member_sheets(session)))
    kept.write_text("the copy the member signed")
    assert export(data, "--format", "all", "-o", str(folder)) == 1
    err = capsys.readouterr().err
    assert "already exists, so nothing was written" in err and str(kept) in err
    assert sorted(folder.iterdir()) == [sheets] and list(sheets.iterdir()) == [kept]
    assert export(data, "--format", "all", "-o", str(folder), "--force") == 0
    assert kept.read_text(encoding="utf-8") == member_sheets(session)[kept.name]


def test_the_help_says_all_writes_the_sessions_own_sheets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert (
        "all writes every format into a folder, and the session's sheets (member sheets, "
        "or trainee sheets for a practice round) in a folder of their own there"
    ) in help_text


def test_all_refuses_a_sheets_folder_linked_into_the_sessions_folder(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a review: -o beside the sessions folder passed, and the pages went
    # through the link in among the sessions.
    before = sorted(data.iterdir())
    sheets = link_to(tmp_path / file_name(session, MEMBER_SHEETS), data)
    assert export(data, "--format", "all", "-o", str(tmp_path)) == EXIT_ERROR
    assert capsys.readouterr().err.splitlines() == [
        f"panel-tui: Could not write to {sheets} (it is a link into the sessions folder "
        f"({data}), where an export could replace a session)."
    ]
    assert sorted(data.iterdir()) == before
    assert sorted(tmp_path.iterdir()) == sorted([data, sheets])


def test_all_needs_a_folder(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(data, "--format", "all") == 1
    assert "-o" in capsys.readouterr().err


def test_an_unknown_session_is_a_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "export", "no-such-session"]) == 1
    assert "Traceback" not in capsys.readouterr().err


# ------------------------------------------------------------------ file names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-23-support-worker-a1b2c3", "2026-11-23-support-worker-a1b2c3"),  # an id stays
        ("../../etc/passwd", "etc-passwd"),  # no way out of the folder
        ("C:\\Windows\\system32", "c-windows-system32"),  # no Windows separators either
        ("Support worker\x1b[2J | November", "support-worker-2j-november"),  # no controls
        (".hidden", "hidden"),  # no hidden files
        ("CON", "session-CON"),  # a Windows device name, any case
        ("nul", "session-nul"),
        ("com1", "session-com1"),
        ("", "x"),  # never empty
    ],
)
def test_safe_file_stem(text: str, expected: str) -> None:
    assert safe_file_stem(text) == expected


def test_file_names_mark_restricted_copies(session: Session) -> None:
    assert file_name(session, "votes-csv") == f"{SESSION_ID}-votes.csv"
    # An anonymised copy's name is made from its date and bank, never the session's id.
    anonymous = "2026-11-23-support-worker"
    assert file_name(session, "md", ExportOptions(anonymise=True)) == f"{anonymous}-anonymised.md"
    assert (
        file_name(session, "csv", ExportOptions(anonymise=True, totals_only=True))
        == f"{anonymous}-anonymised-totals-only.csv"
    )
    assert file_name(session, "md", ExportOptions(no_notes=True)) == f"{SESSION_ID}-no-notes.md"


def test_write_export_stays_in_its_folder_and_asks_before_replacing(
    session: Session, tmp_path: Path
) -> None:
    path = write_export(session, "html", tmp_path / "new")
    assert path == tmp_path / "new" / f"{SESSION_ID}.html"
    with pytest.raises(FileExistsError):
        write_export(session, "html", tmp_path / "new")
    assert write_export(session, "html", tmp_path / "new", overwrite=True) == path
    # No session has a device's name for its id now (it names the session's own
    # files too); the export's own guard, safe_file_stem, is tested above.
    with pytest.raises(ValidationError, match="a name Windows keeps for a device"):
        Session.model_validate({**session.model_dump(), "id": "aux"}, context=FROM_ELSEWHERE)


# html: its rank badge kept a "·" (found by a tester).
@pytest.mark.parametrize("fmt", ["md", "html", "csv", "votes-csv"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_ascii_makes_the_text_exports_ascii_save_for_what_people_typed(
    data: Path, session: Session, fmt: str, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(data), "export", SESSION_ID, "--format", fmt]
    assert main(["--ascii", *argv] if where == "before" else [*argv, "--ascii"]) == 0
    out = capsys.readouterr().out
    typed = [session.title, session.bank.title]
    typed += [m.name for m in session.panel] + [c.name or "" for c in session.candidates]
    typed += [n.text for n in session.notes] + [d.reason or "" for d in session.decisions]
    typed += [q.text for q in session.bank.questions]
    ours = "".join(ch for ch in out if not ch.isascii())
    people = "".join(ch for ch in "".join(typed) if not ch.isascii())
    assert set(ours) <= set(people), set(ours) - set(people)
    for mark in "▲●▼–":
        assert mark not in out
    if fmt == "md":
        assert "| + Up | o Middle | - Down | / Abstain |" in out
        assert "+ Up" in out.split("### Votes by question")[1]
    assert main(argv) == 0  # without the flag: unchanged
    assert capsys.readouterr().out == render(session, fmt)
