"""``panel-tui export`` through :func:`panel_tui.cli.main`, and the files it names."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from panel_tui.cli import main
from panel_tui.domain.exports import (
    FORMATS,
    ExportOptions,
    encoded,
    file_name,
    render,
    safe_file_stem,
    write_export,
)
from panel_tui.domain.models import FROM_ELSEWHERE, Session
from tests.exports.helpers import NAME_WORDS, SESSION_ID, export

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
    assert written == sorted(file_name(session, name) for name in FORMATS)
    assert len(set(written)) == len(FORMATS)
    for name in FORMATS:
        path = folder / file_name(session, name)
        assert path.read_bytes() == encoded(session, name)
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0  # personal data: owner only
    assert json.loads((folder / f"{SESSION_ID}.json").read_text())["id"] == SESSION_ID
    assert "Wrote" in capsys.readouterr().err


def test_all_never_overwrites_a_file(
    data: Path, tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hr"
    folder.mkdir()
    kept = folder / file_name(session, "csv")
    kept.write_text("HR's own edits")
    assert export(data, "--format", "all", "-o", str(folder)) == 1
    err = capsys.readouterr().err
    assert "already exist" in err and "Traceback" not in err
    assert kept.read_text() == "HR's own edits"
    assert sorted(p.name for p in folder.iterdir()) == [kept.name]  # nothing else written


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


@pytest.mark.parametrize("fmt", ["md", "csv", "votes-csv"])
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
