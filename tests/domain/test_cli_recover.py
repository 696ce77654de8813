"""``panel-tui sessions recover``: a session set aside as damaged, read back and saved again."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.store import Store
from panel_tui.domain.store.copies import copies_set_aside
from panel_tui.domain.store.loading import journal_path
from tests.domain.builders import two_by_two
from tests.domain.helpers import crash, three_votes_the_second_spoilt
from tests.platforms import link_to


def _set_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """Three votes, the second spoilt in the journal, then listed: the notice said."""
    data = tmp_path / "sessions"
    three_votes_the_second_spoilt(Store(data))
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    return data, capsys.readouterr().err


def test_the_command_the_notice_names_brings_the_session_back_with_what_was_lost_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, notice = _set_aside(tmp_path, capsys)
    assert "s1.journal, is damaged" in notice
    typed = shlex.split(notice.split("To get back all that still reads: ")[1])
    assert typed[:3] == ["panel-tui", "sessions", "recover"]
    [aside] = typed[3:]
    damaged = {path: path.read_bytes() for path in (data / "damaged").iterdir()}
    # Run from another folder, naming no sessions folder: it goes back where it came from.
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    monkeypatch.delenv("PANEL_TUI_DATA_DIR", raising=False)
    assert main(typed[1:]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said == [
        f"Recovered s1 (Test) from {aside}: 2 candidates, 3 panel members, 2 votes.",
        f"2 changes read back. Left out: 1 part of its record of changes, "
        f"{Path(aside).stem}.journal, no longer reads as written.",
        "Missing as a result: at least 1 vote, change of vote or undo.",
        "Check the votes on Alex Q1 with the panel: they were given next to what is missing, "
        "and each has a note saying so. A lost undo can make a withdrawn vote count again, "
        "and show votes that were still sealed.",
        "Look over its summary before you rely on it. The damaged copy is kept.",
        f"It is saved in the sessions folder ({data}).",
    ]
    recovered = Store(data).load("s1")
    assert [v.member for v in recovered.votes] == ["m1", "m3"]
    assert [n.question for n in recovered.notes] == ["q1"]
    assert {path: path.read_bytes() for path in (data / "damaged").iterdir()} == damaged
    assert not (tmp_path / "elsewhere" / "sessions").exists()

    assert main(typed[1:]) == 1  # already back: never replaced unasked
    assert "Use --replace" in capsys.readouterr().err
    assert main([*typed[1:], "--replace"]) == 0
    assert "The session that was there is kept as" in capsys.readouterr().out


def test_a_damaged_record_of_changes_is_named_never_the_session_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One change in the middle of s1.journal spoilt: the notice said "The session file
    # s1.json is damaged", which reads and is not at fault (found by a tester).
    data, notice = _set_aside(tmp_path, capsys)
    said = " ".join(notice.split())
    [aside] = (data / "damaged").glob("*.json")
    assert "s1.json is damaged" not in said
    assert (
        f"The session file {data / 's1.json'} can be read, but its record of changes, s1.journal, "
        "is damaged (change number 2 saved in it no longer reads as it was written). Both "
        f"were moved to {aside.parent} (as {aside.name} and {aside.stem}.journal) so that "
        "nothing overwrites them: keep them, as what was saved in them is still there."
    ) in said
    assert main(["--data-dir", str(data), "sessions", "recover", str(aside)]) == 0
    recovered = " ".join(capsys.readouterr().out.split())
    assert f"Left out: 1 part of its record of changes, {aside.stem}.journal, no longer" in (
        recovered
    )
    assert "session file itself" not in recovered


def test_importing_a_copy_set_aside_says_to_recover_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = _set_aside(tmp_path, capsys)
    [aside] = (data / "damaged").glob("*.json")
    assert main(["--data-dir", str(data), "import", str(aside)]) == 1
    assert f"To take in a session set aside as damaged: panel-tui sessions recover {aside}" in (
        capsys.readouterr().err
    )
    journal = aside.with_suffix(".journal")
    assert main(["--data-dir", str(data), "import", str(journal)]) == 1
    assert f"{journal}: is a record of changes from a sessions folder, not an export." in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (None, "There is no file {path}."),
        ("", "{path}: is empty; there is nothing in it to recover."),  # never "damaged"
        (" \n", "{path}: is empty; there is nothing in it to recover."),
        ("\ufeff\n", "{path}: is empty; there is nothing in it to recover."),  # a mark only
        ("folder", "{path} cannot be recovered: it is a folder, not a file."),
        (
            '{"rows": []}',
            "{path} is not a session file panel-tui keeps, so there is nothing to recover",
        ),
        (
            '{"session": {"1": {',
            "{path} cannot be recovered: the session file itself is damaged (it is not "
            "complete JSON",
        ),
        # Found by a tester: /etc/passwd or a question bank was "the session file itself
        # is damaged ... Keep it: what was saved is still in it".
        (
            "root:x:0:0:root:/root:/bin/bash\n",
            "{path} is not a session file panel-tui keeps (it does not read as one), so there "
            "is nothing to recover from it.",
        ),
        (
            'title = "Support worker"\n\n[[questions]]\nid = "q1"\n',
            "{path} is not a session file panel-tui keeps (it does not read as one), so there "
            "is nothing to recover from it.",
        ),
        # A session file cut short or wiped to zeros is still one, damaged.
        ('{"votes": {"1": {"candidate": "c', "the session file itself is damaged"),
        ("\x00" * 64, "the session file itself is damaged"),
    ],
)
def test_what_cannot_be_recovered_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str | None, said: str
) -> None:
    path = tmp_path / "given.json"
    if make == "folder":
        path.mkdir()
    elif make is not None:
        path.write_text(make)
    assert main(["--data-dir", str(tmp_path / "sessions"), "sessions", "recover", str(path)]) == 1
    err = capsys.readouterr().err
    assert said.format(path=path) in err
    assert "Traceback" not in err
    assert not (tmp_path / "sessions" / "given.json").exists()


def test_an_empty_session_file_with_its_record_of_changes_beside_it_is_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Not merely empty: the changes beside it may hold votes, for someone to mend by hand.
    path = tmp_path / "given.json"
    path.write_bytes(b"")
    journal_path(path).write_bytes(b"changes")
    assert main(["--data-dir", str(tmp_path / "sessions"), "sessions", "recover", str(path)]) == 1
    err = capsys.readouterr().err
    assert "the session file itself is damaged (the file is empty). Keep it" in err


def test_a_copy_that_cannot_be_read_back_is_not_offered_for_recovery(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(two_by_two("LLP"))
    snapshot = data / "s1.json"
    snapshot.write_bytes(snapshot.read_bytes().partition(b'"session"')[0])  # cut: no session record
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    notice = capsys.readouterr().err
    assert "s1.json is damaged (it is not complete JSON" in notice
    assert "record of changes" not in notice  # the session file itself is at fault
    assert "moved to" in notice and "sessions recover" not in notice


def test_a_session_file_with_rubbish_after_it_is_got_back_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A sync tool appended bytes after the whole session: "cannot be recovered", though
    # every vote was there (found by a tester).
    data = tmp_path / "sessions"
    with Store(data).create(two_by_two("LLP")) as opened:
        for member in ("m1", "m2", "m3"):
            opened.record_vote("c1", "q1", member, "up")
    snapshot = data / "s1.json"
    snapshot.write_bytes(snapshot.read_bytes() + b"\x00\x00garbage")
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    notice = capsys.readouterr().err
    assert "s1.json is damaged (something that is not part of it follows its end" in notice
    typed = shlex.split(notice.split("To get back all that still reads: ")[1])
    assert main(typed[1:]) == 0
    said = capsys.readouterr().out
    assert "Something that was not part of the session was found after it in the session " in (said)
    # What the bytes left out held cannot be told: never said to be all (found by a reviewer).
    assert "Every change saved in it was read back." not in said
    assert "Look over its summary before you rely on it. The damaged copy is kept." in said
    assert [v.member for v in Store(data).load("s1").votes] == ["m1", "m2", "m3"]


def test_an_older_and_a_newer_copy_run_together_name_the_newer_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A sync tool or a bad copy ran an older copy and the newer one together in s1.json:
    # the older was got back, the newer's votes dropped without a word, and every change
    # said to be read back (found by a reviewer).
    data = tmp_path / "sessions"
    with Store(data).create(two_by_two("LLP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.compact()
        older = (data / "s1.json").read_bytes()
        opened.record_vote("c1", "q1", "m2", "up")
        opened.record_vote("c1", "q2", "m3", "down")
        opened.compact()
    snapshot = data / "s1.json"
    snapshot.write_bytes(older + snapshot.read_bytes())
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    notice = capsys.readouterr().err
    typed = shlex.split(notice.split("To get back all that still reads: ")[1])
    assert main(typed[1:]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].endswith(": 2 candidates, 3 panel members, 1 vote.")
    assert said[1].startswith(
        "A second copy of the session was found after the first in the session file (after "
        f"its first {len(older)} bytes, as a sync tool or a bad copy can add): it holds 2 "
        "candidates, 3 panel members, 3 votes, where the first, read back, holds 2 "
        "candidates, 3 panel members, 1 vote. It was saved after the first: it is newer. It "
        "was left out: only the first was read back."
    )
    assert "panel-tui sessions recover --replace" in said[1]
    assert said[2] == "Look over its summary before you rely on it. The damaged copy is kept."
    assert "Every change saved in it was read back." not in said
    assert [v.member for v in Store(data).load("s1").votes] == ["m1"]


def test_a_mistyped_copy_in_a_damaged_folder_makes_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = tmp_path / "nowhere" / "damaged" / "s1.json"
    assert main(["--data-dir", str(tmp_path / "sessions"), "sessions", "recover", str(typed)]) == 1
    assert f"There is no file {typed}." in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_a_sessions_folder_the_run_names_is_where_the_copy_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = _set_aside(tmp_path, capsys)
    [aside] = (data / "damaged").glob("*.json")
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "sessions", "recover", str(aside)]) == 0
    assert f"It is saved in the sessions folder ({other})." in capsys.readouterr().out
    assert Store(other).load("s1").votes and not Store(data).summaries()


def test_a_folder_named_damaged_elsewhere_is_never_taken_for_a_sessions_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, _ = _set_aside(tmp_path, capsys)
    downloads = tmp_path / "Downloads"
    (downloads / "damaged").mkdir(parents=True)
    downloads.chmod(0o755)
    for part in (data / "damaged").iterdir():
        (downloads / "damaged" / part.name).write_bytes(part.read_bytes())
    [copy] = (downloads / "damaged").glob("*.json")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PANEL_TUI_DATA_DIR", raising=False)
    assert main(["sessions", "recover", str(copy)]) == 0  # into ./sessions, the default
    assert sorted(p.name for p in downloads.iterdir()) == ["damaged"]
    assert downloads.stat().st_mode & 0o777 == 0o755  # never made a sessions folder


@pytest.mark.parametrize("name", ["Panel (2024)", "O'Brien & co", "cost $HOME"])
def test_the_command_in_the_notice_pastes_whole_whatever_the_folder_is_called(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = tmp_path / name / "sessions"
    three_votes_the_second_spoilt(Store(data))
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    typed = capsys.readouterr().err.split("To get back all that still reads: ")[1].strip()
    # As a POSIX shell reads it (Windows quotes with double quotes, files.WINDOWS).
    assert shlex.split(typed)[3] == str(next((data / "damaged").glob("*.json")))


def test_deleting_a_session_deletes_its_copies_set_aside_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = _set_aside(tmp_path, capsys)
    [aside] = (data / "damaged").glob("*.json")
    assert main(["--data-dir", str(data), "sessions", "recover", str(aside)]) == 0
    assert main(["--data-dir", str(data), "sessions", "delete", "s1", "--yes"]) == 0
    assert list((data / "damaged").iterdir()) == []  # personal data: gone for good too


def test_the_newest_copy_of_a_session_set_aside_twice_is_the_one_offered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = _set_aside(tmp_path, capsys)
    [older] = (data / "damaged").glob("*.json")
    newer = older.with_name("s1.29991231T235959Z.json")  # set aside later, after more votes
    newer.write_bytes(older.read_bytes())
    journal_path(newer).write_bytes(journal_path(older).read_bytes())
    assert list(copies_set_aside(data, Store(data).exists).recoverable) == [newer.absolute()]
    # Set aside twice in one second: the name's random part says nothing of order.
    same = newer.with_name("s1.29991231T235959Z-0000.json")
    same.write_bytes(newer.read_bytes())
    os.utime(newer, ns=(1, 1))  # the one written last is the newest
    assert list(copies_set_aside(data, Store(data).exists).recoverable) == [same.absolute()]


def test_given_the_record_of_changes_alone_the_missing_session_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alone = tmp_path / "copied" / "s1.journal"
    alone.parent.mkdir()
    alone.write_bytes(b"")
    sessions = tmp_path / "sessions"
    assert main(["--data-dir", str(sessions), "sessions", "recover", str(alone)]) == 1
    assert f"There is no file {alone.with_suffix('.json')}." in capsys.readouterr().err
    assert not sessions.exists()  # nothing made for a recovery that could not start


def test_sessions_list_names_copies_set_aside_earlier_at_every_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a tester: named once when set aside, then the session looked deleted.
    data, _ = _set_aside(tmp_path, capsys)  # s1: its journal damaged, still reads back
    Store(data).save(two_by_two("LLP").model_copy(update={"id": "s2"}))
    path = data / "s2.json"
    path.write_bytes(path.read_bytes().replace(b'"Test"', b'"T\x80st"'))  # s2: too damaged
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    capsys.readouterr()
    for _ in range(2):
        assert main(["--data-dir", str(data), "sessions", "list"]) == 0
        said = capsys.readouterr().err
        assert "Set aside as damaged on an earlier run; what still reads can be got back:" in said
        assert '"Test" (s1), in ' in said
        assert "'panel-tui sessions recover FILE' gets back what a copy still holds." in said
        assert "and too damaged to get back here" in said
        assert f"{(data / 'damaged').absolute()}{os.sep}s2." in said


@pytest.mark.parametrize("given", ["as named", "relative", "link", "journal", "by the folder"])
def test_the_session_itself_in_its_sessions_folder_is_never_recovered_over_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    # Found by a tester: the session file in the sessions folder was taken for a copy set
    # aside; --replace was offered, and with it the session was saved over itself, the one
    # there moved to replaced/, while its record of changes held the latest votes.
    data = tmp_path / "hr" / "sessions"
    opened = Store(data).create(two_by_two("LLP"))
    for member in ("m1", "m2", "m3"):
        opened.record_vote("c1", "q1", member, "up")
    crash(opened)  # the votes are in s1.journal, not yet in s1.json
    assert journal_path(data / "s1.json").stat().st_size > 100
    before = {path.name: path.read_bytes() for path in data.iterdir()}
    if given == "link":
        link_to(tmp_path / "link.json", data / "s1.json")
    monkeypatch.chdir(tmp_path)
    named = {
        "as named": str(data / "s1.json"),
        "relative": "hr/./sessions/../sessions/s1.json",
        "link": "link.json",
        "journal": "hr/sessions/s1.journal",
        "by the folder": "hr/sessions/s1.json",  # named by PANEL_TUI_DATA_DIR
    }[given]
    run = ["--data-dir", "hr/sessions"]
    if given == "by the folder":
        monkeypatch.setenv("PANEL_TUI_DATA_DIR", str(data))
        run = []
    what = "the session itself"
    if given == "journal":
        what = f"the record of changes of {what}"
    for replace in ([], ["--replace"]):
        assert main([*run, "sessions", "recover", named, *replace]) == 1
        said = " ".join(capsys.readouterr().err.split())
        assert (
            f"{Path(named)} is {what}, in the sessions folder ({data}), not a copy set "
            "aside: there is nothing to recover. To check it, run: panel-tui --data-dir "
            f"{data} sessions list" in said
        )
        assert "--replace" not in said
    assert {path.name: path.read_bytes() for path in data.iterdir()} == before
    assert not (tmp_path / "sessions").exists()
    assert [v.member for v in Store(data).load("s1").votes] == ["m1", "m2", "m3"]


def test_the_session_itself_in_the_default_sessions_folder_names_the_plain_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(tmp_path / "sessions").save(two_by_two("LLP"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PANEL_TUI_DATA_DIR", raising=False)
    assert main(["sessions", "recover", "sessions/s1.json", "--replace"]) == 1
    said = " ".join(capsys.readouterr().err.split())
    assert "To check it, run: panel-tui sessions list (a damaged session is then set" in said
    assert not (tmp_path / "sessions" / "replaced").exists()
