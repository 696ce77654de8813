"""One count of votes, said one way: the home screen, sessions list and import agree.

A session whose log holds changes and undos has more vote events than votes
that stand; every place a person reads the count shows the votes that stand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports import render
from panel_tui.domain.store import Store
from panel_tui.domain.store.catalogue import summarise
from panel_tui.ui.screens.home import session_prompt
from tests.domain.builders import session


def test_every_place_counts_the_votes_that_stand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "down"),
        ("c1", "q1", "m1", "middle"),  # a change: one vote, two events
        ("c1", "q1", "m3", "up"),
        ("c1", "q1", "m3", None),  # an undo: no vote, two events
    ]
    made = session("LLP", rows)
    assert (len(made.votes), made.standing_votes()) == (5, 2)
    home = session_prompt(summarise(made)).plain
    assert "2 votes" in home
    data = tmp_path / "sessions"
    Store(data).save(made)
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    listed = capsys.readouterr().out
    assert "2 votes" in listed and "5" not in listed.split("candidate")[1]
    assert main(["--data-dir", str(data), "sessions", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["votes"], row["vote_events"]) == (2, 5)
    assert (row["candidates"], row["candidate_codes"]) == (1, ["C1"])
    exported = tmp_path / "s1.json"
    exported.write_text(render(made, "json"), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "other"), "import", str(exported)]) == 0
    assert "2 votes" in capsys.readouterr().out
