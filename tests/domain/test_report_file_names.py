"""``report`` over a folder of json exports: what it writes of a file's name and why.

A file's name is data: one that holds control characters (an escape sequence
that retitles or clears a terminal) or a right-to-left override goes into the
csv, md and html as the terminal shows it (:func:`panel_tui.domain.text.printable`),
never raw (found by a security tester).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.exports.json_record import export_json
from tests.domain.rounds_sessions import r1, r2

#: A name that retitles the terminal, rings its bell and clears it; and one read backwards.
HOSTILE = "b\x1b]0;PWNED\x07\x1b[2J"
BACKWARDS = "c\u202egnp"


@pytest.mark.parametrize("fmt", ["csv", "md", "html"])
def test_a_file_left_out_is_named_safely_in_the_report(tmp_path: Path, fmt: str) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "r1.json").write_text(export_json(r1()), encoding="utf-8")
    (exports / f"{HOSTILE}.json").write_text("{\n", encoding="utf-8")
    (exports / f"{BACKWARDS}.json").write_text('{"not": "a session"}', encoding="utf-8")
    # An anonymised export is named by its file's name in the report too.
    anonymised = render(r2(), "json", ExportOptions(anonymise=True))
    (exports / f"{BACKWARDS}2.json").write_text(anonymised, encoding="utf-8")
    out = tmp_path / f"rounds.{fmt}"
    args = ["--data-dir", str(tmp_path / "none"), "report", str(exports), "--format", fmt]
    assert main([*args, "-o", str(out)]) == 1
    written = out.read_text(encoding="utf-8-sig")
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in written
    if fmt == "md":  # as markdown shows it: each mark that means something escaped
        written = re.sub(r"\\(.)", r"\1", written)
    assert "b\\x1b]0;PWNED\\x07\\x1b[2J.json" in written
    assert "c\\u202egnp.json" in written
    assert "c\\u202egnp2.json" in written


def test_a_file_left_out_is_said_in_reports_words_not_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "cannot be imported" and "import checks the rest" said of files the user
    # gave to report, not import (found by a security tester).
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "r1.json").write_text(export_json(r1()), encoding="utf-8")
    (exports / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    broken = json.loads(export_json(r2()))
    broken["panel"][0]["role"] = "sideways"  # too little left to check the rest now
    (exports / "ct2.json").write_text(json.dumps(broken), encoding="utf-8")
    (exports / "totals.json").write_text(
        render(r2(), "json", ExportOptions(totals_only=True)), encoding="utf-8"
    )
    (exports / "sheet.json").write_text("code,name\nC1,Ann\n", encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "none"), "report", str(exports), "--format", "md"]
    assert main(args) == 1
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "import" not in said.lower()
    assert f"{exports / 'deep.json'}: cannot be read: it is nested too deeply." in said
    assert "ct2.json: once these are put right, the rest of the file is checked: " in said
    assert "so it cannot be read as a session. Use a json export made without" in said
