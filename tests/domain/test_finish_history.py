"""A session reopened after it was finished says so, and when, in every record of it.

Found by a tester: finished, exported, reopened, a vote and a decision changed and
finished again, the record still said only "finished", with other scores and ranks.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.exports.formats import as_shown
from panel_tui.domain.finishes import finish_history
from panel_tui.domain.models import Finishing, Session
from panel_tui.domain.store import Store
from panel_tui.domain.summary import build_summary
from tests.domain.builders import T0
from tests.domain.builders import session as build

HISTORY = (
    "Finished 23 November 2026 at 14:05; reopened at 14:20; finished again at 14:31. "
    "After it was first reopened: 1 vote given, changed or withdrawn and 1 decision recorded."
)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[datetime]]:
    """The store's clock, set by the test."""
    times = [T0]
    for module in ("panel_tui.domain.store.opened", "panel_tui.domain.models"):
        monkeypatch.setattr(f"{module}.now", lambda: times[0])
    yield times


def _reopened(tmp_path: Path, clock: list[datetime]) -> Session:
    store = Store(tmp_path)
    with store.create(build("LP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m2", "up")
        opened.decide("c1", "recommend", "")
        clock[0] = T0.replace(hour=14, minute=5)
        opened.set_finished()
        clock[0] = T0.replace(hour=14, minute=20)
        opened.set_finished(False)
        clock[0] += timedelta(minutes=2)
        opened.record_vote("c1", "q1", "m2", "down")
        opened.decide("c1", "do_not_recommend", "")
        clock[0] = T0.replace(hour=14, minute=31)
        opened.set_finished()
    return store.load("s1")


def test_the_summary_says_when_it_was_finished_reopened_and_what_changed(
    tmp_path: Path, clock: list[datetime]
) -> None:
    session = _reopened(tmp_path, clock)
    assert [f.finished for f in session.finishes] == [True, False, True]  # kept on disk
    status = build_summary(session, ExportOptions()).status
    assert status == f"Live interviews, finished. {HISTORY}"
    for fmt in ("md", "html"):
        assert HISTORY in render(session, fmt, ExportOptions()), fmt


def test_the_csv_and_json_say_it_too(tmp_path: Path, clock: list[datetime]) -> None:
    session = _reopened(tmp_path, clock)
    rows = list(csv.DictReader(io.StringIO(render(session, "csv", ExportOptions()))))
    assert {row["finish_history"] for row in rows} == {HISTORY}
    record = json.loads(render(session, "json", ExportOptions()))
    assert [f["finished"] for f in record["finishes"]] == [True, False, True]


def test_a_session_finished_once_says_only_finished(tmp_path: Path, clock: list[datetime]) -> None:
    store = Store(tmp_path)
    with store.create(build("LP", [("c1", "q1", m, "up") for m in ("m1", "m2")])) as opened:
        opened.set_finished()
    session = store.load("s1")
    assert finish_history(session) == ""
    assert build_summary(session, ExportOptions()).status == "Live interviews, finished."
    rows = list(csv.DictReader(io.StringIO(render(session, "csv", ExportOptions()))))
    assert rows[0]["finish_history"] == ""


def test_an_older_file_finished_before_times_were_kept_reads_and_says_what_it_can() -> None:
    # No ``finishes`` in the file: read with none; reopened now, the finish has no time.
    old = build("LP").model_dump(mode="json") | {"finished": True}
    assert "finishes" not in old
    session = Session.model_validate(old)
    assert session.finishes == []
    reopened = session.model_copy(
        update={"finished": False, "finishes": [Finishing(at=T0, finished=False)]}
    )
    assert finish_history(reopened) == (
        "Finished (when was not recorded), then reopened 23 November 2026 at 10:00. "
        "Nothing was changed after it was reopened."
    )


def _finished_and_reopened(tmp_path: Path, clock: list[datetime]) -> Store:
    store = Store(tmp_path)
    with store.create(build("LP", candidates=[("c1", "Alex"), ("c2", None)])) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m2", "up")
        clock[0] += timedelta(minutes=5)
        opened.set_finished()
        clock[0] += timedelta(minutes=5)
        opened.set_finished(False)
    clock[0] += timedelta(minutes=5)
    return store


def test_a_note_added_after_reopening_is_said_in_a_copy_without_notes(
    tmp_path: Path, clock: list[datetime]
) -> None:
    # Found by a review: the --no-notes csv said "Nothing was changed after it was
    # reopened", counting the notes it had left out, where the full copy said 1 added.
    store = _finished_and_reopened(tmp_path, clock)
    with store.open("s1") as opened:
        opened.add_note("c1", "q1", "Asked about rotas")
    session = store.load("s1")
    said = "After it was first reopened: 1 note added."
    for options in (ExportOptions(), ExportOptions(no_notes=True), ExportOptions(totals_only=True)):
        rows = list(csv.DictReader(io.StringIO(render(session, "csv", options))))
        assert said in rows[0]["finish_history"], options
        assert said in render(session, "md", options), options


def test_a_vote_still_sealed_after_reopening_is_counted_not_told(
    tmp_path: Path, clock: list[datetime]
) -> None:
    # Found by a review: a vote on a new question, still sealed, was left out of the
    # copy before its history was worked out: "Nothing was changed" on screen and in files.
    store = _finished_and_reopened(tmp_path, clock)
    with store.open("s1") as opened:
        opened.record_vote("c2", "q1", "m1", "down")
    session = store.load("s1")
    assert session.sealed_answers()
    said = "After it was first reopened: 1 vote given, changed or withdrawn."
    shown, options = as_shown(session, ExportOptions())
    assert said in build_summary(shown, options).status  # as the screen builds it
    rows = list(csv.DictReader(io.StringIO(render(session, "csv"))))
    assert said in rows[0]["finish_history"]
    assert said in render(session, "md")
