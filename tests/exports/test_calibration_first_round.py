"""Calibration counts each trainee's first-round vote: it measures independent judgement.

Found by a trainer: on Mock A's question 2 (reference middle) the trainees voted up,
middle, down; the chair ran the answer again (Ctrl+G) once the reference showed, and
all three voted middle. Agreement, lean and kappa counted the second round (100%)
while the report left out other votes given after the reveal.
"""

from __future__ import annotations

import json

import pytest

from panel_tui.domain.calibration import MemberCalibration, calibrate
from panel_tui.domain.exports import render
from panel_tui.domain.exports.trainee_sheets import trainee_sheets
from panel_tui.domain.models import Session
from tests.domain.practice import practice

NAMES = ["Ann Lee", "Ben Cho", "Cat Day"]
ROUND_1 = [
    ("p1", "q2", "m1", "up"),
    ("p1", "q2", "m2", "middle"),
    ("p1", "q2", "m3", "down"),
]


def voted_once() -> Session:
    return practice(["up", "middle"], NAMES, ROUND_1)


def voted_again() -> Session:
    """The same first round, then a second after the reference was shown: all middle."""
    again = [("p1", "q2", m, "middle", 2) for m in ("m1", "m2", "m3")]
    return practice(["up", "middle"], NAMES, [*ROUND_1, *again], rounds=[("p1", "q2", 2)])


def figures(m: MemberCalibration) -> tuple[object, ...]:
    """A trainee's figures, with each answer voted away from the reference by its question."""
    return (m.name, m.agreement, m.lean, m.answers, m.late, [(a.question, v) for a, v in m.away])


def test_a_second_round_leaves_every_calibration_figure_as_the_first_round_gave_it() -> None:
    once, twice = calibrate(voted_once()), calibrate(voted_again())
    assert twice.panel == once.panel
    assert [figures(m) for m in twice.members] == [figures(m) for m in once.members]
    assert twice.panel.reference_agreement == pytest.approx(1 / 3)
    (answer,) = twice.answers
    assert answer.split and answer.missed  # as round 1 was: up and down, 1 of 3


def test_every_export_says_the_first_round_counts_and_gives_the_later_one_apart() -> None:
    session = voted_again()
    text = render(session, "md")
    assert "count the last round" not in text
    assert "The figures above count each trainee's first vote, given before the" in text
    # The later round's figure, labelled, apart from the figures.
    assert (
        "agreement with the reference was 33.3% in the first round and 100.0% in the last" in text
    )
    assert "| Seat 1, Ann Lee | 0.0% |" in text
    record = json.loads(render(session, "json"))["results"]["calibration"]
    assert [m["agreement"] for m in record["members"]] == [0.0, 1.0, 0.0]
    ann = trainee_sheets(session)[0].html
    assert "Matched the reference on 0 of 1 answer" in ann
    assert "Your figures here count your first vote on it, given before" in ann
