"""The command line: sessions, import and export, with plain errors and no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.models import VoteEvent, new_session_id
from panel_tui.domain.store import Store
from tests.domain.builders import session as build
from tests.domain.helpers import HR_FILE, laptop_zone


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_import_of_the_hr_example_then_list_and_export(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "prepared.json"
    source.write_text(json.dumps(HR_FILE))
    assert run(data, "import", str(source)) == 0
    assert "Imported 2026-11-23-support-worker" in capsys.readouterr().out

    assert run(data, "sessions", "list", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["id"], listed["title"], listed["mode"]) == (
        "2026-11-23-support-worker",
        "Support worker, November",
        "live",
    )

    assert run(data, "export", "2026-11-23-support-worker", "--format", "json") == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["votes"][0]["value"] == "up"
    assert exported["results"]["ranking"][0]["score_pct"] == "100.0"
    assert "an_extra_field_from_an_hr_system" not in exported


def test_import_refuses_a_taken_id_unless_replace(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "prepared.json"
    source.write_text(json.dumps(HR_FILE))
    assert run(data, "import", str(source)) == 0
    assert run(data, "import", str(source)) == 1
    assert "already in" in capsys.readouterr().err
    source.write_text(json.dumps({**HR_FILE, "title": "Renamed"}))
    assert run(data, "import", str(source), "--replace") == 0
    assert "The session that was there is kept as" in capsys.readouterr().out
    assert Store(data).load("2026-11-23-support-worker").title == "Renamed"
    (kept,) = (data / "replaced").iterdir()
    assert json.loads(kept.read_bytes())["session"]["1"]["title"] == "Support worker, November"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"votes": [{**HR_FILE["votes"][0], "member": "m9"}]},  # type: ignore[index]
            "names the member 'm9', which the session does not have",
        ),
        (
            {"votes": [{**HR_FILE["votes"][0], "value": "great"}]},  # type: ignore[index]
            "vote 1, field 'value': must be one of up, middle, down or abstain",
        ),
        (
            {"panel": [{**HR_FILE["panel"][0], "name": "Sam\u202e"}]},  # type: ignore[index]
            "text-direction control character",
        ),
        (
            {"panel": [{**HR_FILE["panel"][0], "name": "\x1b[2JSam"}]},  # type: ignore[index]
            "control character (U+001B)",
        ),
        ({"format": "something/else"}, "is not a panel-tui session"),
        ({"candidates": []}, None),  # an empty round is allowed... but its votes are not
    ],
)
def test_import_of_a_bad_file_is_refused_and_changes_nothing(
    data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, object],
    message: str | None,
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({**HR_FILE, **change}))
    assert run(data, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert f"{source}" in err and "Traceback" not in err
    if message:
        assert message in err
    assert Store(data).sessions() == []


def test_import_with_several_problems_lists_each_on_its_own_line(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a new user: the problems came out on one line with "\\n" between them.
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"format": "panel-tui/session"}))
    assert run(data, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert "cannot be imported (5 problems)" in err
    assert "\\n" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 6 and all(line.startswith(f"{source}: ") for line in lines[1:])


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        # A json export cut short: the right file, damaged, so no other is asked for.
        (
            "broken.json",
            '{\n"format": "panel-tui/session",\n"id": \n}',
            "line 4: the JSON stops making sense here; the file may have been cut short",
        ),
        # The csv given for the json (found by a new user): which file import takes.
        (
            "summary.csv",
            "rank,candidate\n1,Alex\n",
            "line 1: does not read as JSON, so it is not a panel-tui json export. Import "
            "takes the .json file that 'panel-tui export SESSION --format json' writes",
        ),
    ],
)
def test_import_of_a_file_that_is_not_json_names_the_line_and_what_to_do(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, said: str
) -> None:
    source = tmp_path / name
    source.write_text(text)
    assert run(data, "import", str(source)) == 1
    assert f"{source}, {said}" in capsys.readouterr().err


def test_export_of_an_unknown_session_is_a_plain_error(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(data)  # the folder, with no session in it
    assert run(data, "export", "nope", "--format", "json") == 1
    assert "There is no session nope" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ("export", "s1"),
        ("payment", "s1"),
        ("combine", "s1", "s2", "--format", "md"),
        ("sessions", "delete", "s1", "--yes"),
        ("report", "--all", "--format", "md"),
        ("report", "s1", "--format", "md"),
    ],
)
def test_a_mistyped_sessions_folder_is_said_and_never_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    # Found by a tester: listing a folder that was not there made it, folders and all.
    missing = tmp_path / "sesions" / "deep"
    assert run(missing, *command) == 1
    said = capsys.readouterr().err
    assert (
        f"There is no sessions folder {missing} (check --data-dir, or PANEL_TUI_DATA_DIR)" in said
    )
    assert not (tmp_path / "sesions").exists()


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


def test_the_installed_command_gives_no_traceback_on_bad_input(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "panel_tui", "--data-dir", str(tmp_path), "export", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "panel-tui: There is no session nope" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("days", ["-1", "99999999", "soon"])
def test_older_than_must_be_a_sensible_number_of_days(
    data: Path, days: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(data, "sessions", "delete", "--older-than", days, "--yes")
    assert stopped.value.code == 2
    assert "is not a number of days from 0 to 36500" in capsys.readouterr().err


def test_deeply_nested_files_are_refused_plainly(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100000 + "]" * 100000)
    assert run(data, "import", str(nested)) == 1
    assert "nested too deeply" in capsys.readouterr().err
    bank = tmp_path / "nested.toml"
    bank.write_text("x = " + "[" * 100000 + "]" * 100000)
    assert main(["banks", "validate", str(bank)]) == 1
    err = capsys.readouterr().err
    assert "nested.toml" in err and "Traceback" not in err


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


def test_import_of_many_files_takes_each_whole_or_not_at_all(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = [tmp_path / f"laptop{n}.json" for n in range(3)]
    for n, path in enumerate(good):
        path.write_text(json.dumps({**HR_FILE, "id": f"round-{n}", "title": f"Round {n}"}))
    half = tmp_path / "half.json"  # valid JSON, but its one vote names nobody
    half.write_text(
        json.dumps({**HR_FILE, "id": "half", "votes": [{**HR_FILE["votes"][0], "member": "m9"}]})  # type: ignore[index]
    )
    missing = tmp_path / "missing.json"
    taken = tmp_path / "taken.json"
    taken.write_text(json.dumps({**HR_FILE, "id": "round-0", "title": "Other"}))
    files = [good[0], half, good[1], missing, taken, good[2]]
    assert run(data, "import", *map(str, files)) == 1  # some failed
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        "Imported round-0",
        "Imported round-1",
        "Imported round-2",
    ]
    refused = [line for line in err.splitlines() if line.startswith("panel-tui: ")]
    assert [line.split(":")[1].strip() for line in refused] == [
        str(half),
        str(missing),
        str(taken),
    ]
    assert "Imported 3 of 6 files; 3 refused" in err
    listed = {s.id: s.title for s in Store(data).summaries()}
    assert listed == {"round-0": "Round 0", "round-1": "Round 1", "round-2": "Round 2"}


def test_import_of_many_good_files_exits_zero_with_a_line_each(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for n in range(2):
        path = tmp_path / f"f{n}.json"
        path.write_text(json.dumps({**HR_FILE, "id": f"r{n}"}))
        files.append(str(path))
    assert run(data, "import", *files) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and out[-1] == "Imported 2 of 2 files."


def test_a_file_name_with_a_control_character_is_never_echoed_raw(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "round\x1b[2J.json"
    good.write_text(json.dumps({**HR_FILE, "id": "round-x"}))
    bad = tmp_path / "bad\x1b[2J.json"
    bad.write_text("{")
    assert run(data, "import", str(good), str(bad)) == 1
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    assert "round\\x1b[2J.json" in out and "bad\\x1b[2J.json" in err


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


@pytest.mark.parametrize(
    ("make", "said"), [(False, "is not there"), (True, "is a file, not a folder")]
)
def test_a_banks_folder_that_is_not_there_is_said_not_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: bool, said: str
) -> None:
    named = tmp_path / "my-banks"
    if make:
        named.write_text("")
    assert main(["--banks-dir", str(named), "--data-dir", str(tmp_path), "banks", "list"]) == 1
    assert f"The folder {named} given with --banks-dir {said}." in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", [["export", "s1"], ["report", "--all"], ["combine", "a.json", "b.json"]]
)
def test_an_empty_output_name_is_refused_not_taken_for_this_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(tmp_path), *command, "-o", " "])
    assert caught.value.code == 2
    assert "-o/--output: the name given is empty: give a file name." in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["export", "x/" * 5000],
        ["prepare", "--bank", "b" * 10000, "--panel", "p.csv", "--candidates", "c.csv"],
        ["report", "--all", "--since", "2" * 10000],
        ["sessions", "delete", "--older-than", "9" * 10000],
    ],
)
def test_a_huge_argument_is_echoed_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    try:
        code: object = main(["--data-dir", str(tmp_path), *command])
    except SystemExit as stopped:  # a usage error, from argparse
        code = stopped.code
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert "'..." in err and len(err) < 400
