"""The reliability runner's checker finds a loss when there is one, and a short run loses nothing.

Nothing here measures time: the benchmarks print ratios, never assert them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks import kills, reliability
from tests.domain.builders import session as build


def test_the_checker_finds_an_acknowledged_vote_that_is_not_on_disk() -> None:
    before = build("LP", questions=[("q1", 1.0, False)], candidates=[("c1", None)])
    acked = json.dumps({"kind": "votes", "event": ["c1", "q1", "m1", "up", None]})
    lost = kills.check(before, before, ["I votes", acked])
    assert "votes: acknowledged events missing or changed" in lost
    assert kills.check(before, before, ["I votes"]) == []  # in flight: may be lost


def test_the_checker_finds_a_lost_move() -> None:
    before = build("LP", questions=[("q1", 1.0, False)], candidates=[("c1", None)])
    acked = json.dumps({"kind": "cursor", "value": ["c1", "q1"]})
    [lost] = kills.check(before, before, ["I cursor", acked])
    assert lost.startswith("the place")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the runner forks its writers")
def test_a_short_reliability_run_loses_nothing(tmp_path: Path) -> None:
    assert reliability.main(["--kills", "20", "--trials", "3"]) == 0
