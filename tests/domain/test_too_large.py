"""A session too large for panel-tui to read is never written: refused before, in plain words.

Found by a tester: ``prepare`` with a candidates sheet of 900,000 rows said
"Prepared ... 900000 candidates" and wrote 80 MB, which ``export`` and the app
then refused as larger than 64 MB. The cap is made small here, so that a few
thousand candidates stand for the 900,000 and the tests stay fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from panel_tui.domain.store import Store, StoreError, files
from tests.domain.builders import session
from tests.domain.cli_runs import data, run
from tests.domain.helpers import HR_FILE
from tests.domain.hr_sheets import LIBRE_PANEL, sheets

__all__ = ["data"]  # the fixture, shared from tests/domain/cli_runs.py

#: The cap the tests put in place of the 64 MB panel-tui reads.
CAP = 64 * 1024
#: Candidates enough to pass it (a row of the session file each: about 60 bytes).
MANY = 2000


@pytest.fixture(autouse=True)
def small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", CAP)


def _candidates_sheet() -> bytes:
    return b"code,name\n" + b"".join(b"C%d,Candidate %d\n" % (n, n) for n in range(1, MANY + 1))


def test_prepare_refuses_more_candidates_than_a_session_can_hold(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files_given = sheets(tmp_path, LIBRE_PANEL, _candidates_sheet())
    assert run(data, "prepare", "--bank", "support-worker", *files_given) != 0
    said = capsys.readouterr()
    assert "Prepared" not in said.out
    assert f"holds {MANY} candidates, 2 panel members and 6 questions" in said.err
    assert "panel-tui reads a session of at most 64 KB" in said.err
    assert "Split it into smaller sessions, with fewer candidates in each." in said.err
    assert "Traceback" not in said.err
    assert list(data.glob("*.json")) == []  # nothing written that could not be read


def test_import_refuses_a_session_too_large_and_keeps_the_one_there(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "prepared.json"
    source.write_text(json.dumps(HR_FILE))
    assert run(data, "import", str(source)) == 0
    there = (data / f"{HR_FILE['id']}.json").read_bytes()
    large = {
        **HR_FILE,
        "candidates": [
            {"id": f"c{n}", "code": f"C{n}", "name": f"Candidate {n}"} for n in range(1, 1000)
        ],
    }
    # Within the cap as given (about 51 KB), past it as the store writes it (about 80 KB).
    source.write_text(json.dumps(large, separators=(",", ":")))
    assert source.stat().st_size < CAP
    assert run(data, "import", "--replace", str(source)) != 0
    assert "is too large for panel-tui, so it was not saved" in capsys.readouterr().err
    assert (data / f"{HR_FILE['id']}.json").read_bytes() == there
    assert not (data / "replaced").exists()  # no copy kept of a replace never made


def test_the_cap_is_what_a_new_session_is_checked_against(tmp_path: Path) -> None:
    store = Store(tmp_path / "sessions")
    small = session("LLP", candidates=[(f"c{n}", f"Candidate {n}") for n in range(1, 10)])
    store.save(small)  # well within the cap: saved, and read back whole
    assert store.load(small.id) == small
    large = session("LLP", candidates=[(f"c{n}", f"Candidate {n}") for n in range(1, MANY)])
    with pytest.raises(StoreError) as refused:
        store.save(large.model_copy(update={"id": "s2"}))
    assert f"holds {MANY - 1} candidates, 3 panel members and 1 question" in str(refused.value)
    assert not store.exists("s2")


def test_a_change_that_would_take_an_open_session_past_the_cap_is_refused(
    tmp_path: Path,
) -> None:
    # Found by a tester: imported just under the cap, then 700 long notes, each said to be
    # saved, and the session was written past it at closing, never to be read again.
    store = Store(tmp_path / "sessions")
    store.save(session("LLP"))
    saved = 0
    with store.open("s1") as opened:
        with pytest.raises(StoreError) as refused:
            for n in range(2 * CAP // 1000):
                opened.add_note("c1", "q1", f"{n:04d}" + "x" * 996)
                saved += 1
        said = str(refused.value)
        assert said.startswith("This change was not saved: with it, the session s1 would take")
        assert "more than the 64 KB panel-tui can read back" in said
        assert "Everything saved before it is kept." in said
        assert len(opened.session.notes) == saved  # the refused note is not shown as saved
    # Refused only when it would not fit: the file is within a note or two of the cap.
    assert CAP - 2500 < store.path("s1").stat().st_size <= CAP
    again = Store(store.root).load("s1")  # opens, with every change said to be saved
    assert [note.text[:4] for note in again.notes] == [f"{n:04d}" for n in range(saved)]


def test_import_refuses_a_file_past_the_cap_before_reading_it(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The cap is the one the store reads, read when the file is (importing.py once took
    # its own copy of the 64 MB when loaded, so it missed any change, such as this test's).
    source = tmp_path / "large.json"
    source.write_bytes(b" " * (CAP + 1))
    assert run(data, "import", str(source)) != 0
    said = capsys.readouterr().err
    assert f"{source}: cannot be read: it is larger than 64 KB." in said
    assert not list(data.glob("*.json"))
