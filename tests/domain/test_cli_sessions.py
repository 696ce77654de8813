"""``panel-tui sessions list`` and ``sessions delete``: the folder they name, and the days they go by.

Session ids, the list's dates and ``--older-than`` all count on the laptop's clock,
as the home screen and titles do.
"""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.models import VoteEvent, new_session_id
from panel_tui.domain.store import Store
from tests.domain.builders import session as build
from tests.domain.cli_runs import data, run
from tests.domain.helpers import laptop_zone

__all__ = ["data"]  # the fixture, shared from tests/domain/cli_runs.py


def test_listing_a_folder_not_there_makes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Named and not there: a slip, said as the other commands say it (found by a
    # tester: "No sessions in the folder ..." read as if every session was deleted).
    missing = tmp_path / "sesions"
    assert run(missing, "sessions", "list") == 1
    assert "There is no sessions folder" in capsys.readouterr().err
    # The folder of where panel-tui was started, before any session: an empty list.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PANEL_TUI_DATA_DIR", raising=False)
    assert main(["sessions", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    # A variable set blank is not set: no folder named " " (found by a tester).
    monkeypatch.setenv("PANEL_TUI_DATA_DIR", " ")
    assert main(["sessions", "list"]) == 0
    assert "in the folder " + str((tmp_path / "sessions").resolve()) in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_delete_one_and_older_than(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(data)
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    store.save(build("LP").model_copy(update={"id": "old", "created": long_ago}))
    store.save(build("LP").model_copy(update={"id": "other", "created": long_ago}))
    assert run(data, "sessions", "delete", "--older-than", "36500", "--yes") == 0
    assert "Nothing to delete: no session has gone 36500 days" in capsys.readouterr().out
    assert run(data, "sessions", "delete", "old", "--yes") == 0
    assert "Deleted old." in capsys.readouterr().out
    assert not (data / "old.json").exists() and not (data / "old.lock").exists()
    assert run(data, "sessions", "delete", "--older-than", "0") == 1  # no --yes, no terminal
    assert "Nothing was deleted" in capsys.readouterr().err
    assert store.exists("other")
    assert run(data, "sessions", "delete", "--older-than", "0", "--yes") == 0
    assert "other" in capsys.readouterr().out and not store.exists("other")


def test_older_than_counts_from_the_last_thing_recorded(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a tester: a session made long ago, voted on a minute before, was
    # deleted by "--older-than 30" with every vote in it.
    store = Store(data)
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    made = build("LP").model_copy(update={"created": long_ago})
    vote = VoteEvent(candidate="c1", question="q1", member="m1", value="up", at=long_ago)
    store.save(made.model_copy(update={"id": "quiet", "votes": [vote]}))
    recent = vote.model_copy(update={"at": datetime.now(UTC) - timedelta(days=1)})
    store.save(made.model_copy(update={"id": "in-use", "votes": [vote, recent]}))
    assert run(data, "sessions", "delete", "--older-than", "30", "--yes") == 0
    assert "Deleted quiet." in capsys.readouterr().out
    assert not store.exists("quiet") and store.exists("in-use")


def test_session_ids_are_unique_and_say_date_and_bank() -> None:
    ids = {new_session_id("support-worker") for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d-support-worker-[0-9a-f]{6}", i) for i in ids)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset (not on Windows)")
def test_a_session_id_has_the_laptops_date_as_its_title_does() -> None:
    # Begun at half past midnight, summer time, on 2 June in London: the title
    # and the home screen said 2 June, the id and every file named from it 1 June.
    just_after_midnight = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
    with laptop_zone("Europe/London"):
        assert new_session_id("support-worker", just_after_midnight).startswith("2026-06-02-")


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset (not on Windows)")
def test_sessions_are_listed_as_started_on_the_laptops_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Made at 00:30 summer time on 15 July in London (23:30 UTC on the 14th): the
    # list said 14 Jul, where the home screen, title and summary say the 15th (found
    # by a tester). HR deleting by date would pick the wrong day.
    made = build("LP").model_copy(update={"created": datetime(2026, 7, 14, 23, 30, tzinfo=UTC)})
    Store(tmp_path).save(made)
    with laptop_zone("Europe/London"):
        assert main(["--data-dir", str(tmp_path), "sessions", "list"]) == 0
        listed = capsys.readouterr().out
        assert "made 15 Jul 2026 at 00:30" in listed
        # "unfinished", as the home screen says: "open" read as votes not sealed (a tester).
        assert "(live, unfinished, " in listed
        assert main(["--data-dir", str(tmp_path), "sessions", "delete", made.id, "--yes"]) == 0
        assert "(made 15 Jul 2026 at 00:30)" in capsys.readouterr().out


@pytest.mark.parametrize("days", ["-1", "99999999", "soon"])
def test_older_than_must_be_a_sensible_number_of_days(
    data: Path, days: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(data, "sessions", "delete", "--older-than", days, "--yes")
    assert stopped.value.code == 2
    assert "is not a number of days from 0 to 36500" in capsys.readouterr().err


def test_the_delete_prompt_treats_end_of_input_as_no(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(data).save(build("LP").model_copy(update={"id": "keep"}))

    def end_of_input(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", end_of_input)
    assert run(data, "sessions", "delete", "keep") == 0
    assert "Nothing was deleted." in capsys.readouterr().out
    assert Store(data).exists("keep")


def test_an_empty_list_names_the_whole_folder_and_where_sessions_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Run from another folder it said "No sessions in sessions.", which does not
    # say where that is, nor that sessions are kept where panel-tui was started.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PANEL_TUI_DATA_DIR", raising=False)
    assert main(["sessions", "list"]) == 0
    said = capsys.readouterr().out
    assert f"No sessions in the folder {(tmp_path / 'sessions').resolve()}." in said
    assert "--data-dir" in said
    # A folder named on the command line is named in full, with no advice on where.
    (tmp_path / "other").mkdir()
    (tmp_path / "elsewhere").mkdir()
    assert main(["--data-dir", "other/../elsewhere", "sessions", "list"]) == 0
    said = capsys.readouterr().out
    assert said.strip() == f"No sessions in the folder {(tmp_path / 'elsewhere').resolve()}."


def _old_sessions(data: Path, *ids: str) -> Store:
    store = Store(data)
    for session_id in ids:
        made = build("LP").model_copy(update={"id": session_id, "title": session_id.title()})
        store.save(made.model_copy(update={"created": datetime(2020, 1, 1, tzinfo=UTC)}))
    return store


OPEN_ELSEWHERE = "it is open in another panel-tui window (process {}); close it there first"


def test_a_session_open_elsewhere_is_never_listed_as_deleted(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a tester: "This will delete, from disk, for good: busy" came before
    # the refusal, which read as if it had been deleted.
    store = _old_sessions(data, "busy")
    with Store(data).open("busy"):
        assert run(data, "sessions", "delete", "busy", "--yes") == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (
        "panel-tui: The session busy was not deleted: "
        + OPEN_ELSEWHERE.format(os.getpid())
        + ", then try again.\n"
    )
    assert store.exists("busy")


def test_older_than_deletes_the_rest_and_names_each_session_open_elsewhere(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _old_sessions(data, "busy", "free")
    with Store(data).open("busy"):
        assert run(data, "sessions", "delete", "--older-than", "0", "--yes") == 1
    said = capsys.readouterr()
    assert "busy" not in said.out
    assert said.out.splitlines() == [
        "This will delete, from disk, for good:",
        "  free  Free  (made 1 Jan 2020 at 00:00)",
        "Deleted free.",
    ]
    assert said.err.splitlines() == [
        "panel-tui: Not deleted, 1 session:",
        "  busy  Busy: " + OPEN_ELSEWHERE.format(os.getpid()) + ", then try again",
    ]
    assert store.exists("busy") and not store.exists("free")
    # Every one open elsewhere: nothing is listed or asked, and nothing deleted.
    with Store(data).open("busy"):
        assert run(data, "sessions", "delete", "--older-than", "0") == 1
    said = capsys.readouterr()
    assert said.out == "Nothing was deleted.\n" and "busy  Busy: it is open" in said.err


def test_the_question_asks_only_about_sessions_it_can_delete_and_says_which_it_cannot(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _old_sessions(data, "busy", "free")
    asked: list[tuple[str, str, str]] = []

    def answer_yes(prompt: str) -> str:
        before = capsys.readouterr()
        asked.append((before.out, before.err, prompt))
        return "y"

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer_yes)
    with Store(data).open("busy"):
        assert run(data, "sessions", "delete", "--older-than", "0") == 1
    ((out, err, prompt),) = asked
    assert "busy" not in out and "  free  Free" in out
    assert "Not deleted, 1 session:\n  busy  Busy: it is open in another panel-tui" in err
    assert prompt == "Delete 1 session? [y/N] "
    assert capsys.readouterr().out == "Deleted free.\n"
    assert store.exists("busy") and not store.exists("free")
