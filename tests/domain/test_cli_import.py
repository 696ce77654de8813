"""``panel-tui import``: each file taken whole or not at all, a refusal naming the file and why.

Bad, cut-short, deeply nested and wrongly named files are refused in plain words,
never a traceback, and leave the sessions folder as it was.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.store import Store
from tests.domain.builders import one_vote, two_by_two
from tests.domain.cli_runs import data, run
from tests.domain.helpers import HR_FILE, three_votes_the_second_spoilt

__all__ = ["data"]  # the fixture, shared from tests/domain/cli_runs.py


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


def test_an_older_export_put_over_its_session_says_what_only_the_copy_kept_holds(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: the votes given since the export went to replaced/ without
    # a word, and the copy kept could only be taken back with "No record of changes".
    Store(data).save(one_vote("s1"))
    older = tmp_path / "older.json"
    assert run(data, "export", "s1", "--format", "json", "--output", str(older)) == 0
    with Store(data).open("s1") as opened:
        opened.record_vote("c1", "q1", "m2", "down")
        opened.add_note("c1", "q1", "Clear answer")
    capsys.readouterr()
    assert run(data, "import", str(older), "--replace") == 0
    (kept,) = (data / "replaced").iterdir()
    said = capsys.readouterr().out.splitlines()[-1]
    assert said.endswith(
        f"The session that was there is kept as {kept}. It holds what {older} does not: 1 "
        f"vote, change of vote or undo; 1 note. If {older} is the older, take that session "
        f"back with: panel-tui sessions recover --replace {kept}"
    )
    assert len(Store(data).load("s1").votes) == 1
    # The advice, followed from another folder: the copy goes back where it was kept,
    # said to be whole, and nothing the export held is lost on the way back.
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert main(["sessions", "recover", "--replace", str(kept)]) == 0
    said = capsys.readouterr().out
    assert "Every change saved in it was read back." in said
    assert "No record of changes" not in said
    assert "It holds" not in said  # the export kept in its place holds nothing more
    back = Store(data).load("s1")
    assert (len(back.votes), [n.text for n in back.notes]) == (2, ["Clear answer"])
    assert not (tmp_path / "elsewhere" / "sessions").exists()


def test_a_newer_export_put_over_its_session_says_only_where_that_is_kept(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(data).save(one_vote("s1"))
    with Store(data).open("s1") as opened:
        opened.record_vote("c1", "q1", "m2", "down")
    newer = tmp_path / "newer.json"
    assert run(data, "export", "s1", "--format", "json", "--output", str(newer)) == 0
    capsys.readouterr()
    assert run(data, "import", str(newer), "--replace") == 0
    (kept,) = (data / "replaced").iterdir()
    said = capsys.readouterr().out.splitlines()[-1]
    assert said.endswith(f"The session that was there is kept as {kept}.")


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
        # A share agreed as 30% became 50/50 unsaid, where prepare asks for --share
        # (found by a tester).
        (
            {"settings": {"sealed": True, "weighting": "lived_experience_share"}},
            "field 'settings': the weighting is \"lived_experience_share\" but no "
            '"lived_experience_share" is given',
        ),
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
    assert len(lines) == 7 and all(line.startswith(f"{source}: ") for line in lines[1:])
    # With no panel, no vote can be checked for a member: that check is to come.
    assert lines[-1].startswith(f"{source}: once these are put right, the rest of the file")


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
            "line 1: does not read as JSON, so it is not a panel-tui json export. A session "
            "is read from the .json file that 'panel-tui export SESSION --format json' writes",
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


@pytest.mark.parametrize("text", ["", " \r\n\n", "\ufeff"])
def test_an_empty_file_is_said_to_be_empty_as_prepare_says_it(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    # Found by a tester: "line 1: does not read as JSON", of a file with nothing in it.
    source = tmp_path / "given.json"
    source.write_text(text, encoding="utf-8")
    assert run(data, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert f"{source}: is empty; it holds no session. A session is read from the .json file" in err
    assert "JSON" not in err
    sheet = tmp_path / "candidates.csv"
    sheet.write_text(text, encoding="utf-8")
    panel = tmp_path / "panel.csv"
    panel.write_text("name,role\nAda,lived experience\n")
    typed = ["prepare", "--bank", "support-worker", "--panel", str(panel)]
    assert run(data, *typed, "--candidates", str(sheet)) == 1
    assert f"{sheet}: is empty; it needs a heading row and rows" in capsys.readouterr().err


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


def test_an_export_put_over_a_damaged_session_says_how_to_have_that_one_back(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a review: the damaged session was named with "panel-tui sessions
    # recover COPY", which the session now back under its id refuses, and then with
    # "--replace" in the import's own line. One command now, the one that works.
    store = Store(data)
    three_votes_the_second_spoilt(store)
    export = tmp_path / "export.json"
    export.write_bytes(export_json(two_by_two("LLP")).encode())  # s1, with no votes
    assert run(data, "import", str(export), "--replace") == 0
    (kept,) = (data / "damaged").glob("s1.*.json")
    said = capsys.readouterr().out.splitlines()[-1]
    back = f"panel-tui sessions recover --replace {kept.absolute()}"
    assert said.endswith(
        f"The session that was there was damaged, and is kept as {kept.absolute()} (see "
        f"above). It holds what {export} does not: 2 votes, changes of vote or undos. To have "
        f"what still reads in it back instead of {export}: {back}"
    )
    assert main(back.split()[1:]) == 0
    assert len(Store(data).load("s1").votes) == 2  # m2's vote, spoilt, is named as missing


def test_the_notice_of_a_damaged_session_replaced_names_the_command_that_works(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a review: the set-aside notice above the import's line still gave the
    # plain recover, which the session now back under its id refuses.
    three_votes_the_second_spoilt(Store(data))
    export = tmp_path / "export.json"
    export.write_bytes(export_json(two_by_two("LLP")).encode())  # s1, with no votes
    assert run(data, "import", str(export), "--replace") == 0
    notice = capsys.readouterr().err
    (kept,) = (data / "damaged").glob("s1.*.json")
    typed = shlex.split(notice.split("in this copy back instead, run: ")[1])
    assert typed == ["panel-tui", "sessions", "recover", "--replace", str(kept.absolute())]
    assert "The session s1 was then replaced by another saved in its place" in notice
    assert main(typed[1:]) == 0
    assert len(Store(data).load("s1").votes) == 2
