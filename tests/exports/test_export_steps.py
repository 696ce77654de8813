"""The summary's one export, step by step: the words said and the question asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui.domain.exports import ALL, FORMATS, MEMBER_SHEETS, ExportOptions, file_name
from panel_tui.domain.exports.steps import MADE_BEFORE_FINISHING, ExportSteps, export_problem
from tests.exports.helpers import build_session
from tests.platforms import link_to


def test_files_there_are_asked_about_and_kept_or_replaced_in_one_set_of_words(
    tmp_path: Path,
) -> None:
    session, folder = build_session(), tmp_path / "hr"
    folder.mkdir()
    csv = folder / file_name(session, "csv")
    csv.write_text("HR's own edits")

    def steps() -> ExportSteps:
        return ExportSteps(
            session, list(FORMATS), folder, ExportOptions(), sessions=tmp_path / "sessions"
        )

    keeping = steps()
    first = keeping.start()
    assert first.ask is not None and first.folder_used and not first.refused
    assert session.finished  # so the question says what a file from before would say
    assert first.ask.question == (
        f"This file already exists:\n{csv}\n\n{MADE_BEFORE_FINISHING}\n\nReplace it?"
    )
    assert (first.ask.yes, first.ask.no) == ("Replace", "Keep it")
    assert first.said.startswith(f"Exported to the folder {folder.resolve()}: ")
    kept = keeping.answer(replace=False)
    assert kept.said.splitlines() == [
        first.said,
        f"Kept 1 file already there ({csv.name}): nothing was replaced.",
    ]
    assert kept.ask is None and csv.read_text() == "HR's own edits"
    # In short, for the Export box: the question just named the files.
    assert kept.briefly == (
        "Nothing was replaced: the files already there were kept, and the others written."
    )
    again = steps()
    again.start()  # every file there now
    assert again.answer(replace=False).briefly == (
        "Nothing was replaced or written: every file was already there."
    )

    for written in folder.iterdir():  # as before the first export
        written.unlink()
    csv.write_text("HR's own edits")
    replacing = steps()
    replacing.start()
    replaced = replacing.answer(replace=True)
    assert replaced.said.splitlines()[1] == f"Replaced 1 file already there ({csv.name})."
    assert csv.read_text() != "HR's own edits"


@pytest.mark.parametrize("finished", [False, True])
def test_a_finished_sessions_question_says_files_there_may_be_from_before(
    tmp_path: Path, finished: bool
) -> None:
    # Found by a tester: after F, the copies exported mid-session were kept at "Keep",
    # still saying "unfinished", and nothing said so before HR filed them.
    session = build_session().model_copy(update={"finished": finished})
    folder = tmp_path / "hr"
    folder.mkdir()
    (folder / file_name(session, "md")).write_text("Status: unfinished")
    steps = ExportSteps(session, ["md"], folder, ExportOptions(), sessions=tmp_path / "s")
    asked = steps.start().ask
    assert asked is not None
    said = "Files made before the session was finished still say it is unfinished"
    assert (said in asked.question) is finished
    assert asked.question.endswith("Replace it?")


def test_an_export_into_the_sessions_folder_is_refused_and_the_folder_not_kept(
    tmp_path: Path,
) -> None:
    session, sessions = build_session(), tmp_path / "sessions"
    sessions.mkdir()
    step = ExportSteps(session, ["md"], sessions / "hr", ExportOptions(), sessions=sessions)
    refused = step.start()
    assert "is inside the sessions folder" in refused.refused
    assert refused.said == "" and not refused.folder_used and refused.ask is None
    assert list(sessions.iterdir()) == []


def test_the_sessions_folder_is_named_once_when_it_is_called_sessions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folder is called "sessions" unless another is named: the chair read "inside
    # the sessions folder sessions", as if a word were typed twice.
    monkeypatch.chdir(tmp_path)
    session, sessions = build_session(), Path("sessions")
    sessions.mkdir()
    step = ExportSteps(session, ["md"], sessions / "hr", ExportOptions(), sessions=sessions)
    refused = step.start().refused
    assert refused.startswith("sessions/hr is inside the sessions folder (sessions), so nothing")
    assert "folder sessions" not in refused
    # A link there into it says the folder the same way.
    (tmp_path / "hr").mkdir()
    link_to(tmp_path / "hr" / file_name(session, MEMBER_SHEETS), tmp_path / sessions)
    step = ExportSteps(session, [MEMBER_SHEETS], Path("hr"), ExportOptions(), sessions=sessions)
    assert "a link into the sessions folder (sessions), where" in step.start().refused


@pytest.mark.parametrize(
    ("folder", "chosen", "refused"),
    [
        # The folder is asked for first: it is the one thing typed.
        ("", "", "Type the folder to write to."),
        ("   ", "md", "Type the folder to write to."),
        # Then a format: none chosen, or one not offered.
        ("~/hr", "", "Choose a format first."),
        ("~/hr", "pdf", "Choose a format first."),
        # One offered, or every format at once: nothing stops it.
        ("~/hr", "md", None),
        ("~/hr", ALL, None),
    ],
)
def test_the_export_box_is_refused_in_the_domains_words(
    folder: str, chosen: str, refused: str | None
) -> None:
    # Found by a review: the Export box decided and worded these itself.
    assert export_problem(folder, chosen, ["md", "html"]) == refused
