"""The summary read aloud: the ranking as sentences, in the order the screen shows it."""

from __future__ import annotations

import pytest

from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.summary.spoken import spoken_summary
from panel_tui.domain.words import ASCII_VOTE_SYMBOLS, VOTE_SYMBOLS, VOTE_WORDS
from tests.domain.practice import practice
from tests.domain.test_summary import summary_of
from tests.exports.helpers import build_session


def test_the_summary_is_read_candidate_by_candidate_in_ranking_order() -> None:
    summary = summary_of(build_session())
    said = spoken_summary(summary).splitlines()
    assert said[0] == summary.heading + "."
    assert said[1] == summary.status
    # One line a candidate, best first, as the ranking lists them; a listener
    # hears the same facts, in the same order, as the screen shows under each.
    read = said[-len(summary.candidates) :]
    for line, shown in zip(read, summary.candidates, strict=True):
        assert line.startswith(f"{shown.heading}. Rank: {shown.rank_words}. Score: ")
        assert f"Flags: {shown.flags_cell}." in line
        assert f"Decision: {shown.decision}" in line
    # No symbol a voice reads as "black up-pointing triangle" or skips.
    assert not any(mark in "\n".join(said) for mark in "▲●▼–—•")


def test_a_practice_summary_reads_its_calibration_report_after_the_title() -> None:
    # Found by a tester: Ctrl+L read the title, then each mock candidate, and
    # skipped the calibration report the screen shows first.
    summary = summary_of(practice(["up", "down"], ["A", "B"]))
    assert summary.calibration is not None
    said = spoken_summary(summary).splitlines()
    report = said.index("Calibration: how the panel compares with the reference.")
    first_candidate = len(said) - len(summary.candidates)
    assert 0 < report < first_candidate  # in screen order: after the title, before the results
    figures = summary.calibration.figures
    assert figures and said[report + 2].startswith(f"{figures[0].name}: {figures[0].value}.")
    assert any(line.startswith("Rounds: ") for line in said[report:first_candidate])


@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_calibration_report_reads_the_reference_without_its_mark(ascii_only: bool) -> None:
    # Found by a tester: "the reference is + Up" was read "plus Up", "o Middle" as "oh".
    split = [("p1", "q1", "m1", "down"), ("p1", "q1", "m2", "up")]
    missed = [("p1", "q2", "m1", "up"), ("p1", "q2", "m2", "up")]
    made = practice(["up", "middle"], ["A", "B"], [*split, *missed])
    said = spoken_summary(summary_of(made, ExportOptions(ascii_only=ascii_only)))
    assert "the reference is Up." in said and "the reference is Middle." in said, said
    marks = [*VOTE_SYMBOLS.values(), *ASCII_VOTE_SYMBOLS.values()]
    assert not any(f"{mark} {word}" in said for mark in marks for word in VOTE_WORDS.values())
