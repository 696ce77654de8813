"""An anonymised export holds no name: not in its title, id or file names; free text is
said plainly to be kept as written, and ``--no-notes`` (or ``--totals-only``) leaves it out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports import FORMATS, ExportOptions, render
from panel_tui.domain.exports.anonymise import names_kept_in_free_text
from panel_tui.domain.models import Decision, Note, Session
from panel_tui.domain.store import Store
from tests.exports.helpers import NAME_WORDS, T0, build_session, write_exports

#: A session HR prepared by hand, named after the candidate: title and id hold her name.
NAMED_ID = "2026-11-23-zebedee-quixley-panel"
NAME_PARTS = ("zebedee", "quixley")
#: A note that names the candidate: free text, kept by --anonymise alone.
NAMING_NOTE = "Zebedee Quixley gave a warm answer."


def named_session() -> Session:
    session = build_session()
    candidates = [session.candidates[0].model_copy(update={"name": "Zebedee Quixley"})]
    candidates += session.candidates[1:]
    first = candidates[0].id
    return session.model_copy(
        update={
            "id": NAMED_ID,
            "title": "Zebedee Quixley panel",
            "candidates": candidates,
            "notes": [Note(candidate=first, question=None, text=NAMING_NOTE, at=T0)],
            "decisions": [
                Decision(candidate=first, outcome="recommend", reason="Zebedee was clear.", at=T0)
            ],
        }
    )


def without_free_text(text: str) -> str:
    return text.replace(NAMING_NOTE, "").replace("Zebedee was clear.", "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymised_exports_hold_no_name_in_title_or_id(fmt: str) -> None:
    text = without_free_text(render(named_session(), fmt, ExportOptions(anonymise=True))).lower()
    for part in NAME_PARTS:
        assert part not in text, f"{part!r} in the anonymised {fmt}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(anonymise=True, no_notes=True),
        ExportOptions(anonymise=True, totals_only=True),
    ],
    ids=["no-notes", "totals-only"],
)
def test_without_notes_no_name_is_left_at_all(fmt: str, options: ExportOptions) -> None:
    text = render(named_session(), fmt, options).lower()
    for part in NAME_PARTS:
        assert part not in text, f"{part!r} in the {fmt}"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_anonymised_summary_says_free_text_is_not_anonymised(fmt: str) -> None:
    text = render(named_session(), fmt, ExportOptions(anonymise=True))
    assert "Notes and reasons are not anonymised" in text
    assert NAMING_NOTE in text  # kept: the panel's evidence
    assert "Notes and reasons are not anonymised" not in render(named_session(), fmt)


def test_an_anonymised_csv_says_in_its_header_that_reasons_are_not_anonymised() -> None:
    # The md, html and json say that free text is kept as written; the csv said
    # nothing, so a reason naming the candidate sat under "decision_reason" in a
    # copy HR would take for anonymous.
    def header_and_reason(options: ExportOptions) -> tuple[list[str], str]:
        rows = list(csv.DictReader(io.StringIO(render(named_session(), "csv", options))))
        return list(rows[0]), rows[0].get("decision_reason_not_anonymised", "")

    columns, reason = header_and_reason(ExportOptions(anonymise=True))
    assert "decision_reason" not in columns and reason == "Zebedee was clear."
    assert columns.index("decision_reason_not_anonymised") == columns.index("decision") + 1
    # Earlier decisions carry their reasons too.
    assert "earlier_decisions" not in columns
    assert columns[-5:] == [
        "earlier_decisions_not_anonymised",
        "finish_history",
        "withdrawn_after_reveal",
        "finished",
        "mode",
    ]  # at the end
    for options in (ExportOptions(), ExportOptions(anonymise=True, no_notes=True)):
        columns, _ = header_and_reason(options)
        assert "decision_reason" in columns and "decision_reason_not_anonymised" not in columns
        assert "earlier_decisions" in columns
        assert "earlier_decisions_not_anonymised" not in columns


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_summary_without_notes_says_they_are_left_out(fmt: str) -> None:
    text = render(named_session(), fmt, ExportOptions(no_notes=True))
    assert NAMING_NOTE not in text and "Zebedee was clear." not in text
    assert "Notes and reasons are left out." in text
    assert "Left out of this copy" in text
    assert "No notes were taken" not in text


def test_anonymised_json_says_plainly_what_it_keeps() -> None:
    record = json.loads(render(named_session(), "json", ExportOptions(anonymise=True)))
    assert record["export"]["free_text"].startswith("Notes and reasons are kept")
    assert record["id"] != NAMED_ID and record["title"] != "Zebedee Quixley panel"
    left_out = json.loads(render(named_session(), "json", ExportOptions(no_notes=True)))
    assert left_out["notes"] == [] and left_out["export"]["notes_left_out"] is True
    assert [d["reason"] for d in left_out["decisions"]] == [""]


def test_format_all_file_names_hold_no_name(tmp_path: Path) -> None:
    data = tmp_path / "sessions"
    Store(data).save(named_session())
    folder = tmp_path / "hr"
    args = ["--data-dir", str(data), "export", NAMED_ID, "--format", "all", "--anonymise"]
    args.append("--candidate-names")  # anonymising still drops them
    assert main([*args, "-o", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(FORMATS) + 1  # and the member sheets' folder
    for name in names:
        assert "anonymised" in name
        assert not any(part in name.lower() for part in NAME_PARTS), name
    # The member sheets are anonymised as every format is: seats and codes, no name.
    (sheets,) = [p for p in folder.iterdir() if p.is_dir()]
    assert sheets.name == "2026-11-23-support-worker-anonymised-member-sheets"
    pages = sorted(sheets.iterdir())
    assert [p.name for p in pages] == [f"seat-{n}.html" for n in range(1, 6)]
    assert "This page is for Seat 1." in pages[0].read_text(encoding="utf-8")
    for page in pages:
        text = page.read_text(encoding="utf-8").lower()
        assert not any(word.lower() in text for word in NAME_WORDS.values()), page.name
        assert not any(part in text for part in NAME_PARTS), page.name


def test_no_notes_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "sessions"
    Store(data).save(named_session())
    assert main(["--data-dir", str(data), "export", NAMED_ID, "--no-notes"]) == 0
    assert NAMING_NOTE not in capsys.readouterr().out


def test_an_anonymised_copy_whose_free_text_names_someone_says_so_where_it_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by an HR officer: "Jordan Lee said she is dyslexic" was in the anonymised
    # copy (as documented), with no word of it where the copy was made.
    data = tmp_path / "sessions"
    Store(data).save(named_session())
    export = ["--data-dir", str(data), "export", NAMED_ID, "--anonymise"]
    assert main(export) == 0
    said = (
        "Notes or reasons in this anonymised copy name Zebedee Quixley: free text is kept "
        "as written. To leave it out, export again and add --no-notes."
    )
    assert said in capsys.readouterr().err
    named_copy = ["--data-dir", str(data), "export", NAMED_ID]
    for quiet in ([*export, "--no-notes"], named_copy):  # left out, or names kept anyway
        assert main(quiet) == 0
        assert "name Zebedee" not in capsys.readouterr().err
    # The same words for the export box, told how it leaves free text out.
    written = write_exports(named_session(), ["md"], tmp_path / "hr", ExportOptions(anonymise=True))
    assert (
        'name Zebedee Quixley: free text is kept as written. To leave it out, export again and tick "Leave out notes and reasons".'
        in written.words(named_session())
    )


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Zebedee was clear.", True),  # the first name, as written
        ("zebedee quixley was clear", True),  # the whole name, in any case
        ("The zebedee costume", False),  # a first name in small letters is a word
        ("Zebedees", False),  # only as a word of its own
    ],
)
def test_a_name_is_found_in_free_text_as_a_person_would_see_it(text: str, named: bool) -> None:
    session = named_session()
    note = session.notes[0].model_copy(update={"text": text})
    decisions = [d.model_copy(update={"reason": ""}) for d in session.decisions]
    found = names_kept_in_free_text(
        session.model_copy(update={"notes": [note], "decisions": decisions})
    )
    assert ("Zebedee Quixley" in found) is named


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("Lee, Jordan", "Jordan said she is dyslexic", True),  # surname first, as HR types it
        ("Lee, Jordan", "jordan lee was late", True),  # the whole name, in the order said
        ("Mr T", "Mr T said she is pregnant", True),  # a whole name of a title and a letter
        ("Hope Young", "Young people were discussed", False),  # a surname alone is a word
        ("Smith, Dr. Anne-Marie", "Anne-Marie declared a conflict", True),  # the title left
        ("Smith, Dr. Anne-Marie", "Dr. Patel was there", False),  # a title is not a name
        ("Jordan Lee", "The jordan river", False),  # a name in small letters is a word
        ("Jordan Lee", "Leeds was mentioned", False),  # only as a word of its own
    ],
)
def test_any_word_of_a_name_typed_in_any_order_is_found(name: str, text: str, named: bool) -> None:
    session = named_session()
    candidate = session.candidates[0].model_copy(update={"name": name})
    note = session.notes[0].model_copy(update={"text": text})
    decisions = [d.model_copy(update={"reason": ""}) for d in session.decisions]
    found = names_kept_in_free_text(
        session.model_copy(
            update={"candidates": [candidate], "notes": [note], "decisions": decisions}
        )
    )
    assert (name in found) is named
